"""Refresh the translation files: collect tr() strings, then compile .ts to .qm.

    python scripts/update_translations.py          # lupdate + lrelease
    python scripts/update_translations.py --release-only

After lupdate, translate new strings in resources/i18n/sqdesk_zh_CN.ts (Qt Linguist:
`pyside6-linguist resources/i18n/sqdesk_zh_CN.ts`), then run this again to compile.
tests/ui/test_translations.py fails while any zh_CN message is unfinished.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANGS = ("zh_CN", "en")


def sources() -> list[Path]:
    """Every module that can hold user-facing strings: the UI, the words printed on paper
    and the app wiring."""
    return [*sorted((ROOT / "sqdesk" / "ui").rglob("*.py")),
            *sorted((ROOT / "sqdesk" / "printing").rglob("*.py")), ROOT / "sqdesk" / "app.py"]


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else name


def lupdate(ts: Path, *, extra: tuple[str, ...] = ()) -> None:
    cmd = [
        tool("pyside6-lupdate"),
        *map(str, sources()),
        "-no-obsolete",
        "-locations",
        "none",
        *extra,
        "-ts",
        str(ts),
    ]
    subprocess.run(cmd, check=True, cwd=ROOT)


def lrelease(ts: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release-only", action="store_true")
    args = parser.parse_args()
    for lang in LANGS:
        ts = I18N / f"sqdesk_{lang}.ts"
        if not args.release_only:
            # English only needs the plural forms ("%n member(s)"): -pluralonly.
            lupdate(ts, extra=("-pluralonly",) if lang == "en" else ())
        lrelease(ts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
