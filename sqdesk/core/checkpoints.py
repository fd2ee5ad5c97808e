"""The write-ahead log folded into the store file on a thread of its own, off the write path.

SQLite's default folds the log into the file (a checkpoint) inside the commit that brings it
past 1,000 pages: every hundredth visit or so, that visit waited 7-17 ms for the copy and
its fsync, against 1.5 ms for the others (the 100k store). This thread runs a PASSIVE
checkpoint once the writes pause instead, which copies what it can without waiting for,
or blocking, any reader or writer; the app's connections fold in inside a commit only as a
backstop, past BACKSTOP_PAGES (a stream of writes with no pause, such as a long import's
many transactions, would otherwise grow the log without end). A commit is durable in the
log either way (synchronous=FULL); the checkpoint only moves it into the file. Closing the
store's last connection folds in the rest, as SQLite always does.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

PAUSE_S = 0.5  # writes paused this long: the log is folded in
BACKSTOP_PAGES = 10_000  # 40 MB of log: folded in by the commit that passes it
THREAD_NAME = "sqdesk-checkpoints"


class Checkpointer:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._wrote = threading.Event()
        self._closing = threading.Event()
        self._start = threading.Lock()
        self._thread: threading.Thread | None = None  # started by the first write
        self.folded = 0  # checkpoints run (for the tests)

    def wrote(self) -> None:
        """A write transaction committed (the engine's commit event)."""
        with self._start:
            if self._thread is None and not self._closing.is_set():
                self._thread = threading.Thread(target=self._run, name=THREAD_NAME,
                                                daemon=True)  # fmt: skip
                self._thread.start()
        self._wrote.set()

    def close(self) -> None:
        """Stop, after the checkpoint under way if there is one (bounded by the log's size:
        it is folded in a moment after every burst of writes)."""
        with self._start:
            self._closing.set()
            self._wrote.set()
            thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            return  # SQLite's own checkpoint on closing still folds the log in
        with closing(conn):
            while True:
                self._wrote.wait()
                # Folded once the writes pause: during a stream of them (the demo, an
                # import's transactions) a checkpoint beside them would compete with them
                # for the disk; the backstop folds a stream that never pauses.
                while self._wrote.is_set():
                    self._wrote.clear()
                    if self._closing.wait(PAUSE_S):
                        return
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    self.folded += 1
                except sqlite3.Error:
                    pass  # the file is busy or gone: the next write tries again
