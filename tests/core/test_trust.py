"""Trust (issue 18.1–18.2): the manager's PIN (kept as a salted hash, five wrong tries make
the next wait a minute) and the append-only audit log whose lines are chained by hash, so
`check` reports a line edited, taken out of the middle or off the end. SQLite and
PostgreSQL alike."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select, update

from sqdesk.core import audit, manager, settings
from sqdesk.core.check import run_checks
from sqdesk.core.models import AuditEntry
from tests.core.at_once import on_pcs_at_once


def test_a_pin_is_kept_as_a_salted_hash_and_checked(any_store):
    store = any_store
    assert not manager.has_pin(store)
    for bad, code in (("123", "short_pin"), ("12a4", "not_digits"), ("１２３４", "not_digits"),
                      ("1" * 13, "long_pin")):
        with pytest.raises(manager.PinError) as err:
            manager.set_pin(store, bad)
        assert err.value.code == code
    manager.set_pin(store, "2580")
    assert manager.has_pin(store)
    with store.read() as s:
        kept = settings.get(s, manager.PIN_KEY)
    # Kept as "scrypt$<salt>$<digest>": never the PIN itself (its digits can turn up inside
    # the hex by chance, one run in a thousand, so each field is compared whole).
    scheme, salt, digest = kept.split("$")
    assert scheme == "scrypt" and "2580" not in (salt, digest)
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(digest)) == 32
    manager.verify(store, "2580")
    with pytest.raises(manager.PinError) as err:
        manager.verify(store, "0000")
    assert (err.value.code, err.value.values["left"]) == ("wrong_pin", 4)
    # Changing it asks for the current one.
    with pytest.raises(manager.PinError):
        manager.set_pin(store, "1357", current="9999")
    manager.set_pin(store, "1357", current="2580")
    manager.verify(store, "1357")
    # Setting the same PIN again draws a new salt, so equal PINs never look alike.
    manager.set_pin(store, "2580", current="1357")
    with store.read() as s:
        again = settings.get(s, manager.PIN_KEY).split("$")
    assert again[1] != salt and again[2] != digest


def test_five_wrong_pins_wait_a_minute(any_store):
    store = any_store
    manager.set_pin(store, "2580")
    now = datetime.now(UTC)
    for left in (4, 3, 2, 1):
        with pytest.raises(manager.PinError) as err:
            manager.verify(store, "1111", now=now)
        assert err.value.values["left"] == left
    with pytest.raises(manager.PinError) as err:
        manager.verify(store, "1111", now=now)
    assert err.value.code == "wait"
    with pytest.raises(manager.PinError) as err:  # even the right one waits
        manager.verify(store, "2580", now=now + timedelta(seconds=30))
    assert err.value.code == "wait" and 0 < err.value.values["seconds"] <= 31
    manager.verify(store, "2580", now=now + timedelta(seconds=61))


def test_the_audit_log_is_a_chain_that_check_verifies(any_store):
    store = any_store
    audit.acting_as(audit.MANAGER)
    try:
        for i in range(4):
            audit.record_now(store, "export", rows=10 * i, file=f"会员-{i}.xlsx")
    finally:
        audit.acting_as(audit.HELPER)
    lines = audit.lines(store, limit=10)
    assert [x.rows for x in lines] == [30, 20, 10, 0] and lines[0].role == "manager"
    assert lines[0].file == "会员-3.xlsx" and lines[0].pc
    assert run_checks(store) == []
    with store.session() as s:  # an edit
        first = s.scalar(select(AuditEntry.id).order_by(AuditEntry.id))
        s.execute(update(AuditEntry).where(AuditEntry.id == first + 1).values(rows=999))
    assert any("changed after it was written" in p.detail for p in run_checks(store))
    with store.session() as s:
        s.execute(update(AuditEntry).where(AuditEntry.id == first + 1).values(rows=10))
    assert run_checks(store) == []
    with store.session() as s:  # one taken off the end
        s.execute(delete(AuditEntry).where(AuditEntry.id == first + 3))
    assert any("newest audit lines" in p.detail for p in run_checks(store))
    with store.session() as s:  # one out of the middle
        s.execute(delete(AuditEntry).where(AuditEntry.id == first + 1))
    assert any("taken out" in p.detail for p in run_checks(store))


def test_lines_written_from_three_pcs_at_once_stay_one_chain(any_store):
    """On PostgreSQL two PCs appending at once both read the same newest line: without a
    lock the chain forked and check reported lines changed that nobody touched."""

    def pc(name: str) -> None:
        for i in range(15):
            audit.record_now(any_store, "export", rows=i, file=f"{name}-{i}.xlsx")

    assert on_pcs_at_once(pc) == []
    assert len(audit.lines(any_store, limit=100)) == 45
    assert audit.problems_of(any_store) == []


def test_the_command_line_asks_the_manager(store, tmp_path, monkeypatch, capsys):
    """`pin set` reads the PIN from standard input; then `export` of more than 20 members,
    `settings set` and `audit` need SQDESK_PIN (exit 1 and nothing done without it, or with
    a wrong one); what they did is in the audit log, as the manager, by code only."""
    import io
    import json

    from sqdesk import cli
    from sqdesk.core.member_edit import MemberInput, create

    for i in range(25):
        create(store, MemberInput(name=f"会员{i}号", mobile=f"1380013{i:04d}"))
    monkeypatch.delenv("SQDESK_PIN", raising=False)
    db = ["--db", store.location]
    monkeypatch.setattr("sys.stdin", io.StringIO("123\n"))
    assert cli.main([*db, "pin", "set"]) == 1  # too short
    monkeypatch.setattr("sys.stdin", io.StringIO("2580\n"))
    assert cli.main([*db, "pin", "set"]) == 0
    capsys.readouterr()
    out = tmp_path / "all.csv"
    assert cli.main([*db, "export", str(out)]) == 1
    assert "SQDESK_PIN" in capsys.readouterr().err and not out.exists()
    assert cli.main([*db, "settings", "set", "shop.name", "茶语时光"]) == 1
    monkeypatch.setenv("SQDESK_PIN", "1111")
    assert cli.main([*db, "export", str(out)]) == 1
    assert "wrong PIN" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("SQDESK_PIN", "2580")
    assert cli.main([*db, "export", str(out)]) == 0 and out.exists()
    assert cli.main([*db, "settings", "set", "shop.name", "茶语时光"]) == 0
    capsys.readouterr()
    assert cli.main([*db, "audit", "--json", "--limit", "5"]) == 0
    lines = json.loads(capsys.readouterr().out)
    assert [x["action"] for x in lines] == ["settings", "export", "pin"]
    assert lines[1]["rows"] == 25 and lines[1]["file"] == "all.csv"
    assert all(x["role"] == "manager" for x in lines)
    assert "会员" not in json.dumps(lines, ensure_ascii=False)  # no names in the log
    monkeypatch.delenv("SQDESK_PIN")
    assert cli.main([*db, "audit"]) == 1


def test_a_members_data_is_exported_whole_and_erased_with_every_total_kept(any_store,
                                                                           tmp_path):
    """PIPL: export everything held about 王小明 (JSON and .xlsx); erase him: his name,
    mobile, birthday, notes and the texts of posts for him are gone, and so is his name in
    his referrer's ledger reason and in another member's note and an attendance remark;
    visits, points and attendance stay so every total and balance is unchanged; the audit
    log names him by code only; `check` passes; a second erase is refused."""
    import json
    from datetime import date

    from python_calamine import CalamineWorkbook
    from sqlalchemy import func

    from sqdesk.core import activities, ledger, members, notes, pipl, posts
    from sqdesk.core.activities import ActivityInput
    from sqdesk.core.member_edit import MemberInput, create
    from sqdesk.core.models import LedgerEntry, Visit

    store = any_store
    friend = create(store, MemberInput(name="李华", mobile="13900139000"))
    wang = create(store, MemberInput(name="王小明", nickname="明明😀", mobile="13800138000",
                                     birthday=date(1990, 5, 1), referrer_id=friend,
                                     remark="喜欢少糖", wechat_id="wxm_1990"))  # fmt: skip
    ledger.record_visit(store, wang, amount_cents=58_00)
    notes.add(store, wang, "王小明说下周来取蛋糕", kind="counter")
    notes.add(store, friend, "李华带了王小明一起来", kind="counter")
    posts.record_copy(store, posts.find(store, "birthday"), "王小明，生日快乐",
                      rendered_for=f"member:{wang}")  # fmt: skip
    act = activities.create(store, ActivityInput(title="品鉴会", start_date=date.today()))
    activities.record_attendance(store, act, date.today(), [wang, friend],
                                 notes={friend: "和王小明一起"})  # fmt: skip
    data = pipl.member_data(store, wang)
    assert data["member"]["name"] == "王小明" and data["member"]["mobile"] == "13800138000"
    assert len(data["visits"]) == 1 and data["notes"][0]["text"].startswith("王小明")
    assert data["posts_copied"][0]["text"] == "王小明，生日快乐"
    assert data["member"]["referrer_code"] == members.detail(store, friend).code
    out = tmp_path / "wang.json"
    assert pipl.export_data(store, wang, out) > 5
    assert json.loads(out.read_text(encoding="utf-8"))["consent"] == data["consent"]
    pipl.export_data(store, wang, tmp_path / "wang.xlsx")
    book = CalamineWorkbook.from_path(str(tmp_path / "wang.xlsx"))
    assert {"member", "visits", "ledger", "notes", "posts_copied"} <= set(book.sheet_names)
    with pytest.raises(pipl.PiplError) as err:
        pipl.export_data(store, wang, tmp_path / "nowhere" / "wang.json")
    assert err.value.code == "no_folder"

    def totals():
        with store.read() as s:
            return (s.scalar(select(func.sum(Visit.amount_cents))),
                    s.scalar(select(func.sum(LedgerEntry.amount))),
                    ledger.balance(store, wang), ledger.balance(store, friend))  # fmt: skip

    before = totals()
    code = pipl.erase(store, wang)
    assert totals() == before
    after = pipl.member_data(store, wang)
    m = after["member"]
    assert (m["name"], m["nickname"], m["mobile"], m["birthday"], m["remark"],
            m["wechat_id"]) == (pipl.PLACEHOLDER, "", None, None, "", "")  # fmt: skip
    assert after["consent"] == {"given_at": None, "scope": ""}
    assert [n["text"] for n in after["notes"]] == [pipl.ERASED_TEXT]
    assert [p["text"] for p in after["posts_copied"]] == [pipl.ERASED_TEXT]
    everything = json.dumps(pipl.member_data(store, friend), ensure_ascii=False)
    assert "王小明" not in everything and "13800138000" not in everything
    assert pipl.SOMEONE in everything  # 李华's note, remark and referral reason
    assert members.ordered_ids(store, search_text="王小明") == []
    line = audit.lines(store, limit=1)[0]
    assert (line.action, line.detail) == ("erase", f"member {code}")
    assert run_checks(store) == []
    with pytest.raises(pipl.PiplError) as err:
        pipl.erase(store, wang)
    assert err.value.code == "already_erased"


def test_member_export_data_and_erase_on_the_command_line(sqlite_store, tmp_path, monkeypatch,
                                                           capsys):  # fmt: skip
    store = sqlite_store
    import io
    import json

    from sqdesk import cli
    from sqdesk.core import members
    from sqdesk.core.member_edit import MemberInput, create

    wang = create(store, MemberInput(name="王小明", mobile="13800138000"))
    code = members.detail(store, wang).code
    db = ["--db", store.location]
    out = tmp_path / "wang.json"
    assert cli.main([*db, "member", "export-data", code, "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["member"]["name"] == "王小明"
    assert cli.main([*db, "member", "export-data", code, "--out",
                     str(tmp_path / "no" / "x.json")]) == 1  # fmt: skip
    assert cli.main([*db, "member", "erase", "9999999"]) == 1  # unknown
    monkeypatch.setattr("sys.stdin", io.StringIO("2580\n"))
    assert cli.main([*db, "pin", "set"]) == 0
    monkeypatch.delenv("SQDESK_PIN", raising=False)
    assert cli.main([*db, "member", "erase", code]) == 1  # a helper cannot
    assert members.detail(store, wang).name == "王小明"
    monkeypatch.setenv("SQDESK_PIN", "2580")
    capsys.readouterr()
    assert cli.main([*db, "member", "erase", code]) == 0
    assert "Older backups" in capsys.readouterr().out
    assert members.detail(store, wang).name != "王小明"
    assert cli.main([*db, "member", "erase", code]) == 1  # already erased
    assert list((tmp_path).glob("**/*before-erase*"))  # a copy was made first


def test_backups_grown_up(sqlite_store, tmp_path, monkeypatch, capsys):  # copies of a file
    """Every copy is checked and one self-contained file; a chosen folder (a USB stick) is
    used while it is there and said missing when it is not; bulk changes copy first; the
    command line backs up and restores (the manager's), refusing a file that is not a
    store and a folder that vanished."""
    store = sqlite_store
    from sqdesk import cli
    from sqdesk.core import backup, members, tags
    from sqdesk.core.member_edit import MemberInput, create

    path = store.path
    copy = backup.make_backup(path, kind="manual")
    assert backup.integrity_check(copy) == [] and not list(copy.parent.glob("*-wal"))
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_folder(store, usb)
    assert backup.folder_for(store) == usb and backup.missing_folder(store) is None
    ids = [create(store, MemberInput(name=f"会员{i}")) for i in range(3)]
    monkeypatch.setattr(tags, "BACKUP_ABOVE", 2)  # "more than 1,000" in a small store
    tag = tags.create_tag(store, tags.create_group(store, "口味"), "少糖")
    tags.add_tag(store, ids, tag)
    assert backup.backups(path, folder=usb)[0].kind == "before-bulk-tag"
    assert list(usb.glob("*before-bulk-tag*"))
    for f in usb.iterdir():
        f.unlink()
    usb.rmdir()
    assert backup.missing_folder(store) == usb and backup.folder_for(store) is None
    with pytest.raises(backup.BackupError):
        backup.set_folder(store, tmp_path / "gone")
    db = ["--db", store.location]
    assert cli.main([*db, "backup", "--to", str(tmp_path / "gone")]) == 1
    out = tmp_path / "out"
    out.mkdir()
    assert cli.main([*db, "backup", "--to", str(out)]) == 0
    (made,) = out.glob("*.sqdesk")
    create(store, MemberInput(name="后来的会员"))
    not_a_store = tmp_path / "notes.txt"
    not_a_store.write_text("hello", encoding="utf-8")
    assert cli.main([*db, "restore", str(not_a_store)]) == 1
    assert cli.main([*db, "restore", str(tmp_path / "nothing.sqdesk")]) == 1
    store.close()
    assert cli.main([*db, "restore", str(made)]) == 0
    assert "before-restore" in capsys.readouterr().out
    from sqdesk.core.store import Store

    with Store.open(path) as again:
        assert "后来的会员" not in [members.detail(again, i).name
                                   for i in members.ordered_ids(again)]  # fmt: skip
        assert audit.lines(again, limit=1)[0].action == "restore"


def test_members_quiet_beyond_the_retention_period_are_listed_for_review(any_store):
    from datetime import date

    from sqdesk.core import ledger, notes, pipl, shop_settings
    from sqdesk.core.member_edit import MemberInput, create

    store = any_store
    today = date.today()

    def noon(days_ago):
        return datetime.combine(today - timedelta(days=days_ago),
                                datetime.min.time().replace(hour=12)).astimezone(UTC)

    quiet = create(store, MemberInput(name="很久没来", joined_on=today - timedelta(days=800)))
    ledger.record_visit(store, quiet, amount_cents=10_00, at=noon(500))
    never = create(store, MemberInput(name="从没来过", joined_on=today - timedelta(days=400)))
    noted = create(store, MemberInput(name="聊过天", joined_on=today - timedelta(days=800)))
    notes.add(store, noted, "路过打招呼", at=noon(30))
    create(store, MemberInput(name="新会员", joined_on=today - timedelta(days=10)))
    assert pipl.retention_days(store) == 0
    shop_settings.set_value(store, "privacy.retention_days", "365")
    assert pipl.retention_days(store) == 365
    assert pipl.inactive(store, 365) == [never, quiet]  # never seen first, then the oldest
    pipl.erase(store, never)
    assert pipl.inactive(store, 365) == [quiet]  # an erased member is done


def test_a_sqlite_store_moves_to_postgresql_whole(demo_store, pg_server, capsys):
    """`migrate-to URL`: the demo shop (members, visits, ledger, groups, calendar, notes,
    coupons) copied into an empty PostgreSQL database with every count and balance equal;
    the note search works there; a second move into the same database is refused."""
    from sqdesk import cli
    from sqdesk.core import ledger, members, note_search
    from sqdesk.core.store import Store

    url = pg_server.new_database()
    db = ["--db", demo_store.location]
    assert cli.main([*db, "migrate-to", url]) == 0
    assert "moved 300 members" in capsys.readouterr().out
    with Store.open(url) as pg:
        some = members.ordered_ids(demo_store)[:20]
        assert [ledger.balance(pg, m) for m in some] == [ledger.balance(demo_store, m)
                                                          for m in some]  # fmt: skip
        word = "少糖"
        found = [h.id for h in note_search.search_notes(pg, word).hits]
        assert found and found == [h.id for h in
                                   note_search.search_notes(demo_store, word).hits]  # fmt: skip
        assert run_checks(pg) == []
        created = members.ordered_ids(pg)[0]
        assert created  # ids carried over; the next id follows them
    assert cli.main([*db, "migrate-to", url]) == 1
    assert "empty" in capsys.readouterr().err
