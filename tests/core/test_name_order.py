"""Names sort as people read them: by pinyin, in the roster and every list, from a key kept
on every write and read through an index."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, text

from sqdesk.core import duplicates, member_edit, members, search
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.members import SortKey
from sqdesk.core.models import Member
from sqdesk.core.pinyin import SORT_LAST, sort_key

NAMES = ["张三", "Zhang Wei", "李雷", "韩梅梅", "Tom", "曾乐", "单田芳", "阿明", "欧阳娜娜",
         "王芳", "吕布", "1号"]  # fmt: skip
READ_ORDER = ["1号", "阿明", "韩梅梅", "李雷", "吕布", "欧阳娜娜", "单田芳", "Tom", "王芳",
              "曾乐", "张三", "Zhang Wei"]  # fmt: skip


def test_the_key_is_the_pinyin_people_say():
    assert sort_key("张三") == "zhang san"
    assert sort_key("Zhang Wei") == "zhang wei"  # beside 张三, under Z
    assert sort_key("曾乐") == "zeng le"  # the surname's reading, not ceng
    assert sort_key("单田芳") == "shan tian fang"
    assert sort_key("欧阳娜娜") == "ou yang na na"
    assert sort_key("Lily🌸") == "lily"  # emoji skipped
    assert sort_key("ｚｈａｎｇ") == "zhang"  # full-width letters
    assert sort_key("🍵🍵") == SORT_LAST  # nothing to sort by: last
    assert sorted(NAMES, key=sort_key) == READ_ORDER


@given(st.text(max_size=12))
def test_any_text_gets_a_key_that_ignores_case_and_width(name):
    key = sort_key(name)
    assert isinstance(key, str) and key
    assert sort_key(name.upper()) == sort_key(name.lower()) or not name.isascii()


def test_the_roster_sorts_names_by_pinyin(any_store):
    for name in NAMES:
        create(any_store, MemberInput(name=name, joined_on=date(2026, 1, 5)))
    ids = members.ordered_ids(any_store, sort=SortKey.NAME, descending=False)
    rows = members.rows(any_store, ids)
    assert [rows[i].name for i in ids] == READ_ORDER
    ids = members.ordered_ids(any_store, sort=SortKey.NAME, descending=True)
    assert [rows[i].name for i in ids] == READ_ORDER[::-1]


def test_the_key_follows_every_write(store):
    mid = create(store, MemberInput(name="", nickname="小乐🎵"))  # no name: the nickname
    assert _key(store, mid) == "xiao le"
    member_edit.change(store, mid, MemberInput(name="曾乐"))
    assert _key(store, mid) == "zeng le"
    other = create(store, MemberInput(name="", nickname="阿乐", mobile="13800138000"))
    duplicates.merge(store, survivor_id=other, merged_id=mid)  # fills the survivor's name
    assert _key(store, other) == "zeng le"
    with store.session() as s:  # a store opened before revision 0015: the rebuild fills it
        s.execute(text("UPDATE member SET name_sort = ''"))
        search.rebuild_index(s)
    assert _key(store, other) == "zeng le"


def test_imported_members_get_their_key(store, tmp_path):
    from sqdesk.core import member_import

    path = tmp_path / "会员.csv"
    path.write_text("姓名,手机号\n欧阳娜娜,13900139000\n", encoding="utf-8-sig")
    plan = member_import.prepare(store, path)
    member_import.commit(store, plan)
    (mid,) = members.ordered_ids(store)
    assert _key(store, mid) == "ou yang na na"


def test_the_first_page_by_name_is_an_index_read(sqlite_store):  # SQLite's query plan
    store = sqlite_store
    for name in NAMES:
        create(store, MemberInput(name=name))
    query = select(Member.id).where(Member.archived.is_(False)).order_by(
        Member.name_sort.asc(), Member.id.asc()).limit(50)  # fmt: skip
    with store.read() as s:
        compiled = query.compile(s.connection(), compile_kwargs={"literal_binds": True})
        plan = " | ".join(r[-1] for r in s.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert "ix_member_roster_name" in plan and "TEMP B-TREE" not in plan, plan


def _key(store, member_id: int) -> str:
    with store.read() as s:
        return s.scalar(select(Member.name_sort).where(Member.id == member_id))


def test_a_store_from_before_the_key_gets_it_when_opened(tmp_path):
    from sqdesk.core.store import Store

    path = tmp_path / "old.sqdesk"
    with Store.open(path) as store:
        mid = create(store, MemberInput(name="欧阳娜娜"))
        with store.session() as s:  # as revision 0015 leaves an older store
            s.execute(text("UPDATE member SET name_sort = ''"))
            s.execute(text("UPDATE setting SET value = '1' WHERE key = 'search.index_version'"))
    with Store.open(path) as store:
        assert _key(store, mid) == "ou yang na na"
