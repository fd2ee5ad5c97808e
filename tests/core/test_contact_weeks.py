"""The week of a contact as SQLite works it out in whole numbers (contact_weeks.sources),
against the Python that a single write uses (contact_weeks.local_monday), for any moment
and any offset from UTC."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import BigInteger, Date, create_engine, literal, select

from sqdesk.core import contact_weeks
from sqdesk.core.models import EPOCH, MICROSECOND

OFFSETS = (8 * 3600, 0, -5 * 3600, 5 * 3600 + 1800, 13 * 3600 + 45 * 60, -12 * 3600)


@pytest.fixture(scope="module")
def sqlite():
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        yield conn
    engine.dispose()


def _sql_monday(conn, week) -> date:
    return date.fromisoformat(conn.scalar(select(contact_weeks._sqlite_date(week))))


@settings(max_examples=400, deadline=None)
@given(at=st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
                       timezones=st.just(UTC)),
       offset=st.sampled_from(OFFSETS))  # fmt: skip
def test_a_moments_week_is_the_same_in_sql_as_in_python(sqlite, monkeypatch_offset, at,
                                                        offset):  # fmt: skip
    monkeypatch_offset(offset)
    stored = (at - EPOCH) // MICROSECOND  # as UTCDateTime keeps it
    week = contact_weeks._sqlite_week(literal(stored, BigInteger))
    assert _sql_monday(sqlite, week) == contact_weeks.local_monday(at)


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=date(1, 1, 8), max_value=date(9999, 12, 31)))
def test_a_days_week_is_the_same_in_sql_as_in_python(sqlite, day):
    week = contact_weeks._sqlite_week_of_day(literal(day.isoformat()))
    assert _sql_monday(sqlite, week) == day - timedelta(days=day.weekday())


def test_the_edges_of_a_week_in_china(sqlite, monkeypatch_offset):
    """Sunday 23:59:59.999999 and Monday 00:00 in Beijing, as UTC moments; and a date
    column read as a date, whatever its type."""
    monkeypatch_offset(8 * 3600)
    monday = datetime(2026, 11, 30, tzinfo=UTC) - timedelta(hours=8)  # 00:00 in Beijing
    for at, expected in ((monday - MICROSECOND, date(2026, 11, 23)), (monday, date(2026, 11, 30))):
        stored = (at - EPOCH) // MICROSECOND
        week = contact_weeks._sqlite_week(literal(stored, BigInteger))
        assert _sql_monday(sqlite, week) == expected == contact_weeks.local_monday(at)
    sunday = contact_weeks._sqlite_week_of_day(literal(date(2026, 12, 6), Date))
    assert _sql_monday(sqlite, sunday) == date(2026, 11, 30)


@pytest.fixture(scope="module")
def monkeypatch_offset():
    """Sets the shop's offset from UTC that contact_weeks reads (module scope: hypothesis
    runs many examples in one test call)."""
    mp = pytest.MonkeyPatch()
    yield lambda seconds: mp.setattr(contact_weeks, "local_offset_seconds", lambda: seconds)
    mp.undo()
