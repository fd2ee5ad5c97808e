"""One way to say that something changed: every UI function that calls a core service which
writes also announces the change (ui/changes.announce), so every page that shows the data
follows it (docs/ARCHITECTURE.md, "Changes")."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

from tests.refusal_codes import core_modules

ROOT = Path(__file__).resolve().parents[1]

# UI functions that write without announcing, each with the reason.
ANNOUNCED_ELSEWHERE = {
    # Members created for unknown 接龙 lines are announced with the attendance they are
    # recorded for (OccurrenceDialog.record announces MEMBERS).
    ("sqdesk/ui/calendar/jielong_dialog.py", "chosen"),
    # The helper every Copy button calls; it announces POSTS itself after the write.
    ("sqdesk/ui/posts/words.py", "copy_post"),
}


def _core_writers() -> set[tuple[str, str]]:
    """(module, function) of every public core function that opens a write transaction."""
    found = set()
    for name in core_modules():
        module = importlib.import_module(name)
        source = Path(module.__file__).read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            body = ast.unparse(node)
            if "store.session()" in body:
                found.add((name.rsplit(".", 1)[-1], node.name))
    return found


def _ui_trees() -> list[tuple[str, ast.Module]]:
    return [(str(p.relative_to(ROOT)), ast.parse(p.read_text(encoding="utf-8")))
            for p in sorted((ROOT / "sqdesk" / "ui").rglob("*.py"))]  # fmt: skip


def _names_used(node: ast.AST) -> set[str]:
    """Functions a body calls or hands on (`on_success=self._imported`), by simple name."""
    out = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name):
            out.add(n.func.id)
        elif isinstance(n, ast.Attribute):
            out.add(n.attr)
    return out


def _units(tree: ast.Module):
    """Module functions and class methods: a write and its announcement may sit in two
    closures of one method (a job's work and its success handler)."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            yield node
        elif isinstance(node, ast.ClassDef):
            yield from (n for n in node.body if isinstance(n, ast.FunctionDef))


def test_every_write_from_the_ui_is_announced():
    writers = _core_writers()
    assert ("ledger", "record_visit") in writers and ("tags", "add_tag") in writers
    trees = _ui_trees()
    # Functions that announce themselves; a write may be followed by a call of one of them
    # (a panel's _done, a dialog's success handler), but not by anything further away.
    announcers = {"announce"} | {u.name for _rel, tree in trees for u in _units(tree)
                                 if "announce" in _names_used(u)}  # fmt: skip
    missing = []
    for rel, tree in trees:
        for unit in _units(tree):
            calls = {
                (n.func.value.id, n.func.attr)
                for n in ast.walk(unit)
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                and isinstance(n.func.value, ast.Name)
            }  # fmt: skip
            writes = sorted(c for c in calls if c in writers)
            if not writes or (rel, unit.name) in ANNOUNCED_ELSEWHERE:
                continue
            # (minus the names of the writes themselves: groups.clear_qr is not the page's
            # clear_qr)
            if not (_names_used(unit) - {attr for _m, attr in writes}) & announcers:
                missing.append(f"{rel}:{unit.lineno} {unit.name} writes {writes}")
    assert missing == [], "announce what changed after these writes:\n" + "\n".join(missing)


def test_the_rule_sees_a_write_that_is_not_announced():
    code = "def save(self):\n    ledger.record_visit(self.store, 1, amount_cents=100)\n"
    func = ast.parse(code).body[0]
    assert inspect.isfunction(test_every_write_from_the_ui_is_announced)
    calls = {(n.func.value.id, n.func.attr) for n in ast.walk(func)
             if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)}  # fmt: skip
    assert calls & _core_writers()
