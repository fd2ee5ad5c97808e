"""Restore from Backup: the store's copies (daily, made by hand, before an upgrade or a
restore), newest first; restoring asks first, and keeps the store as it is now as one more
copy, so a restore can itself be undone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import backup
from sqdesk.core.errors import StoreError
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import fill_table, make_table, select_row


class BackupsDialog(QDialog):
    restoreRequested = Signal(Path)

    def __init__(self, store_path: Path, parent: QWidget | None = None, *,
                 folder: Path | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.copies = backup.backups(store_path, folder=folder)
        intro = QLabel(self.tr("sqdesk keeps a copy of the store every day (the last seven "
                               "days) and before every upgrade. Choose the copy to go back "
                               "to: what was entered after it is replaced, and the store as "
                               "it is now is kept as one more copy."), self)  # fmt: skip
        intro.setWordWrap(True)
        self.table = make_table(self, [self.tr("Taken"), self.tr("Kind"), self.tr("Size")], 1)
        fill_table(self.table, [(b.taken.strftime("%Y-%m-%d %H:%M"), self.kind(b.kind),
                                 self.size(b)) for b in self.copies], numeric={2})  # fmt: skip
        for column in (0, 2):  # the time, and the size ("0.9 MB, packed") whole
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)  # fmt: skip
        if self.copies:
            select_row(self.table, 0)
        self.table.doubleClicked.connect(lambda _i: self.ask_restore())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton(self.tr("Restore…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)  # fmt: skip
        self.restore_button.setEnabled(bool(self.copies))
        self.restore_button.clicked.connect(self.ask_restore)
        buttons.rejected.connect(self.reject)
        empty = QLabel(self.tr("No copies yet: the first is made today, in the background."),
                       self)  # fmt: skip
        empty.setVisible(not self.copies)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        self.resize(520, 380)

    def kind(self, key: str) -> str:
        named = {"daily": self.tr("daily"), "manual": self.tr("made by hand"),
                 "before-restore": self.tr("before a restore"),
                 "half-hourly": self.tr("every 30 minutes"), "exit": self.tr("on closing"),
                 "before-import": self.tr("before an import"),
                 "before-merge": self.tr("before a merge"),
                 "before-erase": self.tr("before an erase"),
                 "before-bulk-tag": self.tr("before tagging many")}  # fmt: skip
        if key in named:
            return named[key]
        return self.tr("before an upgrade") if key.startswith("before-") else key

    def size(self, b: backup.BackupInfo) -> str:
        """The copy's size on the disk; a packed copy (the older ones, gzip) says so: it is
        unpacked, in a few seconds, when restored."""
        mb = f"{b.size / 1_048_576:.1f} MB"
        return self.tr("%1, packed").replace("%1", mb) if backup.is_packed(b.path) else mb

    def choose(self, path: Path) -> None:
        for row, b in enumerate(self.copies):
            if b.path == path:
                select_row(self.table, row)

    def chosen(self) -> backup.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.copies[rows[0].row()] if rows else None

    def ask_restore(self) -> QMessageBox | None:
        b = self.chosen()
        if b is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore from Backup"),
                          self.tr("Go back to the copy of %1? Everything entered after it is "
                                  "replaced. The store as it is now is kept as a copy first.")
                          .replace("%1", b.taken.strftime("%Y-%m-%d %H:%M")),
                          QMessageBox.StandardButton.Cancel, self)  # fmt: skip
        box.setObjectName("confirmRestore")
        go = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)

        def done(_r: int) -> None:
            if box.clickedButton() is go:
                self.restoreRequested.emit(b.path)
                self.accept()

        box.finished.connect(done)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box


class BackupFolderDialog(QDialog):
    """Where the copies go: beside the store, or a folder the shop chooses (a USB stick,
    another disk). A chosen folder that goes missing is said on Today, and the copies go
    beside the store until it is back."""

    def __init__(self, store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupFolder")
        self.setWindowTitle(self.tr("Backup Folder"))
        self.store = store
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("problemText")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.choose_button = buttons.addButton(self.tr("Choose a Folder…"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.beside_button = buttons.addButton(self.tr("Beside the Store"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.choose_button.clicked.connect(self.ask_folder)
        self.beside_button.clicked.connect(lambda: self.use(None))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(520, 0)
        self._show()

    def _show(self) -> None:
        chosen = backup.chosen_folder(self.store)
        if chosen is None:
            text = self.tr("Copies go to %1, beside the store.").replace(
                "%1", str(backup.backup_dir(self.store.path)))  # fmt: skip
        else:
            text = self.tr("Copies go to %1.").replace("%1", str(chosen))
            if not chosen.is_dir():
                text += " " + self.tr("It is missing now: copies go beside the store until "
                                      "it is back.")  # fmt: skip
        self.where.setText(text)

    def ask_folder(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Choose the Backup Folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.use(Path(path)))
        dialog.open()
        return dialog

    def use(self, folder: Path | None) -> bool:
        try:
            backup.set_folder(self.store, folder)
        except StoreError as exc:
            self.problem.setText(f"<span style='color:#b3261e'>{refusal_text(exc)}</span>")
            return False
        self.problem.setText("")
        announce(Area.SHOP)
        self._show()
        return True
