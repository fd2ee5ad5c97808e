from datetime import date

from sqdesk.core import festivals
from sqdesk.core.member_edit import MemberInput, create


def names(lo, hi, kinds=festivals.KINDS):
    return {(o.day, o.name) for o in festivals.overlays(None, lo, hi, kinds)}


def test_lunar_festivals_for_several_years():
    # published dates of 春节 and 中秋
    known = {date(2026, 2, 17): "春节", date(2027, 2, 6): "春节", date(2030, 2, 3): "春节",
             date(2026, 9, 25): "中秋节", date(2027, 9, 15): "中秋节",
             date(2026, 6, 19): "端午节", date(2026, 8, 19): "七夕", date(2026, 3, 3): "元宵节",
             date(2026, 10, 18): "重阳节", date(2026, 2, 16): "除夕"}  # fmt: skip
    for day, name in known.items():
        assert (day, name) in names(day, day, ("festival",)), (day, name)
    assert (date(2026, 8, 19), "七夕") in names(date(2026, 8, 1), date(2026, 8, 31),
                                                 ("marketing",))  # fmt: skip


def test_solar_terms_and_marketing_days():
    year = festivals.overlays(None, date(2026, 1, 1), date(2026, 12, 31), ("solar_term",))
    assert len(year) == 24
    assert (date(2026, 4, 5), "清明") in {(o.day, o.name) for o in year}
    assert (date(2026, 12, 22), "冬至") in {(o.day, o.name) for o in year}
    market = names(date(2026, 1, 1), date(2026, 12, 31), ("marketing",))
    assert {n for _, n in market} >= {"情人节", "妇女节", "520", "618", "双十一", "双十二",
                                      "圣诞节", "七夕"}  # fmt: skip


def test_birthdays_solar_lunar_and_29_february(store):
    solar = create(store, MemberInput(name="阳历", birthday=date(1990, 12, 3)))
    leap = create(store, MemberInput(name="闰日", birthday=date(1992, 2, 29)))
    # lunar 十月十七: 2026-11-25 this year
    lunar = create(store, MemberInput(name="农历", birthday=date(1985, 10, 17),
                                      birthday_lunar=True))  # fmt: skip
    got = {(o.name, o.day, o.lunar) for o in festivals.birthdays(store, date(2026, 11, 20),
                                                                 date(2026, 12, 10))}  # fmt: skip
    assert got == {("阳历", date(2026, 12, 3), False), ("农历", date(2026, 11, 25), True)}
    feb = festivals.birthdays(store, date(2027, 2, 1), date(2027, 3, 1))
    assert [(o.member_id, o.day) for o in feb] == [(leap, date(2027, 2, 28))]
    next_year = festivals.birthdays(store, date(2027, 1, 1), date(2027, 12, 31))
    assert {o.member_id for o in next_year} == {solar, leap, lunar}


def test_a_lunar_birthday_is_not_repeated_in_a_leap_month(store):
    # 2025 has a leap sixth month (闰六月, 25 July - 22 August): 六月初十 is 4 July only.
    lunar = create(store, MemberInput(name="六月初十", birthday=date(1988, 6, 10),
                                      birthday_lunar=True))  # fmt: skip
    summer = festivals.birthdays(store, date(2025, 6, 20), date(2025, 9, 10))
    assert [(o.member_id, o.day) for o in summer] == [(lunar, date(2025, 7, 4))]
    assert festivals.birthday_counts(store, date(2025, 6, 20), date(2025, 9, 10)) == {
        date(2025, 7, 4): 1
    }


def test_fixed_names_sort_as_people_sort_them_without_loading_pypinyin():
    """The fixed days' names carry their pinyin sort keys (so the Today page need not load
    pypinyin at start-up); every name any year gives is in the table and equal to
    sort_key's answer. On 1 October 2020 国庆节 (guo) came before 中秋节 (zhong)."""
    from sqdesk.core.pinyin import sort_key

    seen = {o.name for y in range(2000, 2061) for o in festivals._year_days(y)}
    assert seen <= set(festivals._FIXED_KEYS)
    assert {n: sort_key(n) for n in festivals._FIXED_KEYS} == festivals._FIXED_KEYS
    day = date(2020, 10, 1)
    assert [o.name for o in festivals.overlays(None, day, day, ("festival",))] == [
        "国庆节", "中秋节"]  # fmt: skip


def test_birthdays_sort_by_the_stored_name_key(store):
    for name in ("张三", "Amy🌸", "曾小贤", "安娜"):
        create(store, MemberInput(name=name, birthday=date(1990, 5, 7)))
    day = date(2026, 5, 7)
    found = sorted(festivals.birthdays(store, day, day), key=lambda o: o.order)
    assert [o.name for o in found] == ["Amy🌸", "安娜", "曾小贤", "张三"]  # zeng before zhang
    assert all(o.sort for o in found)  # read from member.name_sort, not worked out again
