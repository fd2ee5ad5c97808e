"""The yearly store report (the owner's printable PDF, sqdesk/printing/year_report.py): the
year in numbers (sqdesk.core.metrics over the whole year, or up to today for this year),
the best month, the most attended activities, the top referrers, the level changes and
why members lapsed (from the notes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from sqdesk.core import metrics, notes, visit_hours
from sqdesk.core.metrics import Figures, start_of
from sqdesk.core.models import Activity, Attendance, Level, LevelChange
from sqdesk.core.store import Store

TOP = 5


@dataclass(frozen=True)
class Month:
    month: int
    visits: int
    spend_cents: int


@dataclass(frozen=True)
class YearReport:
    year: int
    first: date
    last: date  # the 31st of December, or today for the year under way
    figures: Figures
    months: tuple[Month, ...]
    activities: tuple[tuple[str, int], ...]  # (title, attendances), most first; no check-in
    level_ups: tuple[tuple[str, int], ...]  # (level reached, members), in level order
    lapse_reasons: tuple[notes.LapseCount, ...]
    lapsed: int  # members with a note saying why they stopped coming

    @property
    def best_month(self) -> Month | None:
        """The month with the most spend (None: no visit all year)."""
        best = max(self.months, key=lambda m: (m.spend_cents, m.visits), default=None)
        return best if best is not None and best.visits else None


def build(store: Store, year: int, *, today: date | None = None) -> YearReport:
    today = today or date.today()
    first = date(year, 1, 1)
    last = min(date(year, 12, 31), today)
    if last < first:
        raise metrics.MetricsError("bad_period", f"{year} has not started yet",
                                   first=first.isoformat(), last=last.isoformat())  # fmt: skip
    figures = metrics.compute(store, first, last, today=today)
    with store.read() as s:
        spans = [(start_of(date(year, m, 1)), start_of(date(year + (m == 12), m % 12 + 1, 1)))
                 for m in range(1, last.month + 1)]  # fmt: skip
        months = [Month(m, n, cents) for m, (n, cents)
                  in enumerate(visit_hours.sums(s, spans), start=1)]  # fmt: skip
        came = s.execute(select(Activity.title, func.count())
                         .join(Attendance, Attendance.activity_id == Activity.id)
                         .where(Attendance.occurrence_date >= first,
                                Attendance.occurrence_date <= last,
                                Activity.checkin.is_(False))  # a habit, not an activity
                         .group_by(Activity.id, Activity.title)
                         .order_by(func.count().desc(), Activity.title).limit(TOP)).all()
        ups = s.execute(select(Level.name, func.count(func.distinct(LevelChange.member_id)))
                        .join(Level, Level.id == LevelChange.to_level_id)
                        .where(LevelChange.at >= start_of(first),
                               LevelChange.at < start_of(last + timedelta(days=1)))
                        .group_by(Level.id, Level.name, Level.threshold)
                        .order_by(Level.threshold)).all()  # fmt: skip
    return YearReport(year, first, last, figures, tuple(months),
                      tuple((t, int(n)) for t, n in came), tuple((n, int(k)) for n, k in ups),
                      tuple(notes.lapse_reasons(store, since=first, until=last)),
                      notes.lapsed_members(store, since=first, until=last))  # fmt: skip
