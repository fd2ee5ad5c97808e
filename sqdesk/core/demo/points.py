"""Demo visits and points: a few years of a shop's ledger, as the ledger service would
have written it, simulated in bulk.

Every member's visits are generated, then all events are played in time order (so a
referral bonus lands in the referrer's history where it belongs), earning by the store's
rules, redeeming now and then, expiring lots a year on, oldest first. The result passes
`check` exactly as a ledger built visit by visit would; at 100,000 members it is about
two million entries.
"""

from __future__ import annotations

import multiprocessing
import queue
import random
import threading
from bisect import bisect
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate
from multiprocessing.reduction import ForkingPickler

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.engine import Dialect

from sqdesk.core import bulk, ledger, ledger_days, member_stats, visit_hours
from sqdesk.core.checkpoints import THREAD_NAME as CHECKPOINT_THREAD
from sqdesk.core.demo.notes import note_rows, note_statements
from sqdesk.core.jobs import Cancelled, Progress, ShouldStop
from sqdesk.core.models import (
    LedgerConsumption,
    LedgerEntry,
    Level,
    LevelChange,
    MemberPoints,
    Note,
    OpenLot,
    Reward,
    Visit,
    local_offset_seconds,
)
from sqdesk.core.points_rules import EarningRules, expiry_date, visit_awards

DEMO_REWARDS = (("美式咖啡一杯", 120, None), ("第二杯半价券", 60, None), ("招牌奶茶", 180, None),
                ("限定帆布袋", 600, 200))  # fmt: skip
DEMO_LEVELS = (("普通会员", 0, "生日当月双倍积分"), ("银卡会员", 500, "每月一张第二杯半价券"),
               ("金卡会员", 2000, "新品优先试喝，每月免费升杯两次"),
               ("黑金会员", 5000, "专属社群，线下茶会邀请"))  # fmt: skip
CHANNELS = (("门店", 70), ("小程序", 18), ("外卖", 12))
# Summed once: choices() with weights= sums them on every call, 1.4 million times at 100k
# members. The same draws either way (choices computes these sums from weights=).
_CHANNEL_NAMES = [c for c, _ in CHANNELS]
_CHANNEL_SUMS = list(accumulate(w for _, w in CHANNELS))
_CHANNEL_TOTAL = _CHANNEL_SUMS[-1] + 0.0
_CHUNK = 20000
FIRST_VISITS = 3  # kept for each member (the demo's coupons are used on one of them)
_YEAR = timedelta(days=365)
# The rows are made as tuples of these columns (bulk.driver_rows): 3.5 million dicts at
# 100k members cost more to make and to read back than the tuples.
VISIT_COLUMNS = ("id", "member_id", "at", "amount_cents", "channel", "remark", "voided",
                 "created_at")  # fmt: skip
ENTRY_COLUMNS = ("id", "member_id", "at", "kind", "amount", "reason", "source_type",
                 "source_id", "source_key", "reverses_id", "expires_on", "actor")  # fmt: skip
CONSUMPTION_COLUMNS = ("entry_id", "lot_id", "points")
LOT_COLUMNS = ("lot_id", "member_id", "expires_on", "points_left")


@dataclass
class _Member:
    id: int
    joined: date
    birthday: date | None
    referrer: int | None
    visits: int = 0
    balance: int = 0
    lots: list[list] = field(default_factory=list)  # [entry id, left, expires]
    window: deque[tuple[datetime, int]] = field(default_factory=deque)  # earned, last 365 days
    window_sum: int = 0
    reached: dict[int, datetime] = field(default_factory=dict)  # threshold -> when (last)
    firsts: list[tuple[int, datetime, int]] = field(default_factory=list)  # FIRST_VISITS


