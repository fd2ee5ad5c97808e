"""What can be done with an open follow-up, the same from Today and from the Notes page:
mark it done (with what came of it, optionally), snooze it, open the member. Each write is
announced (Area.NOTES), so every list showing it follows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from sqdesk.core import notes
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import warn


class FollowUpWords(QObject):
    """The words of the actions (one tr() context wherever they are offered)."""

    def title(self) -> str:
        return self.tr("Follow-up")

    def done_title(self) -> str:
        return self.tr("Follow-up Done")

    def what_came(self) -> str:
        return self.tr("What came of it? (optional)")

    def done_action(self) -> str:
        return self.tr("Done, with What Came of It…")

    def snooze(self) -> str:
        return self.tr("Snooze")

    def snooze_for(self) -> tuple[tuple[str, int], ...]:
        return ((self.tr("Until Tomorrow"), 1), (self.tr("3 Days"), 3), (self.tr("A Week"), 7))

    def open_member(self) -> str:
        return self.tr("Open the Member")


def mark_done(parent: QWidget, store: Store, note_id: int, outcome: str = "") -> bool:
    try:
        notes.follow_up_done(store, note_id, outcome=outcome)
    except notes.NoteError as exc:
        warn(parent, FollowUpWords().title(), refusal_text(exc))
        return False
    announce(Area.NOTES)
    return True


def snooze(parent: QWidget, store: Store, note_id: int, days: int) -> bool:
    until = notes.parse_follow_up(f"{days}d")
    try:
        notes.snooze(store, note_id, until)
    except notes.NoteError as exc:
        warn(parent, FollowUpWords().title(), refusal_text(exc))
        return False
    announce(Area.NOTES)
    return True


def ask_outcome(parent: QWidget, store: Store, note_id: int) -> QInputDialog:
    """Done, with what came of it (optional): a small dialog, Enter saves."""
    dialog = QInputDialog(parent)
    words = FollowUpWords(dialog)
    dialog.setWindowTitle(words.done_title())
    dialog.setLabelText(words.what_came())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.textValueSelected.connect(lambda text: mark_done(parent, store, note_id, text))
    dialog.open()
    return dialog


def add_actions(menu: QMenu, parent: QWidget, store: Store, note_id: int,
                open_member: Callable[[], object]) -> None:  # fmt: skip
    """Done…, Snooze ▸ and Open the Member, for a context menu."""
    words = FollowUpWords(menu)
    menu.addAction(words.done_action(), lambda: ask_outcome(parent, store, note_id))
    later = menu.addMenu(words.snooze())
    for label, days in words.snooze_for():
        later.addAction(label, lambda d=days: snooze(parent, store, note_id, d))
    menu.addAction(words.open_member(), open_member)
