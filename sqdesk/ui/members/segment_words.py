"""Built-in segment names in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QObject


class SegmentWords(QObject):
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
        return ""

    def name(self, key: str) -> str:
        return {
            "new": self.tr("New (新手)"),
            "active_potential": self.tr("Active, with potential (活跃潜力)"),
            "core_loyal": self.tr("Core loyal (核心忠诚)"),
            "dormant": self.tr("Dormant (沉睡)"),
            "lapsed": self.tr("Lapsed (衰退)"),
            "high_value": self.tr("High value (高价值)"),
            "potential": self.tr("Rising spend (潜力)"),
            "vip_eligible": self.tr("VIP eligible (可邀请进 VIP 群)"),
        }.get(key, key)
