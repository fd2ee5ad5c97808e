"""Manage tags: groups, tags with colours and live counts; rename, recolour, merge, delete
(with the number of members affected, and Undo)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import tags
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.refusals import refusal_text

TagRole = Qt.ItemDataRole.UserRole + 1
GroupRole = Qt.ItemDataRole.UserRole + 2


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class TagsDialog(QDialog):
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagsDialog")
        self.setWindowTitle(self.tr("Tags"))
        self.store = store
        self.undo: tags.DeletedTag | None = None
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Tag"), self.tr("Members")])
        self.tree.setColumnWidth(0, 260)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.message = QLabel(self)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_delete)
        buttons = QHBoxLayout()
        self.new_group_button = QPushButton(self.tr("New Group…"), self)
        self.new_tag_button = QPushButton(self.tr("New Tag…"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.color_button = QPushButton(self.tr("Colour…"), self)
        self.merge_button = QPushButton(self.tr("Merge Into…"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        for b, slot in ((self.new_group_button, self.ask_new_group),
                        (self.new_tag_button, self.ask_new_tag),
                        (self.rename_button, self.ask_rename),
                        (self.color_button, self.ask_color),
                        (self.merge_button, self.ask_merge),
                        (self.delete_button, self.ask_delete)):  # fmt: skip
            b.clicked.connect(slot)
            buttons.addWidget(b)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        status = QHBoxLayout()
        status.addWidget(self.message, 1)
        status.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addLayout(status)
        layout.addWidget(close)
        self.resize(640, 460)
        self.refresh()

    # --- listing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.tree.clear()
        groups: dict[int, QTreeWidgetItem] = {}
        for g in tags.list_groups(self.store):
            label = g.name + (self.tr(" (one per member)") if g.exclusive else "")
            item = QTreeWidgetItem([label, ""])
            item.setData(0, GroupRole, g.id)
            self.tree.addTopLevelItem(item)
            groups[g.id] = item
        for t in tags.list_tags(self.store):
            child = QTreeWidgetItem([t.name, f"{t.members:,}"])
            child.setIcon(0, swatch(t.color))
            child.setData(0, TagRole, t.id)
            child.setData(0, GroupRole, t.group_id)
            groups[t.group_id].addChild(child)
        self.tree.expandAll()
        self._update_buttons()

    def selected_tag(self) -> int | None:
        items = self.tree.selectedItems()
        return items[0].data(0, TagRole) if items else None

    def selected_group(self) -> int | None:
        items = self.tree.selectedItems()
        return items[0].data(0, GroupRole) if items else None

    def select_tag(self, tag_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, TagRole) == tag_id:
                    self.tree.setCurrentItem(top.child(j))

    def _update_buttons(self) -> None:
        has_tag = self.selected_tag() is not None
        for b in (self.rename_button, self.color_button, self.merge_button, self.delete_button):
            b.setEnabled(has_tag)
        self.new_tag_button.setEnabled(self.selected_group() is not None)

    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.refresh()
        announce(Area.TAGS)
        self.changed.emit()

    def _error(self, exc: tags.TagError) -> None:
        text = html.escape(refusal_text(exc))
        self.message.setText(f"<span style='color:#b3261e'>{text}</span>")

    def _ask_text(self, title: str, label: str, value: str, done) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(value)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(done)
        dialog.open()
        return dialog

    # --- actions -------------------------------------------------------------------------

    def ask_new_group(self) -> QInputDialog:
        def done(name: str) -> None:
            try:
                tags.create_group(self.store, name)
            except tags.TagError as exc:
                self._error(exc)
                return
            self._done(self.tr("Group added."))

        return self._ask_text(self.tr("New Group"), self.tr("Name of the tag group:"), "", done)

    def ask_new_tag(self) -> QInputDialog | None:
        group = self.selected_group()
        if group is None:
            return None

        def done(name: str) -> None:
            try:
                tag_id = tags.create_tag(self.store, group, name)
            except tags.TagError as exc:
                self._error(exc)
                return
            self._done(self.tr("Tag added."))
            self.select_tag(tag_id)

        return self._ask_text(self.tr("New Tag"), self.tr("Name of the tag:"), "", done)

    def ask_rename(self) -> QInputDialog | None:
        tag_id = self.selected_tag()
        if tag_id is None:
            return None
        current = self.tree.selectedItems()[0].text(0)

        def done(name: str) -> None:
            try:
                tags.rename_tag(self.store, tag_id, name)
            except tags.TagError as exc:
                self._error(exc)
                return
            self._done(self.tr("Renamed."))

        return self._ask_text(self.tr("Rename Tag"), self.tr("New name:"), current, done)

    def ask_color(self) -> QColorDialog | None:
        tag_id = self.selected_tag()
        if tag_id is None:
            return None
        dialog = QColorDialog(self)
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.colorSelected.connect(
            lambda c: (tags.recolor_tag(self.store, tag_id, c.name()), self._done(""))
        )
        dialog.open()
        return dialog

    def ask_merge(self) -> QInputDialog | None:
        source = self.selected_tag()
        if source is None:
            return None
        others = [t for t in tags.list_tags(self.store) if t.id != source]
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Merge Tag"))
        dialog.setLabelText(self.tr("Everyone with this tag gets the tag below; this one goes:"))
        dialog.setComboBoxItems([t.name for t in others])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(name: str) -> None:
            target = next(t.id for t in others if t.name == name)
            moved = tags.merge_tags(self.store, source_id=source, target_id=target)
            self._done(self.tr("Merged: %n member(s) moved.", "", moved))

        dialog.textValueSelected.connect(done)
        dialog.open()
        return dialog

    def ask_delete(self) -> QMessageBox | None:
        tag_id = self.selected_tag()
        if tag_id is None:
            return None
        info = next(t for t in tags.list_tags(self.store) if t.id == tag_id)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete Tag"),
                          self.tr("Delete %1? It is removed from %n member(s).", "",
                                  info.members).replace("%1", info.name),
                          QMessageBox.StandardButton.Cancel, self)  # fmt: skip
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_result: int) -> None:
            if box.clickedButton() is delete:
                self.undo = tags.delete_tag(self.store, tag_id)
                self.undo_button.show()
                self._done(self.tr("Deleted %1.").replace("%1", info.name))

        box.finished.connect(finished)
        box.open()
        return box

    def undo_delete(self) -> None:
        if self.undo is None:
            return
        tag_id = tags.undelete_tag(self.store, self.undo)
        self.undo = None
        self.undo_button.hide()
        self._done(self.tr("Restored."))
        self.select_tag(tag_id)
