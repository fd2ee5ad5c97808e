"""The ledger's invariants, run by `check` (and by the property tests after every step).

- the cached balance equals the sum of the member's entries, and is never below zero;
- every lot keeps between 0 and its amount; every deduction consumed exactly its points,
  from the same member's lots earned no later than itself;
- replaying each member's entries in order, every deduction took its points oldest lot
  first (a reversal of earned points takes them from that lot first, an expiry from the
  lot that expired);
- a reversal negates the entry it reverses; cached levels are today's levels (before the
  day's roll, but for the members whose points have left the 12 months since the last);
- the derived open lots and daily sums equal what the entries say.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from sqdesk.core import ledger_days, open_lots
from sqdesk.core.check import invariant
from sqdesk.core.ledger import (
    ADJUST,
    EARN,
    EXPIRE,
    REVERSE,
    expected_levels,
    leaving_the_window,
    levels_day,
    rules_in,
)
from sqdesk.core.models import LedgerConsumption, LedgerEntry, Level, MemberPoints


def _is_lot(kind: str, amount: int) -> bool:
    return amount > 0 and kind in (EARN, ADJUST)


@invariant("points balances")
def _balances(s: Session) -> Iterator[str]:
    sums = dict(s.execute(select(LedgerEntry.member_id, func.sum(LedgerEntry.amount))
                          .group_by(LedgerEntry.member_id)).all())  # fmt: skip
    cached = dict(s.execute(select(MemberPoints.member_id, MemberPoints.balance)).all())
    for member_id in sorted(set(sums) | set(cached)):
        total, kept = sums.get(member_id, 0), cached.get(member_id, 0)
        if total != kept:
            yield f"member {member_id}: cached balance {kept}, ledger says {total}"
        if total < 0:
            yield f"member {member_id}: balance {total} is below zero"


@invariant("points reversals")
def _reversals(s: Session) -> Iterator[str]:
    original = aliased(LedgerEntry)
    rows = s.execute(
        select(LedgerEntry.id, LedgerEntry.amount, LedgerEntry.member_id, original.amount,
               original.member_id, original.kind)
        .join(original, original.id == LedgerEntry.reverses_id)
    )  # fmt: skip
    for rid, amount, member, o_amount, o_member, o_kind in rows:
        if amount != -o_amount or member != o_member:
            yield f"reversal {rid} does not negate the entry it reverses"
        if o_kind == REVERSE:
            yield f"reversal {rid} reverses a reversal"


@invariant("points lots and consumption")
def _replay(s: Session) -> Iterator[str]:
    entries: dict[int, list[tuple]] = defaultdict(list)
    for row in s.execute(
        select(LedgerEntry.id, LedgerEntry.member_id, LedgerEntry.kind, LedgerEntry.amount,
               LedgerEntry.at, LedgerEntry.reverses_id, LedgerEntry.source_id)
        .order_by(LedgerEntry.member_id, LedgerEntry.id)
    ):  # fmt: skip
        entries[row[1]].append(row)
    used: dict[int, dict[int, int]] = defaultdict(dict)
    for entry_id, lot_id, points in s.execute(
        select(LedgerConsumption.entry_id, LedgerConsumption.lot_id, LedgerConsumption.points)
    ):
        used[entry_id][lot_id] = used[entry_id].get(lot_id, 0) + points
    for member_id, rows in entries.items():
        yield from _replay_member(member_id, rows, used)


def _replay_member(member_id: int, rows: list[tuple], used: dict) -> Iterator[str]:
    by_id = {r[0]: r for r in rows}
    left: dict[int, int] = {}  # lot -> points left, in earning order
    order: list[tuple] = []  # (at, id) of lots
    for entry_id, _m, kind, amount, at, reverses_id, source_id in rows:
        took = used.get(entry_id, {})
        if _is_lot(kind, amount):
            if took:
                yield f"entry {entry_id} adds points but consumed some"
            left[entry_id] = amount
            order.append((at, entry_id))
            continue
        if any(lot not in left for lot in took):
            yield f"entry {entry_id} of member {member_id} consumed another member's points"
            continue
        if sum(took.values()) != -amount:
            yield f"entry {entry_id} consumed {sum(took.values())} points for {amount}"
            continue
        if amount > 0:  # a reversal giving deducted points back to their lots
            for lot, pts in took.items():
                left[lot] -= pts
                if left[lot] > by_id[lot][3]:
                    yield f"lot {lot} got back more points than it had"
            continue
        expected = _fifo(left, sorted(order), -amount, kind=kind, reverses_id=reverses_id,
                         source_id=source_id)  # fmt: skip
        if expected is None:
            yield f"entry {entry_id} of member {member_id} took points the member did not have"
        elif expected != took:
            yield f"entry {entry_id} of member {member_id} did not take the oldest points first"
        for lot, pts in took.items():
            left[lot] -= pts
            if left[lot] < 0:
                yield f"lot {lot} of member {member_id} was used beyond its amount"


def _fifo(left, order, points, *, kind, reverses_id, source_id) -> dict[int, int] | None:
    lots = [lot for _, lot in order if left[lot] > 0]
    if kind == EXPIRE:
        lots = [source_id] if source_id in left else []
    elif kind == REVERSE and reverses_id in left:
        lots.sort(key=lambda lot: lot != reverses_id)
    plan: dict[int, int] = {}
    for lot in lots:
        if points == 0:
            break
        take = min(points, left[lot])
        if take:
            plan[lot] = take
            points -= take
    return None if points else plan


@invariant("points levels")
def _levels(s: Session) -> Iterator[str]:
    if not s.scalar(select(func.count(Level.id))):
        return
    today = date.today()
    expected = expected_levels(s, today=today, rules=rules_in(s))
    base = s.scalar(select(Level.id).where(Level.threshold <= 0)
                    .order_by(Level.threshold.desc()).limit(1))  # fmt: skip
    # Before today's roll (the day's upkeep: a store not opened in the app since an
    # earlier day), the members whose points have left the window since keep the level
    # of that day until the roll; every other member's level is today's already.
    last = levels_day(s)
    rolling = leaving_the_window(s, last, today) if last is not None and last < today else set()
    for member_id, level_id in s.execute(select(MemberPoints.member_id, MemberPoints.level_id)):
        want = expected.get(member_id, base)
        if want != level_id and member_id not in rolling:
            yield f"member {member_id}: cached level {level_id}, should be {want} today"


@invariant("points lots left")
def _open_lots(s: Session) -> Iterator[str]:
    yield from open_lots.differences(s)


@invariant("points per day")
def _ledger_days(s: Session) -> Iterator[str]:
    yield from ledger_days.differences(s)
