"""Wiring: the QApplication on a qasync loop, translators, the store, the main window.

sqdesk [--db PATH_OR_URL] [--demo] [--lang zh_CN|en] [--smoke-test]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path

from sqdesk import APP_NAME, ORG_NAME, __version__
from sqdesk.core import paths

log = logging.getLogger("sqdesk")
STARTED = time.perf_counter()  # for the smoke test's "shown after" figure

DEMO_MEMBERS = 3000
EXIT_ERROR = 1
QUIT_WAIT_MS = 3000  # background work stops in milliseconds; this is only a bound


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="sqdesk", description="sqdesk desktop app")
    parser.add_argument("--version", action="version", version=f"sqdesk {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="store file or SQLAlchemy URL")
    parser.add_argument(
        "--demo", action="store_true", help="open a throwaway store full of demo members"
    )
    parser.add_argument(
        "--demo-members", type=int, default=DEMO_MEMBERS, metavar="N", help=argparse.SUPPRESS
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, show the main window, then exit (0 on success)",
    )
    # Whatever is not ours (Qt's -platform, -style ...) passes through to QApplication.
    args, args.qt_args = parser.parse_known_args(argv)
    return args


def _setup_logging() -> None:
    log_dir = paths.data_dir() / "logs"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            log_dir / "sqdesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)


class DemoStore:
    """A throwaway store in a temporary folder, removed when the app exits."""

    def __init__(self, members: int) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="sqdesk-demo-"))
        self.members = members

    def open(self):
        from sqdesk.core.demo import fill_demo_store
        from sqdesk.core.store import Store

        store = Store.open(self.folder / "demo.sqdesk")
        fill_demo_store(store, members=self.members)
        return store

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


async def _opened(target):
    """Open the store off the UI thread. Usually that takes a blink; the first start after an
    upgrade migrates the schema and may rebuild the search index (about 12 s at 100,000
    members; 0032's rewrite of every timestamp about 45 s there, 0041's copy of the ledger
    and the VACUUM after it 39 s), so a dialog says which step it is on if it takes longer
    than a moment, with Cancel until the upgrade commits (sqdesk.ui.opening): Cancelled
    then, and the store is as it was."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from sqdesk.core.jobs import stoppable
    from sqdesk.core.store import Store, is_server
    from sqdesk.ui.opening import OpeningSteps

    busy = QProgressDialog(QApplication.translate("app", "Opening the store…"), "", 0, 0)
    busy.setCancelButton(None)  # until a step that can stop begins (sqdesk.ui.opening)
    busy.setWindowTitle("sqdesk")
    busy.setAutoReset(False)
    busy.setAutoClose(False)
    stop = threading.Event()
    steps = OpeningSteps(busy, stop.set, server=is_server(target))
    loop = asyncio.get_running_loop()

    def work():
        with stoppable(stop.is_set):
            return Store.open(target, lock=True, should_stop=stop.is_set,
                              progress=lambda step, total: loop.call_soon_threadsafe(
                                  steps.show, step, total))  # fmt: skip

    QTimer.singleShot(700, busy, busy.show)
    try:
        if is_server(target):
            # A server that does not answer holds the connection until SERVER_TIMEOUT_S:
            # Cancel ends the wait at once (ConnectStopped).
            busy.setLabelText(QApplication.translate("app", "Connecting to the server…"))
            busy.setCancelButtonText(QApplication.translate("app", "Cancel"))
            return await _connected(work, busy)
        return await loop.run_in_executor(None, work)
    finally:
        busy.close()
        busy.deleteLater()


class ConnectStopped(Exception):
    """Cancel while a server was being reached at start."""


async def _connected(work, busy):
    """work() (opening a store on a server) on a thread of its own, and its result, unless
    `busy` is cancelled first: then ConnectStopped at once, and a store that opens after
    all is closed. The thread is a daemon: a quit never waits for a server's time-out."""
    loop = asyncio.get_running_loop()
    result = loop.create_future()

    def deliver(store) -> None:
        if result.done():
            store.close()  # given up on before it answered
        else:
            result.set_result(store)

    def fail(exc: BaseException) -> None:
        if not result.done():
            result.set_exception(exc)

    def run() -> None:
        try:
            store = work()
        except BaseException as exc:  # delivered to the start, which reports it
            loop.call_soon_threadsafe(fail, exc)
        else:
            loop.call_soon_threadsafe(deliver, store)

    busy.canceled.connect(lambda: fail(ConnectStopped()))
    threading.Thread(target=run, name="sqdesk-connect", daemon=True).start()
    return await result


