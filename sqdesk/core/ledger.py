"""The points ledger: visits, earning, redemption, adjustments, reversals and expiry.

Rules every function here keeps (tests/core/test_ledger_properties.py proves them):
- entries are only ever added; a mistake is undone by a `reverse` entry (once per entry);
- a member's balance is the sum of their entries and never goes below zero;
- every point taken away (redeemed, expired, adjusted down, reversed) comes from earlier
  earned points ("lots"), oldest first, and `ledger_consumption` records which;
- a source (a visit's rule, a referral, an opening balance) pays at most once.

Each operation is one short write transaction: a visit and its points land together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from sqlalchemy import bindparam, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from sqdesk.core import (
    audit,
    contact_days,
    coupons,
    ledger_days,
    member_stats,
    open_lots,
    settings,
    visit_hours,
)
from sqdesk.core.errors import CodedError
from sqdesk.core.jobs import Cancelled, interrupt_requested
from sqdesk.core.models import (
    CheckIn,
    LedgerConsumption,
    LedgerEntry,
    Level,
    LevelChange,
    Member,
    MemberPoints,
    OpenLot,
    Reward,
    Visit,
)
from sqdesk.core.points_rules import Award, EarningRules, expiry_date, visit_awards
from sqdesk.core.store import Store
from sqdesk.core.upserts import insert_for

RULES_KEY = "points.rules"
MAX_VISIT_CENTS = 100_000_00  # ¥100,000: more in one visit is a typing mistake
FUTURE_SLACK = timedelta(minutes=5)  # two PCs' clocks are rarely further apart
EARN, REDEEM, ADJUST, EXPIRE, REVERSE = "earn", "redeem", "adjust", "expire", "reverse"
EXPIRY_LOCK = 19_0001  # PostgreSQL advisory lock key: one expiry run at a time


class PointsError(CodedError):
    """A points, rewards or levels refusal (see CodedError)."""

    area = "points"


def rules_in(s: Session) -> EarningRules:
    return _rules_from(settings.get(s, RULES_KEY))


@lru_cache(maxsize=8)
def _rules_from(text: str | None) -> EarningRules:  # read on every visit: parsed once
    return EarningRules.from_json(text)


def rules(store: Store) -> EarningRules:
    """The shop's earning rules (points per yuan, member day, expiry, levels' basis)."""
    with store.read() as s:
        return rules_in(s)


def save_rules(store: Store, rules: EarningRules) -> None:
    problems = rules.problems()
    if problems:
        raise PointsError("bad_rules", "; ".join(problems))
    with store.session() as s:
        settings.put(s, RULES_KEY, rules.to_json())
        audit.record(s, "rules")


def _now() -> datetime:
    return datetime.now(UTC)


def local_day(at: datetime) -> date:
    """The shop's calendar day of a moment (the PC's local time zone)."""
    return at.astimezone().date()


# --- lots ---------------------------------------------------------------------------------


# The ledger's writes are plain statements, not the ORM's unit of work: a visit is recorded
# while the member waits at the counter, and loading, tracking and flushing objects cost
# more than the SQL (docs/ARCHITECTURE.md, "Writes a person waits for"). The ledger changes
# and reads balances only through these statements: no MemberPoints object is held in a
# session to go stale.
_ENTRIES = LedgerEntry.__table__
_POINTS = MemberPoints.__table__
_CONSUMPTION = LedgerConsumption.__table__


@dataclass(frozen=True, slots=True)
class Entry:
    """A ledger entry just written: what the code that wrote it reads of it."""

    id: int
    member_id: int
    at: datetime
    kind: str
    amount: int
    expires_on: date | None = None
    source_id: int | None = None


@lru_cache(maxsize=2)
def _add_points_statement(dialect: str):
    """Adds to a member's balance, making the row for their first points: one statement, so
    two PCs on PostgreSQL adding at once both count (a read, then a write, lost one)."""
    stmt = insert_for(dialect)(_POINTS)
    return stmt.on_conflict_do_update(
        index_elements=[_POINTS.c.member_id],
        set_={"balance": _POINTS.c.balance + stmt.excluded.balance},
    )


def _add_points(s: Session, member_id: int, points: int) -> None:
    s.connection().execute(_add_points_statement(s.get_bind().dialect.name),
                           {"member_id": member_id, "balance": points, "level_id": None})


def _add_entry(s: Session, **values) -> Entry:
    try:
        entry_id = s.connection().execute(insert(_ENTRIES), values).inserted_primary_key[0]
    except IntegrityError as exc:
        raise PointsError("already_paid", f"{values.get('source_key')} was already paid") from exc
    entry = Entry(entry_id, values["member_id"], values["at"], values["kind"], values["amount"],
                  values.get("expires_on"), values.get("source_id"))  # fmt: skip
    _add_points(s, entry.member_id, entry.amount)
    # The derived tables, in the same transaction (docs/ARCHITECTURE.md, "Derived tables").
    ledger_days.add_many(s, [(entry.at, entry.kind, entry.amount)])
    if open_lots.is_lot(entry.kind, entry.amount):
        open_lots.opened(s, entry)
    return entry


def _take(s: Session, entry_id: int, lot_id: int, points: int) -> None:
    """The one place consumption is written: `points` of a lot used by an entry (negative:
    given back by a reversal), with the lot's points left kept beside it."""
    s.connection().execute(insert(_CONSUMPTION),
                           {"entry_id": entry_id, "lot_id": lot_id, "points": points})
    open_lots.taken(s, lot_id, points)


