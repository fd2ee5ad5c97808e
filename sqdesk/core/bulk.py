"""Inserting many rows in one executemany, with SQLAlchemy's own conversion of each value.

`conn.execute(insert(table), rows)` builds, converts and binds a parameter dict per row; at
100,000 members that costs more than SQLite spends inserting them (docs/ARCHITECTURE.md,
"Bulk writes"). Here each column is converted in one pass by its type's bind processor,
the same function SQLAlchemy would call per value, and the driver gets plain tuples.

The rows are dicts with the same keys. A column left out takes its scalar Python default
(as `insert()` would give it); leaving out a column whose default is computed per row
(a timestamp) is refused, because here it would be computed once for all of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date

from sqlalchemy import Table
from sqlalchemy.engine import Connection, Dialect


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict]) -> None:
    if not rows:
        return
    names = list(rows[0])
    columns = [[r[name] for r in rows] for name in names]
    conn.exec_driver_sql(*_prepared(conn.dialect, table, names, columns))


def driver_rows(dialect: Dialect, table: Table, names: Sequence[str],
                rows: Sequence[tuple]) -> tuple[str, list[tuple]]:  # fmt: skip
    """For rows made as tuples of the columns `names`, in that order: the INSERT, and the
    rows as the driver takes them, every value converted as insert_rows does. A tuple is
    made faster than a dict and its columns come out in one transposition (the demo's 2.1
    million ledger entries spent 10 s in reading their dicts column by column); and the
    conversion can run where the rows are made (the demo's second process), off the
    process that writes."""
    return _prepared(dialect, table, list(names), [list(c) for c in zip(*rows, strict=True)])


def _prepared(dialect: Dialect, table: Table, names: list[str],
              columns: list[list]) -> tuple[str, list[tuple]]:  # fmt: skip
    rows = len(columns[0])
    for column in table.columns:
        if column.name in names or column.default is None:
            continue
        if not column.default.is_scalar:
            raise ValueError(f"{table.name}.{column.name} has a per-row default: give it")
        names.append(column.name)
        columns.append([column.default.arg] * rows)
    for i, name in enumerate(names):
        kind = table.c[name].type
        process = kind.dialect_impl(dialect).bind_processor(dialect)
        if process is None:
            continue
        if _repeats(kind):
            columns[i] = _converted(process, columns[i])
        else:
            columns[i] = [process(v) for v in columns[i]]
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    quote = dialect.identifier_preparer.quote
    return (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
            f"VALUES ({', '.join([mark] * len(names))})",
            list(zip(*columns, strict=True)))  # fmt: skip


def _repeats(kind) -> bool:
    """Days and yes/no, and a type that says so (`few_values`: a ledger entry's kind): a
    column of them holds few distinct values (the day points expire on, whether a visit was
    undone). A moment (a datetime) mostly differs from row to row."""
    if getattr(kind, "few_values", False):
        return True
    try:
        return kind.python_type in (date, bool)
    except NotImplementedError:
        return False


def _converted(process, values: list) -> list:
    """Each distinct value converted once (2 million entries' expiry days, at 0.8 µs a
    conversion, were 1.7 s of the demo)."""
    done: dict = {}
    out = []
    for v in values:
        if v not in done:
            done[v] = process(v)
        out.append(done[v])
    return out


@contextmanager
def indexes_set_aside(conn: Connection, *tables: Table,
                      keep: tuple[str, ...] = ()) -> Iterator[None]:  # fmt: skip
    """Around loading many rows into these tables (the demo's two million ledger entries):
    their plain indexes are dropped first and made again after, one sorted build each
    instead of a random insert into every index for every row (on the 100k demo store,
    55 s of inserts). Unique indexes stay: they are constraints, kept for every row. So do
    the indexes named in `keep`: those whose order the rows are loaded in, each row added
    at the index's end (the demo's visits and entries by time, written while the writer
    would otherwise wait). In the caller's transaction, so a failure or a stop leaves every
    index as it was."""
    plain = [index for table in tables for index in table.indexes
             if not index.unique and index.name not in keep]  # fmt: skip
    for index in plain:
        index.drop(conn)
    yield
    for index in plain:
        index.create(conn)
