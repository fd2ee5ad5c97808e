"""Notes about member interactions and their follow-ups (issue 14, the core and the CLI)."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from sqdesk import cli
from sqdesk.core import members, notes
from sqdesk.core.member_edit import MemberInput, create, set_archived
from sqdesk.core.notes import NoteError
from sqdesk.core.store import Store

MONDAY = date(2026, 11, 30)


def run(capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def member(store):
    return create(store, MemberInput(name="张诗芳", nickname="芳芳🌸"))


def test_a_note_keeps_plain_text_emoji_and_full_width_punctuation(store, member):
    note = notes.add(store, member, "  搬家了，离店远🏠\r\n下次带娃来！\x00\u200b  ", kind="lapse")
    assert note.text == "搬家了，离店远🏠\n下次带娃来！\u200b"
    assert (note.kind, note.member_name, note.member_code) == (
        "lapse", "张诗芳", members.detail(store, member).code)
    assert notes.for_member(store, member)[0].id == note.id


@pytest.mark.parametrize(("text", "code"), [("", "empty"), ("  \n ", "empty"),
                                            ("长" * 5_001, "too_long")])  # fmt: skip
def test_bad_text_is_refused_and_nothing_is_written(store, member, text, code):
    with pytest.raises(NoteError) as caught:
        notes.add(store, member, text)
    assert caught.value.code == code
    assert notes.count_for(store, member) == 0


def test_the_limit_is_5000_characters_exactly(store, member):
    assert len(notes.add(store, member, "茶" * 5_000).text) == 5_000
    with pytest.raises(NoteError) as caught:
        notes.add(store, member, "茶" * 20_000)
    assert caught.value.values["limit"] == 5_000 and caught.value.values["length"] == 20_000


def test_unknown_kind_and_member_are_refused(store, member):
    with pytest.raises(NoteError, match="kind"):
        notes.add(store, member, "hi", kind="gossip")
    with pytest.raises(NoteError) as caught:
        notes.add(store, member + 999, "hi")
    assert caught.value.code == "no_member"


def test_an_archived_member_can_get_a_note(store, member):
    set_archived(store, [member], True)
    note = notes.add(store, member, "回来了吗？")
    assert note.member_archived


def test_edit_for_a_day_then_amend_with_history(store, member):
    note = notes.add(store, member, "嫌新品太甜", kind="complaint")
    edited = notes.edit(store, note.id, "嫌新品太甜，想要少糖")
    assert edited.text.endswith("少糖") and edited.edited_at is not None
    later = note.at + timedelta(hours=25)
    with pytest.raises(NoteError) as caught:
        notes.edit(store, note.id, "改了", now=later)
    assert caught.value.code == "too_old"
    amendment = notes.amend(store, note.id, "后来试了三分糖，满意")
    assert amendment.amends_id == note.id and amendment.kind == "complaint"
    texts = [n.text for n in notes.for_member(store, member)]
    assert texts == ["后来试了三分糖，满意", "嫌新品太甜，想要少糖"]  # both kept, newest first


@pytest.mark.parametrize(("text", "day", "hour"), [
    ("3d", date(2026, 12, 3), 10), ("3天", date(2026, 12, 3), 10),
    ("2w", date(2026, 12, 14), 10), ("明天", date(2026, 12, 1), 10),
    ("后天 15:30", date(2026, 12, 2), 15), ("下周一", date(2026, 12, 7), 10),
    ("周一", date(2026, 12, 7), 10), ("周五", date(2026, 12, 4), 10),
    ("星期日", date(2026, 12, 6), 10), ("12-05", date(2026, 12, 5), 10),
    ("12月5日", date(2026, 12, 5), 10), ("2026-12-05 09:00", date(2026, 12, 5), 9),
    ("２０２６－１２－０５", date(2026, 12, 5), 10), ("2026-11-01", date(2026, 11, 1), 10),
])  # fmt: skip
def test_follow_ups_as_people_type_them(text, day, hour):
    at = notes.parse_follow_up(text, today=MONDAY).astimezone()
    assert (at.date(), at.hour) == (day, hour)


@pytest.mark.parametrize("text", ["明天吧", "2026-13-01", "12-32", "3x", "25:00 明天", "soon"])
def test_malformed_follow_ups_are_refused(text):
    with pytest.raises(NoteError) as caught:
        notes.parse_follow_up(text, today=MONDAY)
    assert caught.value.code == "bad_follow_up"
    assert notes.parse_follow_up("", today=MONDAY) is None


def test_follow_ups_due_done_and_snoozed(store, member):
    today = date.today()
    due = notes.parse_follow_up("今天 09:00", today=today)
    overdue = notes.add(store, member, "问问孩子生日", follow_up_at=due - timedelta(days=3))
    now_due = notes.add(store, member, "回访新品口味", follow_up_at=due)
    notes.add(store, member, "下周再说", follow_up_at=due + timedelta(days=7))
    notes.add(store, member, "没有跟进")
    listed = notes.follow_ups_due(store, today=today)
    assert [(f.note.id, f.overdue) for f in listed] == [(overdue.id, True), (now_due.id, False)]
    done = notes.follow_up_done(store, overdue.id, outcome="送了生日券🎂")
    assert done.outcome == "送了生日券🎂" and not done.open_follow_up
    with pytest.raises(NoteError) as caught:
        notes.follow_up_done(store, overdue.id)
    assert caught.value.code == "already_done"
    notes.snooze(store, now_due.id, due + timedelta(days=2))
    assert notes.follow_ups_due(store, today=today) == []


def test_cli_note_add_followups_and_done(tmp_path, capsys):
    db = str(tmp_path / "n.sqdesk")
    with Store.open(db) as store:
        mid = create(store, MemberInput(name="李明"))
        code = members.detail(store, mid).code
    rc, out, _ = run(capsys, "--db", db, "note", "add", code, "搬家了，离店远🏠", "--kind",
                     "lapse", "--follow-up", "2026-11-01", "--json")  # fmt: skip
    payload = json.loads(out)
    assert rc == 0 and set(payload) == {"id", "member_code", "at", "kind", "text", "follow_up"}
    assert payload["member_code"] == code and payload["kind"] == "lapse"
    assert payload["text"] == "搬家了，离店远🏠" and payload["follow_up"].startswith("2026-11-01")
    rc, out, _ = run(capsys, "--db", db, "followups", "--json")
    (due,) = json.loads(out)
    assert rc == 0 and due["note_id"] == payload["id"] and due["overdue"] is True
    assert set(due) == {"note_id", "member_code", "member_name", "due", "text", "overdue"}
    rc, out, _ = run(capsys, "--db", db, "followup", "done", str(payload["id"]), "--outcome",
                     "送了券")  # fmt: skip
    assert rc == 0 and json.loads(run(capsys, "--db", db, "followups", "--json")[1]) == []
    rc, _, err = run(capsys, "--db", db, "followup", "done", str(payload["id"]))
    assert rc == 1 and "already" in err


@pytest.mark.parametrize(("argv", "code"), [
    (("note", "add", "CODE", ""), 1),
    (("note", "add", "CODE", "x" * 5_001), 1),
    (("note", "add", "9999999", "hi"), 1),
    (("note", "add", "CODE", "hi", "--follow-up", "明天吧"), 1),
    (("note", "add", "CODE", "hi", "--kind", "gossip"), 2),
])  # fmt: skip
def test_cli_bad_notes_change_nothing(tmp_path, capsys, argv, code):
    db = str(tmp_path / "n.sqdesk")
    with Store.open(db) as store:
        mid = create(store, MemberInput(name="李明"))
        member_code = members.detail(store, mid).code
    argv = [member_code if a == "CODE" else a for a in argv]
    rc, out, err = run(capsys, "--db", db, *argv)
    assert rc == code and out == "" and err.startswith("error: ")
    with Store.open(db) as store:
        assert notes.count_for(store, mid) == 0


def test_note_times_are_kept_in_utc(store, member):
    note = notes.add(store, member, "hi", at=datetime(2026, 11, 30, 2, tzinfo=UTC))
    assert note.at.tzinfo is not None and note.at.utcoffset() == timedelta(0)


def test_notes_and_follow_ups_on_sqlite_and_postgresql(any_store):
    mid = create(any_store, MemberInput(name="王芳"))
    due = datetime.now(UTC) - timedelta(days=1)
    note = notes.add(any_store, mid, "嫌新品太甜😅", kind="complaint", follow_up_at=due)
    (listed,) = notes.follow_ups_due(any_store)
    assert listed.note.id == note.id and listed.overdue and listed.note.text == "嫌新品太甜😅"
    notes.follow_up_done(any_store, note.id, outcome="换了少糖")
    assert notes.follow_ups_due(any_store) == []


def test_lapse_reasons_are_counted_once_per_member_most_common_first(store, capsys):
    a = create(store, MemberInput(name="王芳"))
    b = create(store, MemberInput(name="李娜"))
    c = create(store, MemberInput(name="陈静"))
    notes.add(store, a, "搬家了，离店远", kind="lapse", reason="moved")
    notes.add(store, a, "又说了一次：搬到番禺了", kind="lapse", reason="moved")
    notes.add(store, b, "嫌贵", kind="lapse", reason="price")
    notes.add(store, c, "搬家了", kind="lapse", reason="moved")
    notes.add(store, c, "没说原因", kind="lapse")
    counts = notes.lapse_reasons(store)
    assert [(x.reason, x.members) for x in counts] == [("moved", 2), ("price", 1), ("", 1)]
    assert counts[0].share == pytest.approx(2 / 3)
    assert notes.lapse_reasons(store, since=date.today() + timedelta(days=1)) == []
    assert cli.main(["--db", store.location, "notes", "lapses", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {"reason": "moved", "members": 2, "share": 0.6667}


def test_a_reason_belongs_to_a_lapse_note_and_is_one_of_the_list(store, member, capsys):
    with pytest.raises(NoteError) as caught:
        notes.add(store, member, "嫌贵", kind="complaint", reason="price")
    assert caught.value.code == "reason_not_lapse"
    with pytest.raises(NoteError) as caught:
        notes.add(store, member, "嫌贵", kind="lapse", reason="money")
    assert caught.value.code == "bad_reason"
    assert notes.count_for(store, member) == 0
    code = members.detail(store, member).code
    assert cli.main(["--db", store.location, "note", "add", code, "嫌贵", "--kind", "lapse",
                     "--reason", "price"]) == 0  # fmt: skip
    assert notes.for_member(store, member)[0].reason == "price"


def test_follow_up_views_filter_by_due_day_state_and_kind(store, member):
    today = date.today()
    day = timedelta(days=1)
    at = notes.parse_follow_up  # a day as a person types it

    late = notes.add(store, member, "回电话", kind="phone", follow_up_at=at("2000-01-03"))
    due = notes.add(store, member, "送券", kind="private", follow_up_at=at("今天"))
    later = notes.add(store, member, "问蛋糕", kind="other", follow_up_at=at("3d"))
    done = notes.add(store, member, "补积分", kind="complaint", follow_up_at=at("今天"))
    notes.follow_up_done(store, done.id, outcome="已补")
    notes.add(store, member, "没有跟进")

    def ids(view, **kw):
        return [f.note.id for f in notes.follow_ups(store, view=view, **kw)]

    assert ids("due") == [late.id, due.id]
    assert ids("overdue") == [late.id]
    assert ids("upcoming") == [later.id]
    assert ids("open") == [late.id, due.id, later.id]
    assert ids("done") == [done.id]
    assert ids("open", kind="private") == [due.id]
    assert ids("upcoming", today=today + 5 * day) == []
    assert [f.overdue for f in notes.follow_ups(store, view="open")] == [True, False, False]
    with pytest.raises(NoteError):
        notes.follow_ups(store, view="soon")
    assert [n.text for n in notes.recent(store, limit=2)] == ["没有跟进", "补积分"]
    assert [n.text for n in notes.recent(store, kind="phone")] == ["回电话"]


def test_an_edit_away_from_lapse_drops_the_reason_and_amendments_are_marked(store, member):
    from sqdesk.core import timeline

    note = notes.add(store, member, "嫌贵", kind="lapse", reason="price")
    assert notes.edit(store, note.id, "嫌贵，但还会来", kind="counter").reason == ""
    extra = notes.amend(store, note.id, "补充：下周来")
    events = timeline.events(store, member, types=["note"])
    assert [(e.ref, e.amends) for e in events] == [(extra.id, note.id), (note.id, 0)]


def test_check_reports_notes_that_no_service_would_write(store, member):
    from sqlalchemy import update

    from sqdesk.core.check import run_checks
    from sqdesk.core.models import Note

    kept = notes.add(store, member, "嫌贵", kind="complaint")
    other = create(store, MemberInput(name="李娜"))
    amendment = notes.amend(store, kept.id, "补充")
    assert run_checks(store, file_checks=False) == []
    with store.session() as s:
        s.execute(update(Note).where(Note.id == kept.id).values(reason="price"))
        s.execute(update(Note).where(Note.id == amendment.id).values(member_id=other))
    # Moving the amendment by hand also leaves both members' latest contacts behind: that
    # check says so on its own line; the notes' own findings are these two.
    found = {str(p) for p in run_checks(store, file_checks=False) if p.check == "notes"}
    assert found == {f"[notes] note {kept.id} (complaint) has the reason 'price'",
                     f"[notes] note {amendment.id} amends note {kept.id}, which is about "
                     "another member"}  # fmt: skip
