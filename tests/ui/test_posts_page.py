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
