"""The interface in English and in Chinese: dates, festivals, channels and sources."""

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from sqdesk.core import festivals, members
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.ui import dates, i18n
from sqdesk.ui.calendar.words import CalendarWords
from sqdesk.ui.members.dialog import MemberDialog
from sqdesk.ui.points.words import PointsWords


@pytest.fixture
def language(qapp, request):
    installed = i18n.install_translators(QCoreApplication.instance(), request.param)
    yield request.param
    for t in installed:
        QCoreApplication.removeTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.mark.parametrize(("language", "long_day", "month", "short", "bracketed"), [
    ("en", "Monday, 30 November 2026", "November 2026", "30 Nov", "会员日🎉 (30 Nov 10:00)"),
    ("zh_CN", "2026年11月30日 星期一", "2026年11月", "11月30日", "会员日🎉（11月30日 10:00）"),
], indirect=["language"])  # fmt: skip
def test_dates_in_the_interface_language(language, long_day, month, short, bracketed):
    words = dates.words()
    day = date(2026, 11, 30)
    assert words.long_day(day) == long_day
    assert words.month(2026, 11) == month
    assert words.month_day(day) == short
    # A task's day after it (Today, the agenda): English brackets in English (the Chinese
    # full-width ones and "11月30日" were written into the English interface too).
    assert words.with_day("会员日🎉", day, "10:00") == bracketed


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_every_festival_and_solar_term_has_an_english_name(language):
    words = CalendarWords()
    names = {o.name for year in (2026, 2027, 2028)
             for o in festivals.overlays(None, date(year, 1, 1), date(year, 12, 31),
                                         ("festival", "solar_term", "marketing"))}  # fmt: skip
    untranslated = sorted(n for n in names if n != "520" and n != "618"
                          and words.overlay_name(n) == n)  # fmt: skip
    assert untranslated == []
    assert words.overlay_name("中秋节") == "Mid-Autumn Festival"
    assert words.overlay_name("立冬") == "Beginning of Winter"
    assert len(names) >= 24 + 10


@pytest.mark.parametrize(("language", "shown"), [("en", "Scanned in store"),
                                                 ("zh_CN", "门店扫码")],
                         indirect=["language"])  # fmt: skip
def test_sources_and_channels_are_stored_as_keys_and_shown_translated(qtbot, store, language,
                                                                      shown):  # fmt: skip
    mid = create(store, MemberInput(name="张诗芳", source="门店扫码"))
    dialog = MemberDialog(store, mid)
    qtbot.addWidget(dialog)
    assert dialog.source.currentText() == shown
    dialog.nickname.setText("芳芳")
    dialog.check_now()
    assert dialog.save()
    assert members.detail(store, mid).source == "门店扫码"  # the key, whatever the language
    assert PointsWords().channel("外卖") == ("Delivery" if language == "en" else "外卖")
