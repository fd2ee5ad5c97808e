"""Lucky draws (issue 16.4): fair and replayable (the same pool and seed give the same
winners), a member wins once per draw, recent winners can be left out, the prize is paid
once on confirming; refusals for an empty pool or too many winners; the CLI's contract."""

import json
from datetime import date, timedelta

import pytest

from sqdesk import cli
from sqdesk.core import activities, coupons, draws, ledger, members
from sqdesk.core.activities import ActivityInput
from sqdesk.core.draws import DrawError
from sqdesk.core.member_edit import MemberInput, create, set_archived

TODAY = date.today()


@pytest.fixture(autouse=True)
def _todays_dates():
    """Each test reads the date when it starts: a run that crosses midnight would otherwise
    build its store on one day and ask the app about the next."""
    global TODAY
    TODAY = date.today()


@pytest.fixture
def pool(any_store):
    ids = [create(any_store, MemberInput(name=f"会员{i}", joined_on=TODAY - timedelta(days=5)))
           for i in range(12)]  # fmt: skip
    return any_store, ids


def test_the_same_pool_and_seed_give_the_same_winners_in_any_order():
    assert draws.pick([5, 3, 9, 1, 7], 3, seed=2026) == draws.pick([9, 7, 5, 3, 1, 5], 3,
                                                                    seed=2026)  # fmt: skip
    picked = draws.pick(range(1, 101), 10, seed=7)
    assert len(set(picked)) == 10 and set(picked) <= set(range(1, 101))
    assert draws.pick(range(1, 101), 10, seed=8) != picked


@pytest.mark.parametrize(("pool_", "n", "code"), [([], 1, "empty_pool"), ([1, 2], 3, "too_many"),
                                                  ([1, 2], 0, "too_many")])  # fmt: skip
def test_an_empty_pool_or_too_many_winners_is_refused(pool_, n, code):
    with pytest.raises(DrawError) as caught:
        draws.pick(pool_, n, seed=1)
    assert caught.value.code == code


def test_a_draw_is_recorded_archived_members_and_recent_winners_left_out(pool):
    store, ids = pool
    set_archived(store, [ids[0]], True)
    first = draws.draw(store, ids, 3, seed=11, title="粉丝节抽奖", pool_name="test")
    assert first.pool_size == 11 and ids[0] not in [w.member_id for w in first.winners]
    again = draws.get(store, first.id)
    assert [w.member_id for w in again.winners] == [w.member_id for w in first.winners]
    second = draws.draw(store, ids, 8, seed=12, exclude_recent_days=30)
    assert second.pool_size == 8  # the three who just won are left out
    assert not {w.member_id for w in first.winners} & {w.member_id for w in second.winners}


def test_the_prize_is_paid_once_on_confirming(pool):
    store, ids = pool
    win_back = coupons.find_type(store, "win_back")
    d = draws.draw(store, ids, 2, seed=3, title="周末抽奖", prize_points=50,
                   prize_coupon_type_id=win_back.id)  # fmt: skip
    assert all(ledger.balance(store, w.member_id) == 0 for w in d.winners)  # not yet
    assert draws.pay(store, d.id) == 2
    for w in d.winners:
        assert ledger.balance(store, w.member_id) == 50
        assert [c.type_name for c in coupons.for_member(store, w.member_id)] == [win_back.name]
    with pytest.raises(DrawError):
        draws.pay(store, d.id)
    post = draws.result_post(draws.get(store, d.id), "茶语时光")
    assert "恭喜以下会员在「周末抽奖」中奖" in post and str(d.seed) in post
    assert d.winners[0].name in post and "茶语时光" in post


def test_cli_draw_from_an_activitys_attendees_replays_with_the_seed(tmp_path, capsys):
    from sqdesk.core.store import Store

    db = str(tmp_path / "d.sqdesk")
    with Store.open(db) as store:
        ids = [create(store, MemberInput(name=f"粉丝{i}", joined_on=TODAY - timedelta(days=5)))
               for i in range(6)]  # fmt: skip
        aid = activities.create(store, ActivityInput("粉丝节", TODAY))
        activities.record_attendance(store, aid, TODAY, ids[:5])
        codes = {members.detail(store, i).code for i in ids[:5]}

    def run(*argv):
        rc = cli.main(["--db", db, *argv])
        return rc, capsys.readouterr()

    args = ["draw", "--activity", str(aid), "--date", TODAY.isoformat(), "--winners", "2",
            "--seed", "99", "--json"]  # fmt: skip
    rc, out = run(*args)
    first = json.loads(out.out)
    assert rc == 0 and first["seed"] == 99 and len(first["winners"]) == 2
    assert {w["member_code"] for w in first["winners"]} <= codes  # attendees only
    assert json.loads(run(*args)[1].out) == first  # the same pool and seed
    assert run("draw", "--activity", str(aid), "--date", TODAY.isoformat(),
               "--winners", "9")[0] == 1  # more winners than the pool
    assert run("draw", "--segment", "new", "--winners", "1", "--json")[0] == 0
    assert run("draw", "--segment", "没有", "--winners", "1")[0] == 1
