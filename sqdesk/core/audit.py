"""The audit log: who did what that matters, when and on which PC (docs/ARCHITECTURE.md,
"Trust").

A line is written inside the transaction of what it records (an export's line once the file
is in place), so there is never one without the other. Lines are only ever added: each
carries the SHA-256 of the line before it and of itself, and the store keeps the newest
line's hash and the count (`audit.head`), so `check` reports a line edited, taken out of
the middle or off the end.

A line names a member by code only: no name, no mobile, in the detail or anywhere else.

Who is acting is the process's: the app says "manager" while the manager's PIN is unlocked
and "helper" otherwise; the command line says "manager" after a PIN was given.
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from sqdesk.core import settings
from sqdesk.core.models import AuditEntry
from sqdesk.core.store import Store

ACTIONS = ("export", "import", "erase", "export_data", "adjust", "reverse", "rules",
           "thresholds", "levels", "settings", "merge", "bulk_tag", "restore", "backup",
           "pin")  # fmt: skip
HEAD_KEY = "audit.head"
APPEND_LOCK = 19_0002  # PostgreSQL advisory lock key: one line appended at a time
MANAGER, HELPER = "manager", "helper"

_role = HELPER
_role_lock = threading.Lock()


def acting_as(role: str) -> None:
    """Who the process acts as from now on (the app: as the manager mode locks and
    unlocks; the command line: once a PIN was given)."""
    global _role
    with _role_lock:
        _role = role


def role() -> str:
    with _role_lock:
        return _role


@dataclass(frozen=True)
class Line:
    id: int
    at: datetime
    pc: str
    role: str
    action: str
    detail: str
    rows: int
    file: str


def _digest(prev: str, at: datetime, pc: str, role_: str, action: str, detail: str,
            rows: int, file: str) -> str:  # fmt: skip
    fields = [prev, at.astimezone(UTC).isoformat(timespec="microseconds"), pc, role_, action,
              detail, rows, file]  # fmt: skip
    text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record(s: Session, action: str, *, detail: str = "", rows: int = 0, file: str = "",
           at: datetime | None = None) -> None:  # fmt: skip
    """Add a line inside the caller's transaction."""
    assert action in ACTIONS, f"unknown audit action {action}"  # a programming slip
    at = at or datetime.now(UTC)
    if s.get_bind().dialect.name == "postgresql":
        # Two PCs writing at once both read the same head and forked the chain (a false
        # "line changed" in check). The lock is held to the end of this transaction, and
        # the head is read after it (SQLite's BEGIN IMMEDIATE already serialises writers).
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": APPEND_LOCK})
    head = settings.get(s, HEAD_KEY) or "0:"
    count, _, prev = head.partition(":")
    pc, who = socket.gethostname()[:100], role()
    digest = _digest(prev, at, pc, who, action, detail, rows, file[:260])
    s.add(AuditEntry(at=at, pc=pc, role=who, action=action, detail=detail, rows=rows,
                     file=file[:260], prev_hash=prev, hash=digest))  # fmt: skip
    settings.put(s, HEAD_KEY, f"{int(count) + 1}:{digest}")
    s.flush()


def record_now(store: Store, action: str, **fields) -> None:
    """A line in a transaction of its own (after work that wrote nothing to the store, such
    as an export)."""
    with store.session() as s:
        record(s, action, **fields)


def lines(store: Store, *, limit: int = 100) -> list[Line]:
    """The newest lines first."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    with store.read() as s:
        return [Line(e.id, e.at, e.pc, e.role, e.action, e.detail, e.rows, e.file)
                for e in s.scalars(query)]  # fmt: skip


def problems(s: Session) -> Iterator[str]:
    """Lines whose hash does not follow from the line before (edited, or one taken out),
    and a head that does not match the newest line (lines taken off the end)."""
    prev, count = "", 0
    for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        count += 1
        if e.prev_hash != prev:
            yield f"audit line {e.id}: the line before it was changed or taken out"
        elif _digest(prev, e.at, e.pc, e.role, e.action, e.detail, e.rows, e.file) != e.hash:
            yield f"audit line {e.id} was changed after it was written"
        prev = e.hash
    head = settings.get(s, HEAD_KEY)
    if head is not None and head != f"{count}:{prev}":
        yield "the newest audit lines were taken out"
    if head is None and count:
        yield "the audit log's head is missing"


def count(s: Session) -> int:
    return s.scalar(select(func.count(AuditEntry.id))) or 0


def problems_of(store: Store) -> list[str]:
    with store.read() as s:
        return list(problems(s))
