"""Coupons (issue 16, first part): types and their refusals, issuing, using one with a visit
(the discount, points on what was paid, each refusal recording nothing), undoing the visit
gives it back; the CLI's contract. SQLite and PostgreSQL alike."""

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from sqdesk import cli
from sqdesk.core import codes, coupons, ledger, members
from sqdesk.core.coupons import CouponError
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.models import Visit

NOW = datetime.now(UTC)
TODAY = NOW.astimezone().date()


@pytest.fixture(autouse=True)
def _todays_dates():
    """Each test reads the date when it starts: a run that crosses midnight would otherwise
    build its store on one day and ask the app about the next."""
    global NOW, TODAY
    NOW = datetime.now(UTC)
    TODAY = NOW.astimezone().date()


@pytest.fixture
def shop(any_store):
    fang = create(any_store, MemberInput(name="张诗芳", joined_on=TODAY - timedelta(days=100)))
    wei = create(any_store, MemberInput(name="李伟", joined_on=TODAY - timedelta(days=100)))
    t, warnings = coupons.add_type(any_store, "满50减10", "amount_off", 1000,
                                   min_spend_cents=5000, valid_days=14)  # fmt: skip
    assert warnings == []
    return any_store, fang, wei, t


def visits(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count(Visit.id)))


@pytest.mark.parametrize(("fields", "code"), [
    ({"value": 0}, "bad_value"), ({"value": -500}, "bad_value"),
    ({"kind": "percent_off", "value": 120}, "bad_percent"), ({"kind": "cashback"}, "bad_kind"),
    ({"name": "  "}, "no_name"), ({"valid_days": 0}, "bad_validity"),
    ({"valid_days": None, "valid_from": TODAY}, "bad_validity"),
    ({"valid_days": None, "valid_from": TODAY, "valid_to": TODAY - timedelta(days=1)},
     "bad_validity"),
    ({"weekdays": "7"}, "bad_weekdays"), ({"from_minute": 600, "to_minute": 540}, "bad_hours"),
    ({"max_held": 0}, "bad_max_held")])  # fmt: skip
def test_a_type_that_cannot_work_is_refused(store, fields, code):
    base = {"name": "券", "kind": "amount_off", "value": 1000}
    with pytest.raises(CouponError) as caught:
        coupons.check_type(**(base | fields))
    assert caught.value.code == code


def test_a_minimum_below_the_amount_off_is_a_warning(store):
    t, warnings = coupons.add_type(store, "减20满10", "amount_off", 2000, min_spend_cents=1000)
    assert warnings == ["min_below_value"] and t.name == "减20满10"
    with pytest.raises(CouponError):
        coupons.add_type(store, "减20满10", "amount_off", 500)  # the same name


def test_built_in_types_are_there_once_and_editable(store):
    names = [t.name for t in coupons.types(store)]
    assert "新人体验券 ¥9.9" in names and "好久不见 八折券" in names
    assert len(coupons.types(store)) == len(coupons.BUILTINS)  # not added twice
    trial = coupons.find_type(store, "new_member")
    changed, _ = coupons.update_type(store, trial.id, value=880, name="新人体验券 ¥8.8")
    assert (changed.value, changed.name) == (880, "新人体验券 ¥8.8")
    coupons.update_type(store, trial.id, active=False)
    assert "新人体验券 ¥8.8" not in [t.name for t in coupons.types(store)]


@pytest.mark.parametrize(("kind", "value", "bill", "off"), [
    ("amount_off", 1000, 5800, 1000), ("percent_off", 20, 5800, 1160),
    ("fixed_price", 990, 1800, 810), ("fixed_price", 990, 500, 0),
    ("free_item", 3000, 1800, 1800), ("second_half", 50, 3200, 800)])  # fmt: skip
def test_what_each_kind_takes_off(kind, value, bill, off):
    assert coupons.discount(kind, value, bill) == off


