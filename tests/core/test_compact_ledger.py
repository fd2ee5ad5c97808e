"""The ledger kept short on SQLite (core/compact_types.py, migration 0041): what is written
reads back exactly, a store written before 0041 reads the same after it, and back."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.pool import StaticPool

from sqdesk.core import ledger, migrate
from sqdesk.core.check import run_checks
from sqdesk.core.compact_types import (
    KIND_CODES,
    REASON_TEMPLATES,
    SOURCE_CODES,
    VISIT_RULES,
    DayNumber,
    LedgerKind,
    LedgerSource,
    Reason,
    SourceKey,
)
from sqdesk.core.errors import StoreError
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.models import LedgerDay, LedgerEntry, OpenLot
from sqdesk.core.store import Store

SQLITE, PG = sqlite.dialect(), postgresql.dialect()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "upgrades"
ENTRY_COLUMNS = ("id, member_id, at, kind, amount, reason, source_type, source_id, "
                 "source_key, reverses_id, expires_on, actor")  # fmt: skip


def _through(kind, value, dialect=SQLITE):
    impl = kind.dialect_impl(dialect)
    bind = impl.bind_processor(dialect)
    stored = bind(value) if bind else value
    read = impl.result_processor(dialect, None)
    return stored, (read(stored) if read else stored)


words = st.one_of(st.sampled_from(sorted(KIND_CODES) + sorted(SOURCE_CODES)),
                  st.text(min_size=2, max_size=20))  # fmt: skip
keys = st.one_of(
    st.builds(lambda n, r: f"visit:{n}:{r}", st.from_regex(r"[0-9]{1,12}", fullmatch=True),
              st.sampled_from([*sorted(VISIT_RULES), "referral", "odd_rule"])),
    st.builds(lambda a, b: f"{a}:{b}", st.text(max_size=15), st.text(max_size=15)),
)


@given(words)
def test_a_word_reads_back_as_written(word):
    for kind in (LedgerKind(10), LedgerSource(20)):
        stored, read = _through(kind, word)
        assert read == word
        assert len(stored) == 1 if word in kind.CODES else stored == word
        assert _through(kind, word, PG) == (word, word)  # PostgreSQL keeps the words


@given(keys)
def test_a_source_key_reads_back_as_written(key):
    stored, read = _through(SourceKey(120), key)
    assert read == key
    assert (":" not in stored) == (key.startswith("visit:") and key.split(":")[2] in VISIT_RULES)


@given(st.text(max_size=20).filter(lambda k: ":" not in k))
def test_a_key_without_a_colon_reads_back_or_is_refused(key):
    """Keys the app makes all hold a colon; any other reads back as written, unless it
    looks like a visit rule's short key, which it would read back as."""
    try:
        stored, read = _through(SourceKey(120), key)
    except ValueError:
        assert key[:-1].isdigit() and key[:-1].isascii() and key[-1] in VISIT_RULES.values()
    else:
        assert read == key == stored


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_a_day_reads_back_as_written_and_orders_as_days_do(day):
    stored, read = _through(DayNumber(), day)
    assert read == day and isinstance(stored, int)
    assert _through(DayNumber(), day + timedelta(days=1))[0] == stored + 1


reasons = st.one_of(
    st.builds(lambda t, words: t.format(*words), st.sampled_from(sorted(REASON_TEMPLATES.values())),
              st.lists(st.text(max_size=12), min_size=2, max_size=2)),
    st.text(max_size=40),
    st.builds(lambda t: "\x1e" + t, st.text(max_size=10)),  # begins with the mark itself
)


@given(reasons)
def test_a_reason_reads_back_as_written(reason):
    stored, read = _through(Reason(), reason)
    assert read == reason
    assert len(stored) <= len(reason) + 2  # never much longer, and the app's own shorter
    assert _through(Reason(), reason, PG) == (reason, reason)


def test_the_apps_own_reasons_are_kept_short():
    for reason in ("¥23.60 × 1 point(s) per yuan", "points earned before 2026-01-02 expired",
                   "member day (8th): ×2", "redeemed 第二杯半价券"):
        stored, _read = _through(Reason(), reason)
        assert len(stored.encode()) <= len(reason.encode()) - 7, stored


