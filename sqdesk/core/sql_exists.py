"""EXISTS written so that SQLite can answer it from an index alone.

SQLAlchemy's `exists().where(...)` says `EXISTS (SELECT * FROM t WHERE ...)`, and SQLite
(3.40, as Python ships it) then reads the table row behind each index entry it finds, even
when the index holds every column the WHERE names. `EXISTS (SELECT 1 ...)` is answered
from the index alone (its plan says "USING COVERING INDEX"). Asked once per member over a
whole roster, that is a random read of the table 100,000 times, or none.
"""

from __future__ import annotations

from sqlalchemy import Exists, literal_column, select


def exists_where(*conditions) -> Exists:
    """EXISTS (SELECT 1 FROM ... WHERE conditions), correlated as `exists()` is."""
    return select(literal_column("1")).where(*conditions).exists()
