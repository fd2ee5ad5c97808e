"""Capturing a note with the keyboard only (issue 14.2), through the real window."""

import time

import pytest
from PySide6.QtCore import Qt

from sqdesk.core import members, notes
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.ui.main_window import MainWindow
from sqdesk.ui.members.dialog import MemberDialog
from sqdesk.ui.notes.capture import NoteCaptureDialog
from sqdesk.ui.notes.highlight import SpansRole
from tests.ui.typing import type_text


@pytest.fixture
def shop(store):
    people = (("张诗芳", "13800138001"), ("张伟", "13900139002"), ("李明", "13700137003"))
    ids = {n: create(store, MemberInput(name=n, mobile=m)) for n, m in people}
    return store, ids


@pytest.fixture
def window(qtbot, shop):
    w = MainWindow(shop[0])
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()



def _capture(window) -> NoteCaptureDialog:
    (dialog,) = [d for d in window.findChildren(NoteCaptureDialog) if d.isVisible()]
    return dialog


def test_a_note_in_under_five_seconds_without_the_mouse(qtbot, window, shop):
    store, ids = shop
    started = time.perf_counter()
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    dialog = _capture(window)
    assert dialog.focusWidget() is dialog.finder
    qtbot.keyClicks(dialog.finder, "zhangs")  # pinyin initials and syllables, as the roster
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    assert dialog.member_id == ids["张诗芳"] and dialog.focusWidget() is dialog.text
    type_text(qtbot, dialog.text, "搬家了，离店远🏠")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    elapsed = time.perf_counter() - started
    assert not dialog.isVisible()
    (note,) = notes.for_member(store, ids["张诗芳"])
    assert note.text == "搬家了，离店远🏠" and note.kind == "counter"
    assert elapsed < 5
    assert "Note saved" in window.statusBar().currentMessage()


def test_down_picks_another_match_and_the_phone_tail_finds_one(qtbot, window, shop):
    store, ids = shop
    window.new_note()
    dialog = _capture(window)
    qtbot.keyClicks(dialog.finder, "zhang")
    qtbot.wait(60)  # the search runs once typing pauses
    assert dialog.matches.count() == 2
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Down)
    second = dialog.matches.currentItem().data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    assert dialog.member_id == second
    dialog.reject()
    window.new_note()
    dialog = _capture(window)
    qtbot.keyClicks(dialog.finder, "7003")  # the mobile's last four digits
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    assert dialog.member_id == ids["李明"]
    dialog.finder.selectAll()
    qtbot.keyClicks(dialog.finder, "zhangwei")  # changed their mind: another member
    assert dialog.member_id is None
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    assert dialog.member_id == ids["张伟"] and dialog.matches.isHidden()
    dialog.finder.selectAll()
    qtbot.keyClicks(dialog.finder, "7003")
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    assert dialog.member_id == ids["李明"]
    # Shift+Enter starts a new line; kind and follow-up are a Tab away.
    qtbot.keyClicks(dialog.text, "line one")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(dialog.text, "line two")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.kind
    dialog.kind.setCurrentIndex(dialog.kind.findData("complaint"))
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.follow_up
    qtbot.keyClicks(dialog.follow_up, "3d")
    dialog.save()
    (note,) = notes.for_member(store, ids["李明"])
    assert note.text == "line one\nline two" and note.kind == "complaint"
    assert note.follow_up_at is not None


def test_bad_input_is_named_and_nothing_is_saved(qtbot, window, shop):
    store, ids = shop
    window.new_note()
    dialog = _capture(window)
    qtbot.keyClicks(dialog.finder, "nobody")
    qtbot.keyClick(dialog.finder, Qt.Key.Key_Return)
    assert dialog.member_id is None and "nobody" in dialog.problem.text()
    dialog.choose(ids["张伟"])
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # empty
    assert dialog.isVisible() and "text" in dialog.problem.text()
    qtbot.keyClicks(dialog.text, "hello")
    dialog.follow_up.setText("明天吧")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    assert dialog.isVisible() and "明天吧" in dialog.problem.text()
    dialog.text.setPlainText("x" * 5_001)
    dialog.follow_up.clear()
    dialog.save()
    assert dialog.isVisible() and "5,000" in dialog.problem.text()
    assert notes.count_for(store, ids["张伟"]) == 0


