"""Full-text search over notes: Chinese substrings of two characters and more, Latin words
and digits, and the member's name in pinyin, newest first.

Most Chinese words are two characters (搬家, 太甜), which a trigram index cannot find. So a
note's text is indexed as its overlapping character pairs ("搬家了" -> 搬家 家了): a query
becomes the phrase of its own pairs, which matches exactly where the query is a substring.
One index answers every length from two characters up (docs/ARCHITECTURE.md, "Note search").

    SQLite      an FTS5 table without content (note_fts), rowid = note id
    PostgreSQL  note_search: the pairs as a text[] under a GIN index, and the folded text
                to confirm that the pairs stand side by side

The index is written here, beside every change to a note's text (core/notes.py calls
`index`); nothing else writes it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    ARRAY,  # the generic type: the PostgreSQL dialect's module costs 20 ms at start-up
    Connection,
    Integer,
    Select,
    bindparam,
    column,
    func,
    select,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import Text

from sqdesk.core import search
from sqdesk.core.errors import CodedError
from sqdesk.core.models import Member, MemberToken, Note
from sqdesk.core.store import Store

MIN_QUERY = 2  # characters in the longest word of a query
DEFAULT_LIMIT = 50
_GAP = "sep"  # between two runs: three letters, so never a pair a query asks for


class SearchError(CodedError):
    """A note search refused (see CodedError)."""

    area = "notes"


def _is_word_char(ch: str) -> bool:
    # Letters and digits of any script; what FTS5's unicode61 tokenizer keeps, too.
    return unicodedata.category(ch)[0] in "LN"


def runs(text: str) -> list[str]:
    """The text folded (width, case) and cut at anything not a letter or digit."""
    folded = unicodedata.normalize("NFKC", text or "").lower()
    out, current = [], []
    for ch in folded:
        if _is_word_char(ch):
            current.append(ch)
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out


def _pairs(run: str) -> list[str]:
    return [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]


def grams(text: str) -> list[str]:
    """What is indexed for a note: each run's pairs in order, runs apart."""
    out: list[str] = []
    for run in runs(text):
        if out:
            out.append(_GAP)
        out += _pairs(run)
    return out


def query_runs(query: str) -> list[str]:
    """The runs a query asks for; SearchError when it has no word of two characters."""
    found = runs(query)
    if not found:
        raise SearchError("no_words", "search for some words (letters or digits), not only "
                          "punctuation", query=query)  # fmt: skip
    if max(len(r) for r in found) < MIN_QUERY:
        raise SearchError("too_short", f"search for at least {MIN_QUERY} characters",
                          query=query, min=MIN_QUERY)  # fmt: skip
    return [r for r in found if len(r) >= MIN_QUERY]


# --- keeping the index --------------------------------------------------------------------


def index(conn: Connection, note_id: int, new_text: str, old_text: str | None = None) -> None:
    """Index a note's text (`old_text`: what was indexed before, when it changed)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("DELETE FROM note_search WHERE note_id = :id"), {"id": note_id})
        conn.execute(_PG_INSERT, [_pg_row(note_id, new_text)])
        return
    if old_text is not None:  # a table without content forgets a row by its old terms
        conn.execute(_SQLITE_FORGET, {"id": note_id, "g": " ".join(grams(old_text))})
    conn.execute(_SQLITE_INSERT, [{"id": note_id, "g": " ".join(grams(new_text))}])


def forget_members(conn: Connection, member_ids: list[int]) -> None:
    """Before members are deleted for good (their notes go with them): PostgreSQL's index
    rows follow by the foreign key; SQLite's table without content is told what to forget."""
    if conn.dialect.name == "postgresql" or not member_ids:
        return
    notes = conn.execute(select(Note.id, Note.text).where(Note.member_id.in_(member_ids))).all()
    if notes:
        conn.execute(_SQLITE_FORGET, [{"id": i, "g": " ".join(grams(t))} for i, t in notes])


# Tables of the search index, made by migration 0018 outside the models (FTS5's shadow tables
# start with the same name).
INDEX_TABLES = ("note_fts", "note_search")


def index_many(conn: Connection, rows: list[tuple[int, str]]) -> None:
    """Index new notes (id, text) in one statement: the demo and the migration's fill."""
    if rows:
        conn.exec_driver_sql(*index_rows(conn.dialect, rows))


