"""The profile's Visits tab: the member's visits, newest first, a page at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from sqdesk.core import member_story
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, follow
from sqdesk.ui.points.words import PointsWords
from sqdesk.ui.widgets import make_table


class VisitsPanel(QWidget):
    def __init__(self, store: Store, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.member_id = member_id
        self.words = PointsWords(self)
        self.shown = member_story.PAGE
        self.table = make_table(self, [self.tr("When"), self.tr("Spent"), self.tr("Points"),
                                       self.tr("Channel"), self.tr("Remark")], 4)  # fmt: skip
        self.table.setObjectName("memberVisits")
        self.empty = QLabel(self.tr("No visits yet."), self)
        self.more_button = QPushButton(self.tr("Show Older Visits"), self)
        self.more_button.clicked.connect(self.show_more)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        follow(self, {Area.POINTS}, self.refresh, fill_when_shown=True)

    def show_more(self) -> None:
        self.shown += member_story.PAGE
        self.refresh()

    def refresh(self) -> None:
        rows = member_story.visits(self.store, self.member_id, limit=self.shown + 1)
        self.more_button.setVisible(len(rows) > self.shown)
        rows = rows[: self.shown]
        self.empty.setVisible(not rows)
        self.table.setRowCount(len(rows))
        grey = QBrush(QColor("#9a9d94"))
        for r, v in enumerate(rows):
            remark = v.remark
            if v.voided:
                remark = (self.tr("(undone)") + " " + remark).strip()
            cells = (v.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                     f"¥{v.amount_cents / 100:,.2f}", f"{v.points:+,}" if v.points else "",
                     self.words.channel(v.channel), remark)  # fmt: skip
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)  # fmt: skip
                if v.voided:
                    item.setForeground(grey)
                self.table.setItem(r, c, item)
        for c in range(4):  # a page of rows: cheap to measure, and nothing is cut off
            self.table.resizeColumnToContents(c)
