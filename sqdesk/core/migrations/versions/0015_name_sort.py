"""names sort by pinyin

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30

member.name_sort holds the name as people sort it (张三 -> "zhang san", beside "Zhang Wei";
see sqdesk.core.pinyin.sort_key), kept by the search index's code on every write. The
roster's name index moves to it, so the first page sorted by name stays an index read.
The column is filled when the store opens: the search index's version moves with this
revision, and its rebuild writes every key.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# Compared byte by byte (as SQLite's BINARY collation does), whatever the server's locale.
_SORT = sa.String(length=200).with_variant(sa.String(length=200, collation="C"), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_sort", _SORT, nullable=False, server_default=""))
        batch_op.drop_index("ix_member_roster_name")
        batch_op.create_index("ix_member_roster_name", ["archived", "name_sort", "id"])


def downgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index("ix_member_roster_name")
        batch_op.create_index("ix_member_roster_name", ["archived", "name", "id"])
        batch_op.drop_column("name_sort")
