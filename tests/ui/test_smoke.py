"""The app as a user starts it: a separate process, the real entry point."""

import os
import sqlite3
import subprocess
import sys
from contextlib import closing

from sqdesk.core.store import Store


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
