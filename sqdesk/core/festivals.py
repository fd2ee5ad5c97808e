"""Calendar overlays: Chinese festivals (the lunar ones computed for any year with
lunar-python), the 24 solar terms, marketing days, and member birthdays (solar, or lunar for
members whose birthday is marked lunar, converted for each year)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from lunar_python import Lunar, LunarYear, Solar
from sqlalchemy import extract, func, literal_column, select, union_all

from sqdesk.core.models import Member
from sqdesk.core.pinyin import sort_key
from sqdesk.core.store import Store

KINDS = ("festival", "solar_term", "marketing", "birthday")

# Lunar month and day of the lunar festivals (除夕 is the last day of the 12th month).
LUNAR_FESTIVALS = (("春节", 1, 1), ("元宵节", 1, 15), ("端午节", 5, 5), ("七夕", 7, 7),
                   ("中秋节", 8, 15), ("重阳节", 9, 9))  # fmt: skip
SOLAR_FESTIVALS = (("元旦", 1, 1), ("劳动节", 5, 1), ("国庆节", 10, 1))
MARKETING_DAYS = (("情人节", 2, 14), ("妇女节", 3, 8), ("520", 5, 20), ("618", 6, 18),
                  ("双十一", 11, 11), ("双十二", 12, 12), ("圣诞节", 12, 25))  # fmt: skip


@dataclass(frozen=True)
class Overlay:
    day: date
    kind: str  # festival | solar_term | marketing | birthday
    name: str
    member_id: int | None = None
    lunar: bool = False  # a birthday kept by the lunar calendar
    sort: str = field(default="", compare=False)  # the name's sort key (pinyin.sort_key)

    @property
    def order(self) -> tuple:
        """Date order; on one day by kind, then by name as people sort names."""
        return (self.day, KINDS.index(self.kind), self.sort or _name_key(self.name))


# The fixed days' names' sort keys (pinyin.sort_key, held equal by a test): ordering the
# Today page's festivals asked pypinyin, whose dictionaries took 47 ms to load at start-up.
_FIXED_KEYS = {
    "520": "520", "618": "618", "白露": "bai lu", "重阳节": "chong yang jie", "处暑": "chu shu",
    "除夕": "chu xi", "春分": "chun fen", "春节": "chun jie", "大寒": "da han", "大暑": "da shu",
    "大雪": "da xue", "冬至": "dong zhi", "端午节": "duan wu jie", "妇女节": "fu nv jie",
    "谷雨": "gu yu", "国庆节": "guo qing jie", "寒露": "han lu", "惊蛰": "jing zhe",
    "劳动节": "lao dong jie", "立春": "li chun", "立冬": "li dong", "立秋": "li qiu",
    "立夏": "li xia", "芒种": "mang zhong", "七夕": "qi xi", "清明": "qing ming",
    "情人节": "qing ren jie", "秋分": "qiu fen", "圣诞节": "sheng dan jie",
    "霜降": "shuang jiang", "双十二": "shuang shi er", "双十一": "shuang shi yi",
    "夏至": "xia zhi", "小寒": "xiao han", "小满": "xiao man", "小暑": "xiao shu",
    "小雪": "xiao xue", "雨水": "yu shui", "元旦": "yuan dan", "元宵节": "yuan xiao jie",
    "中秋节": "zhong qiu jie",
}  # fmt: skip


def _name_key(name: str) -> str:
    return _FIXED_KEYS.get(name) or sort_key(name)


def lunar_to_solar(lunar_year: int, month: int, day: int) -> date:
    """The solar date of a lunar month/day in a lunar year; a 30th in a 29-day month is its
    last day (how families keep such birthdays)."""
    days = LunarYear.fromYear(lunar_year).getMonth(month).getDayCount()
    s = Lunar.fromYmd(lunar_year, month, min(day, days)).getSolar()
    return date(s.getYear(), s.getMonth(), s.getDay())


_TERM_PINYIN = {"DA_XUE": "大雪", "DONG_ZHI": "冬至", "XIAO_HAN": "小寒", "DA_HAN": "大寒",
                "LI_CHUN": "立春", "YU_SHUI": "雨水", "JING_ZHE": "惊蛰"}  # fmt: skip


@lru_cache(maxsize=64)
def _year_days(year: int) -> tuple[Overlay, ...]:
    """Festivals, solar terms and marketing days falling in the solar year `year`."""
    out: list[Overlay] = []
    for lunar_year in (year - 1, year):
        for name, m, d in LUNAR_FESTIVALS:
            out.append(Overlay(lunar_to_solar(lunar_year, m, d), "festival", name))
        out.append(Overlay(lunar_to_solar(lunar_year, 12, 30), "festival", "除夕"))
    out += [Overlay(date(year, m, d), "festival", n) for n, m, d in SOLAR_FESTIVALS]
    out += [Overlay(date(year, m, d), "marketing", n) for n, m, d in MARKETING_DAYS]
    # 七夕 is a marketing day too, on its lunar date.
    out += [Overlay(o.day, "marketing", "七夕") for o in out if o.name == "七夕"]
    # Lunar year Y's table runs from December of Y-1 to March of Y+1: all of solar year Y.
    # Its keys are the terms' names, in pinyin for the ones of the neighbouring years (asking
    # each date for its term instead recomputes a lunar year per date: 0.2 s at start-up).
    for key, solar in Lunar.fromYmd(year, 1, 1).getJieQiTable().items():
        d = date(solar.getYear(), solar.getMonth(), solar.getDay())
        if d.year == year:
            out.append(Overlay(d, "solar_term", _TERM_PINYIN.get(key, key)))
    unique = {(o.day, o.kind, o.name): o for o in out if o.day.year == year}
    return tuple(sorted(unique.values(), key=lambda o: o.order))


def overlays(store: Store | None, lo: date, hi: date, kinds=KINDS) -> list[Overlay]:
    """Every overlay from `lo` to `hi` of the given kinds, in date order."""
    out = [o for y in range(lo.year, hi.year + 1) for o in _year_days(y)
           if o.kind in kinds and lo <= o.day <= hi]  # fmt: skip
    if "birthday" in kinds and store is not None:
        out += birthdays(store, lo, hi)
    out.sort(key=lambda o: o.order)
    return out


def _birthday_days(lo: date, hi: date):
    """Which (month, day) of a solar and of a lunar birthday falls on each day from `lo`
    to `hi`. A solar 29 February is kept on 28 February in other years; a lunar 30th in a
    29-day month on its 29th."""
    solar: dict[tuple[int, int], date] = {}
    lunar: dict[tuple[int, int], date] = {}
    d = lo
    while d <= hi:
        solar[(d.month, d.day)] = d
        if d.month == 2 and d.day == 28 and not _leap(d.year):
            solar[(2, 29)] = d
        month, day, month_days = _lunar_day(d)
        if month > 0:  # a leap month repeats no birthday
            lunar[(month, day)] = d
            if day == month_days == 29:
                lunar[(month, 30)] = d
        d += timedelta(days=1)
    return solar, lunar


@lru_cache(maxsize=2048)
def _lunar_day(d: date) -> tuple[int, int, int]:
    """The lunar month (negative: a leap month), day and the month's length of a solar day.
    Cached: lunar_python keeps one LunarYear, so a view across New Year recomputed the year
    for every day (120 ms of a December month view)."""
    lu = Solar.fromYmd(d.year, d.month, d.day).getLunar()
    month = lu.getMonth()
    return month, lu.getDay(), _lunar_month_days(lu.getYear(), month) if month > 0 else 0


@lru_cache(maxsize=256)
def _lunar_month_days(year: int, month: int) -> int:
    return LunarYear.fromYear(year).getMonth(month).getDayCount()


# month * 100 + day: one IN list, where an OR per day would nest too deep for a year. The
# 100 is literal so the expression matches the index of migration 0011.
_MONTH_DAY = (extract("month", Member.birthday) * literal_column("100")
              + extract("day", Member.birthday))  # fmt: skip


def _birthday_query(columns, solar, lunar, *, group: bool = False):
    """Members whose birthday's month and day is one of those asked for: solar birthdays on
    the solar days, lunar ones on the lunar days. Two index searches in one UNION ALL (an
    OR of the two would make the database scan every member; one IN over both lists read
    twice the rows and threw half away in Python). `group`: counted per day and kind."""
    parts = []
    for days, is_lunar in ((solar, False), (lunar, True)):
        codes = sorted({m * 100 + d for m, d in days})
        if not codes:
            continue
        part = select(*columns).where(_MONTH_DAY.in_(codes), Member.archived.is_(False),
                                      Member.birthday_lunar.is_(is_lunar))  # fmt: skip
        parts.append(part.group_by(_MONTH_DAY, Member.birthday_lunar) if group else part)
    if not parts:
        return select(*columns).where(literal_column("0") == 1)
    return parts[0] if len(parts) == 1 else union_all(*parts)


def birthdays(store: Store, lo: date, hi: date) -> list[Overlay]:
    """Active members' birthdays from `lo` to `hi` (solar, or lunar converted)."""
    solar, lunar = _birthday_days(lo, hi)
    query = _birthday_query(
        (Member.id, Member.name, Member.nickname, Member.birthday, Member.birthday_lunar,
         Member.name_sort),
        solar, lunar,
    )  # fmt: skip
    out = []
    with store.read() as s:
        for mid, name, nickname, born, is_lunar, name_sort in s.execute(query):
            when = (lunar if is_lunar else solar).get((born.month, born.day))
            if when is not None:
                out.append(Overlay(when, "birthday", name or nickname, mid, bool(is_lunar),
                                   name_sort))  # fmt: skip
    return out


def birthday_counts(store: Store, lo: date, hi: date) -> dict[date, int]:
    """How many birthdays fall on each day (a month view shows 🎂 and a number: at 100,000
    members that is 250 a day, counted in SQL rather than listed)."""
    solar, lunar = _birthday_days(lo, hi)
    query = _birthday_query((_MONTH_DAY, Member.birthday_lunar, func.count()), solar, lunar,
                            group=True)  # fmt: skip
    out: dict[date, int] = {}
    with store.read() as s:
        for md, is_lunar, n in s.execute(query):
            when = (lunar if is_lunar else solar).get((int(md) // 100, int(md) % 100))
            if when is not None:
                out[when] = out.get(when, 0) + n
    return out


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
