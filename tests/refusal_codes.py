"""Every `raise` in the core, read from the source: which exception class, which code.

Used by tests/core/test_refusals.py (one refusal type) and tests/ui/test_refusal_words.py
(every code has words in the UI).
"""

from __future__ import annotations

import ast
import builtins
import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path

import sqdesk.core


@dataclass(frozen=True)
class RaiseSite:
    module: str
    line: int
    cls: type | None  # None when the raised thing is not a call of a class we can resolve
    code: str | None  # the first argument when it is a literal string


def core_modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(sqdesk.core.__path__, "sqdesk.core.")]
    return [n for n in names if ".migrations" not in n]


def _resolve(node: ast.expr, namespace: dict) -> object | None:
    if isinstance(node, ast.Name):
        return namespace.get(node.id, getattr(builtins, node.id, None))
    if isinstance(node, ast.Attribute):
        base = _resolve(node.value, namespace)
        return getattr(base, node.attr, None) if base is not None else None
    return None


def raise_sites() -> list[RaiseSite]:
    sites = []
    for name in core_modules():
        module = importlib.import_module(name)
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
                continue  # a bare `raise` or `raise exc` passes on what was caught
            cls = _resolve(node.exc.func, vars(module))
            args = node.exc.args
            code = (args[0].value if args and isinstance(args[0], ast.Constant)
                    and isinstance(args[0].value, str) else None)  # fmt: skip
            sites.append(RaiseSite(name, node.lineno, cls if isinstance(cls, type) else None,
                                   code))  # fmt: skip
    return sites
