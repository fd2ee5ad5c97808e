"""接龙: read a sign-up list copied from WeChat and match its lines to members.

People write the lines every which way: "1. 张三", "1、张三", "1 张三", "① 张三", "１．张三",
with remarks ("+1", "2人", "(带娃)", emoji) and nicknames; a header line comes first, and a
name is sometimes entered twice. `parse` finds the numbered lines and the name in each;
`match` finds each name's member (name, then nickname, then the search index: pinyin,
initials), marking the ambiguous and the unknown for the review screen.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import select

from sqdesk.core import members
from sqdesk.core.models import Member
from sqdesk.core.store import Store

MAX_LINES = 1000  # a WeChat group holds 500: a longer paste is not one 接龙
MAX_SEARCHED = 300  # names not matched exactly that go through the (slower) search
_CHUNK = 900

# The number, then a separator (or none before a non-digit that is not a date/time word).
_ENTRY = re.compile(
    r"^\s*(\d{1,4})(?:\s*[.、,，:：)）\]】>-]+\s*|\s+|(?=[^\d\s月日号点时年人位:：/-]))(.*)$"
)
_BRACKETS = re.compile(r"[(（\[【「《]([^)）\]】」》]*)[)）\]】」》]?")
_PLUS = re.compile(r"[+＋]\s*(\d{1,2})")
_PARTY = re.compile(r"(\d{1,2})\s*[人位个]")
_SPLIT = re.compile(r"[\s,，;；/、|]+")


@dataclass(frozen=True)
class Line:
    number: int
    text: str  # the line as pasted
    name: str  # "" when the line has no name (a placeholder "3.")
    remark: str = ""
    extra: int = 0  # people brought along ("+1", "2人" = 1 extra)


@dataclass(frozen=True)
class Parsed:
    header: list[str]
    lines: list[Line]
    skipped: int = 0  # numbered lines beyond MAX_LINES


def _strip_symbols(text: str) -> str:
    """Emoji, symbols and joiners out; letters, digits and CJK stay."""
    keep = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("So", "Sk", "Cf", "Mn", "Cs", "Co") or ch in "\ufe0f\u200d~～·•*#@!！?？":
            keep.append(" ")
        else:
            keep.append(ch)
    return "".join(keep)


def _read_body(body: str) -> tuple[str, str, int]:
    remarks = [m.strip() for m in _BRACKETS.findall(body) if m.strip()]
    rest = _BRACKETS.sub(" ", body)
    extra = 0
    if m := _PLUS.search(rest):
        extra = int(m.group(1))
        remarks.append(m.group(0).replace(" ", ""))
        rest = rest[: m.start()] + " " + rest[m.end() :]
    if m := _PARTY.search(rest):
        extra = max(extra, int(m.group(1)) - 1)
        remarks.append(m.group(0).replace(" ", ""))
        rest = rest[: m.start()] + " " + rest[m.end() :]
    tokens = [t for t in _SPLIT.split(_strip_symbols(rest)) if t]
    name = tokens[0] if tokens else ""
    remarks += tokens[1:]
    return name, " ".join(remarks), extra


def parse(text: str) -> Parsed:
    header: list[str] = []
    lines: list[Line] = []
    skipped = 0
    for raw in text.splitlines():
        # NFKC: full-width digits and dots, ① ② ... become plain "1", "2", "."
        norm = unicodedata.normalize("NFKC", raw).strip()
        if not norm:
            continue
        m = _ENTRY.match(norm)
        if m is not None and m.group(2)[:1].isdigit():
            m = None  # "2026.11.25 下午茶接龙", "11-25": a date, not an entry
        if m is None or not m.group(2).strip():
            if not lines and m is None:
                header.append(raw.strip())
            continue
        if len(lines) >= MAX_LINES:
            skipped += 1
            continue
        name, remark, extra = _read_body(m.group(2))
        lines.append(Line(int(m.group(1)), raw.strip(), name, remark, extra))
    return Parsed(header, lines, skipped)


@dataclass
class Match:
    line: Line
    status: str  # matched | ambiguous | not_found | duplicate | no_name
    member_id: int | None = None
    candidates: list[int] = field(default_factory=list)
    how: str = ""  # name | nickname | search


def _exact(store: Store, column, names: list[str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    with store.read() as s:
        for start in range(0, len(names), _CHUNK):
            query = select(column, Member.id).where(
                column.in_(names[start : start + _CHUNK]), Member.archived.is_(False)
            ).order_by(Member.id)  # fmt: skip
            for value, mid in s.execute(query):
                out.setdefault(value, []).append(mid)
    return out


def match(store: Store, parsed: Parsed) -> list[Match]:
    """Each line's member, or why there is none. A member already matched by an earlier
    line makes the later line a duplicate (a name entered twice)."""
    names = sorted({ln.name for ln in parsed.lines if ln.name})
    by_name = _exact(store, Member.name, names)
    by_nick = _exact(store, Member.nickname, names)
    searched: dict[str, list[int]] = {}
    out: list[Match] = []
    seen: set[int] = set()
    for ln in parsed.lines:
        if not ln.name:
            out.append(Match(ln, "no_name"))
            continue
        found, how = by_name.get(ln.name, []), "name"
        if not found:
            found, how = by_nick.get(ln.name, []), "nickname"
        if not found and members.search_key(ln.name) is not None:
            if ln.name not in searched and len(searched) < MAX_SEARCHED:
                searched[ln.name] = members.ordered_ids(store, search_text=ln.name, sort=None)[:11]
            found, how = searched.get(ln.name, []), "search"
        if not found:
            out.append(Match(ln, "not_found"))
        elif len(found) > 1:
            out.append(Match(ln, "ambiguous", candidates=found[:10], how=how))
        elif found[0] in seen:
            out.append(Match(ln, "duplicate", member_id=found[0], how=how))
        else:
            seen.add(found[0])
            out.append(Match(ln, "matched", member_id=found[0], how=how))
    return out


def summary(results: list[Match]) -> dict[str, int]:
    counts = {k: 0 for k in ("matched", "ambiguous", "not_found", "duplicate", "no_name")}
    for r in results:
        counts[r.status] += 1
    return counts
