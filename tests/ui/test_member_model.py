from PySide6.QtCore import QModelIndex, Qt

from sqdesk.core import members
from sqdesk.ui.members.model import BLOCK, IdRole, MemberTableModel


def test_model_lists_every_active_member_newest_first(qtbot, demo_store):
    from sqdesk.ui.members.model import FIRST_IDS

    model = MemberTableModel(demo_store)
    with qtbot.waitSignal(model.completed, timeout=10000):
        model.reload()
        # The first screenful at once (an index walk), the rest from the background.
        assert not model.complete and model.rowCount() == FIRST_IDS
        assert [model.member_id(r) for r in range(FIRST_IDS)] == members.ordered_ids(
            demo_store)[:FIRST_IDS]  # fmt: skip
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


def test_a_search_shows_its_first_screenful_at_once_and_the_rest_after(qtbot, demo_store,
                                                                       monkeypatch):  # fmt: skip
    """A search matching more than a screenful shows the newest name matches at once (the
    start of the full ranking), the rest is appended from the background, and anything that
    needs every id (export, bulk actions) gets them all."""
    from sqdesk.core import search
    from sqdesk.ui.members import model as roster

    monkeypatch.setattr(roster, "FIRST_IDS", 10)
    monkeypatch.setattr(search, "WALK_ABOVE", 3)
    model = MemberTableModel(demo_store)
    model.sort(-1)  # while typing: the best matches first
    for text in ("zh", "li", "wa", "ch", "zhang", "l"):
        full = members.ordered_ids(demo_store, search_text=text, sort=None)
        if len(full) > 30 and members.first_search_page(demo_store, text, 10) is not None:
            break
    else:
        raise AssertionError("the demo shop has no name that many share")
    model.set_search(text)
    assert not model.complete and model.rowCount() == 10
    assert [model.member_id(r) for r in range(10)] == full[:10]
    with qtbot.waitSignal(model.completed, timeout=10000):
        pass
    assert model.complete and model.rowCount() == len(full)
    assert [model.member_id(r) for r in range(len(full))] == full
    model.set_search("")
    model.set_search(text)
    assert not model.complete
    assert model.view_ids() == full and model.complete  # completed at once when needed
