"""Who the shop had contact with, day by day (the `contact_day` table): for each day in the
shop's time, a bitmap of the members who came (VISITED), of those who came twice or more
that day (AGAIN), and of those with another contact (OTHER: taking part in an activity, a
note about them, a post copied for them one by one).

The dashboard's headline counts distinct members over a period: visitors, repeat
visitors, active members. Asked member by member they are up to five index seeks for each
of 100,000 members (110-120 ms for any period on the 100k store); from this table they are
the period's bitmaps OR-ed (30 days: about 90 small rows; 12 months, about 1,100), each
member counted once by a popcount. A member's bit is their id: bit m of the integer, the
integer kept little-endian and compressed as an LZ4 block (a day's 1,300 visitors out of
100,000 members is 12.5 KB as a bitmap, 2-4 KB compressed). LZ4, not zlib: a board reads
thousands of bitmaps, and LZ4 gives each back in 2 us where zlib took 35 (migration 0044).

Derived data: filled by its migration (0042) and after a bulk load, then kept inside every
transaction that adds a contact (a bit set: add_contact, add_attendance, add_copy) or takes
one away (the member's days worked out again from the sources: refresh). Every write of a
contact comes through here, which also keeps each member's latest contact
(sqdesk.core.last_contact). `check` compares both with the sources.

A moment's day is read with today's offset from UTC (China keeps one all year; elsewhere a
contact in the hour a clock changes may land on the neighbouring day), an activity's by
its occurrence's date.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import lz4.block
from sqlalchemy import (
    BigInteger,
    Integer,
    String,
    bindparam,
    cast,
    delete,
    extract,
    func,
    insert,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from sqdesk.core import last_contact
from sqdesk.core.models import (
    Attendance,
    ContactDay,
    Member,
    Note,
    PostCopy,
    Visit,
    local_offset_seconds,
    member_of_copy,
)
from sqdesk.core.prepared import Prepared
from sqdesk.core.upserts import insert_for

if TYPE_CHECKING:
    from sqdesk.core.store import Store

VISITED, AGAIN, OTHER = 1, 2, 3
KINDS = (VISITED, AGAIN, OTHER)
_EPOCH = date(1970, 1, 1)
_DAY_US = 86_400_000_000
_SHIFT_DAYS = 719_163  # 0001-01-01 is day -719,162
_TABLE = ContactDay.__table__
FEW_IDS = 5_000  # members_bitmap reads so many ids one by one


def day_number(day: date) -> int:
    return (day - _EPOCH).days


def day_of(at: datetime) -> int:
    """The shop's day of a moment (today's offset), as a day number."""
    local = at.astimezone(UTC).replace(tzinfo=None) + timedelta(seconds=local_offset_seconds())
    return day_number(local.date())


def pack(bits: int) -> bytes:
    """A bitmap as kept: little-endian bytes in an LZ4 block that starts with their size."""
    return lz4.block.compress(bits.to_bytes((bits.bit_length() + 7) // 8, "little"),
                              store_size=True)  # fmt: skip


def unpack(blob: bytes | None) -> int:
    return int.from_bytes(lz4.block.decompress(blob), "little") if blob else 0


def bitmap(member_ids: Iterable[int]) -> int:
    """The bitmap of these members (a bytearray filled, then one integer: setting bits of
    a growing integer one by one would copy it each time; a few are set so)."""
    ids = list(member_ids)
    if len(ids) <= 8:
        bits = 0
        for m in ids:
            bits |= 1 << m
        return bits
    buf = bytearray(max(ids) // 8 + 1)
    for m in ids:
        buf[m >> 3] |= 1 << (m & 7)
    return int.from_bytes(buf, "little")


def members_in(bits: int) -> list[int]:
    """The member ids in a bitmap (tests and messages: a few at a time)."""
    out, m = [], 0
    while bits:
        if bits & 1:
            out.append(m)
        bits >>= 1
        m += 1
    return out


# --- keeping it ------------------------------------------------------------------------------


def add_contact(s: Session, member_id: int, at: datetime, *, visit: bool = False) -> None:
    """A contact just added at `at` (a `visit`, a note, a post copied for the member): its
    day, and the member's latest contact (sqdesk.core.last_contact)."""
    last_contact.add(s, [member_id], at)
    _add(s, [member_id], day_of(at), visit=visit)


