"""Points in the user's words: awards, entry kinds and refusals, through tr()."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject

from sqdesk.core.ledger import PointsError, VisitResult
from sqdesk.core.points_rules import Award


class PointsWords(QObject):
    def award(self, a: Award) -> str:
        v = a.values
        if a.rule == "base":
            return self.tr("¥%1 × %2 per yuan").replace("%1", str(v["yuan"])).replace(
                "%2", str(v["rate"]))  # fmt: skip
        if a.rule == "member_day":
            return self.tr("member day (the %1th) ×%2").replace("%1", str(v["day"])).replace(
                "%2", str(v["multiplier"]))  # fmt: skip
        if a.rule == "birthday_month":
            return self.tr("birthday month ×%1").replace("%1", str(v["multiplier"]))
        if a.rule == "first_visit":
            return self.tr("first visit bonus")
        if a.rule == "referral":
            return self.tr("for bringing %1").replace("%1", str(v.get("name", "")))
        return a.english

    def entry_reason(self, kind: str, reason: str, source_key: str | None) -> str:
        """What an entry was for, in the user's language. Rules the app applied are worded
        here; reasons a person typed (adjustments, reversals) are shown as typed."""
        key = source_key or ""
        rule = key.rsplit(":", 1)[-1] if key.startswith("visit:") else ""
        texts = {
            "base": self.tr("points for spending"),
            "member_day": self.tr("member day bonus"),
            "birthday_month": self.tr("birthday month bonus"),
            "first_visit": self.tr("first visit bonus"),
        }
        if rule in texts:
            return texts[rule]
        if key.startswith("referral:"):
            return self.tr("referral bonus")
        if key.startswith("opening:"):
            return self.tr("opening balance")
        if kind == "redeem" and reason.startswith("redeemed "):
            return self.tr("redeemed %1").replace("%1", reason.removeprefix("redeemed "))
        if kind == "expire":
            return self.tr("points expired")
        return reason

    def channel(self, key: str) -> str:
        """Where a visit happened: stored as the shop's Chinese key (门店, as imports and the
        CLI write it), shown in the interface's language; a channel of the shop's own as is."""
        return {"门店": self.tr("In store"), "小程序": self.tr("Mini program"),
                "外卖": self.tr("Delivery")}.get(key, key)  # fmt: skip

    def kind(self, kind: str) -> str:
        return {
            "earn": self.tr("earned"),
            "redeem": self.tr("redeemed"),
            "adjust": self.tr("adjusted"),
            "expire": self.tr("expired"),
            "reverse": self.tr("reversed"),
        }.get(kind, kind)

    def refusal(self, exc: PointsError) -> str | None:
        v = exc.values
        texts = {
            "insufficient": self.tr("Not enough points: the member has %1.").replace(
                "%1", str(v.get("balance", 0))),
            "no_stock": self.tr("%1 is out of stock. Add stock in the catalog first.").replace(
                "%1", str(v.get("reward", ""))),
            "reward_inactive": self.tr("%1 cannot be redeemed today.").replace(
                "%1", str(v.get("reward", ""))),
            "already_reversed": self.tr("This was already reversed."),
            "reverse_reversal": self.tr("A reversal cannot be reversed; "
                                        "adjust the points instead."),
            "reverse_expiry": self.tr("Expired points cannot be reversed; give them back with an "
                                      "adjustment."),
            "reason_required": self.tr("Say why: a reason is required."),
            "bad_amount": self.tr("Check the amount."),
            "no_member": self.tr("The member no longer exists."),
            "bad_award_kinds": self.tr("Each quick award needs its own name."),
            "bad_award_points": self.tr("A quick award is 1 to 100,000 points."),
            "no_award_kind": self.tr("There is no quick award called “%1”.").replace(
                "%1", str(v.get("name", ""))),
            "zero": self.tr("An adjustment of 0 points changes nothing."),
            "already_paid": self.tr("These points were already paid."),
            "bad_rules": self.tr("Check the rules: a value is out of range."),
            "no_visit": self.tr("The visit no longer exists."),
            "no_entry": self.tr("The entry no longer exists."),
            "no_reward": self.tr("The reward is no longer in the catalog."),
            "reward_no_name": self.tr("A reward needs a name."),
            "reward_cost": self.tr("A reward costs at least 1 point."),
            "reward_stock": self.tr("Stock cannot be negative."),
            "reward_dates": self.tr("The reward ends before it starts."),
            "reward_exists": self.tr("A reward named %1 exists already.").replace(
                "%1", str(v.get("name", ""))),
            "level_no_name": self.tr("A level needs a name."),
            "level_threshold": self.tr("A threshold cannot be negative."),
            "level_exists": self.tr("Another level has this name or threshold."),
            "amount_missing": self.tr("Type the amount in yuan, like 38.5."),
            "amount_not_number": self.tr("Type the amount in yuan, like 38.5."),
            "amount_not_positive": self.tr("The amount must be more than 0."),
            "amount_decimals": self.tr("At most two decimals (fen): check the amount."),
            "amount_too_big": self.tr("More than ¥100,000 in one visit: check the amount."),
            "visit_in_future": self.tr("%1 is in the future.").replace("%1", str(v.get("at"))),
            "visit_before_joining": self.tr("The member joined on %1, after that day. Correct the "
                                            "join date in the profile first.").replace(
                "%1", str(v.get("joined"))),
        }  # fmt: skip
        return texts.get(exc.code)

    def visit_html(self, result: VisitResult, name: str) -> str:
        """The confirmation the counter reads at a glance: who, how many points, the new
        balance; then how the points were made up."""
        text = (self.tr("<b>%1 +%2 points, balance %3</b>")
                .replace("%1", html.escape(name)).replace("%2", str(result.points))
                .replace("%3", f"{result.balance:,}"))  # fmt: skip
        parts = [f"+{a.points} {html.escape(self.award(a))}" for a in result.awards]
        if parts:
            text += "<br>" + "; ".join(parts)
        if result.referral:
            text += "<br>" + self.tr("The referrer gets %1 points.").replace(
                "%1", str(result.referral.points))  # fmt: skip
        return f"<span style='color:#1f6b4a'>{text}</span>"

    def error_html(self, text: str) -> str:
        return f"<span style='color:#b3261e'>{html.escape(text)}</span>"