async def _another_store(reason: str) -> str | None:
    """A store that cannot be opened at start (its server down, the file damaged or made by
    a newer sqdesk): the reason, and the choice of another store to work in meanwhile, in
    the folder of the shop's own file on this PC. The store chosen, or None to quit (a file
    dialog closed without a choice asks again)."""
    from PySide6.QtWidgets import QApplication

    from sqdesk.ui.store_messages import cannot_open_box, store_file_dialog

    while True:
        if not await _asked(cannot_open_box(reason), "other_button"):
            return None
        dialog = store_file_dialog(None, QApplication.translate("app", "Open Another Store"),
                                   str(paths.default_store_path().parent))  # fmt: skip
        dialog.setFileMode(dialog.FileMode.ExistingFile)
        if path := await _file_chosen(dialog):
            return path


async def _file_chosen(dialog) -> str | None:
    chosen = asyncio.get_running_loop().create_future()
    dialog.fileSelected.connect(lambda f: chosen.done() or chosen.set_result(f))
    dialog.rejected.connect(lambda: chosen.done() or chosen.set_result(None))
    dialog.open()
    return await chosen


async def _asked(box, button: str) -> bool:
    """The box opened (not exec(): a nested loop inside qasync starves running tasks); True
    when it was closed with its `button`."""
    answer = asyncio.get_running_loop().create_future()
    box.finished.connect(
        lambda _r: answer.done() or answer.set_result(box.clickedButton() is getattr(box, button)))
    box.open()
    return await answer


