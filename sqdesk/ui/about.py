"""Help → About: what this is, which version, where the data is."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget
from sqlalchemy import __version__ as sqlalchemy_version

from sqdesk import __version__


class AboutDialog(QDialog):
    def __init__(self, *, store_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About sqdesk"))
        icon = QLabel(self)
        icon.setPixmap(QIcon.fromTheme("sqdesk", self.windowIcon()).pixmap(64, 64))
        title = QLabel(f"<h2>sqdesk {__version__}</h2>", self)
        blurb = QLabel(
            self.tr(
                "Runs your shop's WeChat member community: the member roster, points, "
                "activities and posts, all kept on this computer."
            ),
            self,
        )
        blurb.setWordWrap(True)
        details = QLabel(
            self.tr("Store: %1").replace("%1", store_location)
            + "<br>"
            + f"Python {platform.python_version()} · Qt {qVersion()} · "
            f"PySide6 {pyside_version} · SQLAlchemy {sqlalchemy_version}",
            self,
        )
        details.setObjectName("aboutDetails")
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for w in (icon, title, blurb, details):
            layout.addWidget(w)
        layout.addWidget(buttons)
        self.resize(420, 0)
