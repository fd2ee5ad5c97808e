import subprocess
import sys

import pytest

from sqdesk.core.errors import StoreReadOnly
from sqdesk.core.lock import StoreLock, lock_path
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.store import Store, StoreLocked


def test_second_copy_is_told_who_has_the_store(tmp_path):
    path = tmp_path / "shop.sqdesk"
    first = Store.open(path, lock=True)
    create(first, MemberInput(name="张三"))
    with pytest.raises(StoreLocked) as err:
        Store.open(path, lock=True)
    assert err.value.holder is not None and err.value.holder.pid > 0
    assert "shop.sqdesk is open in sqdesk on" in str(err.value)
    # Read-only still works beside it, and refuses every change.
    ro = Store.open(path, read_only=True)
    assert ro.info().counts["member"] == 1
    with pytest.raises(StoreReadOnly):
        create(ro, MemberInput(name="李四"))
    ro.close()
    first.close()
    again = Store.open(path, lock=True)  # released on close
    again.close()


def test_a_crashed_holder_leaves_no_stale_lock(tmp_path):
    path = tmp_path / "shop.sqdesk"
    Store.open(path).close()
    code = (
        "import os; from sqdesk.core.store import Store; "
        f"Store.open({str(path)!r}, lock=True); os._exit(0)"  # dies holding the lock
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert lock_path(path).exists()
    Store.open(path, lock=True).close()


def test_lock_context_manager(tmp_path):
    path = tmp_path / "x.sqdesk"
    with StoreLock(path) as held:
        assert held.held
        with pytest.raises(StoreLocked):
            StoreLock(path).acquire()
    assert not held.held


def test_read_only_refuses_a_store_needing_an_upgrade(tmp_path, monkeypatch):
    from sqdesk.core import migrate
    from sqdesk.core.errors import StoreError

    path = tmp_path / "old.sqdesk"
    Store.open(path).close()
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    with pytest.raises(StoreError, match="upgrade"):
        Store.open(path, read_only=True)
