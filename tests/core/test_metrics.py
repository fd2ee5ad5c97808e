"""The dashboard's figures (issue 17) against a small store whose answers are worked out by
hand below, on SQLite and on PostgreSQL: a few members joining on known days, visits on
known days, one referral pair, one redemption, one adjustment, one archived member, a note,
a post copied for one member and a group post, and one activity with two attendees."""

import json
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import update

from sqdesk import cli
from sqdesk.core import activities, groups, ledger, metrics, notes, posts, rewards
from sqdesk.core.activities import ActivityInput
from sqdesk.core.member_edit import MemberInput, create, set_archived
from sqdesk.core.metrics_groups import BOARD_FIELDS
from sqdesk.core.models import Member
from sqdesk.core.points_rules import EarningRules

T = date.today()
FIRST, LAST = T - timedelta(days=29), T  # the last 30 days


@pytest.fixture(autouse=True)
def _todays_dates():
    """Each test reads the date when it starts: a run that crosses midnight would otherwise
    build its store on one day and ask the app about the next."""
    global T, FIRST, LAST
    T = date.today()
    FIRST, LAST = T - timedelta(days=29), T


def noon(d: date) -> datetime:
    return datetime.combine(d, time(12)).astimezone(UTC)


def ago(n: int) -> date:
    return T - timedelta(days=n)


@pytest.fixture
def shop(any_store):
    """A 张三 (joined 100 days ago) referred B 李四 (25 days ago) and C 王五 (20 days ago);
    D 赵六 joined 5 days ago; E 钱七 (200 days ago) was archived 3 days ago; F 孙八 (300
    days ago) stayed away; H 周九 (400 days ago) was archived 50 days ago."""
    store = any_store
    # One point per yuan and nothing else, so every point below is worked out by hand.
    ledger.save_rules(store, EarningRules(points_per_yuan=1, member_days=(),
                                          member_day_multiplier=1, birthday_month_multiplier=1,
                                          first_visit_bonus=0, referral_bonus=0,
                                          activity_points=0))  # fmt: skip
    a = create(store, MemberInput(name="张三", joined_on=ago(100)))
    b = create(store, MemberInput(name="李四", joined_on=ago(25), referrer_id=a))
    c = create(store, MemberInput(name="王五", joined_on=ago(20), referrer_id=a))
    d = create(store, MemberInput(name="赵六😀", joined_on=ago(5)))
    e = create(store, MemberInput(name="钱七", joined_on=ago(200)))
    f = create(store, MemberInput(name="孙八", joined_on=ago(300)))
    h = create(store, MemberInput(name="周九", joined_on=ago(400)))
    ledger.record_visit(store, a, amount_cents=100_00, at=noon(ago(60)))  # before the period
    ledger.record_visit(store, a, amount_cents=30_00, at=noon(ago(20)))
    ledger.record_visit(store, a, amount_cents=50_00, at=noon(ago(10)))
    ledger.record_visit(store, b, amount_cents=20_00, at=noon(ago(24)))  # the day after joining
    ledger.record_visit(store, e, amount_cents=40_00, at=noon(ago(15)))
    reward = rewards.add_reward(store, name="招牌奶茶", cost=60)
    ledger.redeem(store, a, reward, at=noon(ago(5)))
    ledger.adjust(store, f, 15, reason="补录", at=noon(ago(2)))
    notes.add(store, d, "第一次来，喜欢少糖", kind="counter", at=noon(ago(4)))
    greeting = posts.find(store, "birthday")
    posts.record_copy(store, greeting, "王五，好久不见", rendered_for=f"member:{c}",
                      at=noon(ago(1)))  # fmt: skip
    group = groups.create_group(store, "茶语会员1群")
    groups.add_members(store, group, [a, d], joined_on=ago(40))
    groups.add_members(store, group, [b], joined_on=ago(25))
    morning = next(t for t in posts.list_templates(store) if t.audience == "group")
    posts.record_copy(store, morning, "早安", rendered_for=f"group:{group}", at=noon(ago(2)))
    act = activities.create(store, ActivityInput(title="周末品鉴会", start_date=ago(10)))
    activities.record_attendance(store, act, ago(10), [a, b])
    set_archived(store, [e, h], True)
    with store.session() as s:  # archived on known days
        s.execute(update(Member).where(Member.id == e).values(archived_at=noon(ago(3))))
        s.execute(update(Member).where(Member.id == h).values(archived_at=noon(ago(50))))
    return store, dict(a=a, b=b, c=c, d=d, e=e, f=f, h=h)


