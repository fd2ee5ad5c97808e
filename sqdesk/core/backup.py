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

The newest copy of each kind stays a plain SQLite file (checked, offered and restored at
once). The day's upkeep packs the older ones with gzip (`pack_older`; any unzip tool
opens them): the 770 MB benchmark store packs to 292 MB in 11 s. A packed copy replaces its
plain one only once it has been read back and found to unpack to the same bytes (SHA-256),
so a packed copy restores what the plain one held; it is unpacked to a temporary file to
be checked or restored (docs/ARCHITECTURE.md, "Reliability").
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import os
import re
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqdesk.core.errors import StoreError
from sqdesk.core.jobs import (
    Cancelled,
    Progress,
    ShouldStop,
    interrupt_requested,
    interrupting,
    never_stop,
    no_progress,
)

KEEP_PER_KIND = 10
FOLDER_KEY = "backup.folder"
COPY_PAGES = 2048  # pages copied between two looks at whether to stop (8 MB)
PACKED = ".gz"  # an older copy, packed: `<name>.sqdesk.gz`
# zlib's fastest level: the 770 MB benchmark store packs to 38% in 11 s on one core, read
# back included; level 6 saves a tenth more and takes three times as long.
PACK_LEVEL = 1
PACK_CHUNK = 1 << 20  # bytes packed between two looks at whether to stop


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
    """The copies in one folder, plain and packed, oldest first (their names hold the time
    they were taken)."""
    folder = backup_dir(store_path, folder)
    if not folder.is_dir():
        return []
    pattern = f"{store_path.stem}-{kind}-*" if kind else f"{store_path.stem}-*"
    return sorted((p for p in folder.glob(pattern) if _is_copy(p, store_path)),
                  key=lambda p: p.name.removesuffix(PACKED))  # fmt: skip


def _is_copy(path: Path, store_path: Path) -> bool:
    """A copy, plain (`x.sqdesk`) or packed (`x.sqdesk.gz`); not a part written when the
    app stopped, nor a note the shop left in the folder."""
    return path.name.removesuffix(PACKED).endswith(store_path.suffix)


def is_packed(copy: Path) -> bool:
    return copy.name.endswith(PACKED)


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
        stem = Path(p.name.removesuffix(PACKED)).stem.removeprefix(prefix)
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
        if not check_copy(b.path):
            return b
    return None


def check_copy(copy: Path) -> list[str]:
    """quick_check of a copy, plain or packed (unpacked beside it for the look)."""
    try:
        with unpacked(copy, copy.parent) as plain:
            return quick_check(plain)
    except (OSError, EOFError, zlib.error) as exc:  # a packed copy that does not unpack
        return [str(exc) or type(exc).__name__]


# --- packing the older copies ---------------------------------------------------------------


@dataclass(frozen=True)
class Packed:
    made: list[Path]  # the packed copies made
    left: list[str]  # why a copy was left plain (a full disk...): tried again the next day


def pack_older(store_path: Path, *, folder: Path | None = None) -> Packed:
    """Pack every plain copy but the newest of its kind (beside the store and in `folder`),
    and tidy what a stop or a crash left: a part of a packed copy and a file unpacked for a
    look are deleted, and so is a plain copy whose packed one was finished. Stopped between
    chunks when its work is asked to stop; the next day's upkeep packs what is left. A copy
    that cannot be packed stays plain and does not stop the rest."""
    for where in {backup_dir(store_path), backup_dir(store_path, folder)}:
        if where.is_dir():
            for left in [*where.glob(f"{store_path.stem}-*{PACKED}.part"),
                         *where.glob(f".{store_path.stem}-*.unpacking")]:  # fmt: skip
                left.unlink(missing_ok=True)
    for b in backups(store_path, folder=folder):
        if not is_packed(b.path) and b.path.with_name(b.path.name + PACKED).exists():
            b.path.unlink(missing_ok=True)  # packed before a crash took the plain one
    made, left, newest = [], [], set()
    for b in backups(store_path, folder=folder):  # newest first
        if b.kind not in newest:
            newest.add(b.kind)
        elif not is_packed(b.path):
            try:
                made.append(pack(b.path))
            except (OSError, BackupError) as exc:
                left.append(f"{b.path.name}: {exc}")
    return Packed(made, left)


