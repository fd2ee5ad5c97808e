"""The numbers that say whether the community is alive, each defined once, here. The
dashboard's "?" beside each figure and the README quote these definitions.

A period is [first, last]: dates, both included, in the shop's local time. A scope is the
whole store, one WeChat group's members (those in it on `last`), or one segment (its
members today: a segment is defined by today's data).

- members.total: members who joined on or before `last` and were not archived by then;
  members.new: joined within the period (archived since or not); members.archived:
  archived within the period.
- A contact is a visit, taking part in an activity, a note about the member, or a post
  copied for that member one by one (the same as sqdesk.core.contacts).
- active_members: members counted in members.total with a contact within the period;
  active_rate = active_members / members.total.
- visits (undone ones left out), visitors (members with a visit), repurchase_rate =
  members with 2 or more visits / visitors; spend (what was paid), avg_spend_per_visit =
  spend / visits, visits_per_visitor = visits / visitors.
- retention_7 and retention_30: of the members who joined within the period and at least
  N days before today, the share with a contact on one of the N days after their join
  day; None when there are none.
- referrals: new members with a referrer, the members who referred them, referrals per
  referring member, the top referrers.
- participation: for each activity occurrence within the period (up to today; the daily
  check-in left out), its attendees / its audience (everyone, a group, a segment); the
  mean over the occurrences, the best and the worst.
- points: issued (earned), redeemed, expired, adjusted (by hand, and reversals) within the
  period; outstanding: the sum of all balances at the end of `last`.
- posts_copied: copies within the period (with a scope: those for its members).
- coupons: per type, issued within the period, used and expired, and the use rate.

Rates are fractions between 0 and 1, or None where nothing is there to divide by.
Everything is counted by SQL over indexed columns; nothing loads members one by one.
"""

from __future__ import annotations

import os
import threading
from bisect import bisect_left
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import (
    Select,
    and_,
    distinct,
    func,
    or_,
    select,
    true,
)

from sqdesk.core import (
    activities,
    contact_days,
    coupons,
    filters,
    ledger,
    ledger_days,
    members,
    segments,
    visit_hours,
)
from sqdesk.core.errors import CodedError
from sqdesk.core.models import (
    Attendance,
    GroupMembership,
    LedgerEntry,
    Member,
    MemberPoints,
    PostCopy,
    Visit,
    WechatGroup,
    member_of_copy,
)
from sqdesk.core.store import Store
from sqdesk.core.tags import fold

TOP_REFERRERS = 5
# Connections reading at once (SQLite readers do not block each other), as many as the
# PC has cores, up to four: on the 2-core benchmark PC four fought each other for the cores
# and the interpreter lock (a year's figures 84-91 -> 78-80 ms with two, the whole
# Dashboard page 192 -> 174 ms).
PARALLEL = max(2, min(4, os.cpu_count() or 2))
RETENTION_DAYS = (7, 30)


class MetricsError(CodedError):
    """A dashboard or `metrics` request refused (see CodedError)."""

    area = "metrics"


# --- period and scope -------------------------------------------------------------------------


def start_of(day: date) -> datetime:
    """The first moment of a local day, in UTC (what timestamps are compared with)."""
    return datetime.combine(day, time.min).astimezone(UTC)


def check_period(first: date, last: date) -> None:
    if last < first:
        raise MetricsError("bad_period", f"the period ends ({last}) before it starts ({first})",
                           first=first.isoformat(), last=last.isoformat())  # fmt: skip


def previous_period(first: date, last: date) -> tuple[date, date]:
    """The period of the same length just before (the change beside each figure)."""
    length = (last - first).days + 1
    return first - timedelta(days=length), first - timedelta(days=1)


@dataclass(frozen=True)
class Scope:
    """Whose figures: the whole store, a WeChat group's members, or a segment's."""

    kind: str = "store"  # store | group | segment
    name: str = ""  # the group's or the segment's name as given
    group_id: int | None = None
    tree: dict | None = field(default=None, compare=False)  # a segment's filter

    @property
    def label(self) -> str:
        return "store" if self.kind == "store" else f"{self.kind}:{self.name}"


STORE = Scope()


