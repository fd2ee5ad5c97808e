"""Demo coupons: the built-in types, a new-member coupon for most members (used on an
early visit by about half), birthday coupons for this year's past birthdays, and win-back
coupons for some quiet members; every used one is tied to the visit it discounted."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import bindparam, func, select, update

from sqdesk.core import bulk, codes, coupons
from sqdesk.core.demo.points import FirstVisits
from sqdesk.core.models import Coupon, CouponType, Member, Visit
from sqdesk.core.store import sync_id_sequence


def fill_coupons(s, *, seed: int, today: date, first_member_id: int,
                 first_visits: FirstVisits) -> int:  # fmt: skip
    """Add the demo's coupons (once: not when the store has any); returns how many. Used
    ones are used on one of the member's `first_visits` (what the visits' simulation made:
    sqdesk.core.demo.points.fill_points)."""
    if s.scalar(select(func.count(Coupon.id))):
        return 0
    rng = random.Random(seed * 43 + 11)
    taken = set(s.scalars(select(CouponType.key).where(CouponType.key.is_not(None))))
    for key, name, kind, value, min_spend, days in coupons.BUILTINS:
        if key not in taken:
            s.add(CouponType(key=key, name=name, kind=kind, value=value,
                             min_spend_cents=min_spend, valid_days=days))  # fmt: skip
    s.flush()
    types = {t.key: t for t in s.scalars(select(CouponType).where(CouponType.key.is_not(None)))}
    people = s.execute(select(Member.id, Member.joined_on, Member.birthday)
                       .where(Member.id >= first_member_id)).all()  # fmt: skip
    rows, used_visits = [], []
    used_on: set[int] = set()
    next_id = (s.scalar(select(func.max(Coupon.id))) or 0) + 1

    def add(mid: int, t: CouponType, day: date, source: str) -> None:
        nonlocal next_id
        end = day + timedelta(days=(t.valid_days or 1) - 1)
        row = {"id": next_id, "code": codes.make_code(coupons.FIRST_SERIAL + next_id),
               "type_id": t.id, "member_id": mid,
               "issued_at": datetime.combine(day, time(11)).astimezone(UTC),
               "valid_from": day, "expires_on": end, "source": source, "used_at": None,
               "visit_id": None}  # fmt: skip
        for vid, at, cents in first_visits.get(mid, []):
            if vid in used_on:
                continue  # a visit takes one coupon, as the visit dialog does
            if day <= at.astimezone().date() <= end and cents >= t.min_spend_cents \
                    and rng.random() < 0.55:  # fmt: skip
                row["used_at"], row["visit_id"] = at, vid
                used_visits.append((vid, coupons.discount(t.kind, t.value, cents)))
                used_on.add(vid)
                break
        rows.append(row)
        next_id += 1

    for mid, joined, birthday in people:
        if rng.random() < 0.7:
            add(mid, types["new_member"], joined, "joined")
        if birthday is not None and birthday.month < today.month and rng.random() < 0.8:
            add(mid, types["birthday"], date(today.year, birthday.month, 1),
                f"birthday:{today.year}")  # fmt: skip
        if rng.random() < 0.05:
            add(mid, types["win_back"], today - timedelta(days=rng.randrange(60)), "manual")
    conn = s.connection()
    for start in range(0, len(rows), 5000):
        bulk.insert_rows(conn, Coupon.__table__, rows[start : start + 5000])
    # A used coupon's visit kept what was paid; it records the discount beside it.
    if used_visits:
        visits = Visit.__table__
        conn.execute(
            update(visits).where(visits.c.id == bindparam("b_id"))
            .values(discount_cents=bindparam("b_off")),
            [{"b_id": vid, "b_off": off} for vid, off in used_visits],
        )  # fmt: skip
    sync_id_sequence(s, "coupon")
    return len(rows)
