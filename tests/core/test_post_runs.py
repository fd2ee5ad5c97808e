from datetime import timedelta

import pytest

from sqdesk.core import members, post_runs, posts
from sqdesk.core.member_edit import MemberInput, create, delete_archived, set_archived
from sqdesk.core.posts import PostError


def _people(store, n):
    return [create(store, MemberInput(name=f"生日会员{i}🎂")) for i in range(n)]


def test_copy_and_next_stop_and_resume(store):
    ids = _people(store, 4)
    birthday = posts.find(store, "birthday")
    run_id = post_runs.start(store, birthday, [ids[2], *ids, ids[0]], title="本周 生日")
    steps = post_runs.steps(store, run_id)
    assert [st.member_id for st in steps] == [ids[2], ids[0], ids[1], ids[3]]
    assert post_runs.resume_position(steps) == 0
    assert not post_runs.mark(
        store, run_id, 0, post_runs.COPIED, text="生日快乐", label="生日会员2🎂"
    )
    assert not post_runs.mark(store, run_id, 1, post_runs.SKIPPED)
    # Stopped here: the run remembers where it got to.
    (info,) = post_runs.runs(store)
    assert (info.title, info.total, info.copied, info.skipped) == ("本周 生日", 4, 1, 1)
    assert post_runs.resume_position(post_runs.steps(store, run_id)) == 2
    # The same list started again carries on with this run rather than starting over.
    assert post_runs.start(store, birthday, [ids[2], *ids], title="本周 生日") == run_id
    assert post_runs.start(store, birthday, ids, title="本周 生日") != run_id  # other order
    copies = posts.copies_on(store)
    assert [(c.template_name, c.rendered_for, c.text) for c in copies] == [
        ("生日祝福", f"member:{ids[2]}", "生日快乐")
    ]
    post_runs.discard(store, post_runs.runs(store)[0].id)
    post_runs.mark(store, run_id, 2, post_runs.COPIED, text="x")
    assert post_runs.mark(store, run_id, 3, post_runs.COPIED, text="y")  # finished
    assert post_runs.runs(store) == []
    assert post_runs.run(store, run_id).finished_at is not None
    post_runs.reopen(store, run_id)  # go back for the skipped one
    assert post_runs.resume_position(post_runs.steps(store, run_id)) == 1
    post_runs.discard(store, run_id)
    assert post_runs.run(store, run_id) is None
    assert len(posts.copies_on(store)) == 3  # the history stays


def test_runs_refuse_bad_input_and_survive_deleted_members(store):
    ids = _people(store, 3)
    with pytest.raises(PostError) as err:
        post_runs.start(store, posts.find(store, "birthday"), [])
    assert err.value.code == "no_members"
    with pytest.raises(PostError) as err:
        post_runs.start(store, posts.find(store, "morning"), ids)
    assert err.value.code == "not_personal"
    with pytest.raises(PostError) as err:
        post_runs.start(store, posts.find(store, "birthday"), list(range(1, 5_002)))
    assert err.value.code == "too_many"
    run_id = post_runs.start(store, posts.find(store, "reactivation"), ids)
    with pytest.raises(PostError):
        post_runs.mark(store, run_id, 0, "maybe")
    set_archived(store, [ids[1]], True)
    delete_archived(store, [ids[1]])
    assert [st.member_id for st in post_runs.steps(store, run_id)] == [ids[0], ids[2]]
    assert members.count(store) == 2


def test_members_for_birthdays_this_week_vip_and_segments(store):
    from datetime import date, timedelta

    today = date(2026, 11, 25)  # a Wednesday
    sunday = create(store, MemberInput(name="周日寿星", birthday=date(1990, 11, 29)))
    wednesday = create(store, MemberInput(name="今天寿星", birthday=date(1991, 11, 25)))
    create(store, MemberInput(name="下周寿星", birthday=date(1992, 11, 30)))
    assert post_runs.members_for(store, "birthdays_week", today=today) == [wednesday, sunday]
    old = create(store, MemberInput(name="老会员", joined_on=today - timedelta(days=400)))
    assert old in post_runs.members_for(store, "segment:dormant", today=today)
    assert post_runs.members_for(store, "vip_invites", today=today) == []
    with pytest.raises(PostError):
        post_runs.members_for(store, "segment:没有这个分组", today=today)


