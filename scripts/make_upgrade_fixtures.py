"""Small store files made by the code of each earlier schema revision, for
tests/core/test_upgrades.py: for every migration, the commit that added it is checked out
in a temporary worktree and its own command line fills a demo store; the file is vacuumed,
gzipped and kept in tests/fixtures/upgrades/ with what it held (members, visits, the sum of
balances) in manifest.json.

    .venv/bin/python scripts/make_upgrade_fixtures.py

Run it again only to add the revision a new migration replaces (existing files are kept).
"""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "upgrades"
VERSIONS = ROOT / "sqdesk" / "core" / "migrations" / "versions"


# A migration changed after the commit that added it, before any release: its store is
# made by the commit that holds its final text. 0039 first left the latest contacts empty
# (built on first use); 8c748c5 fills them, as every store upgraded since has them.
MADE_AT = {"0039": "8c748c582f25a68cd25e21313b4c1cacfbae59f3"}


def added_in(path: Path) -> str:
    out = subprocess.run(["git", "log", "--diff-filter=A", "--format=%H", "--", str(path)],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return out[-1]


def facts(db: Path) -> dict:
    with closing(sqlite3.connect(db)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "revision": one("SELECT version_num FROM alembic_version"),
            "members": one("SELECT count(*) FROM member"),
            "visits": one("SELECT count(*) FROM visit") if "visit" in tables else 0,
            "balance_sum": (one("SELECT coalesce(sum(balance), 0) FROM member_points")
                            if "member_points" in tables else 0),
            "ledger_sum": (one("SELECT coalesce(sum(amount), 0) FROM ledger_entry")
                           if "ledger_entry" in tables else 0),
        }  # fmt: skip


def main() -> int:
    manifest_path = OUT / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    migrations = sorted(VERSIONS.glob("0*.py"))
    for path in migrations[:-1]:  # the newest is what the current code makes
        name = path.name.split("_")[0]
        target = OUT / f"store-{name}.sqdesk.gz"
        if target.exists():
            continue
        commit = MADE_AT.get(name) or added_in(path)
        work = Path(tempfile.mkdtemp(prefix="sqdesk-rev-"))
        tree = work / "tree"
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), commit], cwd=ROOT,
                       check=True, capture_output=True)  # fmt: skip
        try:
            db = work / "store.sqdesk"
            made = subprocess.run([sys.executable, "-m", "sqdesk.cli", "--db", str(db), "demo",
                                   "--members", "12"], cwd=tree, capture_output=True,
                                  text=True)  # fmt: skip
            if made.returncode != 0:
                print(f"{name}: the demo at {commit[:7]} failed: {made.stderr[-300:]}")
                continue
            with closing(sqlite3.connect(db)) as conn:
                conn.execute("PRAGMA journal_mode=DELETE")
                conn.execute("VACUUM")
            manifest[name] = facts(db) | {"commit": commit[:10]}
            with db.open("rb") as src, gzip.open(target, "wb", compresslevel=9) as dst:
                shutil.copyfileobj(src, dst)
            print(f"{name}: {target.name} {target.stat().st_size // 1024} KB {manifest[name]}")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT,
                           capture_output=True)  # fmt: skip
            shutil.rmtree(work, ignore_errors=True)
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
