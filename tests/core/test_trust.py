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
    assert "2580" not in kept and kept.startswith("scrypt$")
    manager.verify(store, "2580")
    with pytest.raises(manager.PinError) as err:
        manager.verify(store, "0000")
    assert (err.value.code, err.value.values["left"]) == ("wrong_pin", 4)
    # Changing it asks for the current one.
    with pytest.raises(manager.PinError):
        manager.set_pin(store, "1357", current="9999")
    manager.set_pin(store, "1357", current="2580")
    manager.verify(store, "1357")


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
