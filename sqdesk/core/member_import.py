"""Importing members from a shop's spreadsheet: map columns, check every row, then commit
all chosen rows in one transaction (all land or none do).

    plan = member_import.prepare(store, Path("会员.xlsx"))     # read + map + check
    plan.problems                                             # every bad row, with reasons
    member_import.commit(store, plan, skip_invalid=True)      # one transaction

A row whose mobile (or, without one, WeChat ID) matches an existing member updates that
member with the cells the row fills, so importing a corrected file again is safe.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select, update

from sqdesk.core import audit, backup, bulk, codes, ledger, member_edit, search, sheets
from sqdesk.core.errors import CodedError
from sqdesk.core.gc_pause import collector_paused
from sqdesk.core.jobs import Cancelled, Progress, ShouldStop, never_stop, no_progress
from sqdesk.core.member_edit import MemberInput, Problem
from sqdesk.core.models import Member
from sqdesk.core.parsing import parse_bool, parse_date, parse_gender, to_text
from sqdesk.core.phones import PhoneError, is_mainland_mobile, normalize_mainland_mobile
from sqdesk.core.store import Store, sync_id_sequence, whole_cache

# Field -> header names seen in real sheets (compared after sheets.normalize_header).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "会员姓名", "名字", "客户姓名", "顾客姓名", "会员名称", "会员名", "真实姓名",
             "name", "fullname", "membername"),
    "mobile": ("手机", "手机号", "手机号码", "电话", "电话号码", "联系电话", "联系方式", "移动电话",
               "会员手机", "mobile", "phone", "tel", "cellphone", "mobilephone"),
    "birthday": ("生日", "出生日期", "出生年月日", "生日日期", "birthday", "birthdate", "dob",
                 "dateofbirth"),
    "birthday_lunar": ("农历", "是否农历", "农历生日", "生日类型", "lunar"),
    "gender": ("性别", "gender", "sex"),
    "wechat_id": ("微信", "微信号", "微信id", "wechat", "wechatid", "wxid"),
    "nickname": ("昵称", "群昵称", "微信昵称", "nickname", "nick"),
    "source": ("来源", "渠道", "来源渠道", "注册渠道", "source", "channel"),
    "joined_on": ("注册时间", "入会时间", "入会日期", "注册日期", "加入时间", "开卡时间",
                  "开卡日期", "joined", "joindate", "joinedon", "registered"),
    "region": ("地区", "区域", "城市", "所在地", "地址", "region", "city", "area"),
    "favourites": ("最爱", "喜好", "爱喝", "口味偏好", "favourites", "favorites", "favourite"),
    "remark": ("备注", "说明", "remark", "remarks", "note", "notes", "comment"),
    # Points owed from another system: recorded once as an opening balance.
    "points": ("积分", "可用积分", "当前积分", "剩余积分", "会员积分", "points", "balance"),
}  # fmt: skip
FIELDS = tuple(SYNONYMS)
_LOOKUP = {sheets.normalize_header(h): f for f, names in SYNONYMS.items() for h in names}


def field_for_header(header: object) -> str | None:
    return _LOOKUP.get(sheets.normalize_header(header))


class ImportRejected(CodedError):
    """Bad rows and no permission to skip them: nothing was written."""

    area = "sheet"

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        super().__init__("bad_rows",
                         f"{len(plan.bad_rows)} row(s) have problems; nothing was imported",
                         count=len(plan.bad_rows))  # fmt: skip


@dataclass
class RowResult:
    row: int  # as numbered in the sheet
    data: MemberInput | None
    problems: list[Problem] = field(default_factory=list)
    member_id: int | None = None  # set when the row updates an existing member
    filled: frozenset[str] = frozenset()  # fields this row has a value for
    points: int = 0  # an opening balance, when the sheet has a points column

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ImportPlan:
    path: Path
    table: sheets.Table
    mapping: dict[int, str]  # column index -> field
    results: list[RowResult]

    @property
    def good_rows(self) -> list[RowResult]:
        return [r for r in self.results if r.ok]

    @property
    def bad_rows(self) -> list[RowResult]:
        return [r for r in self.results if not r.ok]

    @property
    def new_count(self) -> int:
        return sum(1 for r in self.good_rows if r.member_id is None)

    @property
    def update_count(self) -> int:
        return sum(1 for r in self.good_rows if r.member_id is not None)

    def report(self) -> list[str]:
        """One English line per problem: 'row 7: mobile has 10 digits; ...'."""
        return [f"row {r.row}: {p.field}: {p.english}" for r in self.bad_rows for p in r.problems]


def auto_mapping(headers: list[str]) -> dict[int, str]:
    """Column index -> field by header name; the first column wins a field."""
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        f = field_for_header(header)
        if f is not None and f not in mapping.values():
            mapping[index] = f
    return mapping


def read_table(path: Path) -> sheets.Table:
    return sheets.find_table(sheets.read_rows(path), lambda h: h in _LOOKUP)


# Both steps hold every row of the file at once: the cyclic collector is held off while
# they run (core/gc_pause.py; 98,000 rows: .csv 12.7 -> 10.6 s, .xlsx 13.5 -> 11.3 s).
@collector_paused()
def prepare(
    store: Store,
    path: Path,
    *,
    mapping: dict[int, str] | None = None,
    table: sheets.Table | None = None,
    today: date | None = None,
    progress: Progress = no_progress,
    should_stop: ShouldStop = never_stop,
) -> ImportPlan:
    """Read, map and check every row; writes nothing. Raises sheets.SheetError."""
    table = table or read_table(path)
    mapping = auto_mapping(table.headers) if mapping is None else dict(mapping)
    today = today or date.today()
    screen = _Screen(table, mapping, today)
    # Who in the store the file may update: by each mobile it holds, or WeChat ID.
    existing = _existing(store, set(screen.mobiles) - {""}, set(screen.wechat_texts) - {""})
    results: list[RowResult] = []
    seen_mobile: dict[str, int] = {}
    with store.read() as s:
        total = len(table.rows)
        for i, (row, cells) in enumerate(table.rows):
            if i % 2000 == 0:
                if should_stop():
                    raise Cancelled()
                progress(i, total)
            result = screen.result(i, row, existing, seen_mobile)
            if result is None:
                result = _check_row(s, row, _cells(cells, mapping), existing, seen_mobile, today)
            results.append(result)
        progress(total, total)
    return ImportPlan(path=path, table=table, mapping=mapping, results=results)


def _check_row(
    s,
    row: int,
    cells: dict[str, object],
    existing: _Existing,
    seen_mobile: dict[str, int],
    today: date,
) -> RowResult:
    """One row read, matched and checked field by field: every problem, each in words."""
    result = _parse_row(row, cells)
    if result.ok and result.data is not None:
        mobile = _try_mobile(result.data.mobile)
        match = existing.by_mobile.get(mobile) if mobile else None
        if match is None and not mobile and result.data.wechat_id:
            match = existing.by_wechat.get(result.data.wechat_id)
        if mobile and mobile in seen_mobile:
            result.problems.append(
                Problem("mobile", "duplicate_in_file", {"row": seen_mobile[mobile]})
            )
        elif mobile:
            seen_mobile[mobile] = row
        if match is not None:
            result.member_id = match.id
            result.data = _merge(match.data, result.data, result.filled)
        if result.data is not None and not result.problems:
            clean, found = member_edit.check(
                s,
                result.data,
                member_id=result.member_id,
                today=today,
                mobile_owner=existing.owner,
            )
            if match is not None:
                # The store's own values (a join date set on another PC's clock)
                # are not this file's to judge: only what the file changes is.
                found = [p for p in found if p.field in result.filled]
            result.data = clean
            result.problems += found
    return result


def parse_points(value: object) -> int:
    """1280, "1,280", 1280.0, "１２８０" -> 1280; a points balance is a whole number >= 0."""
    text = unicodedata.normalize("NFKC", to_text(value)).replace(",", "").strip()
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{text} is not a number of points") from None
    if number < 0 or number != int(number):
        raise ValueError(f"{text} is not a whole number of points")
    return int(number)


def _cells(cells: list, mapping: dict[int, str]) -> dict[str, object]:
    return {f: cells[i] for i, f in mapping.items() if i < len(cells)}


def _try_mobile(value: object) -> str:
    text = to_text(value)
    if not text:
        return ""
    try:
        return normalize_mainland_mobile(text)
    except PhoneError:
        return ""


def _parse_row(row: int, cells: dict[str, object]) -> RowResult:
    problems: list[Problem] = []
    values: dict[str, object] = {}
    filled = set()
    points = 0
    for name, cell in cells.items():
        text = to_text(cell)
        if text == "":
            continue
        try:
            if name == "points":
                points = parse_points(cell)
                continue
            filled.add(name)
            if name in ("birthday", "joined_on"):
                values[name] = parse_date(cell)
            elif name == "gender":
                values[name] = parse_gender(cell)
            elif name == "birthday_lunar":
                values[name] = parse_bool(cell)
            else:
                values[name] = text
        except ValueError as exc:
            problems.append(Problem(name, "unreadable", {"reason": str(exc), "text": text}))
    data = MemberInput(**values, consent=False)  # type: ignore[arg-type]
    return RowResult(row=row, data=data, problems=problems, filled=frozenset(filled),
                     points=points)  # fmt: skip


# Text fields as member_edit.check cleans them: white space collapsed (a WeChat ID loses it).
_CLEANED = {
    "name": lambda t: " ".join(t.split()),
    "nickname": lambda t: " ".join(t.split()),
    "region": lambda t: " ".join(t.split()),
    "source": lambda t: " ".join(t.split()),
    "favourites": lambda t: " ".join(t.split()),
    "wechat_id": lambda t: "".join(t.split()),
    "remark": lambda t: t,  # to_text has stripped it; inner line breaks stay
}
_PARSERS = {"birthday": parse_date, "joined_on": parse_date, "gender": parse_gender,
            "birthday_lunar": parse_bool, "points": parse_points}  # fmt: skip


class _Screen:
    """The fast path of `prepare`: the file read a column at a time, to find the rows
    that are plainly good (nothing to report, no existing member to update) and build
    their results directly. Every other row goes through `_check_row`, which words each
    problem, so the plan is the same either way (tests/core/test_member_import.py holds
    them equal); at 100,000 rows a column costs a comprehension, not a call per cell.

    A cell means what `_parse_row` and `member_edit.check` make of it: the text is
    `to_text(cell)`, a parsed field is parsed from the cell itself, and each parser runs
    once per distinct value (a sheet repeats its dates and genders).
    """

    def __init__(self, table: sheets.Table, mapping: dict[int, str], today: date) -> None:
        cells = [c for _, c in table.rows]
        n = len(cells)
        bad = bytearray(n)
        texts: dict[str, list[str]] = {}
        values: dict[str, list] = {}
        for index, name in mapping.items():
            column = [row[index] if index < len(row) else None for row in cells]
            text = [to_text(v) for v in column]
            texts[name] = text
            if name in _PARSERS:
                values[name] = self._parsed(column, text, _PARSERS[name], bad)
            elif name == "mobile":
                values[name] = self._mobiles(text, bad)
            else:
                clean = list(map(_CLEANED[name], text))
                self._flag_text(name, clean, bad)
                values[name] = clean
        empty = [""] * n
        for i, (name, nick) in enumerate(
            zip(values.get("name", empty), values.get("nickname", empty), strict=True)
        ):
            if not name and not nick:
                bad[i] = 1
        self._flag_dates(values, today, bad)
        self.bad = bad
        self.points = values.pop("points", None)
        self.mobiles = values.get("mobile", empty)
        self.wechat_texts = texts.get("wechat_id", empty)
        self.fields = list(values)
        self.rows = list(zip(*values.values(), strict=True)) if values else [()] * n
        # Which fields each row fills, as the few distinct sets a sheet has.
        filled_names = [f for f in texts if f != "points"]
        known: dict[tuple[bool, ...], frozenset[str]] = {}
        self.filled = []
        for key in zip(*([bool(t) for t in texts[f]] for f in filled_names), strict=True):
            found = known.get(key)
            if found is None:
                found = known[key] = frozenset(f for f, b in zip(filled_names, key, strict=True)
                                               if b)  # fmt: skip
            self.filled.append(found)
        if not filled_names:
            self.filled = [frozenset()] * n

    @staticmethod
    def _parsed(column: list, text: list[str], parse, bad: bytearray) -> list:
        seen: dict[tuple[type, object], object] = {}
        out = []
        for i, (cell, t) in enumerate(zip(column, text, strict=True)):
            if not t:
                out.append(None)
                continue
            key = (type(cell), cell)
            if key not in seen:
                try:
                    seen[key] = parse(cell)
                except ValueError:
                    seen[key] = _UNREADABLE
            value = seen[key]
            if value is _UNREADABLE:
                bad[i] = 1  # _check_row words why
                value = None
            out.append(value)
        return out

    @staticmethod
    def _mobiles(text: list[str], bad: bytearray) -> list[str]:
        out = []
        for i, t in enumerate(text):
            if not t or is_mainland_mobile(t):  # already as the store keeps it
                out.append(t)
                continue
            try:
                out.append(normalize_mainland_mobile(t))
            except PhoneError:
                bad[i] = 1
                out.append("")
        return out

    @staticmethod
    def _flag_text(name: str, clean: list[str], bad: bytearray) -> None:
        limit = member_edit.LIMITS[name]
        control = name in member_edit.CONTROL_CHECKED
        # One look at the whole column; row by row only when something is in it.
        if max(map(len, clean), default=0) <= limit and not (
            control and member_edit.has_control("".join(clean))
        ):
            return
        for i, value in enumerate(clean):
            if len(value) > limit or (control and member_edit.has_control(value)):
                bad[i] = 1

    @staticmethod
    def _flag_dates(values: dict[str, list], today: date, bad: bytearray) -> None:
        for name in ("birthday", "joined_on"):
            for i, value in enumerate(values.get(name, ())):
                if value is not None and (
                    value > today or value.year < member_edit.OLDEST_BIRTH_YEAR
                ):
                    bad[i] = 1  # fmt: skip
        if "birthday" in values and "joined_on" in values:
            for i, (born, joined) in enumerate(zip(values["birthday"], values["joined_on"],
                                                   strict=True)):  # fmt: skip
                if born is not None and joined is not None and joined < born:
                    bad[i] = 1

    def result(self, i: int, row: int, existing: _Existing,
               seen_mobile: dict[str, int]) -> RowResult | None:  # fmt: skip
        """Row i's result when it is plainly a new member; None sends it to `_check_row`."""
        if self.bad[i]:
            return None
        mobile = self.mobiles[i]
        if mobile:
            if mobile in existing.by_mobile or mobile in seen_mobile:
                return None  # an update, or a second row with this mobile
            seen_mobile[mobile] = row
        elif (wechat := self.wechat_texts[i]) and wechat in existing.by_wechat:
            return None
        data = MemberInput(**{f: v for f, v in zip(self.fields, self.rows[i], strict=True)
                              if v is not None})  # fmt: skip
        points = self.points[i] if self.points is not None else 0
        return RowResult(row=row, data=data, filled=self.filled[i], points=points or 0)