def index_rows(dialect: Dialect, rows: list[tuple[int, str]]) -> tuple[str, list[tuple]]:
    """New notes' (id, text) as one INSERT into the search index and its rows as the driver
    takes them: made where the notes are (the demo's second process)."""
    if dialect.name == "postgresql":
        return ("INSERT INTO note_search (note_id, grams, flat) VALUES (%s, %s, %s)",
                [(r["id"], r["g"], r["f"]) for r in (_pg_row(i, t) for i, t in rows)])
    # Each distinct text is cut once: the demo's half a million notes repeat their phrases.
    joined: dict[str, str] = {}
    for _i, t in rows:
        if t not in joined:
            joined[t] = " ".join(grams(t))
    return "INSERT INTO note_fts(rowid, grams) VALUES (?, ?)", [(i, joined[t]) for i, t in rows]


_SQLITE_INSERT = text("INSERT INTO note_fts(rowid, grams) VALUES (:id, :g)")
_SQLITE_FORGET = text("INSERT INTO note_fts(note_fts, rowid, grams) VALUES ('delete', :id, :g)")
_PG_INSERT = text("INSERT INTO note_search (note_id, grams, flat) VALUES (:id, :g, :f)"
                  ).bindparams(bindparam("g", type_=ARRAY(Text)))  # fmt: skip


def _pg_row(note_id: int, note_text: str) -> dict:
    found = runs(note_text)
    pairs = sorted({p for r in found for p in _pairs(r)})
    return {"id": note_id, "g": pairs, "f": " ".join(found)}


# --- searching -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    id: int
    member_id: int
    member_code: str
    member_name: str
    member_archived: bool
    at: datetime
    kind: str
    text: str
    runs: tuple[str, ...]  # what to highlight in the text

    def spans(self) -> list[tuple[int, int]]:
        """Where the query's words stand in the text (start, length), for highlighting."""
        return highlight_spans(self.text, self.runs)


