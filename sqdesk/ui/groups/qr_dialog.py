"""Import a group's QR screenshot: check it is an image, and ask the day it was taken."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sqdesk.ui.widgets import date_picker


def read_image(path: Path) -> tuple[bytes, QImage] | None:
    """The file's bytes and the decoded image; None if it is not an image Qt can read."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    image = QImage.fromData(data)
    return None if image.isNull() else (data, image)


class QrDateDialog(QDialog):
    """Shows the screenshot and asks which day WeChat showed the code (its 7 days start
    then); the file's date is the first guess."""

    chosen = Signal(object)  # date

    def __init__(self, path: Path, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrDateDialog")
        self.setWindowTitle(self.tr("Group QR Image"))
        preview = QLabel(self)
        preview.setPixmap(QPixmap.fromImage(image).scaled(
            200, 200, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))  # fmt: skip
        preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note = QLabel(self)
        note.setText(self.tr("A WeChat group QR code works for 7 days from the day WeChat "
                             "showed it. Which day did you take this screenshot?"))  # fmt: skip
        note.setWordWrap(True)
        today = date.today()
        try:
            guess = min(today, datetime.fromtimestamp(path.stat().st_mtime).date())
        except OSError:
            guess = today
        self.taken = QDateEdit(QDate(guess.year, guess.month, guess.day), self)
        date_picker(self.taken)
        self.taken.setDisplayFormat("yyyy-MM-dd")
        self.taken.setMaximumDate(QDate.currentDate())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._done)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Screenshot taken on"), self.taken)
        layout = QVBoxLayout(self)
        layout.addWidget(preview)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _done(self) -> None:
        d = self.taken.date()
        self.chosen.emit(date(d.year(), d.month(), d.day()))
        self.accept()
