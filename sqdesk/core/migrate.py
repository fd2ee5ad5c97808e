"""Schema revisions: the Alembic scripts shipped inside the package, applied at start-up."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from sqdesk.core.errors import StoreTooNewError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


@cache
def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None, "the package ships no migration"
    return head


@cache
def known_revisions() -> frozenset[str]:
    return frozenset(rev.revision for rev in _scripts().walk_revisions())


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def refuse_unknown_revision(revision: str | None, *, location: str) -> None:
    if revision is not None and revision not in known_revisions():
        raise StoreTooNewError(
            f"The store {location} was saved by a newer version of sqdesk "
            f"(schema {revision}). Update sqdesk to open it; the file was not changed."
        )


def upgrade(engine: Engine, target: str = "head") -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
