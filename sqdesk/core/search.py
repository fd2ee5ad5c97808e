"""Search-as-you-type over members: a token index the core keeps current, queried in SQL.

Every member has a few short tokens in `member_token`, each starting with a letter that says
what it is. A query becomes a handful of prefix ranges on the (token, member_id) primary
key, so any query length, Chinese or pinyin, is an index range scan, on SQLite and
PostgreSQL alike (FTS5's trigram tokenizer cannot match the 2-character queries most
Chinese names need, docs/ARCHITECTURE.md, "Item views and speed").

    N  the whole name                   prefix match  -> "name starts with"
    n  each later suffix of the name    prefix match  -> "name contains"
    P  pinyin forms from the 1st syllable (zhangsan, zs, zhangs...)  prefix match
    p  pinyin forms from the given name (san, sf...)                 prefix match
    k  each suffix of the nickname      prefix match
    c  member code                      prefix match; exact is the best rank
    m  full mobile                      prefix match; exact is the best rank
    r  mobile reversed                  prefix match = the mobile's tail
    w  WeChat ID                        prefix match
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    case,
    delete,
    func,
    literal,
    literal_column,
    select,
    text,
    union_all,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from sqdesk.core import settings
from sqdesk.core.jobs import Cancelled, Progress, ShouldStop, never_stop, no_progress
from sqdesk.core.models import Member, MemberToken
from sqdesk.core.pinyin import name_readings, sort_key, surname_length
from sqdesk.core.prepared import Prepared

MAX_SUFFIX = 12  # longest name/nickname part indexed: nobody types more to find a person
MIN_TAIL = 4  # the mobile tail people read out: the last four digits

_SPACES = re.compile(r"\s+")
_PHONE_LIKE = re.compile(r"\+?[\d\-()]+")


def normalize(text: str) -> str:
    """Fold width and case, drop spaces: what both the index and a query are made of."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text)).lower()


def _suffixes(text: str) -> Iterator[str]:
    text = text[:MAX_SUFFIX]
    for i in range(len(text)):
        yield text[i:]


def _pinyin_forms(syllables: tuple[str, ...]) -> set[str]:
    """zhang san feng -> zhangsanfeng, zsf, zhangsf: typing any prefix of one finds it."""
    if not syllables:
        return set()
    full = "".join(syllables)
    initials = "".join(s[0] for s in syllables)
    first_full = syllables[0] + "".join(s[0] for s in syllables[1:])
    return {full, initials, first_full}


@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> frozenset[str]:
    """The name's tokens: a shop has many 王芳 and 李娜, and an import reads them all."""
    tokens: set[str] = set()
    n = normalize(name)
    if n:
        tokens.add("N" + n[:MAX_SUFFIX])
        tokens.update("n" + s for s in list(_suffixes(n))[1:])
    given_start = surname_length(name)
    for reading in name_readings(name):
        tokens.update("P" + f for f in _pinyin_forms(reading))
        # The given name alone ("san" finds 张三).
        tokens.update("p" + f for f in _pinyin_forms(reading[given_start:]))
    return frozenset(tokens)


def member_tokens(
    *, name: str, nickname: str, mobile: str | None, code: str, wechat_id: str
) -> set[str]:
    tokens = set(_name_tokens(name))
    k = normalize(nickname)
    tokens.update("k" + s for s in _suffixes(k))
    if mobile:
        digits = normalize(mobile).lstrip("+")
        tokens.add("m" + digits)
        tokens.add("r" + digits[::-1])
    if code:
        tokens.add("c" + code)
    w = normalize(wechat_id)
    if w:
        tokens.add("w" + w[:32])
    return tokens


def insert_tokens(conn: Connection, rows: Iterable[dict]) -> int:
    """Add the tokens of these member rows (dicts with id, name, ...) in one executemany,
    and write each one's name sort key (member.name_sort) in another unless the row
    was inserted with it.

    Straight through the driver: at a million tokens SQLAlchemy's per-row parameter
    handling costs more than SQLite's inserts. Tokens are plain (str, int) pairs, so no
    type conversion is skipped by doing so.
    """
    rows = list(rows)
    pairs = [(t, r["id"]) for r in rows for t in tokens_for_row(r)]
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    if pairs:
        conn.exec_driver_sql(
            f"INSERT INTO member_token (token, member_id) VALUES ({mark}, {mark})", pairs
        )
    # Rows inserted with their sort key (name_sort_of) need no second write.
    keys = [(name_sort_of(r), r["id"]) for r in rows if "name_sort" not in r]
    if keys:
        conn.exec_driver_sql(f"UPDATE member SET name_sort = {mark} WHERE id = {mark}", keys)
    return len(pairs)


def name_sort_of(row: dict) -> str:
    """member.name_sort for a member row: its name, or without one its nickname, sorted."""
    return sort_key(row.get("name") or row.get("nickname") or "")


