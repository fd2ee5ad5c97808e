"""The losing-touch queue (issue 14.5): any contact takes a member off it at once."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from sqdesk import cli
from sqdesk.core import activities, contacts, ledger, members, notes, posts
from sqdesk.core.activities import ActivityInput
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.store import Store

NOW = datetime.now(UTC)
LONG_AGO = date.today() - timedelta(days=400)


@pytest.fixture(autouse=True)
def _todays_dates():
    """Each test reads the date when it starts: a run that crosses midnight would otherwise
    build its store on one day and ask the app about the next."""
    global NOW, LONG_AGO
    NOW = datetime.now(UTC)
    LONG_AGO = date.today() - timedelta(days=400)


def _quiet(store, name, spend_cents=0, visit_days_ago=None):
    mid = create(store, MemberInput(name=name, joined_on=LONG_AGO))
    if visit_days_ago is not None:
        ledger.record_visit(store, mid, amount_cents=spend_cents or 1000,
                            at=NOW - timedelta(days=visit_days_ago))  # fmt: skip
    return mid


def test_any_contact_takes_a_member_off_the_queue(any_store):
    store = any_store
    big = _quiet(store, "大客户", 90_000, visit_days_ago=120)
    small = _quiet(store, "小客户", 2_000, visit_days_ago=100)
    never = _quiet(store, "从没来过")
    fresh = create(store, MemberInput(name="新会员", joined_on=date.today() - timedelta(days=3)))
    active = _quiet(store, "常客", 3_000, visit_days_ago=5)
    queue = contacts.losing_touch(store, days=90)
    assert [m.member_id for m in queue] == [big, small, never]  # by spend, then the rest
    assert queue[0].days_since in (119, 120, 121) and queue[2].last_contact is None
    assert fresh not in {m.member_id for m in queue} and active not in {m.member_id for m in queue}
    # A note, an attendance and a post copied one by one each count as contact.
    notes.add(store, big, "打电话问候了")
    aid = activities.create(store, ActivityInput("茶话会", date.today() - timedelta(days=1)))
    activities.record_attendance(store, aid, date.today() - timedelta(days=1), [small])
    t = posts.find(store, "好久不见（沉睡唤醒）")
    posts.record_copy(store, t, "👋 好久不见", rendered_for=f"member:{never}", label="从没来过")
    assert contacts.losing_touch(store, days=90) == []
    assert {m.member_id for m in contacts.losing_touch(store, days=0)} >= {big, small, never}


def test_the_default_is_the_dormant_threshold(store):
    mid = _quiet(store, "沉睡", visit_days_ago=95)
    assert [m.member_id for m in contacts.losing_touch(store)] == [mid]  # 90 days by default
    assert contacts.losing_touch(store, days=100) == []


def test_cli_losing_touch_json(tmp_path, capsys):
    db = str(tmp_path / "c.sqdesk")
    with Store.open(db) as store:
        mid = _quiet(store, "沉睡", visit_days_ago=95)
        code = members.detail(store, mid).code
        _quiet(store, "常客", visit_days_ago=3)
    assert cli.main(["--db", db, "losing-touch", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["member_code"] == code and set(row) == {"member_code", "name", "last_contact",
                                                       "days_since"}  # fmt: skip
    assert cli.main(["--db", db, "losing-touch", "--days", "200", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_each_layer_has_its_own_window_from_the_thresholds_or_the_settings(store):
    from sqdesk.core import shop_settings

    core = _quiet(store, "核心", 250_000, visit_days_ago=40)  # ¥2,500 in 12 months: core
    regular = _quiet(store, "普通", 3_000, visit_days_ago=40)
    quiet = _quiet(store, "安静", 3_000, visit_days_ago=370)  # nothing in 12 months
    assert contacts.windows(store) == contacts.Windows(core=30, regular=90, quiet=365)
    queue = contacts.losing_touch(store)
    assert [(m.member_id, m.layer) for m in queue] == [(core, "core"), (quiet, "quiet")]
    assert regular not in {m.member_id for m in queue}
    shop_settings.save(store, {"contact.core_days": 60, "contact.quiet_days": 400})
    assert contacts.windows(store) == contacts.Windows(core=60, regular=90, quiet=400)
    assert contacts.losing_touch(store) == []
    shop_settings.save(store, {"segments.dormant_days": 30})  # regulars follow the threshold
    assert [m.member_id for m in contacts.losing_touch(store)] == [regular]


def test_the_latest_contact_is_kept_through_every_change(any_store):
    """The queue reads each member's latest contact from a table kept on write: a backdated
    visit leaves it where it is, undoing the latest visit takes it back to the one before,
    an activity counts on its day; `check` compares the table with the contacts."""
    from sqdesk.core.check import run_checks

    store = any_store
    mid = _quiet(store, "回头客😊", 5_000, visit_days_ago=60)
    (row,) = contacts.losing_touch(store, days=30)
    assert row.member_id == mid and row.days_since in (59, 60, 61)
    recent = ledger.record_visit(store, mid, amount_cents=1_000, at=NOW - timedelta(days=2))
    assert contacts.losing_touch(store, days=30) == []
    ledger.record_visit(store, mid, amount_cents=1_000, at=NOW - timedelta(days=45))
    assert contacts.losing_touch(store, days=30) == []
    ledger.void_visit(store, recent.visit_id, reason="录错了，不是他")
    (row,) = contacts.losing_touch(store, days=30)
    assert row.days_since in (44, 45, 46)
    day = date.today() - timedelta(days=35)
    aid = activities.create(store, ActivityInput("读书会：《红楼梦》", day))
    activities.record_attendance(store, aid, day, [mid])
    (row,) = contacts.losing_touch(store, days=30)
    assert row.days_since == 35 and row.last_contact.astimezone().date() == day
    assert contacts.count_losing_touch(store, days=30) == 1
    assert run_checks(store) == []


def test_check_finds_a_latest_contact_that_disagrees_with_the_contacts(store):
    from sqlalchemy import update

    from sqdesk.core.check import run_checks
    from sqdesk.core.models import LastContact

    mid = _quiet(store, "被改过", visit_days_ago=60)
    contacts.losing_touch(store, days=30)
    with store.session() as s:
        s.execute(update(LastContact).where(LastContact.member_id == mid).values(at=NOW))
    assert contacts.losing_touch(store, days=30) == []  # the queue trusts the table
    problems = run_checks(store)
    assert [p.check for p in problems] == ["latest contacts"]
    assert f"member {mid}" in problems[0].detail


def test_the_migration_fills_the_latest_contacts_as_the_app_keeps_them(any_store):
    """Migration 0039 fills the table in its own SQL: the same rows as the app kept through
    visits (one undone), notes, an activity and a post copied for one member."""
    import importlib.util
    from pathlib import Path

    from sqlalchemy import delete, select, text

    from sqdesk.core.models import LastContact

    store = any_store
    came = _quiet(store, "来过两次", 3_000, visit_days_ago=40)
    v = ledger.record_visit(store, came, amount_cents=1_000, at=NOW - timedelta(days=3))
    ledger.void_visit(store, v.visit_id, reason="录错了")
    wrote = _quiet(store, "留言的", visit_days_ago=200)
    notes.add(store, wrote, "说想要新品试喝🍵", at=NOW - timedelta(days=7))
    joined = _quiet(store, "参加活动")
    day = date.today() - timedelta(days=12)
    aid = activities.create(store, ActivityInput("品鉴会", day))
    activities.record_attendance(store, aid, day, [joined])
    copied = _quiet(store, "收到消息")
    t = posts.find(store, "好久不见（沉睡唤醒）")
    posts.record_copy(store, t, "👋", rendered_for=f"member:{copied}", label="收到消息",
                      at=NOW - timedelta(days=20))  # fmt: skip
    _quiet(store, "从没来过")
    path = (Path(__file__).resolve().parents[2] / "sqdesk" / "core" / "migrations" / "versions"
            / "0039_last_contact.py")  # fmt: skip
    spec = importlib.util.spec_from_file_location("migration_0039", path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    rows = select(LastContact.member_id, LastContact.at).order_by(LastContact.member_id)
    with store.session() as s:
        kept = s.execute(rows).all()
        s.execute(delete(LastContact))
        s.execute(text(migration.fill_statement(s.get_bind().dialect.name)))
        filled = s.execute(rows).all()
    assert [m for m, _at in kept] == [came, wrote, joined, copied]
    assert filled == kept


def test_a_member_with_no_latest_contact_first_in_the_queue(any_store):
    """A member with no latest contact kept (None) may come first, the highest spend: the
    rows after it are still read as their database keeps moments (on PostgreSQL, aware
    datetimes; on SQLite, microseconds)."""
    from sqlalchemy import delete

    from sqdesk.core.models import LastContact

    store = any_store
    first = _quiet(store, "王芳🌸", 90_000, visit_days_ago=60)
    second = _quiet(store, "Lily（莉莉）", 1_000, visit_days_ago=200)
    with store.session() as s:
        s.execute(delete(LastContact).where(LastContact.member_id == first))
    found = contacts.losing_touch(store, days=30)
    assert [m.member_id for m in found] == [first, second]
    assert found[0].last_contact is None and found[0].days_since is None
    assert found[1].last_contact is not None and found[1].days_since >= 30
    assert found[1].last_contact.tzinfo is not None