class _Ledger:
    """The rows being built, with ids assigned in the order the service would have."""

    def __init__(self, first_entry: int, first_visit: int) -> None:
        self.entries: list[tuple] = []  # ENTRY_COLUMNS
        self.consumptions: list[tuple] = []  # CONSUMPTION_COLUMNS
        self.visits: list[tuple] = []  # VISIT_COLUMNS
        self.next_entry = first_entry
        self.next_visit = first_visit

    def take(self) -> tuple[list[tuple], list[tuple], list[tuple]]:
        """The rows made since the last take, to be written."""
        made = (self.visits, self.entries, self.consumptions)
        self.visits, self.entries, self.consumptions = [], [], []
        return made

    def entry(self, m: _Member, at: datetime, kind: str, amount: int, reason: str, source: str,
              source_id: int | None, key: str | None, expires: date | None) -> int:  # fmt: skip
        entry_id = self.next_entry
        self.next_entry += 1
        self.entries.append((entry_id, m.id, at, kind, amount, reason, source, source_id, key,
                             None, expires, "demo"))  # fmt: skip
        m.balance += amount
        return entry_id

    def earned(self, m: _Member, at: datetime, points: int, thresholds: list[int]) -> None:
        """Track points earned in the last 365 days, and when each level was reached."""
        m.window.append((at, points))
        m.window_sum += points
        cutoff = at - _YEAR
        while m.window and m.window[0][0] < cutoff:
            m.window_sum -= m.window.popleft()[1]
        before = m.window_sum - points
        for t in thresholds:
            if before < t <= m.window_sum:
                m.reached[t] = at

    def consume(self, m: _Member, entry_id: int, points: int) -> None:
        for lot in m.lots:  # oldest first: lots are made in time order
            if points == 0:
                break
            take = min(points, lot[1])
            if take:
                self.consumptions.append((entry_id, lot[0], take))
                lot[1] -= take
                points -= take
        m.lots = [lot for lot in m.lots if lot[1] > 0]

    def expire_due(self, m: _Member, day: date) -> None:
        # Lots expire in the order they were earned (a year on, or at a year's end), so
        # only the oldest lots can be due.
        while m.lots and m.lots[0][2] is not None and m.lots[0][2] <= day:
            lot = m.lots.pop(0)
            at = datetime.combine(lot[2], time(0, 5), UTC)
            entry_id = self.entry(m, at, ledger.EXPIRE, -lot[1],
                                  f"points earned before {lot[2].isoformat()} expired",
                                  "expiry", lot[0], None, None)  # fmt: skip
            self.consumptions.append((entry_id, lot[0], lot[1]))


def _visit_times(rng: random.Random, m: _Member, today: date, offset: timedelta,
                 now: datetime) -> list[datetime]:  # fmt: skip
    """The member's visits, in the shop's opening hours (08:00-22:00 by the shop's clock:
    `offset` is its distance from UTC); one later today than `now` has not happened, and is
    left out (moving it to yesterday doubled yesterday's visits on the Dashboard)."""
    days = (today - m.joined).days
    if days < 0:
        return []
    kind = rng.random()
    # Many visit once or twice, a core comes weekly; some went quiet after a while.
    per_month = 0.3 if kind < 0.35 else (1.2 if kind < 0.8 else (3.0 if kind < 0.95 else 7.0))
    active_days = days if rng.random() > 0.3 else int(days * rng.random())
    expected = per_month * active_days / 30 + 0.01
    floor = 1 if rng.random() < 0.85 else 0  # most who join buy something
    count = min(300, max(floor, int(rng.expovariate(1 / expected))))
    out = []
    for _ in range(count):
        day = m.joined + timedelta(days=rng.randrange(active_days + 1))
        when = datetime.combine(day, time(rng.randrange(8, 22), rng.randrange(60)), UTC) - offset
        if when <= now:
            out.append(when)
    return sorted(out)


