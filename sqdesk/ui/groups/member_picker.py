"""Pick members by search (name, pinyin, nickname, mobile tail or code) to add somewhere."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import members
from sqdesk.core.store import Store
from sqdesk.ui.widgets import fill_table, make_table, select_row

MAX_SHOWN = 100


class MemberPicker(QDialog):
    picked = Signal(list)  # member ids

    def __init__(self, store: Store, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberPicker")
        self.setWindowTitle(title)
        self.store = store
        self._ids: list[int] = []
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Search name, pinyin, nickname, mobile tail or code")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._find)
        self.table = make_table(self, [self.tr("Code"), self.tr("Name"), self.tr("Nickname"),
                                       self.tr("Mobile")], 2)  # fmt: skip
        self.table.doubleClicked.connect(lambda _i: self._accept())
        self.hint = QLabel(self.tr("Select one or more (Ctrl or Shift + click)."), self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.resize(520, 420)

    def _find(self, text: str) -> None:
        searching = members.search_key(text) is not None
        ids = members.ordered_ids(self.store, search_text=text, sort=None) if searching else []
        self._ids = ids[:MAX_SHOWN]
        found = members.rows(self.store, self._ids)
        fill_table(self.table, [(r.code, r.name, r.nickname, r.mobile_masked)
                                for r in (found[i] for i in self._ids if i in found)])  # fmt: skip
        if len(self._ids) == 1:
            select_row(self.table, 0)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self._ids[r] for r in rows]

    def _accept(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.picked.emit(ids)
            self.accept()