def lot_remaining(s: Session, member_id: int) -> list[tuple[int, int, date | None]]:
    """(lot id, points left, expires on) of the member's lots with points left, oldest first."""
    return open_lots.of_member(s, member_id)


def _consume(s: Session, entry: Entry, points: int, *, first_lot: int | None = None) -> None:
    """Take `points` from the member's lots, oldest first (a given lot first if asked)."""
    lots = lot_remaining(s, entry.member_id)
    if first_lot is not None:
        lots.sort(key=lambda lot: lot[0] != first_lot)  # stable: the rest stay oldest first
    left = points
    for lot_id, remaining, _ in lots:
        if left == 0:
            break
        take = min(left, remaining)
        _take(s, entry.id, lot_id, take)
        left -= take
    if left:
        raise PointsError("insufficient", "not enough points", missing=left)


_BALANCE = select(_POINTS.c.balance).where(_POINTS.c.member_id == bindparam("member"))


def balance_in(s: Session, member_id: int) -> int:
    return s.connection().execute(_BALANCE, {"member": member_id}).scalar() or 0


def take_over_balance(s: Session, *, survivor_id: int, merged_id: int, today: date) -> None:
    """A merge (sqdesk.core.duplicates): the merged member's entries now belong to the
    survivor, so does their balance; the merged member's points row goes and the
    survivor's level is worked out again from the history they now share."""
    _add_points(s, survivor_id, balance_in(s, merged_id))
    s.connection().execute(delete(_POINTS).where(_POINTS.c.member_id == merged_id))
    update_level(s, survivor_id, today=today, rules=rules_in(s))


def balance(store: Store, member_id: int) -> int:
    with store.read() as s:
        return balance_in(s, member_id)


@dataclass(frozen=True)
class Posted:
    """A ledger entry just written: its id, its signed amount and the balance after it."""

    id: int
    amount: int
    balance: int


def _posted(s: Session, entry: Entry) -> Posted:
    return Posted(entry.id, entry.amount, balance_in(s, entry.member_id))


# --- visits -------------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitResult:
    visit_id: int
    awards: list[Award]
    points: int
    referral: Award | None
    balance: int
    paid: int = 0  # cents paid (points are earned on it)
    discount: int = 0  # cents a coupon took off


def record_visit(
    store: Store,
    member_id: int,
    *,
    amount_cents: int,
    at: datetime | None = None,
    channel: str = "门店",
    remark: str = "",
    actor: str = "",
    coupon_code: str | None = None,
) -> VisitResult:
    """A visit and its points. With `coupon_code`, `amount_cents` is the bill before the
    coupon: the coupon is checked and used, the visit keeps what was paid and the discount,
    and points are earned on what was paid (all or nothing: a refused coupon records no
    visit)."""
    if amount_cents < 0:
        raise PointsError("bad_amount", "an amount cannot be negative")
    if amount_cents > MAX_VISIT_CENTS:
        raise PointsError("amount_too_big", "more than ¥100,000 in one visit: check the amount")
    at = at or _now()
    if at > _now() + FUTURE_SLACK:
        raise PointsError("visit_in_future", f"{at:%Y-%m-%d %H:%M} is in the future",
                          at=f"{at.astimezone():%Y-%m-%d %H:%M}")  # fmt: skip
    with store.session() as s:
        conn = s.connection()
        member = conn.execute(_VISITOR, {"member": member_id}).first()
        if member is None:
            raise PointsError("no_member", "the member does not exist")
        if local_day(at) < member.joined_on:
            raise PointsError("visit_before_joining", f"the member joined on {member.joined_on},"
                              f" after {local_day(at)}", joined=member.joined_on.isoformat(),
                              day=local_day(at).isoformat())  # fmt: skip
        rules = rules_in(s)
        # The member's points row, written before "is this their first visit?" is asked: on
        # PostgreSQL it stays locked to the commit, so two PCs recording the member at once
        # take turns and only one pays the first-visit bonus (SQLite's BEGIN IMMEDIATE
        # already serialises writers).
        _add_points(s, member_id, 0)
        first = conn.execute(_A_VISIT, {"member": member_id}).first() is None
        coupon_id, off = (coupons.apply_in(s, member_id, coupon_code, amount_cents, at)
                          if coupon_code else (None, 0))  # fmt: skip
        paid = amount_cents - off
        visit_id = conn.execute(insert(_VISITS), {
            "member_id": member_id, "at": at, "amount_cents": paid, "channel": channel,
            "remark": remark, "discount_cents": off}).inserted_primary_key[0]  # fmt: skip
        visit_hours.add_in(s, at, 1, paid)
        if coupon_id is not None:
            coupons.link_visit_in(s, coupon_id, visit_id)
        day = local_day(at)
        awards = visit_awards(paid, day, birthday=member.birthday, first_visit=first,
                              rules=rules)  # fmt: skip
        expires = expiry_date(day, rules)
        for award in awards:
            _add_entry(s, member_id=member_id, at=at, kind=EARN, amount=award.points,
                       reason=award.english, source_type="visit", source_id=visit_id,
                       source_key=f"visit:{visit_id}:{award.rule}", expires_on=expires,
                       actor=actor)  # fmt: skip
        referral = None
        if first and member.referrer_id and rules.referral_bonus and amount_cents > 0:
            key = f"referral:{member_id}"
            paid = s.scalar(select(LedgerEntry.id).where(LedgerEntry.source_key == key))
            if paid is None:
                referral = Award("referral", rules.referral_bonus,
                                 {"name": member.name or member.nickname})  # fmt: skip
                _add_entry(s, member_id=member.referrer_id, at=at, kind=EARN,
                           amount=referral.points, reason=referral.english, source_type="visit",
                           source_id=visit_id, source_key=key, expires_on=expires,
                           actor=actor)  # fmt: skip
                update_level(s, member.referrer_id, today=date.today(), rules=rules)
                coupons.on_event_in(s, "referral", member.referrer_id)  # when the shop wants
        # Levels are as of today, whatever day a (backdated) visit is recorded for.
        update_level(s, member_id, today=date.today(), rules=rules)
        member_stats.refresh_member(s, member_id, visit_at=at)
        return VisitResult(visit_id, awards, sum(a.points for a in awards), referral,
                           balance_in(s, member_id), paid, off)  # fmt: skip


