"""The WeChat Groups page, clicked through its real dialogs."""

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from sqdesk.core import groups, members
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.ui.groups.page import GroupsPage


@pytest.fixture
def shop(store):
    for name, mobile in [("张三", "13800138000"), ("曾乐", "13600001111"), ("王芳", "18900005678")]:
        create(store, MemberInput(name=name, mobile=mobile, joined_on=date(2026, 1, 5)))
    return store


@pytest.fixture
def page(qtbot, shop):
    p = GroupsPage(shop)
    qtbot.addWidget(p)
    p.resize(780, 560)
    p.show()
    qtbot.waitExposed(p)
    return p


def qr_png(path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(60, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    assert image.save(str(path))
    return path


def save_group(qtbot, page, name, kind_index=0, capacity=500):
    dialog = page.new_group()
    dialog.name.insert(name)
    dialog.kind.setCurrentIndex(kind_index)
    dialog.capacity.setValue(capacity)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    return dialog


def test_empty_page_says_what_to_do(page):
    assert page.empty.isVisible() and not page.splitter.isVisible()


def test_new_group_then_duplicate_name_keeps_dialog_open(qtbot, page, shop):
    save_group(qtbot, page, "茶语会员1群")
    assert [g.name for g in groups.list_groups(shop)] == ["茶语会员1群"]
    assert page.list.count() == 1 and "0/500" in page.list.item(0).text()
    again = save_group(qtbot, page, "茶语会员１群 ")  # full-width digit, trailing space
    assert again.isVisible() and "exists already" in again.problem.text()
    again.reject()
    assert len(groups.list_groups(shop)) == 1


def test_add_by_search_remove_with_reason_and_history(qtbot, page, shop):
    save_group(qtbot, page, "会员群")
    picker = page.ask_add()
    picker.search.insert("zhangsan")
    assert picker.table.rowCount() == 1
    picker.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert page.table.rowCount() == 1 and page.table.item(0, 1).text() == "张三"
    page.table.selectRow(0)
    leave = page.ask_remove()
    leave.removed.setChecked(True)
    leave.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert page.table.rowCount() == 0
    page.show_left.setChecked(True)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 5).text() == "removed for breaking the rules"
    (stay,) = groups.stays(shop, member_id=members.ordered_ids(shop, search_text="张三")[0])
    assert stay.leave_reason == "removed" and stay.left_on == date.today()


def test_full_group_refuses_with_a_message(qtbot, page, shop):
    save_group(qtbot, page, "小群", capacity=1)
    gid = page.current_id()
    added = page.add_members(gid, members.ordered_ids(shop))
    assert added == 0
    box = page.findChild(QMessageBox)
    assert box is not None and "1" in box.text()
    assert groups.member_ids(shop, gid) == []


def test_qr_import_checks_the_file_and_shows_the_age(qtbot, page, shop, tmp_path):
    save_group(qtbot, page, "会员群")
    fake = tmp_path / "qr.png"
    fake.write_text("这不是图片")
    box = page.import_qr(fake)
    assert isinstance(box, QMessageBox) and "PNG" in box.text()
    assert page.current().qr_taken_on is None
    dialog = page.import_qr(qr_png(tmp_path / "real.png"))
    dialog.taken.setDate(dialog.taken.date().addDays(-5))  # taken 5 days ago: day 6
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    g = page.current()
    assert g.qr_taken_on == date.today() - timedelta(days=5)
    assert g.qr_state(date.today()) == "expiring"
    assert "6" in page.qr_status.text() and page.qr_image.pixmap() is not None
    page.clear_qr()
    assert page.current().qr_taken_on is None


def test_vip_lists_go_to_the_roster(qtbot, page, shop):
    from sqdesk.core import ledger

    zs = members.ordered_ids(shop, search_text="张三")[0]
    ledger.record_visit(shop, zs, amount_cents=8000)  # a ¥80 purchase: VIP-eligible
    page.refresh()
    assert page.invite_button.text() == "VIP invites: 1"
    shown = []
    page.showMembers.connect(lambda tree, title, _sort: shown.append((tree, title)))
    page.invite_button.click()
    from sqdesk.core import filters

    assert filters.member_ids(shop, shown[0][0]) == [zs]


def test_delete_group_asks_with_the_member_count(qtbot, page, shop):
    save_group(qtbot, page, "兴趣群")
    page.add_members(page.current_id(), members.ordered_ids(shop))
    box = page.delete_group()
    assert "3" in box.text()
    next(b for b in box.buttons()
         if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()  # fmt: skip
    assert groups.list_groups(shop) == [] and page.empty.isVisible()
