"""A member's timeline: notes, visits, points, activities attended, group joins and leaves,
and posts copied for them, newest first, a page at a time.

Each kind is read from its own table through an index on the member and the time, at most
a page of each, and the pages merged: a member with thousands of events opens as fast as
one with ten. The next page starts below the last event shown (`before`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import select

from sqdesk.core.models import (
    Activity,
    Attendance,
    GroupMembership,
    LedgerEntry,
    Note,
    PostCopy,
    Visit,
    WechatGroup,
)
from sqdesk.core.store import Store

TYPES = ("note", "visit", "ledger", "attendance", "group", "post")
PAGE = 100


@dataclass(frozen=True, order=True)
class Event:
    at: datetime  # aware (UTC)
    type: str  # one of TYPES
    ref: int  # the row's id in its table (a tie-breaker, and what a click opens)
    text: str  # what happened, as the shop wrote it (a note's text, a template's name …)
    detail: str = ""  # the kind of note, a visit's channel, a ledger entry's kind …
    amount: int = 0  # cents for a visit, points for a ledger entry
    amends: int = 0  # for a note that amends another: that note's id


def _day(d: date, minute: int = 12 * 60) -> datetime:
    """A day's event at its local time (an activity's start; noon when there is none)."""
    return datetime.combine(d, time(minute // 60, minute % 60)).astimezone(UTC)


def events(store: Store, member_id: int, *, before: Event | None = None, limit: int = PAGE,
           types: Iterable[str] = TYPES) -> list[Event]:  # fmt: skip
    """The newest `limit` events before `before` (None: from now), newest first."""
    wanted = set(types)
    cut = before.at if before is not None else None
    found: list[Event] = []
    with store.read() as s:
        if "note" in wanted:
            q = select(Note.id, Note.at, Note.text, Note.kind, Note.amends_id).where(
                Note.member_id == member_id)  # fmt: skip
            if cut is not None:
                q = q.where(Note.at <= cut)
            for i, at, text, kind, amends in s.execute(q.order_by(Note.at.desc()).limit(limit)):
                found.append(Event(at, "note", i, text, kind, amends=amends or 0))
        if "visit" in wanted:
            q = select(Visit.id, Visit.at, Visit.amount_cents, Visit.channel, Visit.voided).where(
                Visit.member_id == member_id)  # fmt: skip
            if cut is not None:
                q = q.where(Visit.at <= cut)
            for i, at, cents, channel, voided in s.execute(
                    q.order_by(Visit.at.desc()).limit(limit)):  # fmt: skip
                text = f"¥{cents / 100:,.2f}".removesuffix(".00") + (" (undone)" if voided else "")
                found.append(Event(at, "visit", i, text, channel, cents))
        if "ledger" in wanted:
            q = select(LedgerEntry.id, LedgerEntry.at, LedgerEntry.kind, LedgerEntry.amount,
                       LedgerEntry.reason).where(LedgerEntry.member_id == member_id)  # fmt: skip
            if cut is not None:
                q = q.where(LedgerEntry.at <= cut)
            q = q.order_by(LedgerEntry.at.desc(), LedgerEntry.id.desc()).limit(limit)
            for i, at, kind, amount, reason in s.execute(q):
                found.append(Event(at, "ledger", i, reason, kind, amount))
        if "attendance" in wanted:
            q = (select(Attendance.activity_id, Attendance.occurrence_date, Attendance.note,
                        Activity.title, Activity.start_minute)
                 .join(Activity, Activity.id == Attendance.activity_id)
                 .where(Attendance.member_id == member_id))  # fmt: skip
            if cut is not None:
                q = q.where(Attendance.occurrence_date <= cut.astimezone().date())
            rows = s.execute(q.order_by(Attendance.occurrence_date.desc()).limit(limit))
            for activity_id, day, remark, title, minute in rows:
                text = f"{title} {remark}".strip()
                found.append(Event(_day(day, minute or 12 * 60), "attendance", activity_id, text))
        if "group" in wanted:
            q = (select(GroupMembership.id, GroupMembership.joined_on, GroupMembership.left_on,
                        WechatGroup.name)
                 .join(WechatGroup, WechatGroup.id == GroupMembership.group_id)
                 .where(GroupMembership.member_id == member_id))  # fmt: skip
            for i, joined, left, name in s.execute(q):  # a member is in a few groups at most
                found.append(Event(_day(joined), "group", i, name, "joined"))
                if left is not None:
                    found.append(Event(_day(left), "group", i, name, "left"))
        if "post" in wanted:
            q = select(PostCopy.id, PostCopy.copied_at, PostCopy.template_name).where(
                PostCopy.rendered_for == f"member:{member_id}")  # fmt: skip
            if cut is not None:
                q = q.where(PostCopy.copied_at <= cut)
            for i, at, name in s.execute(q.order_by(PostCopy.copied_at.desc()).limit(limit)):
                found.append(Event(at, "post", i, name))
    found.sort(key=lambda e: (e.at, e.type, e.ref), reverse=True)
    if before is not None:  # the page's edge: strictly after the last event shown
        edge = (before.at, before.type, before.ref)
        found = [e for e in found if (e.at, e.type, e.ref) < edge]
    return found[:limit]
