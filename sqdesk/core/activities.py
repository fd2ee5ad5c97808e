"""Activities on the calendar: create and change them, cancel or move one occurrence, expand
the occurrences of a date range (only that range), campaign phase tasks, and attendance with
its points.

Occurrence dates and times are the shop's local wall-clock time. An occurrence is named by
its activity and its original date (the date the rule gives), also after it was moved.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict, namedtuple
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime, time, timedelta
from operator import attrgetter, itemgetter

from sqlalchemy import delete, func, insert, select, update

from sqdesk.core import contact_days, filters, ledger, members, recurrence, segments
from sqdesk.core.errors import CodedError
from sqdesk.core.gc_pause import collector_paused
from sqdesk.core.models import (
    Activity,
    ActivityException,
    Attendance,
    GroupMembership,
    PhaseDone,
)
from sqdesk.core.store import Store

CATEGORIES = ("daily", "weekly", "monthly", "campaign", "festival", "oneoff", "offline")
AUDIENCES = ("everyone", "group", "segment")
PHASES = ("warmup", "reminder", "recap")
DEFAULT_WARMUP_DAYS = 3
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_CHUNK = 900


class ActivityError(CodedError):
    """An activity refused (see CodedError)."""

    area = "calendar"


@dataclass(frozen=True)
class ActivityInput:
    title: str
    start_date: date
    start_minute: int = 600  # 10:00
    duration_minutes: int = 60
    description: str = ""
    category: str = "oneoff"
    color: str = "#2e7d5b"
    place: str = ""
    audience: str = "everyone"
    audience_ref: str = ""
    points: int = 0
    rrule: str = ""  # RFC 5545 RRULE text (sqdesk.core.recurrence.to_rrule); "" = once
    checkin: bool = False
    warmup_days: int | None = None  # campaign phases when set
    uid: str = ""  # the .ics UID it came from
    signup: str = ""  # how to sign up (群里接龙, 私信店长): {{ 报名方式 }} in posts


@dataclass(frozen=True)
class ActivityInfo(ActivityInput):
    """An activity as stored (what the UI reads; never the ORM row)."""

    id: int = 0
    archived: bool = False


def _info(a: Activity) -> ActivityInfo:
    return ActivityInfo(id=a.id, archived=a.archived,
                        **{f.name: getattr(a, f.name) for f in fields(ActivityInput)})


def _checked(data: ActivityInput) -> ActivityInput:
    title = " ".join(data.title.split())
    if not title:
        raise ActivityError("empty", "an activity needs a title")
    if len(title) > 100:
        raise ActivityError("too_long", "a title has at most 100 characters")
    if data.category not in CATEGORIES:
        raise ActivityError("bad_category", f"unknown category {data.category!r}")
    if data.audience not in AUDIENCES:
        raise ActivityError("bad_audience", f"unknown audience {data.audience!r}")
    if not _COLOR.fullmatch(data.color):
        raise ActivityError("bad_color", "a colour looks like #2e7d5b")
    if not 0 <= data.start_minute < 24 * 60:
        raise ActivityError("bad_time", "the time is between 00:00 and 23:59")
    if not 0 < data.duration_minutes <= 7 * 24 * 60:
        raise ActivityError("bad_duration", "an activity lasts a minute to a week")
    for value, name in ((data.place, "place"), (data.signup, "signup")):
        if len(" ".join(value.split())) > 100:
            raise ActivityError("long_text", f"the {name} has at most 100 characters")
    if data.points < 0:
        raise ActivityError("bad_points", "points for taking part cannot be negative")
    if data.warmup_days is not None and not 0 <= data.warmup_days <= 60:
        raise ActivityError("bad_warmup", "a warm-up is 0 to 60 days before")
    try:
        start = recurrence.check(data.rrule, data.start_date)
    except recurrence.RecurrenceError as exc:
        raise ActivityError(exc.code, str(exc), **exc.values) from exc
    # DTSTART is the first real occurrence (RFC 5545 wants the two to agree).
    return replace(
        data,
        title=title,
        start_date=start,
        place=" ".join(data.place.split()),
        signup=" ".join(data.signup.split()),
    )


def create(store: Store, data: ActivityInput) -> int:
    # The UID it is exported with, kept for good so that importing the export adds nothing.
    data = replace(_checked(data), uid=data.uid or f"{uuid.uuid4()}@sqdesk")
    with store.session() as s:
        activity = Activity(**_columns(data))
        s.add(activity)
        s.flush()
        return activity.id


def change(store: Store, activity_id: int, data: ActivityInput) -> None:
    """Change an activity; cancelled or moved occurrences the new rule no longer has go."""
    data = _checked(data)
    with store.session() as s:
        if s.get(Activity, activity_id) is None:
            raise ActivityError("no_activity", "the activity does not exist")
        values = _columns(data)
        del values["uid"]  # an activity's UID never changes
        s.execute(update(Activity).where(Activity.id == activity_id).values(**values))
        for ex in s.scalars(select(ActivityException).where(
                ActivityException.activity_id == activity_id)):  # fmt: skip
            d = ex.original_date
            if recurrence.dates_between(data.rrule, data.start_date, data.start_minute, d, d) != [
                d
            ]:
                s.delete(ex)


def _columns(data: ActivityInput) -> dict:
    return {name: getattr(data, name) for name in ActivityInput.__dataclass_fields__}


def set_archived(store: Store, activity_id: int, archived: bool = True) -> None:
    """Take an activity off the calendar (or put it back: the Undo of a delete)."""
    with store.session() as s:
        s.execute(update(Activity).where(Activity.id == activity_id).values(archived=archived))


def get(store: Store, activity_id: int) -> ActivityInfo | None:
    with store.read() as s:
        activity = s.get(Activity, activity_id)
        return _info(activity) if activity is not None else None


def list_activities(store: Store, *, include_archived: bool = False) -> list[ActivityInfo]:
    query = select(Activity).order_by(Activity.start_date, Activity.start_minute, Activity.id)
    if not include_archived:
        query = query.where(Activity.archived.is_(False))
    with store.read() as s:
        return [_info(a) for a in s.scalars(query)]


# --- one occurrence --------------------------------------------------------------------------


def _is_occurrence(a: Activity, d: date) -> bool:
    return recurrence.dates_between(a.rrule, a.start_date, a.start_minute, d, d) == [d]


def _exception_query(activity_id: int, original: date):
    return select(ActivityException).where(ActivityException.activity_id == activity_id,
                                           ActivityException.original_date == original)  # fmt: skip


def _exception(s, activity_id: int, original: date) -> ActivityException:
    a = s.get(Activity, activity_id)
    if a is None:
        raise ActivityError("no_activity", "the activity does not exist")
    if not _is_occurrence(a, original):
        raise ActivityError("no_occurrence", f"the activity does not happen on {original}")
    ex = s.scalar(_exception_query(activity_id, original))
    if ex is None:
        ex = ActivityException(activity_id=activity_id, original_date=original, cancelled=False)
        s.add(ex)
    return ex


def cancel_occurrence(store: Store, activity_id: int, original: date) -> None:
    with store.session() as s:
        ex = _exception(s, activity_id, original)
        ex.cancelled, ex.new_date, ex.new_minute = True, None, None


def move_occurrence(store: Store, activity_id: int, original: date, new_date: date,
                    new_minute: int | None = None) -> None:  # fmt: skip
    if new_minute is not None and not 0 <= new_minute < 24 * 60:
        raise ActivityError("bad_time", "the time is between 00:00 and 23:59")
    with store.session() as s:
        ex = _exception(s, activity_id, original)
        ex.cancelled, ex.new_date, ex.new_minute = False, new_date, new_minute


def restore_occurrence(store: Store, activity_id: int, original: date) -> None:
    with store.session() as s:
        ex = s.scalar(_exception_query(activity_id, original))
        if ex is not None:
            s.delete(ex)


# --- expanding a range -------------------------------------------------------------------------


@dataclass(slots=True)  # not frozen: a month view makes thousands, and frozen init is slow
class Occurrence:
    activity_id: int
    title: str
    category: str
    color: str
    day: date  # when it happens (after a move)
    minute: int
    duration_minutes: int
    original_date: date  # its name: the date the rule gives
    moved: bool
    place: str
    points: int
    checkin: bool
    audience: str
    audience_ref: str
    warmup_days: int | None

    @property
    def key(self) -> str:
        return f"{self.activity_id}:{self.original_date.isoformat()}"

    @property
    def starts(self) -> datetime:
        return datetime.combine(self.day, time(self.minute // 60, self.minute % 60))


@dataclass(slots=True)
class Run:
    """One activity's occurrences in a range, as dates: a year of a daily activity is 365
    dates here, and the figures that count them need no object for each."""

    activity: Activity  # or its columns as a tuple (_load): only its columns are read
    days: list[date]  # original dates that happen on that day (neither moved nor cancelled)
    moved: list[tuple[date, date, int]]  # (original date, new day, minute) moved into range


def _runs(activities: Iterable[Activity], exceptions: list[ActivityException], lo: date,
          hi: date) -> list[Run]:  # fmt: skip
    by_activity: dict[int, dict[date, ActivityException]] = {}
    for ex in exceptions:
        by_activity.setdefault(ex.activity_id, {})[ex.original_date] = ex
    out: list[Run] = []
    for a in activities:
        mine = by_activity.get(a.id, {})
        days = recurrence.dates_between(a.rrule, a.start_date, a.start_minute, lo, hi)
        if mine:
            days = [d for d in days if d not in mine]
        moved = [(original, ex.new_date,
                  a.start_minute if ex.new_minute is None else ex.new_minute)
                 for original, ex in mine.items()  # moved into the range (from anywhere)
                 if not ex.cancelled and ex.new_date is not None and lo <= ex.new_date <= hi]
        out.append(Run(a, days, moved))
    return out


def _expand(activities: Iterable[Activity], exceptions: list[ActivityException], lo: date,
            hi: date) -> list[Occurrence]:  # fmt: skip
    # In time order without sorting ten thousand occurrences: the activities are put in
    # their order within a day once (start, title, id: what _IN_TIME_ORDER compares), each
    # day's occurrences are collected in that order, and only a day that received a moved
    # occurrence (its own time) is sorted.
    runs = sorted(_runs(activities, exceptions, lo, hi), key=lambda r: (
        r.activity.start_minute, r.activity.title, r.activity.id))  # fmt: skip
    by_day: dict[date, list[Occurrence]] = defaultdict(list)
    moved_into: set[date] = set()
    for run in runs:
        a = run.activity
        # Read the row's attributes once: thousands of occurrences share them.
        aid, title, category, color = a.id, a.title, a.category, a.color
        minute0, duration, place, points = a.start_minute, a.duration_minutes, a.place, a.points
        checkin, audience, ref, warmup = a.checkin, a.audience, a.audience_ref, a.warmup_days
        for d in run.days:
            by_day[d].append(Occurrence(aid, title, category, color, d, minute0, duration,
                                        d, False, place, points, checkin, audience, ref,
                                        warmup))  # fmt: skip
        for original, day, minute in run.moved:
            by_day[day].append(Occurrence(aid, title, category, color, day, minute, duration,
                                          original, True, place, points, checkin, audience,
                                          ref, warmup))  # fmt: skip
            moved_into.add(day)
    out: list[Occurrence] = []
    for day in sorted(by_day):
        those = by_day[day]
        if day in moved_into:
            those.sort(key=_IN_TIME_ORDER)  # stable: as the whole list sorted at once
        out += those
    return out


# An occurrence's place in time order; attrgetter builds the key in C (a month of 300
# activities is 10,000 occurrences to sort).
_IN_TIME_ORDER = attrgetter("day", "minute", "title", "activity_id")


def _load(store: Store, hi: date, activity_ids: Sequence[int] | None) -> tuple[list, list]:
    """The unarchived activities started by `hi` and their exceptions, as named tuples: their
    columns read like an Activity's (and an ActivityException's) attributes. Not ORM
    objects: 300 activities took 7 ms as objects and 2 as tuples."""
    table = Activity.__table__
    query = select(table).where(table.c.archived.is_(False), table.c.start_date <= hi)
    if activity_ids is not None:
        query = query.where(table.c.id.in_(list(activity_ids)))
    with store.read() as s:
        acts = [_ActivityRow(*r) for r in s.execute(query)]
        ids = [a.id for a in acts]
        exceptions = [_ExceptionRow(*r) for r in s.execute(
            select(ActivityException.__table__).where(ActivityException.activity_id.in_(ids)))
        ] if ids else []  # fmt: skip
    return acts, exceptions


# Plain tuples named as the tables' columns: read in the figures' loops by attribute, where
# a SQLAlchemy row's attribute costs ten times a tuple's.
_ActivityRow = namedtuple("_ActivityRow", [c.name for c in Activity.__table__.columns])
_ExceptionRow = namedtuple("_ExceptionRow", [c.name for c in ActivityException.__table__.columns])


def occurrences(store: Store, lo: date, hi: date, *,
                activity_ids: Sequence[int] | None = None) -> list[Occurrence]:  # fmt: skip
    """Every occurrence from `lo` to `hi` (both included), in time order; only this range
    is expanded."""
    acts, exceptions = _load(store, hi, activity_ids)
    with collector_paused():  # a year of daily activities is tens of thousands of objects
        return _expand(acts, exceptions, lo, hi)


def runs(store: Store, lo: date, hi: date) -> list[Run]:
    """Each activity's occurrences from `lo` to `hi` as dates (what `occurrences` gives,
    without an object for each): for figures over a period, which count them."""
    return _runs(*_load(store, hi, None), lo, hi)


def occurrence(store: Store, activity_id: int, original: date) -> Occurrence | None:
    """One occurrence by its name (activity and original date), wherever it was moved."""
    with store.read() as s:
        a = s.get(Activity, activity_id)
        if a is None:
            return None
        ex = s.scalar(_exception_query(activity_id, original))
        s.expunge_all()
    if not _is_occurrence(a, original) or (ex is not None and ex.cancelled):
        return None
    found = _expand([a], [ex] if ex else [], original, original)
    if found:
        return found[0]
    assert ex is not None and ex.new_date is not None
    return _expand([a], [ex], ex.new_date, ex.new_date)[0]


@dataclass(slots=True)  # not frozen: a month view makes thousands (as Occurrence)
class PhaseTask:
    occurrence: Occurrence
    phase: str  # warmup | reminder | recap
    due: date
    done: bool


def phase_due(o: Occurrence, phase: str) -> date:
    if phase == "warmup":
        return o.day - timedelta(days=o.warmup_days or 0)
    return o.day + timedelta(days=1) if phase == "recap" else o.day


def phase_tasks(store: Store, lo: date, hi: date) -> list[PhaseTask]:
    """Campaign phase tasks due from `lo` to `hi`: warm-ups before, reminders on the day,
    recaps the day after, each with whether it was ticked off."""
    with store.read() as s:
        campaigns = dict(s.execute(select(Activity.id, Activity.warmup_days).where(
            Activity.archived.is_(False), Activity.warmup_days.is_not(None))).all())  # fmt: skip
    if not campaigns:
        return []
    longest = max(campaigns.values())
    spread = occurrences(store, lo - timedelta(days=1), hi + timedelta(days=longest),
                         activity_ids=list(campaigns))  # fmt: skip
    # In time order: the day due, the occurrence's time, then warm-up, reminder, recap, as
    # one integer made here (a month view of 300 activities sorts thousands: a key made
    # by a Python call per task was a third of the list's time). The spread is in time
    # order already and the sort is stable, so ties keep the calendar's.
    tasks = []
    first, last = lo.toordinal(), hi.toordinal()
    for o in spread:
        if o.warmup_days is None:
            continue
        day = o.day.toordinal()
        for rank, phase, due in ((0, "warmup", day - o.warmup_days), (1, "reminder", day),
                                 (2, "recap", day + 1)):  # as phase_due says
            if first <= due <= last:
                tasks.append(((due * _MINUTES + o.minute) * 4 + rank, o, phase))
    if not tasks:
        return []
    with store.read() as s:
        done = {tuple(r) for r in s.execute(
            select(PhaseDone.activity_id, PhaseDone.occurrence_date, PhaseDone.phase)
            .where(PhaseDone.activity_id.in_({t[1].activity_id for t in tasks})))}  # fmt: skip
    tasks.sort(key=itemgetter(0))
    return [PhaseTask(o, p, date.fromordinal(key // 4 // _MINUTES),
                      (o.activity_id, o.original_date, p) in done)
            for key, o, p in tasks]  # fmt: skip


_MINUTES = 2048  # more than the minutes of a day: the sort key's room for an occurrence's time


def tick_phase(store: Store, activity_id: int, original: date, phase: str,
               done: bool = True) -> None:  # fmt: skip
    if phase not in PHASES:
        raise ActivityError("bad_phase", f"unknown phase {phase!r}")
    with store.session() as s:
        s.execute(delete(PhaseDone).where(PhaseDone.activity_id == activity_id,
                                          PhaseDone.occurrence_date == original,
                                          PhaseDone.phase == phase))  # fmt: skip
        if done:
            s.add(PhaseDone(activity_id=activity_id, occurrence_date=original, phase=phase))


# --- attendance ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recorded:
    added: int
    already: int
    points_paid: int  # entries written
    checkins: int


def record_attendance(store: Store, activity_id: int, original: date, member_ids: Sequence[int],
                      *, source: str = "search", notes: dict[int, str] | None = None,
                      actor: str = "") -> Recorded:  # fmt: skip
    """Record who took part, in one transaction: each new attendee gets the activity's
    points through the ledger (once per occurrence), and a check-in activity counts as
    their check-in for the day (feeding the streak bonus). Recording the same people again
    adds nothing."""
    o = occurrence(store, activity_id, original)
    if o is None:
        raise ActivityError("no_occurrence", f"the activity does not happen on {original}")
    with store.session() as s:
        return record_attendance_in(s, o, member_ids, source=source, notes=notes, actor=actor)


def record_attendance_in(
    s,
    o: Occurrence,
    member_ids: Sequence[int],
    *,
    source: str = "search",
    notes: dict[int, str] | None = None,
    actor: str = "",
    levels: bool = True,
) -> Recorded:
    """record_attendance inside the caller's transaction (the demo fills a year in one,
    with `levels=False`, refreshing everyone's level once at its end)."""
    notes = notes or {}
    ids = list(dict.fromkeys(member_ids))
    at = datetime.combine(o.day, time(o.minute // 60, o.minute % 60)).astimezone(UTC)
    paid = checkins = 0
    have: set[int] = set()
    for start in range(0, len(ids), _CHUNK):
        have.update(s.scalars(select(Attendance.member_id).where(
            Attendance.activity_id == o.activity_id,
            Attendance.occurrence_date == o.original_date,
            Attendance.member_id.in_(ids[start : start + _CHUNK]))))  # fmt: skip
    new = [m for m in ids if m not in have]
    if new:
        s.execute(insert(Attendance), [
            {"activity_id": o.activity_id, "occurrence_date": o.original_date, "member_id": m,
             "source": source, "note": notes.get(m, "")[:100]} for m in new])  # fmt: skip
        contact_days.add_attendance(s, new, o.original_date)  # as the rows store it
    rules = ledger.rules_in(s)
    today = date.today()
    for m in new:
        earned = False
        if o.points > 0 and ledger.award_activity_in(
            s, m, activity_key=o.key, title=o.title, points=o.points, at=at, actor=actor,
            rules=rules, refresh_level=False,
        ):  # fmt: skip
            paid += 1
            earned = True
        if o.checkin:
            result = ledger.checkin_in(s, m, o.day, source=source, actor=actor, rules=rules,
                                       refresh_level=False)  # fmt: skip
            checkins += result.new
            earned = earned or result.bonus > 0
        if earned and levels:
            ledger.update_level(s, m, today=today, rules=rules)
    return Recorded(len(new), len(ids) - len(new), paid, checkins)


def attendees(store: Store, activity_id: int, original: date) -> list[int]:
    query = (
        select(Attendance.member_id)
        .where(Attendance.activity_id == activity_id, Attendance.occurrence_date == original)
        .order_by(Attendance.created_at, Attendance.member_id)
    )
    with store.read() as s:
        return list(s.scalars(query))


def attendance_notes(store: Store, activity_id: int, original: date) -> dict[int, str]:
    """Each attendee's note from the 接龙 ("+1", "带娃")."""
    query = select(Attendance.member_id, Attendance.note).where(
        Attendance.activity_id == activity_id, Attendance.occurrence_date == original
    )
    with store.read() as s:
        return dict(s.execute(query).all())


def audience_size(store: Store, o: Occurrence) -> int:
    """How many members the occurrence was for (everyone, a group's members, a segment)."""
    if o.audience == "group" and o.audience_ref.isdigit():
        with store.read() as s:
            return s.scalar(select(func.count()).where(
                GroupMembership.group_id == int(o.audience_ref),
                GroupMembership.left_on.is_(None))) or 0  # fmt: skip
    if o.audience == "segment":
        tree = segments.resolve(store, o.audience_ref)
        if tree is not None:
            return filters.count(store, tree)
    return members.count(store)


def participation(store: Store, o: Occurrence) -> tuple[int, int]:
    """(attendees, target audience) for the participation rate."""
    return len(attendees(store, o.activity_id, o.original_date)), audience_size(store, o)
