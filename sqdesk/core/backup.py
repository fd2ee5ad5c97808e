"""Backup copies of a SQLite store, made with SQLite's online backup API.

The online backup copies a consistent snapshot even while another connection writes,
which a plain file copy of a WAL database does not.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

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


def make_backup(store_path: Path, *, kind: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = backup_dir(store_path) / f"{store_path.stem}-{kind}-{stamp}{store_path.suffix}"
    copy_sqlite(store_path, dest)
    rotate(store_path, kind=kind)
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
