"""Per-user preferences in QSettings: language, window geometry, recent stores.

Things that belong to the shop (its name, thresholds) live in the store instead, so they
follow the store file to another PC.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


def settings() -> QSettings:
    return QSettings()


def language() -> str | None:
    value = settings().value("ui/language")
    return str(value) if value else None


def set_language(lang: str) -> None:
    settings().setValue("ui/language", lang)


def recent_stores() -> list[str]:
    value = settings().value("stores/recent", [])
    if isinstance(value, str):  # QSettings hands back a lone string for a one-item list
        value = [value]
    return [str(v) for v in value or [] if v]


def add_recent_store(location: str) -> None:
    items = [location] + [r for r in recent_stores() if r != location]
    settings().setValue("stores/recent", items[:MAX_RECENT])


def forget_recent_store(location: str) -> None:
    settings().setValue("stores/recent", [r for r in recent_stores() if r != location])


def last_store() -> str | None:
    items = [r for r in recent_stores() if "://" in r or Path(r).exists()]
    return items[0] if items else None


def window_state() -> tuple[QByteArray | None, QByteArray | None]:
    s = settings()
    return s.value("window/geometry"), s.value("window/state")


def save_window_state(geometry: QByteArray, state: QByteArray) -> None:
    s = settings()
    s.setValue("window/geometry", geometry)
    s.setValue("window/state", state)
