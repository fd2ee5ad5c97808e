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
    copies = posts.copies_on(store)
    assert [(c.template_name, c.rendered_for, c.text) for c in copies] == [
        ("生日祝福", f"member:{ids[2]}", "生日快乐")
    ]
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
