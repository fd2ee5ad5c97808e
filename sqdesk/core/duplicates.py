"""Finding members entered twice, and merging two into one without losing history.

Likely duplicates: the same mobile; the same name and birthday; the same name and a
similar nickname ("Lily🌸" and "lily"). A merge moves every row that points at the merged
member (referrals now, and the ledger, visits and notes of later features, found through
the foreign keys) to the survivor, fills the survivor's empty fields, and deletes the
merged member, all in one transaction.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select, tuple_, update

from sqdesk.core import audit, backup, contact_days, groups, ledger, member_stats, search
from sqdesk.core.jobs import Cancelled, ShouldStop, never_stop, stoppable
from sqdesk.core.member_edit import MemberError
from sqdesk.core.models import Base, Member, MemberId, MemberToken
from sqdesk.core.store import Store

MAX_GROUPS = 1000


@dataclass(frozen=True)
class DuplicateGroup:
    reason: str  # "mobile" | "name_birthday" | "name_nickname"
    key: str  # what they share, for display
    member_ids: tuple[MemberId, ...]


def _plain(text: str) -> str:
    """Nickname for comparing: letters and digits only, case and width folded."""
    t = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in t if ch.isalnum())


def _similar(a: str, b: str) -> bool:
    pa, pb = _plain(a), _plain(b)
    if not pa or not pb:
        return False
    if pa == pb:
        return True
    short, long_ = sorted((pa, pb), key=len)
    return len(short) >= 2 and short in long_


def find_duplicates(store: Store, *, limit: int = MAX_GROUPS) -> list[DuplicateGroup]:
    groups: list[DuplicateGroup] = []
    seen: set[frozenset[int]] = set()

    def add(reason: str, key: str, ids: list[int]) -> None:
        members = frozenset(ids)
        if len(members) > 1 and members not in seen and len(groups) < limit:
            seen.add(members)
            groups.append(DuplicateGroup(reason, key, tuple(MemberId(i) for i in sorted(ids))))

    active = Member.archived.is_(False)
    with store.read() as s:
        dup_mobiles = (
            select(Member.mobile).where(Member.mobile.is_not(None), active)
            .group_by(Member.mobile).having(func.count() > 1)
        )  # fmt: skip
        by_mobile: dict[str, list[int]] = {}
        for mid, mobile in s.execute(
            select(Member.id, Member.mobile).where(Member.mobile.in_(dup_mobiles), active)
        ):
            by_mobile.setdefault(mobile, []).append(mid)
        for mobile, ids in by_mobile.items():
            add("mobile", mobile, ids)

        dup_name_bday = (
            select(Member.name, Member.birthday)
            .where(Member.name != "", Member.birthday.is_not(None), active)
            .group_by(Member.name, Member.birthday).having(func.count() > 1)
        ).subquery()  # fmt: skip
        by_name_bday: dict[tuple[str, date], list[int]] = {}
        for mid, name, birthday in s.execute(
            select(Member.id, Member.name, Member.birthday)
            .join(
                dup_name_bday,
                (Member.name == dup_name_bday.c.name)
                & (Member.birthday == dup_name_bday.c.birthday),
            )
            .where(active)
        ):
            by_name_bday.setdefault((name, birthday), []).append(mid)
        for (name, birthday), ids in by_name_bday.items():
            add("name_birthday", f"{name} {birthday.isoformat()}", ids)

        names_with_nick = (
            select(Member.name).where(Member.name != "", Member.nickname != "", active)
            .group_by(Member.name).having(func.count() > 1)
        )  # fmt: skip
        by_name: dict[str, list[tuple[int, str]]] = {}
        for mid, name, nickname in s.execute(
            select(Member.id, Member.name, Member.nickname).where(
                Member.name.in_(names_with_nick), Member.nickname != "", active
            )
        ):
            by_name.setdefault(name, []).append((mid, nickname))
        for name, people in by_name.items():
            for i, (a, nick_a) in enumerate(people):
                similar = [b for b, nick_b in people[i + 1 :] if _similar(nick_a, nick_b)]
                if similar:
                    add("name_nickname", f"{name} {nick_a}", [a, *similar])
    return groups


_FILLABLE = ("name", "nickname", "mobile", "wechat_id", "gender", "birthday", "region",
             "source", "referrer_id", "consent_scope", "favourites")  # fmt: skip


def merge_into(store: Store, *, survivor_id: int, merged_ids: list[int],
               should_stop: ShouldStop = never_stop,
               today: date | None = None) -> list[int]:  # fmt: skip
    """Fold each of `merged_ids` into `survivor_id`, after one copy of the store (seconds on
    a big one): a stop asked for while it is made merges nobody (Cancelled). Each merge is
    its own transaction and is not stopped midway; a stop between two ends the batch.
    Returns those merged."""
    backup.before_bulk(store, "merge")
    done: list[int] = []
    with stoppable(never_stop):  # a merge is short: only between two is a stop heard
        for merged_id in merged_ids:
            if should_stop():
                if not done:
                    raise Cancelled()
                break
            merge(store, survivor_id=survivor_id, merged_id=merged_id, today=today,
                  copy_first=False)  # fmt: skip
            done.append(merged_id)
    return done


def merge(store: Store, *, survivor_id: int, merged_id: int, today: date | None = None,
          copy_first: bool = True) -> None:  # fmt: skip
    """Fold `merged_id` into `survivor_id`: every history row moves, nothing is lost. A
    copy of the store is made first, unless the caller made one (merge_into)."""
    if survivor_id == merged_id:
        raise MemberError("merge_self", "a member cannot be merged into themselves")
    if copy_first:
        backup.before_bulk(store, "merge")
    today = today or date.today()
    with store.session() as s:
        survivor = s.get(Member, survivor_id)
        merged = s.get(Member, merged_id)
        if survivor is None or merged is None:
            raise MemberError("gone", "one of the members no longer exists")
        who = f"{merged.code} {merged.name or merged.nickname}"
        note = f"[合并] {today.isoformat()} 并入会员 {who}"
        for name in _FILLABLE:
            if getattr(survivor, name) in (None, "") and getattr(merged, name) not in (None, ""):
                value = getattr(merged, name)
                if name == "referrer_id" and value == survivor_id:
                    continue
                setattr(survivor, name, value)
        if merged.birthday_lunar and survivor.birthday == merged.birthday:
            survivor.birthday_lunar = True
        survivor.joined_on = min(survivor.joined_on, merged.joined_on)
        consents = [c for c in (survivor.consent_at, merged.consent_at) if c is not None]
        survivor.consent_at = min(consents) if consents else None
        remarks = [r for r in (survivor.remark, merged.remark, note) if r]
        survivor.remark = "\n".join(remarks)
        if survivor.referrer_id == merged_id:
            survivor.referrer_id = merged.referrer_id if merged.referrer_id != survivor_id else None
        s.flush()
        ledger.take_over_balance(s, survivor_id=survivor_id, merged_id=merged_id, today=today)
        days = contact_days.member_days(s, merged_id)  # the survivor's from now on
        _repoint_history(s, old=merged_id, new=survivor_id)
        groups.tidy_after_merge(s, survivor_id)
        audit.record(s, "merge", detail=f"member {merged.code} into {survivor.code}", rows=2)
        s.execute(delete(Member).where(Member.id == merged_id))
        s.flush()
        search.reindex(s, [survivor_id])
        member_stats.refresh_member(s, survivor_id)  # the merged member's visits moved
        contact_days.refresh(s, [survivor_id, merged_id], days)


def _repoint_history(s, *, old: int, new: int) -> None:
    """Every foreign key to member.id now points at the survivor (derived tables aside)."""
    member_table = Member.__table__
    for table in Base.metadata.sorted_tables:
        if table is MemberToken.__table__:
            continue  # derived: rebuilt for the survivor
        for fk in table.foreign_keys:
            if fk.column.table is not member_table:
                continue
            column = fk.parent
            if column.primary_key:
                # Keyed by member (a tag, a check-in day, an attendance): where both have the
                # same row it would collide, and the survivor's copy stays.
                others = [c for c in table.primary_key.columns if c is not column]
                mine = select(*others).where(column == new)
                if others:
                    s.execute(delete(table).where(column == old, tuple_(*others).in_(mine)))
                else:  # one row per member, derived (figures, the latest contact): the
                    # survivor's are worked out again below, the balance was taken over
                    s.execute(delete(table).where(column == old))
            stmt = update(table).where(column == old).values({column.name: new})
            if table is member_table:
                stmt = stmt.where(table.c.id != new)  # nobody refers themselves
            s.execute(stmt)
