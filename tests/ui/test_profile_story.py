"""The profile tells the member's story; the roster shows the figures as columns."""

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from sqdesk.core import ledger, members
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.members import SortKey
from sqdesk.ui import i18n
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.main_window import MainWindow
from sqdesk.ui.members.dialog import MemberDialog
from sqdesk.ui.members.model import MemberTableModel


def _member(store):
    mid = create(store, MemberInput(name="张诗芳", nickname="芳芳🌸", joined_on=date(2024, 1, 1),
                                    favourites="桂花乌龙、燕麦拿铁"))  # fmt: skip
    now = datetime.now(UTC)
    ledger.record_visit(store, mid, amount_cents=3850, at=now - timedelta(days=3))
    ledger.record_visit(store, mid, amount_cents=12_000, at=now - timedelta(days=100))
    old = ledger.record_visit(store, mid, amount_cents=2_000, at=now - timedelta(days=500))
    return mid, old


@pytest.fixture(params=["en", "zh_CN"])
def lang(request, qapp):
    installed = i18n.install_translators(QCoreApplication.instance(), request.param)
    yield request.param
    for t in installed:
        QCoreApplication.removeTranslator(t)


STORY = {
    "en": ("Last visit {last} (3 days ago)", "30 days: 1 visit, ¥38.50",
           "12 months: 2 visits, ¥158.50", "{points} points", "Favourite: 桂花乌龙、燕麦拿铁",
           "30 days: 2 visits, ¥48.50", "(today)"),
    "zh_CN": ("最近到店 {last}（3 天前）", "近 30 天：1 次，¥38.50", "近 12 个月：2 次，¥158.50",
              "{points} 积分", "最爱：桂花乌龙、燕麦拿铁", "近 30 天：2 次，¥48.50", "（今天）"),
}  # fmt: skip


def test_the_profile_header_tells_the_story(qtbot, store, lang):
    mid, _old = _member(store)
    dialog = MemberDialog(store, mid)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.header.text()
    last = (date.today() - timedelta(days=3)).isoformat()
    words = STORY[lang]
    assert words[0].format(last=last) in text
    assert words[1] in text and words[2] in text and words[4] in text
    assert words[3].format(points=f"{ledger.balance(store, mid):,}") in text
    # A visit recorded while the profile is open shows in the story at once.
    ledger.record_visit(store, mid, amount_cents=1000)
    announce(Area.POINTS)
    assert words[5] in dialog.header.text() and words[6] in dialog.header.text()


def test_the_visits_tab_lists_visits_and_the_ledger_shows_what_was_spent(qtbot, store):
    mid, old = _member(store)
    ledger.void_visit(store, old.visit_id, reason="录错", actor="test")
    dialog = MemberDialog(store, mid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.visits)
    table = dialog.visits.table
    assert table.rowCount() == 3
    assert table.item(0, 1).text() == "¥38.50" and table.item(0, 2).text().startswith("+")
    assert table.item(0, 3).text() == "In store"
    assert "(undone)" in table.item(2, 4).text()
    assert not dialog.visits.more_button.isVisible()
    dialog.tabs.setCurrentWidget(dialog.points)
    reasons = [dialog.points.table.item(r, 4).text() for r in range(dialog.points.table.rowCount())]
    assert any(r.endswith("· ¥38.50") for r in reasons)
    assert any(r.endswith("· ¥120") for r in reasons)


def test_a_long_visit_history_pages(qtbot, store):
    mid = create(store, MemberInput(name="李明", joined_on=date(2020, 1, 1)))
    now = datetime.now(UTC)
    for n in range(130):
        ledger.record_visit(store, mid, amount_cents=1000 + n, at=now - timedelta(days=n + 1))
    dialog = MemberDialog(store, mid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.visits)
    assert dialog.visits.table.rowCount() == 100 and dialog.visits.more_button.isVisible()
    qtbot.mouseClick(dialog.visits.more_button, Qt.MouseButton.LeftButton)
    assert dialog.visits.table.rowCount() == 130 and not dialog.visits.more_button.isVisible()


def test_the_roster_shows_and_sorts_by_points_and_last_visit(qtbot, store):
    mid, _old = _member(store)
    other = create(store, MemberInput(name="王芳", joined_on=date(2025, 1, 1)))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.show_page(window.members_page)
    page = window.members_page
    hh = page.table.horizontalHeader()
    points = MemberTableModel.COLUMNS.index(SortKey.POINTS)
    last = MemberTableModel.COLUMNS.index(SortKey.LAST_VISIT)
    assert not hh.isSectionHidden(points) and not hh.isSectionHidden(last)
    assert hh.visualIndex(points) == hh.visualIndex(
        MemberTableModel.COLUMNS.index(SortKey.MOBILE)) + 1  # right after the mobile
    assert page.model.headerData(points, Qt.Orientation.Horizontal) == "Points"
    page.table.sortByColumn(points, Qt.SortOrder.DescendingOrder)
    assert page.model.member_id(0) == mid
    assert page.model.data(page.model.index(0, points)) == f"{ledger.balance(store, mid):,}"
    page.table.sortByColumn(points, Qt.SortOrder.AscendingOrder)
    assert page.model.member_id(0) == other
    assert page.model.data(page.model.index(0, last)) == ""
    assert members.count(store) == 2


def test_the_vip_invites_come_by_spend_and_can_go_by_visits(qtbot, store):
    from sqdesk.core import segments

    big = create(store, MemberInput(name="大客户", joined_on=date(2025, 1, 1)))
    small = create(store, MemberInput(name="常客", joined_on=date(2025, 1, 1)))
    now = datetime.now(UTC)
    ledger.record_visit(store, big, amount_cents=90_000, at=now - timedelta(days=2))
    for n in range(5):  # smaller spend, more visits
        ledger.record_visit(store, small, amount_cents=6_000, at=now - timedelta(days=n + 3))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    invites = segments.vip_invites(store)
    window.groups_page.show_vip_invites()
    page = window.members_page
    assert window.pages.currentWidget() is page
    spend = MemberTableModel.COLUMNS.index(SortKey.SPEND)
    visits = MemberTableModel.COLUMNS.index(SortKey.VISITS)
    assert not page.table.horizontalHeader().isSectionHidden(spend)
    assert [page.model.member_id(r) for r in range(page.model.rowCount())] == [big, small]
    assert page.model.filtered and invites
    page.sort_by(SortKey.VISITS)
    assert not page.table.horizontalHeader().isSectionHidden(visits)
    assert [page.model.member_id(r) for r in range(page.model.rowCount())] == [small, big]
    assert page.model.data(page.model.index(0, visits)) == "5"


def test_segments_put_there_by_the_same_facts_share_them(qtbot, store):
    """Dormant and lapsed both come of the last visit: its date once, after both names."""
    mid = create(store, MemberInput(name="刘思远", joined_on=date.today() - timedelta(days=800)))
    ledger.record_visit(store, mid, amount_cents=2000,
                        at=datetime.now(UTC) - timedelta(days=400))  # fmt: skip
    dialog = MemberDialog(store, mid)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.header.text()
    assert "Dormant (沉睡) · Lapsed (衰退) (last visit" in text
    assert text.count("days ago") == 1
