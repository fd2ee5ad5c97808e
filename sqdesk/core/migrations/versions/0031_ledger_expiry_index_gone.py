"""the ledger's index on expiry dates is gone

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-01

Since 0029 what is due to expire is read from open_lot and its own index on expires_on:
no query looks up ledger entries by their expiry date any more. The index cost 41 MB of
the 100,000-member store and a write on every entry.
"""

from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_ledger_entry_expiry", table_name="ledger_entry")


def downgrade() -> None:
    op.create_index("ix_ledger_entry_expiry", "ledger_entry", ["expires_on"])
