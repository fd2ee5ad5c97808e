"""Why members stopped coming: the reasons given in "lapse" notes, counted by member, the
most common first, over a period the shop picks."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sqdesk.core import notes
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, follow
from sqdesk.ui.notes.words import NoteWords
from sqdesk.ui.widgets import fill_table, make_table


class LapsesTab(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lapsesTab")
        self.store = store
        self.words = NoteWords(self)
        self.period = QComboBox(self)
        self.period.setObjectName("lapsePeriod")
        for label, days in ((self.tr("Ever"), None), (self.tr("The last 12 months"), 365),
                            (self.tr("The last 90 days"), 90)):  # fmt: skip
            self.period.addItem(label, days)
        self.period.currentIndexChanged.connect(self.refresh)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = make_table(self, [self.tr("Reason"), self.tr("Members"), self.tr("Share")], 0)
        self.table.setObjectName("lapseTable")
        hint = QLabel(self.tr("A note of the kind “Reason for lapsing” can say why; it is "
                              "counted here once per member and reason."), self)  # fmt: skip
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        top = QHBoxLayout()
        top.addWidget(self.period)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        follow(self, {Area.NOTES}, self.refresh, fill_when_shown=True)

    def refresh(self) -> None:
        days = self.period.currentData()
        since = date.today() - timedelta(days=days) if days else None
        counts = notes.lapse_reasons(self.store, since=since)
        fill_table(self.table, [(self.words.reason(c.reason), f"{c.members:,}",
                                 f"{c.share:.0%}") for c in counts], numeric={1, 2})  # fmt: skip
        total = notes.lapsed_members(self.store, since=since)
        none = self.tr("No member has been noted as lapsing yet.")
        self.summary.setText(self.tr("%n member(s) noted as lapsing.", "", total) if counts
                             else none)  # fmt: skip
        # The counts as wide as they need, the reason the rest of the width (sized to its
        # contents too, it stayed narrow beside a grey strip until the window was resized).
        for column in (1, 2):
            self.table.resizeColumnToContents(column)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
