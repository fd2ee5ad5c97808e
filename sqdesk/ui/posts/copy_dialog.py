"""A post ready to copy, already rendered for what it is about: an activity occurrence
(its warm-up, reminder or recap), a member (from the profile) or a WeChat group (its
welcome text). The template can be switched; Copy (Ctrl+Enter) puts exactly the preview on
the clipboard, records it, and closes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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

from sqdesk.core import post_values, posts
from sqdesk.core.activities import Occurrence
from sqdesk.core.post_render import RenderError, render
from sqdesk.core.store import Store
from sqdesk.ui.posts.bubble import ChatBubble
from sqdesk.ui.posts.words import PostWords, copy_post


class CopyPostDialog(QDialog):
    copied = Signal(str)  # the text copied

    def __init__(
        self,
        store: Store,
        templates: list[posts.TemplateInfo],
        *,
        chosen: int | None = None,
        about: str = "",
        member_id: int | None = None,
        occurrence: Occurrence | None = None,
        group_id: int | None = None,
        phase: str | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("copyPostDialog")
        self.store = store
        self.templates = templates
        self.member_id, self.occurrence, self.group_id = member_id, occurrence, group_id
        self.phase = phase
        self.about = about
        self.words = PostWords(self)
        self.setWindowTitle(self.tr("Copy a Post"))
        self.target = posts.target_of(member_id=member_id, occurrence=occurrence, group_id=group_id)
        self.values = post_values.values_for(store, member_id=member_id, occurrence=occurrence,
                                             group_id=group_id, today=today)  # fmt: skip
        self.copies = posts.copies_on(store)

        self.choice = QComboBox(self)
        self.choice.setObjectName("templateChoice")
        for t in templates:
            self.choice.addItem(t.name, t.id)
        self.remember = QCheckBox(self.tr("Use this template for this activity from now on"), self)
        self.remember.setVisible(bool(phase and occurrence))
        self.bubble = ChatBubble(self)
        self.bubble.setMinimumHeight(160)
        self.note = QLabel(self)
        self.note.setObjectName("sentNote")
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("Copy (Ctrl+Enter)"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)  # fmt: skip
        self.copy_button.setObjectName("copyPost")
        self.copy_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.copy)
        form = QFormLayout()
        if about:
            form.addRow(self.tr("For"), QLabel(about, self))
        form.addRow(self.tr("Template"), self.choice)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.bubble, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        index = self.choice.findData(chosen) if chosen is not None else 0
        self.choice.setCurrentIndex(max(0, index))
        self.choice.currentIndexChanged.connect(self.update_preview)
        self.resize(420, 420)
        self._text = ""
        self.update_preview()

    def current(self) -> posts.TemplateInfo | None:
        i = self.choice.currentIndex()
        return self.templates[i] if 0 <= i < len(self.templates) else None

    def update_preview(self) -> None:
        t = self.current()
        self.remember.setChecked(False)
        try:
            self._text = render(t.body, self.values) if t else ""
        except RenderError as exc:
            self._text = ""
            self.bubble.setText("")
            self.note.setText(self.words.problems(exc.problems))
            self.copy_button.setEnabled(False)
            return
        self.bubble.setText(self._text)
        when = posts.copied_at(self.copies, t, self.target) if t else None
        count = self.tr("%n character(s)", "", len(self._text))
        self.note.setText(count + ("  " + self.words.sent_at(when) if when else ""))
        self.copy_button.setEnabled(bool(self._text))

    def copy(self) -> str:
        t = self.current()
        if t is None or not self._text:
            return ""
        if self.remember.isChecked() and self.occurrence is not None and t.id is not None:
            posts.link_phase(self.store, self.occurrence.activity_id, self.phase, t.id)
        copy_post(self, self.store, t, self._text, rendered_for=self.target, label=self.about)
        self.copied.emit(self._text)
        self.accept()
        return self._text


def open_copy_dialog(parent: QWidget, store: Store, templates, **kwargs) -> CopyPostDialog:
    dialog = CopyPostDialog(store, templates, parent=parent, **kwargs)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
