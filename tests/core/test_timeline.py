"""A member's timeline (issue 14.3): every kind of contact, newest first, a page at a time."""

import json
from datetime import UTC, date, datetime, timedelta

from sqdesk import cli
from sqdesk.core import activities, groups, ledger, members, notes, posts, timeline
from sqdesk.core.activities import ActivityInput
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.store import Store

NOW = datetime.now(UTC).replace(microsecond=0)


def _story(store):
    mid = create(store, MemberInput(name="张诗芳", joined_on=date(2025, 1, 1)))
    ledger.record_visit(store, mid, amount_cents=3850, at=NOW - timedelta(days=5))
    gid = groups.create_group(store, "茶语会员1群")
    groups.add_members(store, gid, [mid], joined_on=date.today() - timedelta(days=4))
    aid = activities.create(store, ActivityInput("周三茶话会🍵", date.today() - timedelta(days=3),
                                                 15 * 60))  # fmt: skip
    activities.record_attendance(store, aid, date.today() - timedelta(days=3), [mid])
    t = posts.find(store, "生日祝福")
    posts.record_copy(store, t, "🎂 生日快乐", rendered_for=f"member:{mid}", label="张诗芳")
    notes.add(store, mid, "嫌新品太甜", kind="complaint", at=NOW - timedelta(hours=1))
    return mid


def test_every_kind_newest_first(store):
    mid = _story(store)
    found = timeline.events(store, mid)
    assert {e.type for e in found} >= {"note", "visit", "ledger", "attendance", "group", "post"}
    assert [e.at for e in found] == sorted((e.at for e in found), reverse=True)
    visit = next(e for e in found if e.type == "visit")
    assert visit.amount == 3850 and visit.text == "¥38.50" and visit.detail == "门店"
    assert next(e for e in found if e.type == "attendance").text == "周三茶话会🍵"
    assert next(e for e in found if e.type == "group").detail == "joined"
    only_notes = timeline.events(store, mid, types=["note"])
    assert [e.text for e in only_notes] == ["嫌新品太甜"]


def test_pages_follow_on_without_gaps_or_repeats(store):
    mid = create(store, MemberInput(name="李明", joined_on=date(2020, 1, 1)))
    for n in range(300):  # 300 visits and their ledger entries, 300 notes: 900+ events
        at = NOW - timedelta(hours=n * 7 + 1)
        ledger.record_visit(store, mid, amount_cents=1000 + n, at=at)
        notes.add(store, mid, f"第{n}次聊天", at=at - timedelta(minutes=1))
    seen, before = [], None
    while True:
        page = timeline.events(store, mid, before=before, limit=100)
        if not page:
            break
        seen += page
        before = page[-1]
    keys = [(e.type, e.ref) for e in seen]
    assert len(keys) == len(set(keys))  # nothing twice
    assert sum(e.type == "note" for e in seen) == 300
    assert sum(e.type == "visit" for e in seen) == 300
    assert [e.at for e in seen] == sorted((e.at for e in seen), reverse=True)


def test_cli_timeline_json(tmp_path, capsys):
    db = str(tmp_path / "t.sqdesk")
    with Store.open(db) as store:
        mid = _story(store)
        code = members.detail(store, mid).code
    assert cli.main(["--db", db, "timeline", code, "--json", "--limit", "3"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 3 and all(set(r) == {"at", "type", "text"} for r in rows)
    assert rows[0]["type"] == "post"  # copied just now, after the note of an hour ago
    assert rows[1]["type"] == "note" and "嫌新品太甜" in rows[1]["text"]
    assert cli.main(["--db", db, "timeline", "9999999"]) == 1
