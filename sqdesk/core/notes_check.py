"""The invariants of notes, for `check`: every note is in the search index and nothing else
is; kinds, reasons and follow-ups are as core/notes writes them; an amendment is about the
member of the note it amends."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, aliased

from sqdesk.core import notes
from sqdesk.core.check import invariant
from sqdesk.core.models import Note


@invariant("note search index")
def _index(s: Session) -> Iterator[str]:
    postgresql = s.get_bind().dialect.name == "postgresql"
    indexed = "SELECT note_id FROM note_search" if postgresql else "SELECT rowid FROM note_fts"
    for (note_id,) in s.execute(text(f"SELECT id FROM note WHERE id NOT IN ({indexed})")):
        yield f"note {note_id} is not in the search index"
    if postgresql:
        return  # its index rows go with their note (a foreign key)
    stale = s.execute(text("SELECT count(*) FROM note_fts WHERE rowid NOT IN "
                           "(SELECT id FROM note)")).scalar()  # fmt: skip
    if stale:
        yield f"the search index holds {stale} notes that no longer exist"


@invariant("notes")
def _notes(s: Session) -> Iterator[str]:
    bad = select(Note.id, Note.kind, Note.reason, Note.follow_up_at, Note.follow_up_done_at,
                 func.length(Note.text)).where(
        Note.kind.not_in(notes.KINDS) | (Note.reason != "")
        & ((Note.kind != "lapse") | Note.reason.not_in(notes.LAPSE_REASONS))
        | Note.follow_up_at.is_(None) & Note.follow_up_done_at.is_not(None)
        | (func.length(Note.text) > notes.MAX_CHARS) | (func.length(Note.text) == 0))  # fmt: skip
    for note_id, kind, reason, due, done, length in s.execute(bad):
        if kind not in notes.KINDS:
            yield f"note {note_id} has the unknown kind {kind!r}"
        elif reason and (kind != "lapse" or reason not in notes.LAPSE_REASONS):
            yield f"note {note_id} ({kind}) has the reason {reason!r}"
        elif due is None and done is not None:
            yield f"note {note_id} has a follow-up done but none asked for"
        else:
            yield f"note {note_id} has {length:,} characters (1 to {notes.MAX_CHARS:,})"
    original = aliased(Note)
    crossed = (select(Note.id, original.id).join(original, original.id == Note.amends_id)
               .where(original.member_id != Note.member_id))  # fmt: skip
    for note_id, amended in s.execute(crossed):
        yield f"note {note_id} amends note {amended}, which is about another member"
