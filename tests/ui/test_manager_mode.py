"""The manager mode (issue 18.1): with a PIN set, a helper cannot export the roster, open
the settings, adjust points or read the audit log without it; a wrong PIN says how many
tries are left; the right one opens the mode until Ctrl+L or the idle minutes; without a
PIN everything works at once, with a hint to set one."""

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from sqdesk.core import audit, manager
from sqdesk.ui import manager_mode
from sqdesk.ui.audit_dialog import AuditDialog
from sqdesk.ui.main_window import MainWindow
from sqdesk.ui.manager_mode import PinDialog, PinSettingsDialog
from sqdesk.ui.settings.dialog import SettingsDialog


@pytest.fixture
def window(qtbot, demo_store):
    w = MainWindow(demo_store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    manager_mode.mode().lock()
    w.close()


def test_without_a_pin_everything_opens_at_once_with_a_hint(window):
    assert "No manager PIN" in window.mode_label.text()
    assert isinstance(window.show_settings(), SettingsDialog)
    assert isinstance(window.show_audit(), AuditDialog)


def test_a_helper_is_asked_for_the_pin(qtbot, window, demo_store):
    settings = window.show_pin_settings()
    assert isinstance(settings, PinSettingsDialog)
    settings.new.setText("2580")
    settings.again.setText("2581")
    assert not settings.save() and "differ" in settings.problem.text()
    settings.again.setText("2580")
    assert settings.save()
    assert "Helper" in window.mode_label.text()
    window.show_page(window.members_page)
    asked = window.members_page.files.ask_export()  # 300 members: more than 20
    assert isinstance(asked, PinDialog)
    asked.pin.setText("1111")
    assert not asked.check() and "4" in asked.problem.text()  # tries left
    asked.pin.setText("2580")
    assert asked.check()
    qtbot.waitUntil(lambda: any(isinstance(w, QFileDialog) and w.isVisible()
                                for w in window.findChildren(QFileDialog)))  # fmt: skip
    assert manager_mode.mode().is_unlocked() and "Manager" in window.mode_label.text()
    assert audit.role() == audit.MANAGER
    assert isinstance(window.show_settings(), SettingsDialog)  # no second PIN
    window.lock_action.trigger()  # Ctrl+L
    assert not manager_mode.mode().is_unlocked() and audit.role() == audit.HELPER
    assert isinstance(window.show_audit(), PinDialog)


def test_the_mode_locks_itself_when_nobody_uses_the_app(qtbot, window, demo_store):
    manager.set_pin(demo_store, "2580")
    manager.set_lock_minutes(demo_store, 1)
    mode = manager_mode.mode()
    mode.unlock(demo_store)
    assert mode.idle.interval() == 60_000
    mode.idle.setInterval(50)  # a minute is too long for a test
    mode.idle.start()
    qtbot.waitUntil(lambda: not mode.is_unlocked(), timeout=2000)
    dialog = window.show_audit()
    assert isinstance(dialog, PinDialog)
    dialog.pin.setText("2580")
    dialog.check()
    audit_dialog = next(w for w in window.findChildren(AuditDialog))
    assert audit_dialog.lines[0].action == "settings"  # the idle minutes just set
    assert "whole" in audit_dialog.whole.text()


def test_a_members_data_from_the_profile_exported_and_erased_by_the_manager(qtbot, window,
                                                                            demo_store,
                                                                            tmp_path):  # fmt: skip
    """The profile's ⋯: Export Their Data… writes the file; Erase at Their Request… asks for
    the PIN, then confirms, then wipes the person (the totals kept) and closes the profile."""
    import json

    from PySide6.QtWidgets import QMessageBox

    from sqdesk.core import ledger, members, pipl

    member_id = members.ordered_ids(demo_store)[0]
    before = ledger.balance(demo_store, member_id)
    profile = window.members_page.open_member(member_id)
    assert profile.data_button.isVisible()
    assert profile.data.export_to(tmp_path / "them.json") > 1
    assert json.loads((tmp_path / "them.json").read_text(encoding="utf-8"))["member"]["code"]
    manager.set_pin(demo_store, "2580")
    asked = profile.data.ask_erase()
    assert isinstance(asked, PinDialog)
    asked.pin.setText("2580")
    asked.check()
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    assert "cannot be undone" in box.text()
    erase = next(b for b in box.buttons()
                 if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)  # fmt: skip
    qtbot.mouseClick(erase, Qt.MouseButton.LeftButton)  # erased in the background
    qtbot.waitUntil(lambda: not shiboken6.isValid(profile) or not profile.isVisible())
    assert members.detail(demo_store, member_id).name == pipl.PLACEHOLDER
    assert ledger.balance(demo_store, member_id) == before



def test_cancel_while_the_copy_before_an_erase_is_made_erases_nothing(qtbot, window, demo_store,
                                                                       monkeypatch):  # fmt: skip
    from PySide6.QtWidgets import QPushButton

    from sqdesk.core import members, pipl
    from tests.conftest import held_copies

    member_id = members.ordered_ids(demo_store)[0]
    name = members.detail(demo_store, member_id).name
    copying, go_on = held_copies(monkeypatch)
    profile = window.members_page.open_member(member_id)
    job = profile.data.erase()
    qtbot.waitUntil(copying.is_set)
    with qtbot.waitSignal(job.ended, timeout=30_000):
        job.dialog.findChild(QPushButton).click()
        go_on.set()
    assert members.detail(demo_store, member_id).name == name != pipl.PLACEHOLDER
    assert profile.isVisible()  # still open on the member, nothing erased

def test_the_privacy_notice_prints_and_lists_who_to_review(qtbot, window, demo_store,
                                                           tmp_path):  # fmt: skip
    import subprocess

    from sqdesk.core import shop_settings
    from sqdesk.ui.privacy_dialog import PrivacyDialog
    from tests.conftest import need_tool

    shop_settings.set_value(demo_store, "privacy.retention_days", "200")
    dialog = window.show_privacy()
    assert isinstance(dialog, PrivacyDialog)
    assert dialog.review and dialog.table.rowCount() == min(len(dialog.review), 500)
    out = tmp_path / "notice.pdf"
    assert dialog.save_pdf(out) == 1
    text = subprocess.run([need_tool("pdftotext"), str(out), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "Privacy Notice" in text and "Your rights" in text


def test_with_nobody_to_review_the_privacy_dialog_shows_all_its_words(qtbot, demo_store):
    """No retention period set: a short dialog, but tall enough for its wrapped words (they
    were cut off at half a line)."""
    from PySide6.QtWidgets import QLabel

    from sqdesk.ui.privacy_dialog import PrivacyDialog

    dialog = PrivacyDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.review and not dialog.table.isVisible()
    about = dialog.findChildren(QLabel)[0]
    assert about.wordWrap() and about.height() >= about.heightForWidth(about.width())
