import csv
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from sqdesk.core import members
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.members import SortKey
from sqdesk.core.sheets import read_rows
from sqdesk.ui.members.import_dialog import ImportDialog
from sqdesk.ui.members.model import MemberTableModel
from sqdesk.ui.members.page import MembersPage


def write_csv(path: Path, rows, encoding="utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.fixture
def page(qtbot, store):
    p = MembersPage(store)
    qtbot.addWidget(p)
    p.show()
    return p


def wait_plan(qtbot, dialog: ImportDialog):
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.mapping.isEnabled(), timeout=10000)


def test_import_with_bad_rows_then_skip_them(qtbot, page, tmp_path, store):
    path = write_csv(tmp_path / "会员.csv", [
        ["姓名", "手机号", "生日", "群昵称"],
        ["张三", "13800138000", "1990-01-02", "阿三🍵"],
        ["李四", "1380013800", "", ""],
        ["王五", "13700137000", "1990-02-30", ""],
        ["赵六", "13600136000", "", ""],
    ], encoding="gb18030")  # fmt: skip
    dialog = page.files.import_file(path)
    wait_plan(qtbot, dialog)
    plan = dialog.plan
    assert (plan.new_count, len(plan.bad_rows)) == (2, 2)
    assert dialog.problems.rowCount() == 2
    assert dialog.problems.item(0, 0).text() == "3"
    assert "1990-02-30" in dialog.problems.item(1, 2).text()
    assert not dialog.import_button.isEnabled()  # bad rows: the user must choose to skip
    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10000) as done:
        dialog.import_button.click()
    assert done.args == [2, 0]
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    assert members.ordered_ids(store, search_text="zhangsan")


def test_changing_the_mapping_rechecks(qtbot, page, tmp_path):
    path = write_csv(tmp_path / "m.csv", [["姓名", "电话", "备注"], ["张三", "13800138000", "x"]])
    dialog = page.files.import_file(path)
    wait_plan(qtbot, dialog)
    assert dialog.chosen_mapping() == {0: "name", 1: "mobile", 2: "remark"}
    dialog.set_field(0, "nickname")
    qtbot.waitUntil(lambda: dialog.plan.mapping.get(0) == "nickname", timeout=10000)
    wait_plan(qtbot, dialog)
    assert dialog.plan.new_count == 1
    dialog.set_field(0, None)
    dialog.set_field(2, None)
    qtbot.waitUntil(lambda: 0 not in dialog.plan.mapping, timeout=10000)
    wait_plan(qtbot, dialog)
    assert dialog.plan.bad_rows  # no name and no nickname any more
    dialog.reject()


def test_a_file_that_is_not_a_sheet_gets_a_plain_message(qtbot, page, tmp_path, store):
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    page.files.import_file(path)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in page.findChildren(QMessageBox)),
                    timeout=10000)  # fmt: skip
    box = next(b for b in page.findChildren(QMessageBox) if b.isVisible())
    assert "photo.xlsx" in box.text()
    assert store.info().counts["member"] == 0
    box.close()


def test_export_writes_the_view_with_its_columns(qtbot, page, tmp_path, store):
    for name, mobile in [("张三", "13800138000"), ("李四", "13900139000"), ("王五", "13700137000")]:
        create(store, MemberInput(name=name, mobile=mobile))
    page.reload()
    page.search.setText("zhangsan")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    page.set_column_visible(MemberTableModel.COLUMNS.index(SortKey.GENDER), False)
    out = tmp_path / "view.xlsx"
    job = page.files.export_to(out)
    qtbot.waitUntil(lambda: job.done, timeout=10000)
    rows = read_rows(out)
    assert len(rows) == 2
    header = rows[0]
    assert "性别" not in header and "Gender" not in header
    assert rows[1][header.index(page.model.headers[SortKey.MOBILE])] == "13800138000"


def test_duplicates_dialog_merges_after_confirmation(qtbot, page, store):
    from datetime import date

    from sqdesk.ui.members.duplicates_dialog import DuplicatesDialog

    keep = create(store, MemberInput(name="李四", birthday=date(1990, 1, 2), mobile="13900139000"))
    other = create(store, MemberInput(name="李四", birthday=date(1990, 1, 2), nickname="小四"))
    page.reload()
    dialog = page.selection.show_duplicates()
    assert isinstance(dialog, DuplicatesDialog)
    assert dialog.tree.topLevelItemCount() == 1
    group = dialog.tree.topLevelItem(0)
    # The nickname in the interface's brackets (English here: no translator installed).
    assert sorted(group.child(i).text(0) for i in range(2)) == ["李四", "李四 (小四)"]
    assert not dialog.merge_button.isEnabled()
    dialog.select_member(keep)
    assert dialog.merge_button.isEnabled()
    box = dialog.ask_merge()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert members.detail(store, other) is not None  # cancel merges nothing
    box = dialog.ask_merge()
    with qtbot.waitSignal(dialog.merged):
        next(b for b in box.buttons()
             if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()  # fmt: skip
    assert members.detail(store, other) is None
    assert members.detail(store, keep).nickname == "小四"
    assert dialog.tree.topLevelItemCount() == 0
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)


def test_cancel_while_the_copy_before_a_merge_is_made_merges_nobody(qtbot, page, store,
                                                                     monkeypatch):  # fmt: skip
    """The copy of a big store takes seconds: it is made in the background, and Cancel then
    merges nobody."""
    from datetime import date

    from PySide6.QtWidgets import QPushButton

    from tests.conftest import held_copies

    keep = create(store, MemberInput(name="李四", birthday=date(1990, 1, 2)))
    other = create(store, MemberInput(name="李四", birthday=date(1990, 1, 2), nickname="小四🍵"))
    copying, go_on = held_copies(monkeypatch)
    dialog = page.selection.show_duplicates()
    job = dialog.merge(keep, [other])
    qtbot.waitUntil(copying.is_set)
    with qtbot.waitSignal(job.ended, timeout=30_000):
        job.dialog.findChild(QPushButton).click()
        go_on.set()
    assert members.detail(store, other) is not None
    assert "nobody" in dialog.intro.text() or "没有" in dialog.intro.text()
