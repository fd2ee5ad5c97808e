from PySide6.QtCore import QModelIndex, Qt

from sqdesk.core import members
from sqdesk.ui.members.model import BLOCK, IdRole, MemberTableModel


def test_model_lists_every_active_member_newest_first(qapp, demo_store):
    model = MemberTableModel(demo_store)
    model.reload()
    assert model.rowCount() == members.count(demo_store) > 250
    assert model.columnCount() == len(MemberTableModel.COLUMNS) + 1  # and the tags
    joined = MemberTableModel.COLUMNS.index(members.SortKey.JOINED)
    dates = [model.data(model.index(r, joined)) for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    mobile = MemberTableModel.COLUMNS.index(members.SortKey.MOBILE)
    assert "****" in model.data(model.index(0, mobile))
    assert isinstance(model.data(model.index(0, 0), IdRole), int)
    assert model.rowCount(model.index(0, 0)) == 0  # a table, not a tree
    assert model.data(QModelIndex()) is None


def test_model_sorts_in_sql_by_any_column(qapp, demo_store):
    model = MemberTableModel(demo_store)
    code = MemberTableModel.COLUMNS.index(members.SortKey.CODE)
    model.sort(code, Qt.SortOrder.AscendingOrder)
    codes = [model.data(model.index(r, code)) for r in range(model.rowCount())]
    assert codes == sorted(codes)
    model.sort(code, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, code)) == max(codes)


def test_model_fetches_only_the_blocks_it_shows(qapp, demo_store, monkeypatch):
    fetched = []
    real_rows = members.rows

    def counting_rows(store, ids):
        fetched.append(len(ids))
        return real_rows(store, ids)

    monkeypatch.setattr(members, "rows", counting_rows)
    model = MemberTableModel(demo_store)
    model.reload()
    for column in range(model.columnCount()):
        model.data(model.index(0, column))
        model.data(model.index(BLOCK - 1, column))
    assert fetched == [BLOCK]
    model.data(model.index(BLOCK, 0))
    assert len(fetched) == 2
