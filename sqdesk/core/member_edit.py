"""Creating, changing, archiving and deleting members, with the checks a form needs.

Validation returns problems as codes with values (Problem), not sentences: the UI words
them through tr() in the user's language, the CLI and import reports use `english`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime

from sqlalchemy import delete as sql_delete
from sqlalchemy import func, select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from sqdesk.core import codes, contact_days, coupons, note_search, phones, search
from sqdesk.core.errors import CodedError
from sqdesk.core.models import LedgerEntry, Member, MemberId, Visit
from sqdesk.core.sql_exists import exists_where
from sqdesk.core.store import Store

MAX_NAME = 50
MAX_NICKNAME = 50
MAX_TEXT = 100
MAX_REMARK = 2000
GENDERS = ("", "F", "M")
OLDEST_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class MemberInput:
    """What a form or an import row says about a member, before it is checked."""

    name: str = ""
    nickname: str = ""
    mobile: str = ""
    mobile_foreign: bool = False
    wechat_id: str = ""
    gender: str = ""
    birthday: date | None = None
    birthday_lunar: bool = False
    region: str = ""
    source: str = ""
    referrer_id: int | None = None
    joined_on: date | None = None
    consent: bool = False
    consent_scope: str = ""
    remark: str = ""
    favourites: str = ""  # 最爱: what they like to order


@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    values: dict = field(default_factory=dict)

    @property
    def english(self) -> str:
        return ENGLISH[self.code].format(**self.values)


ENGLISH = {
    "name_missing": "a name or a nickname is needed",
    "too_long": "is too long ({length} characters; at most {limit})",
    "mobile_invalid": "{reason}",
    "mobile_taken": "already used by member {code} {name}",
    "gender_invalid": "gender must be 男/女 (M/F) or empty",
    "date_future": "date is in the future",
    "date_too_old": "date is before {year}",
    "joined_before_birth": "joined before being born",
    "referrer_missing": "the referrer does not exist",
    "referrer_self": "a member cannot refer themselves",
    "control_chars": "contains invisible control characters",
    "not_a_date": "is not a date (write it like 1995-08-16)",
    "unreadable": "{reason}",
    "duplicate_in_file": "has the same mobile as row {row}",
}


class MemberError(CodedError):
    """A member change refused (see CodedError)."""

    area = "members"


class MemberInvalid(MemberError):
    """Fields that do not pass `check`; each Problem is worded by the UI field by field."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("invalid", "; ".join(f"{p.field}: {p.english}" for p in problems),
                         problems=problems)