def test_from_the_profile_and_the_roster_the_member_is_chosen(qtbot, window, shop):
    store, ids = shop
    window.show_page(window.members_page)
    page = window.members_page
    profile = page.open_member(ids["李明"])
    assert isinstance(profile, MemberDialog)
    profile.note_button.click()
    dialog = _capture(window)
    assert dialog.member_id == ids["李明"] and dialog.focusWidget() is dialog.text
    dialog.reject()
    profile.reject()
    row = page.model.row_of(ids["张伟"])
    page.table.selectRow(row)
    menu = page.selection.row_menu(page.table.visualRect(page.model.index(row, 0)).center())
    (action,) = [a for a in menu.actions() if a.text() == "New Note…"]
    action.trigger()
    dialog = _capture(window)
    assert dialog.member_id == ids["张伟"]
    assert members.detail(store, ids["张伟"]).name == "张伟"


def test_today_lists_due_follow_ups_done_in_one_click_or_snoozed(qtbot, shop):
    from datetime import UTC, datetime, timedelta

    from sqdesk.ui.today.page import ItemRole, TodayPage

    store, ids = shop
    now = datetime.now(UTC)
    overdue = notes.add(store, ids["张诗芳"], "问问孩子生日", follow_up_at=now - timedelta(days=2))
    due = notes.add(store, ids["李明"], "回访新品口味", follow_up_at=now)
    notes.add(store, ids["李明"], "嫌新品太甜", kind="complaint")
    later = notes.add(store, ids["张伟"], "下周再说", follow_up_at=now + timedelta(days=8))
    page = TodayPage(store)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.plan.count() > 0)

    def follow_ups():
        items = [page.plan.item(i) for i in range(page.plan.count())]
        return {i.data(ItemRole)[1]: i for i in items
                if i.data(ItemRole) and i.data(ItemRole)[0] == "followup"}  # fmt: skip

    shown = follow_ups()
    assert set(shown) == {overdue.id, due.id} and later.id not in shown
    assert "overdue 2 day" in shown[overdue.id].text()
    # Hovering shows the member's latest notes (read then, not for every item at start).
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    viewport = page.plan.viewport()
    spot = page.plan.visualItemRect(shown[due.id]).center()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, spot,
                                                viewport.mapToGlobal(spot)))  # fmt: skip
    assert "嫌新品太甜" in QToolTip.text()
    QToolTip.hideText()
    shown[overdue.id].setCheckState(Qt.CheckState.Checked)  # one click: done
    qtbot.waitUntil(lambda: set(follow_ups()) == {due.id})
    assert notes.get(store, overdue.id).follow_up_done_at is not None
    assert page.snooze(due.id, 3)
    qtbot.waitUntil(lambda: follow_ups() == {})
    assert notes.follow_ups_due(store) == []


def test_the_profile_timeline_shows_a_note_just_captured(qtbot, window, shop):
    from sqdesk.core import ledger

    store, ids = shop
    mid = ids["李明"]
    ledger.record_visit(store, mid, amount_cents=3850)
    window.show_page(window.members_page)
    profile = window.members_page.open_member(mid)
    profile.tabs.setCurrentWidget(profile.timeline)
    lines = lambda: [profile.timeline.list.item(i).text()  # noqa: E731
                     for i in range(profile.timeline.list.count())]  # fmt: skip
    assert any("¥38.50" in line for line in lines())
    profile.note_button.click()
    dialog = _capture(window)
    qtbot.keyClicks(dialog.text, "likes oolong")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    assert "likes oolong" in lines()[0]  # newest first, at once
    profile.timeline.kind.setCurrentIndex(profile.timeline.kind.findData("note"))
    assert len(lines()) == 1 and "likes oolong" in lines()[0]
    # The profile's search finds this member's notes only, the words marked.
    notes.add(store, mid, "嫌新品太甜")
    notes.add(store, ids["张伟"], "也嫌太甜")
    profile.timeline.search.setText("太甜")
    qtbot.waitUntil(lambda: lines() and "嫌新品太甜" in lines()[0])
    assert len(lines()) == 1 and not profile.timeline.kind.isEnabled()
    item = profile.timeline.list.item(0)
    assert [item.text()[i : i + n] for i, n in item.data(SpansRole)] == ["太甜"]
    profile.timeline.search.setText("甜")
    qtbot.waitUntil(lambda: not lines())
    assert "at least 2" in profile.timeline.empty.text()
    profile.timeline.search.clear()
    qtbot.waitUntil(lambda: len(lines()) == 2)  # back to the timeline, notes only
    profile.reject()