def test_values_that_could_not_be_told_apart_are_refused():
    with pytest.raises(ValueError):
        _through(LedgerKind(10), "e")  # would read back as the word coded "e", if any
    with pytest.raises(ValueError):
        _through(SourceKey(120), "812345b")  # would read back as a visit's key


def test_the_ledger_is_written_short_on_sqlite(sqlite_store):
    m = create(sqlite_store, MemberInput(name="陈小雨🌸", joined_on=date(2020, 1, 1)))
    visit = ledger.record_visit(sqlite_store, m, amount_cents=36_50)
    with closing(sqlite3.connect(sqlite_store.path)) as raw:
        rows = raw.execute("SELECT kind, source_type, source_key, typeof(expires_on), "
                           "length(reason) FROM ledger_entry ORDER BY id").fetchall()  # fmt: skip
        lots = raw.execute("SELECT DISTINCT typeof(expires_on) FROM open_lot").fetchall()
        days = raw.execute("SELECT DISTINCT kind FROM ledger_day").fetchall()
    assert rows == [("1", "1", f"{visit.visit_id}b", "integer", len("\x1eb36.50\x1f1")),
                    ("1", "1", f"{visit.visit_id}f", "integer", 2)]  # fmt: skip
    assert lots == [("integer",)] and days == [("1",)]
    with sqlite_store.read() as s:
        keys = s.scalars(select(LedgerEntry.source_key).order_by(LedgerEntry.id)).all()
        assert keys == [f"visit:{visit.visit_id}:base", f"visit:{visit.visit_id}:first_visit"]
        assert {k for k, in s.execute(select(LedgerDay.kind))} == {"earn"}
        assert s.scalars(select(LedgerEntry.reason).order_by(LedgerEntry.id)).all() == [
            "¥36.50 × 1 point(s) per yuan", "first visit bonus"]


def _raw(path: Path) -> dict[str, list]:
    with closing(sqlite3.connect(path)) as raw:
        return {
            "entries": raw.execute(f"SELECT {ENTRY_COLUMNS} FROM ledger_entry ORDER BY id"
                                   ).fetchall(),
            "lots": raw.execute("SELECT * FROM open_lot ORDER BY lot_id").fetchall(),
            "days": raw.execute("SELECT * FROM ledger_day ORDER BY day, kind").fetchall(),
        }


def _downgrade(path: Path, target: str) -> None:
    from alembic import command

    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")
            with conn.begin():
                cfg = migrate.alembic_config()
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, target)
    finally:
        engine.dispose()


def _store_0040(tmp_path: Path) -> Path:
    path = tmp_path / "old.sqdesk"
    with gzip.open(FIXTURES / "store-0040.sqdesk.gz", "rb") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def test_a_store_written_before_0041_reads_the_same_and_goes_back_unchanged(tmp_path):
    """The 0040 store was filled by the code of 0040 (visits, redemptions, a reversal):
    after 0041 every entry, lot and daily sum reads as the words and dates it held, `check`
    passes, and going back to 0040 gives the very values it held, row for row."""
    path = _store_0040(tmp_path)
    before = _raw(path)
    kinds = {e[3] for e in before["entries"]}
    assert {"earn", "redeem"} <= kinds and any(e[8] and e[8].startswith("visit:")
                                               for e in before["entries"])  # fmt: skip
    with Store.open(path) as store:
        assert run_checks(store) == []
        with store.read() as s:
            entries = s.execute(select(*(getattr(LedgerEntry, c) for c in
                                         ENTRY_COLUMNS.split(", "))).order_by(LedgerEntry.id)
                                ).all()  # fmt: skip
            lots = s.execute(select(OpenLot.lot_id, OpenLot.expires_on, OpenLot.points_left)
                             .order_by(OpenLot.lot_id)).all()  # fmt: skip
    assert [(e.kind, e.source_type, e.source_key, e.expires_on.isoformat()
             if e.expires_on else None) for e in entries] == [
        (e[3], e[6], e[8], e[10]) for e in before["entries"]]  # fmt: skip
    assert [(lot.lot_id, lot.expires_on.isoformat(), lot.points_left) for lot in lots] == [
        (lot[0], lot[2], lot[3]) for lot in before["lots"]]  # fmt: skip
    after = _raw(path)
    assert {e[3] for e in after["entries"]} <= set(KIND_CODES.values())
    _downgrade(path, "0040")
    assert _raw(path) == before