def fill_points(s, *, seed: int, today: date, members: list[dict],
                progress: Progress, should_stop: ShouldStop,
                write_members: Iterable[object] = (),
                first_note: int | None = None) -> FirstVisits:  # fmt: skip
    """Visits, ledger, rewards and levels for these members (their rows: id, joined_on,
    birthday, referrer_id); returns each member's first visits (FIRST_VISITS of them, as
    the simulation made them: the demo's coupons are used on them, not read back from a
    window over every visit, 1.7 s at 100k).

    `write_members` writes the rows a step at a time: every step is done before any visit,
    entry or note is written, and where the years are simulated in a second process they
    are written while it starts on them (on two cores the members' 6.6-11 s at 100k were
    spent before the simulation began). With `first_note` (the first note's number), the
    demo's notes are made there too, from each member's number of visits once they are
    drawn, and written before the years (sqdesk.core.demo.notes.note_rows)."""
    rules = ledger.rules_in(s)
    rewards = _ensure_catalog(s)
    people = {r["id"]: _Member(r["id"], r["joined_on"], r["birthday"], r["referrer_id"])
              for r in members}  # fmt: skip
    if not people:
        for _step in write_members:
            pass
        return {}
    conn = s.connection()
    plan = _Plan(
        seed=seed, today=today, rules=rules, rewards=rewards, people=people,
        thresholds=sorted(t for (t,) in s.execute(select(Level.threshold)) if t > 0),
        first_entry=(s.scalar(select(func.max(LedgerEntry.id))) or 0) + 1,
        first_visit=(s.scalar(select(func.max(Visit.id))) or 0) + 1,
        dialect=conn.dialect, first_note=first_note,
    )  # fmt: skip
    loaded = (*(table for table, _ in _LOADS), OpenLot.__table__,
              *((Note.__table__,) if first_note is not None else ()))  # fmt: skip
    with bulk.indexes_set_aside(conn, *loaded, keep=_IN_TIME_ORDER):
        # Each chunk of the years is written while the next is simulated: in a second
        # process where one can be forked, otherwise here, one after the other.
        chunks = (_forked(plan, should_stop, first=write_members) if _can_fork()
                  else _in_turn(_simulated(plan), first=write_members))  # fmt: skip
        with closing(chunks):  # a stop or a failure here ends the simulation at once
            for done, total, notes, statements in chunks:
                if should_stop():
                    raise Cancelled()
                if notes:
                    statements = note_statements(conn.dialect, notes)
                for statement, rows in statements:
                    conn.exec_driver_sql(statement, rows)
                progress(done, total)
    people = plan.people  # as the years left them (from the child, when forked)
    _write(s, people, plan.rewards)
    first_change = (s.scalar(select(func.max(LevelChange.id))) or 0) + 1
    ledger.refresh_levels_in(s, today=date.today())
    # Levels were reached over the years, not all today: date each change at the moment
    # the member's 12-month earnings last crossed that level's threshold.
    level_threshold = dict(s.execute(select(Level.id, Level.threshold)).all())
    dated = []
    for change_id, member_id, level_id in s.execute(
        select(LevelChange.id, LevelChange.member_id, LevelChange.to_level_id)
        .where(LevelChange.id >= first_change)
    ).all():  # fmt: skip
        m = people.get(member_id)
        when = m.reached.get(level_threshold.get(level_id, 0)) if m else None
        if when is None and m is not None and m.window:
            when = m.window[0][0]
        if when is not None:
            dated.append({"b_id": change_id, "b_at": when})
    if dated:
        changes = LevelChange.__table__
        s.connection().execute(
            update(changes).where(changes.c.id == bindparam("b_id")).values(at=bindparam("b_at")),
            dated,
        )
    member_stats.rebuild_all(s, today=date.today())
    return {m.id: m.firsts for m in people.values() if m.firsts}


@dataclass
class _Plan:
    """What the simulation starts from; `people` and `rewards` hold where it ended."""

    seed: int
    today: date
    rules: EarningRules
    rewards: list[list]
    people: dict[int, _Member]
    thresholds: list[int]
    first_entry: int
    first_visit: int
    dialect: Dialect  # the rows are converted for it where they are made
    first_note: int | None = None  # the notes' first number; None: no notes


# Each member's first visits: (visit id, moment, amount in cents), in time order.
FirstVisits = dict[int, list[tuple[int, datetime, int]]]
# (events done, events, notes' rows (NOTE_COLUMNS), [(INSERT, rows as the driver takes them)]):
# the notes are converted where they are written (_notes).
Chunk = tuple[int, int, list[tuple], list[tuple[str, list[tuple]]]]
_LOADS = ((Visit.__table__, VISIT_COLUMNS), (LedgerEntry.__table__, ENTRY_COLUMNS),
          (LedgerConsumption.__table__, CONSUMPTION_COLUMNS))  # fmt: skip
# The indexes kept while the years are written (bulk.indexes_set_aside): their keys come in
# the order the chunks are (visits and entries by time, consumption by entry), so each row
# goes at an index's end, while the writer would wait for the simulation anyway. Built
# after the years instead, they kept the writer 1.2-1.5 s longer on the 100k demo (58.5 ->
# 57.0-57.3 s).
_IN_TIME_ORDER = ("ix_visit_at", "ix_ledger_entry_month", "ix_ledger_consumption_entry")


