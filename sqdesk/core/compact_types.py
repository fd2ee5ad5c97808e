"""How the ledger's words, days, reasons and keys are kept short on SQLite (migration 0041).

Two million ledger entries each carry a kind ("earn"), a source ("visit"), the day their
points expire, a reason ("¥23.60 × 1 point(s) per yuan") and the key that stops a rule
paying twice ("visit:812345:base"); the entry's two indexes carry the kind again and the
unique index the key again. Written as SQLAlchemy writes them, that was a fifth of the
100,000-member store (docs/ARCHITECTURE.md, "The store's size"). Each type here writes a
shorter value that reads back exactly the same, so no code above the models sees a
difference:

- a kind or a source: one character for each word the app writes, any other word as is;
- a day: the integer of days since 1970-01-01 (three bytes, where the text was ten);
- a visit rule's key: the visit's id and one letter for the rule ("812345b");
- a reason the app worded itself: its template's letter and the words that fill it.

The columns stay declared as they were (VARCHAR, DATE), and SQLite keeps what it is given:
an integer stays an integer in a DATE column, one character is one byte. PostgreSQL keeps
the words, dates and keys as they are: its rows were never the problem, and one store
moved between the databases (`migrate-to`) goes through these types both ways.

Every comparison the app makes goes through the mapped column (`LedgerEntry.kind ==
EARN`), so it is bound through the type too; raw SQL on these columns must use the
stored forms (`KIND_CODES`, `day_number`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import ClassVar

from sqlalchemy import Date, String, Text
from sqlalchemy.types import TypeDecorator

_ONE_CHARACTER = "123456789abcdefghijklmnopqrstuvwxyz"


def _codes(*words: str) -> dict[str, str]:
    """Each word one character: the reader tells a code from a word kept as is by length."""
    return dict(zip(words, _ONE_CHARACTER, strict=False))


class _ShortOnSQLite(TypeDecorator[str]):
    """A text kept short on SQLite by `encode`, read back by `decode` (each given a value
    that is not None); PostgreSQL keeps it as it is. On SQLite SQLAlchemy is handed one
    plain function each way (`bind_processor`, `result_processor`, as models.UTCDateTime
    does): TypeDecorator's wrapper around the process_* methods asks the dialect's name for
    every value, a third of the demo's conversion of two million entries."""

    impl = String
    cache_ok = True
    # Given by each kind below, as methods.
    encode: Callable[[str], str]
    decode: Callable[[str], str]

    def process_bind_param(self, value: str | None, dialect) -> str | None:
        return value if value is None or dialect.name != "sqlite" else self.encode(value)

    def process_literal_param(self, value, dialect):
        return self.process_bind_param(value, dialect)

    def process_result_value(self, value: str | None, dialect) -> str | None:
        return value if value is None or dialect.name != "sqlite" else self.decode(value)

    def bind_processor(self, dialect):
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)
        encode = self.encode
        return lambda value: None if value is None else encode(value)

    def result_processor(self, dialect, coltype):
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        decode = self.decode
        return lambda value: None if value is None else decode(value)


# The words each column is written with, numbered once and never renumbered: a store
# keeps the digits. A new word is added at the end (or written as is, two characters or
# more, which reads back unchanged).
KIND_CODES = _codes("earn", "redeem", "adjust", "expire", "reverse")
SOURCE_CODES = _codes("visit", "reward", "reversal", "expiry", "opening", "checkin",
                      "award", "activity", "manual", "draw")  # fmt: skip


class _Coded(_ShortOnSQLite):
    """A word kept as one character on SQLite, read back as the word."""

    cache_ok = True
    CODES: ClassVar[dict[str, str]] = {}
    _WORDS: ClassVar[dict[str, str]] = {}
    # A column of few distinct values: a bulk write converts each distinct value once
    # (core/bulk.py), not each of the demo's two million entries.
    few_values = True

    def __init_subclass__(cls, **kw) -> None:
        super().__init_subclass__(**kw)
        cls._WORDS = {code: word for word, code in cls.CODES.items()}

    def encode(self, value: str) -> str:
        code = self.CODES.get(value)
        if code is not None:
            return code
        if len(value) < 2:  # it would read back as the word of that code
            raise ValueError(f"{value!r} is too short to be kept as is")
        return value

    def decode(self, stored: str) -> str:
        return self._WORDS.get(stored, stored)


class LedgerKind(_Coded):
    """earn, redeem, adjust, expire or reverse."""

    cache_ok = True
    CODES = KIND_CODES


class LedgerSource(_Coded):
    """What made an entry: a visit, a reward, an expiry, a check-in streak..."""

    cache_ok = True
    CODES = SOURCE_CODES


EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def day_number(day: date) -> int:
    """A day as SQLite keeps it in a DayNumber column."""
    return day.toordinal() - EPOCH_ORDINAL