def highlight_spans(note_text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    folded = [unicodedata.normalize("NFKC", ch).lower() for ch in note_text]
    out = []
    for word in words:
        start = 0
        while True:
            i = _find(folded, word, start)
            if i < 0:
                break
            out.append((i, len(word)))
            start = i + 1
    return sorted(out)


def _find(folded: list[str], word: str, start: int) -> int:
    # Each original character folds to one or more; a match starts at a character.
    for i in range(start, len(folded)):
        if "".join(folded[i : i + len(word)]).startswith(word):
            return i
    return -1


@dataclass(frozen=True)
class Found:
    hits: list[Hit]
    # A name or pinyin that fits more than MAX_MEMBERS members ("li") is too loose to list
    # their notes by: only the text side answered, and the page says to type more.
    too_many_members: bool = False


MAX_MEMBERS = 500
# Newest matches spread over more notes than this: the word is rare (see _newest_matching).
SPARSE = 20_000
OUT_OF_ORDER = 2_000  # notes newer than a first page but numbered below it, checked one by one


def search_notes(store: Store, query: str, *, limit: int = DEFAULT_LIMIT,
                 member_id: int | None = None) -> Found:  # fmt: skip
    """Notes whose text holds every word of `query`, or about a member whose name (pinyin
    included) or code starts with `query`, newest first; only one member's notes with
    `member_id`. SearchError for a query of only punctuation or of one character."""
    words = query_runs(query)
    too_many = False
    with store.read() as s:
        conn = s.connection()
        found = _by_text(conn, words, limit, member_id)
        parsed = search.parse(query)
        if member_id is None and parsed is not None:
            members = _members_named(conn, parsed)
            too_many = members is None
            if members:
                query_ = _newest_first(select(Note.id, Note.at).where(Note.member_id.in_(members)))
                found += [tuple(r) for r in conn.execute(query_.limit(limit))]
        ids = [i for i, _at in _newest(found)][:limit]
        rows = _rows(conn, ids)
    return Found([Hit(*rows[i], tuple(words)) for i in ids if i in rows], too_many)


def _newest(found: list[tuple[int, datetime]]) -> list[tuple[int, datetime]]:
    """Newest first (then the later written), each note once."""
    return list(dict.fromkeys(sorted(found, key=lambda r: (r[1], r[0]), reverse=True)))


def _newest_first(query: Select) -> Select:
    return query.order_by(Note.at.desc(), Note.id.desc())


def _by_text(conn: Connection, words: list[str], limit: int,
             member_id: int | None) -> list[tuple[int, datetime]]:  # fmt: skip
    if conn.dialect.name == "postgresql":
        pairs = sorted({p for w in words for p in _pairs(w)})
        confirm = " AND ".join(f"position(:w{i} in flat) > 0" for i in range(len(words)))
        ids = text(f"SELECT note_id FROM note_search WHERE grams @> :pairs AND {confirm}"
                   ).bindparams(bindparam("pairs", pairs, type_=ARRAY(Text)),
                                *(bindparam(f"w{i}", w) for i, w in enumerate(words))
                                ).columns(column("note_id", Integer))  # fmt: skip
        query = _newest_first(select(Note.id, Note.at).where(Note.id.in_(ids)))
        if member_id is not None:
            query = query.where(Note.member_id == member_id)
        return [tuple(r) for r in conn.execute(query.limit(limit))]
    match = _match(words)
    if member_id is not None:  # one member's notes: few, each looked up in the index
        query = _newest_first(select(Note.id, Note.at).where(
            Note.member_id == member_id, Note.id.in_(_fts_ids(match))))  # fmt: skip
        return [tuple(r) for r in conn.execute(query.limit(limit))]
    return _newest_matching(conn, words, limit)


def _match(words: list[str]) -> str:
    """FTS5's query: a phrase per word, its pairs side by side; quoted, so nothing in it is
    FTS5 syntax."""
    return " AND ".join('"' + " ".join(_pairs(w)) + '"' for w in words)


def _fts_ids(match: str):
    return text("SELECT rowid FROM note_fts WHERE note_fts MATCH :m").bindparams(
        m=match).columns(column("rowid", Integer))  # fmt: skip


def _newest_matching(conn: Connection, words: list[str],
                     limit: int) -> list[tuple[int, datetime]]:  # fmt: skip
    """The `limit` newest notes matching, without sorting every match (a common word is in
    tens of thousands of notes). FTS5 lists matches by note number, highest first, at once;
    notes are numbered as written, so those are the newest, except a note written with an
    earlier time after later ones (an import). Such a note is newer than the oldest of the
    first `limit` and has a lower number: the few of those are looked up and checked."""
    match = _match(words)
    top = conn.execute(text("SELECT rowid FROM note_fts WHERE note_fts MATCH :m "
                            "ORDER BY rowid DESC LIMIT :n"), {"m": match, "n": limit}
                       ).scalars().all()  # fmt: skip
    if not top:
        return []
    found = [tuple(r) for r in conn.execute(select(Note.id, Note.at).where(Note.id.in_(top)))]
    if len(top) < limit:
        return found  # every match is here
    lowest = min(top)
    if (conn.scalar(select(func.max(Note.id))) or 0) - lowest > SPARSE:
        # A rare word: its newest matches are spread over many notes, so all of its matches
        # are few; sorting them is quicker than reading every note written since.
        every = _newest_first(select(Note.id, Note.at).where(Note.id.in_(_fts_ids(match))))
        return [tuple(r) for r in conn.execute(every.limit(limit))]
    oldest = min(at for _i, at in found)
    # From the index on the time alone (it holds the number too): a short range.
    late = conn.execute(select(Note.id).where(Note.at >= oldest, Note.id < lowest)
                        ).scalars().all()  # fmt: skip
    if len(late) > OUT_OF_ORDER:  # many written out of order (an import): sort every match
        every = _newest_first(select(Note.id, Note.at).where(Note.id.in_(_fts_ids(match))))
        return [tuple(r) for r in conn.execute(every.limit(limit))]
    if not late:
        return found
    # The few are read and matched here as the index would (each word within one run).
    texts = conn.execute(select(Note.id, Note.at, Note.text).where(Note.id.in_(late)))
    return found + [(i, at) for i, at, note_text in texts if _holds(note_text, words)]


def _holds(note_text: str, words: list[str]) -> bool:
    found = runs(note_text)
    return all(any(word in run for run in found) for word in words)


def _members_named(conn: Connection, parsed: search.Query) -> list[int] | None:
    """Members whose name (or its pinyin) or code starts with the query, read
    from the roster's search index by ranges that stop at MAX_MEMBERS + 1; None when more
    match than that."""
    kinds = "".join(k for k in parsed.prefix_kinds if k in "NPc")
    found: set[int] = set()
    for kind in kinds:
        starts = search.prefix_range(MemberToken.token, kind + parsed.text)
        # A member has several tokens of a kind (zhangsanfeng, zsf ...): distinct ones.
        ranged = select(MemberToken.member_id).where(starts).distinct().limit(MAX_MEMBERS + 1)
        found.update(conn.execute(ranged).scalars())
        if len(found) > MAX_MEMBERS:
            return None
    return sorted(found)


def _rows(conn: Connection, ids: list[int]) -> dict[int, tuple]:
    if not ids:
        return {}
    query = (select(Note.id, Note.member_id, Member.code, Member.name, Member.nickname,
                    Member.archived, Note.at, Note.kind, Note.text)
             .join(Member, Member.id == Note.member_id).where(Note.id.in_(ids)))  # fmt: skip
    return {r[0]: (r[0], r[1], r[2], r[3] or r[4], r[5], r[6], r[7], r[8])
            for r in conn.execute(query)}  # fmt: skip
