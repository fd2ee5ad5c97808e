from datetime import date

import pytest
from PySide6.QtCore import Qt

from sqdesk.core import ledger, members, rewards, shop_settings
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.ui.changes import Area, announce, hub
from sqdesk.ui.main_window import MainWindow
from sqdesk.ui.members.dialog import MemberDialog
from sqdesk.ui.points.visit_dialog import VisitDialog


@pytest.fixture
def shop(store):
    mid = create(store, MemberInput(name="张三", mobile="13800138000", birthday=date(1990, 1, 2),
                                    joined_on=date(2020, 1, 1)))  # fmt: skip
    rewards.add_reward(store, name="美式咖啡", cost=50)
    return store, mid, members.detail(store, mid).code


def balance(store, mid):
    with store.read() as s:
        return ledger.balance_in(s, mid)


def test_scan_amount_enter_records_a_visit(qtbot, shop):
    store, mid, code = shop
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    dialog = window.record_visit()
    assert isinstance(dialog, VisitDialog)
    # A keyboard-wedge scanner types the code and Enter...
    qtbot.keyClicks(dialog.finder, code)
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    assert dialog.member_id == mid
    assert dialog.isVisible()  # Enter chose the member; it did not close the dialog
    assert dialog.amount.hasFocus() or dialog.focusWidget() is dialog.amount
    # ...then the amount and Enter.
    with qtbot.waitSignal(dialog.recorded) as done:
        qtbot.keyClicks(dialog.amount, "38.5")
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert done.args == [mid, 38 + 50]
    assert dialog.isVisible()  # ready for the next customer
    # The confirmation names the member: "张三 +88 积分，余额 88" in Chinese.
    assert "张三 +88" in dialog.result.text() and "88</b>" in dialog.result.text()
    assert balance(store, mid) == 88
    # Ready for the next customer.
    assert dialog.member_id is None and dialog.finder.text() == ""


def test_a_scanned_code_of_nobody_is_called_out_and_selected_for_the_next_scan(qtbot, shop):
    from sqdesk.core import codes

    store, mid, code = shop
    dialog = VisitDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    nobody = codes.make_code(codes.serial_of(code) + 500)  # well formed, nobody has it
    qtbot.keyClicks(dialog.finder, nobody)
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    assert dialog.member_id is None
    assert nobody in dialog.result.text()
    assert dialog.finder.selectedText() == nobody  # the next scan replaces it
    qtbot.keyClicks(dialog.finder, code)  # the next scan
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    assert dialog.member_id == mid and dialog.result.text() == ""  # the error is gone


def test_visit_dialog_refuses_bad_amounts_and_finds_by_mobile_tail(qtbot, shop):
    store, mid, _ = shop
    dialog = VisitDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.finder, "8000")
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    assert dialog.member_id == mid
    for bad in ("abc", "-5", "1.234", "0", "inf", "nan", "1e-5", ""):
        dialog.amount.setText(bad)
        assert not dialog.record()
        assert dialog.result.text()  # says why
    assert balance(store, mid) == 0


def test_profile_points_tab_redeem_adjust_reverse(qtbot, shop):
    store, mid, _ = shop
    ledger.record_visit(store, mid, amount_cents=10000)  # 100 + 50
    dialog = MemberDialog(store, mid)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.points
    dialog.tabs.setCurrentWidget(panel)  # where one redeems and adjusts
    assert panel is not None and "150" in panel.summary_label.text()
    assert panel.table.rowCount() == 2
    ask = panel.ask_redeem()
    with qtbot.waitSignal(hub().changed):
        ask.textValueSelected.emit(ask.comboBoxItems()[0])
    assert balance(store, mid) == 100
    adjust = panel.ask_adjust()
    adjust.points.setValue(-30)
    assert not adjust.buttons.button(adjust.buttons.StandardButton.Ok).isEnabled()  # no reason
    adjust.reason.setText("纠正")
    with qtbot.waitSignal(hub().changed):
        adjust.accept()
    assert balance(store, mid) == 70
    # Reversing the first visit's 100 points: more than the member still has? no: 70 < 100.
    first = panel.summary.entries[-1].id
    ask = panel.ask_reverse(first)
    ask.textValueSelected.emit("录错")
    assert "70" in panel.message.text()  # refused, with the balance
    assert balance(store, mid) == 70
    redeem = next(e.id for e in panel.summary.entries if e.kind == "redeem")
    ask = panel.ask_reverse(redeem)
    with qtbot.waitSignal(hub().changed):
        ask.textValueSelected.emit("顾客退回")
    assert balance(store, mid) == 120


def test_points_expire_when_the_window_opens(qtbot, shop):
    from datetime import UTC, datetime

    store, mid, _ = shop
    long_ago = datetime(2020, 5, 6, 12, tzinfo=UTC)
    ledger.record_visit(store, mid, amount_cents=5000, at=long_ago)
    assert balance(store, mid) == 100
    window = MainWindow(store)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.upkeep_job is not None and window.upkeep_job.done,
                    timeout=10000)  # fmt: skip
    assert balance(store, mid) == 0
    assert window.daily_upkeep() is None  # once a day


