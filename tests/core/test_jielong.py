import time
from datetime import date

from sqdesk.core import activities, jielong
from sqdesk.core.activities import ActivityInput
from sqdesk.core.member_edit import MemberInput, create

PASTE = """【11月25日 周三下午茶 接龙】
2026.11.25 门店见，报名格式：序号+姓名
1. 张三
1、李四 +1
3 王五（带娃）
④ 赵六🌸 2人
５．Lily🌸
6 zengyue
7. 张三
8. 刘洋
9. 不认识
"""


def shop(store):
    ids = {n: create(store, MemberInput(name=n, nickname=nick)) for n, nick in [
        ("张三", ""), ("李四", ""), ("王五", ""), ("赵六", ""), ("王芳", "Lily"),
        ("曾乐", "乐乐🎵"), ("刘洋", ""), ("刘洋 ", "")]}  # fmt: skip
    return ids


def test_parse_the_forms_people_write():
    parsed = jielong.parse(PASTE)
    assert parsed.header == [
        "【11月25日 周三下午茶 接龙】",
        "2026.11.25 门店见，报名格式：序号+姓名",
    ]
    assert [ln.name for ln in parsed.lines] == ["张三", "李四", "王五", "赵六", "Lily",
                                                "zengyue", "张三", "刘洋", "不认识"]  # fmt: skip
    by = {ln.name: ln for ln in parsed.lines}
    assert (by["李四"].extra, by["李四"].remark) == (1, "+1")
    assert by["王五"].remark == "带娃" and by["赵六"].extra == 1


def test_no_numbered_lines():
    parsed = jielong.parse("大家好🎉\n今晚八点秒杀\n+1\n")
    assert parsed.lines == [] and parsed.header


def test_match_by_name_nickname_pinyin_with_duplicates_and_unknowns(store):
    ids = shop(store)
    results = jielong.match(store, jielong.parse(PASTE))
    got = [(r.line.name, r.status, r.how) for r in results]
    assert got == [("张三", "matched", "name"), ("李四", "matched", "name"),
                   ("王五", "matched", "name"), ("赵六", "matched", "name"),
                   ("Lily", "matched", "nickname"), ("zengyue", "matched", "search"),
                   ("张三", "duplicate", "name"), ("刘洋", "ambiguous", "name"),
                   ("不认识", "not_found", "")]  # fmt: skip
    assert results[5].member_id == ids["曾乐"]
    assert jielong.summary(results)["matched"] == 6


def test_pasting_twice_records_once(store):
    shop(store)
    aid = activities.create(store, ActivityInput("下午茶", date(2026, 11, 25), 900, points=10))
    results = jielong.match(store, jielong.parse(PASTE))
    chosen = [r.member_id for r in results if r.status == "matched"]
    notes = {r.member_id: r.line.remark for r in results if r.status == "matched"}
    first = activities.record_attendance(store, aid, date(2026, 11, 25), chosen,
                                         source="jielong", notes=notes)  # fmt: skip
    second = activities.record_attendance(store, aid, date(2026, 11, 25), chosen,
                                          source="jielong", notes=notes)  # fmt: skip
    assert (first.added, first.points_paid) == (6, 6)
    assert (second.added, second.already, second.points_paid) == (0, 6, 0)


def test_a_5000_line_paste_is_cut_and_quick(store):
    shop(store)
    text = "\n".join(f"{i}. 路人{i}号" for i in range(1, 5001))
    t = time.perf_counter()
    parsed = jielong.parse(text)
    results = jielong.match(store, parsed)
    assert time.perf_counter() - t < 20
    assert len(parsed.lines) == jielong.MAX_LINES and parsed.skipped == 4000
    assert {r.status for r in results} == {"not_found"}
