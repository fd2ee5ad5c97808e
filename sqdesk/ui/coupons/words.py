"""Coupons in the user's words: the kinds and the refusals, through tr()."""

from __future__ import annotations

from PySide6.QtCore import QObject

from sqdesk.core.errors import CodedError
from sqdesk.printing.coupons import CouponTerms


class CouponWords(QObject):
    def kind(self, key: str) -> str:
        return {
            "amount_off": self.tr("Amount off (满减)"),
            "percent_off": self.tr("Percent off (折扣)"),
            "fixed_price": self.tr("Fixed price (e.g. ¥9.9 trial)"),
            "free_item": self.tr("A free item"),
            "second_half": self.tr("Second item half price"),
        }.get(key, key)

    def when(self, key: str) -> str:
        """When a type is issued by itself ("" : only by hand)."""
        return {
            "": self.tr("Only when handed out"),
            "joined": self.tr("On joining"),
            "birthday": self.tr("In the birthday month"),
            "referral": self.tr("To the referrer, on a successful referral"),
            "level": self.tr("On reaching a higher level"),
        }.get(key, key)

    def refusal(self, exc: CodedError) -> str | None:
        v = exc.values
        coupon, name = str(v.get("coupon", "")), str(v.get("name", ""))
        days = CouponTerms().days(str(v.get("days", "")))

        def hm(minutes) -> str:
            m = int(minutes or 0)
            return f"{m // 60:02d}:{m % 60:02d}"

        texts = {
            "no_name": self.tr("A coupon type needs a name."),
            "bad_kind": self.tr("“%1” is not a kind of coupon.").replace("%1", str(v.get("kind"))),
            "bad_value": self.tr("A coupon's value must be more than zero."),
            "bad_percent": self.tr("A percentage is at most 100."),
            "bad_amount": self.tr("Check the amounts: at most ¥100,000, and not below zero."),
            "bad_validity": self.tr("A coupon is valid for at least a day; fixed dates need a "
                                    "first and a last day, in that order."),
            "bad_weekdays": self.tr("Choose the days of the week it applies."),
            "bad_hours": self.tr("The hours run from one time to a later one on the same day."),
            "bad_max_held": self.tr("A member may hold at least one."),
            "bad_event": self.tr("“%1” is not an event a coupon can come on.").replace(
                "%1", str(v.get("event", ""))),
            "duplicate_name": self.tr("There is a coupon type called “%1” already.").replace(
                "%1", name),
            "no_type": self.tr("That coupon type does not exist or is switched off."),
            "type_over": self.tr("%1 was valid until %2: change its dates first.").replace(
                "%1", name).replace("%2", str(v.get("day", ""))),
            "holds_enough": self.tr("The member holds %1 unused “%2” already.").replace(
                "%1", str(v.get("held", ""))).replace("%2", name),
            "no_member": self.tr("The member no longer exists."),
            "no_coupon": self.tr("No coupon has the code %1.").replace("%1", coupon),
            "bad_code": self.tr("%1 is not a coupon code: its check digit is wrong. A misread? "
                                "Scan again.").replace("%1", coupon),
            "not_theirs": self.tr("Coupon %1 belongs to another member.").replace("%1", coupon),
            "used": self.tr("Coupon %1 was used on %2.").replace("%1", coupon).replace(
                "%2", str(v.get("day", ""))),
            "expired": self.tr("Coupon %1 expired on %2.").replace("%1", coupon).replace(
                "%2", str(v.get("day", ""))),
            "not_yet": self.tr("Coupon %1 can be used from %2.").replace("%1", coupon).replace(
                "%2", str(v.get("day", ""))),
            "under_min_spend": self.tr("%1 needs a bill of at least ¥%2.").replace(
                "%1", name).replace("%2", f"{int(v.get('min', 0)) / 100:.2f}"),
            "wrong_day": self.tr("%1 is only for %2.").replace("%1", name).replace("%2", days),
            # draws
            "empty_pool": self.tr("Nobody to draw from: the list is empty."),
            "too_many": self.tr("%1 winners from %2 people: ask for fewer.").replace(
                "%1", str(v.get("winners", ""))).replace("%2", str(v.get("pool", ""))),
            "bad_prize": self.tr("A prize of points is more than zero."),
            "bad_board": self.tr("“%1” is not a leaderboard.").replace("%1", str(v.get("by"))),
            "bad_month": self.tr("“%1” is not a month like 2026-11.").replace(
                "%1", str(v.get("month", ""))),
            "no_draw": self.tr("The draw no longer exists."),
            "already_paid": self.tr("This draw's prizes were paid already."),
            "wrong_hour": self.tr("%1 is only from %2 to %3.").replace("%1", name).replace(
                "%2", hm(v.get("start"))).replace("%3", hm(v.get("end"))),
        }  # fmt: skip
        return texts.get(exc.code)
