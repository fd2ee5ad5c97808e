"""The ledger summed per UTC day and kind (the `ledger_day` table).

Derived from the ledger (docs/ARCHITECTURE.md, "Derived tables"): every entry adds itself to
its day's row in its own transaction (ledger._add_entry, and the bulk paths call `add_many`).
Monthly totals and the dashboard's points figures read whole days from here, a few hundred
rows, and only the part-days at the edges of a period from the entries' (at, kind, amount)
index. `check` compares the table with the entries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from sqlalchemy import Date, cast, delete, func, insert, select
from sqlalchemy.orm import Session

from sqdesk.core.models import LedgerDay, LedgerEntry, sqlite_day_of
from sqdesk.core.upserts import insert_for


def _utc_day(at: datetime) -> date:
    return at.astimezone(UTC).date()


def add_many(s: Session, entries: Iterable[tuple[datetime, str, int]]) -> None:
    """Entries (at, kind, amount) just written, added to their days."""
    sums: dict[tuple[date, str], list[int]] = defaultdict(lambda: [0, 0])
    for at, kind, amount in entries:
        row = sums[(_utc_day(at), kind)]
        row[0] += amount
        row[1] += 1
    if not sums:
        return
    rows = [{"day": d, "kind": k, "amount": a, "entries": n} for (d, k), (a, n) in sums.items()]
    s.connection().execute(_add_statement(s.get_bind().dialect.name), rows)


@lru_cache(maxsize=2)
def _add_statement(dialect: str):
    """One statement that adds to the day's row or makes it (two PCs writing the first entry
    of a day at once on PostgreSQL must not collide on the key); built once per dialect."""
    upsert = insert_for(dialect)
    table = LedgerDay.__table__
    stmt = upsert(table)
    return stmt.on_conflict_do_update(
        index_elements=[table.c.day, table.c.kind],
        set_={"amount": table.c.amount + stmt.excluded.amount,
              "entries": table.c.entries + stmt.excluded.entries},
    )  # fmt: skip


def _day_of(s: Session):
    if s.get_bind().dialect.name == "postgresql":
        return cast(func.timezone("UTC", LedgerEntry.at), Date)
    return sqlite_day_of(LedgerEntry.at)


def from_ledger(s: Session):
    day = _day_of(s)
    return (select(day, LedgerEntry.kind, func.sum(LedgerEntry.amount), func.count())
            .group_by(day, LedgerEntry.kind))  # fmt: skip


def rebuild_all(s: Session) -> None:
    """After a bulk load of entries (the demo)."""
    s.execute(delete(LedgerDay))
    s.execute(insert(LedgerDay).from_select(["day", "kind", "amount", "entries"],
                                            from_ledger(s)))  # fmt: skip


def sums(s: Session, lo: datetime, hi: datetime) -> dict[str, int]:
    """Points of each kind in [lo, hi): the whole UTC days from this table, the part-days at
    either edge from the entries' index. The same answer as summing the entries."""
    lo, hi = lo.astimezone(UTC), hi.astimezone(UTC)
    out: dict[str, int] = defaultdict(int)
    first = lo.date() if lo.time() == time(0) else lo.date() + timedelta(days=1)
    last = hi.date()  # days before this one are whole
    if first >= last:  # no whole day inside: the entries alone
        _add_entries(s, out, lo, hi)
        return dict(out)
    for kind, amount in s.execute(
        select(LedgerDay.kind, func.sum(LedgerDay.amount))
        .where(LedgerDay.day >= first, LedgerDay.day < last).group_by(LedgerDay.kind)
    ):  # fmt: skip
        out[kind] += int(amount)
    start_of_first = datetime.combine(first, time(0), UTC)
    if lo < start_of_first:
        _add_entries(s, out, lo, start_of_first)
    end_of_last = datetime.combine(last, time(0), UTC)
    if end_of_last < hi:
        _add_entries(s, out, end_of_last, hi)
    return dict(out)


def _add_entries(s: Session, out: dict[str, int], lo: datetime, hi: datetime) -> None:
    for kind, amount in s.execute(
        select(LedgerEntry.kind, func.sum(LedgerEntry.amount))
        .where(LedgerEntry.at >= lo, LedgerEntry.at < hi).group_by(LedgerEntry.kind)
    ):  # fmt: skip
        out[kind] += int(amount or 0)


def differences(s: Session) -> Iterator[str]:
    """Where the table and the entries disagree (for `check`)."""
    wanted = {(str(d), k): (int(a), int(n)) for d, k, a, n in s.execute(from_ledger(s))}
    kept = {(str(d), k): (int(a), int(n)) for d, k, a, n in s.execute(
        select(LedgerDay.day, LedgerDay.kind, LedgerDay.amount, LedgerDay.entries))}  # fmt: skip
    for key in sorted(set(wanted) | set(kept)):
        if wanted.get(key) != kept.get(key):
            yield (f"{key[0]} {key[1]}: the daily sums say (points, entries) {kept.get(key)}, "
                   f"the entries say {wanted.get(key)}")
