from datetime import date

import pytest
from sqlalchemy import select, text

from sqdesk.core import backup, members
from sqdesk.core.check import run_checks
from sqdesk.core.codes import make_code
from sqdesk.core.duplicates import find_duplicates, merge, merge_into
from sqdesk.core.jobs import Cancelled, stoppable
from sqdesk.core.member_edit import MemberError, MemberInput, create
from sqdesk.core.models import Member
from sqdesk.core.search import reindex


def add_raw(store, **values):
    """Rows as an old import or another system left them (the editor would refuse some)."""
    with store.session() as s:
        serial = s.scalar(text("SELECT COALESCE(MAX(id), 0) FROM member")) + 1
        m = Member(code=make_code(100000 + serial), joined_on=date(2025, 1, 1), **values)
        s.add(m)
        s.flush()
        reindex(s, [m.id])
        return m.id


def test_finds_the_three_kinds(store):
    a = add_raw(store, name="张三", mobile="13800138000")
    b = add_raw(store, name="张三三", mobile="13800138000")
    c = add_raw(store, name="李四", birthday=date(1990, 1, 2))
    d = add_raw(store, name="李四", birthday=date(1990, 1, 2), nickname="小四")
    e = add_raw(store, name="王芳", nickname="Lily🌸")
    f = add_raw(store, name="王芳", nickname="lily")
    add_raw(store, name="王芳", nickname="Amy")
    add_raw(store, name="赵六", birthday=date(1990, 1, 3))
    got = {(g.reason, g.member_ids) for g in find_duplicates(store)}
    assert got == {("mobile", (a, b)), ("name_birthday", (c, d)), ("name_nickname", (e, f))}


def test_archived_members_are_not_duplicates(store):
    a = add_raw(store, name="张三", mobile="13800138000")
    add_raw(store, name="张三", mobile="13800138000", archived=True)
    assert find_duplicates(store) == []
    assert a


def test_merge_keeps_every_history_row(store):
    keep = create(store, MemberInput(name="张三", mobile="13800138000", remark="老顾客"))
    other = add_raw(store, name="张三", nickname="阿三", wechat_id="zs_wx",
                    birthday=date(1990, 1, 2), remark="喜欢抹茶")  # fmt: skip
    referred = create(store, MemberInput(name="小明", referrer_id=other))
    merge(store, survivor_id=keep, merged_id=other, today=date(2026, 11, 25))
    d = members.detail(store, keep)
    assert (d.mobile, d.nickname, d.wechat_id, d.birthday) == ("13800138000", "阿三", "zs_wx",
                                                              date(1990, 1, 2))  # fmt: skip
    assert "老顾客" in d.remark and "喜欢抹茶" in d.remark and "[合并]" in d.remark
    assert d.joined_on == date(2025, 1, 1)  # the earlier join date
    assert members.detail(store, referred).referrer_id == keep
    assert members.detail(store, other) is None
    assert members.ordered_ids(store, search_text="zs_wx") == [keep]
    assert members.ordered_ids(store, search_text="阿三") == [keep]
    assert run_checks(store) == []


def test_merge_a_member_who_referred_the_survivor(store):
    other = create(store, MemberInput(name="甲"))
    keep = create(store, MemberInput(name="甲", referrer_id=other))
    merge(store, survivor_id=keep, merged_id=other)
    with store.read() as s:
        assert s.scalar(select(Member.referrer_id).where(Member.id == keep)) is None
    assert run_checks(store) == []


def test_merge_refuses_nonsense(store):
    a = create(store, MemberInput(name="甲"))
    with pytest.raises(MemberError, match="themselves"):
        merge(store, survivor_id=a, merged_id=a)
    with pytest.raises(MemberError) as gone:
        merge(store, survivor_id=a, merged_id=9999)
    assert gone.value.code == "gone"
    assert members.detail(store, a) is not None


def test_merge_two_members_who_both_came_keeps_the_figures_true(store):
    """Both have visits, points, a note and figures kept per member (their balance, visit
    figures, latest contact): the merged member's one-per-member rows go, the survivor's
    are worked out again from the history they now share."""
    from datetime import UTC, datetime, timedelta

    from sqdesk.core import contacts, ledger, notes

    now = datetime.now(UTC)
    joined = date(2025, 1, 1)
    keep = create(store, MemberInput(name="张三", mobile="13800138000", joined_on=joined))
    other = create(store, MemberInput(name="张三", nickname="阿三", joined_on=joined))
    ledger.record_visit(store, keep, amount_cents=3_800, at=now - timedelta(days=200))
    ledger.record_visit(store, other, amount_cents=5_000, at=now - timedelta(days=20))
    notes.add(store, other, "电话回访 ☎️", at=now - timedelta(days=10))
    assert contacts.losing_touch(store, days=5, limit=5)  # the latest contacts are built
    merge(store, survivor_id=keep, merged_id=other)
    assert run_checks(store) == []
    (row,) = contacts.losing_touch(store, days=5)
    assert row.member_id == keep and row.days_since in (9, 10, 11)
    assert contacts.losing_touch(store, days=30) == []


def test_merge_into_copies_the_store_once_then_merges_each(sqlite_store):
    store = sqlite_store
    keep = create(store, MemberInput(name="张三", mobile="13800138000"))
    others = [add_raw(store, name="张三", nickname=f"阿三{i}😀") for i in range(3)]
    assert merge_into(store, survivor_id=keep, merged_ids=others) == others
    assert all(members.detail(store, o) is None for o in others)
    kinds = [b.kind for b in backup.backups(store.path)]
    assert kinds.count("before-merge") == 1  # one copy for the batch, not one each
    assert run_checks(store) == []


def test_a_stop_while_the_copy_is_made_merges_nobody(sqlite_store):
    store = sqlite_store
    keep = create(store, MemberInput(name="张三"))
    other = add_raw(store, name="张三", nickname="阿三")
    with pytest.raises(Cancelled), stoppable(lambda: True):
        merge_into(store, survivor_id=keep, merged_ids=[other], should_stop=lambda: True)
    assert members.detail(store, other) is not None
    assert not [b for b in backup.backups(store.path) if b.kind == "before-merge"]


def test_a_stop_between_two_merges_ends_the_batch(sqlite_store):
    store = sqlite_store
    keep = create(store, MemberInput(name="张三"))
    others = [add_raw(store, name="张三", nickname=f"阿三{i}") for i in range(3)]
    asked = iter([False, True, True])  # asked to stop once the first is merged
    done = merge_into(store, survivor_id=keep, merged_ids=others,
                      should_stop=lambda: next(asked))  # fmt: skip
    assert done == others[:1]
    assert members.detail(store, others[1]) is not None
    assert run_checks(store) == []
