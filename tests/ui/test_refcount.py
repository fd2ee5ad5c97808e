"""Guards the PySide6 6.12.0 bug that leaks a reference to None on every void Qt call
under Python 3.11 and kills the process with "none_dealloc" (docs/ARCHITECTURE.md, "Traps
in the fixed stack")."""

import sys

import pytest
from PySide6.QtCore import QObject


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_100k_qt_calls_keep_the_refcount_of_none(qapp):
    obj = QObject()
    obj.setObjectName("warm-up")  # first calls may cache things
    before = sys.getrefcount(None)
    for i in range(100_000):
        obj.setObjectName("x" if i % 2 else "y")  # returns nothing: the leaking case
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references in 100k Qt calls"