def add_attendance(s: Session, member_ids: list[int], day: date) -> None:
    """Members who just took part in an activity on `day` (attendance counts by the
    occurrence's day), in one go (a 接龙 records dozens at once)."""
    last_contact.add_day(s, member_ids, day)
    _add(s, member_ids, day_number(day), visit=False)


def add_copy(s: Session, rendered_for: str, at: datetime) -> None:
    """A post just copied at `at`: for one member ("member:12"), a contact; else nothing."""
    target = rendered_for.removeprefix("member:")
    if rendered_for.startswith("member:") and target.isdigit():
        add_contact(s, int(target), at)


def _add(s: Session, member_ids: Iterable[int], day: int, *, visit: bool) -> None:
    """Contacts just added on `day` (a day number): a visit for each member (VISITED, or
    AGAIN when they had come that day already), or another contact (OTHER)."""
    ids = set(member_ids)
    if not ids:
        return
    if not visit:
        _change(s, day, OTHER, add=ids)
        return
    came = _locked(s, day, VISITED, create=True)
    again = {m for m in ids if came >> m & 1}
    if again:
        _change(s, day, AGAIN, add=again)
    if ids - again:
        _change(s, day, VISITED, add=ids - again, before=came)


def refresh(s: Session, member_ids: Iterable[int], days: Iterable[int]) -> None:
    """These members' bits on these days, and their latest contacts, worked out again from
    the sources (a visit undone, a member merged into another or deleted): only the days
    given are looked at."""
    ids, days = set(member_ids), set(days)
    s.flush()
    for member_id in ids:
        last_contact.refresh_member(s, member_id)
    if not ids or not days:
        return
    expected = _expected(s, ids, days)
    for day in sorted(days):
        for kind in KINDS:
            want = expected.get((day, kind), set())
            _change(s, day, kind, add=want, remove=ids - want)


def member_days(s: Session, member_id: int) -> set[int]:
    """The days on which a member had a contact of any kind, from the sources."""
    return {day for day, _kind in _expected(s, {member_id}, None)}


# A visit reads and writes a day's row: through the driver, not SQLAlchemy's execution of
# a statement each time (0.17 of the 0.2 ms these took on the 100k store).
_READ = Prepared(lambda _dialect: select(_TABLE.c.bits).where(
    _TABLE.c.day == bindparam("day"), _TABLE.c.kind == bindparam("kind")).with_for_update())


def _locked(s: Session, day: int, kind: int, *, create: bool = False) -> int:
    """A day's bitmap, its row locked until the commit (PostgreSQL: two PCs recording on
    the same day take turns; SQLite's writer holds the whole file already). `create`: a
    missing row is made first (empty), so that there is a row to lock: two PCs adding the
    day's first bits would otherwise each write theirs over the other's."""
    conn = s.connection()
    found = _READ.column(conn, day=day, kind=kind)
    if not found and create:
        upsert = insert_for(conn.dialect.name)(_TABLE)
        conn.execute(upsert.values(day=day, kind=kind, bits=pack(0)).on_conflict_do_nothing())
        found = _READ.column(conn, day=day, kind=kind)
    return unpack(found[0]) if found else 0


