import socket
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton

from sqdesk.core import members, migrate
from sqdesk.core.store import OPEN_STEPS, Store
from sqdesk.ui import prefs
from sqdesk.ui.about import AboutDialog
from sqdesk.ui.changes import hub
from sqdesk.ui.main_window import MainWindow
from sqdesk.ui.opening import OpeningSteps
from tests.conftest import held_copies, older_store, revision_of


@pytest.fixture
def window(qtbot, demo_store):
    w = MainWindow(demo_store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def _visible(window, kind):
    return [w for w in window.findChildren(kind) if w.isVisible()]


def test_opens_on_today_then_shows_the_roster_with_members(window, demo_store, qtbot):
    assert window.pages.currentWidget() is window.today_page  # the home page
    window.show_page(window.members_page)
    page = window.members_page
    assert window.pages.currentWidget() is page
    assert page.table.isVisible()
    qtbot.waitUntil(lambda: page.model.complete)  # the first screenful, then the rest
    n = members.count(demo_store)
    assert page.model.rowCount() == n > 0
    assert str(n) in window.count_label.text()
    assert str(n) in page.header.subtitle.text()
    assert demo_store.location in window.store_label.text()
    assert demo_store.display_name in window.windowTitle()
    assert not window.demo_banner.isVisible()
    name_col = members.SortKey.NAME
    first_name = page.model.data(page.model.index(0, page.model.COLUMNS.index(name_col)))
    assert first_name


def test_clicking_a_header_sorts(window, qtbot):
    page = window.members_page
    code = page.model.COLUMNS.index(members.SortKey.CODE)
    page.table.sortByColumn(code, Qt.SortOrder.AscendingOrder)
    values = [page.model.data(page.model.index(r, code)) for r in range(page.model.rowCount())]
    assert values == sorted(values)


def test_demo_window_is_labelled(qtbot, demo_store):
    w = MainWindow(demo_store, demo=True)
    qtbot.addWidget(w)
    w.show()
    assert "DEMO" in w.windowTitle()
    assert w.demo_banner.isVisible()
    assert demo_store.location not in prefs.recent_stores()


def test_empty_store_shows_a_hint(qtbot, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    w.show_page(w.members_page)
    assert w.members_page.empty.isVisible()
    assert not w.members_page.table.isVisible()


def test_open_another_store_through_the_dialog(window, qtbot, tmp_path):
    other = tmp_path / "branch.sqdesk"
    Store.open(other).close()
    dialog = window.ask_open_store()
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    dialog.selectFile(str(other))
    with qtbot.waitSignal(hub().changed):
        dialog.accept()
    assert window.store.path == other
    assert window.members_page.model.rowCount() == 0
    assert "0" in window.count_label.text()
    assert prefs.recent_stores()[0] == str(other)


def test_new_store_creates_and_switches(window, tmp_path):
    target = tmp_path / "新店.sqdesk"
    assert window.create_store_at(str(target))
    assert target.exists() and window.store.path == target
    assert "新店" in window.windowTitle()


def test_new_store_never_overwrites(window, tmp_path, qtbot):
    existing = tmp_path / "keep.sqdesk"
    existing.write_bytes(b"precious")
    assert not window.create_store_at(str(existing))
    assert existing.read_bytes() == b"precious"
    assert any("already exists" in b.text() for b in _visible(window, QMessageBox))


def test_a_store_from_the_future_is_refused_with_a_message(window, tmp_path, demo_store):
    future = tmp_path / "future.sqdesk"
    Store.open(future).close()
    with closing(sqlite3.connect(future)) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
        conn.commit()
    assert not window.open_store_at(str(future))
    assert window.store is demo_store  # still on the store it had
    boxes = _visible(window, QMessageBox)
    assert boxes and "newer version" in boxes[-1].text()
    for b in boxes:
        b.close()


def test_about_dialog(window):
    dialog = window.show_about()
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    dialog.close()


def test_navigation_shortcut_and_menus(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert len(titles) == 2
    assert window.open_action.shortcut().toString()
    # Today, Members, Calendar, Points, WeChat Groups, Posts, Notes, Dashboard on Ctrl+1 ...
    # Ctrl+8
    assert window.nav.count() == 8
    shortcuts = {a.shortcut().toString() for a in window.actions()}
    assert {f"Ctrl+{n}" for n in range(1, 9)} <= shortcuts


def test_geometry_is_remembered(qtbot, demo_store):
    w = MainWindow(demo_store)
    qtbot.addWidget(w)
    w.resize(780, 560)  # the offscreen screen is 800x600
    w.show()
    w.close()
    again = MainWindow(demo_store)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (780, 560)


def test_a_store_open_elsewhere_can_be_opened_read_only(window, tmp_path, qtbot):
    from sqdesk.core.member_edit import MemberInput, create

    path = tmp_path / "front.sqdesk"
    other_copy = Store.open(path, lock=True)  # the copy of sqdesk at the counter
    create(other_copy, MemberInput(name="张三"))
    assert not window.open_store_at(str(path))
    box = next(b for b in _visible(window, QMessageBox) if "front.sqdesk" in b.text())
    assert "front.sqdesk" in box.text()
    with qtbot.waitSignal(hub().changed):
        box.read_only_button.click()
    assert window.store.read_only
    assert "read-only" in window.windowTitle() or "只读" in window.windowTitle()
    assert window.read_only_banner.isVisible()
    page = window.members_page
    assert page.model.rowCount() == 1
    assert not page.new_button.isVisible() and not page.files.import_action.isVisible()
    assert page.new_member() is None
    dialog = page.open_member(page.model.member_id(0))
    assert not dialog.save_button.isVisible() and dialog.name.isReadOnly()
    dialog.reject()
    other_copy.close()


def test_the_status_bar_counts_the_store_not_the_roster_view(window, qtbot, demo_store):
    n = members.count(demo_store)
    page = window.members_page
    window.show_page(page)
    page.search.setText("zhang")
    qtbot.waitUntil(lambda: 0 < page.model.rowCount() < n, timeout=3000)
    page.segments.show_segment("vip_eligible")
    for other in (window.calendar_page, window.points_page, window.today_page):
        window.show_page(other)
        assert f"{n}" in window.count_label.text()
    window.show_page(page)
    page.search.clear()
    page.segments.show_all()
    qtbot.waitUntil(lambda: page.model.rowCount() == n, timeout=3000)
    page.table.selectRow(0)
    assert page.selection.archive_selected(True) == 1
    assert f"{n - 1}" in window.count_label.text()  # archiving changes the store's count


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_page_fits_1024_by_700(qtbot, app_style, demo_store, lang):
    """The smallest screen a shop PC has: no page wider than the window, and the roster's
    main columns without a sideways scrollbar, in the app's own style and either language."""
    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtWidgets import QApplication

    from sqdesk.ui import i18n
    from sqdesk.ui.members.page import CELL_PADDING

    app = QApplication.instance()
    installed = i18n.install_translators(app, lang)
    prefs.settings().remove("roster/header2")  # the default columns
    try:
        w = MainWindow(demo_store)
        qtbot.addWidget(w)
        w.resize(1024, 700)
        w.show()
        qtbot.waitExposed(w)
        assert (w.width(), w.height()) == (1024, 700)
        for i in range(w.pages.count()):
            w.nav.setCurrentRow(i)
            QApplication.processEvents()
            page = w.pages.widget(i)
            assert page.minimumSizeHint().width() <= w.pages.width(), type(page).__name__
        w.show_page(w.members_page)
        QApplication.processEvents()
        table = w.members_page.table
        assert not table.horizontalScrollBar().isVisible()
        date_column = w.members_page.model.COLUMNS.index(members.SortKey.JOINED)
        wanted = table.fontMetrics().horizontalAdvance("2026-11-30")
        # A date is never cut to "2026-11-…": its text and the cell's margins fit.
        assert table.columnWidth(date_column) >= wanted + CELL_PADDING
        w.close()
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        prefs.settings().remove("roster/header2")


def test_switching_store_closes_the_old_stores_windows(window, qtbot, tmp_path):
    """A profile left open on the old store would read it (closed) at the next change."""
    from sqdesk.ui.changes import Area, announce
    from sqdesk.ui.members.dialog import MemberDialog

    page = window.members_page
    dialog = page.open_member(page.model.member_id(0))
    assert dialog.isVisible()
    settings = window.show_settings()
    window.set_store(Store.open(tmp_path / "other.sqdesk"))
    assert not dialog.isVisible() and not settings.isVisible()
    announce(Area.POINTS, Area.MEMBERS)  # nothing left that reads the closed store
    assert not [d for d in window.findChildren(MemberDialog) if d.isVisible()]


def test_a_store_on_a_network_share_is_warned_about(qtbot, demo_store, monkeypatch):
    import sqdesk.ui.main_window as main_window

    monkeypatch.setattr(main_window, "network_share", lambda _path: "cifs")
    w = MainWindow(demo_store)
    qtbot.addWidget(w)
    w.show()
    assert w.network_banner.isVisible()
    assert "cifs" in w.network_banner.text() and "PostgreSQL" in w.network_banner.text()
    monkeypatch.setattr(main_window, "network_share", lambda _path: None)
    assert w._warn_network_share() is None and not w.network_banner.isVisible()


def test_a_store_on_a_postgresql_server_opens_from_its_address(qtbot, demo_store, pg_server):
    from sqdesk.core import members
    from sqdesk.core.member_edit import MemberInput, create
    from sqdesk.core.store import Store

    url = pg_server.new_database()
    with Store.open(url) as pg:
        create(pg, MemberInput(name="服务器上的会员"))
    w = MainWindow(demo_store)
    qtbot.addWidget(w)
    w.show()
    dialog = w.ask_open_server()
    dialog.setTextValue(url)
    dialog.accept()
    qtbot.waitUntil(lambda: w.store is not demo_store)
    assert not w.store.is_sqlite and members.count(w.store) == 1
    w.close()


def test_a_server_that_refuses_is_said_and_the_window_keeps_its_store(window, demo_store, qtbot):
    assert window.open_store_at("postgresql+psycopg://shop@127.0.0.1:1/sqdesk")  # started
    with qtbot.waitSignal(window.opening_job.ended, timeout=30_000):
        pass
    assert window.store is demo_store
    boxes = _visible(window, QMessageBox)
    assert boxes and "127.0.0.1" in boxes[-1].text()
    for b in boxes:
        b.close()


def test_cancel_while_a_server_does_not_answer(window, demo_store, qtbot, monkeypatch):
    """A mistyped address can leave the connection waiting: the window is not frozen, and
    Cancel means the store is not switched to, whatever the server does after."""
    from sqdesk.core import store as store_module

    monkeypatch.setattr(store_module, "SERVER_TIMEOUT_S", 2)
    silent = socket.socket()  # takes the connection, never says a word
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    try:
        port = silent.getsockname()[1]
        assert window.open_store_at(f"postgresql+psycopg://shop@127.0.0.1:{port}/sqdesk")
        job = window.opening_job
        assert "server" in job.dialog.labelText() or "服务器" in job.dialog.labelText()
        with qtbot.waitSignal(job.ended, timeout=30_000):
            job.dialog.findChild(QPushButton).click()
    finally:
        silent.close()
    assert window.store is demo_store
    assert not _visible(window, QMessageBox)  # its time-out is no news after a Cancel
    message = window.statusBar().currentMessage()
    assert "not opened" in message or "未打开" in message


# --- a store of an older version: upgraded in the background (sqdesk.ui.opening) ----------


@pytest.fixture
def old_store(tmp_path) -> Path:
    return older_store(tmp_path / "老店·分店😀.sqdesk")


def test_an_older_store_is_upgraded_in_the_background_then_shown(window, old_store, qtbot):
    said = []
    assert window.open_store_at(str(old_store))  # started, not yet open
    job = window.opening_job
    job.progressed.connect(lambda *_: said.append(job.dialog.labelText()))
    with qtbot.waitSignal(job.ended, timeout=30_000):
        pass
    assert window.store.path == old_store
    assert revision_of(old_store) == migrate.head_revision()
    assert old_store.stem in window.windowTitle()
    assert said and all(said)  # each step's words were on the dialog as it began


def test_cancel_while_the_copy_before_it_is_made_keeps_the_window_on_its_store(
        window, demo_store, old_store, qtbot, monkeypatch):  # fmt: skip
    copying, go_on = held_copies(monkeypatch)  # the copy before the upgrade
    assert window.open_store_at(str(old_store))
    job = window.opening_job
    qtbot.waitUntil(copying.is_set)
    cancel = job.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.isEnabled()
    with qtbot.waitSignal(job.ended, timeout=30_000):
        cancel.click()
        go_on.set()
    assert window.store is demo_store
    assert revision_of(old_store) == "0040"  # as it was
    assert "stopped" in window.statusBar().currentMessage() or \
        "停止" in window.statusBar().currentMessage()  # fmt: skip


def test_cancel_is_offered_from_the_upgrade_and_taken_away_once_it_is_committed(qtbot):
    dialog = QProgressDialog("…", "", 0, 0)
    dialog.setCancelButton(None)  # as at start: nothing to stop while a server is reached
    qtbot.addWidget(dialog)
    stopped = []
    steps = OpeningSteps(dialog, lambda: stopped.append(True))
    steps.show(OPEN_STEPS.index("upgrade"))
    upgrading = dialog.labelText()
    assert [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    dialog.canceled.emit()
    assert stopped == [True]
    steps.show(OPEN_STEPS.index("tidy"))
    assert dialog.labelText() != upgrading
    assert not [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    dialog.canceled.emit()  # a dialog closed now: the upgrade is done, the rest finishes
    assert stopped == [True]


def test_a_servers_upgrade_offers_no_cancel_it_could_not_keep(qtbot):
    """A statement on a server is not interrupted as SQLite's are: once its migrations
    begin they finish, so neither the words nor the buttons promise otherwise."""
    dialog = QProgressDialog("…", "Cancel", 0, 0)
    qtbot.addWidget(dialog)
    steps = OpeningSteps(dialog, lambda: None, server=True)
    steps.show(OPEN_STEPS.index("upgrade"))
    assert "Cancel" not in dialog.labelText() and "取消" not in dialog.labelText()
    assert not [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
