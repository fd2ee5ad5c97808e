"""Staying in touch: when the shop last had contact with each member, and the queue of
members it is losing touch with.

Any contact counts, as the members themselves feel it: a visit, taking part in an
activity, a note about them (a chat at the counter, a private message, a call) or a post
copied for them one by one. Joining counts too, so a new member is not "lost" on day one.
The queue reads each member's latest contact from the table kept with every contact
written (sqdesk.core.last_contact), so any contact takes a member off it at once. How long
is too long depends on the member's value (`windows`): a regular who spends much is missed
sooner than one who came twice last year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from sqlalchemy import Date, Select, String, case, func, literal, or_, select, type_coerce

from sqdesk.core import member_stats, segments, shop_settings
from sqdesk.core.gc_pause import collector_paused
from sqdesk.core.models import (
    EPOCH,
    LastContact,
    Member,
    MemberStats,
    UTCDateTime,
    local_offset_seconds,
)
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


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone(UTC)


# 20,000 rows made at once, none of them a cycle: the collector held off (core/gc_pause.py)
# while they are made; a full pass over them, when one fell inside, added a fifth (106
# against 82 ms on the 100k store).
@collector_paused()
def losing_touch(store: Store, *, days: int | None = None, today: date | None = None,
                 limit: int | None = None) -> list[LosingTouch]:  # fmt: skip
    """Members (not archived) with no contact of any kind for their layer's window (or for
    `days`, the same for everyone), the highest spend in 12 months first; the first
    `limit` of them when given."""
    today = today or date.today()
    win, core_spend = _prepare(store, today, days)
    # Days since are counted on the shop's calendar with today's offset, as the latest
    # contacts place an activity's day (sqdesk.core.last_contact): integer arithmetic on
    # SQLite's stored microseconds, not an astimezone() for each of 20,000 rows.
    offset = local_offset_seconds() * 1_000_000
    today_number = (today - EPOCH.date()).days
    out = []
    # Core rows, fetched in one call: the ORM's row machinery doubled the time here, and
    # fetching the 20,000 rows one at a time cost 2-5 ms more of 80 (alternating, 100k).
    with store.read() as s:
        query = _queue(win, core_spend, today)
        if limit is not None:
            query = query.limit(limit)
        for mid, code, name, nickname, spent, lay, last in s.connection().execute(query).all():
            if last is None:
                at = since = None
            elif isinstance(last, int):
                at = EPOCH + timedelta(microseconds=last)
                since = today_number - (last + offset) // _DAY
            else:  # PostgreSQL: an aware datetime
                at = last
                since = (today - last.astimezone().date()).days
            out.append(LosingTouch(mid, code, name or nickname, at, since, spent, lay))
    return out


_DAY = 86_400_000_000  # microseconds


def count_losing_touch(store: Store, *, days: int | None = None,
                       today: date | None = None) -> int:  # fmt: skip
    """How many members the queue holds (counted in SQL, for Today's line)."""
    today = today or date.today()
    win, core_spend = _prepare(store, today, days)
    query = _queue(win, core_spend, today).order_by(None).subquery()
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(query)) or 0


def _prepare(store: Store, today: date, days: int | None) -> tuple[Windows, int]:
    """What the queue needs before its read opens: the visit figures brought up to date (a
    write, once a day: 12 months' spend sets the layer and the order), the windows and the
    core threshold."""
    member_stats.ensure_current(store, today=today)
    win = Windows(days, days, days) if days is not None else windows(store)
    return win, segments.load_thresholds(store).core_spend_12m


def _queue(win: Windows, core_spend: int, today: date) -> Select:
    """The queue as one query, filtered in SQL: each member's 12 months' spend (their
    layer) from member_stats, their latest contact from last_contact, one row each."""
    latest = LastContact.__table__
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
    # The latest is read as stored and made a datetime in Python (losing_touch): when SQLite
    # kept text, SQLAlchemy's parsing of it was half the queue's time.
    return (
        select(m.id, m.code, m.name, m.nickname, spend, layer,
               type_coerce(latest.c.at, String))
        .outerjoin(ms, ms.member_id == m.id)
        .outerjoin(latest, latest.c.member_id == m.id)
        .where(m.archived.is_(False), m.joined_on <= since_day,
               or_(latest.c.at.is_(None), latest.c.at < since))
        .order_by(spend.desc(), m.id)
    )  # fmt: skip
