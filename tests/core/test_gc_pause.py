"""The collector is held off inside, nested or from two threads, and put back as it was."""

import gc
import threading
from datetime import date

import pytest

from sqdesk.core.gc_pause import collector_paused


@pytest.fixture(autouse=True)
def _collector_on():
    """These start from the automatic collector on, as the core's callers have it (the
    window tests switch it off for the session: sqdesk.ui.collector)."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def _recording(monkeypatch, module, name: str, seen: list) -> None:
    """module.name, wrapped to note whether the collector is on at each call."""
    real = getattr(module, name)

    def called(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, called)


def test_nested_and_threaded_pauses_restore_the_collector():
    assert gc.isenabled()
    inside = threading.Event()
    release = threading.Event()

    def other() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    with collector_paused():
        assert not gc.isenabled()
        worker = threading.Thread(target=other)
        worker.start()
        assert inside.wait(5)
        with collector_paused():
            assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread still holds it
    release.set()
    worker.join(5)
    assert gc.isenabled()


def test_a_collector_switched_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_demo_and_an_import_hold_the_collector_off_and_give_it_back(store, tmp_path,
                                                                     monkeypatch):  # fmt: skip
    """The demo and a member import keep every row alive until it is written: the
    collector is off while they run (a fifth of the demo's time at 100k), on after, a stop
    included."""
    from sqdesk.core import bulk, member_import, search
    from sqdesk.core.demo import fill_demo_store
    from sqdesk.core.jobs import Cancelled

    seen = []
    _recording(monkeypatch, bulk, "insert_rows", seen)
    fill_demo_store(store, members=300, seed=3, points=False, notes=False)
    assert seen and not any(seen) and gc.isenabled()

    with pytest.raises(Cancelled):
        fill_demo_store(store, members=12000, seed=1, should_stop=lambda: len(seen) > 3)
    assert gc.isenabled()

    seen.clear()
    _recording(monkeypatch, search, "insert_tokens", seen)
    path = tmp_path / "会员.csv"
    path.write_text("姓名,手机\n张三😀,13800138000\n「李四」,13900139000\n", encoding="utf-8")
    plan = member_import.prepare(store, path)
    assert gc.isenabled()
    assert member_import.commit(store, plan) == (2, 0)
    assert seen and not any(seen) and gc.isenabled()


def test_the_losing_touch_queue_is_made_with_the_collector_off(store, monkeypatch):
    """The whole queue is 20,000 rows made at once on a big store, none a cycle: the
    collector is off while they are made, and on again after."""
    from sqdesk.core import contacts
    from sqdesk.core.member_edit import MemberInput, create

    create(store, MemberInput(name="王芳🌸", joined_on=date(2020, 1, 2)))
    seen = []
    _recording(monkeypatch, contacts.LosingTouch, "_make", seen)
    assert [m.name for m in contacts.losing_touch(store, days=30)] == ["王芳🌸"]
    assert seen == [False] and gc.isenabled()