_VISITS = Visit.__table__
# What a visit needs of its member (not the whole wide row) and whether it is their first.
_VISITOR = select(Member.joined_on, Member.birthday, Member.referrer_id, Member.name,
                  Member.nickname).where(Member.id == bindparam("member"))  # fmt: skip
_A_VISIT = select(_VISITS.c.id).where(_VISITS.c.member_id == bindparam("member"),
                                      _VISITS.c.voided.is_(False)).limit(1)  # fmt: skip


def void_visit(store: Store, visit_id: int, *, reason: str, actor: str = "") -> int:
    """Undo a mistaken visit: reverse every entry it paid. Returns the points taken back."""
    if not reason.strip():
        raise PointsError("reason_required", "say why the visit is undone")
    with store.session() as s:
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise PointsError("no_visit", "the visit does not exist")
        if visit.voided:
            raise PointsError("already_reversed", "this visit was already undone")
        entries = s.scalars(
            # Found through the entries' moment (ix_ledger_entry_month): a visit's entries,
            # the referrer's bonus too, carry the visit's moment.
            select(LedgerEntry).where(LedgerEntry.at == visit.at,
                                      LedgerEntry.source_type == "visit",
                                      LedgerEntry.source_id == visit_id,
                                      LedgerEntry.kind == EARN)
            .order_by(LedgerEntry.id)
        ).all()  # fmt: skip
        total = 0
        for entry in entries:
            if _reversal_of(s, entry.id) is None:
                _reverse(s, entry, reason=reason, actor=actor)
                total += entry.amount
        visit.voided = True
        visit_hours.add_in(s, visit.at, -1, -visit.amount_cents)
        audit.record(s, "reverse", detail=f"visit {visit_id} of member "
                     f"{s.get(Member, visit.member_id).code}", rows=len(entries))  # fmt: skip
        coupons.give_back_in(s, visit_id)  # usable again until it expires
        s.flush()
        member_stats.refresh_member(s, visit.member_id)
        contact_days.refresh(s, [visit.member_id], [contact_days.day_of(visit.at)])
        for member_id in {e.member_id for e in entries} | {visit.member_id}:
            update_level(s, member_id, today=date.today(), rules=rules_in(s))
        return total


# --- redeeming, adjusting, reversing -------------------------------------------------------


def redeem(
    store: Store, member_id: int, reward_id: int, *, at: datetime | None = None, actor: str = ""
) -> Posted:
    at = at or _now()
    with store.session() as s:
        reward = s.get(Reward, reward_id)
        if reward is None or reward.archived:
            raise PointsError("no_reward", "this reward is not in the catalog")
        day = local_day(at)
        if (reward.active_from and day < reward.active_from) or (
            reward.active_to and day > reward.active_to
        ):
            raise PointsError("reward_inactive", f"{reward.name} cannot be redeemed today",
                              reward=reward.name)  # fmt: skip
        if reward.stock is not None and reward.stock <= 0:
            raise PointsError("no_stock", f"{reward.name} is out of stock", reward=reward.name)
        balance = balance_in(s, member_id)
        if balance < reward.cost:
            raise PointsError("insufficient", f"{reward.name} costs {reward.cost} points; "
                              f"the member has {balance}", cost=reward.cost,
                              balance=balance, reward=reward.name)  # fmt: skip
        entry = _add_entry(s, member_id=member_id, at=at, kind=REDEEM, amount=-reward.cost,
                           reason=f"redeemed {reward.name}", source_type="reward",
                           source_id=reward.id, actor=actor)  # fmt: skip
        _consume(s, entry, reward.cost)
        if reward.coupon_type_id is not None:  # points exchanged for a coupon (all or nothing)
            coupons.issue_in(s, member_id, reward.coupon_type_id, source=f"reward:{reward.id}",
                             now=at)  # fmt: skip
        if reward.stock is not None:
            reward.stock -= 1
        return _posted(s, entry)


