"""The calendar in the user's words: categories, phases, recurrence notes and refusals."""

from __future__ import annotations

from PySide6.QtCore import QObject

from sqdesk.core.activities import ActivityError


class CalendarWords(QObject):
    def category(self, key: str) -> str:
        return {
            "daily": self.tr("Daily routine"),
            "weekly": self.tr("Weekly"),
            "monthly": self.tr("Monthly"),
            "campaign": self.tr("Seasonal campaign"),
            "festival": self.tr("Festival"),
            "oneoff": self.tr("One-off"),
            "offline": self.tr("Offline event"),
        }.get(key, key)

    def phase(self, key: str) -> str:
        return {
            "warmup": self.tr("Warm-up"),
            "reminder": self.tr("Reminder"),
            "recap": self.tr("Recap"),
        }.get(key, key)

    def overlay(self, kind: str) -> str:
        return {
            "festival": self.tr("Festivals"),
            "solar_term": self.tr("Solar terms"),
            "marketing": self.tr("Marketing days"),
            "birthday": self.tr("Birthdays"),
        }.get(kind, kind)

    def overlay_name(self, name: str) -> str:
        """A festival, solar term or marketing day in the interface's language (the core
        names them in Chinese; a name not listed here is shown as it is)."""
        return {
            "春节": self.tr("Spring Festival"), "元宵节": self.tr("Lantern Festival"),
            "端午节": self.tr("Dragon Boat Festival"), "七夕": self.tr("Qixi Festival"),
            "中秋节": self.tr("Mid-Autumn Festival"), "重阳节": self.tr("Double Ninth Festival"),
            "除夕": self.tr("New Year's Eve (lunar)"), "元旦": self.tr("New Year's Day"),
            "劳动节": self.tr("Labour Day"), "国庆节": self.tr("National Day"),
            "情人节": self.tr("Valentine's Day"), "妇女节": self.tr("Women's Day"),
            "520": self.tr("520 (I love you day)"), "618": self.tr("618 shopping festival"),
            "双十一": self.tr("Double Eleven"), "双十二": self.tr("Double Twelve"),
            "圣诞节": self.tr("Christmas"),
            "立春": self.tr("Beginning of Spring"), "雨水": self.tr("Rain Water"),
            "惊蛰": self.tr("Awakening of Insects"), "春分": self.tr("Spring Equinox"),
            "清明": self.tr("Pure Brightness"), "谷雨": self.tr("Grain Rain"),
            "立夏": self.tr("Beginning of Summer"), "小满": self.tr("Grain Buds"),
            "芒种": self.tr("Grain in Ear"), "夏至": self.tr("Summer Solstice"),
            "小暑": self.tr("Minor Heat"), "大暑": self.tr("Major Heat"),
            "立秋": self.tr("Beginning of Autumn"), "处暑": self.tr("End of Heat"),
            "白露": self.tr("White Dew"), "秋分": self.tr("Autumn Equinox"),
            "寒露": self.tr("Cold Dew"), "霜降": self.tr("Frost's Descent"),
            "立冬": self.tr("Beginning of Winter"), "小雪": self.tr("Minor Snow"),
            "大雪": self.tr("Major Snow"), "冬至": self.tr("Winter Solstice"),
            "小寒": self.tr("Minor Cold"), "大寒": self.tr("Major Cold"),
        }.get(name, name)  # fmt: skip

    def note(self, code: str) -> str:
        return {
            "skips_short_months": self.tr("Months without that day are skipped (as every "
                                          "calendar program does)."),
            "leap_years_only": self.tr("29 February comes only in leap years: the activity "
                                       "happens every four years."),
        }.get(code, code)  # fmt: skip

    def status(self, key: str) -> str:
        return {
            "matched": self.tr("matched"),
            "ambiguous": self.tr("choose"),
            "not_found": self.tr("not found"),
            "duplicate": self.tr("listed twice"),
            "no_name": self.tr("no name"),
        }.get(key, key)

    def refusal(self, exc: ActivityError) -> str | None:
        return {
            "empty": self.tr("An activity needs a title."),
            "too_long": self.tr("A title has at most 100 characters."),
            "long_text": self.tr("A place, or how to sign up, has at most 100 characters."),
            "bad_time": self.tr("The time is between 00:00 and 23:59."),
            "bad_duration": self.tr("An activity lasts from a minute to a week."),
            "bad_points": self.tr("Points for taking part cannot be negative."),
            "bad_warmup": self.tr("A warm-up is 0 to 60 days before."),
            "no_occurrence": self.tr("This repeat rule never happens (for example 30 "
                                     "February). Change the rule or the start date."),
            "end_before_start": self.tr("The end date is before the start date."),
            "bad_interval": self.tr("Repeat every 1 or more."),
            "bad_count": self.tr("The number of times is 1 to 5,000."),
            "bad_day": self.tr("A day of the month is 1 to 31."),
            "no_activity": self.tr("The activity no longer exists."),
            "bad_category": self.tr("Choose one of the categories."),
            "bad_audience": self.tr("Choose who the activity is for."),
            "bad_color": self.tr("A colour looks like #2e7d5b."),
            "bad_phase": self.tr("Choose warm-up, reminder or recap."),
            "unknown": self.tr("Choose how the activity repeats."),
            "bad_nth": self.tr("Choose the 1st to 4th, or the last, weekday."),
            "both_ends": self.tr("A repeat ends on a date or after a number of times, not "
                                 "both."),
            "unreadable": self.tr("This repeat rule cannot be read."),
            "cannot_write": self.tr("%1 cannot be written (%2).").replace(
                "%1", str(exc.values.get("path"))).replace("%2", str(exc.values.get("detail"))),
        }.get(exc.code)  # fmt: skip
