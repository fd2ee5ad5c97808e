"""Python's cyclic garbage collector runs on the UI thread only.

The collector starts itself on whichever thread happens to allocate when its counts run
over, and that is often a pool thread (a job's SQLAlchemy work makes many objects). It then
frees every unreachable cycle in the process, Qt wrappers included: a dialog that held a
helper which held it back, a window's closure. A widget deleted on a pool thread, while
the UI thread paints or handles events, crashes the app at random (the likely cause of a
crash seen once in CI, in the window tests, with a job's thread in SQLAlchemy).

So the automatic collector is switched off, and the UI thread collects instead, on a timer,
the generations whose counts ran over their thresholds as the automatic collector would
have (docs/ARCHITECTURE.md, "Threads and long work"). A job's own garbage waits at most a
tick; nothing is lost. The core's `collector_paused` (a burst of objects) sees the
collector already off and leaves it off.

The app installs it once its QApplication exists; the window tests do the same.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

INTERVAL_MS = 1000  # a tick's collection of what one second made takes a few ms at most
NAME = "sqdeskCollector"


def collect_if_due(thresholds: tuple[int, int, int] | None = None) -> int:
    """Collect the oldest generation whose count ran over its threshold (with the younger
    ones), as the automatic collector does; the number of unreachable objects found."""
    limits = thresholds or gc.get_threshold()
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if counts[generation] > limits[generation]:
            return gc.collect(generation)
    return 0


class MainThreadCollector(QObject):
    """Switches the automatic collector off and collects on the UI thread, every tick."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.setObjectName(NAME)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval_ms)

    @Slot()
    def collect(self) -> int:
        return collect_if_due(self.thresholds)

    def uninstall(self) -> None:
        """The automatic collector back (a benchmark that times the window, then core work
        with no event loop to tick)."""
        self._timer.stop()
        self.setObjectName("")  # install() makes a new one from now on
        gc.collect()
        gc.enable()
        self.deleteLater()


def install(app: QCoreApplication) -> MainThreadCollector:
    """The application's one collector (made on the first call)."""
    found = app.findChild(MainThreadCollector, NAME)
    return found if found is not None else MainThreadCollector(app)
