"""points exchanged for a coupon

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-30

A reward in the catalog can be a coupon: redeeming it issues one of that type.
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reward", schema=None) as batch_op:
        batch_op.add_column(sa.Column("coupon_type_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_reward_coupon_type_id_coupon_type"),
                                    "coupon_type", ["coupon_type_id"], ["id"],
                                    ondelete="SET NULL")  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("reward", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_reward_coupon_type_id_coupon_type"),
                                 type_="foreignkey")  # fmt: skip
        batch_op.drop_column("coupon_type_id")
