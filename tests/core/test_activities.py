from datetime import date, timedelta

import pytest

from sqdesk.core import activities, ledger, points_view
from sqdesk.core.activities import ActivityError, ActivityInput
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.recurrence import Recurrence, to_rrule

MON = date(2026, 11, 23)


def weekly(days, start=MON):
    return to_rrule(Recurrence("weekly", weekdays=days), start)


def test_create_expand_cancel_and_move(store):
    aid = activities.create(store, ActivityInput("第二杯半价☕", MON, 600,
                                                  rrule=weekly((2,))))  # fmt: skip
    got = activities.occurrences(store, MON, MON + timedelta(days=27))
    assert [o.day for o in got] == [date(2026, 11, 25), date(2026, 12, 2), date(2026, 12, 9),
                                    date(2026, 12, 16)]  # fmt: skip
    assert activities.get(store, aid).start_date == date(2026, 11, 25)  # the first Wednesday
    activities.cancel_occurrence(store, aid, date(2026, 12, 2))
    activities.move_occurrence(store, aid, date(2026, 12, 9), date(2026, 12, 10), 19 * 60)
    got = activities.occurrences(store, MON, MON + timedelta(days=27))
    assert [(o.day, o.minute, o.moved) for o in got] == [
        (date(2026, 11, 25), 600, False), (date(2026, 12, 10), 1140, True),
        (date(2026, 12, 16), 600, False)]  # fmt: skip
    # the moved one is still named by its original date
    assert activities.occurrence(store, aid, date(2026, 12, 9)).day == date(2026, 12, 10)
    assert activities.occurrence(store, aid, date(2026, 12, 2)) is None
    with pytest.raises(ActivityError) as err:
        activities.cancel_occurrence(store, aid, date(2026, 12, 3))  # not a Wednesday
    assert err.value.code == "no_occurrence"
    activities.restore_occurrence(store, aid, date(2026, 12, 2))
    assert len(activities.occurrences(store, MON, MON + timedelta(days=27))) == 4


def test_bad_input_is_refused(store):
    for data, code in [
        (ActivityInput("  ", MON), "empty"),
        (ActivityInput("x", MON, start_minute=24 * 60), "bad_time"),
        (ActivityInput("x", MON, rrule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), "no_occurrence"),
        (ActivityInput("x", MON, category="party"), "bad_category"),
        (ActivityInput("x", MON, points=-5), "bad_points"),
    ]:
        with pytest.raises(ActivityError) as err:
            activities.create(store, data)
        assert err.value.code == code
    assert activities.list_activities(store) == []


def test_phase_tasks_warmup_reminder_recap(store):
    aid = activities.create(store, ActivityInput(
        "会员日🎉", date(2026, 12, 8), 600, category="monthly", warmup_days=3,
        rrule=to_rrule(Recurrence("monthly_day", month_day=8), date(2026, 12, 8))))  # fmt: skip
    tasks = activities.phase_tasks(store, date(2026, 12, 1), date(2026, 12, 10))
    assert [(t.phase, t.due) for t in tasks] == [
        ("warmup", date(2026, 12, 5)), ("reminder", date(2026, 12, 8)),
        ("recap", date(2026, 12, 9))]  # fmt: skip
    activities.tick_phase(store, aid, date(2026, 12, 8), "warmup")
    tasks = activities.phase_tasks(store, date(2026, 12, 5), date(2026, 12, 5))
    assert tasks[0].done
    # next month's warm-up falls in this range although its occurrence does not
    jan = activities.phase_tasks(store, date(2027, 1, 5), date(2027, 1, 5))
    assert [(t.phase, t.occurrence.day) for t in jan] == [("warmup", date(2027, 1, 8))]


def test_attendance_pays_once_and_counts_checkins(store):
    people = [create(store, MemberInput(name=n)) for n in ("张三", "李四", "王五")]
    tea = activities.create(store, ActivityInput("线下茶话会", MON, 900, points=20,
                                                  category="offline"))  # fmt: skip
    first = activities.record_attendance(store, tea, MON, people[:2], source="jielong")
    assert (first.added, first.points_paid) == (2, 2)
    again = activities.record_attendance(store, tea, MON, people)
    assert (again.added, again.already, again.points_paid) == (1, 2, 1)
    assert points_view.summary(store, people[0]).balance == 20
    assert activities.participation(store, activities.occurrence(store, tea, MON)) == (3, 3)
    checkin = activities.create(store, ActivityInput(
        "每日签到", MON, 540, checkin=True, rrule="FREQ=DAILY", category="daily"))  # fmt: skip
    for i in range(3):
        activities.record_attendance(store, checkin, MON + timedelta(days=i), [people[0]])
    assert ledger.record_checkin(store, people[0], MON + timedelta(days=2)).streak == 3
    with pytest.raises(ActivityError):
        activities.record_attendance(store, tea, MON + timedelta(days=1), people)