def pack(copy: Path) -> Path:
    """`copy` packed into `<copy>.gz`, which replaces it once read back and found to unpack
    to the same bytes; the packed file is on the disk (fsync) before the plain one goes.
    BackupError when it does not match (the plain copy is kept)."""
    packed = copy.with_name(copy.name + PACKED)
    part = packed.with_name(packed.name + ".part")
    written = hashlib.sha256()
    try:
        with open(copy, "rb") as src, open(part, "wb") as raw:
            with gzip.GzipFile(filename=copy.name, mode="wb", compresslevel=PACK_LEVEL,
                               fileobj=raw, mtime=int(copy.stat().st_mtime)) as out:  # fmt: skip
                while chunk := src.read(PACK_CHUNK):
                    _stop_if_asked()
                    written.update(chunk)
                    out.write(chunk)
            raw.flush()
            os.fsync(raw.fileno())
        read_back = hashlib.sha256()
        with gzip.open(part, "rb") as back:
            while chunk := back.read(PACK_CHUNK):
                _stop_if_asked()
                read_back.update(chunk)
        if read_back.digest() != written.digest():
            raise BackupError("bad_pack", f"{packed.name} did not unpack to the copy",
                              detail=packed.name)  # fmt: skip
        part.replace(packed)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    copy.unlink()
    return packed


@contextmanager
def unpacked(copy: Path, folder: Path) -> Iterator[Path]:
    """A plain file of the copy: the copy itself, or for a packed one a temporary file in
    `folder` (deleted after)."""
    if not is_packed(copy):
        yield copy
        return
    plain = folder / f".{copy.name.removesuffix(PACKED)}.unpacking"
    try:
        with gzip.open(copy, "rb") as src, open(plain, "wb") as out:
            while chunk := src.read(PACK_CHUNK):
                _stop_if_asked()
                out.write(chunk)
        yield plain
    finally:
        plain.unlink(missing_ok=True)


def _stop_if_asked() -> None:
    if interrupt_requested():
        raise Cancelled()


def quick_check(path: Path) -> list[str]:
    """SQLite's quick check of a store file: [] when it is sound. A few seconds for a
    1 GB store, so it can run at every start and after every copy (the full `check`
    takes minutes)."""
    return _file_check(path, "quick_check")


class RestoreError(StoreError):
    """A backup that cannot be restored (the store is left as it was)."""


def restore(store_path: Path, source: Path) -> Path:
    """Replace the store's contents with a backup's (plain or packed). The store must be
    closed. The store as it was is backed up first ("before-restore"), so a restore can
    itself be undone; returns that copy. A file that is not a sound sqdesk store is
    refused. (The window does the slow parts first, with the store open: see
    sqdesk.core.restoring.)"""
    with refusing_unreadable(source), unpacked(source, store_path.parent) as plain:
        refuse_unsound(plain, source.name)
        safety = make_backup(store_path, kind="before-restore")
        write_back(store_path, plain)
        return safety


@contextmanager
def refusing_unreadable(source: Path) -> Iterator[None]:
    """A packed copy that does not unpack, or a file that cannot be read (or unpacked for
    want of room), as a RestoreError that says so."""
    try:
        yield
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:  # packed, and damaged
        raise RestoreError("damaged_copy", f"{source.name} is damaged: {exc}",
                           name=source.name, detail=str(exc)) from exc
    except OSError as exc:  # unpacking it beside the store
        if exc.errno == errno.ENOSPC:
            raise RestoreError("disk_full", "the disk is full") from exc
        raise RestoreError("unreadable", f"{source} cannot be read: {exc}", path=str(source),
                           detail=str(exc)) from exc  # fmt: skip


def refuse_unsound(plain: Path, name: str) -> None:
    """RestoreError unless `plain` (a plain copy, `name` as the user knows it) is a sound
    sqdesk store: SQLite's quick check, then its schema revision."""
    problems = quick_check(plain)
    if problems:
        raise RestoreError("damaged_copy", f"{name} is damaged: {problems[0]}",
                           name=name, detail=problems[0])
    try:
        with closing(sqlite3.connect(f"file:{plain}?mode=ro", uri=True)) as conn:
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise RestoreError("foreign_copy", f"{name} is not a sqdesk store",
                           name=name) from exc


# Pages written back per step (16 MB): a stop is heard between steps, and the progress
# moves about fifty times for a 770 MB store; the steps cost nothing measurable.
WRITE_BACK_PAGES = 4096


def write_back(store_path: Path, plain: Path, *, progress: Progress = no_progress,
               should_stop: ShouldStop = never_stop) -> None:  # fmt: skip
    """The checked copy's pages written over the (closed) store. The online backup API
    writes through SQLite (WAL and all), step by step, in one transaction on the store: a
    crash midway leaves the store as it was, and so does a stop (Cancelled), asked between
    two steps: SQLite rolls the unfinished write-back back. Once the last step is done it
    has committed, and a stop asked then is too late to be heard."""

    def step(status: int, remaining: int, pages: int) -> None:
        progress(pages - remaining, pages)
        if status != sqlite3.SQLITE_DONE and should_stop():
            raise Cancelled()  # the backup is finished unfinished: rolled back

    with closing(sqlite3.connect(plain)) as src, closing(sqlite3.connect(store_path)) as dst:
        src.backup(dst, pages=WRITE_BACK_PAGES, progress=step)
