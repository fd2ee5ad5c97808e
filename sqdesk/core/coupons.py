"""Coupons (优惠券): the types the shop defines, the coupons members hold, and using one at
the counter.

A coupon type is one of KINDS, its `value` read as that kind says, with a minimum spend, a
validity (N days from the day it is issued, or fixed dates), the days of the week and hours
it applies, and how many valid ones a member may hold. A coupon has its own code (digits
with a check digit, nine long, so a scan tells it from a member's seven-digit code); it is
used once, by the visit it discounted, and given back when that visit is undone. Its state
is read from its dates: nothing needs to run for a coupon to expire.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import case, func, null, select, update
from sqlalchemy.orm import Session

from sqdesk.core import codes
from sqdesk.core.errors import CodedError
from sqdesk.core.models import Coupon, CouponType, Member, Visit
from sqdesk.core.store import Store, sync_id_sequence

# What a type's `value` is, by kind.
KINDS = {
    "amount_off": "cents off the bill (满50减10: value 1000, minimum spend 5000)",
    "percent_off": "percent off the bill (八折: value 20)",
    "fixed_price": "the bill comes to this many cents (a ¥9.9 trial drink: value 990)",
    "free_item": "an item free, worth up to this many cents",
    "second_half": "percent off the second of two items (第二杯半价: value 50)",
}
# Events a type can be issued on by itself, when the shop switches it on (the type's `auto`).
EVENTS = ("joined", "birthday", "referral", "level")
FIRST_SERIAL = 10_000_000  # coupon codes are nine digits; member codes seven
MAX_CENTS = 100_000_00


class CouponError(CodedError):
    """A coupon refused (see CodedError)."""

    area = "coupons"


@dataclass(frozen=True)
class TypeInfo:
    id: int
    name: str
    kind: str
    value: int
    min_spend_cents: int
    valid_days: int | None
    valid_from: date | None
    valid_to: date | None
    weekdays: str
    from_minute: int | None
    to_minute: int | None
    max_held: int
    key: str | None
    active: bool
    auto: str = ""


@dataclass(frozen=True)
class CouponInfo:
    id: int
    code: str
    member_id: int
    member_code: str
    type_id: int
    type_name: str
    kind: str
    value: int
    min_spend_cents: int
    issued_at: datetime
    valid_from: date
    expires_on: date
    used_at: datetime | None
    visit_id: int | None

    def status(self, today: date | None = None) -> str:
        """"used", "expired" (its last day has passed) or "valid" (maybe not yet usable:
        see `valid_from`)."""
        if self.used_at is not None:
            return "used"
        return "expired" if self.expires_on < (today or date.today()) else "valid"


# --- types ---------------------------------------------------------------------------------


def _type_info(t: CouponType) -> TypeInfo:
    return TypeInfo(t.id, t.name, t.kind, t.value, t.min_spend_cents, t.valid_days,
                    t.valid_from, t.valid_to, t.weekdays, t.from_minute, t.to_minute,
                    t.max_held, t.key, t.active, t.auto)  # fmt: skip


def check_type(*, name: str, kind: str, value: int, min_spend_cents: int = 0,
               valid_days: int | None = 30, valid_from: date | None = None,
               valid_to: date | None = None, weekdays: str = "", from_minute: int | None = None,
               to_minute: int | None = None, max_held: int = 1,
               auto: str = "") -> list[str]:  # fmt: skip
    """Refuse a type that cannot work (CouponError); return warnings about one that can but
    looks wrong ("min_below_value": a minimum spend lower than the amount off)."""
    if not name.strip():
        raise CouponError("no_name", "a coupon type needs a name")
    if kind not in KINDS:
        raise CouponError("bad_kind", f"a coupon's kind is one of {', '.join(KINDS)}", kind=kind)
    if value <= 0:
        raise CouponError("bad_value", "a coupon's value must be more than zero", value=value)
    if kind in ("percent_off", "second_half") and value > 100:
        raise CouponError("bad_percent", "a percentage is at most 100", value=value)
    if value > MAX_CENTS or min_spend_cents < 0 or min_spend_cents > MAX_CENTS:
        raise CouponError("bad_amount", "check the amounts")
    if valid_from is None and valid_to is None and (valid_days is None or valid_days < 1):
        raise CouponError("bad_validity", "a coupon is valid for at least a day")
    if (valid_from is None) != (valid_to is None):
        raise CouponError("bad_validity", "fixed dates need a first and a last day")
    if valid_from is not None and valid_to is not None and valid_to < valid_from:
        raise CouponError("bad_validity", "the last day is before the first")
    if any(ch not in "0123456" for ch in weekdays):
        raise CouponError("bad_weekdays", "days of the week are 0 (Monday) to 6 (Sunday)")
    if (from_minute is None) != (to_minute is None) or (
            from_minute is not None and not 0 <= from_minute < to_minute <= 24 * 60):  # fmt: skip
        raise CouponError("bad_hours", "hours are from one time to a later one in a day")
    if max_held < 1:
        raise CouponError("bad_max_held", "a member may hold at least one")
    if auto and auto not in EVENTS:
        raise CouponError("bad_event", f"an event is one of {', '.join(EVENTS)}", event=auto)
    warnings = []
    if kind == "amount_off" and min_spend_cents and min_spend_cents < value:
        warnings.append("min_below_value")
    return warnings


def add_type(store: Store, name: str, kind: str, value: int,
             **fields) -> tuple[TypeInfo, list[str]]:  # fmt: skip
    """A new type; returns it with any warnings (see check_type)."""
    warnings = check_type(name=name, kind=kind, value=value, **fields)
    with store.session() as s:
        if s.scalar(select(CouponType.id).where(CouponType.name == name.strip())) is not None:
            raise CouponError("duplicate_name", f"there is a coupon type named {name!r}",
                              name=name)  # fmt: skip
        t = CouponType(name=name.strip(), kind=kind, value=value, **fields)
        s.add(t)
        s.flush()
        return _type_info(t), warnings


def update_type(store: Store, type_id: int, **fields) -> tuple[TypeInfo, list[str]]:
    """Change a type (coupons already issued keep their dates; the rest follows)."""
    with store.session() as s:
        t = s.get(CouponType, type_id)
        if t is None:
            raise CouponError("no_type", "the coupon type does not exist")
        current = {k: getattr(t, k) for k in ("name", "kind", "value", "min_spend_cents",
                                               "valid_days", "valid_from", "valid_to",
                                               "weekdays", "from_minute", "to_minute",
                                               "max_held", "auto")}  # fmt: skip
        merged = current | {k: v for k, v in fields.items() if k in current}
        warnings = check_type(**merged)
        for k, v in fields.items():
            setattr(t, k, v.strip() if k == "name" else v)
        s.flush()
        return _type_info(t), warnings


def types(store: Store, *, include_inactive: bool = False) -> list[TypeInfo]:
    ensure_builtins(store)
    query = select(CouponType).order_by(CouponType.id)
    if not include_inactive:
        query = query.where(CouponType.active.is_(True))
    with store.read() as s:
        return [_type_info(t) for t in s.scalars(query)]


def find_type(store: Store, name_or_id: str) -> TypeInfo:
    """A type by its name or number (CouponError "no_type")."""
    wanted = name_or_id.strip()
    for t in types(store, include_inactive=True):
        if t.name == wanted or (wanted.isdigit() and t.id == int(wanted)) or t.key == wanted:
            return t
    raise CouponError("no_type", f"no coupon type {wanted!r}", name=wanted)


# Built-in types for a tea shop, added once (the shop edits or switches them off).
BUILTINS = (
    ("new_member", "新人体验券 ¥9.9", "fixed_price", 990, 0, 30),
    ("birthday", "生日饮品券", "free_item", 3000, 0, 31),
    ("referral", "推荐有礼 满30减10", "amount_off", 1000, 3000, 60),
    ("member_day", "会员日 第二杯半价", "second_half", 50, 0, 7),
    ("win_back", "好久不见 八折券", "percent_off", 20, 0, 14),
)


def ensure_builtins(store: Store) -> None:
    if store.read_only:
        return
    with store.read() as s:
        have = set(s.scalars(select(CouponType.key).where(CouponType.key.is_not(None))))
    missing = [b for b in BUILTINS if b[0] not in have]
    if not missing:
        return
    with store.session() as s:
        taken = set(s.scalars(select(CouponType.name)))
        for key, name, kind, value, min_spend, days in missing:
            s.add(CouponType(key=key, name=name if name not in taken else f"{name} ({key})",
                             kind=kind, value=value, min_spend_cents=min_spend,
                             valid_days=days))  # fmt: skip


# --- issuing -------------------------------------------------------------------------------


def validity(t: CouponType, day: date) -> tuple[date, date]:
    if t.valid_from is not None and t.valid_to is not None:
        return t.valid_from, t.valid_to
    return day, day + timedelta(days=(t.valid_days or 1) - 1)


def issuable_in(s: Session, type_id: int, today: date) -> tuple[CouponType, date, date]:
    """The type, if coupons of it can be handed out today, and the dates they are valid."""
    t = s.get(CouponType, type_id)
    if t is None or not t.active:
        raise CouponError("no_type", "the coupon type does not exist or is switched off")
    start, end = validity(t, today)
    if end < today:
        raise CouponError("type_over", f"{t.name} was valid until {end}", name=t.name,
                          day=end.isoformat())  # fmt: skip
    return t, start, end


def issue_in(s: Session, member_id: int, type_id: int, *, source: str = "manual",
             now: datetime | None = None) -> Coupon:  # fmt: skip
    """Issue inside the caller's transaction (a segment's members, an event)."""
    now = now or datetime.now(UTC)
    today = now.astimezone().date()
    t, start, end = issuable_in(s, type_id, today)
    check_holding_in(s, member_id, t, today)
    coupon = Coupon(type_id=type_id, member_id=member_id, issued_at=now, valid_from=start,
                    expires_on=end, source=source)  # fmt: skip
    s.add(coupon)
    s.flush()
    coupon.code = codes.make_code(FIRST_SERIAL + coupon.id)
    return coupon


def check_holding_in(s: Session, member_id: int, t: CouponType, today: date) -> None:
    """Refuse a coupon to a member who holds as many valid ones of the type as they may."""
    held = s.scalar(select(func.count(Coupon.id)).where(
        Coupon.member_id == member_id, Coupon.type_id == t.id, Coupon.used_at.is_(None),
        Coupon.expires_on >= today)) or 0  # fmt: skip
    if held >= t.max_held:
        raise CouponError("holds_enough", f"the member holds {held} valid {t.name} already",
                          name=t.name, held=held)  # fmt: skip


def issue(store: Store, member_id: int, type_id: int, *, source: str = "manual",
          now: datetime | None = None) -> CouponInfo:  # fmt: skip
    with store.session() as s:
        if s.get(Member, member_id) is None:
            raise CouponError("no_member", "the member does not exist")
        coupon_id = issue_in(s, member_id, type_id, source=source, now=now).id
    return get(store, coupon_id)


# --- reading -------------------------------------------------------------------------------


def _query():
    return (select(Coupon, CouponType, Member.code)
            .join(CouponType, CouponType.id == Coupon.type_id)
            .join(Member, Member.id == Coupon.member_id))  # fmt: skip


def _info(row) -> CouponInfo:
    c, t, member_code = row
    return CouponInfo(c.id, c.code or "", c.member_id, member_code, t.id, t.name, t.kind,
                      t.value, t.min_spend_cents, c.issued_at, c.valid_from, c.expires_on,
                      c.used_at, c.visit_id)  # fmt: skip


def get(store: Store, coupon_id: int) -> CouponInfo:
    with store.read() as s:
        row = s.execute(_query().where(Coupon.id == coupon_id)).first()
        if row is None:
            raise CouponError("no_coupon", "the coupon does not exist")
        return _info(row)


def for_member(store: Store, member_id: int, *, only_valid: bool = False,
               today: date | None = None) -> list[CouponInfo]:  # fmt: skip
    """A member's coupons: the valid ones first, soonest to expire first, then the rest."""
    today = today or date.today()
    query = _query().where(Coupon.member_id == member_id)
    if only_valid:
        query = query.where(Coupon.used_at.is_(None), Coupon.expires_on >= today)
    with store.read() as s:
        found = [_info(r) for r in s.execute(query.order_by(Coupon.expires_on, Coupon.id))]
    return sorted(found, key=lambda c: (c.status(today) != "valid", c.expires_on, c.id))


