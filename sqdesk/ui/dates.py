"""Dates as the interface's language writes them: "2026年11月30日 星期一" in Chinese,
"Monday, 30 November 2026" in English. The formats are translatable strings (QLocale date
formats, English as the source), and QLocale's default (set with the language) gives the
month and weekday names."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QObject


def _q(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class DateWords(QObject):
    def long_day(self, d: date) -> str:
        """The full day with its weekday (a page's subtitle)."""
        # A QLocale date format: yyyy year, MMMM month name, d day, dddd weekday name.
        return QLocale().toString(_q(d), self.tr("dddd, d MMMM yyyy"))

    def day_and_weekday(self, d: date) -> str:
        """A day of this year with its weekday (the agenda's day headings)."""
        return QLocale().toString(_q(d), self.tr("dddd d MMM"))

    def month_day(self, d: date) -> str:
        """A day of this year, short ("30 Nov", "11月30日")."""
        return QLocale().toString(_q(d), self.tr("d MMM"))

    def with_day(self, text: str, d: date, time: str = "") -> str:
        """Text with a day (and a time) after it in brackets: "Warm-up: 会员日 (8 Dec)" in
        English, full-width "（12月8日）" in Chinese."""
        when = self.month_day(d) + (f" {time}" if time else "")
        return self.tr("%1 (%2)").replace("%1", text).replace("%2", when)

    def month(self, year: int, month: int) -> str:
        """A month of a year (the calendar's title)."""
        return QLocale().toString(QDate(year, month, 1), self.tr("MMMM yyyy"))


def words() -> DateWords:
    return DateWords()
