"""sqdesk's benchmark suite: the budgets of docs/ARCHITECTURE.md, each beside raw sqlite3.

    .venv/bin/python -m benchmarks.run                 # 100k members (a few minutes)
    .venv/bin/python -m benchmarks.run --members 20000 --out results.json

Builds a store with the demo generator, then times what the manager feels: the roster's
first page, search per keystroke over realistic typing, opening a profile, import and
export of the whole roster. Each figure stands beside the same result obtained with raw
sqlite3 in the same run, so a slow machine shows as a ratio, not as a failure.
Prints a table and writes JSON (default benchmarks/results/latest.json).
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqdesk.core import backup, member_export, member_import, members, search
from sqdesk.core.compact_types import KIND_CODES, day_number
from sqdesk.core.demo import fill_demo_store
from sqdesk.core.gc_pause import collector_paused
from sqdesk.core.models import EPOCH, MICROSECOND, LedgerEntry, Member
from sqdesk.core.store import Store
from sqdesk.ui.members.model import FIRST_IDS  # the roster's first screenful of ids

# Typing sequences a manager really types: pinyin, initials, Chinese, mobile tails, codes.
TYPING = [
    "zhangs",
    "wangf",
    "lily",
    "liuy",
    "zs",
    "chenj",
    "5678",
    "13800",
    "张伟",
    "曾",
    "ouyang",
    "shan",
]
FIRST_PAGE = 40  # rows on screen


@dataclass
class Result:
    name: str
    unit: str
    sqdesk: float
    raw_sqlite: float | None
    must: float | None
    aim: float | None
    note: str = ""
    # The raw column is the best possible (an indexed read, the paint alone, the writer
    # alone), not the app's query in raw SQL nor a peer: a floor above the aim is the
    # written reason the issue accepts for a row over it.
    floor: bool = False

    @property
    def ratio(self) -> float | None:
        if self.raw_sqlite in (None, 0):
            return None
        return self.sqdesk / self.raw_sqlite

    @property
    def verdict(self) -> str:
        if self.must is None:
            return ""
        if self.aim is not None and self.sqdesk <= self.aim:
            return "aim"
        if self.sqdesk > self.must:
            return "OVER"
        if self.floor and self.aim is not None and (self.raw_sqlite or 0) > self.aim:
            return "floor"  # over the aim, and so is the best possible
        return "ok"


def timed(fn: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    """Best wall time in ms over `repeat` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, (time.perf_counter() - t) * 1000)
    return best, result


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _read_through(path: Path) -> float:
    """Read the store's file and its log once, discarding the bytes: the system's file
    cache then holds them (SQLite's own cache is untouched). Seconds taken."""
    t = time.perf_counter()
    for part in (path, path.with_name(path.name + "-wal")):
        if part.exists():
            with part.open("rb", buffering=0) as fh:
                while fh.read(8 << 20):
                    pass
    return time.perf_counter() - t


def keystrokes() -> list[str]:
    out = []
    for word in TYPING:
        out += [word[: i + 1] for i in range(len(word))]
    return out


def bench_build(path: Path, n: int) -> tuple[Store, list[Result]]:
    members_only = Store.open(path.with_name("members-only.sqdesk"))
    ms_members, _ = timed(lambda: fill_demo_store(members_only, members=n, seed=2026,
                                                  points=False))  # fmt: skip
    members_only.close()
    store = Store.open(path)
    ms, _ = timed(lambda: fill_demo_store(store, members=n, seed=2026))
    with store.read() as s:
        entries = s.scalar(select(func.count(LedgerEntry.id)))
    with closing(sqlite3.connect(path)) as conn:  # the WAL folded in: the file as it stays
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size_mb = path.stat().st_size / 1e6
    return store, [
        Result(
            "demo members + search index",
            "s",
            ms_members / 1000,
            None,
            30.0,
            None,
            f"{n / (ms_members / 1000):,.0f} members/s",
        ),
        Result(
            "demo store with visits and ledger",
            "s",
            ms / 1000,
            None,
            180.0,
            60.0,
            f"{entries:,} ledger entries",
        ),
        Result("the demo store's file", "MB", size_mb, None, 1000.0, 500.0,
               "after a checkpoint, before any use"),
    ]


def bench_roster(store: Store, raw: sqlite3.Connection) -> list[Result]:
    def ours():  # what the roster shows at once: the first screenful's ids and rows
        ids = members.first_ids(store, FIRST_IDS)
        return members.rows(store, ids[:FIRST_PAGE])

    def everyone():  # then, from the background: every id in order
        return members.ordered_ids(store)

    def floor():  # the best possible: one indexed read of the visible rows
        return raw.execute("SELECT * FROM member WHERE archived = 0 "
                           "ORDER BY joined_on DESC, id DESC LIMIT ?", (FIRST_PAGE,)).fetchall()

    def theirs():
        ids = [
            r[0]
            for r in raw.execute(
                "SELECT id FROM member WHERE archived = 0 ORDER BY joined_on DESC, id DESC"
            )
        ]
        marks = ",".join("?" * FIRST_PAGE)
        return raw.execute(
            f"SELECT * FROM member WHERE id IN ({marks})", ids[:FIRST_PAGE]
        ).fetchall()

    a, _ = timed(ours, 5)
    b, _ = timed(theirs, 5)
    c, _ = timed(everyone, 5)
    d, _ = timed(floor, 5)
    return [Result("roster first page (first screenful of ids + visible rows)", "ms", a, d,
                   100, 5, "raw sqlite3: the floor, one indexed read of the visible rows",
                   floor=True),
            Result("every id in order behind it (in the background)", "ms", c, b, None, None,
                   "raw sqlite3: the same ids and the visible rows")]  # fmt: skip


