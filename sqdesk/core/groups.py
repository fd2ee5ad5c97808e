"""WeChat groups: the groups the shop runs, who is in them, and their invite QR image.

A membership row is one stay: joining records the date, leaving closes the row with a date
and a reason (left by themselves, or removed for breaking the rules), and joining again
later opens a new row, so the history stays. A group holds at most `capacity` members at
once (500 is WeChat's own limit).

WeChat's group QR code stops working 7 days after WeChat showed it, so the image keeps the
date it was taken: from the 6th day on, the app warns that it is about to expire.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import and_, case, delete, func, insert, select, update

from sqdesk.core.errors import CodedError
from sqdesk.core.models import GroupMembership, Member, WechatGroup
from sqdesk.core.store import Store
from sqdesk.core.tags import fold

WECHAT_LIMIT = 500
QR_VALID_DAYS = 7
QR_WARN_FROM_DAY = 6  # day 1 is the day it was taken
MAX_QR_BYTES = 10 * 1024 * 1024
_CHUNK = 900


class Kind(StrEnum):
    ORDINARY = "ordinary"
    VIP = "vip"
    INTEREST = "interest"


class LeaveReason(StrEnum):
    LEFT = "left"
    REMOVED = "removed"  # removed for breaking the group's rules


class GroupError(CodedError):
    """A WeChat group change refused (see CodedError)."""

    area = "groups"


@dataclass(frozen=True)
class GroupInfo:
    id: int
    name: str
    kind: Kind
    capacity: int
    rules: str
    welcome: str
    members: int  # in the group now
    qr_taken_on: date | None

    def qr_day(self, today: date) -> int | None:
        """Which day of its life the QR image is on (1 = the day it was taken)."""
        return None if self.qr_taken_on is None else (today - self.qr_taken_on).days + 1

    def qr_expires_on(self) -> date | None:
        return None if self.qr_taken_on is None else self.qr_taken_on + timedelta(QR_VALID_DAYS)

    def qr_state(self, today: date) -> str:
        """ "none", "fresh", "expiring" (from day 6) or "expired" (from day 8)."""
        day = self.qr_day(today)
        if day is None:
            return "none"
        if day > QR_VALID_DAYS:
            return "expired"
        return "expiring" if day >= QR_WARN_FROM_DAY else "fresh"

    @property
    def room(self) -> int:
        return max(0, self.capacity - self.members)


def _clean_name(name: str) -> str:
    text = " ".join((name or "").split())
    if not text:
        raise GroupError("empty", "a group needs a name")
    if len(text) > 30:
        raise GroupError("too_long", "a group name has at most 30 characters")
    return text


def _check_capacity(capacity: int) -> int:
    if not 1 <= int(capacity) <= WECHAT_LIMIT:
        raise GroupError("bad_capacity", f"a WeChat group holds 1 to {WECHAT_LIMIT} people",
                         limit=WECHAT_LIMIT)  # fmt: skip
    return int(capacity)


def create_group(
    store: Store,
    name: str,
    *,
    kind: Kind | str = Kind.ORDINARY,
    capacity: int = WECHAT_LIMIT,
    rules: str = "",
    welcome: str = "",
) -> int:
    text = _clean_name(name)
    kind = Kind(kind)
    capacity = _check_capacity(capacity)
    with store.session() as s:
        if s.scalar(select(WechatGroup.id).where(WechatGroup.name_key == fold(text))):
            raise GroupError("exists", f"a group named {text} exists already", name=text)
        position = (s.scalar(select(func.max(WechatGroup.position))) or 0) + 1
        group = WechatGroup(name=text, name_key=fold(text), kind=kind.value, capacity=capacity,
                            rules=rules, welcome=welcome, position=position)  # fmt: skip
        s.add(group)
        s.flush()
        return group.id


def change_group(store: Store, group_id: int, *, name: str | None = None,
                 kind: Kind | str | None = None, capacity: int | None = None,
                 rules: str | None = None, welcome: str | None = None) -> None:  # fmt: skip
    """Change what is given; a capacity below the members in the group now is refused."""
    values: dict[str, object] = {}
    with store.session() as s:
        if s.get(WechatGroup, group_id) is None:
            raise GroupError("no_group", "the group does not exist")
        if name is not None:
            text = _clean_name(name)
            other = s.scalar(select(WechatGroup.id).where(WechatGroup.name_key == fold(text)))
            if other is not None and other != group_id:
                raise GroupError("exists", f"a group named {text} exists already", name=text)
            values.update(name=text, name_key=fold(text))
        if kind is not None:
            values["kind"] = Kind(kind).value
        if capacity is not None:
            capacity = _check_capacity(capacity)
            inside = _count_in(s, group_id)
            if capacity < inside:
                raise GroupError("below_members", f"the group has {inside} members now",
                                 members=inside)  # fmt: skip
            values["capacity"] = capacity
        if rules is not None:
            values["rules"] = rules
        if welcome is not None:
            values["welcome"] = welcome
        if values:
            s.execute(update(WechatGroup).where(WechatGroup.id == group_id).values(**values))


def delete_group(store: Store, group_id: int) -> None:
    """Delete a group and its membership history (the UI confirms with the member count)."""
    with store.session() as s:
        s.execute(delete(GroupMembership).where(GroupMembership.group_id == group_id))
        s.execute(delete(WechatGroup).where(WechatGroup.id == group_id))


def _count_in(s, group_id: int) -> int:
    return s.scalar(select(func.count()).where(GroupMembership.group_id == group_id,
                                               GroupMembership.left_on.is_(None))) or 0  # fmt: skip


def list_groups(store: Store) -> list[GroupInfo]:
    inside = (
        select(GroupMembership.group_id, func.count().label("n"))
        .where(GroupMembership.left_on.is_(None))
        .group_by(GroupMembership.group_id)
        .subquery()
    )
    query = (
        select(WechatGroup.id, WechatGroup.name, WechatGroup.kind, WechatGroup.capacity,
               WechatGroup.rules, WechatGroup.welcome, func.coalesce(inside.c.n, 0),
               WechatGroup.qr_taken_on)
        .outerjoin(inside, inside.c.group_id == WechatGroup.id)
        .order_by(WechatGroup.position, WechatGroup.id)
    )  # fmt: skip
    with store.read() as s:
        return [
            GroupInfo(i, n, Kind(k), c, r, w, m, q) for i, n, k, c, r, w, m, q in s.execute(query)
        ]


def group(store: Store, group_id: int) -> GroupInfo | None:
    return next((g for g in list_groups(store) if g.id == group_id), None)


# --- memberships ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Added:
    added: int
    already: int  # were in the group already


def add_members(store: Store, group_id: int, member_ids: Sequence[int], *,
                joined_on: date | None = None) -> Added:  # fmt: skip
    """Put members in the group from `joined_on` (today). Refuses, adding nobody, when they
    would not all fit: WeChat would not let them in either."""
    joined_on = joined_on or date.today()
    ids = list(dict.fromkeys(member_ids))
    with store.session() as s:
        g = s.get(WechatGroup, group_id)
        if g is None:
            raise GroupError("no_group", "the group does not exist")
        inside: set[int] = set()
        for start in range(0, len(ids), _CHUNK):
            inside.update(s.scalars(select(GroupMembership.member_id).where(
                GroupMembership.group_id == group_id, GroupMembership.left_on.is_(None),
                GroupMembership.member_id.in_(ids[start : start + _CHUNK]))))  # fmt: skip
        new = [m for m in ids if m not in inside]
        room = g.capacity - _count_in(s, group_id)
        if len(new) > room:
            raise GroupError("full", f"the group has room for {room} more, not {len(new)}",
                             room=room, wanted=len(new))  # fmt: skip
        if new:
            s.connection().execute(insert(GroupMembership.__table__), [
                {"group_id": group_id, "member_id": m, "joined_on": joined_on,
                 "left_on": None, "leave_reason": ""} for m in new])  # fmt: skip
        return Added(len(new), len(ids) - len(new))


def leave(
    store: Store,
    group_id: int,
    member_ids: Sequence[int],
    *,
    reason: LeaveReason | str = LeaveReason.LEFT,
    left_on: date | None = None,
) -> int:
    """Close these members' stays in the group; returns how many were in it."""
    reason = LeaveReason(reason)
    left_on = left_on or date.today()
    ids = list(dict.fromkeys(member_ids))
    closed = 0
    with store.session() as s:
        for start in range(0, len(ids), _CHUNK):
            stmt = (
                update(GroupMembership)
                .where(GroupMembership.group_id == group_id, GroupMembership.left_on.is_(None),
                       GroupMembership.member_id.in_(ids[start : start + _CHUNK]))
                # A stay cannot end before it began (a backdated leave on a same-day join).
                .values(left_on=case((GroupMembership.joined_on > left_on,
                                      GroupMembership.joined_on), else_=left_on),
                        leave_reason=reason.value)
            )  # fmt: skip
            closed += s.execute(stmt).rowcount or 0
    return closed


