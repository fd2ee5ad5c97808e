"""Timestamps on SQLite are integer microseconds since 1970 UTC (models.UTCDateTime,
migration 0032): they read back exactly, order as the times do, give the right calendar
day in SQL, and a store that kept them as text is rewritten without losing one."""

import gzip
import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.migrate import upgrade
from sqdesk.core.models import LedgerEntry, Member, Visit, sqlite_day_of
from sqdesk.core.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "upgrades"
SHANGHAI = timezone(timedelta(hours=8))


def _visit(store, member_id, at):
    with store.session() as s:
        v = Visit(member_id=member_id, at=at, amount_cents=100)
        s.add(v)
        s.flush()
        return v.id


def test_a_time_reads_back_exactly_and_in_utc(any_store):
    mid = create(any_store, MemberInput(name="张三丰"))
    times = [datetime(2024, 2, 29, 23, 59, 59, 999_999, tzinfo=SHANGHAI),
             datetime(2024, 3, 1, 0, 0, tzinfo=UTC),
             datetime(2031, 12, 31, 12, 0, 0, 1, tzinfo=UTC)]  # fmt: skip
    ids = [_visit(any_store, mid, t) for t in times]
    with any_store.read() as s:
        got = [s.get(Visit, i).at for i in ids]
        ordered = s.scalars(select(Visit.id).where(Visit.id.in_(ids)).order_by(Visit.at)).all()
        later = s.scalars(select(Visit.id).where(Visit.at > times[0])).all()
    assert got == times
    assert all(t.tzinfo == UTC for t in got)
    assert ordered == [ids[0], ids[1], ids[2]]  # 23:59 in Shanghai is 15:59 UTC
    assert sorted(later) == ids[1:]


def test_sqlite_keeps_an_integer(sqlite_store):
    mid = create(sqlite_store, MemberInput(name="Zoë 🍵"))
    at = datetime(2025, 1, 1, 8, 30, 15, 250_000, tzinfo=UTC)
    _visit(sqlite_store, mid, at)
    with closing(sqlite3.connect(sqlite_store.path)) as raw:
        kind, value = raw.execute("SELECT typeof(at), at FROM visit").fetchone()
    assert (kind, value) == ("integer", 1_735_720_215_250_000)


@pytest.mark.parametrize(("at", "day"), [
    (datetime(2025, 1, 1, 23, 59, 59, 999_999, tzinfo=UTC), "2025-01-01"),
    (datetime(2025, 1, 2, 0, 0, tzinfo=UTC), "2025-01-02"),
    (datetime(1999, 12, 31, 23, 0, tzinfo=UTC), "1999-12-31"),
])  # fmt: skip
def test_the_day_of_a_time_in_sql(sqlite_store, at, day):
    mid = create(sqlite_store, MemberInput(name="李四"))
    vid = _visit(sqlite_store, mid, at)
    with sqlite_store.read() as s:
        got = s.scalar(select(sqlite_day_of(Visit.at)).where(Visit.id == vid))
        shifted = s.scalar(select(sqlite_day_of(Visit.at, "+3600 seconds"))
                           .where(Visit.id == vid))  # fmt: skip
    assert got == day
    assert shifted == (at + timedelta(hours=1)).date().isoformat()


def _text_times(path: Path) -> dict:
    with closing(sqlite3.connect(path)) as raw:
        return {
            "visit": raw.execute("SELECT id, at, created_at FROM visit ORDER BY id").fetchall(),
            "entry": raw.execute("SELECT id, at FROM ledger_entry ORDER BY id").fetchall(),
            "member": raw.execute("SELECT id, created_at, consent_at FROM member "
                                  "ORDER BY id").fetchall(),
        }  # fmt: skip


def _aware(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_a_store_with_text_times_is_rewritten_exactly(tmp_path):
    path = tmp_path / "old.sqdesk"
    with gzip.open(FIXTURES / "store-0031.sqdesk.gz", "rb") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    before = _text_times(path)
    assert isinstance(before["visit"][0][1], str)
    # A time written without a fraction (SQLite's own CURRENT_TIMESTAMP form) as well.
    with closing(sqlite3.connect(path)) as raw, raw:
        raw.execute("UPDATE member SET consent_at = '2024-05-06 07:08:09' WHERE id = 1")
    before = _text_times(path)
    with Store.open(path) as store, store.read() as s:
        visits = {v.id: (v.at, v.created_at) for v in s.scalars(select(Visit))}
        entries = {e.id: e.at for e in s.scalars(select(LedgerEntry))}
        members = {m.id: (m.created_at, m.consent_at) for m in s.scalars(select(Member))}
    assert visits == {i: (_aware(a), _aware(c)) for i, a, c in before["visit"]}
    assert entries == {i: _aware(a) for i, a in before["entry"]}
    assert members == {i: (_aware(c), _aware(k)) for i, c, k in before["member"]}
    assert members[1][1] == datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)

    # Down to text and up again: the same times.
    engine = create_engine(f"sqlite:///{path}")
    upgrade_then = _text_times(path)
    from alembic import command

    from sqdesk.core.migrate import alembic_config

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0031")
    down = _text_times(path)
    assert [r[1] for r in down["entry"]] == [_aware(r[1]).strftime("%Y-%m-%d %H:%M:%S.%f")
                                             for r in before["entry"]]  # fmt: skip
    upgrade(engine)
    engine.dispose()
    assert _text_times(path) == upgrade_then
