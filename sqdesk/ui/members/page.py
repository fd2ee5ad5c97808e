"""The Members page: search box, the roster table over the whole store, member actions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import groups, member_edit, member_export, members, posts, segments, tags
from sqdesk.core.errors import CodedError
from sqdesk.core.member_export import export_members
from sqdesk.core.members import SortKey
from sqdesk.core.store import Store
from sqdesk.ui import prefs
from sqdesk.ui.changes import Area, announce, follow
from sqdesk.ui.jobs import Job, run_job
from sqdesk.ui.members.dialog import MemberDialog
from sqdesk.ui.members.duplicates_dialog import DuplicatesDialog
from sqdesk.ui.members.filter_panel import FilterPanel
from sqdesk.ui.members.import_dialog import ImportDialog
from sqdesk.ui.members.model import IdRole, MemberTableModel
from sqdesk.ui.members.segment_words import SegmentWords
from sqdesk.ui.members.tag_chips import TagChipsDelegate
from sqdesk.ui.members.tags_dialog import TagsDialog, swatch
from sqdesk.ui.members.thresholds_dialog import ThresholdsDialog
from sqdesk.ui.posts.copy_dialog import open_copy_dialog
from sqdesk.ui.posts.run_dialog import start_run
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import PageHeader, warn

# Fixed widths: measuring 100k rows to fit them is far too slow (DESIGN.md §2b).
_WIDTHS = {
    SortKey.CODE: 90, SortKey.NAME: 110, SortKey.NICKNAME: 150, SortKey.MOBILE: 120,
    SortKey.GENDER: 60, SortKey.BIRTHDAY: 100, SortKey.JOINED: 100, SortKey.SOURCE: 100,
    SortKey.REGION: 110, SortKey.WECHAT: 140, SortKey.REMARK: 220,
}  # fmt: skip
# Typing pauses shorter than this are one search: the query runs once per pause, not per
# key, when someone types faster than the roster can redraw.
SEARCH_COALESCE_MS = 30


class MembersPage(QWidget):
    countChanged = Signal(int)
    status = Signal(str)  # a short message for the status bar

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

        self.segment = QComboBox(self)
        self.segment.setObjectName("segmentFilter")
        self.segment.setToolTip(self.tr("Show one segment or tag: who should get the VIP "
                                        "invite, who went quiet..."))  # fmt: skip
        self.segment.setMinimumContentsLength(10)
        self.segment.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.segment.activated.connect(self._apply_segment)
        self._custom_filter: dict | None = None
        self._custom_title = ""
        self.show_archived = QCheckBox(self.tr("Show archived"), self)
        self.show_archived.toggled.connect(self.model.set_include_archived)
        self.new_button = QPushButton(self.tr("New Member"), self)
        self.new_button.setObjectName("newMember")
        self.new_button.setToolTip(self.tr("Add a member (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_member)

        # Import, export and the duplicate finder share one "More" menu: the toolbar fits a
        # 1024-pixel store PC screen beside the navigation.
        self.import_action = QAction(self.tr("Import…"), self)
        self.import_action.setToolTip(self.tr("Add or update members from an Excel or CSV file"))
        self.import_action.triggered.connect(self.ask_import)
        self.export_action = QAction(self.tr("Export…"), self)
        self.export_action.setToolTip(self.tr("Save the members in view to Excel or CSV"))
        self.export_action.triggered.connect(self.ask_export)
        self.duplicates_action = QAction(self.tr("Duplicates…"), self)
        self.duplicates_action.setToolTip(self.tr("Find members entered twice and merge them"))
        self.duplicates_action.triggered.connect(self.show_duplicates)
        self.tags_action = QAction(self.tr("Manage Tags…"), self)
        self.tags_action.triggered.connect(self.show_tags)
        self.thresholds_action = QAction(self.tr("Segment Thresholds…"), self)
        self.thresholds_action.triggered.connect(self.show_thresholds)
        self.delete_segment_action = QAction(self.tr("Delete Saved Segment…"), self)
        self.delete_segment_action.triggered.connect(self.delete_saved_segment)
        self.tag_button = QToolButton(self)
        self.tag_button.setObjectName("tagButton")
        self.tag_button.setText(self.tr("Tag"))
        self.tag_button.setToolTip(self.tr("Add or remove a tag on the selected members (Ctrl+T)"))
        self.tag_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tag_button.setMenu(QMenu(self.tag_button))
        self.tag_button.menu().aboutToShow.connect(self._refill_tag_button_menu)
        self.filter_button = QToolButton(self)
        self.filter_button.setObjectName("filterButton")
        self.filter_button.setText(self.tr("Filter"))
        self.filter_button.setCheckable(True)
        self.filter_button.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.filter_button.setToolTip(self.tr("Build a filter from tags, visits, spend, groups… "
                                              "(Ctrl+Shift+F)"))  # fmt: skip
        self.filter_button.toggled.connect(self.show_filter_panel)
        self.filter_panel = FilterPanel(store, self)
        self.filter_panel.hide()
        self.filter_panel.changed.connect(self._apply_built_filter)
        self.filter_panel.saveRequested.connect(self.ask_save_segment)
        self.filter_panel.closed.connect(lambda: self.filter_button.setChecked(False))
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("moreMembers")
        self.more_button.setText(self.tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        for a in (self.import_action, self.export_action, self.duplicates_action):
            more.addAction(a)
        more.addSeparator()
        for a in (self.tags_action, self.thresholds_action, self.delete_segment_action):
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
        more.aboutToShow.connect(self._update_more_menu)
        self.more_button.setMenu(more)

        bar = QHBoxLayout()
        bar.addWidget(self.segment)
        bar.addWidget(self.filter_button)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.show_archived)
        bar.addWidget(self.tag_button)
        bar.addWidget(self.more_button)
        bar.addWidget(self.new_button)

        self.table = QTableView(self)
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
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
        self.table.customContextMenuRequested.connect(self._row_menu)
        hh = self.table.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setStretchLastSection(True)
        hh.setSectionsMovable(True)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self._column_menu)
        for column, key in enumerate(MemberTableModel.COLUMNS):
            self.table.setColumnWidth(column, _WIDTHS[key])
        tags_column = MemberTableModel.TAGS_COLUMN
        self.table.setColumnWidth(tags_column, 220)
        # Kept on self: PySide calls the Python paint() only while the wrapper lives.
        self.tag_delegate = TagChipsDelegate(self.table)
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
        layout.addWidget(self.filter_panel)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.model.modelReset.connect(self._update_count)
        self._fill_segments()
        self._update_count()
        self._add_actions()
        self._apply_read_only()
        follow(self, {Area.MEMBERS, Area.POINTS}, self.reload)
        follow(self, {Area.TAGS, Area.GROUPS}, self._reload_if_filtered)
        follow(self, {Area.TAGS, Area.SEGMENTS}, self._fill_segments)

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
        self.tag_action = action(self, self.tr("Tag"), "Ctrl+T", self.tag_button.showMenu)
        self.archive_action = action(self.table, self.tr("Archive"),
                                     QKeySequence.StandardKey.Delete,
                                     lambda: self.archive_selected(True))  # fmt: skip

    # --- store and view -----------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self.store = store
        self.search.clear()
        self._custom_filter = None
        self.filter_button.setChecked(False)
        self.filter_panel.set_store(store)
        self.model.set_filter(None)
        self.model.set_store(store)
        self._fill_segments()
        self._apply_read_only()

    # --- segments and tags ----------------------------------------------------------------

    def _fill_segments(self) -> None:
        """All members, the built-in segments, saved segments, then every tag."""
        current = self.segment.currentData()
        self.segment.blockSignals(True)
        self.segment.clear()
        self.segment.addItem(self.tr("All members"), None)
        if self._custom_filter is not None:
            self.segment.addItem(self._custom_title, "custom")
        self.segment.insertSeparator(self.segment.count())
        words = SegmentWords(self)
        for key in segments.BUILTIN:
            self.segment.addItem(words.name(key), f"segment:{key}")
        for name in segments.saved(self.store):
            self.segment.addItem(name, f"segment:{name}")
        tag_list = tags.list_tags(self.store)
        if tag_list:
            self.segment.insertSeparator(self.segment.count())
        for t in tag_list:
            self.segment.addItem(self.tr("Tag: %1").replace("%1", t.name), f"tag:{t.id}")
        index = self.segment.findData(current)
        self.segment.setCurrentIndex(max(0, index))
        self.segment.blockSignals(False)

    def _apply_segment(self, _index: int = 0) -> None:
        self.model.set_filter(self.filter_for(self.segment.currentData()))
        self._update_count()

    def filter_for(self, choice: str | None) -> dict | None:
        """The filter for a combo entry: "segment:<key or name>", "tag:<id>" or "custom"
        (a filter shown from elsewhere: the filter builder, a group, the VIP lists)."""
        if not choice:
            return None
        if choice == "custom":
            return self._custom_filter
        kind, value = choice.split(":", 1)
        if kind == "tag":
            return {"tag": int(value)}
        return segments.resolve(self.store, value)

    def show_filter(self, tree: dict, title: str) -> None:
        """Show the members a filter selects, under `title` in the segment list."""
        self._custom_filter = tree
        self._custom_title = title
        self._fill_segments()
        self.segment.setCurrentIndex(self.segment.findData("custom"))
        self._apply_segment()

    # --- the filter builder ----------------------------------------------------------------

    def show_filter_panel(self, shown: bool) -> None:
        self.filter_panel.setVisible(shown)
        if shown:
            if not self.filter_panel.rows:
                self.filter_panel.add_condition("tags")
            self.filter_panel.apply()
        elif self.segment.currentData() == "custom" and self._custom_title == self._built_title():
            self.show_all()

    def _built_title(self) -> str:
        return self.tr("Filter")

    def _apply_built_filter(self, tree: dict | None) -> None:
        if tree is None:
            if self.segment.currentData() == "custom":
                self.show_all()
            return
        self.show_filter(tree, self._built_title())

    def show_all(self) -> None:
        self._custom_filter = None
        self._fill_segments()
        self.segment.setCurrentIndex(0)
        self._apply_segment()

    def ask_save_segment(self, tree: dict | None) -> QInputDialog | None:
        if tree is None:
            return None
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Save as Segment"))
        dialog.setLabelText(self.tr("Name of the segment (its members are worked out afresh "
                                    "each time you open it):"))  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def save(name: str) -> None:
            words = SegmentWords(self)
            if " ".join(name.split()) in {words.name(k) for k in segments.BUILTIN}:
                name = ""  # a built-in's shown name would make two entries look the same
            try:
                segments.save_segment(self.store, name, tree)
            except segments.SegmentError as exc:
                self.warn(self.tr("Save as Segment"), refusal_text(exc))
                return
            self.filter_button.setChecked(False)
            self._custom_filter = None
            announce(Area.SEGMENTS)
            self.show_segment(" ".join(name.split()))
            self.status.emit(self.tr("Saved the segment %1.").replace("%1", name))

        dialog.textValueSelected.connect(save)
        dialog.open()
        return dialog

    def _update_more_menu(self) -> None:
        choice = self.segment.currentData() or ""
        saved = choice.startswith("segment:") and choice[8:] not in segments.BUILTIN
        self.delete_segment_action.setEnabled(saved and not self.store.read_only)

    def delete_saved_segment(self) -> QMessageBox | None:
        choice = self.segment.currentData() or ""
        name = choice[8:] if choice.startswith("segment:") else ""
        if not name or name in segments.BUILTIN:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete Saved Segment"),
                          self.tr("Delete the saved segment %1? Its members and their tags "
                                  "stay as they are.").replace("%1", name),
                          QMessageBox.StandardButton.Cancel, self)  # fmt: skip
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)

        def done(_result: int) -> None:
            if box.clickedButton() is delete:
                segments.delete_segment(self.store, name)
                announce(Area.SEGMENTS)
                self.show_all()

        box.finished.connect(done)
        box.open()
        return box

    def show_thresholds(self) -> ThresholdsDialog:
        dialog = ThresholdsDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._apply_segment)
        dialog.open()
        return dialog

    def show_segment(self, key: str) -> None:
        """Select a segment from code (Today, the profile's explanations link here)."""
        index = self.segment.findData(f"segment:{key}")
        if index >= 0:
            self.segment.setCurrentIndex(index)
            self._apply_segment()

    def tag_selected(self, tag_id: int, add: bool = True) -> int:
        ids = self.selected_ids()
        if not ids:
            return 0
        changed = (tags.add_tag if add else tags.remove_tag)(self.store, ids, tag_id)
        self.status.emit(
            self.tr("Tagged %n member(s).", "", changed) if add
             else self.tr("Untagged %n member(s).", "", changed)
        )  # fmt: skip
        announce(Area.TAGS)
        return changed

    def _fill_tag_menu(self, menu: QMenu) -> None:
        """Add Tag / Remove Tag for the selected members (the context menu, the Tag button)."""
        add_menu = menu.addMenu(self.tr("Add Tag"))
        remove_menu = menu.addMenu(self.tr("Remove Tag"))
        for t in tags.list_tags(self.store):
            add_menu.addAction(
                swatch(t.color), t.name, lambda tid=t.id: self.tag_selected(tid, True)
            )
            remove_menu.addAction(swatch(t.color), t.name,
                                  lambda tid=t.id: self.tag_selected(tid, False))  # fmt: skip
        add_menu.addSeparator()
        add_menu.addAction(self.tr("New Tag…"), self.ask_new_tag)

    def _refill_tag_button_menu(self) -> None:
        menu = self.tag_button.menu()
        menu.clear()
        n = len(self.selected_ids())
        if n == 0:
            menu.addAction(self.tr("Select members in the list first")).setEnabled(False)
            return
        menu.addSection(self.tr("%n selected member(s)", "", n))
        self._fill_tag_menu(menu)

    def add_selected_to_group(self, group_id: int) -> int:
        ids = self.selected_ids()
        try:
            result = groups.add_members(self.store, group_id, ids)
        except groups.GroupError as exc:
            self.warn(self.tr("Add to WeChat Group"), refusal_text(exc))
            return 0
        self.status.emit(self.tr("Added %n member(s) to the group.", "", result.added))
        announce(Area.GROUPS)
        return result.added

    def warn(self, title: str, text: str) -> QMessageBox:
        return warn(self, title, text)

    def ask_new_tag(self) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("New Tag"))
        dialog.setLabelText(self.tr("Name of the new tag for the selected members:"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def create(name: str) -> None:
            try:
                group = next((t.group_id for t in tags.list_tags(self.store)), None)
                if group is None:
                    group = tags.create_group(self.store, self.tr("My tags"))
                tag_id = tags.create_tag(self.store, group, name)
            except tags.TagError as exc:
                self.warn(self.tr("New Tag"), refusal_text(exc))
                return
            self.tag_selected(tag_id, True)

        dialog.textValueSelected.connect(create)
        dialog.open()
        return dialog

    def _apply_read_only(self) -> None:
        """A store another copy of the app has open is for looking only."""
        writable = not self.store.read_only
        self.new_button.setVisible(writable)
        self.import_action.setVisible(writable)
        self.duplicates_action.setVisible(writable)
        self.tags_action.setVisible(writable)
        self.tag_button.setVisible(writable)
        self.tag_action.setEnabled(writable)
        self.thresholds_action.setVisible(writable)
        self.new_action.setEnabled(writable)
        self.archive_action.setEnabled(writable)

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
        if will_search and not was_searching:
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        elif was_searching and not will_search:
            self.table.horizontalHeader().setSortIndicator(
                MemberTableModel.COLUMNS.index(self.model.default_sort),
                Qt.SortOrder.DescendingOrder,
            )
        self.model.set_search(text)
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        text = self.model.search_text.strip()
        if self.model.filtered and not self.model.searching:
            self.header.set_subtitle(self.tr("%n member(s) in %1", "", n).replace(
                "%1", self.segment.currentText()))  # fmt: skip
            self.table.setVisible(n > 0)
            self.empty.setVisible(n == 0)
            self.empty.setText(self.tr("Nobody is in this segment right now."))
            self.countChanged.emit(n)
            return
        if n == 0 and members.looks_like_bad_code(text):
            # A misread card or a typo in a code: say so rather than "no match".
            self.header.set_subtitle(self.tr("%1 is not a valid member code: check the digits.")
                                     .replace("%1", text))  # fmt: skip
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
        self.countChanged.emit(n)

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
        state = prefs.settings().value("roster/header")
        if state is None or not hh.restoreState(state):
            for column, key in enumerate(MemberTableModel.COLUMNS):
                hh.setSectionHidden(column, key in MemberTableModel.DEFAULT_HIDDEN)

    def _save_columns(self, *_args) -> None:
        prefs.settings().setValue("roster/header", self.table.horizontalHeader().saveState())

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
        if self.model.rowCount() >= 1 and self.search.text().strip():
            self.open_member(self.model.member_id(0))

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
        dialog.open()
        return dialog

    def _after_save(self, member_id: int) -> None:
        row = self.model.row_of(member_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def archive_selected(self, archived: bool = True) -> int:
        ids = self.selected_ids()
        if not ids:
            return 0
        changed = member_edit.set_archived(self.store, ids, archived)
        announce(Area.MEMBERS)
        return changed

    def delete_selected(self) -> QMessageBox | None:
        ids = self.selected_ids()
        if not ids:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete members"),
            self.tr("Delete %n archived member(s) for good? This cannot be undone.", "", len(ids)),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def done(_result: int) -> None:
            if box.clickedButton() is delete:
                try:
                    member_edit.delete_archived(self.store, ids)
                except member_edit.MemberError as exc:
                    self.warn(self.tr("Delete members"), refusal_text(exc))
                    return
                announce(Area.MEMBERS)

        box.finished.connect(done)
        box.open()
        return box

    def show_tags(self) -> TagsDialog:
        dialog = TagsDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_duplicates(self) -> DuplicatesDialog:
        dialog = DuplicatesDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- import and export ---------------------------------------------------------------

    def ask_import(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Import Members"), str(Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([
            self.tr("Spreadsheets (*.xlsx *.xls *.xlsm *.ods *.csv)"), self.tr("All files (*)")
        ])  # fmt: skip
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.import_file(Path(path)))
        dialog.open()
        return dialog

    def import_file(self, path: Path) -> ImportDialog:
        dialog = ImportDialog(self.store, path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._after_import)
        dialog.open()
        dialog.start()
        return dialog

    def _after_import(self, added: int, updated: int) -> None:
        self.status.emit(
            self.tr("Imported: %1 added, %2 updated.")
            .replace("%1", str(added)).replace("%2", str(updated))
        )  # fmt: skip

    def export_columns(self) -> list[tuple[SortKey | str, str]]:
        """The visible columns in their on-screen order, with their on-screen names."""
        hh = self.table.horizontalHeader()
        out = []
        for visual in range(hh.count()):
            logical = hh.logicalIndex(visual)
            if hh.isSectionHidden(logical):
                continue
            if logical == MemberTableModel.TAGS_COLUMN:
                out.append((member_export.TAGS, self.model.tags_header))
            else:
                key = MemberTableModel.COLUMNS[logical]
                out.append((key, self.model.headers[key]))
        return out

    def ask_export(self) -> QFileDialog:
        name = self.tr("members-%1.xlsx").replace("%1", date.today().isoformat())
        dialog = QFileDialog(self, self.tr("Export Members"), str(Path.home() / name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("Excel workbook (*.xlsx)"),
                               self.tr("CSV for Excel (*.csv)")])  # fmt: skip
        dialog.setDefaultSuffix("xlsx")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()
        return dialog

    def export_to(self, path: Path) -> Job:
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        store, ids, columns = self.store, self.model.view_ids(), self.export_columns()

        def work(progress, should_stop):
            return export_members(store, path, member_ids=ids, columns=columns,
                                  progress=progress, should_stop=should_stop)  # fmt: skip

        def saved(n: int) -> None:
            self.status.emit(
                self.tr("Saved %1 members to %2.").replace("%1", str(n)).replace("%2", str(path))
            )

        def failed(exc: Exception) -> None:
            text = refusal_text(exc) if isinstance(exc, CodedError) else str(exc)
            self.status.emit(self.tr("Export failed: %1").replace("%1", text))

        job = run_job(
            self,
            self.tr("Exporting %n member(s)", "", len(ids)),
            work,
            on_success=saved,
            on_failure=failed,
        )
        return job

    # --- personal messages ------------------------------------------------------------------

    def _fill_send_menu(self) -> None:
        self.send_menu.clear()
        self._add_message_actions(self.send_menu)
        self.send_menu.setEnabled(not self.store.read_only)

    def _add_message_actions(self, menu: QMenu) -> None:
        for t in posts.templates_for(self.store, "member"):
            menu.addAction(t.name, lambda tid=t.id: self.send_message(tid))

    def send_message(self, template_id: int) -> QWidget | None:
        """One member: the message ready to copy. Several selected, or none selected (then
        everyone in view): "Copy and next" through them."""
        t = next((t for t in posts.list_templates(self.store) if t.id == template_id), None)
        if t is None:
            return None
        ids = self.selected_ids()
        if len(ids) == 1:
            row = members.rows(self.store, ids).get(ids[0])
            return open_copy_dialog(self, self.store, posts.templates_for(self.store, "member"),
                                    chosen=t.id,
                                    about=(row.name or row.nickname) if row else "",
                                    member_id=ids[0])  # fmt: skip
        if ids:
            title = self.tr("%n selected member(s)", "", len(ids))
        else:
            ids, title = self.model.view_ids(), self.segment.currentText()
        return start_run(self, self.store, t, ids, title)

    def _row_menu(self, pos: QPoint) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), self.open_current)
        if self.store.read_only:
            menu.popup(self.table.viewport().mapToGlobal(pos))
            return
        menu.addSeparator()
        self._add_message_actions(menu.addMenu(self.tr("Send a Message")))
        self._fill_tag_menu(menu)
        group_list = groups.list_groups(self.store)
        if group_list:
            group_menu = menu.addMenu(self.tr("Add to WeChat Group"))
            for g in group_list:
                group_menu.addAction(f"{g.name} ({g.members}/{g.capacity})",
                                     lambda gid=g.id: self.add_selected_to_group(gid))  # fmt: skip
        menu.addSeparator()
        menu.addAction(self.tr("Archive"), lambda: self.archive_selected(True))
        if self.model.include_archived:
            menu.addAction(self.tr("Restore"), lambda: self.archive_selected(False))
            menu.addAction(self.tr("Delete…"), self.delete_selected)
        menu.popup(self.table.viewport().mapToGlobal(pos))