def adjust(
    store: Store,
    member_id: int,
    points: int,
    *,
    reason: str,
    at: datetime | None = None,
    actor: str = "",
    source_key: str | None = None,
    source_type: str = "manual",
) -> Posted:
    """Add (positive) or take away (negative) points by hand; a reason is required."""
    if not reason.strip():
        raise PointsError("reason_required", "an adjustment needs a reason")
    if points == 0:
        raise PointsError("zero", "an adjustment of 0 points changes nothing")
    at = at or _now()
    with store.session() as s:
        member = s.get(Member, member_id)
        if member is None:
            raise PointsError("no_member", "the member does not exist")
        if source_type == "manual":  # by hand: the audit log says who (the code, no name)
            audit.record(s, "adjust", detail=f"member {member.code}: {points:+d}", rows=1)
        rules = rules_in(s)
        if points < 0 and balance_in(s, member_id) < -points:
            raise PointsError("insufficient", "the balance cannot go below zero",
                              balance=balance_in(s, member_id))  # fmt: skip
        entry = _add_entry(
            s, member_id=member_id, at=at, kind=ADJUST if source_type == "manual" else EARN,
            amount=points, reason=reason.strip(), source_type=source_type,
            source_key=source_key,
            expires_on=expiry_date(local_day(at), rules) if points > 0 else None, actor=actor,
        )  # fmt: skip
        if points < 0:
            _consume(s, entry, -points)
        update_level(s, member_id, today=date.today(), rules=rules)
        return _posted(s, entry)


def _reversal_of(s: Session, entry_id: int) -> int | None:
    return s.scalar(select(LedgerEntry.id).where(LedgerEntry.reverses_id == entry_id))


def _reverse(s: Session, entry: LedgerEntry, *, reason: str, actor: str) -> Entry:
    if entry.kind == REVERSE:
        raise PointsError("reverse_reversal", "a reversal cannot itself be reversed")
    if entry.kind == EXPIRE:
        raise PointsError("reverse_expiry", "expired points cannot be reversed; "
                          "give them back with an adjustment")  # fmt: skip
    if _reversal_of(s, entry.id) is not None:
        raise PointsError("already_reversed", "this entry was already reversed")
    if entry.amount > 0 and balance_in(s, entry.member_id) < entry.amount:
        raise PointsError("insufficient", "the member has already used these points",
                          balance=balance_in(s, entry.member_id), points=entry.amount)  # fmt: skip
    reversal = _add_entry(s, member_id=entry.member_id, at=_now(), kind=REVERSE,
                          amount=-entry.amount, reason=reason.strip(), source_type="reversal",
                          source_id=entry.id, reverses_id=entry.id, actor=actor)  # fmt: skip
    if entry.amount > 0:
        _consume(s, reversal, entry.amount, first_lot=entry.id)
    else:
        # Give the points back to the lots they came from.
        for lot_id, points in s.execute(
            select(LedgerConsumption.lot_id, LedgerConsumption.points)
            .where(LedgerConsumption.entry_id == entry.id)
        ):  # fmt: skip
            _take(s, reversal.id, lot_id, -points)
        if entry.kind == REDEEM and entry.source_id is not None:
            reward = s.get(Reward, entry.source_id)
            if reward is not None and reward.stock is not None:
                reward.stock += 1
    return reversal


def reverse(store: Store, entry_id: int, *, reason: str, actor: str = "") -> Posted:
    if not reason.strip():
        raise PointsError("reason_required", "say why the entry is reversed")
    with store.session() as s:
        entry = s.get(LedgerEntry, entry_id)
        if entry is None:
            raise PointsError("no_entry", "the entry does not exist")
        reversal = _reverse(s, entry, reason=reason, actor=actor)
        audit.record(s, "reverse", detail=f"entry {entry_id} of member "
                     f"{s.get(Member, entry.member_id).code}", rows=1)  # fmt: skip
        update_level(s, entry.member_id, today=date.today(), rules=rules_in(s))
        return _posted(s, reversal)


# --- expiry -------------------------------------------------------------------------------


