"""Background work never outlives its window: closing (deleting) the window that started a
job, while the job still runs, drops the job's result instead of calling a handler on a
deleted window. One test per kind of job the app runs."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QPushButton, QWidget

from sqdesk.core import check, ledger, member_import
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.store import Store
from sqdesk.ui.jobs import run_job, run_quiet
from sqdesk.ui.main_window import MainWindow
from sqdesk.ui.members.import_dialog import ImportDialog
from sqdesk.ui.members.page import MembersPage
from sqdesk.ui.today.page import TodayPage


class Gate:
    """Work that waits until the test lets it finish, then returns `result`."""

    def __init__(self, result=None) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self.result = result

    def __call__(self, *_args, **_kwargs):
        self.entered.set()
        self.release.wait(10)
        return self.result

    def work(self, _progress, _should_stop):
        return self()


def _delete(qtbot, widget: QWidget) -> None:
    widget.close()
    widget.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget), timeout=5000)


def _finish(qtbot, gate: Gate, job) -> None:
    gate.release.set()
    qtbot.waitUntil(lambda: job.done, timeout=10000)


def test_work_that_reports_no_progress_still_shows_its_dialog_and_cancel(qtbot):
    """A copy of the store before a bulk change says nothing until it is done: its dialog
    (and Cancel) shows all the same once the work has taken a moment."""
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    gate = Gate()
    job = run_job(owner, "Add Tag", gate.work, label="Saving a copy of the store…")
    qtbot.waitUntil(gate.entered.is_set)
    qtbot.waitUntil(job.dialog.isVisible, timeout=3000)
    assert [b for b in job.dialog.findChildren(QPushButton) if b.isVisible()]
    _finish(qtbot, gate, job)


@pytest.mark.parametrize("with_dialog", [False, True])
def test_a_result_for_a_deleted_owner_is_dropped(qtbot, with_dialog):
    owner = QWidget()
    owner.show()
    calls: list[object] = []
    gate = Gate(result=42)
    if with_dialog:
        job = run_job(owner, "work", gate.work, on_success=calls.append)
    else:
        job = run_quiet(owner, gate.work, on_success=calls.append)
    assert gate.entered.wait(5)
    _delete(qtbot, owner)
    _finish(qtbot, gate, job)
    assert calls == []


def test_a_result_for_a_live_owner_arrives_before_done(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[object] = []
    job = run_quiet(owner, lambda _p, _s: "ok", on_success=seen.append)
    qtbot.waitUntil(lambda: job.done, timeout=5000)
    assert seen == ["ok"]


def test_failure_and_cancel_handlers_are_dropped_too(qtbot):
    owner = QWidget()
    calls: list[object] = []
    gate = Gate()

    def fails(p, s):
        gate()
        raise OSError("disk gone")

    job = run_job(owner, "work", fails, on_failure=calls.append, on_cancel=lambda: calls.append(1))
    assert gate.entered.wait(5)
    job.cancel()
    _delete(qtbot, owner)
    _finish(qtbot, gate, job)
    assert calls == []


def test_closing_the_main_window_during_upkeep_and_check(qtbot, tmp_path, monkeypatch):
    store = Store.open(tmp_path / "shop.sqdesk", lock=True)
    create(store, MemberInput(name="王芳"))
    upkeep = Gate(result=0)
    monkeypatch.setattr(ledger, "expire", upkeep)  # only the day's upkeep expires points
    checking = Gate(result=[])
    monkeypatch.setattr(check, "run_checks", checking)
    w = MainWindow(store)
    w.show()
    qtbot.waitUntil(lambda: w.upkeep_job is not None, timeout=5000)
    assert upkeep.entered.wait(5)
    check_job = w.check_store()
    backup_job = w.back_up_now()
    assert checking.entered.wait(5)
    upkeep_job = w.upkeep_job
    _delete(qtbot, w)
    _finish(qtbot, upkeep, upkeep_job)
    _finish(qtbot, checking, check_job)
    qtbot.waitUntil(lambda: backup_job.done, timeout=10000)
    store.close()


def test_switching_store_during_upkeep_reports_to_the_new_one_only(qtbot, tmp_path,
                                                                   monkeypatch):  # fmt: skip
    first = Store.open(tmp_path / "a.sqdesk", lock=True)
    gate = Gate(result=0)
    monkeypatch.setattr(ledger, "expire", gate)
    w = MainWindow(first)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.upkeep_job is not None, timeout=5000)
    assert gate.entered.wait(5)
    old_job = w.upkeep_job
    second = Store.open(tmp_path / "b.sqdesk", lock=True)
    gate_two = Gate(result=0)
    monkeypatch.setattr(ledger, "expire", gate_two)
    w.set_store(second)
    _finish(qtbot, gate, old_job)
    _finish(qtbot, gate_two, w.upkeep_job)
    assert w.store is second
    w.close()


def test_closing_the_import_dialog_while_it_checks(qtbot, store, tmp_path, monkeypatch):
    path: Path = tmp_path / "m.csv"
    path.write_text("姓名,手机号\n张三,13800138000\n", encoding="utf-8")
    gate = Gate()
    monkeypatch.setattr(member_import, "prepare", gate)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ImportDialog(store, path, parent)
    job = dialog.start()
    assert gate.entered.wait(5)
    _delete(qtbot, dialog)
    _finish(qtbot, gate, job)


def test_closing_the_members_page_while_it_exports(qtbot, store, tmp_path, monkeypatch):
    create(store, MemberInput(name="李四"))
    import sqdesk.ui.members.roster_files as page_module

    gate = Gate(result=1)
    monkeypatch.setattr(page_module, "export_members", gate)
    page = MembersPage(store)
    page.show()
    job = page.files.export_to(tmp_path / "out.csv")
    assert gate.entered.wait(5)
    _delete(qtbot, page)
    _finish(qtbot, gate, job)


def test_closing_today_while_expiring_points_are_read(qtbot, store, monkeypatch):
    gate = Gate(result=[])
    monkeypatch.setattr(ledger, "expiring_within", gate)
    page = TodayPage(store)
    page.refresh()
    assert gate.entered.wait(5)
    import sqdesk.ui.jobs as jobs

    job = next(iter(jobs._RUNNING.values()))
    _delete(qtbot, page)
    _finish(qtbot, gate, job)


def test_jobs_are_freed_on_the_ui_thread_only(qtbot):
    """A Job is a QObject of the UI thread: freeing it on a pool thread, with its queued
    signals pending, can crash the app. The pool thread never holds one (jobs._Mailbox)."""
    import gc
    import threading

    from PySide6.QtCore import QObject, Qt

    import sqdesk.ui.jobs as jobs

    owner = QObject()
    freed_on: list[int] = []
    results: list[int] = []
    for n in range(300):
        job = jobs.run_quiet(owner, lambda _p, _s, n=n: n, on_success=results.append)
        job.destroyed.connect(lambda *_: freed_on.append(threading.get_ident()),
                              Qt.ConnectionType.DirectConnection)  # fmt: skip
        del job
    qtbot.waitUntil(lambda: len(results) == 300 and not jobs._RUNNING, timeout=10_000)
    assert jobs.wait_for_jobs()
    gc.collect()
    qtbot.waitUntil(lambda: len(freed_on) == 300, timeout=5000)
    assert sorted(results) == list(range(300))
    assert set(freed_on) == {threading.get_ident()}


def test_a_cycle_holding_a_widget_is_freed_on_the_ui_thread_not_by_a_busy_job(qtbot):
    """A job's thread makes objects by the thousand: the cyclic collector is never set off
    there (it would free a dead dialog on that thread), the UI thread's tick frees it."""
    import gc
    import threading

    from PySide6.QtCore import QObject, Qt
    from PySide6.QtWidgets import QProgressDialog

    assert not gc.isenabled()  # the window tests run as the app does (sqdesk.ui.collector)

    class Helper(QObject):  # holds its dialog, which holds it back: a cycle
        def __init__(self, dialog):
            super().__init__(dialog)
            self.dialog = dialog

    freed_on: list[int] = []
    dialog = QProgressDialog("…", "取消", 0, 0)
    dialog.helper = Helper(dialog)
    dialog.destroyed.connect(lambda *_: freed_on.append(threading.get_ident()),
                             Qt.ConnectionType.DirectConnection)  # fmt: skip
    del dialog

    made: list[list[int]] = []

    def busy() -> None:  # a job's result: far past every generation's threshold
        made.extend([n] for n in range(200_000))

    worker = threading.Thread(target=busy)
    worker.start()
    worker.join()
    assert freed_on == []  # nothing was collected on the job's thread
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)
    assert freed_on == [threading.get_ident()]
