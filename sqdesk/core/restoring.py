"""Restoring a backup copy from the window, the slow parts first, while the store is still
open and in use: the copy is checked (10 s for a 770 MB copy not yet in the system's
cache), a packed one unpacked and one made by an older version (the copy kept before an
upgrade) upgraded, in a file of their own beside the store, and the store as it is kept
as a "before-restore" copy. Only then is the store closed, for the write-back alone
(sqdesk.core.backup.write_back). Stopped before that, nothing has changed.

The command line's `restore` does the same in one go (sqdesk.core.backup.restore).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqdesk.core import backup
from sqdesk.core.jobs import Progress, ShouldStop, never_stop, no_progress
from sqdesk.core.store import Store, needs_upgrade

SUFFIX = ".restoring"


@dataclass(frozen=True)
class Ready:
    """A copy checked and ready to be written over the store."""

    plain: Path  # what to write back: the copy itself, or a file made ready beside the store
    made: bool  # `plain` was made here: deleted once written back (discard)
    safety: Path  # the store as it was, kept as a "before-restore" copy


def make_ready(store_path: Path, source: Path, *, progress: Progress = no_progress,
               should_stop: ShouldStop = never_stop) -> Ready:  # fmt: skip
    """Everything of a restore but the write-back. RestoreError for a copy that is damaged,
    not a store, or cannot be read; an upgrade's steps are told through `progress`."""
    made = None
    try:
        with backup.refusing_unreadable(source):
            if backup.is_packed(source) or needs_upgrade(source):
                made = store_path.with_name(store_path.name + SUFFIX)
                discard(made)
                with backup.unpacked(source, store_path.parent) as plain:
                    backup.refuse_unsound(plain, source.name)
                    backup.copy_sqlite(plain, made)
                if needs_upgrade(made):
                    Store.open(made, progress=progress, should_stop=should_stop,
                               copy_first=False).close()  # fmt: skip
            else:
                backup.refuse_unsound(source, source.name)
            safety = backup.make_backup(store_path, kind="before-restore")
    except BaseException:
        if made is not None:
            discard(made)
        raise
    return Ready(made or source, made is not None, safety)


def discard(ready: Path) -> None:
    """A file made ready and what SQLite may have left beside it."""
    for leftover in (ready, ready.with_name(ready.name + "-wal"),
                     ready.with_name(ready.name + "-shm")):  # fmt: skip
        leftover.unlink(missing_ok=True)
