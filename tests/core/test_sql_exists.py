"""exists_where answers like SQLAlchemy's exists(), and on SQLite from the index alone."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import exists, select, text

from sqdesk.core import ledger
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.models import Member, Visit
from sqdesk.core.sql_exists import exists_where

NOON = datetime(2026, 5, 1, 4, tzinfo=UTC)


def _probe(build):
    return build(Visit.member_id == Member.id, Visit.voided.is_(False), Visit.at >= NOON,
                 Visit.at < NOON + timedelta(days=1))  # fmt: skip


def test_the_same_members_as_exists(any_store):
    store = any_store
    came = create(store, MemberInput(name="李娜🌸", joined_on=date(2026, 1, 1)))
    create(store, MemberInput(name="王芳"))
    undone = create(store, MemberInput(name="Zoë 张", joined_on=date(2026, 1, 1)))
    ledger.record_visit(store, came, amount_cents=3200, at=NOON + timedelta(hours=2))
    visit = ledger.record_visit(store, undone, amount_cents=1800, at=NOON)
    ledger.void_visit(store, visit.visit_id, reason="输错了")
    with store.read() as s:
        for build in (exists_where, lambda *c: exists().where(*c)):
            assert set(s.scalars(select(Member.id).where(_probe(build)))) == {came}
            assert set(s.scalars(select(Member.id).where(~_probe(build)))) == set(
                s.scalars(select(Member.id))) - {came}  # fmt: skip


def test_sqlite_reads_the_covering_index_alone(sqlite_store):  # SQLite's query plan
    def plan(build) -> str:
        query = select(Member.id).where(_probe(build))
        with sqlite_store.read() as s:
            compiled = query.compile(s.connection(), compile_kwargs={"literal_binds": True})
            return " | ".join(r[-1] for r in s.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))

    assert "COVERING INDEX ix_visit_member_at" in plan(exists_where)
    # What the helper is for: SELECT * reads the table row behind each index entry.
    assert "COVERING INDEX ix_visit_member_at" not in plan(lambda *c: exists().where(*c))
