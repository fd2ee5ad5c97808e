"""The roster's figure columns: points, level, last visit and spend, read and sorted in SQL."""

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqdesk.core import ledger, member_export, member_stats, members
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.members import SortKey

NOW = datetime.now(UTC).replace(hour=4, minute=0, second=0, microsecond=0)


def _shop(store):
    a = create(store, MemberInput(name="张诗芳", joined_on=date(2026, 1, 1)))
    b = create(store, MemberInput(name="李明", joined_on=date(2026, 1, 1)))
    c = create(store, MemberInput(name="王芳", joined_on=date(2026, 1, 1)))  # never came
    ledger.record_visit(store, a, amount_cents=3800, at=NOW - timedelta(days=3))
    ledger.record_visit(store, b, amount_cents=12_000, at=NOW - timedelta(days=21))
    ledger.record_visit(store, b, amount_cents=9_000, at=NOW - timedelta(days=20))
    return a, b, c


def test_rows_carry_the_figures(store):
    a, b, c = _shop(store)
    with store.session() as s:
        member_stats.rebuild_all(s, today=date.today())
    rows = members.rows(store, [a, b, c])
    assert rows[a].points == ledger.balance(store, a) > 0
    assert rows[b].spend_12m == 21_000
    assert rows[b].last_visit == (NOW - timedelta(days=20)).astimezone().date()
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
    last = (NOW - timedelta(days=20)).astimezone().date().isoformat()
    assert lines[1].startswith("李明,") and lines[1].endswith(f",{last},210.00")


def test_a_figure_sort_keeps_a_segment_filter_that_reads_the_same_tables(store):
    """A segment's filter has subqueries on member_stats and member_points: the sort's own
    joins must not correlate with them (they did: the filter then selected everyone)."""
    from sqdesk.core import filters, segments

    _a, b, _c = _shop(store)
    invites = segments.vip_invites(store)
    wanted = set(filters.member_ids(store, invites))
    for key in members.FIGURES:
        assert set(members.ordered_ids(store, sort=key, where=invites)) == wanted
    assert wanted == {b}  # the ¥120 purchase; a's ¥38.50 and c's nothing are not VIP


def test_the_default_export_keeps_its_columns(store, tmp_path: Path):
    """sqdesk-cli export writes the member's fields only (a contract): figures are written
    when the roster shows them."""
    _shop(store)
    out = tmp_path / "all.csv"
    member_export.export_members(store, out, member_ids=members.ordered_ids(store))
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "会员码,姓名,群昵称,手机号,性别,生日,入会日期,来源,地区,微信号,备注"
