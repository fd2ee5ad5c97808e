"""Long work off the UI thread, with a progress dialog and a Cancel button.

    job = run_job(owner, title, fn, on_success=..., on_failure=..., on_cancel=...)

`fn(progress, should_stop) -> result`. The handlers are connected before the work starts:
work that finishes at once must not finish before anyone listens.

The work runs on Qt's thread pool; it reports progress through a signal (delivered on the
UI thread) and checks `should_stop` between chunks. Core work opens its own sessions, so
nothing from the UI thread's sessions crosses over (docs/ARCHITECTURE.md, "Threads and long work").

A result never outlives its window: the handlers are called by a small QObject that is a
child of `owner`. When the owner is deleted (a window closed, a store switched), Qt deletes
that child and disconnects it, and a result still on its way is dropped. A plain lambda
connected to the job would have no receiver and run on a deleted window.

An owner that only Python holds (a model made without a parent) must not be kept alive by
its own handlers alone: when the job ends, freeing the handlers would free the owner, and
with it the handlers again, inside their own clean-up (a crash). Such an owner's handlers
hold it weakly (sqdesk.ui.members.model).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from sqdesk.core.jobs import Cancelled, Progress, ShouldStop, stoppable

log = logging.getLogger(__name__)

Work = Callable[[Progress, ShouldStop], Any]


class Job(QObject):
    """One piece of background work, as the UI thread sees it: its signals are emitted on
    the UI thread only (see _Mailbox), so a handler never races the pool thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    ended = Signal()  # after any of the three above

    def __init__(self, work: Work) -> None:
        super().__init__()
        self._work = work
        self._stop = threading.Event()
        # True once the job ended and its handlers ran (set on the UI thread).
        self.done = False

    def cancel(self) -> None:
        self._stop.set()

    @property
    def stop_asked(self) -> bool:
        """Asked to stop: work that could no longer stop still succeeds (an upgrade once
        committed), and its handler may still honour the wish."""
        return self._stop.is_set()

    def _deliver(self, kind: str, payload: object) -> None:  # on the UI thread
        if kind == "progress":
            self.progressed.emit(*payload)  # type: ignore[misc]
            return
        if kind == "success":
            self.succeeded.emit(payload)
        elif kind == "failure":
            self.failed.emit(payload)
        else:
            self.cancelled.emit()
        self.done = True
        self.ended.emit()


class _Mailbox(QObject):
    """Carries each job's news from the pool thread to the UI thread. It lives as long as
    the application, so a pool thread only ever emits on an object that exists, and the
    pool never holds a Job: a Job (a QObject of the UI thread) could otherwise be freed on
    the pool thread, with its queued signals still pending, when the UI thread let go of it
    first (a rare crash, seen while taking screenshots)."""

    news = Signal(int, str, object)  # job number, kind, payload

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.news.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(int, str, object)
    def _deliver(self, number: int, kind: str, payload: object) -> None:
        job = _RUNNING.get(number)
        if job is None:
            return
        if kind != "progress":
            del _RUNNING[number]  # after this, only its owner's references keep it
        job._deliver(kind, payload)


def _mailbox() -> _Mailbox:
    app = QCoreApplication.instance()
    found = app.findChild(_Mailbox, "sqdeskJobMailbox")
    if found is None:
        found = _Mailbox(app)
        found.setObjectName("sqdeskJobMailbox")
    return found


# Jobs have no Qt parent (a window closing must not delete a job that still runs); this
# map keeps each alive, by number, until its outcome reached the UI thread.
_RUNNING: dict[int, Job] = {}
_NUMBERS = itertools.count(1)


def stop_all_jobs() -> None:
    """Ask every job still running to stop (the app is quitting): each ends between its
    chunks or inside its SQLite statement, and rolls back what it had not committed."""
    for job in list(_RUNNING.values()):
        job.cancel()


