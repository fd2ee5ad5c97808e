"""Cards, posters and the scan box through the real windows (issue 15): three clicks from a
segment to the preview, a PDF painted in the background and read back, a poster from a
group's imported QR, and Today's scan box checking members in or opening Record Visit."""

import datetime as dt
import gc
from pathlib import Path

import pytest
import segno
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog

from sqdesk.core import cards, codes, groups, ledger, members, shop_settings
from sqdesk.core.member_edit import MemberInput, create, set_archived
from sqdesk.ui import sounds
from sqdesk.ui.cards.poster_dialog import PosterDialog
from sqdesk.ui.cards.print_dialog import CardPrintDialog
from sqdesk.ui.jobs import wait_for_jobs
from sqdesk.ui.main_window import MainWindow
from sqdesk.ui.points.visit_dialog import VisitDialog
from tests.ui.test_printing import decode_pdf


@pytest.fixture
def shop(store):
    ids = [create(store, MemberInput(name=n)) for n in ("张诗芳", "李伟", "王芳")]
    create(store, MemberInput(name="老会员", joined_on=dt.date.today() - dt.timedelta(days=400)))
    return store, ids


@pytest.fixture
def window(qtbot, shop):
    w = MainWindow(shop[0])
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _dialog(window, kind):
    (found,) = [d for d in window.findChildren(kind) if d.isVisible()]
    return found


def test_three_clicks_from_a_segment_to_the_preview(qtbot, window, shop):
    window.show_page(window.members_page)
    page = window.members_page
    page.segments.show_segment("new")  # 1: a segment (new members), chosen in the list
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)  # the member of last year is not in it
    page.print_action.trigger()  # 2: More → Print Member Cards… (or Ctrl+P)
    dialog = _dialog(window, CardPrintDialog)
    assert "3 cards" in dialog.about.text() or "3 card(s)" in dialog.about.text()
    assert page.segments.current_title() in dialog.about.text()
    preview = dialog.preview()  # 3: Preview…
    assert isinstance(preview, QPrintPreviewDialog) and preview.isVisible()
    gc.collect()  # the preview's printer must outlive this call (it crashed when it did not)
    preview.resize(900, 700)
    qtbot.wait(50)
    preview.close()
    dialog.close()


def test_cards_saved_as_pdf_in_the_background_read_back_and_are_remembered(qtbot, window, shop,
                                                                           tmp_path):  # fmt: skip
    store, ids = shop
    dialog = CardPrintDialog(store, ids, "3 members", window)
    qtbot.addWidget(dialog)
    out = tmp_path / "cards.pdf"
    dialog.save_pdf(out)
    qtbot.waitUntil(lambda: out.exists(), timeout=10_000)
    wait_for_jobs()
    assert sorted(decode_pdf(out)) == sorted(members.detail(store, i).code for i in ids)
    qtbot.waitUntil(lambda: set(cards.select_members(store, not_printed=True)).isdisjoint(ids))
    dialog.not_printed.setChecked(True)
    assert dialog.chosen_ids() == [] and not dialog.pdf_button.isEnabled()


def test_the_profile_prints_one_card(qtbot, window, shop):
    ids = shop[1]
    profile = window.members_page.open_member(ids[0])
    dialog = profile.print_card()
    assert dialog.member_ids == [ids[0]] and dialog.layout_box.currentData() == "cr80"
    dialog.close()
    profile.reject()


def test_a_poster_from_a_groups_imported_qr_warns_of_its_age(qtbot, window, shop, tmp_path):
    store, _ = shop
    gid = groups.create_group(store, "茶语会员1群")
    picture = tmp_path / "g.png"
    segno.make("https://weixin.qq.com/g/AbC123", error="m").save(str(picture), scale=6)
    groups.set_qr(store, gid, picture.read_bytes(),
                  taken_on=dt.date.today() - dt.timedelta(days=5))  # fmt: skip
    dialog = window.print_poster()
    assert dialog.qr_text == "https://weixin.qq.com/g/AbC123"
    assert "7 days" in dialog.status.text() and "day 6 of 7" in dialog.status.text()
    out = tmp_path / "poster.pdf"
    dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("a4"))
    dialog.save_pdf(out)
    assert decode_pdf(out) == ["https://weixin.qq.com/g/AbC123"]
    dialog.close()


def test_a_picture_without_a_qr_is_refused_in_the_dialog(qtbot, window, tmp_path):
    dialog = PosterDialog(window.store, window)
    qtbot.addWidget(dialog)
    blank = tmp_path / "blank.png"
    blank.write_bytes(segno.make("x").png_data_uri().encode())  # not a picture at all
    assert not dialog.use_picture(Path(blank))
    assert not dialog.preview_button.isEnabled() and "PNG or JPEG" in dialog.status.text()


# --- the scan box ------------------------------------------------------------------------------


def _scan(qtbot, window, text):
    box = window.today_page.scan_box
    window.show_page(window.today_page)
    box.edit.setText(text)
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    return box.result.text()


def test_the_scan_box_checks_in_and_refuses_each_bad_case(qtbot, window, shop):
    store, ids = shop
    shop_settings.save(store, {"scan.action": "checkin", "scan.sound": True})
    code = members.detail(store, ids[0]).code
    assert "张诗芳" in _scan(qtbot, window, code) and sounds.played[-1] == sounds.OK
    assert ledger.record_checkin(store, ids[0], dt.date.today()).new is False
    assert "a moment ago" in _scan(qtbot, window, code) and sounds.played[-1] == sounds.REFUSED
    wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
    assert "check digit" in _scan(qtbot, window, wrong)
    assert "No member has the code" in _scan(qtbot, window, codes.make_code(999))
    set_archived(store, [ids[1]], True)
    assert "archived" in _scan(qtbot, window, members.detail(store, ids[1]).code)
    assert window.today_page.scan_box.edit.text() == ""  # ready for the next card


def test_f3_and_a_scan_open_record_visit_with_the_amount_next(qtbot, window, shop):
    store, ids = shop
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.pages.currentWidget() is window.today_page
    code = members.detail(store, ids[2]).code
    _scan(qtbot, window, code)  # the default: a visit
    visit = _dialog(window, VisitDialog)
    assert visit.member_id == ids[2] and visit.focusWidget() is visit.amount
    visit.reject()


def test_printing_runs_in_the_background_and_remembers_the_cards(qtbot, window, shop, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    store, ids = shop
    dialog = CardPrintDialog(store, ids[:2], "2 members", window)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes a file
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    doc = dialog.document(ids[:2])
    dialog.print_now(printer, doc, ids[:2])
    qtbot.waitUntil(lambda: set(ids[:2]).isdisjoint(cards.select_members(store,
                                                                          not_printed=True)),
                    timeout=10_000)  # fmt: skip
    wait_for_jobs()
    assert sorted(decode_pdf(out)) == sorted(members.detail(store, i).code for i in ids[:2])
