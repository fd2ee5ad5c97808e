"""Recurrence: the choices a shop makes (daily, weekdays, weekly on some days, every N weeks,
monthly on a day or on the Nth weekday, yearly; ending never, on a date or after N times)
as RFC 5545 RRULE text, expanded by python-dateutil's rrule.

The RRULE text is what the store keeps and what .ics files carry, so other calendar
programs see the same occurrences. Rules written here always spell out their BY parts
(BYDAY, BYMONTHDAY, BYMONTH), which lets expansion start near the visible range instead of
walking from the first occurrence years ago.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

from sqdesk.core.errors import CodedError

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
KINDS = ("none", "daily", "weekdays", "weekly", "monthly_day", "monthly_nth", "yearly")
MAX_COUNT = 5000


class RecurrenceError(CodedError):
    """A rule that cannot be used (see CodedError); worded with the calendar's refusals."""

    area = "calendar"


@dataclass(frozen=True)
class Recurrence:
    kind: str = "none"
    interval: int = 1  # every N days / weeks / months / years
    weekdays: tuple[int, ...] = ()  # weekly: 0 = Monday
    month_day: int = 1  # monthly_day: 1..31
    nth: int = 1  # monthly_nth: 1..4, or -1 for the last
    weekday: int = 4  # monthly_nth: 0 = Monday (4: the last Friday)
    until: date | None = None
    count: int | None = None
    extra: dict = field(default_factory=dict)  # parts of an imported rule kept as they were


def to_rrule(r: Recurrence, start: date) -> str:
    """The RRULE text (no DTSTART) for a recurrence starting on `start`; "" for none."""
    if r.kind not in KINDS:
        raise RecurrenceError("unknown", f"unknown recurrence {r.kind!r}")
    if r.kind == "none":
        return ""
    if r.interval < 1:
        raise RecurrenceError("bad_interval", "the interval is at least 1")
    parts: list[str]
    if r.kind == "daily":
        parts = ["FREQ=DAILY"]
    elif r.kind == "weekdays":
        parts = ["FREQ=WEEKLY", "BYDAY=MO,TU,WE,TH,FR"]
    elif r.kind == "weekly":
        days = sorted(set(r.weekdays)) or [start.weekday()]
        parts = ["FREQ=WEEKLY", "BYDAY=" + ",".join(WEEKDAYS[d] for d in days)]
    elif r.kind == "monthly_day":
        if not 1 <= r.month_day <= 31:
            raise RecurrenceError("bad_day", "a day of the month is 1 to 31")
        parts = ["FREQ=MONTHLY", f"BYMONTHDAY={r.month_day}"]
    elif r.kind == "monthly_nth":
        if r.nth not in (1, 2, 3, 4, -1):
            raise RecurrenceError("bad_nth", "the Nth weekday is the 1st to 4th, or the last")
        parts = ["FREQ=MONTHLY", f"BYDAY={r.nth}{WEEKDAYS[r.weekday]}"]
    else:  # yearly, on the start's month and day
        parts = ["FREQ=YEARLY", f"BYMONTH={start.month}", f"BYMONTHDAY={start.day}"]
    if r.interval > 1 and r.kind != "weekdays":
        parts.append(f"INTERVAL={r.interval}")
    if r.until is not None and r.count is not None:
        raise RecurrenceError("both_ends", "a rule ends on a date or after N times, not both")
    if r.until is not None:
        if r.until < start:
            raise RecurrenceError("end_before_start", "the end date is before the start")
        parts.append("UNTIL=" + r.until.strftime("%Y%m%d") + "T235959")
    if r.count is not None:
        if not 1 <= r.count <= MAX_COUNT:
            raise RecurrenceError("bad_count", f"the number of times is 1 to {MAX_COUNT}")
        parts.append(f"COUNT={r.count}")
    return ";".join(parts)


def _parts(text: str) -> dict[str, str]:
    out = {}
    for part in text.split(";"):
        if "=" in part:
            key, value = part.split("=", 1)
            out[key.strip().upper()] = value.strip().upper()
    return out