def test_posts_due_today(store):
    from datetime import date

    from sqdesk.core import activities, post_today
    from sqdesk.core.activities import ActivityInput

    day = date(2026, 12, 12)
    campaign = activities.create(store, ActivityInput("双十二", day, warmup_days=3))
    weekly = activities.create(store, ActivityInput("品鉴会", day, rrule="FREQ=WEEKLY"))
    activities.create(store, ActivityInput("签到", day, category="daily", rrule="FREQ=DAILY"))
    due = post_today.due(store, day)
    assert [(d.kind, d.occurrence and d.occurrence.activity_id) for d in due] == [
        ("morning", None),
        ("reminder", campaign),
        ("reminder", weekly),
    ]
    warm = post_today.due(store, date(2026, 12, 9))
    assert [(d.kind, d.template.key) for d in warm] == [
        ("morning", "morning"),
        ("warmup", "warmup"),
    ]
    assert warm[1].target == f"occurrence:{campaign}:2026-12-12"
    activities.tick_phase(store, campaign, day, "recap", True)
    (recap,) = [d for d in post_today.due(store, date(2026, 12, 13)) if d.kind == "recap"]
    assert recap.done


def test_a_run_carries_a_coupon_issued_once_as_each_message_is_copied(any_store):
    """The preview lists the coupon before it exists; copying issues it (once, however often
    the step is revisited); a skipped member gets none; one who holds enough gets none and
    the run goes on; a type switched off is refused when chosen."""
    from datetime import date

    from sqdesk.core import coupons, post_values
    from sqdesk.core.post_render import render

    store = any_store
    ids = _people(store, 3)
    t, _w = coupons.add_type(store, "好久不见 满30减5", "amount_off", 500,
                             min_spend_cents=3000, valid_days=10)  # fmt: skip
    coupons.issue(store, ids[2], t.id)  # holds the most (1) already
    template_id = posts.add_template(store, "回来坐坐", "{{ 称呼 }}，送您{{ 优惠券 }}",
                                     audience="member")  # fmt: skip
    template = next(x for x in posts.list_templates(store) if x.id == template_id)
    run_id = post_runs.start(store, template, ids)
    assert post_runs.planned_coupon(store, run_id, 0) is None  # no coupon chosen yet
    post_runs.set_coupon(store, run_id, t.id)
    assert post_runs.run(store, run_id).coupon_type_id == t.id

    planned = post_runs.planned_coupon(store, run_id, 0)
    today = date.today()
    assert (planned.name, planned.last_day, planned.refusal) == (
        t.name, today + timedelta(days=9), None)
    preview = render(template.body, post_values.values_for(
        store, member_id=ids[0], today=today, planned_coupon=(planned.last_day, planned.name)))
    assert preview.endswith(f"送您{t.name}（{(today + timedelta(days=9)).month}月"
                            f"{(today + timedelta(days=9)).day}日前有效）")
    assert coupons.for_member(store, ids[0]) == []  # only previewed: nothing issued

    first = post_runs.give_coupon(store, run_id, 0)
    assert post_runs.give_coupon(store, run_id, 0) == first  # the step keeps it: issued once
    (held,) = coupons.for_member(store, ids[0])
    assert (held.id, held.type_id) == (first, t.id)
    after = render(template.body, post_values.values_for(store, member_id=ids[0], today=today))
    assert after == preview  # what was previewed is what is copied
    assert post_runs.planned_coupon(store, run_id, 0) is None  # given already
    post_runs.mark(store, run_id, 0, post_runs.COPIED, text=after)
    assert post_runs.steps(store, run_id)[0].coupon_id == first

    post_runs.mark(store, run_id, 1, post_runs.SKIPPED)  # skipped: no coupon
    assert coupons.for_member(store, ids[1]) == []
    refused = post_runs.planned_coupon(store, run_id, 2)
    assert refused.refusal.code == "holds_enough"
    with pytest.raises(coupons.CouponError):
        post_runs.give_coupon(store, run_id, 2)
    assert len(coupons.for_member(store, ids[2])) == 1

    coupons.update_type(store, t.id, active=False)
    with pytest.raises(coupons.CouponError) as err:
        post_runs.set_coupon(store, run_id, t.id)
    assert err.value.code == "no_type"
    post_runs.set_coupon(store, run_id, None)
    assert post_runs.run(store, run_id).coupon_type_id is None
