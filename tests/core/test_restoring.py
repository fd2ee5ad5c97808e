"""A copy made ready to restore while the store stays open (sqdesk.core.restoring): a plain
copy of this version needs nothing, a packed one is unpacked, one of an older version is
upgraded in a file of its own; the copy itself is never changed, and a damaged one is left
for backup.restore to refuse."""

import gzip
import sqlite3
from contextlib import closing
from pathlib import Path

from sqdesk.core import backup, migrate, restoring
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.store import Store
from tests.conftest import older_store
from tests.conftest import revision_of as _revision


def _names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as raw:
        return [r[0] for r in raw.execute("SELECT name FROM member ORDER BY id")]


def test_a_plain_copy_of_this_version_needs_nothing(tmp_path):
    path = tmp_path / "茶语.sqdesk"
    with Store.open(path) as store:
        create(store, MemberInput(name="王芳"))
    copy = backup.make_backup(path, kind="daily")
    assert restoring.ready_to_restore(path, copy) is None


def test_a_packed_copy_is_unpacked_beside_the_store(tmp_path):
    path = tmp_path / "茶语.sqdesk"
    with Store.open(path) as store:
        create(store, MemberInput(name="王芳😀"))
    packed = backup.pack(backup.make_backup(path, kind="daily"))
    ready = restoring.ready_to_restore(path, packed)
    assert ready is not None and ready.parent == tmp_path
    assert _names(ready) == ["王芳😀"]
    restoring.discard(ready)
    assert not ready.exists()


def test_an_older_copy_is_upgraded_in_a_file_of_its_own(tmp_path):
    path = tmp_path / "茶语.sqdesk"
    Store.open(path).close()
    copy = older_store(tmp_path / "old-copy.sqdesk")
    before = copy.read_bytes()
    ready = restoring.ready_to_restore(path, copy)
    assert ready is not None
    assert _revision(ready) == migrate.head_revision()
    assert len(_names(ready)) == 12
    assert copy.read_bytes() == before  # the copy itself is kept as it was
    assert not list(tmp_path.glob("*-backups"))  # no copy of a copy before its upgrade
    restoring.discard(ready)


def test_a_damaged_packed_copy_is_left_for_restore_to_refuse(tmp_path):
    path = tmp_path / "茶语.sqdesk"
    Store.open(path).close()
    bad = tmp_path / f"茶语-daily-20261201-090000-000000.sqdesk{backup.PACKED}"
    bad.write_bytes(gzip.compress(b"SQLite format 3\x00" + b"\x00" * 500)[:-20])
    assert restoring.ready_to_restore(path, bad) is None
    assert not list(tmp_path.glob("*.restoring*"))
