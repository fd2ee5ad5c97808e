"""The migrations build exactly the schema the models describe."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sqdesk.core.models import Base
from sqdesk.core.note_search import INDEX_TABLES


def _modelled(name, type_, parent_names) -> bool:
    """The note search index is made by its migration for each database, not by a model;
    so are the indexes on an expression, birthdays' and the name tokens' heads (PostgreSQL
    reflects them, SQLite cannot)."""
    if type_ == "index" and name in ("ix_member_birthday_month_day", "ix_member_token_head"):
        return False
    return not (type_ == "table" and name.startswith(INDEX_TABLES))


# Migration 0011's birthday index is on an expression: SQLAlchemy cannot reflect it (so
# cannot compare it either) and says so.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_models_and_migrations_agree(store):
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True,
                                                     "include_name": _modelled})  # fmt: skip
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == [], f"add a migration for: {diff}"


def test_the_birthday_index_survives_every_migration(any_store):
    """An index on an expression cannot be reflected: a migration that copies the member
    table (a batch "move and copy") would silently drop it (revision 0011 made it)."""
    from sqlalchemy import text

    with any_store.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            sql = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'member'"
        else:
            sql = "SELECT indexname FROM pg_indexes WHERE tablename = 'member'"
        names = set(conn.execute(text(sql)).scalars())
    assert "ix_member_birthday_month_day" in names