def lots_left(
    s: Session,
    *,
    after: date | None = None,
    until: date,
    member_id: int | None = None,
    member_ids: list[int] | None = None,
) -> list[tuple[int, int, int, date]]:
    """(lot, member, points left, expires on) of every lot expiring in (after, until] that
    still has points: a range of the open lots' date index (a store has millions of lots,
    almost all used up)."""
    conds = [OpenLot.expires_on <= until]
    if after is not None:
        conds.append(OpenLot.expires_on > after)
    if member_id is not None:
        conds.append(OpenLot.member_id == member_id)
    if member_ids is not None:
        conds.append(OpenLot.member_id.in_(member_ids))
    rows = s.execute(
        select(OpenLot.lot_id, OpenLot.member_id, OpenLot.points_left, OpenLot.expires_on,
               LedgerEntry.at)
        .join(LedgerEntry, LedgerEntry.id == OpenLot.lot_id)
        .where(*conds)
    ).all()  # fmt: skip
    # Sorted here, not by SQL: an ORDER BY on the member would lead SQLite to walk the member
    # index over every open lot (a million) instead of the few in the date range.
    rows.sort(key=lambda r: (r[1], r[4], r[0]))
    return [(lot, member, points, expires) for lot, member, points, expires, _at in rows]


def due_lots(s: Session, today: date) -> list[tuple[int, int, int, date]]:
    """Lots past their date with points left: what expiry takes."""
    return lots_left(s, until=today)


def expire(store: Store, *, today: date | None = None) -> int:
    """Expire what is left of every lot whose date has come. Idempotent; returns entries."""
    today = today or date.today()
    made = 0
    with store.session() as s:
        if s.get_bind().dialect.name == "postgresql":
            # Two PCs starting the day at once: one expiry at a time, the second then finds
            # nothing due (SQLite's BEGIN IMMEDIATE already serialises writers).
            s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": EXPIRY_LOCK})
        at = _now()
        for lot_id, member_id, left, expires in due_lots(s, today):
            if made % 50 == 0 and interrupt_requested():  # a quit: all of it next time
                raise Cancelled()
            entry = _add_entry(s, member_id=member_id, at=at, kind=EXPIRE, amount=-left,
                               reason=f"points earned before {expires.isoformat()} expired",
                               source_type="expiry", source_id=lot_id)  # fmt: skip
            _take(s, entry.id, lot_id, left)
            made += 1
        s.flush()
        roll_levels_in(s, today=date.today())
    return made


@dataclass(frozen=True)
class ExpiringBatch:
    member_id: int
    code: str
    name: str
    points: int
    expires_on: date


def expiring_batches(
    s: Session, *, today: date, days: int = 30, member_id: int | None = None
) -> list[ExpiringBatch]:
    """Every batch of points that expires within `days`, per member and per date."""
    per: dict[tuple[int, date], int] = {}
    for _lot, member, left, expires in lots_left(
        s, after=today, until=today + timedelta(days=days), member_id=member_id
    ):
        per[(member, expires)] = per.get((member, expires), 0) + left
    names = {}
    ids = sorted({m for m, _ in per})
    for start in range(0, len(ids), 900):
        names.update({i: (c, n) for i, c, n in s.execute(
            select(Member.id, Member.code, Member.name).where(
                Member.id.in_(ids[start : start + 900])))})  # fmt: skip
    out = [ExpiringBatch(m, *names[m], pts, d) for (m, d), pts in per.items()]
    return sorted(out, key=lambda b: (b.expires_on, b.member_id))


def expiring_within(
    store: Store, *, days: int = 30, today: date | None = None
) -> list[ExpiringBatch]:
    with store.read() as s:
        return expiring_batches(s, today=today or date.today(), days=days)


# --- levels -------------------------------------------------------------------------------


def level_basis_value(s: Session, member_id: int, *, today: date, rules: EarningRules) -> int:
    """Points earned (less what was reversed) or cents spent in the 12 months up to today."""
    since = datetime.combine(today - timedelta(days=365), datetime.min.time(), UTC)
    if rules.level_basis == "spend":
        return s.scalar(
            select(func.coalesce(func.sum(Visit.amount_cents), 0)).where(
                Visit.member_id == member_id, Visit.voided.is_(False), Visit.at >= since)
        ) or 0  # fmt: skip
    return s.connection().execute(_EARNED_KEPT, {"member": member_id, "since": since}
                                  ).scalar() or 0  # fmt: skip


def _earned_kept():
    """Points a member earned since a moment, less those reversed since: one query over the
    member's entries (their (member, at) index) and the reversals' unique index, built once
    (every visit asks it)."""
    reversal = aliased(LedgerEntry)
    return (
        select(func.coalesce(func.sum(LedgerEntry.amount), 0))
        .outerjoin(reversal, reversal.reverses_id == LedgerEntry.id)
        .where(LedgerEntry.member_id == bindparam("member"), LedgerEntry.kind == EARN,
               LedgerEntry.at >= bindparam("since", type_=LedgerEntry.at.type),
               reversal.id.is_(None))
    )  # fmt: skip


_EARNED_KEPT = _earned_kept()


