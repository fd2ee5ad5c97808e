"""The Members page: the roster table over the whole store."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core.store import Store
from sqdesk.ui.members.model import MemberTableModel
from sqdesk.ui.widgets import PageHeader

# Column widths in characters' worth of pixels: measuring 100k rows to fit is far too slow.
_WIDTHS = (90, 110, 160, 120, 70, 100, 100)


class MembersPage(QWidget):
    countChanged = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersPage")
        self.model = MemberTableModel(store, self)
        self.header = PageHeader(self.tr("Members"), parent=self)

        self.table = QTableView(self)
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row height: per-row sizing would touch every row.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        hh = self.table.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setStretchLastSection(True)
        for column, width in enumerate(_WIDTHS):
            self.table.setColumnWidth(column, width)
        hh.setSortIndicator(
            MemberTableModel.COLUMNS.index(self.model.default_sort), Qt.SortOrder.DescendingOrder
        )
        # Enabling sorting sorts once by the indicator: that is the model's first load.
        self.table.setSortingEnabled(True)

        self.empty = QLabel(
            self.tr("No members yet. Members you add or import will be listed here."), self
        )
        self.empty.setObjectName("emptyHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.model.modelReset.connect(self._update_count)
        self._update_count()

    def set_store(self, store: Store) -> None:
        self.model.set_store(store)

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.header.set_subtitle(self.tr("%n member(s)", "", n))
        self.table.setVisible(n > 0)
        self.empty.setVisible(n == 0)
        self.countChanged.emit(n)
