"""The first-run set-up and the Settings window, driven through their real widgets."""

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from sqdesk.core import activities, ledger, post_values, posts, shop_settings
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.post_render import render
from sqdesk.ui.changes import Area, hub
from sqdesk.ui.main_window import MainWindow
from sqdesk.ui.settings.dialog import SettingsDialog
from sqdesk.ui.settings.setup_wizard import SetupWizard
from tests.ui.typing import type_text


@pytest.fixture
def window(qtbot, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _type(qtbot, widget, text):
    """The field focused and its text replaced, as a person retypes it."""
    widget.setFocus()
    widget.selectAll()
    type_text(qtbot, widget, text)


def _morning(store):
    today = post_values.day_values(store, TODAY_FOR_POSTS)
    return render(posts.first_of(store, "morning").body, today)


TODAY_FOR_POSTS = __import__("datetime").date(2026, 11, 30)


def test_a_new_shop_reaches_its_first_correct_morning_report(window, store, qtbot):
    started = time.perf_counter()
    wizard = window.offer_setup()
    assert isinstance(wizard, SetupWizard) and wizard.isVisible()
    f = wizard.fields
    _type(qtbot, f["shop.name"].widget, "茶语时光·天河店")
    _type(qtbot, f["shop.address"].widget, "天河路 385 号 1 楼")
    _type(qtbot, f["shop.hours"].widget, "10:00-22:00")
    _type(qtbot, f["shop.manager"].widget, "林店长")
    assert f["points.per_yuan"].widget.value() == 1  # the defaults shown
    assert f["points.member_days"].widget.text() == "8"
    wizard.next()
    _type(qtbot, f["points.member_days"].widget, "8，18")
    wizard.next()
    assert wizard.currentPage() is wizard.start_page
    preview = wizard.preview.toPlainText()
    assert preview.startswith("☀️【茶语时光·天河店早报】")
    assert "营业时间：10:00-22:00" in preview and "地址：天河路 385 号 1 楼" in preview
    assert wizard.starter.isChecked()
    with qtbot.waitSignal(hub().changed) as caught:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert Area.SHOP in caught.args[0] and Area.CALENDAR in caught.args[0]
    assert not wizard.isVisible()
    text = _morning(store)
    assert text.startswith("☀️【茶语时光·天河店早报】") and "门店" not in text
    assert ledger.rules(store).member_days == (8, 18)
    assert len(activities.list_activities(store)) > 3  # the starter plan
    assert not shop_settings.needs_setup(store) and window.offer_setup() is None
    assert time.perf_counter() - started < 120  # the two minutes, with room


def test_the_setup_says_what_does_not_fit_and_stays(window, store, qtbot):
    wizard = window.offer_setup()
    wizard.next()
    _type(qtbot, wizard.fields["points.member_days"].widget, "32")
    wizard.next()
    assert wizard.currentPage() is wizard.points_page  # not past the bad value
    assert "31" in wizard.points_page.problem.text()
    assert ledger.rules(store).member_days == (8,)


def test_skipping_the_setup_asks_once_and_file_menu_brings_it_back(window, store, qtbot):
    wizard = window.offer_setup()
    wizard.reject()
    assert window.offer_setup() is None  # not asked again
    assert "Set Up Shop" in window.statusBar().currentMessage()
    again = window.show_setup()
    assert again.isVisible()
    again.reject()


def test_a_store_in_use_and_the_demo_are_never_asked(qtbot, store, demo_store):
    create(store, MemberInput(name="张诗芳"))
    w = MainWindow(store)
    qtbot.addWidget(w)
    assert w.offer_setup() is None
    d = MainWindow(demo_store, demo=True)
    qtbot.addWidget(d)
    assert d.offer_setup() is None


def test_ctrl_comma_opens_settings_and_ok_saves(window, store, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    assert [dialog.sections.item(i).text() for i in range(dialog.sections.count())] == [
        "Shop", "Points and Levels", "Segments", "Staying in Touch", "Member Cards", "Scanning",
        "Backups", "Privacy", "Language"]
    _type(qtbot, dialog.fields["shop.name"].widget, "茶语🍵")
    dialog.fields["shop.hours"].widget.setText("09:30-21:30")
    dialog.fields["scan.sound"].widget.setChecked(True)
    dialog.fields["segments.core_spend_12m"].widget.setValue(1500)
    with qtbot.waitSignal(hub().changed) as caught:
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)  # fmt: skip
    assert caught.args[0] >= {Area.SHOP, Area.SEGMENTS}
    vals = shop_settings.values(store)
    assert vals["shop.name"] == "茶语🍵" and vals["shop.hours"] == "09:30-21:30"
    assert vals["scan.sound"] is True and vals["segments.core_spend_12m"] == 150_000
    assert _morning(store).startswith("☀️【茶语🍵早报】")


def test_a_bad_value_is_named_and_nothing_is_saved(window, store, qtbot):
    dialog = window.show_settings()
    dialog.fields["shop.name"].widget.setText("茶语")
    dialog.fields["points.member_days"].widget.setText("八号")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.stack.currentIndex() == 1  # the points section, where the problem is
    assert "31" in dialog.message.text()
    assert shop_settings.values(store)["shop.name"] is None  # not even the good value
    dialog.fields["points.member_days"].widget.setText("")  # no member day at all
    dialog.buttons.button(dialog.buttons.StandardButton.Apply).click()
    assert ledger.rules(store).member_days == () and dialog.isVisible()
    assert shop_settings.values(store)["shop.name"] == "茶语"


def test_the_logo_is_chosen_from_a_file(window, store, qtbot, tmp_path):
    from PySide6.QtGui import QImage

    path = tmp_path / "logo.png"
    image = QImage(32, 32, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkGreen)
    image.save(str(path))
    dialog = window.show_settings()
    picker = dialog.fields["shop.logo"].widget
    picker.load(path)
    assert not picker.preview.pixmap().isNull()
    assert dialog.save()
    assert shop_settings.values(store)["shop.logo"] == path.read_bytes()
    (tmp_path / "notes.png").write_bytes(b"not a picture")
    picker.load(tmp_path / "notes.png")
    assert not dialog.save() and "PNG" in dialog.message.text()