def test_every_figure_for_the_whole_store(shop):
    store, m = shop
    f = metrics.compute(store, FIRST, LAST)
    # On the books at the end: A, B, C, D, F (E archived within the period, H before it).
    assert (f.members_total, f.members_new, f.members_archived) == (5, 3, 1)
    # Contacts: A and B visited (and came to the tasting), C had a post copied for them, D a
    # note; E visited but was archived by the end, so is not counted.
    assert f.active_members == 4 and f.active_rate == pytest.approx(0.8)
    # Visits: A ×2 (¥30, ¥50), B ¥20, E ¥40 (the visit 60 days ago is outside).
    assert (f.visits, f.visitors, f.repeat_visitors, f.spend_cents) == (4, 3, 1, 140_00)
    assert f.repurchase_rate == pytest.approx(1 / 3)
    assert f.avg_spend_per_visit_cents == pytest.approx(35_00)
    assert f.visits_per_visitor == pytest.approx(4 / 3)
    # Joined in the period and 7 days ago or more: B (kept: visited the next day) and C
    # (first contact 19 days after joining); D joined 5 days ago, not counted yet.
    assert f.retention[7] == pytest.approx(0.5)
    assert f.retention[30] is None  # nobody joined in the period 30 days ago or more
    assert f.referrals == metrics.Referrals(2, 1, 2.0, ((_code(store, m["a"]), "张三", 2),))
    # 140 earned in the period, 60 redeemed, 15 added by hand; balances at the end:
    # A 100 + 80 − 60 = 120, B 20, E 40, F 15.
    assert f.points == metrics.Points(issued=140, redeemed=60, expired=0, adjusted=15,
                                      outstanding=195)  # fmt: skip
    # The tasting: 2 came, for everyone (the 5 members not archived now).
    p = f.participation
    assert (p.occurrences, p.mean_rate, p.best.title) == (1, pytest.approx(0.4), "周末品鉴会")
    assert f.posts_copied == 2


def test_a_group_scope_counts_its_members_only(shop):
    store, _ = shop
    scope = metrics.group_scope(store, "茶语会员1群")
    f = metrics.compute(store, FIRST, LAST, scope)
    # A, B, D are in the group.
    assert (f.members_total, f.members_new, f.members_archived) == (3, 2, 0)
    assert (f.active_members, f.active_rate) == (3, 1.0)
    assert (f.visits, f.visitors, f.repeat_visitors, f.spend_cents) == (3, 2, 1, 100_00)
    assert f.retention[7] == 1.0  # B
    assert (f.referrals.new_with_referrer, f.referrals.referrers) == (1, 1)
    assert f.points == metrics.Points(100, 60, 0, 0, 140)
    assert f.posts_copied == 1  # the group's morning post
    assert f.participation.mean_rate == pytest.approx(2 / 3)  # both came, of A, B, D


def test_the_group_boards_equal_each_groups_own_figures(shop):
    """The boards count every group's retention in one query, and an activity's audience by
    joining the group's members: each board holds what the group's own figures say, with
    members in two groups, one who left before the period's end, and an activity for one
    group counted from the other too."""
    from sqdesk.core import metrics_board as board

    store, m = shop
    second = groups.create_group(store, "茶语VIP群", kind="vip")
    groups.add_members(store, second, [m["b"], m["c"], m["d"]], joined_on=ago(22))
    groups.leave(store, second, [m["c"]], left_on=ago(3))  # left within the period
    first_group = metrics.group_scope(store, "茶语会员1群").group_id
    tasting = activities.create(store, ActivityInput(
        title="会员群专场", start_date=ago(8), audience="group", audience_ref=str(first_group)))
    activities.record_attendance(store, tasting, ago(8), [m["b"], m["d"]])
    for first, last in ((FIRST, LAST), (ago(59), ago(30)), (ago(364), LAST)):
        boards = board.group_boards(store, first, last, today=T)
        assert [b.kind for b in boards] == ["vip", "ordinary"]  # VIP groups first
        for b in boards:
            own = metrics.compute(store, first, last, b.figures.scope, today=T)
            for name in BOARD_FIELDS:
                assert getattr(b.figures, name) == getattr(own, name), name
    vip = board.group_boards(store, FIRST, LAST, today=T)[0].figures
    assert vip.members_total == 2  # B and D: C left before the end
    assert vip.retention[7] == 1.0  # B came back the day after joining the shop
    assert vip.participation.occurrences == 2 and vip.participation.best.audience == 2
    # The cohorts from the figures' joiners equal the cohorts counted again.
    f = metrics.compute(store, FIRST, LAST, today=T)
    assert f.joined and board.cohorts(store, FIRST, LAST, today=T, joined=f.joined) == (
        board.cohorts(store, FIRST, LAST, today=T))


