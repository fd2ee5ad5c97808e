"""Printing coupons: the coupons chosen (one from the profile's Coupons tab, or those just
handed out), a layout (the member cards' layouts: an A4 sheet of ten, one card, receipt
paper), then Preview, Print or Save as PDF. Each coupon carries its own code as a QR, which
Record Visit's scan box takes. Many are painted off the UI thread with progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from sqdesk.core import cards
from sqdesk.core.store import Store
from sqdesk.printing.coupons import CouponDocument, CouponTerms
from sqdesk.printing.page import Document, write_pdf
from sqdesk.ui.cards.output import (
    OutputButtons,
    OutputWords,
    open_preview,
    open_print_dialog,
    paint_to,
)
from sqdesk.ui.cards.words import CardWords
from sqdesk.ui.jobs import run_job
from sqdesk.ui.widgets import open_file_dialog, toast

PREVIEW_MAX = 200  # as for cards: enough to judge the layout, quick to open


class CouponPrintDialog(QDialog):
    def __init__(self, store: Store, coupon_ids: list[int], about: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("couponPrint")
        self.setWindowTitle(self.tr("Print Coupons"))
        self.store = store
        self.coupon_ids = list(coupon_ids)
        self.shop = cards.shop(store)
        self.terms = CouponTerms(self)
        words = CardWords(self)
        self.about = QLabel(self.tr("%n coupon(s) for %1.", "", len(self.coupon_ids))
                            .replace("%1", about), self)  # fmt: skip
        self.about.setWordWrap(True)
        self.layout_box = QComboBox(self)
        self.layout_box.setObjectName("couponLayout")
        for key in cards.LAYOUTS:
            self.layout_box.addItem(words.layout(key), key)
        # One coupon goes on receipt paper by default (handed over at the counter).
        self.layout_box.setCurrentIndex(self.layout_box.findData(
            "thermal-58" if len(self.coupon_ids) == 1 else "a4-10"))  # fmt: skip
        self.show_box = QComboBox(self)
        self.show_box.addItem(self.tr("Name"), "name")
        self.show_box.addItem(self.tr("Nickname"), "nickname")
        self.show_box.setCurrentIndex(max(0, self.show_box.findData(self.shop.show)))
        self.output = OutputButtons(self)
        self.output.set_enabled(bool(self.coupon_ids))
        form = QFormLayout()
        form.addRow(self.tr("Layout"), self.layout_box)
        form.addRow(self.tr("On the coupon"), self.show_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(form)
        layout.addWidget(self.output.box)

    def document(self, ids: list[int]) -> CouponDocument:
        made = cards.for_coupons(self.store, ids, show=self.show_box.currentData())
        return CouponDocument(made, self.shop, self.layout_box.currentData(), self.terms)

    def preview(self) -> QPrintPreviewDialog:
        doc = self.document(self.coupon_ids[:PREVIEW_MAX])
        return open_preview(self, doc, self.tr("Preview: Coupons"))

    def ask_print(self) -> QPrintDialog:
        doc = self.document(self.coupon_ids)
        return open_print_dialog(self, doc, lambda printer: self.print_now(printer, doc))

    def print_now(self, printer: QPrinter, doc: Document):
        return run_job(self, self.tr("Printing Coupons"),
                       lambda progress, stop: paint_to(printer, doc, progress, stop),
                       label=self.tr("Printing %n coupon(s)…", "", len(self.coupon_ids)))

    def ask_pdf(self):
        return open_file_dialog(self, self.tr("Save Coupons"), "coupons.pdf",
                                [OutputWords(self).pdf_files()], self.save_pdf,
                                save_suffix=".pdf")  # fmt: skip

    def save_pdf(self, path: Path):
        doc = self.document(self.coupon_ids)
        title = self.tr("Coupons")
        return run_job(self, self.tr("Saving Coupons"),
                       lambda progress, stop: write_pdf(doc, path, title=title,
                                                        progress=progress, should_stop=stop),
                       label=self.tr("Painting %n coupon(s)…", "", len(self.coupon_ids)),
                       on_success=lambda _pages: toast(self.parentWidget() or self,
                                                       self.tr("Saved %1.")
                                                       .replace("%1", path.name)))  # fmt: skip