def _chunk(plan: _Plan, done: int, total: int, book: _Ledger) -> Chunk:
    """The rows made since the last chunk, converted for the store's driver (bulk.driver_rows):
    in the second process that is work taken off the one that writes."""
    made = book.take()
    return done, total, [], [bulk.driver_rows(plan.dialect, table, names, rows)
                                       for (table, names), rows in zip(_LOADS, made, strict=True)
                                       if rows]  # fmt: skip


def _simulated(plan: _Plan) -> Iterator[Chunk]:
    """Every member's visits played in time order, yielded as chunks of rows (their visits,
    entries and consumptions) every _CHUNK visits, after the notes' (when planned);
    `plan.people` and `plan.rewards` end as the years left them."""
    rng = random.Random(plan.seed * 7919 + 1)
    people, rules, thresholds, today = plan.people, plan.rules, plan.thresholds, plan.today
    offset, now = timedelta(seconds=local_offset_seconds()), datetime.now(UTC)
    events = [(when, mid) for mid, m in people.items()
              for when in _visit_times(rng, m, today, offset, now)]
    events.sort()
    if plan.first_note is not None:  # they need only each member's number of visits
        yield from _notes(plan, Counter(mid for _when, mid in events), len(events))
    book = _Ledger(plan.first_entry, plan.first_visit)
    affordable = sorted(plan.rewards, key=lambda r: r[1])
    expiry_of: dict[date, date | None] = {}
    for index, (when, mid) in enumerate(events):
        if index % _CHUNK == 0 and index:
            yield _chunk(plan, index, len(events), book)
        m = people[mid]
        day = when.date()
        book.expire_due(m, day)
        amount = int(rng.lognormvariate(3.4, 0.55) * 100) // 10 * 10  # around ¥30, in 角
        visit_id = book.next_visit
        book.next_visit += 1
        book.visits.append((visit_id, mid, when, amount, _channel(rng), "", False, when))
        first = m.visits == 0
        m.visits += 1
        if m.visits <= FIRST_VISITS:
            m.firsts.append((visit_id, when, amount))
        if day not in expiry_of:  # a few thousand days for 1.4 million visits
            expiry_of[day] = expiry_date(day, rules)
        expires = expiry_of[day]
        for award in visit_awards(amount, day, birthday=m.birthday, first_visit=first,
                                  rules=rules):  # fmt: skip
            entry_id = book.entry(m, when, ledger.EARN, award.points, award.english, "visit",
                                  visit_id, f"visit:{visit_id}:{award.rule}", expires)  # fmt: skip
            m.lots.append([entry_id, award.points, expires])
            book.earned(m, when, award.points, thresholds)
        if first and m.referrer in people and rules.referral_bonus and amount > 0:
            ref = people[m.referrer]
            book.expire_due(ref, day)
            entry_id = book.entry(
                ref,
                when,
                ledger.EARN,
                rules.referral_bonus,
                "referral bonus",
                "visit",
                visit_id,
                f"referral:{mid}",
                expires,
            )
            ref.lots.append([entry_id, rules.referral_bonus, expires])
            book.earned(ref, when, rules.referral_bonus, thresholds)
        if m.balance >= affordable[0][1] and rng.random() < 0.12:
            choices = [r for r in affordable if r[1] <= m.balance and (r[2] is None or r[2] > 0)]
            if choices:
                reward = rng.choice(choices)
                entry_id = book.entry(
                    m,
                    when + timedelta(minutes=1),
                    ledger.REDEEM,
                    -reward[1],
                    f"redeemed {reward[3]}",
                    "reward",
                    reward[0],
                    None,
                    None,
                )
                book.consume(m, entry_id, reward[1])
                if reward[2] is not None:
                    reward[2] -= 1
    for m in people.values():
        book.expire_due(m, today)
    yield _chunk(plan, len(events), len(events), book)
    yield from _open_lots(plan, len(events), book.next_entry)
    for m in people.values():
        _keep_what_is_written(m)


