"""The roster's segment list and filter builder: which members are in view.

The combo box lists all members, the built-in segments, the shop's saved segments and every
tag; a filter built in the filter panel, or handed over from elsewhere (a WeChat group, the
VIP lists), shows as one more entry. Choosing one emits `chosen` with its filter tree (None
for everyone); the page applies it to the roster.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QInputDialog, QMessageBox, QToolButton, QWidget

from sqdesk.core import segments, tags
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.jobs import run_quiet
from sqdesk.ui.manager_mode import require
from sqdesk.ui.members.filter_panel import FilterPanel
from sqdesk.ui.members.segment_words import SegmentWords
from sqdesk.ui.members.thresholds_dialog import ThresholdsDialog
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import warn

CUSTOM = "custom"  # the combo entry of a filter shown from elsewhere
NameRole = Qt.ItemDataRole.UserRole + 1  # the entry's name without its count


class SegmentBar(QObject):
    chosen = Signal(object)  # the filter tree in view, or None for everyone
    status = Signal(str)

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.combo = QComboBox(page)
        self.combo.setObjectName("segmentFilter")
        self.combo.setToolTip(self.tr("Show one segment or tag: who should get the VIP "
                                      "invite, who went quiet..."))  # fmt: skip
        self.combo.setMinimumContentsLength(10)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.activated.connect(self.apply)
        self._custom_filter: dict | None = None
        self._custom_title = ""
        self._counting = 0  # the latest count asked for: an older answer is dropped

        self.filter_button = QToolButton(page)
        self.filter_button.setObjectName("filterButton")
        self.filter_button.setText(self.tr("Filter"))
        self.filter_button.setCheckable(True)
        self.filter_button.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.filter_button.setToolTip(self.tr("Build a filter from tags, visits, spend, "
                                              "groups… (Ctrl+Shift+F)"))  # fmt: skip
        self.filter_button.toggled.connect(self.show_filter_panel)
        self.filter_panel = FilterPanel(page.store, page)
        self.filter_panel.hide()
        self.filter_panel.changed.connect(self._apply_built_filter)
        self.filter_panel.saveRequested.connect(self.ask_save)
        self.filter_panel.closed.connect(lambda: self.filter_button.setChecked(False))

        self.thresholds_action = QAction(self.tr("Segment Thresholds…"), self)
        self.thresholds_action.triggered.connect(self.show_thresholds)
        self.delete_action = QAction(self.tr("Delete Saved Segment…"), self)
        self.delete_action.triggered.connect(self.delete_saved)

    @property
    def store(self):
        return self.page.store

    def set_store(self, store) -> None:
        self._custom_filter = None
        self.filter_button.setChecked(False)
        self.filter_panel.set_store(store)
        self.fill()

    def current_title(self) -> str:
        return self.combo.currentData(NameRole) or self.combo.currentText()

    def fill(self) -> None:
        """All members, the built-in segments, saved segments, then every tag."""
        current = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("All members"), None)
        if self._custom_filter is not None:
            self.combo.addItem(self._custom_title, CUSTOM)
        self.combo.insertSeparator(self.combo.count())
        words = SegmentWords(self)
        for key in segments.BUILTIN:
            self._add(words.name(key), f"segment:{key}")
        for name in segments.saved(self.store):
            self._add(name, f"segment:{name}")
        tag_list = tags.list_tags(self.store)
        if tag_list:
            self.combo.insertSeparator(self.combo.count())
        for t in tag_list:
            self.combo.addItem(self.tr("Tag: %1").replace("%1", t.name), f"tag:{t.id}")
        index = self.combo.findData(current)
        self.combo.setCurrentIndex(max(0, index))
        self.combo.blockSignals(False)
        self.count()

    def _add(self, name: str, data: str) -> None:
        self.combo.addItem(name, data)
        self.combo.setItemData(self.combo.count() - 1, name, NameRole)

    def count(self) -> None:
        """How many members each segment holds, counted in the background (about a quarter
        of a second at 100,000 members) and shown beside its name when ready."""
        store = self.store
        self._counting += 1
        asked = self._counting
        run_quiet(self, lambda _p, _s: segments.all_counts(store),
                  on_success=lambda found: self._show_counts(asked, store, found))  # fmt: skip

    def _show_counts(self, asked: int, store, found: dict[str, int]) -> None:
        if store is not self.store or asked != self._counting:
            return  # counted for another store, or before a later change: a newer count comes
        for i in range(self.combo.count()):
            data = self.combo.itemData(i) or ""
            name = self.combo.itemData(i, NameRole)
            if data.startswith("segment:") and name and data[8:] in found:
                self.combo.setItemText(i, f"{name} · {found[data[8:]]:,}")

    def apply(self, _index: int = 0) -> None:
        self.chosen.emit(self.filter_for(self.combo.currentData()))

    def filter_for(self, choice: str | None) -> dict | None:
        """The filter for a combo entry: "segment:<key or name>", "tag:<id>" or "custom"
        (a filter shown from elsewhere: the filter builder, a group, the VIP lists)."""
        if not choice:
            return None
        if choice == CUSTOM:
            return self._custom_filter
        kind, value = choice.split(":", 1)
        if kind == "tag":
            return {"tag": int(value)}
        return segments.resolve(self.store, value)

    def show_filter(self, tree: dict, title: str) -> None:
        """Show the members a filter selects, under `title` in the segment list."""
        self._custom_filter = tree
        self._custom_title = title
        self.fill()
        self.combo.setCurrentIndex(self.combo.findData(CUSTOM))
        self.apply()

    def show_segment(self, key: str) -> None:
        """Select a segment from code (Today, the profile's explanations link here)."""
        index = self.combo.findData(f"segment:{key}")
        if index >= 0:
            self.combo.setCurrentIndex(index)
            self.apply()

    def show_all(self) -> None:
        self._custom_filter = None
        self.fill()
        self.combo.setCurrentIndex(0)
        self.apply()

    # --- the filter builder ----------------------------------------------------------------

    def show_filter_panel(self, shown: bool) -> None:
        self.filter_panel.setVisible(shown)
        if shown:
            if not self.filter_panel.rows:
                self.filter_panel.add_condition("tags")
            self.filter_panel.apply()
        elif self.combo.currentData() == CUSTOM and self._custom_title == self._built_title():
            self.show_all()

    def _built_title(self) -> str:
        return self.tr("Filter")

    def _apply_built_filter(self, tree: dict | None) -> None:
        if tree is None:
            if self.combo.currentData() == CUSTOM:
                self.show_all()
            return
        self.show_filter(tree, self._built_title())

    # --- saved segments and thresholds ------------------------------------------------------

    def ask_save(self, tree: dict | None) -> QInputDialog | None:
        if tree is None:
            return None
        dialog = QInputDialog(self.page)
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
                warn(self.page, self.tr("Save as Segment"), refusal_text(exc))
                return
            self.filter_button.setChecked(False)
            self._custom_filter = None
            announce(Area.SEGMENTS)
            self.show_segment(" ".join(name.split()))
            self.status.emit(self.tr("Saved the segment %1.").replace("%1", name))

        dialog.textValueSelected.connect(save)
        dialog.open()
        return dialog

    def update_actions(self) -> None:
        """Before the More menu shows: a saved segment in view can be deleted."""
        choice = self.combo.currentData() or ""
        saved = choice.startswith("segment:") and choice[8:] not in segments.BUILTIN
        self.delete_action.setEnabled(saved and not self.store.read_only)

    def delete_saved(self) -> QMessageBox | None:
        choice = self.combo.currentData() or ""
        name = choice[8:] if choice.startswith("segment:") else ""
        if not name or name in segments.BUILTIN:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete Saved Segment"),
                          self.tr("Delete the saved segment %1? Its members and their tags "
                                  "stay as they are.").replace("%1", name),
                          QMessageBox.StandardButton.Cancel, self.page)  # fmt: skip
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)

        def done(_result: int) -> None:
            if box.clickedButton() is delete:
                segments.delete_segment(self.store, name)
                announce(Area.SEGMENTS)
                self.show_all()

        box.finished.connect(done)
        box.open()
        return box

    def show_thresholds(self) -> ThresholdsDialog | object:
        return require(self.page, self.store, self._show_thresholds)  # the manager's

    def _show_thresholds(self) -> ThresholdsDialog:
        dialog = ThresholdsDialog(self.store, self.page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.apply)
        dialog.open()
        return dialog
