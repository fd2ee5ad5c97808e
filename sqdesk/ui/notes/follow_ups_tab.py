"""The follow-ups list: due, overdue, coming up, all open or done, of one kind or all, with
the member's recent notes beside the one chosen; done, snooze or open the member."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import notes
from sqdesk.core.notes import FollowUp
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, follow
from sqdesk.ui.notes import follow_up_actions
from sqdesk.ui.notes.follow_up_actions import FollowUpWords
from sqdesk.ui.notes.words import NoteWords
from sqdesk.ui.widgets import make_table, on_enter, select_row

RECENT = 5  # notes shown beside a follow-up
RECENT_CHARS = 160  # of each: a long note is read in the profile
OVERDUE = "#c05621"


class FollowUpsTab(QWidget):
    openMember = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpsTab")
        self.store = store
        self.words = NoteWords(self)
        self.actions_words = FollowUpWords(self)
        self.shown: list[FollowUp] = []

        self.view = QComboBox(self)
        self.view.setObjectName("followUpView")
        for label, key in ((self.tr("Due today and overdue"), "due"),
                           (self.tr("Overdue"), "overdue"), (self.tr("Coming up"), "upcoming"),
                           (self.tr("All open"), "open"), (self.tr("Done"), "done")):  # fmt: skip
            self.view.addItem(label, key)
        self.kind = QComboBox(self)
        self.kind.setObjectName("followUpKind")
        self.kind.addItem(self.tr("All kinds"), None)
        for key in notes.KINDS:
            self.kind.addItem(self.words.kind(key), key)
        self.view.currentIndexChanged.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.count = QLabel(self)

        self.table = make_table(self, [self.tr("Due"), self.tr("Member"), self.tr("Kind"),
                                       self.tr("Note"), self.tr("What came of it")], 3)  # fmt: skip
        self.table.setObjectName("followUpTable")
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.table.itemDoubleClicked.connect(lambda _i: self.open_current())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        on_enter(self.table, self.open_current)
        self.recent_title = QLabel(self)
        self.recent_title.setObjectName("sectionTitle")
        self.recent = QListWidget(self)
        self.recent.setObjectName("recentNotes")
        self.recent.setWordWrap(True)
        self.recent.setSpacing(4)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.recent_title)
        side_layout.addWidget(self.recent, 1)
        split = QSplitter(self)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 1)
        split.setSizes([720, 320])

        self.done_button = QPushButton(self.actions_words.done_action(), self)
        self.done_button.clicked.connect(self.ask_done)
        self.snooze_button = QPushButton(self.actions_words.snooze(), self)
        snooze_menu = QMenu(self.snooze_button)
        for label, days in self.actions_words.snooze_for():
            snooze_menu.addAction(label, lambda d=days: self.snooze(d))
        self.snooze_button.setMenu(snooze_menu)
        self.open_button = QPushButton(self.actions_words.open_member(), self)
        self.open_button.clicked.connect(self.open_current)

        filters = QHBoxLayout()
        filters.addWidget(self.view)
        filters.addWidget(self.kind)
        filters.addWidget(self.count, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.done_button, self.snooze_button, self.open_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        follow(self, {Area.NOTES, Area.MEMBERS, Area.DAY}, self.refresh, fill_when_shown=True)
        self._chosen()

    def refresh(self) -> None:
        chosen = self.current()
        keep = chosen.note.id if chosen else None
        self.shown = notes.follow_ups(self.store, view=self.view.currentData(),
                                      kind=self.kind.currentData())  # fmt: skip
        today = date.today()
        self.table.setRowCount(len(self.shown))
        row_to_select = 0
        for r, f in enumerate(self.shown):
            n = f.note
            due = f.due.astimezone()
            when = (self.tr("%1 (overdue %n day(s))", "", (today - due.date()).days)
                    .replace("%1", f"{due:%Y-%m-%d %H:%M}") if f.overdue
                    else f"{due:%Y-%m-%d %H:%M}")  # fmt: skip
            name = n.member_name + (self.tr(" (archived)") if n.member_archived else "")
            cells = [when, f"{name} · {n.member_code}", self.words.kind(n.kind),
                     n.text.replace("\n", " "), n.outcome]  # fmt: skip
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c == 0 and f.overdue:
                    item.setForeground(Qt.GlobalColor.darkRed)
                if c == 3:
                    item.setToolTip(n.text[:600])
                self.table.setItem(r, c, item)
            if n.id == keep:
                row_to_select = r
        for c in (0, 1, 2, 4):  # the note's own column takes the rest
            self.table.resizeColumnToContents(c)
        self.count.setText(self.tr("%n follow-up(s)", "", len(self.shown)))
        if self.shown:
            select_row(self.table, row_to_select)
        self._chosen()

    def current(self) -> FollowUp | None:
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _chosen(self) -> None:
        """The member's latest notes beside the follow-up, so the call starts informed."""
        f = self.current()
        is_open = f is not None and f.note.follow_up_done_at is None
        writable = not self.store.read_only
        self.done_button.setEnabled(is_open and writable)
        self.snooze_button.setEnabled(is_open and writable)
        self.open_button.setEnabled(f is not None)
        self.recent.clear()
        if f is None:
            self.recent_title.setText(self.tr("Recent notes"))
            return
        self.recent_title.setText(self.tr("Recent notes about %1").replace(
            "%1", f.note.member_name))  # fmt: skip
        for n in notes.for_member(self.store, f.note.member_id, limit=RECENT):
            text = n.text if len(n.text) <= RECENT_CHARS else n.text[:RECENT_CHARS] + "…"
            item = QListWidgetItem(f"{n.at.astimezone():%Y-%m-%d} · {self.words.kind(n.kind)}"
                                   f"\n{text}")  # fmt: skip
            item.setToolTip(n.text[:600])
            self.recent.addItem(item)

    def _menu(self, pos) -> QMenu | None:
        f = self.current()
        if f is None or f.note.follow_up_done_at is not None or self.store.read_only:
            return None
        menu = QMenu(self)
        member_id = f.note.member_id
        follow_up_actions.add_actions(menu, self, self.store, f.note.id,
                                      lambda: self.openMember.emit(member_id))  # fmt: skip
        menu.popup(self.table.viewport().mapToGlobal(pos))
        return menu

    def ask_done(self):
        f = self.current()
        if f is not None:
            return follow_up_actions.ask_outcome(self, self.store, f.note.id)
        return None

    def snooze(self, days: int) -> bool:
        f = self.current()
        return f is not None and follow_up_actions.snooze(self, self.store, f.note.id, days)

    def open_current(self) -> None:
        f = self.current()
        if f is not None:
            self.openMember.emit(f.note.member_id)
