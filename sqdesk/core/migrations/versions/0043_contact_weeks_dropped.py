"""the weeks table dropped

Revision ID: 0043
Revises: 0042
Create Date: 2026-12-03

The dashboard's active members per week are the days' bitmaps OR-ed (0042,
sqdesk.core.contact_days): the member-weeks table had no reader left, and every write of
a contact still kept it. Dropped: 51 MB of the 100,000-member demo store. Going back
builds it again from the contacts, as 0040 filled it.
"""

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0043"
down_revision = "0042"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("contact_week")


def downgrade() -> None:
    op.create_table(
        "contact_week",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"],
                                name=op.f("fk_contact_week_member_id_member"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("member_id", "week", name=op.f("pk_contact_week")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_contact_week_week", "contact_week", ["week", "member_id"])
    # 0040's own statement: every (member, Monday) with a contact.
    path = Path(__file__).with_name("0040_contact_weeks_whole.py")
    spec = importlib.util.spec_from_file_location("migration_0040", path)
    filled = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(filled)
    op.execute(filled.fill_statement(op.get_bind().dialect.name))
