"""Coupons on paper, on the member cards' layouts (sqdesk.printing.cards.CardSheet): the
shop, what the coupon gives, whose it is, its dates, and its code in text and as a QR that
the counter scans into Record Visit (the code only: no name, no mobile).

`CouponTerms` words what a coupon gives in a few characters, in the interface's language
(满¥50 减¥10, 8折, 周三 in Chinese; ¥10 off over ¥50, 20% off, Wed in English), the same on
screen (the Coupons tab, Give a Coupon) and on paper.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, QObject, Qt

from sqdesk.core import qr
from sqdesk.core.cards import CouponCard, Shop
from sqdesk.printing.cards import CARD_H, CARD_W, GREY, MONO, RECEIPT_QR, CardSheet, spaced
from sqdesk.printing.page import Page

ACCENT = "#b3261e"  # what the coupon gives, in the red of a 红包


def weekday(day: int) -> str:
    """A day of the week (0 Monday) as the interface's language shortens it: 周一, Mon."""
    return QLocale().dayName(day + 1, QLocale.FormatType.ShortFormat)


class CouponTerms(QObject):
    def free_item(self, yuan: str) -> str:
        return self.tr("free item ≤ ¥%1").replace("%1", yuan)

    def second_item(self, percent: int) -> str:
        return self.tr("2nd item −%1%").replace("%1", str(percent))

    def terms(self, kind: str, value: int, min_spend_cents: int = 0, weekdays: str = "") -> str:
        """What it gives (满¥50 减¥10, 8折, ¥9.90 …) and the days it applies."""
        if kind == "amount_off":
            head = self.tr("¥%1 off").replace("%1", f"{value / 100:g}")
        elif kind == "percent_off":
            # %1 the percentage off (20% off); %2 the share paid in tenths, as Chinese says
            # it (8折): a translation uses the one its language counts in.
            head = self.tr("%1% off").replace("%1", f"{value:g}").replace(
                "%2", f"{(100 - value) / 10:g}")
        elif kind == "fixed_price":
            head = f"¥{value / 100:.2f}"
        elif kind == "free_item":
            head = self.free_item(f"{value / 100:g}")
        else:
            head = self.second_item(value)
        if min_spend_cents:
            head = self.tr("%2 over ¥%1").replace("%1", f"{min_spend_cents / 100:g}").replace(
                "%2", head)
        if weekdays:
            head += " · " + self.days(weekdays)
        return head

    def days(self, weekdays: str) -> str:
        """The days of the week a coupon applies ("2" is Wednesday): 周三、周五, Wed, Fri."""
        return self.tr(", ").join(weekday(int(d)) for d in weekdays if d.isdigit())

    def holder(self, name: str) -> str:
        return self.tr("For %1 only").replace("%1", name)

    def valid(self, first: date, last: date) -> str:
        return (self.tr("Valid %1 to %2").replace("%1", first.isoformat())
                .replace("%2", last.isoformat()))  # fmt: skip


class CouponDocument(CardSheet):
    def __init__(self, coupons: list[CouponCard], shop: Shop, layout: str,
                 words: CouponTerms | None = None) -> None:  # fmt: skip
        self.shop = shop
        self.words = words or CouponTerms()
        super().__init__(coupons, layout)

    def _terms(self, c: CouponCard) -> str:
        return self.words.terms(c.kind, c.value, c.min_spend_cents, c.weekdays)

    def paint_card(self, page: Page, x: float, y: float, item: CouponCard) -> None:
        qr_size = 30.0
        qr_x, qr_y = x + CARD_W - qr_size - 3, y + (CARD_H - qr_size) / 2
        w = qr_x - (x + 5) - 2
        page.text(x + 5, y + 4.5, w, 7, self.shop.name, page.font(9, bold=True))
        page.text(x + 5, y + 12, w, 9, item.title, page.font(13, bold=True))
        page.text(x + 5, y + 21.5, w, 7, self._terms(item), page.font(11, bold=True),
                  colour=ACCENT)  # fmt: skip
        page.text(x + 5, y + 30, w, 5, self.words.holder(item.holder), page.font(8),
                  colour=GREY)  # fmt: skip
        page.text(x + 5, y + 35, w, 5, self.words.valid(item.valid_from, item.expires_on),
                  page.font(7.5), colour=GREY)  # fmt: skip
        page.text(x + 5, y + 42, w, 7, spaced(item.code), page.font(11, family=MONO))
        page.qr(qr_x, qr_y, qr_size, qr.matrix(item.code))

    def paint_receipt(self, page: Page, left: float, width: float, item: CouponCard) -> None:
        centre = Qt.AlignmentFlag.AlignHCenter
        y = 4.0
        page.text(left, y, width, 7, self.shop.name, page.font(9, bold=True), centre)
        y += 7
        page.text(left, y, width, 9, item.title, page.font(13, bold=True), centre)
        y += 9
        page.text(left, y, width, 7, self._terms(item), page.font(11, bold=True), centre)
        y += 7
        page.text(left, y, width, 6, self.words.holder(item.holder), page.font(8), centre,
                  colour=GREY)  # fmt: skip
        y += 6
        size = RECEIPT_QR[width]
        page.qr(left + (width - size) / 2, y, size, qr.matrix(item.code))
        y += size
        page.text(left, y, width, 7, spaced(item.code), page.font(11, family=MONO), centre)
        y += 7
        page.text(left, y, width, 6, self.words.valid(item.valid_from, item.expires_on),
                  page.font(7.5), centre, colour=GREY)  # fmt: skip

    def receipt_height(self, printable: float) -> float:
        return 4 + 7 + 9 + 7 + 6 + RECEIPT_QR[printable] + 7 + 6 + 6
