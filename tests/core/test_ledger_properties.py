"""Random sequences of visits, redemptions, reversals, adjustments, rule changes and expiry
runs across date boundaries; after every one the ledger's invariants (sqdesk.core.
ledger_check) hold, and refused operations change nothing."""

import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from sqdesk.core import ledger
from sqdesk.core.check import run_checks
from sqdesk.core.ledger import PointsError
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.models import LedgerEntry, Level, Reward, Visit
from sqdesk.core.points_rules import EarningRules
from sqdesk.core.store import Store

START = date(2025, 1, 1)

members = st.integers(min_value=0, max_value=2)
ops = st.one_of(
    st.tuples(st.just("visit"), members, st.integers(0, 30000), st.integers(0, 800)),
    st.tuples(st.just("redeem"), members, st.integers(0, 1)),
    st.tuples(st.just("adjust"), members, st.integers(-300, 300).filter(bool)),
    st.tuples(st.just("reverse"), st.integers(0, 10_000)),
    st.tuples(st.just("void"), st.integers(0, 10_000)),
    st.tuples(st.just("expire"), st.integers(0, 900)),
    st.tuples(st.just("rules"), st.sampled_from(["12_months", "end_of_next_year", "never"]),
              st.integers(0, 3), st.sampled_from(["points", "spend"])),
)  # fmt: skip


def _pick(store, model, n):
    with store.read() as s:
        ids = s.scalars(select(model.id).order_by(model.id)).all()
    return ids[n % len(ids)] if ids else None


def _snapshot(store):
    with store.read() as s:
        return (s.scalar(select(func.count(LedgerEntry.id))),
                s.scalar(select(func.coalesce(func.sum(LedgerEntry.amount), 0))))  # fmt: skip


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ops, min_size=1, max_size=20))
def test_invariants_hold_after_every_step(steps):
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "p.sqdesk")
        try:
            _run(store, steps)
        finally:
            store.close()


def _run(store, steps):
    people = [create(store, MemberInput(name="甲", birthday=date(1990, 3, 3)))]
    people.append(create(store, MemberInput(name="乙", referrer_id=people[0])))
    people.append(create(store, MemberInput(name="丙", referrer_id=people[1])))
    with store.session() as s:
        s.add_all([Reward(name="咖啡", cost=120, stock=3), Reward(name="券", cost=15)])
        s.add_all([Level(name="普通", threshold=0), Level(name="银卡", threshold=150)])
    for step in steps:
        before = _snapshot(store)
        try:
            _apply(store, people, step)
        except PointsError:
            assert _snapshot(store) == before, f"a refused {step[0]} changed the ledger"
        problems = run_checks(store, file_checks=False)
        assert problems == [], f"after {step}: {problems}"


def _apply(store, people, step):
    kind = step[0]
    if kind == "visit":
        _, who, cents, day = step
        when = datetime.combine(START + timedelta(days=day), datetime.min.time(), UTC)
        ledger.record_visit(store, people[who], amount_cents=cents, at=when + timedelta(hours=12))
    elif kind == "redeem":
        _, who, reward = step
        ledger.redeem(store, people[who], _pick(store, Reward, reward))
    elif kind == "adjust":
        _, who, points = step
        ledger.adjust(store, people[who], points, reason="测试")
    elif kind == "reverse":
        entry = _pick(store, LedgerEntry, step[1])
        if entry is not None:
            ledger.reverse(store, entry, reason="测试")
    elif kind == "void":
        visit = _pick(store, Visit, step[1])
        if visit is not None:
            ledger.void_visit(store, visit, reason="测试")
    elif kind == "expire":
        ledger.expire(store, today=START + timedelta(days=step[1]))
        # The cached levels are "as of the last run"; check compares with today's.
        ledger.refresh_levels(store)
    elif kind == "rules":
        _, policy, ppy, basis = step
        ledger.save_rules(store, EarningRules(expiry_policy=policy, points_per_yuan=ppy,
                                              level_basis=basis))  # fmt: skip
        ledger.refresh_levels(store)
