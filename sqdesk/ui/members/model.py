"""The roster's item model: ordered ids in memory, row contents fetched a block at a time.

The model never holds 100k rows: it keeps the ordered ids (from SQL, sorted there) and
asks the core for the rows of one block when the view first paints a cell of it.

While typing, a search that matches thousands ("li" matches 20,000 of 100,000) shows its
first screenful at once (`members.first_search_page`, a few milliseconds) and the rest of
the ranked ids arrive from the background a moment later, appended below; anything that
needs them all (export, bulk actions, finding a member's row) completes them first.
"""

from __future__ import annotations

import weakref
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from sqdesk.core import members, tags
from sqdesk.core.members import FIGURES, MemberRow, SortKey
from sqdesk.core.store import Store
from sqdesk.ui.jobs import run_quiet
from sqdesk.ui.members.words import MemberWords

# Rows are read a block at a time: a screenful and a little more, so a keystroke's first
# paint reads 50 members, not 200 (1 ms against 4 on the 100k store).
BLOCK = 50
MAX_CACHED_BLOCKS = 200
# A search's first screenful of ids (the rest follow from the background).
FIRST_IDS = 200
# The rest is ranked this long after the first screenful, when the roster has painted it: a
# ranking started at once shares the one interpreter lock with the paint's data() calls and
# made each keystroke's paint 9-15 ms later (docs/ARCHITECTURE.md, "Item views and
# speed"). A key typed within this time replaces it and nothing is ranked in vain.
REST_AFTER_MS = 50

IdRole = Qt.ItemDataRole.UserRole + 1
TagsRole = Qt.ItemDataRole.UserRole + 2  # [(name, colour)] for the tag chips

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_INITIAL_ORDER = Qt.ItemDataRole.InitialSortOrderRole
_DESCENDING = Qt.SortOrder.DescendingOrder.value
# The roles data() answers for some cell; any other is None at once.
_ROLES = frozenset({_DISPLAY, _ALIGNMENT, _FOREGROUND, _TOOLTIP, IdRole, TagsRole})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_GREYED = QBrush(QColor("#9a9d94"))  # an archived member's row


