from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from sqdesk.core import members, search
from sqdesk.core.member_edit import MemberInput, change, create
from sqdesk.core.models import MemberToken
from sqdesk.core.pinyin import name_readings

PEOPLE = [
    ("张三", "", "13800138000"),
    ("张三丰", "太极🥋", "13912345678"),
    ("曾乐", "", "13600001111"),
    ("单雪", "", "13700002222"),
    ("解晓东", "", "15000003333"),
    ("区美玲", "", "15100004444"),
    ("仇强", "", "15200005555"),
    ("朴智妍", "", "15500006666"),
    ("查理", "", "15600007777"),
    ("乐天", "", "15700008888"),
    ("欧阳娜娜", "", "18600009999"),
    ("李长行", "", "18800001234"),
    ("王芳", "Lily🌸", "18900005678"),
    ("Tommy", "汤米", "19900001357"),
    ("陈思", "「阿思」～", "19800002468"),
]


@pytest.fixture
def people(store):
    ids = {}
    for name, nickname, mobile in PEOPLE:
        ids[name] = create(
            store, MemberInput(name=name, nickname=nickname, mobile=mobile),
            today=date(2026, 11, 25),
        )  # fmt: skip
    return store, ids


def names(store, q):
    ids = members.ordered_ids(store, search_text=q, sort=None)
    rows = members.rows(store, ids)
    return [rows[i].name for i in ids]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("张三", "张三"), ("三", "张三"), ("zhangsan", "张三"), ("zhang san", "张三"),
        ("ZhangSan", "张三"), ("zs", "张三"), ("zhangs", "张三"), ("zsf", "张三丰"),
        ("zhangsf", "张三丰"), ("san", "张三"),
        # surnames by their surname reading
        ("zengle", "曾乐"), ("zeng", "曾乐"), ("shanxue", "单雪"), ("xiexiaodong", "解晓东"),
        ("oumeiling", "区美玲"), ("qiuqiang", "仇强"), ("piaozhiyan", "朴智妍"),
        ("zhali", "查理"), ("yuetian", "乐天"),
        # 多音字: every common reading
        ("zengyue", "曾乐"), ("lichanghang", "李长行"), ("lizhangxing", "李长行"),
        ("ouyangnana", "欧阳娜娜"), ("oynn", "欧阳娜娜"), ("nana", "欧阳娜娜"),
        # nickname, emoji, full-width
        ("lily", "王芳"), ("LILY", "王芳"), ("ｌｉｌｙ", "王芳"), ("🌸", "王芳"),
        ("太极", "张三丰"),
        ("阿思", "陈思"), ("汤米", "Tommy"), ("tom", "Tommy"),
        # mobile tail and full, with the usual separators
        ("5678", "王芳"), ("05678", "王芳"), ("13800138000", "张三"), ("138 0013 8000", "张三"),
        ("+86 138-0013-8000", "张三"), ("１３８００１３８０００", "张三"), ("1380013", "张三"),
    ],
)  # fmt: skip
def test_finds(people, query, expected):
    store, _ = people
    assert expected in names(store, query)


def test_code_finds_exactly_and_first(people):
    store, ids = people
    code = members.rows(store, [ids["陈思"]])[ids["陈思"]].code
    assert names(store, code)[0] == "陈思"


def test_ranking_exact_then_name_prefix_then_rest(people):
    store, _ = people
    # "zhang" starts 张三 and 张三丰; "xing" only appears inside 李长行's given name.
    assert set(names(store, "zhang")[:2]) == {"张三", "张三丰"}
    create(store, MemberInput(name="三毛", mobile="13300000000"))
    ranked = names(store, "san")
    assert ranked[0] == "三毛"  # name starts with san ...
    assert set(ranked[1:]) >= {"张三", "张三丰"}  # ... before given-name matches


def test_mobile_tail_is_a_tail_not_any_substring(people):
    store, _ = people
    assert names(store, "0013") == []  # in the middle of 13800138000, not its end
    assert names(store, "8000") == ["张三"]


def test_short_numbers_do_not_list_everyone(people):
    store, _ = people
    assert names(store, "1") == [] and names(store, "13") == []


def test_no_match_and_blank(people):
    store, _ = people
    assert names(store, "xyzxyz") == []
    assert len(names(store, "   ")) == len(PEOPLE)


def test_index_follows_edits(people):
    store, ids = people
    change(store, ids["张三"], MemberInput(name="张珊", mobile="13800138000"))
    assert "张珊" in names(store, "zhangshan")
    assert "张珊" not in names(store, "张三")


def test_archived_members_are_not_found(people):
    from sqdesk.core.member_edit import set_archived

    store, ids = people
    set_archived(store, [ids["王芳"]], True)
    assert names(store, "lily") == []


def test_rebuild_gives_the_same_index(people):
    store, _ = people
    with store.read() as s:
        before = set(s.execute(select(MemberToken.token, MemberToken.member_id)).all())
    with store.session() as s:
        assert search.rebuild_index(s) == len(PEOPLE)
    with store.read() as s:
        after = set(s.execute(select(MemberToken.token, MemberToken.member_id)).all())
        assert search.index_is_current(s)
    assert before == after


def test_an_outdated_index_is_rebuilt_when_the_store_opens(people, monkeypatch):
    store, _ = people
    location = store.location
    store.close()
    monkeypatch.setattr(search, "INDEX_VERSION", "test-next")
    from sqdesk.core.store import Store

    with Store.open(location) as again, again.read() as s:
        assert search.index_is_current(s)
        assert s.scalar(select(func.count()).select_from(MemberToken)) > 0


def test_surname_readings():
    assert ("zeng", "le") in name_readings("曾乐")
    assert name_readings("单雪")[0] == ("shan", "xue")
    assert name_readings("Lily") == ()


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_any_text_is_a_safe_query(text):
    q = search.parse(text)
    if q is not None:
        search.matches(q)  # builds without error for any input, emoji and all
    tokens = search.member_tokens(name=text, nickname=text, mobile=None, code="", wechat_id=text)
    assert all(len(t) <= 64 for t in tokens)
