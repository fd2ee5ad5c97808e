"""The Points page's Leaderboards tab: a month's leaders by points earned, check-in streak,
referrals or activities; Copy as Post puts the top ten in the group's words on the
clipboard (nicknames or names, as the shop chooses); a member who asks is left off."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMenu, QPushButton, QVBoxLayout, QWidget

from sqdesk.core import leaderboards
from sqdesk.core.leaderboards import Row
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce, follow
from sqdesk.ui.widgets import fill_table, make_table, toast

MONTHS = 12


class BoardsTab(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boardsTab")
        self.store = store
        self.rows: list[Row] = []
        self.by = QComboBox(self)
        self.by.setObjectName("boardBy")
        for key, label in (("points", self.tr("Points earned")),
                           ("checkins", self.tr("Check-in streak")),
                           ("referrals", self.tr("Referrals")),
                           ("attendance", self.tr("Activities"))):  # fmt: skip
            self.by.addItem(label, key)
        self.month = QComboBox(self)
        first = date.today().replace(day=1)
        for _ in range(MONTHS):
            self.month.addItem(f"{first:%Y-%m}", first)
            first = (first - timedelta(days=1)).replace(day=1)
        self.show_as = QComboBox(self)
        self.show_as.addItem(self.tr("Nicknames in the post"), "nickname")
        self.show_as.addItem(self.tr("Names in the post"), "name")
        self.copy_button = QPushButton(self.tr("Copy as Post"), self)
        self.copy_button.clicked.connect(self.copy_post)
        self.table = make_table(self, [self.tr("Rank"), self.tr("Member"), self.tr("Nickname"),
                                       self.tr("Score")], 1)  # fmt: skip
        self.table.setObjectName("boardTable")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        for box in (self.by, self.month):
            box.currentIndexChanged.connect(self.refresh)
        bar = QHBoxLayout()
        for w in (self.by, self.month, self.show_as):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        follow(self, {Area.POINTS, Area.MEMBERS, Area.CALENDAR}, self.refresh,
               fill_when_shown=True)  # fmt: skip

    def refresh(self) -> None:
        self.rows = leaderboards.board(self.store, self.by.currentData(),
                                       month=self.month.currentData())  # fmt: skip
        fill_table(self.table, [(r.rank, f"{r.name or r.nickname} · {r.code}", r.nickname,
                                 r.value) for r in self.rows], numeric={0, 3})  # fmt: skip
        self.copy_button.setEnabled(bool(self.rows))

    def copy_post(self) -> str:
        text = leaderboards.post_text(self.rows, self.by.currentData(), self.month.currentData(),
                                      show=self.show_as.currentData())  # fmt: skip
        QGuiApplication.clipboard().setText(text)
        toast(self, self.tr("The board is copied: paste it in the group."))
        return text

    def _menu(self, pos) -> QMenu | None:
        row = self.table.rowAt(pos.y())
        if not 0 <= row < len(self.rows) or self.store.read_only:
            return None
        member_id = self.rows[row].member_id
        menu = QMenu(self)
        menu.addAction(self.tr("Leave Off Leaderboards (at the member's request)"),
                       lambda: self.leave_off(member_id))  # fmt: skip
        menu.popup(self.table.viewport().mapToGlobal(pos))
        return menu

    def leave_off(self, member_id: int) -> None:
        leaderboards.set_hidden(self.store, member_id, True)
        announce(Area.MEMBERS)
