"""Restoring a backup copy, the slow part first: a packed copy is unpacked, and a copy made
by an older version (the one kept before an upgrade) is upgraded, in a file of its own
beside the store, while the store is still open and in use. Only then is the store closed
and the prepared file written back (sqdesk.core.backup.restore), which takes seconds where
upgrading can take a minute; stopped before that, nothing has changed.
"""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

from sqdesk.core import backup
from sqdesk.core.jobs import Progress, ShouldStop, never_stop, no_progress
from sqdesk.core.store import Store, needs_upgrade

SUFFIX = ".restoring"


def ready_to_restore(store_path: Path, source: Path, *, progress: Progress = no_progress,
                     should_stop: ShouldStop = never_stop) -> Path | None:  # fmt: skip
    """A plain file of this version with the copy's contents, beside the store, for
    backup.restore; None when the copy itself is one (plain and of this version). The
    caller deletes the file once it is written back (`discard`). A copy that is damaged or
    not a store is left as it is, for backup.restore to refuse in its own words."""
    if not backup.is_packed(source) and not needs_upgrade(source):
        return None
    ready = store_path.with_name(store_path.name + SUFFIX)
    discard(ready)
    try:
        with backup.unpacked(source, store_path.parent) as plain:
            backup.copy_sqlite(plain, ready)
        if needs_upgrade(ready):
            Store.open(ready, progress=progress, should_stop=should_stop,
                       copy_first=False).close()  # fmt: skip
    except (EOFError, OSError, zlib.error, sqlite3.DatabaseError):
        discard(ready)  # damaged, unreadable, no room: backup.restore says which
        return None
    except BaseException:
        discard(ready)
        raise
    return ready


def discard(ready: Path) -> None:
    """The prepared file and what SQLite may have left beside it."""
    for leftover in (ready, ready.with_name(ready.name + "-wal"),
                     ready.with_name(ready.name + "-shm")):  # fmt: skip
        leftover.unlink(missing_ok=True)
