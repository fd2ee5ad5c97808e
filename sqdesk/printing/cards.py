"""Cards on paper: one CR80 card (85.6 × 54 mm), an A4 sheet of ten with crop marks, or
receipt paper 58 mm and 80 mm wide (48 and 72 mm printable), one card after another.

`CardSheet` places cards on these layouts; each kind of card paints its own face: a member
card here (its QR holds the member code only), a coupon in sqdesk.printing.coupons. A QR is
at least 15 mm (quiet zone included), so a phone reads it from 30 cm.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence

from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QColor, QImage, QPen

from sqdesk.core import qr
from sqdesk.core.cards import Card, Shop, check_layout
from sqdesk.printing.page import Document, Page

CARD_W, CARD_H = 85.6, 54.0
A4_W, A4_H = 210.0, 297.0
PER_SHEET = 10  # 2 × 5, edge to edge: one cut between neighbours
SHEET_X = (A4_W - 2 * CARD_W) / 2
SHEET_Y = (A4_H - 5 * CARD_H) / 2
CROP = 4.0  # length of a crop mark in the margin (mm)
# Receipt paper: its width and what the printer can reach of it.
THERMAL = {"thermal-58": (58.0, 48.0), "thermal-80": (80.0, 72.0)}
GREY = "#6b6b6b"
MONO = "DejaVu Sans Mono"  # the code's digits line up; Qt falls back to a fixed font elsewhere


class CardSheet(Document):
    """Cards laid out on one of cards.LAYOUTS: ten to an A4 sheet, one per CR80 card, or one
    after another on receipt paper."""

    def __init__(self, items: Sequence, layout: str) -> None:
        self.cards, self.layout = list(items), check_layout(layout)
        if layout == "a4-10":
            self.width_mm, self.height_mm = A4_W, A4_H
        elif layout == "cr80":
            self.width_mm, self.height_mm = CARD_W, CARD_H
        else:
            paper, printable = THERMAL[layout]
            self.width_mm, self.height_mm = paper, self.receipt_height(printable)

    @abstractmethod
    def paint_card(self, page: Page, x: float, y: float, item) -> None:
        """One CR80 card with its top-left corner at (x, y) mm."""

    @abstractmethod
    def paint_receipt(self, page: Page, left: float, width: float, item) -> None:
        """One card on receipt paper, everything inside the printable `width` (mm)."""

    @abstractmethod
    def receipt_height(self, printable: float) -> float:
        """How long a card is on receipt paper of this printable width (mm)."""

    def page_count(self) -> int:
        if self.layout == "a4-10":
            return max(1, -(-len(self.cards) // PER_SHEET))
        return max(1, len(self.cards))

    def paint(self, page: Page, index: int) -> None:
        if not self.cards:
            return
        if self.layout == "a4-10":
            chunk = self.cards[index * PER_SHEET : (index + 1) * PER_SHEET]
            crop_marks(page)
            for i, card in enumerate(chunk):
                col, row = i % 2, i // 2
                self.paint_card(page, SHEET_X + col * CARD_W, SHEET_Y + row * CARD_H, card)
        elif self.layout == "cr80":
            self.paint_card(page, 0, 0, self.cards[index])
        else:
            paper, printable = THERMAL[self.layout]
            self.paint_receipt(page, (paper - printable) / 2, printable, self.cards[index])


class CardDocument(CardSheet):
    """Member cards."""

    def __init__(self, cards: list[Card], shop: Shop, layout: str) -> None:
        self.shop = shop
        self.logo = QImage.fromData(shop.logo) if shop.logo else None
        super().__init__(cards, layout)

    def paint_card(self, page: Page, x: float, y: float, item: Card) -> None:
        paint_card(page, x, y, item, self.shop, self.logo, border=False)

    def paint_receipt(self, page: Page, left: float, width: float, item: Card) -> None:
        paint_receipt_card(page, left, width, item, self.shop)

    def receipt_height(self, printable: float) -> float:
        return thermal_height(printable)


def crop_marks(page: Page) -> None:
    """Short lines in the sheet's margins where each cut goes (never over a card)."""
    p = page.painter
    p.setPen(QPen(QColor("black"), page.mm(0.15)))
    xs = [SHEET_X + i * CARD_W for i in range(3)]
    ys = [SHEET_Y + i * CARD_H for i in range(6)]
    for x in xs:
        p.drawLine(QLineF(page.mm(x), page.mm(SHEET_Y - CROP - 1), page.mm(x),
                          page.mm(SHEET_Y - 1)))  # fmt: skip
        p.drawLine(QLineF(page.mm(x), page.mm(ys[-1] + 1), page.mm(x),
                          page.mm(ys[-1] + 1 + CROP)))  # fmt: skip
    for y in ys:
        p.drawLine(QLineF(page.mm(SHEET_X - CROP - 1), page.mm(y), page.mm(SHEET_X - 1),
                          page.mm(y)))  # fmt: skip
        p.drawLine(QLineF(page.mm(xs[-1] + 1), page.mm(y), page.mm(xs[-1] + 1 + CROP),
                          page.mm(y)))  # fmt: skip


