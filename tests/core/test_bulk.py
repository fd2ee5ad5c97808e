"""bulk.insert_rows writes what SQLAlchemy's own insert writes, value for value."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import insert, select

from sqdesk.core import bulk
from sqdesk.core.models import Member

NOW = datetime(2026, 11, 30, 6, 5, 4, 321000, tzinfo=UTC)


def member_row(i: int, **values) -> dict:
    row = {
        "id": i, "code": f"10000{i}", "name": "王悦涵🌸", "nickname": "「阿丽」～",
        "mobile": None if i % 2 else "13800138000", "mobile_foreign": bool(i % 2),
        "wechat_id": "", "gender": "F", "birthday": date(1990, 2, 28) if i % 2 else None,
        "birthday_lunar": True, "region": "广州·荔湾", "source": "导入", "referrer_id": None,
        "joined_on": date(2026, 11, 1), "consent_at": NOW if i % 2 else None,
        "consent_scope": "", "remark": "不要冰\n少糖", "favourites": "桂花乌龙",
        "archived": False, "created_at": NOW, "updated_at": NOW, "name_sort": "wang yue han",
    }  # fmt: skip
    row.update(values)
    return row


def test_rows_read_back_as_sqlalchemy_writes_them(store):
    with store.session() as s:
        conn = s.connection()
        conn.execute(insert(Member.__table__), [member_row(1), member_row(2)])
        bulk.insert_rows(conn, Member.__table__, [member_row(3), member_row(4)])
    with store.read() as s:
        rows = {r.id: r._asdict() for r in s.execute(select(Member.__table__))}
    for ours, theirs in ((3, 1), (4, 2)):
        a, b = dict(rows[ours]), dict(rows[theirs])
        for key in ("id", "code"):
            a.pop(key), b.pop(key)
        assert a == b
    assert rows[3]["consent_at"] == NOW and rows[3]["birthday"] == date(1990, 2, 28)
    assert rows[3]["hide_from_boards"] is False  # a scalar default, filled in


def test_a_per_row_default_must_be_given(store):
    row = member_row(1)
    del row["created_at"]
    with store.session() as s, pytest.raises(ValueError, match="created_at"):
        bulk.insert_rows(s.connection(), Member.__table__, [row])


def _index_names(store) -> set[str]:
    with store.read() as s:
        return _names_in(s.connection())


def _names_in(conn) -> set[str]:
    from sqlalchemy import inspect

    return {i["name"] for i in inspect(conn).get_indexes("visit")}


def test_indexes_set_aside_come_back_after_a_load_and_after_a_failure(store):
    from sqdesk.core.models import Visit

    before = _index_names(store)
    assert before >= {"ix_visit_member_at", "ix_visit_at"}
    with store.session() as s:
        conn = s.connection()
        bulk.insert_rows(conn, Member.__table__, [member_row(1)])
        with bulk.indexes_set_aside(conn, Visit.__table__):
            visits = [{"id": i, "member_id": 1, "at": NOW, "amount_cents": 100 * i,
                       "channel": "门店", "remark": "", "voided": False, "created_at": NOW}
                      for i in range(1, 4)]  # fmt: skip
            bulk.insert_rows(conn, Visit.__table__, visits)
            assert not _names_in(conn) & before
        with bulk.indexes_set_aside(conn, Visit.__table__, keep=("ix_visit_at",)):
            assert _names_in(conn) & before == {"ix_visit_at"}  # kept while loading
            bulk.insert_rows(conn, Visit.__table__, [{**visits[0], "id": 9}])
        if conn.dialect.name == "sqlite":  # each row is in the kept index
            count = "SELECT count(*) FROM visit INDEXED BY ix_visit_at WHERE at >= 0"
            assert conn.exec_driver_sql(count).scalar() == 4
    assert _index_names(store) == before
    with (
        pytest.raises(RuntimeError),
        store.session() as s,
        bulk.indexes_set_aside(s.connection(), Visit.__table__),
    ):
        raise RuntimeError("stopped half way")
    assert _index_names(store) == before  # the transaction's rollback put them back
