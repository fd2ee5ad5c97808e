"""Shared test set-up: no display, no touching the real user's settings or data."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

# Before any Qt import: widgets render offscreen, and settings/data go to a throwaway home
# (QSettings and platformdirs both follow the XDG variables on Linux; subprocesses inherit).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = Path(tempfile.mkdtemp(prefix="sqdesk-test-home-"))
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CACHE_HOME"] = str(_HOME / "cache")

import pytest  # noqa: E402

from sqdesk.core.store import Store  # noqa: E402

TODAY = date(2026, 11, 25)


@pytest.fixture
def store(request, tmp_path: Path):
    """A store on a SQLite file, or on PostgreSQL when the suite runs with
    SQDESK_TEST_DB=postgresql (.ci/run runs the core suite both ways). A test that needs a
    file (backups, faults, the file's own checks) asks for `sqlite_store`."""
    if os.environ.get("SQDESK_TEST_DB") == "postgresql":
        target = request.getfixturevalue("pg_server").new_database()
    else:
        target = str(tmp_path / "shop.sqdesk")
    with Store.open(target) as s:
        yield s


@pytest.fixture
def sqlite_store(tmp_path: Path):
    with Store.open(tmp_path / "shop.sqdesk") as s:
        yield s


@pytest.fixture(scope="session")
def pg_server():
    from tests import pg

    if not pg.available():
        # Like a missing system tool: CI fails rather than pass without PostgreSQL.
        message = "no PostgreSQL server binaries or psycopg here: run scripts/setup.sh"
        if os.environ.get("SQDESK_SKIP_MISSING_TOOLS") == "1":
            pytest.skip(message)
        pytest.fail(message)
    server = pg.PgServer()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, tmp_path: Path):
    """The same test on a SQLite file and on PostgreSQL: the switch is only a URL."""
    if request.param == "sqlite":
        target = str(tmp_path / "shop.sqdesk")
    else:
        target = request.getfixturevalue("pg_server").new_database()
    with Store.open(target) as s:
        yield s


@pytest.fixture
def demo_store(tmp_path: Path):
    from sqdesk.core.demo import fill_demo_store

    with Store.open(tmp_path / "demo.sqdesk") as s:
        fill_demo_store(s, members=300, seed=7, today=TODAY)
        yield s


@pytest.fixture(scope="session", autouse=True)
def _app_names():
    # QSettings() needs these before any preference is read; the app sets the same.
    from PySide6.QtCore import QCoreApplication

    from sqdesk import APP_NAME, ORG_NAME

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME + "-tests")


@pytest.fixture
def app_style(qapp):
    """The app's own style and style sheet, as the app applies them, put back after the test
    (what a page looks like and measures depends on them)."""
    from sqdesk.ui.style import apply_style

    old = qapp.style().name()
    apply_style(qapp)
    yield
    qapp.setStyleSheet("")
    qapp.setStyle(old)


def need_tool(name: str) -> str:
    """A system tool a test reads its result with (pdftoppm, zbarimg): scripts/setup.sh
    installs them. Missing, the test fails (so CI cannot pass without it), unless
    SQDESK_SKIP_MISSING_TOOLS=1 says this machine is allowed to skip."""
    import os
    import shutil

    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is missing: run scripts/setup.sh (Debian: poppler-utils, zbar-tools)"
    if os.environ.get("SQDESK_SKIP_MISSING_TOOLS") == "1":
        pytest.skip(message)
    pytest.fail(message)


UPGRADE_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "upgrades"


def older_store(dest: Path, revision: str = "0040") -> Path:
    """A small store made by the code of an earlier revision (tests/fixtures/upgrades; 0040
    is the one before 0041, which copies the whole ledger), unpacked at `dest`."""
    import gzip
    import shutil

    dest.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(UPGRADE_FIXTURES / f"store-{revision}.sqdesk.gz", "rb") as src, \
            dest.open("wb") as out:  # fmt: skip
        shutil.copyfileobj(src, out)
    return dest


def revision_of(path: Path) -> str:
    """The schema revision a store file is at, read without opening it as a store."""
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(path)) as raw:
        return raw.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def held_copies(monkeypatch):
    """Every copy of a store file waits until let go, as a big store's copy takes seconds:
    (copying, go_on) events, to click Cancel while one is being made."""
    import threading

    from sqdesk.core import backup

    copying, go_on = threading.Event(), threading.Event()
    real_copy = backup.copy_sqlite

    def held(source, dest):
        copying.set()
        go_on.wait(10)
        return real_copy(source, dest)

    monkeypatch.setattr(backup, "copy_sqlite", held)
    return copying, go_on
