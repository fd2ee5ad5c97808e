"""Who has a store open: a lock held by the app for as long as it has a store file open.

The lock is the operating system's (flock / LockFileEx) on "<store>.lock" beside the file,
so it vanishes with the process: a crash or a power cut never leaves a stale lock behind.
The file's text names the holder, so a second copy of the app can say who has the store
open ("on FRONT-PC, by 店长, since 09:12") and offer to open it read-only instead.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqdesk import __version__
from sqdesk.core.errors import StoreError


@dataclass(frozen=True)
class Holder:
    host: str
    user: str
    pid: int
    since: str  # ISO local time

    @classmethod
    def me(cls) -> Holder:
        try:
            user = getpass.getuser()
        except Exception:  # no user name in some service contexts
            user = ""
        return cls(
            socket.gethostname(), user, os.getpid(), datetime.now().isoformat("T", "minutes")
        )


class StoreLocked(StoreError):
    def __init__(self, path: Path, holder: Holder | None) -> None:
        self.path = path
        self.holder = holder
        # The same words the app shows (ui/store_messages.py), in English.
        if holder is None:
            text = f"{path.name} is open in another copy of sqdesk."
        else:
            text = (f"{path.name} is open in sqdesk on {holder.host} (user {holder.user or '?'})"
                    f" since {holder.since.replace('T', ' ')}.")  # fmt: skip
        super().__init__("locked", text, name=path.name)


def lock_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".lock")


class StoreLock:
    def __init__(self, store_path: Path) -> None:
        self.path = lock_path(store_path)
        self.store_path = store_path
        self._fh = None

    def acquire(self) -> None:
        """Take the lock or raise StoreLocked naming who holds it."""
        fh = open(self.path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
        if not _try_lock(fh):
            try:
                fh.seek(0)
                holder = _parse(fh.read(4096))
            except OSError:
                holder = None
            fh.close()
            raise StoreLocked(self.store_path, holder)
        me = Holder.me()
        fh.seek(0)
        fh.truncate()
        fh.write(json.dumps({**me.__dict__, "version": __version__}).encode())
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            self._fh.seek(0)
            self._fh.truncate()
            _unlock(self._fh)
        finally:
            self._fh.close()
            self._fh = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _parse(data: bytes) -> Holder | None:
    try:
        d = json.loads(data.decode("utf-8"))
        return Holder(str(d["host"]), str(d["user"]), int(d["pid"]), str(d["since"]))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


if sys.platform == "win32":
    import msvcrt

    # Windows locks are mandatory: lock one byte far past the text, so others can still
    # read who holds the lock.
    _LOCK_OFFSET = 1 << 30

    def _try_lock(fh) -> bool:
        try:
            fh.seek(_LOCK_OFFSET)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fh) -> None:
        fh.seek(_LOCK_OFFSET)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fh) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fh) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
