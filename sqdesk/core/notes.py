"""Notes about member interactions and their follow-ups.

A note says what the manager learned (a chat at the counter, a complaint, why a member
stopped coming) and may ask to come back to it: a follow-up with a due time, done with an
outcome or snoozed. A note can be edited for a day; after that a change is an amendment,
a new note that points at the one it amends, so the history stays as it was written.
A note for an archived member is allowed (the member may come back; what was said stays).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from sqdesk.core import contact_days, note_search
from sqdesk.core.errors import CodedError
from sqdesk.core.models import Member, Note
from sqdesk.core.store import Store

KINDS = ("counter", "private", "group", "phone", "complaint", "suggestion", "lapse", "other")
# Why members stop coming, as the shop counts it (a "lapse" note may say which).
LAPSE_REASONS = ("moved", "price", "taste", "service", "wait", "elsewhere", "busy", "other")
MAX_CHARS = 5_000
EDITABLE_FOR = timedelta(hours=24)
DEFAULT_FOLLOW_UP_TIME = time(10, 0)  # a follow-up given as a day: in the morning


class NoteError(CodedError):
    """A note refused (see CodedError)."""

    area = "notes"


@dataclass(frozen=True)
class NoteInfo:
    id: int
    member_id: int
    member_code: str
    member_name: str
    member_archived: bool
    at: datetime
    kind: str
    text: str
    author: str
    reason: str
    follow_up_at: datetime | None
    follow_up_done_at: datetime | None
    outcome: str
    amends_id: int | None
    edited_at: datetime | None

    @property
    def open_follow_up(self) -> bool:
        return self.follow_up_at is not None and self.follow_up_done_at is None


# --- text and dates as people type them -------------------------------------------------------


def clean_text(text: str) -> str:
    """Plain text as it is kept: rich text pasted from elsewhere arrives as its characters;
    line ends made \\n, control characters dropped, emoji and full-width punctuation kept."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    kept = "".join(ch for ch in text
                   if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs"))  # fmt: skip
    return kept.strip()


def check_text(text: str) -> str:
    cleaned = clean_text(text)
    if not cleaned:
        raise NoteError("empty", "a note needs some text")
    if len(cleaned) > MAX_CHARS:
        raise NoteError("too_long", f"a note is at most {MAX_CHARS:,} characters "
                        f"(this one has {len(cleaned):,})", limit=MAX_CHARS,
                        length=len(cleaned))  # fmt: skip
    return cleaned


_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_RELATIVE = re.compile(r"^(\d{1,3})\s*(d|day|days|天|w|wk|week|weeks|周|个星期|星期)$")
_WEEKDAY = re.compile(r"^(下下|下)?(?:周|星期|礼拜)([一二三四五六日天])$")
_MONTH_DAY = re.compile(r"^(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?$")
_TIME = re.compile(r"\s+(\d{1,2})[:：](\d{2})$")


def parse_follow_up(text: str, *, today: date | None = None) -> datetime | None:
    """When to follow up, from what a person types: "3d", "2w", "3天", "明天", "后天",
    "下周一", "周五" (the next one), "12-05", "12月5日", "2026-12-05", each optionally with
    a time ("2026-12-05 15:00"); "" is no follow-up. A day in the past is allowed (it is
    shown as overdue). Raises NoteError("bad_follow_up") for anything else."""
    raw = unicodedata.normalize("NFKC", text or "").strip().lower()
    if not raw:
        return None
    today = today or date.today()
    at = DEFAULT_FOLLOW_UP_TIME
    m = _TIME.search(raw)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2))
        if hour > 23 or minute > 59:
            raise NoteError("bad_follow_up", f"{text!r} is not a time of day", text=text)
        at = time(hour, minute)
        raw = raw[: m.start()].strip()
    day = _follow_up_day(raw, today)
    if day is None:
        raise NoteError("bad_follow_up", f"{text!r} is not a day such as 3d, 明天, 下周一 or "
                        "2026-12-05", text=text)  # fmt: skip
    return datetime.combine(day, at).astimezone(UTC)


