""".ics in and out (RFC 5545, with the icalendar library).

Export: one VEVENT per activity with its RRULE, EXDATE for cancelled occurrences, and an
overriding VEVENT (same UID, RECURRENCE-ID) for each moved one, so another calendar program
shows the same occurrences. Times are floating local times: the shop's wall clock.

Import: what sqdesk can hold is imported (title, description, start, end or duration,
place, one RRULE, EXDATE, moved occurrences); everything else is reported by name. An event
whose UID was imported before is skipped, so importing a file twice adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

import icalendar
from sqlalchemy import select

from sqdesk.core import activities
from sqdesk.core.activities import ActivityError, ActivityInput
from sqdesk.core.models import Activity, ActivityException
from sqdesk.core.store import Store

PRODID = "-//sqdesk//activity calendar//ZH"
_CATEGORY_TAG = "X-SQDESK-CATEGORY"
_SUPPORTED = {"UID", "SUMMARY", "DESCRIPTION", "DTSTART", "DTEND", "DURATION", "RRULE",
              "EXDATE", "LOCATION", "RECURRENCE-ID", "DTSTAMP", "CREATED", "LAST-MODIFIED",
              "SEQUENCE", "STATUS", "TRANSP", "CATEGORIES", "COLOR", "CLASS"}  # fmt: skip


def _uid(a: Activity) -> str:
    return a.uid or f"activity-{a.id}@sqdesk"  # every activity has one since revision 0014


def _dt(d: date, minute: int) -> datetime:
    return datetime.combine(d, time(minute // 60, minute % 60))


def export_ics(store: Store, path: Path, *, activity_ids: list[int] | None = None) -> int:
    """Write all (or these) activities to `path`; returns how many."""
    with store.read() as s:
        query = select(Activity).where(Activity.archived.is_(False)).order_by(Activity.id)
        if activity_ids is not None:
            query = query.where(Activity.id.in_(activity_ids))
        acts = list(s.scalars(query))
        exceptions = list(s.scalars(select(ActivityException).where(
            ActivityException.activity_id.in_([a.id for a in acts])))) if acts else []  # fmt: skip
        s.expunge_all()
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "sqdesk 活动日历")
    stamp = datetime.now().replace(microsecond=0)
    for a in acts:
        start = _dt(a.start_date, a.start_minute)
        ev = icalendar.Event()
        ev.add("uid", _uid(a))
        ev.add("dtstamp", stamp)
        ev.add("summary", a.title)
        if a.description:
            ev.add("description", a.description)
        if a.place:
            ev.add("location", a.place)
        ev.add("dtstart", start)
        ev.add("dtend", start + timedelta(minutes=a.duration_minutes))
        ev.add("categories", [a.category])
        ev.add("color", a.color)
        ev.add(_CATEGORY_TAG, a.category)
        ev.add("x-sqdesk-points", str(a.points))
        if a.checkin:
            ev.add("x-sqdesk-checkin", "1")
        if a.warmup_days is not None:
            ev.add("x-sqdesk-warmup-days", str(a.warmup_days))
        if a.rrule:
            ev.add("rrule", icalendar.vRecur.from_ical(a.rrule))
        mine = [x for x in exceptions if x.activity_id == a.id]
        cancelled = [_dt(x.original_date, a.start_minute) for x in mine if x.cancelled]
        if cancelled:
            ev.add("exdate", cancelled)
        cal.add_component(ev)
        for x in mine:
            if x.cancelled or x.new_date is None:
                continue
            moved = _dt(x.new_date, a.start_minute if x.new_minute is None else x.new_minute)
            over = icalendar.Event()
            over.add("uid", _uid(a))
            over.add("dtstamp", stamp)
            over.add("recurrence-id", _dt(x.original_date, a.start_minute))
            over.add("summary", a.title)
            over.add("dtstart", moved)
            over.add("dtend", moved + timedelta(minutes=a.duration_minutes))
            if a.place:
                over.add("location", a.place)
            cal.add_component(over)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(cal.to_ical())
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ActivityError("cannot_write", f"cannot write {path}: {exc.strerror or exc}",
                            path=str(path), detail=exc.strerror or str(exc)) from exc
    return len(acts)


@dataclass
class ImportReport:
    created: int = 0
    already: int = 0  # events imported before (same UID)
    cancelled: int = 0
    moved: int = 0
    problems: list[str] = field(default_factory=list)  # what was not imported, and why


def _local(value) -> tuple[date, int, bool]:
    """(date, minute, all_day) of a DTSTART-like value, in local time."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)
        return value.date(), value.hour * 60 + value.minute, False
    if not isinstance(value, date):
        raise ValueError(f"{value!r} is not a date")
    return value, 0, True


def _rrule_text(prop) -> str:
    rule = icalendar.vRecur(prop)
    until = rule.get("UNTIL")
    if until:  # floating, as our DTSTART is: a UTC UNTIL would not compare with it
        u = until[0]
        if isinstance(u, datetime) and u.tzinfo is not None:
            u = u.astimezone().replace(tzinfo=None)
        rule["UNTIL"] = [u if isinstance(u, datetime) else datetime.combine(u, time(23, 59, 59))]
    return rule.to_ical().decode()


