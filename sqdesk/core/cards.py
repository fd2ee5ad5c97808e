"""Member cards: who gets one and what is printed on it, and when each was printed.

A card shows the shop's name and logo, the member's name or nickname (the shop chooses),
level, member code in text and as a QR code holding the code only, and an optional slogan.
A coupon printed on the same layouts (`CouponCard`) shows what it gives, whose it is, its
dates, and its own code in text and as a QR, which the counter types or scans.
The layouts and their painting live in sqdesk/printing; this module is the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select, update

from sqdesk.core import codes, filters, segments, shop_settings
from sqdesk.core.errors import CodedError
from sqdesk.core.models import Coupon, CouponType, Level, Member, MemberPoints
from sqdesk.core.store import Store

LAYOUTS = ("a4-10", "cr80", "thermal-58", "thermal-80")
NAME_CHOICES = ("name", "nickname")
_CHUNK = 500


class CardError(CodedError):
    """Cards refused (see CodedError)."""

    area = "cards"


@dataclass(frozen=True)
class Shop:
    """What every card of the shop carries."""

    name: str
    logo: bytes | None
    slogan: str
    show: str  # NAME_CHOICES: the member's name or nickname on the card


@dataclass(frozen=True)
class Card:
    member_id: int
    code: str  # the QR holds exactly this
    name: str  # as the shop chose: the name, or the nickname (each falls back on the other)
    level: str


@dataclass(frozen=True)
class CouponCard:
    coupon_id: int
    code: str  # the QR holds exactly this (nine digits: a scan tells it from a member code)
    title: str  # the type's name
    kind: str  # coupons.KINDS, with `value` and `min_spend_cents` saying what it gives
    value: int
    min_spend_cents: int
    weekdays: str
    holder: str  # the member's name or nickname, as the shop chose for cards
    valid_from: date
    expires_on: date


def shop(store: Store) -> Shop:
    values = shop_settings.values(store)
    return Shop(name=values["shop.name"] or "", logo=values["shop.logo"],
                slogan=values["cards.slogan"] or "", show=values["cards.name"])  # fmt: skip


def for_members(store: Store, member_ids: Sequence[int], *, show: str = "name") -> list[Card]:
    """The cards of these members, in the order given (archived members included: a card
    asked for by name is printed)."""
    found: dict[int, Card] = {}
    ids = list(dict.fromkeys(member_ids))
    with store.read() as s:
        for start in range(0, len(ids), _CHUNK):
            query = (select(Member.id, Member.code, Member.name, Member.nickname, Level.name)
                     .outerjoin(MemberPoints, MemberPoints.member_id == Member.id)
                     .outerjoin(Level, Level.id == MemberPoints.level_id)
                     .where(Member.id.in_(ids[start : start + _CHUNK])))  # fmt: skip
            for mid, code, name, nickname, level in s.execute(query):
                shown = (nickname or name) if show == "nickname" else (name or nickname)
                found[mid] = Card(mid, code, shown, level or "")
    return [found[i] for i in ids if i in found]


def for_coupons(store: Store, coupon_ids: Sequence[int], *,
                show: str = "name") -> list[CouponCard]:  # fmt: skip
    """The printable coupons, in the order given (used and expired ones too: a reprint)."""
    found: dict[int, CouponCard] = {}
    ids = list(dict.fromkeys(coupon_ids))
    with store.read() as s:
        for start in range(0, len(ids), _CHUNK):
            query = (select(Coupon.id, Coupon.code, CouponType.name, CouponType.kind,
                            CouponType.value, CouponType.min_spend_cents, CouponType.weekdays,
                            Member.name, Member.nickname, Coupon.valid_from, Coupon.expires_on)
                     .join(CouponType, CouponType.id == Coupon.type_id)
                     .join(Member, Member.id == Coupon.member_id)
                     .where(Coupon.id.in_(ids[start : start + _CHUNK])))  # fmt: skip
            for row in s.execute(query):
                cid, code, title, kind, value, min_spend, days, name, nickname, first, last = row
                holder = (nickname or name) if show == "nickname" else (name or nickname)
                found[cid] = CouponCard(cid, code or "", title, kind, value, min_spend, days,
                                        holder, first, last)  # fmt: skip
    return [found[i] for i in ids if i in found]


def select_members(store: Store, *, codes_: Sequence[str] = (), segment: str | None = None,
                   not_printed: bool = False) -> list[int]:  # fmt: skip
    """Whose cards to print: members by code (a wrong check digit or an unknown code is
    refused, naming it), a segment's members, or the members never printed; newest first."""
    if codes_:
        wanted = [c.strip() for c in codes_ if c.strip()]
        bad = [c for c in wanted if not codes.is_valid_code(c)]
        if bad:
            raise CardError("bad_code", f"not a member code (check digit): {', '.join(bad)}",
                            codes=", ".join(bad))  # fmt: skip
        with store.read() as s:
            by_code = dict(s.execute(select(Member.code, Member.id)
                                     .where(Member.code.in_(wanted))).all())  # fmt: skip
        unknown = [c for c in wanted if c not in by_code]
        if unknown:
            raise CardError("unknown_code", f"no member has the code {', '.join(unknown)}",
                            codes=", ".join(unknown))  # fmt: skip
        return [by_code[c] for c in wanted]
    if segment is not None:
        tree = segments.resolve(store, segment)
        if tree is None:
            raise CardError("unknown_segment", f"no segment named {segment!r}", name=segment)
        return filters.member_ids(store, tree)
    if not_printed:
        query = (select(Member.id).where(Member.archived.is_(False),
                                         Member.card_printed_at.is_(None))
                 .order_by(Member.id.desc()))  # fmt: skip
        with store.read() as s:
            return list(s.scalars(query))
    raise CardError("nobody", "say whose cards to print: codes, a segment or those not printed")


def mark_printed(store: Store, member_ids: Sequence[int], *, at: datetime | None = None) -> int:
    """Remember that these members' cards were printed (a PDF saved or a page printed)."""
    at = at or datetime.now(UTC)
    ids = list(member_ids)
    done = 0
    with store.session() as s:
        for start in range(0, len(ids), _CHUNK):
            result = s.execute(update(Member).where(Member.id.in_(ids[start : start + _CHUNK]))
                               .values(card_printed_at=at))  # fmt: skip
            done += result.rowcount or 0
    return done


def check_layout(layout: str) -> str:
    if layout not in LAYOUTS:
        raise CardError("bad_layout", f"a card layout is one of {', '.join(LAYOUTS)}",
                        layout=layout)  # fmt: skip
    return layout
