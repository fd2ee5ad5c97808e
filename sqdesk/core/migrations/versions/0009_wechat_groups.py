"""wechat groups

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25

WeChat groups (with their QR image) and members' stays in them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wechat_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("name_key", sa.String(length=50), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("rules", sa.Text(), nullable=False),
        sa.Column("welcome", sa.Text(), nullable=False),
        sa.Column("qr_image", sa.LargeBinary(), nullable=True),
        sa.Column("qr_taken_on", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wechat_group")),
        sa.UniqueConstraint("name_key", name=op.f("uq_wechat_group_name_key")),
    )
    op.create_table(
        "group_membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("leave_reason", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["wechat_group.id"],
                                name=op.f("fk_group_membership_group_id_wechat_group"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"],
                                name=op.f("fk_group_membership_member_id_member"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_membership")),
    )  # fmt: skip
    with op.batch_alter_table("group_membership", schema=None) as batch_op:
        batch_op.create_index("ix_group_membership_group",
                              ["group_id", "left_on", "member_id"], unique=False)  # fmt: skip
        batch_op.create_index("ix_group_membership_member",
                              ["member_id", "left_on", "group_id"], unique=False)  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("group_membership", schema=None) as batch_op:
        batch_op.drop_index("ix_group_membership_member")
        batch_op.drop_index("ix_group_membership_group")
    op.drop_table("group_membership")
    op.drop_table("wechat_group")
