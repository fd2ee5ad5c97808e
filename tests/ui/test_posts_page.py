"""The Posts page: edit with problems marked, preview, copy exactly the preview."""

import pytest
from PySide6.QtGui import QGuiApplication, QTextCursor

from sqdesk.core import ledger, posts
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.ui.posts.page import PostsPage


@pytest.fixture
def page(qtbot, store):
    p = PostsPage(store)
    qtbot.addWidget(p)
    p.resize(780, 560)
    p.show()
    qtbot.waitExposed(p)
    return p


def select(page, name):
    row = next(i for i, t in enumerate(page.templates) if t.name == name)
    page.list.setCurrentRow(row)


def test_copy_puts_exactly_the_preview_on_the_clipboard(qtbot, page, store):
    fan = create(store, MemberInput(name="王芳", nickname="Lily🌸"))
    ledger.record_visit(store, fan, amount_cents=3800)
    select(page, "积分即将过期提醒")
    page.set_member(fan)
    preview = page.bubble.text()
    assert preview.startswith("⏳ Lily🌸，") and "None" not in preview
    assert page.copy() == preview
    assert QGuiApplication.clipboard().text() == preview
    assert page.history.count() == 1 and "王芳" in page.history.item(0).text()
    assert [c.rendered_for for c in posts.copies_on(store)] == [f"member:{fan}"]
    copied = posts.copies_on(store)[0].copied_at
    assert page.words.sent_at(copied) in page.count.text()  # nothing is posted twice


def test_problems_are_marked_and_copy_is_disabled(qtbot, page):
    select(page, "早报")
    page.editor.setPlainText("第一行\n你好 {{ 昵称 }}")
    page.update_preview()
    assert not page.copy_button.isEnabled()
    assert "Line 2" in page.problem.text() and "昵称" in page.problem.text()
    assert page.editor.extraSelections()
    page.editor.setPlainText("早上好 {{ 今天 ")
    page.update_preview()
    assert "braces" in page.problem.text() and page.copy() == ""


def test_save_restore_and_insert_placeholder(qtbot, page, store):
    select(page, "早报")
    page.editor.setPlainText("早上好☀️ ")
    page.editor.moveCursor(QTextCursor.MoveOperation.End)  # where the manager was typing
    page.insert_placeholder("今天")
    assert page.editor.toPlainText() == "早上好☀️ {{ 今天 }}"
    page.save()
    assert posts.find(store, "早报").modified
    select(page, "早报")
    page.restore()
    assert not posts.find(store, "早报").modified


def test_own_template_added_and_deleted(qtbot, page, store):
    from PySide6.QtWidgets import QMessageBox

    new_id = page.add_named("周末拼单🍰")
    assert page.current().id == new_id and page.delete_button.isEnabled()
    assert page.add_named(" 周末拼单🍰 ") is None  # the same name: refused with a message
    for box in page.findChildren(QMessageBox):
        box.close()
    page.list.setCurrentRow(next(i for i, t in enumerate(page.templates) if t.id == new_id))
    box = page.ask_delete()
    next(b for b in box.buttons()
         if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()  # fmt: skip
    assert posts.find(store, "周末拼单🍰") is None
    select(page, "早报")
    assert not page.delete_button.isEnabled()  # built-ins are restored, not deleted


def test_a_template_reads_with_named_placeholders_and_edits_a_click_away(qtbot, page):
    from PySide6.QtCore import Qt

    select(page, "早报")
    view = page.template_view
    assert not view.editing and view.readable.isVisible() and not page.editor.isVisible()
    shown = "".join(view.readable.toPlainText().split())  # without the chips' thin spaces
    assert "{{" not in shown and "{%" not in shown
    assert "营业时间：营业时间" in shown and "今日生日艾特" in shown
    assert "ifthereis今日生日名单:" in shown
    # A click on the text (or Edit Text) shows the Jinja text, to edit.
    qtbot.mouseClick(view.readable.viewport(), Qt.MouseButton.LeftButton)
    assert view.editing and page.editor.isVisible() and page.edit_button.isChecked()
    assert "{{ 营业时间 }}" in page.editor.toPlainText()
    page.edit_button.click()
    assert not view.editing
    page.insert_placeholder("店名")  # inserting a placeholder edits the text
    assert view.editing and "{{ 店名 }}" in page.editor.toPlainText()
    select(page, "生日祝福")  # another template is read first
    assert not view.editing and "称呼, or “亲”" in view.readable.toPlainText()


def test_readable_words_cover_the_template_syntax(qapp):
    from sqdesk.ui.posts.readable import ReadableWords

    words = ReadableWords()
    text = words.html("嗨 {{ 称呼 or '亲' }}<b>！\n{% if 最爱 %}最爱{{最爱}}{% else %}无"
                      "{% endif %}{{ 不存在 }}{% for x in 参与名单 %}{{ x }}{% endfor %}")
    assert "&lt;b&gt;" in text and "<br>" in text  # the shop's text is text, not HTML
    assert "称呼, or “亲”" in text and "if there is 最爱:" in text and "otherwise:" in text
    assert "#fde2e1" in text  # an unknown placeholder stands out
    assert "for each of 参与名单:" in text and "endif" not in text
