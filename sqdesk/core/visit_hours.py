"""The visits summed per UTC hour (the `visit_hour` table).

Derived from the visits (docs/ARCHITECTURE.md, "Derived tables"): recording a visit adds it
to its hour in the same transaction, undoing one takes it away (ledger.record_visit,
ledger.void_visit); a bulk load (the demo) rebuilds the table once after it. The shop-wide
dashboard reads its visits and spend from here: a year is about 5,000 hours where it
was a million visits, so the series' 53 weekly bars cost what one does. A span that does
not start or end on a whole hour reads its part-hours from the visits' (at, voided,
amount_cents) index. `check` compares the table with the visits.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from sqlalchemy import BigInteger, delete, func, insert, literal_column, select, type_coerce
from sqlalchemy.orm import Session

from sqdesk.core import sql_rows
from sqdesk.core.models import UTCDateTime, Visit, VisitHour
from sqdesk.core.upserts import insert_for

HOUR = timedelta(hours=1)


def hour_of(at: datetime) -> datetime:
    """The first moment of the UTC hour `at` falls in."""
    return at.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def add_in(s: Session, at: datetime, visits: int, cents: int) -> None:
    """A visit recorded (1, what was paid) or undone (-1, minus that) at `at`."""
    s.connection().execute(_add_statement(s.get_bind().dialect.name),
                           [{"hour": hour_of(at), "visits": visits, "spend_cents": cents}])


@lru_cache(maxsize=2)
def _add_statement(dialect: str):
    """Adds to the hour's row or makes it (two PCs recording the first visit of an hour at
    once on PostgreSQL must not collide on the key); built once per dialect."""
    upsert = insert_for(dialect)
    table = VisitHour.__table__
    stmt = upsert(table)
    return stmt.on_conflict_do_update(
        index_elements=[table.c.hour],
        set_={"visits": table.c.visits + stmt.excluded.visits,
              "spend_cents": table.c.spend_cents + stmt.excluded.spend_cents},
    )  # fmt: skip


def _hour_column(s: Session):
    """Each visit's hour, in SQL: SQLite's integer microseconds rounded down to the hour;
    PostgreSQL truncates the UTC wall time (its session time zone may be a half-hour one)."""
    if s.get_bind().dialect.name == "postgresql":
        return type_coerce(func.timezone("UTC", func.date_trunc(
            "hour", func.timezone("UTC", Visit.at))), UTCDateTime)
    micros = type_coerce(Visit.at, BigInteger)
    return type_coerce(micros - micros.op("%")(literal_column("3600000000")), UTCDateTime)


def from_visits(s: Session):
    """(hour, visits, spend) of the visits not undone: what the table must hold."""
    hour = _hour_column(s)
    return (select(hour, func.count(), func.sum(Visit.amount_cents))
            .where(Visit.voided.is_(False)).group_by(hour))  # fmt: skip


def rebuild_all(s: Session) -> None:
    """After a bulk load of visits (the demo)."""
    s.execute(delete(VisitHour))
    s.execute(insert(VisitHour).from_select(["hour", "visits", "spend_cents"], from_visits(s)))


def sums(s: Session, spans: Sequence[tuple[datetime, datetime]]) -> list[tuple[int, int]]:
    """(visits, spend in cents) in each [lo, hi) of `spans` (in order, not overlapping), the
    visits undone left out: the whole hours from the table, any part-hour at either end
    from the visits. The same answer as counting the visits."""
    out = [[0, 0] for _ in spans]
    whole: list[tuple[datetime, datetime, int]] = []  # (first hour, end, span)
    parts: list[tuple[datetime, datetime, int]] = []
    for i, (lo, hi) in enumerate(spans):
        a = hour_of(lo) if hour_of(lo) == lo else hour_of(lo) + HOUR
        b = hour_of(hi)
        if a >= b:  # no whole hour inside
            parts.append((lo, hi, i))
            continue
        whole.append((a, b, i))
        if lo < a:
            parts.append((lo, a, i))
        if b < hi:
            parts.append((b, hi, i))
    if whole:  # summed in SQL: a year is thousands of hours, each a row to Python before
        span = sql_rows.rows_table(s.get_bind().dialect.name, "span",
                                   [("a", sql_rows.MOMENT), ("b", sql_rows.MOMENT)],
                                   [(a, b) for a, b, _i in whole])  # fmt: skip
        index = {a: i for a, _b, i in whole}
        for a, n, cents in s.execute(
            select(span.c.a, func.sum(VisitHour.visits), func.sum(VisitHour.spend_cents))
            .join(VisitHour, (VisitHour.hour >= span.c.a) & (VisitHour.hour < span.c.b))
            .group_by(span.c.a)
        ):  # fmt: skip
            out[index[a]][0] += int(n or 0)
            out[index[a]][1] += int(cents or 0)
    for lo, hi, i in parts:
        n, cents = s.execute(
            select(func.count(), func.coalesce(func.sum(Visit.amount_cents), 0))
            .where(Visit.voided.is_(False), Visit.at >= lo, Visit.at < hi)
        ).one()  # fmt: skip
        out[i][0] += int(n)
        out[i][1] += int(cents)
    return [(n, cents) for n, cents in out]


def differences(s: Session) -> Iterator[str]:
    """Where the table and the visits disagree (for `check`)."""
    wanted = {hour_of(h): (int(n), int(c)) for h, n, c in s.execute(from_visits(s))}
    kept = {hour_of(h): (int(n), int(c)) for h, n, c in s.execute(
        select(VisitHour.hour, VisitHour.visits, VisitHour.spend_cents))}  # fmt: skip
    for hour in sorted(set(wanted) | set(kept)):
        if wanted.get(hour, (0, 0)) != kept.get(hour, (0, 0)):
            yield (f"{hour:%Y-%m-%d %H:00} UTC: the hourly sums say (visits, spend) "
                   f"{kept.get(hour)}, the visits say {wanted.get(hour)}")
