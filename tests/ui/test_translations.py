"""The Chinese translation is complete and the compiled files match their sources."""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from sqdesk.core.paths import resource_path

I18N = resource_path("i18n")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402


def _messages(ts: Path):
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            yield ctx.findtext("name"), msg


@pytest.mark.parametrize("name", ["sqdesk_zh_CN.ts", "sqdesk_en.ts"])
def test_every_message_is_translated(name):
    # English holds only the plural forms; an unfinished one would print "member(s)".
    unfinished = [
        (ctx, m.findtext("source"))
        for ctx, m in _messages(I18N / name)
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not "".join(m.find("translation").itertext()).strip()
    ]
    assert unfinished == []


def test_the_ts_file_holds_every_string_in_the_code(tmp_path):
    """A tr() string added to the code but not to the .ts would show up in English."""
    fresh = tmp_path / "fresh.ts"
    update_translations.lupdate(fresh)

    def sources(ts):
        return {(ctx, m.findtext("source")) for ctx, m in _messages(ts)}

    missing = sources(fresh) - sources(I18N / "sqdesk_zh_CN.ts")
    assert missing == set(), "run scripts/update_translations.py and translate these"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_compiled_qm_is_up_to_date(tmp_path, lang):
    ts = tmp_path / f"sqdesk_{lang}.ts"
    ts.write_bytes((I18N / f"sqdesk_{lang}.ts").read_bytes())
    update_translations.lrelease(ts)
    assert ts.with_suffix(".qm").read_bytes() == (I18N / f"sqdesk_{lang}.qm").read_bytes()


def test_translations_load_and_translate(qapp):
    zh = QTranslator()
    assert zh.load("sqdesk_zh_CN", str(I18N))
    QCoreApplication.installTranslator(zh)
    try:
        assert QCoreApplication.translate("MainWindow", "Members") == "会员"
        assert QCoreApplication.translate("MembersPage", "%n member(s)", "", 3) == "3 位会员"
    finally:
        QCoreApplication.removeTranslator(zh)
    en = QTranslator()
    assert en.load("sqdesk_en", str(I18N))
    QCoreApplication.installTranslator(en)
    try:
        assert QCoreApplication.translate("MembersPage", "%n member(s)", "", 1) == "1 member"
        assert QCoreApplication.translate("MembersPage", "%n member(s)", "", 2) == "2 members"
    finally:
        QCoreApplication.removeTranslator(en)


@pytest.mark.parametrize(("lang", "expected"), [("zh_CN", "1,234 位会员"), ("en", "1,234 members")])
def test_install_translators_for_each_language(qapp, lang, expected):
    from sqdesk.ui.i18n import install_translators

    installed = install_translators(qapp, lang)
    try:
        assert QCoreApplication.translate("MembersPage", "%n member(s)", "", 1234) == expected
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)


def test_language_choice_order():
    from sqdesk.ui.i18n import choose_language, system_language

    assert choose_language("en", "zh_CN") == "en"
    assert choose_language(None, "zh_CN") == "zh_CN"
    assert choose_language(None, "fr") == system_language()


def test_the_file_dialog_speaks_chinese_where_qts_own_translation_is_behind(qapp, tmp_path):
    """Qt's zh_CN misses the file dialog's "&Look in:" and "Files of &type:" (their English
    changed) and a folder's kind: sqdesk's .ts carries them (sqdesk.ui.qt_words)."""
    import re

    from PySide6.QtWidgets import QLabel

    from sqdesk.ui.i18n import install_translators
    from sqdesk.ui.store_messages import store_file_dialog

    (tmp_path / "备份").mkdir()
    installed = install_translators(qapp, "zh_CN")
    try:
        dialog = store_file_dialog(None, "打开门店数据", str(tmp_path))
        labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
        for name in ("lookInLabel", "fileNameLabel", "fileTypeLabel"):
            assert re.search("[\u4e00-\u9fff]", labels[name]), labels
        folder = QCoreApplication.translate("QAbstractFileIconProvider", "Folder",
                                            "All other platforms")  # fmt: skip
        assert folder == "文件夹"
        dialog.close()
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)
