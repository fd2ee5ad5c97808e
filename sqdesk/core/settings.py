"""Store-wide settings (the `setting` table): values that travel with the store file."""

from __future__ import annotations

from sqlalchemy.orm import Session

from sqdesk.core.models import Setting


def get(s: Session, key: str, default: str | None = None) -> str | None:
    row = s.get(Setting, key)
    return row.value if row is not None else default


def put(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value