def test_an_upgrade_that_would_leave_a_reference_to_nothing_changes_nothing(tmp_path):
    """A damaged store (a consumption of an entry that is not there): the migrations run
    with the foreign keys off, so the references are checked after them, and the upgrade
    is undone whole, the store left at its revision."""
    path = _store_0040(tmp_path)
    with closing(sqlite3.connect(path)) as raw, raw:
        raw.execute("INSERT INTO ledger_consumption (entry_id, lot_id, points) "
                    "VALUES (999999, 999998, 5)")  # fmt: skip
    before = _raw(path)
    engine = create_engine(f"sqlite:///{path}", poolclass=StaticPool)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = ON")
        with pytest.raises(StoreError) as refused:
            migrate.upgrade(engine)
        with engine.connect() as conn:  # the same connection (one in the pool)
            assert migrate.current_revision(conn) == "0040"
            # The foreign keys are on again for whatever uses the connection next.
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()
    assert refused.value.code == "upgrade_broke_references"
    assert _raw(path) == before


def _entries(store) -> list:
    with store.read() as s:
        return s.execute(select(*(getattr(LedgerEntry, c) for c in ENTRY_COLUMNS.split(", ")))
                         .order_by(LedgerEntry.id)).all()  # fmt: skip


def test_every_kind_and_source_goes_back_to_0040_and_up_again(tmp_path):
    """What this code writes (a visit undone, adjustments both ways, an award, an opening
    balance) goes back to 0040 as the words, dates and keys 0040 wrote, and up again to
    the same entries, `check` passing."""
    path = tmp_path / "shop.sqdesk"
    with Store.open(path) as store:
        m = create(store, MemberInput(name="王芳（老客）", joined_on=date(2020, 1, 1)))
        v = ledger.record_visit(store, m, amount_cents=88_00)
        ledger.void_visit(store, v.visit_id, reason="录错了，重来🙏")
        ledger.record_visit(store, m, amount_cents=12_30)
        ledger.adjust(store, m, 30, reason="补偿：咖啡洒了☕")
        ledger.adjust(store, m, -10, reason="多给了")
        ledger.adjust(store, m, 7, reason="期初积分", source_type="opening",
                      source_key=f"opening:{m}")  # fmt: skip
        with store.session() as s:
            ledger.earn_in(s, m, 5, reason="award: 打卡", source_key=f"award:打卡:{m}:1")
        written = _entries(store)
    assert {e.kind for e in written} == {"earn", "reverse", "adjust"}
    assert {e.source_type for e in written} >= {"visit", "reversal", "manual", "opening",
                                                "award"}  # fmt: skip
    _downgrade(path, "0040")
    raw = _raw(path)["entries"]
    assert [(e[3], e[6], e[8], e[10]) for e in raw] == [
        (e.kind, e.source_type, e.source_key, e.expires_on.isoformat() if e.expires_on
         else None) for e in written]  # fmt: skip
    with Store.open(path) as store:
        assert _entries(store) == written
        assert run_checks(store) == []



@pytest.mark.parametrize("due", [True, False])
def test_an_upgrade_that_frees_a_fifth_of_the_file_gives_it_back(tmp_path, monkeypatch, due):
    """0041's copy leaves the old ledger's pages free; a VACUUM after the upgrade gives them
    back when they are a fifth of the file (the 100k store: 1.16 GB -> 760 MB)."""
    # The fixture is small: what it frees is due at any share (or at none).
    monkeypatch.setattr(migrate, "FREED_BYTES", 0)
    monkeypatch.setattr(migrate, "FREED_SHARE", 10**6 if due else 0)
    path = _store_0040(tmp_path)
    engine = create_engine(f"sqlite:///{path}")
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    with closing(sqlite3.connect(path)) as raw:
        free = raw.execute("PRAGMA freelist_count").fetchone()[0]
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert (free == 0) == due
