"""The figures of every WeChat group's board, all groups counted together.

A board shows a group's members, active rate, visits, spend, repurchase rate, 7-day
retention and participation (the Dashboard's groups panel). Counted group by group with
sqdesk.core.metrics.compute they were some 30 statements a group, each about a millisecond
of building and reading in Python for a little of SQLite's work. Here the members, visits
and spend are one statement each that joins the groups' memberships and groups by group;
who came, came again and had another contact, and which joiners were kept, are the shop's
bitmaps for the period (metrics.period_members, metrics.joiners: on the Dashboard page the
same ones its figures use) ANDed with each group's members. The definitions are
sqdesk.core.metrics' own; a test holds every board to the group's own compute().
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from sqdesk.core import contact_days
from sqdesk.core.metrics import (
    RETENTION_DAYS,
    Calendar,
    Figures,
    JoinDay,
    Participation,
    Scope,
    _counted,
    _in_group_on,
    attended_in,
    cohort_share,
    for_audience,
    joiners,
    period_members,
    rate_occurrences,
    start_of,
)
from sqdesk.core.models import Attendance, GroupMembership, Member, Visit
from sqdesk.core.store import Store

# The Figures fields a board holds; the others (new and archived members, referrals,
# points, posts, coupons) are not counted for a board and stay at their defaults.
BOARD_FIELDS = ("members_total", "active_members", "visits", "visitors", "repeat_visitors",
                "spend_cents", "retention", "participation", "joined")  # fmt: skip


@dataclass(frozen=True)
class _Counts:
    total: int = 0
    visits: int = 0
    spend: int = 0


def board_figures(store: Store, first: date, last: date, scopes: list[Scope], *,
                  today: date, calendar: Calendar,
                  days: contact_days.SharedDays | None = None) -> list[Figures]:  # fmt: skip
    """Figures (BOARD_FIELDS) for each group scope, as compute(store, first, last, scope)
    counts them. `calendar`: the period's, first to min(last, today); `days`: the
    page's day bitmaps (metrics.shared_days), else read here."""
    lo, hi = start_of(first), start_of(last + timedelta(days=1))
    days = days or contact_days.SharedDays(store, first,
                                           last + timedelta(days=max(RETENTION_DAYS)))
    with store.read() as s:
        counts = _counts(s, lo, hi, last)
        shop = period_members(s, first, last, hi, days)
        # Each member's join day as a day number: 3,800 dates parsed from their text held
        # the interpreter lock for 10 ms of the page.
        stays = s.execute(select(GroupMembership.group_id, GroupMembership.member_id,
                                 contact_days.date_day(s, Member.joined_on))
                          .join(Member, Member.id == GroupMembership.member_id)
                          .where(_in_group_on(last), Member.joined_on <= last)
                          .distinct()).all()  # fmt: skip
    kept = {n: _bytes(bits) for n, bits in joiners(store, first, last, days=days).kept.items()}
    members: dict[int, list[int]] = defaultdict(list)
    joined: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    since = contact_days.day_number(first)
    for gid, member_id, day in stays:
        members[gid].append(member_id)
        if day >= since:
            joined[gid][day].append(member_id)
    taking_part = _participation(store, min(last, today), calendar)
    out = []
    for scope in scopes:
        gid = scope.group_id
        c = counts.get(gid, _Counts())
        mine = contact_days.bitmap(members.get(gid, ()))
        came, again = shop.came & mine, shop.again & mine
        active = ((came | (shop.contacted & mine)) & ~shop.gone).bit_count()
        join_days = [JoinDay(first + timedelta(days=d - since), len(ids),
                             {n: sum(_has(kept[n], m) for m in ids) for n in RETENTION_DAYS})
                     for d, ids in sorted(joined.get(gid, {}).items())]  # fmt: skip
        out.append(Figures(
            first, last, scope, members_total=c.total, active_members=active,
            visits=c.visits, visitors=came.bit_count(), repeat_visitors=again.bit_count(),
            spend_cents=c.spend,
            retention={n: cohort_share(join_days, n, today) for n in RETENTION_DAYS},
            participation=taking_part(gid), joined=tuple(join_days)))  # fmt: skip
    return out


def _bytes(bits: int) -> bytes:
    """A bitmap's bytes, in which one member's bit is looked up without shifting the whole
    integer (_has)."""
    return bits.to_bytes((bits.bit_length() + 7) // 8, "little")


def _has(bits: bytes, member_id: int) -> bool:
    i = member_id >> 3
    return i < len(bits) and bool(bits[i] >> (member_id & 7) & 1)


def _stays(day: date):
    """Each group's members on `day`, once each (a member may have left and come back)."""
    return (select(GroupMembership.group_id, GroupMembership.member_id)
            .where(_in_group_on(day)).distinct().subquery())  # fmt: skip


def _counts(s, lo: datetime, hi: datetime, last: date) -> dict[int, _Counts]:
    """Members on the books, visits and spend, per group."""
    stays = _stays(last)
    totals = dict(s.execute(
        select(stays.c.group_id, func.count(Member.id))
        .join(stays, stays.c.member_id == Member.id)
        .where(_counted(last, hi)).group_by(stays.c.group_id)).all())  # fmt: skip
    visits = {gid: (n, int(cents or 0)) for gid, n, cents in s.execute(
        select(stays.c.group_id, func.count(Visit.id), func.sum(Visit.amount_cents))
        .join(Visit, Visit.member_id == stays.c.member_id)
        .where(Visit.voided.is_(False), Visit.at >= lo, Visit.at < hi)
        .group_by(stays.c.group_id))}  # fmt: skip
    return {gid: _Counts(totals.get(gid, 0), *visits.get(gid, (0, 0)))
            for gid in set(totals) | set(visits)}  # fmt: skip


def _participation(store: Store, last: date, cal: Calendar):
    """A function of a group id giving the group's participation: the attendees and the
    audiences of every group counted once, each occurrence then rated per group."""
    if not cal.occurrences:
        return lambda _gid: Participation()
    stays = _stays(last)
    # Every statement is built before the reading begins: a segment's condition may bring
    # the member figures up to date first (a write), which a read already begun would not see.
    attending = (select(stays.c.group_id, Attendance.activity_id, Attendance.occurrence_date,
                        func.count())
                 .join(stays, stays.c.member_id == Attendance.member_id)
                 .where(*attended_in(cal))
                 .group_by(stays.c.group_id, Attendance.activity_id,
                           Attendance.occurrence_date))  # fmt: skip
    audiences = {key: for_audience(store, select(stays.c.group_id, func.count(Member.id))
                                   .join(stays, stays.c.member_id == Member.id)
                                   .where(Member.archived.is_(False)), *key)
                 .group_by(stays.c.group_id) for key in cal.per_audience}  # fmt: skip
    came: dict[int, dict[tuple[int, date], int]] = {}
    with store.read() as s:
        for gid, a, d, n in s.execute(attending):
            came.setdefault(gid, {})[(a, d)] = n
        sizes = {key: dict(s.execute(query).all()) for key, query in audiences.items()}

    def of(gid: int) -> Participation:
        return rate_occurrences(cal, came.get(gid, {}),
                                {key: n.get(gid, 0) for key, n in sizes.items()})  # fmt: skip

    return of
