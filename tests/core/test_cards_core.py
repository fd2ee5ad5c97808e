"""Issue 15, the core: whose cards to print and what is on them, the QR matrix, and a
store check-in from a scanned card (each refusal records nothing)."""

from datetime import UTC, date, datetime, timedelta

import pytest

from sqdesk.core import cards, codes, members, qr, scan_checkin, shop_settings
from sqdesk.core.cards import CardError
from sqdesk.core.member_edit import MemberInput, create, set_archived
from sqdesk.core.scan_checkin import ScanError

NOW = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)  # 11:00 in China


@pytest.fixture
def people(any_store):
    fang = create(any_store, MemberInput(name="张诗芳", nickname="芳芳🌸"))
    wei = create(any_store, MemberInput(name="", nickname="阿伟"))
    return any_store, fang, wei


def code_of(store, member_id):
    return members.detail(store, member_id).code


def test_a_qr_is_never_micro_and_at_least_m():
    m = qr.matrix("1000028")
    assert m.size >= 21 and m.with_quiet_zone == m.size + 8
    assert sum(n for _r, _c, n in m.runs()) == sum(sum(row) for row in m.dark)
    assert qr.matrix("https://u.wechat.com/manager-lin").size > 21  # a longer text, a bigger code
    assert qr.is_wechat_group("https://weixin.qq.com/g/AbC123")
    assert not qr.is_wechat_group("https://u.wechat.com/abc")


def test_cards_carry_the_name_or_nickname_as_the_shop_chooses(people):
    store, fang, wei = people
    assert [(c.name, c.code) for c in cards.for_members(store, [fang, wei])] == [
        ("张诗芳", code_of(store, fang)), ("阿伟", code_of(store, wei))]
    assert [c.name for c in cards.for_members(store, [fang, wei], show="nickname")] == [
        "芳芳🌸", "阿伟"]
    shop_settings.save(store, {"cards.slogan": "扫码加社群，领第二杯半价券",
                               "cards.name": "nickname"})
    assert cards.shop(store).slogan == "扫码加社群，领第二杯半价券"
    assert cards.shop(store).show == "nickname"


def test_whose_cards_by_code_segment_or_not_printed(people):
    store, fang, wei = people
    assert cards.select_members(store, codes_=[code_of(store, wei)]) == [wei]
    assert set(cards.select_members(store, segment="new")) == {fang, wei}
    assert cards.select_members(store, not_printed=True) == [wei, fang]
    cards.mark_printed(store, [fang])
    assert cards.select_members(store, not_printed=True) == [wei]


@pytest.mark.parametrize(("kw", "code"), [({"codes_": ["1000001"]}, "bad_code"),
                                          ({"codes_": [codes.make_code(999)]}, "unknown_code"),
                                          ({"segment": "no such"}, "unknown_segment"),
                                          ({}, "nobody")])  # fmt: skip
def test_bad_selections_are_refused(people, kw, code):
    with pytest.raises(CardError) as caught:
        cards.select_members(people[0], **kw)
    assert caught.value.code == code
    with pytest.raises(CardError):
        cards.check_layout("a5")


def test_a_scan_checks_in_once(people):
    store, fang, _ = people
    code = code_of(store, fang)
    done = scan_checkin.check_in(store, f" {code}\n", now=NOW)
    assert (done.member_id, done.name, done.streak, done.points) == (fang, "张诗芳", 1, 0)
    with pytest.raises(ScanError) as caught:
        scan_checkin.check_in(store, code, now=NOW + timedelta(seconds=20))
    assert caught.value.code == "again"
    with pytest.raises(ScanError) as caught:
        scan_checkin.check_in(store, code, now=NOW + timedelta(hours=2))
    assert caught.value.code == "already_today"
    tomorrow = scan_checkin.check_in(store, code, now=NOW + timedelta(days=1))
    assert tomorrow.streak == 2


def test_scans_that_record_nothing(people):
    store, fang, wei = people
    good = code_of(store, fang)
    wrong = good[:-1] + str((int(good[-1]) + 1) % 10)
    set_archived(store, [wei], True)
    cases = {wrong: "bad_check_digit", "abc": "not_a_code", codes.make_code(999): "unknown",
             code_of(store, wei): "archived"}  # fmt: skip
    for text, why in cases.items():
        with pytest.raises(ScanError) as caught:
            scan_checkin.check_in(store, text, now=NOW)
        assert caught.value.code == why
    assert scan_checkin.check_in(store, "１" + good[1:], now=NOW).member_id == fang  # full width


def test_cli_checkin_json_and_refusals(tmp_path, capsys):
    import json

    from sqdesk import cli
    from sqdesk.core.store import Store

    db = str(tmp_path / "s.sqdesk")
    with Store.open(db) as store:
        code = code_of(store, create(store, MemberInput(name="王芳")))
    assert cli.main(["--db", db, "checkin", code, "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert set(done) == {"member_code", "name", "at", "streak", "points"}
    assert (done["member_code"], done["name"], done["streak"]) == (code, "王芳", 1)
    assert cli.main(["--db", db, "checkin", code]) == 1  # again within a minute
    assert "a moment ago" in capsys.readouterr().err
    assert cli.main(["--db", db, "checkin", code[:-1] + str((int(code[-1]) + 1) % 10)]) == 1
    with Store.open(db) as store:
        from sqdesk.core import ledger

        assert ledger.record_checkin(store, 1, date.today()).new is False  # one check-in
