from datetime import UTC, date, datetime, timedelta

import pytest

from sqdesk.core import filters, ledger, segments, tags
from sqdesk.core.filters import FilterError
from sqdesk.core.member_edit import MemberInput, create

TODAY = date(2026, 11, 25)


def at(d: date, hour=12):
    return datetime(d.year, d.month, d.day, hour, tzinfo=UTC)


@pytest.fixture
def shop(store):
    old = date(2024, 1, 10)
    people = {
        "新人": create(store, MemberInput(name="新人", joined_on=TODAY - timedelta(days=3))),
        "沉睡": create(store, MemberInput(name="沉睡", joined_on=old)),
        "衰退": create(store, MemberInput(name="衰退", joined_on=old)),
        "常客": create(store, MemberInput(name="常客", joined_on=old, birthday=date(1990, 11, 2))),
        "大单": create(store, MemberInput(name="大单", joined_on=old, source="抖音")),
        "活跃🙂": create(store, MemberInput(name="活跃🙂", joined_on=old)),
    }
    for days in (3, 17):  # twice this month, a little each time: active, not core
        ledger.record_visit(store, people["活跃🙂"], amount_cents=2000,
                            at=at(TODAY - timedelta(days=days)))  # fmt: skip
    ledger.record_visit(
        store, people["沉睡"], amount_cents=3000, at=at(TODAY - timedelta(days=120))
    )
    ledger.record_visit(
        store, people["衰退"], amount_cents=3000, at=at(TODAY - timedelta(days=400))
    )
    for i in range(9):  # weekly-plus, spending a lot
        ledger.record_visit(store, people["常客"], amount_cents=30000,
                            at=at(TODAY - timedelta(days=2 + i * 9)))  # fmt: skip
    ledger.record_visit(
        store, people["大单"], amount_cents=600000, at=at(TODAY - timedelta(days=5))
    )
    return store, people


def names(store, people, ids):
    back = {v: k for k, v in people.items()}
    return {back[i] for i in ids}


def test_builtin_segments(shop):
    store, people = shop
    got = {key: names(store, people, segments.members_of(store, key, today=TODAY))
           for key in segments.BUILTIN}  # fmt: skip
    assert got["new"] == {"新人"}
    assert got["dormant"] == {"沉睡", "衰退"}
    assert got["lapsed"] == {"衰退"}
    assert got["core_loyal"] == {"常客"}
    assert got["active_potential"] == {"活跃🙂"}  # 常客 is active too, but core
    assert got["high_value"] == {"大单"}
    assert "大单" in got["vip_eligible"] and "常客" in got["vip_eligible"]
    assert got["potential"] >= {"大单"}
    counts = segments.counts(store, today=TODAY)
    assert counts["new"] == 1 and counts["lapsed"] == 1


def test_thresholds_are_the_shops(shop):
    store, people = shop
    segments.save_thresholds(store, segments.Thresholds(high_value_12m=100_000))
    assert names(store, people, segments.members_of(store, "high_value", today=TODAY)) == {
        "常客", "大单"}  # fmt: skip


def test_explanations(shop):
    store, people = shop
    why = {w.segment: w.english for w in segments.explain(store, people["沉睡"], today=TODAY)}
    assert why["dormant"].endswith("120 days ago")


def test_filter_tree_with_tags_and_fields(shop):
    store, people = shop
    group = tags.create_group(store, "行为")
    tea = tags.create_tag(store, group, "爱喝茶")
    tags.add_tag(store, [people["常客"], people["大单"], people["新人"]], tea)
    tree = {"all": [{"tag": tea}, {"not": {"field": "source", "in": ["抖音"]}},
                    {"field": "birthday_month", "months": [11]}]}  # fmt: skip
    assert names(store, people, filters.member_ids(store, tree, today=TODAY)) == {"常客"}
    either = {"any": [{"field": "balance", "min": 6000}, {"field": "joined", "from": "2026-11-01"}]}
    assert names(store, people, filters.member_ids(store, either, today=TODAY)) == {"大单", "新人"}
    contradictory = {"all": [{"field": "balance", "min": 100}, {"field": "balance", "max": 10}]}
    assert filters.count(store, contradictory, today=TODAY) == 0
    for bad in ({}, {"field": "nope"}, {"field": "joined", "from": "2026-02-30"}):
        with pytest.raises(FilterError):
            filters.compile_filter(bad, today=TODAY)