def basis_values(s: Session, *, today: date, rules: EarningRules,
                 member_ids: list[int] | None = None,
                 until: datetime | None = None) -> dict[int, int]:  # fmt: skip
    """level_basis_value for every member that has any (or those of `member_ids`), in two
    aggregate queries; `until`: as it was at that moment (the dashboard's past periods)."""
    since = datetime.combine(today - timedelta(days=365), datetime.min.time(), UTC)
    if rules.level_basis == "spend":
        conds = [Visit.voided.is_(False), Visit.at >= since]
        if until is not None:
            conds.append(Visit.at < until)
        if member_ids is not None:
            conds.append(Visit.member_id.in_(member_ids))
        rows = s.execute(
            select(Visit.member_id, func.sum(Visit.amount_cents))
            .where(*conds).group_by(Visit.member_id)
        )  # fmt: skip
        return {m: v for m, v in rows}
    in_window = (LedgerEntry.kind == EARN) & (LedgerEntry.at >= since)
    if until is not None:
        in_window = in_window & (LedgerEntry.at < until)
    if member_ids is not None:
        in_window = in_window & LedgerEntry.member_id.in_(member_ids)
    values = dict(s.execute(
        select(LedgerEntry.member_id, func.sum(LedgerEntry.amount))
        .where(in_window).group_by(LedgerEntry.member_id)
    ).all())  # fmt: skip
    reversal = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
    for member_id, amount in s.execute(
        select(LedgerEntry.member_id, func.sum(LedgerEntry.amount))
        .where(in_window, LedgerEntry.id.in_(reversal)).group_by(LedgerEntry.member_id)
    ):  # fmt: skip
        values[member_id] = values.get(member_id, 0) - amount
    return values


def expected_levels(s: Session, *, today: date, rules: EarningRules,
                    until: datetime | None = None) -> dict[int, int | None]:  # fmt: skip
    """The level every member with points should have today (members without: none)."""
    levels = s.execute(select(Level.id, Level.threshold).order_by(Level.threshold.desc())).all()
    out: dict[int, int | None] = {}
    for member_id, value in basis_values(s, today=today, rules=rules, until=until).items():
        out[member_id] = next((lid for lid, th in levels if th <= value), None)
    return out


def refresh_levels(store: Store, *, today: date | None = None) -> int:
    """Bring every cached level up to date (points roll out of the 12-month window)."""
    with store.session() as s:
        return refresh_levels_in(s, today=today or date.today())


LEVELS_DAY_KEY = "levels.day"  # the day every cached level was last brought up to date


def refresh_levels_in(s: Session, *, today: date, member_ids: list[int] | None = None) -> int:
    """Bring cached levels up to date: every member's, or only those of `member_ids`."""
    rules = rules_in(s)
    base = s.scalar(select(Level.id).where(Level.threshold <= 0)
                    .order_by(Level.threshold.desc()).limit(1))  # fmt: skip
    if member_ids is None:
        expected = expected_levels(s, today=today, rules=rules)
        cached = s.execute(select(MemberPoints.member_id, MemberPoints.level_id)).all()
        settings.put(s, LEVELS_DAY_KEY, today.isoformat())
    else:
        expected, cached = {}, []
        levels = s.execute(select(Level.id, Level.threshold)
                           .order_by(Level.threshold.desc())).all()  # fmt: skip
        for start in range(0, len(member_ids), 500):
            chunk = member_ids[start:start + 500]
            values = basis_values(s, today=today, rules=rules, member_ids=chunk)
            for member_id, value in values.items():
                expected[member_id] = next((lid for lid, th in levels if th <= value), None)
            cached += s.execute(select(MemberPoints.member_id, MemberPoints.level_id)
                                .where(MemberPoints.member_id.in_(chunk))).all()  # fmt: skip
    # Plain rows, not 100k ORM objects: only the members whose level changed are written.
    changes = [
        (member_id, level_id, expected.get(member_id, base))
        for member_id, level_id in cached
        if expected.get(member_id, base) != level_id
    ]
    if changes:
        now = _now()
        conn = s.connection()
        conn.execute(insert(LevelChange.__table__), [
            {"member_id": m, "at": now, "from_level_id": old, "to_level_id": new}
            for m, old, new in changes
        ])  # fmt: skip
        points = MemberPoints.__table__
        conn.execute(  # one executemany, not a statement per member
            update(points).where(points.c.member_id == bindparam("b_member"))
            .values(level_id=bindparam("b_level")),
            [{"b_member": m, "b_level": new} for m, _old, new in changes],
        )  # fmt: skip
        s.expire_all()
    return len(changes)


def roll_levels_in(s: Session, *, today: date) -> int:
    """The daily part of levels: every write already moves its member's level, so what is
    left is the members whose points (or spend) left the 12-month window since the day the
    levels were last brought up to date: an indexed range of the days that left, not every
    member's year (a full pass when that day is unknown, in the future or long ago)."""
    last = levels_day(s)
    if last == today:
        return 0
    if last is None or last > today or (today - last).days > 60:
        return refresh_levels_in(s, today=today)
    member_ids = sorted(leaving_the_window(s, last, today))
    changed = refresh_levels_in(s, today=today, member_ids=member_ids)
    settings.put(s, LEVELS_DAY_KEY, today.isoformat())
    return changed


def levels_day(s: Session) -> date | None:
    """The day every cached level was last brought up to date (None: never)."""
    known = settings.get(s, LEVELS_DAY_KEY)
    return date.fromisoformat(known) if known else None


