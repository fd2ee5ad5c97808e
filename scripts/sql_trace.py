"""A pytest plugin that writes down every statement SQLite runs in the test process, once per
shape (numbers and strings taken out), for scripts/index_readers.py:

    SQDESK_SQL_TRACE=/tmp/trace PYTHONPATH=scripts .venv/bin/python -m pytest -p sql_trace \
        -p no:randomly -q tests/core

It wraps sqlite3.connect, so raw connections are traced as well as SQLAlchemy's. Inserts
are left out (they use no index to find rows, and a bulk load would make millions of
lines). The benchmark suite can be traced the same way by a sitecustomize.py that imports
this module (PYTHONPATH=dir_with_it:scripts).
"""

from __future__ import annotations

import os
import re
import sqlite3
import sqlite3.dbapi2
import threading
from pathlib import Path

_SKIP = ("INSERT", "PRAGMA", "BEGIN", "COMMIT", "SAVEPOI", "RELEASE", "ROLLBAC", "CREATE",
         "DROP", "ANALYZE", "VACUUM")  # fmt: skip
_NUMBER = re.compile(r"\b\d+(\.\d+)?\b")
_STRING = re.compile(r"'(?:[^']|'')*'")
_LISTS = (re.compile(r"(N, )+N"), re.compile(r"(S, )+S"))


def _shape(sql: str) -> str:
    shape = " ".join(_NUMBER.sub("N", _STRING.sub("S", sql)).split())
    for many in _LISTS:
        shape = many.sub(lambda m: m.group(0)[-1], shape)
    return shape


class _Tracer:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._out = (folder / f"statements.{os.getpid()}.sql").open("a", encoding="utf-8")
        self._seen: set[str] = set()
        self._lock = threading.Lock()

    def __call__(self, sql: str) -> None:
        if sql.lstrip()[:7].upper().startswith(_SKIP):
            return
        shape = _shape(sql)
        with self._lock:
            if shape in self._seen:
                return
            self._seen.add(shape)
            # One statement a record, records apart by a line holding ";;".
            self._out.write(" ".join(sql.split()) + "\n;;\n")
            self._out.flush()


def install(folder: Path) -> None:
    tracer = _Tracer(folder)
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(tracer)
        return conn

    sqlite3.connect = traced
    sqlite3.dbapi2.connect = traced  # what SQLAlchemy's pysqlite dialect calls


if os.environ.get("SQDESK_SQL_TRACE"):
    install(Path(os.environ["SQDESK_SQL_TRACE"]))