def _change(s: Session, day: int, kind: int, *, add: Iterable[int] = (),
            remove: Iterable[int] = (), before: int | None = None) -> None:  # fmt: skip
    """Set the bits of `add` and clear those of `remove` in a day's bitmap; `before`, its
    bitmap when the caller has just read it locked (with `create`)."""
    add, remove = list(add), list(remove)
    bits = _locked(s, day, kind, create=bool(add)) if before is None else before
    new = (bits | bitmap(add)) & ~bitmap(remove)
    if new == bits and new:
        return
    conn = s.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    where = f"WHERE day = {mark} AND kind = {mark}"
    cursor = conn.connection.driver_connection.cursor()
    try:
        if not new:  # no empty row is left
            cursor.execute(f"DELETE FROM contact_day {where}", (day, kind))
        else:
            cursor.execute(f"UPDATE contact_day SET bits = {mark} {where}", (pack(new), day, kind))
    finally:
        cursor.close()


def rebuild_all(s: Session) -> None:
    """Every day's bitmaps, and every member's latest contact, from the sources (after a
    bulk load)."""
    last_contact.rebuild_all(s)
    s.execute(delete(_TABLE))
    rows = [{"day": day, "kind": kind, "bits": pack(bits)}
            for (day, kind), bits in sorted(_expected_bitmaps(s).items())]  # fmt: skip
    for start in range(0, len(rows), 500):
        s.execute(insert(_TABLE), rows[start:start + 500])


def differences(s: Session) -> Iterator[str]:
    """Where the table and its sources disagree (`check`)."""
    expected = _expected_bitmaps(s)
    kept = {(d, k): unpack(b) for d, k, b in s.execute(select(_TABLE.c.day, _TABLE.c.kind,
                                                              _TABLE.c.bits))}  # fmt: skip
    for key in sorted(set(expected) | set(kept)):
        want, have = expected.get(key, 0), kept.get(key, 0)
        if want != have:
            day, kind = key
            extra, missing = members_in(have & ~want)[:5], members_in(want & ~have)[:5]
            yield (f"contact day {_EPOCH + timedelta(days=day)} kind {kind}: members "
                   f"{extra} should not be there, {missing} are missing")


# --- the sources -----------------------------------------------------------------------------


def _expected_bitmaps(s: Session) -> dict[tuple[int, int], int]:
    return {key: bitmap(ids) for key, ids in _expected(s, None, None).items()}


def _expected(s: Session, member_ids: set[int] | None,
              days: set[int] | None) -> dict[tuple[int, int], set[int]]:  # fmt: skip
    """{(day, kind): member ids} from the visits, attendance, notes and posts copied, for
    these members (None: everyone) on these days (None: every day)."""
    offset = local_offset_seconds()
    if member_ids is None:
        # Everyone's (a bulk load's rebuild, `check`): 1.3 million (member, day) rows on the
        # 100k store, read through the driver's cursor in 1.1 s; through the session's
        # result rows they took 2.6-2.8 (sqdesk.core.prepared).
        conn = s.connection()
        visits = _EVERY_VISIT_DAY.rows(conn, offset=offset)
        others = _EVERY_OTHER_DAY.rows(conn, offset=offset)
    else:
        dialect = s.get_bind().dialect.name
        visits = s.execute(_visit_days(dialect, member_ids, offset))
        others = s.execute(_other_days(dialect, member_ids, offset))
    out: dict[tuple[int, int], set[int]] = defaultdict(set)
    for member, day, n in visits:
        if days is None or day in days:
            out[(day, VISITED)].add(member)
            if n > 1:
                out[(day, AGAIN)].add(member)
    for member, day in others:
        if days is None or day in days:
            out[(day, OTHER)].add(member)
    return out


def _moment_day(dialect: str, column, offset):
    """The shop's day number of a UTCDateTime column, in SQL; `offset`: the shop's offset
    from UTC in seconds (today's), a value or a bindparam."""
    if dialect == "postgresql":
        return cast(func.floor((extract("epoch", column) + offset) / 86_400), Integer)
    # SQLite keeps whole microseconds since 1970 and divides integers towards zero: the
    # moment is counted from before the year 1 first, so that the division floors.
    shifted = type_coerce(column, BigInteger) + (offset + _SHIFT_DAYS * 86_400) * 1_000_000
    return shifted // _DAY_US - _SHIFT_DAYS


