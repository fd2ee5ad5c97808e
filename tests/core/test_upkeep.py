"""The day's upkeep (sqdesk.core.upkeep): once a day per store, stopped between its steps
and inside a long SQLite statement, finished by the next start; and the small tables it
reads instead of the whole ledger (open lots, daily sums, levels rolled by the day)."""

import threading
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from sqdesk.core import backup, ledger, ledger_days, points_view, rewards, settings, upkeep
from sqdesk.core.check import run_checks
from sqdesk.core.jobs import Cancelled, stoppable
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.models import LedgerEntry, MemberPoints, OpenLot
from sqdesk.core.points_rules import expiry_date
from sqdesk.core.store import Store

TODAY = date.today()
NEVER_ENDS = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
              "SELECT count(*) FROM c")  # fmt: skip


def _problems(store):
    return run_checks(store, file_checks=False)


def test_runs_once_a_day_per_store_not_per_window(sqlite_store, tmp_path):
    first = upkeep.run(sqlite_store, today=TODAY, keep_copies=True)
    assert first.ran and not first.damage
    assert [b.kind for b in backup.backups(sqlite_store.path)] == ["daily"]
    assert upkeep.done_on(sqlite_store) == TODAY
    assert not upkeep.run(sqlite_store, today=TODAY, keep_copies=True).ran
    # Another window (or PC) on the same file finds the day done: the day is in the store.
    with Store.open(sqlite_store.path) as again:
        assert not upkeep.is_due(again, TODAY)
    assert upkeep.run(sqlite_store, today=TODAY + timedelta(days=1)).ran


def test_stopped_between_steps_leaves_the_day_to_the_next_start(sqlite_store, monkeypatch):
    create(sqlite_store, MemberInput(name="王芳"))
    calls = []
    monkeypatch.setattr(ledger, "expire", lambda store, today: calls.append(today) or 0)
    asks = iter([False, False, True])  # stop after the expiry step
    with pytest.raises(Cancelled):
        upkeep.run(sqlite_store, today=TODAY, should_stop=lambda: next(asks, True))
    assert calls == [TODAY] and upkeep.done_on(sqlite_store) is None
    assert upkeep.run(sqlite_store, today=TODAY).ran  # the next start does it all again
    assert upkeep.done_on(sqlite_store) == TODAY and calls == [TODAY, TODAY]


def test_a_long_statement_ends_at_once_when_its_work_is_stopped(sqlite_store):
    stop = threading.Event()
    threading.Timer(0.2, stop.set).start()
    started = time.perf_counter()
    with pytest.raises(Cancelled), stoppable(stop.is_set), sqlite_store.session() as s:
        s.execute(text(NEVER_ENDS)).scalar()
    assert time.perf_counter() - started < 1.0
    # The store is usable at once, and nothing was left half-done.
    create(sqlite_store, MemberInput(name="李雷"))
    assert not _problems(sqlite_store)


def test_a_stopped_copy_leaves_no_file_behind(sqlite_store):
    for i in range(300):
        create(sqlite_store, MemberInput(name=f"会员{i}", remark="备注" * 200))
    with pytest.raises(Cancelled), stoppable(lambda: True):
        backup.make_backup(sqlite_store.path, kind="exit")
    folder = backup.backup_dir(sqlite_store.path)
    assert not folder.exists() or list(folder.iterdir()) == []


def _member(store, name="王芳", joined=date(2024, 1, 1)):
    return create(store, MemberInput(name=name, joined_on=joined))


def test_open_lots_follow_every_entry(store):
    """Earned, spent oldest first, reversed back, expired: the open lots say what is left,
    and `check` compares them with the ledger after each step."""
    a = _member(store)
    at = datetime.now(UTC) - timedelta(days=3)
    ledger.record_visit(store, a, amount_cents=5000, at=at)
    ledger.adjust(store, a, 30, reason="活动奖励 🎉")

    def left():
        with store.read() as s:
            return s.scalars(select(OpenLot.points_left).order_by(OpenLot.lot_id)).all()

    before = left()
    assert before[-1] == 30 and sum(before) == ledger.balance(store, a)
    taken = ledger.adjust(store, a, -(sum(before) - 10), reason="兑换（手工）")
    assert left() == [10]  # oldest first: only the newest lot keeps anything
    ledger.reverse(store, taken.id, reason="录错了")
    assert left() == before  # given back to the lots they came from
    assert not _problems(store)


