"""The audit log is whole: every line follows from the one before, none was taken out."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy.orm import Session

from sqdesk.core import audit
from sqdesk.core.check import invariant


@invariant("audit log")
def _chain(s: Session) -> Iterator[str]:
    yield from audit.problems(s)
