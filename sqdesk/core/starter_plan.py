"""The starter plan a shop adds in one click on first use (and then edits freely): the daily
routine, the fixed days of the week, the monthly member day and the yearly fan festival, as
tea and coffee shops run their member groups."""

from __future__ import annotations

from datetime import date, timedelta

from sqdesk.core import activities
from sqdesk.core.activities import ActivityInput
from sqdesk.core.recurrence import Recurrence, to_rrule
from sqdesk.core.store import Store

ALL_GROUPS = "全部会员群"

# (title, minute, category, colour, weekdays or None for daily, extra fields)
_DAILY = (
    ("每日签到✅", 9 * 60, "打卡签到，连续签到 7 天额外送积分。", {"checkin": True}),
    ("早报☀️ 今日福利", 8 * 60, "发早报：今日特价、天气、门店营业时间。", {}),
    ("话题互动💬", 10 * 60, "抛一个轻松话题，带动群里聊天。", {}),
    ("下午茶互动🍵", 15 * 60, "晒单、猜图、小游戏，提醒大家下午茶时间。", {}),
    ("限时秒杀⚡", 20 * 60, "晚上 8 点限时秒杀，提前 10 分钟预告。", {}),
)
_WEEKLY = (
    ("周一会员福利日🎁", 0, 10 * 60, "会员专享福利：积分翻倍或小礼品。", {"points": 0}),
    ("周三第二杯半价☕", 2, 10 * 60, "第二杯半价，鼓励带朋友来。", {}),
    ("周五拼团日👥", 4, 12 * 60, "三人成团享优惠，群里接龙拼团。", {}),
    ("周六新品预告·盲盒抽奖🎲", 5, 19 * 60, "预告下周新品，接龙参加盲盒抽奖。", {}),
    ("VIP 线下茶话会🫖", 6, 15 * 60, "门店茶话会，邀请 VIP 会员试饮新品。",
     {"category": "offline", "place": "门店", "audience": "segment",
      "audience_ref": "vip_eligible", "points": 20, "duration_minutes": 120}),
)  # fmt: skip


def plan(today: date) -> list[ActivityInput]:
    """The starter activities, starting this week."""
    monday = today - timedelta(days=today.weekday())
    out = []
    for title, minute, description, extra in _DAILY:
        out.append(ActivityInput(title, today, minute, duration_minutes=30,
                                 description=description, category="daily", color="#2b6cb0",
                                 place=ALL_GROUPS, rrule="FREQ=DAILY", **extra))  # fmt: skip
    for title, weekday, minute, description, extra in _WEEKLY:
        fields = {"category": "weekly", "color": "#2e7d5b", "place": ALL_GROUPS,
                  "duration_minutes": 60, **extra}  # fmt: skip
        rule = to_rrule(Recurrence("weekly", weekdays=(weekday,)), monday)
        out.append(ActivityInput(title, monday, minute, description=description, rrule=rule,
                                 **fields))  # fmt: skip
    member_day = ActivityInput(
        "每月 8 号会员日🎉", today.replace(day=1), 10 * 60, duration_minutes=12 * 60,
        description="会员日：全场积分双倍，提前 3 天预热，当天提醒，次日回顾。",
        category="monthly", color="#c05621", place=ALL_GROUPS, warmup_days=3, points=10,
        rrule=to_rrule(Recurrence("monthly_day", month_day=8), today.replace(day=1)))  # fmt: skip
    festival_day = date(today.year, 10, 18)
    fan_festival = ActivityInput(
        "年度粉丝节🎊", festival_day, 10 * 60, duration_minutes=10 * 60,
        description="一年一次的粉丝节：抽奖、老会员答谢、年度会员报告。",
        category="festival", color="#c53030", place="门店", warmup_days=7, points=30,
        rrule=to_rrule(Recurrence("yearly"), festival_day))  # fmt: skip
    return [*out, member_day, fan_festival]


def add_starter_plan(store: Store, *, today: date | None = None) -> list[int]:
    """Add the starter plan; the shop edits or deletes any of it afterwards."""
    return [activities.create(store, data) for data in plan(today or date.today())]