def test_losing_touch_from_today_and_a_hello_takes_them_off(qtbot, store):
    from datetime import UTC, date, datetime, timedelta

    from PySide6.QtGui import QGuiApplication

    from sqdesk.core import ledger
    from sqdesk.ui.notes.losing_dialog import LosingTouchDialog
    from sqdesk.ui.posts.copy_dialog import CopyPostDialog
    from sqdesk.ui.today.page import ItemRole, TodayPage

    long_ago = date.today() - timedelta(days=400)
    quiet = create(store, MemberInput(name="沉睡的王芳", joined_on=long_ago))
    ledger.record_visit(store, quiet, amount_cents=5000,
                        at=datetime.now(UTC) - timedelta(days=120))  # fmt: skip
    create(store, MemberInput(name="新会员", joined_on=date.today()))
    page = TodayPage(store)
    qtbot.addWidget(page)
    page.show()

    def losing_item():
        items = [page.watch.item(i) for i in range(page.watch.count())]
        return next((i for i in items if i.data(ItemRole) == ("losing",)), None)

    qtbot.waitUntil(lambda: losing_item() is not None, timeout=5000)
    page._activate(losing_item())
    (dialog,) = [d for d in page.findChildren(LosingTouchDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.table.item(0, 0).text() == "沉睡的王芳" and dialog.table.item(0, 3).text()
    copy = dialog.say_hello()
    assert isinstance(copy, CopyPostDialog)
    copy.copy()  # the 好久不见 message, copied for her: a contact
    assert "好久不见" in QGuiApplication.clipboard().text()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(lambda: losing_item() is None, timeout=5000)


def test_a_lapse_note_says_why_and_only_a_lapse_note_asks(qtbot, window, shop):
    store, ids = shop
    dialog = window.new_note(ids["李明"])
    assert dialog.reason.isHidden()
    dialog.kind.setCurrentIndex(dialog.kind.findData("lapse"))
    assert not dialog.reason.isHidden()
    dialog.reason.setCurrentIndex(dialog.reason.findData("moved"))
    type_text(qtbot, dialog.text, "搬家了")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    (note,) = notes.for_member(store, ids["李明"])
    assert (note.kind, note.reason) == ("lapse", "moved")


def test_today_opens_capture_and_a_follow_up_opens_it_for_its_member(qtbot, window, shop):
    store, ids = shop
    window.show_page(window.today_page)
    window.today_page.note_button.click()
    dialog = _capture(window)
    assert dialog.member_id is None and dialog.focusWidget() is dialog.finder
    dialog.reject()
    notes.add(store, ids["李明"], "回访", follow_up_at=notes.parse_follow_up("今天"))
    from sqdesk.ui.changes import Area, announce

    announce(Area.NOTES)
    page = window.today_page
    qtbot.waitUntil(lambda: any("回访" in page.plan.item(i).text()
                                for i in range(page.plan.count())))  # fmt: skip
    row = next(i for i in range(page.plan.count()) if "回访" in page.plan.item(i).text())
    menu = page._plan_menu(page.plan.visualItemRect(page.plan.item(row)).center())
    (action,) = [a for a in menu.actions() if a.text() == "New Note about Them…"]
    menu.close()
    action.trigger()
    assert _capture(window).member_id == ids["李明"]
