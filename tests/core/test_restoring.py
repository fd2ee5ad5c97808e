"""A copy made ready to restore while the store stays open (sqdesk.core.restoring): checked,
a packed one unpacked, one of an older version upgraded in a file of its own, the store as
it is kept as a copy; only the write-back is left. The copy itself is never changed, and a
damaged or foreign one is refused in backup.restore's own words."""

import gzip
import sqlite3
from contextlib import closing

import pytest

from sqdesk.core import backup, migrate, restoring
from sqdesk.core.backup import RestoreError
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.store import Store
from tests.conftest import older_store, revision_of


def _names(path):
    with closing(sqlite3.connect(path)) as raw:
        return [r[0] for r in raw.execute("SELECT name FROM member ORDER BY id")]


@pytest.fixture
def shop(tmp_path):
    path = tmp_path / "茶语.sqdesk"
    with Store.open(path) as store:
        create(store, MemberInput(name="王芳😀"))
    return path


def test_a_plain_copy_of_this_version_is_written_back_as_it_is(shop):
    copy = backup.make_backup(shop, kind="daily")
    ready = restoring.make_ready(shop, copy)
    assert ready.plain == copy and not ready.made
    assert ready.safety.exists() and "before-restore" in ready.safety.name


def test_a_packed_copy_is_unpacked_beside_the_store(shop):
    packed = backup.pack(backup.make_backup(shop, kind="daily"))
    ready = restoring.make_ready(shop, packed)
    assert ready.made and ready.plain.parent == shop.parent
    assert _names(ready.plain) == ["王芳😀"]
    restoring.discard(ready.plain)
    assert not ready.plain.exists()


def test_an_older_copy_is_upgraded_in_a_file_of_its_own(shop, tmp_path):
    copy = older_store(tmp_path / "old-copy.sqdesk")
    before = copy.read_bytes()
    ready = restoring.make_ready(shop, copy)
    assert ready.made
    assert revision_of(ready.plain) == migrate.head_revision()
    assert len(_names(ready.plain)) == 12
    assert copy.read_bytes() == before  # the copy itself is kept as it was
    kinds = [b.kind for b in backup.backups(shop)]
    assert kinds == ["before-restore"]  # no copy of a copy before its upgrade
    restoring.discard(ready.plain)


def test_damaged_or_foreign_copies_are_refused_and_nothing_is_left(shop, tmp_path):
    bad = tmp_path / f"茶语-daily-20261201-090000-000000.sqdesk{backup.PACKED}"
    bad.write_bytes(gzip.compress(b"SQLite format 3\x00" + b"\x00" * 500)[:-20])
    notes = tmp_path / "notes.sqdesk"
    notes.write_text("不是数据库")
    for copy in (bad, notes):
        with pytest.raises(RestoreError):
            restoring.make_ready(shop, copy)
    assert not list(tmp_path.glob("*.restoring*"))
    assert backup.backups(shop) == []  # refused before the store was copied


def test_the_write_back_tells_its_progress_and_a_stop_midway_leaves_the_store_as_it_was(
        shop, monkeypatch):  # fmt: skip
    from sqdesk.core.jobs import Cancelled

    copy = backup.make_backup(shop, kind="daily")
    with Store.open(shop) as store:  # the store moves on after the copy
        for n in range(300):
            create(store, MemberInput(name=f"李{n}「会员」", region="广州市天河区，" * 5))
    before = _names(shop)
    monkeypatch.setattr(backup, "WRITE_BACK_PAGES", 8)  # many steps for a small store
    told = []
    with pytest.raises(Cancelled):
        backup.write_back(shop, copy, progress=lambda done, total: told.append((done, total)),
                          should_stop=lambda: len(told) >= 3)  # fmt: skip
    assert len(told) == 3 and told[0][0] < told[-1][0] < told[-1][1]
    assert _names(shop) == before  # rolled back by SQLite, not half written
    assert backup.quick_check(shop) == []

    told.clear()
    backup.write_back(shop, copy, progress=lambda done, total: told.append((done, total)))
    assert told[-1][0] == told[-1][1] and len(told) > 3
    assert _names(shop) == ["王芳😀"]
    assert backup.quick_check(shop) == []


def test_a_stop_asked_as_the_last_step_commits_is_too_late_to_undo_it(shop, monkeypatch):
    copy = backup.make_backup(shop, kind="daily")
    with Store.open(shop) as store:
        create(store, MemberInput(name="张伟"))
    monkeypatch.setattr(backup, "WRITE_BACK_PAGES", -1)  # the whole copy in one step
    backup.write_back(shop, copy, should_stop=lambda: True)  # done in its first step
    assert _names(shop) == ["王芳😀"]
