"""The rewards catalog (积分兑换) and the levels (等级) a shop defines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from sqdesk.core import audit, ledger
from sqdesk.core.models import Level, LevelChange, Member, MemberPoints, Reward
from sqdesk.core.store import Store


@dataclass(frozen=True)
class RewardInfo:
    id: int
    name: str
    cost: int
    stock: int | None
    active_from: date | None
    active_to: date | None
    archived: bool
    coupon_type_id: int | None = None  # redeeming issues a coupon of this type


def _info(r: Reward) -> RewardInfo:
    return RewardInfo(r.id, r.name, r.cost, r.stock, r.active_from, r.active_to, r.archived,
                      r.coupon_type_id)  # fmt: skip


def list_rewards(store: Store, *, include_archived: bool = False) -> list[RewardInfo]:
    query = select(Reward).order_by(Reward.cost, Reward.name)
    if not include_archived:
        query = query.where(Reward.archived.is_(False))
    with store.read() as s:
        return [_info(r) for r in s.scalars(query)]


def find(store: Store, name_or_id: str) -> RewardInfo | None:
    with store.read() as s:
        r = s.scalar(select(Reward).where(Reward.name == name_or_id.strip()))
        if r is None and name_or_id.strip().isdigit():
            r = s.get(Reward, int(name_or_id))
        return _info(r) if r else None


def add_reward(
    store: Store,
    *,
    name: str,
    cost: int,
    stock: int | None = None,
    active_from: date | None = None,
    active_to: date | None = None,
    coupon_type_id: int | None = None,
) -> int:
    """A reward in the catalog; with `coupon_type_id`, points exchanged for a coupon."""
    name = " ".join(name.split())
    if not name:
        raise ledger.PointsError("reward_no_name", "a reward needs a name")
    if cost <= 0:
        raise ledger.PointsError("reward_cost", "a reward costs at least 1 point")
    if stock is not None and stock < 0:
        raise ledger.PointsError("reward_stock", "stock cannot be negative")
    if active_from and active_to and active_to < active_from:
        raise ledger.PointsError("reward_dates", "the reward ends before it starts")
    with store.session() as s:
        if s.scalar(select(Reward.id).where(Reward.name == name)):
            raise ledger.PointsError("reward_exists", f"a reward named {name} exists already",
                                     name=name)
        r = Reward(name=name, cost=cost, stock=stock, active_from=active_from, active_to=active_to,
                   coupon_type_id=coupon_type_id)  # fmt: skip
        s.add(r)
        s.flush()
        return r.id


@dataclass(frozen=True)
class LevelInfo:
    id: int
    name: str
    threshold: int
    benefits: str


def list_levels(store: Store) -> list[LevelInfo]:
    with store.read() as s:
        return [LevelInfo(lv.id, lv.name, lv.threshold, lv.benefits)
                for lv in s.scalars(select(Level).order_by(Level.threshold))]  # fmt: skip


def add_level(store: Store, *, name: str, threshold: int, benefits: str = "") -> int:
    name = " ".join(name.split())
    if not name:
        raise ledger.PointsError("level_no_name", "a level needs a name")
    if threshold < 0:
        raise ledger.PointsError("level_threshold", "a threshold cannot be negative")
    with store.session() as s:
        if s.scalar(select(Level.id).where((Level.name == name) | (Level.threshold == threshold))):
            raise ledger.PointsError("level_exists", "another level has this name or threshold")
        lv = Level(name=name, threshold=threshold, benefits=benefits)
        s.add(lv)
        s.flush()
        audit.record(s, "levels", detail=f"added {name} at {threshold}")
        # Members move to the new level at once: the cached levels follow the definition.
        ledger.refresh_levels_in(s, today=date.today())
        return lv.id


def level_counts(store: Store) -> dict[int, int]:
    """How many members are at each level now."""
    with store.read() as s:
        return dict(s.execute(
            select(MemberPoints.level_id, func.count()).where(MemberPoints.level_id.is_not(None))
            .group_by(MemberPoints.level_id)
        ).all())  # fmt: skip


@dataclass(frozen=True)
class Upgrade:
    member_id: int
    code: str
    name: str
    at: datetime
    from_level: str | None
    to_level: str


def recent_upgrades(store: Store, *, days: int = 30, limit: int = 500) -> list[Upgrade]:
    """Members who moved up a level in the last `days` (for a congratulation post)."""
    since = datetime.now(UTC) - timedelta(days=days)
    old, new = aliased(Level), aliased(Level)
    query = (
        select(LevelChange.member_id, Member.code, Member.name, Member.nickname, LevelChange.at,
               old.name, new.name)
        .join(Member, Member.id == LevelChange.member_id)
        .join(new, new.id == LevelChange.to_level_id)
        .outerjoin(old, old.id == LevelChange.from_level_id)
        .where(LevelChange.at >= since, (old.id.is_(None)) | (new.threshold > old.threshold),
               new.threshold > 0)
        .order_by(LevelChange.at.desc())
        .limit(limit)
    )  # fmt: skip
    with store.read() as s:
        return [Upgrade(m, code, name or nick, at, a, b)
                for m, code, name, nick, at, a, b in s.execute(query)]  # fmt: skip
