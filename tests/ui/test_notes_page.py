"""The Notes page (issue 14.4, 14.6, 14.7): search every note with the matches marked and
the member one Enter away; follow-ups with filters, the member's recent notes beside, done
and snooze; why members leave, counted."""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from sqdesk.core import notes
from sqdesk.core.member_edit import MemberInput, create, set_archived
from sqdesk.ui.main_window import MainWindow
from sqdesk.ui.members.dialog import MemberDialog
from sqdesk.ui.notes.highlight import SpansRole, excerpt, marked_html
from tests.ui.typing import type_text

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def shop(store):
    fang = create(store, MemberInput(name="张诗芳", mobile="13800138001"))
    wei = create(store, MemberInput(name="李伟"))
    notes.add(store, fang, "搬家了，离店远🏠", kind="lapse", reason="moved", at=T0)
    notes.add(store, wei, "嫌新品太甜，建议出少糖版", kind="suggestion",
              at=T0 + timedelta(hours=1))  # fmt: skip
    notes.add(store, fang, "说奶盖太甜了", kind="counter", at=T0 + timedelta(hours=2))
    notes.add(store, wei, "嫌贵", kind="lapse", reason="price", at=T0 + timedelta(hours=3))
    return store, fang, wei


@pytest.fixture
def window(qtbot, shop):
    w = MainWindow(shop[0])
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


@pytest.fixture
def page(qtbot, window):
    window.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.notes_page
    return window.notes_page


