"""The rewards catalog (积分兑换) and the levels (等级) a shop defines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from sqdesk.core.errors import StoreError
from sqdesk.core.models import Level, Reward
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


def _info(r: Reward) -> RewardInfo:
    return RewardInfo(r.id, r.name, r.cost, r.stock, r.active_from, r.active_to, r.archived)


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
) -> int:
    name = " ".join(name.split())
    if not name:
        raise StoreError("a reward needs a name")
    if cost <= 0:
        raise StoreError("a reward costs at least 1 point")
    if stock is not None and stock < 0:
        raise StoreError("stock cannot be negative")
    if active_from and active_to and active_to < active_from:
        raise StoreError("the reward ends before it starts")
    with store.session() as s:
        if s.scalar(select(Reward.id).where(Reward.name == name)):
            raise StoreError(f"a reward named {name} exists already")
        r = Reward(name=name, cost=cost, stock=stock, active_from=active_from, active_to=active_to)
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
        raise StoreError("a level needs a name")
    if threshold < 0:
        raise StoreError("a threshold cannot be negative")
    with store.session() as s:
        if s.scalar(select(Level.id).where((Level.name == name) | (Level.threshold == threshold))):
            raise StoreError("another level has this name or threshold")
        lv = Level(name=name, threshold=threshold, benefits=benefits)
        s.add(lv)
        s.flush()
        return lv.id
