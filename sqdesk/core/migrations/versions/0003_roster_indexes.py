"""roster order indexes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

The roster's default order (newest first) and name order read the ids straight from an
index instead of sorting 100k rows.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("member") as batch:
        batch.drop_index("ix_member_joined_on")
        batch.drop_index("ix_member_name")
        batch.create_index("ix_member_roster_joined", ["archived", "joined_on", "id"])
        batch.create_index("ix_member_roster_name", ["archived", "name", "id"])


def downgrade() -> None:
    with op.batch_alter_table("member") as batch:
        batch.drop_index("ix_member_roster_name")
        batch.drop_index("ix_member_roster_joined")
        batch.create_index("ix_member_name", ["name"])
        batch.create_index("ix_member_joined_on", ["joined_on"])
