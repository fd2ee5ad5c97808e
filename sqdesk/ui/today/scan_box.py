"""The scan box on Today: the counter's scanner types a member card's code and Enter into
it (F3 brings the focus here from anywhere). As the shop chooses in Settings → Scanning,
the member is checked in (签到, feeding the streak bonus) or Record Visit opens for them
with the amount next. A misread, an unknown or archived member, or a double scan gets a
plain message (and the refusal sound, when sounds are on) and records nothing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from sqdesk.core import scan_checkin, shop_settings
from sqdesk.core.store import Store
from sqdesk.ui import sounds
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.refusals import refusal_text


class ScanBox(QWidget):
    openVisit = Signal(int)  # member id: Record Visit for them, the amount next

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.edit = QLineEdit(self)
        self.edit.setObjectName("scanBox")
        self.edit.setPlaceholderText(self.tr("Scan a member card (F3)"))
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(self.scan)
        self.result = QLabel(self)
        self.result.setObjectName("scanResult")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 2)
        layout.addWidget(self.result, 3)

    def set_store(self, store: Store) -> None:
        self.store = store
        self.result.clear()

    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()

    def scan(self) -> bool:
        """What the scanner typed: True when a check-in was recorded or a visit opened."""
        text = self.edit.text().strip()
        self.edit.clear()
        if not text:
            return False
        if self.store.read_only:
            self._say(self.tr("This store is open read-only: nothing can be recorded."), False)
            return False
        try:
            if shop_settings.value(self.store, "scan.action") == "checkin":
                done = scan_checkin.check_in(self.store, text)
            else:
                member_id, _code, name = scan_checkin.member_for(self.store, text)
        except scan_checkin.ScanError as exc:
            self._say(refusal_text(exc), False)
            return False
        if shop_settings.value(self.store, "scan.action") == "checkin":
            bonus = (" " + self.tr("+%1 points for the streak!").replace("%1", str(done.points))
                     if done.points else "")  # fmt: skip
            self._say(self.tr("✓ %1 checked in: %n day(s) in a row.", "", done.streak)
                      .replace("%1", done.name) + bonus, True)  # fmt: skip
            announce(Area.POINTS)
        else:
            self._say(self.tr("%1: type the amount.").replace("%1", name), True)
            self.openVisit.emit(member_id)
        return True

    def _say(self, text: str, ok: bool) -> None:
        colour = "#1f6b4a" if ok else "#b3261e"
        self.result.setStyleSheet(f"color: {colour};")
        self.result.setText(text)
        sounds.scan_result(self.store, sounds.OK if ok else sounds.REFUSED)