def wait_for_jobs(timeout_ms: int = 30_000) -> bool:
    """Block until background work is done (at exit, before the store closes)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


class _Runnable(QRunnable):
    """The pool thread's part: the work, the stop flag and the job's number; no Job."""

    def __init__(self, number: int, work: Work, stop: threading.Event, box: _Mailbox) -> None:
        super().__init__()
        self.number, self.work, self.stop, self.box = number, work, stop, box

    def run(self) -> None:
        number, news = self.number, self.box.news
        try:
            # A cancelled job's SQLite statement ends at once, not when it is done.
            with stoppable(self.stop.is_set):
                result = self.work(
                    lambda done, total: news.emit(number, "progress", (done, total)),
                    self.stop.is_set)  # fmt: skip
        except Cancelled:
            news.emit(number, "cancel", None)
        except Exception as exc:
            log.exception("background job failed")
            news.emit(number, "failure", exc)
        else:
            news.emit(number, "success", result)
        self.work = None  # the closure (and what it holds) goes with the pool thread's part


class _Handlers(QObject):
    """The receiver of a job's outcome, a child of the object the handlers update."""

    def __init__(
        self,
        owner: QObject,
        job: Job,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[Exception], None] | None,
        on_cancel: Callable[[], None] | None,
    ) -> None:
        super().__init__(owner)
        self._on_success, self._on_failure, self._on_cancel = on_success, on_failure, on_cancel
        job.succeeded.connect(self.succeeded)
        job.failed.connect(self.failed)
        job.cancelled.connect(self.cancelled)
        job.ended.connect(self.deleteLater)

    @Slot(object)
    def succeeded(self, result: object) -> None:
        if self._on_success is not None:
            self._on_success(result)

    @Slot(object)
    def failed(self, exc: object) -> None:
        if self._on_failure is not None:
            self._on_failure(exc)  # type: ignore[arg-type]

    @Slot()
    def cancelled(self) -> None:
        if self._on_cancel is not None:
            self._on_cancel()


class JobProgressDialog(QProgressDialog):
    """Progress and Cancel for one job; a child of the window that started it, so it goes
    (and stops listening) with that window."""

    def __init__(self, title: str, label: str, parent: QWidget, job: Job) -> None:
        super().__init__(label or title, self.tr("Cancel"), 0, 0, parent)
        self.setObjectName("jobProgress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)  # quick work never flashes a dialog
        # Starts the timer that shows the dialog after that: Qt starts it only on a value
        # set, and work that reports no progress (a copy of the store before a bulk change)
        # would run its seconds with no dialog and no Cancel.
        self.setValue(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._job = job
        job.progressed.connect(self.show_progress)
        job.ended.connect(self.finish)
        self.canceled.connect(self.stop_job)

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        self.setMaximum(max(total, 1))
        self.setValue(min(done, max(total, 1)))

    @Slot()
    def finish(self) -> None:
        self._finished = True
        self.reset()
        self.close()
        self.deleteLater()

    @Slot()
    def stop_job(self) -> None:
        if getattr(self, "_finished", False):  # closing the finished dialog also "cancels"
            return
        self.setLabelText(self.tr("Stopping…"))
        self._job.cancel()


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
    """Start `work` on the thread pool behind a window-modal but non-blocking dialog. The
    handlers run only while `parent` exists."""
    job = Job(work)
    _Handlers(parent, job, on_success, on_failure, on_cancel)
    job.dialog = JobProgressDialog(title, label, parent, job)  # type: ignore[attr-defined]
    _start(job, _WAITED_FOR)
    return job


def run_quiet(
    owner: QObject,
    work: Work,
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[Exception], None] | None = None,
) -> Job:
    """Background upkeep the user does not wait for (no dialog, nothing to cancel). The
    handlers run only while `owner` exists."""
    job = Job(work)
    _Handlers(owner, job, on_success, on_failure, None)
    _start(job, _UPKEEP)
    return job


# Work the user waits for (a dialog with progress) goes before upkeep nobody waits for.
_WAITED_FOR, _UPKEEP = 1, 0
# At least four threads, even on a 2-core PC: the day's upkeep can take several seconds on
# a big store, and a count for the segment list or an import must not queue behind it.
# The work is mostly SQLite, which runs without Python's GIL.
_MIN_THREADS = 4


def _start(job: Job, priority: int) -> None:
    number = next(_NUMBERS)
    _RUNNING[number] = job
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < _MIN_THREADS:
        pool.setMaxThreadCount(_MIN_THREADS)
    pool.start(_Runnable(number, job._work, job._stop, _mailbox()), priority)