def group_scope(store: Store, name: str) -> Scope:
    with store.read() as s:
        gid = s.scalar(select(WechatGroup.id).where(WechatGroup.name_key == fold(name)))
    if gid is None:
        raise MetricsError("unknown_group", f"no WeChat group named {name!r}", name=name)
    return Scope("group", name, group_id=gid)


def segment_scope(store: Store, name: str) -> Scope:
    tree = segments.resolve(store, name)
    if tree is None:
        raise MetricsError("unknown_segment", f"no segment named {name!r}", name=name)
    return Scope("segment", name, tree=tree)


def group_scopes(store: Store) -> list[tuple[str, Scope]]:
    """Every WeChat group as a scope, with its kind (ordinary, vip, interest): the group
    boards side by side."""
    with store.read() as s:
        rows = s.execute(select(WechatGroup.id, WechatGroup.name, WechatGroup.kind)
                         .order_by(WechatGroup.position, WechatGroup.id)).all()  # fmt: skip
    return [(kind, Scope("group", name, group_id=gid)) for gid, name, kind in rows]


def members_of(store: Store, scope: Scope, last: date) -> Select | None:
    """The scope's member ids as a subquery (None: everyone)."""
    if scope.kind == "group":
        return select(GroupMembership.member_id).where(
            GroupMembership.group_id == scope.group_id, _in_group_on(last))
    if scope.kind == "segment":
        return select(Member.id).where(filters.condition(store, scope.tree))
    return None


def _in_group_on(day: date):
    """A membership that had begun on `day` and not ended by it."""
    return and_(GroupMembership.joined_on <= day,
                or_(GroupMembership.left_on.is_(None), GroupMembership.left_on > day))


def within(column_, ids: Select | None):
    return true() if ids is None else column_.in_(ids)


# --- the figures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Referrals:
    new_with_referrer: int = 0
    referrers: int = 0
    per_referrer: float | None = None
    top: tuple[tuple[str, str, int], ...] = ()  # (member code, name, count)


@dataclass(frozen=True)
class Points:
    issued: int = 0
    redeemed: int = 0
    expired: int = 0
    adjusted: int = 0
    outstanding: int = 0


@dataclass(frozen=True)
class OccurrenceRate:
    activity_id: int
    title: str
    day: date
    attendees: int
    audience: int

    @property
    def rate(self) -> float | None:
        return self.attendees / self.audience if self.audience else None


@dataclass(frozen=True)
class Participation:
    occurrences: int = 0
    mean_rate: float | None = None
    best: OccurrenceRate | None = None
    worst: OccurrenceRate | None = None


@dataclass(frozen=True)
class Figures:
    first: date
    last: date
    scope: Scope
    members_total: int = 0
    members_new: int = 0
    members_archived: int = 0
    active_members: int = 0
    visits: int = 0
    visitors: int = 0
    repeat_visitors: int = 0  # members with 2 or more visits
    spend_cents: int = 0
    retention: dict[int, float | None] = field(default_factory=dict)  # days → share
    referrals: Referrals = Referrals()
    points: Points = Points()
    participation: Participation = Participation()
    posts_copied: int = 0
    coupons: tuple[coupons.TypeFigures, ...] = ()
    # The period's joiners by day, that retention was counted from (the cohorts show them).
    joined: tuple[JoinDay, ...] = field(default=(), compare=False, repr=False)

    @property
    def active_rate(self) -> float | None:
        return _share(self.active_members, self.members_total)

    @property
    def repurchase_rate(self) -> float | None:
        return _share(self.repeat_visitors, self.visitors)

    @property
    def avg_spend_per_visit_cents(self) -> float | None:
        return self.spend_cents / self.visits if self.visits else None

    @property
    def visits_per_visitor(self) -> float | None:
        return _share(self.visits, self.visitors)

    @property
    def coupon_use_rate(self) -> float | None:
        used = sum(t.used for t in self.coupons)
        return _share(used, used + sum(t.expired for t in self.coupons))