@pytest.mark.parametrize("seed", range(6))
def test_the_group_boards_counted_together_equal_each_groups_own(store, seed):
    """Random shops: groups that share members, stays that end and begin again (before,
    within and after the period), archived members, visits undone, notes, posts copied for
    a member, activities for everyone, for one group and for a segment. Every group's board
    (all groups counted in one statement per figure) equals compute() for that group."""
    import random

    from sqdesk.core import metrics_board as board

    rng = random.Random(seed)
    people = [create(store, MemberInput(name=rng.choice(["王芳", "李雷🍵", "Lily", "欧阳娜娜"]),
                                        joined_on=ago(rng.randint(0, 120))))
              for _ in range(14)]  # fmt: skip
    kinds = ["vip", "ordinary", "interest"]
    gids = [groups.create_group(store, f"茶友{i}群", kind=kinds[i]) for i in range(3)]
    for m in people:
        for gid in rng.sample(gids, rng.randint(0, 3)):
            groups.add_members(store, gid, [m], joined_on=ago(rng.randint(35, 130)))
            if rng.random() < 0.4:
                groups.leave(store, gid, [m], left_on=ago(rng.randint(-3, 34)))
                if rng.random() < 0.5:
                    groups.add_members(store, gid, [m], joined_on=ago(rng.randint(-2, 20)))
    groups.create_group(store, "空群")  # nobody in it
    everyone = activities.create(store, ActivityInput(title="品鉴会", start_date=ago(40),
                                                      rrule="FREQ=WEEKLY"))  # fmt: skip
    for_group = activities.create(store, ActivityInput(
        title="群专场", start_date=ago(33), rrule="FREQ=DAILY;INTERVAL=4", audience="group",
        audience_ref=str(gids[1])))  # fmt: skip
    for_segment = activities.create(store, ActivityInput(
        title="沉睡唤醒", start_date=ago(20), audience="segment", audience_ref="dormant"))
    for act in (everyone, for_group, for_segment):
        for o in activities.occurrences(store, ago(40), LAST, activity_ids=[act]):
            if rng.random() < 0.6:
                activities.record_attendance(store, act, o.original_date,
                                             rng.sample(people, rng.randint(1, 5)))
    for m in people:
        joined = store_joined(store, m)
        for _ in range(rng.randint(0, 4)):
            day = ago(rng.randint(0, (T - joined).days))
            v = ledger.record_visit(store, m, amount_cents=rng.randint(0, 90) * 100,
                                    at=min(noon(day), datetime.now(UTC)))  # fmt: skip
            if rng.random() < 0.15:
                ledger.void_visit(store, v.visit_id, reason="录错了")
        if rng.random() < 0.3:
            notes.add(store, m, "说下周再来，喜欢少糖", at=noon(ago(rng.randint(0, 50))))
        if rng.random() < 0.2:
            posts.record_copy(store, posts.find(store, "birthday"), "生日快乐🎂",
                              rendered_for=f"member:{m}", at=noon(ago(rng.randint(0, 50))))
    archived = rng.sample(people, 3)
    set_archived(store, archived, True)
    with store.session() as s:
        for m in archived:
            s.execute(update(Member).where(Member.id == m)
                      .values(archived_at=noon(ago(rng.randint(0, 60)))))  # fmt: skip
    for first, last in ((FIRST, LAST), (ago(59), ago(30)), (ago(200), LAST),
                        (ago(6), T + timedelta(days=3))):  # fmt: skip
        boards = board.group_boards(store, first, last, today=T)
        assert boards[0].kind == "vip" and len(boards) == 4  # the empty group has one too
        for b in boards:
            own = metrics.compute(store, first, last, b.figures.scope, today=T)
            for name in BOARD_FIELDS:
                assert getattr(b.figures, name) == getattr(own, name), (name, b.figures.scope)


def store_joined(store, member_id: int) -> date:
    with store.read() as s:
        return s.get(Member, member_id).joined_on


def test_the_top_referrers_break_ties_by_code(any_store):
    """Seven referrers with 3, 2, 2, 2, 2, 2 and 1 new members: the top five are the one
    with 3, then four of the five with 2 by their member code; the one with 1 is out."""
    store = any_store
    names = ["推荐甲", "推荐乙", "推荐丙", "推荐丁", "推荐戊", "推荐己", "推荐庚🍵"]
    referrers = [create(store, MemberInput(name=n, joined_on=ago(200))) for n in names]
    for r, k in zip(referrers, [3, 2, 2, 2, 2, 2, 1], strict=True):
        for i in range(k):
            create(store, MemberInput(name=f"新人{r}-{i}", joined_on=ago(3), referrer_id=r))
    f = metrics.compute(store, FIRST, LAST)
    twos = sorted((_code(store, r), n) for r, n in zip(referrers[1:6], names[1:6], strict=True))
    assert f.referrals.top == ((_code(store, referrers[0]), names[0], 3),
                               *((c, n, 2) for c, n in twos[:4]))  # fmt: skip
    assert (f.referrals.new_with_referrer, f.referrals.referrers) == (14, 7)