def _open_lots(plan: _Plan, events: int, next_entry: int) -> Iterator[Chunk]:
    """What is left of each lot when the years end, in the order the lots were earned:
    made where the years are (forked, while the writer writes the chunk before; in the
    writer it kept the years' end 1.5 s longer at 100k). From the simulation's own lots, not
    what open_lots.from_ledger would sum again from two million entries (7 s); `check`
    compares the two.

    A lot's number is its entry's, and the entries are numbered from plan.first_entry on:
    each lot is put in its entry's place, not sorted. The rows go in parts, so that the
    writer starts on the first while the rest are converted (at 100k, 950,000 lots sorted,
    converted and sent whole kept the writer waiting 2.6 s)."""
    first = plan.first_entry
    slots: list[tuple | None] = [None] * (next_entry - first)
    for m in plan.people.values():
        for entry_id, left, expires in m.lots:
            slots[entry_id - first] = (entry_id, m.id, expires, left)
    lots = [lot for lot in slots if lot is not None]
    del slots
    for start in range(0, len(lots), _LOTS_PART):
        part = lots[start:start + _LOTS_PART]
        yield events, events, [], [bulk.driver_rows(plan.dialect, OpenLot.__table__,
                                                    LOT_COLUMNS, part)]  # fmt: skip


_LOTS_PART = 100_000  # open lots a part (_open_lots)


def _keep_what_is_written(m: _Member) -> None:
    """A member as the years left them, cut to what is written after (_write, the
    levels' dates and the first visits for the coupons): of the 12 months' window only
    when it began, and no lots (their rows went before, _open_lots). Forked, the members are
    sent back whole: on the 100k demo the windows' 1.3 million earnings (and each open
    lot's time, which nothing read) made them 57 MB, pickled in 2.9 s while the writer
    waited; 26 MB in 1.0 s without."""
    if len(m.window) > 1:
        m.window = deque((m.window[0],))
    m.lots = []  # written: _open_lots


def _can_fork() -> bool:
    """A second process for the simulation where it is safe to fork one: not on Windows
    (no fork), and not from a process with other threads (the app's window: a fork copies
    only this thread, and a lock another one held would never be let go in the copy). The
    store's checkpoint thread does not count: the copy never touches SQLite, so nothing
    that thread can hold is ever asked for there."""
    others = [t for t in threading.enumerate()
              if t is not threading.current_thread() and t.name != CHECKPOINT_THREAD]
    return "fork" in multiprocessing.get_all_start_methods() and not others


def _notes(plan: _Plan, visits: dict[int, int], events: int) -> Iterator[Chunk]:
    """The demo's notes as chunks of rows, made where the years are: forked, that is 3.5 s
    of Python at 100k off the writer, done while it writes the members. Not converted for
    the driver here, unlike the ledger's rows: the simulation sets the pace, and converting
    them (and their search index's terms) here added to it (at 100k, the child's work
    31.3 -> 32.1 s, the demo 51.7 -> 52.3 s, in one try each)."""
    people = [(m.id, m.joined) for m in plan.people.values()]
    _total, chunks = note_rows(seed=plan.seed, today=plan.today, people=people, visits=visits,
                               first_id=plan.first_note)  # fmt: skip
    for rows in chunks:
        yield 0, events, rows, []


def _in_turn(made: Iterator[Chunk], first: Iterable[object] = ()) -> Iterator[Chunk]:
    """_simulated's chunks in this process, the `first` work done whole before anything is
    simulated."""
    for _step in first:
        pass
    yield from made


