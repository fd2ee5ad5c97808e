import unicodedata
from datetime import timedelta
from itertools import pairwise

import phonenumbers
import pytest
from sqlalchemy import select

from sqdesk.core import codes
from sqdesk.core.demo import fill_demo_store, names
from sqdesk.core.demo.members import demo_member_rows
from sqdesk.core.jobs import Cancelled
from sqdesk.core.models import Member
from tests.conftest import TODAY

SURNAMES = sorted((s for s, _ in names.SURNAMES), key=len, reverse=True)


def _rows(n, seed):
    return list(demo_member_rows(n, seed=seed, today=TODAY))


def test_same_seed_same_members():
    assert _rows(500, 3) == _rows(500, 3)


def test_other_seed_other_members():
    a, b = _rows(200, 3), _rows(200, 4)
    assert [r["name"] for r in a] != [r["name"] for r in b]


def test_names_are_real_chinese_names():
    rows = _rows(3000, 11)
    for row in rows:
        name = row["name"]
        surname = next((s for s in SURNAMES if name.startswith(s)), None)
        assert surname is not None, name
        given = name[len(surname) :]
        assert 1 <= len(given) <= 2, name
        assert all(unicodedata.name(ch).startswith("CJK UNIFIED IDEOGRAPH") for ch in name)
    used = {next(s for s in SURNAMES if r["name"].startswith(s)) for r in rows}
    # Common surnames dominate, and the special-reading ones do turn up.
    assert {"王", "李", "张"} <= used
    assert len(used & {"曾", "单", "解", "区", "仇", "朴", "查", "乐"}) >= 3
    assert any(len(s) == 2 for s in used)
    assert sum(r["name"][0] in "王李张刘陈" for r in rows) > len(rows) * 0.2


def test_phones_are_valid_unique_mainland_mobiles():
    rows = _rows(2000, 5)
    mobiles = [r["mobile"] for r in rows if r["mobile"]]
    assert len(mobiles) > 1950  # only the few entered twice lack one
    assert len(set(mobiles)) == len(mobiles)
    for m in mobiles:
        number = phonenumbers.parse(m, "CN")
        assert len(m) == 11 and phonenumbers.is_valid_number(number), m
        assert phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE, m


def test_codes_dates_channels_and_referrers_are_coherent():
    rows = _rows(2000, 9)
    assert all(codes.is_valid_code(r["code"]) for r in rows)
    assert len({r["code"] for r in rows}) == len(rows)
    joins = [r["joined_on"] for r in rows]
    assert joins == sorted(joins)
    assert (TODAY - joins[0]).days > 2 * 365 and joins[-1] <= TODAY
    for r in rows:
        if r["birthday"]:
            assert 14 <= (TODAY - r["birthday"]).days // 365 <= 67
    ids = {r["id"] for r in rows}
    referred = [r for r in rows if r["referrer_id"] is not None]
    assert referred and all(r["source"] == names.REFERRAL_SOURCE for r in referred)
    assert all(r["referrer_id"] in ids and r["referrer_id"] < r["id"] for r in referred)
    channels = {r["source"] for r in rows}
    assert {"门店扫码", "外卖卡片", "抖音", "小红书", "老带新"} <= channels
    assert any(any(ord(c) > 0xFFFF for c in r["nickname"]) for r in rows)  # emoji


def test_fill_store_twice_keeps_codes_and_mobiles_unique(store):
    assert fill_demo_store(store, members=300, seed=1, today=TODAY) == 300
    assert fill_demo_store(store, members=200, seed=1, today=TODAY) == 200
    with store.read() as s:
        got = s.execute(select(Member.code, Member.mobile)).all()
    assert len(got) == 500
    mobiles = [m for _, m in got if m]
    assert len({c for c, _ in got}) == 500 and len(set(mobiles)) == len(mobiles)
    ordered = sorted(codes.serial_of(c) for c, _ in got)
    assert all(b == a + 1 for a, b in pairwise(ordered))


