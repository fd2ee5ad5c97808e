"""Backups from the window: the daily copy made in the background, Restore from Backup
(with its confirmation) bringing the store back, and a damaged file shown at once."""

import sqlite3
from contextlib import closing

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from sqdesk.core import backup, members
from sqdesk.core.check import run_checks
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.store import OPEN_STEPS, Store
from sqdesk.ui.main_window import MainWindow
from tests.conftest import held_copies, older_store, revision_of


def _window(qtbot, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.upkeep_job is not None and w.upkeep_job.done, timeout=10000)
    return w


def _damage(path):
    """Scribble over four pages of the members' rows, the schema left readable: the file
    opens, and SQLite's quick check finds the damage. Which pages hold what depends on the
    schema, so the first four from the middle on that leave the schema readable are used."""
    clean = path.read_bytes()
    for start in range(len(clean) // 2 // 4096, len(clean) // 4096 - 4):
        data = bytearray(clean)
        data[start * 4096 : (start + 4) * 4096] = b"\xa5" * (4096 * 4)
        path.write_bytes(bytes(data))
        try:
            with closing(sqlite3.connect(path)) as conn:
                conn.execute("SELECT version_num FROM alembic_version").fetchall()
                conn.execute("SELECT key FROM setting").fetchall()
        except sqlite3.DatabaseError:
            continue
        if backup.quick_check(path):
            return
    raise AssertionError("no pages to damage")


def test_daily_copy_and_restore_through_the_window(qtbot, tmp_path):
    path = tmp_path / "茶语.sqdesk"
    store = Store.open(path, lock=True)
    create(store, MemberInput(name="王芳"))
    w = _window(qtbot, store)
    assert [b.kind for b in backup.backups(path)] == ["daily"]
    create(w.store, MemberInput(name="录错的人🙈"))
    assert members.count(w.store) == 2

    dialog = w.ask_restore()
    assert dialog.table.rowCount() == 1 and dialog.restore_button.isEnabled()
    box = dialog.ask_restore()
    assert box.objectName() == "confirmRestore"
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
         ).click()  # fmt: skip
    qtbot.waitUntil(lambda: w.store is not store, timeout=5000)
    assert members.count(w.store) == 1  # back to the daily copy
    assert w.members_page.model.rowCount() == 1
    kinds = [b.kind for b in backup.backups(path)]
    assert "before-restore" in kinds  # the restore can itself be undone
    w.close()


def test_an_older_packed_copy_is_listed_and_restored_through_the_window(qtbot, tmp_path):
    """The day's upkeep packs the older copies: the dialog says which are packed, and one
    restores like a plain copy."""
    path = tmp_path / "茶语.sqdesk"
    with Store.open(path) as store:
        create(store, MemberInput(name="王芳"))
        backup.make_backup(path, kind="exit")
        create(store, MemberInput(name="李雷"))
        backup.make_backup(path, kind="exit")
    store = Store.open(path, lock=True)
    w = _window(qtbot, store)  # its upkeep makes the daily copy and packs the older exit
    create(w.store, MemberInput(name="录错的人🙈"))
    dialog = w.ask_restore()
    sizes = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    assert [s.endswith(", packed") for s in sizes] == [False, False, True]
    dialog.choose(backup.backups(path)[2].path)
    box = dialog.ask_restore()
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
         ).click()  # fmt: skip
    qtbot.waitUntil(lambda: w.store is not store, timeout=5000)
    assert [r.name for r in members.rows(w.store, members.ordered_ids(w.store)).values()] == [
        "王芳"]
    w.close()


def test_a_damaged_store_is_shown_at_once_and_not_backed_up(qtbot, tmp_path):
    path = tmp_path / "damaged.sqdesk"
    with Store.open(path) as store:
        for i in range(400):
            create(store, MemberInput(name=f"会员{i}", remark="备注" * 40))
    _damage(path)
    assert backup.quick_check(path)
    w = _window(qtbot, Store.open(path))
    assert w.damage_banner.isVisible()
    text = w.damage_banner.text()
    assert "Restore from Backup" in text or "从备份恢复" in text
    assert backup.backups(path) == []  # a damaged file does not push out good copies
    w.close()


def test_no_copies_for_the_demo_or_a_read_only_store(qtbot, demo_store):
    w = MainWindow(demo_store, demo=True)
    qtbot.addWidget(w)
    assert not w.backup_action.isEnabled() and not w.restore_action.isEnabled()
    QApplication.processEvents()


def test_check_store_runs_in_the_background_and_says_the_result(qtbot, tmp_path):
    path = tmp_path / "ok.sqdesk"
    store = Store.open(path, lock=True)
    create(store, MemberInput(name="王芳"))
    w = _window(qtbot, store)
    job = w.check_store()
    qtbot.waitUntil(lambda: job.done, timeout=10000)
    box = next(b for b in w.findChildren(QMessageBox) if b.objectName() == "checkResult")
    assert box.isVisible() and box.icon() == QMessageBox.Icon.Information
    box.close()
    w.close()


