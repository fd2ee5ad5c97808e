"""the contact weeks are kept in their primary key alone (SQLite WITHOUT ROWID)

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-01

A (member, Monday) pair is the whole row: as a rowid table SQLite kept it twice, in the
table and in the primary key's index (25 MB each on the 100,000-member store). As member_token
since 0002, the table is now its primary key. SQLite only: PostgreSQL has no rowid.
"""

from alembic import op

revision = "0033"
down_revision = "0032"
branch_labels = None
depends_on = None

_TABLE = """CREATE TABLE contact_week_new (
	member_id INTEGER NOT NULL,
	week DATE NOT NULL,
	CONSTRAINT pk_contact_week PRIMARY KEY (member_id, week),
	CONSTRAINT fk_contact_week_member_id_member FOREIGN KEY(member_id)
		REFERENCES member (id) ON DELETE CASCADE
){rowid}"""


def _rebuild(rowid: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(_TABLE.format(rowid=rowid))
    op.execute("INSERT INTO contact_week_new (member_id, week) "
               "SELECT member_id, week FROM contact_week ORDER BY member_id, week")
    op.execute("DROP TABLE contact_week")  # its index goes with it
    op.execute("ALTER TABLE contact_week_new RENAME TO contact_week")
    op.create_index("ix_contact_week_week", "contact_week", ["week", "member_id"])


def upgrade() -> None:
    _rebuild(" WITHOUT ROWID")


def downgrade() -> None:
    _rebuild("")
