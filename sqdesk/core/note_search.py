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

from sqlalchemy import Connection, Integer, Select, bindparam, column, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.types import Text

from sqdesk.core import search
from sqdesk.core.errors import CodedError
from sqdesk.core.models import Member, Note
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
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        conn.execute(_PG_INSERT, [_pg_row(i, t) for i, t in rows])
    else:
        conn.execute(_SQLITE_INSERT, [{"id": i, "g": " ".join(grams(t))} for i, t in rows])


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


def search_notes(store: Store, query: str, *, limit: int = DEFAULT_LIMIT) -> list[Hit]:
    """Notes whose text holds every word of `query`, or about a member whose name (pinyin
    included) or code `query` matches, newest first. SearchError for a query of only
    punctuation or of one character."""
    words = query_runs(query)
    member_query = search.parse(query)
    with store.read() as s:
        conn = s.connection()
        found = list(conn.execute(_by_text(conn, words).limit(limit)))
        if member_query is not None and (by_member := _by_member(member_query)) is not None:
            found += list(conn.execute(by_member.limit(limit)))
        ids = list(dict.fromkeys(i for i, _at in sorted(found, key=lambda r: (r[1], r[0]),
                                                           reverse=True)))[:limit]  # fmt: skip
        rows = _rows(conn, ids)
    return [Hit(*rows[i], tuple(words)) for i in ids if i in rows]


def _newest_first(query: Select) -> Select:
    return query.order_by(Note.at.desc(), Note.id.desc())


def _by_text(conn: Connection, words: list[str]) -> Select:
    if conn.dialect.name == "postgresql":
        pairs = sorted({p for w in words for p in _pairs(w)})
        confirm = " AND ".join(f"position(:w{i} in flat) > 0" for i in range(len(words)))
        ids = text(f"SELECT note_id FROM note_search WHERE grams @> :pairs AND {confirm}"
                   ).bindparams(bindparam("pairs", pairs, type_=ARRAY(Text)),
                                *(bindparam(f"w{i}", w) for i, w in enumerate(words))
                                ).columns(column("note_id", Integer))  # fmt: skip
    else:
        # A phrase per word: its pairs side by side; quoted, so nothing in it is FTS5 syntax.
        match = " AND ".join('"' + " ".join(_pairs(w)) + '"' for w in words)
        ids = text("SELECT rowid FROM note_fts WHERE note_fts MATCH :m"
                   ).bindparams(m=match).columns(column("rowid", Integer))  # fmt: skip
    return _newest_first(select(Note.id, Note.at).where(Note.id.in_(ids)))


def _by_member(parsed: search.Query) -> Select | None:
    """Notes about the members a roster search for the query finds (name, pinyin, code)."""
    kinds = "".join(k for k in parsed.prefix_kinds if k in "NnPpkc")
    if not kinds:
        return None
    members = search.matches(search.Query(parsed.text, kinds, "")).subquery()
    return _newest_first(select(Note.id, Note.at)
                         .where(Note.member_id.in_(select(members.c.member_id))))  # fmt: skip


def _rows(conn: Connection, ids: list[int]) -> dict[int, tuple]:
    if not ids:
        return {}
    query = (select(Note.id, Note.member_id, Member.code, Member.name, Member.nickname,
                    Member.archived, Note.at, Note.kind, Note.text)
             .join(Member, Member.id == Note.member_id).where(Note.id.in_(ids)))  # fmt: skip
    return {r[0]: (r[0], r[1], r[2], r[3] or r[4], r[5], r[6], r[7], r[8])
            for r in conn.execute(query)}  # fmt: skip