def test_some_members_are_entered_twice_for_the_duplicate_finder(store):
    from sqdesk.core.duplicates import find_duplicates

    fill_demo_store(store, members=3000, seed=3, today=TODAY)
    groups = find_duplicates(store)
    assert 2 <= len(groups) <= 30
    assert {g.reason for g in groups} & {"name_birthday", "name_nickname"}


def test_stopping_the_generator_adds_nothing(store):
    calls = []

    def stop_after_first_chunk():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        fill_demo_store(store, members=12000, seed=1, should_stop=stop_after_first_chunk)
    assert store.info().counts["member"] == 0


def test_demo_store_has_tags_with_realistic_shares(store):
    from sqdesk.core import tags

    fill_demo_store(store, members=2000, seed=4, today=TODAY, points=False)
    counts = {t.name: t.members for t in tags.list_tags(store)}
    assert 450 < counts["爱喝茶🍵"] < 750  # about 30%
    assert counts["团购组织者"] < 60
    fill_demo_store(store, members=100, seed=5, today=TODAY, points=False)  # groups once
    assert len(tags.list_groups(store)) == 3


def test_demo_store_has_groups_memberships_and_qr_images(store):
    from sqdesk.core import filters, groups, segments
    from sqdesk.core.check import run_checks

    fill_demo_store(store, members=3000, seed=4, today=TODAY)
    found = {g.name: g for g in groups.list_groups(store)}
    assert [g.kind.value for g in found.values()].count("ordinary") == 3
    assert all(0 < g.members <= g.capacity for g in found.values())
    states = {g.qr_state(TODAY) for g in found.values()}
    assert {"fresh", "expiring", "expired", "none"} <= states
    assert groups.image_kind(groups.qr_image(store, found["茶语会员1群"].id)) == "png"
    left = [s for s in groups.stays(store, group_id=found["茶语会员2群"].id) if s.left_on]
    assert left and {s.leave_reason for s in left} <= {"left", "removed"}
    # both VIP lists have people in them, so the demo answers "who gets the invite?"
    assert filters.count(store, segments.vip_invites(store, today=TODAY), today=TODAY) > 0
    assert filters.count(store, segments.vip_no_longer(store, today=TODAY), today=TODAY) > 0
    assert run_checks(store) == []


def test_demo_calendar_has_a_year_of_attendance_paid_through_the_ledger(store):
    from sqlalchemy import func, select

    from sqdesk.core import activities
    from sqdesk.core.check import run_checks
    from sqdesk.core.models import Attendance, CheckIn, LedgerEntry

    fill_demo_store(store, members=1500, seed=8, today=TODAY)
    acts = activities.list_activities(store)
    assert len(acts) >= 15 and any(a.checkin for a in acts)
    with store.read() as s:
        first = s.scalar(select(func.min(Attendance.occurrence_date)))
        paid = s.scalar(select(func.count()).where(LedgerEntry.source_type == "activity"))
        checkins = s.scalar(select(func.count()).select_from(CheckIn))
    assert (TODAY - first).days > 300 and paid > 100 and checkins > 100
    tasks = activities.phase_tasks(store, TODAY - timedelta(days=60), TODAY - timedelta(days=1))
    assert tasks and sum(t.done for t in tasks) > len(tasks) // 2
    assert run_checks(store) == []