def from_rrule(text: str, start: date) -> Recurrence:
    """The choices behind RRULE text, for the editor. Rules the editor cannot show as one
    of its kinds come back as kind "custom" (they still expand as written)."""
    if not text:
        return Recurrence()
    p = _parts(text)
    interval = int(p.get("INTERVAL", "1"))
    until = count = None
    if "UNTIL" in p:
        until = datetime.strptime(p["UNTIL"][:8], "%Y%m%d").date()
    if "COUNT" in p:
        count = int(p["COUNT"])
    common = dict(interval=interval, until=until, count=count)
    freq, byday = p.get("FREQ"), p.get("BYDAY", "")
    known = {"FREQ", "INTERVAL", "UNTIL", "COUNT", "BYDAY", "BYMONTHDAY", "BYMONTH", "WKST"}
    if set(p) - known:
        return Recurrence(kind="custom", extra=p, **common)
    if freq == "DAILY" and not byday and "BYMONTHDAY" not in p:
        return Recurrence(kind="daily", **common)
    if freq == "WEEKLY":
        days = [WEEKDAYS.index(d) for d in byday.split(",") if d in WEEKDAYS] if byday else []
        if days == [0, 1, 2, 3, 4] and interval == 1:
            return Recurrence(kind="weekdays", **common)
        return Recurrence(kind="weekly", weekdays=tuple(days or [start.weekday()]), **common)
    if freq == "MONTHLY" and "BYMONTHDAY" in p and "," not in p["BYMONTHDAY"]:
        return Recurrence(kind="monthly_day", month_day=int(p["BYMONTHDAY"]), **common)
    if freq == "MONTHLY" and byday and "," not in byday and byday[-2:] in WEEKDAYS:
        nth = int(byday[:-2] or "1")
        return Recurrence(kind="monthly_nth", nth=nth, weekday=WEEKDAYS.index(byday[-2:]),
                          **common)  # fmt: skip
    if freq == "MONTHLY" and not byday and "BYMONTHDAY" not in p:
        return Recurrence(kind="monthly_day", month_day=start.day, **common)
    if freq == "YEARLY" and not byday:
        return Recurrence(kind="yearly", **common)
    return Recurrence(kind="custom", extra=p, **common)


def notes(r: Recurrence, start: date) -> list[str]:
    """What the rule does that a manager might not expect (the UI words each code)."""
    out = []
    if r.kind == "monthly_day" and r.month_day > 28:
        out.append("skips_short_months")  # RFC 5545: a month without that day is skipped
    if r.kind == "yearly" and (start.month, start.day) == (2, 29):
        out.append("leap_years_only")
    return out


