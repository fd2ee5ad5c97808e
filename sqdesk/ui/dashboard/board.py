"""What the Dashboard shows, as data and drawings shared by the screen, the PNG, the PDF and
the spreadsheet: the headline figures with their change against the previous period, and
the panels (each a title and a drawing by sqdesk.printing.charts)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from sqdesk.core import metrics_board
from sqdesk.core.metrics import Figures
from sqdesk.printing import charts
from sqdesk.ui.dashboard.words import DashboardWords

Draw = Callable[[QPainter, QRectF, float], None]
HEADLINE = ("members_total", "members_new", "active_rate", "visits", "visitors",
            "repurchase_rate", "spend", "avg_spend", "retention_7", "retention_30",
            "referrals", "participation", "points_issued", "points_redeemed",
            "points_outstanding", "posts_copied", "coupon_use_rate")  # fmt: skip
RATES = {"active_rate", "repurchase_rate", "retention_7", "retention_30", "participation",
         "coupon_use_rate"}  # fmt: skip
MONEY = {"spend", "avg_spend"}
GROUP_FIGURES = ("members_total", "active_rate", "visits", "spend", "repurchase_rate",
                 "retention_7", "participation")  # fmt: skip


def value_of(f: Figures, key: str) -> float | None:
    return {
        "members_total": f.members_total, "members_new": f.members_new,
        "active_rate": f.active_rate, "visits": f.visits, "visitors": f.visitors,
        "repurchase_rate": f.repurchase_rate, "spend": f.spend_cents / 100,
        "avg_spend": None if f.avg_spend_per_visit_cents is None
        else f.avg_spend_per_visit_cents / 100,
        "retention_7": f.retention.get(7), "retention_30": f.retention.get(30),
        "referrals": f.referrals.new_with_referrer,
        "participation": f.participation.mean_rate, "points_issued": f.points.issued,
        "points_redeemed": f.points.redeemed, "points_outstanding": f.points.outstanding,
        "posts_copied": f.posts_copied, "coupon_use_rate": f.coupon_use_rate,
    }[key]  # fmt: skip


def show(key: str, value: float | None) -> str:
    if value is None:
        return "—"
    if key in RATES:
        return f"{value:.1%}"
    if key in MONEY:
        return f"¥{value:,.2f}" if key == "avg_spend" else f"¥{value:,.0f}"
    return f"{value:,.0f}"


def change(key: str, now: float | None, before: float | None, pt: str = "pt",
           from_none: str = "from none") -> str:  # fmt: skip
    """▲ / ▼ against the previous period: percentage points (`pt`, in the user's words)
    for rates, percent otherwise; when there was nothing before, ▲ and `from_none` (a
    bare ▲ read as a figure left out)."""
    if now is None or before is None:
        return ""
    if key in RATES:
        diff = (now - before) * 100
        return "" if abs(diff) < 0.05 else f"{'▲' if diff > 0 else '▼'} {abs(diff):.1f} {pt}"
    if before == 0:
        return "" if now == 0 else f"▲ {from_none}"
    pct = (now - before) / before
    return "" if abs(pct) < 0.0005 else f"{'▲' if pct > 0 else '▼'} {abs(pct):.1%}"


@dataclass
class Board:
    """Everything the page has counted so far (parts arrive one by one)."""

    figures: Figures | None = None
    previous: Figures | None = None
    series: list[metrics_board.Bucket] = field(default_factory=list)
    layers: dict[str, int] = field(default_factory=dict)
    levels: list[tuple[str, int]] = field(default_factory=list)
    cohorts: list[metrics_board.Cohort] = field(default_factory=list)
    groups: list[metrics_board.GroupBoard] = field(default_factory=list)
    today: date = field(default_factory=date.today)  # the day the board was counted on

    def headline(self, words: DashboardWords) -> list[tuple[str, str, str, str]]:
        """(key, name, value, change) of each headline figure."""
        if self.figures is None:
            return []
        out = []
        for key in HEADLINE:
            now = value_of(self.figures, key)
            before = value_of(self.previous, key) if self.previous else None
            out.append((key, words.figure(key), show(key, now),
                        change(key, now, before, words.points_suffix(), words.from_none())))
        return out

    def unfinished(self) -> set[int]:
        """The series' buckets that are not a whole day or week: the one still running
        (today, this week) and a week cut by the period's ends. Their counts are low
        because their span is short, and the charts draw them so (dashed, pale)."""
        if not self.series:
            return set()
        weekly = metrics_board.weekly(self.series[0].first, self.series[-1].last)
        return {i for i, b in enumerate(self.series)
                if b.last >= self.today or (weekly and (b.last - b.first).days < 6)}

    def _labels(self) -> list[str]:
        return [f"{b.first:%m-%d}" for b in self.series]  # a day, or a week's first day

    # --- the panels: (title, drawing) --------------------------------------------------------

    def panels(self, words: DashboardWords, titles: dict[str, str]) -> list[tuple[str, Draw]]:
        out: list[tuple[str, Draw]] = []
        labels = self._labels()
        active = charts.Series(titles["active"], [b.active for b in self.series])
        visits = charts.Series(titles["visits"], [b.visits for b in self.series],
                               charts.QColor("#9cc5a1"))  # fmt: skip
        spend = charts.Series(titles["spend"], [b.spend_cents / 100 for b in self.series],
                              charts.ORANGE)  # fmt: skip
        partial = self.unfinished()
        note = words.unfinished(bool(self.series) and metrics_board.weekly(
            self.series[0].first, self.series[-1].last))  # fmt: skip
        out.append((titles["active"], lambda p, r, px: charts.line_chart(
            p, r, labels, [active], px=px, partial=partial, partial_note=note)))
        out.append((titles["visits_spend"], lambda p, r, px: charts.bar_chart(
            p, r, labels, visits, line=spend, px=px, line_fmt=lambda v: f"¥{v:,.0f}",
            partial=partial, partial_note=note)))  # fmt: skip
        layer_parts = [(words.layer(k), v) for k, v in self.layers.items()]
        out.append((titles["layers"], lambda p, r, px: charts.stacked_bar(
            p, r, layer_parts, px=px)))
        level_items = [(name or words.no_level(), n) for name, n in self.levels]
        out.append((titles["levels"], lambda p, r, px: charts.hbars(
            p, r, level_items, px=px)))
        header = [titles["week"], titles["joined"], words.figure("retention_7"),
                  words.figure("retention_30")]  # fmt: skip
        rows = [(f"{c.week:%Y-%m-%d}",
                 [(str(c.joined), None)]
                 + [("—" if c.kept[n] is None else f"{c.kept[n]:.0%}", c.kept[n])
                    for n in (7, 30)]) for c in self.cohorts]  # fmt: skip
        out.append((titles["cohorts"], lambda p, r, px: charts.heat_table(
            p, r, header, rows, px=px)))
        if self.groups:
            out.append((titles["groups"], self._groups_drawing(words)))
        return out

    def _groups_drawing(self, words: DashboardWords) -> Draw:
        """The groups side by side (VIP first): a column per group, rates shaded."""
        header = ["", *(f"{b.figures.scope.name} · {words.group_kind(b.kind)}"
                        for b in self.groups)]  # fmt: skip
        rows = [(words.figure(k),
                 [(show(k, value_of(b.figures, k)),
                   value_of(b.figures, k) if k in RATES else None) for b in self.groups])
                for k in GROUP_FIGURES]  # fmt: skip
        return lambda p, r, px: charts.heat_table(p, r, header, rows, px=px)
