"""The profile's Coupons tab: the member's coupons (valid ones first, soonest to expire
first), Give a Coupon…, and Print… for the chosen ones (or all the valid ones) with their
QR, to hand over at the counter or send as a picture."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import coupons
from sqdesk.core.store import Store
from sqdesk.printing.coupons import CouponTerms
from sqdesk.ui.changes import Area, follow
from sqdesk.ui.coupons.give_dialog import GiveCouponDialog
from sqdesk.ui.coupons.print_dialog import CouponPrintDialog
from sqdesk.ui.widgets import make_table, toast


class MemberCouponsPanel(QWidget):
    def __init__(self, store: Store, member_id: int, about: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.store, self.member_id, self.about = store, member_id, about
        self.terms = CouponTerms(self)
        self.shown: list[coupons.CouponInfo] = []
        self.table = make_table(self, [self.tr("Code"), self.tr("Coupon"),
                                       self.tr("What it gives"), self.tr("Valid"),
                                       self.tr("State")], 1)  # fmt: skip
        self.table.setObjectName("memberCoupons")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.empty = QLabel(self.tr("No coupons yet."), self)
        self.give_button = QPushButton(self.tr("Give a Coupon…"), self)
        self.give_button.clicked.connect(self.give)
        self.give_button.setEnabled(not store.read_only)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setToolTip(self.tr("The chosen coupons, or all the valid ones, with "
                                             "their QR (Ctrl+P)"))  # fmt: skip
        self.print_button.clicked.connect(self.print_)
        QShortcut(QKeySequence.StandardKey.Print, self.table, activated=self.print_,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        buttons = QHBoxLayout()
        buttons.addWidget(self.give_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        follow(self, {Area.POINTS, Area.MEMBERS}, self.refresh, fill_when_shown=True)

    def _state(self, c: coupons.CouponInfo, today: date) -> str:
        status = c.status(today)
        if status == "valid" and c.valid_from > today:
            return self.tr("From %1").replace("%1", c.valid_from.isoformat())
        return {"valid": self.tr("Valid", "a coupon's state"), "used": self.tr("Used"),
                "expired": self.tr("Expired")}[status]  # fmt: skip

    def refresh(self) -> None:
        today = date.today()
        self.shown = coupons.for_member(self.store, self.member_id, today=today)
        self.empty.setVisible(not self.shown)
        self.table.setRowCount(len(self.shown))
        grey = QBrush(QColor("#9a9d94"))
        for r, c in enumerate(self.shown):
            cells = (c.code, c.type_name, self.terms.terms(c.kind, c.value, c.min_spend_cents),
                     f"{c.valid_from.isoformat()} – {c.expires_on.isoformat()}",
                     self._state(c, today))  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c.status(today) != "valid":
                    item.setForeground(grey)
                self.table.setItem(r, col, item)
        for col in (0, 2, 3, 4):  # the coupon's name takes what is left
            self.table.resizeColumnToContents(col)
        self.print_button.setEnabled(bool(self.chosen()))

    def chosen(self) -> list[coupons.CouponInfo]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        picked = [self.shown[r] for r in rows if r < len(self.shown)]
        return picked or [c for c in self.shown if c.status() == "valid"]

    def give(self) -> GiveCouponDialog:
        dialog = GiveCouponDialog(self.store, [self.member_id], self.about, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_(self) -> CouponPrintDialog | None:
        picked = self.chosen()
        if not picked:
            return None
        dialog = CouponPrintDialog(self.store, [c.id for c in picked], self.about, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _menu(self, pos) -> None:
        row = self.table.rowAt(pos.y())
        if row < 0 or row >= len(self.shown):
            return
        code = self.shown[row].code
        menu = QMenu(self)
        menu.addAction(self.tr("Print…"), self.print_)
        menu.addAction(self.tr("Copy Code"), lambda: self.copy_code(code))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def copy_code(self, code: str) -> None:
        QGuiApplication.clipboard().setText(code)
        toast(self, self.tr("Copied %1.").replace("%1", code))
