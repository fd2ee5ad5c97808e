"""The Calendar and Today pages, through their real dialogs."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from sqdesk.core import activities, points_view
from sqdesk.core.activities import ActivityInput
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.ui.calendar.page import CalendarPage
from sqdesk.ui.today.page import ItemRole, TodayPage

TODAY = date.today()


@pytest.fixture(autouse=True)
def _todays_dates():
    """Each test reads the date when it starts: a run that crosses midnight would otherwise
    build its store on one day and ask the app about the next."""
    global TODAY
    TODAY = date.today()


@pytest.fixture
def shop(store):
    for n, nick in (("张三", ""), ("李四", ""), ("王芳", "Lily")):
        create(store, MemberInput(name=n, nickname=nick, birthday=TODAY.replace(year=1990)
                                  if n == "王芳" and not (TODAY.month == 2 and TODAY.day == 29)
                                  else None))  # fmt: skip
    return store


@pytest.fixture
def page(qtbot, shop):
    p = CalendarPage(shop)
    qtbot.addWidget(p)
    p.resize(780, 560)
    p.show()
    qtbot.waitExposed(p)
    return p


def save(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_starter_plan_then_views(qtbot, page, shop):
    assert page.starter_button.isVisible()
    assert page.add_starter_plan() == 12
    assert not page.starter_button.isVisible()
    today_cell = page.grid.currentItem()
    assert "限时秒杀" in today_cell.toolTip()
    assert any("早报" in page.day_list.item(i).text() for i in range(page.day_list.count()))
    page.set_view("week")
    assert page.grid.rowCount() == 18
    page.set_view("agenda")
    assert page.agenda.count() > 30
    before = page.current
    page.step(1)
    assert page.current == before + timedelta(days=30)


def test_new_weekly_activity_through_the_dialog(qtbot, page, shop):
    dialog = page.new_activity(TODAY)
    dialog.title.insert("周三第二杯半价☕")
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("weekly"))
    for box in dialog.day_boxes:
        box.setChecked(False)
    dialog.day_boxes[2].setChecked(True)  # Wednesday
    dialog.points.setValue(5)
    save(dialog)
    (a,) = activities.list_activities(shop)
    assert a.rrule == "FREQ=WEEKLY;BYDAY=WE" and a.start_date.weekday() == 2
    days = [o.day for o in activities.occurrences(shop, TODAY, TODAY + timedelta(days=13))]
    assert len(days) == 2 and all(d.weekday() == 2 for d in days)


def test_dialog_explains_the_31st_and_refuses_a_rule_that_never_happens(qtbot, page, shop):
    dialog = page.new_activity(date(2027, 2, 28))
    dialog.title.insert("月末盘点")
    dialog.repeat.setCurrentIndex(dialog.repeat.findData("monthly_day"))
    dialog.month_day.setValue(31)
    assert dialog.note.isVisible() and "skipped" in dialog.note.text()
    dialog.ends.setCurrentIndex(dialog.ends.findData("until"))
    dialog.until.setDate(dialog.start.date().addDays(-3))
    save(dialog)
    assert dialog.isVisible() and "before" in dialog.problem.text()
    assert activities.list_activities(shop) == []
    dialog.reject()


def test_occurrence_jielong_review_and_record(qtbot, page, shop, capfd):
    aid = activities.create(shop, ActivityInput("周六盲盒抽奖🎲", TODAY, 19 * 60, points=10,
                                                warmup_days=2))  # fmt: skip
    page.refresh()
    dialog = page.open_occurrence(aid, TODAY)
    assert "0 of 3" in dialog.rate.text()
    dialog.phase_boxes["reminder"].setChecked(True)
    assert [t.done for t in activities.phase_tasks(shop, TODAY, TODAY)] == [True]
    # Copied in WeChat a moment ago: the paste box has it already.
    QGuiApplication.clipboard().setText("盲盒抽奖接龙\n1. 张三\n2、Lily🌸 +1\n3 新朋友\n4. 张三")
    jl = dialog.ask_jielong()
    assert "Lily🌸 +1" in jl.text.toPlainText()
    jl.read_button.click()
    assert jl.pages.currentIndex() == 1
    statuses = [jl.table.item(r, 2).text() for r in range(jl.table.rowCount())]
    assert statuses == ["matched", "matched", "not found", "listed twice"]
    new_friend = jl.choices[2]
    new_friend.setCurrentIndex(new_friend.findData(-2))  # create the member
    assert jl.table.item(2, 2).text() == "new member"  # the status follows the choice
    jl.choices[0].setCurrentIndex(jl.choices[0].findData(-1))  # skip 张三 after all...
    assert jl.table.item(0, 2).text() == "skipped"
    jl.choices[0].setCurrentIndex(0)  # ...no, keep him
    assert jl.table.item(0, 2).text() == "matched"
    jl.confirm_button.click()
    assert "3 of 4" in dialog.rate.text()
    assert dialog.table.rowCount() == 3
    lily = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 1).text()
                == "王芳")  # fmt: skip
    assert dialog.table.item(lily, 3).text() == "+1"  # the line's remark is kept
    assert "Cannot copy-convert" not in capfd.readouterr().err  # the remarks crossed intact
    balance = points_view.summary(shop, activities.attendees(shop, aid, TODAY)[0]).balance
    assert balance == 10
    dialog.reject()


def test_cancel_and_move_one_occurrence(qtbot, page, shop):
    aid = activities.create(shop, ActivityInput("拼团日", TODAY, 720, rrule="FREQ=DAILY"))
    page.refresh()
    dialog = page.open_occurrence(aid, TODAY + timedelta(days=1))
    dialog.cancel_occurrence()
    assert activities.occurrence(shop, aid, TODAY + timedelta(days=1)) is None
    dialog = page.open_occurrence(aid, TODAY + timedelta(days=2))
    dialog.show_move()
    dialog.move_time.setTime(dialog.move_time.time().addSecs(3600 * 3))
    dialog.move_occurrence()
    moved = activities.occurrence(shop, aid, TODAY + timedelta(days=2))
    assert moved.moved and moved.minute == 900


def test_overlay_switches_are_remembered(qtbot, page, shop):
    page.overlay_boxes["solar_term"].setChecked(False)
    again = CalendarPage(shop)
    qtbot.addWidget(again)
    assert not again.overlay_boxes["solar_term"].isChecked()
    again.overlay_boxes["solar_term"].setChecked(True)


def test_today_page_lists_and_ticks(qtbot, shop):
    aid = activities.create(shop, ActivityInput("会员日🎉", TODAY + timedelta(days=3), 600,
                                                warmup_days=3))  # fmt: skip
    activities.create(shop, ActivityInput("早报☀️", TODAY, 480, rrule="FREQ=DAILY"))
    today = TodayPage(shop)
    qtbot.addWidget(today)
    today.show()
    qtbot.waitUntil(lambda: today.plan.count() >= 2, timeout=2000)
    texts = [today.plan.item(i).text() for i in range(today.plan.count())]
    assert any("早报" in t for t in texts) and any("会员日" in t for t in texts)
    task = next(today.plan.item(i) for i in range(today.plan.count())
                if today.plan.item(i).data(ItemRole)[0] == "task")  # fmt: skip
    task.setCheckState(Qt.CheckState.Checked)
    assert activities.phase_tasks(shop, TODAY, TODAY)[0].done
    opened = []
    today.openOccurrence.connect(lambda a, d, phase: opened.append((a, d, phase)))
    today._activate(task)
    assert opened == [(aid, TODAY + timedelta(days=3), "warmup")]
    if not (TODAY.month == 2 and TODAY.day == 29):
        assert "王芳" in today.birthdays.item(0).text()


def test_ics_export_and_import_through_the_page(qtbot, page, shop, tmp_path):
    page.add_starter_plan()
    path = tmp_path / "plan.ics"
    assert page.export_to(path) == 12
    first = activities.occurrences(shop, TODAY, TODAY)[0]
    dialog = page.open_occurrence(first.activity_id, first.original_date)
    shown = []
    dialog.exportRequested.connect(lambda: shown.append(True))
    dialog.export_button.click()
    assert shown
    dialog.reject()
    from sqdesk.core.store import Store

    with Store.open(tmp_path / "other.sqdesk") as other:
        again = CalendarPage(other)
        qtbot.addWidget(again)
        box = again.import_from(path)
        assert "12" in box.text() and len(activities.list_activities(other)) == 12
        box.close()
        bad = tmp_path / "bad.ics"
        bad.write_text("BEGIN:VCALENDAR\nBEGIN:VTODO\nSUMMARY:x\nEND:VTODO\nEND:VCALENDAR\n")
        box = again.import_from(bad)
        assert "VTODO" in box.detailedText()
        box.close()


def _dialogs(page, kind):
    return [d for d in page.findChildren(kind) if d.isVisible()]


def _double_click(qtbot, widget, pos):
    """As a mouse does it: a click, then the double-click (QTest's mouseDClick alone sends
    no press first, and item views then ignore it)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def test_double_clicking_an_occurrence_opens_it_once(qtbot, page, shop):
    from sqdesk.ui.calendar.activity_dialog import ActivityDialog
    from sqdesk.ui.calendar.occurrence_dialog import OccurrenceDialog

    activities.create(shop, ActivityInput(title="会员日🎉", start_date=TODAY,
                                          start_minute=15 * 60))  # fmt: skip
    page.refresh()
    row = next(i for i in range(page.day_list.count())
               if "会员日" in page.day_list.item(i).text())  # fmt: skip
    rect = page.day_list.visualItemRect(page.day_list.item(row))
    _double_click(qtbot, page.day_list.viewport(), rect.center())
    (first,) = _dialogs(page, OccurrenceDialog)  # once, not twice
    # Asked again (from Today, from the agenda): the open one comes to the front.
    o = first.o
    assert page.open_occurrence(o.activity_id, o.original_date) is first
    assert len(_dialogs(page, OccurrenceDialog)) == 1
    first.close()

    # In the month grid: a double-click on the activity's line opens it, below it a new one.
    page.set_view("month")
    r, c = next(k for k, v in page._cells.items() if v[0] == TODAY)
    cell = page.grid.visualRect(page.grid.model().index(r, c))
    line = page.grid.fontMetrics().lineSpacing()
    _double_click(qtbot, page.grid.viewport(), cell.topLeft() + QPoint(8, line + line // 2))
    (opened,) = _dialogs(page, OccurrenceDialog)
    assert opened.o.title == "会员日🎉"
    opened.close()
    _double_click(qtbot, page.grid.viewport(), cell.bottomLeft() + QPoint(8, -3))
    assert len(_dialogs(page, ActivityDialog)) == 1 and not _dialogs(page, OccurrenceDialog)


def test_month_cells_show_whole_titles_and_count_the_rest(qtbot, shop):
    """At the window's usual size (1180 × 760) a long title wraps instead of being cut to
    "10:00 周一…"; a day with more than fits says how many more; a double-click on any
    line of a wrapped title opens that activity."""
    from sqdesk.ui.calendar.month_cell import HeadingRole, LinesRole, layout
    from sqdesk.ui.calendar.occurrence_dialog import OccurrenceDialog
    from sqdesk.ui.main_window import MainWindow

    day = TODAY
    long_title = "周六新品预告·盲盒抽奖🎲"
    activities.create(shop, ActivityInput(title=long_title, start_date=day,
                                          start_minute=19 * 60))  # fmt: skip
    busy = TODAY + timedelta(days=1) if TODAY.day < 27 else TODAY - timedelta(days=1)
    for n in range(5):
        activities.create(shop, ActivityInput(title=f"活动{n}", start_date=busy,
                                              start_minute=9 * 60 + n))  # fmt: skip
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.resize(1180, 760)
    window.show()
    window.show_page(window.calendar_page)
    page = window.calendar_page
    page.set_view("month")
    qtbot.waitExposed(window)
    page.grid.viewport().grab()  # paint every cell once

    def cell(d):
        r, c = next(k for k, v in page._cells.items() if v[0] == d)
        return page.grid.model().index(r, c)

    index = cell(day)
    rect = page.grid.visualRect(index)
    laid = layout(rect.adjusted(3, 1, -3, -1), page.grid.fontMetrics(), str(day.day),
                  index.data(LinesRole), True)  # fmt: skip
    (box, text), = laid.titles
    assert text == f"19:00 {long_title}" and box.height() > page.grid.fontMetrics().lineSpacing()
    crowded = cell(busy)
    hidden = page.month_cells.hidden[(crowded.row(), crowded.column())]
    assert 0 < hidden < 5
    assert len(layout(page.grid.visualRect(crowded).adjusted(3, 1, -3, -1),
                      page.grid.fontMetrics(), crowded.data(HeadingRole),
                      crowded.data(LinesRole), True).titles) \
        == 5 - hidden  # fmt: skip
    # The title's second line opens it too.
    _double_click(qtbot, page.grid.viewport(), QPoint(rect.left() + 8, box.bottom() - 2))
    (opened,) = _dialogs(page, OccurrenceDialog)
    assert opened.o.title == long_title


def test_the_week_view_names_what_is_on_at_each_hour(qtbot, page, shop):
    """The row says the hour: a cell shows an activity's title (a 1024-px window left room
    for "08:00 …" only), and its time only when it is not on the hour."""
    activities.create(shop, ActivityInput("早报☀️ 今日福利", TODAY, start_minute=8 * 60))
    activities.create(shop, ActivityInput("「试饮」会", TODAY, start_minute=8 * 60 + 30))
    page.set_view("week")
    row = page.grid.verticalHeader()
    hour = next(r for r in range(page.grid.rowCount())
                if page.grid.verticalHeaderItem(r).text() == "08:00")  # fmt: skip
    assert row.isVisible()
    cell = page.grid.item(hour, TODAY.weekday())
    assert cell.text() == "早报☀️ 今日福利; 08:30 「试饮」会"
    assert cell.toolTip() == "08:00 早报☀️ 今日福利\n08:30 「试饮」会"
    header = page.grid.horizontalHeaderItem(TODAY.weekday()).text()
    assert header.splitlines()[1] == f"{TODAY.month}/{TODAY.day}"  # the date under its day
