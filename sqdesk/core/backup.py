"""Backup copies of a SQLite store, made with SQLite's online backup API.

The online backup copies a consistent snapshot even while another connection writes,
which a plain file copy of a WAL database does not. Every copy is checked with SQLite's
`quick_check` once written (every page of every table and index read and found well
formed), the test a copy must pass to be restored or offered for a damaged store; a copy
that fails is deleted and the failure reported. The full `integrity_check` also matches
every index entry against its row: on a 1 GB store that is 23 s of a copy's 26 s (the
copy itself 3 s), and a page-for-page copy of the store has the same index agreement as
the store, which `check` tests in full (docs/ARCHITECTURE.md, "Reliability").

Copies go to `<name>-backups/` beside the store, or to the folder the shop chose (a USB
stick: the setting `backup.folder`); when that folder is missing, copies go beside the
store and Today says so. Besides the daily copy: every 30 minutes while something changed
and when the app closes (the app), and before every bulk change: an import, a merge, an
erase, a restore, tagging more than 1,000 members (`before_bulk`).
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqdesk.core.errors import StoreError
from sqdesk.core.jobs import Cancelled, interrupt_requested, interrupting

KEEP_PER_KIND = 10
FOLDER_KEY = "backup.folder"
COPY_PAGES = 2048  # pages copied between two looks at whether to stop (8 MB)


class BackupError(StoreError):
    """A backup copy that could not be made or failed its check."""


def backup_dir(store_path: Path, folder: Path | None = None) -> Path:
    """Where the copies go: the chosen folder, or `<name>-backups/` beside the store."""
    return Path(folder) if folder else store_path.with_name(store_path.stem + "-backups")


def chosen_folder(store) -> Path | None:
    """The folder the shop chose for its copies (None: beside the store)."""
    from sqdesk.core import settings

    with store.read() as s:
        value = settings.get(s, FOLDER_KEY)
    return Path(value) if value else None


def folder_for(store) -> Path | None:
    """The chosen folder when it is there, else None (beside the store): a USB stick left
    at home does not stop the copies."""
    chosen = chosen_folder(store)
    return chosen if chosen is not None and chosen.is_dir() else None


def missing_folder(store) -> Path | None:
    """The chosen folder when it is not there (Today warns), else None."""
    chosen = chosen_folder(store)
    return chosen if chosen is not None and not chosen.is_dir() else None


def set_folder(store, folder: Path | None) -> None:
    from sqdesk.core import audit, settings

    if folder is not None and not Path(folder).is_dir():
        raise BackupError("no_folder", f"there is no folder {folder}", folder=str(folder))
    with store.session() as s:
        settings.put(s, FOLDER_KEY, str(folder) if folder else "")
        audit.record(s, "settings", detail=FOLDER_KEY)


def before_bulk(store, what: str) -> Path | None:
    """A copy just before a bulk change (import, merge, erase, bulk tag): what the change
    did can be undone by a restore. Nothing for a PostgreSQL store (the server's own
    backups) or a read-only one."""
    if store.path is None or store.read_only:
        return None
    return make_backup(store.path, kind=f"before-{what}", folder=folder_for(store))


def copy_sqlite(source: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    tmp.unlink(missing_ok=True)
    def step(_status: int, _remaining: int, _total: int) -> None:
        if interrupt_requested():  # asked to stop (a quit): the part copy is dropped
            raise Cancelled()

    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(tmp)) as dst:
            src.backup(dst, pages=COPY_PAGES, progress=step)
            # One self-contained file: no -wal beside it when the copy is opened (checked,
            # restored, or moved to another PC).
            dst.execute("PRAGMA journal_mode=DELETE")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    # Only a finished copy gets the real name, so a crash never leaves a half backup.
    tmp.replace(dest)
    return dest


def make_backup(store_path: Path, *, kind: str, keep: int = KEEP_PER_KIND,
                folder: Path | None = None) -> Path:  # fmt: skip
    """A checked copy (BackupError when it fails `quick_check`: it is deleted, the older
    copies are kept); the oldest copies of this kind beyond `keep` are deleted."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    name = f"{store_path.stem}-{kind}-{stamp}{store_path.suffix}"
    dest = backup_dir(store_path, folder) / name
    try:
        copy_sqlite(store_path, dest)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError("cannot_copy", f"cannot write a backup to {dest.parent}: {exc}",
                          folder=str(dest.parent), detail=str(exc)) from exc  # fmt: skip
    try:
        problems = quick_check(dest)
    except Cancelled:  # a copy not checked is not kept
        dest.unlink(missing_ok=True)
        raise
    if problems:
        dest.unlink(missing_ok=True)
        raise BackupError("bad_copy", f"the backup failed its check: {problems[0]}",
                          detail=problems[0])  # fmt: skip
    rotate(store_path, kind=kind, keep=keep, folder=folder)
    return dest