def paint_card(page: Page, x: float, y: float, card: Card, shop: Shop, logo: QImage | None,
               *, border: bool) -> None:  # fmt: skip
    """One CR80 card with its top-left corner at (x, y) mm."""
    p = page.painter
    if border:
        p.setPen(QPen(QColor("#c8c8c8"), page.mm(0.2)))
        p.drawRoundedRect(page.rect(x, y, CARD_W, CARD_H), page.mm(3), page.mm(3))
    left = x + 5
    if logo is not None and not logo.isNull():
        p.drawImage(page.rect(left, y + 4.5, 9, 9), logo)
        left += 11
    qr_size = 30.0
    qr_x, qr_y = x + CARD_W - qr_size - 3, y + (CARD_H - qr_size) / 2 - 2
    text_w = qr_x - (x + 5) - 2
    page.text(left, y + 4.5, qr_x - left - 2, 9, shop.name, page.font(9, bold=True))
    page.text(x + 5, y + 17, text_w, 10, card.name, page.font(15, bold=True))
    if card.level:
        page.text(x + 5, y + 27, text_w, 6, card.level, page.font(8.5), colour=GREY)
    page.text(x + 5, y + 34, text_w, 7, spaced(card.code), page.font(11, family=MONO))
    page.qr(qr_x, qr_y + 2, qr_size, qr.matrix(card.code))
    if shop.slogan:
        page.text(x + 5, y + CARD_H - 9, CARD_W - 10, 6, shop.slogan, page.font(7.5), colour=GREY)


RECEIPT_QR = {48.0: 30.0, 72.0: 40.0}


def thermal_height(printable: float) -> float:
    return 4 + 7 + 9 + 6 + RECEIPT_QR[printable] + 7 + 7 + 6


def paint_receipt_card(page: Page, left: float, width: float, card: Card, shop: Shop) -> None:
    """A card printed on receipt paper, everything inside the printable `width` (mm)."""
    centre = Qt.AlignmentFlag.AlignHCenter
    y = 4.0
    page.text(left, y, width, 7, shop.name, page.font(9, bold=True), centre)
    y += 7
    page.text(left, y, width, 9, card.name, page.font(14, bold=True), centre)
    y += 9
    page.text(left, y, width, 6, card.level, page.font(8), centre, colour=GREY)
    y += 6
    size = RECEIPT_QR[width]
    page.qr(left + (width - size) / 2, y, size, qr.matrix(card.code))
    y += size
    page.text(left, y, width, 7, spaced(card.code), page.font(11, family=MONO), centre)
    y += 7
    if shop.slogan:
        page.text(left, y, width, 7, shop.slogan, page.font(7.5), centre, colour=GREY)


def spaced(code: str) -> str:
    """A code as people read it out: a member's in groups of three and four (100 0028), a
    coupon's nine digits in threes (100 000 123)."""
    if len(code) == 9:
        return f"{code[:3]} {code[3:6]} {code[6:]}"
    return f"{code[:3]} {code[3:]}" if len(code) > 4 else code
