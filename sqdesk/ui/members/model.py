"""The roster's item model: ordered ids in memory, row contents fetched a block at a time.

The model never holds 100k rows: it keeps the ordered ids (from SQL, sorted there) and
asks the core for the rows of one block when the view first paints a cell of it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sqdesk.core import members
from sqdesk.core.members import MemberRow, SortKey
from sqdesk.core.store import Store

BLOCK = 200
MAX_CACHED_BLOCKS = 50

IdRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class MemberTableModel(QAbstractTableModel):
    COLUMNS: tuple[SortKey, ...] = (
        SortKey.CODE,
        SortKey.NAME,
        SortKey.NICKNAME,
        SortKey.MOBILE,
        SortKey.GENDER,
        SortKey.JOINED,
        SortKey.SOURCE,
    )

    # Newest members first: the ones a manager is most likely looking for.
    default_sort = SortKey.JOINED

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._ids: list[int] = []
        self._blocks: dict[int, list[MemberRow | None]] = {}
        self._sort = self.default_sort
        self._descending = True
        self._headers = {
            SortKey.CODE: self.tr("Code"),
            SortKey.NAME: self.tr("Name"),
            SortKey.NICKNAME: self.tr("Nickname"),
            SortKey.MOBILE: self.tr("Mobile"),
            SortKey.GENDER: self.tr("Gender"),
            SortKey.JOINED: self.tr("Joined"),
            SortKey.SOURCE: self.tr("Source"),
        }
        self._genders = {"F": self.tr("Female"), "M": self.tr("Male"), "": ""}

    # --- loading -------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self._store = store
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = members.ordered_ids(self._store, sort=self._sort, descending=self._descending)
        self._blocks.clear()
        self.endResetModel()

    def _row(self, row: int) -> MemberRow | None:
        number = row // BLOCK
        block = self._blocks.get(number)
        if block is None:
            if len(self._blocks) >= MAX_CACHED_BLOCKS:
                self._blocks.clear()
            ids = self._ids[number * BLOCK : (number + 1) * BLOCK]
            found = members.rows(self._store, ids)
            block = [found.get(i) for i in ids]
            self._blocks[number] = block
        return block[row % BLOCK]

    def member_id(self, row: int) -> int:
        return self._ids[row]

    # --- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[self.COLUMNS[section]]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._row(index.row())
        if row is None:  # deleted since the ids were read
            return None
        key = self.COLUMNS[index.column()]
        if key is SortKey.CODE:
            return row.code
        if key is SortKey.NAME:
            return row.name
        if key is SortKey.NICKNAME:
            return row.nickname
        if key is SortKey.MOBILE:
            return row.mobile_masked
        if key is SortKey.GENDER:
            return self._genders.get(row.gender, row.gender)
        if key is SortKey.JOINED:
            # ISO dates are what Chinese shops write and what sorts the same everywhere.
            return row.joined_on.isoformat()
        return row.source

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = self.COLUMNS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
