"""Reading the roster: ordered member ids and the rows the roster table shows.

The roster view holds only the ordered ids (100k ints are cheap) and asks for the rows of
the part on screen, as Anki's browser does; sorting happens here, in SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from sqdesk.core import codes, filters, prepared, search
from sqdesk.core.models import Level, Member, MemberId, MemberPoints, MemberStats
from sqdesk.core.phones import mask
from sqdesk.core.store import Store, first_column


class SortKey(StrEnum):
    """The roster's columns, each sortable in SQL."""

    CODE = "code"
    NAME = "name"
    NICKNAME = "nickname"
    MOBILE = "mobile"
    GENDER = "gender"
    BIRTHDAY = "birthday"
    JOINED = "joined_on"
    SOURCE = "source"
    REGION = "region"
    WECHAT = "wechat_id"
    REMARK = "remark"
    # The member's figures, from the points cache and the daily visit statistics.
    POINTS = "points"
    LEVEL = "level"
    LAST_VISIT = "last_visit"
    SPEND = "spend_12m"  # cents spent in the last 365 days
    VISITS = "visits_90d"  # visits in the last 90 days


FIGURES = (SortKey.POINTS, SortKey.LEVEL, SortKey.LAST_VISIT, SortKey.SPEND, SortKey.VISITS)
# The figures' tables under their own names: a segment's filter has subqueries on the same
# tables, which would otherwise correlate with these joins and filter nothing.
_POINTS = aliased(MemberPoints, name="fig_points")
_LEVEL = aliased(Level, name="fig_level")
_STATS = aliased(MemberStats, name="fig_stats")
# What a figure column shows, and what it sorts by (a level by its threshold, not its name).
FIGURE_VALUES = {
    SortKey.POINTS: func.coalesce(_POINTS.balance, 0),
    SortKey.LEVEL: _LEVEL.name,
    SortKey.LAST_VISIT: _STATS.last_visit_at,
    SortKey.SPEND: func.coalesce(_STATS.spend_365, 0),
    SortKey.VISITS: func.coalesce(_STATS.visits_90, 0),
}
_SORT_COLUMNS = {key: getattr(Member, key.value) for key in SortKey if key not in FIGURES}
# Names sort as people read them, by pinyin (张 under Z beside Zhang Wei): an indexed key.
_SORT_COLUMNS[SortKey.NAME] = Member.name_sort
_SORT_COLUMNS |= FIGURE_VALUES | {SortKey.LEVEL: func.coalesce(_LEVEL.threshold, -1)}


def with_figures(query):
    """The query with each member's points, level and visit statistics beside them (outer
    joins on primary keys: a member with no points or no visits still shows)."""
    return (query.outerjoin(_POINTS, _POINTS.member_id == Member.id)
            .outerjoin(_LEVEL, _LEVEL.id == _POINTS.level_id)
            .outerjoin(_STATS, _STATS.member_id == Member.id))  # fmt: skip


@dataclass(frozen=True, slots=True)
class MemberRow:
    """What a roster line shows; plain data, safe to keep after the session closed."""

    id: MemberId
    code: str
    name: str
    nickname: str
    mobile_masked: str
    gender: str
    birthday: date | None
    joined_on: date
    source: str
    region: str
    wechat_id: str
    remark: str
    archived: bool
    points: int = 0
    level: str = ""
    last_visit: date | None = None  # the shop's local day
    spend_12m: int = 0  # cents
    visits_90d: int = 0


def count(store: Store, *, include_archived: bool = False) -> int:
    with store.read() as s:
        return count_in(s, include_archived=include_archived)


def count_in(s, *, include_archived: bool = False) -> int:
    """The members, counted in a read already open. Everyone is the whole table, which
    SQLite counts from its smallest index's pages without reading an entry (0.01 ms on the
    100k store); the archived are a short range of the roster's (archived, joined_on)
    index. Counting the 98,000 others entry by entry took 5 ms, at every roster count and
    twice a Dashboard page."""
    everyone = s.scalar(select(func.count()).select_from(Member)) or 0
    if include_archived:
        return everyone
    archived = s.scalar(select(func.count()).select_from(Member)
                        .where(Member.archived.is_(True))) or 0  # fmt: skip
    return everyone - archived


def _code_shaped(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) == len(codes.make_code(
        codes.FIRST_SERIAL))  # fmt: skip


def looks_like_bad_code(text: str) -> bool:
    """Digits as long as a member code, whose check digit is wrong (a typo, a misread card)."""
    return _code_shaped(text) and not codes.is_valid_code(text)


