"""The core on PostgreSQL as on SQLite: migrations, members, search, import, merge."""

import csv
from datetime import date

from sqlalchemy import text

from sqdesk.core import member_import, members
from sqdesk.core.check import run_checks
from sqdesk.core.demo import fill_demo_store
from sqdesk.core.duplicates import find_duplicates, merge
from sqdesk.core.member_edit import MemberInput, change, create
from sqdesk.core.migrate import head_revision
from sqdesk.core.store import Store


def test_migrated_and_reopened(any_store):
    assert any_store.revision() == head_revision()
    again = Store.open(any_store.engine.url.render_as_string(hide_password=False)
                       if not any_store.is_sqlite else any_store.path)  # fmt: skip
    assert again.revision() == head_revision()
    again.close()


def test_members_and_search(any_store):
    mid = create(any_store, MemberInput(name="曾乐", nickname="Lily🌸", mobile="13800138000",
                                        birthday=date(1990, 1, 2)))  # fmt: skip
    create(any_store, MemberInput(name="张三", mobile="13900139000"))
    for q in ("zengyue", "zl", "lily", "🌸", "8000", "曾"):
        assert members.ordered_ids(any_store, search_text=q) == [mid], q
    change(any_store, mid, MemberInput(name="曾小乐", mobile="13800138000"))
    assert members.detail(any_store, mid).name == "曾小乐"
    assert members.ordered_ids(any_store, search_text="zengyue") == []
    assert members.ordered_ids(any_store, search_text="zxl") == [mid]
    assert run_checks(any_store) == []


def test_demo_then_create_continues_ids_and_codes(any_store):
    fill_demo_store(any_store, members=200, seed=3, today=date(2026, 11, 25))
    mid = create(any_store, MemberInput(name="新会员"))
    assert mid > 200
    assert members.ordered_ids(any_store)[0] == mid
    assert run_checks(any_store) == []


def test_import_then_merge(any_store, tmp_path):
    path = tmp_path / "m.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([["姓名", "手机号", "生日"], ["李四", "13700137000", "1990-01-02"],
                                  ["李四", "", "1990-01-02"]])  # fmt: skip
    plan = member_import.prepare(any_store, path)
    assert member_import.commit(any_store, plan) == (2, 0)
    create(any_store, MemberInput(name="王五"))  # ids continue after the import's
    (group,) = find_duplicates(any_store)
    keep, other = group.member_ids
    merge(any_store, survivor_id=keep, merged_id=other)
    assert members.detail(any_store, other) is None
    with any_store.read() as s:
        assert s.execute(text("SELECT count(*) FROM member")).scalar() == 2


def test_points_tags_and_segments(any_store):
    from datetime import date

    from sqdesk.core import ledger, segments, tags
    from sqdesk.core.check import run_checks

    big = create(any_store, MemberInput(name="大单", birthday=date(1990, 11, 2)))
    small = create(any_store, MemberInput(name="小单"))
    ledger.record_visit(any_store, big, amount_cents=600000)
    ledger.record_visit(any_store, small, amount_cents=1000)
    ledger.expire(any_store)
    assert segments.members_of(any_store, "high_value") == [big]
    assert set(segments.members_of(any_store, "new")) == {big, small}
    group = tags.create_group(any_store, "行为")
    tea = tags.create_tag(any_store, group, "爱喝茶")
    assert tags.add_tag(any_store, [big, small], tea) == 2
    assert tags.list_tags(any_store)[0].members == 2
    assert run_checks(any_store) == []


def test_wechat_groups(any_store):
    from datetime import timedelta

    from sqdesk.core import filters, groups, segments

    today = date.today()
    ids = [create(any_store, MemberInput(name=f"群友{i}")) for i in range(3)]
    vip = groups.create_group(any_store, "VIP群", kind="vip", capacity=3)
    groups.add_members(any_store, vip, ids, joined_on=today)
    # leaving "yesterday" on a same-day join closes the stay on the join day
    assert groups.leave(any_store, vip, [ids[0]], left_on=today - timedelta(days=1)) == 1
    assert groups.stays(any_store, member_id=ids[0])[0].left_on == today
    assert set(filters.member_ids(any_store, {"field": "group", "kind": "vip"})) == set(ids[1:])
    assert set(filters.member_ids(any_store, segments.vip_no_longer(any_store))) == set(ids[1:])
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\x00\x00\x10" * 2 + b"\x08\x02"
    groups.set_qr(any_store, vip, png)
    assert groups.qr_image(any_store, vip) == png
    assert run_checks(any_store) == []


def test_calendar_attendance_and_posts(any_store):
    from datetime import timedelta

    from sqdesk.core import activities, festivals, post_values, posts
    from sqdesk.core.activities import ActivityInput
    from sqdesk.core.post_render import render

    today = date.today()
    leap_day = (today.month, today.day) == (2, 29)
    born = None if leap_day else today.replace(year=1990)
    mid = create(any_store, MemberInput(name="王芳", birthday=born))
    aid = activities.create(any_store, ActivityInput("签到", today, 540, rrule="FREQ=DAILY",
                                                     checkin=True, points=2))  # fmt: skip
    activities.record_attendance(any_store, aid, today, [mid])
    assert activities.record_attendance(any_store, aid, today, [mid]).added == 0
    assert len(activities.occurrences(any_store, today, today + timedelta(days=6))) == 7
    if not leap_day:
        assert festivals.birthday_counts(any_store, today, today) == {today: 1}
    t = posts.find(any_store, "birthday")
    text = render(t.body, post_values.values_for(any_store, member_id=mid))
    posts.record_copy(any_store, t, text, rendered_for=f"member:{mid}", label="王芳")
    assert [c.label for c in posts.copies_on(any_store)] == ["王芳"]
    assert run_checks(any_store) == []


def test_bulk_values_phase_links_and_runs(any_store):
    from sqdesk.core import activities, ledger, post_runs, post_today, posts
    from sqdesk.core.activities import ActivityInput

    today = date.today()
    ids = [create(any_store, MemberInput(name=f"会员{i}", favourites="桂花乌龙")) for i in range(3)]
    ledger.record_visit(any_store, ids[0], amount_cents=2500)
    report = posts.find(any_store, "yearly_report")
    texts = dict(posts.render_for_members(any_store, report, ids))
    assert "最爱的是桂花乌龙" in texts[ids[0]] and "来了 1 次" in texts[ids[0]]
    a = activities.create(any_store, ActivityInput("品鉴会", today, warmup_days=0, signup="接龙"))
    posts.link_phase(any_store, a, "reminder", posts.find(any_store, "member_day").id)
    kinds = {d.kind: d.template.key for d in post_today.due(any_store, today)}
    assert kinds["reminder"] == "member_day"
    run_id = post_runs.start(any_store, posts.find(any_store, "birthday"), ids, title="测试")
    post_runs.mark(any_store, run_id, 0, post_runs.COPIED, text="生日快乐")
    (info,) = post_runs.runs(any_store)
    assert (info.copied, info.skipped, info.total) == (1, 0, 3)
    post_runs.discard(any_store, run_id)
    assert run_checks(any_store) == []
