"""A group entry poster: the QR from a WeChat group imported on the Groups page, the shop's
own QR (Settings → Shop) or any picture, read and redrawn sharp; a headline and an offer,
typed or taken from a post template; a layout; then Preview, Print or Save as PDF.

A WeChat group's QR stops working 7 days after it was made: the dialog says so with its
age, and suggests the manager's own QR for anything printed in bulk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import groups, posts, qr, shop_settings
from sqdesk.core.cards import CardError
from sqdesk.core.store import Store
from sqdesk.printing import posters
from sqdesk.printing.decode import read_qr
from sqdesk.printing.page import write_pdf
from sqdesk.printing.posters import Poster, PosterDocument
from sqdesk.ui.cards.output import (
    OutputButtons,
    OutputWords,
    open_preview,
    open_print_dialog,
    paint_to,
)
from sqdesk.ui.cards.words import CardWords
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import open_file_dialog, toast

PICTURE = "picture"


class PosterDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("posterDialog")
        self.setWindowTitle(self.tr("Print a Group Poster"))
        self.store = store
        self.words = CardWords(self)
        self.qr_text: str | None = None
        self.qr_age: int | None = None  # days since a group's QR was taken
        self.source = QComboBox(self)
        self.source.setObjectName("posterSource")
        own = shop_settings.value(store, "shop.group_qr")
        if own:
            self.source.addItem(self.tr("The shop's QR (Settings → Shop)"), ("shop", None))
        today = date.today()
        for g in groups.list_groups(store):
            if g.qr_taken_on is not None:
                label = self.tr("%1 (its QR, day %2 of 7)").replace("%1", g.name).replace(
                    "%2", str(g.qr_day(today)))  # fmt: skip
                self.source.addItem(label, ("group", g.id))
        self.source.addItem(self.tr("A picture of a QR code…"), (PICTURE, None))
        self.source.activated.connect(self._source_chosen)
        self.title = QLineEdit(self.tr("扫码加入会员群"), self)
        self.title.setObjectName("posterTitle")
        self.text = QLineEdit(self)
        self.text.setObjectName("posterText")
        self.text.setPlaceholderText(self.tr("the offer, e.g. 进群领第二杯半价券"))
        self.template = QComboBox(self)
        self.template.addItem(self.tr("Type it, or take it from a post…"), None)
        for t in posts.list_templates(store):
            self.template.addItem(t.name, t.id)
        self.template.activated.connect(self._template_chosen)
        self.layout_box = QComboBox(self)
        self.layout_box.setObjectName("posterLayout")
        for key in posters.LAYOUTS:
            self.layout_box.addItem(self.words.layout(key), key)
        self.status = QLabel(self)
        self.status.setObjectName("posterStatus")
        self.status.setWordWrap(True)
        self.output = OutputButtons(self)
        self.preview_button = self.output.preview
        form = QFormLayout()
        form.addRow(self.tr("QR code"), self.source)
        form.addRow(self.tr("Headline"), self.title)
        form.addRow(self.tr("Offer"), self.text)
        form.addRow("", self.template)
        form.addRow(self.tr("Layout"), self.layout_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.output.box)
        self.resize(520, 0)
        if self.source.currentData()[0] == PICTURE:  # nothing imported: wait to be asked
            self._set_qr(None, None)
            self.status.setText(self.tr("Choose where the QR code comes from."))
        else:
            self._source_chosen()

    # --- the QR ----------------------------------------------------------------------------

    def _source_chosen(self) -> None:
        kind, ref = self.source.currentData()
        if kind == PICTURE:
            self._set_qr(None, None)
            self.status.setText(self.tr("Choose a picture of the QR code (a screenshot or a "
                                        "photo)."))  # fmt: skip
            open_file_dialog(self, self.tr("A Picture of the QR Code"), "",
                             [self.tr("Pictures (*.png *.jpg *.jpeg)")], self.use_picture)
            return
        if kind == "shop":
            data = shop_settings.value(self.store, "shop.group_qr")
            self.use_picture(data, age=None)
            return
        info = next((g for g in groups.list_groups(self.store) if g.id == ref), None)
        data = groups.qr_image(self.store, ref)
        age = info.qr_day(date.today()) if info is not None else None
        self.use_picture(data, age=age)

    def use_picture(self, source: Path | bytes | None, *, age: int | None = None) -> bool:
        if source is None:
            self._set_qr(None, None)
            return False
        try:
            text = read_qr(source)
        except CardError as exc:
            self._set_qr(None, None)
            self.status.setText(f"<span style='color:#b3261e'>{refusal_text(exc)}</span>")
            return False
        self._set_qr(text, age)
        return True

    def _set_qr(self, text: str | None, age: int | None) -> None:
        self.qr_text, self.qr_age = text, age
        ready = text is not None
        self.output.set_enabled(ready)
        if not ready:
            return
        if qr.is_wechat_group(text):
            old = self.tr(" This one is on day %1 of 7.").replace("%1", str(age)) if age else ""
            self.status.setText("<span style='color:#b7791f'>" + self.tr(
                "A WeChat group QR stops working 7 days after it was made.") + old + " " +
                self.tr("For anything printed in bulk, use the manager's own WeChat or WeCom QR, "
                        "or a live code.") + "</span>")  # fmt: skip
        else:
            self.status.setText(self.tr("QR read: %1").replace("%1", text[:80]))

    def _template_chosen(self) -> None:
        template_id = self.template.currentData()
        t = next((t for t in posts.list_templates(self.store) if t.id == template_id), None)
        if t is None:
            return
        lines = [line.strip() for line in t.body.splitlines() if line.strip()
                 and "{{" not in line]  # fmt: skip
        if lines:
            self.title.setText(lines[0][:30])
            self.text.setText(" ".join(lines[1:2])[:60])

    # --- the poster --------------------------------------------------------------------------

    def document(self) -> PosterDocument:
        shop = shop_settings.value(self.store, "shop.name") or ""
        poster = Poster(self.qr_text or "", self.title.text().strip(), self.text.text().strip(),
                        str(shop))  # fmt: skip
        return PosterDocument(poster, self.layout_box.currentData())

    def preview(self) -> QPrintPreviewDialog:
        return open_preview(self, self.document(), self.tr("Preview: Poster"))

    def ask_print(self) -> QPrintDialog:
        doc = self.document()
        return open_print_dialog(self, doc, lambda printer: paint_to(printer, doc))

    def ask_pdf(self):
        return open_file_dialog(self, self.tr("Save the Poster"), "poster.pdf",
                                [OutputWords(self).pdf_files()], self.save_pdf,
                                save_suffix=".pdf")  # fmt: skip

    def save_pdf(self, path: Path) -> int:
        pages = write_pdf(self.document(), path, title=self.title.text())  # one page: quick
        toast(self.parentWidget() or self, self.tr("Saved %1.").replace("%1", path.name))
        return pages
