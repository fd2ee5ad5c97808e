"""A member's rights under PIPL (个人信息保护法): to see everything the shop holds about
them, and to be erased (docs/ARCHITECTURE.md, "Trust").

`member_data` gathers it all: the profile and consent, tags, WeChat groups, visits, the
points ledger, activities and check-ins, notes, posts copied for them, coupons and draws
won. `export_data` writes it as JSON or .xlsx.

`erase` wipes the person and keeps the numbers: the name becomes a neutral placeholder and
the mobile, birthday, WeChat ID, nickname, region, remarks, favourites and consent are
removed, as are the texts of notes about them and of posts copied for them, and their
name or mobile wherever other text names them (a referrer's ledger reason, an attendance
remark, another member's note, a visit's remark). Visits, ledger entries, attendance and
coupons stay, anonymous, so every total and every balance stays right and `check` passes.
The audit log names the member by code only. Backups made before keep the old data until
their rotation replaces them; a copy is made just before the erase (backup.before_bulk).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Text, select, type_coerce, update
from sqlalchemy.orm import Session

from sqdesk.core import audit, backup, note_search, search
from sqdesk.core.errors import CodedError
from sqdesk.core.models import Activity as ActivityRow
from sqdesk.core.models import (
    Attendance,
    CheckIn,
    Coupon,
    CouponType,
    Draw,
    DrawWinner,
    GroupMembership,
    LedgerEntry,
    Member,
    MemberTag,
    Note,
    PostCopy,
    Tag,
    Visit,
    WechatGroup,
)
from sqdesk.core.store import Store

PLACEHOLDER = "已抹除会员"  # an erased member's name: says what happened, names nobody
SOMEONE = "某会员"  # what replaces their name in other text
ERASED_TEXT = "（已抹除）"  # what a note or a post copied for them says after the erase
_MIN_NAME = 2  # a single character is too common to replace in other text


class PiplError(CodedError):
    """A data request refused (see CodedError)."""

    area = "pipl"


def _iso(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date | datetime) else str(value)


def _member(s: Session, member_id: int) -> Member:
    m = s.get(Member, member_id)
    if m is None:
        raise PiplError("no_member", "the member does not exist")
    return m


def member_data(store: Store, member_id: int) -> dict:
    """Everything sqdesk holds about the member, as plain values (dates as ISO text, money
    in yuan)."""
    with store.read() as s:
        m = _member(s, member_id)
        referrer = s.get(Member, m.referrer_id) if m.referrer_id else None
        profile = {
            "code": m.code, "name": m.name, "nickname": m.nickname, "mobile": m.mobile,
            "wechat_id": m.wechat_id, "gender": m.gender, "birthday": _iso(m.birthday),
            "birthday_lunar": m.birthday_lunar, "region": m.region, "source": m.source,
            "referrer_code": referrer.code if referrer else None,
            "joined_on": _iso(m.joined_on), "favourites": m.favourites, "remark": m.remark,
            "archived": m.archived, "created_at": _iso(m.created_at),
            "erased_at": _iso(m.erased_at),
        }  # fmt: skip
        consent = {"given_at": _iso(m.consent_at), "scope": m.consent_scope}
        tags = list(s.scalars(select(Tag.name).join(MemberTag, MemberTag.tag_id == Tag.id)
                              .where(MemberTag.member_id == member_id).order_by(Tag.name)))
        groups = [{"group": g, "joined_on": _iso(j), "left_on": _iso(lft)} for g, j, lft in
                  s.execute(select(WechatGroup.name, GroupMembership.joined_on,
                                   GroupMembership.left_on)
                            .join(WechatGroup, WechatGroup.id == GroupMembership.group_id)
                            .where(GroupMembership.member_id == member_id)
                            .order_by(GroupMembership.joined_on))]  # fmt: skip
        visits = [{"at": _iso(v.at), "paid": v.amount_cents / 100,
                   "discount": v.discount_cents / 100, "channel": v.channel,
                   "remark": v.remark, "undone": v.voided}
                  for v in s.scalars(select(Visit).where(Visit.member_id == member_id)
                                     .order_by(Visit.at))]  # fmt: skip
        ledger = [{"at": _iso(e.at), "kind": e.kind, "points": e.amount, "reason": e.reason,
                   "expires_on": _iso(e.expires_on)}
                  for e in s.scalars(select(LedgerEntry).where(LedgerEntry.member_id ==
                                                               member_id)
                                     .order_by(LedgerEntry.at, LedgerEntry.id))]  # fmt: skip
        attendance = [{"activity": t, "date": _iso(d), "remark": n} for t, d, n in s.execute(
            select(ActivityRow.title, Attendance.occurrence_date, Attendance.note)
            .join(ActivityRow, ActivityRow.id == Attendance.activity_id)
            .where(Attendance.member_id == member_id)
            .order_by(Attendance.occurrence_date))]  # fmt: skip
        check_ins = [_iso(d) for d in s.scalars(select(CheckIn.day).where(
            CheckIn.member_id == member_id).order_by(CheckIn.day))]  # fmt: skip
        notes = [{"at": _iso(n.at), "kind": n.kind, "text": n.text,
                  "follow_up_at": _iso(n.follow_up_at), "outcome": n.outcome}
                 for n in s.scalars(select(Note).where(Note.member_id == member_id)
                                    .order_by(Note.at))]  # fmt: skip
        posts = [{"at": _iso(c.copied_at), "template": c.template_name, "text": c.text}
                 for c in s.scalars(select(PostCopy).where(
                     PostCopy.rendered_for == f"member:{member_id}")
                     .order_by(PostCopy.copied_at))]  # fmt: skip
        coupons = [{"code": c.code, "type": t, "issued_at": _iso(c.issued_at),
                    "expires_on": _iso(c.expires_on), "used_at": _iso(c.used_at)}
                   for c, t in s.execute(select(Coupon, CouponType.name)
                                         .join(CouponType, CouponType.id == Coupon.type_id)
                                         .where(Coupon.member_id == member_id)
                                         .order_by(Coupon.issued_at))]  # fmt: skip
        draws = [{"draw": t, "at": _iso(a)} for t, a in s.execute(
            select(Draw.title, Draw.at).join(DrawWinner, DrawWinner.draw_id == Draw.id)
            .where(DrawWinner.member_id == member_id).order_by(Draw.at))]  # fmt: skip
    return {"exported_at": _iso(datetime.now(UTC)), "member": profile, "consent": consent,
            "tags": tags, "groups": groups, "visits": visits, "ledger": ledger,
            "attendance": attendance, "check_ins": check_ins, "notes": notes,
            "posts_copied": posts, "coupons": coupons, "draws_won": draws}  # fmt: skip


def export_data(store: Store, member_id: int, path: Path) -> int:
    """Write the member's data to `path` (.json, or .xlsx with a sheet per part); returns
    how many records. A folder that does not exist is refused; nothing half-written."""
    path = Path(path)
    if not path.parent.is_dir():
        raise PiplError("no_folder", f"the folder {path.parent} does not exist",
                        folder=str(path.parent))  # fmt: skip
    data = member_data(store, member_id)
    tmp = path.with_name(path.name + ".part")
    try:
        if path.suffix.lower() == ".xlsx":
            _write_xlsx(tmp, data)
        else:
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PiplError("cannot_write", f"cannot write {path}: {exc.strerror or exc}",
                        path=str(path)) from exc  # fmt: skip
    records = sum(len(v) for v in data.values() if isinstance(v, list)) + 1
    if not store.read_only:
        audit.record_now(store, "export_data", detail=f"member {data['member']['code']}",
                         rows=records, file=path.name)  # fmt: skip
    return records


def _write_xlsx(path: Path, data: dict) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    for part, value in data.items():
        if part == "exported_at":
            continue
        sheet = book.add_worksheet(part[:31])
        rows = value if isinstance(value, list) else [value]
        if rows and not isinstance(rows[0], dict):
            rows = [{part: v} for v in rows]
        keys = list(rows[0]) if rows else [part]
        sheet.write_row(0, 0, keys)
        for r, row in enumerate(rows, start=1):
            sheet.write_row(r, 0, ["" if row.get(k) is None else row.get(k) for k in keys])
    book.close()


# --- erasing ---------------------------------------------------------------------------------


def erase(store: Store, member_id: int, *, now: datetime | None = None) -> str:
    """Erase the person, keep the numbers (see the module's text); returns the member's
    code. An unknown or already erased member is refused."""
    now = now or datetime.now(UTC)
    with store.read() as s:
        if _member(s, member_id).erased_at is None:
            backup.before_bulk(store, "erase")  # the erase can be undone by a restore
    with store.session() as s:
        m = _member(s, member_id)
        if m.erased_at is not None:
            raise PiplError("already_erased", f"member {m.code} was erased already",
                            member_code=m.code)  # fmt: skip
        code = m.code
        names = [n for n in {m.name, m.nickname, m.mobile or ""} if len(n) >= _MIN_NAME]
        conn = s.connection()
        # Their own texts: notes (and the note search's index of them), posts copied.
        own = s.execute(select(Note.id, Note.text).where(Note.member_id == member_id)).all()
        for note_id, old in own:
            note_search.index(conn, note_id, ERASED_TEXT, old_text=old)
        s.execute(update(Note).where(Note.member_id == member_id)
                  .values(text=ERASED_TEXT, outcome=""))  # fmt: skip
        s.execute(update(PostCopy).where(PostCopy.rendered_for == f"member:{member_id}")
                  .values(text=ERASED_TEXT, label=""))  # fmt: skip
        s.execute(update(Attendance).where(Attendance.member_id == member_id).values(note=""))
        s.execute(update(Visit).where(Visit.member_id == member_id).values(remark=""))
        for name in names:
            _unname(s, name)
        m.name, m.nickname, m.mobile, m.mobile_foreign = PLACEHOLDER, "", None, False
        m.wechat_id, m.gender, m.birthday, m.birthday_lunar = "", "", None, False
        m.region, m.remark, m.favourites, m.source = "", "", "", ""
        m.consent_at, m.consent_scope, m.hide_from_boards = None, "", True
        if not m.archived:
            m.archived, m.archived_at = True, now
        m.erased_at = now
        s.flush()
        search.reindex(s, [member_id])  # their name and mobile leave the search index
        audit.record(s, "erase", detail=f"member {code}", rows=1)
    return code


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _unname(s: Session, name: str) -> None:
    """Replace `name` wherever other text holds it with SOMEONE."""
    pattern = _like(name)
    for model, column in ((Attendance, Attendance.note), (Visit, Visit.remark),
                          (PostCopy, PostCopy.text), (PostCopy, PostCopy.label),
                          (Note, Note.outcome)):  # fmt: skip
        s.execute(update(model).where(column.like(pattern, escape="\\"))
                  .values({column.key: _replace(column, name)})
                  .execution_options(synchronize_session=False))  # fmt: skip
    # A reason may be kept short (core/compact_types.py): the name is among the words kept
    # as they are, so the LIKE on the stored text finds it; the reason is then changed as
    # read back and written through its type again, never the short form's text itself.
    stored = type_coerce(LedgerEntry.reason, Text)
    for entry_id, old in s.execute(select(LedgerEntry.id, LedgerEntry.reason)
                                   .where(stored.like(pattern, escape="\\"))).all():
        s.execute(update(LedgerEntry).where(LedgerEntry.id == entry_id)
                  .values(reason=old.replace(name, SOMEONE)))  # fmt: skip
    conn = s.connection()
    for note_id, old in s.execute(select(Note.id, Note.text)
                                  .where(Note.text.like(pattern, escape="\\"))).all():
        new = old.replace(name, SOMEONE)
        note_search.index(conn, note_id, new, old_text=old)
        s.execute(update(Note).where(Note.id == note_id).values(text=new))


def _replace(column, name: str):
    from sqlalchemy import func

    return func.replace(column, name, SOMEONE)


# --- keeping data no longer than needed ----------------------------------------------------------


def inactive(store: Store, days: int, *, today: date | None = None) -> list[int]:
    """Members (not erased) with no contact of any kind (sqdesk.core.contacts) for more than
    `days` days, who joined before that: for the shop to review (erase, or keep with a
    reason) under its retention setting. Longest quiet first."""
    from datetime import timedelta

    from sqlalchemy import String, cast, func, literal

    today = today or date.today()
    cutoff = today - timedelta(days=days)
    start = datetime.combine(cutoff + timedelta(days=1), datetime.min.time()).astimezone(UTC)
    for_member = literal("member:", String) + cast(Member.id, String)
    recent = [
        select(Visit.id).where(Visit.member_id == Member.id, Visit.voided.is_(False),
                               Visit.at >= start).exists(),
        select(Note.id).where(Note.member_id == Member.id, Note.at >= start).exists(),
        select(Attendance.member_id).where(Attendance.member_id == Member.id,
                                           Attendance.occurrence_date > cutoff).exists(),
        select(PostCopy.id).where(PostCopy.rendered_for == for_member,
                                  PostCopy.copied_at >= start).exists(),
    ]  # fmt: skip
    last_visit = (select(func.max(Visit.at)).where(Visit.member_id == Member.id)
                  .scalar_subquery())  # fmt: skip
    query = (select(Member.id).where(Member.erased_at.is_(None), Member.joined_on <= cutoff,
                                     *[~r for r in recent])
             .order_by(last_visit.asc().nulls_first(), Member.id))  # fmt: skip
    with store.read() as s:
        return list(s.scalars(query))


def retention_days(store: Store) -> int:
    from sqdesk.core import shop_settings

    return int(shop_settings.values(store)["privacy.retention_days"] or 0)
