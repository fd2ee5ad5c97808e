"""Which statements read each index of a store, and how big each index is: the check behind
"only the indexes a query uses" (docs/ARCHITECTURE.md, "The store's size").

    .venv/bin/python scripts/index_readers.py STORE TRACE_FOLDER [--examples 3]

STORE: a big store (the benchmark's: its statistics make SQLite choose as it does for a
shop); TRACE_FOLDER: the statements scripts/sql_trace.py wrote. Each statement is explained
(EXPLAIN QUERY PLAN) on a read-only connection; a statement about a table the store lacks is
counted as not explained. Prints every index smallest reader count first, with its size from
dbstat; an index with no reader is a candidate to drop, after a look at what keeps it (a
unique constraint, a foreign key's child side for a parent's delete: neither shows in a
plan).
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from collections import defaultdict
from contextlib import closing
from pathlib import Path

_USES = re.compile(r"USING (?:COVERING )?INDEX (\w+)")


def statements(folder: Path) -> list[str]:
    out: dict[str, None] = {}
    for path in sorted(folder.glob("statements.*.sql")):
        for record in path.read_text(encoding="utf-8").split("\n;;\n"):
            if record.strip():
                out[record.strip()] = None
    return list(out)


def readers(conn: sqlite3.Connection, sqls: list[str]) -> tuple[dict[str, list], int, int]:
    uses: dict[str, list[tuple[str, str]]] = defaultdict(list)
    explained = failed = 0
    for sql in sqls:
        try:
            plan = conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
        except sqlite3.Error:
            failed += 1
            continue
        explained += 1
        for *_ids, detail in plan:
            if found := _USES.search(detail):
                uses[found.group(1)].append((detail, sql))
    return uses, explained, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("trace", type=Path)
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args(argv)
    with closing(sqlite3.connect(f"file:{args.store}?mode=ro", uri=True)) as conn:
        uses, explained, failed = readers(conn, statements(args.trace))
        sizes = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))
        indexes = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")]  # fmt: skip
    print(f"{explained} statements explained, {failed} not (tables this store lacks)")
    for name in sorted(indexes, key=lambda n: (len(uses.get(n, ())), -sizes.get(n, 0))):
        print(f"{name}: {len(uses.get(name, ()))} readers, {sizes.get(name, 0) / 1e6:.1f} MB")
        for detail, sql in uses.get(name, [])[: args.examples]:
            print(f"    {detail} | {sql[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