def test_a_segment_scope_and_the_previous_period(shop):
    store, _ = shop
    new = metrics.compute(store, FIRST, LAST, metrics.segment_scope(store, "new"))
    assert (new.members_total, new.members_new, new.active_members) == (3, 3, 3)  # B, C, D
    before = metrics.compute(store, *metrics.previous_period(FIRST, LAST))
    assert metrics.previous_period(FIRST, LAST) == (ago(59), ago(30))
    # Then: A, E, F, H (H archived 50 days ago) on the books; A's visit 60 days ago is
    # just outside; nobody joined.
    assert (before.members_total, before.members_new, before.members_archived) == (3, 0, 1)
    assert (before.visits, before.active_members) == (0, 0)
    assert before.points.outstanding == 100  # A's 100 points from 60 days ago


def test_refusals(shop):
    store, _ = shop
    with pytest.raises(metrics.MetricsError) as err:
        metrics.compute(store, LAST, FIRST)
    assert err.value.code == "bad_period"
    for call, code in ((lambda: metrics.group_scope(store, "没有这个群"), "unknown_group"),
                       (lambda: metrics.segment_scope(store, "没有"), "unknown_segment")):
        with pytest.raises(metrics.MetricsError) as err:
            call()
        assert err.value.code == code


def test_the_cli_contract(shop, capsys):
    store, m = shop
    assert cli.main(["--db", store.location, "metrics", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["from"], out["to"], out["scope"]) == (FIRST.isoformat(), LAST.isoformat(),
                                                      "store")  # fmt: skip
    assert out["members"] == {"total": 5, "new": 3, "archived": 1}
    assert (out["active_members"], out["active_rate"], out["spend"]) == (4, 0.8, 140.0)
    assert (out["avg_spend_per_visit"], out["retention_7"], out["retention_30"]) == (35.0, 0.5,
                                                                                      None)
    assert out["referrals"]["top"] == [{"member_code": _code(store, m["a"]), "name": "张三",
                                        "count": 2}]  # fmt: skip
    assert out["points"] == {"issued": 140, "redeemed": 60, "expired": 0, "adjusted": 15,
                             "outstanding": 195}  # fmt: skip
    assert out["participation"] == {"occurrences": 1, "mean_rate": 0.4}
    assert out["posts_copied"] == 2
    assert set(out) >= {"visits", "visitors", "repurchase_rate", "visits_per_visitor"}
    assert cli.main(["--db", store.location, "metrics", "--group", "茶语会员1群", "--from",
                     FIRST.isoformat(), "--to", LAST.isoformat(), "--json"]) == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out)["scope"] == "group:茶语会员1群"
    for bad in (["--from", LAST.isoformat(), "--to", FIRST.isoformat()], ["--group", "无"],
                ["--segment", "无"]):
        assert cli.main(["--db", store.location, "metrics", *bad]) == 1
        assert capsys.readouterr().err.startswith("error:")
    assert cli.main(["--db", store.location, "metrics", "--from", "2026-13-01"]) == 2


def _code(store, member_id):
    from sqdesk.core import members

    return members.detail(store, member_id).code


def test_the_pages_shared_day_bitmaps_give_what_each_part_reads_alone(shop, monkeypatch):
    """The Dashboard page reads the day bitmaps once for its figures, the previous period's
    and the series (metrics.shared_days): the same answers as each part reading its own
    days, for 30 days, a year and a scope, and one read for all of them."""
    from sqdesk.core import contact_days
    from sqdesk.core import metrics_board as board

    store, _ = shop
    reads = []
    read = contact_days.days
    monkeypatch.setattr(contact_days, "days", lambda s, first, last, *a, **k: (
        reads.append((first, last, k.get("shared"))) or read(s, first, last, *a, **k)))
    for first in (FIRST, T - timedelta(days=364)):
        for scope in (metrics.STORE, metrics.segment_scope(store, "new")):
            shared = metrics.shared_days(store, first, LAST)
            before = metrics.previous_period(first, LAST)
            reads.clear()
            assert metrics.compute(store, first, LAST, scope, days=shared) == metrics.compute(
                store, first, LAST, scope)
            assert metrics.compute(store, *before, scope, days=shared) == metrics.compute(
                store, *before, scope)
            assert board.series(store, first, LAST, scope, days=shared) == board.series(
                store, first, LAST, scope)
            assert sum(1 for *_, s in reads if s is shared) == 5  # every read asked it
            # and it read the store once, its whole span
            assert [r for r in reads if r[:2] == (shared.first, shared.last)] == [
                (shared.first, shared.last, None)]