def _texts(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_the_page_opens_with_the_latest_notes(page):
    assert _texts(page.results, 3) == ["嫌贵", "说奶盖太甜了", "嫌新品太甜，建议出少糖版",
                                        "搬家了，离店远🏠"]  # fmt: skip
    assert page.results.item(0, 2).text() == "Reason for lapsing"


def test_typing_two_chinese_characters_finds_and_marks_them(qtbot, page, window):
    page.search.setFocus()
    type_text(qtbot, page.search, "太甜")
    qtbot.waitUntil(lambda: page.results.rowCount() == 2)
    assert _texts(page.results, 3) == ["说奶盖太甜了", "嫌新品太甜，建议出少糖版"]
    item = page.results.item(0, 3)
    assert [item.text()[i : i + n] for i, n in item.data(SpansRole)] == ["太甜"]
    assert "2 note" in page.status.text() and "matching" in page.status.text()
    # Enter goes to the results; Enter there opens the member.
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.results.hasFocus() or QApplication.focusWidget() is page.results
    qtbot.keyClick(page.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(MemberDialog)))
    (profile,) = [d for d in window.findChildren(MemberDialog) if d.isVisible()]
    assert profile.member_id == page.results.item(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    profile.close()


def test_pinyin_of_the_name_finds_the_members_notes(qtbot, page, shop):
    page.search.setText("zhangsf")
    page.run_search()
    assert _texts(page.results, 3) == ["说奶盖太甜了", "搬家了，离店远🏠"]
    assert page.results.item(0, 1).text().startswith("张诗芳 · ")


@pytest.mark.parametrize(("query", "says"), [("甜", "at least 2 characters"),
                                             ("，！", "not only punctuation")])  # fmt: skip
def test_one_character_or_punctuation_says_why_and_shows_nothing(page, query, says):
    page.search.setText(query)
    page.run_search()
    assert page.results.rowCount() == 0 and says in page.status.text()


def test_a_new_note_appears_at_once_and_archived_members_say_so(page, shop):
    store, fang, _ = shop
    page.search.setText("番禺")
    page.run_search()
    assert page.results.rowCount() == 0
    set_archived(store, [fang], True)
    notes.add(store, fang, "搬到番禺了")
    from sqdesk.ui.changes import Area, announce

    announce(Area.NOTES)
    assert _texts(page.results, 3) == ["搬到番禺了"]
    assert "(archived)" in page.results.item(0, 1).text()


def test_excerpt_starts_near_the_first_match_of_a_long_note():
    text = "长" * 100 + "太甜" + "了"
    shown, spans = excerpt(text, [(100, 2)])
    assert shown.startswith("…") and [shown[i : i + n] for i, n in spans] == ["太甜"]
    assert marked_html("a<b>太甜", [(4, 2)]) == ('a&lt;b&gt;<span style="background:#ffe58a">'
                                                 '太甜</span>')  # fmt: skip


# --- follow-ups ------------------------------------------------------------------------------


@pytest.fixture
def follow_ups(qtbot, page, shop):
    store, fang, wei = shop
    late = notes.add(store, fang, "回电话问搬家的事", kind="phone",
                     follow_up_at=notes.parse_follow_up("2026-01-05"))  # fmt: skip
    soon = notes.add(store, wei, "新品出了告诉他", kind="private",
                     follow_up_at=notes.parse_follow_up("3d"))  # fmt: skip
    page.tabs.setCurrentWidget(page.follow_ups)
    return page.follow_ups, late, soon


def test_follow_ups_are_filtered_and_show_the_members_recent_notes(qtbot, follow_ups):
    tab = follow_ups[0]
    assert _texts(tab.table, 3) == ["回电话问搬家的事"]  # due today and overdue
    assert "overdue" in tab.table.item(0, 0).text()
    recent = [tab.recent.item(i).text() for i in range(tab.recent.count())]
    assert recent[0].endswith("回电话问搬家的事") and any("搬家了" in r for r in recent)
    assert "张诗芳" in tab.recent_title.text()
    tab.view.setCurrentIndex(tab.view.findData("open"))
    assert _texts(tab.table, 3) == ["回电话问搬家的事", "新品出了告诉他"]
    tab.kind.setCurrentIndex(tab.kind.findData("private"))
    assert _texts(tab.table, 3) == ["新品出了告诉他"]
    assert "李伟" in tab.recent_title.text()


def test_done_with_an_outcome_moves_it_to_done(qtbot, follow_ups, shop):
    tab, late, _ = follow_ups
    dialog = tab.ask_done()
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("已回电话，周末来")
    dialog.accept()
    assert tab.table.rowCount() == 0
    assert notes.get(shop[0], late.id).outcome == "已回电话，周末来"
    tab.view.setCurrentIndex(tab.view.findData("done"))
    assert _texts(tab.table, 4) == ["已回电话，周末来"]
    assert not tab.done_button.isEnabled() and not tab.snooze_button.isEnabled()


def test_snooze_moves_it_out_of_today(qtbot, follow_ups, shop):
    tab, late, _ = follow_ups
    assert tab.snooze(3)
    assert tab.table.rowCount() == 0
    assert notes.get(shop[0], late.id).follow_up_at > datetime.now(UTC)


# --- why members leave -------------------------------------------------------------------------


def test_why_members_leave_counts_the_reasons(qtbot, page, shop):
    store = shop[0]
    page.tabs.setCurrentWidget(page.lapses)
    assert _texts(page.lapses.table, 0) == ["Moved away", "Price"]
    assert _texts(page.lapses.table, 2) == ["50%", "50%"]
    assert page.lapses.summary.text().startswith("2 member")
    other = create(store, MemberInput(name="陈静"))
    notes.add(store, other, "也搬走了", kind="lapse", reason="moved")
    from sqdesk.ui.changes import Area, announce

    announce(Area.NOTES)
    assert _texts(page.lapses.table, 1) == ["2", "1"]
    # The reason takes the width the counts leave (no grey strip beside a narrow table).
    table = page.lapses.table
    header = table.horizontalHeader()
    assert header.sectionSize(0) + header.sectionSize(1) + header.sectionSize(2) >= \
        table.viewport().width() - 1  # fmt: skip


# --- changing a note: edited on its first day, amended after -----------------------------------


def _profile_timeline(window, member_id):
    window.show_page(window.members_page)
    profile = window.members_page.open_member(member_id)
    profile.tabs.setCurrentWidget(profile.timeline)
    return profile


def _item_with(listw, text):
    return next(listw.item(i) for i in range(listw.count()) if text in listw.item(i).text())


def test_a_note_of_today_is_edited_in_place(qtbot, window, shop):
    store, fang, _ = shop
    fresh = notes.add(store, fang, "想要少冰", kind="counter")
    profile = _profile_timeline(window, fang)
    dialog = profile.timeline.edit_note(_item_with(profile.timeline.list, "想要少冰"))
    assert not dialog.amending and dialog.text.toPlainText() == "想要少冰"
    dialog.text.setPlainText("想要少冰，去冰也行🧊")
    dialog.kind.setCurrentIndex(dialog.kind.findData("private"))
    dialog.save()
    changed = notes.get(store, fresh.id)
    assert (changed.text, changed.kind, changed.edited_at is not None) == (
        "想要少冰，去冰也行🧊", "private", True)
    assert _item_with(profile.timeline.list, "去冰也行")  # the timeline followed
    profile.reject()


def test_an_older_note_gets_an_amendment_and_stays_as_written(qtbot, window, shop):
    store, fang, _ = shop
    old = notes.for_member(store, fang)[-1]  # 搬家了，离店远🏠, written on 1 November
    profile = _profile_timeline(window, fang)
    dialog = profile.timeline.edit_note(_item_with(profile.timeline.list, "搬家了"))
    assert dialog.amending and dialog.original.isReadOnly()
    assert dialog.original.toPlainText() == "搬家了，离店远🏠"
    dialog.save()  # nothing written yet: refused, with the reason, and nothing added
    assert "needs some text" in dialog.problem.text() and notes.count_for(store, fang) == 2
    type_text(qtbot, dialog.text, "又搬回来了，下周来")
    dialog.save()
    assert notes.get(store, old.id).text == "搬家了，离店远🏠"
    (amendment,) = [n for n in notes.for_member(store, fang) if n.amends_id == old.id]
    assert amendment.text == "又搬回来了，下周来"
    assert "Amendment: 又搬回来了" in profile.timeline.list.item(0).text()
    profile.reject()
