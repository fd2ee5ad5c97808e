"""Moving a shop from its SQLite file to a PostgreSQL server (`sqdesk-cli migrate-to URL`),
when it grows to several PCs.

The target is made by the migrations (the same schema as a new store) and must be empty.
Every table is copied in the order the foreign keys need, ids kept, in one transaction on
the target: all of it or nothing. Then the id sequences catch up, the note search index is
built the PostgreSQL way, and the copy is verified: every table's row count, every
member's balance against the source and against the target's own ledger, and `check`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, text

from sqdesk.core import note_search
from sqdesk.core.check import run_checks
from sqdesk.core.errors import CodedError
from sqdesk.core.jobs import Progress, no_progress
from sqdesk.core.models import Base, LedgerEntry, Member, MemberPoints, Note
from sqdesk.core.store import Store, sync_id_sequence

CHUNK = 5000


class MigrateError(CodedError):
    """A move to PostgreSQL refused (see CodedError)."""

    area = "store"


@dataclass(frozen=True)
class Moved:
    tables: int
    rows: int
    members: int


def migrate_to(source: Store, target: Store, *, progress: Progress = no_progress) -> Moved:
    if not source.is_sqlite:
        raise MigrateError("not_sqlite_source", "the store to move is not a SQLite file")
    if target.is_sqlite:
        raise MigrateError("not_postgresql", "the target is not a PostgreSQL server")
    with target.read() as t:
        if t.scalar(select(func.count(Member.id))):
            raise MigrateError("target_not_empty", "the PostgreSQL database already holds "
                               "members: move into an empty one")  # fmt: skip
    tables = [tb for tb in Base.metadata.sorted_tables]
    total = 0
    with source.read() as s:
        counts = {tb.name: s.scalar(select(func.count()).select_from(tb)) for tb in tables}
    grand = sum(counts.values()) or 1
    with target.session() as t, source.read() as s:
        conn = t.connection()
        # The target's own settings and built-ins (coupon types, posts) give way to the
        # shop's: the copy is the shop as it is.
        for tb in reversed(tables):
            conn.execute(tb.delete())
        referrers: list[dict] = []
        for tb in tables:
            result = s.execute(select(tb).order_by(*tb.primary_key.columns)).mappings()
            while rows := [dict(r) for r in result.fetchmany(CHUNK)]:
                if tb.name == "member":  # a referrer may come after the member: set later
                    referrers += [{"i": r["id"], "r": r["referrer_id"]} for r in rows
                                  if r["referrer_id"] is not None]  # fmt: skip
                    rows = [r | {"referrer_id": None} for r in rows]
                conn.execute(tb.insert(), rows)
                total += len(rows)
                progress(total, grand)
            if tb.name == "member" and referrers:
                conn.execute(text("UPDATE member SET referrer_id = :r WHERE id = :i"), referrers)
            if "id" in tb.c:  # the next id the server hands out follows the copied ones
                sync_id_sequence(t, tb.name)
        notes = s.execute(select(Note.id, Note.text)).all()
        for start in range(0, len(notes), CHUNK):
            note_search.index_many(conn, [tuple(n) for n in notes[start : start + CHUNK]])
    problems = verify(source, target, counts)
    if problems:
        raise MigrateError("verify_failed", f"the copy differs: {problems[0]}",
                           detail=problems[0])  # fmt: skip
    return Moved(len(tables), total, counts.get("member", 0))


def verify(source: Store, target: Store, counts: dict[str, int]) -> list[str]:
    out = []
    with target.read() as t:
        for name, n in counts.items():
            got = t.execute(text(f'SELECT count(*) FROM "{name}"')).scalar()
            if got != n:
                out.append(f"{name}: {got} rows, {n} in the file")
        kept = dict(t.execute(select(MemberPoints.member_id, MemberPoints.balance)).all())
        summed = dict(t.execute(select(LedgerEntry.member_id, func.sum(LedgerEntry.amount))
                                .group_by(LedgerEntry.member_id)).all())  # fmt: skip
    with source.read() as s:
        before = dict(s.execute(select(MemberPoints.member_id, MemberPoints.balance)).all())
    for member_id, balance in before.items():
        if kept.get(member_id) != balance or int(summed.get(member_id, 0) or 0) != balance:
            out.append(f"member {member_id}: balance {kept.get(member_id)} (ledger "
                       f"{summed.get(member_id)}), {balance} in the file")  # fmt: skip
            break
    out += [f"{p.check}: {p.detail}" for p in run_checks(target)]
    return out
