"""Member filters: a small tree of conditions, compiled to one SQL condition on `member`.

    {"all": [{"tag": 3}, {"not": {"tag": 7}}, {"field": "spend", "days": 365, "min": 500000}]}

Nodes: {"all": [...]}, {"any": [...]}, {"not": node}, {"tag": id}, and fields:
    joined        {"from": "2026-01-01", "to": "2026-06-30"} (either may be left out)
    birthday_month {"months": [1, 2]}
    source        {"in": ["抖音", "小红书"]}
    level         {"in": [level ids]}
    balance       {"min": 0, "max": 500}
    last_visit    {"before": "2026-08-01"} or {"after": ...}; "before" includes never
    visits        {"days": 30, "min": 4}           visits in the last N days
    spend         {"days": 365, "min": 500000}     cents spent in the last N days
    max_purchase  {"days": 30, "min": 5000}        a single purchase of at least this
    group         {"ids": [group ids]} or {"kind": "vip"}: in (one of) them now; neither: any
The tree is plain JSON, so a segment stores it as it is. Contradictory conditions simply
select nobody.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, extract, false, func, not_, or_, select, true

from sqdesk.core.errors import CodedError
from sqdesk.core.groups import in_group_condition
from sqdesk.core.models import Member, MemberPoints, MemberStats, MemberTag, Visit
from sqdesk.core.sql_exists import exists_where

Node = dict[str, Any]


class FilterError(CodedError):
    """A filter that cannot be understood (a damaged saved segment, or a bug): the English
    message says which part."""

    area = "segments"

    def __init__(self, message: str) -> None:
        super().__init__("bad_filter", message, detail=message)


def _day(value: Any, name: str) -> date:
    try:
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError as exc:
        raise FilterError(f"{name}: {value!r} is not a date") from exc


def _start(d: date) -> datetime:
    return datetime.combine(d, time.min).astimezone(UTC)


def compile_filter(
    node: Node, *, today: date | None = None, stats: bool = False
) -> ColumnElement[bool]:
    """One SQL condition on `member` for the tree. With `stats` (member_stats is current
    for `today`), visit conditions read its columns instead of counting visits."""
    today = today or date.today()
    if not isinstance(node, dict) or not node:
        raise FilterError(f"not a condition: {node!r}")
    if stats and ("all" in node or "any" in node or node.get("field") in _FROM_STATS):
        merged = _stats_condition(node, today)
        if merged is not None:
            return _has_stats(merged)
        fast = _fast_not_before(node, today) if node.get("field") == "last_visit" else None
        if fast is not None:
            return fast
        if node.get("field") in _FROM_STATS and node.get("field") in (
            "visits",
            "spend",
            "max_purchase",
        ):
            column = _stats_column(node["field"], int(node.get("days", 365)))
            if column is not None:
                return true()  # a minimum of 0: everyone
    if "all" in node:
        parts = [compile_filter(n, today=today, stats=stats) for n in node["all"]]
        return and_(true(), *parts)
    if "any" in node:
        parts = [compile_filter(n, today=today, stats=stats) for n in node["any"]]
        return or_(false(), *parts)
    if "not" in node:
        return not_(compile_filter(node["not"], today=today, stats=stats))
    if "tag" in node:
        return exists_where(
            MemberTag.member_id == Member.id, MemberTag.tag_id == int(node["tag"])
        )
    field = node.get("field")
    handler = _FIELDS.get(field)
    if handler is None:
        raise FilterError(f"unknown field {field!r}")
    return handler(node, today)


def _joined(node: Node, today: date) -> ColumnElement[bool]:
    conds = []
    if node.get("from"):
        conds.append(Member.joined_on >= _day(node["from"], "joined from"))
    if node.get("to"):
        conds.append(Member.joined_on <= _day(node["to"], "joined to"))
    return and_(true(), *conds)


def _birthday_month(node: Node, today: date) -> ColumnElement[bool]:
    months = [int(m) for m in node.get("months", [])]
    return extract("month", Member.birthday).in_(months) if months else false()


def _source(node: Node, today: date) -> ColumnElement[bool]:
    return Member.source.in_(list(node.get("in", [])))


def _level(node: Node, today: date) -> ColumnElement[bool]:
    levels = [int(i) for i in node.get("in", [])]
    return exists_where(MemberPoints.member_id == Member.id, MemberPoints.level_id.in_(levels))


def _balance(node: Node, today: date) -> ColumnElement[bool]:
    balance = func.coalesce(
        select(MemberPoints.balance).where(MemberPoints.member_id == Member.id).scalar_subquery(),
        0,
    )
    conds = []
    if node.get("min") is not None:
        conds.append(balance >= int(node["min"]))
    if node.get("max") is not None:
        conds.append(balance <= int(node["max"]))
    return and_(true(), *conds)


def _last_visit_value():
    return (
        select(func.max(Visit.at))
        .where(Visit.member_id == Member.id, Visit.voided.is_(False))
        .scalar_subquery()
    )


def _last_visit(node: Node, today: date) -> ColumnElement[bool]:
    last = _last_visit_value()
    if node.get("before"):
        cut = _start(_day(node["before"], "last visit before"))
        return or_(last.is_(None), last < cut)
    if node.get("after"):
        return last >= _start(_day(node["after"], "last visit after"))
    raise FilterError("last_visit needs before or after")


def _window(node: Node, today: date) -> datetime:
    days = int(node.get("days", 365))
    return _start(today - timedelta(days=days - 1))


def _visits(node: Node, today: date) -> ColumnElement[bool]:
    count = (
        select(func.count(Visit.id))
        .where(Visit.member_id == Member.id, Visit.voided.is_(False),
               Visit.at >= _window(node, today))
        .scalar_subquery()
    )  # fmt: skip
    return count >= int(node.get("min", 1))


def _spend(node: Node, today: date) -> ColumnElement[bool]:
    total = (
        select(func.coalesce(func.sum(Visit.amount_cents), 0))
        .where(Visit.member_id == Member.id, Visit.voided.is_(False),
               Visit.at >= _window(node, today))
        .scalar_subquery()
    )  # fmt: skip
    return total >= int(node.get("min", 0))


def _max_purchase(node: Node, today: date) -> ColumnElement[bool]:
    return exists_where(Visit.member_id == Member.id, Visit.voided.is_(False),
                        Visit.at >= _window(node, today),
                        Visit.amount_cents >= int(node.get("min", 0)))  # fmt: skip


def _spend_growth(node: Node, today: date) -> ColumnElement[bool]:
    """Spend in the last N days clearly above the N days before (a rising customer)."""
    days = int(node.get("days", 90))
    ratio = float(node.get("ratio", 1.5))
    recent_start = _start(today - timedelta(days=days - 1))
    earlier_start = _start(today - timedelta(days=2 * days - 1))

    def spent(since: datetime, until: datetime | None) -> Any:
        conds = [Visit.member_id == Member.id, Visit.voided.is_(False), Visit.at >= since]
        if until is not None:
            conds.append(Visit.at < until)
        return (
            select(func.coalesce(func.sum(Visit.amount_cents), 0)).where(*conds).scalar_subquery()
        )

    recent, earlier = spent(recent_start, None), spent(earlier_start, recent_start)
    return and_(recent >= int(node.get("min", 0)), recent >= earlier * ratio, recent > earlier)


def _visits_month(node: Node, today: date) -> ColumnElement[bool]:
    """At least `min` visits within one calendar month ({"year": 2026, "month": 11})."""
    year, month = int(node["year"]), int(node["month"])
    start = _start(date(year, month, 1))
    end = _start(date(year + (month == 12), month % 12 + 1, 1))
    count = (
        select(func.count(Visit.id))
        .where(Visit.member_id == Member.id, Visit.voided.is_(False), Visit.at >= start,
               Visit.at < end)
        .scalar_subquery()
    )  # fmt: skip
    return count >= int(node.get("min", 1))


def _group(node: Node, today: date) -> ColumnElement[bool]:
    return in_group_condition(ids=node.get("ids"), kind=node.get("kind"))


_FIELDS = {
    "joined": _joined,
    "birthday_month": _birthday_month,
    "source": _source,
    "level": _level,
    "balance": _balance,
    "last_visit": _last_visit,
    "visits": _visits,
    "spend": _spend,
    "max_purchase": _max_purchase,
    "spend_growth": _spend_growth,
    "visits_month": _visits_month,
    "group": _group,
}


# --- the same conditions on member_stats' columns ------------------------------------------


def _has_stats(*conds: ColumnElement[bool]) -> ColumnElement[bool]:
    return exists_where(MemberStats.member_id == Member.id, *conds)


def _stats_column(kind: str, days: int):
    return {("visits", 30): MemberStats.visits_30, ("visits", 90): MemberStats.visits_90,
            ("spend", 90): MemberStats.spend_90, ("spend", 365): MemberStats.spend_365,
            ("max_purchase", 30): MemberStats.max_purchase_30}.get((kind, days))  # fmt: skip


# Each returns a condition on member_stats' own columns (true of the member's stats row),
# or None when the condition cannot be put that way (the member may have no row at all).


def _fast_counted(node: Node, today: date) -> ColumnElement[bool] | None:
    column = _stats_column(node["field"], int(node.get("days", 365)))
    if column is None:
        return None
    minimum = int(node.get("min", 1 if node["field"] == "visits" else 0))
    return column >= minimum if minimum > 0 else None


def _fast_last_visit(node: Node, today: date) -> ColumnElement[bool] | None:
    if node.get("after"):
        return MemberStats.last_visit_at >= _start(_day(node["after"], "after"))
    return None  # "before" includes members who never came: no stats row


def _fast_growth(node: Node, today: date) -> ColumnElement[bool] | None:
    if int(node.get("days", 90)) != 90:
        return None
    ratio = float(node.get("ratio", 1.5))
    return and_(MemberStats.spend_90 >= int(node.get("min", 0)),
                MemberStats.spend_90 >= MemberStats.spend_prev_90 * ratio,
                MemberStats.spend_90 > MemberStats.spend_prev_90)  # fmt: skip


def _fast_month(node: Node, today: date) -> ColumnElement[bool] | None:
    last = today.replace(day=1) - timedelta(days=1)
    month = (int(node["year"]), int(node["month"]))
    column = {(today.year, today.month): MemberStats.visits_this_month,
              (last.year, last.month): MemberStats.visits_last_month}.get(month)  # fmt: skip
    return None if column is None else column >= int(node.get("min", 1))


def _stats_condition(node: Node, today: date) -> ColumnElement[bool] | None:
    """The node as one condition on the member's stats row, when it can be (nested all/any
    of such nodes too): one EXISTS instead of one per condition.

    Every condition here needs a stats row (a member who never came has none and meets
    none of them), so a "not" is only taken inside an "all" that also asks something of
    the row: "active, and not core" is a row that is active and not core. A "not" alone,
    or in an "any", would also select the members with no row."""
    if "all" in node:
        parts, negated = [], []
        for n in node["all"]:
            inner = _stats_condition(n["not"], today) if "not" in n else None
            if inner is not None:  # NULL figures make a condition unknown, not met
                negated.append(not_(func.coalesce(inner, false())))
                continue
            part = None if "not" in n else _stats_condition(n, today)
            if part is None:
                return None
            parts.append(part)
        return and_(*parts, *negated) if parts else None
    if "any" in node:
        parts = [_stats_condition(n, today) for n in node["any"]]
        if not parts or any(p is None for p in parts):
            return None
        return or_(*parts)
    handler = _FROM_STATS.get(node.get("field"))
    return handler(node, today) if handler else None


def _fast_not_before(node: Node, today: date) -> ColumnElement[bool] | None:
    if node.get("before"):
        cut = _start(_day(node["before"], "last visit before"))
        return not_(_has_stats(MemberStats.last_visit_at >= cut))
    return None


_FROM_STATS = {
    "visits": _fast_counted,
    "spend": _fast_counted,
    "max_purchase": _fast_counted,
    "last_visit": _fast_last_visit,
    "spend_growth": _fast_growth,
    "visits_month": _fast_month,
}


def condition(store, node: Node, *, today: date | None = None) -> ColumnElement[bool]:
    """compile_filter with member_stats when it is (or can be made) current for today."""
    from sqdesk.core import member_stats

    today = today or date.today()
    return compile_filter(node, today=today,
                          stats=member_stats.ensure_current(store, today=today))  # fmt: skip


def member_ids(store, node: Node, *, today: date | None = None, include_archived: bool = False):
    """The ids of the members the filter selects, newest first."""
    from sqdesk.core.store import first_column

    query = select(Member.id).where(condition(store, node, today=today))
    if not include_archived:
        query = query.where(Member.archived.is_(False))
    with store.read() as s:
        return first_column(s, query.order_by(Member.id.desc()))


# The figures with an index of their own (migration 0037): a range of one is read from it.
_INDEXED_FIGURES = (MemberStats.__table__.c.spend_365, MemberStats.__table__.c.last_visit_at)


def indexed_bound(store, node: Node, *, today: date | None = None
                  ) -> ColumnElement[bool] | None:  # fmt: skip
    """A condition on one indexed figure that every member the tree selects meets (12
    months' spend at least N, a visit since a day): the tree itself, or one of the
    conditions of its top "all". Read from the figure's index, it says how few members
    the tree can select at most. None when there is none, or member_stats is not current."""
    from sqdesk.core import member_stats

    if not isinstance(node, dict):
        return None
    today = today or date.today()
    for part in node.get("all", [node]):
        if not isinstance(part, dict) or part.get("field") not in ("spend", "last_visit"):
            continue
        found = _FROM_STATS[part["field"]](part, today)
        if found is not None and getattr(found, "left", None) is not None and any(
                found.left.compare(column) for column in _INDEXED_FIGURES):  # fmt: skip
            return found if member_stats.ensure_current(store, today=today) else None
    return None


def count(store, node: Node, *, today: date | None = None) -> int:
    """How many members (not archived) the filter selects. A tree that is all conditions on
    the member figures (high value, VIP-eligible...) is counted from the figures' side: the
    matching rows of member_stats less those of archived members, instead of every member
    asked about its figures (one seek each over 100k members). The archived are few and
    gathered once: asking each matching row's wide member row took 15 ms for the VIP
    segment on the 100k store, this 8."""
    from sqdesk.core import member_stats

    today = today or date.today()
    stats = member_stats.ensure_current(store, today=today)  # as condition() asks
    on_figures = _stats_condition(node, today) if stats and isinstance(node, dict) else None
    if on_figures is not None:  # compile_filter's _has_stats(on_figures), from the other side
        query = select(func.count()).select_from(MemberStats).where(
            on_figures, MemberStats.member_id.not_in(
                select(Member.id).where(Member.archived.is_(True))))  # fmt: skip
    else:
        query = select(func.count(Member.id)).where(
            compile_filter(node, today=today, stats=stats), Member.archived.is_(False))
    with store.read() as s:
        return s.scalar(query) or 0
