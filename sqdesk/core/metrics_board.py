"""What the Dashboard draws beside the headline figures (sqdesk.core.metrics): the active
members, visits and spend over time, the layers and levels at the end of the period, the
cohorts by join week, and one board per WeChat group.

- The series: a bucket per day for periods of up to 62 days, per week (Monday to Sunday,
  cut at the period's ends) beyond; active members in a bucket are those with a contact
  in it (the same contacts as the headline).
- Layers at the period's end, each member in one, the first that fits: new (joined within
  the new-member days), core (frequent and high-spending), active (visits in 30 days),
  lapsed, dormant (no visit for the lapsed or dormant days), and occasional for the rest.
  The thresholds are the segments' (Settings → Thresholds). Read from the member figures
  kept for today when the period ends today, from the visits before the end otherwise.
- Levels at the end: the cached levels when the period ends today, otherwise each
  member's level basis over the 12 months before the end, against today's thresholds.
- Cohorts: members by the week they joined, and how many had a contact in the 7 and 30
  days after their join day (None until every member of the week had their N days).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, case, func, or_, select

from sqdesk.core import (
    contact_days,
    ledger,
    member_stats,
    metrics_groups,
    segments,
    sql_rows,
    visit_hours,
)
from sqdesk.core.metrics import (
    RETENTION_DAYS,
    STORE,
    Figures,
    JoinDay,
    Scope,
    SharedCalendar,
    _counted,
    check_period,
    group_scopes,
    members_of,
    on_books,
    retention_by_day,
    start_of,
    within,
)
from sqdesk.core.models import (
    Level,
    Member,
    MemberPoints,
    MemberStats,
    Visit,
)
from sqdesk.core.store import Store

DAILY_UP_TO = 62  # days; longer periods are drawn a week per bar
LAYERS = ("new", "core", "active", "occasional", "dormant", "lapsed")
NO_LEVEL = ""


@dataclass(frozen=True)
class Bucket:
    first: date
    last: date
    active: int
    visits: int
    spend_cents: int


def weekly(first: date, last: date) -> bool:
    """Whether the period is drawn a week per bucket (longer than DAILY_UP_TO days)."""
    return (last - first).days + 1 > DAILY_UP_TO


def buckets(first: date, last: date) -> list[tuple[date, date]]:
    if not weekly(first, last):
        return [(first + timedelta(days=i), first + timedelta(days=i))
                for i in range((last - first).days + 1)]  # fmt: skip
    out, day = [], first
    while day <= last:
        end = min(last, day + timedelta(days=6 - day.weekday()))
        out.append((day, end))
        day = end + timedelta(days=1)
    return out


def _bucket_table(store: Store, spans: list[tuple[date, date]]):
    day, moment = sql_rows.DAY, sql_rows.MOMENT
    return sql_rows.rows_table(
        store.engine.dialect.name, "bucket",
        [("b", day), ("d0", day), ("d1", day), ("lo", moment), ("hi", moment)],
        [(a, a, b, start_of(a), start_of(b + timedelta(days=1))) for a, b in spans])


def series(store: Store, first: date, last: date, scope: Scope = STORE, *,
           days: contact_days.SharedDays | None = None) -> list[Bucket]:
    """Active members, visits and spend per day (or week). The shop's visits and spend of
    every bucket come from the visits per hour (sqdesk.core.visit_hours), a scope's from one
    range scan of the covering visit index. The active members of a bucket are its days'
    bitmaps of members with a contact OR-ed (sqdesk.core.contact_days), those of the scope
    kept: 30 days 120 -> 10 ms on the 100k store, where every contact was read and each
    member counted once a day."""
    spans = buckets(first, last)
    ids = members_of(store, scope, last)
    with store.read() as s:
        if ids is None:
            sums = dict(zip((a for a, _b in spans), visit_hours.sums(s, [
                (start_of(a), start_of(b + timedelta(days=1))) for a, b in spans]), strict=True))
        else:
            table = _bucket_table(store, spans)
            sums = {b: (n, int(cents or 0)) for b, n, cents in s.execute(
                select(table.c.b, func.count(), func.sum(Visit.amount_cents))
                .join(Visit, and_(Visit.at >= table.c.lo, Visit.at < table.c.hi))
                .where(Visit.voided.is_(False), Visit.member_id.in_(ids))
                .group_by(table.c.b))}  # fmt: skip
        by_day = contact_days.days(s, first, last,
                                   kinds=(contact_days.VISITED, contact_days.OTHER),
                                   shared=days)  # fmt: skip
        scope_bits = contact_days.bitmap(s.scalars(ids)) if ids is not None else None
    out = []
    for a, b in spans:
        n, cents = sums.get(a, (0, 0))
        seen = 0
        for day in range(contact_days.day_number(a), contact_days.day_number(b) + 1):
            if day in by_day:
                seen |= contact_days.contacted(by_day[day])
        if scope_bits is not None:
            seen &= scope_bits
        out.append(Bucket(a, b, seen.bit_count(), n, cents))
    return out


# --- layers and levels at the end -------------------------------------------------------------


def _figures_at(store: Store, last: date, today: date):
    """Per member: last visit, visits in 30 and 90 days, spend in 365 days, as of `last`."""
    if last == today and member_stats.ensure_current(store, today=today):
        t = MemberStats
        return select(t.member_id, t.last_visit_at, t.visits_30, t.visits_90,
                      t.spend_365).subquery()  # fmt: skip
    cols = list(member_stats._aggregate(last).selected_columns)
    return (select(cols[0].label("member_id"), cols[1].label("last_visit_at"),
                   cols[2].label("visits_30"), cols[3].label("visits_90"),
                   cols[6].label("spend_365"))
            .where(Visit.voided.is_(False), Visit.at < start_of(last + timedelta(days=1)))
            .group_by(Visit.member_id).subquery())  # fmt: skip


def layers(store: Store, last: date, scope: Scope = STORE, *,
           today: date | None = None) -> dict[str, int]:  # fmt: skip
    """How many members (on the books at the end of `last`) are in each of LAYERS."""
    today = today or date.today()
    t = segments.load_thresholds(store)
    f = _figures_at(store, last, today)
    hi = start_of(last + timedelta(days=1))

    def no_visit_for(days: int):
        return and_(Member.joined_on <= last - timedelta(days=days),
                    or_(f.c.last_visit_at.is_(None),
                        f.c.last_visit_at < start_of(last - timedelta(days=days - 1))))

    code = LAYERS.index  # each layer as a small integer: compared faster than its name
    layer = case(
        (Member.joined_on > last - timedelta(days=t.new_days), code("new")),
        (and_(func.coalesce(f.c.visits_90, 0) >= t.core_visits_90d,
              func.coalesce(f.c.spend_365, 0) >= t.core_spend_12m), code("core")),
        (func.coalesce(f.c.visits_30, 0) >= t.active_visits_30d, code("active")),
        (no_visit_for(t.lapsed_days), code("lapsed")),
        (no_visit_for(t.dormant_days), code("dormant")),
        else_=code("occasional"),
    )  # fmt: skip
    ids = members_of(store, scope, last)

    def per_layer(s, *where) -> list[int]:
        # Each member's layer worked out once (OFFSET 0 keeps the subquery whole: folded
        # into the counts, its CASE was evaluated once per layer), then every layer counted
        # in one pass (a GROUP BY sorted the 100,000 rows first).
        each = (select(layer.label("layer")).select_from(Member)
                .outerjoin(f, f.c.member_id == Member.id)
                .where(*where, within(Member.id, ids)).offset(0).subquery())  # fmt: skip
        counts = select(*(func.count().filter(each.c.layer == code(k)) for k in LAYERS))
        return [int(n or 0) for n in s.execute(counts).one()]

    # On the books at the end (_counted): everyone who had joined by then, read from the
    # roster's narrow (archived, joined_on) index rather than the member rows, less those
    # archived before the end, from theirs. The 100k store's layers 56 -> 36 ms.
    with store.read() as s:
        joined = per_layer(s, Member.archived.in_([False, True]), Member.joined_on <= last)
        gone = per_layer(s, Member.archived_at < hi, Member.joined_on <= last)
    return {k: a - b for k, a, b in zip(LAYERS, joined, gone, strict=True)}


def levels(store: Store, last: date, scope: Scope = STORE, *,
           today: date | None = None) -> list[tuple[str, int]]:  # fmt: skip
    """(level name, members) from the lowest level up, then NO_LEVEL for members below
    every threshold."""
    today = today or date.today()
    hi = start_of(last + timedelta(days=1))
    ids = members_of(store, scope, last)
    with store.read() as s:
        names = s.execute(select(Level.id, Level.name).order_by(Level.threshold)).all()
        counted = select(Member.id).where(_counted(last, hi), within(Member.id, ids))
        if last == today and ids is None:
            by_level = _cached_levels(s, last, hi, [lid for lid, _name in names])
        elif last == today:
            by_level = dict(s.execute(
                select(MemberPoints.level_id, func.count()).select_from(Member)
                .outerjoin(MemberPoints, MemberPoints.member_id == Member.id)
                .where(Member.id.in_(counted)).group_by(MemberPoints.level_id)).all())
        else:
            who = set(s.scalars(counted))
            expected = ledger.expected_levels(s, today=last, rules=ledger.rules_in(s),
                                              until=hi)  # fmt: skip
            by_level: dict[int | None, int] = {}
            for member_id in who:
                level_id = expected.get(member_id)
                by_level[level_id] = by_level.get(level_id, 0) + 1
    out = [(name, int(by_level.get(lid, 0))) for lid, name in names]
    return [*out, (NO_LEVEL, int(by_level.get(None, 0)))]


def _cached_levels(s, last: date, hi, level_ids: list[int]) -> dict[int | None, int]:
    """The shop's members on the books at the end by their cached level (None: no level).
    Every cached level is counted in one pass over the narrow member_points rows (a count
    per level, not a GROUP BY, which sorted the 100,000 rows first: 14 -> 6 ms); the few
    not on the books (archived by the end) are taken off, and those without a level are
    the rest of the count. A join of every member to their points row took 53 ms on the
    100k store."""
    every: dict[int, int] = {}
    if level_ids:
        counts = s.execute(select(*(func.count().filter(MemberPoints.level_id == lid)
                                    for lid in level_ids))).one()  # fmt: skip
        every = dict(zip(level_ids, counts, strict=True))
    off = dict(s.execute(
        select(MemberPoints.level_id, func.count()).select_from(Member)
        .join(MemberPoints, MemberPoints.member_id == Member.id)
        .where(or_(Member.archived_at < hi,
                   and_(Member.archived.in_([False, True]), Member.joined_on > last)))
        .group_by(MemberPoints.level_id)).all())  # fmt: skip
    by_level = {lid: n - off.get(lid, 0) for lid, n in every.items() if lid is not None}
    by_level[None] = on_books(s, last, hi) - sum(by_level.values())
    return by_level


# --- cohorts by join week ---------------------------------------------------------------------


@dataclass(frozen=True)
class Cohort:
    week: date  # its Monday
    joined: int
    kept: dict[int, float | None]  # N → share with a contact within N days of joining


def cohorts(store: Store, first: date, last: date, scope: Scope = STORE, *,
            today: date | None = None, joined: Iterable[JoinDay] | None = None,
            ) -> list[Cohort]:  # fmt: skip
    """The period's joiners by week, newest week first. `joined`, when given, is the
    scope's retention_by_day already counted (the page has it with the figures)."""
    today = today or date.today()
    if joined is None:
        joined = retention_by_day(store, first, last, scope, today=today)
    weeks: dict[date, list] = {}
    for d in joined:
        weeks.setdefault(d.day - timedelta(days=d.day.weekday()), []).append(d)
    out = []
    for week, days in sorted(weeks.items(), reverse=True):
        joined = sum(d.joined for d in days)
        kept: dict[int, float | None] = {}
        for n in RETENTION_DAYS:
            ripe = all(d.day <= today - timedelta(days=n) for d in days)
            kept[n] = sum(d.kept[n] for d in days) / joined if ripe and joined else None
        out.append(Cohort(week, joined, kept))
    return out


# --- one board per group ----------------------------------------------------------------------


@dataclass(frozen=True)
class GroupBoard:
    kind: str  # ordinary | vip | interest
    figures: Figures  # those of metrics_groups.BOARD_FIELDS; the rest are not counted


def group_boards(store: Store, first: date, last: date, *, today: date | None = None,
                 calendar: SharedCalendar | None = None,
                 days: contact_days.SharedDays | None = None) -> list[GroupBoard]:
    """The headline figures of every WeChat group, VIP groups first, all groups counted
    together (sqdesk.core.metrics_groups). The calendar is expanded once and the day
    bitmaps read once (`calendar`, `days`: shared with the shop's figures of the same
    period)."""
    check_period(first, last)
    today = today or date.today()
    kinds = group_scopes(store)
    if not kinds:
        return []
    calendar = calendar or SharedCalendar(store, first, min(last, today))
    figures = metrics_groups.board_figures(store, first, last, [scope for _k, scope in kinds],
                                           today=today, calendar=calendar.get(),
                                           days=days)  # fmt: skip
    boards = [GroupBoard(kind, f) for (kind, _scope), f in zip(kinds, figures, strict=True)]
    return sorted(boards, key=lambda b: b.kind != "vip")
