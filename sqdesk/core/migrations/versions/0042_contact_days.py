"""who the shop had contact with, day by day

Revision ID: 0042
Revises: 0041
Create Date: 2026-12-03

A bitmap of members per day and kind (came, came again that day, another contact), kept
like the contact weeks (sqdesk.core.contact_days): the dashboard counts a period's
distinct visitors, repeat visitors and active members from a few hundred bitmaps instead
of an index seek per member. Filled here from the sources (about 1.5 s for the 100,000-
member store; 3 MB), so the table is always whole.
"""

import zlib
from collections import defaultdict
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0042"
down_revision = "0041"
branch_labels = None
depends_on = None

VISITED, AGAIN, OTHER = 1, 2, 3


def upgrade() -> None:
    op.create_table(
        "contact_day",
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("kind", sa.SmallInteger(), nullable=False),
        sa.Column("bits", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("day", "kind", name=op.f("pk_contact_day")),
    )
    conn = op.get_bind()
    rows = [{"day": d, "kind": k, "bits": _pack(ids)}
            for (d, k), ids in sorted(_sources(conn).items())]  # fmt: skip
    table = sa.table("contact_day", sa.column("day"), sa.column("kind"),
                     sa.column("bits", sa.LargeBinary()))  # fmt: skip
    for start in range(0, len(rows), 500):
        conn.execute(table.insert(), rows[start:start + 500])


def _pack(ids: set[int]) -> bytes:
    """As sqdesk.core.contact_days.pack keeps a bitmap: bit m for member m, little-endian,
    zlib-compressed."""
    buf = bytearray(max(ids) // 8 + 1)
    for m in ids:
        buf[m >> 3] |= 1 << (m & 7)
    bits = int.from_bytes(buf, "little")
    return zlib.compress(bits.to_bytes((bits.bit_length() + 7) // 8, "little"), 1)


def _sources(conn) -> dict[tuple[int, int], set[int]]:
    """{(day, kind): member ids}, as sqdesk.core.contact_days works them out: a moment's
    day in the shop's time with today's offset, an activity by its day."""
    offset = int(datetime.now().astimezone().utcoffset().total_seconds())
    if conn.dialect.name == "postgresql":
        def day(at: str) -> str:
            return f"CAST(floor((extract(epoch from {at}) + {offset}) / 86400) AS INTEGER)"

        date_day = "(occurrence_date - DATE '1970-01-01')"
    else:
        shift = 719_163  # days: the moment counted from before the year 1, so / floors

        def day(at: str) -> str:
            return f"(({at} + {(offset + shift * 86_400) * 1_000_000}) / 86400000000 - {shift})"

        date_day = "CAST(julianday(occurrence_date) - 2440587.5 AS INTEGER)"
    out: dict[tuple[int, int], set[int]] = defaultdict(set)
    known = "member_id IN (SELECT id FROM member)"
    for member, d, n in conn.execute(sa.text(
            f"SELECT member_id, {day('at')} AS d, count(*) FROM visit "
            f"WHERE NOT voided AND {known} GROUP BY member_id, d")):  # fmt: skip
        out[(d, VISITED)].add(member)
        if n > 1:
            out[(d, AGAIN)].add(member)
    copied = "CAST(substr(rendered_for, 8) AS INTEGER)"
    for member, d in conn.execute(sa.text(f"""
            SELECT member_id, {date_day} FROM attendance WHERE {known}
            UNION SELECT member_id, {day('at')} FROM note WHERE {known}
            UNION SELECT {copied}, {day('copied_at')} FROM post_copy
            WHERE rendered_for LIKE 'member:%' AND {copied} IN (SELECT id FROM member)""")):
        out[(d, OTHER)].add(member)
    return out


def downgrade() -> None:
    op.drop_table("contact_day")

