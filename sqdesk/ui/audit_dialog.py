"""The audit log for the manager (File → Audit Log…): the newest lines first, when, which
PC, manager or helper, what, how many rows and an export's file name; and whether the log
is whole (sqdesk.core.audit: each line chained to the one before)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sqdesk.core import audit
from sqdesk.core.store import Store
from sqdesk.ui.widgets import fill_table, make_table

SHOWN = 1000


class AuditDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit Log"))
        self.table = make_table(self, [self.tr("When"), self.tr("PC"), self.tr("Who"),
                                       self.tr("What"), self.tr("Detail"), self.tr("Rows"),
                                       self.tr("File")], 4)  # fmt: skip
        self.table.setObjectName("auditTable")
        self.whole = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.whole)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)
        self.lines = audit.lines(store, limit=SHOWN)
        fill_table(self.table, [(x.at.astimezone().strftime("%Y-%m-%d %H:%M"), x.pc,
                                 self.role(x.role), self.action(x.action), x.detail,
                                 x.rows or "", x.file) for x in self.lines], {5})  # fmt: skip
        self.table.resizeColumnsToContents()
        problems = audit.problems_of(store)
        self.whole.setText(self.tr("The log is whole: no line was changed or taken out.")
                           if not problems else
                           "<span style='color:#b3261e'>" + self.tr(
                               "The log was tampered with: %1").replace("%1", problems[0])
                           + "</span>")  # fmt: skip

    def role(self, key: str) -> str:
        return {"manager": self.tr("Manager"), "helper": self.tr("Helper")}.get(key, key)

    def action(self, key: str) -> str:
        return {
            "export": self.tr("Export"), "import": self.tr("Import"), "erase": self.tr("Erase"),
            "export_data": self.tr("A member's data"), "adjust": self.tr("Points by hand"),
            "reverse": self.tr("Undo"), "rules": self.tr("Earning rules"),
            "thresholds": self.tr("Thresholds"), "levels": self.tr("Levels"),
            "settings": self.tr("Settings"), "merge": self.tr("Merge"),
            "bulk_tag": self.tr("Bulk tag"), "restore": self.tr("Restore"),
            "backup": self.tr("Backup"), "pin": self.tr("Manager PIN"),
        }.get(key, key)
