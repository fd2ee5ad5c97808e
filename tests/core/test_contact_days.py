"""Who the shop had contact with, day by day (sqdesk.core.contact_days): a moment's day the
same in SQL as in Python for any moment and offset; the bitmaps kept by every write that
adds or takes away a contact (visits, two on a day, a visit undone, notes, activities,
posts copied, a merge, a member deleted), each time equal to their sources; and the
dashboard's distinct counts from them equal to counting member by member."""

import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import BigInteger, Integer, bindparam, create_engine, func, literal, select

from sqdesk.core import activities, contact_days, duplicates, ledger, metrics, notes, posts
from sqdesk.core.activities import ActivityInput
from sqdesk.core.contact_days import AGAIN, OTHER, VISITED
from sqdesk.core.errors import CodedError
from sqdesk.core.member_edit import MemberInput, create, delete_archived, set_archived
from sqdesk.core.models import EPOCH, MICROSECOND, Member
from sqdesk.core.store import Store
from tests.core import reference_counts

OFFSETS = (8 * 3600, 0, -5 * 3600, 5 * 3600 + 1800, 13 * 3600 + 45 * 60, -12 * 3600)
T = date.today()


@pytest.fixture(autouse=True)
def _todays_dates():
    global T
    T = date.today()


def noon(days_ago: int, hour: int = 12) -> datetime:
    return datetime.combine(T - timedelta(days=days_ago), time(hour)).astimezone(UTC)


def day(days_ago: int) -> int:
    return contact_days.day_number(T - timedelta(days=days_ago))


@pytest.fixture(scope="module")
def sqlite():
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        yield conn
    engine.dispose()


@settings(max_examples=300, deadline=None)
@given(at=st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                       timezones=st.just(UTC)),
       offset=st.sampled_from(OFFSETS))  # fmt: skip
def test_a_moments_day_is_the_same_in_sql_as_in_python(sqlite, at, offset):
    with pytest.MonkeyPatch.context() as mp:  # the shop's offset, for this example only
        mp.setattr(contact_days, "local_offset_seconds", lambda: offset)
        stored = (at - EPOCH) // MICROSECOND  # as UTCDateTime keeps it
        sql = contact_days._moment_day("sqlite", literal(stored, BigInteger), offset)
        assert sqlite.scalar(select(sql)) == contact_days.day_of(at)
        # As everyone's days are read (compiled once, the offset bound at each run).
        bound = contact_days._moment_day("sqlite", literal(stored, BigInteger),
                                         bindparam("offset", type_=Integer))  # fmt: skip
        assert sqlite.scalar(select(bound), {"offset": offset}) == contact_days.day_of(at)


def test_a_bitmap_holds_its_members():
    bits = contact_days.bitmap([0, 7, 8, 100_003])
    assert contact_days.members_in(bits) == [0, 7, 8, 100_003]
    assert contact_days.unpack(contact_days.pack(bits)) == bits
    assert contact_days.bitmap([]) == 0 == contact_days.unpack(contact_days.pack(0))


def test_the_joiners_of_each_day_as_runs_of_ids_or_one_by_one(store):
    """bitmaps_by: a day whose joiners' ids are one run is that run; a day whose ids are
    scattered (another day's member between them) is read id by id. Both equal the ids."""
    days = [3, 3, 3, 5, 4, 5, 9]  # days ago: 3 a run, 5 scattered, 4 and 9 one member
    ids = [create(store, MemberInput(name=f"会员{i}", joined_on=T - timedelta(days=d)))
           for i, d in enumerate(days)]  # fmt: skip
    want: dict[date, list[int]] = {}
    for member_id, d in zip(ids, days, strict=True):
        want.setdefault(T - timedelta(days=d), []).append(member_id)
    with store.read() as s:
        got = contact_days.bitmaps_by(s, Member.joined_on, Member.id, [Member.id.in_(ids)])
    assert {d: (n, contact_days.members_in(bits)) for d, (n, bits) in got.items()} == {
        d: (len(m), m) for d, m in want.items()}


@pytest.mark.parametrize("few", [0, 100])
def test_a_set_of_members_as_one_run_id_by_id_or_by_join_day(store, monkeypatch, few):
    """members_bitmap: the members who joined after a day are one run of ids; archived
    members scattered among them are read id by id (few) or by join day (many)."""
    monkeypatch.setattr(contact_days, "FEW_IDS", few)
    days = [9, 8, 8, 7, 6, 6, 5, 3]
    ids = [create(store, MemberInput(name=f"张{i}🍵", joined_on=T - timedelta(days=d)))
           for i, d in enumerate(days)]  # fmt: skip
    set_archived(store, [ids[1], ids[3], ids[4]], True)
    joined_after = [Member.id.in_(ids), Member.joined_on > T - timedelta(days=8)]
    archived = [Member.id.in_(ids), Member.archived.is_(True)]
    nobody = [Member.id.in_(ids), Member.joined_on > T]
    with store.read() as s:
        got = [contact_days.members_in(contact_days.members_bitmap(s, w))
               for w in (joined_after, archived, nobody)]  # fmt: skip
    assert got == [ids[3:], [ids[1], ids[3], ids[4]], []]


