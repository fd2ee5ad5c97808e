"""Group entry posters: the shop's QR (its text, read from the picture it gave) redrawn sharp
with a headline and an offer. Layouts: a table tent (A5, folded: the top half printed upside
down so both faces read upright), a cup-sleeve strip, an A4 poster and a receipt footer.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPen

from sqdesk.core import qr
from sqdesk.core.cards import CardError
from sqdesk.printing.page import Document, Page

LAYOUTS = ("table-tent", "sleeve", "a4", "receipt")
SIZES = {"table-tent": (210.0, 148.0), "sleeve": (230.0, 60.0), "a4": (210.0, 297.0),
         "receipt": (80.0, 80.0)}  # fmt: skip
RECEIPT_PRINTABLE = 72.0


@dataclass(frozen=True)
class Poster:
    qr_text: str
    title: str
    text: str
    shop: str = ""


def check_layout(layout: str) -> str:
    if layout not in LAYOUTS:
        raise CardError("bad_layout", f"a poster layout is one of {', '.join(LAYOUTS)}",
                        layout=layout)  # fmt: skip
    return layout


class PosterDocument(Document):
    def __init__(self, poster: Poster, layout: str, copies: int = 1) -> None:
        self.poster, self.layout, self.copies = poster, check_layout(layout), max(1, copies)
        self.width_mm, self.height_mm = SIZES[layout]
        self.matrix = qr.matrix(poster.qr_text)

    def page_count(self) -> int:
        return self.copies

    def paint(self, page: Page, index: int) -> None:
        if self.layout == "table-tent":
            self._tent(page)
        elif self.layout == "sleeve":
            self._sleeve(page)
        elif self.layout == "a4":
            self._a4(page)
        else:
            self._receipt(page)

    def _face(self, page: Page, x: float, y: float, w: float, h: float) -> None:
        """Headline and offer on the left, the QR on the right: one face of a tent."""
        p = self.poster
        size = min(h - 10, 62.0)
        page.qr(x + w - size - 8, y + (h - size) / 2, size, self.matrix)
        text_w = w - size - 24
        page.text(x + 10, y + 10, text_w, 18, p.title, page.font(22, bold=True))
        page.text(x + 10, y + 30, text_w, 12, p.text, page.font(13))
        if p.shop:
            page.text(x + 10, y + h - 16, text_w, 8, p.shop, page.font(9), colour="#6b6b6b")

    def _tent(self, page: Page) -> None:
        w, h = self.width_mm, self.height_mm / 2
        pt = page.painter
        self._face(page, 0, h, w, h)  # the front, upright
        pt.save()  # the back: turned half a turn about the page's centre
        pt.translate(QPointF(page.mm(w), page.mm(h * 2)))
        pt.rotate(180)
        self._face(page, 0, h, w, h)
        pt.restore()
        pt.setPen(QPen(QColor("#9a9a9a"), page.mm(0.2), Qt.PenStyle.DashLine))
        pt.drawLine(QLineF(0, page.mm(h), page.mm(w), page.mm(h)))  # fold here

    def _sleeve(self, page: Page) -> None:
        w, h = self.width_mm, self.height_mm
        p = self.poster
        size = h - 12
        page.qr(w - size - 12, 6, size, self.matrix)
        page.text(12, 8, w - size - 36, 16, p.title, page.font(18, bold=True))
        page.text(12, 28, w - size - 36, 12, p.text, page.font(11))

    def _a4(self, page: Page) -> None:
        w = self.width_mm
        p = self.poster
        centre = Qt.AlignmentFlag.AlignHCenter
        page.text(15, 25, w - 30, 25, p.title, page.font(36, bold=True), centre)
        page.text(15, 55, w - 30, 18, p.text, page.font(18), centre)
        size = 110.0
        page.qr((w - size) / 2, 90, size, self.matrix)
        page.text(15, 210, w - 30, 12, p.shop, page.font(14), centre, colour="#6b6b6b")

    def _receipt(self, page: Page) -> None:
        left = (self.width_mm - RECEIPT_PRINTABLE) / 2
        width = RECEIPT_PRINTABLE
        p = self.poster
        centre = Qt.AlignmentFlag.AlignHCenter
        page.text(left, 4, width, 9, p.title, page.font(13, bold=True), centre)
        page.text(left, 13, width, 8, p.text, page.font(9), centre)
        size = 44.0
        page.qr(left + (width - size) / 2, 23, size, self.matrix)
        page.text(left, 69, width, 6, p.shop, page.font(8), centre, colour="#6b6b6b")