def date_day(s: Session, column):
    """The day number of a Date column, in SQL: an integer, which a row hands to Python
    without the date parsed from its text (a few microseconds each in SQLite)."""
    return _date_day(s.get_bind().dialect.name, column)


def _date_day(dialect: str, column):
    if dialect == "postgresql":
        return cast(column - literal_column("DATE '1970-01-01'"), Integer)
    return cast(func.julianday(column) - 2440587.5, Integer)


def _visit_days(dialect: str, member_ids: set[int] | None, offset):
    day = _moment_day(dialect, Visit.at, offset).label("day")
    query = (select(Visit.member_id, day, func.count()).where(Visit.voided.is_(False))
             .group_by(Visit.member_id, day))  # fmt: skip
    if member_ids is not None:
        query = query.where(Visit.member_id.in_(member_ids))
    return query


def _other_days(dialect: str, member_ids: set[int] | None, offset):
    came = select(Attendance.member_id.label("member_id"),
                  _date_day(dialect, Attendance.occurrence_date).label("day"))  # fmt: skip
    wrote = select(Note.member_id, _moment_day(dialect, Note.at, offset))
    copied = select(member_of_copy(), _moment_day(dialect, PostCopy.copied_at, offset)).where(
        PostCopy.rendered_for.like("member:%"),
        member_of_copy().in_(select(Member.id)))  # a copy outlives its member
    if member_ids is not None:
        came = came.where(Attendance.member_id.in_(member_ids))
        wrote = wrote.where(Note.member_id.in_(member_ids))
        copied = copied.where(PostCopy.rendered_for.in_([f"member:{m}" for m in member_ids]))
    return came.union(wrote, copied)


# Everyone's, compiled once; the offset is bound at each run (it is today's).
_EVERY_VISIT_DAY = Prepared(lambda dialect: _visit_days(
    dialect, None, bindparam("offset", type_=Integer)))
_EVERY_OTHER_DAY = Prepared(lambda dialect: _other_days(
    dialect, None, bindparam("offset", type_=Integer)))


# --- reading it ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Bitmaps of a period's members: who came, who came twice or more (on one day or on
    two), who had another contact."""

    visited: int = 0
    again: int = 0
    other: int = 0


class SharedDays:
    """The bitmaps of every day from `first` to `last`, read by whichever thread asks first
    and then kept: the Dashboard page's figures, its previous period's, its retention and
    its series read the same days side by side (12 months on the 100k store: each day's
    three bitmaps read once, not four times)."""

    def __init__(self, store: Store, first: date, last: date) -> None:
        self._store, self.first, self.last = store, first, last
        self._lock = threading.Lock()
        self._days: dict[int, dict[int, int]] | None = None
        self._made: dict[tuple, object] = {}
        self._making: dict[tuple, threading.Lock] = {}

    def made(self, key: tuple, make):
        """What `make()` gives, made once for `key` by whichever thread asks first (the
        others wait for it): what the page's parts work out from these days in common, a
        period's members or its joiners kept."""
        with self._lock:
            lock = self._making.setdefault(key, threading.Lock())
        with lock:
            if key not in self._made:
                self._made[key] = make()
            return self._made[key]

    def covers(self, first: date, last: date) -> bool:
        return self.first <= first and last <= self.last

    def get(self) -> dict[int, dict[int, int]]:
        with self._lock:
            if self._days is None:
                with self._store.read() as s:
                    self._days = days(s, self.first, self.last)
            return self._days


