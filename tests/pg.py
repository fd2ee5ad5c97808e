"""A throwaway PostgreSQL server for the tests that prove "the switch is a URL".

Started once per test session from the Debian postgresql binaries (installed by
scripts/setup.sh), listening only on a Unix socket in a temporary folder; each test gets a
database of its own. Tests that need it are skipped when no server binaries exist.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

_counter = itertools.count(1)


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


class PgServer:
    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="sqdesk-pg-"))
        self.data = self.root / "data"
        self.socket = self.root / "sock"
        self.socket.mkdir()
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            # initdb refuses to run as root: run the server as the postgres user.
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket, "postgres")
            self._as_user = ["runuser", "-u", "postgres", "--"]
        self._run(_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "sqdesk",
                  "--no-sync", "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-w", "-l", str(self.root / "log"),
                  "-o", f"-k {self.socket} -c listen_addresses='' -F", "start")  # fmt: skip

    def _run(self, *cmd: str | None) -> None:
        subprocess.run([*self._as_user, *cmd], check=True, capture_output=True, timeout=120)

    def new_database(self) -> str:
        import psycopg

        name = f"t{os.getpid()}_{next(_counter)}"
        with psycopg.connect(host=str(self.socket), user="sqdesk", dbname="postgres",
                             autocommit=True) as conn:  # fmt: skip
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://sqdesk@/{name}?host={self.socket}"

    def stop(self) -> None:
        subprocess.run([*self._as_user, _bin("pg_ctl"), "-D", str(self.data), "-m", "fast",
                        "stop"], capture_output=True, timeout=60)  # fmt: skip
        shutil.rmtree(self.root, ignore_errors=True)


def available() -> bool:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return False
    return _bin("initdb") is not None and _bin("pg_ctl") is not None
