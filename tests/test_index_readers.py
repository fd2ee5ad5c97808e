"""scripts/sql_trace.py and scripts/index_readers.py: the statements a process runs are
written once per shape, and each index is listed with the statements that read it."""

import importlib.util
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_statements_are_kept_once_per_shape_and_inserts_left_out(tmp_path):
    trace = _script("sql_trace")
    tracer = trace._Tracer(tmp_path / "trace")
    for sql in ("SELECT * FROM m WHERE code = '张三' AND id IN (1, 2, 3)",
                "SELECT * FROM m WHERE code = 'lisi' AND id IN (4, 5)",  # same shape
                "SELECT * FROM m WHERE name = '王芳'",
                "INSERT INTO m VALUES (1, 'x')", "  PRAGMA foreign_keys = ON"):  # fmt: skip
        tracer(sql)
    kept = _script("index_readers").statements(tmp_path / "trace")
    assert kept == ["SELECT * FROM m WHERE code = '张三' AND id IN (1, 2, 3)",
                    "SELECT * FROM m WHERE name = '王芳'"]  # fmt: skip


def test_each_index_is_listed_with_its_readers(tmp_path, capsys):
    store = tmp_path / "s.sqlite"
    with closing(sqlite3.connect(store)) as conn:
        conn.execute("CREATE TABLE m (id INTEGER PRIMARY KEY, code TEXT UNIQUE, name TEXT, "
                     "joined TEXT)")  # fmt: skip
        conn.execute("CREATE INDEX ix_m_name ON m (name)")
        conn.execute("CREATE INDEX ix_m_joined ON m (joined)")
        conn.executemany("INSERT INTO m (code, name, joined) VALUES (?, ?, ?)",
                         [(f"c{i}", f"名{i}", f"2026-{i % 12 + 1:02}-01") for i in range(500)])
        conn.commit()
    trace = tmp_path / "trace"
    trace.mkdir()
    (trace / "statements.1.sql").write_text(
        "SELECT id FROM m WHERE name = '名3'\n;;\nSELECT count(*) FROM m WHERE name > '名'\n;;\n"
        "SELECT * FROM gone WHERE x = 1\n;;\n", encoding="utf-8")
    assert _script("index_readers").main([str(store), str(trace)]) == 0
    out = capsys.readouterr().out
    assert "2 statements explained, 1 not" in out
    assert "ix_m_joined: 0 readers" in out  # no statement reads it: listed first
    assert out.index("ix_m_joined") < out.index("ix_m_name")
    assert "ix_m_name: 2 readers" in out
