"""member_stats, when it claims to be today's, holds exactly what the visits say; so do
the days with a contact (sqdesk.core.contact_days), each member's latest contact
(sqdesk.core.last_contact) and the visits per hour (sqdesk.core.visit_hours)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sqdesk.core import settings
from sqdesk.core.check import invariant
from sqdesk.core.member_stats import COLUMNS, DAY_KEY, _aggregate
from sqdesk.core.models import MemberStats


@invariant("member visit statistics")
def _stats(s: Session) -> Iterator[str]:
    day = settings.get(s, DAY_KEY)
    if day is None:
        return
    today = date.fromisoformat(day)
    expected = {row[0]: tuple(row[1:]) for row in s.execute(_aggregate(today))}
    kept = {
        row[0]: tuple(row[1:])
        for row in s.execute(select(MemberStats.member_id,
                                    *[getattr(MemberStats, c) for c in COLUMNS]))
    }  # fmt: skip
    for member_id in sorted(set(expected) | set(kept)):
        a, b = expected.get(member_id), kept.get(member_id)
        if a is None or b is None or _norm(a) != _norm(b):
            yield f"member {member_id}: visit statistics {b} differ from the visits {a}"


def _norm(row: tuple) -> tuple:
    last, *rest = row
    if last is not None and hasattr(last, "tzinfo") and last.tzinfo is None:
        from datetime import UTC

        last = last.replace(tzinfo=UTC)
    return (last.replace(microsecond=0) if last is not None else None, *rest)


@invariant("days with a contact")
def _days(s: Session) -> Iterator[str]:
    from sqdesk.core import contact_days

    for i, problem in enumerate(contact_days.differences(s)):
        if i == 20:
            return
        yield problem


@invariant("latest contacts")
def _latest(s: Session) -> Iterator[str]:
    from sqdesk.core import last_contact
    from sqdesk.core.models import LastContact

    expected = {m: at for m, at in s.execute(last_contact.latest(s))}
    kept = {m: at for m, at in s.execute(select(LastContact.member_id, LastContact.at))}
    for member_id in sorted(m for m in set(expected) | set(kept)
                            if _moment(expected.get(m)) != _moment(kept.get(m)))[:20]:
        yield (f"member {member_id}: the latest contact kept is {kept.get(member_id)}, "
               f"their contacts say {expected.get(member_id)}")  # fmt: skip


def _moment(value):
    """A moment as read back either way (the kept column is typed; a max over the sources
    may come back as the stored integer or an aware datetime)."""
    from sqdesk.core.models import EPOCH

    if isinstance(value, int):
        return EPOCH + timedelta(microseconds=value)
    return value


@invariant("visits per hour")
def _hours(s: Session) -> Iterator[str]:
    from sqdesk.core import visit_hours

    yield from visit_hours.differences(s)
