"""What long work gets from its caller: a progress channel and a way to be stopped.

The UI runs such work off the main thread and passes `progress` and `should_stop`; the CLI
and tests pass nothing. Work that is stopped raises Cancelled inside its transaction, so
nothing it did is committed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Progress = Callable[[int, int], None]  # (done, total)
ShouldStop = Callable[[], bool]


class Cancelled(Exception):
    """The user stopped the work; everything it had done was rolled back."""


def no_progress(_done: int, _total: int) -> None:
    return None


def never_stop() -> bool:
    return False


# --- stopping inside a long SQLite statement ----------------------------------------------
#
# Work checks should_stop between its chunks; a single statement can itself take seconds on
# a big store (a quick_check, a rebuild). Inside `stoppable(should_stop)`, every SQLite
# connection's progress handler (installed by sqdesk.core.store, and by the raw connections
# of sqdesk.core.backup) asks `interrupt_requested` every few thousand steps, and a request
# to stop ends the statement at once: it raises, its transaction rolls back, and the block
# turns SQLite's "interrupted" into Cancelled.

_local = threading.local()


def interrupt_requested() -> bool:
    """True when the work on this thread was asked to stop (SQLite's progress handler)."""
    stop = getattr(_local, "stop", None)
    return bool(stop is not None and stop())


@contextmanager
def stoppable(should_stop: ShouldStop) -> Iterator[None]:
    before = getattr(_local, "stop", None)
    _local.stop = should_stop
    try:
        yield
    except Exception as exc:
        if should_stop() and "interrupted" in str(exc):
            raise Cancelled() from exc
        raise
    finally:
        _local.stop = before


@contextmanager
def interrupting(conn) -> Iterator[None]:
    """Around one long statement on a raw sqlite3 connection (a file check): SQLite does not
    call the progress handler through every part of an integrity check, so a watcher thread
    interrupts the connection within 50 ms of the work being asked to stop."""
    stop = getattr(_local, "stop", None)
    if stop is None:
        yield
        return
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.05):
            if stop():
                conn.interrupt()
                return

    watcher = threading.Thread(target=watch, name="sqdesk-interrupt", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
