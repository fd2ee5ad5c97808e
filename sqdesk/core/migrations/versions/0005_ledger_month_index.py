"""covering index for monthly points totals

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

The monthly totals scan every entry's time, kind and amount; an index holding just those
is a fifth of the table to read.
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ledger_entry") as batch:
        batch.drop_index("ix_ledger_entry_at")
        batch.create_index("ix_ledger_entry_month", ["at", "kind", "amount"])


def downgrade() -> None:
    with op.batch_alter_table("ledger_entry") as batch:
        batch.drop_index("ix_ledger_entry_month")
        batch.create_index("ix_ledger_entry_at", ["at"])
