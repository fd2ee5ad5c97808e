"""Posts where the manager needs them: Today's one-click copies, one-by-one greetings that
stop and resume, and Copy Post from an occurrence, a profile and a WeChat group."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit

from sqdesk.core import activities, groups, post_runs, post_values, posts
from sqdesk.core.activities import ActivityInput
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.post_render import render
from sqdesk.ui.calendar.occurrence_dialog import OccurrenceDialog
from sqdesk.ui.groups.page import GroupsPage
from sqdesk.ui.members.dialog import MemberDialog
from sqdesk.ui.posts.copy_dialog import CopyPostDialog
from sqdesk.ui.posts.page import PostsPage
from sqdesk.ui.posts.run_dialog import RunDialog
from sqdesk.ui.today.page import TodayPage
from sqdesk.ui.widgets import Toast


def _clipboard() -> str:
    return QGuiApplication.clipboard().text()


def _dialogs(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


@pytest.fixture
def today_page(qtbot, store):
    p = TodayPage(store)
    qtbot.addWidget(p)
    p.resize(780, 560)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_today_copies_the_morning_report_and_the_reminder_with_one_click_each(
    qtbot, store, today_page
):
    today = date.today()
    create(store, MemberInput(name="王芳", nickname="芳芳🌸", birthday=today.replace(year=1990)))
    campaign = activities.create(
        store,
        ActivityInput("双十二囤茶节", today, start_minute=14 * 60, points=20, warmup_days=3),
    )
    tasting = activities.create(store, ActivityInput("周末品鉴会", today, start_minute=19 * 60))
    today_page.refresh()
    box = today_page.posts
    kinds = [(d.kind, d.occurrence.activity_id if d.occurrence else None) for d in box.due]
    assert kinds == [("morning", None), ("reminder", campaign), ("reminder", tasting)]

    morning = box.copy_buttons[0]
    morning.click()  # one click
    expected = render(posts.first_of(store, "morning").body,
                      post_values.values_for(store, today=today))  # fmt: skip
    assert _clipboard() == expected and "@王芳" in expected  # today's birthday @mention
    toast = today_page.window().findChild(Toast, "toast")
    assert toast is not None and toast.isVisible() and "早报" in toast.text()

    box.copy_buttons[1].click()  # the campaign's reminder
    text = _clipboard()
    assert text.startswith("⏰ 就是今天！「双十二囤茶节」") and "14:00" in text
    (task,) = activities.phase_tasks(store, today, today)
    assert task.done  # copying the reminder ticks the task
    qtbot.waitUntil(lambda: "✓" in box.grid.itemAtPosition(0, 1).widget().text())
    copied = [(c.template_name, c.rendered_for) for c in posts.copies_on(store)]
    assert copied == [("当天提醒", f"occurrence:{campaign}:{today.isoformat()}"), ("早报", "")]


def test_today_preview_lets_another_template_be_chosen(qtbot, store, today_page):
    today = date.today()
    a = activities.create(store, ActivityInput("周末品鉴会", today, start_minute=19 * 60))
    today_page.refresh()
    dialog = today_page.posts.preview(1)
    assert dialog.bubble.text().startswith("⏰ 就是今天！「周末品鉴会」")
    dialog.choice.setCurrentIndex(dialog.choice.findText("活动预热（提前 3 天）"))
    dialog.remember.setChecked(True)
    text = dialog.bubble.text()
    assert text.startswith("📣 预告！")
    dialog.copy_button.click()
    assert _clipboard() == text and not dialog.isVisible()
    assert posts.phase_template(store, a, "reminder").key == "warmup"  # remembered


def test_a_week_of_birthday_greetings_one_by_one_with_stop_and_resume(qtbot, store, today_page):
    today = date.today()
    ids = [create(store, MemberInput(name=n, birthday=today.replace(year=1990 + i)))
           for i, n in enumerate(["李雷", "韩梅梅", "Tom 🐱"])]  # fmt: skip
    today_page.refresh()
    assert today_page.greet_button.isEnabled()
    today_page.greet_button.click()
    (run,) = _dialogs(RunDialog)
    assert (run.progress.value(), run.index, len(run.steps)) == (0, 0, 3)
    assert "韩梅梅" in run.who.text()  # same day: by name, as read (han, li, tom)
    first = run.bubble.text()
    assert first.startswith("🎂 韩梅梅，生日快乐")
    run.next_button.click()
    assert _clipboard() == first
    assert run.bubble.text().startswith("🎂 李雷，")
    run.skip_button.click()
    assert run.bubble.text().startswith("🎂 Tom 🐱，")
    run.stop_button.click()  # a customer walks in
    (info,) = post_runs.runs(store)
    assert (info.copied, info.skipped, info.total) == (1, 1, 3)

    page = PostsPage(store)
    qtbot.addWidget(page)
    page.show()
    assert page.runs.count() == 1
    again = page.resume_run()
    assert again.bubble.text().startswith("🎂 Tom 🐱，")  # where it stopped
    again.next_button.click()
    assert _clipboard().startswith("🎂 Tom 🐱，")
    assert again.progress.value() == 3
    assert not again.next_button.isEnabled()  # all done
    assert post_runs.runs(store) == []
    sent = {c.rendered_for for c in posts.copies_on(store)}
    assert sent == {f"member:{ids[2]}", f"member:{ids[1]}"}


def test_send_to_a_segment_from_the_posts_page(qtbot, store):
    for name in ("沉睡一号", "沉睡二号"):
        create(store, MemberInput(name=name, joined_on=date(2020, 1, 1)))
    page = PostsPage(store)
    qtbot.addWidget(page)
    page.show()
    page.list.setCurrentRow(next(i for i, t in enumerate(page.templates)
                                 if t.key == "reactivation"))  # fmt: skip
    assert page.send_button.isEnabled()
    run = page.send_to("segment:dormant")
    assert run is not None and len(run.steps) == 2
    assert run.bubble.text().startswith("👋 沉睡")
    run.reject()
    page.list.setCurrentRow(next(i for i, t in enumerate(page.templates) if t.key == "morning"))
    assert not page.send_button.isEnabled()  # a group post is not sent one by one


def test_occurrence_copy_post_renders_for_that_day_and_ticks_the_phase(qtbot, store):
    day = date(2026, 12, 12)
    a = activities.create(store, ActivityInput("双十二囤茶节", day, place="门店", points=20,
                                                warmup_days=3))  # fmt: skip
    o = activities.occurrence(store, a, day)
    dialog = OccurrenceDialog(store, o)
    qtbot.addWidget(dialog)
    copy = dialog.copy_post("warmup")
    assert copy.bubble.text().startswith("📣 预告！12月12日 星期六 10:00「双十二囤茶节」")
    assert "参加就送 20 积分" in copy.bubble.text()
    copy.copy()
    assert _clipboard().startswith("📣 预告！")
    assert dialog.phase_boxes["warmup"].isChecked()
    done = [t for t in activities.phase_tasks(store, date(2026, 12, 9), day) if t.done]
    assert [t.phase for t in done] == ["warmup"]


def test_profile_offers_member_templates(qtbot, store):
    m = create(store, MemberInput(name="王芳", nickname="Lily", favourites="桂花乌龙"))
    dialog = MemberDialog(store, m)
    qtbot.addWidget(dialog)
    assert dialog.favourites.text() == "桂花乌龙"
    dialog._fill_message_menu()
    names = [a.text() for a in dialog.message_button.menu().actions()]
    assert "生日祝福" in names and "早报" not in names
    report = next(t for t in posts.list_templates(store) if t.key == "yearly_report")
    copy = dialog.open_message(report.id)
    assert "最爱的是桂花乌龙" in copy.bubble.text()
    copy.copy()
    assert _clipboard() == copy.bubble.text()
    assert posts.copies_on(store)[0].rendered_for == f"member:{m}"


def test_a_groups_own_welcome_text_is_copied_with_its_name(qtbot, store):
    gid = groups.create_group(store, name="茶语会员1群",
                              welcome="欢迎来到{{ 群名 }}🎉 先看群公告哦～")  # fmt: skip
    page = GroupsPage(store)
    qtbot.addWidget(page)
    page.show()
    dialog = page.copy_post("welcome")
    assert isinstance(dialog, CopyPostDialog)
    assert dialog.bubble.text() == "欢迎来到茶语会员1群🎉 先看群公告哦～"
    dialog.copy()
    assert _clipboard() == "欢迎来到茶语会员1群🎉 先看群公告哦～"
    assert posts.copies_on(store)[0].rendered_for == f"group:{gid}"
    rules = page.copy_post("rules")  # none written: the library's rules template
    assert rules.bubble.text().startswith("【茶语会员1群群规】")


def test_new_template_gets_a_category_and_audience(qtbot, store):
    page = PostsPage(store)
    qtbot.addWidget(page)
    page.show()
    dialog = page.ask_new()
    dialog.findChild(QLineEdit, "templateName").insert("会员周年感谢💐")
    category = dialog.findChild(QComboBox, "templateCategory")
    category.setCurrentIndex(category.findData("yearly_report"))
    assert dialog.findChild(QComboBox, "templateAudience").currentData() == "member"
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    t = posts.find(store, "会员周年感谢💐")
    assert (t.category, t.audience) == ("yearly_report", "member")
    assert page.current().id == t.id and page.editor.toPlainText().startswith("{{ 称呼")


def test_members_page_sends_to_one_to_the_selection_or_to_the_list_in_view(qtbot, store):
    from PySide6.QtCore import QItemSelectionModel

    from sqdesk.ui.members.page import MembersPage

    ids = [create(store, MemberInput(name=n)) for n in ("张三", "李四", "王五")]
    page = MembersPage(store)
    qtbot.addWidget(page)
    page.show()
    vip = posts.find(store, "vip_invite")
    page.table.selectRow(page.model.row_of(ids[0]))
    one = page.selection.send_message(vip.id)
    assert isinstance(one, CopyPostDialog) and one.bubble.text().startswith("✨ 张三，")
    one.reject()
    rows = page.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    rows.select(page.model.index(page.model.row_of(ids[1]), 0), flags)
    two = page.selection.send_message(vip.id)
    assert isinstance(two, RunDialog) and len(two.steps) == 2
    two.reject()
    page.table.clearSelection()
    everyone = page.selection.send_message(vip.id)
    assert isinstance(everyone, RunDialog) and len(everyone.steps) == 3
    everyone.reject()
    page._fill_send_menu()
    assert "早报" not in [a.text() for a in page.send_menu.actions()]


def test_a_busy_day_lists_the_first_posts_and_counts_the_rest(qtbot, store, today_page):
    from PySide6.QtWidgets import QLabel

    from sqdesk.ui.today.posts_box import MAX_ROWS

    today = date.today()
    for i in range(MAX_ROWS + 3):
        activities.create(store, ActivityInput(f"活动{i}", today, start_minute=600 + i))
    today_page.refresh()
    box = today_page.posts
    assert len(box.due) == MAX_ROWS + 4  # the morning report and 11 reminders
    assert len(box.copy_buttons) == MAX_ROWS
    more = box.findChild(QLabel, "morePosts")
    assert more is not None and "4" in more.text()


def test_a_calendar_task_opens_its_post_rendered_for_the_occurrence(qtbot, store):
    from sqdesk.ui.calendar.page import CalendarPage

    day = date(2026, 12, 12)
    a = activities.create(store, ActivityInput("双十二囤茶节", day, warmup_days=3))
    page = CalendarPage(store)
    qtbot.addWidget(page)
    occurrence = page.open_occurrence(a, day, "recap")
    (post,) = [d for d in occurrence.findChildren(CopyPostDialog) if d.isVisible()]
    assert post.bubble.text().startswith("🙏 感谢大家参加「双十二囤茶节」")  # nobody yet
    post.copy()
    assert occurrence.phase_boxes["recap"].isChecked()


def test_a_run_with_a_coupon_previews_it_and_copying_gives_it(qtbot, store):
    """Choose a coupon for the run: the bubble lists it before it exists, Copy and Next
    puts exactly that on the clipboard and issues it; Back shows it was given (no second)."""
    from sqdesk.core import coupons

    ids = [create(store, MemberInput(name=n)) for n in ("林晓雨", "陈一🍵")]
    t, _w = coupons.add_type(store, "回店礼 满30减5", "amount_off", 500, min_spend_cents=3000,
                             valid_days=7)  # fmt: skip
    tid = posts.add_template(store, "回来坐坐", "{{ 称呼 }}，送您{{ 优惠券 }}", audience="member")
    template = next(x for x in posts.list_templates(store) if x.id == tid)
    run_id = post_runs.start(store, template, ids)
    dialog = RunDialog(store, run_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "回店礼" not in dialog.bubble.text()
    dialog.coupon_box.setCurrentIndex(dialog.coupon_box.findData(t.id))
    assert post_runs.run(store, run_id).coupon_type_id == t.id
    shown = dialog.bubble.text()
    assert shown.startswith("林晓雨，送您回店礼 满30减5（")
    assert "回店礼" in dialog.coupon_line.text()
    assert coupons.for_member(store, ids[0]) == []
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert _clipboard() == shown
    (given,) = coupons.for_member(store, ids[0])
    assert given.type_id == t.id
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert given.code in dialog.coupon_line.text()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # copied again
    assert len(coupons.for_member(store, ids[0])) == 1