def leaving_the_window(s: Session, last: date, today: date) -> set[int]:
    """The members whose points (or spend) left the 12-month window after `last` and by
    `today`: the only ones whose cached level the day's roll can change."""
    lo = datetime.combine(last - timedelta(days=365), datetime.min.time(), UTC)
    hi = datetime.combine(today - timedelta(days=365), datetime.min.time(), UTC)
    if rules_in(s).level_basis == "spend":
        left = select(Visit.member_id).where(Visit.at >= lo, Visit.at < hi)
    else:
        left = select(LedgerEntry.member_id).where(LedgerEntry.at >= lo, LedgerEntry.at < hi,
                                                   LedgerEntry.kind == EARN)  # fmt: skip
    return set(s.scalars(left.distinct()))


def add_opening_balances(
    s: Session, balances: dict[int, int], *, reason: str, today: date | None = None
) -> int:
    """Opening balances from another system, in bulk, each paid once per member ever.

    They are earned points like any other: they expire under the shop's policy, counted
    from the day they are recorded. Returns how many members got one now.
    """
    today = today or date.today()
    wanted = {m: p for m, p in balances.items() if p > 0}
    if not wanted:
        return 0
    keys = {f"opening:{m}": m for m in wanted}
    paid = set()
    key_list = list(keys)
    for start in range(0, len(key_list), 500):
        paid |= set(s.scalars(select(LedgerEntry.source_key).where(
            LedgerEntry.source_key.in_(key_list[start:start + 500]))))  # fmt: skip
    todo = {m: p for k, m in keys.items() if k not in paid for p in [wanted[m]]}
    if not todo:
        return 0
    rules = rules_in(s)
    now = _now()
    expires = expiry_date(today, rules)
    conn = s.connection()
    conn.execute(insert(LedgerEntry.__table__), [
        {"member_id": m, "at": now, "kind": EARN, "amount": p, "reason": reason,
         "source_type": "opening", "source_id": None, "source_key": f"opening:{m}",
         "reverses_id": None, "expires_on": expires, "actor": "import"}
        for m, p in todo.items()
    ])  # fmt: skip
    ledger_days.add_many(s, [(now, EARN, p) for p in todo.values()])
    new_keys = [f"opening:{m}" for m in todo]
    for start in range(0, len(new_keys), 500):
        s.execute(insert(OpenLot).from_select(
            ["lot_id", "member_id", "expires_on", "points_left"],
            select(LedgerEntry.id, LedgerEntry.member_id, LedgerEntry.expires_on,
                   LedgerEntry.amount)
            .where(LedgerEntry.source_key.in_(new_keys[start:start + 500]))))  # fmt: skip
    have = set()
    ids = list(todo)
    for start in range(0, len(ids), 500):
        have |= set(s.scalars(select(MemberPoints.member_id).where(
            MemberPoints.member_id.in_(ids[start:start + 500]))))  # fmt: skip
    new_rows = [{"member_id": m, "balance": p, "level_id": None}
                for m, p in todo.items() if m not in have]  # fmt: skip
    if new_rows:
        conn.execute(insert(MemberPoints.__table__), new_rows)
    for m, p in todo.items():
        if m in have:
            conn.execute(update(MemberPoints.__table__).where(MemberPoints.member_id == m)
                         .values(balance=MemberPoints.balance + p))  # fmt: skip
    s.expire_all()
    refresh_levels_in(s, today=date.today())
    return len(todo)


_LEVELS = select(Level.__table__.c.id, Level.__table__.c.threshold).order_by(
    Level.__table__.c.threshold.desc())


_LEVEL_OF = select(_POINTS.c.level_id).where(_POINTS.c.member_id == bindparam("member"))
_SET_LEVEL = (update(_POINTS).where(_POINTS.c.member_id == bindparam("member"))
              .values(level_id=bindparam("level")))  # fmt: skip


def update_level(s: Session, member_id: int, *, today: date, rules: EarningRules) -> None:
    conn = s.connection()
    row = conn.execute(_LEVEL_OF, {"member": member_id}).first()
    if row is None:  # every member a level is worked out for has a points row, 0 at first
        _add_points(s, member_id, 0)
    old_id = row[0] if row else None
    value = level_basis_value(s, member_id, today=today, rules=rules)
    # (id, threshold) of every level, highest first: a handful of rows, read as plain rows.
    levels = conn.execute(_LEVELS).all()
    new_id, new_threshold = next(((i, t) for i, t in levels if t <= value), (None, None))
    if new_id != old_id:
        old = next((t for i, t in levels if i == old_id), None)
        conn.execute(insert(LevelChange.__table__), {
            "member_id": member_id, "at": _now(), "from_level_id": old_id,
            "to_level_id": new_id})  # fmt: skip
        conn.execute(_SET_LEVEL, {"member": member_id, "level": new_id})
        if new_id is not None and (old is None or new_threshold > old):
            coupons.on_event_in(s, "level", member_id)  # a level reached, when the shop wants


# --- check-ins and activities ---------------------------------------------------------------


