"""The roster's filter builder, tag chips, segment thresholds and adding to a group."""

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from sqdesk.core import groups, ledger, members, segments, tags
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.ui.members.model import MemberTableModel, TagsRole
from sqdesk.ui.members.page import MembersPage


@pytest.fixture
def shop(store):
    ids = {}
    for name, source in [("张三", "抖音"), ("曾乐", "小红书"), ("王芳", "抖音"), ("李四", "")]:
        ids[name] = create(store, MemberInput(name=name, source=source,
                                              joined_on=date(2026, 1, 5)))  # fmt: skip
    group = tags.create_group(store, "口味偏好")
    tea = tags.create_tag(store, group, "爱喝茶🍵", color="#2e7d5b")
    sugar = tags.create_tag(store, group, "少糖去冰", color="#2b6cb0")
    tags.add_tag(store, [ids["张三"], ids["曾乐"], ids["王芳"]], tea)
    tags.add_tag(store, [ids["曾乐"]], sugar)
    now = datetime.now(UTC)
    for _ in range(3):
        ledger.record_visit(store, ids["张三"], amount_cents=20000, at=now - timedelta(days=3))
    return store, ids, tea, sugar


@pytest.fixture
def page(qtbot, shop):
    p = MembersPage(shop[0])
    qtbot.addWidget(p)
    p.resize(780, 560)
    p.show()
    qtbot.waitExposed(p)
    return p


def shown_ids(page):
    return set(page.model.view_ids())


def settle(qtbot, page, expected_count):
    qtbot.waitUntil(lambda: page.model.rowCount() == expected_count, timeout=2000)


def test_tags_and_not_with_live_count(qtbot, page, shop):
    _store, ids, tea, sugar = shop
    page.segments.filter_button.click()
    assert page.segments.filter_panel.isVisible()
    row = page.segments.filter_panel.rows[0]  # opens with a tag condition ready
    row.editors["tags"].set_values([tea])
    settle(qtbot, page, 3)
    no_sugar = page.segments.filter_panel.add_condition("tags")
    no_sugar.negate.setCurrentIndex(1)  # without
    no_sugar.editors["tags"].set_values([sugar])
    settle(qtbot, page, 2)
    assert shown_ids(page) == {ids["张三"], ids["王芳"]}
    assert "2" in page.header.subtitle.text()
    spend = page.segments.filter_panel.add_condition("spend")
    spend.editors["min"].setValue(500)  # ¥500 in the last 365 days
    settle(qtbot, page, 1)
    assert shown_ids(page) == {ids["张三"]}
    page.segments.filter_panel.match.setCurrentIndex(1)  # any of them: 李四 has no sugar tag either
    settle(qtbot, page, 4)


def test_contradictory_filter_shows_nobody_without_error(qtbot, page, shop):
    _store, _ids, tea, _ = shop
    page.segments.filter_button.click()
    page.segments.filter_panel.rows[0].editors["tags"].set_values([tea])
    other = page.segments.filter_panel.add_condition("tags")
    other.editors["tags"].set_values([tea])
    other.negate.setCurrentIndex(1)
    settle(qtbot, page, 0)
    assert page.empty.isVisible()


