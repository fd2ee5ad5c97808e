"""The Members page: the search box and the roster table over the whole store, with the
segment bar (segment_bar.py), what the selection can be given (selection_actions.py) and
spreadsheets in and out (roster_files.py) wired to it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import members
from sqdesk.core.members import FIGURES, SortKey
from sqdesk.core.store import Store
from sqdesk.ui import prefs, sounds
from sqdesk.ui.changes import Area, follow
from sqdesk.ui.coupons.award_dialog import QuickAwardDialog
from sqdesk.ui.members.cells import RosterCells
from sqdesk.ui.members.dialog import MemberDialog
from sqdesk.ui.members.model import IdRole, MemberTableModel
from sqdesk.ui.members.roster_files import RosterFiles
from sqdesk.ui.members.segment_bar import SegmentBar
from sqdesk.ui.members.selection_actions import SelectionActions
from sqdesk.ui.members.tag_chips import TagChipsDelegate
from sqdesk.ui.widgets import PageHeader, select_row

# The roster's columns as the user left them; "2" since the figure columns came (a layout
# saved before them would hide them for good).
HEADER_KEY = "roster/header2"
# Widths from a typical value, measured in the table's font: measuring 100k rows to fit
# them is far too slow (docs/ARCHITECTURE.md, "Item views and speed"), and fixed pixels
# cut a date to "2026-11-…" in a font a little wider than the one they were tried in.
_SAMPLES = {
    SortKey.CODE: "1029999", SortKey.NAME: "欧阳娜娜", SortKey.NICKNAME: "小鹿乱撞🦌",
    SortKey.MOBILE: "155****7808", SortKey.GENDER: "Female", SortKey.BIRTHDAY: "2026-11-30",
    SortKey.JOINED: "2026-11-30", SortKey.SOURCE: "门店扫码", SortKey.REGION: "广州·海珠区",
    SortKey.WECHAT: "wxid_abcdefgh12", SortKey.REMARK: "不喝冰的，喜欢少糖，周末带娃来",
    SortKey.POINTS: "12,345", SortKey.LEVEL: "普通会员", SortKey.LAST_VISIT: "2026-11-30",
    SortKey.SPEND: "¥12,345", SortKey.VISITS: "99",
}  # fmt: skip
CELL_PADDING = 12  # the cell's margins and its grid line
SORT_ARROW = 16  # the header's room for the sort indicator
# The search runs on the event loop's next turn after a key, not after a wall-clock pause:
# keys that arrive while a search runs queue up and are searched once together, and a key
# typed at a person's pace is searched at once (a 30 ms timer here was 30 ms of every key).
SEARCH_COALESCE_MS = 0


class MembersPage(QWidget):
    status = Signal(str)  # a short message for the status bar
    newNote = Signal(int)  # write a note about this member (the main window's capture)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersPage")
        self.store = store
        self.model = MemberTableModel(store, self)
        self.header = PageHeader(self.tr("Members"), parent=self)

        self.search = QLineEdit(self)
        self.search.setObjectName("memberSearch")
        self.search.setPlaceholderText(
            self.tr("Search name, pinyin (zs, zhangsan), nickname, mobile tail or code")
        )
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_COALESCE_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._open_single_match)

        # The segment list and filter builder, what the selection can be given (tags,
        # groups, messages, archive) and spreadsheets in and out: one helper each.
        self.segments = SegmentBar(self)
        self.segments.chosen.connect(self._apply_filter)
        self.selection = SelectionActions(self)
        self.files = RosterFiles(self)
        for helper in (self.segments, self.selection, self.files):
            helper.status.connect(self.status)
        self.show_archived = QCheckBox(self.tr("Show archived"), self)
        self.show_archived.toggled.connect(self.model.set_include_archived)
        self.new_button = QPushButton(self.tr("New Member"), self)
        self.new_button.setObjectName("newMember")
        self.new_button.setToolTip(self.tr("Add a member (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_member)

        # Import, export and the duplicate finder share one "More" menu: the toolbar fits a
        # 1024-pixel store PC screen beside the navigation.
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("moreMembers")
        self.more_button.setText(self.tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        for a in (self.files.import_action, self.files.export_action,
                  self.selection.duplicates_action):  # fmt: skip
            more.addAction(a)
        more.addSeparator()
        for a in (self.selection.tags_action, self.segments.thresholds_action,
                  self.segments.delete_action):  # fmt: skip
            more.addAction(a)
        more.addSeparator()
        self.send_menu = more.addMenu(self.tr("Send One by One"))
        self.send_menu.setToolTip(
            self.tr(
                "A personal message for each member in view "
                "(or each one selected), one after the other"
            )
        )
        self.send_menu.aboutToShow.connect(self._fill_send_menu)
        more.aboutToShow.connect(self.segments.update_actions)
        self.more_button.setMenu(more)

        bar = QHBoxLayout()
        bar.addWidget(self.segments.combo)
        bar.addWidget(self.segments.filter_button)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.show_archived)
        bar.addWidget(self.selection.tag_button)
        bar.addWidget(self.more_button)
        bar.addWidget(self.new_button)

        self.table = QTableView(self)
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        # After a reset the view lays its rows out on a timer, when the first paint has
        # already drawn them, and paints the whole table again: every keystroke drew the
        # roster twice. Laid out at once (a quarter of a millisecond), it is drawn once.
        self.model.modelReset.connect(self.table.doItemsLayout)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row height: per-row sizing would touch every row.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.doubleClicked.connect(lambda index: self.open_member(index.data(IdRole)))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.selection.row_menu)
        hh = self.table.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setStretchLastSection(True)
        hh.setSectionsMovable(True)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self._column_menu)
        for column, key in enumerate(MemberTableModel.COLUMNS):
            self.table.setColumnWidth(column, self._width(key))
        tags_column = MemberTableModel.TAGS_COLUMN
        # The last column stretches into whatever is left: the main columns and the tags fit
        # a 1024-pixel window without scrolling sideways.
        self.table.setColumnWidth(tags_column, 100)
        # Kept on self: PySide calls the Python paint() only while the wrapper lives.
        self.cells = RosterCells(self.model, self.table)
        self.table.setItemDelegate(self.cells)
        self.tag_delegate = TagChipsDelegate(self.table, model=self.model)
        self.table.setItemDelegateForColumn(tags_column, self.tag_delegate)
        # Tags are no order: a click on their header keeps the current sort.
        hh.sortIndicatorChanged.connect(self._keep_sort_off_tags)
        self._restore_columns()
        hh.sectionMoved.connect(self._save_columns)
        hh.sectionResized.connect(self._save_columns)
        hh.setSortIndicator(
            MemberTableModel.COLUMNS.index(self.model.default_sort), Qt.SortOrder.DescendingOrder
        )
        # Enabling sorting sorts once by the indicator: that is the model's first load.
        self.table.setSortingEnabled(True)

        self.empty = QLabel(self)
        self.empty.setObjectName("emptyHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addLayout(bar)
        layout.addWidget(self.segments.filter_panel)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.model.modelReset.connect(self._update_count)
        self.model.completed.connect(self._update_count)  # a search's count, once all known
        self.segments.fill()
        self._update_count()
        self._add_actions()
        self._apply_read_only()
        follow(self, {Area.MEMBERS}, self.reload)
        # Tags, groups and visits change who is in a segment; of what a row shows, only its
        # Tags column, which is asked again in place.
        follow(self, {Area.TAGS, Area.GROUPS, Area.POINTS}, self._reload_if_filtered)
        follow(self, {Area.TAGS}, self.model.refresh_tags)
        follow(self, {Area.TAGS, Area.SEGMENTS}, self.segments.fill)
        follow(self, {Area.MEMBERS, Area.POINTS, Area.GROUPS, Area.DAY}, self.segments.count)

    def _add_actions(self) -> None:
        def action(owner: QWidget, text: str, shortcut, slot) -> QAction:
            a = QAction(text, owner)
            a.setShortcut(QKeySequence(shortcut))
            # Page-wide keys work from any child; row keys only in the table, so Enter and
            # Delete in the search box keep their usual meaning.
            a.setShortcutContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut
                if owner is self
                else Qt.ShortcutContext.WidgetShortcut
            )
            a.triggered.connect(slot)
            owner.addAction(a)
            return a

        self.find_action = action(self, self.tr("Find"), QKeySequence.StandardKey.Find,
                                  self.focus_search)  # fmt: skip
        self.new_action = action(self, self.tr("New Member"), QKeySequence.StandardKey.New,
                                 self.new_member)  # fmt: skip
        self.open_action = action(self.table, self.tr("Open"), Qt.Key.Key_Return,
                                  self.open_current)  # fmt: skip
        self.print_action = action(self, self.tr("Print Member Cards…"),
                                   QKeySequence.StandardKey.Print,
                                   lambda: self.selection.print_cards())  # fmt: skip
        menu = self.more_button.menu()
        menu.insertAction(menu.actions()[3], self.print_action)  # after import, export, dupes
        self.coupon_action = QAction(self.tr("Give a Coupon…"), self)
        self.coupon_action.triggered.connect(lambda: self.selection.give_coupons())
        menu.insertAction(menu.actions()[4], self.coupon_action)
        self.draw_action = QAction(self.tr("Lucky Draw…"), self)
        self.draw_action.triggered.connect(lambda: self.selection.lucky_draw())
        menu.insertAction(menu.actions()[5], self.draw_action)
        self.award_action = QAction(self.tr("Quick Award for a Pasted List…"), self)
        self.award_action.triggered.connect(self.quick_awards)
        menu.insertAction(menu.actions()[6], self.award_action)
        self.tag_action = action(self, self.tr("Tag"), "Ctrl+T",
                                 self.selection.tag_button.showMenu)  # fmt: skip
        self.archive_action = action(self.table, self.tr("Archive"),
                                     QKeySequence.StandardKey.Delete,
                                     lambda: self.selection.archive_selected(True))  # fmt: skip

    def quick_awards(self) -> QuickAwardDialog | None:
        if self.store.read_only:
            return None
        dialog = QuickAwardDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- store and view -----------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self.store = store
        self.search.clear()
        self.model.set_filter(None)
        self.model.set_store(store)
        self.segments.set_store(store)
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        """A store another copy of the app has open is for looking only."""
        writable = not self.store.read_only
        self.new_button.setVisible(writable)
        self.files.import_action.setVisible(writable)
        self.selection.duplicates_action.setVisible(writable)
        self.selection.tags_action.setVisible(writable)
        self.selection.tag_button.setVisible(writable)
        self.tag_action.setEnabled(writable)
        self.segments.thresholds_action.setVisible(writable)
        self.new_action.setEnabled(writable)
        self.archive_action.setEnabled(writable)

    def _apply_filter(self, tree: dict | None) -> None:
        self.model.set_filter(tree)
        self._update_count()

    def _fill_send_menu(self) -> None:
        self.send_menu.clear()
        self.selection.add_message_actions(self.send_menu)

    def reload(self) -> None:
        self.model.reload()

    def _reload_if_filtered(self) -> None:
        """Tags and groups show in the roster only through a filter on them."""
        if self.model.filtered:
            self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _apply_search(self) -> None:
        text = self.search.text()
        was_searching = self.model.searching
        will_search = members.search_key(text) is not None
        # A new search ranks best matches first; clearing it goes back to the column sort.
        # The header shows the new order without sorting (its signal would reload the whole
        # roster once more): the model takes the order and the text in one reload.
        header = self.table.horizontalHeader()
        if will_search and not was_searching:
            header.blockSignals(True)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            self.model.set_search(text, column=-1, order=Qt.SortOrder.AscendingOrder)
        elif was_searching and not will_search:
            column = MemberTableModel.COLUMNS.index(self.model.default_sort)
            header.blockSignals(True)
            header.setSortIndicator(column, Qt.SortOrder.DescendingOrder)
            header.blockSignals(False)
            self.model.set_search(text, column=column, order=Qt.SortOrder.DescendingOrder)
        else:
            self.model.set_search(text)
        self._update_count()

    def _update_count(self) -> None:
        if not self.model.complete:  # the first screenful: the count follows in a moment
            self.header.set_subtitle(self.tr("Counting…"))
            self.table.setVisible(True)
            self.empty.setVisible(False)
            return
        n = self.model.rowCount()
        text = self.model.search_text.strip()
        if self.model.filtered and not self.model.searching:
            self.header.set_subtitle(self.tr("%n member(s) in %1", "", n).replace(
                "%1", self.segments.current_title()))  # fmt: skip
            self.table.setVisible(n > 0)
            self.empty.setVisible(n == 0)
            self.empty.setText(self.tr("Nobody is in this segment right now."))
            return
        if n == 0 and members.looks_like_bad_code(text):
            # A misread card or a typo in a code: say so rather than "no match".
            self.header.set_subtitle(self.tr("%1 is not a valid member code: check the digits.")
                                     .replace("%1", text))  # fmt: skip
        elif n == 0 and members.looks_like_code(text):
            self.header.set_subtitle(self.tr("No member has the code %1.").replace("%1", text))
        elif self.model.searching:
            self.header.set_subtitle(self.tr("%n match(es)", "", n))
        elif self.model.search_text.strip():
            self.header.set_subtitle(self.tr("Type one more letter to search"))
        else:
            self.header.set_subtitle(self.tr("%n member(s)", "", n))
        has_rows = n > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if not has_rows:
            self.empty.setText(
                self.tr("No member matches “%1”.").replace("%1", self.model.search_text)
                if self.model.searching
                else self.tr("No members yet. Members you add or import will be listed here.")
            )

    # --- columns ------------------------------------------------------------------------

    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        hh = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            a = menu.addAction(self.model.headerData(column, Qt.Orientation.Horizontal))
            a.setCheckable(True)
            a.setChecked(not hh.isSectionHidden(column))
            a.toggled.connect(lambda on, c=column: self.set_column_visible(c, on))
        menu.popup(hh.mapToGlobal(pos))

    def _keep_sort_off_tags(self, column: int, _order) -> None:
        if column != MemberTableModel.TAGS_COLUMN:
            self._last_sort = (column, _order)
            return
        hh = self.table.horizontalHeader()
        hh.blockSignals(True)
        hh.setSortIndicator(*getattr(self, "_last_sort", (-1, Qt.SortOrder.AscendingOrder)))
        hh.blockSignals(False)

    def set_column_visible(self, column: int, visible: bool) -> None:
        hh = self.table.horizontalHeader()
        shown = [c for c in range(hh.count()) if not hh.isSectionHidden(c)]
        if not visible and shown == [column]:
            return  # keep at least one column
        hh.setSectionHidden(column, not visible)
        self._save_columns()

    def _restore_columns(self) -> None:
        hh = self.table.horizontalHeader()
        state = prefs.settings().value(HEADER_KEY)
        if state is None or not hh.restoreState(state):
            for column, key in enumerate(MemberTableModel.COLUMNS):
                hh.setSectionHidden(column, key in MemberTableModel.DEFAULT_HIDDEN)
            # The member's figures right after the mobile: who, how to reach, how engaged.
            after = hh.visualIndex(MemberTableModel.COLUMNS.index(SortKey.MOBILE))
            for offset, key in enumerate(FIGURES, 1):
                hh.moveSection(hh.visualIndex(MemberTableModel.COLUMNS.index(key)),
                               after + offset)  # fmt: skip

    def _save_columns(self, *_args) -> None:
        prefs.settings().setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    # --- members ------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.member_id(r) for r in rows]

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_member(index.data(IdRole))

    def _open_single_match(self) -> None:
        # Enter in the search box: a scanned or typed code opens its member at once.
        self._search_timer.stop()
        self._apply_search()
        text = self.search.text().strip()
        scanned = members.looks_like_code(text) or members.looks_like_bad_code(text)
        if self.model.rowCount() >= 1 and text:
            self.open_member(self.model.member_id(0))
            if scanned:
                sounds.scan_result(self.store, sounds.OK)
        else:
            self.search.selectAll()  # refused: the next scan replaces it
            if scanned:
                sounds.scan_result(self.store, sounds.REFUSED)

    def _width(self, key: SortKey) -> int:
        # The style sheet's font, not Qt's default: the table is polished on first show.
        self.table.ensurePolished()
        self.table.horizontalHeader().ensurePolished()
        cells = self.table.fontMetrics().horizontalAdvance(_SAMPLES[key]) + CELL_PADDING
        title = self.model.headerData(MemberTableModel.COLUMNS.index(key),
                                      Qt.Orientation.Horizontal)  # fmt: skip
        header = self.table.horizontalHeader().fontMetrics().horizontalAdvance(title)
        return max(cells, header + CELL_PADDING + SORT_ARROW)

    def sort_by(self, key: SortKey, *, descending: bool = True) -> None:
        """Order the roster by a column, showing it if it was hidden (the VIP invites come
        by spend, with the spend on screen)."""
        column = MemberTableModel.COLUMNS.index(key)
        if self.table.horizontalHeader().isSectionHidden(column):
            self.set_column_visible(column, True)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(column, order)

    def open_member(self, member_id: int | None) -> MemberDialog | None:
        if member_id is None:
            return None
        return self._show_dialog(MemberDialog(self.store, member_id, self))

    def new_member(self) -> MemberDialog | None:
        if self.store.read_only:
            return None
        return self._show_dialog(MemberDialog(self.store, None, self))

    def _show_dialog(self, dialog: MemberDialog) -> MemberDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._after_save)
        dialog.openMember.connect(self.open_member)
        dialog.newNote.connect(self.newNote)
        dialog.open()
        return dialog

    def _after_save(self, member_id: int) -> None:
        row = self.model.row_of(member_id)
        if row >= 0:
            select_row(self.table, row)
            self.table.scrollTo(self.model.index(row, 0))
