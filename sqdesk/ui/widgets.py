"""Small widgets every page shares."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget


class PageHeader(QWidget):
    """A page's title with a quieter subtitle beside it (a count, a date)."""

    def __init__(self, title: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title, self)
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("pageSubtitle")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addWidget(self.subtitle)
        layout.addStretch(1)

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)
