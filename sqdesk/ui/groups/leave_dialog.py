"""Take members out of a group: the date and why (they left, or were removed)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core.groups import LeaveReason
from sqdesk.ui.widgets import date_picker


class LeaveDialog(QDialog):
    chosen = Signal(str, object)  # reason, date

    def __init__(self, names: str, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leaveDialog")
        self.setWindowTitle(self.tr("Remove from Group"))
        intro = QLabel(self.tr("Take %n member(s) out of the group: %1", "", count)
                       .replace("%1", names), self)  # fmt: skip
        intro.setWordWrap(True)
        self.left = QRadioButton(self.tr("They left the group"), self)
        self.left.setChecked(True)
        self.removed = QRadioButton(self.tr("Removed for breaking the group rules"), self)
        self.on = QDateEdit(QDate.currentDate(), self)
        date_picker(self.on)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setMaximumDate(QDate.currentDate())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._done)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.on)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.left)
        layout.addWidget(self.removed)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _done(self) -> None:
        reason = LeaveReason.REMOVED if self.removed.isChecked() else LeaveReason.LEFT
        d = self.on.date()
        self.chosen.emit(reason.value, date(d.year(), d.month(), d.day()))
        self.accept()
