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