def test_the_board_series_layers_levels_and_cohorts(shop):
    """The same hand-made store, drawn: per-day buckets with the contacts and visits of
    each day; layers and levels at the end (today's cached figures and the figures computed
    from the visits agree); the join-week cohorts."""
    from sqdesk.core import metrics_board as board

    store, _ = shop
    days = board.series(store, FIRST, LAST)
    assert len(days) == 30 and days[0].first == FIRST
    by_day = {b.first: b for b in days}
    assert (by_day[ago(20)].visits, by_day[ago(20)].spend_cents, by_day[ago(20)].active) == (
        1, 30_00, 1)
    assert by_day[ago(10)].active == 2  # A visited and A, B came to the tasting
    assert by_day[ago(4)].active == 1 and by_day[ago(4)].visits == 0  # D's note
    assert sum(b.visits for b in days) == 4
    weeks = board.series(store, ago(120), LAST)
    assert len(weeks) > 17 and sum(b.visits for b in weeks) == 5  # weekly bars
    assert all(b.first.weekday() == 0 for b in weeks[1:])

    # A: 3 visits in 90 days but ¥180 in a year, under the core threshold; 2 visits in 30
    # days: active. B, C, D joined within 30 days: new. F: no visit, joined 300 days ago:
    # dormant (90), not yet lapsed (365).
    now = board.layers(store, LAST)
    assert now == {"new": 3, "core": 0, "active": 1, "occasional": 0, "dormant": 1,
                   "lapsed": 0}  # fmt: skip
    # Computed from the visits (as for a day in the past) gives the same as today's figures.
    assert board.layers(store, LAST, today=LAST + timedelta(days=1)) == now
    assert sum(n for _name, n in board.levels(store, LAST)) == 5
    assert board.levels(store, LAST) == board.levels(store, LAST, today=LAST + timedelta(days=1))

    (week,) = [c for c in board.cohorts(store, FIRST, LAST) if c.week <= ago(25) <= c.week
               + timedelta(days=6)]  # fmt: skip
    assert week.joined >= 1


def test_levels_today_count_only_the_members_on_the_books(shop):
    """Today's levels are counted from every cached level less those not on the books:
    the archived (E, H, each with a cached level) and one whose join day is still to come
    (written while the PC's clock ran ahead). They agree with the levels worked out from
    the ledger."""
    from sqdesk.core import metrics_board as board

    store, m = shop
    rewards.add_level(store, name="银卡", threshold=100, benefits="")
    rewards.add_level(store, name="金卡", threshold=500, benefits="")
    later = create(store, MemberInput(name="吴十", joined_on=T))
    ledger.record_visit(store, later, amount_cents=80_00)  # now: on its join day
    with store.session() as s:
        s.execute(update(Member).where(Member.id == later)
                  .values(joined_on=T + timedelta(days=3)))  # fmt: skip
    ledger.record_visit(store, m["e"], amount_cents=900_00, at=noon(ago(30)))
    ledger.refresh_levels(store)
    today = board.levels(store, LAST)
    # A (180 points in a year): 银卡; B, C, D, F below it. E (940) and 吴十 (80) are not
    # counted, nor is H.
    assert today == [("银卡", 1), ("金卡", 0), ("", 4)]
    assert today == board.levels(store, LAST, today=LAST + timedelta(days=1))


def test_the_year_report(shop):
    """The year so far of the same store: its figures are the metrics of 1 January to
    today; the best month by spend; the tasting as the most attended activity; A as the top
    referrer; the lapse note's reason."""
    from sqdesk.core import year_report

    store, m = shop
    notes.add(store, m["f"], "搬家了，不方便再来", kind="lapse", reason="moved", at=noon(ago(1)))
    report = year_report.build(store, T.year)
    assert (report.first, report.last) == (date(T.year, 1, 1), T)
    assert report.figures.visits == metrics.compute(store, date(T.year, 1, 1), T).visits
    assert sum(mo.visits for mo in report.months) == report.figures.visits
    best = report.best_month
    assert best is not None and best.spend_cents == max(mo.spend_cents for mo in report.months)
    if ago(10).year == T.year:
        assert report.activities == (("周末品鉴会", 2),)
    assert report.figures.referrals.top[0][1] == "张三"
    assert [(r.reason, r.members) for r in report.lapse_reasons] == [("moved", 1)]
    assert report.lapsed == 1
    with pytest.raises(metrics.MetricsError):
        year_report.build(store, T.year + 1)


