"""Handing out a coupon: to one member (the profile), or to the selection or everyone in
view (a segment) at once, one transaction; who holds as many of that type as they may is
skipped and counted. "Print them" opens the coupons just handed out for printing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import coupons
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.coupons.print_dialog import CouponPrintDialog
from sqdesk.ui.coupons.types_tab import describe
from sqdesk.ui.coupons.words import CouponWords
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import toast


class GiveCouponDialog(QDialog):
    def __init__(self, store: Store, member_ids: list[int], about: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("giveCoupon")
        self.setWindowTitle(self.tr("Give a Coupon"))
        self.store, self.member_ids = store, list(member_ids)
        self.words = CouponWords(self)
        self.type_box = QComboBox(self)
        self.type_box.setObjectName("giveCouponType")
        for t in coupons.types(store):
            self.type_box.addItem(f"{t.name} · {describe(t)}", t.id)
        self._about = about
        self.about = QLabel(self.tr("%n member(s): %1", "", len(self.member_ids))
                            .replace("%1", about), self)  # fmt: skip
        self.about.setWordWrap(True)
        self.print_them = QCheckBox(self.tr("Print them afterwards (with their QR)"), self)
        self.print_them.setObjectName("givePrint")
        self.problem = QLabel(self)
        self.problem.setObjectName("problemText")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.give)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Coupon"), self.type_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(form)
        layout.addWidget(self.print_them)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        ok = bool(self.member_ids) and self.type_box.count() > 0 and not store.read_only
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def give(self) -> coupons.IssueReport | None:
        try:
            report = coupons.issue_many(self.store, self.member_ids, self.type_box.currentData())
        except coupons.CouponError as exc:
            self.problem.setText(f"<span style='color:#b3261e'>{refusal_text(exc)}</span>")
            return None
        announce(Area.POINTS, Area.MEMBERS)
        text = self.tr("%n coupon(s) handed out.", "", report.issued)
        if report.skipped:
            text += " " + self.tr("%n member(s) hold as many as they may already.", "",
                                  report.skipped)  # fmt: skip
        toast(self.parentWidget() or self, text)
        self.accept()
        if self.print_them.isChecked() and report.ids and self.parentWidget() is not None:
            self.printing = CouponPrintDialog(self.store, list(report.ids), self._about,
                                              self.parentWidget())  # fmt: skip
            self.printing.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.printing.open()
        return report
