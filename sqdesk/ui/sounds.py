"""The optional short sound after a scan at the counter (the shop's `scan.sound` setting):
one sound when the card was found or the visit recorded, another when it was refused, so
the manager hears the result without looking at the screen.

No media library: on Windows (the usual shop PC) the system's own sounds through the
standard library's winsound (MessageBeep plays asynchronously); elsewhere the system bell,
once for success and twice for a refusal.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sqdesk.core import shop_settings
from sqdesk.core.store import Store

OK, REFUSED = "ok", "refused"
played: list[str] = []  # what was played, newest last (the tests listen here)


def scan_result(store: Store, kind: str) -> bool:
    """Play the sound for a scan's result when the shop has switched sounds on; True when
    one was played."""
    if not shop_settings.value(store, "scan.sound"):
        return False
    played.append(kind)
    del played[:-20]
    if sys.platform == "win32":
        import winsound

        winsound.MessageBeep(winsound.MB_OK if kind == OK else winsound.MB_ICONHAND)
        return True
    QApplication.beep()
    if kind == REFUSED:
        QTimer.singleShot(160, QApplication.beep)
    return True
