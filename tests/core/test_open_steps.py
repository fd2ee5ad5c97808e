"""Opening a store that must first be upgraded, step by step (sqdesk.core.store.OPEN_STEPS):
each step is told as it starts, and a stop asked for before the migrations commit leaves
the store exactly as it was, whether it comes between steps or inside a statement; once
they are committed the store opens whatever is asked."""

import hashlib
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from sqdesk.core import migrate
from sqdesk.core import store as store_module
from sqdesk.core.check import run_checks
from sqdesk.core.jobs import Cancelled, stoppable
from sqdesk.core.store import OPEN_STEPS, Store, needs_upgrade
from tests.conftest import older_store
from tests.conftest import revision_of as _revision

OLD = "0040"  # the store before 0041, which copies the whole ledger


@pytest.fixture
def old_store(tmp_path) -> Path:
    return older_store(tmp_path / "shop.sqdesk", OLD)


def _content(path: Path) -> str:
    """A digest of every row of every table, as SQLite dumps them."""
    with closing(sqlite3.connect(path)) as raw:
        return hashlib.sha256("\n".join(raw.iterdump()).encode()).hexdigest()


def _backups(path: Path) -> list[Path]:
    return list(path.parent.glob("*-backups/*before-*"))


def test_the_steps_are_told_in_order_and_the_store_opens_upgraded(old_store):
    assert needs_upgrade(old_store)
    told = []
    with Store.open(old_store, lock=True, progress=lambda i, n: told.append((i, n))) as store:
        assert run_checks(store) == []
    steps = [OPEN_STEPS[i] for i, _n in told]
    assert steps[:3] == ["backup", "upgrade", "tidy"]
    assert {n for _i, n in told} == {len(OPEN_STEPS)}
    assert _revision(old_store) == migrate.head_revision()
    assert not needs_upgrade(old_store)
    told.clear()
    Store.open(old_store, progress=lambda i, n: told.append(i)).close()
    assert told == []  # a store up to date has nothing to wait for


def test_a_stop_before_the_upgrade_changes_nothing(old_store):
    before = _content(old_store)
    with pytest.raises(Cancelled):
        Store.open(old_store, lock=True, should_stop=lambda: True)
    assert _revision(old_store) == OLD
    assert _content(old_store) == before
    assert _backups(old_store) == []  # stopped before the copy was begun
    Store.open(old_store, lock=True).close()  # the lock was let go; it opens later


def test_a_stop_inside_the_migrations_rolls_them_all_back(old_store, monkeypatch):
    # A look at the stop every few SQLite steps, so that it lands inside a statement of the
    # migrations on this small store (on a big one, every PROGRESS_STEPS).
    monkeypatch.setattr(store_module, "PROGRESS_STEPS", 50)
    before = _content(old_store)
    stop = threading.Event()

    def told(i: int, _n: int) -> None:
        if OPEN_STEPS[i] == "upgrade":
            stop.set()  # asked after the step began: only the statements can hear it

    with pytest.raises(Cancelled), stoppable(stop.is_set):
        Store.open(old_store, lock=True, progress=told, should_stop=stop.is_set)
    assert stop.is_set()
    assert _revision(old_store) == OLD
    assert _content(old_store) == before
    with Store.open(old_store) as store:  # and the next open upgrades it whole
        assert run_checks(store) == []
    assert _revision(old_store) == migrate.head_revision()


def test_a_stop_once_the_migrations_are_committed_is_not_heard(old_store, monkeypatch):
    monkeypatch.setattr(store_module, "PROGRESS_STEPS", 50)
    stop = threading.Event()

    def told(i: int, _n: int) -> None:
        if OPEN_STEPS[i] == "tidy":
            stop.set()

    with stoppable(stop.is_set):
        store = Store.open(old_store, progress=told, should_stop=stop.is_set)
    with store:
        assert run_checks(store) == []
    assert stop.is_set()
    assert _revision(old_store) == migrate.head_revision()


def test_needs_upgrade_is_false_for_anything_but_an_older_store_file(tmp_path):
    assert not needs_upgrade(tmp_path / "none.sqdesk")
    (tmp_path / "empty.sqdesk").write_bytes(b"")
    assert not needs_upgrade(tmp_path / "empty.sqdesk")
    (tmp_path / "notes.txt").write_text("不是数据库")
    assert not needs_upgrade(tmp_path / "notes.txt")
    assert not needs_upgrade("postgresql+psycopg://shop@127.0.0.1/sqdesk")
    future = tmp_path / "future.sqdesk"
    Store.open(future).close()
    assert not needs_upgrade(future)
    with closing(sqlite3.connect(future)) as raw, raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    assert not needs_upgrade(future)  # refused when opened, with its own message
