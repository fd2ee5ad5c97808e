"""Import members from a spreadsheet: check the column mapping, review the bad rows, import.

Reading and checking run off the UI thread (a 100k-row sheet takes seconds), and so does
the import itself, with progress and Cancel; the import is one transaction, so Cancel
leaves the store exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import member_import
from sqdesk.core.member_edit import Problem
from sqdesk.core.member_import import ImportPlan
from sqdesk.core.parsing import to_text
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.jobs import Job, run_job
from sqdesk.ui.members.words import describe, field_label
from sqdesk.ui.refusals import failure_text

MAX_LISTED_PROBLEMS = 1000
SAMPLE_ROWS = 3


class ImportDialog(QDialog):
    imported = Signal(int, int)  # added, updated

    def __init__(self, store: Store, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.store = store
        self.path = path
        self.plan: ImportPlan | None = None
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Import Members — %1").replace("%1", path.name))

        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)

        self.mapping = QTableWidget(0, 3, self)
        self.mapping.setObjectName("importMapping")
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column in the sheet"), self.tr("Imported as"), self.tr("First values")]
        )
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping.setColumnWidth(0, 160)
        self.mapping.setColumnWidth(1, 150)

        self.problems = QTableWidget(0, 3, self)
        self.problems.setObjectName("importProblems")
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Field"),
                                                 self.tr("Problem")])  # fmt: skip
        self.problems.verticalHeader().setVisible(False)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems.setColumnWidth(0, 60)
        self.problems.setColumnWidth(1, 90)

        self.skip_invalid = QCheckBox(self.tr("Skip the rows with problems"), self)
        self.skip_invalid.toggled.connect(self._update_buttons)
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Columns"), self))
        layout.addWidget(self.mapping, 2)
        self.problems_title = QLabel(self)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems, 3)
        bottom = QHBoxLayout()
        bottom.addWidget(self.skip_invalid)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.resize(760, 620)
        self._set_busy(True)

    # --- checking ------------------------------------------------------------------------

    def start(self, mapping: dict[int, str] | None = None) -> Job:
        """Read and check the file (again, with a changed mapping) off the UI thread."""
        self._set_busy(True)
        table = self.plan.table if self.plan is not None else None
        store, path = self.store, self.path

        def work(progress, should_stop):
            return member_import.prepare(store, path, mapping=mapping, table=table,
                                         progress=progress, should_stop=should_stop)  # fmt: skip

        self.job = run_job(
            self,
            self.tr("Checking %1").replace("%1", self.path.name),
            work,
            on_success=self._show_plan,
            on_failure=self._show_failure,
            on_cancel=self.reject,
        )
        return self.job

    def _show_failure(self, exc: Exception) -> None:
        text = failure_text(exc)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot import this file"),
                          f"{self.path.name}: {text}", QMessageBox.StandardButton.Ok,
                          self.parentWidget())  # fmt: skip
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.reject()

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self._fill_mapping(plan)
        bad = plan.bad_rows
        self.summary.setText(
            self.tr("%1: header in row %2. <b>%3 new</b>, <b>%4 to update</b> (same mobile), "
                    "<b>%5 with problems</b>.")
            .replace("%1", self.path.name).replace("%2", str(plan.table.header_row))
            .replace("%3", str(plan.new_count)).replace("%4", str(plan.update_count))
            .replace("%5", str(len(bad)))
        )  # fmt: skip
        self.problems.setRowCount(0)
        listed = [(r.row, p) for r in bad for p in r.problems][:MAX_LISTED_PROBLEMS]
        self.problems.setRowCount(len(listed))
        for i, (row, p) in enumerate(listed):
            for c, text in enumerate((str(row), field_label(p.field), self.problem_text(p))):
                item = QTableWidgetItem(text)
                self.problems.setItem(i, c, item)
        total = sum(len(r.problems) for r in bad)
        self.problems_title.setText(
            self.tr("Problems (%1)").replace("%1", str(total))
            + ("" if total <= MAX_LISTED_PROBLEMS else
               self.tr(" — the first %1 are listed").replace("%1", str(MAX_LISTED_PROBLEMS)))
        )  # fmt: skip
        self.problems.setVisible(bool(bad))
        self.skip_invalid.setVisible(bool(bad))
        self._set_busy(False)

    def _fill_mapping(self, plan: ImportPlan) -> None:
        headers = plan.table.headers
        self.mapping.blockSignals(True)
        self.mapping.setRowCount(len(headers))
        for column, header in enumerate(headers):
            self.mapping.setItem(column, 0, _item(header or self.tr("(no header)")))
            combo = QComboBox(self.mapping)
            combo.addItem(self.tr("— not imported —"), None)
            for f in member_import.FIELDS:
                combo.addItem(
                    field_label(f) if f != "birthday_lunar" else self.tr("Lunar birthday"), f
                )
            combo.setCurrentIndex(max(0, combo.findData(plan.mapping.get(column))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping.setCellWidget(column, 1, combo)
            samples = [to_text(cells[column]) for _, cells in plan.table.rows[:SAMPLE_ROWS]
                       if column < len(cells)]  # fmt: skip
            self.mapping.setItem(column, 2, _item(" | ".join(s for s in samples if s)))
        self.mapping.blockSignals(False)

    def chosen_mapping(self) -> dict[int, str]:
        out: dict[int, str] = {}
        for column in range(self.mapping.rowCount()):
            f = self.mapping.cellWidget(column, 1).currentData()
            if f is not None and f not in out.values():
                out[column] = f
        return out

    def set_field(self, column: int, field: str | None) -> None:
        combo: QComboBox = self.mapping.cellWidget(column, 1)
        combo.setCurrentIndex(max(0, combo.findData(field)))

    def _mapping_changed(self) -> None:
        self.start(self.chosen_mapping())

    # --- importing -----------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.mapping.setEnabled(not busy)
        self._update_buttons(busy=busy)

    def _update_buttons(self, *_args, busy: bool = False) -> None:
        plan = self.plan
        ready = plan is not None and not busy and bool(plan.good_rows)
        if plan is not None and plan.bad_rows and not self.skip_invalid.isChecked():
            ready = False
        self.import_button.setEnabled(ready)
        if plan is not None:
            self.import_button.setText(self.tr("Import %n member(s)", "", len(plan.good_rows)))
            self.import_button.setToolTip(
                self.tr("Tick “Skip the rows with problems” to import the other rows, "
                        "or correct the file and import it again.")
                if plan.bad_rows and not self.skip_invalid.isChecked() else ""
            )  # fmt: skip

    def start_import(self) -> Job | None:
        plan = self.plan
        if plan is None or not self.import_button.isEnabled():
            return None
        self._set_busy(True)
        store, skip = self.store, self.skip_invalid.isChecked()

        def work(progress, should_stop):
            return member_import.commit(store, plan, skip_invalid=skip, progress=progress,
                                        should_stop=should_stop)  # fmt: skip

        self.job = run_job(
            self,
            self.tr("Importing %1").replace("%1", self.path.name),
            work,
            on_success=self._imported,
            on_failure=self._show_failure,
            on_cancel=lambda: self._set_busy(False),
        )
        return self.job

    def _imported(self, counts: tuple[int, int]) -> None:
        announce(Area.MEMBERS, Area.POINTS)  # opening balances come in with the members
        self.imported.emit(*counts)
        self.accept()

    def problem_text(self, p: Problem) -> str:
        if p.code == "unreadable":
            return self.tr("Cannot read “%1”.").replace("%1", str(p.values.get("text", "")))
        if p.code == "duplicate_in_file":
            return self.tr("Same mobile as row %1.").replace("%1", str(p.values.get("row")))
        return describe(p)



def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
