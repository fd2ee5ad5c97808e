from datetime import date, datetime, time, timedelta

import icalendar
from dateutil.rrule import rrulestr

from sqdesk.core import activities, ics
from sqdesk.core.activities import ActivityInput
from sqdesk.core.store import Store

MON = date(2026, 11, 23)


def fill(store):
    weekly = activities.create(store, ActivityInput(
        "第二杯半价☕", MON, 600, duration_minutes=90, place="茶语会员1群", category="weekly",
        rrule="FREQ=WEEKLY;BYDAY=WE", points=5))  # fmt: skip
    activities.cancel_occurrence(store, weekly, date(2026, 12, 2))
    activities.move_occurrence(store, weekly, date(2026, 12, 9), date(2026, 12, 10), 19 * 60)
    member_day = activities.create(store, ActivityInput(
        "会员日🎉", date(2026, 12, 8), 600, category="monthly", warmup_days=3,
        rrule="FREQ=MONTHLY;BYMONTHDAY=8;COUNT=12"))  # fmt: skip
    once = activities.create(store, ActivityInput("圣诞茶话会🎄", date(2026, 12, 24), 1140,
                                                   category="offline"))  # fmt: skip
    return weekly, member_day, once


def expand_with_dateutil(path, lo, hi):
    """What another calendar program sees: RRULE minus EXDATE plus RECURRENCE-ID moves."""
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    seen = set()
    moved = {}
    events = [c for c in cal.walk("VEVENT")]
    for ev in events:
        if "RECURRENCE-ID" in ev:
            moved[(str(ev["UID"]), ev.decoded("RECURRENCE-ID"))] = ev.decoded("DTSTART")
    for ev in events:
        if "RECURRENCE-ID" in ev:
            continue
        start = ev.decoded("DTSTART")
        if "RRULE" in ev:
            rule = rrulestr(ev["RRULE"].to_ical().decode(), dtstart=start)
            dates = rule.between(datetime.combine(lo, time.min), datetime.combine(hi, time.max),
                                 inc=True)  # fmt: skip
        else:
            dates = [start] if lo <= start.date() <= hi else []
        ex = {d.dt for group in ([ev["EXDATE"]] if "EXDATE" in ev and not isinstance(
            ev["EXDATE"], list) else ev.get("EXDATE", [])) for d in group.dts}  # fmt: skip
        for d in dates:
            if d in ex:
                continue
            d = moved.get((str(ev["UID"]), d), d)
            seen.add((str(ev["SUMMARY"]), d))
    return seen


def test_export_is_read_the_same_by_another_program(store, tmp_path):
    fill(store)
    path = tmp_path / "calendar.ics"
    assert ics.export_ics(store, path) == 3
    lo, hi = MON, MON + timedelta(days=60)
    ours = {(o.title, o.starts) for o in activities.occurrences(store, lo, hi)}
    assert ours == expand_with_dateutil(path, lo, hi)
    assert "RRULE:FREQ=WEEKLY;BYDAY=WE" in path.read_text(encoding="utf-8")


def test_round_trip_into_another_store_and_twice_adds_nothing(store, tmp_path):
    fill(store)
    path = tmp_path / "calendar.ics"
    ics.export_ics(store, path)
    with Store.open(tmp_path / "other.sqdesk") as other:
        report = ics.import_ics(other, path)
        assert (report.created, report.cancelled, report.moved) == (3, 1, 1)
        assert report.problems == []
        lo, hi = MON, MON + timedelta(days=400)
        assert {(o.title, o.starts, o.points, o.warmup_days, o.category)
                for o in activities.occurrences(other, lo, hi)} == {
            (o.title, o.starts, o.points, o.warmup_days, o.category)
            for o in activities.occurrences(store, lo, hi)}  # fmt: skip
        again = ics.import_ics(other, path)
        assert (again.created, again.already) == (0, 3)


def test_unsupported_parts_are_reported_and_the_rest_imported(store, tmp_path):
    path = tmp_path / "other.ics"
    path.write_text(
        """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Other//EN
BEGIN:VTODO
UID:todo-1
SUMMARY:买茶叶
END:VTODO
BEGIN:VEVENT
UID:ev-1@example.com
DTSTART:20261201T060000Z
DURATION:PT2H
SUMMARY:读书会📚
RRULE:FREQ=WEEKLY;UNTIL=20261231T235959Z;BYDAY=TU
RDATE:20261205T140000
ATTENDEE:mailto:a@example.com
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-PT15M
END:VALARM
END:VEVENT
BEGIN:VEVENT
UID:ev-2@example.com
DTSTART;VALUE=DATE:20261225
SUMMARY:圣诞节
END:VEVENT
BEGIN:VEVENT
UID:ev-3@example.com
DTSTART:20261210T100000
DTEND:20261210T090000
RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30
SUMMARY:不会发生
END:VEVENT
END:VCALENDAR
""",
        encoding="utf-8",
    )
    report = ics.import_ics(store, path)
    assert report.created == 2
    text = "\n".join(report.problems)
    for part in ("VTODO", "RDATE", "ATTENDEE", "VALARM", "不会发生"):
        assert part in text, part
    reading = [o for o in activities.occurrences(store, date(2026, 12, 1), date(2026, 12, 31))
               if o.title == "读书会📚"]  # fmt: skip
    assert len(reading) == 5 and reading[0].duration_minutes == 120


def test_not_a_calendar(store, tmp_path):
    path = tmp_path / "x.ics"
    path.write_text("这不是日历", encoding="utf-8")
    report = ics.import_ics(store, path)
    assert report.created == 0 and report.problems