def _kept(store) -> dict[tuple[int, int], list[int]]:
    with store.read() as s:
        assert list(contact_days.differences(s)) == []  # equal to the sources
        rows = s.execute(select(contact_days._TABLE)).all()
    return {(d, k): contact_days.members_in(contact_days.unpack(b)) for d, k, b in rows}


def test_every_write_of_a_contact_keeps_the_days(store):
    a = create(store, MemberInput(name="林晓雨", joined_on=T - timedelta(days=60)))
    b = create(store, MemberInput(name="陈一🍵", joined_on=T - timedelta(days=60)))
    first = ledger.record_visit(store, a, amount_cents=30_00, at=noon(10, 9)).visit_id
    assert _kept(store) == {(day(10), VISITED): [a]}
    second = ledger.record_visit(store, a, amount_cents=12_00, at=noon(10, 18)).visit_id
    ledger.record_visit(store, b, amount_cents=20_00, at=noon(3))
    assert _kept(store) == {(day(10), VISITED): [a], (day(10), AGAIN): [a],
                            (day(3), VISITED): [b]}  # fmt: skip
    ledger.void_visit(store, second, reason="录错了")  # one of the two: not again that day
    assert _kept(store) == {(day(10), VISITED): [a], (day(3), VISITED): [b]}
    ledger.void_visit(store, first, reason="录错了")
    assert _kept(store) == {(day(3), VISITED): [b]}
    notes.add(store, a, "说下次带朋友来，全角：！", kind="counter", at=noon(5))
    greeting = posts.find(store, "birthday")
    posts.record_copy(store, greeting, "生日快乐🎂", rendered_for=f"member:{b}", at=noon(2))
    act = activities.create(store, ActivityInput(title="周末品鉴会", start_date=T - timedelta(
        days=4)))  # fmt: skip
    activities.record_attendance(store, act, T - timedelta(days=4), [a, b])
    assert _kept(store) == {(day(3), VISITED): [b], (day(5), OTHER): [a],
                            (day(2), OTHER): [b], (day(4), OTHER): [a, b]}  # fmt: skip


def test_a_merge_moves_the_days_and_a_deleted_member_leaves_none(store):
    joined = T - timedelta(days=30)
    a = create(store, MemberInput(name="张伟", mobile="13800138000", joined_on=joined))
    b = create(store, MemberInput(name="张伟", nickname="伟哥", joined_on=joined))
    c = create(store, MemberInput(name="王芳", joined_on=joined))
    ledger.record_visit(store, a, amount_cents=10_00, at=noon(6))
    ledger.record_visit(store, b, amount_cents=10_00, at=noon(6, 15))  # the same day
    notes.add(store, b, "老顾客", kind="counter", at=noon(1))
    notes.add(store, c, "只来过一次", kind="counter", at=noon(2))
    duplicates.merge(store, survivor_id=a, merged_id=b, copy_first=False)
    # Both came on day 6: the survivor came twice that day.
    assert _kept(store) == {(day(6), VISITED): [a], (day(6), AGAIN): [a], (day(1), OTHER): [a],
                            (day(2), OTHER): [c]}  # fmt: skip
    set_archived(store, [c], True)
    assert delete_archived(store, [c]) == 1
    assert _kept(store) == {(day(6), VISITED): [a], (day(6), AGAIN): [a], (day(1), OTHER): [a]}


def test_a_rebuild_makes_what_the_writes_kept(store):
    members = [create(store, MemberInput(name=f"会员{i}", joined_on=T - timedelta(days=30)))
               for i in range(12)]  # fmt: skip
    for i, m in enumerate(members):
        for k in range(i % 4):
            ledger.record_visit(store, m, amount_cents=5_00, at=noon(k * 3 % 7 + 1, 9 + k))
        if i % 3 == 0:
            notes.add(store, m, "回访", kind="counter", at=noon(i % 5 + 1))
    kept = _kept(store)
    with store.session() as s:
        contact_days.rebuild_all(s)
    assert _kept(store) == kept


def _by_member(store, first: date, last: date, ids=None) -> tuple[int, int, int]:
    """(visitors, repeat visitors, active) counted member by member, with the classes the
    dashboard used before the bitmaps (reference_counts.member_class): the reference."""
    lo, hi = metrics.start_of(first), metrics.start_of(last + timedelta(days=1))
    klass, counted = reference_counts.member_class(lo, hi, first, last)
    with store.read() as s:
        query = (select(klass, counted, func.count()).where(Member.joined_on <= last)
                 .group_by(klass, counted))  # fmt: skip
        if ids is not None:
            query = query.where(Member.id.in_(ids))
        return reference_counts.tally(s.execute(query).all())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 40), st.integers(0, 2)),
                     min_size=1, max_size=40),
       joined=st.lists(st.integers(0, 60), min_size=8, max_size=8),
       archived=st.lists(st.integers(-1, 40), min_size=8, max_size=8),
       span=st.sampled_from([1, 7, 30]), end=st.integers(0, 10))  # fmt: skip