async def _run(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

    from sqdesk.core.errors import StoreError
    from sqdesk.core.jobs import Cancelled
    from sqdesk.core.store import Store, StoreLocked, safe_location
    from sqdesk.ui import prefs
    from sqdesk.ui.jobs import stop_all_jobs, wait_for_jobs
    from sqdesk.ui.main_window import PAGE_KEYS, MainWindow
    from sqdesk.ui.refusals import refusal_text
    from sqdesk.ui.store_messages import locked_box

    app = QApplication.instance()
    assert app is not None
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def finish(code: int) -> None:
        if not done.done():
            done.set_result(code)

    demo = DemoStore(args.demo_members) if args.demo else None
    target = args.db or prefs.last_store() or paths.default_store_path()
    # Until the window shows, a start's own box closing (the store in use, another store
    # chosen) is not the app closing: this coroutine says when it ends.
    app.setQuitOnLastWindowClosed(False)
    while True:  # until a store is open: the one asked for, or another the user chose
        try:
            if demo is not None:
                # Making the demo takes a few seconds: off the UI thread, with a busy dialog.
                busy = QProgressDialog(
                    QApplication.translate("app", "Making a demo store with %1 members…")
                    .replace("%1", f"{args.demo_members:,}"), "", 0, 0)  # fmt: skip
                busy.setCancelButton(None)
                busy.setWindowTitle("sqdesk")
                busy.setMinimumDuration(0)
                busy.show()
                try:
                    store = await asyncio.get_running_loop().run_in_executor(None, demo.open)
                finally:
                    busy.close()
            else:
                try:
                    store = await _opened(target)
                except Cancelled:
                    if args.smoke_test:
                        raise
                    box = QMessageBox(QMessageBox.Icon.Information, "sqdesk",
                                      QApplication.translate(
                        "app", "The upgrade was stopped before it changed anything: the "
                        "store is as it was. sqdesk needs the upgrade to open it; start sqdesk "
                        "again when there are a few minutes to wait."))  # fmt: skip
                    box.finished.connect(lambda _r: finish(0))
                    box.open()
                    return await done
                except StoreLocked as exc:
                    if args.smoke_test:
                        raise
                    if not await _asked(locked_box(exc), "read_only_button"):
                        return 0  # Cancel: nothing to show
                    store = Store.open(target, read_only=True)
                except ConnectStopped:
                    chosen = await _another_store(QApplication.translate(
                        "app", "Stopped connecting to %1: that store was not opened.").replace(
                        "%1", safe_location(target)))  # fmt: skip
                    if chosen is None:
                        return 0  # asked to stop, then to quit: nothing went wrong
                    target = chosen
                    continue
            break
        except StoreError as exc:
            log.error("could not open the store: %s", exc)
            if args.smoke_test:
                print(f"error: {exc}", file=sys.stderr)
                return EXIT_ERROR
            chosen = await _another_store(refusal_text(exc))
            if chosen is None:
                return EXIT_ERROR
            demo, target = None, chosen

    window = MainWindow(store, demo=demo is not None)
    app.setQuitOnLastWindowClosed(True)
    app.lastWindowClosed.connect(lambda: finish(0))
    window.show()
    if not args.smoke_test:
        window.offer_setup()  # a new shop's first start: its name, hours, points
    # Everything made during start-up lives as long as the app: keep it out of the cyclic
    # GC's way, so later collections are short (no pause while the manager types).
    gc.collect()
    gc.freeze()
    if args.smoke_test:
        # Exit once the window has been shown and painted: a later event-loop turn.
        def shown() -> None:
            elapsed = time.perf_counter() - STARTED
            ok = window.isVisible() and window.pages.currentWidget() is window.today_page
            print(f"smoke-test: main window shown ({window.windowTitle()}) after {elapsed:.2f} s")
            # Then every other page, built as it would be when first opened: the smoke test
            # (the frozen app's too) covers them all, after the start it times.
            for key in PAGE_KEYS:
                ok = ok and window.page(key).isWidgetType()
            ok = ok and window.members_page.model.rowCount() >= 0
            finish(0 if ok else EXIT_ERROR)

        QTimer.singleShot(0, shown)
    try:
        return await done
    finally:
        # The window goes first: a window still on screen would paint rows from a store
        # that is closed (or, for the demo, deleted).
        window.hide()
        # Background work (the day's upkeep, counts) is asked to stop: it ends between its
        # chunks or inside its SQLite statement and rolls back, within milliseconds, before
        # the store closes and its lock is released. The next start finishes the upkeep.
        stop_all_jobs()
        if not wait_for_jobs(QUIT_WAIT_MS):
            log.warning("background work did not stop within %d ms", QUIT_WAIT_MS)
        window.deleteLater()
        window.store.close()
        if demo is not None:
            demo.remove()


def _skip_pyside_source_reads() -> None:
    """Once PySide6 is imported, its import hook reads the source of every module imported
    after it (shibokensupport's `_mod_uses_pyside`: inspect.getsource, looking for the text
    "PySide6", to give the module its `__feature__` default), and linecache keeps all of
    it: some 30 MB and 0.1 s at every start. sqdesk selects no `__feature__`, so every
    module gets the default a PySide6 user gets (docs/ARCHITECTURE.md, "Start-up and
    memory"). A PySide6 without that hook is left alone."""
    import PySide6.QtCore  # noqa: F401  (installs the hook)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda _module: True


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    _setup_logging()
    _skip_pyside_source_reads()

    import qasync
    from PySide6.QtWidgets import QApplication

    from sqdesk.ui import collector, i18n, prefs
    from sqdesk.ui.style import apply_style

    QApplication.setOrganizationName(ORG_NAME)
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication([sys.argv[0], *args.qt_args])
    collector.install(app)  # cycles are freed on this thread only, never on a pool's
    lang = i18n.choose_language(args.lang, prefs.language())
    translators = i18n.install_translators(app, lang)
    apply_style(app)

    failure: list[str] = []

    def excepthook(exc_type, exc, tb) -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unhandled error:\n%s", text)
        failure.append(text)
        if args.smoke_test:
            print(text, file=sys.stderr)
            app.exit(EXIT_ERROR)

    sys.excepthook = excepthook
    try:
        code = qasync.run(_run(args))
    except Exception:
        excepthook(*sys.exc_info())
        code = EXIT_ERROR
    del translators
    if args.smoke_test and failure:
        return EXIT_ERROR
    return code


if __name__ == "__main__":
    sys.exit(main())