def _forked(plan: _Plan, should_stop: ShouldStop,
            first: Iterable[object] = ()) -> Iterator[Chunk]:  # fmt: skip
    """_simulated in a forked process, its chunks sent back as they are made: on two cores
    the years are simulated while the chunks before are written (the simulation is pure
    Python; it touches no store). The child inherits `plan`; what it ends with comes back
    last. A stop, or the child's failure, ends the child.

    The child need not wait on the pipe: a thread here reads each message as it comes and
    keeps it as it came, pickled (_read_all), while this one writes: the `first` work
    (writing the members) a step at a time as soon as the child runs, then each chunk. Read
    between the writes instead, the child waited for every chunk of notes the writer wrote
    (at 100k it ran 2.8 s of the 6.4 it took making them, and the years ended 2.3 s
    later). At most _KEPT messages are kept: a writer slower than the child (a far
    PostgreSQL server) holds it up there, so the years' rows are never all held at once."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_simulate_to, args=(plan, send, receive), daemon=True)
    child.start()
    send.close()
    arrived: queue.Queue[bytes | None] = queue.Queue(maxsize=_KEPT)  # None: the child's end
    reader = threading.Thread(target=_read_all, args=(receive, arrived), daemon=True,
                              name="demo-simulation-reader")  # fmt: skip
    reader.start()
    try:
        for _step in first:
            if should_stop():
                raise Cancelled()
        while True:
            if should_stop():
                raise Cancelled()
            try:
                message = arrived.get(timeout=0.2)  # asked again: a stop is seen within 0.2 s
            except queue.Empty:
                continue
            if message is None:
                kind, payload = "failed", f"the process ended with code {child.exitcode}"
            else:
                kind, payload = ForkingPickler.loads(message)
            if kind == "chunk":
                yield payload
            elif kind == "ended":
                plan.people, plan.rewards = payload
                return
            else:
                raise RuntimeError(f"the demo's simulation failed: {payload}")
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        # The child's end is closed, so the reader has its last message; a full queue holds
        # it up, so what it keeps is let go until it has ended.
        while reader.is_alive():
            while not arrived.empty():
                arrived.get_nowait()
            reader.join(0.05)
        receive.close()


# Messages kept at most (_forked): the 100k demo's notes are 27, and its chunks of the years
# a few MB each; the writer on SQLite keeps up with them, and kept some 30 at the most.
_KEPT = 48


def _read_all(receive, arrived: queue.Queue) -> None:
    """Every message from the child as it was sent, then None once its end is closed."""
    while (message := _received(receive)) is not None:
        arrived.put(message)
    arrived.put(None)


def _received(receive) -> bytes | None:
    """The child's next message as it was sent (what `recv` would unpickle), or None once
    its end is closed."""
    try:
        return receive.recv_bytes()
    except EOFError:
        return None


def _simulate_to(plan: _Plan, send, receive) -> None:
    """The child's work (see _forked). Its copy of the parent's end is closed first: with
    it open, a send after the parent let go would wait for a reader that never comes. The
    cyclic collector is off here as in the parent (fill_demo_store), whose state the fork
    copied."""
    receive.close()
    try:
        for item in _simulated(plan):
            send.send(("chunk", item))
        send.send(("ended", (plan.people, plan.rewards)))
    except Exception as exc:  # reported to the parent, which raises it there
        send.send(("failed", f"{type(exc).__name__}: {exc}"))
    finally:
        send.close()


def _channel(rng: random.Random) -> str:
    # What rng.choices(_CHANNEL_NAMES, cum_weights=_CHANNEL_SUMS)[0] computes, the same draw
    # from the same random(), without its checks and list: 1.4 million calls at 100k.
    return _CHANNEL_NAMES[bisect(_CHANNEL_SUMS, rng.random() * _CHANNEL_TOTAL, 0,
                                 len(_CHANNEL_NAMES) - 1)]


def _ensure_catalog(s) -> list[list]:
    """[id, cost, stock left, name] of the demo rewards, adding catalog and levels once."""
    if not s.scalar(select(func.count(Reward.id))):
        s.add_all(Reward(name=n, cost=c, stock=st) for n, c, st in DEMO_REWARDS)
    if not s.scalar(select(func.count(Level.id))):
        s.add_all(Level(name=n, threshold=t, benefits=b) for n, t, b in DEMO_LEVELS)
    s.flush()
    return [[r.id, r.cost, r.stock, r.name] for r in s.scalars(select(Reward))]


def _write(s, people: dict[int, _Member], rewards: list[list]) -> None:
    conn = s.connection()
    # Visits, entries, consumption and open lots went in bulk: their derived tables are
    # made from them.
    ledger_days.rebuild_all(s)
    visit_hours.rebuild_all(s)
    existing = set(s.scalars(select(MemberPoints.member_id)))
    balances = [{"member_id": m.id, "balance": m.balance, "level_id": None}
                for m in people.values() if m.balance or m.visits]  # fmt: skip
    fresh = [b for b in balances if b["member_id"] not in existing]
    if fresh:
        conn.execute(insert(MemberPoints.__table__), fresh)
    for b in balances:
        if b["member_id"] in existing:
            row = s.get(MemberPoints, b["member_id"])
            row.balance = b["balance"]
    for reward_id, _cost, stock, _name in rewards:
        if stock is not None:
            s.get(Reward, reward_id).stock = stock
    s.flush()
