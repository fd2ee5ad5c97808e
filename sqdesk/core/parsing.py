"""Reading the values real shop spreadsheets and forms hold: dates, genders, numbers as text.

Each parser takes what a cell or a text box gives (str, int, float, datetime, None) and
returns a clean value or raises ValueError with a reason in plain words.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

# Excel's day 0 (it counts 1900 as a leap year, so serials from 61 on start here).
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_SERIAL_RANGE = (1, 2958465)  # 1900-01-01 .. 9999-12-31

_DATE_PATTERNS = (
    # 1990-01-02, 1990/1/2, 1990.1.2, 1990年1月2日, with an optional time after
    re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?"),
    # 19900102
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)


def to_text(value: object) -> str:
    """A cell as text: floats that are whole numbers lose their ".0" (13800138000.0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return unicodedata.normalize("NFC", str(value)).strip()


def parse_date(value: object) -> date | None:
    """A date from any of the forms sheets hold; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_excel_serial(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return _from_excel_serial(float(text))
    for pattern in _DATE_PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            year, month, day = (int(g) for g in m.groups())
            try:
                return date(year, month, day)
            except ValueError:
                raise ValueError(f"{text} is not a real date") from None
    raise ValueError(f"{text} is not a date (write it like 1990-01-02)")


def _from_excel_serial(number: float) -> date:
    low, high = _EXCEL_SERIAL_RANGE
    if not (low <= number <= high) or number != int(number):
        raise ValueError(f"{number} is not a date")
    return _EXCEL_EPOCH + timedelta(days=int(number))


_GENDERS = {
    "f": "F", "female": "F", "女": "F", "女士": "F", "女性": "F", "小姐": "F",
    "m": "M", "male": "M", "男": "M", "先生": "M", "男性": "M",
    "": "", "未知": "", "保密": "", "-": "", "unknown": "",
}  # fmt: skip


def parse_gender(value: object) -> str:
    text = unicodedata.normalize("NFKC", to_text(value)).strip().lower()
    if text in _GENDERS:
        return _GENDERS[text]
    raise ValueError(f"{text} is not a gender (男/女)")


def parse_bool(value: object) -> bool:
    text = unicodedata.normalize("NFKC", to_text(value)).strip().lower()
    if text in ("1", "y", "yes", "true", "是", "有", "√", "✓", "农历", "阴历"):
        return True
    if text in ("", "0", "n", "no", "false", "否", "无", "×", "公历", "阳历"):
        return False
    raise ValueError(f"{text} is not yes or no")