def bench_roster_by_name(store: Store, raw: sqlite3.Connection) -> list[Result]:
    """The roster sorted by name, as people read names (pinyin): an index read, beside the
    same index read in raw sqlite3 and the naive peer that sorts every name in Python."""
    from sqdesk.core import search
    from sqdesk.core.pinyin import sort_key

    def ours():  # as the roster reads it: the first screenful, every id from the background
        ids = members.first_ids(store, FIRST_IDS, sort=members.SortKey.NAME, descending=False)
        return members.rows(store, ids[:FIRST_PAGE])

    def theirs(limit: str = f" LIMIT {FIRST_IDS}"):
        ids = [r[0] for r in raw.execute(
            "SELECT id FROM member WHERE archived = 0 ORDER BY name_sort, id" + limit)]  # fmt: skip
        marks = ",".join("?" * FIRST_PAGE)
        return raw.execute(f"SELECT * FROM member WHERE id IN ({marks})",
                           ids[:FIRST_PAGE]).fetchall()  # fmt: skip

    every, _ = timed(lambda: members.ordered_ids(store, sort=members.SortKey.NAME,
                                                 descending=False), 5)  # fmt: skip
    every_raw, _ = timed(lambda: theirs(""), 5)

    def naive():
        found = raw.execute("SELECT id, name, nickname FROM member WHERE archived = 0").fetchall()
        return sorted(found, key=lambda r: (sort_key(r[1] or r[2]), r[0]))[:FIRST_PAGE]

    a, _ = timed(ours, 5)
    b, _ = timed(theirs, 5)
    sort_key.cache_clear()
    c, _ = timed(naive, 1)
    with store.session() as s:
        rebuild, _ = timed(lambda: search.rebuild_index(s), 1)
    return [
        Result("roster first page sorted by name (pinyin key, indexed)", "ms", a, b, 100, 30,
               f"naive peer (every name's pinyin sorted in Python): {c:,.0f} ms; raw: the "
               "same index read", floor=True),
        Result("every id by name behind it (in the background)", "ms", every, every_raw, None,
               None, "raw sqlite3: the same ids and the first page's rows"),
        Result("search index and name keys rebuilt (once, opening a pre-0015 store)", "s",
               rebuild / 1000, None, None, None, "in one transaction"),
    ]  # fmt: skip


