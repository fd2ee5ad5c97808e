"""A table of rows handed to SQL as one JSON parameter reads back as it was given, dates
and UTC moments alike, on SQLite and on PostgreSQL, and joins like a table."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from sqdesk.core import sql_rows
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.models import Member


def test_rows_read_back_as_given_and_join(any_store):
    store = any_store
    days = [date(2025, 1, 1) + timedelta(days=i) for i in range(400)]
    rows = [(d, datetime(d.year, d.month, d.day, 16, tzinfo=UTC), d + timedelta(days=7))
            for d in days]  # fmt: skip
    cols = [("day", sql_rows.DAY), ("lo", sql_rows.MOMENT), ("week_on", sql_rows.DAY)]
    table = sql_rows.rows_table(store.engine.dialect.name, "t", cols, rows)
    create(store, MemberInput(name="王芳", joined_on=date(2025, 2, 1)))
    create(store, MemberInput(name="Zoë 张🌸", joined_on=date(2025, 2, 1)))
    with store.read() as s:
        back = s.execute(select(table.c.day, table.c.lo, table.c.week_on)
                         .order_by(table.c.day)).all()  # fmt: skip
        assert [tuple(r) for r in back] == rows
        joined = s.execute(select(table.c.day, func.count())
                           .join(Member, Member.joined_on == table.c.day)
                           .where(table.c.lo > datetime(2025, 1, 31, tzinfo=UTC))
                           .group_by(table.c.day)).all()  # fmt: skip
        assert [tuple(r) for r in joined] == [(date(2025, 2, 1), 2)]
