"""Backup copies of a SQLite store, made with SQLite's online backup API.

The online backup copies a consistent snapshot even while another connection writes,
which a plain file copy of a WAL database does not.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqdesk.core.errors import StoreError

KEEP_PER_KIND = 10


def backup_dir(store_path: Path) -> Path:
    return store_path.with_name(store_path.stem + "-backups")


def copy_sqlite(source: Path, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    tmp.unlink(missing_ok=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(tmp)) as dst:
        src.backup(dst)
    # Only a finished copy gets the real name, so a crash never leaves a half backup.
    tmp.replace(dest)
    return dest


def make_backup(store_path: Path, *, kind: str, keep: int = KEEP_PER_KIND) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = backup_dir(store_path) / f"{store_path.stem}-{kind}-{stamp}{store_path.suffix}"
    copy_sqlite(store_path, dest)
    rotate(store_path, kind=kind, keep=keep)
    return dest


def backup_before_upgrade(store_path: Path, *, from_revision: str | None) -> Path:
    return make_backup(store_path, kind=f"before-{from_revision or 'unversioned'}")


def list_backups(store_path: Path, *, kind: str | None = None) -> list[Path]:
    folder = backup_dir(store_path)
    if not folder.is_dir():
        return []
    pattern = f"{store_path.stem}-{kind}-*" if kind else f"{store_path.stem}-*"
    return sorted(p for p in folder.glob(pattern) if not p.name.endswith(".part"))


def rotate(store_path: Path, *, kind: str, keep: int = KEEP_PER_KIND) -> None:
    for old in list_backups(store_path, kind=kind)[:-keep]:
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


def backups(store_path: Path) -> list[BackupInfo]:
    """Every backup of the store, newest first."""
    out = []
    prefix = store_path.stem + "-"
    for p in list_backups(store_path):
        stem = p.stem.removeprefix(prefix)
        match = _STAMP.search(stem)
        if match is None:
            continue
        taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f")
        out.append(BackupInfo(p, stem[: match.start()], taken, p.stat().st_size))
    return sorted(out, key=lambda b: b.taken, reverse=True)


def auto_backup(store_path: Path, *, now: datetime | None = None,
                keep: int = DAILY_KEEP) -> Path | None:  # fmt: skip
    """The daily backup, when the newest one is older than DAILY_EVERY (rotated, so the
    last `keep` days are kept: the shop's backups.keep_days); None when one was made
    recently."""
    now = now or datetime.now()
    daily = [b for b in backups(store_path) if b.kind == "daily"]
    if daily and now - daily[0].taken < DAILY_EVERY:
        return None
    return make_backup(store_path, kind="daily", keep=keep)


def quick_check(path: Path) -> list[str]:
    """SQLite's quick check of a store file: [] when it is sound. A few seconds for a
    1 GB store, so it can run at every start (the full `check` takes minutes)."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [r for r in rows if r != "ok"]


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