class DayNumber(TypeDecorator[date]):
    """A date kept on SQLite as the integer of days since 1970-01-01: it orders as the
    dates do, so an index on it answers "due by this day" as before. The processors are
    given here whole: the SQLite driver's own date type would read the integer as text."""

    impl = Date
    cache_ok = True

    def bind_processor(self, dialect):
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)
        return lambda value: None if value is None else day_number(value)

    def literal_processor(self, dialect):
        if dialect.name != "sqlite":
            return super().literal_processor(dialect)
        return lambda value: str(day_number(value))

    def result_processor(self, dialect, coltype):
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        return lambda value: None if value is None else date.fromordinal(value + EPOCH_ORDINAL)


# The rules a visit pays by, one letter each (never reused: a store keeps the letters).
VISIT_RULES = {"base": "b", "first_visit": "f", "member_day": "m", "birthday_month": "y"}
_RULE_OF = {letter: rule for rule, letter in VISIT_RULES.items()}
_VISIT_KEY = re.compile(r"visit:([0-9]+):([a-z_]+)")
_SHORT_KEY = re.compile(f"([0-9]+)([{''.join(VISIT_RULES.values())}])")


class SourceKey(_ShortOnSQLite):
    """The key that pays an entry once. On SQLite a visit rule's key ("visit:812345:base",
    1.7 million of the 100k store's 2.1 million) is kept as the visit's id and the rule's
    letter ("812345b"); any other key as is. A key that already looks like a short one
    (digits and one of those letters) is refused: it would read back as a visit's, and
    every key the app makes holds a colon anyway. So the two kinds never meet and the
    unique index holds. An equality or IN binds through the type; a LIKE pattern cannot,
    so a key's parts are tested on the keys read back."""

    cache_ok = True

    def encode(self, value: str) -> str:
        match = _VISIT_KEY.fullmatch(value)
        if match is not None and match[2] in VISIT_RULES:
            return match[1] + VISIT_RULES[match[2]]
        if _SHORT_KEY.fullmatch(value):
            raise ValueError(f"the source key {value!r} would read back as a visit's")
        return value

    def decode(self, stored: str) -> str:
        short = _SHORT_KEY.fullmatch(stored)
        return stored if short is None else f"visit:{short[1]}:{_RULE_OF[short[2]]}"


# The reasons the app words itself, one letter each, and frozen like the codes above: a
# stored short reason is read with its template as it is here, so a new wording is a new
# letter, never an edit. A reason that fits none (one a person typed) is kept as is.
REASON_TEMPLATES = {
    "b": "¥{} × {} point(s) per yuan",
    "m": "member day ({}th): ×{}",
    "y": "birthday month: ×{}",
    "f": "first visit bonus",
    "r": "referral bonus",
    "R": "referral bonus for bringing {}",
    "d": "redeemed {}",
    "e": "points earned before {} expired",
    "a": "took part in {}",
    "c": "{}-day check-in streak",
    "w": "award: {}",
    "l": "lucky draw: {}",
    "o": "opening balance from {}",
}
# Whitespace to str.strip(), so no reason a person types begins with the mark; one that
# does anyway (a draw's title) is kept whole behind the mark and "_".
_MARK, _SEP, _VERBATIM = "\x1e", "\x1f", "_"
_PATTERNS = [(letter, re.compile("(.*?)".join(map(re.escape, template.split("{}")))))
             for letter, template in REASON_TEMPLATES.items()]  # fmt: skip


def long_reason(stored: str) -> str:
    """A stored reason as the app worded it."""
    if not stored.startswith(_MARK):
        return stored
    if stored[1] == _VERBATIM:
        return stored[2:]
    template = REASON_TEMPLATES.get(stored[1])
    if template is None:  # not a form this codec makes: shown as it is, not lost
        return stored
    return template.format(*stored[2:].split(_SEP)) if "{}" in template else template


@lru_cache(maxsize=1 << 16)  # the demo's two million reasons are a few thousand texts
def short_reason(reason: str) -> str:
    """The shortest form that reads back as exactly `reason`: its template's letter and
    the words that fill it; any reason no template gives back whole is kept as is."""
    if reason.startswith(_MARK):  # kept whole, marked so it is not read as a short form
        return _MARK + _VERBATIM + reason
    for letter, pattern in _PATTERNS:
        match = pattern.fullmatch(reason)
        if match is None or any(_SEP in g for g in match.groups()):
            continue
        short = _MARK + letter + _SEP.join(match.groups())
        if long_reason(short) == reason:
            return short
    return reason


class Reason(_ShortOnSQLite):
    """An entry's reason: on SQLite the app's own wordings kept as a letter and the words
    that fill them ("¥23.60 × 1 point(s) per yuan", 30 bytes on 1.4 million entries of the
    100k store, as 9)."""

    impl = Text
    cache_ok = True

    def encode(self, value: str) -> str:
        return short_reason(value)

    def decode(self, stored: str) -> str:
        return long_reason(stored)