def test_issue_gives_a_nine_digit_code_valid_for_its_days(shop):
    store, fang, _, t = shop
    c = coupons.issue(store, fang, t.id)
    assert len(c.code) == 9 and codes.is_valid_code(c.code)
    assert (c.valid_from, c.expires_on) == (TODAY, TODAY + timedelta(days=13))
    assert c.status() == "valid" and c.status(TODAY + timedelta(days=14)) == "expired"
    with pytest.raises(CouponError) as caught:  # holds one already (max_held 1)
        coupons.issue(store, fang, t.id)
    assert caught.value.code == "holds_enough"


def test_a_coupon_used_with_a_visit_discounts_and_points_follow_what_was_paid(shop):
    store, fang, _, t = shop
    c = coupons.issue(store, fang, t.id)
    result = ledger.record_visit(store, fang, amount_cents=5800, coupon_code=c.code)
    base = next(a.points for a in result.awards if a.rule == "base")
    assert (result.paid, result.discount, base) == (4800, 1000, 48)  # on what was paid
    used = coupons.get(store, c.id)
    assert used.status() == "used" and used.visit_id == result.visit_id
    # Undoing the visit gives it back.
    ledger.void_visit(store, result.visit_id, reason="录错了")
    back = coupons.get(store, c.id)
    assert back.status() == "valid" and back.visit_id is None
    assert ledger.record_visit(store, fang, amount_cents=5000, coupon_code=c.code).discount == 1000


def test_check_finds_a_visit_with_two_coupons_or_anothers_coupon(shop):
    from sqlalchemy import update

    from sqdesk.core.check import run_checks
    from sqdesk.core.models import Coupon

    store, fang, wei, t = shop
    first = coupons.issue(store, fang, t.id)
    visit = ledger.record_visit(store, fang, amount_cents=5800, coupon_code=first.code)
    second, hers = coupons.issue(store, fang, t.id), coupons.issue(store, wei, t.id)
    assert run_checks(store) == []
    with store.session() as s:
        s.execute(update(Coupon).where(Coupon.id.in_([second.id, hers.id]))
                  .values(visit_id=visit.visit_id, used_at=NOW))  # fmt: skip
    found = [p.detail for p in run_checks(store) if p.check == "coupons used on visits"]
    assert found == [f"visit {visit.visit_id} has 3 coupons used on it",
                     f"coupon {hers.code} was used on visit {visit.visit_id}, another member's"]


def test_each_refusal_records_no_visit(shop):
    store, fang, wei, t = shop
    mine = coupons.issue(store, fang, t.id)
    wrong = mine.code[:-1] + str((int(mine.code[-1]) + 1) % 10)
    cases = [(wei, 6000, mine.code, "not_theirs"), (fang, 4000, mine.code, "under_min_spend"),
             (fang, 6000, wrong, "bad_code"),
             (fang, 6000, codes.make_code(99_999_999), "no_coupon")]  # fmt: skip
    before = visits(store)
    for member, bill, code, why in cases:
        with pytest.raises(CouponError) as caught:
            ledger.record_visit(store, member, amount_cents=bill, coupon_code=code)
        assert caught.value.code == why
    assert visits(store) == before and coupons.get(store, mine.id).status() == "valid"
    ledger.record_visit(store, fang, amount_cents=6000, coupon_code=mine.code)
    with pytest.raises(CouponError) as caught:
        ledger.record_visit(store, fang, amount_cents=6000, coupon_code=mine.code)
    assert caught.value.code == "used" and visits(store) == before + 1


