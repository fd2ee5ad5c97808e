"""The Notes page: every note searchable (two characters and more, or a member's name in
pinyin), the follow-ups with filters and the member's recent notes beside each, and why
members stopped coming, counted."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import note_search, notes
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, follow
from sqdesk.ui.notes.edit_dialog import can_edit, open_note_editor
from sqdesk.ui.notes.follow_ups_tab import FollowUpsTab
from sqdesk.ui.notes.highlight import HighlightDelegate, SpansRole, excerpt
from sqdesk.ui.notes.lapses_tab import LapsesTab
from sqdesk.ui.notes.words import NoteWords
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import PageHeader, make_table, on_enter, select_row

SHOWN = 100  # the newest matches: a manager looks for one conversation, not a report
SEARCH_DELAY_MS = 150  # typing pauses this long before the search runs
MemberRole = Qt.ItemDataRole.UserRole + 1
NoteRole = Qt.ItemDataRole.UserRole + 2
TEXT_COLUMN = 3


class NotesPage(QWidget):
    openMember = Signal(int)
    newNote = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPage")
        self.store = store
        self.words = NoteWords(self)
        self.header = PageHeader(self.tr("Notes"), parent=self)

        self.search = QLineEdit(self)
        self.search.setObjectName("notesSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr(
            "Search all notes: two characters or more (搬家, 太甜), or a member's name or "
            "pinyin"))  # fmt: skip
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._enter)
        self.new_button = QPushButton(self.tr("New Note…"), self)
        self.new_button.setToolTip(self.tr("Write down what a member said (Ctrl+J)"))
        self.new_button.clicked.connect(self.newNote)
        self.open_button = QPushButton(self.tr("Open Member"), self)
        self.open_button.clicked.connect(self.open_current)
        self.open_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setObjectName("notesStatus")
        self.results = make_table(self, [self.tr("When"), self.tr("Member"), self.tr("Kind"),
                                         self.tr("Note")], TEXT_COLUMN)  # fmt: skip
        self.results.setObjectName("noteResults")
        self.results.setItemDelegateForColumn(TEXT_COLUMN, HighlightDelegate(self.results))
        self.results.setWordWrap(False)
        self.results.itemDoubleClicked.connect(lambda _i: self.open_current())
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results.customContextMenuRequested.connect(self._menu)
        self.results.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(self._current_member() is not None))
        on_enter(self.results, self.open_current)

        search_tab = QWidget(self)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.new_button)
        row.addWidget(self.open_button)
        box = QVBoxLayout(search_tab)
        box.addLayout(row)
        box.addWidget(self.status)
        box.addWidget(self.results, 1)

        self.follow_ups = FollowUpsTab(store, self)
        self.follow_ups.openMember.connect(self.openMember)
        self.lapses = LapsesTab(store, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(search_tab, self.tr("All Notes"))
        self.tabs.addTab(self.follow_ups, self.tr("Follow-ups"))
        self.tabs.addTab(self.lapses, self.tr("Why Members Leave"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        follow(self, {Area.NOTES, Area.MEMBERS}, self.run_search, fill_when_shown=True)

    # --- searching ---------------------------------------------------------------------

    def run_search(self) -> None:
        """The newest notes matching the box (or the newest notes of all when it is empty)."""
        self._timer.stop()
        query = self.search.text().strip()
        if not query:
            found = notes.recent(self.store, limit=SHOWN)
            rows = [(n, []) for n in found]
            self.status.setText(self.tr("The latest notes. Type to search them all."))
        else:
            try:
                found = note_search.search_notes(self.store, query, limit=SHOWN)
            except note_search.SearchError as exc:
                self._fill([])
                self.status.setText(refusal_text(exc))
                return
            hits = found.hits
            rows = [(h, h.spans()) for h in hits]
            if not hits:
                self.status.setText(self.tr("No note says “%1”.").replace("%1", query))
            elif len(hits) == SHOWN:
                self.status.setText(self.tr("The newest %1 notes matching “%2”.").replace(
                    "%1", str(SHOWN)).replace("%2", query))  # fmt: skip
            else:
                self.status.setText(self.tr("%n note(s) matching “%1”.", "", len(hits))
                                    .replace("%1", query))  # fmt: skip
        if query and found.too_many_members:
            self.status.setText(self.status.text() + " " + self.tr(
                "(Many members' names start with “%1”: type more of a name to see their "
                "notes too.)").replace("%1", query))  # fmt: skip
        self._fill(rows)

    def _fill(self, rows: list[tuple]) -> None:
        table = self.results
        table.setRowCount(len(rows))
        for r, (n, spans) in enumerate(rows):
            name = n.member_name + (self.tr(" (archived)") if n.member_archived else "")
            text, marks = excerpt(n.text, spans)
            cells = [f"{n.at.astimezone():%Y-%m-%d %H:%M}", f"{name} · {n.member_code}",
                     self.words.kind(n.kind), text]  # fmt: skip
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(MemberRole, n.member_id)
                item.setData(NoteRole, n.id)
                if c == TEXT_COLUMN:
                    item.setData(SpansRole, marks)
                    item.setToolTip(n.text[:600])
                table.setItem(r, c, item)
        for c in range(TEXT_COLUMN):  # the note's own column takes the rest
            table.resizeColumnToContents(c)
        if rows:
            select_row(table, 0)
        self.open_button.setEnabled(self._current_member() is not None)

    def _enter(self) -> None:
        """Enter in the box: search now, and go to the results (Enter there opens one)."""
        if self._timer.isActive():
            self.run_search()
        if self.results.rowCount():
            self.results.setFocus()

    def _current_member(self) -> int | None:
        item = self.results.item(self.results.currentRow(), 0)
        return item.data(MemberRole) if item is not None else None

    def open_current(self) -> None:
        member_id = self._current_member()
        if member_id is not None:
            self.openMember.emit(member_id)

    def _menu(self, pos) -> QMenu | None:
        item = self.results.itemAt(pos)
        if item is None:
            return None
        note_id = item.data(NoteRole)
        menu = QMenu(self)
        if not self.store.read_only:
            label = (self.tr("Edit Note…") if can_edit(notes.get(self.store, note_id))
                     else self.tr("Add an Amendment…"))  # fmt: skip
            menu.addAction(label, lambda: open_note_editor(self, self.store, note_id))
        menu.addAction(self.tr("Open the Member"), self.open_current)
        menu.popup(self.results.viewport().mapToGlobal(pos))
        return menu

    def show_follow_ups(self) -> None:
        self.tabs.setCurrentWidget(self.follow_ups)