def tokens_for_row(row: dict) -> set[str]:
    return member_tokens(
        name=row.get("name") or "",
        nickname=row.get("nickname") or "",
        mobile=row.get("mobile"),
        code=row.get("code") or "",
        wechat_id=row.get("wechat_id") or "",
    )


def reindex(s: Session, member_ids: Iterable[int]) -> None:
    """Rebuild the tokens of these members from their current rows (same transaction)."""
    ids = list(member_ids)
    if not ids:
        return
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        s.execute(delete(MemberToken).where(MemberToken.member_id.in_(chunk)))
        rows = s.execute(
            select(Member.id, Member.name, Member.nickname, Member.mobile, Member.code,
                   Member.wechat_id).where(Member.id.in_(chunk))
        ).mappings()  # fmt: skip
        insert_tokens(s.connection(), rows)


# --- queries -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    text: str
    prefix_kinds: str  # token kinds the text is a prefix of
    exact_kinds: str  # token kinds whose exact match ranks first


RANK_EXACT, RANK_NAME_PREFIX, RANK_OTHER = 0, 1, 2


# Digits start matching codes and mobiles from three: every mobile starts with 1, every code
# with 1 to 9, so shorter prefixes would list the whole roster.
MIN_NUMBER_PREFIX = 3
MIN_LATIN = 2


def parse(raw: str) -> Query | None:
    q = normalize(raw)
    if not q:
        return None
    if _PHONE_LIKE.fullmatch(q) and any(ch.isdigit() for ch in q):
        # A pasted number: +86 138-0013-8000
        plus = q.startswith("+")
        q = re.sub(r"\D", "", q)
        if plus:
            q = q.removeprefix("86")
    if q.isdigit():
        kinds = "kw"
        if len(q) >= MIN_NUMBER_PREFIX:
            kinds += "cm"
        if len(q) >= MIN_TAIL:
            kinds += "r"
        return Query(q, prefix_kinds=kinds, exact_kinds="cm")
    if len(q) < MIN_LATIN and q.isascii():
        # One Latin letter matches a fifth of any roster: no help in finding anyone, and
        # the slowest query there is. Searching starts with the second letter.
        return None
    return Query(q, prefix_kinds="NnPpkw", exact_kinds="")