# --- using ---------------------------------------------------------------------------------


def discount(kind: str, value: int, amount_cents: int) -> int:
    """The cents a coupon of this kind takes off a bill of `amount_cents` (never more than
    the bill). A second item half price assumes two items of the same price."""
    if kind == "amount_off":
        off = value
    elif kind == "percent_off":
        off = amount_cents * value // 100
    elif kind == "fixed_price":
        off = amount_cents - value
    elif kind == "free_item":
        off = value
    else:  # second_half
        off = amount_cents // 2 * value // 100
    return max(0, min(off, amount_cents))


def apply_in(s: Session, member_id: int, code: str, amount_cents: int,
             at: datetime) -> tuple[int, int]:  # fmt: skip
    """Check that the coupon can be used on this bill and mark it used; returns (coupon id,
    discount in cents). The caller records the visit and links it (same transaction)."""
    code = "".join(code.split())
    if not codes.is_valid_code(code):
        raise CouponError("bad_code", f"{code} is not a coupon code (check digit)", coupon=code)
    row = s.execute(select(Coupon, CouponType).join(CouponType, CouponType.id == Coupon.type_id)
                    .where(Coupon.code == code)).first()  # fmt: skip
    if row is None:
        raise CouponError("no_coupon", f"no coupon has the code {code}", coupon=code)
    c, t = row
    day, local = at.astimezone().date(), at.astimezone()
    if c.member_id != member_id:
        raise CouponError("not_theirs", f"coupon {code} belongs to another member", coupon=code)
    if c.used_at is not None:
        raise CouponError("used", f"coupon {code} was used on {c.used_at.astimezone():%Y-%m-%d}",
                          coupon=code, day=f"{c.used_at.astimezone():%Y-%m-%d}")  # fmt: skip
    if c.expires_on < day:
        raise CouponError("expired", f"coupon {code} expired on {c.expires_on}", coupon=code,
                          day=c.expires_on.isoformat())  # fmt: skip
    if c.valid_from > day:
        raise CouponError("not_yet", f"coupon {code} can be used from {c.valid_from}",
                          coupon=code, day=c.valid_from.isoformat())  # fmt: skip
    if amount_cents < t.min_spend_cents:
        raise CouponError("under_min_spend", f"{t.name} needs a bill of at least "
                          f"¥{t.min_spend_cents / 100:.2f}", coupon=code, name=t.name,
                          min=t.min_spend_cents)  # fmt: skip
    if t.weekdays and str(day.weekday()) not in t.weekdays:
        raise CouponError("wrong_day", f"{t.name} is not for today", coupon=code, name=t.name,
                          days=t.weekdays)  # fmt: skip
    minute = local.hour * 60 + local.minute
    if t.from_minute is not None and not t.from_minute <= minute < t.to_minute:
        raise CouponError("wrong_hour", f"{t.name} is not for this hour", coupon=code,
                          name=t.name, start=t.from_minute, end=t.to_minute)  # fmt: skip
    off = discount(t.kind, t.value, amount_cents)
    c.used_at = at
    return c.id, off


