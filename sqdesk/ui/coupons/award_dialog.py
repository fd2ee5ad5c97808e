"""Quick awards for a pasted list: choose the award (晒单 +20 …), paste the 接龙 or the names
from the group, OK pays everyone it names once today and says who was not found."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
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
        for k in awards.kinds(store):
            self.kind.addItem(f"{k.name} +{k.points}", k.name)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("Paste the 接龙 (1. 张三 …) from the group"))
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close, self)
        self.buttons.accepted.connect(self.give)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Award"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.resize(440, 360)

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
