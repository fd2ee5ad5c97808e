"""Store-wide settings (the `setting` table): values that travel with the store file."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from sqdesk.core.models import Setting
from sqdesk.core.upserts import insert_for


def get(s: Session, key: str, default: str | None = None) -> str | None:
    # A plain select built once (the session flushes pending ORM rows before it runs): a
    # visit reads three settings, and loading each as an ORM object cost more than its SQL.
    value = s.execute(_GET, {"key": key}).scalar()
    return value if value is not None else default


_GET = select(Setting.__table__.c.value).where(Setting.__table__.c.key == bindparam("key"))


def put(s: Session, key: str, value: str) -> None:
    """Set a value: one INSERT .. ON CONFLICT DO UPDATE. A look-then-insert let two
    transactions on PostgreSQL (the day's upkeep and a count, both bringing the visit
    figures up to date) each find no row and both insert it: a duplicate key."""
    upsert = insert_for(s.get_bind().dialect.name)
    stmt = upsert(Setting.__table__).values(key=key, value=value)
    s.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))
    cached = s.identity_map.get(identity_key(Setting, key))
    if cached is not None:  # a Setting loaded before in this session shows the new value
        s.expire(cached)
