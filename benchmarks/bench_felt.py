"""A keystroke as the manager feels it, beside the naive peer.

Felt: the real Members page, shown (offscreen) in the app's own look (Fusion and its style
sheet, as the app applies them: a style sheet costs the roster's paint about 1 ms), each
word typed into its search box one key at a time with QTest, keys 150 ms apart as a person
types. Each key is timed from the key press to the end of the first paint of the roster's
viewport after the roster changed, including the page's coalescing timer and the Qt
model's update: what the eye waits for.

The naive peer: what a quick Qt app does, a QSqlTableModel over the same members (every row
fetched) with a QSortFilterProxyModel filtering the name column by the typed text; each key
is timed from setting the filter to the first screenful's data read (its filter alone, no
paint: the peer's best case). The same peer is then felt as sqdesk is: in a QTableView of
the roster's size under a search box, each key timed to the table's paint, in Qt's own look
(a quick app has no style sheet). Both ratios of the p95s are printed, and beside each felt
figure its floor: the table's paint alone.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from sqdesk.core import members
from sqdesk.core.store import Store

KEY_GAP_S = 0.150  # a person's pause between two keys
SCREENFUL = 40


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def felt_keystrokes(store: Store, words: list[str]) -> tuple[list[tuple[str, float]], float]:
    """(text after the key, ms from key press to the roster painted) for every key that
    changes what the roster shows; and the ms of one paint of the roster alone."""
    from PySide6.QtWidgets import QApplication

    from sqdesk.ui import collector

    app = QApplication.instance() or QApplication(["bench"])
    ticking = collector.install(app)  # the cyclic collector as the app has it: on its tick
    try:
        with _shipped_look(app):
            return _felt(app, store, words)
    finally:
        ticking.uninstall()  # the rest of the run has no event loop to tick it


def _felt(app, store: Store, words: list[str]) -> tuple[list[tuple[str, float]], float]:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sqdesk.ui.jobs import wait_for_jobs
    from sqdesk.ui.members.page import MembersPage

    page = MembersPage(store)
    page.resize(1180, 760)
    page.show()
    QTest.qWaitForWindowExposed(page)
    viewport = page.table.viewport()
    state = {"reset": False, "painted_at": None}

    class PaintWatch(QObject):
        def eventFilter(self, watched, event):
            if (watched is viewport and event.type() == QEvent.Type.Paint
                    and state["reset"] and state["painted_at"] is None):  # fmt: skip
                # The paint runs after this filter returns (it reads the visible rows):
                # the time is taken when the event loop's turn that painted has ended.
                state["painted_at"] = "pending"
            return False

    watch = PaintWatch()
    viewport.installEventFilter(watch)

    def after_paint():
        if state["painted_at"] == "pending":
            state["painted_at"] = time.perf_counter()

    page.model.modelReset.connect(lambda: state.update(reset=True))
    out: list[tuple[str, float]] = []
    for word in words:
        page.search.clear()
        _settle(app, 0.3)
        for ch in word:
            before = members.search_key(page.search.text() + ch)
            changes = before != members.search_key(page.search.text())
            state.update(reset=False, painted_at=None)
            t = time.perf_counter()
            if ch.isascii():
                QTest.keyClicks(page.search, ch)
            else:  # Chinese arrives as an input method commits it (QTest knows only ASCII)
                event = QInputMethodEvent()
                event.setCommitString(ch)
                QApplication.sendEvent(page.search, event)
            deadline = t + 2.0
            while time.perf_counter() < deadline:
                app.processEvents()
                after_paint()
                if isinstance(state["painted_at"], float):
                    break
                if not changes and time.perf_counter() - t > 0.1:
                    break
            if changes and isinstance(state["painted_at"], float):
                out.append((page.search.text(), (state["painted_at"] - t) * 1000))
            _settle(app, KEY_GAP_S)
    viewport.removeEventFilter(watch)
    paint = _paint_alone(app, viewport)
    page.close()
    wait_for_jobs()  # the roster's background ranking, before the page goes
    app.processEvents()
    del page
    return out, paint


@contextmanager
def _shipped_look(app) -> Iterator[None]:
    """The look the app gives itself at start (sqdesk.ui.style), for as long as sqdesk is
    measured; Qt's own after."""
    from sqdesk.ui.style import apply_style

    style, sheet = app.style().name(), app.styleSheet()
    apply_style(app)
    try:
        yield
    finally:
        app.setStyleSheet(sheet)
        app.setStyle(style)


def _paint_alone(app, viewport) -> float:
    """The median ms of painting the table's visible rows again, nothing changed: the floor
    of any keystroke that ends in a paint."""
    times = []
    for _ in range(20):
        t = time.perf_counter()
        viewport.repaint()
        times.append((time.perf_counter() - t) * 1000)
        app.processEvents()
    return statistics.median(times)