def test_demo_coupons_are_used_on_one_of_the_members_first_three_visits(store):
    """The simulation hands the coupons each member's first visits: a used coupon's visit
    is one of its member's first three in the store (by time, then number), at the
    coupon's moment, and carries its discount; no visit takes two coupons."""
    from sqlalchemy import func, select

    from sqdesk.core import coupons
    from sqdesk.core.models import Coupon, CouponType, Visit

    fill_demo_store(store, members=1500, seed=8, today=TODAY)
    nth = func.row_number().over(partition_by=Visit.member_id, order_by=(Visit.at, Visit.id))
    ranked = select(Visit.id, nth.label("nth")).where(Visit.voided.is_(False)).subquery()
    with store.read() as s:
        used = s.execute(select(Coupon.member_id, Coupon.used_at, Visit.member_id, Visit.at,
                                Visit.amount_cents, Visit.discount_cents, CouponType.kind,
                                CouponType.value, ranked.c.nth)
                         .join(Visit, Visit.id == Coupon.visit_id)
                         .join(CouponType, CouponType.id == Coupon.type_id)
                         .join(ranked, ranked.c.id == Visit.id)).all()  # fmt: skip
        late = s.scalar(select(func.count()).select_from(ranked).where(ranked.c.nth > 3))
    assert len(used) > 300 and late > 1000  # many visit more than three times
    with store.read() as s:  # one coupon a visit, as the visit dialog takes it
        assert s.scalar(select(func.count(func.distinct(Coupon.visit_id)))) == len(used)
    for coupon_member, used_at, visit_member, at, paid, off, kind, value, nth in used:
        assert coupon_member == visit_member and used_at == at and nth <= 3
        assert off == coupons.discount(kind, value, paid)


def test_demo_store_has_a_copy_history_and_a_run_to_resume(store):
    from sqdesk.core import post_runs, posts

    fill_demo_store(store, members=1500, seed=8, today=TODAY)
    yesterday = posts.copies_on(store, TODAY - timedelta(days=1))
    names = {c.template_name for c in yesterday}
    assert "早报" in names and "None" not in "".join(c.text for c in yesterday)
    week = [c for d in range(1, 8) for c in posts.copies_on(store, TODAY - timedelta(days=d))]
    assert any(c.template_name == "生日祝福" and c.rendered_for.startswith("member:")
               for c in week)  # fmt: skip
    (run,) = post_runs.runs(store)
    assert (run.title, run.total, run.copied, run.skipped) == ("沉睡会员", 12, 4, 1)
    with store.read() as s:
        from sqlalchemy import func, select

        from sqdesk.core.models import Member

        liked = s.scalar(select(func.count()).where(Member.favourites != ""))
    assert 300 < liked < 900  # about 40 % have favourites recorded


def _history(store) -> dict[str, list]:
    from sqlalchemy import text

    tables = ("visit", "ledger_entry", "ledger_consumption", "open_lot", "member_points",
              "reward", "note", "coupon")  # fmt: skip
    with store.read() as s:
        return {t: s.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in tables}


