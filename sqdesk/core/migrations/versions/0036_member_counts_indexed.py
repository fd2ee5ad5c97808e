"""the dashboard's member counts from two small indexes

Revision ID: 0036
Revises: 0035
Create Date: 2026-12-01

The Dashboard counts, for the period and the one before it, the members archived within it,
the members on the books at its end, and the new members who came by a referral with their
referrers. Each read the whole member table (100,000 wide rows, 20-40 ms each, four times a
page). Two partial indexes hold only the rows those counts look at: the archived members
(2,000 on the benchmark store) by when, and the referred members (12,000) by join day; the
members on the books become the joiners up to the day, from the roster's index, less the
archived among them. About 0.3 MB on the 100,000-member store.
"""

from alembic import op
from sqlalchemy import text

revision = "0036"
down_revision = "0035"
branch_labels = None
depends_on = None


def upgrade() -> None:
    archived, referred = text("archived_at IS NOT NULL"), text("referrer_id IS NOT NULL")
    op.create_index("ix_member_archived_at", "member", ["archived_at", "joined_on"],
                    sqlite_where=archived, postgresql_where=archived)
    op.create_index("ix_member_referred", "member", ["joined_on", "referrer_id"],
                    sqlite_where=referred, postgresql_where=referred)


def downgrade() -> None:
    op.drop_index("ix_member_referred", table_name="member")
    op.drop_index("ix_member_archived_at", table_name="member")
