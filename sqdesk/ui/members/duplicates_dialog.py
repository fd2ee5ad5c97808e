"""Likely duplicate members, and merging them: pick the one to keep, confirm, done."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import members
from sqdesk.core.duplicates import DuplicateGroup, find_duplicates, merge_into
from sqdesk.core.phones import mask
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.jobs import Job, run_job
from sqdesk.ui.refusals import failure_text
from sqdesk.ui.widgets import warn

IdRole = Qt.ItemDataRole.UserRole + 1


class DuplicatesDialog(QDialog):
    merged = Signal(int, int)  # survivor, merged

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.store = store
        self.setWindowTitle(self.tr("Likely Duplicates"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("duplicateGroups")
        self.tree.setHeaderLabels([self.tr("Member"), self.tr("Code"), self.tr("Mobile"),
                                   self.tr("Joined"), self.tr("Remark")])  # fmt: skip
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setColumnWidth(0, 200)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.merge_button = QPushButton(self.tr("Keep Selected, Merge the Others"), self)
        self.merge_button.clicked.connect(self.ask_merge)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        groups = find_duplicates(self.store)
        for group in groups:
            self._add_group(group)
        self.tree.expandAll()
        self.intro.setText(
            self.tr("%n group(s) of members look like the same person. Select the member to "
                    "keep in a group; the others are merged into it, with all their history.",
                    "", len(groups))
            if groups else self.tr("No likely duplicates found.")
        )  # fmt: skip
        self._update_buttons()

    def _add_group(self, group: DuplicateGroup) -> None:
        reasons = {
            "mobile": self.tr("Same mobile %1"),
            "name_birthday": self.tr("Same name and birthday: %1"),
            "name_nickname": self.tr("Same name, similar nickname: %1"),
        }
        key = group.key if group.reason != "mobile" else mask(group.key)
        top = QTreeWidgetItem([reasons[group.reason].replace("%1", key)])
        top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        self.tree.addTopLevelItem(top)
        for member_id in group.member_ids:
            d = members.detail(self.store, member_id)
            if d is None:
                continue
            label = self.tr("%1 (%2)").replace("%1", d.name).replace("%2", d.nickname) \
                if d.nickname else d.name  # fmt: skip
            child = QTreeWidgetItem([label, d.code, d.mobile, d.joined_on.isoformat(),
                                     d.remark.replace("\n", " ")])  # fmt: skip
            child.setData(0, IdRole, int(member_id))
            top.addChild(child)

    def _selected(self) -> tuple[int, list[int]] | None:
        items = self.tree.selectedItems()
        if not items or items[0].parent() is None:
            return None
        item = items[0]
        group = item.parent()
        keep = item.data(0, IdRole)
        others = [group.child(i).data(0, IdRole) for i in range(group.childCount())]
        return keep, [o for o in others if o != keep]

    def _update_buttons(self) -> None:
        self.merge_button.setEnabled(self._selected() is not None)

    def select_member(self, member_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, IdRole) == member_id:
                    self.tree.setCurrentItem(top.child(j))
                    return

    def ask_merge(self) -> QMessageBox | None:
        chosen = self._selected()
        if chosen is None:
            return None
        keep, others = chosen
        d = members.detail(self.store, keep)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Merge members"),
            self.tr("Merge %n member(s) into %1 (%2)? Their history moves to %1 and they "
                    "are removed. This cannot be undone.", "", len(others))
            .replace("%1", d.name or d.nickname).replace("%2", d.code),
            QMessageBox.StandardButton.Cancel,
            self,
        )  # fmt: skip
        ok = box.addButton(self.tr("Merge"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def done(_result: int) -> None:
            if box.clickedButton() is ok:
                self.merge_job = self.merge(keep, others)

        box.finished.connect(done)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def merge(self, keep: int, others: list[int]) -> Job:
        """Merge in the background: the copy of the store first takes seconds on a big
        one, behind a dialog whose Cancel then merges nobody."""
        store = self.store

        def merged(done: list[int]) -> None:
            for other in done:
                self.merged.emit(keep, other)
            announce(Area.MEMBERS, Area.POINTS, Area.TAGS, Area.GROUPS)
            self.refresh()
            if len(done) < len(others):
                self.intro.setText(self.tr("Stopped after merging %n member(s).", "",
                                           len(done)))  # fmt: skip

        return run_job(self, self.tr("Merge members"),
                       lambda _p, stop: merge_into(store, survivor_id=keep, merged_ids=others,
                                                   should_stop=stop),
                       label=self.tr("Saving a copy of the store, then merging…"),
                       on_success=merged,
                       on_failure=lambda exc: warn(self, self.tr("Merge members"),
                                                   failure_text(exc)),
                       on_cancel=lambda: self.intro.setText(
                           self.tr("Stopped: nobody was merged.")))  # fmt: skip
