"""The core boundary is the Store (docs/ARCHITECTURE.md, "Layers"): the UI reaches the
database only through core services that take the Store and give back ids, plain values or
frozen dataclasses. No session, no ORM object and no SQL in sqdesk/ui."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

import sqdesk.core.models as models

ROOT = Path(__file__).resolve().parents[1]
UI_FILES = [*sorted((ROOT / "sqdesk" / "ui").rglob("*.py")), ROOT / "sqdesk" / "app.py"]
ORM_NAMES = {
    name for name, obj in vars(models).items()
    if isinstance(obj, type) and issubclass(obj, models.Base) and obj is not models.Base
}  # fmt: skip


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def test_the_ui_opens_no_session_and_imports_no_models():
    bad = []
    for path in UI_FILES:
        rel = path.relative_to(ROOT)
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Attribute) and node.attr in ("session", "read"):
                parent_is_store = isinstance(node.value, ast.Attribute | ast.Name) and (
                    getattr(node.value, "attr", getattr(node.value, "id", "")).endswith("store"))
                if parent_is_store:
                    bad.append(f"{rel}:{node.lineno} opens a unit of work (.{node.attr}())")
            if isinstance(node, ast.ImportFrom) and node.module:
                names = {a.name for a in node.names}
                if node.module == "sqdesk.core.models" or (
                        node.module == "sqdesk.core" and "models" in names):
                    bad.append(f"{rel}:{node.lineno} imports the ORM models")
                if node.module.startswith("sqlalchemy") and names != {"__version__"}:
                    bad.append(f"{rel}:{node.lineno} imports SQLAlchemy")
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.startswith(("sqlalchemy", "sqdesk.core.models")):
                        bad.append(f"{rel}:{node.lineno} imports {a.name}")
    assert bad == []


def _core_calls(path: Path) -> set[tuple[str, str]]:
    """(core module, function name) for every core function the file names."""
    tree = _tree(path)
    aliases: dict[str, str] = {}  # local name -> core module
    direct: dict[str, tuple[str, str]] = {}  # local name -> (module, attribute)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                "sqdesk.core"):
            for a in node.names:
                full = f"{node.module}.{a.name}"
                if importlib.util.find_spec(full) if node.module == "sqdesk.core" else False:
                    aliases[a.asname or a.name] = full
                else:
                    direct[a.asname or a.name] = (node.module, a.name)
    found = set(direct.values())
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id in aliases):  # fmt: skip
            found.add((aliases[node.value.id], node.attr))
    return found


def test_core_functions_the_ui_calls_take_the_store_and_return_plain_data():
    orm = re.compile(r"\b(" + "|".join(sorted(ORM_NAMES)) + r")\b")
    bad = []
    for path in UI_FILES:
        for module_name, name in sorted(_core_calls(path)):
            obj = getattr(importlib.import_module(module_name), name, None)
            if not inspect.isfunction(obj):
                continue
            sig = inspect.signature(obj)
            where = f"{path.relative_to(ROOT)} calls {module_name}.{name}"
            for p in sig.parameters.values():
                if "Session" in str(p.annotation):
                    bad.append(f"{where}, which takes a session ({p.name})")
            if orm.search(str(sig.return_annotation)):
                bad.append(f"{where}, which returns ORM objects ({sig.return_annotation})")
    assert bad == []
