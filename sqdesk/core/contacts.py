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

from sqlalchemy import (
    Date,
    Integer,
    Select,
    String,
    bindparam,
    case,
    func,
    literal,
    or_,
    select,
    type_coerce,
)

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
from sqdesk.core.prepared import Prepared
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
    values = _values(store, today, days)
    # The rows through the driver, the statement compiled once (core/prepared.py): the
    # ORM's row machinery doubled the time here, and SQLAlchemy's result rows still cost
    # 7 ms of 100 for the whole queue (100k store).
    with store.read() as s:
        conn = s.connection()
        stored_as_number = conn.dialect.name == "sqlite"
        if limit is None:
            rows = _QUEUE.rows(conn, **values)
        else:
            rows = _QUEUE_FIRST.rows(conn, **values, limit=limit)
    new = LosingTouch._make
    if not stored_as_number:  # PostgreSQL: aware datetimes
        return [new((mid, code, name or nickname, last,
                     None if last is None else (today - last.astimezone().date()).days,
                     spent, layer))
                for mid, code, name, nickname, spent, layer, last in rows]  # fmt: skip
    # SQLite: microseconds since 1970, or None (nothing since joining). Days since are
    # counted on the shop's calendar with today's offset, as the latest contacts place an
    # activity's day (sqdesk.core.last_contact): integer arithmetic, not an astimezone()
    # for each of 20,000 rows. One comprehension: the loop it replaced took 21-33 ms for
    # the 20,000 rows, this 18.
    offset, day, epoch = local_offset_seconds() * 1_000_000, _DAY, EPOCH
    today_number = (today - EPOCH.date()).days
    return [new((mid, code, name or nickname,
                 None if last is None else epoch + timedelta(microseconds=last),
                 None if last is None else today_number - (last + offset) // day,
                 spent, layer))
            for mid, code, name, nickname, spent, layer, last in rows]  # fmt: skip


_DAY = 86_400_000_000  # microseconds


def count_losing_touch(store: Store, *, days: int | None = None,
                       today: date | None = None) -> int:  # fmt: skip
    """How many members the queue holds (counted in SQL, for Today's line)."""
    values = _values(store, today or date.today(), days)
    with store.read() as s:
        return _COUNT.column(s.connection(), **values)[0] or 0


def _values(store: Store, today: date, days: int | None) -> dict:
    """The queue's bound values, read before its read opens: the visit figures brought up
    to date first (a write, once a day: 12 months' spend sets the layer and the order),
    then the core threshold and each layer's cutoff, as a day and as a moment."""
    member_stats.ensure_current(store, today=today)
    win = Windows(days, days, days) if days is not None else windows(store)
    values: dict = {"core_spend": segments.load_thresholds(store).core_spend_12m}
    for layer in LAYERS:
        # Contact on the day N days ago or later keeps a member off: the window starts
        # the day after the cutoff day.
        cutoff_day = today - timedelta(days=win.days(layer))
        values[f"{layer}_day"] = cutoff_day
        values[f"{layer}_since"] = _start_of(cutoff_day + timedelta(days=1))
    return values


def _queue(_dialect: str) -> Select:
    """The queue as one query, filtered in SQL: each member's 12 months' spend (their
    layer) from member_stats, their latest contact from last_contact, one row each. Its
    values are bound (_values), so it is compiled once."""
    latest = LastContact.__table__
    m, ms = Member, MemberStats
    spend = func.coalesce(ms.spend_365, 0)

    def by_layer(values: dict):
        return case((spend >= bindparam("core_spend", type_=Integer), values["core"]),
                    (spend > 0, values["regular"]), else_=values["quiet"])  # fmt: skip

    layer = by_layer({k: literal(k) for k in LAYERS})
    since = by_layer({k: bindparam(f"{k}_since", type_=UTCDateTime()) for k in LAYERS})
    since_day = by_layer({k: bindparam(f"{k}_day", type_=Date()) for k in LAYERS})
    # The latest is read as stored and made a datetime in losing_touch: when SQLite kept
    # text, SQLAlchemy's parsing of it was half the queue's time.
    return (
        select(m.id, m.code, m.name, m.nickname, spend, layer,
               type_coerce(latest.c.at, String))
        .outerjoin(ms, ms.member_id == m.id)
        .outerjoin(latest, latest.c.member_id == m.id)
        .where(m.archived.is_(False), m.joined_on <= since_day,
               or_(latest.c.at.is_(None), latest.c.at < since))
        .order_by(spend.desc(), m.id)
    )  # fmt: skip


_QUEUE = Prepared(_queue)
_QUEUE_FIRST = Prepared(lambda d: _queue(d).limit(bindparam("limit", type_=Integer)))
_COUNT = Prepared(lambda d: select(func.count()).select_from(
    _queue(d).order_by(None).subquery()))