def test_a_copy_every_30_minutes_while_something_changed_and_on_closing(qtbot, tmp_path):
    """Nothing changed: no half-hourly copy. A change: the next tick copies (once). Closing
    after another change copies once more. A chosen backup folder that goes missing is said
    on Today."""
    from sqdesk.ui.changes import Area, announce
    from sqdesk.ui.jobs import wait_for_jobs

    path = tmp_path / "茶语.sqdesk"
    store = Store.open(path, lock=True)
    w = _window(qtbot, store)
    assert w.half_hourly_copy() is None  # nothing changed since start
    announce(Area.MEMBERS)
    job = w.half_hourly_copy()
    qtbot.waitUntil(lambda: job.done and wait_for_jobs(50), timeout=10000)
    assert [b.kind for b in backup.backups(path)].count("half-hourly") == 1
    assert w.half_hourly_copy() is None  # copied: nothing new
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_folder(w.store, usb)
    usb.rmdir()
    w.today_page.refresh()
    texts = [w.today_page.watch.item(i).text() for i in range(w.today_page.watch.count())]
    assert any(str(usb) in t for t in texts)
    announce(Area.POINTS)
    w.close()  # the copy is made in the background; the window closes when it is done
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=10000)
    assert [b.kind for b in backup.backups(path)].count("exit") == 1
    assert w.close()  # closing again makes no second copy
    assert [b.kind for b in backup.backups(path)].count("exit") == 1


def test_a_damaged_store_offers_the_newest_good_copy(qtbot, tmp_path):
    path = tmp_path / "茶语.sqdesk"
    with Store.open(path) as store:
        for i in range(400):
            create(store, MemberInput(name=f"会员{i}", remark="备注" * 40))
    good = backup.make_backup(path, kind="daily")
    _damage(path)
    w = _window(qtbot, Store.open(path))
    assert w.damage_banner.isVisible() and w.good_copy is not None
    assert w.good_copy.path == good and "href" in w.damage_banner.text()
    dialog = w.offer_good_copy()
    assert dialog.chosen().path == good  # one more click restores it
    dialog.reject()
    w.close()


def _older_copy(path):
    """The copy kept before the last upgrade: a store of revision 0040 (12 members)."""
    name = f"{path.stem}-before-0040-20261201-090000-000000.sqdesk"
    return older_store(backup.backup_dir(path) / name)


def _restore(dialog, copy):
    dialog.choose(copy)
    assert dialog.chosen().path == copy  # listed: made before the dialog opened
    box = dialog.ask_restore()
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
         ).click()  # fmt: skip


def test_the_copy_from_before_an_upgrade_is_upgraded_before_the_store_is_closed(qtbot, tmp_path):
    path = tmp_path / "茶语.sqdesk"
    store = Store.open(path, lock=True)
    create(store, MemberInput(name="录错的人🙈"))
    w = _window(qtbot, store)
    copy = _older_copy(path)
    _restore(w.ask_restore(), copy)
    job = w.restore_job
    said = []
    job.progressed.connect(lambda *_: said.append(job.dialog.labelText()))
    qtbot.waitUntil(lambda: w.store is not store, timeout=30_000)
    assert members.count(w.store) == 12  # the copy's members, in a store of this version
    assert run_checks(w.store) == []
    assert revision_of(copy) == "0040"  # the copy itself is left as it was
    assert said  # the upgrade's steps were told on the dialog
    assert not list(tmp_path.glob("*.restoring*"))  # the prepared file is gone
    w.close()


def test_cancel_while_an_older_copy_is_made_ready_leaves_the_store_as_it_was(
        qtbot, tmp_path, monkeypatch):  # fmt: skip
    path = tmp_path / "茶语.sqdesk"
    store = Store.open(path, lock=True)
    create(store, MemberInput(name="王芳"))
    w = _window(qtbot, store)
    copy = _older_copy(path)
    copying, go_on = held_copies(monkeypatch)
    _restore(w.ask_restore(), copy)
    job = w.restore_job
    qtbot.waitUntil(copying.is_set)
    with qtbot.waitSignal(job.ended, timeout=30_000):
        job.dialog.findChild(QPushButton).click()
        go_on.set()
    assert w.store is store and members.count(store) == 1  # still open, as it was
    assert "stopped" in w.statusBar().currentMessage() or "停止" in w.statusBar().currentMessage()
    assert not list(tmp_path.glob("*.restoring*"))
    w.close()


