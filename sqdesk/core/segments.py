"""Built-in lifecycle and value segments, with thresholds the shop can change.

Each segment is a filter tree (sqdesk.core.filters) made from the thresholds and today's
date, so membership is always computed from the data and explained from it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from datetime import date, timedelta

from sqlalchemy import select

from sqdesk.core import audit, filters, member_stats, settings
from sqdesk.core.errors import CodedError
from sqdesk.core.groups import vip_candidates, vip_lapsed
from sqdesk.core.models import Member, Segment
from sqdesk.core.pinyin import sort_key
from sqdesk.core.store import Store

KEY = "segments.thresholds"
BUILTIN = ("new", "new_this_week", "active_potential", "core_loyal", "dormant", "lapsed",
           "high_value", "potential", "vip_eligible")  # fmt: skip
# Built-ins that are a view for a task rather than a layer a member is in: the profile does
# not list them (a member who joined on Monday is "new" already).
VIEWS = ("new_this_week",)


@dataclass(frozen=True)
class Thresholds:
    new_days: int = 30  # joined within
    active_visits_30d: int = 2  # 活跃潜力: visits in the last 30 days
    core_visits_90d: int = 8  # 核心忠诚: frequent ...
    core_spend_12m: int = 200_000  # ... and high spend (cents)
    dormant_days: int = 90  # 沉睡: no visit for
    lapsed_days: int = 365  # 衰退
    high_value_12m: int = 500_000  # 年消费 ≥ 5000 元
    potential_ratio: float = 1.5  # last 3 months vs the 3 before
    potential_min_90d: int = 10_000
    vip_visits_month: int = 4
    vip_single_purchase: int = 5_000  # ¥50

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str | None) -> Thresholds:
        if not text:
            return cls()
        known = {f.name for f in fields(cls)}
        return replace(cls(), **{k: v for k, v in json.loads(text).items() if k in known})


class SegmentError(CodedError):
    """A segment or threshold change refused (see CodedError)."""

    area = "segments"


def load_thresholds(store: Store) -> Thresholds:
    with store.read() as s:
        return Thresholds.from_json(settings.get(s, KEY))


def save_thresholds(store: Store, t: Thresholds) -> None:
    if any(getattr(t, f.name) < 0 for f in fields(t)):
        raise SegmentError("negative_threshold", "thresholds cannot be negative")
    with store.session() as s:
        settings.put(s, KEY, t.to_json())
        audit.record(s, "thresholds")


def definition(key: str, t: Thresholds, today: date) -> filters.Node:
    """The filter tree of a built-in segment."""

    def days_ago(n: int) -> str:
        return (today - timedelta(days=n)).isoformat()

    this_month = {"year": today.year, "month": today.month}
    last = today.replace(day=1) - timedelta(days=1)
    last_month = {"year": last.year, "month": last.month}
    core = {
        "all": [
            {"field": "visits", "days": 90, "min": t.core_visits_90d},
            {"field": "spend", "days": 365, "min": t.core_spend_12m},
        ]
    }
    trees: dict[str, filters.Node] = {
        "new": {"field": "joined", "from": days_ago(t.new_days - 1)},
        # Since Monday: whose entry cards to print, who to welcome in the groups.
        "new_this_week": {"field": "joined", "from": days_ago(today.weekday())},
        "active_potential": {"all": [{"field": "visits", "days": 30,
                                      "min": t.active_visits_30d}, {"not": core}]},
        "core_loyal": core,
        "dormant": {"all": [{"field": "last_visit", "before": days_ago(t.dormant_days - 1)},
                            {"field": "joined", "to": days_ago(t.dormant_days)}]},
        "lapsed": {"all": [{"field": "last_visit", "before": days_ago(t.lapsed_days - 1)},
                           {"field": "joined", "to": days_ago(t.lapsed_days)}]},
        "high_value": {"field": "spend", "days": 365, "min": t.high_value_12m},
        "potential": {"field": "spend_growth", "days": 90, "ratio": t.potential_ratio,
                      "min": t.potential_min_90d},
        "vip_eligible": {"any": [
            {"field": "visits_month", **this_month, "min": t.vip_visits_month},
            {"field": "visits_month", **last_month, "min": t.vip_visits_month},
            {"field": "max_purchase", "days": 30, "min": t.vip_single_purchase},
        ]},
    }  # fmt: skip
    return trees[key]


def vip_invites(store: Store, *, today: date | None = None) -> filters.Node:
    """VIP-eligible members in no VIP group: who should get the VIP invite."""
    today = today or date.today()
    return vip_candidates(definition("vip_eligible", load_thresholds(store), today))


def vip_no_longer(store: Store, *, today: date | None = None) -> filters.Node:
    """Members of a VIP group who no longer qualify."""
    today = today or date.today()
    return vip_lapsed(definition("vip_eligible", load_thresholds(store), today))


def counts(store: Store, *, today: date | None = None) -> dict[str, int]:
    today = today or date.today()
    t = load_thresholds(store)
    return {key: filters.count(store, definition(key, t, today), today=today) for key in BUILTIN}


def all_counts(store: Store, *, today: date | None = None) -> dict[str, int]:
    """Members in each built-in segment (by key) and each saved one (by name): the segment
    list shows them. A few aggregate queries per segment: the UI runs this off its thread."""
    today = today or date.today()
    found = counts(store, today=today)
    for name, tree in saved(store).items():
        found[name] = filters.count(store, tree, today=today)
    return found


def members_of(store: Store, key: str, *, today: date | None = None) -> list[int]:
    today = today or date.today()
    return filters.member_ids(store, definition(key, load_thresholds(store), today), today=today)


@dataclass(frozen=True)
class Why:
    segment: str
    english: str
    values: dict


def explain(store: Store, member_id: int, *, today: date | None = None) -> list[Why]:
    """Which built-in segments the member is in, and the facts that put them there.

    `values` holds the member's figures (visits and spend in cents for today's windows,
    joined and last visit dates, the thresholds in play) so the UI can word the reason.
    """
    today = today or date.today()
    t = load_thresholds(store)
    with store.read() as s:
        joined = s.scalar(select(Member.joined_on).where(Member.id == member_id))
        stats = member_stats.figures(s, member_id, today=today)
    last = stats.pop("last_visit_at")
    last_day = last.astimezone().date() if last else None
    values = {**stats, **asdict(t),
              "joined": joined.isoformat() if joined else None,
              "last_visit": last_day.isoformat() if last_day else None,
              "days": (today - last_day).days if last_day else None}  # fmt: skip
    english = {
        "new": "joined {joined}",
        "active_potential": "{visits_30} visits in the last 30 days",
        "core_loyal": "{visits_90} visits in 90 days, spent {spend_365} cents in 12 months",
        "dormant": "last visit {last_visit}, {days} days ago",
        "lapsed": "last visit {last_visit}, {days} days ago",
        "high_value": "spent {spend_365} cents in 12 months",
        "potential": "spent {spend_90} cents in 3 months, {spend_prev_90} the 3 before",
        "vip_eligible": "{visits_this_month} visits this month, {visits_last_month} last "
        "month, biggest purchase in 30 days {max_purchase_30} cents",
    }
    out = []
    for key in BUILTIN:
        if key in VIEWS or not _in(store, definition(key, t, today), member_id, today):
            continue
        text = english[key]
        if values["last_visit"] is None and key in ("dormant", "lapsed"):
            text = "no visit since joining on {joined}"
        out.append(Why(key, text.format(**values), values))
    return out


def _in(store: Store, node: filters.Node, member_id: int, today: date) -> bool:
    cond = filters.condition(store, node, today=today)
    with store.read() as s:
        return bool(s.scalar(select(Member.id).where(Member.id == member_id, cond)))


def save_segment(store: Store, name: str, tree: filters.Node) -> int:
    """Save a filter as a named segment (its members are always computed, never stored)."""
    text = " ".join(name.split())
    if not text:
        raise SegmentError("no_name", "a segment needs a name")
    if text in BUILTIN:
        raise SegmentError("builtin", f"{text} is a built-in segment", name=text)
    filters.compile_filter(tree)  # refuses a filter it cannot understand
    with store.session() as s:
        if s.scalar(select(Segment.id).where(Segment.name == text)):
            raise SegmentError("exists", f"a segment named {text} exists already", name=text)
        seg = Segment(name=text, definition=json.dumps(tree, ensure_ascii=False))
        s.add(seg)
        s.flush()
        return seg.id


def delete_segment(store: Store, name: str) -> dict | None:
    """Forget a saved segment (its members are untouched); returns its filter for Undo."""
    with store.session() as s:
        seg = s.scalar(select(Segment).where(Segment.name == name))
        if seg is None:
            return None
        tree = json.loads(seg.definition)
        s.delete(seg)
        return tree


def saved(store: Store) -> dict[str, filters.Node]:
    """Saved segments by name, in the order people read the names (pinyin)."""
    with store.read() as s:
        found = list(s.execute(select(Segment.name, Segment.definition)))
    return {name: json.loads(d) for name, d in sorted(found, key=lambda r: sort_key(r[0]))}


def resolve(store: Store, name: str, *, today: date | None = None) -> filters.Node | None:
    """The filter of a built-in (by key) or saved segment (by name); None if unknown."""
    today = today or date.today()
    if name in BUILTIN:
        return definition(name, load_thresholds(store), today)
    return saved(store).get(name)