def _import_event(store: Store, comp, report: ImportReport, known: dict[str, int],
                  new_here: set[str], overrides: list) -> None:  # fmt: skip
    """One component of the file: an event becomes an activity, the rest is reported."""
    if comp.name in ("VCALENDAR", "VTIMEZONE", "STANDARD", "DAYLIGHT"):
        return
    if comp.name != "VEVENT":
        if comp.name == "VALARM":
            report.problems.append("VALARM (reminder alarms): not imported")
        else:
            report.problems.append(f"{comp.name}: not an event, not imported")
        return
    title = str(comp.get("SUMMARY", "")).strip() or "(无标题)"
    uid = str(comp.get("UID", "")).strip()
    if "RECURRENCE-ID" in comp:
        overrides.append(comp)
        return
    if uid and uid in known and uid not in new_here:
        report.already += 1
        return
    extra = sorted(k for k in comp if k not in _SUPPORTED and not k.startswith("X-"))
    for key in extra:
        report.problems.append(f"{title}: {key} not imported")
    if "DTSTART" not in comp:
        report.problems.append(f"{title}: no start, not imported")
        return
    day, minute, all_day = _local(comp.decoded("DTSTART"))
    if "DTEND" in comp:
        end_day, end_minute, _ = _local(comp.decoded("DTEND"))
        duration = int((_dt(end_day, end_minute) - _dt(day, minute)).total_seconds() // 60)
    elif "DURATION" in comp:
        duration = int(comp.decoded("DURATION").total_seconds() // 60)
    else:
        duration = 24 * 60 if all_day else 60
    rrules = comp.get("RRULE")
    if isinstance(rrules, list):
        report.problems.append(f"{title}: more than one RRULE, the first imported")
        rrules = rrules[0]
    category = str(comp.get(_CATEGORY_TAG, "")).lower()
    data = ActivityInput(
        title=title[:100],
        start_date=day,
        start_minute=minute,
        duration_minutes=max(1, min(duration, 7 * 24 * 60)),
        description=str(comp.get("DESCRIPTION", "")),
        place=str(comp.get("LOCATION", ""))[:100],
        category=category if category in activities.CATEGORIES else "oneoff",
        color=str(comp.get("COLOR", "#2e7d5b")) if str(comp.get("COLOR", "")).startswith("#")
        else "#2e7d5b",
        points=int(str(comp.get("X-SQDESK-POINTS", "0")) or 0),
        checkin=str(comp.get("X-SQDESK-CHECKIN", "")) == "1",
        warmup_days=int(str(comp["X-SQDESK-WARMUP-DAYS"]))
        if "X-SQDESK-WARMUP-DAYS" in comp else None,
        rrule=_rrule_text(rrules) if rrules else "",
        uid=uid[:200],
    )  # fmt: skip
    try:
        aid = activities.create(store, data)
    except ActivityError as exc:
        report.problems.append(f"{title}: {exc}")
        return
    if uid:
        known[uid] = aid
        new_here.add(uid)
    report.created += 1
    exdates = comp.get("EXDATE")
    for group in exdates if isinstance(exdates, list) else [exdates] if exdates else []:
        for when in group.dts:
            ex_day, _, _ = _local(when.dt)
            try:
                activities.cancel_occurrence(store, aid, ex_day)
                report.cancelled += 1
            except ActivityError:
                report.problems.append(f"{title}: EXDATE {ex_day} is not an occurrence")


def import_ics(store: Store, path: Path) -> ImportReport:
    report = ImportReport()
    try:
        cal = icalendar.Calendar.from_ical(path.read_bytes())
    except OSError as exc:
        report.problems.append(f"cannot read {path.name}: {exc.strerror or exc}")
        return report
    except ValueError as exc:
        report.problems.append(f"not a calendar file: {exc}")
        return report
    with store.read() as s:
        known = {uid: aid for uid, aid in s.execute(select(Activity.uid, Activity.id))
                 if uid}  # fmt: skip
    overrides = []
    new_here: set[str] = set()
    for comp in cal.walk():
        try:
            _import_event(store, comp, report, known, new_here, overrides)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            # A date or a rule the file spells in a way no calendar reads: that event is
            # reported and the others still come in.
            title = str(comp.get("SUMMARY", "")).strip() or comp.name
            report.problems.append(f"{title}: cannot be read ({exc}), not imported")
    for comp in overrides:
        uid = str(comp.get("UID", "")).strip()
        title = str(comp.get("SUMMARY", "")).strip()
        if uid not in new_here:
            if uid not in known:
                report.problems.append(f"{title}: a changed occurrence of an unknown event")
            continue
        original, _, _ = _local(comp.decoded("RECURRENCE-ID"))
        if "DTSTART" not in comp:
            continue
        day, minute, _ = _local(comp.decoded("DTSTART"))
        try:
            if str(comp.get("STATUS", "")).upper() == "CANCELLED":
                activities.cancel_occurrence(store, known[uid], original)
                report.cancelled += 1
            else:
                activities.move_occurrence(store, known[uid], original, day, minute)
                report.moved += 1
        except ActivityError as exc:
            report.problems.append(f"{title}: {exc}")
    return report