def test_expiry_takes_what_is_due_through_the_open_lots(store):
    a = _member(store)
    old = datetime(2024, 3, 1, 10, tzinfo=UTC)
    ledger.record_visit(store, a, amount_cents=2000, at=old)
    due = expiry_date(old.date(), ledger.rules(store))  # the default: 12 months
    with store.read() as s:
        assert set(s.scalars(select(OpenLot.expires_on))) == {due}
        lots = s.scalar(select(func.count()).select_from(OpenLot))
    assert ledger.expire(store, today=due - timedelta(days=1)) == 0
    assert ledger.expire(store, today=due) == lots
    assert ledger.expire(store, today=due) == 0  # idempotent
    with store.read() as s:
        assert not s.scalar(select(func.count()).select_from(OpenLot))
    assert ledger.balance(store, a) == 0
    assert not _problems(store)


def test_daily_sums_answer_any_period_as_the_entries_do(store):
    a = _member(store)
    b = _member(store, "Zoë 张")
    when = [(1, 0, 0), (1, 15, 59), (1, 16, 0), (2, 23, 59), (3, 8, 30), (30, 16, 1)]
    moments = [datetime(2025, 6, d, h, m, tzinfo=UTC) for d, h, m in when]
    for i, at in enumerate(moments):
        ledger.record_visit(store, a if i % 2 else b, amount_cents=1000 * (i + 1), at=at)
    ledger.adjust(store, a, -5, reason="兑换")
    china = [datetime(2025, 6, 1, 16, tzinfo=UTC), datetime(2025, 6, 30, 16, tzinfo=UTC)]
    edges = [(moments[0], moments[-1]), (moments[1], moments[4]), tuple(china),
             (datetime(2025, 6, 1, 15, 59, 30, tzinfo=UTC), datetime(2025, 6, 1, 16, 0, 1,
                                                                     tzinfo=UTC)),
             (datetime(2025, 5, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC))]  # fmt: skip
    with store.read() as s:
        for lo, hi in edges:
            direct = dict(s.execute(select(LedgerEntry.kind, func.sum(LedgerEntry.amount))
                                    .where(LedgerEntry.at >= lo, LedgerEntry.at < hi)
                                    .group_by(LedgerEntry.kind)).all())  # fmt: skip
            assert {k: v for k, v in ledger_days.sums(s, lo, hi).items() if v} == {
                k: v for k, v in direct.items() if v}, (lo, hi)  # fmt: skip
        entries = s.execute(select(LedgerEntry.at, LedgerEntry.kind, LedgerEntry.amount)).all()
    months = {m.month: m for m in points_view.monthly_totals(store)}
    for month, totals in months.items():
        mine = [(k, v) for at, k, v in entries if f"{at:%Y-%m}" == month]
        assert totals.issued == sum(v for k, v in mine if k == "earn")
        assert totals.redeemed + totals.expired == -sum(v for k, v in mine
                                                        if k in ("redeem", "expire"))  # fmt: skip
        assert totals.adjusted == sum(v for k, v in mine if k in ("adjust", "reverse"))
    assert months["2025-06"].issued > 0 and months["2025-07"].issued == 0  # a quiet month
    assert not _problems(store)


