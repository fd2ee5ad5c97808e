"""Schema revisions: the Alembic scripts shipped inside the package, applied at start-up."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from sqdesk.core.errors import StoreTooNewError

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


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