@example(plan=[(0, 3, 0), (0, 5, 0), (1, 4, 1), (2, 6, 2), (3, 2, 0), (4, 20, 1)],
         joined=[40, 28, 27, 10, 25, 3, 30, 9], archived=[-1, -1, -1, 1] + [-1] * 4, span=30,
         end=0)  # again on a later day; archived; joiners kept within 7 or 30 days
def test_the_dashboards_counts_from_the_days_equal_counting_member_by_member(
        plan, joined, archived, span, end):  # fmt: skip
    """Eight members joining and archived on any days, visits, notes and attendance on
    any days; any period: visitors, repeat visitors and active members as the bitmaps
    count them, for the shop and for a scope, equal the member-by-member classes."""
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "p.sqdesk") as store:
        _counts_agree(store, plan, joined, archived, span, end)


def _counts_agree(store, plan, joined, archived, span, end) -> None:
    ids = [create(store, MemberInput(name=f"成员{i}", joined_on=T - timedelta(days=joined[i])))
           for i in range(8)]  # fmt: skip
    act = activities.create(store, ActivityInput(title="打卡", start_date=T - timedelta(days=60),
                                                 rrule="FREQ=DAILY"))  # fmt: skip
    for who, ago, kind in plan:
        try:
            if kind == 0:
                ledger.record_visit(store, ids[who], amount_cents=8_00, at=noon(ago, 8 + who))
            elif kind == 1:
                notes.add(store, ids[who], "聊了聊", kind="counter", at=noon(ago))
            else:
                activities.record_attendance(store, act, T - timedelta(days=ago), [ids[who]])
        except CodedError:
            continue  # before the member joined: refused, as in the app
    for i, when in enumerate(archived):
        if when >= 0:
            set_archived(store, [ids[i]], True)
            with store.session() as s:
                s.get(Member, ids[i]).archived_at = noon(when)
    last = T - timedelta(days=end)
    first = last - timedelta(days=span - 1)
    lo, hi = metrics.start_of(first), metrics.start_of(last + timedelta(days=1))
    scope = select(Member.id).where(Member.id.in_(ids[::2]))
    with store.read() as s:
        for chosen, names in ((None, None), (scope, ids[::2])):
            _n, visitors, repeaters, _spend, active = metrics._visit_figures(
                s, lo, hi, first, last, chosen)  # fmt: skip
            assert (visitors, repeaters, active) == _by_member(store, first, last, names)
    # Retention: the joiners of each day kept by a contact in the 7 and 30 days after.
    assert metrics.retention_by_day(store, first, last) == reference_counts.retention_by_member(
        store, first, last)


def test_a_period_counts_a_member_again_on_a_later_day_or_twice_on_one(store):
    a, b, c = (create(store, MemberInput(name=n, joined_on=T - timedelta(days=30)))
               for n in ("甲", "乙", "丙"))  # fmt: skip
    ledger.record_visit(store, a, amount_cents=5_00, at=noon(9))
    ledger.record_visit(store, a, amount_cents=5_00, at=noon(2))  # again, days later
    ledger.record_visit(store, b, amount_cents=5_00, at=noon(5, 9))
    ledger.record_visit(store, b, amount_cents=5_00, at=noon(5, 17))  # again, the same day
    ledger.record_visit(store, c, amount_cents=5_00, at=noon(5))
    notes.add(store, c, "电话回访", kind="counter", at=noon(1))
    with store.read() as s:
        whole = contact_days.period(s, T - timedelta(days=10), T)
        late = contact_days.period(s, T - timedelta(days=4), T)
    assert contact_days.members_in(whole.visited) == [a, b, c]
    assert contact_days.members_in(whole.again) == [a, b]
    assert contact_days.members_in(whole.other) == [c]
    assert contact_days.members_in(late.visited) == [a]  # the period starts after day 9
    assert late.again == 0


def test_two_writers_adding_a_days_first_contacts_keep_both(store):
    """Two PCs record the first contacts of a day at once (on PostgreSQL, two sessions; on
    SQLite the writers take turns anyway): neither bit is lost."""
    import threading
    import time as clock

    a, b = (create(store, MemberInput(name=n, joined_on=T - timedelta(days=30)))
            for n in ("先到", "后到"))  # fmt: skip
    at = noon(3)
    ready = threading.Barrier(2)
    failures = []

    def write(member_id: int) -> None:
        try:
            ready.wait()
            with store.session() as s:
                contact_days.add_contact(s, member_id, at, visit=True)
                clock.sleep(0.2)  # both inside their transactions at once
        except Exception as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(m,)) for m in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert failures == []
    with store.read() as s:
        day = contact_days.days(s, T - timedelta(days=3), T - timedelta(days=3))
    assert contact_days.members_in(day[contact_days.day_of(at)][VISITED]) == [a, b]
