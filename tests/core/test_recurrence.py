from datetime import date, datetime, time, timedelta

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from sqdesk.core.recurrence import (
    WEEKDAYS,
    Recurrence,
    RecurrenceError,
    check,
    dates_between,
    from_rrule,
    notes,
    to_rrule,
)

START = date(2026, 1, 1)  # a Thursday


def test_kinds_to_rrule_and_back():
    cases = [
        (Recurrence("daily"), "FREQ=DAILY"),
        (Recurrence("weekdays"), "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        (Recurrence("weekly", weekdays=(0, 2)), "FREQ=WEEKLY;BYDAY=MO,WE"),
        (Recurrence("weekly", interval=2, weekdays=(3,)), "FREQ=WEEKLY;BYDAY=TH;INTERVAL=2"),
        (Recurrence("monthly_day", month_day=8), "FREQ=MONTHLY;BYMONTHDAY=8"),
        (Recurrence("monthly_nth", nth=-1, weekday=4), "FREQ=MONTHLY;BYDAY=-1FR"),
        (Recurrence("yearly"), "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1"),
        (Recurrence("daily", count=10), "FREQ=DAILY;COUNT=10"),
    ]
    for r, text in cases:
        assert to_rrule(r, START) == text
        back = from_rrule(text, START)
        assert to_rrule(back, START) == text
    assert to_rrule(Recurrence("none"), START) == ""


def test_the_last_friday_and_the_member_day():
    last_friday = dates_between("FREQ=MONTHLY;BYDAY=-1FR", START, 600, date(2026, 1, 1),
                                date(2026, 4, 30))  # fmt: skip
    assert last_friday == [date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 27),
                           date(2026, 4, 24)]  # fmt: skip
    eighth = dates_between("FREQ=MONTHLY;BYMONTHDAY=8", START, 600, date(2026, 11, 1),
                           date(2026, 12, 31))  # fmt: skip
    assert eighth == [date(2026, 11, 8), date(2026, 12, 8)]


def test_the_31st_and_29_february_say_what_they_do():
    r = Recurrence("monthly_day", month_day=31)
    text = to_rrule(r, START)
    got = dates_between(text, START, 600, date(2026, 1, 1), date(2026, 6, 30))
    assert got == [date(2026, 1, 31), date(2026, 3, 31), date(2026, 5, 31)]  # skipped
    assert notes(r, START) == ["skips_short_months"]
    leap = date(2028, 2, 29)
    yearly = to_rrule(Recurrence("yearly"), leap)
    assert dates_between(yearly, leap, 0, leap, date(2036, 12, 31)) == [
        leap, date(2032, 2, 29), date(2036, 2, 29)]  # fmt: skip
    assert notes(Recurrence("yearly"), leap) == ["leap_years_only"]


def test_bad_rules_are_refused_with_a_reason():
    with pytest.raises(RecurrenceError) as err:
        to_rrule(Recurrence("daily", until=date(2025, 12, 1)), START)
    assert err.value.code == "end_before_start"
    with pytest.raises(RecurrenceError) as err:
        check("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", START)  # 30 February never comes
    assert err.value.code == "no_occurrence"
    with pytest.raises(RecurrenceError) as err:
        to_rrule(Recurrence("weekly", interval=0), START)
    with pytest.raises(RecurrenceError):
        check("FREQ=SOMETIMES", START)
    # a weekly rule on Mondays starting on a Thursday really starts the next Monday
    assert check("FREQ=WEEKLY;BYDAY=MO", START) == date(2026, 1, 5)


def test_a_rule_from_elsewhere_is_kept_as_custom():
    r = from_rrule("FREQ=MONTHLY;BYSETPOS=2;BYDAY=MO,TU", START)
    assert r.kind == "custom"


