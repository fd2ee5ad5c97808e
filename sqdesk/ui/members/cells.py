"""The roster's text cells, described to the style in one call each.

Qt's item delegate asks the model for seven roles of every cell it paints (font, alignment,
colour, check state, icon, text, background), and from PySide6 each ask is a call into
Python: some 2,500 a paint, most of them answered "nothing". `RosterCells` fills the
option from the model's row cache in one call per cell, exactly as the delegate would from
`MemberTableModel.data` (a test paints the roster both ways and compares the pixels). The
model's `data` stays what everything else reads (export, tests, accessibility).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from sqdesk.ui.members.model import MemberTableModel

_HAS_TEXT = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_TEXT = QPalette.ColorRole.Text


class RosterCells(QStyledItemDelegate):
    def __init__(self, model: MemberTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        model = self._model
        column = index.column()
        if column == model.TAGS_COLUMN or model is not index.model():
            super().initStyleOption(option, index)  # chips, or a model this was not made for
            return
        option.index = index
        alignment = model.alignment(column)
        if alignment is not None:
            option.displayAlignment = Qt.AlignmentFlag(alignment)
        row = model.row_at(index.row())
        if row is None:  # deleted since the ids were read: an empty cell, as data() says
            return
        colour = model.foreground(row)
        if colour is not None:
            option.palette.setBrush(_TEXT, colour)
        option.features |= _HAS_TEXT
        option.text = model.display(row, model.COLUMNS[column])