def looks_like_code(text: str) -> bool:
    """Digits as long as a member code, with a right check digit: a scanned card."""
    return _code_shaped(text) and codes.is_valid_code(text)


def search_key(text: str) -> search.Query | None:
    """What a search box's text searches for; None when it filters nothing (yet)."""
    return search.parse(text)


def ordered_ids(
    store: Store,
    *,
    search_text: str = "",
    sort: SortKey | None = SortKey.JOINED,
    descending: bool = True,
    include_archived: bool = False,
    where: dict | None = None,
    limit: int | None = None,
    among: Sequence[int] | None = None,
) -> list[MemberId]:
    """The ids of the members in view, in display order, computed in SQL (the first
    `limit` of them when given; only those of `among` when given, a superset of the
    filter's members: they are read by id and ordered, not found by a walk).

    `where` narrows to a filter tree (a segment, a tag). With `search_text`, only matches,
    best rank first (exact code or mobile, then name starts with, then the rest), and within
    a rank by `sort`; `sort=None` orders each rank by newest member first.
    """
    order = []
    query = select(Member.id)
    parsed = search.parse(search_text)
    if parsed is not None:
        found = search.matches(parsed).subquery()
        query = query.join(found, found.c.member_id == Member.id)
        order.append(found.c.rank)
    if sort in FIGURES:
        query = with_figures(query)
    if sort is not None:
        column = _SORT_COLUMNS[sort]
        ordered = column.desc() if descending else column.asc()
        if sort in FIGURES:  # no figure (no visit yet) sorts as the smallest, on any database
            ordered = ordered.nulls_last() if descending else ordered.nulls_first()
        order.append(ordered)
    # id as a tie-breaker keeps the order stable between two fetches.
    order.append(Member.id.desc() if descending or sort is None else Member.id.asc())
    if among is not None:
        query = query.where(Member.id.in_(among))
    if not include_archived:
        # Among a few ids, asked so that no index answers it: an equality on `archived`
        # would lead SQLite to walk the roster's (archived, joined_on) index for the order
        # and ask each member whether it is among them, not read the few by id and sort.
        query = query.where(func.coalesce(Member.archived, False).is_(False) if among is not None
                            else Member.archived.is_(False))  # fmt: skip
    if where is not None:  # a segment or tag filter (sqdesk.core.filters)
        query = query.where(filters.condition(store, where))
    with store.read() as s:
        return first_column(s, query.order_by(*order).limit(limit))


# Sorts whose order an index holds (member's (archived, joined_on, id) and (archived,
# name_sort, id)): the first screenful is an index walk that stops there.
_INDEXED_SORTS = frozenset({SortKey.JOINED, SortKey.NAME})


def first_ids(store: Store, limit: int, *, search_text: str = "",
              sort: SortKey | None = SortKey.JOINED, descending: bool = True,
              include_archived: bool = False,
              where: dict | None = None) -> list[MemberId] | None:  # fmt: skip
    """The first `limit` ids of `ordered_ids` with the same arguments, when they can be read
    without ordering every member in view (the roster shows them at once and takes the
    rest from the background); None when they cannot, and the caller orders them all:
    - typing a search: `first_search_page`;
    - no search, by join date or name (a segment or tag narrowing it or not): the ordered
      query with a LIMIT, an index walk that stops at a screenful; for a filter on an
      indexed figure that few members meet, those few read by id and sorted
      (`_few_on_figures`);
    - no search and no filter, by points, last visit or spend, biggest first: a walk down
      that figure's index (`_first_by_figure`)."""
    if search.parse(search_text) is not None:
        if sort is None and where is None:
            return first_search_page(store, search_text, limit,
                                     include_archived=include_archived)  # fmt: skip
        return None
    if include_archived:
        return None
    if sort in _FIGURE_INDEXES and descending and where is None:
        return _first_by_figure(store, sort, limit)
    if sort not in _INDEXED_SORTS:
        return None
    if where is not None:
        few = _few_on_figures(store, where)
        if few is not None:
            return ordered_ids(store, sort=sort, descending=descending, where=where,
                               limit=limit, among=few)  # fmt: skip
    return ordered_ids(store, sort=sort, descending=descending, where=where, limit=limit)


