"""The shop's earning rules and what they pay: plain functions, no database.

A visit's points are explained rule by rule (Award), so the manager can see exactly why a
member got 86 points: 43 for ¥43, ×2 on member day, 50 first-visit bonus...
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from datetime import date

EXPIRY_POLICIES = ("12_months", "end_of_next_year", "never")
LEVEL_BASES = ("points", "spend")


@dataclass(frozen=True)
class EarningRules:
    points_per_yuan: int = 1  # rounded down: ¥43.90 earns 43
    member_days: tuple[int, ...] = (8,)  # days of the month (会员日)
    member_day_multiplier: int = 2
    birthday_month_multiplier: int = 2
    first_visit_bonus: int = 50
    referral_bonus: int = 100  # to the referrer, on the referred member's first purchase
    checkin_streak_days: int = 7
    checkin_streak_bonus: int = 20
    activity_points: int = 10
    expiry_policy: str = "12_months"
    level_basis: str = "points"  # points earned, or spend, in the last 12 months

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> EarningRules:
        if not text:
            return cls()
        data = json.loads(text)
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "member_days" in values:
            values["member_days"] = tuple(int(d) for d in values["member_days"])
        return replace(cls(), **values)

    def problems(self) -> list[str]:
        out = []
        if self.points_per_yuan < 0:
            out.append("points per yuan cannot be negative")
        if any(not 1 <= d <= 31 for d in self.member_days):
            out.append("member days are days of the month, 1 to 31")
        for name in ("member_day_multiplier", "birthday_month_multiplier"):
            if getattr(self, name) < 1:
                out.append(f"{name} must be at least 1")
        for name in ("first_visit_bonus", "referral_bonus", "checkin_streak_bonus",
                     "activity_points"):  # fmt: skip
            if getattr(self, name) < 0:
                out.append(f"{name} cannot be negative")
        if self.checkin_streak_days < 2:
            out.append("a streak is at least 2 days")
        if self.expiry_policy not in EXPIRY_POLICIES:
            out.append(f"expiry policy must be one of {', '.join(EXPIRY_POLICIES)}")
        if self.level_basis not in LEVEL_BASES:
            out.append("levels go by points or by spend")
        return out


@dataclass(frozen=True)
class Award:
    rule: str  # base, member_day, birthday_month, first_visit, referral
    points: int
    values: dict

    @property
    def english(self) -> str:
        return _ENGLISH[self.rule].format(**self.values)


# An award's reason as the ledger keeps it (the demo writes two million of them).
_ENGLISH = {
    "base": "¥{yuan} × {rate} point(s) per yuan",
    "member_day": "member day ({day}th): ×{multiplier}",
    "birthday_month": "birthday month: ×{multiplier}",
    "first_visit": "first visit bonus",
    "referral": "referral bonus for bringing {name}",
}


def base_points(amount_cents: int, rules: EarningRules) -> int:
    return max(0, amount_cents) * rules.points_per_yuan // 100


def visit_awards(
    amount_cents: int,
    day: date,
    *,
    birthday: date | None,
    first_visit: bool,
    rules: EarningRules,
) -> list[Award]:
    """What one visit earns, rule by rule. Of member day and birthday month, the larger
    multiplier applies (they do not multiply together)."""
    awards = []
    base = base_points(amount_cents, rules)
    if base:
        awards.append(Award("base", base, {"yuan": f"{amount_cents / 100:.2f}",
                                           "rate": rules.points_per_yuan}))  # fmt: skip
    multipliers = []
    if day.day in rules.member_days and rules.member_day_multiplier > 1:
        multipliers.append(("member_day", rules.member_day_multiplier, {"day": day.day}))
    if birthday is not None and birthday.month == day.month and rules.birthday_month_multiplier > 1:
        multipliers.append(("birthday_month", rules.birthday_month_multiplier, {}))
    if base and multipliers:
        rule, multiplier, values = max(multipliers, key=lambda m: m[1])
        awards.append(Award(rule, base * (multiplier - 1), {**values, "multiplier": multiplier}))
    if first_visit and rules.first_visit_bonus:
        awards.append(Award("first_visit", rules.first_visit_bonus, {}))
    return awards


def expiry_date(earned_on: date, rules: EarningRules) -> date | None:
    """When points earned on `earned_on` expire (they are gone from that day on)."""
    if rules.expiry_policy == "never":
        return None
    if rules.expiry_policy == "end_of_next_year":
        return date(earned_on.year + 2, 1, 1)
    try:
        return earned_on.replace(year=earned_on.year + 1)
    except ValueError:  # 29 February: a year later is 1 March
        return date(earned_on.year + 1, 3, 1)