def link_visit_in(s: Session, coupon_id: int, visit_id: int) -> None:
    s.execute(update(Coupon).where(Coupon.id == coupon_id).values(visit_id=visit_id))


def give_back_in(s: Session, visit_id: int) -> int:
    """An undone visit gives its coupon back (usable again until it expires)."""
    result = s.execute(update(Coupon).where(Coupon.visit_id == visit_id)
                       .values(used_at=None, visit_id=None))  # fmt: skip
    return result.rowcount or 0


def by_code(store: Store, code: str) -> CouponInfo | None:
    """The coupon with this code (a scan at the counter), or None."""
    code = "".join(code.split())
    if not (len(code) == 9 and codes.is_valid_code(code)):
        return None
    with store.read() as s:
        row = s.execute(_query().where(Coupon.code == code)).first()
        return _info(row) if row is not None else None


# --- issuing many, and by itself -------------------------------------------------------------


@dataclass(frozen=True)
class IssueReport:
    issued: int
    skipped: int  # members who hold as many valid ones of the type as they may
    ids: tuple[int, ...] = ()  # the coupons issued (to print them)


def issue_many(store: Store, member_ids: list[int], type_id: int, *, source: str = "manual",
               now: datetime | None = None) -> IssueReport:  # fmt: skip
    """One coupon each for these members, in one transaction (a segment of 20,000 takes a
    moment, not a minute): who holds enough already is skipped and counted."""
    now = now or datetime.now(UTC)
    today = now.astimezone().date()
    ids = list(dict.fromkeys(member_ids))
    with store.session() as s:
        t, start, end = issuable_in(s, type_id, today)
        held = dict(s.execute(select(Coupon.member_id, func.count(Coupon.id)).where(
            Coupon.type_id == type_id, Coupon.used_at.is_(None), Coupon.expires_on >= today)
            .group_by(Coupon.member_id)).all())  # fmt: skip
        wanted = [m for m in ids if held.get(m, 0) < t.max_held]
        next_id = (s.scalar(select(func.max(Coupon.id))) or 0) + 1
        rows = [{"id": next_id + i, "code": codes.make_code(FIRST_SERIAL + next_id + i),
                 "type_id": type_id, "member_id": m, "issued_at": now, "valid_from": start,
                 "expires_on": end, "source": source, "used_at": None, "visit_id": None}
                for i, m in enumerate(wanted)]  # fmt: skip
        for chunk in range(0, len(rows), 5000):
            s.execute(Coupon.__table__.insert(), rows[chunk : chunk + 5000])
        sync_id_sequence(s, "coupon")
    return IssueReport(len(wanted), len(ids) - len(wanted), tuple(r["id"] for r in rows))


