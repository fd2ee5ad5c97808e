"""What is left of each earned lot (the `open_lot` table): one row per lot that still has
points, none for a lot used up.

Derived from the ledger (docs/ARCHITECTURE.md, "Derived tables"): a lot's row is written in
the transaction that records the lot, and changed in the transaction of every consumption
row that takes from it or gives back to it (ledger._take is the one place that writes
consumption). Expiry reads what is due through the date index (a few rows) instead of
summing the consumption of every lot ever earned; spending reads a member's few open lots.
`check` compares the table with the ledger.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from sqdesk.core.models import LedgerConsumption, LedgerEntry, OpenLot

LOT_KINDS = ("earn", "adjust")


def is_lot(kind: str, amount: int) -> bool:
    return amount > 0 and kind in LOT_KINDS


def opened(s: Session, entry: LedgerEntry) -> None:
    """A lot was just recorded (flushed, so it has its id)."""
    s.connection().execute(_OPEN, {"lot_id": entry.id, "member_id": entry.member_id,
                                   "expires_on": entry.expires_on, "points_left": entry.amount})


_OPEN = insert(OpenLot.__table__)  # built once: a visit pays in a few milliseconds


def taken(s: Session, lot_id: int, points: int) -> None:
    """`points` were taken from a lot (negative: given back by a reversal)."""
    left = s.scalar(select(OpenLot.points_left).where(OpenLot.lot_id == lot_id))
    if left is None:  # a used-up lot getting points back
        member_id, expires_on = s.execute(
            select(LedgerEntry.member_id, LedgerEntry.expires_on).where(LedgerEntry.id == lot_id)
        ).one()
        s.execute(insert(OpenLot).values(lot_id=lot_id, member_id=member_id,
                                         expires_on=expires_on, points_left=-points))  # fmt: skip
    elif left == points:
        s.execute(delete(OpenLot).where(OpenLot.lot_id == lot_id))
    else:
        s.execute(update(OpenLot).where(OpenLot.lot_id == lot_id)
                  .values(points_left=left - points))  # fmt: skip


def of_member(s: Session, member_id: int) -> list[tuple[int, int, date | None]]:
    """(lot, points left, expires on) of a member's open lots, oldest first."""
    return [tuple(r) for r in s.execute(
        select(OpenLot.lot_id, OpenLot.points_left, OpenLot.expires_on)
        .join(LedgerEntry, LedgerEntry.id == OpenLot.lot_id)
        .where(OpenLot.member_id == member_id)
        .order_by(LedgerEntry.at, LedgerEntry.id))]  # fmt: skip


def from_ledger():
    """(lot, member, expires on, points left) of every lot with points left, from the
    entries and their consumption: what the table must hold."""
    used = (select(LedgerConsumption.lot_id, func.sum(LedgerConsumption.points).label("used"))
            .group_by(LedgerConsumption.lot_id).subquery())  # fmt: skip
    left = LedgerEntry.amount - func.coalesce(used.c.used, 0)
    return (
        select(LedgerEntry.id, LedgerEntry.member_id, LedgerEntry.expires_on, left)
        .outerjoin(used, used.c.lot_id == LedgerEntry.id)
        .where(LedgerEntry.amount > 0, LedgerEntry.kind.in_(LOT_KINDS), left > 0)
    )


def differences(s: Session) -> Iterator[str]:
    """Where the table and the ledger disagree (for `check`)."""
    wanted = {lot: (m, e, p) for lot, m, e, p in s.execute(from_ledger())}
    rows = s.execute(select(OpenLot.lot_id, OpenLot.member_id, OpenLot.expires_on,
                            OpenLot.points_left))  # fmt: skip
    kept = {lot: (m, e, p) for lot, m, e, p in rows}
    for lot in sorted(set(wanted) | set(kept)):
        if wanted.get(lot) != kept.get(lot):
            yield (f"lot {lot}: the open lots say {kept.get(lot)}, the ledger says "
                   f"{wanted.get(lot)}")
