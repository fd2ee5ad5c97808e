"""The values behind post placeholders (sqdesk.core.post_render.PLACEHOLDERS), read from
the store for a day, a member, an activity occurrence and a group. Each value is text or a
number ready to show; what is unknown is None, so the template's fallback applies."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from sqdesk.core import activities, festivals, groups, ledger, members, settings
from sqdesk.core.activities import Occurrence
from sqdesk.core.models import Level, MemberPoints, Visit
from sqdesk.core.store import Store

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


def _md(d: date) -> str:
    return f"{d.month}月{d.day}日"


def _yuan(cents: int) -> str:
    return f"¥{cents / 100:,.2f}".removesuffix(".00")


def day_values(store: Store, today: date) -> dict[str, object]:
    with store.read() as s:
        shop = {k: settings.get(s, f"shop.{k}") for k in ("name", "manager", "address", "hours")}
    born = festivals.birthdays(store, today, today)
    names = [b.name for b in sorted(born, key=lambda b: b.name)]
    return {"店名": shop["name"], "店长": shop["manager"], "地址": shop["address"],
            "营业时间": shop["hours"], "今天": _md(today), "星期": WEEKDAYS[today.weekday()],
            "明天": _md(today + timedelta(days=1)), "今日生日名单": names,
            "今日生日艾特": " ".join(f"@{n}" for n in names) or None}  # fmt: skip


def member_values(store: Store, member_id: int, today: date) -> dict[str, object]:
    d = members.detail(store, member_id)
    if d is None:
        raise ValueError(f"no member {member_id}")
    year_start = datetime.combine(today.replace(month=1, day=1), time.min).astimezone(UTC)
    with store.read() as s:
        cached = s.get(MemberPoints, member_id)
        balance = cached.balance if cached else 0
        level = s.get(Level, cached.level_id) if cached and cached.level_id else None
        level_name = level.name if level else None  # read inside the session
        rules = ledger.load_rules(s)
        basis = ledger.level_basis_value(s, member_id, today=today, rules=rules)
        above = s.scalar(select(func.min(Level.threshold)).where(Level.threshold > basis))
        visits, spent = s.execute(
            select(func.count(Visit.id), func.coalesce(func.sum(Visit.amount_cents), 0)).where(
                Visit.member_id == member_id, Visit.voided.is_(False), Visit.at >= year_start)
        ).one()  # fmt: skip
        expiring = ledger.expiring_batches(s, today=today, member_id=member_id)
    to_next = None
    if above is not None:
        gap = above - basis
        to_next = _yuan(gap) if rules.level_basis == "spend" else gap
    birthday = None
    if d.birthday:
        birthday = _md(d.birthday) + ("（农历）" if d.birthday_lunar else "")
    return {
        "称呼": d.nickname or d.name or None,
        "姓名": d.name or None,
        "积分": balance,
        "等级": level_name,
        "距下一等级": to_next,
        "即将过期积分": sum(b.points for b in expiring) or None,
        "过期日期": _md(min(b.expires_on for b in expiring)) if expiring else None,
        "生日": birthday,
        "入会天数": (today - d.joined_on).days,
        "今年到店次数": visits,
        "今年消费": _yuan(spent),
        "最爱": None,  # favourite items are not recorded yet
    }


def occurrence_values(store: Store, o: Occurrence) -> dict[str, object]:
    came = activities.attendees(store, o.activity_id, o.original_date)
    rows = members.rows(store, came)
    names = [(rows[m].nickname or rows[m].name) for m in came if m in rows]
    return {
        "活动名称": o.title,
        "活动时间": f"{_md(o.day)} {WEEKDAYS[o.day.weekday()]} {o.minute // 60:02d}:"
        f"{o.minute % 60:02d}",
        "活动地点": o.place or None,
        "报名方式": None,  # the template says how (接龙, 私信店长 ...)
        "参与积分": o.points or None,
        "参与人数": len(came),
        "参与名单": names,
    }


def group_values(store: Store, group_id: int) -> dict[str, object]:
    g = groups.group(store, group_id)
    return {"群名": g.name if g else None}


def values_for(
    store: Store,
    *,
    member_id: int | None = None,
    occurrence: Occurrence | None = None,
    group_id: int | None = None,
    today: date | None = None,
) -> dict[str, object]:
    """Every placeholder's value for what a post is rendered for."""
    today = today or date.today()
    values = day_values(store, today)
    if member_id is not None:
        values.update(member_values(store, member_id, today))
    if occurrence is not None:
        values.update(occurrence_values(store, occurrence))
    if group_id is not None:
        values.update(group_values(store, group_id))
    return values
