"""Paste a 接龙 copied from WeChat, review how each line matched, then record attendance.

Matched lines are ticked; an ambiguous line offers its candidates; a line nobody matches
can pick a member by search, create a new member with that name, or be skipped."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import jielong, member_edit, members
from sqdesk.core.activities import Occurrence
from sqdesk.core.store import Store
from sqdesk.ui.calendar.words import CalendarWords
from sqdesk.ui.groups.member_picker import MemberPicker

SKIP, CREATE, PICK = -1, -2, -3  # choices besides a member id


class JielongDialog(QDialog):
    # member ids, {member id: remark}. `object`, not `dict`: Qt converts a dict to a
    # QVariantMap, which has string keys only, so int keys arrived as an empty dict (the
    # remarks were lost, and "_pythonToCppCopy: Cannot copy-convert (dict)" was printed).
    confirmed = Signal(list, object)

    def __init__(self, store: Store, o: Occurrence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jielongDialog")
        self.store = store
        self.o = o
        self.words = CalendarWords(self)
        self.results: list[jielong.Match] = []
        self.setWindowTitle(self.tr("Paste 接龙: %1").replace("%1", o.title))
        self.pages = QStackedWidget(self)

        paste = QWidget(self)
        self.text = QPlainTextEdit(paste)
        self.text.setObjectName("jielongText")
        example = "周六下午茶接龙\n1. 张三\n2. 李四 +1\n3. Lily🌸"
        self.text.setPlaceholderText(
            self.tr("Copy the 接龙 in WeChat and paste it here, for example:") + "\n" + example
        )
        self.read_button = QPushButton(self.tr("Read the List"), paste)
        self.read_button.setDefault(True)
        self.read_button.clicked.connect(self.read)
        self.paste_problem = QLabel(paste)
        self.paste_problem.setObjectName("problemText")
        paste_layout = QVBoxLayout(paste)
        paste_layout.addWidget(self.text, 1)
        paste_layout.addWidget(self.paste_problem)
        paste_layout.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignRight)
        self.pages.addWidget(paste)

        review = QWidget(self)
        self.summary = QLabel(review)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4, review)
        self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Name"),
                                              self.tr("Status"), self.tr("Member")])  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 170)
        self.back_button = QPushButton(self.tr("Back"), review)
        self.back_button.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.confirm_button = QPushButton(self.tr("Record Attendance"), review)
        self.confirm_button.setObjectName("confirmJielong")
        self.confirm_button.clicked.connect(self.confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        review_layout = QVBoxLayout(review)
        review_layout.addWidget(self.summary)
        review_layout.addWidget(self.table, 1)
        review_layout.addLayout(buttons)
        self.pages.addWidget(review)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(close)
        self.resize(640, 520)
        # The manager has just copied the 接龙 in WeChat: have it here already.
        copied = QGuiApplication.clipboard().text()
        if len(copied) < 50_000 and jielong.parse(copied).lines:
            self.text.setPlainText(copied)

    def read(self) -> None:
        parsed = jielong.parse(self.text.toPlainText())
        if not parsed.lines:
            self.paste_problem.setText(self.tr("No numbered lines found. A 接龙 has lines like "
                                               "“1. 张三”."))  # fmt: skip
            return
        self.paste_problem.clear()
        self.results = jielong.match(self.store, parsed)
        ids = {r.member_id for r in self.results if r.member_id}
        ids |= {c for r in self.results for c in r.candidates}
        self.rows = members.rows(self.store, list(ids))
        self.table.setRowCount(len(self.results))
        self.choices: list[QComboBox] = []
        for i, r in enumerate(self.results):
            self.table.setItem(i, 0, QTableWidgetItem(r.line.text))
            self.table.setItem(i, 1, QTableWidgetItem(r.line.name))
            self.table.setItem(i, 2, QTableWidgetItem(self.words.status(r.status)))
            combo = QComboBox(self.table)
            if r.status == "matched":
                combo.addItem(self._label(r.member_id), r.member_id)
                combo.addItem(self.tr("Skip this line"), SKIP)
            elif r.status == "ambiguous":
                combo.addItem(self.tr("Choose who it is…"), SKIP)
                for c in r.candidates:
                    combo.addItem(self._label(c), c)
            elif r.status in ("not_found",):
                combo.addItem(self.tr("Skip this line"), SKIP)
                combo.addItem(self.tr("Create member “%1”").replace("%1", r.line.name), CREATE)
                combo.addItem(self.tr("Pick a member…"), PICK)
            else:  # duplicate, no name
                combo.addItem(self.tr("Skip (already in the list)") if r.status == "duplicate"
                              else self.tr("Skip this line"), SKIP)  # fmt: skip
            combo.currentIndexChanged.connect(lambda _i, row=i: self._choice_made(row))
            self.table.setCellWidget(i, 3, combo)
            self.choices.append(combo)
        counts = jielong.summary(self.results)
        text = self.tr("%1 lines: %2 matched, %3 to choose, %4 not found, %5 listed twice.")
        for n, key in enumerate(("matched", "ambiguous", "not_found", "duplicate"), start=2):
            text = text.replace(f"%{n}", str(counts[key]))
        text = text.replace("%1", str(len(self.results)))
        if parsed.skipped:
            text += " " + self.tr("Only the first %1 lines were read.").replace(
                "%1", str(jielong.MAX_LINES))  # fmt: skip
        self.summary.setText(text)
        self.pages.setCurrentIndex(1)

    def _label(self, member_id: int) -> str:
        r = self.rows.get(member_id)
        if r is None:
            return str(member_id)
        # The nickname in brackets as the language writes them: 张三（小张）, 张三 (Zoe).
        name = self.tr("%1 (%2)").replace("%1", r.name).replace("%2", r.nickname) \
            if r.nickname else r.name  # fmt: skip
        return f"{r.code} {name} {r.mobile_masked}"

    def _choice_made(self, row: int) -> None:
        combo = self.choices[row]
        self._show_status(row)
        if combo.currentData() != PICK:
            return
        picker = MemberPicker(self.store, self.tr("Who is “%1”?").replace(
            "%1", self.results[row].line.name), self)  # fmt: skip
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.search.setText(self.results[row].line.name)

        def picked(ids: list[int]) -> None:
            self.rows |= members.rows(self.store, ids[:1])
            combo.insertItem(0, self._label(ids[0]), ids[0])
            combo.setCurrentIndex(0)

        picker.picked.connect(picked)
        picker.open()

    def _show_status(self, row: int) -> None:
        """The status column says what will happen to the line, as chosen."""
        value = self.choices[row].currentData()
        r = self.results[row]
        if value == SKIP:
            # A matched line the manager skips says so; the others were skips already.
            text = self.tr("skipped") if r.status == "matched" else self.words.status(r.status)
        elif value == CREATE:
            text = self.tr("new member")
        elif value == PICK:
            text = self.words.status(r.status)
        else:
            text = self.words.status("matched")
        self.table.item(row, 2).setText(text)

    def chosen(self) -> tuple[list[int], dict[int, str]]:
        """The members to record (creating those asked for), with each line's remark."""
        ids, notes = [], {}
        for r, combo in zip(self.results, self.choices, strict=True):
            value = combo.currentData()
            if value == CREATE:
                try:
                    value = member_edit.create(self.store, member_edit.MemberInput(
                        name=r.line.name, source="接龙", remark=r.line.remark))  # fmt: skip
                except member_edit.MemberError:
                    continue  # a name the member form refuses: the line is skipped
            if isinstance(value, int) and value > 0 and value not in notes:
                ids.append(value)
                notes[value] = r.line.remark
        return ids, notes

    def confirm(self) -> None:
        ids, notes = self.chosen()
        self.confirmed.emit(ids, notes)
        self.accept()