def _share(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def compute(store: Store, first: date, last: date, scope: Scope = STORE, *,
            today: date | None = None, calendar: SharedCalendar | None = None,
            days: contact_days.SharedDays | None = None) -> Figures:
    """Every figure of the module's definitions for the period and scope. The parts read
    the store side by side, each on its own connection (a year of a big store is a million
    visits and as many ledger entries: one pass over each, at once). `calendar`, when
    given, is the period's calendar (first to min(last, today)) shared with other scopes'
    figures counted beside (the WeChat groups' boards count theirs together:
    sqdesk.core.metrics_groups). `days`, when given, holds the day bitmaps of the period
    and the retention windows after it, read once for every part of the Dashboard page."""
    check_period(first, last)
    today = today or date.today()
    lo, hi = start_of(first), start_of(last + timedelta(days=1))
    ids = members_of(store, scope, last)

    def read(part, *args):
        with store.read() as s:
            return part(s, *args)

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        # Participation first: expanding a year of daily activities is the longest part.
        taking_part = pool.submit(lambda: participation(
            store, first, min(last, today), scope,
            calendar=calendar.get() if calendar is not None else None))
        visits = pool.submit(read, _visit_figures, lo, hi, first, last, ids, days)
        points = pool.submit(read, _points, lo, hi, ids)
        cohorts = pool.submit(retention_by_day, store, first, last, scope, today=today,
                              days=days)  # fmt: skip
        counts = pool.submit(read, _member_counts, lo, hi, first, last, ids)
        referrals = pool.submit(read, _referrals, first, last, ids)
        copies = pool.submit(read, _copies, lo, hi, scope, ids)
        coupon_figures = pool.submit(coupons.figures, store, since=first, until=last,
                                     today=today, members=ids, spend=False)  # fmt: skip
        total, new, archived = counts.result()
        n_visits, visitors, repeaters, spend, active = visits.result()
        by_day = cohorts.result()
        return Figures(
            first, last, scope, total, new, archived, active, n_visits, visitors, repeaters,
            spend, {n: cohort_share(by_day, n, today) for n in RETENTION_DAYS},
            referrals.result(), points.result(), taking_part.result(), copies.result(),
            tuple(coupon_figures.result()), tuple(by_day))  # fmt: skip


def _member_counts(s, lo: datetime, hi: datetime, first: date, last: date,
                   ids: Select | None) -> tuple[int, int, int]:  # fmt: skip
    """(on the books at the end, new, archived within the period). Each count is read from
    an index, never the member table's wide rows: the joiners by day from the roster's
    (archived, joined_on), with `archived IN (0, 1)` so that it serves a count of everyone;
    the archived members from their small index (migration 0036). On the books = joined by
    the end less those archived before it (_counted)."""
    new = s.scalar(select(func.count(Member.id)).where(
        Member.archived.in_([False, True]), Member.joined_on >= first,
        Member.joined_on <= last, within(Member.id, ids))) or 0  # fmt: skip
    archived = s.scalar(select(func.count(Member.id)).where(
        Member.archived_at >= lo, Member.archived_at < hi, within(Member.id, ids))) or 0
    return on_books(s, last, hi, ids), new, archived


def on_books(s, last: date, hi: datetime, ids: Select | None = None) -> int:
    """Members on the books at the end of `last` (_counted): joined by then, from the
    roster's (archived, joined_on) index, less those archived by then, from theirs. The
    shop's joined are everyone less the few who joined after the end (members.count_in:
    the 100,000 entries before it counted one by one took 6 ms, three times a page)."""
    if ids is None:
        later = s.scalar(select(func.count(Member.id)).where(
            Member.archived.in_([False, True]), Member.joined_on > last)) or 0  # fmt: skip
        joined = members.count_in(s, include_archived=True) - later
    else:
        joined = s.scalar(select(func.count(Member.id)).where(
            Member.archived.in_([False, True]), Member.joined_on <= last,
            within(Member.id, ids))) or 0  # fmt: skip
    gone = s.scalar(select(func.count(Member.id)).where(
        Member.archived_at < hi, Member.joined_on <= last, within(Member.id, ids))) or 0
    return joined - gone


def _visit_figures(s, lo: datetime, hi: datetime, first: date, last: date, ids: Select | None,
                   shared: contact_days.SharedDays | None = None,
                   ) -> tuple[int, int, int, int, int]:  # fmt: skip
    """(visits, visitors, repeat visitors, spend, active members). The shop's sums are read
    from the visits per hour (sqdesk.core.visit_hours), a scope's from its members' visits.
    Who came, came again and had another contact are the period's day bitmaps OR-ed
    (sqdesk.core.contact_days), never a year's million visits grouped, nor an index seek
    per member: 110-120 ms -> 8 (30 days) / 52 (12 months) on the 100k store. Counted
    among the members who had joined by the end (archived since or not); the active, among
    those on the books at the end (_counted)."""
    if ids is None:
        ((n_visits, spend),) = visit_hours.sums(s, [(lo, hi)])
    else:
        n_visits, spend = s.execute(
            select(func.count(), func.coalesce(func.sum(Visit.amount_cents), 0))
            .where(Visit.voided.is_(False), Visit.at >= lo, Visit.at < hi,
                   Visit.member_id.in_(ids))).one()  # fmt: skip
    seen = period_members(s, first, last, hi, shared)
    came, again, contacted = seen.came, seen.again, seen.contacted
    if ids is not None:
        scope = contact_days.bitmap(s.scalars(ids))
        came, again, contacted = came & scope, again & scope, contacted & scope
    active = ((came | contacted) & ~seen.gone).bit_count()
    return int(n_visits), came.bit_count(), again.bit_count(), int(spend), active


@dataclass(frozen=True)
class PeriodMembers:
    """Bitmaps of a period's members among those who had joined by its end: who came, who
    came again, who had another contact; and who was archived before the end (a visitor
    still, but not an active member: _counted)."""

    came: int
    again: int
    contacted: int
    gone: int


def period_members(s, first: date, last: date, hi: datetime,
                   shared: contact_days.SharedDays | None = None) -> PeriodMembers:  # fmt: skip
    """The period's PeriodMembers for the whole shop (a scope ANDs its own bitmap), worked
    out once per Dashboard page with `shared` (the figures and the groups' boards)."""

    def make() -> PeriodMembers:
        days = contact_days.period(s, first, last, shared)
        # The members who joined after the end or were archived before it are taken away,
        # rather than a bitmap of everyone who counts made up. Those who joined after a
        # past period are many (a year's joiners): their bitmap is read as runs of ids.
        late = contact_days.members_bitmap(s, [Member.archived.in_([False, True]),
                                               Member.joined_on > last])  # fmt: skip
        gone = contact_days.members_bitmap(s, [Member.archived_at < hi,
                                               Member.joined_on <= last])  # fmt: skip
        return PeriodMembers(days.visited & ~late, days.again & ~late, days.other & ~late, gone)

    return make() if shared is None else shared.made(("members", first, last), make)


def _copies(s, lo: datetime, hi: datetime, scope: Scope, ids: Select | None) -> int:
    return s.scalar(select(func.count(PostCopy.id)).where(
        PostCopy.copied_at >= lo, PostCopy.copied_at < hi, _copies_of(scope, ids))) or 0


def _counted(last: date, hi: datetime):
    """Members on the books at the end of `last`: joined by then, not archived by then."""
    return and_(Member.joined_on <= last,
                or_(Member.archived_at.is_(None), Member.archived_at >= hi))  # fmt: skip


def _copies_of(scope: Scope, ids: Select | None):
    if ids is None:
        return true()
    mine = and_(PostCopy.rendered_for.like("member:%"), member_of_copy().in_(ids))
    if scope.kind == "group":
        return or_(mine, PostCopy.rendered_for == f"group:{scope.group_id}")
    return mine


def _points(s, lo: datetime, hi: datetime, ids: Select | None) -> Points:
    if ids is None:  # the whole shop: whole days from the daily sums, the edges from entries
        sums = ledger_days.sums(s, lo, hi)
    else:
        sums = dict(s.execute(select(LedgerEntry.kind, func.sum(LedgerEntry.amount))
                              .where(LedgerEntry.at >= lo, LedgerEntry.at < hi,
                                     within(LedgerEntry.member_id, ids))
                              .group_by(LedgerEntry.kind)).all())  # fmt: skip
    # The liability at the period's end without summing two million entries (balances
    # equal the ledger: `check` proves it). The shop's: every point before the end, from
    # the daily sums (the 100,000 balances summed, less what changed since, read them
    # twice a page: 8 ms); a scope's: its balances now, less what changed since.
    if ids is None:
        outstanding = sum(ledger_days.sums(s, _BEGINNING, hi).values())
    else:
        now = s.scalar(select(func.coalesce(func.sum(MemberPoints.balance), 0))
                       .where(within(MemberPoints.member_id, ids))) or 0  # fmt: skip
        since = s.scalar(select(func.coalesce(func.sum(LedgerEntry.amount), 0))
                         .where(LedgerEntry.at >= hi, within(LedgerEntry.member_id, ids))) or 0
        outstanding = int(now) - int(since)
    return Points(int(sums.get(ledger.EARN, 0) or 0), -int(sums.get(ledger.REDEEM, 0) or 0),
                  -int(sums.get(ledger.EXPIRE, 0) or 0),
                  int((sums.get(ledger.ADJUST, 0) or 0) + (sums.get(ledger.REVERSE, 0) or 0)),
                  outstanding)  # fmt: skip


_BEGINNING = datetime(1970, 1, 1, tzinfo=UTC)  # before any entry


def _referrals(s, first: date, last: date, ids: Select | None) -> Referrals:
    referred = [Member.joined_on >= first, Member.joined_on <= last,
                Member.referrer_id.is_not(None), within(Member.id, ids)]  # fmt: skip
    n, referrers = s.execute(select(func.count(Member.id),
                                    func.count(distinct(Member.referrer_id)))
                             .where(*referred)).one()  # fmt: skip
    if not n:
        return Referrals()
    counted = (select(Member.referrer_id.label("rid"), func.count(Member.id).label("n"))
               .where(*referred).group_by(Member.referrer_id).cte("counted"))  # fmt: skip
    # Only the referrers who can be among the top (as many as the last place's count, ties
    # included) are looked up for their code, which breaks the ties: a year's thousands of
    # referrers each read from the wide member rows took 9 of the 12 ms.
    last_place = (select(counted.c.n).order_by(counted.c.n.desc()).limit(1)
                  .offset(TOP_REFERRERS - 1).scalar_subquery())  # fmt: skip
    who = Member.__table__.alias("referrer")
    top = s.execute(select(who.c.code, who.c.name, who.c.nickname, counted.c.n)
                    .join(who, who.c.id == counted.c.rid)
                    .where(counted.c.n >= func.coalesce(last_place, 0))
                    .order_by(counted.c.n.desc(), who.c.code).limit(TOP_REFERRERS)).all()
    return Referrals(n, referrers, n / referrers,
                     tuple((code, name or nick, int(c)) for code, name, nick, c in top))


# --- retention --------------------------------------------------------------------------------


@dataclass(frozen=True)
class JoinDay:
    day: date
    joined: int
    kept: dict[int, int]  # N → members with a contact on one of the N days after joining


def retention_by_day(store: Store, first: date, last: date, scope: Scope = STORE, *,
                     today: date | None = None,
                     days: contact_days.SharedDays | None = None) -> list[JoinDay]:  # fmt: skip
    """For each day of the period on which members joined: how many, and how many of them
    had a contact in the 7 and 30 days after (joiners())."""
    return joiners(store, first, last, scope, days=days).by_day


@dataclass(frozen=True)
class Joiners:
    """A period's joiners: by day (JoinDay), and all days together, per N of
    RETENTION_DAYS, the bitmap of those with a contact within N days of joining."""

    by_day: list[JoinDay]
    kept: dict[int, int]


def joiners(store: Store, first: date, last: date, scope: Scope = STORE, *,
            days: contact_days.SharedDays | None = None) -> Joiners:  # fmt: skip
    """The joiners of each day as a bitmap, AND-ed with the days after OR-ed
    (sqdesk.core.contact_days): 12 months on the 100k store 124 -> 31 ms, where each of
    55,000 joiners was four index seeks. The shop's, with `days`, worked out once per
    Dashboard page (its figures, and its groups' boards from the bitmaps kept)."""
    if last < first:
        return Joiners([], dict.fromkeys(RETENTION_DAYS, 0))
    if scope.kind == "store" and days is not None:
        return days.made(("joiners", first, last),
                         lambda: _joiners(store, first, last, None, days))  # fmt: skip
    return _joiners(store, first, last, members_of(store, scope, last), days)


def _joiners(store: Store, first: date, last: date, ids: Select | None,
             days: contact_days.SharedDays | None) -> Joiners:  # fmt: skip
    longest = max(RETENTION_DAYS)
    where = [Member.archived.in_([False, True]), Member.joined_on >= first,
             Member.joined_on <= last]  # fmt: skip
    if ids is not None:
        where.append(Member.id.in_(ids))
    with store.read() as s:
        by_day = contact_days.bitmaps_by(s, Member.joined_on, Member.id, where)
        after = contact_days.days(s, first + timedelta(days=1), last + timedelta(days=longest),
                                  kinds=(contact_days.VISITED, contact_days.OTHER),
                                  shared=days)  # fmt: skip
    contacted = {d: contact_days.contacted(kinds) for d, kinds in after.items()}
    out, everyone_kept = [], dict.fromkeys(RETENTION_DAYS, 0)
    for day in sorted(by_day):
        n_joined, joined = by_day[day]
        # Counted from the day's lowest id up: a day's joiners are the newest members then,
        # so the days after hold few ids above them, and every bitmap below is a few bytes
        # where it was the whole store's (a year's joiners 26 -> 22 ms on the 100k store).
        low = (joined & -joined).bit_length() - 1
        joined >>= low
        start = contact_days.day_number(day) + 1
        kept, window, reached = {}, 0, start
        for n in sorted(RETENTION_DAYS):  # each window grows from the one before
            while reached < start + n:
                window |= contacted.get(reached, 0) >> low
                reached += 1
            kept_bits = joined & window
            kept[n] = kept_bits.bit_count()
            everyone_kept[n] |= kept_bits << low
        out.append(JoinDay(day, n_joined, kept))
    return Joiners(out, everyone_kept)


def cohort_share(days: list[JoinDay], n: int, today: date) -> float | None:
    """Retention over N days for these join days: only members who joined N days or more
    before today count (the others have not had their N days yet)."""
    ripe_by = today - timedelta(days=n)
    ripe = [d for d in days if d.day <= ripe_by]
    return _share(sum(d.kept[n] for d in ripe), sum(d.joined for d in ripe))


# --- participation ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Calendar:
    """A period's occurrences, check-ins left out, as each activity's dates
    (activities.Run), with what participation looks up in them. Every group board reads
    the same calendar, and a year of daily activities is tens of thousands of occurrences:
    made one object each and sorted, they took a third of a second; as dates, a fifth of that."""

    runs: dict[int, activities.Run] = field(default_factory=dict)  # by activity id
    occurrences: int = 0
    per_audience: dict[tuple[str, str], int] = field(default_factory=dict)
    earliest: date | None = None  # the first and last original dates (attendance's key)
    latest: date | None = None

    def place(self, activity_id: int, original: date) -> tuple | None:
        """An occurrence's place in the calendar's order (activities.occurrences': day,
        minute, title, activity) from its name; None when it is not in the period (moved
        out, cancelled, or not a date of the rule)."""
        run = self.runs.get(activity_id)
        if run is None:
            return None
        i = bisect_left(run.days, original)
        if i < len(run.days) and run.days[i] == original:
            return _place(run, original)
        for moved_from, day, minute in run.moved:
            if moved_from == original:
                return _place(run, original, day, minute)
        return None


def _place(run: activities.Run, original: date, day: date | None = None,
           minute: int | None = None) -> tuple:  # fmt: skip
    """(day, minute, title, activity, moved, original date): the order activities.occurrences
    sorts by, a moved occurrence after one that happens on its own date."""
    a = run.activity
    if day is None:  # on its own date, at the activity's time
        return (original, a.start_minute, a.title, a.id, False, original)
    return (day, minute, a.title, a.id, True, original)


class SharedCalendar:
    """expand_calendar(store, first, last) done once, by whichever thread asks first: the
    Dashboard page's figures and its group boards count the same period side by side."""

    def __init__(self, store: Store, first: date, last: date) -> None:
        self._args = (store, first, last)
        self._lock = threading.Lock()
        self._calendar: Calendar | None = None

    def get(self) -> Calendar:
        with self._lock:
            if self._calendar is None:
                self._calendar = expand_calendar(*self._args)
            return self._calendar


def shared_days(store: Store, first: date, last: date) -> contact_days.SharedDays:
    """The day bitmaps that the figures of a period and of the one before, their retention
    windows and the period's series read: from the previous period's first day to the
    longest window after this one's last."""
    return contact_days.SharedDays(store, previous_period(first, last)[0],
                                   last + timedelta(days=max(RETENTION_DAYS)))


def expand_calendar(store: Store, first: date, last: date) -> Calendar:
    if last < first:
        return Calendar()
    runs = {r.activity.id: r for r in activities.runs(store, first, last)
            if not r.activity.checkin and (r.days or r.moved)}  # fmt: skip
    if not runs:
        return Calendar()
    per_audience: dict[tuple[str, str], int] = {}
    ends: list[date] = []
    for r in runs.values():
        key = (r.activity.audience, r.activity.audience_ref)
        per_audience[key] = per_audience.get(key, 0) + len(r.days) + len(r.moved)
        ends += r.days[:1] + r.days[-1:] + [original for original, _d, _m in r.moved]
    return Calendar(runs, sum(per_audience.values()), per_audience, min(ends), max(ends))


def participation(store: Store, first: date, last: date, scope: Scope = STORE, *,
                  calendar: Calendar | None = None) -> Participation:  # fmt: skip
    """Attendees / audience for each occurrence from `first` to `last` (the daily check-in
    is a habit, not an activity: left out); with a scope, both counted within it. The mean
    is over occurrences with an audience; the best and the worst are by rate, then day,
    then the calendar's order. Only occurrences someone came to are visited one by one:
    the rest all have rate 0, and of those only the first (or last) is looked for."""
    cal = calendar if calendar is not None else expand_calendar(store, first, last)
    if not cal.occurrences:
        return Participation()
    ids = members_of(store, scope, last)
    with store.read() as s:
        came = {(a, d): n for a, d, n in s.execute(
            select(Attendance.activity_id, Attendance.occurrence_date, func.count())
            .where(*attended_in(cal), within(Attendance.member_id, ids))
            .group_by(Attendance.activity_id, Attendance.occurrence_date))}  # fmt: skip
    sizes = {key: _audience(store, key[0], key[1], ids, last) for key in cal.per_audience}
    return rate_occurrences(cal, came, sizes)


def attended_in(cal: Calendar) -> list:
    """The attendance rows of the calendar's activities and dates."""
    return [Attendance.activity_id.in_(list(cal.runs)),
            Attendance.occurrence_date >= cal.earliest,
            Attendance.occurrence_date <= cal.latest]  # fmt: skip


def rate_occurrences(cal: Calendar, came: dict[tuple[int, date], int],
                     sizes: dict[tuple[str, str], int]) -> Participation:  # fmt: skip
    """participation from its counts: attendees per (activity, original date) and the
    audience's size per (audience, ref) of the calendar."""
    if not cal.occurrences:
        return Participation()
    rated = sum(n for key, n in cal.per_audience.items() if sizes[key])
    if not rated:
        return Participation(cal.occurrences)

    size_by_activity = {aid: sizes[(r.activity.audience, r.activity.audience_ref)]
                        for aid, r in cal.runs.items()}  # fmt: skip
    size_of = size_by_activity.__getitem__

    total, attended, best, worst = 0.0, 0, None, None
    came_to: dict[int, set[date]] = {}  # per activity, the original dates someone came to
    for (activity_id, original), n in came.items():
        came_to.setdefault(activity_id, set()).add(original)
        place = cal.place(activity_id, original)
        size = size_of(activity_id) if place is not None else 0
        if not size:
            continue  # moved out of the period, cancelled, or for nobody in the scope
        rate = n / size
        total += rate
        attended += 1
        day = place[0]
        # The best: the highest rate, then the latest day, then the first in the order.
        if best is None or (rate, day) > best[:2] or ((rate, day) == best[:2]
                                                      and place < best[2]):  # fmt: skip
            best = (rate, day, place)
        if worst is None or (rate, day, place) < worst:
            worst = (rate, day, place)

    def unattended(last_one: bool = False, on: date | None = None) -> tuple:
        """The first (or last) occurrence in the calendar's order, with an audience, that
        nobody came to; only those on day `on` when it is given."""
        places = []
        for activity_id, run in cal.runs.items():
            if not size_of(activity_id):
                continue
            seen = came_to.get(activity_id, ())
            if on is not None:
                i = bisect_left(run.days, on)
                days = run.days[i:i + 1] if run.days[i:i + 1] == [on] else []
            else:
                days = reversed(run.days) if last_one else run.days
            d = next((d for d in days if d not in seen), None)
            if d is not None:
                places.append(_place(run, d))
            places += [_place(run, original, day, minute)
                       for original, day, minute in run.moved
                       if original not in seen and (on is None or day == on)]  # fmt: skip
        return max(places) if last_one else min(places)

    def rate_of(place: tuple) -> OccurrenceRate:
        day, _minute, title, activity_id, _moved, original = place
        return OccurrenceRate(activity_id, title, day, came.get((activity_id, original), 0),
                              size_of(activity_id))  # fmt: skip

    # When some had nobody, the worst is the earliest of them; when nobody came to any,
    # the best is the first of the latest day.
    low = unattended() if attended < rated else worst[2]
    high = best[2] if attended else unattended(on=unattended(last_one=True)[0])
    return Participation(cal.occurrences, total / rated, rate_of(high), rate_of(low))


def _audience(store: Store, audience: str, ref: str, ids: Select | None, last: date) -> int:
    """How many members an activity was for (as activities.audience_size), within a scope.
    A scope's or a group's few members are joined, each looked up by id: `id IN (...)`
    had SQLite walk every unarchived member in the roster's index instead."""
    if ids is None and audience == "segment":  # the shop's own count of the segment
        tree = segments.resolve(store, ref)
        return filters.count(store, tree) if tree is not None else _everyone(store)
    if ids is None and audience == "everyone":
        return _everyone(store)
    query = select(func.count(Member.id)).where(Member.archived.is_(False))
    if ids is not None:
        chosen = ids.distinct().subquery()
        query = query.join(chosen, next(iter(chosen.c)) == Member.id)
    with store.read() as s:
        return s.scalar(for_audience(store, query, audience, ref)) or 0


def _everyone(store: Store) -> int:
    return members.count(store)


def for_audience(store: Store, query: Select, audience: str, ref: str) -> Select:
    """`query` over Member narrowed to an activity's audience: a group's current members
    (joined, as _audience says why) or a segment's; everyone else as it is."""
    if audience == "group" and ref.isdigit():
        chosen = (select(GroupMembership.member_id)
                  .where(GroupMembership.group_id == int(ref), GroupMembership.left_on.is_(None))
                  .distinct().subquery())  # fmt: skip
        query = query.join(chosen, chosen.c.member_id == Member.id)
    if audience == "segment":
        tree = segments.resolve(store, ref)
        if tree is not None:
            query = query.where(filters.condition(store, tree))
    return query


# --- the contract -----------------------------------------------------------------------------


def _round(value: float | None, places: int = 4) -> float | None:
    return None if value is None else round(value, places)


def to_json(f: Figures) -> dict:
    """The `metrics --json` contract: rates as fractions, money in yuan."""
    avg = f.avg_spend_per_visit_cents
    return {
        "from": f.first.isoformat(),
        "to": f.last.isoformat(),
        "scope": f.scope.label,
        "members": {"total": f.members_total, "new": f.members_new,
                    "archived": f.members_archived},
        "active_members": f.active_members,
        "active_rate": _round(f.active_rate),
        "visits": f.visits,
        "visitors": f.visitors,
        "repurchase_rate": _round(f.repurchase_rate),
        "spend": f.spend_cents / 100,
        "avg_spend_per_visit": None if avg is None else round(avg / 100, 2),
        "visits_per_visitor": _round(f.visits_per_visitor),
        "retention_7": _round(f.retention.get(7)),
        "retention_30": _round(f.retention.get(30)),
        "referrals": {
            "new_with_referrer": f.referrals.new_with_referrer,
            "referrers": f.referrals.referrers,
            "per_referrer": _round(f.referrals.per_referrer),
            "top": [{"member_code": c, "name": n, "count": k} for c, n, k in f.referrals.top],
        },
        "points": {"issued": f.points.issued, "redeemed": f.points.redeemed,
                   "expired": f.points.expired, "adjusted": f.points.adjusted,
                   "outstanding": f.points.outstanding},
        "participation": {"occurrences": f.participation.occurrences,
                          "mean_rate": _round(f.participation.mean_rate)},
        "posts_copied": f.posts_copied,
        "coupons": [{"type": t.name, "issued": t.issued, "used": t.used, "expired": t.expired,
                     "use_rate": _round(t.use_rate)} for t in f.coupons],
    }  # fmt: skip