def _settle(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def peer_keystrokes(db: Path, words: list[str]) -> tuple[list[float], tuple[list[float], float]]:
    """The naive peer's ms per keystroke (filter and first screenful, no paint), then the
    same keys felt (to the paint) and its paint alone."""
    from PySide6.QtCore import QRegularExpression, QSortFilterProxyModel
    from PySide6.QtSql import QSqlDatabase, QSqlTableModel
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])
    conn = QSqlDatabase.addDatabase("QSQLITE", "peer")
    conn.setDatabaseName(str(db))
    conn.setConnectOptions("QSQLITE_OPEN_READONLY")
    if not conn.open():
        return [], ([], 0.0)
    model = QSqlTableModel(None, conn)
    model.setTable("member")
    model.setFilter("archived = 0")
    model.select()
    while model.canFetchMore():
        model.fetchMore()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(model.fieldIndex("name"))  # the name only: its best case
    proxy.setFilterCaseSensitivity(proxy.filterCaseSensitivity().CaseInsensitive)
    out = []
    for word in words:
        for i in range(len(word)):
            t = time.perf_counter()
            proxy.setFilterRegularExpression(
                QRegularExpression(QRegularExpression.escape(word[: i + 1])))
            for r in range(min(SCREENFUL, proxy.rowCount())):
                proxy.data(proxy.index(r, 2))
            out.append((time.perf_counter() - t) * 1000)
    felt = _peer_felt(app, proxy, words)
    del proxy, model
    conn.close()
    del conn
    QSqlDatabase.removeDatabase("peer")
    return out, felt


def _peer_felt(app, proxy, words: list[str]) -> tuple[list[float], float]:
    """The peer as a person feels it: its proxy in a QTableView of the roster's size, a
    search box whose text sets the filter, each key timed to the table's paint as sqdesk's
    are; and its paint alone."""
    from PySide6.QtCore import QEvent, QObject, QRegularExpression
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

    window = QWidget()
    box, view = QLineEdit(window), QTableView(window)
    layout = QVBoxLayout(window)
    layout.addWidget(box)
    layout.addWidget(view)
    view.setModel(proxy)
    box.textChanged.connect(lambda text: proxy.setFilterRegularExpression(
        QRegularExpression(QRegularExpression.escape(text))))  # fmt: skip
    window.resize(1180, 760)
    window.show()
    QTest.qWaitForWindowExposed(window)
    viewport = view.viewport()
    state = {"armed": False, "painted_at": None}

    class PaintWatch(QObject):
        def eventFilter(self, watched, event):
            if (watched is viewport and event.type() == QEvent.Type.Paint and state["armed"]
                    and state["painted_at"] is None):  # fmt: skip
                state["painted_at"] = "pending"
            return False

    watch = PaintWatch()
    viewport.installEventFilter(watch)
    out = []
    for word in words:
        if not word.isascii():
            continue  # QTest types ASCII only; the peer matches Latin letters alike
        box.clear()
        _settle(app, 0.3)
        for ch in word:
            state.update(armed=True, painted_at=None)
            t = time.perf_counter()
            QTest.keyClicks(box, ch)
            while time.perf_counter() < t + 2.0:
                app.processEvents()
                if state["painted_at"] == "pending":
                    state["painted_at"] = time.perf_counter()
                if isinstance(state["painted_at"], float):
                    out.append((state["painted_at"] - t) * 1000)
                    break
            _settle(app, KEY_GAP_S)
    viewport.removeEventFilter(watch)
    box.clear()  # a full screen of rows: Latin letters find no Chinese name in the peer
    _settle(app, 0.3)
    paint = _paint_alone(app, viewport)
    window.close()
    view.setModel(None)
    return out, paint


def _members_only(db: Path) -> Path:
    """The member table alone, in a file of its own, for the peer. QtSql carries its own
    SQLite: two SQLite libraries on one WAL file in one process each think they hold the
    last connection, and the one closing truncates the shared-memory file under the other
    (a bus error in the benchmark's next raw write)."""
    copy = db.with_name("peer-members.sqlite")
    copy.unlink(missing_ok=True)
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute("ATTACH DATABASE ? AS store", (str(db),))
        conn.execute("CREATE TABLE member AS SELECT * FROM store.member")
        conn.commit()
    return copy


def bench_felt(store: Store, words: list[str], result) -> list:
    felt, paint = felt_keystrokes(store, words)
    ms = [m for _, m in felt]
    peer, (peer_felt, peer_paint) = (peer_keystrokes(_members_only(store.path), words)
                                     if store.path is not None else ([], ([], 0.0)))
    out = []
    if ms:
        worst = max(felt, key=lambda f: f[1])
        out.append(result("key press → roster painted, p50 (real page, keys 150 ms apart)",
                          "ms", statistics.median(ms), None, None, 16,
                          f"{len(ms)} keys that change the roster"))  # fmt: skip
        out.append(result("key press → roster painted, p95", "ms", _percentile(ms, 0.95),
                          paint, 100, 16, f"slowest {worst[0]!r}: {worst[1]:.0f} ms; the floor "
                          "is the roster's paint alone, nothing changed", floor=True))  # fmt: skip
    if peer and ms:
        ratio = _percentile(peer, 0.95) / _percentile(ms, 0.95)
        out.append(result("naive peer per keystroke, p95 (QSqlTableModel + proxy filter)",
                          "ms", _percentile(peer, 0.95), None, None, None,
                          f"its filter alone, no paint; p50 {statistics.median(peer):.0f} ms; "
                          f"sqdesk's felt p95 is {ratio:.1f}x faster"))  # fmt: skip
    if peer_felt and ms:
        ratio = _percentile(peer_felt, 0.95) / _percentile(ms, 0.95)
        out.append(result("naive peer felt, key press → table painted, p95", "ms",
                          _percentile(peer_felt, 0.95), peer_paint, None, None,
                          f"the same keys and window size; sqdesk's is {ratio:.1f}x faster; "
                          "the floor is its paint alone"))  # fmt: skip
    return out
