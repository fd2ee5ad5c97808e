from datetime import UTC, date, datetime, timedelta

import pytest

from sqdesk.core import filters, groups, ledger, segments, tags
from sqdesk.core.duplicates import merge
from sqdesk.core.groups import GroupError, Kind
from sqdesk.core.member_edit import MemberInput, create

TODAY = date(2026, 11, 25)
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (64).to_bytes(4, "big") * 2
       + b"\x08\x02\x00\x00\x00" + b"\x00" * 20)  # fmt: skip


@pytest.fixture
def people(store):
    return store, [create(store, MemberInput(name=f"群友{i}🌸", joined_on=date(2026, 1, 5)))
                   for i in range(6)]


def test_names_kinds_and_capacity(store):
    gid = groups.create_group(store, "茶语 VIP 群", kind="vip")
    for same in ("茶语vip群", "茶语ＶＩＰ群", " 茶语 V I P 群 "):
        with pytest.raises(GroupError) as err:
            groups.create_group(store, same)
        assert err.value.code == "exists"
    for bad in ("", "　 "):
        with pytest.raises(GroupError) as err:
            groups.create_group(store, bad)
        assert err.value.code == "empty"
    for capacity in (0, 501, -3):
        with pytest.raises(GroupError) as err:
            groups.create_group(store, "大群", capacity=capacity)
        assert err.value.code == "bad_capacity"
    with pytest.raises(ValueError):
        groups.create_group(store, "怪群", kind="secret")
    (g,) = groups.list_groups(store)
    assert (g.name, g.kind, g.capacity, g.members) == ("茶语 VIP 群", Kind.VIP, 500, 0)
    groups.change_group(store, gid, name="茶语尊享群", rules="1. 禁止广告\n2. 友善交流😊")
    assert groups.group(store, gid).rules.startswith("1. 禁止广告")


def test_join_leave_rejoin_keeps_history(people):
    store, ids = people
    gid = groups.create_group(store, "会员1群")
    assert groups.add_members(store, gid, ids[:4], joined_on=TODAY - timedelta(days=30)).added == 4
    again = groups.add_members(store, gid, ids[:5], joined_on=TODAY)
    assert (again.added, again.already) == (1, 4)
    assert groups.leave(store, gid, [ids[0]], reason="removed", left_on=TODAY) == 1
    assert groups.leave(store, gid, [ids[0]], left_on=TODAY) == 0  # not in it any more
    assert set(groups.member_ids(store, gid)) == set(ids[1:5])
    groups.add_members(store, gid, [ids[0]], joined_on=TODAY)
    history = groups.stays(store, member_id=ids[0])
    assert [(h.left_on, h.leave_reason) for h in history] == [(None, ""), (TODAY, "removed")]
    with pytest.raises(ValueError):
        groups.leave(store, gid, [ids[1]], reason="bored")


def test_a_full_group_refuses_and_adds_nobody(people):
    store, ids = people
    gid = groups.create_group(store, "小群", capacity=3)
    groups.add_members(store, gid, ids[:2])
    with pytest.raises(GroupError) as err:
        groups.add_members(store, gid, ids[2:5])
    assert (err.value.code, err.value.values["room"]) == ("full", 1)
    assert len(groups.member_ids(store, gid)) == 2
    with pytest.raises(GroupError) as err:
        groups.change_group(store, gid, capacity=1)
    assert err.value.code == "below_members"


