"""The shop's privacy notice on A4 (PIPL): what it keeps about members, why, where, for how
long, and how a member sees, corrects or erases it. The words come from the caller, in the
user's language, filled with the shop's name, manager and phone."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF

from sqdesk.printing.page import Document, Page

A4_W, A4_H = 210.0, 297.0
MARGIN = 20.0


class PrivacyNoticeDocument(Document):
    width_mm, height_mm = A4_W, A4_H

    def __init__(self, title: str, sections: Sequence[tuple[str, str]], footer: str) -> None:
        self.title, self.sections, self.footer = title, list(sections), footer

    def page_count(self) -> int:
        return 1

    def paint(self, page: Page, index: int) -> None:
        w = A4_W - 2 * MARGIN
        page.text(MARGIN, MARGIN, w, 12, self.title, page.font(17, bold=True),
                  Qt.AlignmentFlag.AlignHCenter)  # fmt: skip
        y = MARGIN + 18
        p = page.painter
        for heading, body in self.sections:
            page.text(MARGIN, y, w, 7, heading, page.font(11.5, bold=True))
            y += 8
            font = page.font(10)
            p.setFont(font)
            p.setPen(QColor("#1a1a1a"))
            box = page.rect(MARGIN, y, w, A4_H - MARGIN - y)
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
            used = QFontMetricsF(font, p.device()).boundingRect(box, flags, body)
            p.drawText(QRectF(box.left(), box.top(), box.width(), used.height()), flags, body)
            y += used.height() * 25.4 / page.dpi + 5
        page.text(MARGIN, A4_H - MARGIN - 6, w, 6, self.footer, page.font(8.5),
                  colour="#6b6b6b")  # fmt: skip
