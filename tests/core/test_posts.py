from datetime import UTC, date, datetime

import pytest

from sqdesk.core import post_values, posts
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.post_render import check, render
from sqdesk.core.posts import PostError


def test_builtins_are_many_valid_and_render_for_anybody(store):
    templates = posts.list_templates(store)
    assert len(templates) >= 15 and all(t.builtin and not t.modified for t in templates)
    wanted = {"welcome", "rules", "morning", "warmup", "reminder", "recap", "birthday",
              "levelup", "expiring", "reactivation", "vip_invite"}  # fmt: skip
    assert {t.category for t in templates} >= wanted
    bare = create(store, MemberInput(name="李四"))  # no nickname, birthday or points
    values = post_values.values_for(store, member_id=bare)
    for t in templates:
        assert check(t.body) == [], t.name
        text = render(t.body, values)
        assert text.strip() and "None" not in text and "{{" not in text, t.name
    assert posts.ensure_builtins(store) == 0  # added once


def test_edit_restore_add_delete(store):
    morning = posts.find(store, "morning")
    posts.change_template(store, morning.id, body="早上好☀️ {{ 今天 }}")
    assert posts.find(store, "早报").modified
    with pytest.raises(PostError) as err:
        posts.change_template(store, morning.id, body="早上好 {{ 今天 ")
    assert err.value.code == "bad_body"
    posts.restore_default(store, morning.id)
    assert not posts.find(store, "早报").modified
    own = posts.add_template(store, "周末拼单🍰", "周末拼单开始啦！{{ 店名 or '' }}")
    with pytest.raises(PostError):
        posts.add_template(store, " 周末拼单🍰 ", "x")
    with pytest.raises(PostError):
        posts.delete_template(store, morning.id)
    posts.delete_template(store, own)
    assert posts.find(store, "周末拼单🍰") is None


def test_copy_history_of_the_day(store):
    t = posts.find(store, "morning")
    posts.record_copy(store, t, "早上好", rendered_for="group:1", label="茶语会员1群")
    posts.record_copy(store, t, "昨天的", at=datetime(2020, 1, 1, 12, tzinfo=UTC))
    today = posts.copies_on(store, date.today())
    assert [(c.template_name, c.label) for c in today] == [("早报", "茶语会员1群")]


def test_member_values_in_bulk_match_one_by_one_and_include_the_year(store):
    from datetime import timedelta

    from sqdesk.core import activities, ledger
    from sqdesk.core.activities import ActivityInput

    today = date.today()
    fan = create(
        store, MemberInput(name="王芳", nickname="芳芳🌸", favourites="桂花乌龙、燕麦拿铁")
    )
    quiet = create(store, MemberInput(name="赵六"))
    ledger.record_visit(store, fan, amount_cents=3800)
    voided = ledger.record_visit(store, fan, amount_cents=2000)
    ledger.void_visit(store, voided.visit_id, reason="录错了")
    day = today - timedelta(days=1) if today.month > 1 or today.day > 1 else today
    tasting = activities.create(store, ActivityInput("品鉴会", day, points=10))
    activities.record_attendance(store, tasting, day, [fan])
    many = post_values.member_values_many(store, [fan, quiet, fan, 999_999], today)
    assert set(many) == {fan, quiet}  # repeats once, a missing member left out
    for m in (fan, quiet):
        assert many[m] == post_values.member_values(store, m, today)
    f = many[fan]
    assert f["称呼"] == "芳芳🌸" and f["最爱"] == "桂花乌龙、燕麦拿铁"
    assert f["今年到店次数"] == 1 and f["今年消费"] == "¥38"  # the voided visit is not counted
    assert f["今年活动次数"] == 1
    assert f["今年攒积分"] == f["积分"] > 0  # earned this year less what the void took back
    q = many[quiet]
    assert (q["称呼"], q["最爱"], q["今年攒积分"], q["积分"], q["即将过期积分"]) == (
        "赵六",
        None,
        0,
        0,
        None,
    )
    report = posts.find(store, "yearly_report")
    text = render(report.body, post_values.values_for(store, member_id=fan))
    assert "最爱的是桂花乌龙、燕麦拿铁" in text and "来了 1 次" in text
    assert "最爱" not in render(report.body, post_values.values_for(store, member_id=quiet))


