"""repair stores made by the first versions of four migrations

Revision ID: 0028
Revises: 0027
Create Date: 2026-11-30

Four migrations were changed after they first shipped (0013 gained activity.signup, 0020
coupon_type.auto and the index of open coupons, 0021 member.hide_from_boards). A store that
ran a first version has the revision but not the change; this adds what is missing, and
nothing to a store that has it (tests/core/test_upgrades.py opens a store made by every
earlier revision).
"""

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def _columns(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    if "signup" not in _columns("activity"):
        op.add_column("activity", sa.Column("signup", sa.String(length=100), nullable=False,
                                            server_default=""))  # fmt: skip
    if "auto" not in _columns("coupon_type"):
        op.add_column("coupon_type", sa.Column("auto", sa.String(length=12), nullable=False,
                                               server_default=""))  # fmt: skip
    if "hide_from_boards" not in _columns("member"):
        # A plain ALTER keeps the expression index on birthdays (see 0021).
        op.add_column("member", sa.Column("hide_from_boards", sa.Boolean(), nullable=False,
                                          server_default=sa.false()))  # fmt: skip
    indexes = {i["name"] for i in sa.inspect(op.get_bind()).get_indexes("coupon")}
    if "ix_coupon_open_expiry" not in indexes:
        op.create_index("ix_coupon_open_expiry", "coupon", ["used_at", "expires_on"])


def downgrade() -> None:
    pass  # what was added belongs to the schema of 0027 anyway
