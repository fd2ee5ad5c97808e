"""Deterministic demo members: the same seed and day always give the same people.

Rows are plain dicts inserted with SQLAlchemy Core in chunks: ORM objects for 100k members
take seconds to build and insert, dicts a fraction of that (docs/ARCHITECTURE.md, "The store
and units of work").
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from itertools import accumulate

from sqdesk.core.codes import FIRST_SERIAL, make_code
from sqdesk.core.demo import names
from sqdesk.core.models import local_offset_seconds

JOIN_SPAN_DAYS = 3 * 365
TWIN_RATE = 0.003  # members entered twice


class _Picker:
    """Weighted choice with precomputed cumulative weights (random.choices re-sums each call)."""

    def __init__(self, rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> None:
        self._rng = rng
        self._values = [value for value, _ in pairs]
        self._cum = list(accumulate(weight for _, weight in pairs))

    def __call__(self) -> str:
        return self._rng.choices(self._values, cum_weights=self._cum)[0]


def _given_name(rng: random.Random, gender: str) -> str:
    pool = {"F": names.GIVEN_FEMALE, "M": names.GIVEN_MALE}.get(gender, names.GIVEN_ANY)
    first = rng.choice(pool)
    if rng.random() < 0.3:
        return first
    second = rng.choice(pool if rng.random() < 0.8 else names.GIVEN_ANY)
    return first + second


def _join_date(rng: random.Random, today: date) -> date:
    # A growing community: joins per day rise steadily towards today (linear density).
    days_ago = int(JOIN_SPAN_DAYS * (1 - rng.random() ** 0.5))
    return today - timedelta(days=days_ago)


def _birthday(rng: random.Random, today: date) -> date | None:
    if rng.random() < 0.06:
        return None
    age = min(65, max(16, int(rng.gauss(29, 8))))
    start = date(today.year - age - 1, 1, 1)
    return start + timedelta(days=rng.randrange(365))


def _archived_at(member_id: int, joined_at: datetime) -> datetime:
    """Some day between joining and now, from the id (drawing from the generator would
    change every member made after)."""
    days = max(1, (datetime.now(UTC) - joined_at).days)
    return joined_at + timedelta(days=member_id * 7919 % days, hours=3)


def _wechat_id(rng: random.Random) -> str:
    if rng.random() < 0.55:
        return ""
    if rng.random() < 0.5:
        return "wxid_" + "".join(rng.choices("abcdefghijkmnpqrstuvwxyz0123456789", k=12))
    return rng.choice(("tea", "cc", "momo", "sunny", "a", "xiao")) + str(rng.randrange(1000, 99999))


def demo_member_rows(
    count: int,
    *,
    seed: int,
    today: date,
    first_id: int = 1,
    first_serial: int = FIRST_SERIAL,
    taken_mobiles: set[str] | None = None,
) -> Iterator[dict]:
    """Yield `count` member rows, oldest joiner first, with ids from `first_id`."""
    rng = random.Random(seed)
    # Favourites come from their own stream, so adding them left every other value as it
    # was for a given seed.
    taste = random.Random(seed * 7 + 3)
    surname = _Picker(rng, names.SURNAMES)
    source = _Picker(rng, names.SOURCES)
    mobiles = taken_mobiles if taken_mobiles is not None else set()
    joins = sorted(_join_date(rng, today) for _ in range(count))
    created_ids: list[int] = []
    recent: list[dict] = []
    offset, now = timedelta(seconds=local_offset_seconds()), datetime.now(UTC)
    for i, joined in enumerate(joins):
        member_id = first_id + i
        roll = rng.random()
        gender = "F" if roll < 0.6 else ("M" if roll < 0.95 else "")
        name = surname() + _given_name(rng, gender)
        while True:
            mobile = rng.choice(names.MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
            if mobile not in mobiles:
                mobiles.add(mobile)
                break
        twin = rng.random() < TWIN_RATE and len(recent) > 20
        if twin:
            # Entered twice, as real rosters are: the same person again from a paper form,
            # without a mobile, so the duplicate finder has something to find.
            original = rng.choice(recent)
            name, gender = original["name"], original["gender"]
            mobiles.discard(mobile)
            mobile = None
        src = source()
        referrer = rng.choice(created_ids) if src == names.REFERRAL_SOURCE and created_ids else None
        if src == names.REFERRAL_SOURCE and referrer is None:
            src = "门店扫码"
        # In the shop's hours by its own clock, and not later than now.
        joined_at = min(now, datetime.combine(
            joined, time(rng.randrange(9, 22), rng.randrange(60)), UTC) - offset)
        consent = rng.random() < 0.92
        birthday = original["birthday"] if twin else _birthday(rng, today)
        row = {
            "id": member_id,
            "code": make_code(first_serial + i),
            "name": name,
            "nickname": rng.choice(names.NICKNAMES) if rng.random() < 0.35 else "",
            "mobile": mobile,
            "mobile_foreign": False,
            "wechat_id": _wechat_id(rng),
            "gender": gender,
            "birthday": birthday,
            "birthday_lunar": birthday is not None and rng.random() < 0.08,
            "region": rng.choice(names.REGIONS),
            "source": src,
            "referrer_id": referrer,
            "joined_on": joined,
            "consent_at": joined_at if consent else None,
            "consent_scope": "社群消息,生日祝福,活动通知" if consent else "",
            "remark": rng.choice(names.REMARKS),
            "favourites": "、".join(taste.sample(names.DRINKS, taste.choice((1, 1, 2))))
            if taste.random() < 0.4
            else "",
            "archived": (archived := rng.random() < 0.02),
            "archived_at": _archived_at(member_id, joined_at) if archived else None,
            "created_at": joined_at,
            "updated_at": joined_at,
        }
        if twin and original["nickname"]:
            row["nickname"] = original["nickname"].lower()
        yield row
        created_ids.append(member_id)
        recent.append(row)
        if len(recent) > 500:
            recent.pop(0)