def test_qr_image_age_and_bad_files(store, tmp_path):
    gid = groups.create_group(store, "会员2群")
    for bad in (b"", b"not an image", b"GIF89a....", "二维码".encode()):
        with pytest.raises(GroupError) as err:
            groups.set_qr(store, gid, bad, today=TODAY)
        assert err.value.code == "not_image"
    with pytest.raises(GroupError):
        groups.set_qr(store, gid, PNG, taken_on=TODAY + timedelta(days=1), today=TODAY)
    groups.set_qr(store, gid, PNG, taken_on=TODAY - timedelta(days=4), today=TODAY)
    g = groups.group(store, gid)
    assert groups.qr_image(store, gid) == PNG
    assert g.qr_day(TODAY) == 5 and g.qr_state(TODAY) == "fresh"
    assert g.qr_state(TODAY + timedelta(days=1)) == "expiring"  # day 6: warn
    assert g.qr_state(TODAY + timedelta(days=2)) == "expiring"  # day 7: last valid day
    assert g.qr_state(TODAY + timedelta(days=3)) == "expired"
    assert g.qr_expires_on() == TODAY + timedelta(days=3)
    assert groups.expiring_qr(store, today=TODAY) == []
    assert [x.id for x in groups.expiring_qr(store, today=TODAY + timedelta(days=1))] == [gid]
    assert groups.image_kind(b"\xff\xd8\xff\xe0\x00\x10JFIF") == "jpeg"


def test_group_filters_and_vip_lists(people):
    store, ids = people
    vip = groups.create_group(store, "VIP群", kind="vip")
    ordinary = groups.create_group(store, "会员群")
    at = datetime(2026, 11, 20, 12, tzinfo=UTC)
    # ids 0, 1 qualify (a single purchase of 80 元); 0 is in the VIP group, 1 is not
    for m in ids[:2]:
        ledger.record_visit(store, m, amount_cents=8000, at=at)
    groups.add_members(store, vip, [ids[0], ids[2]])
    groups.add_members(store, ordinary, ids[1:4])
    groups.leave(store, ordinary, [ids[3]])

    def who(node):
        return set(filters.member_ids(store, node, today=TODAY))

    assert who({"field": "group", "ids": [ordinary]}) == {ids[1], ids[2]}
    assert who({"field": "group", "kind": "vip"}) == {ids[0], ids[2]}
    assert who({"field": "group"}) == {ids[0], ids[1], ids[2]}
    assert who({"not": {"field": "group"}}) == {ids[3], ids[4], ids[5]}
    assert who(segments.vip_invites(store, today=TODAY)) == {ids[1]}
    assert who(segments.vip_no_longer(store, today=TODAY)) == {ids[2]}
    # contradictory: in the group and not in it selects nobody, without an error
    node = {"field": "group", "ids": [vip]}
    assert who({"all": [node, {"not": node}]}) == set()


def test_merge_keeps_one_stay_per_group_and_shared_tags(people):
    store, ids = people
    gid = groups.create_group(store, "会员群")
    groups.add_members(store, gid, ids[:2])
    group_id = tags.create_group(store, "基础标签")
    tea = tags.create_tag(store, group_id, "爱喝茶")
    tags.add_tag(store, ids[:2], tea)
    merge(store, survivor_id=ids[0], merged_id=ids[1], today=TODAY)
    assert groups.member_ids(store, gid) == [ids[0]]
    assert [t.id for t in tags.tags_of(store, ids[0])] == [tea]


def test_deleting_a_group_or_member_removes_their_stays(people):
    store, ids = people
    gid = groups.create_group(store, "兴趣群·咖啡", kind="interest")
    groups.add_members(store, gid, ids)
    groups.delete_group(store, gid)
    assert groups.list_groups(store) == []
    assert groups.stays(store, member_id=ids[0]) == []


def test_check_finds_broken_memberships(people):
    from sqlalchemy import insert

    from sqdesk.core.check import run_checks
    from sqdesk.core.models import GroupMembership

    store, ids = people
    gid = groups.create_group(store, "会员群", capacity=2)
    groups.add_members(store, gid, ids[:2])
    assert run_checks(store) == []
    with store.session() as s:  # what a bug could write behind the core's back
        s.execute(insert(GroupMembership).values(group_id=gid, member_id=ids[0],
                                                 joined_on=TODAY, leave_reason=""))  # fmt: skip
    found = " ".join(str(p) for p in run_checks(store))
    assert "2 times at once" in found and "more than its capacity" in found