RULES = st.sampled_from([
    "FREQ=DAILY", "FREQ=DAILY;INTERVAL=3", "FREQ=WEEKLY;BYDAY=MO,WE,FR",
    "FREQ=WEEKLY;BYDAY=SU;INTERVAL=2", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "FREQ=MONTHLY;BYMONTHDAY=31", "FREQ=MONTHLY;BYMONTHDAY=8;INTERVAL=2",
    "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=2TU;INTERVAL=3",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1;INTERVAL=2",
    "FREQ=DAILY;UNTIL=20280101T235959", "FREQ=WEEKLY;BYDAY=TH;COUNT=40",
    "FREQ=DAILY;COUNT=30", "FREQ=DAILY;INTERVAL=2;COUNT=7", "FREQ=DAILY;UNTIL=20230615T120000",
    "FREQ=DAILY;UNTIL=20230615", "FREQ=WEEKLY;BYDAY=SA,SU;UNTIL=20240301",
    "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,FR;UNTIL=20250101T100000", "FREQ=WEEKLY",
])  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(rule=RULES, start_offset=st.integers(0, 2000), lo_offset=st.integers(0, 3000),
       span=st.integers(0, 45), minute=st.integers(0, 1439))  # fmt: skip
def test_fast_expansion_matches_walking_from_the_start(rule, start_offset, lo_offset, span,
                                                       minute):  # fmt: skip
    start = date(2020, 1, 1) + timedelta(days=start_offset)
    try:
        start = check(rule, start)
    except RecurrenceError:
        return
    lo = date(2020, 1, 1) + timedelta(days=lo_offset)
    hi = lo + timedelta(days=span)
    slow = rrulestr(rule, dtstart=datetime.combine(start, time(minute // 60, minute % 60)))
    begin, end = datetime.combine(lo, time.min), datetime.combine(hi, time.max)
    expected = [d.date() for d in slow.between(begin, end, inc=True)]
    assert dates_between(rule, start, minute, lo, hi) == expected


@settings(max_examples=300, deadline=None)
@given(days=st.lists(st.sampled_from(WEEKDAYS), max_size=7, unique=True),
       step=st.integers(1, 4), until=st.one_of(st.none(), st.integers(0, 900)),
       until_time=st.sampled_from(["", "T000000", "T101500", "T235959"]),
       wkst=st.booleans(), start_offset=st.integers(0, 800), lo_offset=st.integers(0, 1000),
       span=st.integers(0, 60), minute=st.sampled_from([0, 1, 615, 1439]))  # fmt: skip
def test_weekly_arithmetic_matches_dateutil(days, step, until, until_time, wkst, start_offset,
                                            lo_offset, span, minute):  # fmt: skip
    """Every N weeks on some weekdays (or the start's own), with an end given as a day or a
    moment before or after the occurrence's time: the arithmetic (recurrence._weekly) gives
    dateutil's dates, whatever the range asked for."""
    parts = ["FREQ=WEEKLY"] + ([f"INTERVAL={step}"] if step > 1 else [])
    parts += [f"BYDAY={','.join(days)}"] if days else []
    parts += ["WKST=MO"] if wkst else []
    if until is not None:
        parts.append("UNTIL=" + (date(2020, 1, 1) + timedelta(days=until)).strftime("%Y%m%d")
                     + until_time)  # fmt: skip
    rule = ";".join(parts)
    start = date(2020, 1, 1) + timedelta(days=start_offset)
    try:
        start = check(rule, start)
    except RecurrenceError:
        return  # ends before it begins
    lo = date(2020, 1, 1) + timedelta(days=lo_offset)
    hi = lo + timedelta(days=span)
    slow = rrulestr(rule, dtstart=datetime.combine(start, time(minute // 60, minute % 60)))
    begin, end = datetime.combine(lo, time.min), datetime.combine(hi, time.max)
    assert dates_between(rule, start, minute, lo, hi) == [
        d.date() for d in slow.between(begin, end, inc=True)]


@pytest.mark.parametrize("rule", ["FREQ=DAILY;UNTIL=20230615",
                                  "FREQ=WEEKLY;BYDAY=TH;UNTIL=20230615"])
def test_an_end_given_as_a_day_alone_is_that_day_at_midnight(rule):
    """UNTIL=20230615 (a Thursday) is 00:00 that day, as dateutil reads it: a 10:00
    occurrence on the 15th is after it, one at 00:00 is not."""
    start, lo, hi = date(2023, 6, 8), date(2023, 6, 1), date(2023, 6, 30)
    assert dates_between(rule, start, 600, lo, hi)[-1] == date(2023, 6, 14 if "DAILY" in rule
                                                                else 8)  # fmt: skip
    assert dates_between(rule, start, 0, lo, hi)[-1] == date(2023, 6, 15)
