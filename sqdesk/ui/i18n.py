"""Choosing the language and installing Qt translators.

English is the source language; Simplified Chinese ships as resources/i18n/sqdesk_zh_CN.qm.
Chinese is picked on a Chinese system locale, English otherwise; the saved setting and then
--lang override that.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sqdesk.core.paths import resource_path

LANGUAGES = ("zh_CN", "en")


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def choose_language(requested: str | None, saved: str | None) -> str:
    for lang in (requested, saved):
        if lang in LANGUAGES:
            return lang
    return system_language()


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install sqdesk's and Qt's own translations; returns them to keep them alive."""
    installed: list[QTranslator] = []
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    # English needs its file too: it holds the plural forms ("1 member", "2 members").
    ours = QTranslator(app)
    if ours.load(f"sqdesk_{lang}", str(resource_path("i18n"))):
        app.installTranslator(ours)
        installed.append(ours)
    if lang == "en":
        return installed
    # Qt's own strings (OK/Cancel buttons, file dialogs) come from qtbase_*.qm.
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{lang}", qt_dir) or qt.load(f"qtbase_{lang}", str(resource_path("i18n"))):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
