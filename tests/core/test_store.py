import hashlib
import shutil
import sqlite3
import threading
import time
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from sqdesk.core import backup, migrate
from sqdesk.core.errors import StoreError, StoreTooNewError
from sqdesk.core.models import Member
from sqdesk.core.store import SQLITE_HEAP_LIMIT, Store, to_url, whole_cache


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _add_member(store: Store, code: str = "1000002", name: str = "张三") -> None:
    with store.session() as s:
        s.add(Member(code=code, name=name, joined_on=date(2026, 1, 2)))


def test_created_store_is_at_head_and_reopens(tmp_path):
    path = tmp_path / "new.sqdesk"
    with Store.open(path) as store:
        assert path.exists()
        assert store.revision() == migrate.head_revision()
        _add_member(store)
    with Store.open(path) as again:
        assert again.revision() == migrate.head_revision()
        info = again.info()
        assert info.counts["member"] == 1
        assert info.location == str(path)
        with again.read() as s:
            assert s.scalar(select(Member.name)) == "张三"


def test_connection_pragmas(sqlite_store):  # SQLite's own settings
    store = sqlite_store
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_the_log_is_folded_in_off_the_write_path(tmp_path, monkeypatch):
    """A commit does not fold the write-ahead log into the file (that made every hundredth
    visit wait 7-17 ms); the store's own thread does, a moment after the writes, while the
    store stays open. The data is in the file then, not only in the log."""
    from sqdesk.core import checkpoints

    monkeypatch.setattr(checkpoints, "PAUSE_S", 0.05)
    path = tmp_path / "茶语.sqdesk"
    store = Store.open(path)
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA wal_autocheckpoint")).scalar() == (
                checkpoints.BACKSTOP_PAGES)
        folded = store._checkpoints.folded
        for i in range(40):  # 40 commits: some 400 pages of log
            with store.session() as s:
                s.add(Member(code=f"{2000000 + i}", name=f"会员{i}😀", remark="备注" * 300,
                             joined_on=date(2026, 1, 2)))  # fmt: skip
        deadline = time.monotonic() + 10
        while store._checkpoints.folded == folded and time.monotonic() < deadline:
            time.sleep(0.02)
        assert store._checkpoints.folded > folded
        time.sleep(0.2)  # the last burst's checkpoint, if one was under way
        # The main file alone, without its log, holds the members: they were folded in.
        alone = tmp_path / "alone.sqdesk"
        shutil.copyfile(path, alone)
        with closing(sqlite3.connect(alone)) as conn:
            assert conn.execute("SELECT count(*) FROM member").fetchone()[0] == 40
    finally:
        store.close()
    assert store._checkpoints is None  # its thread is gone with the store


def test_a_read_only_store_leaves_the_log_to_its_writer(tmp_path):
    path = tmp_path / "shop.sqdesk"
    Store.open(path).close()
    with Store.open(path, read_only=True) as ro:
        assert ro._checkpoints is None


def test_write_transactions_take_the_write_lock_at_begin(sqlite_store):
    store = sqlite_store
    """BEGIN IMMEDIATE: a second writer waits for the first instead of failing later."""
    other = Store.open(store.path)
    order: list[str] = []
    with store.session() as s:
        s.add(Member(code="1000002", name="甲", joined_on=date(2026, 1, 1)))
        s.flush()

        def second_writer():
            with other.session() as s2:
                # The first statement begins the transaction: it must wait for the lock.
                s2.scalar(select(Member.id).limit(1))
                order.append("second began")
                s2.add(Member(code="1000019", name="乙", joined_on=date(2026, 1, 1)))

        t = threading.Thread(target=second_writer)
        t.start()
        t.join(timeout=0.3)
        assert order == []  # still waiting for our lock
        order.append("first commits")
    t.join(timeout=10)
    assert order == ["first commits", "second began"]
    assert other.info().counts["member"] == 2
    other.close()


def test_reads_do_not_block_a_writer(store):
    _add_member(store)
    with store.read() as r:
        assert r.scalar(select(Member.name)) == "张三"
        with store.session() as w:  # would time out if the read held a write lock
            w.add(Member(code="1000019", name="李四", joined_on=date(2026, 1, 1)))


