"""Long work off the UI thread, with a progress dialog and a Cancel button.

    job = run_job(parent, title, fn, on_success=..., on_failure=..., on_cancel=...)

`fn(progress, should_stop) -> result`. The handlers are connected before the work starts:
work that finishes at once must not finish before anyone listens.

The work runs on Qt's thread pool; it reports progress through a signal (delivered on the
UI thread) and checks `should_stop` between chunks. Core work opens its own sessions, so
nothing from the UI thread's sessions crosses over (DESIGN.md §2).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from sqdesk.core.jobs import Cancelled, Progress, ShouldStop

log = logging.getLogger(__name__)

Work = Callable[[Progress, ShouldStop], Any]


class Job(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    ended = Signal()  # after any of the three above

    def __init__(self, work: Work) -> None:
        super().__init__()
        self._work = work
        self._stop = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self._stop.set()

    def _run(self) -> None:  # on a pool thread
        try:
            result = self._work(self._progress, self._stop.is_set)
        except Cancelled:
            self._emit(self.cancelled)
        except Exception as exc:
            log.exception("background job failed")
            self._emit(self.failed, exc)
        else:
            self._emit(self.succeeded, result)
        self._emit(self.ended)
        _RUNNING.discard(self)

    def _progress(self, done: int, total: int) -> None:
        self._emit(self.progressed, done, total)

    @staticmethod
    def _emit(signal, *args) -> None:
        # The app may be closing: whoever waited for this job is gone, and that is fine.
        try:
            signal.emit(*args)
        except RuntimeError:
            log.info("a background job ended after its window closed")


# Jobs have no Qt parent (a window closing must not delete a job that still runs); this
# set keeps each alive until it has ended.
_RUNNING: set[Job] = set()


def wait_for_jobs(timeout_ms: int = 30_000) -> bool:
    """Block until background work is done (at exit, before the store closes)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job._run()


class JobProgressDialog(QProgressDialog):
    def __init__(self, title: str, label: str, parent: QWidget) -> None:
        super().__init__(label or title, self.tr("Cancel"), 0, 0, parent)
        self.setObjectName("jobProgress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)  # quick work never flashes a dialog
        self.setAutoClose(False)
        self.setAutoReset(False)

    def stopping(self) -> None:
        self.setLabelText(self.tr("Stopping…"))


def run_job(
    parent: QWidget,
    title: str,
    work: Work,
    *,
    label: str = "",
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[Exception], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
) -> Job:
    """Start `work` on the thread pool behind a window-modal but non-blocking dialog."""
    job = Job(work)
    _RUNNING.add(job)
    for signal, handler in ((job.succeeded, on_success), (job.failed, on_failure),
                            (job.cancelled, on_cancel)):  # fmt: skip
        if handler is not None:
            signal.connect(handler)
    dialog = JobProgressDialog(title, label, parent)
    job.dialog = dialog  # type: ignore[attr-defined]

    def show_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def finish() -> None:
        job.done = True
        dialog.reset()
        dialog.close()
        dialog.deleteLater()

    def on_cancel() -> None:
        if job.done:  # closing the finished dialog also says "canceled"
            return
        dialog.stopping()
        job.cancel()

    job.progressed.connect(show_progress)
    job.ended.connect(finish)
    dialog.canceled.connect(on_cancel)
    QThreadPool.globalInstance().start(_Runnable(job))
    return job


def run_quiet(
    parent: QObject,
    work: Work,
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[Exception], None] | None = None,
) -> Job:
    """Background upkeep the user does not wait for (no dialog, nothing to cancel)."""
    job = Job(work)
    _RUNNING.add(job)
    if on_success is not None:
        job.succeeded.connect(on_success)
    if on_failure is not None:
        job.failed.connect(on_failure)
    job.ended.connect(lambda: setattr(job, "done", True))
    QThreadPool.globalInstance().start(_Runnable(job))
    return job
