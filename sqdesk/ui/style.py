"""The app's look: Fusion plus one stylesheet, so it looks the same on every PC."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from sqdesk.core.paths import resource_path


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    qss = resource_path("style.qss")
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
