"""The weeks in which the shop had contact with each member (the `contact_week` table): a
visit, taking part in an activity, a note about them, or a post copied for them one by one
(the dashboard's contacts, sqdesk.core.metrics). Derived from those tables, like
sqdesk.core.member_stats: filled for everyone by its migration (0040) and after a bulk
load, and kept for one member inside every transaction that changes one of their contacts,
so it is always whole and current; `check` compares it with the sources.

It lets the dashboard count a year's weekly active members from a table of member-weeks
instead of a million visits and the notes beside them. Every write of a contact comes
through here, which also keeps each member's latest contact (sqdesk.core.last_contact).

A week is Monday to Sunday in the shop's local time, read with today's offset from UTC
(China keeps one offset all year; elsewhere a contact in the hour a clock changes may land
in the neighbouring week).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from sqlalchemy import (
    BigInteger,
    Date,
    Integer,
    cast,
    delete,
    func,
    insert,
    literal,
    select,
    type_coerce,
    union,
)
from sqlalchemy.orm import Session

from sqdesk.core import contact_days, last_contact
from sqdesk.core.models import (
    Attendance,
    ContactWeek,
    Note,
    PostCopy,
    Visit,
    local_offset_seconds,
    member_of_copy,
)
from sqdesk.core.upserts import insert_for


def _postgres(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"


def _pg_monday(day):
    """PostgreSQL: the Monday of a date expression's week."""
    return cast(func.date_trunc("week", day), Date)


def _pg_week(at):
    """PostgreSQL: the Monday of the local week of a UTC timestamp expression."""
    seconds = local_offset_seconds()
    return _pg_monday(at + func.make_interval(0, 0, 0, 0, 0, 0, literal(seconds, Integer)))


def sources(s: Session, member_id: int | None = None):
    """(member_id, week) of every contact, each pair once."""
    if _postgres(s):
        return _contacts(member_id, moment=_pg_week, day=_pg_monday)
    # SQLite: each contact's week as a number (_sqlite_week), made a date once per member
    # and week after the union. With the date functions on every contact, and a union
    # over the dates' text, the 100k demo's 1.2 million member-weeks took 2.2 s, now 1.05.
    weeks = _contacts(member_id, moment=_sqlite_week, day=_sqlite_week_of_day).subquery()
    return select(weeks.c.member_id, _sqlite_date(weeks.c.week).label("week"))


def _contacts(member_id: int | None, *, moment, day):
    """(member_id, week) of every contact, each pair once: `moment` gives the week of a
    UTCDateTime column, `day` that of a date column."""
    visits = select(Visit.member_id.label("member_id"), moment(Visit.at).label("week"))
    visits = visits.where(Visit.voided.is_(False))
    came = select(Attendance.member_id, day(Attendance.occurrence_date))
    wrote = select(Note.member_id, moment(Note.at))
    copied = select(member_of_copy(), moment(PostCopy.copied_at)).where(
        PostCopy.rendered_for.like("member:%"))
    if member_id is not None:
        visits = visits.where(Visit.member_id == member_id)
        came = came.where(Attendance.member_id == member_id)
        wrote = wrote.where(Note.member_id == member_id)
        copied = copied.where(PostCopy.rendered_for == f"member:{member_id}")
    return union(visits, came, wrote, copied)


# SQLite counts a week as whole days from a Thursday this many weeks before 1970-01-01 (a
# Thursday too) to the week's Monday: every moment from the year 1 on is then a positive
# number, which SQLite's integer division and remainder (both towards zero) take exactly.
_WEEKS_BEFORE_1970 = 102_738


def _monday(day):
    """The Monday on or before a day number counted from that Thursday (3 days after one)."""
    return day - (day + 3) % 7