def _made_both_ways(tmp_path, monkeypatch) -> dict[bool, dict[str, list]]:
    """The same demo made with the years simulated in a second process (True) and in this
    one (False), each store's history; `check` passes on both."""
    import sqdesk.core.demo.points as points
    from sqdesk.core.check import run_checks
    from sqdesk.core.store import Store

    made = {}
    for forked in (True, False):
        monkeypatch.setattr(points, "_can_fork", lambda forked=forked: forked)
        with Store.open(tmp_path / f"{forked}.sqdesk") as store:
            fill_demo_store(store, members=1500, seed=9, today=TODAY)
            made[forked] = _history(store)
            assert run_checks(store) == []
    return made


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="no fork on this system")
def test_the_simulation_in_a_second_process_makes_the_same_years(tmp_path, monkeypatch):
    """Forked or not, the same seed gives the same visits, ledger, lots, balances, reward
    stock and notes, row for row; and `check` passes on both. The notes are written while
    the years are simulated, from the visits as drawn: the same notes as when written
    after the visits, from the visits in the store. The open lots go in several parts."""
    import sqdesk.core.demo.points as points
    from sqdesk.core.demo.notes import fill_notes
    from sqdesk.core.store import Store

    monkeypatch.setattr(points, "_LOTS_PART", 997)
    made = _made_both_ways(tmp_path, monkeypatch)
    assert len(made[True]["ledger_entry"]) > 20_000  # more than one chunk
    assert len(made[True]["open_lot"]) > 2 * 997
    assert len(made[True]["note"]) > 5000
    assert made[True] == made[False]

    with Store.open(tmp_path / "after.sqdesk") as store:
        fill_demo_store(store, members=1500, seed=9, today=TODAY, notes=False)
        with store.session() as s:
            fill_notes(s, seed=9, today=TODAY, first_member_id=1)
        assert _history(store)["note"] == made[True]["note"]


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="no fork on this system")
def test_the_members_are_written_while_their_years_are_simulated(tmp_path, monkeypatch):
    """The second process starts on the years before the members are written; all it
    sends meanwhile (here: every message, to its end) is read as it comes and kept as it
    came, and acted on once the members are in: the same store as in one process."""
    import time

    import sqdesk.core.demo as demo
    import sqdesk.core.demo.points as points

    writing, kept = [], []
    received, member_steps = points._received, demo._member_steps

    def receive(connection):
        message = received(connection)
        if writing:
            kept.append(message)
        return message

    def slow_member_steps(*args, **kwargs):
        writing.append(True)
        yield from member_steps(*args, **kwargs)
        deadline = time.monotonic() + 30
        while (not kept or kept[-1] is not None) and time.monotonic() < deadline:
            time.sleep(0.05)  # until the child has sent everything and ended
            yield
        writing.clear()

    monkeypatch.setattr(points, "_received", receive)
    monkeypatch.setattr(demo, "_member_steps", slow_member_steps)
    made = _made_both_ways(tmp_path, monkeypatch)  # the visits' members are there: a foreign key
    assert kept[-1] is None and len(kept) > 3  # the visits, two chunks or more, the end
    assert made[True] == made[False]


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="no fork on this system")
def test_a_stop_or_a_failure_ends_the_second_process_and_adds_nothing(store, monkeypatch):
    import multiprocessing

    import sqdesk.core.demo.points as points

    monkeypatch.setattr(points, "_can_fork", lambda: True)
    children = []
    start = multiprocessing.context.ForkProcess.start

    def started(process):
        start(process)
        children.append(process)

    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start", started)
    asked = []

    def stop_after_the_first_chunk():  # asked before each chunk, and between its writes
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(Cancelled):
        fill_demo_store(store, members=3000, seed=1, should_stop=stop_after_the_first_chunk)
    assert children and not children[-1].is_alive()
    assert store.info().counts["member"] == 0

    def fails(*_args):
        raise ZeroDivisionError("the simulation's own bug")

    monkeypatch.setattr(points, "_visit_times", fails)
    with pytest.raises(RuntimeError, match="ZeroDivisionError: the simulation's own bug"):
        fill_demo_store(store, members=300, seed=1)
    assert not children[-1].is_alive()
    assert store.info().counts["member"] == 0


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="no fork on this system")
def test_a_writer_slower_than_the_simulation_holds_it_up(tmp_path, store, monkeypatch):
    """With room for one message kept, the reader (and the child behind it) waits for the
    writer at every message: the same store as in one process, and a stop while the reader
    waits ends the child, the reader and the demo."""
    import threading
    import time

    import sqdesk.core.demo.points as points

    monkeypatch.setattr(points, "_KEPT", 1)
    made = _made_both_ways(tmp_path, monkeypatch)
    assert made[True] == made[False]

    monkeypatch.setattr(points, "_can_fork", lambda: True)
    asked = []

    def stop_at_the_third_chunk():
        asked.append(1)
        time.sleep(0.05)  # the writer is slow: the queue is full when it stops
        return len(asked) > 3

    outcome = []

    def demo():  # in a thread, so that a reader never let go fails the test, not hangs it
        try:
            fill_demo_store(store, members=3000, seed=1, should_stop=stop_at_the_third_chunk)
        except Cancelled:
            outcome.append("stopped")

    worker = threading.Thread(target=demo, daemon=True)
    worker.start()
    worker.join(30)
    assert outcome == ["stopped"]
    assert not [t for t in threading.enumerate() if t.name == "demo-simulation-reader"]
    assert store.info().counts["member"] == 0