def on_event_in(s: Session, event: str, member_id: int, *, now: datetime | None = None,
                source: str | None = None) -> list[int]:  # fmt: skip
    """Issue every active type the shop set to come by itself on `event` (inside the
    transaction that made the event happen); a member who holds enough is skipped quietly.
    Returns the coupon ids issued."""
    issued = []
    for type_id in s.scalars(select(CouponType.id).where(CouponType.auto == event,
                                                         CouponType.active.is_(True))):  # fmt: skip
        try:
            issued.append(issue_in(s, member_id, type_id, source=source or event, now=now).id)
        except CouponError:
            continue  # holds enough, or the type's dates are over: nothing to hand out
    return issued


def birthday_coupons(store: Store, *, today: date | None = None) -> int:
    """The birthday month's coupons (a day job): members born this month who have not had
    this year's birthday coupon yet, for each type set to come on birthdays."""
    today = today or date.today()
    source = f"birthday:{today.year}"
    with store.read() as s:
        types_ = list(s.scalars(select(CouponType.id).where(CouponType.auto == "birthday",
                                                             CouponType.active.is_(True))))
        if not types_:
            return 0
        born = list(s.scalars(select(Member.id).where(
            Member.archived.is_(False), Member.birthday.is_not(None),
            func.extract("month", Member.birthday) == today.month)))  # fmt: skip
    made = 0
    for type_id in types_:
        with store.read() as s:
            had = set(s.scalars(select(Coupon.member_id).where(Coupon.type_id == type_id,
                                                               Coupon.source == source)))
        report = issue_many(store, [m for m in born if m not in had], type_id, source=source)
        made += report.issued
    return made


