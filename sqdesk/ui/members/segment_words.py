"""Built-in segment names in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QObject

from sqdesk.core.errors import CodedError


def yuan(cents: int) -> str:
    """¥1,280 or ¥12.50: whole yuan without the zeros."""
    return f"¥{cents / 100:,.2f}".removesuffix(".00")


class SegmentWords(QObject):
    def refusal(self, exc: CodedError) -> str | None:
        return {
            "no_name": self.tr("A segment needs a name."),
            "exists": self.tr("A segment named %1 exists already.").replace(
                "%1", str(exc.values.get("name"))),
            "builtin": self.tr("%1 is the name of a built-in segment: choose another.").replace(
                "%1", str(exc.values.get("name"))),
            "negative_threshold": self.tr("Thresholds cannot be negative."),
            "bad_filter": self.tr("This filter cannot be understood. Build it again in the "
                                  "filter."),
        }.get(exc.code)  # fmt: skip

    def why(self, segment: str, values: dict) -> str:
        """The facts that put a member in a segment, for the profile."""
        if segment in ("dormant", "lapsed"):
            if values.get("last_visit") is None:
                return self.tr("no visit since joining on %1").replace(
                    "%1", str(values.get("joined")))  # fmt: skip
            return self.tr("last visit %1, %2 days ago").replace(
                "%1", str(values["last_visit"])).replace("%2", str(values["days"]))  # fmt: skip
        if segment == "new":
            return self.tr("joined %1").replace("%1", str(values.get("joined")))
        if segment == "active_potential":
            return self.tr("%n visit(s) in the last 30 days", "", values["visits_30"])
        if segment == "core_loyal":
            spent = self.tr("spent %1 in 12 months").replace("%1", yuan(values["spend_365"]))
            return self.tr("%n visit(s) in 90 days", "", values["visits_90"]) + ", " + spent
        if segment == "high_value":
            return self.tr("spent %1 in 12 months").replace("%1", yuan(values["spend_365"]))
        if segment == "potential":
            text = self.tr("spent %1 in the last 3 months, %2 in the 3 before")
            return text.replace("%1", yuan(values["spend_90"])).replace(
                "%2", yuan(values["spend_prev_90"]))  # fmt: skip
        if segment == "vip_eligible":
            visits = max(values["visits_this_month"], values["visits_last_month"])
            if visits >= values["vip_visits_month"]:
                which = (self.tr("this month") if values["visits_this_month"] >= visits
                         else self.tr("last month"))  # fmt: skip
                return self.tr("%n visit(s) %1", "", visits).replace("%1", which)
            return self.tr("a single purchase of %1 in the last 30 days").replace(
                "%1", yuan(values["max_purchase_30"]))  # fmt: skip
        return ""

    def name(self, key: str) -> str:
        return {
            "new": self.tr("New (新手)"),
            "new_this_week": self.tr("Joined this week (本周新会员)"),
            "active_potential": self.tr("Active, with potential (活跃潜力)"),
            "core_loyal": self.tr("Core loyal (核心忠诚)"),
            "dormant": self.tr("Dormant (沉睡)"),
            "lapsed": self.tr("Lapsed (衰退)"),
            "high_value": self.tr("High value (高价值)"),
            "potential": self.tr("Rising spend (潜力)"),
            "vip_eligible": self.tr("VIP eligible, in a VIP group or not (符合 VIP 条件)"),
        }.get(key, key)
