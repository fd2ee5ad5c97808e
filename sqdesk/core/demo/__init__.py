"""The demo generator: a realistic store for trying sqdesk, screenshots and benchmarks.

Every feature adds its own demo data here, so the demo store always shows every page filled.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlalchemy import func, select

from sqdesk.core import bulk, contact_days, search
from sqdesk.core.codes import serial_of
from sqdesk.core.demo.calendar import fill_calendar
from sqdesk.core.demo.coupons import fill_coupons
from sqdesk.core.demo.groups import fill_groups
from sqdesk.core.demo.members import demo_member_rows
from sqdesk.core.demo.notes import fill_notes
from sqdesk.core.demo.points import fill_points
from sqdesk.core.demo.posts import fill_post_history
from sqdesk.core.demo.tagging import fill_tags
from sqdesk.core.gc_pause import collector_paused
from sqdesk.core.jobs import Cancelled, Progress, ShouldStop, never_stop, no_progress
from sqdesk.core.member_edit import next_code
from sqdesk.core.models import Member, MemberToken, Note, Setting
from sqdesk.core.store import Store, sync_id_sequence, whole_cache

CHUNK = 5000
DEMO_SHOP = {"shop.name": "茶语时光 · 天河店", "shop.manager": "林店长",
             "shop.address": "天河路 385 号 1 楼", "shop.hours": "08:00-22:00"}


# Python's cyclic collector is held off while the demo is made (core/gc_pause.py): millions
# of rows, visits and lots stay alive until written, and each collection walked all of
# them; none of them is a cycle. At 100k members it took a fifth of the demo (114 -> 93 s);
# what cycles the store's session makes meanwhile are collected after.
@collector_paused()
def fill_demo_store(
    store: Store,
    *,
    members: int,
    seed: int = 42,
    today: date | None = None,
    progress: Progress = no_progress,
    should_stop: ShouldStop = never_stop,
    points: bool = True,
    notes: bool = True,
) -> int:
    """Add `members` demo members with their visits and points, in one transaction.

    Returns the number of members added. All or nothing: a stop or an error adds none.
    """
    today = today or date.today()
    with store.session() as s, whole_cache(s):
        max_id = s.scalar(select(func.max(Member.id))) or 0
        first_serial = serial_of(next_code(s))
        taken = set(s.scalars(select(Member.mobile).where(Member.mobile.is_not(None))))
        rows = list(demo_member_rows(
            members,
            seed=seed,
            today=today,
            first_id=max_id + 1,
            first_serial=first_serial,
            taken_mobiles=taken,
        ))

        def write_members():
            yield from _member_steps(s, rows, progress=progress, should_stop=should_stop)
            fill_tags(s, seed=seed, first_member_id=max_id + 1)  # they need only the members

        steps = write_members()
        if points:
            # The members and their tags are written while the years are simulated (in a
            # second process where one can be forked): the simulation needs only the rows.
            # The notes are made there too: they need only each member's number of visits.
            first_note = (s.scalar(select(func.max(Note.id))) or 0) + 1 if notes else None
            first_visits = fill_points(
                s, seed=seed, today=today, members=rows, write_members=steps,
                progress=progress, should_stop=should_stop, first_note=first_note)  # fmt: skip
        else:
            for _step in steps:
                pass
        fill_groups(s, seed=seed, today=today, first_member_id=max_id + 1)
        # Rows above were written with explicit ids: PostgreSQL's sequences catch up before
        # the calendar writes ledger entries the ordinary way.
        for table in ("visit", "ledger_entry", "ledger_consumption", "wechat_group",
                      "group_membership"):  # fmt: skip
            sync_id_sequence(s, table)
        if points:  # attendance pays points: it needs the ledger the points step makes
            fill_calendar(s, seed=seed, today=today, first_member_id=max_id + 1)
        if points:  # used coupons are tied to the visits the points step made
            fill_coupons(s, seed=seed, today=today, first_member_id=max_id + 1,
                         first_visits=first_visits)  # fmt: skip
        if notes and not points:  # with points they were made with the years (above)
            fill_notes(s, seed=seed, today=today, first_member_id=max_id + 1,
                       progress=progress, should_stop=should_stop)  # fmt: skip
        if notes:
            sync_id_sequence(s, "note")
        contact_days.rebuild_all(s)  # visits, attendance and notes were loaded in bulk
        for key, value in DEMO_SHOP.items():
            if s.get(Setting, key) is None:
                s.add(Setting(key=key, value=value))
    if points:
        # After the members are in: the history is rendered by the code the Copy buttons
        # use, which reads the store. Without it the store is whole, just quieter.
        fill_post_history(store, seed=seed, today=today)
    return len(rows)


def _member_steps(s, rows: list[dict], *, progress: Progress,
                  should_stop: ShouldStop) -> Iterator[int]:  # fmt: skip
    """The members written a chunk at a time, yielding how many so far after each."""
    done = 0
    progress(0, len(rows))
    conn = s.connection()
    with bulk.indexes_set_aside(conn, Member.__table__, MemberToken.__table__):
        for start in range(0, len(rows), CHUNK):
            if should_stop():
                raise Cancelled()
            chunk = rows[start : start + CHUNK]
            # One executemany per table through the driver (core/bulk.py), each member
            # written with its sort key so the tokens need no second pass over the rows.
            for row in chunk:
                row["name_sort"] = search.name_sort_of(row)
            bulk.insert_rows(conn, Member.__table__, chunk)
            search.insert_tokens(conn, chunk)
            done += len(chunk)
            progress(done, len(rows))
            yield done
    sync_id_sequence(s, "member")