def _sqlite_week(at):
    """The week of a UTCDateTime column (whole microseconds since 1970, UTC) in the shop's
    local time, as the number of its Monday (see _WEEKS_BEFORE_1970). Integer division
    (`//` on integers is SQLite's `/`)."""
    shift_us = _WEEKS_BEFORE_1970 * 7 * 86_400 * 1_000_000
    seconds = (type_coerce(at, BigInteger) + shift_us) // 1_000_000
    return _monday((seconds + local_offset_seconds()) // 86_400)


def _sqlite_date(week):
    """The date ("YYYY-MM-DD") of a week's Monday from its number."""
    return func.date((week - _WEEKS_BEFORE_1970 * 7) * 86_400, "unixepoch")


def _sqlite_week_of_day(day):
    """The week of a date column ("YYYY-MM-DD") as the number of its Monday."""
    days = cast(func.julianday(day) - 2440587.5, Integer)
    return _monday(days + _WEEKS_BEFORE_1970 * 7)


def rebuild_all(s: Session) -> None:
    """Every member's weeks, days and latest contact (after a bulk load)."""
    last_contact.rebuild_all(s)
    contact_days.rebuild_all(s)
    s.execute(delete(ContactWeek))
    s.execute(insert(ContactWeek).from_select(["member_id", "week"], sources(s)))


def refresh_member(s: Session, member_id: int) -> None:
    """One member's weeks and latest contact again (inside the transaction that changed a
    contact of theirs). Their days are the caller's to refresh (contact_days.refresh): it
    knows which days changed."""
    last_contact.refresh_member(s, member_id)
    s.flush()
    s.execute(delete(ContactWeek).where(ContactWeek.member_id == member_id))
    s.execute(insert(ContactWeek).from_select(["member_id", "week"],
                                              sources(s, member_id)))  # fmt: skip


def add_week(s: Session, member_id: int, at: datetime, *, visit: bool = False) -> None:
    """A contact just added at `at` (a `visit`, a note): its week, if the member has none
    there yet, its day (sqdesk.core.contact_days) and the member's latest contact
    (sqdesk.core.last_contact). The same week as
    `sources` says in SQL, worked out here: one small insert, where refresh_member reads
    every contact the member ever had (a note took 9 ms, 60% of it that, for a regular on
    the 100k store). A contact taken away needs refresh_member."""
    last_contact.add(s, [member_id], at)
    contact_days.add(s, [member_id], contact_days.day_of(at), visit=visit)
    s.execute(_add_week_statement(s.get_bind().dialect.name),
              {"member_id": member_id, "week": local_monday(at)})  # fmt: skip


def local_monday(at: datetime) -> date:
    """The Monday of the shop's local week of a moment: what `sources` says in SQL."""
    local = at.astimezone(UTC).replace(tzinfo=None) + timedelta(seconds=local_offset_seconds())
    return local.date() - timedelta(days=local.weekday())


@lru_cache(maxsize=2)
def _add_week_statement(dialect: str):
    """INSERT ... ON CONFLICT DO NOTHING, built once per dialect (a visit writes it)."""
    upsert = insert_for(dialect)
    return upsert(ContactWeek.__table__).on_conflict_do_nothing()


def add_day(s: Session, member_ids: list[int], day: date) -> None:
    """Contacts just added on `day` (attendance, by its occurrence's day): its week for each
    member who has none there yet, in one executemany (a 接龙 records dozens at once)."""
    last_contact.add_day(s, member_ids, day)
    if not member_ids:
        return
    contact_days.add(s, member_ids, contact_days.day_number(day), visit=False)
    monday = day - timedelta(days=day.weekday())
    s.connection().execute(_add_week_statement(s.get_bind().dialect.name),
                           [{"member_id": m, "week": monday} for m in member_ids])


def add_copy(s: Session, rendered_for: str, at: datetime) -> None:
    """A post just copied at `at`: for one member ("member:12"), a contact; else nothing."""
    target = rendered_for.removeprefix("member:")
    if rendered_for.startswith("member:") and target.isdigit():
        add_week(s, int(target), at)

