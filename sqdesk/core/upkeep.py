"""The day's upkeep of a store: look the file over, make the daily copy, expire points,
move levels, give the month's birthday coupons, count today's visit figures and pack the
older copies.

It runs once a day per store, not once per window: the day it finished is kept in the store
(the setting `upkeep.day`), so a second PC, a restart or a second window on the same day
find nothing to do. Each step is its own short transaction and does only what is left of
it (each is idempotent), so work that is stopped halfway (a quit) is finished by the next
start. It is stopped between steps and inside a long SQLite statement
(sqdesk.core.jobs.stoppable): a quit never waits for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqdesk.core import backup, coupons, ledger, member_stats, settings, shop_settings
from sqdesk.core.jobs import Cancelled, ShouldStop, never_stop, stoppable
from sqdesk.core.store import Store

DAY_KEY = "upkeep.day"


@dataclass
class Upkept:
    """What the day's upkeep did: `ran` is False when the day was already done."""

    ran: bool
    expired: int = 0
    damage: list[str] = field(default_factory=list)
    sound_copy: backup.BackupInfo | None = None  # the newest good copy, when damaged
    left_plain: list[str] = field(default_factory=list)  # older copies that would not pack


def done_on(store: Store) -> date | None:
    """The day the upkeep last finished on this store (None: never, or unreadable)."""
    try:
        with store.read() as s:
            day = settings.get(s, DAY_KEY)
    except Exception:  # a damaged file: the upkeep's own look says what is wrong
        return None
    return date.fromisoformat(day) if day else None


def is_due(store: Store, today: date) -> bool:
    return not store.read_only and done_on(store) != today


def run(store: Store, *, today: date | None = None, keep_copies: bool = False,
        should_stop: ShouldStop = never_stop) -> Upkept:  # fmt: skip
    """The day's upkeep, unless it was done today. `keep_copies`: a SQLite file of the shop's
    own (not the demo), so it is looked over and copied."""
    today = today or date.today()
    if not is_due(store, today):
        return Upkept(ran=False)

    def step() -> None:
        if should_stop():
            raise Cancelled()

    with stoppable(should_stop):
        path: Path | None = store.path if keep_copies else None
        if path is not None:
            damage = backup.quick_check(path)
            if damage:  # a damaged file is not copied over good copies, nor changed
                return Upkept(True, damage=damage,
                              sound_copy=backup.newest_sound(path,
                                                             folder=backup.folder_for(store)))
            step()
            wanted = shop_settings.values(store)
            if wanted["backups.daily"]:  # the daily copy, the last N days kept
                backup.auto_backup(path, keep=wanted["backups.keep_days"],
                                   folder=backup.folder_for(store))  # fmt: skip
        step()
        expired = ledger.expire(store, today=today)
        step()
        coupons.birthday_coupons(store, today=today)  # the month's, once a year each
        step()
        # Today's visit figures, so the first click on a segment is instant.
        member_stats.ensure_current(store, today=today)
        step()
        left_plain = []
        if path is not None:  # the older copies packed, last: seconds for a big store
            left_plain = backup.pack_older(path, folder=backup.folder_for(store)).left
            step()
        with store.session() as s:
            settings.put(s, DAY_KEY, today.isoformat())
    return Upkept(True, expired=expired, left_plain=left_plain)