# A filter that asks for a range of an indexed figure holding few members is answered from
# those few: high value (437 of the 100k store) is spread over the whole join order, and the
# roster's walk newest first asked some 45,000 members before it had a screenful (18 ms;
# 4-6 ms this way). Above this many, the walk finds a screenful sooner than they are sorted.
FEW_ON_FIGURES = 2000


def _few_on_figures(store: Store, where: dict) -> list[int] | None:
    """At most FEW_ON_FIGURES ids among which are all the members the filter selects: those
    in the range of an indexed figure the filter asks for (filters.indexed_bound), read
    from its index alone. None when the filter asks none, or the range holds more."""
    bound = filters.indexed_bound(store, where)
    if bound is None:
        return None
    with store.read() as s:
        ids = first_column(s, select(MemberStats.member_id).where(bound)
                           .limit(FEW_ON_FIGURES + 1))  # fmt: skip
    return ids if len(ids) <= FEW_ON_FIGURES else None


# A figure's own index (since 0037) and the member id beside it: the figure sorts' order,
# biggest first, with the id as ordered_ids breaks ties.
_FIGURE_INDEXES = {
    SortKey.POINTS: (MemberPoints.balance, MemberPoints.member_id),
    SortKey.LAST_VISIT: (MemberStats.last_visit_at, MemberStats.member_id),
    SortKey.SPEND: (MemberStats.spend_365, MemberStats.member_id),
}


def _first_by_figure(store: Store, sort: SortKey, limit: int) -> list[MemberId] | None:
    """The first `limit` ids of the roster sorted by a figure, biggest first, read down the
    figure's index; None when fewer than `limit` members have one (the rest, who have none
    or 0, tie at the end in id order: the caller then orders them all). ordered_ids reads
    every member and sorts them (25 ms for a screenful on the 100k store, 0.2 ms here)."""
    value, member_id = _FIGURE_INDEXES[sort]
    has_one = value.is_not(None) if sort is SortKey.LAST_VISIT else value > 0
    query = (select(member_id).join(Member, Member.id == member_id)
             # Asked so that no index answers it: an equality on `archived` would lead
             # SQLite to walk the roster's (archived, joined_on) index and sort them all.
             .where(has_one, func.coalesce(Member.archived, False).is_(False))
             .order_by(value.desc(), member_id.desc()).limit(limit))  # fmt: skip
    with store.read() as s:
        ids = first_column(s, query)
    return [MemberId(i) for i in ids] if len(ids) == limit else None


def first_search_page(store: Store, search_text: str, limit: int, *,
                      include_archived: bool = False) -> list[MemberId] | None:  # fmt: skip
    """The first `limit` ids of `ordered_ids(search_text=..., sort=None)` while typing, when
    they can be found without ranking every match: the newest members whose name or pinyin
    starts with the text (a text query's best rank); for a number, its few matches read
    whole and ordered here (search.number_order). None when that shortcut does not hold
    (fewer name matches than a page leave room for the others): the caller then takes
    ordered_ids. The whole list follows in the background
    (sqdesk.ui.members.model)."""
    parsed = search.parse(search_text)
    if parsed is None or not store.is_sqlite:
        return None  # the heads' walk is measured and tuned on SQLite
    if parsed.exact_kinds:
        with store.read() as s:
            return _without_archived(s, search.number_order(s, parsed), limit,
                                     include_archived)  # fmt: skip
    want = limit
    with store.read() as s:
        while True:
            newest, whole = search.name_starts(s, parsed, want)
            kept = newest
            if not include_archived and newest:
                gone = _archived_among(s, newest)
                kept = [i for i in newest if i not in gone]
            if len(kept) >= limit:
                return [MemberId(i) for i in kept[:limit]]
            if whole:  # fewer name matches than a page: the other ranks fill it
                every = search.every_match(s, parsed)
                if every is None:
                    return None  # a big range of another kind: the full ranking in SQL
                return _without_archived(s, every, limit, include_archived)
            if want >= 8 * limit:
                return None
            want *= 2  # archived members took places: read further


def _without_archived(s, ordered: list[int], limit: int,
                      include_archived: bool) -> list[MemberId]:  # fmt: skip
    """The first `limit` of `ordered` that are not archived (all of them with
    `include_archived`), asking about a screenful or two at a time."""
    page: list[MemberId] = []
    start = 0
    while len(page) < limit and start < len(ordered):
        chunk = ordered[start : start + 2 * limit]
        start += len(chunk)
        gone = set() if include_archived else _archived_among(s, chunk)
        page += [MemberId(i) for i in chunk if i not in gone]
    return page[:limit]


