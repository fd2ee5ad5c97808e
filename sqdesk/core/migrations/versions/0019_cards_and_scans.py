"""printed cards and scanned check-ins

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-30

When each member's card was last printed (to print the cards not printed yet), and when a
check-in was scanned (a second scan within a minute is refused, not counted).
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("card_printed_at", sa.DateTime(timezone=True),
                                      nullable=True))  # fmt: skip
    with op.batch_alter_table("check_in", schema=None) as batch_op:
        batch_op.add_column(sa.Column("at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("check_in", schema=None) as batch_op:
        batch_op.drop_column("at")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_column("card_printed_at")
