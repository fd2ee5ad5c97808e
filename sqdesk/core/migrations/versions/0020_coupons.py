"""coupons

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-30

Coupon types the shop defines, the coupons members hold (each with its own code), and a
visit's discount (the visit's amount stays what was paid, so every total stays right).
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coupon_type",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("min_spend_cents", sa.Integer(), nullable=False),
        sa.Column("valid_days", sa.Integer(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("weekdays", sa.String(length=7), nullable=False),
        sa.Column("from_minute", sa.Integer(), nullable=True),
        sa.Column("to_minute", sa.Integer(), nullable=True),
        sa.Column("max_held", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=20), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("auto", sa.String(length=12), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coupon_type")),
        sa.UniqueConstraint("key", name=op.f("uq_coupon_type_key")),
        sa.UniqueConstraint("name", name=op.f("uq_coupon_type_name")),
    )
    op.create_table(
        "coupon",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=True),
        sa.Column("type_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"],
                                name=op.f("fk_coupon_member_id_member"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["type_id"], ["coupon_type.id"],
                                name=op.f("fk_coupon_type_id_coupon_type"), ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"],
                                name=op.f("fk_coupon_visit_id_visit"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coupon")),
        sa.UniqueConstraint("code", name=op.f("uq_coupon_code")),
    )  # fmt: skip
    with op.batch_alter_table("coupon", schema=None) as batch_op:
        batch_op.create_index("ix_coupon_member_open", ["member_id", "used_at", "expires_on"],
                              unique=False)  # fmt: skip
        batch_op.create_index("ix_coupon_type", ["type_id", "issued_at"], unique=False)
        batch_op.create_index("ix_coupon_open_expiry", ["used_at", "expires_on"], unique=False)
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("discount_cents", sa.Integer(), server_default="0",
                                      nullable=False))  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_column("discount_cents")
    op.drop_table("coupon")
    op.drop_table("coupon_type")