def _follow_up_day(raw: str, today: date) -> date | None:
    words = {"今天": 0, "today": 0, "明天": 1, "tomorrow": 1, "后天": 2, "大后天": 3}
    if raw in words:
        return today + timedelta(days=words[raw])
    if m := _RELATIVE.match(raw):
        n, unit = int(m.group(1)), m.group(2)
        return today + timedelta(days=n if unit in ("d", "day", "days", "天") else 7 * n)
    if m := _WEEKDAY.match(raw):
        weekday = _WEEKDAYS[m.group(2)]
        if m.group(1):  # 下周一: Monday of next week (下下周一: the week after)
            monday = today - timedelta(days=today.weekday()) + timedelta(weeks=len(m.group(1)))
            return monday + timedelta(days=weekday)
        ahead = (weekday - today.weekday()) % 7 or 7  # 周五: the next Friday, never today
        return today + timedelta(days=ahead)
    if m := _MONTH_DAY.match(raw):
        year = int(m.group(1)) if m.group(1) else today.year
        try:
            return date(year, int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def _check_reason(kind: str, reason: str) -> None:
    if reason and kind != "lapse":
        raise NoteError("reason_not_lapse", "only a note on why a member stopped coming has a "
                        "reason")  # fmt: skip
    if reason and reason not in LAPSE_REASONS:
        raise NoteError("bad_reason", f"a reason is one of {', '.join(LAPSE_REASONS)}",
                        reason=reason)  # fmt: skip


# --- writing ---------------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC)


def add(store: Store, member_id: int, text: str, *, kind: str = "other",
        follow_up_at: datetime | None = None, author: str = "", reason: str = "",
        at: datetime | None = None) -> NoteInfo:  # fmt: skip
    """A new note; returns it as saved. `reason` (LAPSE_REASONS) only on a "lapse" note."""
    cleaned = check_text(text)
    if kind not in KINDS:
        raise NoteError("bad_kind", f"a note's kind is one of {', '.join(KINDS)}", kind=kind)
    _check_reason(kind, reason)
    with store.session() as s:
        if s.get(Member, member_id) is None:
            raise NoteError("no_member", "the member does not exist")
        note = Note(member_id=member_id, text=cleaned, kind=kind, author=author.strip()[:40],
                    at=at or _now(), follow_up_at=follow_up_at, reason=reason)  # fmt: skip
        s.add(note)
        s.flush()
        note_id = note.id
        note_search.index(s.connection(), note_id, cleaned)
        contact_days.add_contact(s, member_id, note.at)
    return get(store, note_id)


def edit(store: Store, note_id: int, text: str, *, kind: str | None = None,
         now: datetime | None = None) -> NoteInfo:  # fmt: skip
    """Change a note written within the last day; an older one is amended instead
    (NoteError "too_old" says so)."""
    cleaned = check_text(text)
    now = now or _now()
    with store.session() as s:
        note = s.get(Note, note_id)
        if note is None:
            raise NoteError("no_note", "the note does not exist")
        if now - note.at > EDITABLE_FOR:
            raise NoteError("too_old", "a note can be changed for a day; add an amendment "
                            "instead")  # fmt: skip
        if kind is not None and kind not in KINDS:
            raise NoteError("bad_kind", f"a note's kind is one of {', '.join(KINDS)}",
                            kind=kind)  # fmt: skip
        note_search.index(s.connection(), note_id, cleaned, old_text=note.text)
        note.text = cleaned
        note.kind = kind or note.kind
        if note.kind != "lapse":
            note.reason = ""  # a reason belongs to a lapse note only
        note.edited_at = now
    return get(store, note_id)


def amend(store: Store, note_id: int, text: str, *, author: str = "") -> NoteInfo:
    """An amendment to a note: a new note about the same member, pointing at it."""
    original = get(store, note_id)
    cleaned = check_text(text)
    with store.session() as s:
        note = Note(member_id=original.member_id, text=cleaned, kind=original.kind,
                    author=author.strip()[:40], at=_now(), amends_id=note_id)  # fmt: skip
        s.add(note)
        s.flush()
        new_id = note.id
        note_search.index(s.connection(), new_id, cleaned)
        contact_days.add_contact(s, original.member_id, note.at)
    return get(store, new_id)


def follow_up_done(store: Store, note_id: int, *, outcome: str = "") -> NoteInfo:
    with store.session() as s:
        note = s.get(Note, note_id)
        if note is None:
            raise NoteError("no_note", "the note does not exist")
        if note.follow_up_at is None:
            raise NoteError("no_follow_up", "the note has no follow-up")
        if note.follow_up_done_at is not None:
            raise NoteError("already_done", "the follow-up was done already")
        note.follow_up_done_at = _now()
        note.outcome = clean_text(outcome)[:MAX_CHARS]
    return get(store, note_id)


def snooze(store: Store, note_id: int, until: datetime) -> NoteInfo:
    """Move an open follow-up to a later time."""
    with store.session() as s:
        note = s.get(Note, note_id)
        if note is None:
            raise NoteError("no_note", "the note does not exist")
        if note.follow_up_at is None or note.follow_up_done_at is not None:
            raise NoteError("no_follow_up", "the note has no open follow-up")
        note.follow_up_at = until
    return get(store, note_id)


# --- reading ---------------------------------------------------------------------------------


def _query():
    """A note's columns with its member's, in NoteInfo's order: plain rows, not Note objects
    (the 1,600 follow-ups due on the 100k store spent a third of their read making them)."""
    return select(Note.id, Note.member_id, Member.code, Member.name, Member.nickname,
                  Member.archived, Note.at, Note.kind, Note.text, Note.author, Note.reason,
                  Note.follow_up_at, Note.follow_up_done_at, Note.outcome, Note.amends_id,
                  Note.edited_at).join(Member, Member.id == Note.member_id)  # fmt: skip


def _info(row) -> NoteInfo:
    note_id, member_id, code, name, nickname, *rest = row
    return NoteInfo(note_id, member_id, code, name or nickname, *rest)


def get(store: Store, note_id: int) -> NoteInfo:
    with store.read() as s:
        row = s.execute(_query().where(Note.id == note_id)).first()
        if row is None:
            raise NoteError("no_note", "the note does not exist")
        return _info(row)  # inside the session: a note's fields are read before it closes


def for_member(store: Store, member_id: int, *, limit: int = 100,
               offset: int = 0) -> list[NoteInfo]:  # fmt: skip
    """A member's notes, newest first, a page at a time."""
    query = (_query().where(Note.member_id == member_id)
             .order_by(Note.at.desc(), Note.id.desc()).limit(limit).offset(offset))  # fmt: skip
    with store.read() as s:
        return [_info(r) for r in s.execute(query)]


def count_for(store: Store, member_id: int) -> int:
    with store.read() as s:
        return s.scalar(select(func.count(Note.id)).where(Note.member_id == member_id)) or 0


@dataclass(frozen=True)
class FollowUp:
    note: NoteInfo
    due: datetime
    overdue: bool  # due before today


def follow_ups_due(store: Store, *, today: date | None = None) -> list[FollowUp]:
    """Open follow-ups due today or earlier, the most overdue first (an indexed read of the
    open ones only)."""
    today = today or date.today()
    end = datetime.combine(today + timedelta(days=1), time.min).astimezone(UTC)
    start = datetime.combine(today, time.min).astimezone(UTC)
    query = (_query().where(Note.follow_up_done_at.is_(None), Note.follow_up_at.is_not(None),
                            Note.follow_up_at < end)
             .order_by(Note.follow_up_at, Note.id))  # fmt: skip
    with store.read() as s:
        found = [_info(r) for r in s.execute(query)]
    return [FollowUp(n, n.follow_up_at, n.follow_up_at < start) for n in found]  # type: ignore


@dataclass(frozen=True)
class LapseCount:
    reason: str  # LAPSE_REASONS, or "" for lapse notes that did not say
    members: int
    share: float  # of the members with a lapse note in the period


def lapsed_members(store: Store, *, since: date | None = None,
                   until: date | None = None) -> int:  # fmt: skip
    """Members with a "lapse" note (from `since` to `until`, or ever): the whole the shares
    are of."""
    with store.read() as s:
        return s.scalar(select(func.count(func.distinct(Note.member_id)))
                        .where(*_lapse_where(since, until))) or 0  # fmt: skip


def _lapse_where(since: date | None, until: date | None = None) -> list:
    where = [Note.kind == "lapse"]
    if since is not None:
        where.append(Note.at >= datetime.combine(since, time.min).astimezone(UTC))
    if until is not None:
        where.append(Note.at < datetime.combine(until + timedelta(days=1), time.min)
                     .astimezone(UTC))  # fmt: skip
    return where


def lapse_reasons(store: Store, *, since: date | None = None,
                  until: date | None = None) -> list[LapseCount]:  # fmt: skip
    """Why members stopped coming: for each reason, the members with a "lapse" note giving
    it (from `since` to `until`, or ever), the most common first. A member counts once per
    reason."""
    counted = (select(Note.reason, func.count(func.distinct(Note.member_id)))
               .where(*_lapse_where(since, until)).group_by(Note.reason))  # fmt: skip
    with store.read() as s:
        counts = dict(s.execute(counted).all())
    total = lapsed_members(store, since=since, until=until)
    order = {r: i for i, r in enumerate(LAPSE_REASONS)}
    ranked = sorted(counts.items(), key=lambda rc: (-rc[1], order.get(rc[0], len(order))))
    return [LapseCount(r, n, n / total if total else 0.0) for r, n in ranked]


FOLLOW_UP_VIEWS = ("due", "overdue", "upcoming", "open", "done")


def follow_ups(store: Store, *, view: str = "due", kind: str | None = None,
               today: date | None = None, limit: int = 500) -> list[FollowUp]:  # fmt: skip
    """Follow-ups for the list page, by `view`: "due" (open, due today or earlier),
    "overdue" (open, due before today), "upcoming" (open, due after today), "open" (all
    open), "done" (the latest done first); optionally only notes of one `kind`."""
    if view not in FOLLOW_UP_VIEWS:
        raise NoteError("bad_view", f"a follow-up view is one of {', '.join(FOLLOW_UP_VIEWS)}",
                        view=view)  # fmt: skip
    today = today or date.today()
    start = datetime.combine(today, time.min).astimezone(UTC)
    end = datetime.combine(today + timedelta(days=1), time.min).astimezone(UTC)
    query = _query().where(Note.follow_up_at.is_not(None))
    if view == "done":
        query = query.where(Note.follow_up_done_at.is_not(None)).order_by(
            Note.follow_up_done_at.desc(), Note.id.desc())
    else:
        query = query.where(Note.follow_up_done_at.is_(None))
        bounds = {"due": Note.follow_up_at < end, "overdue": Note.follow_up_at < start,
                  "upcoming": Note.follow_up_at >= end}  # fmt: skip
        if view in bounds:
            query = query.where(bounds[view])
        query = query.order_by(Note.follow_up_at, Note.id)
    if kind is not None:
        query = query.where(Note.kind == kind)
    with store.read() as s:
        found = [_info(r) for r in s.execute(query.limit(limit))]
    return [FollowUp(n, n.follow_up_at, n.follow_up_at < start and n.follow_up_done_at is None)
            for n in found]  # type: ignore[arg-type]  # fmt: skip


def recent(store: Store, *, limit: int = 50, kind: str | None = None) -> list[NoteInfo]:
    """The latest notes about anyone, newest first (the Notes page before a search)."""
    query = _query().order_by(Note.at.desc(), Note.id.desc()).limit(limit)
    if kind is not None:
        query = query.where(Note.kind == kind)
    with store.read() as s:
        return [_info(r) for r in s.execute(query)]
