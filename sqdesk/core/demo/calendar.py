"""Demo calendar: the starter plan running for a year, a few campaigns, phase tasks ticked
off, and a year of attendance recorded the way the app records it (points and check-ins
through the ledger)."""

from __future__ import annotations

import bisect
import random
from datetime import date, timedelta

from sqlalchemy import func, select

from sqdesk.core import activities, ledger, starter_plan
from sqdesk.core.activities import ActivityInput
from sqdesk.core.models import Activity, Member, PhaseDone

CAMPAIGNS = (
    # (title, month, day, minute, category, warm-up days, points, description)
    ("双十一囤茶节🛒", 11, 11, 10 * 60, "campaign", 3, 10, "囤茶卡买五送一，接龙报名。"),
    ("圣诞暖冬茶话会🎄", 12, 24, 19 * 60, "offline", 3, 20, "门店暖冬茶话会，试饮冬季新品。"),
    ("新春年货礼盒预售🧧", 1, 20, 10 * 60, "campaign", 5, 10, "年货礼盒预售，老会员专享价。"),
)
# How many take part in an occurrence, by activity kind: (low, high) as a share of members.
_TURNOUT = {"checkin": (0.003, 0.006), "blind_box": (0.006, 0.012), "vip": (0.002, 0.004),
            "member_day": (0.01, 0.02), "big": (0.015, 0.025)}  # fmt: skip
CHECKIN_DAYS = 120  # the daily check-in has run for four months
_CAP = {"checkin": 15, "blind_box": 45, "vip": 12, "member_day": 80, "big": 120}


def _when(today: date, month: int, day: int) -> date:
    """This year's date, or next year's when this year's is more than two months past."""
    this = date(today.year, month, day)
    return this if this >= today - timedelta(days=60) else date(today.year + 1, month, day)


def _kind(o: activities.Occurrence) -> str | None:
    """Which turnout an occurrence gets (None: a post, nobody signs up)."""
    if o.checkin:
        return "checkin"
    if "VIP" in o.title:
        return "vip"
    if "盲盒" in o.title:
        return "blind_box"
    if o.category == "monthly":
        return "member_day"
    return "big" if o.category in ("festival", "campaign", "offline") else None


def fill_calendar(s, *, seed: int, today: date, first_member_id: int) -> int:
    """Add the demo calendar once (when the store has no activities); returns attendances."""
    if s.scalar(select(func.count(Activity.id))):
        return 0
    rng = random.Random(seed * 101 + 9)
    start = today - timedelta(days=364)
    plan = starter_plan.plan(start)
    for title, month, day, minute, category, warmup, points, text in CAMPAIGNS:
        plan.append(ActivityInput(title, _when(today, month, day), minute,
                                  duration_minutes=120, description=text, category=category,
                                  color="#d53f8c", place="门店" if category == "offline"
                                  else starter_plan.ALL_GROUPS, warmup_days=warmup,
                                  points=points))  # fmt: skip
    made: list[Activity] = []
    for data in plan:
        a = Activity(**activities._columns(activities._checked(data)))
        s.add(a)
        made.append(a)
    s.flush()

    query = select(Member.joined_on, Member.id).where(
        Member.id >= first_member_id, Member.archived.is_(False)
    )
    people = list(s.execute(query.order_by(Member.joined_on)))
    joined = [j for j, _ in people]
    regulars = [m for _, m in people[: max(30, len(people) // 50)]]  # long-standing members
    total = 0
    came: set[int] = set()
    for o in activities._expand(made, [], start, today - timedelta(days=1)):
        kind = _kind(o)
        if o.warmup_days is not None:
            for phase in activities.PHASES:
                due = activities.phase_due(o, phase)
                if due < today and rng.random() < 0.9:
                    s.add(PhaseDone(activity_id=o.activity_id, occurrence_date=o.original_date,
                                    phase=phase))  # fmt: skip
        if kind is None or (kind == "checkin" and o.day < today - timedelta(days=CHECKIN_DAYS)):
            continue
        eligible = bisect.bisect_right(joined, o.day)  # members who had joined by then
        if eligible == 0:
            continue
        low, high = _TURNOUT[kind]
        n = min(_CAP[kind], eligible, max(2, int(len(people) * rng.uniform(low, high))))
        if kind in ("checkin", "vip"):
            pool = [m for i, m in enumerate(regulars) if i < eligible and rng.random() < 0.75]
            chosen = pool[:n]
        else:
            # The same draw as sampling the members themselves (sample picks by place),
            # without a list of up to 100,000 members for each occurrence.
            chosen = [people[i][1] for i in rng.sample(range(eligible), n)]
        total += activities.record_attendance_in(s, o, chosen, source="jielong", actor="demo",
                                                 levels=False).added  # fmt: skip
        came.update(chosen)
    s.flush()
    # Only those who came earned anything here: their levels, in grouped chunks.
    ledger.refresh_levels_in(s, today=date.today(), member_ids=sorted(came))
    return total
