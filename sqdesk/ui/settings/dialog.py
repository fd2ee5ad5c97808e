"""The Settings window (File → Settings, Ctrl+,): everything the shop can set, by section.

The forms are built from the registry (sqdesk.core.shop_settings), so a new setting needs
only its spec and its words. OK and Apply save every changed value in one transaction, all
checked first: a value that does not fit is named under the form, its section shown and
its field focused, and nothing is saved. The language is this PC's (QSettings), not the
shop's, and takes effect when sqdesk next starts.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import shop_settings
from sqdesk.core.errors import CodedError
from sqdesk.core.shop_settings import SECTIONS, SPECS
from sqdesk.core.store import Store
from sqdesk.ui import i18n, prefs
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.settings.fields import Field, read
from sqdesk.ui.settings.words import SettingsWords

# What a change in each section means for the rest of the window.
AREAS = {"shop": Area.SHOP, "points": Area.POINTS, "segments": Area.SEGMENTS}
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class SettingsDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.words = SettingsWords(self)
        self.setWindowTitle(self.tr("Settings"))
        self.sections = QListWidget(self)
        self.sections.setObjectName("settingsSections")
        self.sections.setFixedWidth(150)
        self.stack = QStackedWidget(self)
        self.fields: dict[str, Field] = {}
        self._section_of: dict[str, int] = {}
        for index, section in enumerate(SECTIONS):
            self.sections.addItem(self.words.section(section))
            self.stack.addWidget(self._section_page(section, index))
        self.sections.addItem(self.words.section("language"))
        self.stack.addWidget(self._language_page())
        for row in range(self.sections.count()):
            self.sections.item(row).setSizeHint(QSize(0, 34))
        self.sections.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sections.setCurrentRow(0)

        self.message = QLabel(self)
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply, self)  # fmt: skip
        self.buttons.accepted.connect(self.accept_if_saved)
        self.buttons.rejected.connect(self.reject)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.clicked.connect(self.save)
        if store.read_only:
            self.message.setText(self.tr("Read-only: the settings can be read, not changed."))
            for b in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Apply):
                self.buttons.button(b).setEnabled(False)

        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(720, 560)
        self.load()

    def _section_page(self, section: str, index: int) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for spec in SPECS:
            if spec.section != section:
                continue
            field = Field(spec, page, self.words)
            self.fields[spec.key] = field
            self._section_of[spec.key] = index
            label = QLabel(self.words.label(spec.key), page)
            label.setWordWrap(True)
            label.setBuddy(field.widget)
            form.addRow(label, field.widget)
        if section == "points":
            note = QLabel(self.tr("Levels and rewards are set on the Points page."), page)
            note.setObjectName("hint")
            form.addRow(note)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _language_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.language = QComboBox(page)
        self.language.setObjectName("languageChoice")
        for lang in i18n.LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(lang, lang), lang)
        form.addRow(self.tr("Language of the interface"), self.language)
        note = QLabel(self.tr("The language changes when sqdesk next starts. It is this "
                              "computer's choice; the other settings belong to the store."),
                      page)  # fmt: skip
        note.setWordWrap(True)
        form.addRow(note)
        return page

    # --- values ----------------------------------------------------------------------------

    def load(self) -> None:
        self.stored = shop_settings.values(self.store)
        for key, field in self.fields.items():
            field.set_value(self.stored[key])
        saved = prefs.language() or i18n.choose_language(None, None)
        self.language.setCurrentIndex(max(0, self.language.findData(saved)))
        self._language_loaded = self.language.currentData()

    def changes(self) -> dict[str, object]:
        """The values that differ from the stored ones (raises SettingsError for a field
        whose text does not parse)."""
        values, problem, _key = read(self.fields)
        if problem is not None:
            raise problem
        return {k: v for k, v in values.items() if v != self.stored[k]}

    def save(self) -> bool:
        if self.store.read_only:
            return False
        try:
            changed = self.changes()
            shop_settings.save(self.store, changed)
        except CodedError as exc:
            self._show_problem(exc)
            return False
        if self.language.currentData() != self._language_loaded:
            prefs.set_language(self.language.currentData())
        self.message.setText(self.tr("Saved."))
        self.load()
        areas = {AREAS[shop_settings.BY_KEY[k].section] for k in changed
                 if shop_settings.BY_KEY[k].section in AREAS}  # fmt: skip
        if areas:
            announce(*areas)
        return True

    def accept_if_saved(self) -> None:
        if self.save():
            self.accept()

    def _show_problem(self, exc: CodedError) -> None:
        text = html.escape(refusal_text(exc))
        self.message.setText(f"<span style='color:#c53030'>{text}</span>")
        key = str(exc.values.get("key", ""))
        if key in self.fields:
            self.sections.setCurrentRow(self._section_of[key])
            self.fields[key].widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_section(self, section: str) -> None:
        names = [*SECTIONS, "language"]
        self.sections.setCurrentRow(names.index(section))
