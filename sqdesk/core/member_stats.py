"""Per-member visit figures for today's windows (last 30/90/365 days, this and last month).

Segments ask "visits in the last 30 days >= 2" of 100,000 members; answered from a
million visits that is about a second, from these columns a few milliseconds. The table
is derived data: rebuilt for everyone in one grouped pass when the day changes (or it is
missing), and for one member inside every transaction that changes their visits.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from sqlalchemy import bindparam, case, delete, func, insert, literal, select
from sqlalchemy.orm import Session

from sqdesk.core import bulk, contact_days, settings
from sqdesk.core.models import MemberStats, Visit
from sqdesk.core.store import Store

DAY_KEY = "member_stats.day"
COLUMNS = ("last_visit_at", "visits_30", "visits_90", "spend_90", "spend_prev_90",
           "spend_365", "max_purchase_30", "visits_this_month", "visits_last_month")  # fmt: skip


def window_start(today: date, days: int) -> datetime:
    """The first moment of the last `days` days (today included), in the shop's time."""
    return datetime.combine(today - timedelta(days=days - 1), time.min).astimezone(UTC)


def month_starts(today: date) -> tuple[datetime, datetime]:
    this = today.replace(day=1)
    last = (this - timedelta(days=1)).replace(day=1)
    return (datetime.combine(this, time.min).astimezone(UTC),
            datetime.combine(last, time.min).astimezone(UTC))  # fmt: skip


def _aggregate(today: date):
    d30, d90, d180, d365 = (window_start(today, n) for n in (30, 90, 180, 365))
    this_month, last_month = month_starts(today)
    at, amount = Visit.at, Visit.amount_cents

    def count_if(cond):
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    def sum_if(cond):
        return func.coalesce(func.sum(case((cond, amount), else_=0)), 0)

    return (
        select(
            Visit.member_id,
            func.max(at),
            count_if(at >= d30),
            count_if(at >= d90),
            sum_if(at >= d90),
            sum_if((at >= d180) & (at < d90)),
            sum_if(at >= d365),
            func.coalesce(func.max(case((at >= d30, amount), else_=literal(0))), 0),
            count_if(at >= this_month),
            count_if((at >= last_month) & (at < this_month)),
        )
        .where(Visit.voided.is_(False))
        .group_by(Visit.member_id)
    )


def figures(s: Session, member_id: int, *, today: date) -> dict:
    """One member's figures for today's windows, computed from their visits (for the
    profile's explanations; works whatever day the table is from)."""
    row = s.execute(_aggregate(today).where(Visit.member_id == member_id)).first()
    values = dict(zip(COLUMNS, row[1:], strict=True)) if row else {}
    return {c: values.get(c) or (None if c == "last_visit_at" else 0) for c in COLUMNS}


def rebuild_all(s: Session, *, today: date) -> None:
    # On SQLite the figures' sort indexes (0037) are made again once after the load: a
    # sorted build each, not a random insert into both for each of 100,000 rows (0.5 s more
    # a day). Not on PostgreSQL: dropping an index there locks the table against every
    # reader until the commit, and the other PCs' rosters and segments would wait for it.
    aside = (MemberStats.__table__,) if s.get_bind().dialect.name == "sqlite" else ()
    with bulk.indexes_set_aside(s.connection(), *aside):
        s.execute(delete(MemberStats))
        s.execute(insert(MemberStats).from_select(["member_id", *COLUMNS], _aggregate(today)))
    settings.put(s, DAY_KEY, today.isoformat())


def refresh_member(s: Session, member_id: int, *, today: date | None = None,
                   visit_at: datetime | None = None) -> None:  # fmt: skip
    """Recompute one member's row (inside the transaction that changed their visits).
    `visit_at`: the change was one visit added at that moment, also a day of contact
    (sqdesk.core.contact_days). A visit taken away (undone, moved to another member by a
    merge): the caller refreshes the days it changed (contact_days.refresh), which it
    knows."""
    today = today or date.today()
    if visit_at is not None:  # the days do not age: always kept current
        contact_days.add_contact(s, member_id, visit_at, visit=True)
    if settings.get(s, DAY_KEY) != today.isoformat():
        return  # the table is from another day: the next rebuild covers this member too
    remove, add = _one_member(today)
    conn = s.connection()  # Core statements with a parameter: not the ORM's bulk insert
    conn.execute(remove, {"member": member_id})
    conn.execute(add, {"member": member_id})


@lru_cache(maxsize=2)
def _one_member(today: date):
    """The statements that recompute one member's row, built once a day: a visit is
    recorded in a few milliseconds, and building this select costs about one of them."""
    one = _aggregate(today).where(Visit.member_id == bindparam("member"))
    table = MemberStats.__table__
    return (delete(table).where(table.c.member_id == bindparam("member")),
            insert(table).from_select(["member_id", *COLUMNS], one))  # fmt: skip


def is_current(store: Store, *, today: date | None = None) -> bool:
    today = today or date.today()
    with store.read() as s:
        return settings.get(s, DAY_KEY) == today.isoformat()


def ensure_current(store: Store, *, today: date | None = None) -> bool:
    """Rebuild if the figures are from another day. False if they cannot be (read-only)."""
    today = today or date.today()
    if is_current(store, today=today):
        return True
    if store.read_only:
        return False
    with store.session() as s:
        if settings.get(s, DAY_KEY) != today.isoformat():
            rebuild_all(s, today=today)
    return True
