"""What the user is told when a store cannot be opened as asked."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sqdesk.core.errors import StoreError
from sqdesk.core.lock import StoreLocked
from sqdesk.core.store import STORE_SUFFIX
from sqdesk.ui.widgets import file_dialog


class StoreMessages(QObject):
    def refusal(self, exc: StoreError) -> str | None:
        v = exc.values
        if isinstance(exc, StoreLocked):
            return self.locked_text(exc)
        return {
            "no_folder": self.tr("There is no folder %1.").replace("%1", str(v.get("folder"))),
            "not_sqlite_source": self.tr("Only a store file can be moved to PostgreSQL."),
            "not_postgresql": self.tr("The address is not a PostgreSQL server's."),
            "target_not_empty": self.tr("That PostgreSQL database already holds members: move "
                                        "into an empty one."),
            "verify_failed": self.tr("The copy in PostgreSQL differs from the file (%1): do "
                                     "not use it; the file is as it was.").replace(
                "%1", str(v.get("detail"))),
            "disk_full": self.tr("The disk is full: nothing of this was saved, and the store is "
                                 "as it was. Free some space (old backups, downloads) and try "
                                 "again."),
            "became_read_only": self.tr("The store file cannot be written any more (it was made "
                                        "read-only, or the USB stick was pulled out): nothing of "
                                        "this was saved."),
            "cannot_copy": self.tr("A backup could not be written to %1: %2").replace(
                "%1", str(v.get("folder"))).replace("%2", str(v.get("detail"))),
            "bad_copy": self.tr("The backup copy failed its check (%1) and was deleted; the "
                                "older copies are kept.").replace("%1", str(v.get("detail"))),
            "bad_pack": self.tr("%1 did not give back the copy it was packed from, so the "
                                "copy was kept as it was.").replace("%1", str(v.get("detail"))),
            "not_sqlite": self.tr("%1 is not a sqdesk store (not a database file).").replace(
                "%1", str(v.get("path"))),
            "unreadable": self.tr("%1 cannot be read: %2.").replace(
                "%1", str(v.get("path"))).replace("%2", str(v.get("detail"))),
            "upgrade_needs_writer": self.tr(
                "%1 needs an upgrade, which a read-only copy cannot do. Open it in the copy "
                "of sqdesk that has it open.").replace("%1", str(v.get("name"))),
            "no_store": self.tr("There is no store at %1.").replace("%1", str(v.get("path"))),
            "cannot_open": self.tr("%1 cannot be opened: %2.").replace(
                "%1", str(v.get("location"))).replace("%2", str(v.get("detail"))),
            "read_only": self.tr("%1 is open read-only: nothing can be changed.").replace(
                "%1", str(v.get("name"))),
            "upgrade_broke_references": self.tr(
                "The store could not be upgraded: some of its rows refer to rows that are "
                "not there (%1). It was left exactly as it was; restore a backup copy, or "
                "keep using the version of sqdesk it came from.").replace(
                "%1", str(v.get("detail"))),
            "too_new": self.tr("The store %1 was saved by a newer version of sqdesk. Update "
                               "sqdesk to open it; the file was not changed.").replace(
                "%1", str(v.get("location"))),
            "damaged_copy": self.tr("%1 is damaged (%2).").replace(
                "%1", str(v.get("name"))).replace("%2", str(v.get("detail"))),
            "foreign_copy": self.tr("%1 is not a sqdesk store.").replace(
                "%1", str(v.get("name"))),
            "is_folder": self.tr("%1 is a folder. Choose a store file in it, or a new file "
                                 "name.").replace("%1", str(v.get("path"))),
            "bad_url": self.tr("%1 is neither a file nor a database address.").replace(
                "%1", str(v.get("url"))),
            "unsupported_database": self.tr(
                "sqdesk keeps its data in a SQLite file or on a PostgreSQL server, not in %1.")
            .replace("%1", str(v.get("backend"))),
        }.get(exc.code)  # fmt: skip

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

    def cannot_open_box(self, reason: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("sqdesk cannot open the store"),
                          reason)  # fmt: skip
        box.setInformativeText(self.tr(
            "To work meanwhile, open another store: the shop's file on this PC, or a copy. "
            "Or quit, and start sqdesk again once this store can be opened."))  # fmt: skip
        box.other_button = box.addButton(  # type: ignore[attr-defined]
            self.tr("Open Another Store…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        return box

    def store_file_dialog(self, parent: QWidget | None, title: str, folder: str) -> QFileDialog:
        return file_dialog(parent, title, folder,
                           [self.tr("sqdesk stores (*%1)").replace("%1", STORE_SUFFIX),
                            self.tr("All files (*)")])  # fmt: skip


def cannot_open_box(reason: str) -> QMessageBox:
    """At start, a store that cannot be opened (its server down, the file damaged or made
    by a newer sqdesk): the reason, and rather than no sqdesk at all until it is back, the
    choice of another store. Yes is `box.clickedButton() is box.other_button`."""
    return StoreMessages().cannot_open_box(reason)


def store_file_dialog(parent: QWidget | None, title: str, folder: str) -> QFileDialog:
    """Choosing a store file (File → Open Store, New Store, and at start)."""
    return StoreMessages(parent).store_file_dialog(parent, title, folder)


def locked_box(exc: StoreLocked, parent: QWidget | None = None) -> QMessageBox:
    """A box asking whether to open a locked store read-only.

    Yes is `box.clickedButton() is box.read_only_button` once it is finished.
    """
    return StoreMessages(parent).locked_box(exc, parent)
