"""Each member's latest contact of any kind (the `last_contact` table): a visit (not undone),
taking part in an activity, a note about them, or a post copied for them one by one.

The losing-touch queue (sqdesk.core.contacts) asks, for each of 100,000 members, whether
any contact is newer than their window: four index looks per member, 135-170 ms for the
whole queue. From this table it is one row per member. Derived data, like
sqdesk.core.contact_days, which keeps it with the days: filled for everyone by its
migration (0039, 0.3 s for the 100k store) and after a bulk load (the demo), then kept
inside every transaction that adds a contact (the latest only moves forward) or takes one
away (the member's row is worked out again). It is always whole, so no write asks whether
it was built (a visit would pay a read for that). `check` compares it with the sources.

An activity counts at noon of its day in the shop's time, read with today's offset from
UTC (as the weeks read theirs), so a day's attendance and a day's note compare alike.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from sqlalchemy import (
    DateTime,
    Integer,
    Select,
    cast,
    delete,
    func,
    insert,
    literal,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from sqdesk.core.models import (
    Attendance,
    LastContact,
    Member,
    Note,
    PostCopy,
    Visit,
    local_offset_seconds,
    member_of_copy,
)
from sqdesk.core.upserts import insert_for


def noon_of(day: date) -> datetime:
    """The moment an activity on `day` counts as a contact (UTC)."""
    return datetime.combine(day, time(12), tzinfo=UTC) - timedelta(seconds=local_offset_seconds())


def _noon_sql(s: Session, day):
    """noon_of in SQL, for a date expression: the value as the database keeps a moment
    (SQLite: integer microseconds since 1970, models.UTCDateTime)."""
    seconds = 12 * 3600 - local_offset_seconds()
    if s.get_bind().dialect.name == "postgresql":
        return func.timezone("UTC", cast(day, DateTime)) + func.make_interval(
            0, 0, 0, 0, 0, 0, literal(seconds, Integer))
    return (cast(func.strftime("%s", day), Integer) + seconds) * 1_000_000


def latest(s: Session, member_id: int | None = None) -> Select:
    """(member_id, at): each member's latest contact worked out from the sources (one
    member's when given). Each source is grouped by its member index first."""
    visits = (select(Visit.member_id.label("member_id"), func.max(Visit.at).label("at"))
              .where(Visit.voided.is_(False)).group_by(Visit.member_id))  # fmt: skip
    notes = select(Note.member_id, func.max(Note.at)).group_by(Note.member_id)
    copied = (select(member_of_copy(), func.max(PostCopy.copied_at))
              .where(PostCopy.rendered_for.like("member:%"))
              .group_by(PostCopy.rendered_for))  # fmt: skip
    came = (select(Attendance.member_id, _noon_sql(s, func.max(Attendance.occurrence_date)))
            .group_by(Attendance.member_id))  # fmt: skip
    if member_id is not None:
        visits = visits.where(Visit.member_id == member_id)
        notes = notes.where(Note.member_id == member_id)
        copied = copied.where(PostCopy.rendered_for == f"member:{member_id}")
        came = came.where(Attendance.member_id == member_id)
    every = union_all(visits, notes, copied, came).subquery()
    # A copy names its member in text: one merged away since is no member any more.
    return (select(every.c.member_id, func.max(every.c.at).label("at"))
            .where(every.c.member_id.in_(select(Member.id)))
            .group_by(every.c.member_id))  # fmt: skip


def rebuild_all(s: Session) -> None:
    s.execute(delete(LastContact))
    s.execute(insert(LastContact).from_select(["member_id", "at"], latest(s)))


def refresh_member(s: Session, member_id: int) -> None:
    """One member's row again (inside the transaction that took a contact away)."""
    s.flush()
    s.execute(delete(LastContact).where(LastContact.member_id == member_id))
    s.execute(insert(LastContact).from_select(["member_id", "at"], latest(s, member_id)))


def add(s: Session, member_ids: list[int], at: datetime) -> None:
    """Contacts just added at `at`: each member's latest moves to it if it is later (a
    visit entered afterwards for last week leaves it where it is)."""
    if not member_ids:
        return
    s.connection().execute(_add_statement(s.get_bind().dialect.name),
                           [{"member_id": m, "at": at} for m in member_ids])


def add_day(s: Session, member_ids: list[int], day: date) -> None:
    """Activities just attended on `day`."""
    add(s, member_ids, noon_of(day))


@lru_cache(maxsize=2)
def _add_statement(dialect: str):
    """INSERT .. ON CONFLICT DO UPDATE to the later moment, built once per dialect."""
    table = LastContact.__table__
    stmt = insert_for(dialect)(table)
    later = func.max if dialect == "sqlite" else func.greatest  # of two values
    return stmt.on_conflict_do_update(index_elements=[table.c.member_id],
                                      set_={"at": later(table.c.at, stmt.excluded.at)})
