"""Quick awards for a pasted list: choose the award (晒单 +20 …), paste the 接龙 or the names
from the group, OK pays everyone it names once today and says who was not found. The
shop's list of awards is edited here too (name, points, whether it may repeat in a day)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import awards
from sqdesk.core.errors import CodedError
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.refusals import refusal_text


class QuickAwardDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quickAward")
        self.setWindowTitle(self.tr("Quick Award for a Pasted List"))
        self.store = store
        self.kind = QComboBox(self)
        self._fill_kinds()
        self.edit_button = QPushButton(self.tr("Edit Awards…"), self)
        self.edit_button.clicked.connect(self.edit_kinds)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("Paste the 接龙 (1. 张三 …) from the group"))
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close, self)
        self.buttons.accepted.connect(self.give)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.kind, 1)
        row.addWidget(self.edit_button)
        form.addRow(self.tr("Award"), row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.resize(440, 360)

    def _fill_kinds(self) -> None:
        self.kind.clear()
        for k in awards.kinds(self.store):
            self.kind.addItem(f"{k.name} +{k.points}", k.name)

    def edit_kinds(self) -> AwardKindsDialog:
        dialog = AwardKindsDialog(self.store, self)
        dialog.accepted.connect(self._fill_kinds)
        dialog.open()
        return dialog

    def give(self) -> awards.PastedAward | None:
        try:
            done = awards.give_pasted(self.store, self.kind.currentData(), self.text.toPlainText())
        except CodedError as exc:
            self.result.setText(refusal_text(exc))
            return None
        if done.paid:
            announce(Area.POINTS)
        text = self.tr("Paid to %n member(s).", "", done.paid)
        if done.matched > done.paid:
            text += " " + self.tr("%n had it today already.", "", done.matched - done.paid)
        if done.unmatched:
            text += " " + self.tr("Not found: %1").replace("%1", "、".join(done.unmatched))
        self.result.setText(text)
        self.text.clear()  # the dialog stays open for the next list
        return done


class AwardKindsDialog(QDialog):
    """The shop's quick awards: a row each (name, points, may repeat in a day)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("awardKinds")
        self.setWindowTitle(self.tr("Quick Awards"))
        self.store = store
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Award"), self.tr("Points"),
                                              self.tr("May repeat in a day")])  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        for k in awards.kinds(store):
            self.add_row(k.name, k.points, k.repeat)
        add = QPushButton(self.tr("Add"), self)
        add.clicked.connect(lambda: self.add_row("", 10, False))
        remove = QPushButton(self.tr("Remove"), self)
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.problem = QLabel(self)
        self.problem.setObjectName("problemText")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(add)
        bar.addWidget(remove)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(420, 320)

    def add_row(self, name: str, points: int, repeat: bool) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        edit = QLineEdit(name, self.table)
        spin = QSpinBox(self.table)
        spin.setRange(1, 100_000)
        spin.setValue(points)
        box = QCheckBox(self.table)
        box.setChecked(repeat)
        for c, w in enumerate((edit, spin, box)):
            self.table.setCellWidget(r, c, w)
        return r

    def kinds(self) -> list[awards.Kind]:
        return [awards.Kind(self.table.cellWidget(r, 0).text().strip(),
                            self.table.cellWidget(r, 1).value(),
                            self.table.cellWidget(r, 2).isChecked())
                for r in range(self.table.rowCount())]  # fmt: skip

    def save(self) -> bool:
        try:
            awards.save_kinds(self.store, self.kinds())
        except CodedError as exc:
            self.problem.setText(refusal_text(exc))
            return False
        self.accept()
        return True
