"""`check`: is the store sound? SQLite's own integrity check plus sqdesk's invariants.

Each feature registers its invariants with @invariant; `run_checks` runs them all and
returns every problem found (an empty list means the store is sound).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sqdesk.core import codes, phones
from sqdesk.core.errors import StoreError
from sqdesk.core.jobs import Cancelled, Progress, ShouldStop, never_stop, no_progress
from sqdesk.core.models import Member
from sqdesk.core.store import Store

# How many problems one invariant reports before it summarises the rest.
MAX_PER_CHECK = 50


@dataclass(frozen=True)
class Problem:
    check: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.check}] {self.detail}"


Invariant = Callable[[Session], Iterator[str]]
_INVARIANTS: list[tuple[str, Invariant]] = []


def invariant(name: str) -> Callable[[Invariant], Invariant]:
    def register(fn: Invariant) -> Invariant:
        _INVARIANTS.append((name, fn))
        return fn

    return register


def run_checks(store: Store, *, file_checks: bool = True, progress: Progress = no_progress,
               should_stop: ShouldStop = never_stop) -> list[Problem]:  # fmt: skip
    """Every problem found; `file_checks=False` runs only sqdesk's own invariants. Progress
    counts the checks; a stop between two checks raises Cancelled."""
    problems: list[Problem] = []
    total = len(_INVARIANTS) + 1
    progress(0, total)
    if store.is_sqlite and file_checks:
        problems += _sqlite_checks(store)
        if problems:
            # A damaged file makes every later query's answer meaningless.
            return problems
    for done, (name, fn) in enumerate(_INVARIANTS, 1):
        if should_stop():
            raise Cancelled()
        progress(done, total)
        try:
            with store.read() as s:
                for i, detail in enumerate(fn(s)):
                    if i == MAX_PER_CHECK:
                        problems.append(Problem(name, "... and more"))
                        break
                    problems.append(Problem(name, detail))
        except DBAPIError as exc:
            problems.append(Problem(name, f"could not run: {exc.orig}"))
    return problems


def check_location(target: str | Path | None) -> list[Problem]:
    """Open the store and check it; a store that cannot even be opened is a problem too."""
    try:
        store = Store.open(target, create=False)
    except StoreError as exc:
        return [Problem("open", str(exc))]
    except DBAPIError as exc:
        return [Problem("open", str(exc.orig))]
    with store:
        return run_checks(store)


def _sqlite_checks(store: Store) -> list[Problem]:
    out: list[Problem] = []
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(text("PRAGMA integrity_check")).scalars().all()
            out += [Problem("integrity_check", r) for r in rows if r != "ok"]
            for table, rowid, parent, _fk in conn.execute(text("PRAGMA foreign_key_check")):
                out.append(Problem("foreign_key_check", f"{table} row {rowid} -> {parent}"))
    except DBAPIError as exc:
        out.append(Problem("integrity_check", str(exc.orig)))
    return out


@invariant("member codes")
def _member_codes(s: Session) -> Iterator[str]:
    for member_id, code in s.execute(select(Member.id, Member.code)):
        if not codes.is_valid_code(code):
            yield f"member {member_id} has code {code!r} whose check digit is wrong"


@invariant("member mobiles")
def _member_mobiles(s: Session) -> Iterator[str]:
    query = select(Member.id, Member.mobile).where(
        Member.mobile.is_not(None), Member.mobile_foreign.is_(False)
    )
    for member_id, mobile in s.execute(query):
        if not phones.is_mainland_mobile(mobile):
            yield f"member {member_id} has mobile {mobile!r}, not a mainland mobile"


@invariant("member referrers")
def _member_referrers(s: Session) -> Iterator[str]:
    for (member_id,) in s.execute(select(Member.id).where(Member.referrer_id == Member.id)):
        yield f"member {member_id} is their own referrer"


# Feature modules register their invariants when imported.
from sqdesk.core import (  # noqa: E402,F401
    audit_check,
    coupons_check,
    groups_check,
    ledger_check,
    member_stats_check,
    notes_check,
)
