import pytest

from sqdesk.core import tags
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.tags import TagError


@pytest.fixture
def tagged(store):
    ids = [create(store, MemberInput(name=f"会员{i}")) for i in range(6)]
    basic = tags.create_group(store, "基础标签")
    value = tags.create_group(store, "价值分层", exclusive=True)
    return store, ids, basic, value


def test_names_are_unique_with_case_width_and_spaces_folded(tagged):
    store, _, basic, _ = tagged
    tags.create_tag(store, basic, "VIP")
    for same in ("vip", "ｖｉｐ", " V I P "):
        with pytest.raises(TagError) as err:
            tags.create_tag(store, basic, same)
        assert err.value.code == "exists"
    for bad in ("", "   ", "　"):
        with pytest.raises(TagError):
            tags.create_tag(store, basic, bad)
    with pytest.raises(TagError):
        tags.create_group(store, "基础标签 ")
    with pytest.raises(TagError):
        tags.create_tag(store, basic, "奶茶控🧋", color="green")
    assert tags.create_tag(store, basic, "奶茶控🧋", color="#aa3300")


def test_bulk_tagging_counts_and_exclusive_groups(tagged):
    store, ids, basic, value = tagged
    tea = tags.create_tag(store, basic, "爱喝茶")
    high = tags.create_tag(store, value, "高价值")
    low = tags.create_tag(store, value, "普通")
    assert tags.add_tag(store, ids[:4], tea) == 4
    assert tags.add_tag(store, ids, tea) == 2  # the first four had it already
    tags.add_tag(store, ids[:3], low)
    tags.add_tag(store, ids[:2], high)  # replaces 普通 for those two
    counts = {t.name: t.members for t in tags.list_tags(store)}
    assert counts == {"爱喝茶": 6, "高价值": 2, "普通": 1}
    assert {t.name for t in tags.tags_of(store, ids[0])} == {"爱喝茶", "高价值"}
    assert tags.remove_tag(store, ids[:2], tea) == 2


def test_merge_and_delete_with_undo(tagged):
    store, ids, basic, _ = tagged
    a = tags.create_tag(store, basic, "抹茶")
    b = tags.create_tag(store, basic, "抹茶控")
    tags.add_tag(store, ids[:3], a)
    tags.add_tag(store, ids[2:5], b)
    assert tags.merge_tags(store, source_id=a, target_id=b) == 2
    assert {t.name: t.members for t in tags.list_tags(store)} == {"抹茶控": 5}
    undo = tags.delete_tag(store, b)
    assert tags.list_tags(store) == []
    restored = tags.undelete_tag(store, undo)
    assert {t.name: t.members for t in tags.list_tags(store)} == {"抹茶控": 5}
    assert restored != b


def test_ten_thousand_members_in_one_go(store):
    from sqdesk.core import members
    from sqdesk.core.demo import fill_demo_store

    fill_demo_store(store, members=10000, seed=1, points=False)
    ids = members.ordered_ids(store)
    group = tags.create_group(store, "活动")
    tag = tags.create_tag(store, group, "中秋礼盒")
    assert tags.add_tag(store, ids, tag) == len(ids)
    assert next(t for t in tags.list_tags(store) if t.id == tag).members == len(ids)


def test_undoing_a_deleted_tag_of_many_makes_no_copy_first(sqlite_store, monkeypatch):
    """Undo puts back what the deletion took (which made no copy either): no copy of the
    store first, which took 3 s of a 30,000-member undo on the big store."""
    from sqdesk.core import backup

    store = sqlite_store
    monkeypatch.setattr(tags, "BACKUP_ABOVE", 2)  # "more than 1,000" in a small store
    ids = [create(store, MemberInput(name=f"会员{i}🍵")) for i in range(5)]
    tag = tags.create_tag(store, tags.create_group(store, "活动"), "中秋🥮")
    tags.add_tag(store, ids, tag)  # tagging many copies the store first
    copies = len(backup.backups(store.path))
    assert copies == 1
    tags.undelete_tag(store, tags.delete_tag(store, tag))
    assert {t.name: t.members for t in tags.list_tags(store)} == {"中秋🥮": 5}
    assert len(backup.backups(store.path)) == copies