def _contacted_between(s, first: date, last: date) -> int:
    """Members with a contact from `first` to `last`, counted from the contacts themselves
    (visits not undone, activities by their day, notes, posts copied for a member)."""
    from sqlalchemy import select, union

    from sqdesk.core.models import Attendance, Note, PostCopy, Visit, member_of_copy

    lo, hi = metrics.start_of(first), metrics.start_of(last + timedelta(days=1))
    who = union(
        select(Visit.member_id).where(Visit.voided.is_(False), Visit.at >= lo, Visit.at < hi),
        select(Attendance.member_id).where(Attendance.occurrence_date.between(first, last)),
        select(Note.member_id).where(Note.at >= lo, Note.at < hi),
        select(member_of_copy()).where(PostCopy.rendered_for.like("member:%"),
                                       PostCopy.copied_at >= lo, PostCopy.copied_at < hi))
    return len(s.execute(who).all())


def test_the_active_members_over_time_follow_the_contacts(shop):
    """Weekly and daily active members from the day bitmaps equal those counted from the
    contacts themselves, before and after a new visit, an undone one, a note, a post copied
    for a member and an attendance."""
    from sqdesk.core import metrics_board as board
    from sqdesk.core.check import run_checks

    store, m = shop

    def same_as_the_contacts() -> None:
        weekly, daily = board.series(store, ago(120), LAST), board.series(store, FIRST, LAST)
        assert len(weekly) > 17  # weekly bars
        with store.read() as s:  # every bar counted from the contacts themselves
            assert [b.active for b in weekly] == [_contacted_between(s, b.first, b.last)
                                                  for b in weekly]  # fmt: skip
            assert [b.active for b in daily] == [_contacted_between(s, b.first, b.first)
                                                 for b in daily]  # fmt: skip
        assert sum(b.active for b in daily) >= 6 and sum(b.active for b in weekly) >= 4

    same_as_the_contacts()
    v = ledger.record_visit(store, m["c"], amount_cents=10_00, at=noon(ago(12)))
    same_as_the_contacts()
    ledger.void_visit(store, v.visit_id, reason="录错了")
    notes.add(store, m["f"], "路过打了招呼", at=noon(ago(8)))
    posts.record_copy(store, posts.find(store, "birthday"), "生日快乐",
                      rendered_for=f"member:{m['h']}", at=noon(ago(15)))  # fmt: skip
    act = activities.create(store, ActivityInput(title="拼单", start_date=ago(30)))
    activities.record_attendance(store, act, ago(30), [m["e"]])
    same_as_the_contacts()
    assert run_checks(store) == []