# --- figures -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TypeFigures:
    type_id: int
    name: str
    issued: int
    used: int
    expired: int
    open: int  # valid, not used yet
    use_rate: float | None  # used / (used + expired); None before any is settled
    spend_cents: int | None  # paid on the visits that used one (None: not asked)


def figures(store: Store, *, since: date | None = None, until: date | None = None,
            today: date | None = None, members=None, spend: bool = True,
            ) -> list[TypeFigures]:  # fmt: skip
    """Per type: coupons issued (within the dates, when given), used, expired, still open,
    the use rate and what was paid on the visits that used one; `members` (a subquery of
    member ids) keeps to their coupons. Without `spend` (the Dashboard, which shows the
    use rate), the visits are not looked up: the counts come from the coupons' type index
    alone (a year of the 100k store's coupons 49 -> 8 ms)."""
    today = today or date.today()
    where = [] if members is None else [Coupon.member_id.in_(members)]
    if since is not None:
        where.append(Coupon.issued_at >= datetime.combine(since, datetime.min.time())
                     .astimezone(UTC))  # fmt: skip
    if until is not None:
        where.append(Coupon.issued_at < datetime.combine(until + timedelta(days=1),
                                                         datetime.min.time()).astimezone(UTC))
    used = Coupon.used_at.is_not(None)
    expired = Coupon.used_at.is_(None) & (Coupon.expires_on < today)
    paid = func.coalesce(func.sum(Visit.amount_cents), 0) if spend else null()
    query = (select(CouponType.id, CouponType.name, func.count(Coupon.id),
                    func.sum(case((used, 1), else_=0)), func.sum(case((expired, 1), else_=0)),
                    paid)
             .join(Coupon, Coupon.type_id == CouponType.id)
             .where(*where).group_by(CouponType.id, CouponType.name)
             .order_by(CouponType.id))  # fmt: skip
    if spend:
        query = query.outerjoin(Visit, (Visit.id == Coupon.visit_id) & Visit.voided.is_(False))
    out = []
    with store.read() as s:
        for type_id, name, n, u, e, cents in s.execute(query):
            u, e = int(u or 0), int(e or 0)
            rate = u / (u + e) if u + e else None
            out.append(TypeFigures(type_id, name, n, u, e, n - u - e, rate,
                                   int(cents) if spend else None))  # fmt: skip
    return out


def expiring(store: Store, *, days: int = 7, today: date | None = None) -> list[int]:
    """Members (not archived) holding a valid coupon whose last day falls within `days`
    days, the soonest first (Today's reminder, and its one-by-one run)."""
    today = today or date.today()
    query = (select(Coupon.member_id, func.min(Coupon.expires_on))
             .join(Member, Member.id == Coupon.member_id)
             .where(Coupon.used_at.is_(None), Coupon.expires_on >= today,
                    Coupon.expires_on < today + timedelta(days=days),
                    Member.archived.is_(False))
             .group_by(Coupon.member_id).order_by(func.min(Coupon.expires_on),
                                                  Coupon.member_id))  # fmt: skip
    with store.read() as s:
        return [m for m, _last in s.execute(query)]
