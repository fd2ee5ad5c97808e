"""The first-run set-up: a new shop's name, address, hours and manager, its points, its
group QR, and the starter plan, in three short pages, with the morning report it will post
shown as it is typed. It opens by itself on a new, empty store (shop_settings.needs_setup),
can be skipped (File → Set Up Shop… brings it back), and everything it asks is also in
Settings.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sqdesk.core import activities, post_values, posts, shop_settings, starter_plan
from sqdesk.core.errors import CodedError
from sqdesk.core.post_render import RenderError, render
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.settings.fields import Field
from sqdesk.ui.settings.words import SettingsWords

SHOP_KEYS = ("shop.name", "shop.address", "shop.hours", "shop.manager",
             "shop.manager_wechat", "shop.logo")  # fmt: skip
POINTS_KEYS = ("points.per_yuan", "points.member_days")
START_KEYS = ("shop.group_qr",)


class _FormPage(QWizardPage):
    """A page of settings fields; Next checks them (and says what does not fit)."""

    def __init__(self, wizard: SetupWizard, keys: tuple[str, ...], title: str,
                 subtitle: str) -> None:  # fmt: skip
        super().__init__(wizard)
        self.setup = wizard
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = QFormLayout()
        for key in keys:
            field = Field(shop_settings.BY_KEY[key], self, wizard.words)
            wizard.fields[key] = field
            self.form.addRow(wizard.words.label(key), field.widget)
        self.problem = QLabel(self)
        self.problem.setObjectName("problemText")
        self.problem.setWordWrap(True)
        self.keys = keys
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)

    def validatePage(self) -> bool:
        try:
            for key in self.keys:
                shop_settings.check(key, self.setup.fields[key].value())
        except CodedError as exc:
            self.problem.setText(f"<span style='color:#c53030'>{html.escape(refusal_text(exc))}"
                                 "</span>")  # fmt: skip
            key = str(exc.values.get("key", ""))
            if key in self.setup.fields:
                self.setup.fields[key].widget.setFocus()
            return False
        self.problem.clear()
        return True


class SetupWizard(QWizard):
    def __init__(self, store: Store, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.today = today or date.today()
        self.words = SettingsWords(self)
        self.fields: dict[str, Field] = {}
        self.setWindowTitle(self.tr("Set Up Your Shop"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Skip for Now"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start Using sqdesk"))
        self.shop_page = _FormPage(
            self, SHOP_KEYS, self.tr("Your shop"),
            self.tr("Posts greet members with these. Leave out what you do not want shown: "
                    "a line with nothing to show is left out of a post."))  # fmt: skip
        self.points_page = _FormPage(
            self, POINTS_KEYS, self.tr("Points"),
            self.tr("The usual rules are filled in: a point per yuan, and double points on "
                    "the member day. Everything else about points is in Settings."))  # fmt: skip
        self.start_page = _FormPage(
            self, START_KEYS, self.tr("Getting started"),
            self.tr("The group QR code is optional: printed cards and posters use it."))
        self.starter = QCheckBox(self.start_page)
        self.starter.setText(self.tr("Add the starter plan to the calendar"))
        starter_note = QLabel(self.tr("The daily morning post, the weekly topics, the monthly "
                                      "member day and the yearly fan festival: edit or delete "
                                      "any of it later."), self.start_page)  # fmt: skip
        starter_note.setWordWrap(True)
        starter_note.setObjectName("hint")
        self.starter.setObjectName("addStarterPlan")
        self.starter.setChecked(not activities.list_activities(store))
        self.templates_note = QLabel(self.tr("%n ready-made post templates (welcome, morning "
                                             "report, birthday wishes…) are on the Posts page.",
                                             "", len(posts.BUILTINS)), self.start_page)  # fmt: skip
        self.templates_note.setWordWrap(True)
        self.preview = QPlainTextEdit(self.start_page)
        self.preview.setObjectName("morningPreview")
        self.preview.setReadOnly(True)
        self.preview.setMaximumHeight(130)
        self.start_page.form.addRow(self.starter)
        self.start_page.form.addRow(starter_note)
        self.start_page.form.addRow(self.templates_note)
        self.start_page.form.addRow(self.tr("Your morning report"), self.preview)
        for page in (self.shop_page, self.points_page, self.start_page):
            self.addPage(page)
        self.currentIdChanged.connect(lambda _i: self.show_preview())

        stored = shop_settings.values(store)
        for key, field in self.fields.items():
            field.set_value(stored[key])
        self.stored = stored
        self.rejected.connect(self._skipped)
        self.resize(640, 520)

    def values(self) -> dict[str, object]:
        return {key: field.value() for key, field in self.fields.items()}

    def show_preview(self) -> None:
        """The morning report as it will read, with what has been typed so far."""
        morning = posts.first_of(self.store, "morning")
        if morning is None:
            return
        day = self.today
        shown = post_values.day_values(self.store, day)
        try:
            typed = self.values()
        except CodedError:
            typed = {}
        shown |= {"店名": typed.get("shop.name"), "店长": typed.get("shop.manager"),
                  "地址": typed.get("shop.address"), "营业时间": typed.get("shop.hours")}
        try:
            self.preview.setPlainText(render(morning.body, shown))
        except RenderError:
            self.preview.setPlainText("")

    def accept(self) -> None:
        try:
            changed = {k: v for k, v in self.values().items() if v != self.stored[k]}
            shop_settings.save(self.store, changed)
        except CodedError as exc:
            self.start_page.problem.setText(html.escape(refusal_text(exc)))
            return
        added = starter_plan.add_starter_plan(self.store) if self.starter.isChecked() else []
        shop_settings.mark_setup_done(self.store)
        announce(Area.SHOP, Area.POINTS, *([Area.CALENDAR] if added else []))
        super().accept()

    def _skipped(self) -> None:
        if not self.store.read_only:
            shop_settings.mark_setup_done(self.store)  # asked once; File → Set Up Shop… later
            announce(Area.SHOP)
