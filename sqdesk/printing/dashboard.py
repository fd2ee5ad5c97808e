"""The dashboard on A4 (landscape) for the owner: the title and scope, the headline
figures in a grid, then the panels two to a row, each drawn by the same sqdesk.printing
.charts painting as on screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from sqdesk.printing.page import Document, Page

A4_LONG, A4_SHORT = 297.0, 210.0
MARGIN = 12.0
Draw = Callable[[QPainter, QRectF, float], None]
PANELS_PER_PAGE = 4


class BoardDocument(Document):
    width_mm, height_mm = A4_LONG, A4_SHORT

    def __init__(self, title: str, scope: str, headline: Sequence[tuple[str, str, str, str]],
                 panels: Sequence[tuple[str, Draw]]) -> None:  # fmt: skip
        self.title, self.scope = title, scope
        self.headline, self.panels = list(headline), list(panels)

    def page_count(self) -> int:
        # The first page: the figures and two panels; then four panels a page.
        rest = max(0, len(self.panels) - 2)
        return 1 + -(-rest // PANELS_PER_PAGE)

    def paint(self, page: Page, index: int) -> None:
        w = self.width_mm - 2 * MARGIN
        if index == 0:
            page.text(MARGIN, MARGIN, w, 9, self.title, page.font(15, bold=True))
            page.text(MARGIN, MARGIN + 9, w, 6, self.scope, page.font(9), colour="#6b6b6b")
            y = self._figures(page, MARGIN + 18)
            self._panels(page, self.panels[:2], y + 4, 1)
        else:
            start = 2 + (index - 1) * PANELS_PER_PAGE
            self._panels(page, self.panels[start : start + PANELS_PER_PAGE], MARGIN, 2)

    def _figures(self, page: Page, top: float) -> float:
        per_row, cell_h = 6, 16.0
        cell_w = (self.width_mm - 2 * MARGIN) / per_row
        p = page.painter
        for i, (_key, name, value, change) in enumerate(self.headline):
            x = MARGIN + cell_w * (i % per_row)
            y = top + cell_h * (i // per_row)
            p.fillRect(page.rect(x + 0.5, y + 0.5, cell_w - 1, cell_h - 1), QColor("#f4f6f1"))
            page.text(x + 2, y + 1, cell_w - 4, 4.5, name, page.font(7), colour="#5d6359")
            page.text(x + 2, y + 5.5, cell_w - 4, 6.5, value, page.font(12, bold=True))
            colour = "#2e7d5b" if change.startswith("▲") else "#b3261e"
            page.text(x + 2, y + 11.5, cell_w - 4, 4, change, page.font(6.5), colour=colour)
        rows = -(-len(self.headline) // per_row)
        return top + rows * cell_h

    def _panels(self, page: Page, panels, top: float, rows: int) -> None:
        gap = 6.0
        w = (self.width_mm - 2 * MARGIN - gap) / 2
        h = (self.height_mm - MARGIN - top - gap * (rows - 1)) / rows
        px = page.dpi / 96  # one screen pixel on this page
        for i, (title, draw) in enumerate(panels):
            x = MARGIN + (w + gap) * (i % 2)
            y = top + (h + gap) * (i // 2)
            page.text(x, y, w, 6, title, page.font(9, bold=True),
                      Qt.AlignmentFlag.AlignLeft)  # fmt: skip
            draw(page.painter, page.rect(x, y + 7, w, h - 8), px)
