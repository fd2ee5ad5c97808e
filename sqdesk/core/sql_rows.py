"""A small table of rows handed to SQL as one JSON parameter (SQLite's `json_each`,
PostgreSQL's `json_array_elements`), for the dashboard's tables of days and buckets.

`values(...).data(rows)` binds every cell: a year of join days with their windows is 2,190
parameters, and SQLAlchemy took 30 ms to build that statement, three times per Dashboard
page, holding the interpreter lock that the page's other counts need (docs/ARCHITECTURE.md,
"Dashboard figures"). One parameter builds in under a millisecond; the database unpacks it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, String, bindparam, cast, func, select, type_coerce
from sqlalchemy.sql.selectable import CTE

from sqdesk.core.models import EPOCH, MICROSECOND, UTCDateTime

# What a column may hold: a date, or a UTC timestamp (UTCDateTime).
DAY, MOMENT = "day", "moment"


def rows_table(dialect: str, name: str, columns: Sequence[tuple[str, str]],
               rows: Sequence[Sequence[date | datetime]]) -> CTE:  # fmt: skip
    """A CTE named `name` with these (column name, DAY or MOMENT) columns and rows."""
    payload = json.dumps([[_cell(dialect, kind, v) for (_n, kind), v in
                           zip(columns, row, strict=True)] for row in rows])  # fmt: skip
    param = bindparam(f"{name}_rows", payload, type_=String)
    if dialect == "postgresql":
        each = func.json_array_elements(cast(param, JSON)).table_valued("value").alias("j")
        cols = [type_coerce(cast(each.c.value.op("->>")(i),
                                 Date if kind == DAY else DateTime(timezone=True)),
                            Date if kind == DAY else UTCDateTime).label(n)
                for i, (n, kind) in enumerate(columns)]  # fmt: skip
    else:
        each = func.json_each(param).table_valued("value").alias("j")
        cols = [type_coerce(func.json_extract(each.c.value, f"$[{i}]"),
                            Date if kind == DAY else UTCDateTime).label(n)
                for i, (n, kind) in enumerate(columns)]  # fmt: skip
    # Materialized: unpacked once, and the planner sees a table of rows (a json_each
    # inlined into a join was unpacked again for every member).
    return select(*cols).select_from(each).cte(name).prefix_with("MATERIALIZED")


def _cell(dialect: str, kind: str, value: date | datetime) -> str | int:
    if kind == DAY:
        return value.isoformat()
    if dialect == "postgresql":
        return value.isoformat()
    return (value - EPOCH) // MICROSECOND  # as UTCDateTime keeps it in SQLite
