"""The core must stay free of Qt so it runs (and is tested) without a display."""

import pkgutil
import subprocess
import sys

import sqdesk.core


def test_core_imports_no_qt():
    modules = [m.name for m in pkgutil.walk_packages(sqdesk.core.__path__, "sqdesk.core.")]
    modules = [m for m in modules if ".migrations" not in m]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'qasync'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt modules loaded by sqdesk.core: {out.stdout}"
    assert len(modules) >= 8