class MemberTableModel(QAbstractTableModel):
    # Every id in view is known (after a search's first screenful, once the rest arrived).
    completed = Signal()

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
        # Every tag's (name, colour), read once and again when the tags change (refresh_tags):
        # not at every keystroke. None: not read yet.
        self._tag_info: dict[int, tuple[str, str]] | None = None
        self._sort: SortKey | None = self.default_sort
        self._descending = True
        self._search = ""
        self._include_archived = False
        self._where: dict | None = None
        self._complete = True  # False: only a search's first screenful is known yet
        self._generation = 0  # which reload a background result belongs to
        self._rest_job = None  # the ranking of the rest of a search, in the background
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
        self._tag_info = None
        self.reload()

    def refresh_tags(self) -> None:
        """Tags were added, removed, renamed or recoloured: the rows in view read their tags
        again, keeping the rows, the scroll and the selection."""
        self._tag_info = None
        self._block_tags.clear()
        if self._ids:
            column = self.TAGS_COLUMN
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    def reload(self) -> None:
        self.beginResetModel()
        self._generation += 1
        if self._rest_job is not None:  # the previous key's rest: its statement ends at once
            self._rest_job.cancel()
            self._rest_job = None
        page = members.first_ids(
            self._store,
            FIRST_IDS,
            search_text=self._search,
            sort=self._sort,
            descending=self._descending,
            include_archived=self._include_archived,
            where=self._where,
        )
        if page is not None:
            # Fewer than a screenful: that is everyone in view.
            self._ids, self._complete = list(page), len(page) < FIRST_IDS
        else:
            self._ids, self._complete = self._all_ids(), True
        self._blocks.clear()
        self._block_tags.clear()
        self.endResetModel()
        if not self._complete:
            self._complete_later()
        else:
            self.completed.emit()

    def _all_ids(self) -> list[int]:
        return members.ordered_ids(
            self._store,
            search_text=self._search,
            # While searching, the best matches come first unless a column was clicked.
            sort=self._sort,
            descending=self._descending,
            include_archived=self._include_archived,
            where=self._where,
        )

    def _complete_later(self) -> None:
        generation = self._generation
        model = weakref.ref(self)  # held weakly, as in _rank_rest

        def start() -> None:
            alive = model()
            if alive is not None and alive._generation == generation and not alive._complete:
                alive._rank_rest()

        QTimer.singleShot(REST_AFTER_MS, self, start)

    def _rank_rest(self) -> None:
        generation, store = self._generation, self._store
        args = {"search_text": self._search, "sort": self._sort,
                "descending": self._descending, "include_archived": self._include_archived,
                "where": self._where}  # fmt: skip
        # The handler holds the model weakly: a model only Python holds (no parent) must be
        # free to go while its ranking runs; a handler that kept it alive would free it
        # inside the job's own clean-up, a crash.
        model = weakref.ref(self)

        def take(ids: list[int]) -> None:
            alive = model()
            if alive is not None:
                alive._take_rest(generation, ids)

        self._rest_job = run_quiet(self, lambda _p, _s: members.ordered_ids(store, **args),
                                   on_success=take)  # fmt: skip

    def _take_rest(self, generation: int, ids: list[int]) -> None:
        """The whole ranked list, of which the rows shown are the start: appended below."""
        if generation != self._generation or self._complete:
            return  # typed on, or already completed
        shown = len(self._ids)
        self._complete = True
        if ids[:shown] != self._ids:  # the store changed in between: show it as it is now
            self.beginResetModel()
            self._ids = ids
            self._blocks.clear()
            self._block_tags.clear()
            self.endResetModel()
        elif len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()
        self.completed.emit()

    def ensure_complete(self) -> None:
        """Every id in view, now (export, bulk actions, finding a member's row)."""
        if not self._complete:
            self._take_rest(self._generation, self._all_ids())

    @property
    def complete(self) -> bool:
        return self._complete

    def set_filter(self, where: dict | None) -> None:
        """Show only a segment's or a tag's members (None: everyone)."""
        if where != self._where:
            self._where = where
            self.reload()

    @property
    def filtered(self) -> bool:
        return self._where is not None

    def set_search(self, text: str, *, column: int | None = None,
                   order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # fmt: skip
        """Search for `text`; with `column`, sorted by it as well (-1: by rank), in the
        same one reload."""
        unchanged = members.search_key(text) == members.search_key(self._search)
        self._search = text
        if column is not None:
            self._set_order(column, order)
            self.reload()
        elif not unchanged:  # "zhang " and "zhang", or a lone letter, search the same
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
        self.ensure_complete()
        return list(self._ids)

    def row_of(self, member_id: int) -> int:
        if member_id not in self._ids:
            self.ensure_complete()
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
        return block[row % BLOCK]

    def _tags_of_block(self, number: int) -> dict[int, list[int]]:
        """Member id -> tag ids, for the members of a block (read with the block's first
        chip; a shop without tags reads nothing)."""
        found = self._block_tags.get(number)
        if found is None:
            if self._tag_info is None:
                self._tag_info = tags.names_and_colours(self._store)
            ids = self._ids[number * BLOCK : (number + 1) * BLOCK]
            found = tags.tag_ids_by_member(self._store, ids) if self._tag_info else {}
            if any(t not in self._tag_info for tag_ids in found.values() for t in tag_ids):
                # A tag made since the names were read: read them again.
                self._tag_info = tags.names_and_colours(self._store)
            self._block_tags[number] = found
        return found

    def tags_of_row(self, row: int) -> list[tuple[str, str]]:
        """The (name, colour) of a row's tags, in display order."""
        member = self._row(row)
        if member is None:
            return []
        ids = self._tags_of_block(row // BLOCK).get(member.id, [])
        info = self._tag_info or {}
        return [info[t] for t in ids if t in info]

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
        if (role == _INITIAL_ORDER and orientation == Qt.Orientation.Horizontal
                and section != self.TAGS_COLUMN and self.COLUMNS[section] in FIGURES):  # fmt: skip
            # A figure's first click shows the biggest first (most points, latest visit,
            # top spenders): what a manager clicks it for, and an index walk
            # (members.first_ids) where smallest first orders every member.
            return _DESCENDING
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A repaint asks every visible cell for seven roles (font, check state, decoration,
        # background... ): those the roster leaves to the style go first, in one look.
        if role not in _ROLES or not index.isValid():
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if index.column() == self.TAGS_COLUMN:
            if role == TagsRole:
                return self.tags_of_row(index.row())
            if role in (_DISPLAY, _TOOLTIP):
                return "、".join(name for name, _ in self.tags_of_row(index.row()))
            return None
        if role == _ALIGNMENT:
            return self.alignment(index.column())
        if role not in (_DISPLAY, _FOREGROUND):
            return None
        row = self._row(index.row())
        if row is None:  # deleted since the ids were read
            return None
        if role == _FOREGROUND:
            return self.foreground(row)
        return self.display(row, self.COLUMNS[index.column()])

    # What a cell shows, read by data() and by the roster's cells (ui/members/cells.py).

    def alignment(self, column: int) -> int | None:
        return _RIGHT if self.COLUMNS[column] in self.NUMERIC else None

    def row_at(self, row: int) -> MemberRow | None:
        return self._row(row)

    def foreground(self, row: MemberRow) -> QBrush | None:
        return _GREYED if row.archived else None

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
        self._set_order(column, order)
        self.reload()

    def _set_order(self, column: int, order: Qt.SortOrder) -> None:
        # Column -1: no column sort (search rank, then newest first).
        self._sort = self.COLUMNS[column] if column >= 0 else None
        self._descending = order == Qt.SortOrder.DescendingOrder
