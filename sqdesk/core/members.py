"""Reading the roster: ordered member ids and the rows the roster table shows.

The roster view holds only the ordered ids (100k ints are cheap) and asks for the rows of
the part on screen, as Anki's browser does; sorting happens here, in SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import func, select

from sqdesk.core import search
from sqdesk.core.models import Member, MemberId
from sqdesk.core.phones import mask
from sqdesk.core.store import Store


class SortKey(StrEnum):
    CODE = "code"
    NAME = "name"
    NICKNAME = "nickname"
    MOBILE = "mobile"
    GENDER = "gender"
    JOINED = "joined_on"
    SOURCE = "source"


_SORT_COLUMNS = {
    SortKey.CODE: Member.code,
    SortKey.NAME: Member.name,
    SortKey.NICKNAME: Member.nickname,
    SortKey.MOBILE: Member.mobile,
    SortKey.GENDER: Member.gender,
    SortKey.JOINED: Member.joined_on,
    SortKey.SOURCE: Member.source,
}


@dataclass(frozen=True, slots=True)
class MemberRow:
    """What a roster line shows; plain data, safe to keep after the session closed."""

    id: MemberId
    code: str
    name: str
    nickname: str
    mobile_masked: str
    gender: str
    joined_on: date
    source: str
    archived: bool


def count(store: Store, *, include_archived: bool = False) -> int:
    query = select(func.count(Member.id))
    if not include_archived:
        query = query.where(Member.archived.is_(False))
    with store.read() as s:
        return s.scalar(query) or 0


def ordered_ids(
    store: Store,
    *,
    search_text: str = "",
    sort: SortKey | None = SortKey.JOINED,
    descending: bool = True,
    include_archived: bool = False,
) -> list[MemberId]:
    """The ids of the members in view, in display order, computed in SQL.

    With `search_text`, only matches, best rank first (exact code or mobile, then name
    starts with, then the rest), and within a rank by `sort`; `sort=None` orders each rank
    by newest member first.
    """
    order = []
    query = select(Member.id)
    parsed = search.parse(search_text)
    if parsed is not None:
        found = search.matches(parsed).subquery()
        query = query.join(found, found.c.member_id == Member.id)
        order.append(found.c.rank)
    if sort is not None:
        column = _SORT_COLUMNS[sort]
        order.append(column.desc() if descending else column.asc())
    # id as a tie-breaker keeps the order stable between two fetches.
    order.append(Member.id.desc() if descending or sort is None else Member.id.asc())
    if not include_archived:
        query = query.where(Member.archived.is_(False))
    with store.read() as s:
        return [MemberId(i) for i in s.scalars(query.order_by(*order))]


def rows(store: Store, ids: Sequence[int]) -> dict[MemberId, MemberRow]:
    """The roster rows for `ids` (any order), keyed by id; unknown ids are left out."""
    if not ids:
        return {}
    query = select(
        Member.id,
        Member.code,
        Member.name,
        Member.nickname,
        Member.mobile,
        Member.gender,
        Member.joined_on,
        Member.source,
        Member.archived,
    ).where(Member.id.in_(list(ids)))
    out: dict[MemberId, MemberRow] = {}
    with store.read() as s:
        for r in s.execute(query):
            out[MemberId(r.id)] = MemberRow(
                id=MemberId(r.id),
                code=r.code,
                name=r.name,
                nickname=r.nickname,
                mobile_masked=mask(r.mobile),
                gender=r.gender,
                joined_on=r.joined_on,
                source=r.source,
                archived=r.archived,
            )
    return out
