"""A member's requests under PIPL, from their profile's "⋯" button: Export Their Data… (a
JSON or .xlsx file of everything sqdesk holds about them) and Erase at Their Request… (the
manager's: the person wiped, the numbers kept; see sqdesk.core.pipl)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from sqdesk.core import pipl
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.jobs import Job, run_job
from sqdesk.ui.manager_mode import require
from sqdesk.ui.refusals import failure_text, refusal_text
from sqdesk.ui.widgets import open_file_dialog, toast, warn


class DataRequests(QObject):
    def __init__(self, owner: QWidget, store: Store, member_id: int, code: str) -> None:
        super().__init__(owner)
        self.owner, self.store, self.member_id, self.code = owner, store, member_id, code

    def ask_export(self):
        return open_file_dialog(self.owner, self.tr("Export Their Data"),
                                str(Path.home() / f"member-{self.code}.json"),
                                [self.tr("JSON (*.json)"), self.tr("Excel workbook (*.xlsx)")],
                                self.export_to, save_suffix="json")  # fmt: skip

    def export_to(self, path: Path) -> int | None:
        try:
            records = pipl.export_data(self.store, self.member_id, path)
        except pipl.PiplError as exc:
            warn(self.owner, self.tr("Export Their Data"), refusal_text(exc))
            return None
        toast(self.owner, self.tr("Saved %1.").replace("%1", path.name))
        return records

    def ask_erase(self) -> object:
        return require(self.owner, self.store, self._confirm_erase)

    def _confirm_erase(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Erase at Their Request"),
                          self.tr("Erase member %1? Their name, mobile, birthday, WeChat ID, "
                                  "remarks, notes and the messages copied for them are wiped, "
                                  "and their name wherever other text holds it. Their visits "
                                  "and points stay, without a name, so every total stays "
                                  "right. This cannot be undone here; backups made before "
                                  "keep the data until their rotation replaces them.")
                          .replace("%1", self.code),
                          QMessageBox.StandardButton.Cancel, self.owner)  # fmt: skip
        erase = box.addButton(self.tr("Erase"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda b: self.erase() if b is erase else None)
        box.open()
        return box

    def erase(self) -> Job:
        """In the background: a copy of the store is made just before (seconds on a big
        one), behind a dialog whose Cancel then erases nothing."""
        store, member_id = self.store, self.member_id
        return run_job(self.owner, self.tr("Erase at Their Request"),
                       lambda _p, _s: pipl.erase(store, member_id),
                       label=self.tr("Saving a copy of the store, then erasing the member…"),
                       on_success=lambda _code: self._erased(),
                       on_failure=lambda exc: warn(self.owner, self.tr("Erase at Their Request"),
                                                   failure_text(exc)),
                       on_cancel=lambda: toast(self.owner, self.tr("Stopped: nothing was erased.")),
                       )  # fmt: skip

    def _erased(self) -> None:
        announce(Area.MEMBERS, Area.NOTES, Area.POSTS)
        toast(self.owner.parentWidget() or self.owner,
              self.tr("Member %1 was erased.").replace("%1", self.code))  # fmt: skip
        if hasattr(self.owner, "accept"):
            self.owner.accept()
