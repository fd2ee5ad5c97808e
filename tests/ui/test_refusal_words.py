"""Every refusal the core can raise has words in the UI, in Chinese too: a person never
reads an English message or a code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from sqdesk.core.errors import CodedError
from sqdesk.core.phones import PhoneError
from sqdesk.core.sheets import SheetError
from sqdesk.ui import i18n
from sqdesk.ui.refusals import refusal_text, worded
from tests.refusal_codes import raise_sites

# Codes that are passed on from elsewhere rather than written at a raise.
PASSED_ON = [
    *((PhoneError, code) for code in PhoneError.ENGLISH),
    *((SheetError, code) for code in SheetError.ENGLISH),
]
FIXED = {"FilterError": "bad_filter", "RenderError": "bad_body", "MemberInvalid": "invalid",
         "ImportRejected": "bad_rows", "StoreLocked": "locked"}  # fmt: skip


def _all_refusals() -> list[tuple[type, str]]:
    found = set(PASSED_ON)
    for site in raise_sites():
        if site.cls is None or not issubclass(site.cls, CodedError):
            continue
        code = FIXED.get(site.cls.__name__, site.code)
        if code is not None:
            found.add((site.cls, code))
    return sorted(found, key=lambda p: (p[0].area, p[1]))


def _fake(cls: type, code: str) -> CodedError:
    exc = CodedError.__new__(cls)
    Exception.__init__(exc, f"english {code}")
    exc.code, exc.values = code, {}
    if cls.__name__ == "StoreLocked":
        from pathlib import Path

        exc.path, exc.holder = Path("shop.sqdesk"), None
    return exc


def test_the_walk_finds_the_refusals():
    pairs = _all_refusals()
    areas = {cls.area for cls, _ in pairs}
    assert {"store", "points", "members", "groups", "calendar", "posts", "tags"} <= areas
    assert len(pairs) > 80


@pytest.mark.parametrize("cls, code", _all_refusals(),
                         ids=lambda x: x if isinstance(x, str) else x.__name__)  # fmt: skip
def test_each_refusal_has_words(qapp, cls, code):
    text = worded(_fake(cls, code))
    assert text, f"{cls.__name__}({code!r}) (area {cls.area}) has no words in the UI"
    assert "english" not in text


def test_refusals_are_translated_to_chinese(qapp):
    installed = i18n.install_translators(QCoreApplication.instance(), "zh_CN")
    try:
        untranslated = []
        for cls, code in _all_refusals():
            text = refusal_text(_fake(cls, code))
            if not any("\u4e00" <= ch <= "\u9fff" for ch in text):
                untranslated.append(f"{cls.area}.{code}: {text}")
        assert untranslated == []
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)
