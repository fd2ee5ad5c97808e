"""per-member visit statistics

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25

Derived from visits (sqdesk.core.member_stats fills it), so segments filter on columns.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_stats",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("last_visit_at", sa.DateTime(timezone=True), nullable=True),
        *[sa.Column(name, sa.Integer(), nullable=False) for name in (
            "visits_30", "visits_90", "spend_90", "spend_prev_90", "spend_365",
            "max_purchase_30", "visits_this_month", "visits_last_month")],
        sa.ForeignKeyConstraint(["member_id"], ["member.id"],
                                name=op.f("fk_member_stats_member_id_member"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_stats")),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("member_stats")
