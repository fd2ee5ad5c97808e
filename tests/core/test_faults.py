"""Faults survived with nothing lost (issue 18.6): a process killed with SIGKILL at a random
instant during a stream of visits, during an import and during a backup; the disk full
while writing. After each: SQLite's integrity_check is clean and every invariant holds.

Each kill test repeats SQDESK_FAULT_RUNS times (3 in the ordinary suite; run it with 20 to
see it hold 20 times in a row). The instant is random, the seed printed on failure.
"""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from sqdesk.core import backup
from sqdesk.core.check import run_checks
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.models import LedgerEntry, Member, Visit
from sqdesk.core.store import Store

RUNS = int(os.environ.get("SQDESK_FAULT_RUNS", "3"))
ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _child(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def _sound(path: Path) -> None:
    assert backup.integrity_check(path) == []
    with Store.open(path) as store:
        assert run_checks(store) == []


VISITS = """
import sys
from sqdesk.core import ledger
from sqdesk.core.store import Store
store = Store.open(sys.argv[1])
ids = [int(x) for x in sys.argv[2].split(",")]
i = 0
while True:
    result = ledger.record_visit(store, ids[i % len(ids)], amount_cents=1000 + i)
    print(result.visit_id, flush=True)  # only once it is committed
    i += 1
"""


@pytest.mark.parametrize("run", range(RUNS))
def test_killed_during_a_stream_of_visits_every_saved_visit_is_there(tmp_path, run):
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    path = tmp_path / "shop.sqdesk"
    with Store.open(path) as store:
        ids = [create(store, MemberInput(name=f"会员{i}")) for i in range(10)]
    child = _child(VISITS, str(path), ",".join(map(str, ids)))
    saved = []
    wanted = rng.randint(3, 40)
    while len(saved) < wanted:
        line = child.stdout.readline()
        assert line, f"the child stopped (seed {seed}): {child.stderr.read()}"
        saved.append(int(line))
    time.sleep(rng.random() * 0.02)  # somewhere inside the next visit's transaction
    child.send_signal(signal.SIGKILL)
    child.wait()
    saved += [int(x) for x in child.stdout.read().split()]
    _sound(path)
    with Store.open(path) as store, store.read() as s:
        there = set(s.scalars(select(Visit.id)))
        paid = set(s.scalars(select(LedgerEntry.source_id).where(
            LedgerEntry.source_type == "visit")))  # fmt: skip
    assert set(saved) <= there, f"seed {seed}: a visit reported saved is missing"
    assert there <= paid, f"seed {seed}: a visit without its points"


IMPORT = """
import sys
from sqdesk import cli
print("start", flush=True)
sys.exit(cli.main(["--db", sys.argv[1], "import", sys.argv[2]]))
"""


@pytest.mark.parametrize("run", range(RUNS))
def test_killed_during_an_import_all_rows_or_none(tmp_path, run):
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    path = tmp_path / "shop.sqdesk"
    rows = 5000
    sheet = tmp_path / "members.csv"
    sheet.write_text("姓名,手机号\n" + "".join(f"导入会员{i},1390000{i:04d}\n"
                                               for i in range(rows)), encoding="utf-8")  # fmt: skip
    Store.open(path).close()
    child = _child(IMPORT, str(path), str(sheet))
    assert child.stdout.readline().strip() == "start"
    time.sleep(rng.random() * 1.5)  # the import takes about a second
    child.send_signal(signal.SIGKILL)
    child.wait()
    _sound(path)
    with Store.open(path) as store, store.read() as s:
        count = s.scalar(select(func.count(Member.id)))
    assert count in (0, rows), f"seed {seed}: {count} of {rows} rows landed"


BACKUP = """
import sys
from pathlib import Path
from sqdesk.core import backup
while True:
    backup.make_backup(Path(sys.argv[1]), kind="manual", keep=3)
    print("made", flush=True)
"""


@pytest.mark.parametrize("run", range(RUNS))
def test_killed_during_a_backup_the_store_and_older_copies_are_intact(tmp_path, run):
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    path = tmp_path / "shop.sqdesk"
    with Store.open(path) as store:
        for i in range(300):
            create(store, MemberInput(name=f"会员{i}", mobile=f"1380000{i:04d}"))
    first = backup.make_backup(path, kind="daily")
    child = _child(BACKUP, str(path))
    for _ in range(rng.randint(0, 3)):
        assert child.stdout.readline().strip() == "made", child.stderr.read()
    time.sleep(rng.random() * 0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    _sound(path)
    for copy in backup.list_backups(path):  # a half-written copy is never listed
        assert backup.integrity_check(copy) == [], f"seed {seed}: {copy.name}"
    assert first in backup.list_backups(path)


def test_the_disk_full_while_writing_says_so_and_keeps_the_store(tmp_path):
    """SQLite's page limit stands in for a full disk: the import is refused with a plain
    message, nothing of it lands, and the store is sound."""
    from sqdesk.core import member_import
    from sqdesk.core.errors import StoreError

    path = tmp_path / "shop.sqdesk"
    with Store.open(path) as store:
        create(store, MemberInput(name="老会员"))
        sheet = tmp_path / "members.csv"
        sheet.write_text("姓名,手机号\n" + "".join(f"会员{i},1390000{i:04d}\n"
                                                   for i in range(3000)), encoding="utf-8")
        plan = member_import.prepare(store, sheet)
        engine = store.write_engine  # the writes' own connection
        with engine.connect() as conn:
            pages = conn.execute(text("PRAGMA page_count")).scalar()

        from sqlalchemy import event

        def limit(dbapi_conn, _record):
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

        event.listen(engine, "connect", limit)
        engine.dispose()  # new connections get the limit
        try:
            with pytest.raises(StoreError) as err:
                member_import.commit(store, plan)
            assert err.value.code == "disk_full"
        finally:
            event.remove(engine, "connect", limit)
            engine.dispose()
        with store.read() as s:
            assert s.scalar(select(func.count(Member.id))) == 1
    _sound(path)


def test_a_file_that_can_no_longer_be_written_says_so_and_keeps_the_store(tmp_path):
    """The store file made read-only under the running app (SQLite's query_only stands in:
    as root, file permissions do not stop a write): a plain message, nothing half-written."""
    from sqlalchemy import event

    from sqdesk.core import ledger
    from sqdesk.core.errors import StoreError

    path = tmp_path / "shop.sqdesk"
    with Store.open(path) as store:
        member = create(store, MemberInput(name="老会员"))
        engine = store.write_engine  # the writes' own connection

        def read_only(dbapi_conn, _record):
            dbapi_conn.execute("PRAGMA query_only = ON")

        event.listen(engine, "connect", read_only)
        engine.dispose()
        try:
            with pytest.raises(StoreError) as err:
                ledger.record_visit(store, member, amount_cents=30_00)
            assert err.value.code == "became_read_only"
        finally:
            event.remove(engine, "connect", read_only)
            engine.dispose()
        with store.read() as s:
            assert s.scalar(select(func.count(Visit.id))) == 0
    _sound(path)