_ARCHIVED_AMONG = prepared.Prepared(lambda dialect: select(Member.id).where(
    prepared.in_ids(Member.id, "ids", dialect), Member.archived.is_(True)), lists=("ids",))


def _archived_among(s, ids: Sequence[int]) -> set[int]:
    return set(_ARCHIVED_AMONG.column(s.connection(), ids=ids))


def _rows_query(dialect: str):
    return with_figures(select(
        Member.id, Member.code, Member.name, Member.nickname, Member.mobile, Member.gender,
        Member.birthday, Member.joined_on, Member.source, Member.region, Member.wechat_id,
        Member.remark, Member.archived,
        *(FIGURE_VALUES[k].label(k.value) for k in FIGURES),
    ).where(prepared.in_ids(Member.id, "ids", dialect)))  # fmt: skip


# Read for every screenful the roster shows, at every keystroke: built and compiled once.
_ROWS = prepared.Prepared(_rows_query, lists=("ids",))


def rows(store: Store, ids: Sequence[int]) -> dict[MemberId, MemberRow]:
    """The roster rows for `ids` (any order), keyed by id; unknown ids are left out."""
    if not ids:
        return {}
    out: dict[MemberId, MemberRow] = {}
    with store.read() as s:
        found = _ROWS.rows(s.connection(), ids=ids)
    for (mid, code, name, nickname, mobile, gender, birthday, joined_on, source, region,
         wechat_id, remark, archived, points, level, last_visit, spend_12m,
         visits_90d) in found:  # fmt: skip
        out[MemberId(mid)] = MemberRow(
            id=MemberId(mid), code=code, name=name, nickname=nickname,
            mobile_masked=mask(mobile), gender=gender, birthday=birthday,
            joined_on=joined_on, source=source, region=region, wechat_id=wechat_id,
            remark=remark, archived=bool(archived), points=points, level=level or "",
            last_visit=last_visit.astimezone().date() if last_visit else None,
            spend_12m=spend_12m, visits_90d=visits_90d,
        )  # fmt: skip
    return out


@dataclass(frozen=True)
class MemberDetail:
    """Everything the profile shows, the full mobile included."""

    id: MemberId
    code: str
    name: str
    nickname: str
    mobile: str
    mobile_foreign: bool
    wechat_id: str
    gender: str
    birthday: date | None
    birthday_lunar: bool
    region: str
    source: str
    referrer_id: MemberId | None
    referrer_code: str
    referrer_name: str
    joined_on: date
    consent_at: datetime | None
    consent_scope: str
    remark: str
    favourites: str
    archived: bool
    referred_count: int
    erased_at: datetime | None = None  # erased at their request (PIPL): nothing to show


def detail(store: Store, member_id: int) -> MemberDetail | None:
    with store.read() as s:
        m = s.get(Member, member_id)
        if m is None:
            return None
        referrer = s.get(Member, m.referrer_id) if m.referrer_id else None
        referred = s.scalar(select(func.count(Member.id)).where(Member.referrer_id == m.id))
        return MemberDetail(
            id=MemberId(m.id),
            code=m.code,
            name=m.name,
            nickname=m.nickname,
            mobile=m.mobile or "",
            mobile_foreign=m.mobile_foreign,
            wechat_id=m.wechat_id,
            gender=m.gender,
            birthday=m.birthday,
            birthday_lunar=m.birthday_lunar,
            region=m.region,
            source=m.source,
            referrer_id=MemberId(referrer.id) if referrer else None,
            referrer_code=referrer.code if referrer else "",
            referrer_name=(referrer.name or referrer.nickname) if referrer else "",
            joined_on=m.joined_on,
            consent_at=m.consent_at,
            consent_scope=m.consent_scope,
            remark=m.remark,
            favourites=m.favourites,
            archived=m.archived,
            referred_count=referred or 0,
            erased_at=m.erased_at,
        )


def find_by_code(store: Store, code: str) -> MemberId | None:
    with store.read() as s:
        found = s.scalar(select(Member.id).where(Member.code == code.strip()))
        return MemberId(found) if found is not None else None


def sources(store: Store, *, limit: int = 40) -> list[str]:
    """The source channels members came from, most common first (for pick lists)."""
    query = (
        select(Member.source)
        .where(Member.source != "")
        .group_by(Member.source)
        .order_by(func.count().desc(), Member.source)
        .limit(limit)
    )
    with store.read() as s:
        return list(s.scalars(query))
