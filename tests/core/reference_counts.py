"""The Dashboard's distinct counts as they were made before the day bitmaps
(sqdesk.core.contact_days), member by member in SQL: the references that the property
tests hold the bitmaps to. Written for plainness, not speed: each member's class from
index seeks into their visits, notes, posts copied and attendance; each joiner's first
contact of each kind after joining."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlalchemy import case, func, or_, select

from sqdesk.core import sql_rows
from sqdesk.core.metrics import RETENTION_DAYS, JoinDay, _counted, start_of
from sqdesk.core.models import Attendance, Member, Note, PostCopy, Visit, copy_target_of
from sqdesk.core.sql_exists import exists_where

# A member's class in a period (member_class).
NOT_SEEN, OTHERWISE, CAME, AGAIN = 0, 1, 2, 3


def member_class(lo: datetime, hi: datetime, first: date, last: date) -> tuple:
    """(class, on the books at the end) of the member row in the query: GROUP BY keys."""
    mine = [Visit.member_id == Member.id, Visit.voided.is_(False), Visit.at >= lo,
            Visit.at < hi]  # fmt: skip
    second = (select(Visit.at).where(*mine).order_by(Visit.at).limit(1).offset(1)
              .scalar_subquery())  # fmt: skip
    otherwise = or_(
        exists_where(Attendance.member_id == Member.id, Attendance.occurrence_date >= first,
                     Attendance.occurrence_date <= last),
        exists_where(Note.member_id == Member.id, Note.at >= lo, Note.at < hi),
        exists_where(PostCopy.rendered_for == copy_target_of(Member.id),
                     PostCopy.copied_at >= lo, PostCopy.copied_at < hi),
    )  # fmt: skip
    klass = case((exists_where(*mine), case((second.is_not(None), AGAIN), else_=CAME)),
                 (otherwise, OTHERWISE), else_=NOT_SEEN).label("class")  # fmt: skip
    return klass, case((_counted(last, hi), 1), else_=0).label("counted")


def tally(per_class: Iterable[tuple[int, int, int]]) -> tuple[int, int, int]:
    """(visitors, repeat visitors, active members) from (class, on the books, members)."""
    visitors = repeaters = active = 0
    for k, on_books, n in per_class:
        visitors += n if k in (CAME, AGAIN) else 0
        repeaters += n if k == AGAIN else 0
        active += n if on_books and k != NOT_SEEN else 0
    return visitors, repeaters, active


def retention_by_member(store, first: date, last: date) -> list[JoinDay]:
    """metrics.retention_by_day for the shop, each joiner's first contact of each kind after
    their join day sought one by one."""
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    cols = [("day", sql_rows.DAY), ("lo", sql_rows.MOMENT)]
    for n in RETENTION_DAYS:
        cols += [(f"hi{n}", sql_rows.MOMENT), (f"last{n}", sql_rows.DAY)]
    rows = []
    for d in days:
        row = [d, start_of(d + timedelta(days=1))]
        for n in RETENTION_DAYS:
            row += [start_of(d + timedelta(days=n + 1)), d + timedelta(days=n)]
        rows.append(tuple(row))
    join_days = sql_rows.rows_table(store.engine.dialect.name, "join_day", cols, rows)
    lo = join_days.c.lo
    firsts = (select(Member.joined_on.label("day"),
                     *(join_days.c[name] for name, _kind in cols[2:]),
                     select(func.min(Visit.at)).where(Visit.member_id == Member.id,
                                                      Visit.voided.is_(False), Visit.at >= lo)
                     .scalar_subquery().label("visit"),
                     select(func.min(Note.at)).where(Note.member_id == Member.id, Note.at >= lo)
                     .scalar_subquery().label("note"),
                     select(func.min(PostCopy.copied_at))
                     .where(PostCopy.rendered_for == copy_target_of(Member.id),
                            PostCopy.copied_at >= lo).scalar_subquery().label("copy"),
                     select(func.min(Attendance.occurrence_date))
                     .where(Attendance.member_id == Member.id,
                            Attendance.occurrence_date > join_days.c.day)
                     .scalar_subquery().label("came"))
              .join(join_days, join_days.c.day == Member.joined_on)
              .cte("firsts"))  # fmt: skip
    kept = [func.sum(case((or_(firsts.c.visit < firsts.c[f"hi{n}"],
                               firsts.c.note < firsts.c[f"hi{n}"],
                               firsts.c.copy < firsts.c[f"hi{n}"],
                               firsts.c.came <= firsts.c[f"last{n}"]), 1), else_=0))
            for n in RETENTION_DAYS]  # fmt: skip
    query = (select(firsts.c.day, func.count(), *kept)
             .group_by(firsts.c.day).order_by(firsts.c.day))  # fmt: skip
    with store.read() as s:
        return [JoinDay(d, n, {k: int(v or 0) for k, v in zip(RETENTION_DAYS, ks, strict=True)})
                for d, n, *ks in s.execute(query)]  # fmt: skip
