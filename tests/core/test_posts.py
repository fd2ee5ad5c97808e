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
