"""Older backup copies packed with gzip (sqdesk.core.backup.pack_older): the newest copy of
each kind stays plain, a packed copy replaces its plain one only once it unpacks to the
same bytes, and a packed copy is listed, checked and restored like a plain one."""

import gzip
import sqlite3
from contextlib import closing
from datetime import date

import pytest
from sqlalchemy import text

from sqdesk.core import backup, upkeep
from sqdesk.core.jobs import Cancelled, stoppable
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.store import Store


def _names(path):
    with closing(sqlite3.connect(path)) as conn:
        return sorted(r[0] for r in conn.execute("SELECT name FROM member"))


@pytest.fixture
def shop(tmp_path):
    """A store on 茶语 店.sqdesk with copies taken as members came: two daily, two on closing,
    one by hand."""
    path = tmp_path / "茶语 店.sqdesk"
    copies = []
    with Store.open(path) as store:
        for kind, name in [("daily", "王芳"), ("exit", "李雷😀"), ("daily", "韩梅梅"),
                           ("exit", "欧阳，娜娜"), ("manual", "张伟")]:  # fmt: skip
            create(store, MemberInput(name=name, remark="备注" * 500))
            copies.append(backup.make_backup(path, kind=kind))
    return path, copies


def test_all_but_the_newest_of_each_kind_are_packed_and_unpack_to_the_same_bytes(shop):
    path, (daily1, exit1, daily2, exit2, manual) = shop
    plain = {c: c.read_bytes() for c in (daily1, exit1)}
    result = backup.pack_older(path)
    assert sorted(result.made) == sorted(c.with_name(c.name + ".gz") for c in (daily1, exit1))
    assert result.left == []
    for c, data in plain.items():
        assert not c.exists()
        with gzip.open(c.with_name(c.name + ".gz")) as f:  # any gunzip opens it
            assert f.read() == data
    assert all(c.exists() for c in (daily2, exit2, manual))  # the newest stay plain
    listed = backup.backups(path)
    assert [(b.kind, backup.is_packed(b.path)) for b in listed] == [
        ("manual", False), ("exit", False), ("daily", False), ("exit", True), ("daily", True)]
    assert listed[3].taken < listed[2].taken and listed[3].size < len(plain[exit1])
    assert backup.pack_older(path).made == []  # nothing left to pack


def test_a_packed_copy_is_checked_and_restored_like_a_plain_one(shop):
    path, (daily1, *_rest) = shop
    backup.pack_older(path)
    packed = daily1.with_name(daily1.name + ".gz")
    assert backup.check_copy(packed) == []
    safety = backup.restore(path, packed)
    with Store.open(path) as store, store.read() as s:
        assert s.execute(text("SELECT name FROM member")).scalars().all() == ["王芳"]
    assert len(_names(safety)) == 5  # the store as it was, kept first
    assert not list(path.parent.glob(".*.unpacking"))  # the unpacked file is gone


