import json
import shutil
import subprocess
import sys

from sqdesk import cli


def run(capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_demo_then_info_json(tmp_path, capsys):
    db = str(tmp_path / "cli.sqdesk")
    code, out, _ = run(capsys, "--db", db, "demo", "--members", "120", "--seed", "5")
    assert code == 0 and "120" in out
    code, out, _ = run(capsys, "--db", db, "info", "--json")
    assert code == 0
    info = json.loads(out)
    assert info["location"] == db
    assert info["revision"] == info["head"]
    assert info["counts"]["member"] == 120


def test_info_text(tmp_path, capsys):
    code, out, _ = run(capsys, "--db", str(tmp_path / "t.sqdesk"), "info")
    assert code == 0 and "revision" in out and "member" in out


def test_check_ok_and_failing(tmp_path, capsys):
    db = tmp_path / "c.sqdesk"
    run(capsys, "--db", str(db), "demo", "--members", "50")
    code, out, _ = run(capsys, "--db", str(db), "check")
    assert code == 0 and out.startswith("ok")
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100 + b"garbage" * 500)
    code, out, err = run(capsys, "--db", str(db), "check")
    assert code == 1
    assert "problem" in err


def test_store_from_the_future_is_an_error_not_a_traceback(tmp_path, capsys):
    import sqlite3
    from contextlib import closing

    db = tmp_path / "f.sqdesk"
    run(capsys, "--db", str(db), "info")
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
        conn.commit()
    code, _, err = run(capsys, "--db", str(db), "info")
    assert code == 2 and "newer version" in err


def test_console_script_is_installed(tmp_path):
    exe = shutil.which("sqdesk-cli") or str(
        __import__("pathlib").Path(sys.executable).with_name("sqdesk-cli")
    )
    out = subprocess.run(
        [exe, "--db", str(tmp_path / "s.sqdesk"), "info", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["counts"]["member"] == 0