def test_save_as_segment_and_delete_it(qtbot, page, shop):
    store, _ids, _, _ = shop
    page.segments.filter_button.click()
    row = page.segments.filter_panel.rows[0]
    page.segments.filter_panel.remove_condition(row)
    source = page.segments.filter_panel.add_condition("source")
    source.editors["in"].set_values(["抖音"])
    settle(qtbot, page, 2)
    dialog = page.segments.ask_save(page.segments.filter_panel.tree())
    dialog.setTextValue("抖音来的会员🎵")
    dialog.accept()
    assert "抖音来的会员🎵" in segments.saved(store)
    assert page.segments.current_title() == "抖音来的会员🎵" and page.model.rowCount() == 2
    again = page.segments.ask_save(page.segments.filter_panel.tree()
                                   or {"field": "source", "in": ["x"]})  # fmt: skip
    again.setTextValue(" 抖音来的会员🎵 ")
    again.accept()  # same name: refused with a message, nothing saved twice
    assert list(segments.saved(store)) == ["抖音来的会员🎵"]
    from PySide6.QtWidgets import QMessageBox

    for box in page.findChildren(QMessageBox):
        box.close()
    box = page.segments.delete_saved()
    next(b for b in box.buttons()
         if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()  # fmt: skip
    assert segments.saved(store) == {} and page.model.rowCount() == 4


def test_closing_the_panel_shows_everyone_again(qtbot, page, shop):
    _, _, tea, _ = shop
    page.segments.filter_button.click()
    page.segments.filter_panel.rows[0].editors["tags"].set_values([tea])
    settle(qtbot, page, 3)
    page.segments.filter_button.click()
    assert not page.segments.filter_panel.isVisible() and page.model.rowCount() == 4


def test_group_condition_and_roster_add_to_group(qtbot, page, shop):
    store, ids, _, _ = shop
    vip = groups.create_group(store, "VIP群", kind="vip")
    page.table.selectRow(page.model.row_of(ids["张三"]))
    assert page.selection.add_selected_to_group(vip) == 1
    page.segments.filter_button.click()
    page.segments.filter_panel.remove_condition(page.segments.filter_panel.rows[0])
    cond = page.segments.filter_panel.add_condition("group")
    cond.editors["which"].setCurrentIndex(cond.editors["which"].findData("kind:vip"))
    settle(qtbot, page, 1)
    cond.negate.setCurrentIndex(1)  # not in
    settle(qtbot, page, 3)
    assert ids["张三"] not in shown_ids(page)


def test_tag_chips_in_the_roster_and_export(qtbot, page, shop, tmp_path):
    store, ids, _, _ = shop
    m = page.model
    row = m.row_of(ids["曾乐"])
    chips = m.index(row, MemberTableModel.TAGS_COLUMN).data(TagsRole)
    assert chips == [("爱喝茶🍵", "#2e7d5b"), ("少糖去冰", "#2b6cb0")]
    assert m.index(row, MemberTableModel.TAGS_COLUMN).data() == "爱喝茶🍵、少糖去冰"
    # The delegate paints each chip once into a picture and copies it after: the chip's
    # colour is on screen in the row's Tags cell, and a second paint makes no new pictures.
    cell = page.table.visualRect(m.index(row, MemberTableModel.TAGS_COLUMN))
    shot = page.table.viewport().grab().toImage()
    colours = {shot.pixelColor(x, cell.center().y()).name()
               for x in range(cell.left(), cell.right())}
    assert "#2e7d5b" in colours and "#2b6cb0" in colours
    made = len(page.tag_delegate._chips)
    page.table.viewport().grab()
    assert made >= 2 and len(page.tag_delegate._chips) == made
    columns = page.files.export_columns()
    assert columns[-1][1] == "Tags"
    from sqdesk.core.member_export import export_members

    path = tmp_path / "out.csv"
    export_members(store, path, member_ids=[ids["曾乐"]], columns=columns)
    assert "爱喝茶🍵、少糖去冰" in path.read_text(encoding="utf-8-sig")


def test_tagging_and_renaming_show_in_the_chips_at_once(qtbot, page, shop, monkeypatch):
    """A tag added from the roster, or renamed, is in the Tags column at once, without
    reloading the roster (the selection stays); a keystroke does not read the tags' names
    again."""
    from sqdesk.ui.changes import Area, announce

    store, ids, _tea, sugar = shop
    m = page.model
    column = MemberTableModel.TAGS_COLUMN
    row = m.row_of(ids["李四"])
    assert m.index(row, column).data(TagsRole) == []
    page.table.selectRow(row)
    resets = []
    m.modelReset.connect(lambda: resets.append(1))
    assert page.selection.tag_selected(sugar, True) == 1
    assert m.index(row, column).data(TagsRole) == [("少糖去冰", "#2b6cb0")]
    assert not resets and page.table.selectionModel().isRowSelected(row)
    tags.rename_tag(store, sugar, "少糖·去冰❄️")
    tags.recolor_tag(store, sugar, "#c05621")
    announce(Area.TAGS)
    assert m.index(row, column).data(TagsRole) == [("少糖·去冰❄️", "#c05621")]
    # A tag made and given without a word to the roster: the rows read again at the next
    # search find a tag the names read before do not know, and read the names again.
    quiet = tags.create_tag(store, tags.create_group(store, "新"), "周末党")
    tags.add_tag(store, [ids["王芳"]], quiet)
    page.search.setText("王芳")
    qtbot.waitUntil(lambda: m.rowCount() == 1, timeout=2000)
    assert ("周末党", "#2e7d5b") in m.index(0, column).data(TagsRole)
    read = []
    monkeypatch.setattr(tags, "names_and_colours",
                        lambda s: read.append(1) or {})  # fmt: skip
    page.search.setText("zhang")
    qtbot.waitUntil(lambda: m.rowCount() == 1, timeout=2000)
    m.index(0, column).data(TagsRole)
    assert read == []


def test_chips_that_do_not_fit_end_in_a_count_and_paint_alike_both_ways(qtbot, page, shop):
    """Too many chips for the cell: the ones that fit, then "+N" for the rest. The roster's
    delegate reads the model's rows directly; through data(TagsRole), as any other view
    would, it paints the same pixels."""
    from PySide6.QtGui import QColor

    from sqdesk.ui.members.tag_chips import TagChipsDelegate

    store, ids, _, _ = shop
    group = tags.create_group(store, "活动偏好")
    for i, name in enumerate(["周三第二杯半价", "会员日🎉", "生日月", "新品尝鲜", "拼单达人"]):
        tags.add_tag(store, [ids["曾乐"]], tags.create_tag(store, group, name,
                                                          color=f"#{i + 3}a5{i}9c"))  # fmt: skip
    page.model.reload()
    column = MemberTableModel.TAGS_COLUMN
    page.table.setColumnWidth(column, 180)
    row = page.model.row_of(ids["曾乐"])
    assert len(page.model.index(row, column).data(TagsRole)) == 7
    cell = page.table.visualRect(page.model.index(row, column))
    shots = []
    for delegate in (page.tag_delegate, TagChipsDelegate(page.table)):
        page.table.setItemDelegateForColumn(column, delegate)
        qtbot.wait(20)
        shots.append(page.table.viewport().grab().toImage().copy(cell))
    assert shots[0] == shots[1]
    grey = QColor("#6c7166")  # the "+N", antialiased: its strokes' cores are near it

    def near_grey(c: QColor) -> bool:
        return abs(c.red() - grey.red()) + abs(c.green() - grey.green()) + abs(
            c.blue() - grey.blue()) < 60  # fmt: skip

    assert any(near_grey(shots[0].pixelColor(x, y)) for x in range(shots[0].width())
               for y in range(shots[0].height())), "no +N after the chips that fit"  # fmt: skip


def test_profile_shows_chips_and_groups(qtbot, page, shop):
    store, ids, _, _ = shop
    gid = groups.create_group(store, "茶语会员1群")
    groups.add_members(store, gid, [ids["曾乐"]])
    dialog = page.open_member(ids["曾乐"])
    text = dialog.header.text()
    assert "#2b6cb0" in text and "少糖去冰" in text and "茶语会员1群" in text
    dialog.reject()


def test_thresholds_dialog_changes_who_is_in_a_segment(qtbot, page, shop):
    store, ids, _, _ = shop
    assert segments.members_of(store, "high_value") == []
    dialog = page.segments.show_thresholds()
    assert dialog.editors["high_value_12m"].value() == 5000  # shown in yuan
    dialog.editors["high_value_12m"].setValue(500)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert segments.load_thresholds(store).high_value_12m == 50_000
    assert segments.members_of(store, "high_value") == [ids["张三"]]
    again = page.segments.show_thresholds()
    again.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.RestoreDefaults).click()  # fmt: skip
    assert again.editors["high_value_12m"].value() == 5000
    again.reject()
    assert members.count(store) == 4