def test_closing_the_dialog_once_the_copy_is_upgraded_still_stops_the_restore(qtbot, tmp_path):
    """Past the copy's upgrade the dialog has no Cancel, but closing it still asks to stop,
    and the store has not changed yet: the write-back is not done."""
    path = tmp_path / "茶语.sqdesk"
    store = Store.open(path, lock=True)
    create(store, MemberInput(name="王芳"))
    w = _window(qtbot, store)
    copy = _older_copy(path)  # before the dialog, which lists the copies as it opens
    _restore(w.ask_restore(), copy)
    job = w.restore_job
    job.progressed.connect(lambda step, _n: OPEN_STEPS[step] == "tidy" and job.dialog.close())
    with qtbot.waitSignal(job.ended, timeout=30_000):
        pass
    assert w.store is store and members.count(store) == 1
    assert "stopped" in w.statusBar().currentMessage() or "停止" in w.statusBar().currentMessage()
    assert not list(tmp_path.glob("*.restoring*"))
    w.close()


def test_a_copy_that_is_not_a_store_is_refused_and_the_store_stays_open(qtbot, tmp_path):
    path = tmp_path / "茶语.sqdesk"
    store = Store.open(path, lock=True)
    create(store, MemberInput(name="王芳"))
    w = _window(qtbot, store)
    copy = backup.backup_dir(path) / f"{path.stem}-manual-20261201-090000-000000.sqdesk"
    copy.write_text("这不是门店数据，是一份笔记📝")
    copies = len(backup.backups(path))
    _restore(w.ask_restore(), copy)
    with qtbot.waitSignal(w.restore_job.ended, timeout=30_000):
        pass
    assert w.store is store and members.count(store) == 1  # never closed
    box = next(b for b in w.findChildren(QMessageBox) if b.isVisible())
    assert "could not be restored" in box.text() or "无法恢复" in box.text()
    assert len(backup.backups(path)) == copies  # refused before the store was copied
    box.close()
    w.close()


def _held_write_back(monkeypatch):
    """The write-back held after its first step (of many small ones) until go_on is set."""
    import threading

    real = backup.write_back
    writing, go_on = threading.Event(), threading.Event()
    monkeypatch.setattr(backup, "WRITE_BACK_PAGES", 8)

    def held(store_path, plain, *, progress, should_stop):
        def told(done, total):
            progress(done, total)
            if done < total and not writing.is_set():
                writing.set()
                go_on.wait(10)

        return real(store_path, plain, progress=told, should_stop=should_stop)

    monkeypatch.setattr(backup, "write_back", held)
    return writing, go_on


def _writing_back(qtbot, tmp_path, monkeypatch, surname):
    """A window whose store has one member in its daily copy and 200 more since, restoring
    the copy: returned while the write-back is held after its first step (go_on lets it
    on), with the members' names before it."""
    path = tmp_path / "茶语.sqdesk"
    store = Store.open(path, lock=True)
    create(store, MemberInput(name="王芳"))
    w = _window(qtbot, store)  # its upkeep makes the daily copy
    for n in range(200):
        create(w.store, MemberInput(name=f"{surname}{n}「会员」😀", region="广州市天河区，" * 5))
    before = _names_in(path)
    writing, go_on = _held_write_back(monkeypatch)
    _restore(w.ask_restore(), backup.backups(path)[0].path)
    qtbot.waitUntil(writing.is_set, timeout=30_000)
    return w, path, store, before, go_on


def _names_in(path):
    with closing(sqlite3.connect(path)) as raw:
        return [r[0] for r in raw.execute("SELECT name FROM member ORDER BY id")]


def test_the_write_back_runs_in_the_background_and_cancel_leaves_the_store_as_it_was(
        qtbot, tmp_path, monkeypatch):  # fmt: skip
    w, path, store, before, go_on = _writing_back(qtbot, tmp_path, monkeypatch, "李")
    job = w.write_back_job
    assert w.store.path == path and job is not None and not job.done
    QApplication.processEvents()  # the window answers while the copy is written back
    with qtbot.waitSignal(job.ended, timeout=30_000):
        job.dialog.findChild(QPushButton).click()
        go_on.set()
    qtbot.waitUntil(lambda: w.store is not store, timeout=5000)  # opened again
    assert _names_in(path) == before and members.count(w.store) == 201
    assert backup.quick_check(path) == []
    message = w.statusBar().currentMessage()
    assert "stopped" in message or "停止" in message
    w.close()


def test_closing_the_window_during_the_write_back_stops_it_then_closes(
        qtbot, tmp_path, monkeypatch):  # fmt: skip
    w, path, _store, before, go_on = _writing_back(qtbot, tmp_path, monkeypatch, "张")
    assert not w.close()  # not yet: the write-back is stopped first
    go_on.set()
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=30_000)
    assert _names_in(path) == before
    assert backup.quick_check(path) == []
