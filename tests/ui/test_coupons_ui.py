"""Record Visit with coupons (issue 16.3): the member's valid coupons listed, one click (or
the coupon's own code scanned) applies it, the discount and what is left to pay shown as
the bill is typed, and a refusal in plain words that records nothing."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from sqdesk.core import coupons, members
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.ui.points.visit_dialog import VisitDialog
from tests.ui.typing import type_text


@pytest.fixture
def shop(store):
    fang = create(store, MemberInput(name="张诗芳", joined_on=date.today() - timedelta(days=9)))
    wei = create(store, MemberInput(name="李伟", joined_on=date.today() - timedelta(days=9)))
    t, _ = coupons.add_type(store, "满50减10", "amount_off", 1000, min_spend_cents=5000)
    c = coupons.issue(store, fang, t.id)
    return store, fang, wei, c


def _dialog(qtbot, store, member_id=None) -> VisitDialog:
    dialog = VisitDialog(store, member_id=member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_two_clicks_use_a_coupon_with_the_discount_and_points_right(qtbot, shop):
    store, fang, _, c = shop
    dialog = _dialog(qtbot, store, fang)
    assert dialog.coupons.count() == 1 and dialog.coupons.isVisible()
    item = dialog.coupons.item(0)
    assert "满50减10" in item.text() and c.code in item.text()
    qtbot.mouseClick(dialog.coupons.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.coupons.visualItemRect(item).center())  # fmt: skip
    assert dialog.coupon_code == c.code
    type_text(qtbot, dialog.amount, "58")
    assert "¥10.00" in dialog.coupon_note.text() and "¥48.00" in dialog.coupon_note.text()
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert "paid ¥48.00" in dialog.result.text()
    used = coupons.get(store, c.id)
    assert used.status() == "used" and used.visit_id is not None
    assert dialog.coupons.count() == 0 and not dialog.coupons.isVisible()  # next customer


def test_scanning_the_coupon_finds_its_member_and_applies_it(qtbot, shop):
    store, fang, _, c = shop
    dialog = _dialog(qtbot, store)
    dialog.finder.setText(c.code)
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    assert dialog.member_id == fang and dialog.coupon_code == c.code


def test_a_bill_under_the_minimum_is_refused_and_nothing_is_recorded(qtbot, shop):
    store, fang, _, c = shop
    dialog = _dialog(qtbot, store, fang)
    dialog.use_coupon(c.code)
    type_text(qtbot, dialog.amount, "40")
    assert "at least ¥50.00" in dialog.coupon_note.text()
    assert not dialog.record()
    assert "at least ¥50.00" in dialog.result.text()
    assert coupons.get(store, c.id).status() == "valid"
    assert members.detail(store, fang) is not None


def test_clicking_again_takes_the_coupon_off_and_no_coupons_no_row(qtbot, shop):
    store, fang, wei, c = shop
    dialog = _dialog(qtbot, store, fang)
    dialog.use_coupon(c.code)
    dialog._coupon_clicked(dialog.coupons.item(0))
    assert dialog.coupon_code is None
    other = _dialog(qtbot, store, wei)
    assert other.coupons.count() == 0 and not other.coupons.isVisible()


# --- the types and handing them out --------------------------------------------------------------


@pytest.fixture
def window(qtbot, shop):
    from sqdesk.ui.main_window import MainWindow

    w = MainWindow(shop[0])
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_the_coupons_tab_lists_types_with_their_use_rate(qtbot, window, shop):
    store, fang, _, c = shop
    from sqdesk.core import ledger

    ledger.record_visit(store, fang, amount_cents=6000, coupon_code=c.code)
    window.show_page(window.points_page)
    tab = window.points_page.coupon_types
    window.points_page.tabs.setCurrentWidget(tab)
    rows = {tab.table.item(r, 0).text(): r for r in range(tab.table.rowCount())}
    row = rows["满50减10"]
    assert tab.table.item(row, 1).text() == "¥10 off over ¥50"  # English: no translator
    assert (tab.table.item(row, 4).text(), tab.table.item(row, 5).text()) == ("1", "1")
    assert tab.table.item(row, 7).text() == "100%"  # used ÷ (used + expired)
    assert "新人体验券 ¥9.9" in rows


def test_a_new_type_from_the_editor_and_a_refused_one(qtbot, window, shop):
    store = shop[0]
    tab = window.points_page.coupon_types
    dialog = tab.open_editor(None)
    dialog.name.setText("周三第二杯半价")
    dialog.kind.setCurrentIndex(dialog.kind.findData("second_half"))
    dialog.value.setValue(50)
    dialog.weekdays[2].setChecked(True)
    dialog.auto.setCurrentIndex(dialog.auto.findData("joined"))
    assert dialog.save()
    made = coupons.find_type(store, "周三第二杯半价")
    assert (made.kind, made.value, made.weekdays, made.auto) == ("second_half", 50, "2", "joined")
    again = tab.open_editor(None)
    again.name.setText("零元券")
    assert not again.save() and "more than zero" in again.problem.text()


def test_give_a_coupon_to_everyone_in_view(qtbot, window, shop):
    store, _, wei, c = shop
    window.show_page(window.members_page)
    dialog = window.members_page.selection.give_coupons()
    dialog.type_box.setCurrentIndex(dialog.type_box.findData(c.type_id))
    report = dialog.give()
    assert (report.issued, report.skipped) == (1, 1)  # 张诗芳 holds one already
    assert [x.type_name for x in coupons.for_member(store, wei)] == ["满50减10"]
    profile = window.members_page.open_member(wei)
    one = profile.give_coupon()
    one.type_box.setCurrentIndex(one.type_box.findData(coupons.find_type(store, "win_back").id))
    assert one.give().issued == 1
    profile.reject()


# --- a lucky draw ------------------------------------------------------------------------------


def test_the_fan_festival_draw_from_the_attendees_paid_and_posted(qtbot, window, shop):
    from PySide6.QtGui import QGuiApplication

    from sqdesk.core import activities, ledger
    from sqdesk.core.activities import ActivityInput
    from sqdesk.ui.calendar.occurrence_dialog import OccurrenceDialog

    store, fang, wei, _ = shop
    aid = activities.create(store, ActivityInput("粉丝节", date.today()))
    activities.record_attendance(store, aid, date.today(), [fang, wei])
    (o,) = [x for x in activities.occurrences(store, date.today(), date.today())
            if x.activity_id == aid]  # fmt: skip
    occurrence = OccurrenceDialog(store, o, window)
    qtbot.addWidget(occurrence)
    dialog = occurrence.lucky_draw()
    assert "2 member" in dialog.about.text() and dialog.title.text() == "粉丝节抽奖"
    dialog.winners.setValue(1)
    dialog.points.setValue(88)
    result = dialog.run_draw()
    (winner,) = result.winners
    assert winner.member_id in (fang, wei) and str(result.seed) in dialog.outcome.text()
    assert not dialog.draw_button.isEnabled()  # one draw per dialog: no redrawing until lucky
    before = ledger.balance(store, winner.member_id)
    assert dialog.pay() == 1 and ledger.balance(store, winner.member_id) == before + 88
    assert not dialog.pay_button.isEnabled()
    text = dialog.copy_post()
    assert QGuiApplication.clipboard().text() == text and winner.name in text
    # Replaying with the seed gives the same winner.
    again = occurrence.lucky_draw()
    again.winners.setValue(1)
    again.seed.setText(str(result.seed))
    assert again.run_draw().winners == result.winners


def test_a_draw_asking_too_much_says_so(qtbot, window, shop):
    dialog = window.members_page.selection.lucky_draw()
    dialog.winners.setValue(50)
    assert dialog.run_draw() is None and "ask for fewer" in dialog.outcome.text()
    dialog.seed.setText("abc")
    assert dialog.run_draw() is None and "whole number" in dialog.outcome.text()


def test_the_leaderboard_tab_copies_the_post_and_leaves_a_member_off(qtbot, window, shop):
    from PySide6.QtGui import QGuiApplication

    from sqdesk.core import ledger

    store, fang, wei, _ = shop
    ledger.record_visit(store, fang, amount_cents=8000)
    ledger.record_visit(store, wei, amount_cents=3000)
    window.show_page(window.points_page)
    tab = window.points_page.boards
    window.points_page.tabs.setCurrentWidget(tab)
    assert [r.name for r in tab.rows] == ["张诗芳", "李伟"]
    text = tab.copy_post()
    assert QGuiApplication.clipboard().text() == text and "🥇 张诗芳" in text
    tab.leave_off(fang)
    assert [r.name for r in tab.rows] == ["李伟"]  # the tab followed


def test_quick_awards_from_the_profile_and_for_a_pasted_list(qtbot, window, shop):
    from sqdesk.core import ledger

    store, fang, wei, _ = shop
    profile = window.members_page.open_member(fang)
    assert profile.quick_award("晒单")
    assert not profile.quick_award("晒单")  # once a day
    assert ledger.balance(store, fang) == 20
    profile.reject()
    dialog = window.members_page.quick_awards()
    dialog.kind.setCurrentIndex(dialog.kind.findData("好评"))
    dialog.text.setPlainText("1. 张诗芳\n2. 李伟\n3. 陌生人")
    done = dialog.give()
    assert (done.paid, done.unmatched) == (2, ["陌生人"])
    assert "陌生人" in dialog.result.text() and ledger.balance(store, wei) == 30


def test_today_reminds_of_coupons_about_to_expire_one_by_one(qtbot, window, shop):
    from datetime import UTC, datetime

    from sqdesk.ui.today.page import ItemRole

    store, _, wei, _ = shop
    old = datetime.now(UTC) - timedelta(days=25)  # a 30-day coupon: 5 days left
    coupons.issue(store, wei, coupons.find_type(store, "new_member").id, now=old)
    assert coupons.expiring(store) == [wei]  # 张诗芳's lasts 30 days: not yet
    page = window.today_page
    window.show_page(page)
    page._fill_watch(date.today())
    (item,) = [page.watch.item(i) for i in range(page.watch.count())
               if page.watch.item(i).data(ItemRole) == ("coupons",)]  # fmt: skip
    assert "1 member" in item.text() and "7 days" in item.text()
    run = page.remind_coupons()
    assert "李伟" in run.who.text() and "新人体验券 ¥9.9" in run._text  # {{ 优惠券 }} filled
    run.close()


def test_a_reward_that_gives_a_coupon_from_the_rewards_tab(qtbot, window, shop):
    from sqdesk.core import rewards

    store, _, _, c = shop
    page = window.points_page
    window.show_page(page)
    page.tabs.setCurrentIndex(3)  # Rewards
    page.reward_name.setText("积分换券")
    page.reward_coupon.setCurrentIndex(page.reward_coupon.findData(c.type_id))
    assert page.add_reward()
    (made,) = [r for r in rewards.list_rewards(store) if r.name == "积分换券"]
    assert made.coupon_type_id == c.type_id
    names = [page.rewards.item(r, 0).text() for r in range(page.rewards.rowCount())]
    assert "积分换券 🎫 满50减10" in names


def test_the_shop_edits_its_quick_awards(qtbot, window, shop):
    from sqdesk.core import awards

    dialog = window.members_page.quick_awards()
    kinds = dialog.edit_kinds()
    r = kinds.add_row("带朋友来", 15, True)
    assert kinds.table.rowCount() == 4
    kinds.table.setCurrentCell(0, 0)
    kinds.table.removeRow(0)  # 晒单 goes
    assert kinds.save()
    assert [k.name for k in awards.kinds(shop[0])] == ["好评", "UGC 照片", "带朋友来"]
    assert dialog.kind.findData("带朋友来") >= 0 and dialog.kind.findData("晒单") < 0
    again = dialog.edit_kinds()
    again.table.cellWidget(0, 0).setText("UGC 照片")  # two with one name
    assert not again.save() and "its own name" in again.problem.text()
    assert r == 3


def test_the_profile_lists_the_coupons_and_prints_them_to_a_pdf(qtbot, window, shop, tmp_path):
    """The profile's Coupons tab: valid first, a used one greyed 'Used'; Print… takes the
    valid ones (or the chosen row) and saves a PDF in the background; a bulk give can open
    the printing of exactly the coupons it handed out."""
    from sqdesk.core import ledger
    from sqdesk.ui.coupons.member_tab import MemberCouponsPanel
    from sqdesk.ui.coupons.print_dialog import CouponPrintDialog

    store, fang, _, c = shop
    ledger.record_visit(store, fang, amount_cents=6000, coupon_code=c.code)  # used
    fresh = coupons.issue(store, fang, coupons.find_type(store, "win_back").id)
    profile = window.members_page.open_member(fang)
    panel = profile.coupons
    assert isinstance(panel, MemberCouponsPanel)
    profile.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2)
    assert [panel.table.item(r, 0).text() for r in range(2)] == [fresh.code, c.code]
    assert panel.table.item(1, 4).text() == "Used"
    assert [x.id for x in panel.chosen()] == [fresh.id]  # nothing chosen: the valid ones
    dialog = panel.print_()
    assert isinstance(dialog, CouponPrintDialog) and dialog.coupon_ids == [fresh.id]
    assert dialog.layout_box.currentData() == "thermal-58"  # one coupon: the receipt printer
    out = tmp_path / "fang.pdf"
    job = dialog.save_pdf(out)
    qtbot.waitUntil(lambda: out.exists() and job.done, timeout=10_000)
    dialog.reject()
    profile.reject()

    window.show_page(window.members_page)
    give = window.members_page.selection.give_coupons()
    give.type_box.setCurrentIndex(give.type_box.findData(c.type_id))
    give.print_them.setChecked(True)
    report = give.give()
    assert report.issued == 2 and len(report.ids) == 2  # both hold none valid of it now
    assert sorted(give.printing.coupon_ids) == sorted(report.ids)
    assert give.printing.layout_box.currentData() == "a4-10"
    give.printing.reject()