def test_points_page_lists_totals_expiring_rewards_and_saves_rules(qtbot, shop):
    from datetime import UTC, datetime, timedelta

    from sqdesk.ui.points.page import PointsPage

    store, mid, _ = shop
    ledger.record_visit(store, mid, amount_cents=3800)
    almost_a_year = datetime.now(UTC) - timedelta(days=350)
    ledger.record_visit(store, mid, amount_cents=2000, at=almost_a_year)
    page = PointsPage(store)
    qtbot.addWidget(page)
    page.show()
    page.load_entries()
    assert page.entries.rowCount() == 2  # the older visit is outside the last month
    page.member_filter.setText("无此人")
    page.load_entries()
    assert page.entries.rowCount() == 0
    page.load_totals()
    assert page.totals.rowCount() >= 1
    page.load_expiring()
    assert page.expiring.rowCount() == 1 and page.expiring.item(0, 3).text() == "20"
    page.load_rewards()
    assert page.rewards.item(0, 0).text() == "美式咖啡"
    page.tabs.setCurrentIndex(3)  # Rewards, where one adds a reward
    page.reward_name.setText("美式咖啡")
    assert not page.add_reward()  # the name exists
    page.reward_name.setText("帆布袋")
    page.reward_stock.setValue(10)
    assert page.add_reward() and page.rewards.rowCount() == 2
    page.ppy.setValue(2)
    page.member_day.setText("18")
    assert "18" in page.example.text()
    assert page.save_rules()
    with store.read() as s:
        rules = ledger.rules_in(s)
    assert rules.points_per_yuan == 2 and rules.member_days == (18,)
    page.member_day.setText("18，28")  # as Settings takes them, a full-width comma too
    assert page.save_rules() and ledger.rules(store).member_days == (18, 28)
    page.member_day.setText("32")
    assert not page.save_rules() and "31" in page.rules_message.text()
    assert ledger.rules(store).member_days == (18, 28)
    shop_settings.save(store, {"points.member_days": (8,)})  # from Settings meanwhile
    announce(Area.POINTS)
    page.tabs.setCurrentIndex(5)
    assert page.member_day.text() == "8"


def test_undo_a_whole_visit_from_the_ledger(qtbot, shop):
    store, mid, _ = shop
    result = ledger.record_visit(store, mid, amount_cents=4000)
    dialog = MemberDialog(store, mid)
    qtbot.addWidget(dialog)
    ask = dialog.points.ask_void_visit(result.visit_id)
    with qtbot.waitSignal(hub().changed):
        ask.textValueSelected.emit("收银录错")
    assert balance(store, mid) == 0
    assert "90" in dialog.points.message.text()


def test_levels_tab_adds_a_level_and_lists_upgrades(qtbot, shop):
    from sqdesk.ui.points.page import PointsPage

    store, mid, _ = shop
    page = PointsPage(store)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentIndex(4)  # Levels
    page.level_name.setText("银卡")
    page.level_threshold.setValue(100)
    assert page.add_level()
    assert page.levels.rowCount() == 1
    ledger.record_visit(store, mid, amount_cents=10000)
    page.load_levels()
    assert page.levels.item(0, 2).text() == "1"
    assert page.upgrades.rowCount() == 1 and "张三" in page.upgrades.item(0, 1).text()
    page.level_name.setText("银卡")
    assert not page.add_level()


def test_reward_with_dates_and_every_rule_in_the_example(qtbot, shop):
    from sqdesk.ui.points.page import PointsPage

    store, _, _ = shop
    page = PointsPage(store)
    qtbot.addWidget(page)
    page.reward_name.setText("中秋礼盒")
    page.reward_from.setText("2026-09-01")
    page.reward_to.setText("2026年9月30日")
    assert page.add_reward()
    info = next(r for r in rewards.list_rewards(store) if r.name == "中秋礼盒")
    assert (info.active_from, info.active_to) == (date(2026, 9, 1), date(2026, 9, 30))
    page.reward_name.setText("坏日期")
    page.reward_from.setText("2026-02-30")
    assert not page.add_reward()
    page.referral_bonus.setValue(77)
    page.streak_days.setValue(5)
    assert "77" in page.example.text() and "5" in page.example.text()


def test_a_scan_sounds_its_result_when_the_shop_wants_it(qtbot, shop):
    from sqdesk.ui import sounds

    store, mid, code = shop
    dialog = VisitDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    sounds.played.clear()
    qtbot.keyClicks(dialog.finder, code)
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    assert dialog.member_id == mid and sounds.played == []  # off unless switched on
    shop_settings.save(store, {"scan.sound": True})
    dialog.finder.clear()
    qtbot.keyClicks(dialog.finder, code)
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.amount, "38")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.finder, "1000000")  # a code no member has (or a bad one)
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    assert sounds.played == ["ok", "ok", "refused"]
