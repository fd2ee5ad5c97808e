"""a one-by-one post run can carry a coupon

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-30

A run names a coupon type; each member's coupon is issued as their message is copied and
kept on their step, so going back to it never issues a second one.
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("post_run", schema=None) as batch_op:
        batch_op.add_column(sa.Column("coupon_type_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_post_run_coupon_type_id_coupon_type"),
                                    "coupon_type", ["coupon_type_id"], ["id"],
                                    ondelete="SET NULL")  # fmt: skip
    with op.batch_alter_table("post_run_member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("coupon_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_post_run_member_coupon_id_coupon"),
                                    "coupon", ["coupon_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("post_run_member", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_post_run_member_coupon_id_coupon"),
                                 type_="foreignkey")  # fmt: skip
        batch_op.drop_column("coupon_id")
    with op.batch_alter_table("post_run", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_post_run_coupon_type_id_coupon_type"),
                                 type_="foreignkey")  # fmt: skip
        batch_op.drop_column("coupon_type_id")
