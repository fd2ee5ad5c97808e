"""The shop's settings: one registry for the page, the set-up and `sqdesk-cli settings`."""

import json
from dataclasses import fields
from datetime import date

import pytest

from sqdesk import cli
from sqdesk.core import ledger, post_values, posts, segments, shop_settings
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.points_rules import EarningRules
from sqdesk.core.post_render import render
from sqdesk.core.shop_settings import SettingsError
from sqdesk.core.store import Store

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def run(capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_every_rule_and_threshold_has_a_key():
    rule_fields = {sp.field for sp in shop_settings.SPECS if sp.section == "points"}
    threshold_fields = {sp.field for sp in shop_settings.SPECS if sp.section == "segments"}
    assert rule_fields == {f.name for f in fields(EarningRules)}
    assert threshold_fields == {f.name for f in fields(segments.Thresholds)}
    assert {sp.section for sp in shop_settings.SPECS} == set(shop_settings.SECTIONS)


def test_defaults_on_a_new_store(store):
    vals = shop_settings.values(store)
    assert vals["shop.name"] is None and vals["shop.logo"] is None
    assert vals["points.per_yuan"] == 1 and vals["points.member_days"] == (8,)
    assert vals["backups.daily"] is True and vals["scan.sound"] is False
    assert shop_settings.needs_setup(store)


def test_rules_and_thresholds_are_the_ones_the_ledger_and_segments_read(store):
    shop_settings.save(store, {"points.per_yuan": 3, "points.member_days": (18, 8),
                               "segments.core_spend_12m": 150_000})  # fmt: skip
    assert ledger.rules(store).points_per_yuan == 3
    assert ledger.rules(store).member_days == (8, 18)
    assert segments.load_thresholds(store).core_spend_12m == 150_000
    mid = create(store, MemberInput(name="张诗芳", joined_on=date(2026, 1, 1)))
    posted = ledger.record_visit(store, mid, amount_cents=1000)
    assert posted.points >= 30  # ¥10 at 3 points a yuan (and the first-visit bonus)


def test_parse_reads_what_people_type():
    assert shop_settings.parse("points.member_days", "8，18") == (8, 18)
    assert shop_settings.parse("points.member_days", "１８ 8") == (8, 18)
    assert shop_settings.parse("segments.high_value_12m", "¥5,000.50") == 500_050
    assert shop_settings.parse("points.per_yuan", "２") == 2
    assert shop_settings.parse("points.member_days", "") == ()  # no member day
    assert shop_settings.parse("scan.sound", "开") is True
    assert shop_settings.parse("shop.name", "  ") is None


@pytest.mark.parametrize(("key", "text", "code"), [
    ("shop.nam", "x", "unknown_key"),
    ("points.per_yuan", "abc", "not_a_number"),
    ("points.per_yuan", "1.5", "not_a_number"),
    ("points.member_days", "每月八号", "bad_days"),
    ("points.expiry", "soon", "bad_choice"),
    ("scan.sound", "maybe", "bad_bool"),
    ("segments.core_spend_12m", "lots", "not_a_number"),
    ("segments.potential_ratio", "nan", "not_a_number"),
])  # fmt: skip
def test_parse_refuses_with_a_code(key, text, code):
    with pytest.raises(SettingsError) as caught:
        shop_settings.parse(key, text)
    assert caught.value.code == code


@pytest.mark.parametrize(("changes", "code"), [
    ({"points.per_yuan": 101}, "out_of_range"),
    ({"points.member_days": (0,)}, "bad_days"),
    ({"points.member_days": (32,)}, "bad_days"),
    ({"shop.name": "茶" * 41}, "too_long"),
    ({"shop.hours": "10:00\n22:00"}, "not_one_line"),
    ({"shop.logo": b"GIF89a..."}, "bad_image"),
    ({"shop.logo": PNG + b"\x00" * shop_settings.MAX_IMAGE_BYTES}, "image_too_big"),
    ({"backups.keep_days": 0}, "out_of_range"),
])  # fmt: skip
def test_save_refuses_and_writes_nothing(store, changes, code):
    before = shop_settings.values(store)
    with pytest.raises(SettingsError) as caught:
        shop_settings.save(store, {"shop.name": "茶语时光", **changes})
    assert caught.value.code == code
    assert shop_settings.values(store) == before  # not even the good value beside it


def test_text_and_images_round_trip_and_clear(store):
    shop_settings.save(store, {"shop.name": " 茶语时光·天河店 🍵 ", "shop.logo": PNG})
    vals = shop_settings.values(store)
    assert vals["shop.name"] == "茶语时光·天河店 🍵" and vals["shop.logo"] == PNG
    assert not shop_settings.needs_setup(store)
    shop_settings.save(store, {"shop.name": None, "shop.logo": None})
    assert shop_settings.values(store)["shop.name"] is None
    assert shop_settings.values(store)["shop.logo"] is None


def test_the_morning_report_never_shows_made_up_values(store):
    morning = posts.find(store, "早报")
    today = date(2026, 11, 30)
    text = render(morning.body, post_values.day_values(store, today))
    assert "门店" not in text and "10:00-22:00" not in text and "茶语" not in text
    assert "营业时间" not in text and "地址" not in text and "None" not in text
    assert text.startswith("☀️【早报】11月30日 星期一")
    shop_settings.save(store, {"shop.name": "茶语时光", "shop.hours": "10:00-22:00",
                               "shop.address": "天河路 385 号"})  # fmt: skip
    text = render(morning.body, post_values.day_values(store, today))
    assert text.startswith("☀️【茶语时光早报】")
    assert "营业时间：10:00-22:00" in text and "地址：天河路 385 号" in text
    welcome = posts.find(store, "新人进群欢迎")
    text = render(welcome.body, post_values.day_values(store, today))
    assert "@" not in text  # no manager set: no "@店长"
    shop_settings.save(store, {"shop.manager": "林店长", "points.member_days": (8, 18)})
    text = render(welcome.body, post_values.day_values(store, today))
    assert "@林店长" in text and "每月 8、18 号" in text


def test_an_unedited_old_builtin_gets_the_new_text(store):
    from sqdesk.core.models import PostTemplate

    posts.ensure_builtins(store)
    with store.session() as s:
        row = s.query(PostTemplate).filter_by(key="morning").one()
        row.body = posts._EARLIER["morning"][0]
    posts.ensure_builtins(store)
    assert posts.find(store, "早报").body == posts._DEFAULTS["morning"]


def test_cli_lists_and_sets(tmp_path, capsys):
    db = str(tmp_path / "s.sqdesk")
    Store.open(db).close()
    code, out, _ = run(capsys, "--db", db, "settings", "--json")
    listed = json.loads(out)
    assert code == 0 and set(listed) == set(shop_settings.BY_KEY)
    assert listed["shop.name"] is None and listed["points.member_days"] == [8]
    assert listed["segments.core_spend_12m"] == 2000  # yuan
    code, out, _ = run(capsys, "--db", db, "settings", "set", "shop.name", "茶语时光 🍵")
    assert code == 0 and out.strip() == "shop.name = 茶语时光 🍵"
    code, out, _ = run(capsys, "--db", db, "settings", "set", "shop.hours", "10:00-22:00",
                       "--json")  # fmt: skip
    assert code == 0 and json.loads(out) == {"shop.hours": "10:00-22:00"}
    code, out, _ = run(capsys, "--db", db, "settings")
    assert code == 0 and "茶语时光 🍵" in out and "shop.address" in out
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    code, out, _ = run(capsys, "--db", db, "settings", "set", "shop.logo", str(logo))
    assert code == 0 and "png" in out
    code, out, _ = run(capsys, "--db", db, "post", "render", "早报")
    assert "【茶语时光 🍵早报】" in out and "营业时间：10:00-22:00" in out and "地址" not in out


@pytest.mark.parametrize("argv", [
    ("settings", "set", "shop.nam", "x"),
    ("settings", "set", "points.per_yuan", "many"),
    ("settings", "set", "points.per_yuan", "500"),
    ("settings", "set", "shop.logo", "/no/such/logo.png"),
])  # fmt: skip
def test_cli_refuses_with_exit_1_and_changes_nothing(tmp_path, capsys, argv):
    db = str(tmp_path / "s.sqdesk")
    Store.open(db).close()
    code, out, err = run(capsys, "--db", db, *argv)
    assert code == 1 and out == "" and err.startswith("error: ")
    with Store.open(db) as store:
        assert shop_settings.values(store)["points.per_yuan"] == 1
        assert shop_settings.values(store)["shop.logo"] is None


def test_cli_set_without_a_value_is_a_usage_error(tmp_path, capsys):
    db = str(tmp_path / "s.sqdesk")
    code, _out, err = run(capsys, "--db", db, "settings", "set", "shop.name")
    assert code == 2 and "settings set" in err