@dataclass(frozen=True)
class Stay:
    group_id: int
    group: str
    kind: Kind
    member_id: int
    joined_on: date
    left_on: date | None
    leave_reason: str


def member_ids(store: Store, group_id: int) -> list[int]:
    """Who is in the group now, longest-standing first."""
    query = (
        select(GroupMembership.member_id)
        .where(GroupMembership.group_id == group_id, GroupMembership.left_on.is_(None))
        .order_by(GroupMembership.joined_on, GroupMembership.id)
    )
    with store.read() as s:
        return list(s.scalars(query))


def stays(store: Store, *, group_id: int | None = None, member_id: int | None = None,
          current_only: bool = False) -> list[Stay]:  # fmt: skip
    """Membership history of a group or of a member, newest first."""
    query = select(GroupMembership.group_id, WechatGroup.name, WechatGroup.kind,
                   GroupMembership.member_id, GroupMembership.joined_on,
                   GroupMembership.left_on, GroupMembership.leave_reason).join(
        WechatGroup, WechatGroup.id == GroupMembership.group_id)  # fmt: skip
    if group_id is not None:
        query = query.where(GroupMembership.group_id == group_id)
    if member_id is not None:
        query = query.where(GroupMembership.member_id == member_id)
    if current_only:
        query = query.where(GroupMembership.left_on.is_(None))
    query = query.order_by(GroupMembership.joined_on.desc(), GroupMembership.id.desc())
    with store.read() as s:
        return [Stay(g, n, Kind(k), m, j, lo, r) for g, n, k, m, j, lo, r in s.execute(query)]


