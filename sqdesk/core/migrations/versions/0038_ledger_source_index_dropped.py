"""the ledger's index by source dropped

Revision ID: 0038
Revises: 0037
Create Date: 2026-12-01

Two queries looked entries up by what paid them (source type and id), both for a visit: the
member's visit list (points per visit) and undoing a visit. Both now find the entries
through indexes the ledger keeps anyway: the member's entries (member, moment) and the
entries of a moment (a visit's entries carry the visit's moment). The index by source was
38 MB of the 100,000-member store's 1 GB, and one more index entry to write per entry. A
store made before keeps the freed pages and fills them with its next entries.
"""

from alembic import op

revision = "0038"
down_revision = "0037"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_ledger_entry_source", table_name="ledger_entry")


def downgrade() -> None:
    op.create_index("ix_ledger_entry_source", "ledger_entry", ["source_type", "source_id"])
