"""The app as a user starts it: a separate process, the real entry point."""

import os
import sqlite3
import subprocess
import sys
from contextlib import closing

from sqdesk.core import migrate
from sqdesk.core.store import Store
from tests.conftest import older_store, revision_of


def _run(*args, timeout=120):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "sqdesk", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def test_smoke_test_with_demo_exits_zero():
    out = _run("--smoke-test", "--demo", "--lang", "zh_CN")
    assert out.returncode == 0, out.stderr
    assert "main window shown" in out.stdout
    assert "演示" in out.stdout  # the DEMO title, translated


def test_smoke_test_on_a_store_file(tmp_path):
    db = tmp_path / "店.sqdesk"
    out = _run("--smoke-test", "--db", str(db), "--lang", "en")
    assert out.returncode == 0, out.stderr
    assert db.exists()
    assert "店 — sqdesk" in out.stdout


def test_smoke_test_on_a_store_of_an_older_version_upgrades_it(tmp_path):
    """The first start after an update: the store opened off the UI thread, its steps told
    to the dialog (sqdesk.app._opened), then the window."""
    db = older_store(tmp_path / "老店.sqdesk")
    out = _run("--smoke-test", "--db", str(db), "--lang", "zh_CN")
    assert out.returncode == 0, out.stderr
    assert "main window shown" in out.stdout
    assert revision_of(db) == migrate.head_revision()


def test_smoke_test_fails_on_a_store_it_cannot_open(tmp_path):
    db = tmp_path / "future.sqdesk"
    Store.open(db).close()
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
        conn.commit()
    out = _run("--smoke-test", "--db", str(db))
    assert out.returncode != 0
    assert "newer version" in out.stderr


def test_smoke_test_reports_a_store_open_in_another_copy(tmp_path):
    db = tmp_path / "locked.sqdesk"
    holder = Store.open(db, lock=True)
    try:
        out = _run("--smoke-test", "--db", str(db))
    finally:
        holder.close()
    assert out.returncode != 0
    assert "is open in sqdesk" in out.stderr


QUIT_DURING_UPKEEP = r"""
import sys, time
from sqlalchemy import text
from PySide6.QtCore import QMetaObject, Qt
from PySide6.QtWidgets import QApplication
from sqdesk import app
from sqdesk.core import ledger

def endless_expiry(store, today=None):
    # The day's upkeep at its longest: one SQLite statement that would never end.
    QMetaObject.invokeMethod(QApplication.instance(), "closeAllWindows",
                             Qt.ConnectionType.QueuedConnection)
    print("closing", flush=True)
    with store.session() as s:
        s.execute(text("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                       "SELECT count(*) FROM c")).scalar()
    return 0

ledger.expire = endless_expiry
sys.exit(app.main(["--db", sys.argv[1], "--lang", "en"]))
"""


