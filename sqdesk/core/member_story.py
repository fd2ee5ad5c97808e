"""A member's story at a glance, for the profile: when they last came, how often and how
much lately, where their points stand, and their visits one by one.

Counted from the visits themselves (an indexed range on member and time), so a visit just
recorded or voided shows at once, whatever day the segment statistics are from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, select

from sqdesk.core.member_stats import window_start
from sqdesk.core.models import LedgerEntry, Level, MemberPoints, Visit
from sqdesk.core.store import Store

PAGE = 100  # visits per page of the profile's list


@dataclass(frozen=True)
class Story:
    last_visit: date | None  # the shop's local day
    visits_30: int
    spend_30: int  # cents
    visits_365: int
    spend_365: int
    visits_all: int
    balance: int
    level: str | None


@dataclass(frozen=True)
class VisitRow:
    id: int
    at: datetime
    amount_cents: int
    channel: str
    remark: str
    voided: bool
    points: int  # what the visit earned this member (before any reversal)


def story(store: Store, member_id: int, *, today: date | None = None) -> Story:
    today = today or date.today()
    d30, d365 = window_start(today, 30), window_start(today, 365)
    live = (Visit.member_id == member_id) & Visit.voided.is_(False)

    def count_if(cond):
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    def sum_if(cond):
        return func.coalesce(func.sum(case((cond, Visit.amount_cents), else_=0)), 0)

    with store.read() as s:
        last, n30, s30, n365, s365, n_all = s.execute(
            select(func.max(Visit.at), count_if(Visit.at >= d30), sum_if(Visit.at >= d30),
                   count_if(Visit.at >= d365), sum_if(Visit.at >= d365), func.count(Visit.id))
            .where(live)).one()  # fmt: skip
        points = s.execute(
            select(MemberPoints.balance, Level.name)
            .outerjoin(Level, Level.id == MemberPoints.level_id)
            .where(MemberPoints.member_id == member_id)).first()  # fmt: skip
    return Story(last.astimezone().date() if last else None, n30, s30, n365, s365, n_all,
                 points[0] if points else 0, points[1] if points else None)  # fmt: skip


def visits(store: Store, member_id: int, *, limit: int = PAGE, offset: int = 0) -> list[VisitRow]:
    """The member's visits, newest first, a page at a time (voided ones included, marked)."""
    with store.read() as s:
        rows = s.execute(
            select(Visit.id, Visit.at, Visit.amount_cents, Visit.channel, Visit.remark,
                   Visit.voided)
            .where(Visit.member_id == member_id)
            .order_by(Visit.at.desc(), Visit.id.desc())
            .limit(limit).offset(offset)).all()  # fmt: skip
        ids = [r.id for r in rows]
        earned = dict(s.execute(
            select(LedgerEntry.source_id, func.sum(LedgerEntry.amount))
            # The member's entries over the page's moments (their (member, moment) index):
            # a visit's entries carry its moment.
            .where(LedgerEntry.member_id == member_id,
                   LedgerEntry.at.between(min(r.at for r in rows), max(r.at for r in rows)),
                   LedgerEntry.source_type == "visit", LedgerEntry.source_id.in_(ids))
            .group_by(LedgerEntry.source_id)).all()) if ids else {}  # fmt: skip
    return [VisitRow(r.id, r.at, r.amount_cents, r.channel, r.remark, r.voided,
                     int(earned.get(r.id, 0))) for r in rows]  # fmt: skip


def spent_by_visit(store: Store, visit_ids: list[int]) -> dict[int, int]:
    """What each visit cost, in cents (for the ledger's visit entries)."""
    if not visit_ids:
        return {}
    with store.read() as s:
        return dict(s.execute(select(Visit.id, Visit.amount_cents)
                              .where(Visit.id.in_(visit_ids))).all())  # fmt: skip
