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


def test_contact_weeks_are_kept_in_their_primary_key_alone(tmp_path):
    """Migration 0033: on SQLite the (member, Monday) pairs became a WITHOUT ROWID table, in
    a store upgraded from 0032, with every pair kept (0043 dropped the table: a new store
    has none)."""
    import gzip
    import shutil
    import sqlite3
    from contextlib import closing
    from pathlib import Path

    from sqlalchemy import create_engine

    from sqdesk.core import migrate
    from sqdesk.core.store import Store

    def table_sql(path) -> str:
        with closing(sqlite3.connect(path)) as raw:
            return raw.execute("SELECT sql FROM sqlite_master WHERE name = 'contact_week'"
                               ).fetchone()[0]  # fmt: skip

    def pairs(path) -> list:
        with closing(sqlite3.connect(path)) as raw:
            return raw.execute("SELECT member_id, week FROM contact_week ORDER BY 1, 2").fetchall()

    with Store.open(tmp_path / "new.sqdesk"), closing(sqlite3.connect(tmp_path / "new.sqdesk")
                                                      ) as raw:  # fmt: skip
        assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name = 'contact_week'"
                           ).fetchone()[0] == 0  # fmt: skip
    old = tmp_path / "old.sqdesk"
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "upgrades"
    with gzip.open(fixtures / "store-0032.sqdesk.gz", "rb") as src, old.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    with closing(sqlite3.connect(old)) as raw, raw:  # a few pairs, whether or not built
        raw.execute("INSERT OR IGNORE INTO contact_week SELECT id, '2026-11-30' FROM member")
    before = pairs(old)
    assert before and "WITHOUT ROWID" not in table_sql(old)
    engine = create_engine(f"sqlite:///{old}")
    try:  # to 0033 only: 0040 fills the table again from the contacts
        migrate.upgrade(engine, "0033")
    finally:
        engine.dispose()
    assert table_sql(old).rstrip().endswith("WITHOUT ROWID")
    assert pairs(old) == before
