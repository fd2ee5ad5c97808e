"""The frozen one-folder build starts and shows its window (slow: builds with PyInstaller)."""

import gzip
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from sqdesk.core import migrate

ROOT = Path(__file__).resolve().parents[2]
UPGRADES = ROOT / "tests" / "fixtures" / "upgrades"
# 149.8 MB on Linux on 3 December 2026 (aim 150, issue 19; 149.3 before lz4). The limit
# leaves a little room for new releases of the packages (they are not pinned); a build past
# it means an exclusion in build.spec stopped working.
SIZE_LIMIT_MB = 152


def _folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def _unmet_links(folder: Path) -> list[str]:
    """Libraries a shipped ELF file links that are neither shipped nor left to the system
    on purpose: what build.spec dropped while something still needs it (Linux)."""
    from PyInstaller.depend.dylib import include_library  # False: the system's own (libc…)

    readelf = shutil.which("readelf")
    assert readelf, "readelf (binutils) is needed to check the frozen app's libraries"
    files = [f for f in folder.rglob("*") if f.is_file() and not f.is_symlink()]
    shipped = {f.name for f in folder.rglob("*")}
    unmet = []
    for f in files:
        with f.open("rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        dynamic = subprocess.run([readelf, "-d", str(f)], capture_output=True, text=True).stdout
        for name in re.findall(r"\(NEEDED\).*\[(.+?)\]", dynamic):
            # The dynamic loader itself is the system's, whatever PyInstaller's list says.
            if name not in shipped and include_library(name) and not name.startswith("ld-"):
                unmet.append(f"{f.relative_to(folder)} needs {name}")
    return unmet


@pytest.mark.packaging
def test_frozen_app_builds_and_passes_the_smoke_test(tmp_path):
    dist, work = tmp_path / "dist", tmp_path / "build"
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(dist),
         "--workpath", str(work), str(ROOT / "build.spec")],
        capture_output=True, text=True, timeout=900, cwd=ROOT,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-3000:]
    folder = dist / "sqdesk"
    exe = folder / ("sqdesk.exe" if sys.platform == "win32" else "sqdesk")
    assert exe.exists()
    internal = folder / "_internal"
    assert (internal / "resources" / "i18n" / "sqdesk_zh_CN.qm").exists()
    assert (internal / "sqdesk" / "core" / "migrations" / "env.py").exists()
    assert not list(internal.rglob("*QtSql*")), "QtSql must never ship (second SQLite copy)"
    assert not list(internal.rglob("*WebEngine*"))
    if sys.platform.startswith("linux"):
        assert not _unmet_links(folder)

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [str(exe), "--smoke-test", "--demo", "--lang", "zh_CN"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    assert "main window shown" in run.stdout

    # A shop's store from the first release, upgraded through every migration by the build.
    old = tmp_path / "old.sqdesk"
    old.write_bytes(gzip.decompress((UPGRADES / "store-0001.sqdesk.gz").read_bytes()))
    run = subprocess.run(
        [str(exe), "--smoke-test", "--db", str(old), "--lang", "zh_CN"],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    assert "main window shown" in run.stdout
    with closing(sqlite3.connect(old)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            migrate.head_revision()
        )

    size_mb = _folder_size(folder) / 1e6
    print(f"\nfrozen folder: {size_mb:.1f} MB")
    assert size_mb < SIZE_LIMIT_MB
