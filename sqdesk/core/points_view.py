"""Reading points for display: a member's ledger with running balance, and store totals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from sqdesk.core import ledger
from sqdesk.core.models import LedgerDay, LedgerEntry, Level, Member, MemberPoints
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
    """Points issued, redeemed, expired and adjusted per calendar month (UTC months), from
    the ledger's daily sums (sqdesk.core.ledger_days): a few hundred rows, not every entry."""
    with store.read() as s:
        per: dict[str, dict[str, int]] = {}
        for day, kind, amount in s.execute(
            select(LedgerDay.day, LedgerDay.kind, LedgerDay.amount).order_by(LedgerDay.day)
        ):  # fmt: skip
            month = per.setdefault(f"{day:%Y-%m}", {})
            month[kind] = month.get(kind, 0) + int(amount)
        if not per:
            return []
        first, last = min(per), max(per)
        out = []
        year, month = int(first[:4]), int(first[5:])
        while f"{year:04d}-{month:02d}" <= last:  # months without entries show as zeros
            sums = per.get(f"{year:04d}-{month:02d}", {})
            out.append(MonthTotals(
                f"{year:04d}-{month:02d}", sums.get(ledger.EARN, 0), -sums.get(ledger.REDEEM, 0),
                -sums.get(ledger.EXPIRE, 0),
                sums.get(ledger.ADJUST, 0) + sums.get(ledger.REVERSE, 0),
            ))  # fmt: skip
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
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
    from datetime import time

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