def bench_roster_figures(store: Store, raw: sqlite3.Connection) -> list[Result]:
    """The roster sorted by a figure column (points, last visit, spend), biggest first (a
    figure column's first click), as the roster reads it: the first screenful down the
    figure's index (since 0037), every id from the background. Beside it the same index
    read in raw sqlite3, and the naive peer that loads every member's figures and sorts
    them in Python (what a proxy model over a table does)."""
    joins = ("FROM member m LEFT JOIN member_points p ON p.member_id = m.id "
             "LEFT JOIN member_stats s ON s.member_id = m.id WHERE m.archived = 0")  # fmt: skip
    columns = {members.SortKey.POINTS: "coalesce(p.balance, 0)",
               members.SortKey.LAST_VISIT: "s.last_visit_at",
               members.SortKey.SPEND: "coalesce(s.spend_365, 0)"}  # fmt: skip
    walks = {members.SortKey.POINTS: ("member_points", "balance", "balance > 0"),
             members.SortKey.LAST_VISIT: ("member_stats", "last_visit_at",
                                          "last_visit_at IS NOT NULL"),
             members.SortKey.SPEND: ("member_stats", "spend_365", "spend_365 > 0")}  # fmt: skip
    out = []
    for key, column in columns.items():
        def ours(key=key):
            ids = members.first_ids(store, FIRST_IDS, sort=key, descending=True)
            return members.rows(store, ids[:FIRST_PAGE])

        def theirs(key=key):
            table, value, has = walks[key]
            ids = [r[0] for r in raw.execute(
                f"SELECT f.member_id FROM {table} f CROSS JOIN member m ON m.id = f.member_id "
                f"WHERE f.{has} AND m.archived = 0 ORDER BY f.{value} DESC, f.member_id DESC "
                f"LIMIT {FIRST_IDS}")]  # fmt: skip
            marks = ",".join("?" * FIRST_PAGE)
            return raw.execute(f"SELECT * {joins.split(' WHERE ')[0]} WHERE m.id IN ({marks})",
                               ids[:FIRST_PAGE]).fetchall()  # fmt: skip

        def every(key=key):
            return members.ordered_ids(store, sort=key, descending=True)

        def every_raw(column=column):
            return raw.execute(f"SELECT m.id {joins} ORDER BY {column} DESC, m.id DESC"
                               ).fetchall()  # fmt: skip

        def naive(column=column):
            found = raw.execute(f"SELECT m.*, {column} AS v {joins}").fetchall()
            return sorted(found, key=lambda r: (r[-1] is not None, r[-1] or 0),
                          reverse=True)[:FIRST_PAGE]  # fmt: skip

        a, _ = timed(ours, 3)
        b, _ = timed(theirs, 3)
        c, _ = timed(naive, 1)
        d, _ = timed(every, 3)
        e, _ = timed(every_raw, 3)
        out.append(Result(f"roster first page sorted by {key.value}, biggest first (the "
                          "first screenful down its index)", "ms", a, b, 300, 100,
                          f"naive peer (all rows sorted in Python): {c:,.0f} ms; raw: the "
                          "same index read", floor=True))  # fmt: skip
        out.append(Result(f"every id by {key.value} behind it (in the background)", "ms", d,
                          e, None, None, "raw sqlite3: the same order, every id"))  # fmt: skip
    from sqdesk.core import member_story

    busiest = raw.execute("SELECT member_id FROM visit GROUP BY member_id "
                          "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]  # fmt: skip
    a, _ = timed(lambda: (member_story.story(store, busiest),
                          member_story.visits(store, busiest)), 5)  # fmt: skip
    visits = raw.execute("SELECT count(*) FROM visit WHERE member_id = ?", (busiest,)).fetchone()
    out.append(Result("profile's story and first page of visits (busiest member)", "ms", a,
                      None, 100, 20, f"{visits[0]:,} visits"))
    return out


def bench_search(store: Store, raw: sqlite3.Connection) -> list[Result]:
    # A lone Latin letter searches nothing yet (search.MIN_LATIN): the roster stays as it
    # is, so only keystrokes that search are timed here; the Qt figure below has them all.
    keys = [k for k in keystrokes() if members.search_key(k) is not None]
    ours_ms, raw_ms = [], []
    for text in keys:  # warm the page cache once, as a session in use has it warm
        members.ordered_ids(store, search_text=text, sort=None)
    full_ms = []
    for text in keys:
        # What the roster does per key: the first screenful of ids (or, where that shortcut
        # does not hold, the full ranking) and the visible rows; the rest of the ranking
        # follows in the background (timed on its own).
        t = time.perf_counter()
        ids = members.first_search_page(store, text, FIRST_IDS)
        if ids is None:
            ids = members.ordered_ids(store, search_text=text, sort=None)
        members.rows(store, ids[:FIRST_PAGE])
        ours_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        members.ordered_ids(store, search_text=text, sort=None)
        full_ms.append((time.perf_counter() - t) * 1000)
        sql = _compiled_search(store, text)
        t = time.perf_counter()
        found = [r[0] for r in raw.execute(sql)]
        if found:
            marks = ",".join("?" * min(FIRST_PAGE, len(found)))
            raw.execute(
                f"SELECT * FROM member WHERE id IN ({marks})", found[:FIRST_PAGE]
            ).fetchall()
        raw_ms.append((time.perf_counter() - t) * 1000)
    qt_ms = _qt_keystrokes(store)
    slowest = keys[ours_ms.index(max(ours_ms))]
    out = [
        Result(
            f"search per keystroke p50 ({len(keys)} keystrokes)",
            "ms",
            statistics.median(ours_ms),
            statistics.median(raw_ms),
            50,
            16,
        ),
        Result("search per keystroke p95", "ms", p95(ours_ms), p95(raw_ms), 50, 8,
               "raw sqlite3: the full ranking's SQL"),
        Result("the full ranking behind it (in the background), p95", "ms", p95(full_ms),
               p95(raw_ms), None, None),
        Result(
            "search per keystroke max",
            "ms",
            max(ours_ms),
            max(raw_ms),
            None,
            None,
            f"slowest: {slowest!r}",
        ),
    ]
    if qt_ms:
        out.append(
            Result(
                "keystroke to updated roster (Qt model, p95)",
                "ms",
                p95(qt_ms),
                p95(raw_ms),
                50,
                16,
                f"p50 {statistics.median(qt_ms):.1f} ms, every keystroke of every word",
            )
        )
    return out


def _compiled_search(store: Store, text: str) -> str | None:
    from sqlalchemy import select

    from sqdesk.core.models import Member

    parsed = search.parse(text)
    if parsed is None:
        return None
    found = search.matches(parsed).subquery()
    stmt = (
        select(Member.id)
        .join(found, found.c.member_id == Member.id)
        .where(Member.archived.is_(False))
        .order_by(found.c.rank, Member.id.desc())
    )
    return str(stmt.compile(store.engine, compile_kwargs={"literal_binds": True}))


def _qt_keystrokes(store: Store) -> list[float]:
    """The roster model as the UI drives it: each word typed into an empty search box,
    each keystroke timed until the visible rows are painted (their data fetched)."""
    try:
        from PySide6.QtWidgets import QApplication

        from sqdesk.ui.members.model import MemberTableModel
    except ImportError:
        return []
    app = QApplication.instance() or QApplication([])
    model = MemberTableModel(store)
    model.sort(-1)
    out = []
    for word in TYPING:
        model.set_search("")  # the box is cleared before a new name is typed
        for i in range(len(word)):
            t = time.perf_counter()
            model.set_search(word[: i + 1])
            for r in range(min(FIRST_PAGE, model.rowCount())):
                for c in range(model.columnCount()):
                    model.data(model.index(r, c))
            out.append((time.perf_counter() - t) * 1000)
    # The application stays for the rest of the run (the felt keystrokes use it): deleting
    # it while the model's background work still reports back crashed the run.
    from sqdesk.ui.jobs import wait_for_jobs

    wait_for_jobs()
    app.processEvents()
    return out


def bench_profile(store: Store, raw: sqlite3.Connection, n: int) -> Result:
    rng = random.Random(1)
    ids = [rng.randrange(1, n + 1) for _ in range(200)]
    a = statistics.median(timed(lambda i=i: members.detail(store, i))[0] for i in ids)
    b = statistics.median(
        timed(lambda i=i: raw.execute("SELECT * FROM member WHERE id = ?", (i,)).fetchone())[0]
        for i in ids
    )
    return Result(
        "open a member (profile, median)",
        "ms",
        a,
        b,
        100,
        30,
        "ledger and notes join this when those features land",
    )


def bench_points(store: Store, raw: sqlite3.Connection, n: int) -> list[Result]:
    from sqdesk.core import ledger, points_view

    rng = random.Random(2)

    def visits(members: list[int]) -> list[float]:  # ms each
        out = []
        for member_id in members:
            t = time.perf_counter()
            ledger.record_visit(store, member_id, amount_cents=rng.randrange(500, 9000))
            out.append((time.perf_counter() - t) * 1000)
        return out

    ids = [rng.randrange(1, n + 1) for _ in range(100)]
    ours = visits(ids)

    written: list[tuple[int, int, int]] = []  # (visit, entry, member): taken back after

    def raw_visit(member_id: int) -> None:
        now = (datetime.now(UTC) - EPOCH) // MICROSECOND  # as UTCDateTime stores it
        with raw:  # one transaction, as the service: the visit, its entry, the balance
            raw.execute("BEGIN IMMEDIATE")
            visit = raw.execute(
                "INSERT INTO visit (member_id, at, amount_cents, channel, remark, voided, "
                "created_at) VALUES (?, ?, 3800, '门店', '', 0, ?)",
                (member_id, now, now),
            ).lastrowid
            entry = raw.execute(
                "INSERT INTO ledger_entry (member_id, at, kind, amount, reason, source_type, "
                "actor) VALUES (?, ?, ?, 38, 'bench', 'bench', '')",
                (member_id, now, KIND_CODES["earn"]),  # as LedgerKind stores it
            ).lastrowid
            raw.execute(
                "UPDATE member_points SET balance = balance + 38 WHERE member_id = ?",
                (member_id,),
            )
        written.append((visit, entry, member_id))

    # The same again to other members, with the store's file just read through so that the
    # system's file cache holds it, as a shop PC's does for a file its app reads all day.
    # Some machines (this project's benchmark VM) page out file cache untouched for a
    # minute: there every page SQLite's own cache lacks is a disk read (see the README).
    warmed_in = _read_through(store.path) if store.path is not None else None
    warm = visits([rng.randrange(1, n + 1) for _ in range(100)])

    raw.isolation_level = None
    theirs = [timed(lambda m=m: raw_visit(m))[0] for m in ids[:50]]
    raw.isolation_level = ""
    # Taken back, untimed: these rows skip what the service keeps beside them (the daily
    # sums, the visits per hour, the open lots), and the rows after read the store whole
    # (the Dashboard's points outstanding are the daily sums').
    with raw:
        raw.executemany("DELETE FROM visit WHERE id = ?", [(v,) for v, _e, _m in written])
        raw.executemany("DELETE FROM ledger_entry WHERE id = ?", [(e,) for _v, e, _m in written])
        raw.executemany("UPDATE member_points SET balance = balance - 38 WHERE member_id = ?",
                        [(m,) for _v, _e, m in written])  # fmt: skip
    busiest = raw.execute(
        "SELECT member_id FROM ledger_entry GROUP BY member_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    entries = raw.execute(
        "SELECT count(*) FROM ledger_entry WHERE member_id = ?", (busiest,)
    ).fetchone()[0]
    a_open, _ = timed(lambda: points_view.summary(store, busiest), 5)
    b_open, _ = timed(
        lambda: raw.execute(
            "SELECT * FROM ledger_entry WHERE member_id = ? ORDER BY at DESC, id DESC LIMIT 100",
            (busiest,),
        ).fetchall(),
        5,
    )
    a_exp, made = timed(lambda: ledger.expire(store))
    due_sql = (
        "SELECT e.id FROM ledger_entry e LEFT JOIN ledger_consumption c ON c.lot_id = e.id "
        f"WHERE e.expires_on <= {day_number(date.today())} AND e.amount > 0 GROUP BY e.id "
        "HAVING e.amount - COALESCE(SUM(c.points), 0) > 0"
    )
    b_exp, _ = timed(lambda: raw.execute(due_sql).fetchall())
    a_tot, _ = timed(lambda: points_view.monthly_totals(store))
    b_tot, _ = timed(
        lambda: raw.execute(
            "SELECT substr(at, 1, 7), kind, sum(amount) FROM ledger_entry GROUP BY 1, 2"
        ).fetchall()
    )
    total_entries = raw.execute("SELECT count(*) FROM ledger_entry").fetchone()[0]
    return [
        Result(
            "record a visit with its points (median)",
            "ms",
            statistics.median(ours),
            statistics.median(theirs),
            20,
            3,
            "raw sqlite3: the visit, one entry and the balance, no derived tables",
        ),
        Result("record a visit with its points (p95)", "ms", p95(ours), p95(theirs), 20, 5),
        Result("record a visit, the store's file in the system's cache (median)", "ms",
               statistics.median(warm), statistics.median(theirs), 20, 3,
               f"p95 {p95(warm):.1f} ms; other members, right after the file was read "
               f"through ({warmed_in or 0:.1f} s) as a PC's file cache keeps it"),
        Result(
            f"open a member's points ({entries} entries, last 100 shown)",
            "ms",
            a_open,
            b_open,
            100,
            30,
        ),
        Result(
            f"expiry over the whole store ({total_entries:,} entries)",
            "s",
            a_exp / 1000,
            b_exp / 1000,
            None,
            None,
            f"{made} batches expired",
        ),
        Result("monthly points totals", "ms", a_tot, b_tot, 1000, 200),
    ]


def bench_segments(store: Store) -> list[Result]:
    from sqdesk.core import member_stats, segments

    def rebuild() -> None:
        with store.session() as s:
            member_stats.rebuild_all(s, today=date.today())

    ms_stats, _ = timed(rebuild)
    t = segments.load_thresholds(store)
    times = {}
    for key in segments.BUILTIN:
        tree = segments.definition(key, t, date.today())
        # What the roster shows at once: the first screenful (the rest from the background).
        times[key], _ = timed(lambda tree=tree: members.first_ids(store, FIRST_IDS, where=tree), 3)
    slowest = max(times, key=times.get)
    return [
        Result(
            "visit statistics for today (daily, background)", "s", ms_stats / 1000, None, None, None
        ),
        Result(
            "segment filter, slowest built-in",
            "ms",
            times[slowest],
            None,
            100,
            16,
            f"{slowest}; median {statistics.median(times.values()):.0f} ms; the first "
            "screenful, the rest from the background",
        ),
    ]


def bench_tags(store: Store, raw: sqlite3.Connection) -> list[Result]:
    """Issue 5's figures: a 3-tag AND/NOT filter, each built-in segment's count, the VIP
    invite list, and tagging 10,000 members, each beside raw sqlite3 where one exists."""
    from sqdesk.core import filters, segments, tags

    by_share = sorted(tags.list_tags(store), key=lambda t: -t.members)
    a, b, c = by_share[0].id, by_share[1].id, by_share[2].id
    tree = {"all": [{"tag": a}, {"tag": b}, {"not": {"tag": c}}]}
    # What the roster shows at once is the first screenful (sqdesk.ui.members.model); every
    # id follows from the background.
    b_first, _ = timed(lambda: members.first_ids(store, FIRST_IDS, where=tree), 5)
    b_filter, ids = timed(lambda: members.ordered_ids(store, where=tree), 5)
    raw_sql = (
        "SELECT m.id FROM member m WHERE m.archived = 0"
        " AND EXISTS (SELECT 1 FROM member_tag t WHERE t.member_id = m.id AND t.tag_id = ?)"
        " AND EXISTS (SELECT 1 FROM member_tag t WHERE t.member_id = m.id AND t.tag_id = ?)"
        " AND NOT EXISTS (SELECT 1 FROM member_tag t WHERE t.member_id = m.id AND t.tag_id = ?)"
        " ORDER BY m.joined_on DESC, m.id DESC"
    )
    r_filter, raw_ids = timed(lambda: raw.execute(raw_sql, (a, b, c)).fetchall(), 5)
    assert len(raw_ids) == len(ids), "the raw query and sqdesk disagree"
    out = [Result("3-tag AND/NOT filter: the first screenful", "ms", b_first, None, 100, 16,
                  f"{len(ids):,} members; every id behind it below"),
           Result("3-tag AND/NOT filter: every id in order (in the background)", "ms", b_filter,
                  r_filter, None, None, "raw sqlite3: the same ids")]  # fmt: skip

    t = segments.load_thresholds(store)
    raw_count = {
        "new": ("SELECT count(*) FROM member WHERE archived = 0 AND joined_on >= ?",
                ((date.today() - timedelta(days=t.new_days - 1)).isoformat(),)),
        "high_value": ("SELECT count(*) FROM member m JOIN member_stats s ON s.member_id = m.id"
                       " WHERE m.archived = 0 AND s.spend_365 >= ?", (t.high_value_12m,)),
    }  # fmt: skip
    for key in segments.BUILTIN:
        node = segments.definition(key, t, date.today())
        ms, n = timed(lambda node=node: filters.count(store, node), 3)
        raw_ms = None
        if key in raw_count:
            sql, params = raw_count[key]
            raw_ms, raw_n = timed(lambda sql=sql, params=params: raw.execute(sql, params)
                                  .fetchone()[0], 3)  # fmt: skip
            assert raw_n == n, f"{key}: raw {raw_n} != {n}"
        out.append(Result(f"segment count: {key}", "ms", ms, raw_ms, 100, 30, f"{n:,} members"))
    invites = segments.vip_invites(store)
    first, _ = timed(lambda: members.first_ids(store, FIRST_IDS, where=invites), 3)
    ms, n = timed(lambda: members.ordered_ids(store, where=invites), 3)
    out.append(Result("VIP invites list (eligible, in no VIP group): the first screenful", "ms",
                      first, None, 100, 16, f"{len(n):,} members; every id behind it below"))
    out.append(Result("VIP invites list: every id in order (in the background)", "ms", ms, None,
                      None, None, ""))  # fmt: skip

    group = tags.create_group(store, "基准测试")
    tag = tags.create_tag(store, group, "基准测试标签")
    ten_k = members.ordered_ids(store)[:10_000]
    # Tagging more than 1,000 copies the store first (issue 18; in the background, behind a
    # progress dialog): timed on its own, and the tagging's transaction without it.

    b_copy, copy = timed(lambda: backup.before_bulk(store, "bulk-tag"))
    real_copy, backup.before_bulk = backup.before_bulk, lambda _store, _what: None
    try:
        b_tag, added = timed(lambda: tags.add_tag(store, ten_k, tag))
    finally:
        backup.before_bulk = real_copy
    assert added == len(ten_k)
    raw.execute("INSERT INTO tag_group (name, name_key, exclusive, position) "
                "VALUES ('raw', 'raw', 0, 99)")  # fmt: skip
    raw_group = raw.execute("SELECT id FROM tag_group WHERE name_key = 'raw'").fetchone()[0]
    raw.execute("INSERT INTO tag (group_id, name, name_key, color, position) "
                "VALUES (?, 'raw', 'raw', '#000000', 99)", (raw_group,))  # fmt: skip
    raw.commit()
    raw_tag = raw.execute("SELECT id FROM tag WHERE name_key = 'raw'").fetchone()[0]
    now = (datetime.now(UTC) - EPOCH) // MICROSECOND  # as UTCDateTime stores it

    def raw_tagging() -> None:
        with raw:
            raw.executemany("INSERT INTO member_tag (member_id, tag_id, created_at) "
                            "VALUES (?, ?, ?)", [(m, raw_tag, now) for m in ten_k])  # fmt: skip

    r_tag, _ = timed(raw_tagging)
    out.append(Result("tag 10,000 selected members (one transaction)", "ms", b_tag, r_tag, 100,
                      40, "the copy before it (issue 18) on its own below"))  # fmt: skip
    out.append(Result("the copy of the store before a bulk change (copied, then checked)", "s",
                      b_copy / 1000, None, None, None,
                      "in the background behind a progress dialog; the floor is copying "
                      "and reading the whole file"))  # fmt: skip
    out += _bench_packing(copy)
    tags.delete_tag(store, tag)
    return out


def _bench_packing(copy: Path) -> list[Result]:
    """An older backup copy packed as the day's upkeep packs it (gzip, then read back and
    compared), beside zlib alone packing the same bytes; and unpacked, as a restore or the
    look for a sound copy does."""
    size = copy.stat().st_size

    def zlib_alone() -> int:
        packer, out = zlib.compressobj(backup.PACK_LEVEL, zlib.DEFLATED, 31), 0
        with open(copy, "rb") as f:
            while chunk := f.read(backup.PACK_CHUNK):
                out += len(packer.compress(chunk))
        return out + len(packer.flush())

    r_pack, _ = timed(zlib_alone)
    b_pack, packed = timed(lambda: backup.pack(copy))
    b_unpack, _ = timed(lambda: _unpack(packed))
    packed_size = packed.stat().st_size
    packed.unlink()
    return [Result("pack an older backup copy (gzip, read back and compared)", "s",
                   b_pack / 1000, r_pack / 1000, None, None,
                   f"{size / 1e6:,.0f} MB -> {packed_size / 1e6:,.0f} MB "
                   f"({packed_size / size:.0%}); raw: zlib "
                   "alone packing the same bytes; in the day's upkeep, in the background"),
            Result("unpack a packed copy (to restore it, or to look it over)", "s",
                   b_unpack / 1000, None, None, None, "")]  # fmt: skip


def _unpack(packed: Path) -> None:
    with backup.unpacked(packed, packed.parent):
        pass


def bench_calendar(store: Store) -> list[Result]:
    """Issue 6's figures: a month view of 300 activities (most recurring daily), expanded
    for the visible six weeks only, and a 200-line 接龙 matched against the whole store."""
    from sqdesk.core import activities, festivals, jielong
    from sqdesk.core.activities import ActivityInput

    today = date.today()
    start = today - timedelta(days=365)
    rules = ["FREQ=DAILY"] * 200 + ["FREQ=WEEKLY;BYDAY=MO,WE,FR"] * 60 + [
        "FREQ=MONTHLY;BYDAY=-1FR"] * 30 + [""] * 10  # fmt: skip
    for i, rule in enumerate(rules):
        activities.create(store, ActivityInput(f"基准活动{i}", start if rule else today,
                                               (8 * 60 + i * 7) % (24 * 60), rrule=rule,
                                               warmup_days=3 if i % 10 == 0 else None))  # fmt: skip
    first = today.replace(day=1)
    lo = first - timedelta(days=first.weekday())
    hi = lo + timedelta(days=41)

    def month_view():  # what the Calendar page reads: birthdays are counted per day
        occ = activities.occurrences(store, lo, hi)
        tasks = activities.phase_tasks(store, lo, hi)
        marks = festivals.overlays(None, lo, hi, ("festival", "solar_term", "marketing"))
        cakes = festivals.birthday_counts(store, lo, hi)
        return len(occ) + len(tasks) + len(marks) + sum(cakes.values())

    festivals.overlays(None, lo, hi)  # the lunar tables are computed once per year
    ms, n = timed(month_view, 3)
    out = [Result("month view: 300 activities, 6 weeks expanded", "ms", ms, None, 100, 30,
                  f"{n:,} occurrences, tasks, overlays and birthdays")]  # fmt: skip

    rng = random.Random(6)
    with store.read() as s:
        names = [r[0] for r in s.execute(select(Member.name).where(Member.archived.is_(False))
                                         .order_by(func.random()).limit(170))]  # fmt: skip
    lines = ["周六下午茶接龙🍵 报名格式：序号+姓名"]
    for i in range(1, 201):
        who = names[i % len(names)] if i <= 170 else f"路人{i}"
        extra = rng.choice(["", " +1", "（带娃）", " 🌸", " 2人"])
        lines.append(f"{i}{rng.choice(['. ', '、', ' '])}{who}{extra}")
    text = "\n".join(lines)
    ms, results = timed(lambda: jielong.match(store, jielong.parse(text)), 3)
    counts = jielong.summary(results)
    out.append(Result("接龙: parse and match 200 lines", "ms", ms, None, None, None,
                      ", ".join(f"{k} {v}" for k, v in counts.items() if v)))  # fmt: skip
    return out


def bench_posts(store: Store) -> list[Result]:
    """Issue 7's figure: one template rendered for every member, values read in bulk (the
    yearly report uses the most: visits, spend, points earned, activities, favourites)."""
    from sqdesk.core import post_values, posts
    from sqdesk.core.post_render import render

    with store.read() as s:
        ids = [r[0] for r in s.execute(select(Member.id).where(Member.archived.is_(False)))]
    report = posts.find(store, "yearly_report")
    ms, texts = timed(lambda: sum(1 for _ in posts.render_for_members(store, report, ids)))
    out = [Result(f"render the yearly report for all {len(ids):,} members", "s", ms / 1000,
                  None, None, None, f"{ms / max(1, texts):.2f} ms per member")]  # fmt: skip
    birthday = posts.find(store, "birthday")
    week = ids[:: max(1, len(ids) // 50)][:50]

    def one_by_one():  # what the run dialog does for each member it shows
        return [render(birthday.body, post_values.values_for(store, member_id=m)) for m in week]

    ms, _texts = timed(one_by_one)
    out.append(Result("one member's message, as Copy and next shows it", "ms", ms / len(week),
                      None, 100, 30, "birthday greeting: all values, rendered"))  # fmt: skip
    return out


def bench_export(
    store: Store, raw: sqlite3.Connection, folder: Path
) -> tuple[list[Result], Path, Path]:
    ids = members.ordered_ids(store)
    xlsx, csv_path = folder / "members.xlsx", folder / "members.csv"
    a_x, _ = timed(lambda: member_export.export_members(store, xlsx, member_ids=ids))
    a_c, _ = timed(lambda: member_export.export_members(store, csv_path, member_ids=ids))

    def raw_csv():
        with (folder / "raw.csv").open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            for row in raw.execute(
                "SELECT code, name, nickname, mobile, gender, birthday, "
                "joined_on, source, region, wechat_id, remark FROM member "
                "WHERE archived = 0 ORDER BY joined_on DESC, id DESC"
            ):
                w.writerow(row)

    b_c, _ = timed(raw_csv)
    b_x = _xlsx_floor(folder / "raw.csv", folder / "raw.xlsx")
    n = len(ids)
    return (
        [
            Result(f"export {n:,} members to .xlsx", "s", a_x / 1000, b_x / 1000, 30, 4,
                   "floor: XlsxWriter alone writing the same cells from memory", floor=True),
            Result(f"export {n:,} members to .csv", "s", a_c / 1000, b_c / 1000, None, None),
        ],
        xlsx,
        csv_path,
    )


def _xlsx_floor(cells_csv: Path, out: Path) -> float:
    """XlsxWriter's own cost for these cells: constant memory, text cells, empty ones left
    out, from rows already in memory (no database, no conversion)."""
    import xlsxwriter

    with cells_csv.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    t = time.perf_counter()
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    write = book.add_worksheet().write_string
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                write(r, c, value)
    book.close()
    return (time.perf_counter() - t) * 1000


def bench_import(xlsx: Path, csv_path: Path, folder: Path) -> list[Result]:
    results = []
    for path, must, aim in ((xlsx, 60.0, 10.0), (csv_path, 15.0, 5.0)):
        target = Store.open(folder / f"import-{path.suffix[1:]}.sqdesk")

        def ours(target=target, path=path):
            plan = member_import.prepare(target, path)
            return member_import.commit(target, plan, skip_invalid=True)

        a, (added, _updated) = timed(ours)
        target.close()
        b = _raw_import(path, folder / f"raw-{path.suffix[1:]}.sqlite")
        results.append(
            Result(
                f"import {added:,} rows from {path.suffix}",
                "s",
                a / 1000,
                b / 1000,
                must,
                aim,
                "read + check every row + one transaction; floor: the cells and their search "
                "index written unchecked",
                floor=True,
            )
        )
    return results


@collector_paused()
def _raw_import(path: Path, db: Path) -> float:
    """The floor: read the file and insert the cells with the search index the roster
    needs (the same member_token table and indexes), no checking at all; with the cyclic
    collector held off and SQLite's process-wide memory budget lifted, as the import holds
    and lifts them (its best case too). Under the budget the stores this run left open
    had set, the floor's inserts spilled their pages and took twice as long (7.6 against
    4.5 s for the .csv), which made the import look as fast as its floor."""
    t = time.perf_counter()
    from sqdesk.core.sheets import read_rows

    rows = read_rows(path)[1:]
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA cache_size = -65536")  # as the store's own connections
        budget = conn.execute("PRAGMA soft_heap_limit").fetchone()[0]
        conn.execute("PRAGMA soft_heap_limit = 0")  # as store.whole_cache does
        conn.execute(
            "CREATE TABLE m (code, name, nickname, mobile, gender, birthday, joined_on,"
            " source, region, wechat_id, remark)"
        )
        cells = [list(r[:11]) + [None] * (11 - len(r[:11])) for r in rows]
        conn.executemany("INSERT INTO m VALUES (?,?,?,?,?,?,?,?,?,?,?)", cells)
        conn.execute(
            "CREATE TABLE member_token (token VARCHAR(64) NOT NULL, member_id INTEGER NOT NULL,"
            " PRIMARY KEY (token, member_id)) WITHOUT ROWID"
        )
        conn.execute("CREATE INDEX ix_member_token_member_id ON member_token (member_id)")
        conn.execute(
            "CREATE INDEX ix_member_token_head ON member_token (substr(token, 1, 2), member_id)"
            " WHERE token >= 'N' AND token < 'Q'"
        )
        conn.executemany(
            "INSERT INTO member_token VALUES (?, ?)",
            [(t, i) for i, r in enumerate(cells, start=1)
             for t in search.member_tokens(name=r[1] or "", nickname=r[2] or "",
                                           mobile=r[3] or None, code=r[0] or "",
                                           wechat_id=r[9] or "")],
        )  # fmt: skip
        conn.commit()
        conn.execute(f"PRAGMA soft_heap_limit = {budget}")
    return (time.perf_counter() - t) * 1000


def rss_mb() -> float | None:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).with_name("results") / "latest.json"
    )
    parser.add_argument("--skip-io", action="store_true", help="skip import/export")
    parser.add_argument("--store", type=Path, default=None,
                        help="a copy of this benchmark store instead of building one")  # fmt: skip
    args = parser.parse_args(argv)
    # One application for the whole run: one made inside a bench function went when the
    # function returned, under the roster's background work (a crash, in the felt bench).
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["sqdesk-bench"])  # noqa: F841
    folder = Path(tempfile.mkdtemp(prefix="sqdesk-bench-"))
    results: list[Result] = []
    if args.store is not None:
        print(f"copying {args.store} to {folder} ...", flush=True)
        shutil.copyfile(args.store, folder / "bench.sqdesk")
        store = Store.open(folder / "bench.sqdesk")
        with store.read() as s:
            args.members = s.scalar(select(func.count(Member.id)))
    else:
        print(f"building a {args.members:,}-member store in {folder} ...", flush=True)
        store, built = bench_build(folder / "bench.sqdesk", args.members)
        results += built
    gc.collect()
    gc.freeze()  # as the app does once started (sqdesk.app): fewer long GC pauses
    with closing(sqlite3.connect(folder / "bench.sqdesk")) as raw:
        raw.execute("PRAGMA cache_size = -65536")
        results += bench_roster(store, raw)
        results += bench_roster_by_name(store, raw)
        results += bench_roster_figures(store, raw)
        results += bench_search(store, raw)
        from benchmarks.bench_felt import bench_felt

        results += bench_felt(store, TYPING, Result)
        results.append(bench_profile(store, raw, args.members))
        results += bench_points(store, raw, args.members)
        results += bench_segments(store)
        results += bench_tags(store, raw)
        results += bench_calendar(store)
        results += bench_posts(store)
        from benchmarks.bench_notes import bench_notes  # it builds its rows with Result

        results += bench_notes(store, raw, Result)
        from benchmarks.bench_coupons import bench_coupons

        results += bench_coupons(store, raw, Result)
        from benchmarks.bench_dashboard import bench_dashboard

        results += bench_dashboard(store, raw, Result)
        from benchmarks.bench_cards import bench_cards

        results += bench_cards(store, Result)
        if not args.skip_io:
            exported, xlsx, csv_path = bench_export(store, raw, folder)
            results += exported
            results += bench_import(xlsx, csv_path, folder)
    rss = rss_mb()
    store.close()
    from benchmarks.bench_start import bench_start

    results += bench_start(folder / "bench.sqdesk", Result)
    _print(results, rss)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "date": date.today().isoformat(),
        "members": args.members,
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "rss_mb": rss,
        "results": [asdict(r) | {"ratio": r.ratio, "verdict": r.verdict} for r in results],
        "over_the_aim": over_the_aim(results),
    }
    args.out.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 1 if any(r.verdict == "OVER" for r in results) else 0


