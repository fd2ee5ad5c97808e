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
