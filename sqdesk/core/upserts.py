"""INSERT .. ON CONFLICT for the store's database: SQLite and PostgreSQL spell it alike, but
SQLAlchemy has one construct per dialect. Derived rows kept on every write (daily sums,
contact weeks) and settings use it, so two writers never collide on a key."""

from __future__ import annotations


def insert_for(dialect_name: str):
    """`insert` with `on_conflict_do_update`/`on_conflict_do_nothing` for this dialect."""
    if dialect_name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert
