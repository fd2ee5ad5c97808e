"""Quick awards (issue 16.6): the shop's own point awards, once per member per day unless
they may repeat, to one member or to a pasted list; the kinds are the shop's to change."""

import json
from datetime import UTC, date, datetime, time, timedelta

import pytest

from sqdesk import cli
from sqdesk.core import awards, ledger, members
from sqdesk.core.awards import AwardError, Kind
from sqdesk.core.member_edit import MemberInput, create

# Noon today, the shop's time: "5 minutes later" must stay on the same day whenever the
# suite runs (at 23:55 it crossed midnight and the award was due again).
NOW = datetime.combine(date.today(), time(12)).astimezone(UTC)


@pytest.fixture
def shop(any_store):
    return any_store, [create(any_store, MemberInput(name=n)) for n in ("张诗芳", "李伟")]


def test_an_award_is_paid_once_a_day(shop):
    store, (fang, _) = shop
    assert awards.give(store, fang, "晒单", now=NOW)
    assert not awards.give(store, fang, "晒单", now=NOW + timedelta(minutes=5))
    assert ledger.balance(store, fang) == 20
    assert awards.give(store, fang, "晒单", now=NOW + timedelta(days=1))
    assert ledger.balance(store, fang) == 40


def test_the_shop_changes_the_kinds_and_one_may_repeat(shop):
    store, (fang, _) = shop
    awards.save_kinds(store, [Kind("带朋友来", 15, repeat=True)])
    assert [k.name for k in awards.kinds(store)] == ["带朋友来"]
    assert awards.give(store, fang, "带朋友来") and awards.give(store, fang, "带朋友来")
    assert ledger.balance(store, fang) == 30
    with pytest.raises(AwardError):
        awards.give(store, fang, "晒单")  # no longer a kind
    for bad in ([Kind("", 5)], [Kind("a", 0)], [Kind("a", 5), Kind("a", 6)]):
        with pytest.raises(AwardError):
            awards.save_kinds(store, bad)


def test_a_pasted_list_pays_everyone_it_names(shop):
    store, (fang, wei) = shop
    pasted = "#接龙 晒单有礼\n1. 张诗芳\n2. 李伟 好喝！\n3. 不认识的人\n4. 张诗芳"
    result = awards.give_pasted(store, "好评", pasted)
    assert (result.paid, result.matched) == (2, 2) and result.unmatched == ["不认识的人"]
    assert ledger.balance(store, fang) == ledger.balance(store, wei) == 30
    assert awards.give_pasted(store, "好评", pasted).paid == 0  # the same day again


def test_cli_award(tmp_path, capsys):
    from sqdesk.core.store import Store

    db = str(tmp_path / "a.sqdesk")
    with Store.open(db) as store:
        code = members.detail(store, create(store, MemberInput(name="王芳"))).code
    assert cli.main(["--db", db, "award", code, "UGC 照片", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"member_code": code, "award": "UGC 照片",
                                                   "paid": True, "balance": 10}  # fmt: skip
    assert cli.main(["--db", db, "award", code, "点赞"]) == 1
