"""Schema revisions: the Alembic scripts shipped inside the package, applied at start-up."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from sqdesk.core.errors import StoreError, StoreTooNewError
from sqdesk.core.jobs import never_stop, stoppable

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# Opening a store only compares its revision with the newest one shipped: that is read
# from the scripts' own `revision = "…"` lines, so Alembic (0.3 s to import) is loaded only
# when a store needs upgrading. A test holds this reading equal to Alembic's.
_REVISION = re.compile(r'^revision = "([^"]+)"', re.MULTILINE)
_DOWN = re.compile(r'^down_revision = (?:None|"([^"]+)")', re.MULTILINE)


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def _graph() -> dict[str, str | None]:
    """Each shipped revision and the one it follows."""
    out: dict[str, str | None] = {}
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is not None and down is not None:
            out[rev.group(1)] = down.group(1)
    return out


@cache
def head_revision() -> str:
    graph = _graph()
    heads = set(graph) - set(graph.values())
    assert len(heads) == 1, f"the package ships {len(heads)} migration heads"
    return heads.pop()


@cache
def known_revisions() -> frozenset[str]:
    return frozenset(_graph())


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def refuse_unknown_revision(revision: str | None, *, location: str) -> None:
    if revision is not None and revision not in known_revisions():
        raise StoreTooNewError(
            "too_new",
            f"The store {location} was saved by a newer version of sqdesk "
            f"(schema {revision}). Update sqdesk to open it; the file was not changed.",
            location=location, revision=revision,
        )


def upgrade(engine: Engine, target: str = "head", *,
            tidying: Callable[[], None] | None = None) -> None:  # fmt: skip
    """Apply the shipped migrations up to `target`, all in one transaction. Work asked to
    stop while they run (sqdesk.core.jobs.stoppable) ends inside its statement, and the
    transaction rolls back: the store is as it was. `tidying`, when given, is called once
    they are committed, before the freed pages are given back: from then on the upgrade is
    done and is not stopped.

    On SQLite the foreign keys are off while they run: a migration that must change a
    table's constraints copies the table into a new one and drops the old (SQLite's own
    procedure), which the references to it would refuse (0041 copies the ledger). Every
    reference is checked once all have run; one that points nowhere undoes them all."""
    from alembic import command

    cfg = alembic_config()
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection if conn.dialect.name == "sqlite" else None
        if raw is not None:  # outside any transaction: SQLite ignores it inside one
            checked = raw.execute("PRAGMA foreign_keys").fetchone()[0]
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                if raw is not None:
                    _refuse_broken_references(conn)
        finally:
            if raw is not None:  # as the connection had it, for whoever uses it next
                raw.execute(f"PRAGMA foreign_keys = {int(checked)}")
        if raw is not None:
            if tidying is not None:
                tidying()
            # Committed: a stop asked for now would only throw the VACUUM's work away (an
            # interrupted one leaves the file as it was, upgraded), so it is not heard.
            with stoppable(never_stop):
                _give_back_freed_pages(raw)


# A migration that copies a table (0041: the ledger) leaves the old table's pages free in
# the file: a third of the 100,000-member store, which every backup copy would carry too.
FREED_SHARE, FREED_BYTES = 5, 8 << 20


def _give_back_freed_pages(raw) -> None:
    """VACUUM once the upgrade left a fifth of the file free (and at least 8 MB): 12 s on
    the 100,000-member store after 0041, once, while the upgrade is being waited for."""
    free = raw.execute("PRAGMA freelist_count").fetchone()[0]
    pages = raw.execute("PRAGMA page_count").fetchone()[0]
    size = raw.execute("PRAGMA page_size").fetchone()[0]
    if free * FREED_SHARE >= pages and free * size >= FREED_BYTES:
        # With no room for the copy VACUUM writes (a full disk) the upgraded store is still
        # whole and committed, and its free pages are reused by what comes next.
        with suppress(sqlite3.Error):
            raw.execute("VACUUM")


def _refuse_broken_references(conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchmany(5)
    if broken:
        rows = ", ".join(f"{table} row {row}" for table, row, *_ in broken)
        raise StoreError("upgrade_broke_references",
                         f"upgrading the store would leave rows that refer to nothing "
                         f"({rows}); nothing was changed", detail=rows)  # fmt: skip