_UNREADABLE = object()


@dataclass
class _Existing:
    by_mobile: dict[str, _Match]
    by_wechat: dict[str, _Match]

    def owner(self, mobile: str) -> member_edit.MobileOwner | None:
        found = self.by_mobile.get(mobile)
        return found.owner if found else None


@dataclass
class _Match:
    id: int
    data: MemberInput
    owner: member_edit.MobileOwner


def _existing(store: Store, mobiles: set[str], wechats: set[str]) -> _Existing:
    out = _Existing({}, {})
    cols = (Member.id, Member.code, Member.name, Member.nickname, Member.mobile,
            Member.mobile_foreign, Member.wechat_id, Member.gender, Member.birthday,
            Member.birthday_lunar, Member.region, Member.source, Member.referrer_id,
            Member.joined_on, Member.consent_at, Member.consent_scope, Member.remark,
            Member.favourites)  # fmt: skip
    with store.read() as s:
        for key, column, target in (
            (mobiles, Member.mobile, out.by_mobile),
            (wechats, Member.wechat_id, out.by_wechat),
        ):
            keys = list(key)
            for start in range(0, len(keys), 500):
                rows = s.execute(select(*cols).where(column.in_(keys[start : start + 500])))
                for r in rows:
                    data = MemberInput(
                        name=r.name, nickname=r.nickname, mobile=r.mobile or "",
                        mobile_foreign=r.mobile_foreign, wechat_id=r.wechat_id, gender=r.gender,
                        birthday=r.birthday, birthday_lunar=r.birthday_lunar, region=r.region,
                        source=r.source, referrer_id=r.referrer_id, joined_on=r.joined_on,
                        consent=r.consent_at is not None, consent_scope=r.consent_scope,
                        remark=r.remark, favourites=r.favourites,
                    )  # fmt: skip
                    owner = member_edit.MobileOwner(r.id, r.code, r.name, r.nickname)
                    k = r.mobile if column is Member.mobile else r.wechat_id
                    target.setdefault(k, _Match(r.id, data, owner))
    return out


