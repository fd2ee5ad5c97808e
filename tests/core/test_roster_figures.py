"""The roster's figure columns: points, level, last visit and spend, read and sorted in SQL."""

from datetime import UTC, date, datetime
from pathlib import Path

from sqdesk.core import ledger, member_export, member_stats, members
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.members import SortKey


def _shop(store):
    a = create(store, MemberInput(name="张诗芳", joined_on=date(2026, 1, 1)))
    b = create(store, MemberInput(name="李明", joined_on=date(2026, 1, 1)))
    c = create(store, MemberInput(name="王芳", joined_on=date(2026, 1, 1)))  # never came
    ledger.record_visit(store, a, amount_cents=3800, at=datetime(2026, 11, 20, 4, tzinfo=UTC))
    ledger.record_visit(store, b, amount_cents=12_000, at=datetime(2026, 11, 2, 4, tzinfo=UTC))
    ledger.record_visit(store, b, amount_cents=9_000, at=datetime(2026, 11, 3, 4, tzinfo=UTC))
    return a, b, c


def test_rows_carry_the_figures(store):
    a, b, c = _shop(store)
    with store.session() as s:
        member_stats.rebuild_all(s, today=date.today())
    rows = members.rows(store, [a, b, c])
    assert rows[a].points == ledger.balance(store, a) > 0
    assert rows[b].spend_12m == 21_000 and rows[b].last_visit == date(2026, 11, 3)
    assert rows[c].points == 0 and rows[c].last_visit is None and rows[c].spend_12m == 0
    assert rows[c].level == ""


def test_sorting_by_each_figure(store):
    a, b, c = _shop(store)
    with store.session() as s:
        member_stats.rebuild_all(s, today=date.today())
    by = lambda key, desc=True: members.ordered_ids(store, sort=key, descending=desc)  # noqa: E731
    assert by(SortKey.POINTS) == [b, a, c]
    assert by(SortKey.SPEND) == [b, a, c]
    assert by(SortKey.LAST_VISIT, desc=False)[-2:] == [b, a]
    assert set(by(SortKey.LEVEL)) == {a, b, c}
    assert members.ordered_ids(store, search_text="张", sort=SortKey.POINTS) == [a]


def test_export_writes_the_figures(store, tmp_path: Path):
    a, b, _c = _shop(store)
    with store.session() as s:
        member_stats.rebuild_all(s, today=date.today())
    out = tmp_path / "m.csv"
    member_export.export_members(store, out, member_ids=[b, a], columns=[
        (SortKey.NAME, "姓名"), (SortKey.POINTS, "积分"), (SortKey.LAST_VISIT, "最近到店"),
        (SortKey.SPEND, "近12个月消费")])  # fmt: skip
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "姓名,积分,最近到店,近12个月消费"
    assert lines[1].startswith("李明,") and lines[1].endswith(",2026-11-03,210.00")