def tidy_after_merge(s, member_id: int) -> None:
    """After two members were merged, the survivor may hold two open stays in one group:
    keep the earlier one."""
    open_rows = s.execute(
        select(GroupMembership.id, GroupMembership.group_id)
        .where(GroupMembership.member_id == member_id, GroupMembership.left_on.is_(None))
        .order_by(GroupMembership.joined_on, GroupMembership.id)
    ).all()
    seen: set[int] = set()
    for row_id, group_id in open_rows:
        if group_id in seen:
            s.execute(delete(GroupMembership).where(GroupMembership.id == row_id))
        seen.add(group_id)


# --- the QR image ----------------------------------------------------------------------------


def image_kind(data: bytes) -> str | None:
    """ "png" or "jpeg" when the bytes start like one (with a readable size), else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return "png" if width and height else None
    if data.startswith(b"\xff\xd8\xff") and len(data) > 4:
        return "jpeg"
    return None


def set_qr(store: Store, group_id: int, data: bytes, *, taken_on: date | None = None,
           today: date | None = None) -> None:  # fmt: skip
    """Keep the group's QR screenshot. Refuses anything that is not a PNG or JPEG image,
    and a date in the future."""
    today = today or date.today()
    taken_on = taken_on or today
    if len(data) > MAX_QR_BYTES:
        raise GroupError("too_big", "the image is larger than 10 MB")
    if image_kind(data) is None:
        raise GroupError("not_image", "the file is not a PNG or JPEG image")
    if taken_on > today:
        raise GroupError("future", "the QR image cannot be from a future day")
    with store.session() as s:
        if s.get(WechatGroup, group_id) is None:
            raise GroupError("no_group", "the group does not exist")
        s.execute(update(WechatGroup).where(WechatGroup.id == group_id)
                  .values(qr_image=data, qr_taken_on=taken_on))  # fmt: skip


def qr_image(store: Store, group_id: int) -> bytes | None:
    with store.read() as s:
        return s.scalar(select(WechatGroup.qr_image).where(WechatGroup.id == group_id))


def clear_qr(store: Store, group_id: int) -> None:
    with store.session() as s:
        s.execute(update(WechatGroup).where(WechatGroup.id == group_id)
                  .values(qr_image=None, qr_taken_on=None))  # fmt: skip


def expiring_qr(store: Store, *, today: date | None = None) -> list[GroupInfo]:
    """Groups whose QR image is on its 6th day or later (Today lists these)."""
    today = today or date.today()
    return [g for g in list_groups(store) if g.qr_state(today) in ("expiring", "expired")]


# --- VIP invitations ---------------------------------------------------------------------------


def vip_candidates(eligible: dict) -> dict:
    """VIP-eligible members who are in no VIP group: who should get the invite."""
    return {"all": [eligible, {"not": {"field": "group", "kind": Kind.VIP.value}}]}


def vip_lapsed(eligible: dict) -> dict:
    """Members of a VIP group who no longer qualify."""
    return {"all": [{"field": "group", "kind": Kind.VIP.value}, {"not": eligible}]}


def in_group_condition(*, ids: Sequence[int] | None = None, kind: str | None = None):
    """SQL: the member is in (one of) these groups now; with neither, in any group."""
    conds = [GroupMembership.member_id == Member.id, GroupMembership.left_on.is_(None)]
    if ids:
        conds.append(GroupMembership.group_id.in_([int(i) for i in ids]))
    if kind:
        kinds = select(WechatGroup.id).where(WechatGroup.kind == Kind(kind).value)
        conds.append(GroupMembership.group_id.in_(kinds))
    return select(GroupMembership.id).where(and_(*conds)).exists()
