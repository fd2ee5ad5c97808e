"""Changing a note: within a day of writing it, the text and kind are edited in place;
after that the note stays as written and an amendment is added beside it (core/notes), so
what was said and when is never rewritten. The dialog says which it is doing."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import notes
from sqdesk.core.errors import CodedError
from sqdesk.core.notes import NoteInfo
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.notes.words import NoteWords
from sqdesk.ui.refusals import refusal_text


def can_edit(note: NoteInfo, now: datetime | None = None) -> bool:
    """Still within the day a note can be changed in place."""
    return (now or datetime.now(UTC)) - note.at <= notes.EDITABLE_FOR


class NoteEditDialog(QDialog):
    saved = Signal(int)  # the note changed, or the amendment added

    def __init__(self, store: Store, note_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEdit")
        self.store = store
        self.words = NoteWords(self)
        self.note = notes.get(store, note_id)
        self.amending = not can_edit(self.note)
        self.setWindowTitle(self.tr("Add an Amendment") if self.amending else self.tr("Edit Note"))
        written = self.note.at.astimezone()
        about = self.note.member_name + (self.tr(" (archived)") if self.note.member_archived
                                         else "")  # fmt: skip
        self.header = QLabel(self.tr("%1 · %2 · written %3").replace("%1", about).replace(
            "%2", self.words.kind(self.note.kind)).replace("%3", f"{written:%Y-%m-%d %H:%M}"),
            self)  # fmt: skip
        self.header.setWordWrap(True)
        self.original = QPlainTextEdit(self.note.text, self)
        self.original.setObjectName("noteOriginal")
        self.original.setReadOnly(True)
        self.original.setMaximumHeight(90)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("noteEditText")
        self.text.setTabChangesFocus(True)
        self.kind = QComboBox(self)
        for key in notes.KINDS:
            self.kind.addItem(self.words.kind(key), key)
        self.kind.setCurrentIndex(self.kind.findData(self.note.kind))
        self.problem = QLabel(self)
        self.problem.setObjectName("problemText")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        if self.amending:
            # The note stays as it was written: show it, and write what is to be added.
            hint = self.tr("A note can be changed for a day after it is written. This one is "
                           "older: what you write is added as an amendment, and the note "
                           "stays as it was.")  # fmt: skip
            form.addRow(self.tr("The note"), self.original)
            form.addRow(self.tr("Amendment"), self.text)
            self.kind.hide()
        else:
            hint = self.tr("A note can be changed for a day after it is written.")
            self.original.hide()
            self.text.setPlainText(self.note.text)
            form.addRow(self.tr("Note"), self.text)
            form.addRow(self.tr("Kind"), self.kind)
        note_hint = QLabel(hint, self)
        note_hint.setObjectName("hint")
        note_hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(note_hint)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(480, 0)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> int | None:
        try:
            if self.amending:
                changed = notes.amend(self.store, self.note.id, self.text.toPlainText())
            else:
                changed = notes.edit(self.store, self.note.id, self.text.toPlainText(),
                                     kind=self.kind.currentData())  # fmt: skip
        except CodedError as exc:
            self.problem.setText(refusal_text(exc))
            return None
        announce(Area.NOTES)
        self.saved.emit(changed.id)
        self.accept()
        return changed.id


def open_note_editor(parent: QWidget, store: Store, note_id: int) -> NoteEditDialog | None:
    """Edit the note or amend it, as its age allows; None on a read-only store."""
    if store.read_only:
        return None
    dialog = NoteEditDialog(store, note_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