def test_saved_segments_and_the_cli_contract(shop, capsys, tmp_path):
    import json

    from sqdesk import cli

    store, _ = shop
    segments.save_segment(store, "抖音来的", {"field": "source", "in": ["抖音"]})
    with pytest.raises(segments.SegmentError) as refused:
        segments.save_segment(store, "抖音来的", {"field": "source", "in": ["抖音"]})
    assert (refused.value.code, refused.value.values) == ("exists", {"name": "抖音来的"})
    with pytest.raises(FilterError):
        segments.save_segment(store, "坏的", {"field": "nope"})
    db = store.location
    assert cli.main(["--db", db, "segments", "--json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["抖音来的"] == {"name": "抖音来的", "builtin": False, "count": 1}
    assert rows["dormant"]["builtin"] is True
    out = tmp_path / "seg.csv"
    assert cli.main(["--db", db, "export", str(out), "--segment", "抖音来的"]) == 0
    assert "大单" in out.read_text(encoding="utf-8-sig")
    assert cli.main(["--db", db, "export", str(out), "--segment", "没有"]) == 1


def test_every_count_is_how_many_members_the_segment_lists(shop):
    """A segment of the member figures alone is counted from the figures' side (filters.count):
    the same number as the members listed, archived members left out of both."""
    from sqdesk.core.member_edit import set_archived

    store, people = shop
    for archived in ([], [people["大单"], people["常客"]]):
        set_archived(store, archived, True)
        counts = segments.counts(store, today=TODAY)
        for key in segments.BUILTIN:
            assert counts[key] == len(segments.members_of(store, key, today=TODAY)), key
    assert counts["high_value"] == 0 and counts["core_loyal"] == 0


def test_member_stats_give_the_same_members_as_counting_visits(shop):
    from sqlalchemy import select

    from sqdesk.core import member_stats
    from sqdesk.core.models import Member

    store, _ = shop
    member_stats.ensure_current(store, today=TODAY)
    t = segments.load_thresholds(store)
    core = segments.definition("core_loyal", t, TODAY)
    active = {"field": "visits", "days": 30, "min": 2}
    others = {  # a "not" among the figures: read from the row only inside an "all"
        "not core": {"not": core},
        "active or not core": {"any": [active, {"not": core}]},
        "neither core nor high value": {"all": [{"not": core},
                                                {"not": segments.definition("high_value", t,
                                                                            TODAY)}]},
        "active, not core, not new": {"all": [active, {"not": core},
                                              {"not": {"field": "joined", "from": "2026-11-01"}}]},
    }  # fmt: skip
    trees = {key: segments.definition(key, t, TODAY) for key in segments.BUILTIN} | others
    for key, tree in trees.items():
        with store.read() as s:
            slow = set(
                s.scalars(
                    select(Member.id).where(filters.compile_filter(tree, today=TODAY, stats=False))
                )
            )
            fast = set(s.scalars(select(Member.id).where(
                filters.compile_filter(tree, today=TODAY, stats=True))))  # fmt: skip
        assert slow == fast, key


def test_member_stats_follow_visits_and_voids(shop):
    from sqdesk.core.check import run_checks

    store, people = shop
    today = date.today()
    assert segments.members_of(store, "high_value", today=today) == [people["大单"]]
    v = ledger.record_visit(store, people["新人"], amount_cents=600000)
    assert set(segments.members_of(store, "high_value", today=today)) == {
        people["大单"], people["新人"]}  # fmt: skip
    ledger.void_visit(store, v.visit_id, reason="录错")
    assert segments.members_of(store, "high_value", today=today) == [people["大单"]]
    assert run_checks(store) == []


def test_every_segment_is_explained_with_the_members_figures(shop):
    store, people = shop
    why = {w.segment: w for w in segments.explain(store, people["常客"], today=TODAY)}
    assert why["core_loyal"].values["visits_90"] == 9
    assert why["core_loyal"].values["spend_365"] == 270000
    assert "9 visits in 90 days" in why["core_loyal"].english
    big = {w.segment: w for w in segments.explain(store, people["大单"], today=TODAY)}
    assert big["high_value"].values["spend_365"] == 600000
    assert big["vip_eligible"].values["max_purchase_30"] == 600000
    assert all(w.english and "{" not in w.english for w in big.values())


def test_the_days_rebuild_of_the_figures_lets_other_pcs_read_them(any_store):
    """While one PC rebuilds the member figures for the new day, another still reads them
    (as they were) without waiting: on PostgreSQL, dropping the table's indexes for the
    load locked every reader out until the rebuild committed."""
    import threading

    from sqlalchemy import select, text

    from sqdesk.core import member_stats
    from sqdesk.core.models import MemberStats

    store = any_store
    m = create(store, MemberInput(name="张三🙂", joined_on=date(2024, 1, 10)))
    ledger.record_visit(store, m, amount_cents=1000, at=at(TODAY - timedelta(days=1)))
    with store.session() as s:  # yesterday's build, as the other PC reads it
        member_stats.rebuild_all(s, today=TODAY - timedelta(days=1))
    loaded, release = threading.Event(), threading.Event()

    def rebuild() -> None:
        with store.session() as s:
            member_stats.rebuild_all(s, today=TODAY)
            s.flush()
            loaded.set()
            release.wait(10)  # the transaction stays open until the other PC has read

    thread = threading.Thread(target=rebuild)
    thread.start()
    try:
        assert loaded.wait(10)
        with store.read() as s:
            if not store.is_sqlite:
                s.execute(text("SET LOCAL lock_timeout = '2s'"))
            rows = s.execute(select(MemberStats.member_id)).all()
    finally:
        release.set()
        thread.join()
    assert [r[0] for r in rows] == [m]