def test_visits_keep_the_shops_hours_by_its_clock_and_none_is_yet_to_come(store, monkeypatch):
    """A shop in Beijing opens 08:00-22:00 by its own clock (in UTC, 00:00-14:00); a visit
    later today than now has not happened (the demo once moved those to yesterday, which
    doubled yesterday's visits on the Dashboard)."""
    from datetime import UTC, datetime, timezone

    from sqdesk.core.demo import members as demo_members
    from sqdesk.core.demo import points
    from sqdesk.core.models import Visit

    for module in (points, demo_members):
        monkeypatch.setattr(module, "local_offset_seconds", lambda: 8 * 3600)
    fill_demo_store(store, members=400, seed=5, notes=False)
    beijing = timezone(timedelta(hours=8))
    now = datetime.now(UTC)
    with store.read() as s:
        visits = s.scalars(select(Visit.at)).all()
        joined = s.scalars(select(Member.created_at)).all()
    assert len(visits) > 400
    assert {at.astimezone(beijing).hour for at in visits} == set(range(8, 22))
    assert max(visits) <= now and max(joined) <= now


def test_notes_keep_the_shops_hours_and_none_is_yet_to_come(store, monkeypatch):
    """Made at 03:00, the demo writes no note later than that: today's notes are for later
    (they were all moved to now, a heap of them at 03:00 with the shop shut)."""
    from datetime import datetime, time
    from types import SimpleNamespace

    from sqdesk.core.demo import notes
    from sqdesk.core.models import Note

    three = datetime.combine(TODAY, time(3, 0)).astimezone()
    clock = SimpleNamespace(combine=datetime.combine, now=three.astimezone)  # what it asks
    monkeypatch.setattr(notes, "datetime", clock)
    fill_demo_store(store, members=400, seed=5, today=TODAY)
    with store.read() as s:
        written = s.scalars(select(Note.at)).all()
    assert len(written) > 400
    assert {at.astimezone().hour for at in written} == set(range(10, 22))
    assert max(written) <= three


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                    reason="no fork on this system: the simulation runs in one process")
def test_the_simulation_forks_beside_the_stores_checkpoint_thread_only(sqlite_store):
    """The store's checkpoint thread (started by its first write) leaves the fork to the
    simulation; any other thread (the app's window, a job) keeps it in one process."""
    import threading

    from sqdesk.core.demo import points
    from sqdesk.core.member_edit import MemberInput, create

    create(sqlite_store, MemberInput(name="王芳"))
    assert any(t.name == "sqdesk-checkpoints" for t in threading.enumerate())
    assert points._can_fork()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not points._can_fork()
    finally:
        stop.set()
        other.join()


def test_cutting_the_members_after_the_years_changes_nothing_written(tmp_path, monkeypatch):
    """The simulation ends by cutting each member to what is written after (the second
    process sends them back): the same ledger, lots, balances and levels, dated the same,
    as with each member kept whole."""
    from datetime import UTC, datetime

    import sqdesk.core.demo.points as points
    from sqdesk.core.models import LevelChange
    from sqdesk.core.store import Store

    monkeypatch.setattr(points, "_can_fork", lambda: False)
    made = {}
    for cut in (True, False):
        if not cut:
            monkeypatch.setattr(points, "_keep_what_is_written", lambda m: None)
        started = datetime.now(UTC)
        with Store.open(tmp_path / f"{cut}.sqdesk") as store:
            fill_demo_store(store, members=600, seed=4, today=TODAY, notes=False)
            with store.read() as s:
                changes = s.execute(select(LevelChange.member_id, LevelChange.at,
                                           LevelChange.to_level_id)
                                    .order_by(LevelChange.id)).all()  # fmt: skip
            # Dated by the years; the calendar's own, after them, at the run's clock.
            dated = [c for c in changes if c.at < started]
            made[cut] = (_history(store), dated, len(changes))
    assert len(made[True][1]) > 20  # levels were reached, and dated by the years
    assert made[True] == made[False]
