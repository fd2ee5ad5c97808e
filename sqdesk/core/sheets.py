"""Reading a spreadsheet the way shops have them: .xlsx/.xls/.ods or .csv in any encoding.

The header row is found rather than assumed (sheets often start with a merged title row
such as "会员名单 2026"), and every data row keeps its row number as the sheet shows it, so a
report can say "row 17: ...".
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from sqdesk.core.errors import CodedError

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
HEADER_SEARCH_ROWS = 20
# UTF-8 first (with or without BOM); Chinese Excel saves CSV as GBK, and GB18030 reads
# every GBK file and more.
ENCODINGS = ("utf-8-sig", "gb18030")


class SheetError(CodedError):
    """The file cannot be read as a table: `code` says why, str() in English."""

    area = "sheet"

    ENGLISH: ClassVar[dict[str, str]] = {
        "missing": "the file does not exist",
        "unsupported": "is not a spreadsheet (use .xlsx, .xls or .csv)",
        "not_a_spreadsheet": "cannot be read as a spreadsheet: {detail}",
        "encoding": "is not a text file in UTF-8 or GBK",
        "empty": "has no rows",
        "no_header": "has no header row naming known columns (such as 姓名 or 手机号)",
        "no_data": "has a header row but no data rows",
    }

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(code, self.ENGLISH[code].format(**values), **values)


@dataclass
class Table:
    header_row: int  # 1-based row number of the header
    headers: list[str]
    rows: list[tuple[int, list]] = field(default_factory=list)  # (row number, cells)


def read_rows(path: Path) -> list[list]:
    """Every row of the first sheet (or the CSV) as a list of cell values."""
    if not path.exists():
        raise SheetError("missing")
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(path)
    if suffix in TEXT_SUFFIXES:
        return _read_csv(path)
    raise SheetError("unsupported")


def _read_excel(path: Path) -> list[list]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        if not book.sheet_names:
            raise SheetError("empty")
        return [list(r) for r in book.get_sheet_by_index(0).to_python(skip_empty_area=False)]
    except SheetError:
        raise
    except Exception as exc:  # calamine raises its own error types for broken files
        raise SheetError("not_a_spreadsheet", detail=str(exc).splitlines()[0][:200]) from exc


def _read_csv(path: Path) -> list[list]:
    data = path.read_bytes()
    if b"\x00" in data[:65536]:
        raise SheetError("encoding")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SheetError("encoding")
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|，")
    except csv.Error:
        dialect = csv.excel_tab if sample.count("\t") > sample.count(",") else csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def normalize_header(text: object) -> str:
    """姓名*、 "手机号码（必填）", " Mobile " -> comparable keys."""
    t = unicodedata.normalize("NFKC", str(text or "")).strip().lower()
    for junk in ("(必填)", "(选填)", "*", ":", "：", " ", "\u3000", "_", "-"):
        t = t.replace(junk, "")
    return t


def find_table(
    rows: list[list], is_known: Callable[[str], bool], *, header_row: int | None = None
) -> Table:
    """Locate the header and the data under it.

    The header is the row naming the most known columns, or `header_row` (1-based) when
    the user says which it is.
    """
    if not any(any(str(c).strip() for c in row if c is not None) for row in rows):
        raise SheetError("empty")
    best_index, best_hits = -1, 0
    if header_row is not None:
        best_index = header_row - 1
    else:
        for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
            hits = sum(1 for cell in row if is_known(normalize_header(cell)))
            # On a tie with the row just above, the lower row: in a two-row header it is
            # the specific one (手机, 微信 under a merged 联系方式).
            if hits > best_hits or (hits and hits == best_hits and index == best_index + 1):
                best_index, best_hits = index, hits
    if not 0 <= best_index < len(rows):
        raise SheetError("no_header")
    headers = [str(c).strip() if c is not None else "" for c in rows[best_index]]
    if best_index > 0:
        # A two-row header with cells merged down (姓名 over both rows, 联系方式 over 手机 and
        # 微信): an empty cell takes the name from the row above.
        above = rows[best_index - 1]
        for i, h in enumerate(headers):
            if not h and i < len(above) and str(above[i] or "").strip():
                headers[i] = str(above[i]).strip()
    table = Table(header_row=best_index + 1, headers=headers)
    for offset, row in enumerate(rows[best_index + 1 :], start=best_index + 2):
        if any(str(c).strip() for c in row if c is not None):
            cells = list(row) + [""] * (len(headers) - len(row))
            table.rows.append((offset, cells))
    if not table.rows:
        raise SheetError("no_data")
    return table
