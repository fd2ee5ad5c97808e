"""The WeChat Groups page: the shop's groups, who is in each, its rules and QR image, and
the two VIP lists (who should get the invite, who no longer qualifies)."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import filters, groups, members, posts, segments
from sqdesk.core.groups import GroupError, GroupInfo, Kind
from sqdesk.core.members import SortKey
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce, follow
from sqdesk.ui.groups.group_dialog import GroupDialog
from sqdesk.ui.groups.leave_dialog import LeaveDialog
from sqdesk.ui.groups.member_picker import MemberPicker
from sqdesk.ui.groups.qr_dialog import QrDateDialog, read_image
from sqdesk.ui.groups.words import GroupWords
from sqdesk.ui.posts.copy_dialog import CopyPostDialog, open_copy_dialog
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import PageHeader, fill_table, make_table, open_file_dialog, warn

GroupRole = Qt.ItemDataRole.UserRole + 1
_STATE_COLOURS = {"none": "#6c7166", "fresh": "#2e7d5b", "expiring": "#b7791f",
                  "expired": "#c53030"}  # fmt: skip


class GroupsPage(QWidget):
    # A filter tree, its title and how to order it ("" as the roster is; a SortKey value),
    # for the roster.
    showMembers = Signal(object, str, str)
    openMember = Signal(int)
    status = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupsPage")
        self.store = store
        self.words = GroupWords(self)
        self.header = PageHeader(self.tr("WeChat Groups"), parent=self)
        self._stays: list[groups.Stay] = []

        self.new_button = QPushButton(self.tr("New Group…"), self)
        self.new_button.setObjectName("newGroup")
        self.new_button.clicked.connect(self.new_group)
        self.invite_button = QPushButton(self)
        self.invite_button.setObjectName("vipInvites")
        self.invite_button.setToolTip(self.tr("VIP-eligible members who are in no VIP group yet: "
                                              "who should get the VIP invite"))  # fmt: skip
        self.invite_button.clicked.connect(self.show_vip_invites)
        self.lapsed_button = QPushButton(self)
        self.lapsed_button.setObjectName("vipNoLonger")
        self.lapsed_button.setToolTip(self.tr("Members of a VIP group who no longer qualify"))
        self.lapsed_button.clicked.connect(self.show_vip_no_longer)
        bar = QHBoxLayout()
        bar.addWidget(self.invite_button)
        bar.addWidget(self.lapsed_button)
        bar.addStretch(1)
        bar.addWidget(self.new_button)

        self.list = QListWidget(self)
        self.list.setObjectName("groupList")
        self.list.setMinimumWidth(150)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())

        self.detail = QWidget(self)
        self.title = QLabel(self.detail)
        self.title.setObjectName("groupTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.roster_button = QPushButton(self.tr("Show in Roster"), self.detail)
        self.roster_button.setToolTip(self.tr("Filter, tag or export this group's members"))
        self.roster_button.clicked.connect(self.show_in_roster)
        self.edit_button = QPushButton(self.tr("Edit…"), self.detail)
        self.edit_button.clicked.connect(self.edit_group)
        self.delete_button = QPushButton(self.tr("Delete…"), self.detail)
        self.delete_button.clicked.connect(self.delete_group)
        # The title may be long: it wraps rather than widening the window past a small screen.
        self.title.setWordWrap(True)
        self.title.setMinimumWidth(60)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.roster_button)
        title_row.addWidget(self.edit_button)
        title_row.addWidget(self.delete_button)

        self.qr_image = QLabel(self.detail)
        self.qr_image.setObjectName("qrImage")
        self.qr_image.setFixedSize(110, 110)
        self.qr_image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_image.setFrameShape(QFrame.Shape.StyledPanel)
        self.qr_status = QLabel(self.detail)
        self.qr_status.setObjectName("qrStatus")
        self.qr_status.setWordWrap(True)
        self.qr_import = QPushButton(self.tr("Import QR Image…"), self.detail)
        self.qr_import.clicked.connect(self.ask_qr)
        self.qr_clear = QPushButton(self.tr("Remove QR Image"), self.detail)
        self.qr_clear.clicked.connect(self.clear_qr)
        self.post_button = QToolButton(self.detail)
        self.post_button.setObjectName("copyGroupPost")
        self.post_button.setText(self.tr("Copy Post"))
        self.post_button.setToolTip(self.tr("The welcome text, rules or another post for this "
                                            "group, ready to paste"))  # fmt: skip
        self.post_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        post_menu = QMenu(self.post_button)
        post_menu.addAction(self.tr("Welcome Text"), lambda: self.copy_post("welcome"))
        post_menu.addAction(self.tr("Group Rules"), lambda: self.copy_post("rules"))
        post_menu.addAction(self.tr("Other Post…"), lambda: self.copy_post(None))
        self.post_button.setMenu(post_menu)
        qr_buttons = QHBoxLayout()
        qr_buttons.addWidget(self.qr_import)
        qr_buttons.addWidget(self.qr_clear)
        qr_buttons.addStretch(1)
        qr_text = QVBoxLayout()
        qr_text.addWidget(self.qr_status)
        qr_text.addLayout(qr_buttons)
        qr_text.addWidget(self.post_button, 0, Qt.AlignmentFlag.AlignLeft)
        qr_text.addStretch(1)
        self.rules = QLabel(self.detail)
        self.rules.setObjectName("groupRules")
        self.rules.setWordWrap(True)
        self.rules.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        qr_text.addWidget(self.rules)
        qr_row = QHBoxLayout()
        qr_row.addWidget(self.qr_image, 0, Qt.AlignmentFlag.AlignTop)
        qr_row.addLayout(qr_text, 1)

        self.show_left = QCheckBox(self.tr("Show those who left"), self.detail)
        self.show_left.toggled.connect(lambda _on: self._fill_members())
        self.add_button = QPushButton(self.tr("Add Members…"), self.detail)
        self.add_button.clicked.connect(self.ask_add)
        self.remove_button = QPushButton(self.tr("Remove…"), self.detail)
        self.remove_button.setToolTip(self.tr("Take the selected members out of the group (Del)"))
        self.remove_button.clicked.connect(self.ask_remove)
        member_bar = QHBoxLayout()
        member_bar.addWidget(self.show_left)
        member_bar.addStretch(1)
        member_bar.addWidget(self.add_button)
        member_bar.addWidget(self.remove_button)
        self.table = make_table(self.detail, [self.tr("Code"), self.tr("Name"),
                                              self.tr("Nickname"), self.tr("Joined"),
                                              self.tr("Left"), self.tr("Reason")], 2)  # fmt: skip
        self.table.doubleClicked.connect(self._open_row)

        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(12, 0, 0, 0)
        detail_layout.addLayout(title_row)
        detail_layout.addLayout(qr_row)
        detail_layout.addLayout(member_bar)
        detail_layout.addWidget(self.table, 1)

        self.empty = QLabel(self.tr("No WeChat groups yet. Add the groups you run with "
                                    "New Group; members, rules and the QR image go with each."),
                            self)  # fmt: skip
        self.empty.setObjectName("emptyHint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty, 1)

        new_action = QAction(self.tr("New Group"), self)
        new_action.setShortcut(QKeySequence.StandardKey.New)
        new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_action.triggered.connect(self.new_group)
        self.addAction(new_action)
        remove_action = QAction(self.tr("Remove from Group"), self.table)
        remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove_action.triggered.connect(self.ask_remove)
        self.table.addAction(remove_action)
        # Filled when first shown: the app starts on Today, and counting the VIP lists of a
        # big store should not delay that.
        follow(self, {Area.GROUPS, Area.MEMBERS, Area.POINTS, Area.SEGMENTS, Area.DAY},
               self.refresh, fill_when_shown=True)  # fmt: skip

    # --- store and lists -------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self.store = store
        self.refresh()

    def refresh(self) -> None:
        today = date.today()
        current = self.current_id()
        all_groups = groups.list_groups(self.store)
        self.list.blockSignals(True)
        self.list.clear()
        for g in all_groups:
            text = f"{g.name}\n{self.words.kind(g.kind)} · {g.members}/{g.capacity}"
            item = QListWidgetItem(text)
            item.setSizeHint(QSize(0, 48))  # two lines: the name, then kind and places
            item.setData(GroupRole, g.id)
            if g.qr_state(today) in ("expiring", "expired"):
                item.setForeground(Qt.GlobalColor.darkRed)
                item.setToolTip(self.words.qr_status(g, today))
            self.list.addItem(item)
        self.list.blockSignals(False)
        rows = [i for i in range(self.list.count())
                if self.list.item(i).data(GroupRole) == current]  # fmt: skip
        self.list.setCurrentRow(rows[0] if rows else (0 if all_groups else -1))
        in_groups = sum(g.members for g in all_groups)
        self.header.set_subtitle(self.tr("%n group(s)", "", len(all_groups)) + " · "
                                 + self.tr("%n member(s) in groups", "", in_groups))  # fmt: skip
        self.splitter.setVisible(bool(all_groups))
        self.empty.setVisible(not all_groups)
        has_vip = any(g.kind is Kind.VIP for g in all_groups)
        invites = filters.count(self.store, segments.vip_invites(self.store, today=today))
        self.invite_button.setText(self.tr("VIP invites: %n", "", invites))
        lapsed = filters.count(self.store, segments.vip_no_longer(self.store, today=today))
        self.lapsed_button.setText(self.tr("No longer VIP-eligible: %n", "", lapsed))
        self.lapsed_button.setEnabled(has_vip)
        writable = not self.store.read_only
        for b in (self.new_button, self.edit_button, self.delete_button, self.qr_import,
                  self.qr_clear, self.add_button, self.remove_button):  # fmt: skip
            b.setVisible(writable)
        self._show_current()

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(GroupRole)

    def current(self) -> GroupInfo | None:
        gid = self.current_id()
        return None if gid is None else groups.group(self.store, gid)

    def _show_current(self) -> None:
        g = self.current()
        self.detail.setEnabled(g is not None)
        if g is None:
            self.title.clear()
            self.table.setRowCount(0)
            return
        today = date.today()
        self.title.setText(
            f"<b style='font-size:18px'>{html.escape(g.name)}</b>&nbsp;&nbsp;"
            f"<span style='color:#6c7166'>{html.escape(self.words.kind(g.kind))} · "
            + self.tr("%1 of %2 places taken").replace("%1", str(g.members)).replace(
                "%2", str(g.capacity)) + "</span>"
        )  # fmt: skip
        state = g.qr_state(today)
        self.qr_status.setText(self.words.qr_status(g, today))
        self.qr_status.setStyleSheet(f"color: {_STATE_COLOURS[state]}")
        self.qr_clear.setEnabled(state != "none")
        pixmap = QPixmap()
        data = groups.qr_image(self.store, g.id) if state != "none" else None
        if data and pixmap.loadFromData(data):
            self.qr_image.setPixmap(pixmap.scaled(
                self.qr_image.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))  # fmt: skip
        else:
            self.qr_image.clear()
            self.qr_image.setText(self.tr("No QR"))
        self.rules.setText(self.tr("Rules: %1").replace("%1", g.rules) if g.rules.strip()
                           else self.tr("No group rules written yet (Edit…)."))  # fmt: skip
        self._fill_members()

    def copy_post(self, kind: str | None) -> CopyPostDialog | None:
        """A post for this group: its own welcome text or rules when written (else the
        library's), or any group template, rendered with the group's name."""
        g = self.current()
        if g is None:
            return None
        library = posts.templates_for(self.store, "group")
        own = []
        if g.welcome.strip():
            own.append(posts.TemplateInfo(None, None, self.tr("%1 welcome text").replace(
                "%1", g.name)[:60], "welcome", "group", g.welcome))  # fmt: skip
        if g.rules.strip():
            own.append(posts.TemplateInfo(None, None, self.tr("%1 rules").replace(
                "%1", g.name)[:60], "rules", "group", g.rules))  # fmt: skip
        choices = own + library
        chosen = next((i for i, t in enumerate(choices) if t.category == kind), 0)
        ordered = [choices[chosen]] + [t for i, t in enumerate(choices) if i != chosen]
        return open_copy_dialog(self, self.store, ordered, about=g.name, group_id=g.id)

    def _fill_members(self) -> None:
        gid = self.current_id()
        if gid is None:
            return
        left = self.show_left.isChecked()
        self._stays = groups.stays(self.store, group_id=gid, current_only=not left)
        found = members.rows(self.store, [s.member_id for s in self._stays])
        rows = []
        for stay in self._stays:
            m = found.get(stay.member_id)
            rows.append((m.code if m else "", m.name if m else "", m.nickname if m else "",
                         stay.joined_on.isoformat(),
                         stay.left_on.isoformat() if stay.left_on else "",
                         self.words.reason(stay.leave_reason)))  # fmt: skip
        fill_table(self.table, rows)
        self.table.setColumnHidden(4, not left)
        self.table.setColumnHidden(5, not left)

    def selected_member_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self._stays[r].member_id for r in rows if self._stays[r].left_on is None]

    def _open_row(self, index) -> None:
        self.openMember.emit(self._stays[index.row()].member_id)

    # --- groups ------------------------------------------------------------------------

    def new_group(self) -> GroupDialog | None:
        if self.store.read_only:
            return None
        return self._group_dialog(None)

    def edit_group(self) -> GroupDialog | None:
        gid = self.current_id()
        return None if gid is None else self._group_dialog(gid)

    def _group_dialog(self, gid: int | None) -> GroupDialog:
        dialog = GroupDialog(self.store, gid, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._select_after_save)
        dialog.open()
        return dialog

    def _select_after_save(self, gid: int) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(GroupRole) == gid:
                self.list.setCurrentRow(i)

    def delete_group(self) -> QMessageBox | None:
        g = self.current()
        if g is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete Group"),
                          self.tr("Delete %1 and the membership history of its %n member(s)? "
                                  "The WeChat group itself is not touched.", "", g.members)
                          .replace("%1", g.name),
                          QMessageBox.StandardButton.Cancel, self)  # fmt: skip
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def done(_result: int) -> None:
            if box.clickedButton() is delete:
                groups.delete_group(self.store, g.id)
                self.status.emit(self.tr("Deleted the group %1.").replace("%1", g.name))
                announce(Area.GROUPS)

        box.finished.connect(done)
        box.open()
        return box

    # --- the QR image ---------------------------------------------------------------------

    def ask_qr(self) -> QFileDialog | None:
        if self.current_id() is None:
            return None
        return open_file_dialog(self, self.tr("Import Group QR Image"), str(Path.home()),
                                [self.tr("Images (*.png *.jpg *.jpeg)"), self.tr("All files (*)")],
                                self.import_qr)  # fmt: skip

    def import_qr(self, path: Path) -> QrDateDialog | QMessageBox:
        gid = self.current_id()
        loaded = read_image(path)
        if loaded is None or groups.image_kind(loaded[0]) is None:
            return self._warn(self.tr("Group QR Image"),
                              refusal_text(GroupError("not_image", "not an image")))
        data, image = loaded
        dialog = QrDateDialog(path, image, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(taken_on: date) -> None:
            try:
                groups.set_qr(self.store, gid, data, taken_on=taken_on)
            except GroupError as exc:
                self._warn(self.tr("Group QR Image"), refusal_text(exc))
                return
            announce(Area.GROUPS)

        dialog.chosen.connect(chosen)
        dialog.open()
        return dialog

    def clear_qr(self) -> None:
        gid = self.current_id()
        if gid is not None:
            groups.clear_qr(self.store, gid)
            announce(Area.GROUPS)

    # --- memberships ---------------------------------------------------------------------

    def ask_add(self) -> MemberPicker | None:
        g = self.current()
        if g is None:
            return None
        picker = MemberPicker(self.store, self.tr("Add Members to %1").replace("%1", g.name), self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.picked.connect(lambda ids: self.add_members(g.id, ids))
        picker.open()
        return picker

    def add_members(self, gid: int, ids: list[int]) -> int:
        """Put members in a group (also from the roster); says how it went."""
        try:
            result = groups.add_members(self.store, gid, ids)
        except GroupError as exc:
            self._warn(self.tr("Add to Group"), refusal_text(exc))
            return 0
        text = self.tr("Added %n member(s) to the group.", "", result.added)
        if result.already:
            text += " " + self.tr("%n were in it already.", "", result.already)
        self.status.emit(text)
        announce(Area.GROUPS)
        return result.added

    def ask_remove(self) -> LeaveDialog | None:
        gid = self.current_id()
        ids = self.selected_member_ids()
        if gid is None or not ids or self.store.read_only:
            return None
        found = members.rows(self.store, ids[:5])
        names = "、".join((found[i].name or found[i].nickname) for i in ids[:5] if i in found)
        if len(ids) > 5:
            names += "…"
        dialog = LeaveDialog(names, len(ids), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(reason: str, on: date) -> None:
            n = groups.leave(self.store, gid, ids, reason=reason, left_on=on)
            self.status.emit(self.tr("Took %n member(s) out of the group.", "", n))
            announce(Area.GROUPS)

        dialog.chosen.connect(chosen)
        dialog.open()
        return dialog

    def show_in_roster(self) -> None:
        g = self.current()
        if g is not None:
            self.showMembers.emit({"field": "group", "ids": [g.id]},
                                  self.tr("Group: %1").replace("%1", g.name), "")  # fmt: skip

    def show_vip_invites(self) -> None:
        # Best customers first: by spend in the last 12 months (Visits is a click away).
        self.showMembers.emit(segments.vip_invites(self.store), self.tr("VIP invites"),
                              SortKey.SPEND.value)  # fmt: skip

    def show_vip_no_longer(self) -> None:
        self.showMembers.emit(segments.vip_no_longer(self.store),
                              self.tr("No longer VIP-eligible"), "")  # fmt: skip

    def _warn(self, title: str, text: str) -> QMessageBox:
        return warn(self, title, text)
