from datetime import date

import pytest
from sqlalchemy import select

from sqdesk.core import codes
from sqdesk.core.member_edit import (
    MemberError,
    MemberInput,
    MemberInvalid,
    change,
    check,
    create,
    delete_archived,
    set_archived,
)
from sqdesk.core.models import Member

TODAY = date(2026, 11, 25)


def problems(store, data, **kw):
    with store.read() as s:
        return {(p.field, p.code) for p in check(s, data, today=TODAY, **kw)[1]}


def test_create_assigns_a_valid_code_and_normalises(store):
    mid = create(store, MemberInput(name="　张三　", mobile="+86 138-0013-8000", consent=True,
                                    consent_scope="社群消息"), today=TODAY)  # fmt: skip
    with store.read() as s:
        m = s.get(Member, mid)
        assert m.name == "张三" and m.mobile == "13800138000"
        assert codes.is_valid_code(m.code)
        assert m.joined_on == TODAY and m.consent_at is not None
        first_code = m.code
    second = create(store, MemberInput(name="李四"), today=TODAY)
    with store.read() as s:
        assert codes.serial_of(s.get(Member, second).code) == codes.serial_of(first_code) + 1


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (MemberInput(name="   "), ("name", "name_missing")),
        (MemberInput(name="\u3000\u3000"), ("name", "name_missing")),
        (MemberInput(name="张" * 200), ("name", "too_long")),
        (MemberInput(name="王五", mobile="1380013800"), ("mobile", "mobile_invalid")),
        (MemberInput(name="王五", mobile="12345678901"), ("mobile", "mobile_invalid")),
        (MemberInput(name="王五", gender="X"), ("gender", "gender_invalid")),
        (MemberInput(name="王五", birthday=date(2030, 1, 1)), ("birthday", "date_future")),
        (MemberInput(name="王五", birthday=date(1850, 1, 1)), ("birthday", "date_too_old")),
        (MemberInput(name="王五", birthday=date(2000, 1, 1), joined_on=date(1999, 1, 1)),
         ("joined_on", "joined_before_birth")),
        (MemberInput(name="王五", referrer_id=99999), ("referrer_id", "referrer_missing")),
        (MemberInput(name="王\x07五"), ("name", "control_chars")),
    ],
)  # fmt: skip
def test_bad_input_is_named(store, data, expected):
    assert expected in problems(store, data)


def test_good_input_with_emoji_and_full_width(store):
    data = MemberInput(name="陈思🌸", nickname="「阿思」～！", mobile="１３９１２３４５６７８")
    assert problems(store, data) == set()


def test_foreign_numbers_when_marked(store):
    assert (
        problems(store, MemberInput(name="Ann", mobile="+852 9123 4567", mobile_foreign=True))
        == set()
    )
    assert ("mobile", "mobile_invalid") in problems(
        store, MemberInput(name="Ann", mobile="+852 9123 4567")
    )


def test_duplicate_mobile_is_refused_with_the_owner(store):
    first = create(store, MemberInput(name="张三", mobile="13800138000"))
    with pytest.raises(MemberInvalid) as err:
        create(store, MemberInput(name="张三三", mobile="138 0013 8000"))
    (p,) = err.value.problems
    assert p.code == "mobile_taken" and p.values["member_id"] == first
    assert "张三" in p.english
    assert store.info().counts["member"] == 1
    # Saving the owner itself with its own number is fine.
    change(store, first, MemberInput(name="张三", mobile="13800138000", remark="老顾客"))


def test_invalid_update_changes_nothing(store):
    mid = create(store, MemberInput(name="张三", mobile="13800138000"))
    with pytest.raises(MemberInvalid):
        change(store, mid, MemberInput(name="", nickname=""))
    with store.read() as s:
        assert s.get(Member, mid).name == "张三"
    with pytest.raises(MemberInvalid):
        change(store, mid, MemberInput(name="张三", referrer_id=mid))


def test_archive_restore_delete(store):
    a = create(store, MemberInput(name="甲"))
    b = create(store, MemberInput(name="乙", referrer_id=a))
    with pytest.raises(MemberError) as refused:
        delete_archived(store, [a])
    assert refused.value.code == "not_archived"
    assert set_archived(store, [a], True) == 1
    assert set_archived(store, [a], True) == 0
    assert delete_archived(store, [a]) == 1
    with store.read() as s:
        assert s.get(Member, b).referrer_id is None  # the referral link goes, b stays
        assert s.scalars(select(Member.name)).all() == ["乙"]
    assert set_archived(store, [b], True) == 1 and set_archived(store, [b], False) == 1


def test_a_member_with_visits_or_points_cannot_be_deleted_for_good(store):
    from sqdesk.core import ledger

    kept = create(store, MemberInput(name="老顾客☕"))
    gone = create(store, MemberInput(name="只登记过"))
    ledger.record_visit(store, kept, amount_cents=3800)
    set_archived(store, [kept, gone], True)
    with pytest.raises(MemberError) as refused:
        delete_archived(store, [kept, gone])
    assert refused.value.code == "has_history"
    assert refused.value.values["count"] == 1
    with store.read() as s:  # nothing was deleted: the refusal comes first
        assert sorted(s.scalars(select(Member.name))) == sorted(["老顾客☕", "只登记过"])
    assert delete_archived(store, [gone]) == 1
