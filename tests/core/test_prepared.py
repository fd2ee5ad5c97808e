"""A Prepared statement reads what SQLAlchemy reads, on SQLite and on PostgreSQL: dates,
UTC moments and yes/no converted, the statement's own values bound, a list of ids of any
length as one parameter, Chinese and emoji text untouched."""

import json
from datetime import UTC, date, datetime

from sqlalchemy import Date, bindparam, func, select

from sqdesk.core import ledger, members, prepared, tags
from sqdesk.core.member_edit import MemberInput, create, set_archived
from sqdesk.core.models import LastContact, Member, MemberStats, UTCDateTime

NAMES = ["张伟", "欧阳娜娜", "Lily🌸", "曾小贤", "李娜（阿娜）"]


def _query(dialect: str):
    return (select(Member.id, Member.name, Member.birthday, Member.archived,
                   func.coalesce(MemberStats.visits_90, 7).label("visits"),
                   MemberStats.last_visit_at)
            .outerjoin(MemberStats, MemberStats.member_id == Member.id)
            .where(prepared.in_ids(Member.id, "ids", dialect))
            .order_by(Member.id))  # fmt: skip


def test_the_same_rows_as_sqlalchemy(any_store):
    store = any_store
    made = [create(store, MemberInput(name=n, birthday=date(1990, 5, i + 1),
                                      joined_on=date(2025, 1, 1)))
            for i, n in enumerate(NAMES)]  # fmt: skip
    ledger.record_visit(store, made[0], amount_cents=2800, at=datetime(2026, 3, 1, 4, tzinfo=UTC))
    set_archived(store, [made[2]], True)
    wanted = made[:2] + made[3:] + [999_999]  # one that does not exist
    fast = prepared.Prepared(_query, lists=("ids",))
    with store.read() as s:
        ours = fast.rows(s.connection(), ids=wanted)
        theirs = [tuple(r) for r in s.execute(_query(store.engine.dialect.name),
                                              {"ids": json.dumps(wanted)})]  # fmt: skip
        assert ours == theirs
        assert [r[1] for r in ours] == ["张伟", "欧阳娜娜", "曾小贤", "李娜（阿娜）"]
        assert ours[0][2] == date(1990, 5, 1) and ours[0][3] is False
        assert ours[1][4] == 7  # the coalesce's own value, bound by Prepared
        # Twice: compiled once, run again with other values.
        assert [r[0] for r in fast.rows(s.connection(), ids=[made[2]])] == [made[2]]
        assert fast.rows(s.connection(), ids=[]) == []


def test_a_date_and_a_moment_are_bound_as_their_types_store_them(any_store):
    """A bound date or moment goes through its type's bind processor, as SQLAlchemy binds
    it: on SQLite a moment is stored as microseconds, so a datetime given as is would
    compare as text and match nothing."""
    store = any_store
    early = create(store, MemberInput(name="张伟", joined_on=date(2025, 1, 1)))
    create(store, MemberInput(name="欧阳娜娜", joined_on=date(2026, 6, 1)))
    ledger.record_visit(store, early, amount_cents=2800, at=datetime(2026, 3, 1, 4, tzinfo=UTC))
    fast = prepared.Prepared(lambda _d: (
        select(Member.name)
        .join(LastContact, LastContact.member_id == Member.id)
        .where(Member.joined_on <= bindparam("day", type_=Date()),
               LastContact.at < bindparam("moment", type_=UTCDateTime()))))
    with store.read() as s:
        assert fast.column(s.connection(), day=date(2025, 6, 1),
                           moment=datetime(2026, 3, 2, tzinfo=UTC)) == ["张伟"]  # fmt: skip
        assert fast.column(s.connection(), day=date(2025, 6, 1),
                           moment=datetime(2026, 3, 1, 4, tzinfo=UTC)) == []  # fmt: skip
        assert fast.column(s.connection(), day=date(2024, 6, 1),
                           moment=datetime(2026, 3, 2, tzinfo=UTC)) == []  # fmt: skip


def test_a_list_of_any_length_is_one_parameter(any_store):
    store = any_store
    made = [create(store, MemberInput(name=f"会员{i}")) for i in range(3)]
    fast = prepared.Prepared(
        lambda d: select(Member.id).where(prepared.in_ids(Member.id, "ids", d)), lists=("ids",))
    many = list(range(10_000, 45_000)) + made  # past every database's parameter limit
    with store.read() as s:
        assert sorted(fast.column(s.connection(), ids=many)) == made


def test_the_roster_reads_through_it(any_store):
    store = any_store
    a = create(store, MemberInput(name="王芳🌸", nickname="芳芳", mobile="13800138000"))
    b = create(store, MemberInput(name="Zoë 张"))
    tag = tags.create_tag(store, tags.create_group(store, "口味"), "爱喝奶茶")
    tags.add_tag(store, [a], tag)
    rows = members.rows(store, [b, a, 424242])
    assert set(rows) == {a, b}
    assert rows[a].name == "王芳🌸" and rows[a].mobile_masked == "138****8000"
    assert rows[b].points == 0 and rows[b].last_visit is None and rows[b].archived is False
    assert tags.tag_ids_by_member(store, [a, b]) == {a: [tag]}