def test_levels_roll_by_the_day_for_the_members_whose_year_moved(store):
    rewards.add_level(store, name="银卡 ⭐", threshold=100)
    a = _member(store)
    b = _member(store, "李雷")
    year_ago = datetime.combine(TODAY - timedelta(days=364), datetime.min.time(), UTC)
    ledger.record_visit(store, a, amount_cents=20000, at=year_ago + timedelta(hours=2))
    ledger.record_visit(store, b, amount_cents=20000, at=datetime.now(UTC) - timedelta(days=1))
    with store.session() as s:
        ledger.refresh_levels_in(s, today=TODAY)
        level = dict(s.execute(select(MemberPoints.member_id, MemberPoints.level_id)).all())
        assert level[a] is not None and level[b] is not None
    later = TODAY + timedelta(days=2)  # a's visit has left the 12 months; b's has not
    with store.session() as s:
        assert settings.get(s, ledger.LEVELS_DAY_KEY) == TODAY.isoformat()
        assert ledger.roll_levels_in(s, today=later) == 1
        level = dict(s.execute(select(MemberPoints.member_id, MemberPoints.level_id)).all())
        assert level[a] is None and level[b] is not None
        assert ledger.roll_levels_in(s, today=later) == 0  # once a day
        # The same as a full pass would say.
        assert ledger.refresh_levels_in(s, today=later) == 0


def test_check_before_the_days_roll_leaves_the_members_leaving_the_window_to_it(store):
    """A store whose levels were last rolled yesterday (not opened in the app today): a
    member whose points left the 12 months overnight keeps yesterday's level until the
    roll, which `check` does not call a problem; a level wrong for any other member it
    still does; after the roll every level is today's."""
    silver = rewards.add_level(store, name="银卡 ⭐", threshold=100)
    leaving = _member(store)
    other = _member(store, "李雷")
    today = date.today()  # what check compares with
    yesterday = today - timedelta(days=1)
    # In the 12 months as of yesterday, out of them today.
    at = datetime.combine(today - timedelta(days=366), datetime.min.time(), UTC)
    ledger.record_visit(store, leaving, amount_cents=20000, at=at + timedelta(hours=2))
    ledger.record_visit(store, other, amount_cents=1000)  # a few points: the first level
    with store.session() as s:
        ledger.refresh_levels_in(s, today=yesterday)
        assert s.get(MemberPoints, leaving).level_id == silver
        assert leaving not in ledger.expected_levels(s, today=today, rules=ledger.rules_in(s))
    assert not _problems(store)
    with store.session() as s:
        s.execute(text("UPDATE member_points SET level_id = :l WHERE member_id = :m"),
                  {"l": silver, "m": other})  # fmt: skip
    assert [p for p in _problems(store) if f"member {other}:" in str(p)]
    assert not [p for p in _problems(store) if f"member {leaving}:" in str(p)]
    with store.session() as s:
        first = ledger.expected_levels(s, today=today, rules=ledger.rules_in(s))[other]
        s.execute(text("UPDATE member_points SET level_id = :l WHERE member_id = :m"),
                  {"l": first, "m": other})  # fmt: skip
        assert ledger.roll_levels_in(s, today=today) == 1
        assert s.get(MemberPoints, leaving).level_id is None
    assert not _problems(store)


def test_two_expiry_runs_at_once_expire_each_lot_once(store):
    """Two PCs starting the day together: each lot expires once, and `check` passes (on
    PostgreSQL an advisory lock serialises them; on SQLite the write lock does)."""
    members_ = [_member(store, f"会员{i}") for i in range(6)]
    for m in members_:
        ledger.record_visit(store, m, amount_cents=3000, at=datetime(2024, 3, 1, 10, tzinfo=UTC))
    due = expiry_date(date(2024, 3, 1), ledger.rules(store))
    made: list[int] = []
    barrier = threading.Barrier(2)

    def run() -> None:
        barrier.wait()
        made.append(ledger.expire(store, today=due))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with store.read() as s:
        lots = s.scalar(select(func.count()).select_from(OpenLot))
        expired = s.scalar(select(func.count()).where(LedgerEntry.kind == "expire"))
    assert lots == 0 and sorted(made)[0] == 0 and sum(made) == expired > 0
    assert all(ledger.balance(store, m) == 0 for m in members_)
    assert not _problems(store)