def _rule(text: str, start: date, minute: int) -> rrule:
    dtstart = datetime.combine(start, time(minute // 60, minute % 60))
    try:
        rule = rrulestr(text, dtstart=dtstart)
    except (ValueError, TypeError) as exc:
        raise RecurrenceError("unreadable", f"cannot read the rule {text!r}: {exc}") from exc
    if not isinstance(rule, rrule):
        raise RecurrenceError("unreadable", "one RRULE is expected")
    return rule


def _fast_start(text: str, start: date, lo: date) -> date:
    """A later DTSTART that gives the same occurrences from `lo` on: whole intervals are
    skipped, so a daily rule from 2020 does not walk 2,000 days to reach this month."""
    p = _parts(text)
    if "COUNT" in p or lo <= start:
        return start  # a count is counted from the first occurrence
    n = int(p.get("INTERVAL", "1"))
    freq = p.get("FREQ")
    if freq == "DAILY":
        return start + timedelta(days=(lo - start).days // n * n)
    if freq == "WEEKLY" and "BYDAY" in p:
        week0 = start - timedelta(days=start.weekday())
        weeks = (lo - week0).days // 7 // n * n
        return max(start, week0 + timedelta(weeks=weeks))
    months = (lo.year - start.year) * 12 + lo.month - start.month
    if freq == "MONTHLY" and ("BYMONTHDAY" in p or "BYDAY" in p):
        k = months // n * n
        y, m = divmod(start.month - 1 + k, 12)
        return max(start, date(start.year + y, m + 1, 1))
    if freq == "YEARLY" and "BYMONTH" in p and ("BYMONTHDAY" in p or "BYDAY" in p):
        k = (lo.year - start.year) // n * n
        return max(start, date(start.year + k, 1, 1))
    return start


def dates_between(text: str, start: date, minute: int, lo: date, hi: date) -> list[date]:
    """The dates the rule happens on from `lo` to `hi` (both included); a rule of "" happens
    once, on `start`. The common rules (every N days, every N weeks on some weekdays) are
    plain arithmetic; the rest go through dateutil. A property test holds the arithmetic
    to dateutil's answer."""
    if not text:
        return [start] if lo <= start <= hi else []
    if hi < start:
        return []
    p = _parts(text)
    keys, freq = set(p), p.get("FREQ")
    if freq == "DAILY" and keys <= {"FREQ", "INTERVAL", "UNTIL", "COUNT"}:
        return _daily(p, start, minute, lo, hi)  # the common "every day at 20:00"
    if (freq == "WEEKLY" and keys <= {"FREQ", "INTERVAL", "UNTIL", "BYDAY", "WKST"}
            and p.get("WKST", "MO") == "MO"
            and all(d in WEEKDAYS for d in p.get("BYDAY", "MO").split(","))):  # fmt: skip
        return _weekly(p, start, minute, lo, hi)  # "every Monday, Wednesday and Friday"
    return _by_rrule(text, start, minute, lo, hi)


def _by_rrule(text: str, start: date, minute: int, lo: date, hi: date) -> list[date]:
    first = _fast_start(text, start, lo)
    rule = _rule(text, start, minute)
    if first != start:
        rule = rule.replace(dtstart=datetime.combine(first, rule._dtstart.time()))
    begin = datetime.combine(max(lo, start), time.min)
    end = datetime.combine(hi, time.max)
    return [d.date() for d in rule.between(begin, end, inc=True)]


def _step(p: dict[str, str]) -> int:
    step = int(p.get("INTERVAL", "1"))
    if step < 1:
        raise RecurrenceError("bad_interval", "the interval is at least 1")
    return step


def _last_day(p: dict[str, str], minute: int, hi: date) -> date:
    """`hi`, or the last day UNTIL lets an occurrence at `minute` happen on if earlier
    (dateutil's reading: a date alone is that day at 00:00)."""
    if "UNTIL" not in p:
        return hi
    until = p["UNTIL"].rstrip("Z")
    last = datetime.strptime(until[:8], "%Y%m%d").date()
    at = until[9:15] if len(until) >= 15 else "000000"
    if at < f"{minute // 60:02d}{minute % 60:02d}00":
        last -= timedelta(days=1)  # the last day's occurrence comes after UNTIL
    return min(hi, last)


def _daily(p: dict[str, str], start: date, minute: int, lo: date, hi: date) -> list[date]:
    step = _step(p)
    hi = _last_day(p, minute, hi)
    if "COUNT" in p:
        hi = min(hi, start + timedelta(days=step * (int(p["COUNT"]) - 1)))
    if hi < lo:
        return []
    skip = max(0, -(-(lo - start).days // step))  # ceiling: the first on or after lo
    first = start + timedelta(days=skip * step)
    return list(_every(first, hi, step))


def _weekly(p: dict[str, str], start: date, minute: int, lo: date, hi: date) -> list[date]:
    """Weeks (Monday to Sunday) counted from the start's week, every `step`-th one, on the
    rule's weekdays (the start's own without BYDAY), from the start on."""
    step = _step(p)
    hi = _last_day(p, minute, hi)
    lo = max(lo, start)
    if hi < lo:
        return []
    days = sorted({WEEKDAYS.index(d) for d in p["BYDAY"].split(",")} if "BYDAY" in p
                  else {start.weekday()})  # fmt: skip
    week0 = start.toordinal() - start.weekday()  # the start's Monday
    k = (lo.toordinal() - week0) // 7
    k += -k % step  # the first week on the rule's beat, from lo's week on
    first, last, out = lo.toordinal(), hi.toordinal(), []
    for monday in range(week0 + 7 * k, last + 1, 7 * step):
        out += [date.fromordinal(monday + d) for d in days if first <= monday + d <= last]
    return out


@lru_cache(maxsize=256)
def _every(first: date, last: date, step: int) -> tuple[date, ...]:
    """Every `step`-th day from `first` to `last`. A month view of 200 daily activities asks
    for the same few ranges 200 times: made once each (9 ms of a 40 ms view)."""
    return tuple(date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1,
                                                    step))  # fmt: skip


def first_date(text: str, start: date, minute: int = 0) -> date | None:
    """The rule's first occurrence on or after `start`; None if it never happens."""
    if not text:
        return start
    hit = _rule(text, start, minute).after(datetime.combine(start, time.min), inc=True)
    return hit.date() if hit else None


def check(text: str, start: date) -> date:
    """Refuse a rule that never happens; returns its first date (the activity's real start,
    so DTSTART always matches the rule, as RFC 5545 wants)."""
    first = first_date(text, start)
    if first is None:
        raise RecurrenceError("no_occurrence", "the rule never happens")
    return first