def test_expired_wrong_day_wrong_hour_and_not_yet(shop):
    store, fang, _, _ = shop
    weekday = str((TODAY.weekday() + 1) % 7)  # tomorrow's weekday: not today
    other_day, _ = coupons.add_type(store, "周三第二杯半价", "second_half", 50, weekdays=weekday)
    # The visit is a moment ago (whatever hour the suite runs); the late-night coupon's one
    # valid minute is twelve hours from it.
    at = datetime.now(UTC) - timedelta(seconds=1)
    minute = at.astimezone().hour * 60 + at.astimezone().minute
    far = (minute + 720) % 1440
    late, _ = coupons.add_type(store, "夜宵券", "amount_off", 500, from_minute=far,
                               to_minute=far + 1)  # fmt: skip
    soon, _ = coupons.add_type(store, "下周券", "amount_off", 500, valid_days=None,
                               valid_from=TODAY + timedelta(days=7),
                               valid_to=TODAY + timedelta(days=14))  # fmt: skip
    old = coupons.issue(store, fang, coupons.find_type(store, "win_back").id,
                        now=NOW - timedelta(days=30))  # fmt: skip
    for t, why in ((other_day, "wrong_day"), (late, "wrong_hour"), (soon, "not_yet")):
        c = coupons.issue(store, fang, t.id)
        with pytest.raises(CouponError) as caught:
            ledger.record_visit(store, fang, amount_cents=3000, coupon_code=c.code, at=at)
        assert caught.value.code == why
    with pytest.raises(CouponError) as caught:
        ledger.record_visit(store, fang, amount_cents=3000, coupon_code=old.code, at=at)
    assert caught.value.code == "expired"
    statuses = [(c.type_name, c.status()) for c in coupons.for_member(store, fang)]
    assert statuses[-1] == ("好久不见 八折券", "expired")  # valid ones first


def test_cli_coupon_contract(tmp_path, capsys):
    from sqdesk.core.store import Store

    db = str(tmp_path / "c.sqdesk")
    with Store.open(db) as store:
        mid = create(store, MemberInput(name="王芳", joined_on=TODAY - timedelta(days=10)))
        code = members.detail(store, mid).code

    def run(*argv):
        rc = cli.main(["--db", db, *argv])
        out = capsys.readouterr()
        return rc, out.out, out.err

    rc, _, err = run("coupon", "type", "add", "满30减5", "--off", "5", "--min-spend", "30",
                     "--valid-days", "7")  # fmt: skip
    assert rc == 0 and err == ""
    rc, _, err = run("coupon", "type", "add", "减10满5", "--off", "10", "--min-spend", "5")
    assert rc == 0 and "lower than the amount off" in err
    rc, out, _ = run("coupon", "types", "--json")
    assert "满30减5" in [t["name"] for t in json.loads(out)]
    rc, out, _ = run("coupon", "issue", code, "满30减5", "--json")
    issued = json.loads(out)
    assert set(issued) == {"coupon_code", "member_code", "type", "expires_on"}
    assert issued["expires_on"] == (TODAY + timedelta(days=6)).isoformat()
    rc, out, _ = run("visit", code, "--amount", "20", "--coupon", issued["coupon_code"], "--json")
    assert rc == 1  # under its minimum spend: nothing recorded
    rc, out, _ = run("visit", code, "--amount", "38.5", "--coupon", issued["coupon_code"],
                     "--json")  # fmt: skip
    visit = json.loads(out)
    base = next(a["points"] for a in visit["awards"] if a["rule"] == "base")
    assert (visit["paid"], visit["discount"], base) == (33.5, 5.0, 33)
    rc, out, _ = run("coupon", "list", code, "--json")
    (held,) = json.loads(out)
    assert held["status"] == "used" and held["coupon_code"] == issued["coupon_code"]
    assert run("coupon", "issue", code, "没有这种券")[0] == 1
    assert run("coupon", "type", "add", "零元券", "--off", "0")[0] == 1
    assert date.fromisoformat(held["expires_on"]) >= TODAY


def test_a_type_set_to_come_on_joining_is_issued_to_a_new_member(store):
    trial = coupons.find_type(store, "new_member")
    before = create(store, MemberInput(name="早来的"))
    assert coupons.for_member(store, before) == []  # switched off until the shop says so
    coupons.update_type(store, trial.id, auto="joined")
    newcomer = create(store, MemberInput(name="新来的"))
    (c,) = coupons.for_member(store, newcomer)
    assert c.type_name == trial.name and c.status() == "valid"
    with pytest.raises(CouponError):
        coupons.update_type(store, trial.id, auto="anniversary")


