"""The dashboard in the user's words: each figure's name and its definition (the "?" beside
it, the same definitions as sqdesk.core.metrics), the periods, the layers, the refusals."""

from __future__ import annotations

from PySide6.QtCore import QObject

from sqdesk.core.errors import CodedError


class DashboardWords(QObject):
    def figure(self, key: str) -> str:
        return {
            "members_total": self.tr("Members"),
            "members_new": self.tr("New members"),
            "active_rate": self.tr("Active rate"),
            "visits": self.tr("Visits"),
            "visitors": self.tr("Visitors"),
            "repurchase_rate": self.tr("Repurchase rate"),
            "spend": self.tr("Spend"),
            "avg_spend": self.tr("Spend per visit"),
            "retention_7": self.tr("7-day retention"),
            "retention_30": self.tr("30-day retention"),
            "referrals": self.tr("Referred members"),
            "participation": self.tr("Activity participation"),
            "points_issued": self.tr("Points issued"),
            "points_redeemed": self.tr("Points redeemed"),
            "points_outstanding": self.tr("Points outstanding"),
            "posts_copied": self.tr("Posts copied"),
            "coupon_use_rate": self.tr("Coupon use rate"),
        }.get(key, key)

    def definition(self, key: str) -> str:
        return {
            "members_total": self.tr("Members who had joined by the last day of the period "
                                     "and were not archived by then."),
            "members_new": self.tr("Members who joined within the period (archived since or "
                                   "not)."),
            "active_rate": self.tr("Members with a contact within the period, out of all "
                                   "members. A contact is a visit, taking part in an "
                                   "activity, a note about the member, or a post copied for "
                                   "them one by one."),
            "visits": self.tr("Visits within the period; undone visits are left out."),
            "visitors": self.tr("Members with at least one visit within the period."),
            "repurchase_rate": self.tr("Visitors with two visits or more, out of all "
                                       "visitors."),
            "spend": self.tr("What was paid on the period's visits (after coupons)."),
            "avg_spend": self.tr("Spend divided by visits."),
            "retention_7": self.tr("Of the members who joined within the period, at least 7 "
                                   "days ago: the share with a contact on one of the 7 days "
                                   "after their join day."),
            "retention_30": self.tr("Of the members who joined within the period, at least 30 "
                                    "days ago: the share with a contact on one of the 30 days "
                                    "after their join day."),
            "referrals": self.tr("New members with a referrer, and how many members "
                                 "referred them."),
            "participation": self.tr("For each activity within the period (the daily check-in "
                                     "left out): who took part, out of whom it was for; the "
                                     "mean over the activities."),
            "points_issued": self.tr("Points earned within the period."),
            "points_redeemed": self.tr("Points exchanged for rewards within the period."),
            "points_outstanding": self.tr("The sum of all balances at the end of the period: "
                                          "what the shop still owes in points."),
            "posts_copied": self.tr("Posts copied within the period (with a group or segment "
                                    "chosen: those for its members)."),
            "coupon_use_rate": self.tr("Coupons used, out of those used or expired, for the "
                                       "coupons issued within the period."),
        }.get(key, "")

    def period(self, key: str) -> str:
        return {
            "week": self.tr("This week"),
            "month": self.tr("This month"),
            "30": self.tr("Last 30 days"),
            "90": self.tr("Last 90 days"),
            "365": self.tr("Last 12 months"),
            "custom": self.tr("Custom…"),
        }[key]

    def layer(self, key: str) -> str:
        return {
            "new": self.tr("New"),
            "core": self.tr("Core"),
            "active": self.tr("Active"),
            "occasional": self.tr("Occasional"),
            "dormant": self.tr("Dormant"),
            "lapsed": self.tr("Lapsed"),
        }.get(key, key)

    def column(self, key: str) -> str:
        """The headings of the exported sheets."""
        return {
            "figure": self.tr("Figure"), "now": self.tr("This period"),
            "before": self.tr("Previous period"), "from": self.tr("From"), "to": self.tr("To"),
            "layer": self.tr("Layer"), "members": self.tr("Members"), "level": self.tr("Level"),
            "group": self.tr("Group"),
        }[key]  # fmt: skip

    def points_suffix(self) -> str:
        """After a change in a rate: percentage points."""
        return self.tr("pt")

    def from_none(self) -> str:
        """After ▲ when the previous period had none of it."""
        return self.tr("from none")

    def no_level(self) -> str:
        return self.tr("No level")

    def unfinished(self, weekly: bool) -> str:
        """Above a chart whose last (or first) bucket is not whole."""
        if weekly:
            return self.tr("Dashed: not a whole week")
        return self.tr("Dashed: today is not over yet")

    def group_kind(self, kind: str) -> str:
        return {"vip": self.tr("VIP"), "ordinary": self.tr("Ordinary"),
                "interest": self.tr("Interest")}.get(kind, kind)  # fmt: skip

    def refusal(self, exc: CodedError) -> str | None:
        v = exc.values
        return {
            "bad_period": self.tr("The period ends (%2) before it starts (%1).")
            .replace("%1", str(v.get("first", ""))).replace("%2", str(v.get("last", ""))),
            "unknown_group": self.tr("There is no WeChat group named “%1”.")
            .replace("%1", str(v.get("name", ""))),
            "unknown_segment": self.tr("There is no segment named “%1”.")
            .replace("%1", str(v.get("name", ""))),
        }.get(exc.code)


class YearReportWords(QObject):
    """The yearly report's words (made on the UI thread, read by the worker that paints)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr("%1 in review")
        self.whole_year = self.tr("1 January to 31 December %1")
        self.so_far = self.tr("1 January to %1 (the year so far)")
        self.months = self.tr("Visits (bars) and spend (line), month by month")
        self.month = self.tr("Month %1")
        self.best = self.tr("The best of the year")
        self.best_month = self.tr("Best month: %1 (spend)")
        self.activities = self.tr("Most attended activities")
        self.no_activities = self.tr("No one took part in an activity this year.")
        self.referrers = self.tr("Top referrers")
        self.no_referrers = self.tr("No member was referred this year.")
        self.levels = self.tr("Members who reached a level")
        self.no_levels = self.tr("No one reached a new level this year.")
        self.lapses = self.tr("Why members stopped coming")
        self.no_lapses = self.tr("No note this year says why a member stopped coming.")
        self.not_said = self.tr("Not said")
        self.times = self.tr("%1 times")
        self.people = self.tr("%1 members")
        self.share = self.tr("%1 members (%2)")
