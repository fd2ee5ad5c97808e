"""when a member was erased at their request

Revision ID: 0027
Revises: 0026
Create Date: 2026-11-30

PIPL: an erased member keeps their row (so visits, points and attendance stay counted) with
the person wiped. A plain ALTER keeps the expression index on birthdays.
"""

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("member", sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