def test_tag_button_tags_the_selection(qtbot, page, shop):
    store, _ids, _, _sugar = shop
    menu = page.selection.tag_button.menu()
    page.selection._refill_tag_button_menu()
    assert not menu.actions()[0].isEnabled()  # nothing selected: it says so
    page.table.selectAll()
    page.selection._refill_tag_button_menu()
    add = next(a.menu() for a in menu.actions() if a.menu() and a.text() == "Add Tag")
    next(a for a in add.actions() if a.text() == "少糖去冰").trigger()
    assert {t.name: t.members for t in tags.list_tags(store)}["少糖去冰"] == 4
    assert page.tag_action.shortcut().toString() == "Ctrl+T"


def test_the_join_date_calendar_opens_at_this_month_and_esc_closes_only_it(qtbot, app_style,
                                                                          page):  # fmt: skip
    from PySide6.QtCore import QDate, QPoint, Qt
    from PySide6.QtWidgets import QApplication

    page.segments.filter_button.setChecked(True)
    panel = page.segments.filter_panel
    row = panel.add_condition("joined")
    edit = row.editors["from"]
    assert edit.text() in ("any", "不限")  # no bound yet
    # A click on the arrow at the right opens the calendar.
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=edit.rect().topRight() + QPoint(-8, 8))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=3000)
    calendar = edit.calendarWidget()
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    # Not cut off: every week of the month has a row as tall as its text.
    from PySide6.QtWidgets import QTableView

    grid = calendar.findChild(QTableView)
    text = grid.fontMetrics().height()
    assert all(grid.rowHeight(r) >= text + 4 for r in range(grid.model().rowCount()))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=3000)
    assert panel.isVisible() and row in panel.rows  # Esc closed the calendar, not the filter
    panel._escape()  # Esc again, with nothing open: now the filter closes
    assert not page.segments.filter_button.isChecked()