def _merge(current: MemberInput, incoming: MemberInput, filled: frozenset[str]) -> MemberInput:
    """The existing member with the cells this row fills; empty cells change nothing."""
    return replace(current, **{f: getattr(incoming, f) for f in filled})


# --- committing ----------------------------------------------------------------------------

_CHUNK = 2000


@collector_paused()
def commit(
    store: Store,
    plan: ImportPlan,
    *,
    skip_invalid: bool = False,
    source_default: str = "导入",
    today: date | None = None,
    progress: Progress = no_progress,
    should_stop: ShouldStop = never_stop,
) -> tuple[int, int]:
    """Write the good rows in one transaction; returns (added, updated).

    Without `skip_invalid`, any bad row rejects the whole file and nothing is written.
    """
    if plan.bad_rows and not skip_invalid:
        raise ImportRejected(plan)
    backup.before_bulk(store, "import")
    today = today or date.today()
    good = plan.good_rows
    now = datetime.now(UTC)
    added = updated = 0
    member_of_row: dict[int, int] = {}
    with store.session() as s, whole_cache(s):
        serial = codes.serial_of(member_edit.next_code(s))
        next_id = (s.scalar(select(func.max(Member.id))) or 0) + 1
        for start in range(0, len(good), _CHUNK):
            if should_stop():
                raise Cancelled()
            chunk = good[start : start + _CHUNK]
            new_rows, changed_ids = [], []
            for r in chunk:
                assert r.data is not None
                values = _row_values(r.data, today=today, now=now, source=source_default)
                if r.member_id is None:
                    values.update(id=next_id, code=codes.make_code(serial),
                                  created_at=now, updated_at=now)  # fmt: skip
                    values["name_sort"] = search.name_sort_of(values)
                    new_rows.append(values)
                    next_id += 1
                    serial += 1
                else:
                    values = {k: v for k, v in values.items() if k in r.filled or k == "mobile"}
                    values["updated_at"] = now
                    s.execute(update(Member).where(Member.id == r.member_id).values(**values))
                    changed_ids.append(r.member_id)
            conn = s.connection()
            if new_rows:
                bulk.insert_rows(conn, Member.__table__, new_rows)
                search.insert_tokens(conn, new_rows)
            search.reindex(s, changed_ids)
            new_ids = iter(v["id"] for v in new_rows)
            for r in chunk:
                member_of_row[r.row] = r.member_id if r.member_id is not None else next(new_ids)
            added += len(new_rows)
            updated += len(changed_ids)
            progress(start + len(chunk), len(good))
        sync_id_sequence(s, "member")
        opening = {member_of_row[r.row]: r.points for r in good if r.points}
        if opening:
            ledger.add_opening_balances(
                s, opening, reason=f"opening balance from {plan.path.name}", today=today
            )
        audit.record(s, "import", rows=added + updated, file=plan.path.name,
                     detail=f"added {added}, updated {updated}")  # fmt: skip
    return added, updated


def _row_values(data: MemberInput, *, today: date, now: datetime, source: str) -> dict:
    mobile = data.mobile or None
    return {
        "name": data.name,
        "nickname": data.nickname,
        "mobile": mobile,
        "mobile_foreign": False,
        "wechat_id": data.wechat_id,
        "gender": data.gender,
        "birthday": data.birthday,
        "birthday_lunar": data.birthday_lunar,
        "region": data.region,
        "source": data.source or source,
        "referrer_id": data.referrer_id,
        "joined_on": data.joined_on or today,
        "consent_at": None,
        "consent_scope": "",
        "remark": data.remark,
        "favourites": data.favourites,
        "archived": False,
    }
