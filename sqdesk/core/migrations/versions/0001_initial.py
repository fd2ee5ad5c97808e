"""initial schema: settings and members

Revision ID: 0001
Revises:
Create Date: 2026-11-25

Migrations never import sqdesk's models: a model changes later, a migration must not.
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("nickname", sa.String(length=100), nullable=False),
        sa.Column("mobile", sa.String(length=32), nullable=True),
        sa.Column("mobile_foreign", sa.Boolean(), nullable=False),
        sa.Column("wechat_id", sa.String(length=64), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("birthday_lunar", sa.Boolean(), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("referrer_id", sa.Integer(), nullable=True),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("consent_scope", sa.String(length=200), nullable=False),
        sa.Column("remark", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["referrer_id"],
            ["member.id"],
            name=op.f("fk_member_referrer_id_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
        sa.UniqueConstraint("code", name=op.f("uq_member_code")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index("ix_member_joined_on", ["joined_on"], unique=False)
        batch_op.create_index("ix_member_mobile", ["mobile"], unique=False)
        batch_op.create_index("ix_member_name", ["name"], unique=False)
        batch_op.create_index("ix_member_referrer_id", ["referrer_id"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )


def downgrade() -> None:
    op.drop_table("setting")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index("ix_member_referrer_id")
        batch_op.drop_index("ix_member_name")
        batch_op.drop_index("ix_member_mobile")
        batch_op.drop_index("ix_member_joined_on")

    op.drop_table("member")
