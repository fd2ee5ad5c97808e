"""Bad input on the command line gets a message and an exit code, never a traceback, and
changes nothing. One test per case that was tried and failed before."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta

import pytest

from sqdesk import cli
from sqdesk.core import activities, ledger, members, migrate
from sqdesk.core.activities import ActivityInput
from sqdesk.core.lock import StoreLock
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.store import Store
from tests.conftest import older_store


@pytest.fixture
def shop(tmp_path):
    path = tmp_path / "茶语.sqdesk"
    with Store.open(path) as store:
        mid = create(store, MemberInput(name="张三", mobile="13800138000",
                                        joined_on=date.today() - timedelta(days=30)))  # fmt: skip
        code = members.detail(store, mid).code
        aid = activities.create(store, ActivityInput(title="周三第二杯半价☕",
                                                     start_date=date(2026, 12, 2)))  # fmt: skip
    return path, code, aid


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def visits(path) -> int:
    with Store.open(path) as store:
        return store.info().counts["visit"]


def test_post_render_with_an_activity_needs_a_date(shop, capsys):
    path, _, aid = shop
    code, _, err = run(capsys, "--db", path, "post", "render", "reminder", "--activity", aid)
    assert code == 2 and "--activity needs --date" in err


def test_export_into_a_missing_folder(shop, capsys, tmp_path):
    path, _, _ = shop
    code, _, err = run(capsys, "--db", path, "export", tmp_path / "nonexistent" / "x.csv")
    assert code == 2 and "no folder" in err


def test_calendar_export_into_a_missing_folder(shop, capsys, tmp_path):
    path, _, _ = shop
    code, _, err = run(capsys, "--db", path, "calendar", "export",
                       tmp_path / "nonexistent" / "x.ics")  # fmt: skip
    assert code == 1 and "cannot write" in err


@pytest.mark.parametrize("bad", ["RRULE:FREQ=SOMETIMES", "DTSTART:2026XX01"])
def test_calendar_import_of_an_unreadable_event(shop, capsys, tmp_path, bad):
    path, _, _ = shop
    good = ("BEGIN:VEVENT\r\nUID:good-1\r\nSUMMARY:好的活动\r\n"
            "DTSTART:20261203T100000\r\nEND:VEVENT\r\n")  # fmt: skip
    lines = ["UID:bad-1", "SUMMARY:坏的活动", "DTSTART:20261201T100000", bad]
    if bad.startswith("DTSTART"):
        lines.remove("DTSTART:20261201T100000")
    ics = tmp_path / "bad.ics"
    ics.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//\r\nBEGIN:VEVENT\r\n"
                   + "\r\n".join(lines) + "\r\nEND:VEVENT\r\n" + good + "END:VCALENDAR\r\n",
                   encoding="utf-8")  # fmt: skip
    code, out, _ = run(capsys, "--db", path, "calendar", "import", ics)
    assert code == 0  # the good event came in
    assert "imported 1 activities" in out and "坏的活动" in out
    with Store.open(path) as store:
        titles = sorted(a.title for a in activities.list_activities(store))
    assert titles == ["周三第二杯半价☕", "好的活动"]


def test_jielong_from_a_missing_file(shop, capsys, tmp_path):
    path, _, aid = shop
    code, _, err = run(capsys, "--db", path, "jielong", aid, "2026-12-02",
                       tmp_path / "missing.txt")  # fmt: skip
    assert code == 2 and "cannot read" in err and "missing.txt" in err


@pytest.mark.parametrize("amount", ["inf", "nan", "10.001", "0", "1e-5", "-5", "", "abc",
                                    "100001"])  # fmt: skip
def test_visit_amounts_are_read_as_the_visit_dialog_reads_them(shop, capsys, amount):
    path, code, _ = shop
    exit_code, _, err = run(capsys, "--db", path, "visit", code, "--amount", amount)
    assert exit_code == 2 and "--amount" in err
    assert visits(path) == 0


@pytest.mark.parametrize("amount, cents", [("38.5", 3850), ("¥1,280", 128000), ("３８．５", 3850)])
def test_good_amounts(shop, capsys, amount, cents):
    path, code, _ = shop
    exit_code, out, _ = run(capsys, "--db", path, "visit", code, "--amount", amount, "--json")
    assert exit_code == 0 and json.loads(out)["amount"] == cents / 100


def test_a_visit_in_the_future_or_before_joining_is_refused(shop, capsys):
    path, code, _ = shop
    tomorrow = (date.today() + timedelta(days=1)).isoformat() + "T10:00"
    exit_code, _, err = run(capsys, "--db", path, "visit", code, "--amount", "20", "--at",
                            tomorrow)  # fmt: skip
    assert exit_code == 1 and "future" in err
    long_ago = (date.today() - timedelta(days=400)).isoformat() + "T10:00"
    exit_code, _, err = run(capsys, "--db", path, "visit", code, "--amount", "20", "--at",
                            long_ago)  # fmt: skip
    assert exit_code == 1 and "joined" in err
    exit_code, _, err = run(capsys, "--db", path, "visit", code, "--amount", "20", "--at",
                            "yesterday")  # fmt: skip
    assert exit_code == 2 and "--at" in err
    assert visits(path) == 0


@pytest.mark.parametrize("command", [["search", "张", "--limit", "0"],
                                     ["search", "张", "--limit", "-3"],
                                     ["points", "CODE", "--limit", "0"]])  # fmt: skip
def test_limit_is_at_least_one(shop, capsys, command):
    path, code, _ = shop
    command = [code if c == "CODE" else c for c in command]
    with pytest.raises(SystemExit) as exited:  # argparse's own usage error
        cli.main(["--db", str(path), *command])
    assert exited.value.code == 2
    assert "1 or more" in capsys.readouterr().err


def test_db_naming_a_folder(capsys, tmp_path):
    code, _, err = run(capsys, "--db", tmp_path, "info")
    assert code == 2 and "is a folder" in err


def test_db_of_an_unsupported_kind(capsys):
    code, _, err = run(capsys, "--db", "mysql://root@localhost/shop", "info")
    assert code == 2 and "SQLite" in err and "PostgreSQL" in err and "mysql" in err


def test_json_piped_into_head_ends_quietly(shop):
    path, _, _ = shop
    with Store.open(path) as store:
        for i in range(300):
            create(store, MemberInput(name=f"张{i}号", mobile=f"139{i:08d}"))
    pipeline = (f"{sys.executable} -m sqdesk.cli --db '{path}' search 张 --json "
                "| head -n 2")  # fmt: skip
    done = subprocess.run(["bash", "-c", f"set -o pipefail; {pipeline}"], capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.stdout.count("\n") == 2
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


def test_write_commands_are_refused_while_the_app_has_the_store(shop, capsys):
    path, code, _ = shop
    app_lock = StoreLock(path)  # what the app holds while it has the store open
    app_lock.acquire()
    try:
        for argv in (["visit", code, "--amount", "20"], ["expire"], ["redeem", code, "1"],
                     ["demo", "--members", "1"]):  # fmt: skip
            exit_code, _, err = run(capsys, "--db", path, *argv)
            assert exit_code == 2, argv
            assert "is open in sqdesk on" in err and "since" in err and "nothing was changed" in err
        # Reading is fine while the app has it open.
        exit_code, out, _ = run(capsys, "--db", path, "search", "张三", "--json")
        assert exit_code == 0 and json.loads(out)[0]["name"] == "张三"
    finally:
        app_lock.release()
    assert visits(path) == 0
    exit_code, _, _ = run(capsys, "--db", path, "visit", code, "--amount", "20")
    assert exit_code == 0


def test_calendar_export_then_import_into_the_same_store_adds_nothing(shop, capsys, tmp_path):
    path, _, _ = shop
    out_file = tmp_path / "活动.ics"
    assert run(capsys, "--db", path, "calendar", "export", out_file)[0] == 0
    code, out, _ = run(capsys, "--db", path, "calendar", "import", out_file)
    assert code == 0 and "imported 0 activities (1 imported before" in out
    with Store.open(path) as store:
        assert len(activities.list_activities(store)) == 1


def test_an_activity_keeps_its_uid_when_changed(tmp_path):
    with Store.open(tmp_path / "s.sqdesk") as store:
        aid = activities.create(store, ActivityInput(title="早报", start_date=date(2026, 12, 1)))
        uid = activities.get(store, aid).uid
        assert uid.endswith("@sqdesk")
        activities.change(store, aid, ActivityInput(title="会员早报",
                                                    start_date=date(2026, 12, 1)))  # fmt: skip
        assert activities.get(store, aid).uid == uid


def test_record_visit_refuses_the_future_in_the_core_too(tmp_path):
    from datetime import datetime

    with Store.open(tmp_path / "s.sqdesk") as store:
        mid = create(store, MemberInput(name="李四"))
        with pytest.raises(ledger.PointsError) as refused:
            ledger.record_visit(store, mid, amount_cents=100,
                                at=datetime.now().astimezone() + timedelta(hours=2))  # fmt: skip
        assert refused.value.code == "visit_in_future"


def test_a_store_of_an_older_version_says_it_is_upgraded_on_stderr(capsys, tmp_path):
    """A pause of a minute on a big store is explained; stdout stays the command's own."""
    path = older_store(tmp_path / "老店.sqdesk")
    code, out, err = run(capsys, "--db", path, "info", "--json")
    assert code == 0
    assert json.loads(out)["revision"] == migrate.head_revision()
    assert "upgrading the store" in err
    code, _out, err = run(capsys, "--db", path, "info", "--json")
    assert code == 0 and "upgrading" not in err  # once