def _after(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix`."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def prefix_range(token_col, prefix: str) -> ColumnElement[bool]:
    """Tokens starting with `prefix`, as an index range."""
    return and_(token_col >= prefix, token_col < _after(prefix))


def kind_prefix(query: Query, kind: str) -> str:
    """The token prefix of one kind that the query's text starts (a mobile's tail, kind
    "r", is kept reversed, so it is searched reversed)."""
    return kind + (query.text[::-1] if kind == "r" else query.text)


def kind_range(query: Query, kind: str) -> ColumnElement[bool]:
    """The tokens of one kind that the query's text starts."""
    return prefix_range(MemberToken.token, kind_prefix(query, kind))


def matches(query: Query) -> Select:
    """SELECT member_id, rank for every member matching `query` (one row per member).

    One index range scan per token kind, glued with UNION ALL: written as one OR, SQLite
    prefers scanning the member_id index for the GROUP BY and reads the whole table.
    """
    t = MemberToken.token
    branches = []
    for kind in query.prefix_kinds:
        if kind in query.exact_kinds:
            rank = case((t == kind + query.text, RANK_EXACT), else_=RANK_OTHER)
        else:
            rank = literal(RANK_NAME_PREFIX if kind in "NP" else RANK_OTHER)
        branches.append(
            select(MemberToken.member_id, rank.label("rank")).where(kind_range(query, kind))
        )
    hits = union_all(*branches).subquery()
    return select(hits.c.member_id, func.min(hits.c.rank).label("rank")).group_by(hits.c.member_id)


# --- the first screenful, without ranking every match --------------------------------------

# A name or pinyin range bigger than this is read newest member first through the heads'
# index (migration 0030) and the read stops at a screenful; a smaller one is read whole.
WALK_ABOVE = 2000
token_head = func.substr(MemberToken.token, literal_column("1"), literal_column("2"))
# The heads' index holds the N and P tokens only: its WHERE, written as the query must
# repeat it (literally) for SQLite to use that index.
_IN_HEADS = text("member_token.token >= 'N' AND member_token.token < 'Q'")


def _in_prefix():
    return and_(MemberToken.token >= bindparam("lo"), MemberToken.token < bindparam("hi"))


# A keystroke's statements, built and compiled once (core/prepared.py).
_PREFIX_SIZE = Prepared(lambda _d: select(func.count()).select_from(
    select(literal(1)).where(_in_prefix()).limit(bindparam("walk")).subquery()))  # fmt: skip
_PREFIX_ALL = Prepared(lambda _d: select(MemberToken.member_id).where(_in_prefix()))
_TOKEN_IS = Prepared(lambda _d: select(MemberToken.member_id).where(
    MemberToken.token == bindparam("token")))  # fmt: skip
_PREFIX_NEWEST = Prepared(lambda _d: (
    select(MemberToken.member_id).distinct()
    .where(_IN_HEADS, token_head == bindparam("head"), _in_prefix())
    .order_by(MemberToken.member_id.desc()).limit(bindparam("limit"))))  # fmt: skip


def number_order(s: Session, query: Query) -> list[int]:
    """Every member a number matches, in the full ranking's order (matches(), newest
    first within a rank): an exact code or mobile first, then the rest. A number's ranges
    are small (a three-digit mobile prefix is a tenth of a roster at most), so their ids
    are read whole from the token index and ordered here, without the ranking's GROUP BY
    and its join with every matching member."""
    conn = s.connection()
    exact: set[int] = set()
    for kind in query.exact_kinds:
        if kind in query.prefix_kinds:
            exact.update(_TOKEN_IS.column(conn, token=kind + query.text))
    rest: set[int] = set()
    for kind in query.prefix_kinds:
        prefix = kind_prefix(query, kind)
        rest.update(_PREFIX_ALL.column(conn, lo=prefix, hi=_after(prefix)))
    return sorted(exact, reverse=True) + sorted(rest - exact, reverse=True)


def every_match(s: Session, query: Query, *,
                walk_above: int | None = None) -> list[int] | None:  # fmt: skip
    """Every member `query` matches, in matches()' ranking (an exact code or mobile, then
    name starts with, then the rest; newest first within a rank), read kind by kind when
    each kind's range is small (under `walk_above` tokens); None when one is not and the
    ranking is left to SQL. A query with few name matches ("ouy", "张伟") is ranked here:
    its ranges are a few hundred tokens, and SQL's ranking cost more to build than to run."""
    walk_above = WALK_ABOVE if walk_above is None else walk_above  # read when called
    conn = s.connection()
    rank: dict[int, int] = {}
    for kind in query.prefix_kinds:
        prefix = kind_prefix(query, kind)
        span = {"lo": prefix, "hi": _after(prefix)}
        if _PREFIX_SIZE.column(conn, walk=walk_above, **span)[0] >= walk_above:
            return None
        base = RANK_NAME_PREFIX if kind in "NP" else RANK_OTHER
        for member_id in _PREFIX_ALL.column(conn, **span):
            rank[member_id] = min(rank.get(member_id, base), base)
        if kind in query.exact_kinds:  # as matches(): the whole token equal to the text
            for member_id in _TOKEN_IS.column(conn, token=kind + query.text):
                rank[member_id] = RANK_EXACT
    return sorted(rank, key=lambda m: (rank[m], -m))


def name_starts(s: Session, query: Query, limit: int, *, walk_above: int | None = None,
                ) -> tuple[list[int], bool]:  # fmt: skip
    """The newest `limit` members (by id, highest first) whose name or pinyin starts with
    the query, the best rank of a text query; and whether that is all of them. A
    two-letter query matches a fifth of a roster: this reads a screenful, not all of them."""
    # Read when called, not when defined: the tests try the walk at other sizes.
    walk_above = WALK_ABOVE if walk_above is None else walk_above
    conn = s.connection()
    found: set[int] = set()
    whole = True
    for kind in "NP":
        prefix = kind + query.text
        span = {"lo": prefix, "hi": _after(prefix)}
        size = _PREFIX_SIZE.column(conn, walk=walk_above, **span)[0]
        if size < walk_above:
            found.update(_PREFIX_ALL.column(conn, **span))
            continue
        newest = _PREFIX_NEWEST.column(conn, head=prefix[:2], limit=limit, **span)
        found.update(newest)
        whole = whole and len(newest) < limit
    ordered = sorted(found, reverse=True)
    return ordered[:limit], whole and len(ordered) <= limit


# --- keeping the whole index current -----------------------------------------------------

# Bump when member_tokens() or pinyin.sort_key() changes: stores then rebuild their index
# (and every name sort key) once when opened. 2: member.name_sort (revision 0015).
INDEX_VERSION = "2"
_VERSION_KEY = "search.index_version"
_CHUNK = 5000


def index_is_current(s: Session) -> bool:
    return settings.get(s, _VERSION_KEY) == INDEX_VERSION


def rebuild_index(
    s: Session, *, progress: Progress = no_progress, should_stop: ShouldStop = never_stop
) -> int:
    """Recompute every member's tokens in this transaction; returns the members indexed."""
    s.execute(delete(MemberToken))
    total = s.scalar(select(func.count(Member.id))) or 0
    done = 0
    last_id = 0
    columns = (Member.id, Member.name, Member.nickname, Member.mobile, Member.code,
               Member.wechat_id)  # fmt: skip
    while True:
        if should_stop():
            raise Cancelled()
        rows = s.execute(
            select(*columns).where(Member.id > last_id).order_by(Member.id).limit(_CHUNK)
        ).mappings().all()  # fmt: skip
        if not rows:
            break
        insert_tokens(s.connection(), rows)
        last_id = rows[-1]["id"]
        done += len(rows)
        progress(done, total)
    settings.put(s, _VERSION_KEY, INDEX_VERSION)
    return done
