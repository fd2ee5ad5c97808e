"""Today's posts, one row each: the morning report and each activity's warm-up, reminder
or recap, with Copy (one click: rendered, on the clipboard, recorded, the phase ticked)
and a Preview that shows the text first and lets another template be chosen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from sqdesk.core import activities, post_today, post_values, posts
from sqdesk.core.post_render import RenderError, render
from sqdesk.core.store import Store
from sqdesk.ui.calendar.words import CalendarWords
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.posts.copy_dialog import CopyPostDialog, open_copy_dialog
from sqdesk.ui.posts.words import copy_post

ICONS = {"morning": "☀️", "warmup": "📣", "reminder": "⏰", "recap": "🙏"}
MAX_ROWS = 8  # a busy day's other posts are a click away in each occurrence's window


class TodayPosts(QWidget):
    copied = Signal()  # a post was copied (the page refreshes its ticks)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPosts")
        self.store = store
        self.words = CalendarWords(self)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 1)
        self.due: list[post_today.DuePost] = []
        self.copy_buttons: list[QPushButton] = []
        self.today = date.today()

    def fill(self, store: Store, today: date) -> None:
        self.store, self.today = store, today
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.due = post_today.due(store, today)
        copies = posts.copies_on(store, today)
        self.copy_buttons = []
        if len(self.due) > MAX_ROWS:
            more = QLabel(self.tr("… and %n more: open them from the list of today's "
                                  "activities.", "", len(self.due) - MAX_ROWS), self)  # fmt: skip
            more.setObjectName("morePosts")
            self.grid.addWidget(more, MAX_ROWS, 0, 1, 4)
        for row, d in enumerate(self.due[:MAX_ROWS]):
            what = self.tr("Morning report") if d.kind == "morning" else (
                f"{self.words.phase(d.kind)} · {d.occurrence.title}")  # fmt: skip
            label = QLabel(f"{ICONS.get(d.kind, '')} {what}", self)
            label.setToolTip(d.template.name)
            when = posts.copied_at(copies, d.template, d.target)
            state = QLabel(self)
            state.setObjectName("copiedState")
            if when or d.done:
                time = when.astimezone().strftime("%H:%M") if when else ""
                state.setText(self.tr("✓ copied %1").replace("%1", time).strip()
                              if when else self.tr("✓ done"))  # fmt: skip
                state.setStyleSheet("color: #2e7d5b;")
            preview = QToolButton(self)
            preview.setText(self.tr("Preview…"))
            preview.clicked.connect(lambda _c=False, i=row: self.preview(i))
            copy = QPushButton(self.tr("Copy"), self)
            copy.setObjectName(f"copyDue{row}")
            copy.setToolTip(self.tr("Put “%1” on the clipboard, ready to paste in WeChat")
                            .replace("%1", d.template.name))  # fmt: skip
            copy.clicked.connect(lambda _c=False, i=row: self.copy(i))
            self.copy_buttons.append(copy)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(state, row, 1)
            self.grid.addWidget(preview, row, 2)
            self.grid.addWidget(copy, row, 3)

    def text_for(self, index: int) -> str:
        d = self.due[index]
        values = post_values.values_for(self.store, occurrence=d.occurrence, today=self.today)
        return render(d.template.body, values)

    def copy(self, index: int) -> str:
        """One click: the post rendered for today, on the clipboard, and its task ticked."""
        d = self.due[index]
        try:
            text = self.text_for(index)
        except RenderError:
            self.preview(index)  # shows what is wrong with the template
            return ""
        copy_post(self, self.store, d.template, text, rendered_for=d.target,
                  label=d.occurrence.title if d.occurrence else "")  # fmt: skip
        self._done(d)
        return text

    def _done(self, d: post_today.DuePost) -> None:
        if d.occurrence is not None and d.kind != "morning" and not self.store.read_only:
            o = d.occurrence
            if o.warmup_days is not None:
                activities.tick_phase(self.store, o.activity_id, o.original_date, d.kind, True)
                announce(Area.CALENDAR)
        self.copied.emit()

    def preview(self, index: int) -> CopyPostDialog:
        d = self.due[index]
        audience = posts.templates_for(self.store, "group")
        about = d.occurrence.title if d.occurrence else self.tr("Morning report")
        dialog = open_copy_dialog(self, self.store, audience, chosen=d.template.id,
                                  about=about, occurrence=d.occurrence,
                                  phase=d.kind if d.occurrence else None,
                                  today=self.today)  # fmt: skip
        dialog.copied.connect(lambda _t: self._done(d))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        return dialog
