"""A store check-in (签到) from a scanned member card: the counter's scanner types the code,
the member is checked in for today (which feeds the check-in streak bonus).

Refused, with nothing recorded: a code whose check digit is wrong (a misread), an unknown
or archived member, the same card scanned again within a minute (a double scan), or a
member already checked in today (one check-in a day counts).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from sqdesk.core import codes, ledger
from sqdesk.core.errors import CodedError
from sqdesk.core.models import CheckIn, Member
from sqdesk.core.store import Store

AGAIN_WITHIN = timedelta(minutes=1)
SOURCE = "scan"


class ScanError(CodedError):
    """A scan refused (see CodedError)."""

    area = "scan"


@dataclass(frozen=True)
class ScanResult:
    member_id: int
    code: str
    name: str
    at: datetime
    streak: int  # consecutive days checked in, today included
    points: int  # points this check-in earned (the streak bonus when it falls due)


def clean_code(text: str) -> str:
    """What a scanner (or a person) typed, as a code: full-width digits and spaces folded."""
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def check_in(store: Store, text: str, *, now: datetime | None = None) -> ScanResult:
    """Check in the member whose card was scanned; ScanError says why not."""
    now = now or datetime.now(UTC)
    today = now.astimezone().date()
    with store.session() as s:
        member_id, code, shown = _member(s, text)
        _refuse_repeat(s, member_id, today, now, code, shown)
        result = ledger.checkin_in(s, member_id, today, source=SOURCE, at=now)
    return ScanResult(member_id, code, shown, now, result.streak, result.bonus)


def member_for(store: Store, text: str) -> tuple[int, str, str]:
    """(id, code, name) of the member whose card was scanned (to record a visit for them);
    ScanError for a misread, an unknown or an archived member."""
    with store.read() as s:
        return _member(s, text)


def _member(s, text: str) -> tuple[int, str, str]:
    code = clean_code(text)
    if not code.isdigit():
        raise ScanError("not_a_code", f"{code!r} is not a member code", member_code=code)
    if not codes.is_valid_code(code):
        raise ScanError("bad_check_digit", f"{code} is not a member code: its check digit is "
                        "wrong (a misread? scan again)", member_code=code)  # fmt: skip
    row = s.execute(select(Member.id, Member.name, Member.nickname, Member.archived)
                    .where(Member.code == code)).first()  # fmt: skip
    if row is None:
        raise ScanError("unknown", f"no member has the code {code}", member_code=code)
    member_id, name, nickname, archived = row
    shown = name or nickname
    if archived:
        raise ScanError("archived", f"{shown} ({code}) is archived", member_code=code,
                        name=shown)  # fmt: skip
    return member_id, code, shown


def _refuse_repeat(s, member_id: int, today: date, now: datetime, code: str,
                   name: str) -> None:  # fmt: skip
    had = s.execute(select(CheckIn.at).where(CheckIn.member_id == member_id,
                                             CheckIn.day == today)).first()  # fmt: skip
    if had is None:
        return
    (at,) = had
    if at is not None and now - at < AGAIN_WITHIN:
        raise ScanError("again", f"{name} ({code}) was scanned a moment ago; counted once",
                        member_code=code, name=name)  # fmt: skip
    when = f" at {at.astimezone():%H:%M}" if at is not None else ""
    raise ScanError("already_today", f"{name} ({code}) checked in today already{when}",
                    member_code=code, name=name,
                    time=f"{at.astimezone():%H:%M}" if at else "")  # fmt: skip