def days(s: Session, first: date, last: date, kinds: tuple[int, ...] = KINDS,
         shared: SharedDays | None = None) -> dict[int, dict[int, int]]:  # fmt: skip
    """{day: {kind: bitmap}} of the days from `first` to `last` that had a contact (only
    the `kinds` asked for: each bitmap read is a decompression), from `shared` when it
    holds them."""
    if shared is not None and shared.covers(first, last):
        lo, hi = day_number(first), day_number(last)
        return {d: {k: b for k, b in by_kind.items() if k in kinds}
                for d, by_kind in shared.get().items() if lo <= d <= hi}  # fmt: skip
    out: dict[int, dict[int, int]] = defaultdict(dict)
    query = select(_TABLE.c.day, _TABLE.c.kind, _TABLE.c.bits).where(
        _TABLE.c.day >= day_number(first), _TABLE.c.day <= day_number(last))
    if kinds != KINDS:
        query = query.where(_TABLE.c.kind.in_(kinds))
    for day, kind, blob in s.execute(query):
        out[day][kind] = unpack(blob)
    return out


def bitmaps_by(s: Session, key, member_id, where: list) -> dict:
    """{key: (how many, bitmap)} of the member ids `where` says, grouped by `key`. Members
    get their ids as they join, so a day's joiners are mostly one run of ids: SQL gives
    each group's lowest and highest id and its count, and a group whose count fills its
    range is that run, one shift; only the other groups' ids are read, joined into one
    text per group (a year's 55,000 joiners on the 100k store: 22 -> 6 ms; read as ids
    they were 55,000 integers parsed)."""
    out = {}
    scattered = []
    for k, low, high, n in s.execute(select(key, func.min(member_id), func.max(member_id),
                                            func.count(member_id))
                                     .where(*where).group_by(key)):  # fmt: skip
        if high - low + 1 == n:
            out[k] = (n, ((1 << n) - 1) << low)
        else:
            scattered.append(k)
    if scattered:
        if s.get_bind().dialect.name == "postgresql":
            joined = func.string_agg(cast(member_id, String), ",")
        else:
            joined = func.group_concat(member_id, ",")
        for start in range(0, len(scattered), 500):
            rows = s.execute(select(key, joined).where(*where, key.in_(
                scattered[start:start + 500])).group_by(key))  # fmt: skip
            for k, text in rows:
                ids = [int(m) for m in text.split(",")]
                out[k] = (len(ids), bitmap(ids))
    return out


def members_bitmap(s: Session, where: list) -> int:
    """The bitmap of the members `where` says: all of them one run of ids when they are
    (those who joined after a past period: ids are given in joining order), a few
    thousand read id by id, more by join day as runs (bitmaps_by). The 55,000 who joined
    after last year's period on the 100k store: 37 -> 6 ms, where each id was a row."""
    low, high, n = s.execute(select(func.min(Member.id), func.max(Member.id),
                                    func.count(Member.id)).where(*where)).one()  # fmt: skip
    if not n:
        return 0
    if high - low + 1 == n:
        return ((1 << n) - 1) << low
    if n <= FEW_IDS:  # a few thousand ids (the archived) read faster than by day
        return bitmap(s.scalars(select(Member.id).where(*where)))
    out = 0
    for _n, bits in bitmaps_by(s, Member.joined_on, Member.id, where).values():
        out |= bits
    return out


def period(s: Session, first: date, last: date, shared: SharedDays | None = None) -> Period:
    """The bitmaps of the days from `first` to `last`. A member came again when they came
    on a day after having come on an earlier one, or twice on one day."""
    seen = twice = other = 0
    day_rows = days(s, first, last, shared=shared)
    for day in sorted(day_rows):
        kinds = day_rows[day]
        came = kinds.get(VISITED, 0)
        twice |= (seen & came) | kinds.get(AGAIN, 0)
        seen |= came
        other |= kinds.get(OTHER, 0)
    return Period(seen, twice, other)


def contacted(kinds: dict[int, int]) -> int:
    """Everyone with a contact of any kind in one day's bitmaps (days())."""
    return kinds.get(VISITED, 0) | kinds.get(OTHER, 0)
