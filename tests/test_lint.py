"""The code stays ruff-clean: part of the one test command, so CI enforces it."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    out = subprocess.run([ruff, "check", "."], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_project_cites_only_its_own_files():
    """What a maintainer needs is in docs/; the code does not send them outside the repo."""
    pattern = ("DESIGN" + ".md", "../" + "shared")
    cited = []
    for folder in ("sqdesk", "tests", "benchmarks", "scripts", "docs"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".md", ".sh") and path.is_file():
                text = path.read_text(encoding="utf-8")
                cited += [f"{path.relative_to(ROOT)}: {p}" for p in pattern if p in text]
    for name in ("README.md", "pyproject.toml", "build.spec"):
        text = (ROOT / name).read_text(encoding="utf-8")
        cited += [f"{name}: {p}" for p in pattern if p in text]
    assert cited == []
    assert (ROOT / "docs" / "ARCHITECTURE.md").is_file()
