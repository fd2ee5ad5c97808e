"""Start and quit as the manager feels them, on the benchmark store, each a fresh process.

- Cold start: `sqdesk --smoke-test` prints when the main window was shown (three runs).
- Quit during the day's upkeep: the store's upkeep day is cleared so the upkeep runs (the
  file check, the daily copy of the whole file, expiry...); the window is closed two
  seconds after start, and the time from the close to the process being gone is taken.
- Memory: the app's largest resident size over a start (the child's own figure).
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

QUIT_AFTER = r"""
import sys, threading, time
from PySide6.QtCore import QMetaObject, Qt
from PySide6.QtWidgets import QApplication
from sqdesk import app

def close_soon():
    time.sleep(float(sys.argv[2]))
    print(f"closing {time.perf_counter()}", flush=True)
    QMetaObject.invokeMethod(QApplication.instance(), "closeAllWindows",
                             Qt.ConnectionType.QueuedConnection)

threading.Thread(target=close_soon, daemon=True).start()
sys.exit(app.main(["--db", sys.argv[1]]))
"""


def _env() -> dict:
    # The app as installed: Python keeps its compiled modules. A shell that says
    # PYTHONDONTWRITEBYTECODE (this benchmark machine's does) made every start compile the
    # app's 180 modules from source again, about 0.2 s a start that no shop pays; the first
    # of the runs writes the caches, as a shop's first start does.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "QT_QPA_PLATFORM": "offscreen"}


# The peak resident size of this process image (VmHWM: since the exec; the rusage figure
# would carry the benchmark's own 1.5 GB over from the fork).
SMOKE = r"""
import sys
from sqdesk import app
code = app.main(["--smoke-test", "--db", sys.argv[1]])
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print(f"max rss {int(line.split()[1]) / 1024:.0f} MB", flush=True)
sys.exit(code)
"""


def cold_start(db: Path, runs: int = 3) -> tuple[list[float], list[float]]:
    """(seconds to the main window, MB of the largest resident size) of each run."""
    starts, rss = [], []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", SMOKE, str(db)], capture_output=True,
                              text=True, env=_env(), timeout=300)  # fmt: skip
        found = re.search(r"after ([\d.]+) s", done.stdout)
        if found:
            starts.append(float(found.group(1)))
        found = re.search(r"max rss (\d+) MB", done.stdout)
        if found:
            rss.append(float(found.group(1)))
    return starts, rss


def quit_during_upkeep(db: Path, after_s: float = 2.0) -> float | None:
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("DELETE FROM setting WHERE key = 'upkeep.day'")
        conn.commit()
    proc = subprocess.Popen([sys.executable, "-c", QUIT_AFTER, str(db), str(after_s)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=_env())  # fmt: skip
    line = proc.stdout.readline()
    asked = time.monotonic()
    proc.wait(timeout=300)
    gone = time.monotonic() - asked
    return gone if line.startswith("closing") else None


def bench_start(db: Path, result) -> list:
    starts, rss = cold_start(db)
    gone = quit_during_upkeep(db)
    out = []
    if starts:
        out.append(result("cold start to the main window (--smoke-test, best of 3)", "s",
                          min(starts), None, 2, 1,
                          "runs: " + ", ".join(f"{s:.2f}" for s in starts)))  # fmt: skip
    if rss:
        out.append(result("memory of the app with the store open (max RSS)", "MB", max(rss),
                          None, None, 200))  # fmt: skip
    if gone is not None:
        out.append(result("quit during the day's upkeep: close to process gone", "s", gone,
                          None, 5, 1, "the upkeep stops; the next start finishes it"))  # fmt: skip
    return out
