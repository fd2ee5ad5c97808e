"""What the user is told when a store cannot be opened as asked."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from sqdesk.core.lock import StoreLocked


class StoreMessages(QObject):
    def locked_text(self, exc: StoreLocked) -> str:
        h = exc.holder
        if h is None:
            return self.tr("%1 is open in another copy of sqdesk.").replace("%1", exc.path.name)
        since = h.since.replace("T", " ")
        return (
            self.tr("%1 is open in sqdesk on %2 (user %3) since %4.")
            .replace("%1", exc.path.name).replace("%2", h.host)
            .replace("%3", h.user or "?").replace("%4", since)
        )  # fmt: skip

    def locked_box(self, exc: StoreLocked, parent: QWidget | None) -> QMessageBox:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("The store is in use"))
        box.setText(self.locked_text(exc))
        box.setInformativeText(
            self.tr("Two copies changing one store at once could lose work. Open it "
                    "read-only to look and search, or close the other copy first.")
        )  # fmt: skip
        box.read_only_button = box.addButton(  # type: ignore[attr-defined]
            self.tr("Open Read-Only"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        return box


def locked_box(exc: StoreLocked, parent: QWidget | None = None) -> QMessageBox:
    """A box asking whether to open a locked store read-only.

    Yes is `box.clickedButton() is box.read_only_button` once it is finished.
    """
    return StoreMessages(parent).locked_box(exc, parent)