def test_changing_the_rule_drops_exceptions_it_no_longer_has(store):
    aid = activities.create(store, ActivityInput("拼团日", MON, 720, rrule=weekly((4,))))
    activities.cancel_occurrence(store, aid, date(2026, 11, 27))
    activities.change(store, aid, ActivityInput("拼团日", MON, 720, rrule=weekly((5,))))
    days = [o.day for o in activities.occurrences(store, MON, MON + timedelta(days=6))]
    assert days == [date(2026, 11, 28)]


@pytest.mark.parametrize("seed", range(4))
def test_occurrences_come_in_time_order_with_moved_ones_among_them(store, seed):
    """The calendar's expansion collects each day's occurrences in the activities' order
    instead of sorting them all: the same list as sorting every occurrence by day, time,
    title and activity, moved ones (and same-time ties) included."""
    import random

    rng = random.Random(seed)
    lo, hi = MON, MON + timedelta(days=41)
    titles = ["晨跑打卡🏃", "第二杯半价", "会员日", "读书会", "第二杯半价"]  # a title twice
    ids = []
    for _ in range(12):
        start = MON + timedelta(days=rng.randrange(-10, 10))
        rule = rng.choice([weekly((rng.randrange(7),), start), weekly((0, 3, 5), start),
                           to_rrule(Recurrence("daily"), start), ""])  # fmt: skip
        ids.append(activities.create(store, ActivityInput(
            rng.choice(titles), start, rng.choice([540, 600, 600, 1140]), rrule=rule)))
    for aid in ids:
        days = [o.original_date for o in activities.occurrences(store, lo, hi)
                if o.activity_id == aid]  # fmt: skip
        for original in rng.sample(days, min(2, len(days))):
            new_day = lo + timedelta(days=rng.randrange(42))
            activities.move_occurrence(store, aid, original, new_day,
                                       rng.choice([None, 600, 720]))  # fmt: skip
    got = activities.occurrences(store, lo, hi)
    assert any(o.moved for o in got)
    assert got == sorted(got, key=lambda o: (o.day, o.minute, o.title, o.activity_id))
    every = [(o.activity_id, o.original_date) for o in got]
    assert len(every) == len(set(every))


@pytest.mark.parametrize("seed", range(3))
def test_phase_tasks_are_every_phase_due_in_the_range_in_time_order(store, seed):
    """The month view's campaign tasks: for every occurrence of a campaign around the range,
    each phase whose day (phase_due) falls in it, ordered by that day, the occurrence's
    time and warm-up, reminder, recap; same-time ties in the calendar's order."""
    import random

    rng = random.Random(seed)
    lo, hi = MON, MON + timedelta(days=41)
    for i in range(10):
        start = MON + timedelta(days=rng.randrange(-20, 30))
        rule = rng.choice([weekly((rng.randrange(7),), start), weekly((1, 4), start),
                           to_rrule(Recurrence("daily"), start), ""])  # fmt: skip
        aid = activities.create(store, ActivityInput(
            f"活动{i}🎉", start, rng.choice([0, 540, 600, 600, 1439]), rrule=rule,
            warmup_days=rng.choice([None, 0, 1, 3, 7])))  # fmt: skip
        days = [o.original_date for o in activities.occurrences(store, lo, hi)
                if o.activity_id == aid]  # fmt: skip
        for original in rng.sample(days, min(1, len(days))):
            activities.move_occurrence(store, aid, original, lo + timedelta(days=rng.randrange(42)),
                                       rng.choice([None, 720]))  # fmt: skip
    spread = activities.occurrences(store, lo - timedelta(days=1), hi + timedelta(days=8))
    order = {p: i for i, p in enumerate(activities.PHASES)}
    expected = sorted(((o, p, activities.phase_due(o, p)) for o in spread
                       if o.warmup_days is not None for p in activities.PHASES
                       if lo <= activities.phase_due(o, p) <= hi),
                      key=lambda t: (t[2], t[0].minute, order[t[1]]))  # fmt: skip
    got = activities.phase_tasks(store, lo, hi)
    assert expected, seed
    assert [(t.occurrence, t.phase, t.due) for t in got] == expected
