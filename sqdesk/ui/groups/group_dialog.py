"""New / edit a WeChat group: name, kind, capacity, rules and welcome text."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import groups
from sqdesk.core.groups import GroupError, Kind
from sqdesk.core.post_render import check
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.groups.words import GroupWords
from sqdesk.ui.posts.words import PostWords
from sqdesk.ui.refusals import refusal_text


class GroupDialog(QDialog):
    saved = Signal(int)  # the group's id

    def __init__(self, store: Store, group_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("groupDialog")
        self.store = store
        self.group_id = group_id
        words = GroupWords(self)
        self.words = words
        self.setWindowTitle(self.tr("New WeChat Group") if group_id is None
                            else self.tr("Edit WeChat Group"))  # fmt: skip
        self.name = QLineEdit(self)
        self.name.setMaxLength(30)
        self.name.setPlaceholderText(self.tr("e.g. 茶语会员1群"))
        self.kind = QComboBox(self)
        for k in Kind:
            self.kind.addItem(words.kind(k), k.value)
        self.capacity = QSpinBox(self)
        self.capacity.setRange(1, groups.WECHAT_LIMIT)
        self.capacity.setValue(groups.WECHAT_LIMIT)
        self.capacity.setToolTip(self.tr("WeChat lets at most 500 people into one group."))
        self.rules = QPlainTextEdit(self)
        self.rules.setPlaceholderText(self.tr("Group rules, as pinned in the group"))
        self.welcome = QPlainTextEdit(self)
        self.welcome.setPlaceholderText(
            self.tr(
                "Welcome text for people who just joined; placeholders such as {{ 群名 }} work here"
            )
        )
        self.problem = QLabel(self)
        self.problem.setObjectName("problemText")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Capacity"), self.capacity)
        form.addRow(self.tr("Rules"), self.rules)
        form.addRow(self.tr("Welcome text"), self.welcome)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(460, 460)
        if group_id is not None:
            g = groups.group(store, group_id)
            if g is not None:
                self.name.setText(g.name)
                self.kind.setCurrentIndex(self.kind.findData(g.kind.value))
                self.capacity.setValue(g.capacity)
                self.rules.setPlainText(g.rules)
                self.welcome.setPlainText(g.welcome)

    def save(self) -> None:
        values = dict(name=self.name.text(), kind=self.kind.currentData(),
                      capacity=self.capacity.value(), rules=self.rules.toPlainText(),
                      welcome=self.welcome.toPlainText())  # fmt: skip
        # Welcome text and rules are copied as posts: their placeholders must be sound.
        for text in (values["welcome"], values["rules"]):
            problems = check(text) if text.strip() else []
            if problems:
                self.problem.setText(PostWords(self).problems(problems))
                return
        try:
            if self.group_id is None:
                self.group_id = groups.create_group(self.store, **values)
            else:
                groups.change_group(self.store, self.group_id, **values)
        except GroupError as exc:
            self.problem.setText(refusal_text(exc))  # the dialog stays, nothing is lost
            return
        announce(Area.GROUPS)
        self.saved.emit(self.group_id)
        self.accept()