def test_quitting_during_the_upkeep_is_gone_within_a_second(tmp_path):
    """The window closes while the day's upkeep is in a statement that would never end:
    the process is gone within a second, the store is whole, its lock released, and the
    day's upkeep is left for the next start."""
    import time

    from sqdesk.core import upkeep
    from sqdesk.core.check import run_checks
    from sqdesk.core.member_edit import MemberInput, create

    db = tmp_path / "茶语.sqdesk"
    with Store.open(db) as store:
        create(store, MemberInput(name="王芳"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-c", QUIT_DURING_UPKEEP, str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout.readline().strip() == "closing", proc.stderr.read()
        asked = time.monotonic()
        code = proc.wait(timeout=30)
        gone = time.monotonic() - asked
    finally:
        proc.kill()
    assert code == 0, proc.stderr.read()
    print(f"gone after {gone:.3f} s")
    assert gone < 1.0, f"the process took {gone:.2f} s to go"
    with Store.open(db, lock=True) as store:  # the lock was released
        assert upkeep.done_on(store) is None  # the next start does the day's upkeep
        assert not [p for p in run_checks(store) if p.problems]


# A module nothing in the app imports, imported after PySide6 in a fresh interpreter: does
# its source end up in linecache (PySide6's import hook reading it)?
_SOURCE_READ = r"""
import linecache, sys
from sqdesk.app import _skip_pyside_source_reads
if sys.argv[1] == "skip":
    _skip_pyside_source_reads()
else:
    import PySide6.QtCore
import sqlalchemy.dialects.postgresql.ranges as mod
print(mod.__file__ in linecache.cache)
"""


def _source_read(mode: str) -> bool:
    out = subprocess.run([sys.executable, "-c", _SOURCE_READ, mode], capture_output=True,
                         text=True, timeout=60)  # fmt: skip
    assert out.returncode == 0, out.stderr
    return out.stdout.strip() == "True"


def test_modules_imported_after_pyside6_are_not_read_as_source():
    # The app's start imports some 600 modules after PySide6; read and kept as source they
    # were 30 MB of its memory. Where this PySide6 still reads them, the app stops it.
    assert not _source_read("skip")
    # The control: without it, they are read (a PySide6 that no longer does this makes
    # app._skip_pyside_source_reads unneeded; this line says so).
    assert _source_read("plain"), "PySide6 no longer reads sources: drop the workaround"


# The start driven as a person would, in the app's own process: every 100 ms `act(w)` sees
# each visible top-level window `w` and may click or type in it (True: it acted, look again
# later); the main window, once shown, is printed by `seen(w)` and closed, which ends the
# app. sys.argv[1] is the store it starts on.
DRIVEN_START = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox
from sqdesk import app

qapp = QApplication([sys.argv[0]])
ACT

def step():
    for w in qapp.topLevelWidgets():
        if w.isVisible() and type(w).__name__ == "MainWindow":
            print("window:", seen(w), flush=True)
            qapp.closeAllWindows()
            return
        if w.isVisible() and act(w):
            break
    QTimer.singleShot(100, step)

QTimer.singleShot(100, step)
sys.exit(app.main(["--db", sys.argv[1], "--lang", "en"]))
"""


def _driven_start(tmp_path, act: str, *args) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}  # its own preferences  # fmt: skip
    return subprocess.run([sys.executable, "-c", DRIVEN_START.replace("ACT", act),
                           *map(str, args)], capture_output=True, text=True, timeout=120,
                          env=env)  # fmt: skip


# The box saying the store cannot be opened, its "Open Another Store…", the file dialog
# closed once without a choice, then the file chosen in it.
ANOTHER_STORE = r"""
cancelled_once = []

def seen(w):
    return w.windowTitle()

def act(w):
    if isinstance(w, QMessageBox) and hasattr(w, "other_button"):
        print("asked:", w.text(), flush=True)
        w.other_button.click()
        return True
    if isinstance(w, QFileDialog):
        if not cancelled_once:  # closed without a choice: asked again
            cancelled_once.append(True)
            print("dialog closed", flush=True)
            w.reject()
            return True
        # As a person types it (selectFile leaves a focused name field as it is).
        w.findChild(QLineEdit, "fileNameEdit").setText(sys.argv[2])
        w.accept()
        print("chose", flush=True)
        return True
    return False
"""


def test_a_store_that_cannot_be_opened_at_start_offers_another(tmp_path):
    """A store that cannot be opened at start (here one saved by a newer sqdesk; a server
    that is down is the everyday case) no longer shuts the manager out until it is back:
    the box offers another store, the file dialog asks again when closed without a choice,
    and the window opens on the store chosen."""
    from sqdesk.core.member_edit import MemberInput, create

    future = tmp_path / "future.sqdesk"
    Store.open(future).close()
    with closing(sqlite3.connect(future)) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
        conn.commit()
    mine = tmp_path / "本店·自己的😀.sqdesk"
    with Store.open(mine) as store:
        create(store, MemberInput(name="王芳"))
    out = _driven_start(tmp_path, ANOTHER_STORE, future, mine)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    asked = [line for line in lines if line.startswith("asked:")]
    assert len(asked) == 2 and "newer version" in asked[0]  # asked again after the close
    assert "dialog closed" in lines and "chose" in lines
    assert lines[-1] == f"window: {mine.stem} — sqdesk"


READ_ONLY_AT_START = r"""
def seen(w):
    return w.store.read_only

def act(w):
    if isinstance(w, QMessageBox) and hasattr(w, "read_only_button"):
        print("asked:", w.text(), flush=True)
        w.read_only_button.click()
        return True
    return False
"""


def test_a_store_open_in_another_copy_opens_read_only_at_start_when_asked(tmp_path):
    db = tmp_path / "茶语·总店.sqdesk"
    holder = Store.open(db, lock=True)
    try:
        out = _driven_start(tmp_path, READ_ONLY_AT_START, db)
    finally:
        holder.close()
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("asked:") and "is open in sqdesk" in lines[0]
    assert lines[-1] == "window: True"


# Cancel on the dialog while the server is reached, then Quit in the box that follows.
CANCEL_CONNECTING = r"""
from PySide6.QtWidgets import QProgressDialog, QPushButton

def seen(w):
    return w.windowTitle()

def act(w):
    if isinstance(w, QProgressDialog):
        cancel = w.findChild(QPushButton)
        if cancel is not None and cancel.isVisible():
            print("connecting:", w.labelText(), flush=True)
            cancel.click()
            return True
    if isinstance(w, QMessageBox) and hasattr(w, "other_button"):
        print("asked:", w.text(), flush=True)
        next(b for b in w.buttons()
             if w.buttonRole(b) == QMessageBox.ButtonRole.RejectRole).click()
        return True
    return False
"""


def test_cancel_while_a_server_is_reached_at_start_ends_the_wait_at_once(tmp_path):
    """A server that does not answer (a socket that takes the connection and never speaks)
    held the start for its whole time-out with nothing to click: Cancel now ends the wait,
    the box offers another store, and Quit leaves at once, not after the time-out."""
    import socket
    import time

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    try:
        url = f"postgresql+psycopg://shop:秘密@127.0.0.1:{silent.getsockname()[1]}/sqdesk"
        started = time.monotonic()
        out = _driven_start(tmp_path, CANCEL_CONNECTING, url)
        took = time.monotonic() - started
    finally:
        silent.close()
    assert out.returncode == 0, out.stderr  # stopped, then quit: nothing went wrong
    lines = out.stdout.splitlines()
    assert lines[0].startswith("connecting:") and "server" in lines[0]
    assert lines[1].startswith("asked: Stopped connecting") and "秘密" not in lines[1]
    assert "***" in lines[1]  # the address named, its password hidden
    from sqdesk.core.store import SERVER_TIMEOUT_S

    assert took < SERVER_TIMEOUT_S - 2, f"{took:.1f} s: the quit waited for the time-out"
