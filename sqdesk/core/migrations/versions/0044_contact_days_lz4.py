"""the day bitmaps kept as LZ4 blocks

Revision ID: 0044
Revises: 0043
Create Date: 2026-12-03

The dashboard reads thousands of day bitmaps for a year (sqdesk.core.contact_days): zlib
gave each back in about 35 us, LZ4 in 2. Every bitmap is rewritten in place, the same
bits: little-endian bytes in an LZ4 block that starts with their size (4.6 MB for the
100,000-member demo's three years, 3.0 as zlib; under a second). Going back writes zlib
again, as 0042 kept them.
"""

import zlib

import lz4.block
import sqlalchemy as sa
from alembic import op

revision = "0044"
down_revision = "0043"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _rewrite(lambda blob: lz4.block.compress(zlib.decompress(blob), store_size=True))


def downgrade() -> None:
    _rewrite(lambda blob: zlib.compress(lz4.block.decompress(blob), 1))


def _rewrite(convert) -> None:
    """Every row's bits through `convert`, a few hundred rows at a time."""
    conn = op.get_bind()
    table = sa.table("contact_day", sa.column("day"), sa.column("kind"),
                     sa.column("bits", sa.LargeBinary()))  # fmt: skip
    rows = conn.execute(sa.select(table.c.day, table.c.kind, table.c.bits)).all()
    update = (table.update().where(table.c.day == sa.bindparam("d"),
                                   table.c.kind == sa.bindparam("k"))
              .values(bits=sa.bindparam("b")))  # fmt: skip
    for start in range(0, len(rows), 500):
        conn.execute(update, [{"d": d, "k": k, "b": convert(bytes(b))}
                              for d, k, b in rows[start:start + 500]])  # fmt: skip
