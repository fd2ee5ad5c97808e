"""note search, and the reason on a lapse note

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-30

Full-text search over notes by overlapping character pairs (core/note_search.py): on SQLite
an FTS5 table without content, on PostgreSQL the pairs as a text[] under a GIN index. Notes
already written are indexed here. A "lapse" note may say why, as one of a few reasons the
shop counts (notes.LAPSE_REASONS).
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from sqdesk.core import note_search

    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        op.execute("CREATE TABLE note_search (note_id integer PRIMARY KEY "
                   "REFERENCES note (id) ON DELETE CASCADE, grams text[] NOT NULL, "
                   "flat text NOT NULL)")  # fmt: skip
        op.execute("CREATE INDEX ix_note_search_grams ON note_search USING gin (grams)")
    else:
        # unicode61 keeps letters and digits of every script as they are: the pairs
        # note_search writes are already folded, and diacritics stay what they were.
        op.execute("CREATE VIRTUAL TABLE note_fts USING fts5(grams, content='', "
                   "tokenize='unicode61 remove_diacritics 0')")  # fmt: skip
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reason", sa.String(length=12), server_default="",
                                      nullable=False))  # fmt: skip
        # Newest first wants the time order of notes.
        batch_op.create_index("ix_note_at", ["at"], unique=False)
    rows = conn.execute(sa.text("SELECT id, text FROM note")).all()
    note_search.index_many(conn, [(i, t) for i, t in rows])


def downgrade() -> None:
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index("ix_note_at")
        batch_op.drop_column("reason")
    conn = op.get_bind()
    op.execute("DROP TABLE note_search" if conn.dialect.name == "postgresql"
               else "DROP TABLE note_fts")  # fmt: skip