def test_the_migration_fills_the_days_as_the_app_keeps_them(shop):
    """Migration 0042 fills the day bitmaps in its own code: the same as the app kept
    through visits (one undone), notes, attendance and posts copied for one member."""
    import importlib.util
    from pathlib import Path

    from sqdesk.core import contact_days

    store, m = shop
    v = ledger.record_visit(store, m["c"], amount_cents=10_00, at=noon(ago(12)))
    ledger.void_visit(store, v.visit_id, reason="录错了")  # its day goes again
    act = activities.create(store, ActivityInput(title="拼单", start_date=ago(30)))
    activities.record_attendance(store, act, ago(30), [m["f"]])  # F's only contact
    path = (Path(__file__).resolve().parents[2] / "sqdesk" / "core" / "migrations" / "versions"
            / "0042_contact_days.py")  # fmt: skip
    spec = importlib.util.spec_from_file_location("migration_0042", path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    with store.session() as s:
        kept = {(d, k): contact_days.unpack(b) for d, k, b in s.execute(
            contact_days._TABLE.select())}  # fmt: skip
        filled = {key: contact_days.bitmap(ids)
                  for key, ids in migration._sources(s.connection()).items()}  # fmt: skip
    assert len(kept) >= 8 and filled == kept


def _reference_participation(store, first, last, scope=metrics.STORE):
    """Every occurrence's rate, one by one, as the figures are defined (the brute force
    the module avoids)."""
    found = [o for o in activities.occurrences(store, first, last) if not o.checkin]
    ids = metrics.members_of(store, scope, last)
    rated = []
    for i, o in enumerate(found):
        size = metrics._audience(store, o.audience, o.audience_ref, ids, last)
        came = len([a for a in activities.attendees(store, o.activity_id, o.original_date)
                    if ids is None or a in _ids(store, ids)])  # fmt: skip
        if size:
            rated.append((came / size, o.day, i, o.title, came, size))
    if not rated:
        return None
    best = max(rated, key=lambda r: (r[0], r[1], -r[2]))
    worst = min(rated, key=lambda r: (r[0], r[1], r[2]))
    return (len(found), sum(r[0] for r in rated) / len(rated),
            (best[3], best[1], best[4], best[5]), (worst[3], worst[1], worst[4], worst[5]))


def _ids(store, ids):
    with store.read() as s:
        return set(s.scalars(ids))


def test_participation_best_worst_and_mean_match_each_occurrence(any_store):
    """Weekly tastings with 0-3 attendees, a group-only activity nobody came to, and a
    daily check-in (left out): the mean, the best (rate, then latest day) and the worst
    (rate, then earliest day) match the occurrence-by-occurrence definition."""
    store = any_store
    people = [create(store, MemberInput(name=f"会员{i}号", joined_on=ago(200))) for i in range(6)]
    weekly = activities.create(store, ActivityInput(title="周三品鉴🍵", start_date=ago(27),
                                                    rrule="FREQ=WEEKLY"))  # fmt: skip
    group = groups.create_group(store, "试饮小组")
    groups.add_members(store, group, people[:2], joined_on=ago(100))
    activities.create(store, ActivityInput(title="小组试饮", start_date=ago(12),
                                           audience="group", audience_ref=str(group)))
    activities.create(store, ActivityInput(title="每日签到", start_date=ago(60),
                                           rrule="FREQ=DAILY", checkin=True))  # fmt: skip
    days = [o.original_date for o in activities.occurrences(store, FIRST, LAST)
            if o.activity_id == weekly]  # fmt: skip
    assert len(days) == 4
    activities.record_attendance(store, weekly, days[1], people[:3])
    activities.record_attendance(store, weekly, days[3], people[:3])  # a tie: the later wins
    activities.record_attendance(store, weekly, days[2], people[:1])
    for scope in (metrics.STORE, metrics.group_scope(store, "试饮小组")):
        p = metrics.participation(store, FIRST, LAST, scope)
        n, mean, best, worst = _reference_participation(store, FIRST, LAST, scope)
        assert (p.occurrences, p.mean_rate) == (n, pytest.approx(mean))
        assert (p.best.title, p.best.day, p.best.attendees, p.best.audience) == best
        assert (p.worst.title, p.worst.day, p.worst.attendees, p.worst.audience) == worst
    # Shared by several scopes, the calendar gives the same.
    cal = metrics.expand_calendar(store, FIRST, LAST)
    assert metrics.participation(store, FIRST, LAST, calendar=cal) == metrics.participation(
        store, FIRST, LAST)


@pytest.mark.parametrize("seed", range(10))
def test_participation_matches_each_occurrence_with_moves_cancels_and_ties(store, seed):
    """Random calendars, each occurrence's rate worked out one by one: moved into and out
    of the period, cancelled, two occurrences on one day and minute, nobody at some or
    at all, a group's audience. The calendar counts activities' dates, not objects, so
    this holds its order and its lookups to the objects' answer."""
    import random

    rng = random.Random(seed)
    people = [create(store, MemberInput(name=f"会员{i}🌸", joined_on=ago(90))) for i in range(5)]
    group = groups.create_group(store, "周末小组")
    groups.add_members(store, group, people[:2], joined_on=ago(60))
    made = []
    for _ in range(rng.randint(1, 4)):
        rule = rng.choice(["FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=DAILY;INTERVAL=3",
                           ""])  # fmt: skip
        start = ago(rng.randint(0, 40)) if rule else ago(rng.randint(0, 29))
        audience = rng.choice(["everyone", "everyone", "group"])
        made.append(activities.create(store, ActivityInput(
            title=rng.choice(["品鉴会", "读书会🍵"]), start_date=start,
            start_minute=rng.choice([600, 600, 1200]), rrule=rule, audience=audience,
            audience_ref=str(group) if audience == "group" else "")))  # fmt: skip
    for act in made:
        days = [o.original_date for o in activities.occurrences(store, ago(45), LAST)
                if o.activity_id == act]  # fmt: skip
        for d in rng.sample(days, min(len(days), 3)):
            what = rng.random()
            if what < 0.3:
                activities.cancel_occurrence(store, act, d)
            elif what < 0.7:
                new_day = rng.choice([ago(rng.randint(0, 29)), ago(rng.randint(30, 40))])
                activities.move_occurrence(store, act, d, new_day, rng.choice([None, 600]))
        for o in activities.occurrences(store, ago(45), LAST, activity_ids=[act]):
            if rng.random() < 0.4:
                activities.record_attendance(store, act, o.original_date,
                                             rng.sample(people, rng.randint(1, 3)))
    for scope in (metrics.STORE, metrics.group_scope(store, "周末小组")):
        p = metrics.participation(store, FIRST, LAST, scope)
        reference = _reference_participation(store, FIRST, LAST, scope)
        if reference is None:
            assert p.mean_rate is None
            continue
        n, mean, best, worst = reference
        assert (p.occurrences, p.mean_rate) == (n, pytest.approx(mean))
        assert (p.best.title, p.best.day, p.best.attendees, p.best.audience) == best
        assert (p.worst.title, p.worst.day, p.worst.attendees, p.worst.audience) == worst


@pytest.mark.parametrize("seed", range(4))
def test_the_latest_contact_shortcut_changes_no_class(any_store, seed):
    """A member who did not come and has no contact since the period began is counted not
    seen from their latest contact (sqdesk.core.last_contact) without asking the contacts:
    visitors, repeat visitors and active members as counted by hand from every row, for
    random shops and contacts on the period's edges (a note at its first moment, a copy a
    moment before, an activity on its first day and on the day before)."""
    import random

    store = any_store
    rng = random.Random(seed)
    people = [create(store, MemberInput(name=rng.choice(["王芳", "李雷🍵", "Lily", "欧阳娜娜"]),
                                        joined_on=ago(rng.randint(60, 200))))
              for _ in range(16)]  # fmt: skip
    act = activities.create(store, ActivityInput(title="品鉴会", start_date=ago(80),
                                                 rrule="FREQ=DAILY"))  # fmt: skip
    greeting = posts.find(store, "birthday")
    periods = [(FIRST, LAST), (ago(59), ago(30)), (ago(45), ago(45)), (ago(10), T)]
    for m in people:
        first, _last = rng.choice(periods)
        edge = metrics.start_of(first)
        what = rng.randrange(6)
        if what == 0:
            notes.add(store, m, "门口聊了两句，说喜欢少糖", at=edge)
        elif what == 1:
            posts.record_copy(store, greeting, "生日快乐🎂", rendered_for=f"member:{m}",
                              at=edge - timedelta(microseconds=1))  # fmt: skip
        elif what in (2, 3):
            day = first - timedelta(days=what - 2)  # the first day, or the day before
            activities.record_attendance(store, act, day, [m])
        for _ in range(rng.randint(0, 3)):
            v = ledger.record_visit(store, m, amount_cents=rng.randint(1, 90) * 100,
                                    at=min(noon(ago(rng.randint(0, 59))), datetime.now(UTC)))
            if rng.random() < 0.2:
                ledger.void_visit(store, v.visit_id, reason="录错了")
    for first, last in periods:
        lo, hi = metrics.start_of(first), metrics.start_of(last + timedelta(days=1))
        with store.read() as s:
            _n, visitors, repeaters, _spend, active = metrics._visit_figures(
                s, lo, hi, first, last, None)
        assert (visitors, repeaters, active) == _classes_by_hand(store, first, last), first


def _classes_by_hand(store, first: date, last: date) -> tuple[int, int, int]:
    """(visitors, repeat visitors, active members) from every row, in Python."""
    from sqlalchemy import select

    from sqdesk.core.models import Attendance, Note, PostCopy, Visit

    lo, hi = metrics.start_of(first), metrics.start_of(last + timedelta(days=1))
    with store.read() as s:
        visits = [m for m, at, voided in s.execute(select(Visit.member_id, Visit.at, Visit.voided))
                  if not voided and lo <= at < hi]  # fmt: skip
        others = {m for m, at in s.execute(select(Note.member_id, Note.at)) if lo <= at < hi}
        others |= {int(r.removeprefix("member:")) for r, at in s.execute(
            select(PostCopy.rendered_for, PostCopy.copied_at))
            if r.startswith("member:") and lo <= at < hi}  # fmt: skip
        others |= {m for m, d in s.execute(select(Attendance.member_id,
                                                  Attendance.occurrence_date))
                   if first <= d <= last}  # fmt: skip
        on_books = {m for m, joined, gone in s.execute(
            select(Member.id, Member.joined_on, Member.archived_at))
            if joined <= last and (gone is None or gone >= hi)}  # fmt: skip
    per = {m: visits.count(m) for m in set(visits)}
    return (len(per), sum(1 for n in per.values() if n >= 2),
            len(on_books & (set(per) | others)))  # fmt: skip