def test_a_failed_unit_of_work_writes_nothing(store):
    with pytest.raises(RuntimeError), store.session() as s:
        s.add(Member(code="1000002", name="半条", joined_on=date(2026, 1, 1)))
        s.flush()
        raise RuntimeError("power cut")
    assert store.info().counts["member"] == 0


def test_store_from_the_future_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqdesk"
    with Store.open(path) as store:
        _add_member(store)
        with store.session() as s:
            s.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    # Fold the WAL into the file so the file alone is the store.
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    before = _digest(path)
    with pytest.raises(StoreTooNewError, match="newer version of sqdesk"):
        Store.open(path)
    assert _digest(path) == before
    assert not Path(str(path) + "-wal").exists()
    assert backup.list_backups(path) == []


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    path = tmp_path / "notes.sqdesk"
    path.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(StoreError, match="not a sqdesk store"):
        Store.open(path)
    assert path.read_text(encoding="utf-8") == "这不是数据库"


def test_missing_store_without_create(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        Store.open(tmp_path / "nowhere.sqdesk", create=False)


def test_url_and_path_targets(tmp_path):
    assert to_url(tmp_path / "a.sqdesk").database == str(tmp_path / "a.sqdesk")
    assert to_url("postgresql+psycopg://u:p@localhost/shop").get_backend_name() == "postgresql"
    with Store.open(f"sqlite:///{tmp_path / 'b.sqdesk'}") as store:
        assert store.path == tmp_path / "b.sqdesk"


NEXT_MIGRATION = """
import sqlalchemy as sa
from alembic import op

revision = "9000"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("member") as batch:
        batch.add_column(sa.Column("favourite", sa.String(50), nullable=False, server_default=""))


def downgrade():
    with op.batch_alter_table("member") as batch:
        batch.drop_column("favourite")
"""


@contextmanager
def newer_sqdesk(tmp_path):
    """Pretend a newer sqdesk ships one more migration, for the length of the block."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (scripts / "versions" / "9000_next.py").write_text(NEXT_MIGRATION.format(head=head))
    caches = (migrate._graph, migrate.head_revision, migrate.known_revisions)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(migrate, "MIGRATIONS_DIR", scripts)
        for fn in caches:
            fn.cache_clear()
        try:
            yield
        finally:
            for fn in caches:
                fn.cache_clear()


def test_upgrade_backs_up_first_and_keeps_the_data(tmp_path):
    path = tmp_path / "old.sqdesk"
    with Store.open(path) as store:
        old_head = store.revision()
        _add_member(store, name="老会员")
    with newer_sqdesk(tmp_path):
        with Store.open(path) as store:
            assert store.revision() == "9000"
            with store.read() as s:
                row = s.execute(text("SELECT name, favourite FROM member")).one()
            assert tuple(row) == ("老会员", "")
        copies = backup.list_backups(path)
        assert len(copies) == 1
        assert f"before-{old_head}" in copies[0].name
        with closing(sqlite3.connect(copies[0])) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (old_head,)
            assert conn.execute("SELECT name FROM member").fetchall() == [("老会员",)]
        # Opening again at the new head migrates (and backs up) nothing more.
        Store.open(path).close()
        assert len(backup.list_backups(path)) == 1


def test_an_empty_new_store_is_not_backed_up(tmp_path):
    path = tmp_path / "fresh.sqdesk"
    Store.open(path).close()
    assert backup.list_backups(path) == []


def test_backups_rotate(tmp_path):
    path = tmp_path / "r.sqdesk"
    with Store.open(path) as store:
        _add_member(store)
    for _ in range(backup.KEEP_PER_KIND + 3):
        backup.make_backup(path, kind="daily")
    assert len(backup.list_backups(path, kind="daily")) == backup.KEEP_PER_KIND


def test_daily_backup_once_a_day_and_listed_newest_first(tmp_path):
    from datetime import datetime, timedelta

    path = tmp_path / "茶语 店.sqdesk"
    with Store.open(path) as store:
        _add_member(store, name="王芳")
    now = datetime(2026, 11, 26, 9, 0)
    first = backup.auto_backup(path, now=now)
    assert first is not None
    assert backup.auto_backup(path, now=now + timedelta(hours=3)) is None  # done today
    manual = backup.make_backup(path, kind="manual")
    listed = backup.backups(path)
    assert [b.kind for b in listed] == ["manual", "daily"] and listed[1].path == first
    assert listed[0].size > 0
    later = listed[1].taken + backup.DAILY_EVERY + timedelta(minutes=1)
    assert backup.auto_backup(path, now=later) not in (None, first, manual)


def test_restore_brings_back_the_backup_and_keeps_the_store_as_it_was(tmp_path):
    path = tmp_path / "shop.sqdesk"
    with Store.open(path) as store:
        _add_member(store, name="王芳")
    copy = backup.make_backup(path, kind="manual")
    with Store.open(path) as store:
        _add_member(store, code="1000019", name="录错的人")
    safety = backup.restore(path, copy)
    with Store.open(path) as store, store.read() as s:
        assert s.execute(text("SELECT name FROM member")).scalars().all() == ["王芳"]
    with closing(sqlite3.connect(safety)) as conn:  # the restore can itself be undone
        assert len(conn.execute("SELECT name FROM member").fetchall()) == 2
    assert backup.quick_check(path) == []


def test_restore_refuses_a_damaged_or_foreign_file_and_changes_nothing(tmp_path):
    path = tmp_path / "shop.sqdesk"
    with Store.open(path) as store:
        _add_member(store, name="王芳")
    copy = backup.make_backup(path, kind="manual")
    damaged = tmp_path / "damaged.sqdesk"
    data = bytearray(copy.read_bytes())
    data[4096 : 4096 * 3] = b"\xff" * (4096 * 2)  # overwrite pages past the header
    damaged.write_bytes(bytes(data))
    foreign = tmp_path / "other.db"
    with closing(sqlite3.connect(foreign)) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
    for bad in (damaged, foreign, tmp_path / "photo.sqdesk"):
        if bad.name == "photo.sqdesk":
            bad.write_bytes(b"\x89PNG" + b"\x00" * 200)
        with pytest.raises(backup.RestoreError):
            backup.restore(path, bad)
    assert backup.quick_check(damaged) != []
    assert [b.kind for b in backup.backups(path)] == ["manual"]  # no safety copy was made
    with Store.open(path) as store, store.read() as s:
        assert s.execute(text("SELECT name FROM member")).scalars().all() == ["王芳"]


def test_daily_copies_keep_a_week(tmp_path):
    from datetime import datetime, timedelta

    path = tmp_path / "w.sqdesk"
    with Store.open(path) as store:
        _add_member(store)
    for day in range(backup.DAILY_KEEP + 3):
        made = backup.auto_backup(path, now=datetime(2030, 1, 1) + timedelta(days=day))
        assert made is not None
    assert len([b for b in backup.backups(path) if b.kind == "daily"]) == backup.DAILY_KEEP


def test_the_shipped_revisions_read_without_alembic_are_alembics():
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == scripts.get_current_head()
    assert migrate.known_revisions() == {r.revision for r in scripts.walk_revisions()}


def test_a_store_on_a_network_share_is_recognised():
    from pathlib import Path

    from sqdesk.core.paths import network_share

    mounts = ("/dev/sda1 / ext4 rw 0 0\n"
              "//nas/shop /mnt/shop cifs rw 0 0\n"
              "nas:/export /mnt/nfs nfs4 rw 0 0\n"
              "/dev/sdb1 /mnt/shop/usb vfat rw 0 0\n")  # fmt: skip
    assert network_share(Path("/mnt/shop/store.sqdesk"), mounts=mounts) == "cifs"
    assert network_share(Path("/mnt/nfs/a/store.sqdesk"), mounts=mounts) == "nfs4"
    assert network_share(Path("/mnt/shop/usb/store.sqdesk"), mounts=mounts) is None
    assert network_share(Path("/home/shop/store.sqdesk"), mounts=mounts) is None
    assert network_share(Path("//nas/shop/store.sqdesk")) == "network"


def test_sqlite_keeps_to_one_memory_budget_for_the_whole_process(tmp_path):
    # Every connection may cache 64 MiB of pages; together they keep to SQLITE_HEAP_LIMIT.
    store = Store.open(tmp_path / "s.sqdesk")
    try:
        with store.read() as s:
            assert s.connection().exec_driver_sql("PRAGMA soft_heap_limit").scalar() == (
                SQLITE_HEAP_LIMIT
            )
            assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == -65536
    finally:
        store.close()


def test_a_bulk_load_lifts_the_budget_and_puts_it_back(tmp_path):
    store = Store.open(tmp_path / "s.sqdesk")

    def limit(s) -> int:
        return s.connection().exec_driver_sql("PRAGMA soft_heap_limit").scalar()

    try:
        with store.session() as s:
            with whole_cache(s):
                assert limit(s) == 0
            assert limit(s) == SQLITE_HEAP_LIMIT
        with pytest.raises(RuntimeError), store.session() as s, whole_cache(s):
            raise RuntimeError("a bulk load that fails")
        with pytest.raises(OperationalError), store.session() as s, whole_cache(s):
            s.execute(text("INSERT INTO no_such_table VALUES (1)"))  # the database refuses
        with store.read() as s:
            assert limit(s) == SQLITE_HEAP_LIMIT
    finally:
        store.close()


def _sqlite_memory_used() -> int:
    """Bytes SQLite holds in this process, from the library Python's sqlite3 runs on."""
    import ctypes
    import ctypes.util

    lib = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
    lib.sqlite3_memory_used.restype = ctypes.c_int64
    return lib.sqlite3_memory_used()


def test_a_bulk_load_lets_its_pages_go_after(tmp_path):
    """Cached without a budget, a bulk load's pages would hold the whole process's budget
    for as long as its connection lived: no other connection could cache a page."""
    path = tmp_path / "s.sqdesk"
    Store.open(path).close()
    with closing(sqlite3.connect(path)) as raw, raw:  # 12 MB of rows, none of them cached
        raw.execute("CREATE TABLE filler (b BLOB)")
        raw.execute("INSERT INTO filler SELECT randomblob(3000) FROM (WITH RECURSIVE n(i) AS "
                    "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) SELECT i FROM n)")
    store = Store.open(path)
    try:
        before = _sqlite_memory_used()
        with store.session() as s:
            with whole_cache(s):
                assert s.execute(text("SELECT sum(length(b)) FROM filler")).scalar() > 0
                during = _sqlite_memory_used()
            after = _sqlite_memory_used()
        assert during - before > 8 << 20  # 12 MB of pages were read and cached...
        assert after - before < 2 << 20  # ...and let go when the load ended
    finally:
        store.close()


def test_writes_keep_a_connection_of_their_own(sqlite_store):
    """Every write goes through the one writing connection, whose cache keeps the pages
    writes read; reads take theirs from the pool, and never that one."""
    store = sqlite_store

    def driver(s) -> object:
        return s.connection().connection.dbapi_connection

    with store.session() as s:
        writer = driver(s)
    with store.read() as r1, store.read() as r2:  # the pool's two, each its own
        readers = {id(driver(r1)), id(driver(r2))}
    for _ in range(3):
        with store.session() as s:
            assert driver(s) is writer
    assert id(writer) not in readers
    with store.session() as s:
        assert s.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_copy_damaged_as_it_is_written_is_deleted_and_said(tmp_path, monkeypatch):
    """Every copy is checked once written (quick_check, what a restore asks of it): one
    that fails is deleted, the error says so, and the older copies stay."""
    path = tmp_path / "shop.sqdesk"
    with Store.open(path) as store:
        _add_member(store, name="王芳😀")
    good = backup.make_backup(path, kind="manual")
    real_copy = backup.copy_sqlite

    def copy_then_damage(source, dest):
        made = real_copy(source, dest)
        data = bytearray(made.read_bytes())
        data[4096 : 4096 * 3] = b"\xff" * (4096 * 2)  # pages past the header, as a bad disk
        made.write_bytes(bytes(data))
        return made

    monkeypatch.setattr(backup, "copy_sqlite", copy_then_damage)
    with pytest.raises(backup.BackupError) as err:
        backup.make_backup(path, kind="manual")
    assert err.value.code == "bad_copy"
    assert [b.path for b in backup.backups(path)] == [good]  # the damaged one is gone
