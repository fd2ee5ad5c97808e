"""The note capture window (Ctrl+J from anywhere): find the member as you type, write what
you learned, Enter saves. Kind and follow-up are optional and a Tab away, so a note is
written without touching the mouse.

The member is found by the roster's own search (names, pinyin, initials, mobile tail,
code); Down and Up move through the matches, Enter takes the highlighted one. In the text,
Enter saves and Shift+Enter starts a new line.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import members, notes
from sqdesk.core.errors import CodedError
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.members.finder import MemberRole, fill_matches
from sqdesk.ui.notes.words import NoteWords
from sqdesk.ui.refusals import refusal_text

SEARCH_DELAY_MS = 30  # typing pauses shorter than this are one search, as in the roster


class _Keys(QObject):
    """Enter and the arrows where the manager's hands are: in the finder, Down/Up move
    through the matches and Enter takes one; in the text, Enter saves."""

    def __init__(self, dialog: NoteCaptureDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        d = self.dialog
        if watched is d.finder:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and d.matches.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(d.matches.currentRow() + step, 0), d.matches.count() - 1)
                d.matches.setCurrentRow(row)
                return True
            if enter:
                d.take_match()
                return True
        if watched is d.text and enter:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                return False  # a new line
            d.save()
            return True
        return False


class NoteCaptureDialog(QDialog):
    saved = Signal(int)  # note id

    def __init__(self, store: Store, parent: QWidget | None = None, *,
                 member_id: int | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("noteCapture")
        self.setWindowTitle(self.tr("New Note"))
        self.store = store
        self.words = NoteWords(self)
        self.member_id: int | None = None

        self.finder = QLineEdit(self)
        self.finder.setObjectName("noteFinder")
        self.finder.setPlaceholderText(self.tr("Member: name, pinyin, mobile tail or code"))
        self.matches = QListWidget(self)
        self.matches.setObjectName("noteMatches")
        self.matches.setMaximumHeight(140)
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the finder keeps the keys
        self.matches.itemClicked.connect(lambda item: self.choose(item.data(MemberRole)))
        self.chosen = QLabel(self)
        self.chosen.setObjectName("noteMember")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("noteText")
        self.text.setPlaceholderText(self.tr("What did you learn? Enter saves, Shift+Enter "
                                             "starts a new line."))  # fmt: skip
        self.text.setTabChangesFocus(True)
        self.kind = QComboBox(self)
        for key in notes.KINDS:
            self.kind.addItem(self.words.kind(key), key)
        # Why a member stopped coming, for a "reason for lapsing" note: the shop counts them.
        self.reason = QComboBox(self)
        self.reason.setObjectName("noteReason")
        for key in ("", *notes.LAPSE_REASONS):
            self.reason.addItem(self.words.reason(key), key)
        self.follow_up = QLineEdit(self)
        self.follow_up.setPlaceholderText(self.tr("optional: 3d, 明天, 下周一, 2026-12-05"))
        self.problem = QLabel(self)
        self.problem.setObjectName("problemText")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        for b in self.buttons.buttons():
            b.setAutoDefault(False)  # Enter belongs to the finder and the text

        form = QFormLayout()
        form.addRow(self.tr("Member"), self.finder)
        form.addRow("", self.matches)
        form.addRow("", self.chosen)
        form.addRow(self.tr("Note"), self.text)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Why"), self.reason)
        form.addRow(self.tr("Follow up"), self.follow_up)
        self.kind.currentIndexChanged.connect(
            lambda: form.setRowVisible(self.reason, self.kind.currentData() == "lapse"))
        form.setRowVisible(self.reason, False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(480, 0)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search)
        self.finder.textEdited.connect(self._finder_edited)
        keys = _Keys(self)
        self.finder.installEventFilter(keys)
        self.text.installEventFilter(keys)
        self.setTabOrder(self.finder, self.text)
        self.setTabOrder(self.text, self.kind)
        self.setTabOrder(self.kind, self.reason)
        self.setTabOrder(self.reason, self.follow_up)
        if member_id is not None:
            self.choose(member_id)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Where typing goes first: the text when the member is known, else the finder.
        (self.text if self.member_id is not None else self.finder).setFocus()

    # --- the member ----------------------------------------------------------------------

    def _finder_edited(self) -> None:
        """Typing in the finder again looks for another member."""
        self.member_id = None
        self.chosen.clear()
        self.matches.show()
        self._search_timer.start()

    def _search(self) -> None:
        fill_matches(self.matches, self.store, self.finder.text())

    def take_match(self) -> None:
        """Enter in the finder: the highlighted match (searching first if a scan or fast
        typing has not been searched yet)."""
        if self._search_timer.isActive() or not self.matches.count():
            self._search_timer.stop()
            self._search()
        item = self.matches.currentItem()
        if item is None:
            self.problem.setText(self.tr("No member matches “%1”.").replace(
                "%1", self.finder.text()))  # fmt: skip
            self.finder.selectAll()
            return
        self.choose(item.data(MemberRole))

    def choose(self, member_id: int) -> None:
        detail = members.detail(self.store, member_id)
        if detail is None:
            return
        self.member_id = member_id
        archived = self.tr(" · archived") if detail.archived else ""
        self.chosen.setText(f"<b>{_html(detail.name or detail.nickname)}</b> {detail.code}"
                            f"{archived}")  # fmt: skip
        self.finder.setText(detail.name or detail.nickname)
        self.matches.clear()
        self.matches.hide()
        self.problem.clear()
        self.text.setFocus()

    # --- saving --------------------------------------------------------------------------

    def save(self) -> int | None:
        if self.member_id is None:
            self.problem.setText(self.tr("Choose the member first: type a name and press "
                                         "Enter."))  # fmt: skip
            self.finder.setFocus()
            return None
        try:
            follow_up = notes.parse_follow_up(self.follow_up.text())
            note = notes.add(self.store, self.member_id, self.text.toPlainText(),
                             kind=self.kind.currentData(), follow_up_at=follow_up,
                             reason=self.reason.currentData() if self.kind.currentData() == "lapse"
                             else "")  # fmt: skip
        except CodedError as exc:
            self.problem.setText(f"<span style='color:#b3261e'>{_html(refusal_text(exc))}"
                                 "</span>")  # fmt: skip
            return None
        announce(Area.NOTES)
        self.saved.emit(note.id)
        self.accept()
        return note.id


def _html(text: str) -> str:
    import html

    return html.escape(text)