def integrity_check(path: Path) -> list[str]:
    """SQLite's full integrity check of a file: [] when it is sound (the tests hold the
    copies to it; the app checks copies with quick_check, see the module's docstring)."""
    return _file_check(path, "integrity_check")


def _file_check(path: Path, pragma: str) -> list[str]:
    """A file check (stopped at once when its work is asked to stop): [] when sound."""
    try:
        with (closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn,
              interrupting(conn)):
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:
        if interrupt_requested():
            raise Cancelled() from exc
        return [str(exc)]
    return [r for r in rows if r != "ok"]


def backup_before_upgrade(store_path: Path, *, from_revision: str | None) -> Path:
    return make_backup(store_path, kind=f"before-{from_revision or 'unversioned'}")


def list_backups(store_path: Path, *, kind: str | None = None,
                 folder: Path | None = None) -> list[Path]:  # fmt: skip
    folder = backup_dir(store_path, folder)
    if not folder.is_dir():
        return []
    pattern = f"{store_path.stem}-{kind}-*" if kind else f"{store_path.stem}-*"
    return sorted(p for p in folder.glob(pattern) if p.suffix == store_path.suffix)


def rotate(store_path: Path, *, kind: str, keep: int = KEEP_PER_KIND,
           folder: Path | None = None) -> None:  # fmt: skip
    for old in list_backups(store_path, kind=kind, folder=folder)[:-keep]:
        old.unlink(missing_ok=True)


# --- daily backups, checking and restoring --------------------------------------------------

DAILY_EVERY = timedelta(hours=20)  # "once a day", even if the shop opens a little earlier
DAILY_KEEP = 7  # a week of days: a 100,000-member store is 1 GB a copy
_STAMP = re.compile(r"-(\d{8}-\d{6}-\d{6})$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # daily | manual | before-restore | before-<revision>
    taken: datetime
    size: int


def backups(store_path: Path, *, folder: Path | None = None) -> list[BackupInfo]:
    """Every backup of the store, newest first: beside the store and in `folder` (the
    shop's chosen one) alike."""
    out = []
    prefix = store_path.stem + "-"
    found = list_backups(store_path)
    if folder is not None:
        found += list_backups(store_path, folder=folder)
    for p in dict.fromkeys(found):
        stem = p.stem.removeprefix(prefix)
        match = _STAMP.search(stem)
        if match is None:
            continue
        taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f")
        out.append(BackupInfo(p, stem[: match.start()], taken, p.stat().st_size))
    return sorted(out, key=lambda b: b.taken, reverse=True)


def auto_backup(store_path: Path, *, now: datetime | None = None, keep: int = DAILY_KEEP,
                folder: Path | None = None) -> Path | None:  # fmt: skip
    """The daily backup, when the newest one is older than DAILY_EVERY (rotated, so the
    last `keep` days are kept: the shop's backups.keep_days); None when one was made
    recently."""
    now = now or datetime.now()
    daily = [b for b in backups(store_path, folder=folder) if b.kind == "daily"]
    if daily and now - daily[0].taken < DAILY_EVERY:
        return None
    return make_backup(store_path, kind="daily", keep=keep, folder=folder)


def newest_sound(store_path: Path, *, folder: Path | None = None) -> BackupInfo | None:
    """The newest copy that passes SQLite's quick check (what to offer when the store file
    is damaged); None when there is none."""
    for b in backups(store_path, folder=folder):
        if not quick_check(b.path):
            return b
    return None


def quick_check(path: Path) -> list[str]:
    """SQLite's quick check of a store file: [] when it is sound. A few seconds for a
    1 GB store, so it can run at every start and after every copy (the full `check`
    takes minutes)."""
    return _file_check(path, "quick_check")


class RestoreError(StoreError):
    """A backup that cannot be restored (the store is left as it was)."""


def restore(store_path: Path, source: Path) -> Path:
    """Replace the store's contents with a backup's. The store must be closed. The store as
    it was is backed up first ("before-restore"), so a restore can itself be undone;
    returns that copy. A file that is not a sound sqdesk store is refused."""
    problems = quick_check(source)
    if problems:
        raise RestoreError("damaged_copy", f"{source.name} is damaged: {problems[0]}",
                           name=source.name, detail=problems[0])
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as conn:
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise RestoreError("foreign_copy", f"{source.name} is not a sqdesk store",
                           name=source.name) from exc
    safety = make_backup(store_path, kind="before-restore")
    # The online backup API writes through SQLite (WAL and all), page by page, in one
    # transaction: a crash midway leaves the store as it was.
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(store_path)) as dst:
        src.backup(dst)
    return safety