def clean_text(text: str) -> str:
    """Trim (full-width spaces too) and collapse runs of white space; keep emoji."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


# Unicode's control characters (category Cc: C0, DEL and C1): one regex search per field,
# not a category lookup per character (an import checks 100,000 rows of seven fields).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None


# The longest each text field may be once cleaned, and those where a control character is
# refused (a remark may hold line breaks).
LIMITS = {"name": MAX_NAME, "nickname": MAX_NICKNAME, "wechat_id": MAX_TEXT,
          "region": MAX_TEXT, "source": MAX_TEXT, "consent_scope": MAX_TEXT * 2,
          "remark": MAX_REMARK, "favourites": MAX_TEXT * 2}  # fmt: skip
CONTROL_CHECKED = frozenset(LIMITS) - {"remark"}


def check(
    s: Session,
    data: MemberInput,
    *,
    member_id: int | None = None,
    today: date | None = None,
    mobile_owner: Callable[[str], MobileOwner | None] | None = None,
) -> tuple[MemberInput, list[Problem]]:
    """The cleaned input and every problem with it (an empty list: it can be saved).

    `mobile_owner` looks up who already has a mobile; an import passes one that answers
    from memory instead of one query per row.
    """
    today = today or date.today()
    problems: list[Problem] = []
    clean = replace(
        data,
        name=clean_text(data.name),
        nickname=clean_text(data.nickname),
        wechat_id=clean_text(data.wechat_id).replace(" ", ""),
        region=clean_text(data.region),
        source=clean_text(data.source),
        consent_scope=clean_text(data.consent_scope),
        remark=(data.remark or "").strip(),
        favourites=clean_text(data.favourites),
    )
    if not clean.name and not clean.nickname:
        problems.append(Problem("name", "name_missing"))
    for name, limit in LIMITS.items():
        value = getattr(clean, name)
        if len(value) > limit:
            problems.append(Problem(name, "too_long", {"length": len(value), "limit": limit}))
        if name in CONTROL_CHECKED and has_control(value):
            problems.append(Problem(name, "control_chars"))

    mobile = ""
    if (data.mobile or "").strip():
        try:
            if data.mobile_foreign:
                mobile = phones.normalize_foreign(data.mobile)
            else:
                mobile = phones.normalize_mainland_mobile(data.mobile)
        except phones.PhoneError as exc:
            problems.append(
                Problem("mobile", "mobile_invalid",
                        {"reason": str(exc), "why": exc.code, **exc.values})
            )  # fmt: skip
    clean = replace(clean, mobile=mobile)
    if mobile:
        other = mobile_owner(mobile) if mobile_owner else find_by_mobile(s, mobile)
        if other is not None and other.id != member_id:
            problems.append(
                Problem("mobile", "mobile_taken",
                        {"code": other.code, "name": other.name or other.nickname,
                         "member_id": other.id})
            )  # fmt: skip

    if clean.gender not in GENDERS:
        problems.append(Problem("gender", "gender_invalid"))
    for name in ("birthday", "joined_on"):
        value = getattr(clean, name)
        if value is None:
            continue
        if value > today:
            problems.append(Problem(name, "date_future"))
        elif value.year < OLDEST_BIRTH_YEAR:
            problems.append(Problem(name, "date_too_old", {"year": OLDEST_BIRTH_YEAR}))
    if clean.birthday and clean.joined_on and clean.joined_on < clean.birthday:
        problems.append(Problem("joined_on", "joined_before_birth"))
    if clean.referrer_id is not None:
        if member_id is not None and clean.referrer_id == member_id:
            problems.append(Problem("referrer_id", "referrer_self"))
        elif s.get(Member, clean.referrer_id) is None:
            problems.append(Problem("referrer_id", "referrer_missing"))
    return clean, problems


def validate(store: Store, data: MemberInput, *, member_id: int | None = None) -> list[Problem]:
    """Problems with `data` as the form stands (for checking while the user types)."""
    with store.read() as s:
        return check(s, data, member_id=member_id)[1]


@dataclass(frozen=True)
class MobileOwner:
    id: MemberId
    code: str
    name: str
    nickname: str


def find_by_mobile(s: Session, mobile: str) -> MobileOwner | None:
    row = s.execute(
        select(Member.id, Member.code, Member.name, Member.nickname)
        .where(Member.mobile == mobile)
        .order_by(Member.id)
        .limit(1)
    ).first()
    return MobileOwner(MemberId(row.id), row.code, row.name, row.nickname) if row else None


def next_code(s: Session) -> str:
    """The code after the highest one in use (longer codes are higher serials)."""
    last = s.scalar(
        select(Member.code).order_by(func.length(Member.code).desc(), Member.code.desc()).limit(1)
    )
    return codes.make_code(codes.serial_of(last) + 1 if last else codes.FIRST_SERIAL)


def _columns(data: MemberInput, today: date) -> dict:
    values = {f.name: getattr(data, f.name) for f in fields(MemberInput)}
    consent = values.pop("consent")
    values["mobile"] = values["mobile"] or None
    values["joined_on"] = values["joined_on"] or today
    values["consent_at"] = datetime.now(UTC) if consent else None
    if not consent:
        values["consent_scope"] = ""
    return values


def create(store: Store, data: MemberInput, *, today: date | None = None) -> MemberId:
    """Add a member (and its search tokens) or raise MemberInvalid; nothing half-written."""
    today = today or date.today()
    with store.session() as s:
        clean, problems = check(s, data, today=today)
        if problems:
            raise MemberInvalid(problems)
        member = Member(code=next_code(s), **_columns(clean, today))
        s.add(member)
        s.flush()
        search.reindex(s, [member.id])
        coupons.on_event_in(s, "joined", member.id)  # a new-member coupon, if the shop wants
        return MemberId(member.id)


def change(store: Store, member_id: int, data: MemberInput, *, today: date | None = None) -> None:
    today = today or date.today()
    with store.session() as s:
        member = s.get(Member, member_id)
        if member is None:
            raise MemberError("gone", f"member {member_id} no longer exists")
        clean, problems = check(s, data, member_id=member_id, today=today)
        if problems:
            raise MemberInvalid(problems)
        values = _columns(clean, today)
        if clean.consent and member.consent_at is not None:
            values["consent_at"] = member.consent_at  # keep when consent was first given
        for name, value in values.items():
            setattr(member, name, value)
        s.flush()
        search.reindex(s, [member_id])


def set_archived(store: Store, member_ids: list[int], archived: bool) -> int:
    """Archive (or restore) members; returns how many changed."""
    now = datetime.now(UTC)
    with store.session() as s:
        result = s.execute(
            sql_update(Member)
            .where(Member.id.in_(member_ids), Member.archived.is_(not archived))
            .values(archived=archived, archived_at=now if archived else None, updated_at=now)
        )
        return result.rowcount or 0


def delete_archived(store: Store, member_ids: list[int]) -> int:
    """Delete members for good. Only archived members may be deleted (archiving first is the
    step that can be undone), and only those without visits or points: the ledger is never
    edited, so a member with history stays archived."""
    with store.session() as s:
        active = s.scalars(
            select(Member.code).where(Member.id.in_(member_ids), Member.archived.is_(False))
        ).all()
        if active:
            raise MemberError("not_archived", "archive these members before deleting them: "
                              + ", ".join(active), codes=", ".join(active))  # fmt: skip
        with_history = s.scalars(
            select(Member.code).where(
                Member.id.in_(member_ids),
                exists_where(Visit.member_id == Member.id)
                | exists_where(LedgerEntry.member_id == Member.id),
            ).order_by(Member.code)
        ).all()
        if with_history:
            raise MemberError(
                "has_history",
                f"{len(with_history)} of these members have visits or points, which the ledger "
                "keeps for good; leave them archived: " + ", ".join(with_history[:10]),
                count=len(with_history), codes=", ".join(with_history[:10]),
            )
        note_search.forget_members(s.connection(), member_ids)
        # Their notes, attendance and copies made days of contact: cleared with them.
        days = set().union(*(contact_days.member_days(s, m) for m in member_ids))
        result = s.execute(sql_delete(Member).where(Member.id.in_(member_ids)))
        contact_days.refresh(s, member_ids, days)
        return result.rowcount or 0