def _print(results: list[Result], rss: float | None) -> None:
    print(f"\n{'what':<58} {'sqdesk':>10} {'raw sqlite3':>12} {'ratio':>6} {'must':>7} "
          f"{'aim':>6} {'':>5}")  # fmt: skip
    for r in results:
        raw = f"{r.raw_sqlite:.2f}" if r.raw_sqlite is not None else "-"
        ratio = f"{r.ratio:.1f}x" if r.ratio is not None else "-"
        must = f"{r.must:g}" if r.must is not None else "-"
        aim = f"{r.aim:g}" if r.aim is not None else "-"
        print(
            f"{r.name:<58} {r.sqdesk:>8.2f}{r.unit:<2} {raw:>12} {ratio:>6} {must:>7} "
            f"{aim:>6} {r.verdict:>5}  {r.note}"
        )
    if rss is not None:
        print(f"{'memory (RSS) of this process at the end':<58} {rss:>8.0f}MB")
    print("\n" + over_the_aim(results))


def over_the_aim(results: list[Result]) -> str:
    """One line for the issue's "done": which rows are over their aim, and of those, which
    have a floor above it too (verdict "floor")."""
    over = [r for r in results if r.aim is not None and r.sqdesk > r.aim]
    if not over:
        return "every row at or under its aim"
    floor = [r.name for r in over if r.verdict == "floor"]
    rest = [r.name for r in over if r.verdict != "floor"]
    line = f"over the aim ({len(over)}): " + "; ".join(rest)
    if floor:
        line += f"; the floor itself above the aim ({len(floor)}): " + "; ".join(floor)
    return line


if __name__ == "__main__":
    sys.exit(main())
