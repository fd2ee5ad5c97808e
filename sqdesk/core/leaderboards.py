"""Leaderboards (排行榜) for a month: points earned, the longest check-in streak, referrals
(new members who joined with the member as referrer) and activities taken part in. Members
who asked to be left off (member.hide_from_boards) and archived members are not shown. The
post shows the top ten by name or nickname, as the shop chooses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from sqdesk.core import ledger
from sqdesk.core.errors import CodedError
from sqdesk.core.models import Attendance, CheckIn, LedgerEntry, Member
from sqdesk.core.store import Store

BOARDS = ("points", "checkins", "referrals", "attendance")
TOP = 10


class BoardError(CodedError):
    """A leaderboard refused (see CodedError)."""

    area = "draws"


@dataclass(frozen=True)
class Row:
    rank: int
    member_id: int
    code: str
    name: str
    nickname: str
    value: int


def month_of(text: str | None, *, today: date | None = None) -> date:
    """The first day of the month "2026-11" (this month when not given)."""
    if not text:
        return (today or date.today()).replace(day=1)
    try:
        year, month = (int(p) for p in text.split("-"))
        return date(year, month, 1)
    except ValueError:
        raise BoardError("bad_month", f"{text!r} is not a month like 2026-11",
                         month=text) from None  # fmt: skip


def _next_month(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1)


def board(store: Store, by: str = "points", *, month: date | None = None,
          limit: int = TOP) -> list[Row]:  # fmt: skip
    """The month's leaders, most first (ties share a rank and are in code order)."""
    if by not in BOARDS:
        raise BoardError("bad_board", f"a leaderboard is one of {', '.join(BOARDS)}", by=by)
    first = month or date.today().replace(day=1)
    end = _next_month(first)
    start_at = datetime.combine(first, time.min).astimezone(UTC)
    end_at = datetime.combine(end, time.min).astimezone(UTC)
    with store.read() as s:
        if by == "points":
            earned = (LedgerEntry.kind == ledger.EARN) | (
                (LedgerEntry.kind == ledger.REVERSE) & (LedgerEntry.amount < 0))  # fmt: skip
            scores = dict(s.execute(select(LedgerEntry.member_id, func.sum(LedgerEntry.amount))
                                    .where(earned, LedgerEntry.at >= start_at,
                                           LedgerEntry.at < end_at)
                                    .group_by(LedgerEntry.member_id)).all())  # fmt: skip
        elif by == "checkins":
            days: dict[int, list[date]] = {}
            for m, d in s.execute(select(CheckIn.member_id, CheckIn.day)
                                  .where(CheckIn.day >= first, CheckIn.day < end)
                                  .order_by(CheckIn.member_id, CheckIn.day)):  # fmt: skip
                days.setdefault(m, []).append(d)
            scores = {m: _longest_run(ds) for m, ds in days.items()}
        elif by == "referrals":
            newcomer = aliased(Member)
            scores = dict(s.execute(select(newcomer.referrer_id, func.count(newcomer.id))
                                    .where(newcomer.referrer_id.is_not(None),
                                           newcomer.joined_on >= first, newcomer.joined_on < end)
                                    .group_by(newcomer.referrer_id)).all())  # fmt: skip
        else:
            scores = dict(s.execute(select(Attendance.member_id, func.count())
                                    .where(Attendance.occurrence_date >= first,
                                           Attendance.occurrence_date < end)
                                    .group_by(Attendance.member_id)).all())  # fmt: skip
        scores = {m: int(v) for m, v in scores.items() if v and int(v) > 0}
        # The best first, read a few at a time until enough are shown (hidden and archived
        # members are skipped): never one statement with every member's id in it.
        ranked_ids = sorted(scores, key=lambda m: -scores[m])
        shown: list[tuple[int, str, int, str, str]] = []
        for start in range(0, len(ranked_ids), 200):
            chunk = ranked_ids[start : start + 200]
            people = {m: (code, name, nick) for m, code, name, nick in s.execute(
                select(Member.id, Member.code, Member.name, Member.nickname)
                .where(Member.id.in_(chunk), Member.archived.is_(False),
                       Member.hide_from_boards.is_(False)))}  # fmt: skip
            shown += [(scores[m], *people[m][:1], m, *people[m][1:]) for m in chunk
                      if m in people]  # fmt: skip
            # Enough, and the next chunk cannot tie with the last one shown.
            if len(shown) >= limit and start + 200 < len(ranked_ids) \
                    and scores[ranked_ids[start + 200]] < shown[limit - 1][0]:  # fmt: skip
                break
    shown.sort(key=lambda r: (-r[0], r[1]))
    out, rank, last = [], 0, None
    for i, (value, code, m, name, nick) in enumerate(shown[:limit], 1):
        if value != last:
            rank, last = i, value
        out.append(Row(rank, m, code, name, nick, value))
    return out


def _longest_run(days: list[date]) -> int:
    best = run = 0
    previous = None
    for d in days:
        run = run + 1 if previous is not None and d - previous == timedelta(days=1) else 1
        best, previous = max(best, run), d
    return best


def set_hidden(store: Store, member_id: int, hidden: bool) -> None:
    """Leave the member off leaderboards (or put them back), at their request."""
    with store.session() as s:
        member = s.get(Member, member_id)
        if member is None:
            raise BoardError("no_member", "the member does not exist")
        member.hide_from_boards = hidden


TITLES = {"points": "本月积分榜", "checkins": "本月连续签到榜", "referrals": "本月推荐榜",
          "attendance": "本月活动达人榜"}  # fmt: skip
UNITS = {"points": "分", "checkins": "天", "referrals": "人", "attendance": "次"}


def post_text(rows: list[Row], by: str, month: date, *, show: str = "nickname") -> str:
    """The board as a post for the group: the top ten by nickname (or name)."""
    medals = {1: "🥇", 2: "🥈", 3: "🥉"}
    lines = [f"🏆 {month.month}月{TITLES[by].removeprefix('本月')} TOP{len(rows)}"]
    for r in rows:
        who = (r.nickname or r.name) if show == "nickname" else (r.name or r.nickname)
        lines.append(f"{medals.get(r.rank, f'{r.rank}.')} {who}  {r.value}{UNITS[by]}")
    lines.append("下个月继续加油，榜上见！")
    return "\n".join(lines)