def test_referral_level_and_birthday_coupons_come_by_themselves(store):
    thanks = coupons.find_type(store, "referral")
    gift = coupons.find_type(store, "birthday")
    coupons.update_type(store, thanks.id, auto="referral")
    coupons.update_type(store, gift.id, auto="birthday")
    long_ago = TODAY - timedelta(days=200)
    friend = create(store, MemberInput(name="老朋友", joined_on=long_ago))
    newbie = create(store, MemberInput(name="新朋友", joined_on=long_ago,
                                       referrer_id=friend))
    ledger.record_visit(store, newbie, amount_cents=3000)  # the referral is paid: a coupon too
    assert [c.type_name for c in coupons.for_member(store, friend)] == [thanks.name]
    born = create(store, MemberInput(name="寿星", birthday=TODAY.replace(year=1995, day=1)))
    assert coupons.birthday_coupons(store, today=TODAY) == 1
    assert coupons.birthday_coupons(store, today=TODAY) == 0  # once a year
    assert [c.type_name for c in coupons.for_member(store, born)] == [gift.name]


def test_issue_many_skips_who_holds_enough_in_one_go(shop):
    store, fang, wei, t = shop
    coupons.issue(store, fang, t.id)
    report = coupons.issue_many(store, [fang, wei, wei], t.id)
    assert (report.issued, report.skipped) == (1, 1)
    (c,) = coupons.for_member(store, wei)
    assert codes.is_valid_code(c.code) and len(c.code) == 9
    assert coupons.issue(store, create(store, MemberInput(name="后来的")), t.id).code != c.code


def test_figures_count_issued_used_expired_and_the_use_rate(shop):
    store, fang, wei, t = shop
    used = coupons.issue(store, fang, t.id)
    coupons.issue(store, wei, t.id, now=NOW - timedelta(days=20))  # expired six days ago
    ledger.record_visit(store, fang, amount_cents=6000, coupon_code=used.code)
    (row,) = [f for f in coupons.figures(store) if f.type_id == t.id]
    assert (row.issued, row.used, row.expired, row.open) == (2, 1, 1, 0)
    assert row.use_rate == 0.5 and row.spend_cents == 5000
    # The Dashboard asks without the spend: the same counts, the visits not looked up.
    (counts,) = [f for f in coupons.figures(store, spend=False) if f.type_id == t.id]
    assert counts == dataclasses.replace(row, spend_cents=None)


def test_a_post_names_the_members_valid_coupons_and_the_first_last_day(shop):
    from sqdesk.core import post_values
    from sqdesk.core.post_render import render

    store, fang, wei, t = shop
    coupons.issue(store, fang, t.id)
    coupons.issue(store, fang, coupons.find_type(store, "win_back").id)
    text = render("{{ 称呼 }}，你有{{ 优惠券 }}，最早{{ 优惠券到期 }}到期",
                  post_values.values_for(store, member_id=fang, today=TODAY))  # fmt: skip
    last = TODAY + timedelta(days=13)  # both are valid 14 days
    assert "满50减10" in text and "好久不见 八折券" in text
    day = f"{last.month}月{last.day}日"
    assert f"最早{day}到期" in text and f"{day}前有效" in text
    empty = render("{{ 优惠券 or '暂无优惠券' }}", post_values.values_for(store, member_id=wei))
    assert empty == "暂无优惠券"


def test_points_exchanged_for_a_coupon_all_or_nothing(shop):
    from sqdesk.core import rewards

    store, fang, _, t = shop
    ledger.adjust(store, fang, 500, reason="开业赠送")
    reward = rewards.add_reward(store, name="积分换 满50减10 券", cost=200, coupon_type_id=t.id)
    ledger.redeem(store, fang, reward)
    assert ledger.balance(store, fang) == 300
    (c,) = coupons.for_member(store, fang)
    assert c.type_name == "满50减10" and c.status() == "valid"
    with pytest.raises(CouponError) as caught:  # holds one already: no points taken either
        ledger.redeem(store, fang, reward)
    assert caught.value.code == "holds_enough" and ledger.balance(store, fang) == 300
