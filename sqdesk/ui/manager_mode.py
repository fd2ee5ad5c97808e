"""The manager mode (docs/ARCHITECTURE.md, "Trust"): what only the manager may do asks for
the PIN once, then stays open until the manager locks it (Ctrl+L) or nobody touched the
app for the shop's idle minutes (10 unless changed).

    require(parent, store, then)   # run `then` as the manager, asking for the PIN if needed

With no PIN set, everything runs at once, as before. The mode is the application's, one for
every window (like the change hub); it tells sqdesk.core.audit who is acting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import audit, manager
from sqdesk.core.store import Store
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import toast

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}


class ManagerMode(QObject):
    changed = Signal(bool)  # unlocked

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("sqdeskManagerMode")
        self._unlocked = False
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        QCoreApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if self._unlocked and event.type() in _INPUT:
            self.idle.start()  # someone is at the PC: the idle minutes start again
        return False

    def is_unlocked(self) -> bool:
        return self._unlocked

    def unlock(self, store: Store) -> None:
        self._unlocked = True
        self.idle.setInterval(manager.lock_minutes(store) * 60_000)
        self.idle.start()
        audit.acting_as(audit.MANAGER)
        self.changed.emit(True)

    def lock(self) -> None:
        if not self._unlocked:
            return
        self._unlocked = False
        self.idle.stop()
        audit.acting_as(audit.HELPER)
        self.changed.emit(False)

    def require(self, parent: QWidget, store: Store, then: Callable[[], object]) -> object:
        """Run `then` as the manager: at once when unlocked (or no PIN is set), returning
        what it returns; else after the PIN, returning the PIN dialog."""
        if not manager.has_pin(store):
            audit.acting_as(audit.MANAGER)  # no PIN: no helpers either
            return then()
        if self._unlocked:
            self.idle.start()
            return then()
        dialog = PinDialog(store, parent)
        dialog.accepted.connect(lambda: (self.unlock(store), then()))
        dialog.open()
        return dialog


def mode() -> ManagerMode:
    """The application's one manager mode (made on first use, owned by the application)."""
    app = QCoreApplication.instance()
    found = app.findChild(ManagerMode, "sqdeskManagerMode")
    return found if found is not None else ManagerMode(app)


def require(parent: QWidget, store: Store, then: Callable[[], object]) -> object:
    return mode().require(parent, store, then)


class PinDialog(QDialog):
    """Asks for the manager's PIN; a wrong one says how many tries are left, five wrong in a
    row say how long to wait."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("Manager PIN"))
        self.store = store
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(manager.MAX_DIGITS)
        self.pin.setPlaceholderText(self.tr("The manager's PIN"))
        self.problem = QLabel(self)
        self.problem.setObjectName("problemText")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)  # fmt: skip
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Only the manager may do this. Type the PIN:"), self))
        layout.addWidget(self.pin)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def check(self) -> bool:
        try:
            manager.verify(self.store, self.pin.text())
        except manager.PinError as exc:
            self.problem.setText(f"<span style='color:#b3261e'>{refusal_text(exc)}</span>")
            self.pin.selectAll()
            return False
        self.accept()
        return True


class PinSettingsDialog(QDialog):
    """Set, change or remove the manager's PIN, and the idle minutes before it locks."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinSettings")
        self.setWindowTitle(self.tr("Manager PIN"))
        self.store = store
        has = manager.has_pin(store)
        self.current = QLineEdit(self)
        self.new = QLineEdit(self)
        self.again = QLineEdit(self)
        for edit in (self.current, self.new, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(manager.MAX_DIGITS)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(manager.lock_minutes(store))
        self.minutes.setSuffix(self.tr(" min"))
        self.problem = QLabel(self)
        self.problem.setObjectName("problemText")
        self.problem.setWordWrap(True)
        about = QLabel(self.tr(
            "With a PIN, helpers can record visits, check-ins, notes and posts, but exporting "
            "the roster, erasing a member, adjusting points, undoing entries, changing rules "
            "and settings, restoring a backup and reading the audit log ask for it."), self)
        about.setWordWrap(True)
        form = QFormLayout()
        if has:
            form.addRow(self.tr("Current PIN"), self.current)
        form.addRow(self.tr("New PIN (4–12 digits)"), self.new)
        form.addRow(self.tr("The same again"), self.again)
        form.addRow(self.tr("Lock after idle"), self.minutes)
        self.current.setVisible(has)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)  # fmt: skip
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _say(self, text: str) -> None:
        self.problem.setText(f"<span style='color:#b3261e'>{text}</span>")

    def save(self) -> bool:
        new = self.new.text()
        try:
            if new or self.again.text():
                if new != self.again.text():
                    self._say(self.tr("The two new PINs differ."))
                    return False
                manager.set_pin(self.store, new, current=self.current.text() or None)
            elif manager.has_pin(self.store):
                manager.verify(self.store, self.current.text())
            if self.minutes.value() != manager.lock_minutes(self.store):
                manager.set_lock_minutes(self.store, self.minutes.value())
        except manager.PinError as exc:
            self._say(refusal_text(exc))
            return False
        toast(self.parentWidget() or self, self.tr("The manager PIN is saved."))
        self.accept()
        return True


class ManagerWords(QObject):
    def refusal(self, exc) -> str | None:
        v = exc.values
        return {
            "not_digits": self.tr("A PIN is digits only."),
            "short_pin": self.tr("A PIN has at least %1 digits.").replace(
                "%1", str(v.get("least", manager.MIN_DIGITS))),
            "long_pin": self.tr("A PIN has at most %1 digits.").replace(
                "%1", str(v.get("most", manager.MAX_DIGITS))),
            "wrong_pin": self.tr("Wrong PIN. %1 tries left before a minute's wait.").replace(
                "%1", str(v.get("left", ""))),
            "wait": self.tr("Too many wrong PINs: try again in %1 seconds.").replace(
                "%1", str(v.get("seconds", 60))),
            "no_pin": self.tr("No manager PIN is set."),
            "pin_needed": self.tr("This needs the manager's PIN."),
            "bad_lock_minutes": self.tr("Lock after 1 minute to 24 hours."),
        }.get(exc.code)
