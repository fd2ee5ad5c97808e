"""The dashboard at scale (issue 17.8): the headline figures for the whole store over 30
days and 12 months, beside the same figures computed with plain SQL one query after
another in raw sqlite3 (the naive peer: a GROUP BY over the period's visits, a UNION of
every contact, sums over the ledger), the whole page (every part, side by side as the
page counts them in the background), and the page as the manager waits for it: the real
page shown offscreen, from a load to every part shown and painted."""

from __future__ import annotations

import sqlite3
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

from sqdesk.core import metrics, metrics_board
from sqdesk.core.models import EPOCH, MICROSECOND
from sqdesk.core.store import Store

RUNS = 3


def _ms(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def _raw(raw: sqlite3.Connection, first: date, last: date) -> None:
    """The same headline figures in plain SQL, as a first version would write them."""
    lo = (metrics.start_of(first) - EPOCH) // MICROSECOND  # as UTCDateTime stores it
    hi = (metrics.start_of(last + timedelta(days=1)) - EPOCH) // MICROSECOND
    q = raw.execute
    q("SELECT count(*) FROM member WHERE joined_on <= ? AND (archived_at IS NULL OR "
      "archived_at >= ?)", (last.isoformat(), hi)).fetchall()  # fmt: skip
    q("SELECT count(*), count(DISTINCT member_id), sum(amount_cents) FROM visit WHERE "
      "voided = 0 AND at >= ? AND at < ?", (lo, hi)).fetchall()  # fmt: skip
    q("SELECT count(*) FROM (SELECT member_id FROM visit WHERE voided = 0 AND at >= ? AND "
      "at < ? GROUP BY member_id HAVING count(*) >= 2)", (lo, hi)).fetchall()  # fmt: skip
    q("SELECT count(DISTINCT member_id) FROM (SELECT member_id FROM visit WHERE voided = 0 "
      "AND at >= ? AND at < ? UNION SELECT member_id FROM attendance WHERE occurrence_date "
      "BETWEEN ? AND ? UNION SELECT member_id FROM note WHERE at >= ? AND at < ?)",
      (lo, hi, first.isoformat(), last.isoformat(), lo, hi)).fetchall()  # fmt: skip
    q("SELECT kind, sum(amount) FROM ledger_entry WHERE at >= ? AND at < ? GROUP BY kind",
      (lo, hi)).fetchall()  # fmt: skip
    q("SELECT sum(amount) FROM ledger_entry WHERE at < ?", (hi,)).fetchall()


def _board(store: Store, first: date, last: date) -> None:
    """Every part the page counts, side by side on as many threads as the page's pool."""
    before = metrics.previous_period(first, last)
    calendar = metrics.SharedCalendar(store, first, last)  # as the page shares them
    days = metrics.shared_days(store, first, last)

    def headline():  # the cohorts are the figures' joiners by week, as on the page
        figures = metrics.compute(store, first, last, calendar=calendar, days=days)
        metrics_board.cohorts(store, first, last, joined=figures.joined)

    parts = [headline,
             lambda: metrics.compute(store, *before, days=days),
             lambda: metrics_board.series(store, first, last, days=days),
             lambda: (metrics_board.layers(store, last), metrics_board.levels(store, last)),
             lambda: metrics_board.group_boards(store, first, last, calendar=calendar,
                                                days=days)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for future in [pool.submit(p) for p in parts]:
            future.result()


def felt_page(store: Store, periods: tuple[str, ...]) -> dict[str, list[float]]:
    """ms from the page's load (as a period is chosen) to every part shown and the page
    painted, RUNS times per period: the real DashboardPage in the app's look, its parts on
    the app's thread pool, the collector as the app has it (off, collected on the UI
    thread's tick), the UI thread in its event loop as it waits."""
    from PySide6.QtWidgets import QApplication

    from benchmarks.bench_felt import _shipped_look
    from sqdesk.ui import collector

    app = QApplication.instance() or QApplication(["bench"])
    ticking = collector.install(app)
    try:
        with _shipped_look(app):
            return _felt_page(app, store, periods)
    finally:
        # The page is gone from _felt_page's frame: the collection here, on this thread,
        # frees it. Left to the automatic collector, a pool thread of the next part freed
        # its widgets (a crash: "shared QObject was deleted directly").
        ticking.uninstall()


def _felt_page(app, store: Store, periods: tuple[str, ...]) -> dict[str, list[float]]:
    from PySide6.QtCore import QEventLoop, QTimer

    from benchmarks.bench_felt import _settle
    from sqdesk.ui.dashboard.page import DashboardPage
    from sqdesk.ui.jobs import wait_for_jobs

    page = DashboardPage(store)
    page.resize(1280, 800)
    loop = QEventLoop()
    page.counted.connect(loop.quit)
    guard = QTimer(singleShot=True, interval=60_000)  # a part failed: not forever
    guard.timeout.connect(loop.quit)

    def waited() -> float:
        guard.start()
        loop.exec()
        if not guard.isActive():
            raise RuntimeError(f"the Dashboard page did not count: {page.status.text()}")
        guard.stop()
        page.repaint()
        return time.perf_counter()

    out: dict[str, list[float]] = {}
    try:
        page.show()  # its first load starts as it is shown
        waited()
        for key in periods:
            page.period.blockSignals(True)
            page.period.setCurrentIndex(page.period.findData(key))
            page.period.blockSignals(False)
            out[key] = []
            for _ in range(RUNS):
                _settle(app, 0.3)
                t = time.perf_counter()
                page.load()
                out[key].append((waited() - t) * 1000)
    finally:
        page.close()
        wait_for_jobs()  # every part's outcome delivered before the page goes
        app.processEvents()
        page.deleteLater()
        app.processEvents()
    return out


def bench_dashboard(store: Store, raw: sqlite3.Connection, result) -> list:
    today = date.today()
    out = []
    felt = felt_page(store, ("30", "365"))
    for label, days in (("30 days", 30), ("12 months", 365)):
        first = today - timedelta(days=days - 1)
        ours = statistics.median(_ms(lambda f=first: metrics.compute(store, f, today))
                                 for _ in range(RUNS))  # fmt: skip
        theirs = statistics.median(_ms(lambda f=first: _raw(raw, f, today))
                                   for _ in range(RUNS))  # fmt: skip
        out.append(result(f"dashboard figures, whole store, {label}", "ms", ours, theirs,
                          1000, 200, "raw: the same figures in plain SQL, one after another"))
        board = statistics.median(_ms(lambda f=first: _board(store, f, today))
                                  for _ in range(RUNS))  # fmt: skip
        out.append(result(f"the whole Dashboard page, {label} (every part, as it counts "
                          "them)", "ms", board, None, 1000, 200,
                          "figures and the previous period's, series, layers, levels, "
                          "cohorts, group boards: side by side on 4 threads"))  # fmt: skip
        waited = felt[str(days)]
        out.append(result(f"the Dashboard page as the manager waits for it, {label}", "ms",
                          statistics.median(waited), board, 1000, 200,
                          "the real page offscreen: a load to every part shown and painted; "
                          f"runs {', '.join(f'{w:.0f}' for w in waited)}; raw column: the "
                          "counting alone (the row above)"))  # fmt: skip
    return out
