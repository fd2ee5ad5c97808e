"""One change signal: a write announced in one window shows in every other window and page
that shows the same data, visible ones at once and hidden ones when next shown."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from sqdesk.core import ledger, members
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.ui.changes import Area, announce, follow
from sqdesk.ui.main_window import MainWindow
from sqdesk.ui.members.dialog import MemberDialog


@pytest.fixture
def window(qtbot, store):
    today = date.today()
    create(store, MemberInput(name="寿星🎂", mobile="13800138000",
                              birthday=date(1990, today.month, today.day)))  # fmt: skip
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _birthday_names(w: MainWindow) -> str:
    lst = w.today_page.birthdays
    return " ".join(lst.item(i).text() for i in range(lst.count()))


def test_a_visit_recorded_in_the_visit_dialog_updates_the_profile_and_the_points_page(
    qtbot, window, store
):
    mid = members.ordered_ids(store)[0]
    code = members.detail(store, mid).code
    window.show_page(window.points_page)
    entries_before = window.points_page.entries.rowCount()
    window.show_page(window.members_page)
    profile = window.members_page.open_member(mid)
    assert isinstance(profile, MemberDialog)
    profile.tabs.setCurrentWidget(profile.points)
    assert "0 " in profile.points.summary_label.text()

    visit = window.record_visit()
    qtbot.keyClicks(visit.finder, code)
    qtbot.keyClick(visit.finder, Qt.Key.Key_Return)
    qtbot.keyClicks(visit.amount, "38")
    qtbot.keyClick(visit.amount, Qt.Key.Key_Return)

    # The open profile shows the new balance (38 ×2 in the birthday month, +50 for the
    # first visit) at once...
    assert ledger.balance(store, mid) == 126
    assert "126" in profile.points.summary_label.text()
    entries = profile.points.table.rowCount()
    assert entries >= 2
    # ...and the Points page, hidden behind the roster, lists the entries when shown.
    visit.close()
    profile.close()
    window.show_page(window.points_page)
    assert window.points_page.entries.rowCount() == entries_before + entries


def test_archiving_a_member_updates_todays_birthdays(qtbot, window, store):
    assert "寿星🎂" in _birthday_names(window)  # Today is in front at start
    mid = members.ordered_ids(store)[0]
    # From the roster, with Today hidden: Today is right when shown again.
    window.show_page(window.members_page)
    window.members_page.table.selectRow(window.members_page.model.row_of(mid))
    assert window.members_page.selection.archive_selected() == 1
    window.show_page(window.today_page)
    assert "寿星🎂" not in _birthday_names(window)
    # Restored from the profile, opened over Today: Today follows while in front.
    profile = MemberDialog(store, mid, window)
    profile.show()
    profile.toggle_archived()
    qtbot.waitUntil(lambda: "寿星🎂" in _birthday_names(window), timeout=3000)


def test_a_hidden_follower_refreshes_once_when_shown(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    calls: list[int] = []
    follow(w, {Area.TAGS}, lambda: calls.append(1))
    announce(Area.TAGS)
    announce(Area.TAGS, Area.MEMBERS)
    announce(Area.POSTS)  # not followed
    assert calls == []
    w.show()
    assert calls == [1]
    announce(Area.TAGS)  # visible: at once
    assert calls == [1, 1]


def test_a_closed_window_stops_following(qtbot):
    import shiboken6

    w = QWidget()
    calls: list[int] = []
    follow(w, {Area.TAGS}, lambda: calls.append(1))
    w.show()
    w.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(w), timeout=3000)
    announce(Area.TAGS)
    assert calls == []


def test_a_follower_whose_attributes_the_collector_cleared_lets_its_window_go(qtbot):
    """The collector, freeing a closed window's cycle, clears the follower's attributes
    before Qt destroys the window; the window's last events still reach the follower's
    filter, which must not fail (pytest-qt fails a test on an error in a Qt override)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QShowEvent
    from PySide6.QtWidgets import QApplication

    w = QWidget()
    qtbot.addWidget(w)
    follower = follow(w, {Area.TAGS}, lambda: None, fill_when_shown=True)
    follower.__dict__.clear()  # as the collector's clearing of a cycle leaves it
    QApplication.sendEvent(w, QShowEvent())
    QApplication.sendEvent(w, QEvent(QEvent.Type.Hide))
