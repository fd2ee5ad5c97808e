"""Where a printed thing goes, the same for cards and posters: the Preview…, Print… and
Save as PDF… buttons, the preview (which keeps its printer), the printer's paper, and the
painting of every page on a printer, from a worker thread when there are many."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMarginsF, QObject, Qt
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from sqdesk.core.jobs import Cancelled, Progress, ShouldStop, never_stop, no_progress
from sqdesk.printing.page import Document


class OutputWords(QObject):
    def preview(self) -> str:
        return self.tr("Preview…")

    def print_(self) -> str:
        return self.tr("Print…")

    def pdf(self) -> str:
        return self.tr("Save as PDF…")

    def pdf_files(self) -> str:
        return self.tr("PDF (*.pdf)")


class OutputButtons:
    """Preview… (the default), Print… and Save as PDF… beside Close, on `dialog`'s methods
    `preview`, `ask_print` and `ask_pdf`."""

    def __init__(self, dialog: QDialog) -> None:
        words = OutputWords(dialog)
        self.preview = QPushButton(words.preview(), dialog)
        self.preview.setDefault(True)
        self.preview.clicked.connect(dialog.preview)
        self.print = QPushButton(words.print_(), dialog)
        self.print.clicked.connect(dialog.ask_print)
        self.pdf = QPushButton(words.pdf(), dialog)
        self.pdf.clicked.connect(dialog.ask_pdf)
        self.box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        for b in (self.preview, self.print, self.pdf):
            self.box.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        self.box.rejected.connect(dialog.reject)

    def set_enabled(self, enabled: bool) -> None:
        for b in (self.preview, self.print, self.pdf):
            b.setEnabled(enabled)


def prepare_printer(printer: QPrinter, doc: Document) -> None:
    """The document's own paper, and no margins where the printer allows (the layouts keep
    their own)."""
    printer.setPageLayout(QPageLayout(doc.page_size(), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))  # fmt: skip
    printer.setFullPage(True)


def paint_to(printer: QPrinter, doc: Document, progress: Progress = no_progress,
             should_stop: ShouldStop = never_stop) -> int:  # fmt: skip
    """Paint every page on the printer (QPainter may paint a printer from a worker thread:
    many cards print in the background)."""
    painter = QPainter(printer)
    try:
        doc.paint_all(painter, printer.resolution(), printer.newPage, progress=progress,
                      should_stop=should_stop)  # fmt: skip
    except Cancelled:
        printer.abort()
        raise
    finally:
        painter.end()
    return doc.page_count()


def open_preview(owner: QDialog, doc: Document, title: str) -> QPrintPreviewDialog:
    # The printer is kept on the owner: the preview holds only a pointer to it, and a local
    # one would be freed as the preview opens (a crash).
    owner._preview_printer = printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, doc)
    dialog = QPrintPreviewDialog(printer, owner)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(lambda p: paint_to(p, doc))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_print_dialog(owner: QDialog, doc: Document,
                      accepted: Callable[[QPrinter], object]) -> QPrintDialog:  # fmt: skip
    """The system's print dialog on the document's paper; `accepted(printer)` prints."""
    owner._print_printer = printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_printer(printer, doc)
    dialog = QPrintDialog(printer, owner)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: accepted(printer))
    dialog.open()
    return dialog
