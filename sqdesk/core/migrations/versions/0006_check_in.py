"""check-ins

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25

A member's check-in days, for the consecutive-days streak bonus.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "check_in",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"],
                                name=op.f("fk_check_in_member_id_member"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("member_id", "day", name=op.f("pk_check_in")),
    )  # fmt: skip


def downgrade() -> None:
    op.drop_table("check_in")
