"""The profile's Timeline tab: everything that happened with the member, newest first,
100 events at a time, filtered by kind (core/timeline); or the member's notes holding the
words typed in its search box, the words marked (core/note_search)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import note_search, notes, timeline
from sqdesk.core.store import Store
from sqdesk.core.timeline import Event
from sqdesk.ui.changes import Area, follow
from sqdesk.ui.notes.edit_dialog import NoteEditDialog, can_edit, open_note_editor
from sqdesk.ui.notes.highlight import HighlightDelegate, SpansRole
from sqdesk.ui.notes.words import NoteWords
from sqdesk.ui.points.words import PointsWords
from sqdesk.ui.refusals import refusal_text

SEARCH_DELAY_MS = 150
EventRole = Qt.ItemDataRole.UserRole + 1  # (type, ref): what the line is about
_COLOURS = {"note": "#7b341e", "visit": "#1f6b4a", "ledger": "#4a4f45", "attendance": "#2b6cb0",
            "group": "#6b46c1", "post": "#b7791f"}  # fmt: skip


class TimelinePanel(QWidget):
    def __init__(self, store: Store, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.member_id = member_id
        self.note_words = NoteWords(self)
        self.points_words = PointsWords(self)
        self.events: list[Event] = []
        self.kind = QComboBox(self)
        self.kind.setObjectName("timelineKind")
        self.kind.addItem(self.tr("Everything"), None)
        for t in timeline.TYPES:
            self.kind.addItem(self.type_name(t), t)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.list = QListWidget(self)
        self.list.setObjectName("timelineList")
        self.list.setWordWrap(True)
        self.list.setItemDelegate(HighlightDelegate(self.list))  # marks only search results
        self.list.itemDoubleClicked.connect(lambda item: self.edit_note(item))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.search = QLineEdit(self)
        self.search.setObjectName("timelineSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search this member's notes"))
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.empty = QLabel(self.tr("Nothing here yet."), self)
        self.more_button = QPushButton(self.tr("Show Older"), self)
        self.more_button.clicked.connect(self.show_more)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show"), self))
        bar.addWidget(self.kind)
        bar.addStretch(1)
        bar.addWidget(self.search, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        follow(self, {Area.NOTES, Area.POINTS, Area.CALENDAR, Area.GROUPS, Area.POSTS},
               self.refresh, fill_when_shown=True)  # fmt: skip

    def type_name(self, t: str) -> str:
        return {"note": self.tr("Notes"), "visit": self.tr("Visits"),
                "ledger": self.tr("Points"), "attendance": self.tr("Activities"),
                "group": self.tr("Groups"), "post": self.tr("Posts")}[t]  # fmt: skip

    def _types(self) -> list[str]:
        chosen = self.kind.currentData()
        return [chosen] if chosen else list(timeline.TYPES)

    def refresh(self) -> None:
        self._timer.stop()
        self.events = []
        self.list.clear()
        self.kind.setEnabled(not self.search.text().strip())
        if self.search.text().strip():
            self._search(self.search.text())
        else:
            self.empty.setText(self.tr("Nothing here yet."))
            self._fetch()

    def _search(self, query: str) -> None:
        """The member's notes holding the words, newest first, the words marked."""
        self.more_button.hide()
        try:
            hits = note_search.search_notes(self.store, query, member_id=self.member_id,
                                            limit=timeline.PAGE).hits  # fmt: skip
        except note_search.SearchError as exc:
            hits, why = [], refusal_text(exc)
        else:
            why = self.tr("No note about this member says “%1”.").replace("%1", query.strip())
        for h in hits:
            head = f"{h.at.astimezone():%Y-%m-%d %H:%M}   " + self.tr("📝 %1: %2").replace(
                "%1", self.note_words.kind(h.kind)).replace("%2", "")  # fmt: skip
            item = QListWidgetItem(head + h.text)
            item.setData(EventRole, ("note", h.id))
            item.setData(SpansRole, [(start + len(head), n) for start, n in h.spans()])
            item.setForeground(QBrush(QColor(_COLOURS["note"])))
            self.list.addItem(item)
        self.empty.setText(why)
        self.empty.setVisible(not hits)

    def show_more(self) -> None:
        self._fetch()

    def _fetch(self) -> None:
        before = self.events[-1] if self.events else None
        page = timeline.events(self.store, self.member_id, before=before,
                               limit=timeline.PAGE + 1, types=self._types())  # fmt: skip
        self.more_button.setVisible(len(page) > timeline.PAGE)
        page = page[: timeline.PAGE]
        self.events += page
        for e in page:
            item = QListWidgetItem(f"{e.at.astimezone():%Y-%m-%d %H:%M}   {self.describe(e)}")
            item.setData(EventRole, (e.type, e.ref))
            item.setForeground(QBrush(QColor(_COLOURS.get(e.type, "#4a4f45"))))
            self.list.addItem(item)
        self.empty.setVisible(not self.events)

    def _note_of(self, item: QListWidgetItem | None) -> int | None:
        data = item.data(EventRole) if item is not None else None
        return data[1] if data and data[0] == "note" else None

    def edit_note(self, item: QListWidgetItem | None) -> NoteEditDialog | None:
        """A note's line: edit it (its first day) or add an amendment (after)."""
        note_id = self._note_of(item)
        return open_note_editor(self, self.store, note_id) if note_id is not None else None

    def _menu(self, pos) -> QMenu | None:
        item = self.list.itemAt(pos)
        note_id = self._note_of(item)
        if note_id is None or self.store.read_only:
            return None
        menu = QMenu(self)
        label = (self.tr("Edit Note…") if can_edit(notes.get(self.store, note_id))
                 else self.tr("Add an Amendment…"))  # fmt: skip
        menu.addAction(label, lambda: self.edit_note(item))
        menu.popup(self.list.viewport().mapToGlobal(pos))
        return menu

    def describe(self, e: Event) -> str:
        if e.type == "note" and e.amends:
            return self.tr("📝 Amendment: %1").replace("%1", e.text)
        if e.type == "note":
            return self.tr("📝 %1: %2").replace("%1", self.note_words.kind(e.detail)).replace(
                "%2", e.text)  # fmt: skip
        if e.type == "visit":
            return self.tr("🧾 Visit, %1 (%2)").replace("%1", e.text).replace(
                "%2", self.points_words.channel(e.detail))  # fmt: skip
        if e.type == "ledger":
            return self.tr("⭐ %1 points, %2").replace("%1", f"{e.amount:+,}").replace(
                "%2", self.points_words.kind(e.detail))  # fmt: skip
        if e.type == "attendance":
            return self.tr("🎉 Took part: %1").replace("%1", e.text)
        if e.type == "group":
            words = self.tr("👥 Joined %1") if e.detail == "joined" else self.tr("👥 Left %1")
            return words.replace("%1", e.text)
        return self.tr("💬 Post copied: %1").replace("%1", e.text)
