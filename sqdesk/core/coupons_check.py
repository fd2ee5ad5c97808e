"""Invariants of coupons used on visits (run by `sqdesk-cli check`): the visit dialog takes
one coupon of the member's own, so a visit has at most one coupon, and the member's."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sqdesk.core.check import invariant
from sqdesk.core.models import Coupon, Visit


@invariant("coupons used on visits")
def _one_coupon_of_theirs_a_visit(s: Session) -> Iterator[str]:
    twice = (select(Coupon.visit_id, func.count()).where(Coupon.visit_id.is_not(None))
             .group_by(Coupon.visit_id).having(func.count() > 1))  # fmt: skip
    for visit_id, n in s.execute(twice):
        yield f"visit {visit_id} has {n} coupons used on it"
    theirs = (select(Coupon.code, Visit.id).join(Visit, Visit.id == Coupon.visit_id)
              .where(Visit.member_id != Coupon.member_id))  # fmt: skip
    for code, visit_id in s.execute(theirs):
        yield f"coupon {code} was used on visit {visit_id}, another member's"
