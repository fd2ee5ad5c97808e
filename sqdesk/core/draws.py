"""Lucky draws (抽奖): N winners from a pool (an activity occurrence's attendees, a segment,
the selection, a pasted 接龙), fairly and in the open.

The pool is put in a fixed order (by member id) and `random.Random(seed).sample` picks the
winners: the same pool and seed give the same winners, so the seed, which is recorded (and
shown in the result post), lets anyone replay the draw. A member wins at most once per
draw; recent winners can be left out. The prize (points, or a coupon) is paid once, when
the shop confirms.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from sqdesk.core import coupons, ledger
from sqdesk.core.errors import CodedError
from sqdesk.core.models import Draw, DrawWinner, Member
from sqdesk.core.store import Store

MAX_WINNERS = 1000


class DrawError(CodedError):
    """A draw refused (see CodedError)."""

    area = "draws"


@dataclass(frozen=True)
class Winner:
    member_id: int
    code: str
    name: str


@dataclass(frozen=True)
class DrawInfo:
    id: int
    at: datetime
    title: str
    pool: str
    pool_size: int
    seed: int
    winners: list[Winner]
    prize_points: int
    prize_coupon_type_id: int | None
    paid_at: datetime | None


def pick(pool: Sequence[int], n: int, seed: int) -> list[int]:
    """The winners: `n` different members of the pool, chosen by the seed alone."""
    ordered = sorted(set(pool))
    if not ordered:
        raise DrawError("empty_pool", "nobody to draw from")
    if n < 1 or n > min(len(ordered), MAX_WINNERS):
        raise DrawError("too_many", f"{n} winners from a pool of {len(ordered)}", winners=n,
                        pool=len(ordered))  # fmt: skip
    return random.Random(seed).sample(ordered, n)


def recent_winners(store: Store, days: int, *, now: datetime | None = None) -> set[int]:
    since = (now or datetime.now(UTC)) - timedelta(days=days)
    with store.read() as s:
        return set(s.scalars(select(DrawWinner.member_id).join(Draw, Draw.id == DrawWinner.draw_id)
                             .where(Draw.at >= since)))  # fmt: skip


def draw(store: Store, pool: Sequence[int], n: int, *, seed: int | None = None,
         title: str = "", pool_name: str = "", exclude_recent_days: int = 0,
         prize_points: int = 0, prize_coupon_type_id: int | None = None,
         now: datetime | None = None) -> DrawInfo:  # fmt: skip
    """Draw and record the winners (the prize is paid by `pay`). Archived members and, when
    asked, the winners of the last `exclude_recent_days` days are left out of the pool."""
    if prize_points < 0:
        raise DrawError("bad_prize", "a prize of points is more than zero")
    seed = secrets.randbits(32) if seed is None else seed
    now = now or datetime.now(UTC)
    with store.read() as s:
        live = set(s.scalars(select(Member.id).where(Member.id.in_(set(pool)),
                                                     Member.archived.is_(False))))  # fmt: skip
    if exclude_recent_days > 0:
        live -= recent_winners(store, exclude_recent_days, now=now)
    chosen = pick(sorted(live), n, seed)
    with store.session() as s:
        d = Draw(at=now, title=title.strip()[:100], pool=pool_name[:100], pool_size=len(live),
                 seed=seed, prize_points=prize_points,
                 prize_coupon_type_id=prize_coupon_type_id)  # fmt: skip
        s.add(d)
        s.flush()
        for position, member_id in enumerate(chosen, 1):
            s.add(DrawWinner(draw_id=d.id, member_id=member_id, position=position))
        draw_id = d.id
    return get(store, draw_id)


def get(store: Store, draw_id: int) -> DrawInfo:
    with store.read() as s:
        d = s.get(Draw, draw_id)
        if d is None:
            raise DrawError("no_draw", "the draw does not exist")
        rows = s.execute(select(Member.id, Member.code, Member.name, Member.nickname)
                         .join(DrawWinner, DrawWinner.member_id == Member.id)
                         .where(DrawWinner.draw_id == draw_id)
                         .order_by(DrawWinner.position)).all()  # fmt: skip
        winners = [Winner(i, code, name or nickname) for i, code, name, nickname in rows]
        return DrawInfo(d.id, d.at, d.title, d.pool, d.pool_size, d.seed, winners,
                        d.prize_points, d.prize_coupon_type_id, d.paid_at)  # fmt: skip


def pay(store: Store, draw_id: int) -> int:
    """Pay the prize to every winner, once (a second confirm is refused); returns how many
    were paid."""
    info = get(store, draw_id)
    if info.paid_at is not None:
        raise DrawError("already_paid", "this draw's prizes were paid already")
    now = datetime.now(UTC)
    with store.session() as s:
        for w in info.winners:
            if info.prize_points:
                ledger.earn_in(s, w.member_id, info.prize_points,
                               reason=f"lucky draw: {info.title}"[:200],
                               source_key=f"draw:{draw_id}:{w.member_id}", at=now)  # fmt: skip
            if info.prize_coupon_type_id is not None:
                try:
                    coupons.issue_in(s, w.member_id, info.prize_coupon_type_id,
                                     source=f"draw:{draw_id}", now=now)  # fmt: skip
                except coupons.CouponError:
                    continue  # holds as many as they may: the points still count
        s.get(Draw, draw_id).paid_at = now
    return len(info.winners)


def result_post(info: DrawInfo, shop: str = "") -> str:
    """The announcement for the group: the winners by name (masked codes), and the seed."""
    lines = [f"🎉 恭喜以下会员在「{info.title or '幸运抽奖'}」中奖：" if info.title
             else "🎉 恭喜以下会员中奖："]  # fmt: skip
    for i, w in enumerate(info.winners, 1):
        lines.append(f"{i}. {w.name}（会员码尾号 {w.code[-4:]}）")
    lines.append(f"共 {info.pool_size} 人参与抽奖，抽奖号 {info.seed}，同一名单可复核。")
    if shop:
        lines.append(f"请中奖会员到{shop}领取奖品～")
    return "\n".join(lines)
