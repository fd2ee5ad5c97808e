"""member search tokens

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

The tokens are derived data: sqdesk.core.search fills (and refills) the table when the
store opens and the index version it finds is not the current one.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    token = sa.String(length=64).with_variant(sa.String(64, collation="C"), "postgresql")
    op.create_table(
        "member_token",
        sa.Column("token", token, nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["member.id"],
            name=op.f("fk_member_token_member_id_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token", "member_id", name=op.f("pk_member_token")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_member_token_member_id", "member_token", ["member_id"])


def downgrade() -> None:
    op.drop_index("ix_member_token_member_id", table_name="member_token")
    op.drop_table("member_token")
