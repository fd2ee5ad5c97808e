"""Demo WeChat groups: ordinary member groups near WeChat's 500, a VIP group of regulars,
an interest group, with join/leave history and QR images of different ages."""

from __future__ import annotations

import io
import math
import random
from datetime import date, timedelta

import segno
from sqlalchemy import func, insert, select

from sqdesk.core.member_stats import window_start
from sqdesk.core.models import GroupMembership, Member, MemberTag, Tag, Visit, WechatGroup
from sqdesk.core.tags import fold

RULES = (
    "【群规】\n"
    "1. 欢迎新朋友🎉 进群请改群昵称：姓名+手机尾号\n"
    "2. 禁止发广告、拉票、砍价链接，违者移出群聊\n"
    "3. 每晚 20:00 限时秒杀，记得来蹲！\n"
    "4. 有问题随时 @林店长"
)
WELCOME = (
    "欢迎加入茶语时光会员群🎉 进群即享：①新人第二杯半价 ②每月 8 号会员日双倍积分 "
    "③生日当月送饮品一杯"
)


def qr_png(text: str) -> bytes:
    out = io.BytesIO()
    segno.make(text, error="m", micro=False).save(out, kind="png", scale=6, border=2)
    return out.getvalue()


def fill_groups(s, *, seed: int, today: date, first_member_id: int) -> int:
    """Add the demo groups once (when the store has none) and their memberships."""
    if s.scalar(select(func.count(WechatGroup.id))):
        return 0
    rng = random.Random(seed * 17 + 3)
    people = list(s.execute(select(Member.id, Member.joined_on).where(
        Member.id >= first_member_id, Member.archived.is_(False))))  # fmt: skip
    if not people:
        return 0
    joined = dict(people)
    ordinary_count = max(1, min(8, math.ceil(len(people) * 0.35 / 480)))
    made: list[tuple[int, str, int]] = []  # id, kind, capacity

    def group(name: str, kind: str, capacity: int, qr_age: int | None) -> int:
        g = WechatGroup(name=name, name_key=fold(name), kind=kind, capacity=capacity,
                        rules=RULES, welcome=WELCOME, position=len(made) + 1)  # fmt: skip
        if qr_age is not None:
            g.qr_image = qr_png(f"https://weixin.qq.com/g/demo{seed}-{len(made) + 1}")
            g.qr_taken_on = today - timedelta(days=qr_age)
        s.add(g)
        s.flush()
        made.append((g.id, kind, capacity))
        return g.id

    rows: list[dict] = []

    def stays(gid: int, ids: list[int], capacity: int, since: date) -> None:
        inside = 0
        for m in ids:
            start = max(joined[m], since)
            span = max(0, (today - start).days)
            on = start + timedelta(days=rng.randint(0, min(span, 30)))
            if rng.random() < 0.08 and span > 40:  # left later, a few removed for spam
                left = on + timedelta(days=rng.randint(7, max(7, (today - on).days)))
                reason = "removed" if rng.random() < 0.15 else "left"
                rows.append({"group_id": gid, "member_id": m, "joined_on": on,
                             "left_on": min(left, today), "leave_reason": reason})  # fmt: skip
                continue
            if inside >= capacity:
                continue
            inside += 1
            rows.append({"group_id": gid, "member_id": m, "joined_on": on, "left_on": None,
                         "leave_reason": ""})  # fmt: skip

    # Ordinary groups: members in join order, each group filled to 90-97 % of 500.
    pool = [m for m, _j in sorted(people, key=lambda p: (p[1], p[0])) if rng.random() < 0.4]
    qr_ages = [2, 5, 8]  # fresh, day 6 (warn), expired
    start = 0
    for n in range(1, ordinary_count + 1):
        gid = group(f"茶语会员{n}群", "ordinary", 500, qr_ages[(n - 1) % 3])
        size = int(500 * rng.uniform(0.90, 0.97)) if n < ordinary_count else 320
        chunk = pool[start : start + int(size * 1.08)]
        start += len(chunk)
        stays(gid, chunk, 500, today - timedelta(days=720))

    # The VIP group: the best regulars of the last eight months (some have gone quiet since).
    since = window_start(today, 240)
    regulars = [m for m, _n in s.execute(
        select(Visit.member_id, func.count()).where(
            Visit.at >= since, Visit.voided.is_(False), Visit.member_id >= first_member_id)
        .group_by(Visit.member_id).order_by(func.count().desc(), Visit.member_id)
        .limit(max(10, min(180, len(people) // 40))))]  # fmt: skip
    quiet = list(s.scalars(
        select(Visit.member_id).where(Visit.at >= since, Visit.voided.is_(False),
                                      Visit.member_id >= first_member_id)
        .group_by(Visit.member_id)
        .having(func.count() >= 4, func.max(Visit.at) < window_start(today, 45))
        .order_by(func.count().desc(), Visit.member_id).limit(8)))  # fmt: skip
    vip = group("茶语VIP尊享群👑", "vip", 200, 1)
    chosen = dict.fromkeys([m for m in regulars if rng.random() < 0.6] + quiet)
    stays(vip, [m for m in chosen if m in joined], 200, today - timedelta(days=90))

    # An interest group of coffee lovers.
    coffee = s.scalar(select(Tag.id).where(Tag.name_key == fold("咖啡党☕")))
    fans = list(s.scalars(select(MemberTag.member_id).where(MemberTag.tag_id == coffee)
                          .limit(150))) if coffee else []  # fmt: skip
    interest = group("咖啡爱好者交流群☕", "interest", 500, None)
    stays(interest, [m for m in fans if m in joined], 500, today - timedelta(days=200))

    if rows:
        s.connection().execute(insert(GroupMembership.__table__), rows)
    return len(rows)
