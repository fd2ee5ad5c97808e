"""The values behind post placeholders (sqdesk.core.post_render.PLACEHOLDERS), read from
the store for a day, a member, an activity occurrence and a group. Each value is text or a
number ready to show; what is unknown is None, so the template's fallback applies."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from sqdesk.core import activities, festivals, groups, ledger, members, settings
from sqdesk.core.activities import Occurrence
from sqdesk.core.member_edit import MemberError
from sqdesk.core.models import (
    Attendance,
    Coupon,
    CouponType,
    LedgerEntry,
    Level,
    Member,
    MemberPoints,
    Visit,
)
from sqdesk.core.pinyin import sort_key
from sqdesk.core.store import Store

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


def _md(d: date) -> str:
    return f"{d.month}月{d.day}日"


def _yuan(cents: int) -> str:
    return f"¥{cents / 100:,.2f}".removesuffix(".00")


def day_values(store: Store, today: date) -> dict[str, object]:
    with store.read() as s:
        shop = {k: settings.get(s, f"shop.{k}") or None
                for k in ("name", "manager", "manager_wechat", "address", "hours", "phone")}
        member_days = ledger.rules_in(s).member_days
    born = festivals.birthdays(store, today, today)
    names = [b.name for b in sorted(born, key=lambda b: sort_key(b.name))]
    return {"店名": shop["name"], "店长": shop["manager"], "店长微信": shop["manager_wechat"],
            "地址": shop["address"], "营业时间": shop["hours"], "电话": shop["phone"],
            "会员日": "、".join(str(d) for d in member_days) or None,
            "今天": _md(today), "星期": WEEKDAYS[today.weekday()],
            "明天": _md(today + timedelta(days=1)), "今日生日名单": names,
            "今日生日艾特": " ".join(f"@{n}" for n in names) or None}  # fmt: skip


CHUNK = 900  # ids per IN (…): under SQLite's old limit of 999 bound parameters


def member_values(store: Store, member_id: int, today: date, *,
                  planned_coupon: tuple[date, str] | None = None) -> dict[str, object]:  # fmt: skip
    """`planned_coupon` (last day, type name): a coupon about to be given with the message,
    listed as if held (a one-by-one run's preview)."""
    planned = {member_id: planned_coupon} if planned_coupon is not None else {}
    found = member_values_many(store, [member_id], today, planned=planned)
    if member_id not in found:
        raise MemberError("gone", f"member {member_id} no longer exists")
    return found[member_id]


def member_values_many(
    store: Store, member_ids: Sequence[int], today: date, *,
    planned: dict[int, tuple[date, str]] | None = None,
) -> dict[int, dict[str, object]]:
    """Every member placeholder for many members, a few aggregate queries per 900 members
    (rendering a birthday greeting for a whole segment must not cost queries per member)."""
    out: dict[int, dict[str, object]] = {}
    with store.read() as s:
        rules = ledger.rules_in(s)
        levels = s.execute(select(Level.id, Level.name, Level.threshold)).all()
        names = {lid: name for lid, name, _t in levels}
        thresholds = sorted(t for _i, _n, t in levels)
        ids = list(dict.fromkeys(member_ids))
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            out |= _chunk_values(s, chunk, today, rules, names, thresholds, planned or {})
    return out


def _chunk_values(s, chunk, today, rules, level_names, thresholds, planned) -> dict[int, dict]:
    year_start = datetime.combine(today.replace(month=1, day=1), time.min).astimezone(UTC)
    people = s.execute(
        select(Member.id, Member.name, Member.nickname, Member.birthday, Member.birthday_lunar,
               Member.joined_on, Member.favourites).where(Member.id.in_(chunk))
    ).all()  # fmt: skip
    points = {m: (b, lv) for m, b, lv in s.execute(
        select(MemberPoints.member_id, MemberPoints.balance, MemberPoints.level_id)
        .where(MemberPoints.member_id.in_(chunk)))}  # fmt: skip
    basis = ledger.basis_values(s, today=today, rules=rules, member_ids=chunk)
    visits = {m: (n, cents) for m, n, cents in s.execute(
        select(Visit.member_id, func.count(Visit.id), func.sum(Visit.amount_cents))
        .where(Visit.member_id.in_(chunk), Visit.voided.is_(False), Visit.at >= year_start)
        .group_by(Visit.member_id))}  # fmt: skip
    # Earned this year, less what was taken back (a voided visit reverses its points).
    earned = dict(s.execute(
        select(LedgerEntry.member_id, func.sum(LedgerEntry.amount))
        .where(LedgerEntry.member_id.in_(chunk), LedgerEntry.at >= year_start,
               (LedgerEntry.kind == ledger.EARN)
               | ((LedgerEntry.kind == ledger.REVERSE) & (LedgerEntry.amount < 0)))
        .group_by(LedgerEntry.member_id)).all())  # fmt: skip
    attended = dict(s.execute(
        select(Attendance.member_id, func.count())
        .where(Attendance.member_id.in_(chunk),
               Attendance.occurrence_date >= today.replace(month=1, day=1),
               Attendance.occurrence_date <= today)
        .group_by(Attendance.member_id)).all())  # fmt: skip
    expiring: dict[int, list[tuple[int, date]]] = {}
    for _lot, m, left, expires in ledger.lots_left(
        s, after=today, until=today + timedelta(days=30), member_ids=chunk
    ):
        expiring.setdefault(m, []).append((left, expires))
    held: dict[int, list[tuple[date, str]]] = {}
    for m, name, last in s.execute(
            select(Coupon.member_id, CouponType.name, Coupon.expires_on)
            .join(CouponType, CouponType.id == Coupon.type_id)
            .where(Coupon.member_id.in_(chunk), Coupon.used_at.is_(None),
                   Coupon.expires_on >= today)
            .order_by(Coupon.expires_on)):  # fmt: skip
        held.setdefault(m, []).append((last, name))
    for m, coupon in planned.items():
        held.setdefault(m, []).append(coupon)
    out = {}
    for p in people:
        balance, level_id = points.get(p.id, (0, None))
        coupons_ = held.get(p.id, [])
        value = basis.get(p.id, 0)
        above = next((t for t in thresholds if t > value), None)
        to_next = None
        if above is not None:
            to_next = _yuan(above - value) if rules.level_basis == "spend" else above - value
        n_visits, spent = visits.get(p.id, (0, 0))
        soon = expiring.get(p.id, [])
        birthday = None
        if p.birthday:
            birthday = _md(p.birthday) + ("（农历）" if p.birthday_lunar else "")
        out[p.id] = {
            "称呼": p.nickname or p.name or None,
            "姓名": p.name or None,
            "积分": balance,
            "等级": level_names.get(level_id),
            "距下一等级": to_next,
            "即将过期积分": sum(left for left, _d in soon) or None,
            "过期日期": _md(min(d for _l, d in soon)) if soon else None,
            "生日": birthday,
            "入会天数": (today - p.joined_on).days,
            "今年到店次数": n_visits,
            "今年消费": _yuan(spent or 0),
            "今年攒积分": max(0, earned.get(p.id) or 0),
            "今年活动次数": attended.get(p.id, 0),
            "最爱": p.favourites or None,
        } | coupon_values(coupons_)
    return out


def coupon_values(held: list[tuple[date, str]]) -> dict[str, object]:
    """{{ 优惠券 }} and {{ 优惠券到期 }} from the (last day, type name) of valid coupons."""
    held = sorted(held, key=lambda c: c[0])
    return {"优惠券": "、".join(f"{name}（{_md(last)}前有效）" for last, name in held) or None,
            "优惠券到期": _md(held[0][0]) if held else None}  # fmt: skip


def occurrence_values(store: Store, o: Occurrence) -> dict[str, object]:
    activity = activities.get(store, o.activity_id)
    signup = activity.signup if activity is not None else ""
    came = activities.attendees(store, o.activity_id, o.original_date)
    rows = members.rows(store, came)
    names = [(rows[m].nickname or rows[m].name) for m in came if m in rows]
    return {
        "活动名称": o.title,
        "活动时间": f"{_md(o.day)} {WEEKDAYS[o.day.weekday()]} {o.minute // 60:02d}:"
        f"{o.minute % 60:02d}",
        "活动地点": o.place or None,
        "报名方式": signup or None,
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
    planned_coupon: tuple[date, str] | None = None,
) -> dict[str, object]:
    """Every placeholder's value for what a post is rendered for."""
    today = today or date.today()
    values = day_values(store, today)
    if member_id is not None:
        values.update(member_values(store, member_id, today, planned_coupon=planned_coupon))
    if occurrence is not None:
        values.update(occurrence_values(store, occurrence))
    if group_id is not None:
        values.update(group_values(store, group_id))
    return values
