"""Reading points for display: a member's ledger with running balance, and store totals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import String, cast, func, select

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
                                    reversed_by.get(r.id), r.reverses_id, r.actor))  # fmt: skip
            running -= r.amount
        expiring = []
        per_date: dict[date, int] = {}
        for _lot, left, expires in ledger.lot_remaining(s, member_id):
            if expires is not None and today < expires <= date.fromordinal(today.toordinal() + 30):
                per_date[expires] = per_date.get(expires, 0) + left
        expiring = [ledger.ExpiringBatch(member_id, member.code, member.name, p, d)
                    for d, p in sorted(per_date.items())]  # fmt: skip
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
    """Points issued, redeemed, expired and adjusted per calendar month (UTC months)."""
    with store.read() as s:
        # "2026-11" from the stored timestamp text: the same on SQLite and PostgreSQL.
        month = func.substr(cast(LedgerEntry.at, String), 1, 7)
        rows = s.execute(
            select(month, LedgerEntry.kind, func.sum(LedgerEntry.amount))
            .group_by(month, LedgerEntry.kind).order_by(month)
        ).all()  # fmt: skip
    table: dict[str, dict[str, int]] = {}
    for m, kind, amount in rows:
        table.setdefault(m, {})[kind] = amount
    return [
        MonthTotals(m, v.get(ledger.EARN, 0), -v.get(ledger.REDEEM, 0), -v.get(ledger.EXPIRE, 0),
                    v.get(ledger.ADJUST, 0) + v.get(ledger.REVERSE, 0))
        for m, v in table.items()
    ]  # fmt: skip


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
               Member.nickname, LedgerEntry.kind, LedgerEntry.amount, LedgerEntry.reason)
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
                       r.reason)
            for r in s.execute(query)
        ]  # fmt: skip
