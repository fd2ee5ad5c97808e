"""the weeks in which the shop had contact with each member

Revision ID: 0025
Revises: 0024
Create Date: 2026-11-30

Derived from the visits, attendance, notes and posts copied (sqdesk.core.contact_weeks), so
the dashboard counts a year's weekly active members from a table of member-weeks instead of
a million visits and notes. Left empty here: it is built on first use.
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contact_week",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_contact_week_member_id_member"),
            ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("member_id", "week", name=op.f("pk_contact_week")),
    )
    op.create_index("ix_contact_week_week", "contact_week", ["week", "member_id"])


def downgrade() -> None:
    op.drop_index("ix_contact_week_week", table_name="contact_week")
    op.drop_table("contact_week")