def test_render_for_many_members_parses_once_and_skips_the_missing(store):
    ids = [create(store, MemberInput(name=f"会员{i}", nickname="" if i % 2 else f"小{i}"))
           for i in range(5)]  # fmt: skip
    birthday = posts.find(store, "birthday")
    out = dict(posts.render_for_members(store, birthday, [*ids, 424242]))
    assert list(out) == ids
    assert out[ids[0]].startswith("🎂 小0，生日快乐") and out[ids[1]].startswith("🎂 会员1，")
    one = render(birthday.body, post_values.values_for(store, member_id=ids[3]))
    assert out[ids[3]] == one


def test_phase_templates_default_by_category_and_can_be_chosen(store):
    from sqdesk.core import activities
    from sqdesk.core.activities import ActivityInput

    a = activities.create(store, ActivityInput("中秋茶会", date(2026, 10, 3), warmup_days=3))
    assert posts.phase_template(store, a, "reminder").key == "reminder"
    assert posts.phase_template(store, a, "recap").key == "recap"
    member_day = posts.find(store, "member_day")
    posts.link_phase(store, a, "reminder", member_day.id)
    assert posts.phase_template(store, a, "reminder").id == member_day.id
    assert posts.phase_links(store, a) == {"reminder": member_day.id}
    posts.link_phase(store, a, "reminder", None)
    assert posts.phase_template(store, a, "reminder").key == "reminder"
    own = posts.add_template(store, "我的预热", "预热：{{ 活动名称 }}", category="warmup")
    posts.link_phase(store, a, "warmup", own)
    posts.delete_template(store, own)  # the link goes with it
    assert posts.phase_template(store, a, "warmup").key == "warmup"
    with pytest.raises(PostError):
        posts.link_phase(store, a, "lunch", None)


def test_copied_at_finds_what_was_sent_to_whom_today(store):
    t = posts.find(store, "morning")
    posts.record_copy(store, t, "早上好", rendered_for="group:1")
    copies = posts.copies_on(store)
    assert posts.copied_at(copies, t, "group:1") is not None
    assert posts.copied_at(copies, t, "group:2") is None


def test_how_to_sign_up_fills_its_placeholder_and_long_text_is_refused(store):
    from sqdesk.core import activities
    from sqdesk.core.activities import ActivityError, ActivityInput

    day = date(2026, 12, 12)
    a = activities.create(store, ActivityInput("品鉴会", day, signup="  私信店长  报名 "))
    o = activities.occurrence(store, a, day)
    warmup = posts.find(store, "warmup")
    assert "报名方式：私信店长 报名，" in render(warmup.body, post_values.values_for(
        store, occurrence=o))  # fmt: skip
    b = activities.create(store, ActivityInput("盲盒日", day))
    text = render(warmup.body, post_values.values_for(
        store, occurrence=activities.occurrence(store, b, day)))  # fmt: skip
    assert "报名方式：群里接龙" in text  # the template's fallback
    with pytest.raises(ActivityError) as err:
        activities.create(store, ActivityInput("x", day, place="门" * 101))
    assert err.value.code == "long_text"


def test_an_unedited_builtin_from_an_earlier_version_gets_the_new_text(store):
    from sqlalchemy import update

    from sqdesk.core.models import PostTemplate

    report = posts.find(store, "yearly_report")
    (old,) = posts._EARLIER["yearly_report"]
    with store.session() as s:
        s.execute(update(PostTemplate).where(PostTemplate.id == report.id).values(body=old))
    assert posts.find(store, "yearly_report").body == posts._DEFAULTS["yearly_report"]
    edited = "📖 {{ 称呼 }}，今年辛苦啦"
    posts.change_template(store, report.id, body=edited)
    assert posts.find(store, "yearly_report").body == edited  # the shop's own words stay
