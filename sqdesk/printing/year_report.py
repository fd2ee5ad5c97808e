"""The yearly store report on A4 for the owner (sqdesk.core.year_report): the year in
numbers and its months on the first page; the best of the year and why members lapsed on
the second. The words come in from the caller, in the user's language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from sqdesk.printing import charts
from sqdesk.printing.page import Document, Page

A4_W, A4_H = 210.0, 297.0
MARGIN = 15.0
GREY = "#6b6b6b"


@dataclass(frozen=True)
class Section:
    title: str
    rows: Sequence[tuple[str, str]]  # (what, how many)
    empty: str  # said when there are no rows


class YearReportDocument(Document):
    width_mm, height_mm = A4_W, A4_H

    def __init__(self, title: str, subtitle: str, figures: Sequence[tuple[str, str]],
                 months_title: str, months: Sequence[str], visits: Sequence[int],
                 spend: Sequence[float], sections: Sequence[Section]) -> None:  # fmt: skip
        self.title, self.subtitle, self.figures = title, subtitle, list(figures)
        self.months_title, self.months = months_title, list(months)
        self.visits, self.spend, self.sections = list(visits), list(spend), list(sections)

    def page_count(self) -> int:
        return 2

    def paint(self, page: Page, index: int) -> None:
        w = A4_W - 2 * MARGIN
        if index == 0:
            page.text(MARGIN, MARGIN, w, 11, self.title, page.font(18, bold=True))
            page.text(MARGIN, MARGIN + 11, w, 6, self.subtitle, page.font(9), colour=GREY)
            y = self._figures(page, MARGIN + 22)
            page.text(MARGIN, y + 6, w, 7, self.months_title, page.font(11, bold=True))
            charts.bar_chart(page.painter, page.rect(MARGIN, y + 14, w, 80), self.months,
                             charts.Series("", self.visits, QColor("#9cc5a1")),
                             line=charts.Series("", self.spend, charts.ORANGE),
                             px=page.dpi / 96, line_fmt=lambda v: f"¥{v:,.0f}")  # fmt: skip
            return
        y = MARGIN
        for section in self.sections:
            y = self._section(page, section, y) + 6

    def _figures(self, page: Page, top: float) -> float:
        per_row, cell_h = 3, 13.0
        cell_w = (A4_W - 2 * MARGIN) / per_row
        for i, (name, value) in enumerate(self.figures):
            x = MARGIN + cell_w * (i % per_row)
            y = top + cell_h * (i // per_row)
            page.painter.fillRect(page.rect(x + 0.5, y + 0.5, cell_w - 1, cell_h - 1),
                                  QColor("#f4f6f1"))  # fmt: skip
            page.text(x + 2, y + 1, cell_w - 4, 4.5, name, page.font(7.5), colour="#5d6359")
            page.text(x + 2, y + 5.5, cell_w - 4, 6.5, value, page.font(12, bold=True))
        return top + cell_h * -(-len(self.figures) // per_row)

    def _section(self, page: Page, section: Section, top: float) -> float:
        w = A4_W - 2 * MARGIN
        page.text(MARGIN, top, w, 8, section.title, page.font(12, bold=True))
        y = top + 9
        if not section.rows:
            page.text(MARGIN, y, w, 6, section.empty, page.font(9), colour=GREY)
            return y + 6
        for label, value in section.rows:
            page.text(MARGIN + 2, y, w * 0.7, 6, label, page.font(9.5))
            page.text(MARGIN + w * 0.7, y, w * 0.3 - 2, 6, value, page.font(9.5, bold=True),
                      Qt.AlignmentFlag.AlignRight)  # fmt: skip
            page.painter.fillRect(page.rect(MARGIN, y + 6.2, w, 0.15), QColor("#d9ddd3"))
            y += 7
        return y