def test_a_damaged_packed_copy_is_refused_and_changes_nothing(shop):
    path, (daily1, *_rest) = shop
    backup.pack_older(path)
    packed = daily1.with_name(daily1.name + ".gz")
    data = bytearray(packed.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = b"\x00" * 64
    packed.write_bytes(bytes(data))
    assert backup.check_copy(packed) != []
    with pytest.raises(backup.RestoreError) as refused:
        backup.restore(path, packed)
    assert refused.value.code == "damaged_copy"
    assert len(_names(path)) == 5
    assert "before-restore" not in {b.kind for b in backup.backups(path)}
    # Offered after a damaged store: the newest sound copy, passing over the bad one.
    assert backup.newest_sound(path).kind == "manual"


def test_newest_sound_unpacks_an_older_copy_when_the_plain_ones_are_damaged(shop):
    path, (_daily1, exit1, daily2, exit2, manual) = shop
    backup.pack_older(path)
    for c in (daily2, exit2, manual):
        data = bytearray(c.read_bytes())
        data[4096 : 4096 * 3] = b"\xff" * (4096 * 2)
        c.write_bytes(bytes(data))
    sound = backup.newest_sound(path)
    assert sound.path == exit1.with_name(exit1.name + ".gz")


def test_a_stopped_pack_keeps_the_plain_copy_and_leaves_no_part(shop, monkeypatch):
    path, (daily1, exit1, *_rest) = shop
    monkeypatch.setattr(backup, "PACK_CHUNK", 4096)
    asks = iter([False] * 3)
    with pytest.raises(Cancelled), stoppable(lambda: next(asks, True)):
        backup.pack_older(path)
    assert daily1.exists() and exit1.exists()
    assert not list(daily1.parent.glob("*.part")) and not list(daily1.parent.glob("*.gz"))
    assert len(backup.pack_older(path).made) == 2  # the next day's upkeep finishes it


def test_what_a_crash_left_is_tidied(shop):
    path, (daily1, exit1, *_rest) = shop
    # A crash while packing the first: its part is there, the plain copy too.
    part = daily1.with_name(daily1.name + ".gz.part")
    part.write_bytes(b"half")
    # A crash just after the second was packed: both files are there.
    with open(exit1, "rb") as src, gzip.open(exit1.with_name(exit1.name + ".gz"), "wb") as f:
        f.write(src.read())
    stray = daily1.parent / f".{daily1.name}.unpacking"
    stray.write_bytes(b"left from a look")
    result = backup.pack_older(path)
    assert result.made == [daily1.with_name(daily1.name + ".gz")]
    assert not part.exists() and not stray.exists() and not exit1.exists()
    assert len(backup.backups(path)) == 5


def test_a_copy_that_will_not_pack_stays_plain_and_the_rest_go_on(shop, monkeypatch):
    path, (daily1, exit1, *_rest) = shop
    real = backup.pack

    def full_disk(copy):
        if copy == daily1:
            raise OSError(28, "No space left on device")
        return real(copy)

    monkeypatch.setattr(backup, "pack", full_disk)
    result = backup.pack_older(path)
    assert result.made == [exit1.with_name(exit1.name + ".gz")]
    assert daily1.exists() and "No space left" in result.left[0]


def test_rotation_counts_plain_and_packed_copies_together(tmp_path):
    path = tmp_path / "r.sqdesk"
    with Store.open(path) as store:
        create(store, MemberInput(name="王芳"))
    for _ in range(4):
        backup.make_backup(path, kind="daily", keep=4)
    assert len(backup.pack_older(path).made) == 3
    newest = backup.make_backup(path, kind="daily", keep=4)
    kept = backup.list_backups(path, kind="daily")
    assert len(kept) == 4 and kept[-1] == newest  # the oldest packed one went
    # The one before the newest is packed by the next day's upkeep.
    assert [backup.is_packed(p) for p in kept] == [True, True, False, False]


def test_the_days_upkeep_packs_the_older_copies(sqlite_store):
    path = sqlite_store.path
    create(sqlite_store, MemberInput(name="王芳"))
    backup.make_backup(path, kind="exit")
    backup.make_backup(path, kind="exit")
    done = upkeep.run(sqlite_store, today=date.today(), keep_copies=True)
    assert done.ran and done.left_plain == []
    assert sorted((b.kind, backup.is_packed(b.path)) for b in backup.backups(path)) == [
        ("daily", False), ("exit", False), ("exit", True)]


def test_a_packed_copy_that_does_not_read_back_the_same_is_not_kept(shop, monkeypatch):
    """A packed file that would not give the copy back (a bad disk, a bad write) is found
    when it is read back: the plain copy is kept and no packed file is left."""
    path, (daily1, *_rest) = shop
    real_write = gzip.GzipFile.write

    def lossy(self, data):  # a byte of every chunk lost on the way to the disk
        return real_write(self, bytes(data)[:-1])

    monkeypatch.setattr(gzip.GzipFile, "write", lossy)
    result = backup.pack_older(path)
    assert result.made == [] and len(result.left) == 2
    assert "did not unpack" in result.left[0]
    assert daily1.exists() and not list(daily1.parent.glob("*.gz*"))
