"""Printing member cards: for the members chosen (one from the profile, the selection or the
roster in view), a layout, the name or nickname, then Preview, Print or Save as PDF. Many
cards are painted off the UI thread with progress and Cancel; each member printed is
remembered, so "only those not printed yet" finds the rest next time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import cards
from sqdesk.core.store import Store
from sqdesk.printing.cards import CardDocument
from sqdesk.printing.page import Document, write_pdf
from sqdesk.ui.cards.output import (
    OutputButtons,
    OutputWords,
    open_preview,
    open_print_dialog,
    paint_to,
)
from sqdesk.ui.cards.words import CardWords
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.jobs import run_job
from sqdesk.ui.widgets import open_file_dialog, toast

PREVIEW_MAX = 200  # cards shown in the preview: enough to judge the layout, quick to open


class CardPrintDialog(QDialog):
    def __init__(self, store: Store, member_ids: list[int], about: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("cardPrint")
        self.setWindowTitle(self.tr("Print Member Cards"))
        self.store = store
        self.words = CardWords(self)
        self.member_ids = list(member_ids)
        self.shop = cards.shop(store)
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.layout_box = QComboBox(self)
        self.layout_box.setObjectName("cardLayout")
        for key in cards.LAYOUTS:
            self.layout_box.addItem(self.words.layout(key), key)
        self.show_box = QComboBox(self)
        self.show_box.addItem(self.tr("Name"), "name")
        self.show_box.addItem(self.tr("Nickname"), "nickname")
        self.show_box.setCurrentIndex(self.show_box.findData(self.shop.show))
        self.not_printed = QCheckBox(self.tr("Only members whose card was never printed"), self)
        self.not_printed.toggled.connect(self._count)
        self.slogan = QLabel(self.shop.slogan or self.tr("(none: set one in Settings → Member "
                                                         "Cards)"), self)  # fmt: skip
        self.output = OutputButtons(self)
        self.preview_button, self.pdf_button = self.output.preview, self.output.pdf
        form = QFormLayout()
        form.addRow(self.tr("Layout"), self.layout_box)
        form.addRow(self.tr("On the card"), self.show_box)
        form.addRow(self.tr("Slogan"), self.slogan)
        form.addRow("", self.not_printed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(form)
        layout.addWidget(self.output.box)
        self._about_text = about
        self._count()

    # --- what to print ---------------------------------------------------------------------

    def chosen_ids(self) -> list[int]:
        if not self.not_printed.isChecked():
            return self.member_ids
        never = set(cards.select_members(self.store, not_printed=True))
        return [i for i in self.member_ids if i in never]

    def _count(self) -> None:
        n = len(self.chosen_ids())
        self.about.setText(self.tr("%n card(s) for %1.", "", n).replace("%1", self._about_text))
        self.output.set_enabled(n > 0)

    def document(self, ids: list[int]) -> CardDocument:
        made = cards.for_members(self.store, ids, show=self.show_box.currentData())
        return CardDocument(made, self.shop, self.layout_box.currentData())

    # --- preview, printer, PDF -------------------------------------------------------------

    def preview(self) -> QPrintPreviewDialog:
        doc = self.document(self.chosen_ids()[:PREVIEW_MAX])
        return open_preview(self, doc, self.tr("Preview: Member Cards"))

    def ask_print(self) -> QPrintDialog:
        ids = self.chosen_ids()
        doc = self.document(ids)
        return open_print_dialog(self, doc, lambda printer: self.print_now(printer, doc, ids))

    def print_now(self, printer: QPrinter, doc: Document, ids: list[int]):
        """Send the cards to the printer off the UI thread, with progress and Cancel."""
        return run_job(self, self.tr("Printing Cards"),
                       lambda progress, stop: paint_to(printer, doc, progress, stop),
                       label=self.tr("Printing %n card(s)…", "", len(ids)),
                       on_success=lambda pages: self._printed(ids, pages))  # fmt: skip

    def ask_pdf(self):
        return open_file_dialog(self, self.tr("Save Member Cards"), "member-cards.pdf",
                                [OutputWords(self).pdf_files()], self.save_pdf,
                                save_suffix=".pdf")  # fmt: skip

    def save_pdf(self, path: Path):
        """Paint the PDF off the UI thread (thousands of cards take seconds)."""
        ids = self.chosen_ids()
        doc = self.document(ids)
        title = self.tr("Member cards")
        return run_job(self, self.tr("Saving Cards"),
                       lambda progress, stop: write_pdf(doc, path, title=title,
                                                        progress=progress, should_stop=stop),
                       label=self.tr("Painting %n card(s)…", "", len(ids)),
                       on_success=lambda pages: self._printed(ids, pages, path))  # fmt: skip

    def _printed(self, ids: list[int], pages, path: Path | None = None) -> None:
        if self.store.read_only:
            return
        cards.mark_printed(self.store, ids)
        announce(Area.MEMBERS)
        if path is not None:
            toast(self.parentWidget() or self, self.tr("Saved %1.").replace("%1", path.name))
        self._count()
