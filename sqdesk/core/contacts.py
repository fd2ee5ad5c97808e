"""Staying in touch: when the shop last had contact with each member, and the queue of
members it is losing touch with.

Any contact counts, as the members themselves feel it: a visit, taking part in an
activity, a note about them (a chat at the counter, a private message, a call) or a post
copied for them one by one. Joining counts too, so a new member is not "lost" on day one.
The queue is computed from those tables as they are, so any contact takes a member off it
at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import String, cast, exists, func, literal, select

from sqdesk.core import member_stats, segments
from sqdesk.core.models import Attendance, Member, MemberStats, Note, PostCopy, Visit
from sqdesk.core.store import Store


@dataclass(frozen=True)
class LosingTouch:
    member_id: int
    code: str
    name: str
    last_contact: datetime | None  # None: nothing since joining
    days_since: int | None
    spend_12m: int  # cents: the queue is ordered by value, highest first


def _rendered_for(member_id_column):
    """posts.target_of's "member:12" for each member, in SQL (to match the copy history)."""
    return literal("member:", String) + cast(member_id_column, String)


def losing_touch(store: Store, *, days: int | None = None,
                 today: date | None = None) -> list[LosingTouch]:  # fmt: skip
    """Members (not archived) with no contact of any kind in the last `days` days (the
    shop's dormant threshold when not given), the highest spend in 12 months first."""
    today = today or date.today()
    if days is None:
        days = segments.load_thresholds(store).dormant_days
    member_stats.ensure_current(store, today=today)  # the spend that orders the queue
    cutoff_day = today - timedelta(days=days)
    cutoff = datetime.combine(cutoff_day + timedelta(days=1), time.min).astimezone(UTC)
    m = Member
    recent_visit = exists().where(Visit.member_id == m.id, Visit.voided.is_(False),
                                  Visit.at >= cutoff)  # fmt: skip
    recent_note = exists().where(Note.member_id == m.id, Note.at >= cutoff)
    recent_attendance = exists().where(Attendance.member_id == m.id,
                                       Attendance.occurrence_date > cutoff_day)  # fmt: skip
    recent_post = exists().where(PostCopy.rendered_for == _rendered_for(m.id),
                                 PostCopy.copied_at >= cutoff)  # fmt: skip
    live_visit = (Visit.member_id == m.id) & Visit.voided.is_(False)
    last_visit = select(func.max(Visit.at)).where(live_visit).scalar_subquery()
    last_note = select(func.max(Note.at)).where(Note.member_id == m.id).scalar_subquery()
    last_attendance = (select(func.max(Attendance.occurrence_date))
                       .where(Attendance.member_id == m.id).scalar_subquery())  # fmt: skip
    for_member = PostCopy.rendered_for == _rendered_for(m.id)
    last_post = select(func.max(PostCopy.copied_at)).where(for_member).scalar_subquery()
    query = (
        select(m.id, m.code, m.name, m.nickname, last_visit,
               func.coalesce(MemberStats.spend_365, 0), last_note, last_attendance, last_post)
        .outerjoin(MemberStats, MemberStats.member_id == m.id)
        .where(m.archived.is_(False), m.joined_on <= cutoff_day,
               ~recent_visit, ~recent_note, ~recent_attendance, ~recent_post)
        .order_by(func.coalesce(MemberStats.spend_365, 0).desc(), m.id)
    )  # fmt: skip
    out = []
    with store.read() as s:
        for mid, code, name, nickname, visit, spend, note, attended, post in s.execute(query):
            moments = [t for t in (visit, note, post) if t is not None]
            if attended is not None:
                moments.append(datetime.combine(attended, time(12)).astimezone(UTC))
            last = max(moments) if moments else None
            since = (today - last.astimezone().date()).days if last else None
            out.append(LosingTouch(mid, code, name or nickname, last, since, spend))
    return out
