"""Reading points for display: a member's ledger with running balance, and store totals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select

from sqdesk.core import ledger
from sqdesk.core.models import LedgerEntry, Level, Member, MemberPoints
from sqdesk.core.store import Store


@dataclass(frozen=True)
class EntryRow:
    id: int
    at: datetime
    kind: str
    amount: int
    running_balance: int  # the balance right after this entry
    reason: str
    source: str  # "visit:12", "reward:3", "manual" ...
    reversed_by: int | None
    reverses: int | None
    actor: str
    source_key: str | None = None


@dataclass(frozen=True)
class PointsSummary:
    member_id: int
    code: str
    name: str
    balance: int
    level: str | None
    entries: list[EntryRow]  # newest first
    expiring: list[ledger.ExpiringBatch]  # within 30 days, per batch


def summary(
    store: Store, member_id: int, *, limit: int = 100, today: date | None = None
) -> PointsSummary:
    today = today or date.today()
    with store.read() as s:
        member = s.get(Member, member_id)
        if member is None:
            raise ledger.PointsError("no_member", "the member does not exist")
        cached = s.get(MemberPoints, member_id)
        balance = cached.balance if cached else 0
        level = s.get(Level, cached.level_id) if cached and cached.level_id else None
        rows = s.execute(
            select(LedgerEntry)
            .where(LedgerEntry.member_id == member_id)
            .order_by(LedgerEntry.at.desc(), LedgerEntry.id.desc())
            .limit(limit)
        ).scalars().all()  # fmt: skip
        ids = [r.id for r in rows]
        reversed_by = dict(s.execute(
            select(LedgerEntry.reverses_id, LedgerEntry.id).where(LedgerEntry.reverses_id.in_(ids))
        ).all()) if ids else {}  # fmt: skip
        entries = []
        running = balance
        for r in rows:
            source = f"{r.source_type}:{r.source_id}" if r.source_id is not None else r.source_type
            entries.append(EntryRow(r.id, r.at, r.kind, r.amount, running, r.reason, source,
                                    reversed_by.get(r.id), r.reverses_id, r.actor,
                                    r.source_key))  # fmt: skip
            running -= r.amount
        expiring = ledger.expiring_batches(s, today=today, member_id=member_id)
        return PointsSummary(member_id, member.code, member.name or member.nickname, balance,
                             level.name if level else None, entries, expiring)  # fmt: skip


@dataclass(frozen=True)
class MonthTotals:
    month: str  # "2026-11"
    issued: int
    redeemed: int
    expired: int
    adjusted: int


def monthly_totals(store: Store) -> list[MonthTotals]:
    """Points issued, redeemed, expired and adjusted per calendar month (UTC months).

    One range query per month over the (at, kind, amount) index: each reads only its month
    from the index, where one GROUP BY over a computed month sorts millions of rows.
    """
    with store.read() as s:
        first, last = s.execute(select(func.min(LedgerEntry.at), func.max(LedgerEntry.at))).one()
        if first is None:
            return []
        out = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            start = datetime(year, month, 1, tzinfo=UTC)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            end = datetime(year, month, 1, tzinfo=UTC)
            sums = dict(s.execute(
                select(LedgerEntry.kind, func.sum(LedgerEntry.amount))
                .where(LedgerEntry.at >= start, LedgerEntry.at < end)
                .group_by(LedgerEntry.kind)
            ).all())  # fmt: skip
            out.append(MonthTotals(
                f"{start:%Y-%m}", sums.get(ledger.EARN, 0), -sums.get(ledger.REDEEM, 0),
                -sums.get(ledger.EXPIRE, 0),
                sums.get(ledger.ADJUST, 0) + sums.get(ledger.REVERSE, 0),
            ))  # fmt: skip
        return out


@dataclass(frozen=True)
class StoreEntry:
    id: int
    at: datetime
    member_id: int
    code: str
    name: str
    kind: str
    amount: int
    reason: str
    source_type: str = ""
    source_key: str | None = None


def recent_entries(
    store: Store,
    *,
    kind: str | None = None,
    since: date | None = None,
    until: date | None = None,
    member_text: str = "",
    limit: int = 500,
) -> list[StoreEntry]:
    """The newest ledger entries across the store, filtered in SQL."""
    from datetime import UTC, time

    from sqdesk.core import search

    query = (
        select(LedgerEntry.id, LedgerEntry.at, LedgerEntry.member_id, Member.code, Member.name,
               Member.nickname, LedgerEntry.kind, LedgerEntry.amount, LedgerEntry.reason,
               LedgerEntry.source_type, LedgerEntry.source_key)
        .join(Member, Member.id == LedgerEntry.member_id)
        .order_by(LedgerEntry.at.desc(), LedgerEntry.id.desc())
        .limit(limit)
    )  # fmt: skip
    if kind:
        query = query.where(LedgerEntry.kind == kind)
    if since:
        query = query.where(LedgerEntry.at >= datetime.combine(since, time.min).astimezone(UTC))
    if until:
        end = datetime.combine(until, time.max).astimezone(UTC)
        query = query.where(LedgerEntry.at <= end)
    parsed = search.parse(member_text)
    if parsed is not None:
        found = search.matches(parsed).subquery()
        query = query.where(LedgerEntry.member_id.in_(select(found.c.member_id)))
    with store.read() as s:
        return [
            StoreEntry(r.id, r.at, r.member_id, r.code, r.name or r.nickname, r.kind, r.amount,
                       r.reason, r.source_type, r.source_key)
            for r in s.execute(query)
        ]  # fmt: skip