@dataclass(frozen=True)
class CheckInResult:
    new: bool  # False: already checked in that day (nothing changed)
    streak: int  # consecutive days up to and including this one
    bonus: int  # streak bonus paid now (0 if none)


def record_checkin(
    store: Store, member_id: int, day: date, *, source: str = "", actor: str = ""
) -> CheckInResult:
    """A check-in for `day`; every `checkin_streak_days` consecutive days pay the bonus once.

    The same check-in again changes nothing, so a 接龙 pasted twice pays once.
    """
    with store.session() as s:
        return checkin_in(s, member_id, day, source=source, actor=actor)


def checkin_in(
    s: Session,
    member_id: int,
    day: date,
    *,
    source: str = "",
    actor: str = "",
    rules: EarningRules | None = None,
    refresh_level: bool = True,
    at: datetime | None = None,
) -> CheckInResult:
    """record_checkin inside the caller's transaction (attendance records many at once;
    it passes the rules once and refreshes levels once at the end)."""
    # Plain statements, not the ORM's get/flush: a year of demo check-ins or a long 接龙
    # makes thousands of these in one transaction.
    if s.scalar(select(Member.id).where(Member.id == member_id)) is None:
        raise PointsError("no_member", "the member does not exist")
    rules = rules or rules_in(s)
    had = s.scalar(select(CheckIn.day).where(CheckIn.member_id == member_id, CheckIn.day == day))
    if had is not None:
        return CheckInResult(False, _streak(s, member_id, day), 0)
    s.execute(insert(CheckIn).values(member_id=member_id, day=day, source=source, at=at))
    streak = _streak(s, member_id, day)
    bonus = 0
    n = rules.checkin_streak_days
    if rules.checkin_streak_bonus and streak >= n and streak % n == 0:
        at = datetime.combine(day, datetime.min.time().replace(hour=12)).astimezone(UTC)
        _add_entry(s, member_id=member_id, at=at, kind=EARN,
                   amount=rules.checkin_streak_bonus,
                   reason=f"{n}-day check-in streak", source_type="checkin",
                   source_key=f"checkin-streak:{member_id}:{day.isoformat()}",
                   expires_on=expiry_date(day, rules), actor=actor)  # fmt: skip
        bonus = rules.checkin_streak_bonus
        if refresh_level:
            update_level(s, member_id, today=date.today(), rules=rules)
    return CheckInResult(True, streak, bonus)


def _streak(s: Session, member_id: int, day: date) -> int:
    days = set(s.scalars(select(CheckIn.day).where(
        CheckIn.member_id == member_id, CheckIn.day <= day,
        CheckIn.day > day - timedelta(days=366))))  # fmt: skip
    streak = 0
    while day - timedelta(days=streak) in days:
        streak += 1
    return streak


def award_activity(
    store: Store, member_id: int, *, activity_key: str, title: str, points: int | None = None,
    at: datetime | None = None, actor: str = "",
) -> Entry | None:  # fmt: skip
    """Points for taking part in an activity occurrence, paid once per member and
    occurrence (`activity_key`, e.g. "12:2026-11-25"). None when already paid."""
    with store.session() as s:
        return award_activity_in(s, member_id, activity_key=activity_key, title=title,
                                 points=points, at=at, actor=actor)  # fmt: skip


def award_activity_in(
    s: Session, member_id: int, *, activity_key: str, title: str, points: int | None = None,
    at: datetime | None = None, actor: str = "", rules: EarningRules | None = None,
    refresh_level: bool = True,
) -> Entry | None:  # fmt: skip
    """award_activity inside the caller's transaction (a whole 接龙 in one)."""
    at = at or _now()
    rules = rules or rules_in(s)
    amount = rules.activity_points if points is None else points
    key = f"activity:{activity_key}:{member_id}"
    if amount <= 0 or s.scalar(select(LedgerEntry.id).where(LedgerEntry.source_key == key)):
        return None
    entry = _add_entry(s, member_id=member_id, at=at, kind=EARN, amount=amount,
                       reason=f"took part in {title}", source_type="activity",
                       source_key=key, expires_on=expiry_date(local_day(at), rules),
                       actor=actor)  # fmt: skip
    if refresh_level:
        update_level(s, member_id, today=date.today(), rules=rules)
    return entry


def earn_in(s: Session, member_id: int, points: int, *, reason: str, source_key: str,
            source_type: str = "award", at: datetime | None = None,
            actor: str = "") -> Entry | None:  # fmt: skip
    """Points earned for something other than a visit (a draw's prize, a quick award),
    once per `source_key`, inside the caller's transaction; None when already paid."""
    at = at or _now()
    if points <= 0 or s.scalar(select(LedgerEntry.id).where(LedgerEntry.source_key == source_key)):
        return None
    rules = rules_in(s)
    entry = _add_entry(s, member_id=member_id, at=at, kind=EARN, amount=points,
                       reason=reason[:200], source_type=source_type, source_key=source_key,
                       expires_on=expiry_date(local_day(at), rules), actor=actor)  # fmt: skip
    update_level(s, member_id, today=date.today(), rules=rules)
    return entry
