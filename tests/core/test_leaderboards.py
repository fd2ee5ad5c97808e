"""Leaderboards (issue 16.5): a month's points earned, the longest check-in streak,
referrals and activities; ties share a rank; members who asked are left off; the post shows
the top ten by nickname or name; the CLI's contract."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from sqdesk import cli
from sqdesk.core import activities, leaderboards, ledger, members
from sqdesk.core.activities import ActivityInput
from sqdesk.core.leaderboards import BoardError
from sqdesk.core.member_edit import MemberInput, create

FIRST = date.today().replace(day=1)


@pytest.fixture(autouse=True)
def _todays_dates():
    """Each test reads the date when it starts: a run that crosses midnight would otherwise
    build its store on one day and ask the app about the next."""
    global FIRST
    FIRST = date.today().replace(day=1)


@pytest.fixture
def shop(any_store):
    joined = FIRST - timedelta(days=60)
    ids = {n: create(any_store, MemberInput(name=n, nickname=f"{n}🌸", joined_on=joined))
           for n in ("张诗芳", "李伟", "王芳")}  # fmt: skip
    return any_store, ids


def test_points_earned_this_month_with_ties_sharing_a_rank(shop):
    store, ids = shop
    # Noon on the 1st, or a moment ago when that is still to come (the suite runs on the
    # 1st before noon too): in this month, never in the future.
    start = datetime.combine(FIRST, datetime.min.time()).astimezone(UTC)
    noon = start + timedelta(hours=12)
    at = max(start + timedelta(seconds=1), min(noon, datetime.now(UTC) - timedelta(seconds=1)))
    for name, cents in (("张诗芳", 5000), ("李伟", 5000), ("王芳", 2000)):
        ledger.record_visit(store, ids[name], amount_cents=cents, at=at)
    rows = leaderboards.board(store, "points", month=FIRST)
    # A tie shares the rank and is in code order (张诗芳 joined the roster first).
    assert [(r.rank, r.name) for r in rows] == [(1, "张诗芳"), (1, "李伟"), (3, "王芳")]
    assert rows[0].value == rows[1].value > rows[2].value
    leaderboards.set_hidden(store, ids["李伟"], True)
    assert "李伟" not in [r.name for r in leaderboards.board(store, "points", month=FIRST)]
    last_month = (FIRST - timedelta(days=1)).replace(day=1)
    assert leaderboards.board(store, "points", month=last_month) == []


def test_the_longest_check_in_streak_referrals_and_activities(shop):
    store, ids = shop
    for d in (0, 1, 2, 4):
        ledger.record_checkin(store, ids["王芳"], FIRST + timedelta(days=d))
    ledger.record_checkin(store, ids["李伟"], FIRST)
    assert [(r.name, r.value) for r in leaderboards.board(store, "checkins", month=FIRST)] == [
        ("王芳", 3), ("李伟", 1)]
    create(store, MemberInput(name="新朋友", joined_on=FIRST, referrer_id=ids["张诗芳"]))
    assert [(r.name, r.value) for r in leaderboards.board(store, "referrals", month=FIRST)] == [
        ("张诗芳", 1)]
    aid = activities.create(store, ActivityInput("读书会", FIRST))
    activities.record_attendance(store, aid, FIRST, [ids["李伟"]])
    assert [r.name for r in leaderboards.board(store, "attendance", month=FIRST)] == ["李伟"]


def test_the_post_shows_nicknames_and_units():
    rows = [leaderboards.Row(1, 1, "1000028", "张诗芳", "芳芳🌸", 320),
            leaderboards.Row(2, 2, "1000031", "李伟", "", 120)]  # fmt: skip
    text = leaderboards.post_text(rows, "points", FIRST)
    assert f"{FIRST.month}月积分榜" in text and "🥇 芳芳🌸  320分" in text and "🥈 李伟" in text
    assert "🥇 张诗芳" in leaderboards.post_text(rows, "points", FIRST, show="name")


def test_bad_boards_and_months_are_refused(store):
    with pytest.raises(BoardError):
        leaderboards.board(store, "likes")
    with pytest.raises(BoardError):
        leaderboards.month_of("2026-13")
    assert leaderboards.month_of("2026-02") == date(2026, 2, 1)


def test_cli_leaderboard_json(tmp_path, capsys):
    from sqdesk.core.store import Store

    db = str(tmp_path / "b.sqdesk")
    with Store.open(db) as store:
        mid = create(store, MemberInput(name="王芳", joined_on=FIRST - timedelta(days=3)))
        ledger.record_checkin(store, mid, FIRST)
        code = members.detail(store, mid).code
    assert cli.main(["--db", db, "leaderboard", "--by", "checkins", "--month",
                     f"{FIRST:%Y-%m}", "--json"]) == 0  # fmt: skip
    (row,) = json.loads(capsys.readouterr().out)
    assert row == {"rank": 1, "member_code": code, "name": "王芳", "nickname": "", "value": 1}
    assert cli.main(["--db", db, "leaderboard", "--by", "likes"]) == 1
