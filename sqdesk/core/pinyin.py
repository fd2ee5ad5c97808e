"""Pinyin readings of names, the way people say them when they type a search.

pypinyin reads a surname with the character's everyday reading (曾 ceng, 单 dan, 解 jie...;
its own issues on this are open), but people type the reading they say: zeng, shan, xie.
So a name's leading surname is looked up in SURNAME_READINGS first. Characters with several
readings (多音字) give every common one, so 乐 is found by both le and yue.
"""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
from itertools import islice, product

# Surnames whose surname reading differs from the character's usual one, or that have
# several surname readings. Two-character surnames first: they are matched before one.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "长孙": ("zhang", "sun"),
    "澹台": ("tan", "tai"), "单于": ("chan", "yu"), "令狐": ("ling", "hu"),
    "曾": ("zeng",), "单": ("shan",), "解": ("xie",), "仇": ("qiu",), "区": ("ou",),
    "朴": ("piao",), "查": ("zha",), "査": ("zha",), "乐": ("yue", "le"), "盖": ("ge",),
    "柏": ("bai",), "缪": ("miao",), "种": ("chong",), "翟": ("zhai",), "召": ("shao",),
    "秘": ("bi",), "宓": ("fu",), "覃": ("qin",), "折": ("she",), "员": ("yun",),
    "句": ("gou",), "牟": ("mou",), "逄": ("pang",), "繁": ("po",), "能": ("nai",),
    "祭": ("zhai",), "冼": ("xian",), "洗": ("xian",), "炅": ("gui",), "莘": ("shen",),
    "谌": ("chen",), "贲": ("ben",), "蕃": ("pi",), "隗": ("wei",), "藏": ("zang",),
    "沈": ("shen",), "曲": ("qu",), "重": ("chong",), "尉": ("yu", "wei"), "车": ("che",),
    "长": ("chang",), "都": ("du",), "阚": ("kan",), "厍": ("she",), "眭": ("sui",),
    "訾": ("zi",), "黑": ("he",), "华": ("hua",), "任": ("ren",), "过": ("guo",),
}  # fmt: skip

# Two-character surnames (复姓) read as usual; those with special readings are above.
COMPOUND_SURNAMES = frozenset(
    {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "夏侯", "公孙", "司徒",
     "西门", "宇文", "轩辕", "南宫", "端木", "独孤", "呼延", "百里", "东郭"}
    | {s for s in SURNAME_READINGS if len(s) == 2}
)  # fmt: skip

# Characters in names whose second reading is common too. pypinyin's heteronym lists also
# hold rare readings (娜 nuo, 思 sai, 行 heng) that would only add noise and index size, so
# other characters keep their first reading.
COMMON_HETERONYMS = frozenset(
    "乐长重行朝单曾解查传盛参觉藏还都率宿茜柏尉泊奇卜员莘蔚晟仇区朴调弹强和会家相省"
    "降仆缪翟种折能召秘宓句繁覃沈"
)
MAX_NAME_READINGS = 8


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def han_only(name: str) -> str:
    return "".join(ch for ch in name if _is_han(ch))


def surname_length(name: str) -> int:
    """1, or 2 for a compound surname; 0 when the name has no Han characters."""
    han = han_only(name)
    if not han:
        return 0
    return 2 if han[:2] in COMPOUND_SURNAMES and len(han) > 2 else 1


# A name with nothing to sort by (only emoji or signs) goes after every other name.
SORT_LAST = "\x7f"


@lru_cache(maxsize=65536)
def sort_key(name: str) -> str:
    """How a name sorts for people: by its pinyin, so 张三 ("zhang san") stands under Z
    beside "Zhang Wei", and a surname by the reading people say (曾 zeng, 单 shan).
    Latin letters are lowercased, digits kept, emoji and punctuation skipped. The same key
    sorts in Python and, kept in member.name_sort, in SQL."""
    text = unicodedata.normalize("NFKC", name or "").strip()
    words: list[str] = []
    latin = ""
    surname = han_only(text)[: surname_length(text)]
    special = SURNAME_READINGS.get(surname) if surname else None
    han_seen = 0
    for ch in text:
        if _is_han(ch):
            if latin:
                words.append(latin)
                latin = ""
            if special is not None and han_seen < len(surname):
                reading = special[han_seen] if len(surname) == 2 else special[0]
            else:
                readings = _char_readings(ch)
                reading = readings[0] if readings else ch
            words.append(reading)
            han_seen += 1
        elif ch.isascii() and ch.isalnum():
            latin += ch.lower()
        elif latin:
            words.append(latin)
            latin = ""
    if latin:
        words.append(latin)
    return " ".join(words) or SORT_LAST


@lru_cache(maxsize=32768)
def _char_readings(ch: str) -> tuple[str, ...]:
    # Imported on first use: pypinyin's dictionaries take time to load, which start-up
    # does not need (the roster opens without a search). Only single characters are read
    # here, which pypinyin's phrase dictionary never answers: its own switch leaves that
    # dictionary unloaded (12 MB and 36 ms instead of 56 MB and 146 ms).
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    from pypinyin import Style, pinyin

    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    if not found:
        return ()
    return tuple(found[0][:2] if ch in COMMON_HETERONYMS else found[0][:1])


@lru_cache(maxsize=65536)
def name_readings(name: str) -> tuple[tuple[str, ...], ...]:
    """Every common reading of the Han characters of `name`, surname reading first.

    Each reading is a tuple of syllables; characters that are not Han are skipped.
    """
    han = han_only(name)
    if not han:
        return ()
    per_char: list[tuple[str, ...]] = []
    surname = han[: surname_length(name)]
    rest = han
    if surname in SURNAME_READINGS:
        readings = SURNAME_READINGS[surname]
        if len(surname) == 2:
            per_char += [(readings[0],), (readings[1],)]
        else:
            # The everyday reading too: some people do say "ceng" for 曾.
            everyday = [r for r in _char_readings(surname) if r not in readings]
            per_char.append((*readings, *everyday[:1]))
        rest = han[len(surname) :]
    for ch in rest:
        readings = _char_readings(ch)
        if readings:
            per_char.append(readings)
    combos = islice(product(*per_char), MAX_NAME_READINGS)
    return tuple(dict.fromkeys(combos))
