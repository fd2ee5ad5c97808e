"""Privacy (File → Privacy…): the shop's privacy notice to print or save as PDF, and the
members with no contact for longer than the shop keeps data (Settings → Privacy), for the
manager to review: open one to export their data or erase it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from sqdesk.core import members, pipl, shop_settings
from sqdesk.core.store import Store
from sqdesk.printing.page import write_pdf
from sqdesk.printing.privacy_notice import PrivacyNoticeDocument
from sqdesk.ui.cards.output import (
    OutputButtons,
    OutputWords,
    open_preview,
    open_print_dialog,
    paint_to,
)
from sqdesk.ui.widgets import fill_table, make_table, open_file_dialog, toast

SHOWN = 500
WIDTH = 560


class PrivacyDialog(QDialog):
    openMember = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyDialog")
        self.setWindowTitle(self.tr("Privacy"))
        self.store = store
        days = pipl.retention_days(store)
        self.review = pipl.inactive(store, days) if days else []
        rows = members.rows(store, self.review[:SHOWN])
        about = QLabel(self)
        about.setWordWrap(True)
        if not days:
            about.setText(self.tr("No retention period is set (Settings → Privacy): nobody is "
                                  "listed for review. The notice below can be printed for the "
                                  "counter."))  # fmt: skip
        else:
            about.setText(self.tr("%n member(s) with no contact for more than %1 days: review "
                                  "them (double-click opens one: ⋯ exports or erases their "
                                  "data).", "", len(self.review)).replace("%1", str(days)))
        self.table = make_table(self, [self.tr("Code"), self.tr("Name"), self.tr("Joined")], 1)
        self.table.setObjectName("privacyReview")
        fill_table(self.table, [(rows[m].code, rows[m].name or rows[m].nickname,
                                 rows[m].joined_on.isoformat())
                                for m in self.review[:SHOWN] if m in rows])  # fmt: skip
        self.table.setVisible(bool(self.review))
        self.table.doubleClicked.connect(
            lambda index: self.openMember.emit(self.review[index.row()]))
        self.output = OutputButtons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("The privacy notice:"), self))
        layout.addWidget(self.output.box)
        # With nobody to review, as tall as its wrapped words need at that width: a window
        # is not given the height its wrapped text needs by itself (it was cut off).
        self.resize(WIDTH, 420 if self.review else layout.totalHeightForWidth(WIDTH))

    def document(self) -> PrivacyNoticeDocument:
        v = shop_settings.values(self.store)
        shop = v["shop.name"] or self.tr("our shop")
        who = " ".join(x for x in (v["shop.manager"] or "", v["shop.phone"] or "") if x)
        days = pipl.retention_days(self.store)
        keep = (self.tr("We keep your data while you are a member. Members with no contact "
                        "for %1 days are reviewed, and their data is erased unless they "
                        "ask us to keep it.").replace("%1", str(days)) if days
                else self.tr("We keep your data while you are a member, and erase it when "
                             "you ask."))  # fmt: skip
        sections = [
            (self.tr("What we keep"), self.tr(
                "Your name or nickname, mobile number, birthday (if you tell us), WeChat ID, "
                "your visits and what you spent, your points and rewards, the activities you "
                "took part in, coupons, and short notes of our conversations with you.")),
            (self.tr("Why"), self.tr(
                "To run your membership: points, levels and rewards, birthday wishes, "
                "invitations to activities and offers, as far as you agreed to receive them.")),
            (self.tr("Where"), self.tr(
                "On the shop's own computer (or the shop's own server). We do not sell or give "
                "your data to anyone, and we do not put it on the internet.")),
            (self.tr("For how long"), keep),
            (self.tr("Your rights"), self.tr(
                "You may ask to see a copy of everything we keep about you, to correct it, to "
                "stop receiving messages, or to have it erased. Ask us at the counter%1.")
             .replace("%1", self.tr(" or contact %1").replace("%1", who) if who else "")),
        ]  # fmt: skip
        title = self.tr("%1 · Member Privacy Notice").replace("%1", shop)
        footer = self.tr("Personal Information Protection Law of the PRC (个人信息保护法) · %1"
                         ).replace("%1", date.today().isoformat())  # fmt: skip
        return PrivacyNoticeDocument(title, sections, footer)

    def preview(self) -> QPrintPreviewDialog:
        return open_preview(self, self.document(), self.tr("Preview: Privacy Notice"))

    def ask_print(self) -> QPrintDialog:
        doc = self.document()
        return open_print_dialog(self, doc, lambda printer: self.print_now(printer, doc))

    def print_now(self, printer: QPrinter, doc) -> int:
        return paint_to(printer, doc)

    def ask_pdf(self):
        return open_file_dialog(self, self.tr("Save the Privacy Notice"), "privacy-notice.pdf",
                                [OutputWords(self).pdf_files()], self.save_pdf,
                                save_suffix=".pdf")  # fmt: skip

    def save_pdf(self, path: Path) -> int:
        pages = write_pdf(self.document(), path, title=self.tr("Privacy Notice"))
        toast(self.parentWidget() or self, self.tr("Saved %1.").replace("%1", path.name))
        return pages
