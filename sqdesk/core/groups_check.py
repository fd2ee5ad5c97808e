"""Invariants of WeChat group memberships (run by `sqdesk-cli check`)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sqdesk.core.check import invariant
from sqdesk.core.models import GroupMembership, WechatGroup


@invariant("group memberships")
def _one_open_stay(s: Session) -> Iterator[str]:
    query = (
        select(GroupMembership.group_id, GroupMembership.member_id, func.count())
        .where(GroupMembership.left_on.is_(None))
        .group_by(GroupMembership.group_id, GroupMembership.member_id)
        .having(func.count() > 1)
    )
    for group_id, member_id, n in s.execute(query):
        yield f"member {member_id} is in group {group_id} {n} times at once"
    backwards = select(GroupMembership.id).where(
        GroupMembership.left_on < GroupMembership.joined_on
    )
    for (row_id,) in s.execute(backwards):
        yield f"membership {row_id} ends before it begins"
    inside = (
        select(GroupMembership.group_id, func.count().label("n"))
        .where(GroupMembership.left_on.is_(None))
        .group_by(GroupMembership.group_id)
        .subquery()
    )
    over = (
        select(WechatGroup.name, WechatGroup.capacity, inside.c.n)
        .join(inside, inside.c.group_id == WechatGroup.id)
        .where(inside.c.n > WechatGroup.capacity)
    )
    for name, capacity, n in s.execute(over):
        yield f"group {name} holds {n} members, more than its capacity {capacity}"
