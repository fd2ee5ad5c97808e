"""The roster's item model: ordered ids in memory, row contents fetched a block at a time.

The model never holds 100k rows: it keeps the ordered ids (from SQL, sorted there) and
asks the core for the rows of one block when the view first paints a cell of it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from sqdesk.core import members, tags
from sqdesk.core.members import MemberRow, SortKey
from sqdesk.core.store import Store
from sqdesk.ui.members.words import MemberWords

BLOCK = 200
MAX_CACHED_BLOCKS = 50

IdRole = Qt.ItemDataRole.UserRole + 1
TagsRole = Qt.ItemDataRole.UserRole + 2  # [(name, colour)] for the tag chips

_Index = QModelIndex | QPersistentModelIndex


class MemberTableModel(QAbstractTableModel):
    COLUMNS: tuple[SortKey, ...] = tuple(SortKey)
    # Shown until the user picks columns of their own.
    # The main columns fit a 1024-pixel window; the rest are a right-click on the header away.
    DEFAULT_HIDDEN = frozenset({SortKey.WECHAT, SortKey.REMARK, SortKey.REGION,
                                SortKey.GENDER, SortKey.BIRTHDAY, SortKey.SOURCE,
                                SortKey.SPEND, SortKey.VISITS})  # fmt: skip
    NUMERIC = frozenset({SortKey.POINTS, SortKey.SPEND, SortKey.VISITS})

    # After the field columns: the member's tags, drawn as chips (not sortable).
    TAGS_COLUMN = len(COLUMNS)

    # Newest members first: the ones a manager is most likely looking for.
    default_sort = SortKey.JOINED

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._ids: list[int] = []
        self._blocks: dict[int, list[MemberRow | None]] = {}
        self._block_tags: dict[int, dict[int, list[int]]] = {}
        self._tag_info: dict[int, tuple[str, str]] = {}
        self._sort: SortKey | None = self.default_sort
        self._descending = True
        self._search = ""
        self._include_archived = False
        self._where: dict | None = None
        self.headers = {
            SortKey.CODE: self.tr("Code"),
            SortKey.NAME: self.tr("Name"),
            SortKey.NICKNAME: self.tr("Nickname"),
            SortKey.MOBILE: self.tr("Mobile"),
            SortKey.GENDER: self.tr("Gender"),
            SortKey.BIRTHDAY: self.tr("Birthday"),
            SortKey.JOINED: self.tr("Joined"),
            SortKey.SOURCE: self.tr("Source"),
            SortKey.REGION: self.tr("Region"),
            SortKey.WECHAT: self.tr("WeChat ID"),
            SortKey.REMARK: self.tr("Remark"),
            SortKey.POINTS: self.tr("Points"),
            SortKey.LEVEL: self.tr("Level"),
            SortKey.LAST_VISIT: self.tr("Last Visit"),
            SortKey.SPEND: self.tr("Spend (12 mo.)"),
            SortKey.VISITS: self.tr("Visits (90 d)"),
        }
        self.tags_header = self.tr("Tags")
        self._genders = {"F": self.tr("Female"), "M": self.tr("Male"), "": ""}
        self._words = MemberWords(self)

    # --- loading -------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self._store = store
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = members.ordered_ids(
            self._store,
            search_text=self._search,
            # While searching, the best matches come first unless a column was clicked.
            sort=self._sort,
            descending=self._descending,
            include_archived=self._include_archived,
            where=self._where,
        )
        self._blocks.clear()
        self._block_tags.clear()
        self._tag_info = tags.names_and_colours(self._store)
        self.endResetModel()

    def set_filter(self, where: dict | None) -> None:
        """Show only a segment's or a tag's members (None: everyone)."""
        if where != self._where:
            self._where = where
            self.reload()

    @property
    def filtered(self) -> bool:
        return self._where is not None

    def set_search(self, text: str) -> None:
        unchanged = members.search_key(text) == members.search_key(self._search)
        self._search = text
        if not unchanged:  # "zhang " and "zhang", or a lone letter, search the same
            self.reload()

    @property
    def searching(self) -> bool:
        return members.search_key(self._search) is not None

    @property
    def search_text(self) -> str:
        return self._search

    def set_include_archived(self, include: bool) -> None:
        if include != self._include_archived:
            self._include_archived = include
            self.reload()

    @property
    def include_archived(self) -> bool:
        return self._include_archived

    def view_ids(self) -> list[int]:
        """The members in view, in display order (for export and bulk actions)."""
        return list(self._ids)

    def row_of(self, member_id: int) -> int:
        try:
            return self._ids.index(member_id)
        except ValueError:
            return -1

    def _row(self, row: int) -> MemberRow | None:
        number = row // BLOCK
        block = self._blocks.get(number)
        if block is None:
            if len(self._blocks) >= MAX_CACHED_BLOCKS:
                self._blocks.clear()
                self._block_tags.clear()
            ids = self._ids[number * BLOCK : (number + 1) * BLOCK]
            found = members.rows(self._store, ids)
            block = [found.get(i) for i in ids]
            self._blocks[number] = block
            self._block_tags[number] = (
                tags.tag_ids_by_member(self._store, ids) if self._tag_info else {}
            )
        return block[row % BLOCK]

    def tags_of_row(self, row: int) -> list[tuple[str, str]]:
        """The (name, colour) of a row's tags, in display order."""
        member = self._row(row)
        if member is None:
            return []
        ids = self._block_tags.get(row // BLOCK, {}).get(member.id, [])
        return [self._tag_info[t] for t in ids if t in self._tag_info]

    def member_id(self, row: int) -> int:
        return self._ids[row]

    # --- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS) + 1

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == self.TAGS_COLUMN:
                return self.tags_header
            return self.headers[self.COLUMNS[section]]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if index.column() == self.TAGS_COLUMN:
            if role == TagsRole:
                return self.tags_of_row(index.row())
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return "、".join(name for name, _ in self.tags_of_row(index.row()))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self.COLUMNS[index.column()] in self.NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole):
            return None
        row = self._row(index.row())
        if row is None:  # deleted since the ids were read
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#9a9d94")) if row.archived else None
        return self.display(row, self.COLUMNS[index.column()])

    def display(self, row: MemberRow, key: SortKey) -> str:
        """A cell's text: also what export writes, so the file says what the screen says."""
        if key is SortKey.MOBILE:
            return row.mobile_masked
        if key is SortKey.GENDER:
            return self._genders.get(row.gender, row.gender)
        if key in (SortKey.JOINED, SortKey.BIRTHDAY):
            # ISO dates are what Chinese shops write and what sorts the same everywhere.
            value = row.joined_on if key is SortKey.JOINED else row.birthday
            return value.isoformat() if value else ""
        if key is SortKey.REMARK:
            return row.remark.replace("\n", " ")
        if key is SortKey.SOURCE:
            return self._words.source(row.source)
        if key is SortKey.POINTS:
            return f"{row.points:,}"
        if key is SortKey.LAST_VISIT:
            return row.last_visit.isoformat() if row.last_visit else ""
        if key is SortKey.VISITS:
            return str(row.visits_90d) if row.visits_90d else ""
        if key is SortKey.SPEND:
            return f"¥{row.spend_12m / 100:,.0f}" if row.spend_12m else ""
        return getattr(row, key.value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column == self.TAGS_COLUMN:
            return  # tags are not an order; the page puts the indicator back
        # Column -1: no column sort (search rank, then newest first).
        self._sort = self.COLUMNS[column] if column >= 0 else None
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
