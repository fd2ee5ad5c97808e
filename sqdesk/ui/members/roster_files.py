"""Members in and out of the roster as spreadsheets: Import… and Export… (the members in
view, with the columns shown, in their on-screen order and names)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from sqdesk.core import member_export
from sqdesk.core.member_export import export_members
from sqdesk.core.members import SortKey
from sqdesk.ui.jobs import Job, run_job
from sqdesk.ui.manager_mode import require
from sqdesk.ui.members.import_dialog import ImportDialog
from sqdesk.ui.members.model import MemberTableModel
from sqdesk.ui.refusals import failure_text
from sqdesk.ui.widgets import open_file_dialog

GUARDED_EXPORT = 20  # exporting more members than this asks for the manager's PIN


class RosterFiles(QObject):
    status = Signal(str)

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.import_action = QAction(self.tr("Import…"), self)
        self.import_action.setToolTip(self.tr("Add or update members from an Excel or CSV file"))
        self.import_action.triggered.connect(self.ask_import)
        self.export_action = QAction(self.tr("Export…"), self)
        self.export_action.setToolTip(self.tr("Save the members in view to Excel or CSV"))
        self.export_action.triggered.connect(self.ask_export)

    # --- import ------------------------------------------------------------------------------

    def ask_import(self) -> QFileDialog:
        return open_file_dialog(self.page, self.tr("Import Members"), str(Path.home()), [
            self.tr("Spreadsheets (*.xlsx *.xls *.xlsm *.ods *.csv)"), self.tr("All files (*)")
        ], self.import_file)  # fmt: skip

    def import_file(self, path: Path) -> ImportDialog:
        dialog = ImportDialog(self.page.store, path, self.page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        dialog.open()
        dialog.start()
        return dialog

    def _imported(self, added: int, updated: int) -> None:
        self.status.emit(
            self.tr("Imported: %1 added, %2 updated.")
            .replace("%1", str(added)).replace("%2", str(updated))
        )  # fmt: skip

    # --- export ------------------------------------------------------------------------------

    def export_columns(self) -> list[tuple[SortKey | str, str]]:
        """The visible columns in their on-screen order, with their on-screen names."""
        model = self.page.model
        hh = self.page.table.horizontalHeader()
        out = []
        for visual in range(hh.count()):
            logical = hh.logicalIndex(visual)
            if hh.isSectionHidden(logical):
                continue
            if logical == MemberTableModel.TAGS_COLUMN:
                out.append((member_export.TAGS, model.tags_header))
            else:
                key = MemberTableModel.COLUMNS[logical]
                out.append((key, model.headers[key]))
        return out

    def ask_export(self) -> QFileDialog | object:
        """More than a handful of members' data leaves the shop: the manager's call."""
        if len(self.page.model.view_ids()) > GUARDED_EXPORT:
            return require(self.page, self.page.store, self._ask_export)
        return self._ask_export()

    def _ask_export(self) -> QFileDialog:
        name = self.tr("members-%1.xlsx").replace("%1", date.today().isoformat())
        return open_file_dialog(self.page, self.tr("Export Members"), str(Path.home() / name),
                                [self.tr("Excel workbook (*.xlsx)"),
                                 self.tr("CSV for Excel (*.csv)")], self.export_to,
                                save_suffix="xlsx")  # fmt: skip

    def export_to(self, path: Path) -> Job:
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")
        store, ids, columns = self.page.store, self.page.model.view_ids(), self.export_columns()

        def work(progress, should_stop):
            return export_members(store, path, member_ids=ids, columns=columns,
                                  progress=progress, should_stop=should_stop)  # fmt: skip

        def saved(n: int) -> None:
            self.status.emit(
                self.tr("Saved %1 members to %2.").replace("%1", str(n)).replace("%2", str(path))
            )

        def failed(exc: Exception) -> None:
            text = failure_text(exc)
            self.status.emit(self.tr("Export failed: %1").replace("%1", text))

        return run_job(self.page, self.tr("Exporting %n member(s)", "", len(ids)), work,
                       on_success=saved, on_failure=failed)  # fmt: skip
