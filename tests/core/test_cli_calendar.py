import json
from datetime import date

from sqdesk import cli
from sqdesk.core import activities, starter_plan
from sqdesk.core.activities import ActivityInput
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.store import Store


def run(capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_calendar_json_with_phases_and_overlays(tmp_path, capsys):
    db = str(tmp_path / "c.sqdesk")
    with Store.open(db) as store:
        starter_plan.add_starter_plan(store, today=date(2026, 11, 23))
    code, out, _ = run(capsys, "--db", db, "calendar", "--from", "2026-12-01", "--to",
                       "2026-12-31", "--json")  # fmt: skip
    assert code == 0
    payload = json.loads(out)
    items = payload["items"]
    kinds = {(i["type"], i.get("phase") or i.get("kind")) for i in items}
    assert ("phase", "warmup") in kinds and ("overlay", "solar_term") in kinds
    assert ("overlay", "marketing") in kinds  # 双十二
    days = [i for i in items if i["type"] == "occurrence" and i["title"].startswith("每月 8 号")]
    assert [d["date"] for d in days] == ["2026-12-08"]
    assert sum(1 for i in items if i["title" if i["type"] != "overlay" else "name"]
               == "限时秒杀⚡") == 31  # fmt: skip
    code, _, err = run(capsys, "--db", db, "calendar", "--from", "2026-12-31", "--to",
                       "2026-12-01")  # fmt: skip
    assert code == 2 and "before" in err


def test_calendar_export_import(tmp_path, capsys):
    db, other = str(tmp_path / "a.sqdesk"), str(tmp_path / "b.sqdesk")
    with Store.open(db) as store:
        starter_plan.add_starter_plan(store, today=date(2026, 11, 23))
    ics = str(tmp_path / "plan.ics")
    assert run(capsys, "--db", db, "calendar", "export", ics)[0] == 0
    code, out, _ = run(capsys, "--db", other, "calendar", "import", ics)
    assert code == 0 and "imported 12" in out
    code, out, _ = run(capsys, "--db", other, "calendar", "import", ics)
    assert "imported 0" in out and "12 imported before" in out
    assert run(capsys, "--db", other, "calendar", "export")[0] == 2


def test_jielong_dry_run_then_record(tmp_path, capsys):
    db = str(tmp_path / "j.sqdesk")
    with Store.open(db) as store:
        for n in ("张三", "李四", "王芳"):
            create(store, MemberInput(name=n))
        aid = activities.create(store, ActivityInput("周六盲盒抽奖", date(2026, 11, 28), 1140,
                                                      points=5))  # fmt: skip
    text = tmp_path / "jl.txt"
    text.write_text("周六盲盒抽奖接龙🎲\n1. 张三\n2、lisi +1\n3 不认识\n", encoding="utf-8")
    args = ["--db", db, "jielong", str(aid), "2026-11-28", str(text)]
    code, out, _ = run(capsys, *args, "--dry-run", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["recorded"] is None
    assert [ln["status"] for ln in payload["lines"]] == ["matched", "matched", "not_found"]
    assert payload["lines"][1]["member"]["name"] == "李四"
    code, out, _ = run(capsys, *args, "--json")
    assert json.loads(out)["recorded"] == {"added": 2, "already": 0, "points_paid": 2,
                                           "checkins": 0}  # fmt: skip
    code, out, _ = run(capsys, *args, "--json")
    assert json.loads(out)["recorded"]["added"] == 0
    text.write_text("大家好\n没有编号\n", encoding="utf-8")
    code, out, _ = run(capsys, *args)
    assert code == 1 and "no numbered lines" in out
    code, _, err = run(capsys, "--db", db, "jielong", str(aid), "2026-11-29", str(text))
    assert code == 1 and "no occurrence" in err
