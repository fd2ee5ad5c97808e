"""Tags in tag groups, and tagging members in bulk (issue 5, core; the UI comes next).

Names are unique with case, width and spaces folded ("VIP" = "ｖｉｐ" = " v i p"). Tagging
10,000 selected members is one short transaction. Deleting a tag returns what is needed
to undo it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, func, insert, literal, select, update

from sqdesk.core import audit, backup, prepared
from sqdesk.core.errors import CodedError
from sqdesk.core.models import Member, MemberTag, Tag, TagGroup, UTCDateTime
from sqdesk.core.sql_exists import exists_where
from sqdesk.core.store import Store

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


class TagError(CodedError):
    """A tag change refused (see CodedError)."""

    area = "tags"


BULK = 20  # tagging more members than this at once goes in the audit log
BACKUP_ABOVE = 1000  # ... and more than this gets a backup copy first


def fold(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


def _clean(name: str, what: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", name or "").split())
    if not text:
        raise TagError("empty", f"a {what} needs a name")
    if len(text) > 30:
        raise TagError("too_long", f"a {what} name has at most 30 characters")
    return text


@dataclass(frozen=True)
class TagInfo:
    id: int
    group_id: int
    group: str
    exclusive: bool
    name: str
    color: str
    members: int


def create_group(store: Store, name: str, *, exclusive: bool = False) -> int:
    text = _clean(name, "tag group")
    with store.session() as s:
        if s.scalar(select(TagGroup.id).where(TagGroup.name_key == fold(text))):
            raise TagError("exists", f"a tag group named {text} exists already", name=text)
        position = (s.scalar(select(func.max(TagGroup.position))) or 0) + 1
        group = TagGroup(name=text, name_key=fold(text), exclusive=exclusive, position=position)
        s.add(group)
        s.flush()
        return group.id


def create_tag(store: Store, group_id: int, name: str, *, color: str = "#2e7d5b") -> int:
    text = _clean(name, "tag")
    if not _COLOR.fullmatch(color):
        raise TagError("bad_color", "a colour looks like #2e7d5b")
    with store.session() as s:
        if s.get(TagGroup, group_id) is None:
            raise TagError("no_group", "the tag group does not exist")
        if s.scalar(select(Tag.id).where(Tag.name_key == fold(text))):
            raise TagError("exists", f"a tag named {text} exists already", name=text)
        position = (s.scalar(select(func.max(Tag.position))) or 0) + 1
        tag = Tag(group_id=group_id, name=text, name_key=fold(text), color=color,
                  position=position)  # fmt: skip
        s.add(tag)
        s.flush()
        return tag.id


def rename_tag(store: Store, tag_id: int, name: str) -> None:
    text = _clean(name, "tag")
    with store.session() as s:
        other = s.scalar(select(Tag.id).where(Tag.name_key == fold(text)))
        if other is not None and other != tag_id:
            raise TagError("exists", f"a tag named {text} exists already", name=text)
        s.execute(update(Tag).where(Tag.id == tag_id).values(name=text, name_key=fold(text)))


def recolor_tag(store: Store, tag_id: int, color: str) -> None:
    if not _COLOR.fullmatch(color):
        raise TagError("bad_color", "a colour looks like #2e7d5b")
    with store.session() as s:
        s.execute(update(Tag).where(Tag.id == tag_id).values(color=color))


def list_tags(store: Store) -> list[TagInfo]:
    """Every tag with its group and live member count, in display order."""
    counts = select(MemberTag.tag_id, func.count().label("n")).group_by(MemberTag.tag_id).subquery()
    query = (
        select(Tag.id, Tag.group_id, TagGroup.name, TagGroup.exclusive, Tag.name, Tag.color,
               func.coalesce(counts.c.n, 0))
        .join(TagGroup, TagGroup.id == Tag.group_id)
        .outerjoin(counts, counts.c.tag_id == Tag.id)
        .order_by(TagGroup.position, Tag.position)
    )  # fmt: skip
    with store.read() as s:
        return [TagInfo(*row) for row in s.execute(query)]


def add_tag(store: Store, member_ids: Sequence[int], tag_id: int, *,
            copy_first: bool = True) -> int:  # fmt: skip
    """Tag these members (those who have it already are left alone); returns how many
    were added. In an exclusive group a member's other tag of that group is replaced.
    Tagging more than BACKUP_ABOVE copies the store first, unless the tagging puts back
    what was there (`copy_first=False`: undoing a tag's deletion)."""
    ids = list(dict.fromkeys(member_ids))
    if copy_first and len(ids) > BACKUP_ABOVE:
        backup.before_bulk(store, "bulk-tag")
    with store.session() as s:
        tag = s.get(Tag, tag_id)
        if tag is None:
            raise TagError("no_tag", "the tag does not exist")
        group = s.get(TagGroup, tag.group_id)
        siblings = (
            select(Tag.id).where(Tag.group_id == tag.group_id, Tag.id != tag_id)
            if group is not None and group.exclusive else None
        )  # fmt: skip
        now = datetime.now(UTC)
        conn = s.connection()
        # The members bound as one JSON array (prepared.in_ids), as remove_tag does: one
        # statement whatever their count, no 10,000 parameters for SQLAlchemy to render.
        dialect, chosen = conn.dialect.name, {"ids": json.dumps(ids)}
        if siblings is not None:
            s.execute(delete(MemberTag).where(
                prepared.in_ids(MemberTag.member_id, "ids", dialect),
                MemberTag.tag_id.in_(siblings)), chosen)  # fmt: skip
        # One INSERT .. SELECT: the members not tagged yet are found and tagged in SQL, with
        # one timestamp bound once (not 10,000 rows of parameters converted one by one).
        table = MemberTag.__table__
        fresh = select(Member.id, literal(tag_id), literal(now, UTCDateTime())).where(
            prepared.in_ids(Member.id, "ids", dialect),
            ~exists_where(table.c.member_id == Member.id, table.c.tag_id == tag_id))
        tagging = insert(table).from_select(["member_id", "tag_id", "created_at"], fresh)
        if dialect == "sqlite":  # its driver counts the rows: 10,000 ids read back cost 5 ms
            added = conn.execute(tagging, chosen).rowcount
        else:  # PostgreSQL's driver gives -1 for this: the tagged ids come back instead
            added = len(conn.execute(tagging.returning(table.c.member_id), chosen).all())
        if len(ids) > BULK:
            audit.record(s, "bulk_tag", detail=f"tag {tag_id} added", rows=added)
    return added


def remove_tag(store: Store, member_ids: Sequence[int], tag_id: int) -> int:
    ids = list(dict.fromkeys(member_ids))
    if len(ids) > BACKUP_ABOVE:
        backup.before_bulk(store, "bulk-tag")
    with store.session() as s:
        dialect = s.connection().dialect.name
        result = s.execute(delete(MemberTag).where(
            MemberTag.tag_id == tag_id, prepared.in_ids(MemberTag.member_id, "ids", dialect)),
            {"ids": json.dumps(ids)})  # fmt: skip
        removed = result.rowcount or 0
        if len(ids) > BULK:
            audit.record(s, "bulk_tag", detail=f"tag {tag_id} removed", rows=removed)
    return removed


def tags_of(store: Store, member_id: int) -> list[TagInfo]:
    mine = set()
    with store.read() as s:
        mine = set(s.scalars(select(MemberTag.tag_id).where(MemberTag.member_id == member_id)))
    return [t for t in list_tags(store) if t.id in mine]


def merge_tags(store: Store, *, source_id: int, target_id: int) -> int:
    """Everyone tagged `source` gets `target`; `source` goes. Returns members moved."""
    if source_id == target_id:
        raise TagError("same", "a tag cannot be merged into itself")
    with store.session() as s:
        if s.get(Tag, source_id) is None or s.get(Tag, target_id) is None:
            raise TagError("no_tag", "the tag does not exist")
        already = select(MemberTag.member_id).where(MemberTag.tag_id == target_id)
        moved = s.execute(
            update(MemberTag).where(MemberTag.tag_id == source_id,
                                    MemberTag.member_id.not_in(already))
            .values(tag_id=target_id)
        ).rowcount or 0  # fmt: skip
        s.execute(delete(MemberTag).where(MemberTag.tag_id == source_id))
        s.execute(delete(Tag).where(Tag.id == source_id))
        return moved


@dataclass(frozen=True)
class DeletedTag:
    """Everything needed to put a deleted tag back (Undo)."""

    group_id: int
    name: str
    color: str
    position: int
    member_ids: tuple[int, ...]


def delete_tag(store: Store, tag_id: int) -> DeletedTag:
    with store.session() as s:
        tag = s.get(Tag, tag_id)
        if tag is None:
            raise TagError("no_tag", "the tag does not exist")
        members = tuple(s.scalars(select(MemberTag.member_id).where(MemberTag.tag_id == tag_id)))
        undo = DeletedTag(tag.group_id, tag.name, tag.color, tag.position, members)
        s.execute(delete(MemberTag).where(MemberTag.tag_id == tag_id))
        s.delete(tag)
        return undo


def undelete_tag(store: Store, undo: DeletedTag) -> int:
    tag_id = create_tag(store, undo.group_id, undo.name, color=undo.color)
    with store.session() as s:
        s.execute(update(Tag).where(Tag.id == tag_id).values(position=undo.position))
    # What the deletion took away, put back: no copy of the store first (the deletion made
    # none either), which took 3 s of a 30,000-member undo on the big store.
    add_tag(store, undo.member_ids, tag_id, copy_first=False)
    return tag_id


@dataclass(frozen=True)
class GroupInfo:
    id: int
    name: str
    exclusive: bool


def list_groups(store: Store) -> list[GroupInfo]:
    with store.read() as s:
        return [GroupInfo(g.id, g.name, g.exclusive)
                for g in s.scalars(select(TagGroup).order_by(TagGroup.position))]  # fmt: skip


_NAMES_AND_COLOURS = prepared.Prepared(lambda _d: select(Tag.id, Tag.name, Tag.color))


def names_and_colours(store: Store) -> dict[int, tuple[str, str]]:
    """Every tag's name and colour, without counting members (the roster reloads this on
    every search keystroke: prepared once, core/prepared.py)."""
    with store.read() as s:
        return {i: (n, c) for i, n, c in _NAMES_AND_COLOURS.rows(s.connection())}


# The roster reads a block's tags when it paints the block: built and compiled once.
_TAGS_OF = prepared.Prepared(lambda dialect: (
    select(MemberTag.member_id, MemberTag.tag_id)
    .join(Tag, Tag.id == MemberTag.tag_id)
    .where(prepared.in_ids(MemberTag.member_id, "ids", dialect))
    .order_by(Tag.position, Tag.id)), lists=("ids",))  # fmt: skip


def tag_ids_by_member(store: Store, member_ids: Sequence[int]) -> dict[int, list[int]]:
    """Each member's tag ids in display order (for the roster's chips; one query a block)."""
    out: dict[int, list[int]] = {}
    if not member_ids:
        return out
    with store.read() as s:
        for member_id, tag_id in _TAGS_OF.rows(s.connection(), ids=member_ids):
            out.setdefault(member_id, []).append(tag_id)
    return out


def names_by_member(store: Store, member_ids: Sequence[int]) -> dict[int, list[str]]:
    names = {i: n for i, (n, _c) in names_and_colours(store).items()}
    return {m: [names[t] for t in tag_ids if t in names]
            for m, tag_ids in tag_ids_by_member(store, member_ids).items()}  # fmt: skip
