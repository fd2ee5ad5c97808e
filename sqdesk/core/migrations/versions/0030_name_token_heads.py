"""the name and pinyin tokens in member order, by their first letters

Revision ID: 0030
Revises: 0029
Create Date: 2026-11-30

Search-as-you-type shows the first screenful of "name starts with" matches, newest member
first. A two-letter query such as "li" matches 20,000 members: their tokens are in token
order in the primary key, so finding the newest 200 meant reading and sorting them all.
This index holds the name (N) and pinyin (P) tokens by their first two characters (the kind
and one more) in member order, so the newest matches are read first and the read stops at
a screenful (sqdesk.core.search.first_page). An index on an expression: written out here,
for both databases, and left out of the models' comparison (like 0011's).
"""

from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_member_token_head ON member_token "
               "(substr(token, 1, 2), member_id) WHERE token >= 'N' AND token < 'Q'")


def downgrade() -> None:
    op.execute("DROP INDEX ix_member_token_head")
