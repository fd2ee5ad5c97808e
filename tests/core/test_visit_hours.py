"""The visits per hour (sqdesk.core.visit_hours) answer any span as the visits do: whole
hours from the table, part-hours from the visits; a visit undone leaves both; `check`
finds a table that disagrees. On SQLite and on PostgreSQL (the suite's `store`)."""

import random
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

from sqlalchemy import func, select, update

from sqdesk.core import ledger, metrics, metrics_board, visit_hours
from sqdesk.core.check import run_checks
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.models import Visit, VisitHour


def _problems(store):
    return run_checks(store, file_checks=False)


def _counted(s, lo, hi):
    n, cents = s.execute(select(func.count(), func.coalesce(func.sum(Visit.amount_cents), 0))
                         .where(Visit.voided.is_(False), Visit.at >= lo, Visit.at < hi)).one()
    return int(n), int(cents)


def test_any_span_is_answered_as_the_visits_answer_it(store):
    a = create(store, MemberInput(name="王芳", joined_on=date(2025, 1, 1)))
    b = create(store, MemberInput(name="Zoë 张🌸", joined_on=date(2025, 1, 1)))
    rng = random.Random(7)
    start = datetime(2025, 6, 1, tzinfo=UTC)
    moments = [start + timedelta(minutes=rng.randrange(60 * 24 * 20)) for _ in range(120)]
    moments += [datetime(2025, 6, 3, 16, tzinfo=UTC),  # midnight in China, on the hour
                datetime(2025, 6, 3, 15, 59, 59, 999999, tzinfo=UTC),
                datetime(2025, 6, 4, 18, 30, tzinfo=UTC)]  # midnight in India (+5:30)
    visits = [ledger.record_visit(store, a if i % 2 else b, amount_cents=rng.randrange(1, 90_000),
                                  at=at).visit_id for i, at in enumerate(moments)]  # fmt: skip
    ledger.void_visit(store, visits[3], reason="记错了")
    ledger.void_visit(store, visits[-1], reason="重复")
    china = [datetime(2025, 6, d, 16, tzinfo=UTC) for d in range(1, 22)]  # local midnights
    india = [datetime(2025, 6, d, 18, 30, tzinfo=UTC) for d in range(1, 22)]
    cuts = sorted(start + timedelta(seconds=rng.randrange(86400 * 21)) for _ in range(30))
    with store.read() as s:
        for bounds in (china, india, cuts, [start, start + timedelta(days=30)],
                       [start, start + timedelta(minutes=20)]):  # no whole hour inside
            spans = list(pairwise(bounds))
            assert visit_hours.sums(s, spans) == [_counted(s, lo, hi) for lo, hi in spans]
        assert sum(n for n, _c in visit_hours.sums(s, [(start, start + timedelta(days=30))])) \
            == len(moments) - 2  # fmt: skip
    assert not _problems(store)


def test_check_finds_a_table_that_disagrees(store):
    a = create(store, MemberInput(name="李雷", joined_on=date(2025, 1, 1)))
    at = datetime(2025, 6, 1, 9, 41, tzinfo=UTC)
    ledger.record_visit(store, a, amount_cents=3_800, at=at)
    with store.read() as s:
        assert s.execute(select(VisitHour.visits, VisitHour.spend_cents)).all() == [(1, 3_800)]
    with store.session() as s:
        s.execute(update(VisitHour).values(spend_cents=3_700))
    (problem,) = _problems(store)
    assert problem.check == "visits per hour"
    assert "2025-06-01 09:00 UTC" in problem.detail and "(1, 3700)" in problem.detail


def test_the_shop_figures_and_series_from_the_hours_equal_a_scope_of_everyone(store):
    """The shop reads the hours; a segment of everyone reads the visits themselves: the
    same visits and spend, per period and per bar."""
    from sqdesk.core import segments

    today = date.today()
    a = create(store, MemberInput(name="张三", joined_on=today - timedelta(days=400)))
    rng = random.Random(3)
    for _ in range(60):
        ledger.record_visit(store, a, amount_cents=rng.randrange(100, 20_000),
                            at=datetime.now(UTC) - timedelta(minutes=rng.randrange(525_000)))
    segments.save_segment(store, "所有人", {"all": []})
    everyone = metrics.segment_scope(store, "所有人")
    for days in (30, 365):
        first = today - timedelta(days=days - 1)
        shop, seg = (metrics.compute(store, first, today, sc) for sc in (metrics.STORE, everyone))
        assert (shop.visits, shop.spend_cents) == (seg.visits, seg.spend_cents)
        bars = [metrics_board.series(store, first, today, sc) for sc in (metrics.STORE, everyone)]
        assert [(b.visits, b.spend_cents) for b in bars[0]] == [
            (b.visits, b.spend_cents) for b in bars[1]]
    assert shop.visits == 60
