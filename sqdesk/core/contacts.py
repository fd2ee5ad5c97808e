"""Staying in touch: when the shop last had contact with each member, and the queue of
members it is losing touch with.

Any contact counts, as the members themselves feel it: a visit, taking part in an
activity, a note about them (a chat at the counter, a private message, a call) or a post
copied for them one by one. Joining counts too, so a new member is not "lost" on day one.
The queue is computed from those tables as they are, so any contact takes a member off it
at once. How long is too long depends on the member's value (`windows`): a regular who
spends much is missed sooner than one who came twice last year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from sqlalchemy import Date, Select, String, case, cast, func, literal, or_, select, type_coerce

from sqdesk.core import member_stats, segments, shop_settings
from sqdesk.core.models import (
    EPOCH,
    Attendance,
    Member,
    MemberStats,
    Note,
    PostCopy,
    UTCDateTime,
)
from sqdesk.core.sql_exists import exists_where
from sqdesk.core.store import Store

LAYERS = ("core", "regular", "quiet")


class LosingTouch(NamedTuple):  # a tuple: tens of thousands are made for the whole queue
    member_id: int
    code: str
    name: str
    last_contact: datetime | None  # None: nothing since joining
    days_since: int | None
    spend_12m: int  # cents: the queue is ordered by value, highest first
    layer: str  # LAYERS: which N applied


@dataclass(frozen=True)
class Windows:
    """Days without contact after which a member is in the queue, per layer by value:
    core (12 months' spend at the core threshold or more), regular (spent something in 12
    months) and quiet (nothing in 12 months)."""

    core: int
    regular: int
    quiet: int

    def days(self, layer: str) -> int:
        return getattr(self, layer)


def windows(store: Store) -> Windows:
    """The shop's windows: each `contact.*_days` setting, or when 0 (the default) from the
    thresholds: a third of the dormant days for core members, the dormant days for the
    regulars, the lapsed days for the quiet ones."""
    t = segments.load_thresholds(store)
    chosen = {layer: shop_settings.value(store, f"contact.{layer}_days") for layer in LAYERS}
    auto = {"core": max(1, t.dormant_days // 3), "regular": t.dormant_days,
            "quiet": t.lapsed_days}  # fmt: skip
    return Windows(**{layer: int(chosen[layer] or auto[layer]) for layer in LAYERS})


def _rendered_for(member_id_column):
    """posts.target_of's "member:12" for each member, in SQL (to match the copy history)."""
    return literal("member:", String) + cast(member_id_column, String)


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone(UTC)


def losing_touch(store: Store, *, days: int | None = None, today: date | None = None,
                 limit: int | None = None) -> list[LosingTouch]:  # fmt: skip
    """Members (not archived) with no contact of any kind for their layer's window (or for
    `days`, the same for everyone), the highest spend in 12 months first; the first
    `limit` of them when given."""
    query = _queue(store, days=days, today=today)
    if limit is not None:
        query = query.limit(limit)
    today = today or date.today()
    out = []
    with store.read() as s:  # Core rows: the ORM's row machinery doubles the time here
        rows = s.connection().execute(query)
        for mid, code, name, nickname, spent, lay, visit, note, attended, post in rows:
            stamps = [t for t in (visit, note, post) if t is not None]
            last = _aware(max(stamps)) if stamps else None  # one type per database: max works
            if attended is not None:
                day = attended if isinstance(attended, date) else date.fromisoformat(attended)
                at = datetime.combine(day, time(12)).astimezone(UTC)
                last = at if last is None or at > last else last
            since = (today - last.astimezone().date()).days if last else None
            out.append(LosingTouch(mid, code, name or nickname, last, since, spent, lay))
    return out


def _aware(value: int | datetime) -> datetime:
    """A time read as it is stored (see _queue): SQLite's integer microseconds since 1970
    UTC (models.UTCDateTime), PostgreSQL's aware datetime."""
    if isinstance(value, datetime):
        return value
    return EPOCH + timedelta(microseconds=value)


def count_losing_touch(store: Store, *, days: int | None = None,
                       today: date | None = None) -> int:  # fmt: skip
    """How many members the queue holds (counted in SQL, for Today's line)."""
    query = _queue(store, days=days, today=today).order_by(None).subquery()
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(query)) or 0


def _queue(store: Store, *, days: int | None, today: date | None) -> Select:
    """The queue as one query, filtered in SQL. The visit side is read from member_stats
    (last visit, 12 months' spend); notes, attendance and posts copied for a member are
    each one index look for the members with no visit in their window."""
    today = today or date.today()
    member_stats.ensure_current(store, today=today)  # last visits and the spend that orders
    win = Windows(days, days, days) if days is not None else windows(store)
    core_spend = segments.load_thresholds(store).core_spend_12m
    # Contact on the day N days ago or later keeps a member off: the window starts the day
    # after the cutoff day.
    cutoff_day = {layer: today - timedelta(days=win.days(layer)) for layer in LAYERS}
    cutoff = {layer: _start_of(day + timedelta(days=1)) for layer, day in cutoff_day.items()}
    m, ms = Member, MemberStats
    spend = func.coalesce(ms.spend_365, 0)

    def by_layer(values: dict):
        return case((spend >= core_spend, values["core"]), (spend > 0, values["regular"]),
                    else_=values["quiet"])  # fmt: skip

    layer = by_layer({k: literal(k) for k in LAYERS})
    since = by_layer({k: literal(v, UTCDateTime()) for k, v in cutoff.items()})
    since_day = by_layer({k: literal(v, Date()) for k, v in cutoff_day.items()})
    last_note = select(func.max(Note.at)).where(Note.member_id == m.id).scalar_subquery()
    last_attendance = (select(func.max(Attendance.occurrence_date))
                       .where(Attendance.member_id == m.id).scalar_subquery())  # fmt: skip
    for_member = PostCopy.rendered_for == _rendered_for(m.id)
    last_post = select(func.max(PostCopy.copied_at)).where(for_member).scalar_subquery()

    # The times are read as stored and only the latest of each row made a datetime
    # (when SQLite kept text, SQLAlchemy's parsing of it was half the queue's time).
    def raw(column):
        return type_coerce(column, String)

    # No contact in the window: one index look each (NOT EXISTS), where "the latest is
    # NULL or before it" ran each latest twice; the latest are read for the list only.
    return (
        select(m.id, m.code, m.name, m.nickname, spend, layer, raw(ms.last_visit_at),
               raw(last_note), raw(last_attendance), raw(last_post))
        .outerjoin(ms, ms.member_id == m.id)
        .where(m.archived.is_(False), m.joined_on <= since_day,
               or_(ms.last_visit_at.is_(None), ms.last_visit_at < since),
               ~exists_where(Note.member_id == m.id, Note.at >= since),
               ~exists_where(for_member, PostCopy.copied_at >= since),
               ~exists_where(Attendance.member_id == m.id,
                             Attendance.occurrence_date > since_day))
        .order_by(spend.desc(), m.id)
    )  # fmt: skip
