"""Store-wide settings (the `setting` table): values that travel with the store file."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from sqdesk.core.models import Setting


def get(s: Session, key: str, default: str | None = None) -> str | None:
    # A plain select built once (the session flushes a `put` before it runs): a visit reads
    # three settings, and loading each as an ORM object cost more than the visit's SQL.
    value = s.execute(_GET, {"key": key}).scalar()
    return value if value is not None else default


_GET = select(Setting.__table__.c.value).where(Setting.__table__.c.key == bindparam("key"))


def put(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value
