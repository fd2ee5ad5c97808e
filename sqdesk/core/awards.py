"""Quick awards: the shop's own point awards for things members do in the group (晒单 +20,
a good review +30, a UGC photo +10), given in one click from the profile or to a pasted list
like a 接龙. Each is paid once per member per day unless the shop says it may repeat.

The kinds are a small list kept as one setting (JSON), edited like the thresholds; three
for a tea shop are there until the shop changes them.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from sqdesk.core import jielong, ledger, settings
from sqdesk.core.errors import CodedError
from sqdesk.core.models import Member
from sqdesk.core.store import Store

KEY = "awards.kinds"


class AwardError(CodedError):
    """A quick award refused (see CodedError)."""

    area = "points"


@dataclass(frozen=True)
class Kind:
    name: str
    points: int
    repeat: bool = False  # False: once per member per day


DEFAULTS = (Kind("晒单", 20), Kind("好评", 30), Kind("UGC 照片", 10))


def kinds(store: Store) -> list[Kind]:
    with store.read() as s:
        raw = settings.get(s, KEY)
    if not raw:
        return list(DEFAULTS)
    return [Kind(**k) for k in json.loads(raw)]


def save_kinds(store: Store, found: list[Kind]) -> None:
    names = [k.name.strip() for k in found]
    if any(not n for n in names) or len(set(names)) != len(names):
        raise AwardError("bad_award_kinds", "each award needs its own name")
    if any(k.points <= 0 or k.points > 100_000 for k in found):
        raise AwardError("bad_award_points", "an award is 1 to 100,000 points")
    with store.session() as s:
        settings.put(s, KEY, json.dumps([asdict(k) for k in found], ensure_ascii=False))


def _kind(store: Store, name: str) -> Kind:
    found = next((k for k in kinds(store) if k.name == name.strip()), None)
    if found is None:
        raise AwardError("no_award_kind", f"no award called {name!r}", name=name)
    return found


def give(store: Store, member_id: int, name: str, *, now: datetime | None = None,
         actor: str = "") -> bool:  # fmt: skip
    """Pay the award to the member; False when it was paid to them today already."""
    return bool(give_many(store, [member_id], name, now=now, actor=actor))


def give_many(store: Store, member_ids: list[int], name: str, *, now: datetime | None = None,
              actor: str = "") -> int:  # fmt: skip
    """Pay the award to each member, in one transaction; returns how many were paid (those
    already paid today are skipped, unless the award may repeat)."""
    k = _kind(store, name)
    now = now or datetime.now(UTC)
    day = now.astimezone().date().isoformat()
    paid = 0
    with store.session() as s:
        for member_id in dict.fromkeys(member_ids):
            if s.get(Member, member_id) is None:
                raise AwardError("no_member", "the member does not exist")
            once = uuid.uuid4().hex if k.repeat else day
            entry = ledger.earn_in(s, member_id, k.points, reason=f"award: {k.name}",
                                   source_key=f"award:{k.name}:{member_id}:{once}",
                                   source_type="award", at=now, actor=actor)  # fmt: skip
            paid += entry is not None
    return paid


@dataclass(frozen=True)
class PastedAward:
    paid: int
    matched: int
    unmatched: list[str]  # the lines no member was found for (names as pasted)


def give_pasted(store: Store, name: str, text: str, *, now: datetime | None = None) -> PastedAward:
    """The award for every member a pasted list (a 接龙) names."""
    _kind(store, name)  # refuse an unknown award before reading the list
    matches = jielong.match(store, jielong.parse(text))
    ids = [m.member_id for m in matches if m.status == "matched" and m.member_id is not None]
    missed = [m.line.name for m in matches
              if m.status not in ("matched", "duplicate") and m.line.name]
    return PastedAward(give_many(store, ids, name, now=now) if ids else 0, len(ids), missed)
