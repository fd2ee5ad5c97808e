"""Statements built and compiled once, then run through the driver's own cursor: for the
reads every keystroke makes (the roster's first screenful and its rows), and for reads of a
million rows, where SQLAlchemy's result rows cost more than the query (everyone's contact
days: 2.6 -> 1.1 s on the 100k store).

Measured on the 100,000-member store, a search keystroke took 8.4 ms of which SQLite's
work was about 1 ms: the rest was SQLAlchemy's, per execution: building the statement,
its cache key, expanding each IN list of 200 ids into 200 parameters, and the result
rows (docs/ARCHITECTURE.md, "Item views and speed"). A `Prepared` builds its statement
once per database kind and compiles it once; each run binds plain values (a list of ids
as one JSON text, which the database unpacks) and converts only the columns whose type
needs it (dates, moments, yes/no) with that type's own processor, and binds a date or a
moment the way its type stores it. The SQL is still
SQLAlchemy's, for whichever database the store is on.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import JSON, Integer, String, bindparam, cast, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement, Select


def in_ids(column, name: str, dialect: str) -> ColumnElement[bool]:
    """`column IN (the ids)`, the ids bound as one JSON array named `name`; run it with a
    list of ints under that name. One parameter and one statement whatever the count."""
    param = bindparam(name, type_=String)
    if dialect == "postgresql":
        each = func.json_array_elements_text(cast(param, JSON)).table_valued("value")
    else:
        each = func.json_each(param).table_valued("value")
    return column.in_(select(cast(each.c.value, Integer)))


@dataclass(frozen=True)
class _Compiled:
    sql: str
    names: tuple[str, ...] | None  # the parameters' order; None: passed by name
    fixed: dict  # the statement's own values (the 0 of a coalesce)
    convert: tuple[Callable | None, ...]  # a result processor per column, or None
    bind: dict[str, Callable]  # a parameter's type's bind processor (a moment, a date)


class Prepared:
    """The statement `build(dialect name)` makes, with its parameters as named bindparams,
    compiled once per database kind; `lists` names the parameters given as lists of ids
    (in_ids)."""

    def __init__(self, build: Callable[[str], Select], *, lists: tuple[str, ...] = ()) -> None:
        self._build = build
        self._lists = lists
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    def _for(self, conn: Connection) -> _Compiled:
        dialect = conn.dialect
        found = self._compiled.get(dialect.name)
        if found is None:
            with self._lock:
                stmt = self._build(dialect.name)
                compiled = stmt.compile(dialect=dialect)
                convert = tuple(c.type.dialect_impl(dialect).result_processor(dialect, None)
                                for c in stmt.selected_columns)  # fmt: skip
                names = compiled.positiontup
                bind = {name: f for p, name in compiled.bind_names.items()
                        if name not in self._lists
                        and (f := p.type.dialect_impl(dialect).bind_processor(dialect))}
                fixed = {n: v for n, v in compiled.params.items() if v is not None}
                # A programmer's slip, not the manager's: values bound as the driver takes them.
                assert all(isinstance(v, str | int | float) for v in fixed.values()), fixed
                found = _Compiled(str(compiled), None if names is None else tuple(names),
                                  fixed, convert, bind)  # fmt: skip
                self._compiled[dialect.name] = found
        return found

    def rows(self, conn: Connection, **values) -> list[tuple]:
        c = self._for(conn)
        values = {**c.fixed, **values}
        for name in self._lists:
            values[name] = json.dumps([int(v) for v in values[name]])
        for name, f in c.bind.items():
            values[name] = f(values[name])
        params = values if c.names is None else tuple(values[n] for n in c.names)
        cursor = conn.connection.driver_connection.cursor()
        try:
            cursor.execute(c.sql, params)
            found = cursor.fetchall()
        finally:
            cursor.close()
        if not any(c.convert):
            return [tuple(r) for r in found]
        convert = c.convert
        return [tuple(v if f is None or v is None else f(v)
                      for f, v in zip(convert, r, strict=True)) for r in found]  # fmt: skip

    def column(self, conn: Connection, **values) -> list:
        return [r[0] for r in self.rows(conn, **values)]
