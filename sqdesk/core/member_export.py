"""Exporting members to .xlsx or .csv, in the order and with the columns the caller shows.

Mobiles are written as text (Excel would turn 13800138000 into 1.38E+10), CSV is UTF-8
with a BOM so Excel on a Chinese Windows opens it correctly, and the file appears under
its name only once it is complete.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from sqdesk.core import audit, tags
from sqdesk.core.errors import CodedError
from sqdesk.core.jobs import Cancelled, Progress, ShouldStop, never_stop, no_progress
from sqdesk.core.members import FIGURE_VALUES, FIGURES, SortKey, with_figures
from sqdesk.core.models import Member
from sqdesk.core.store import Store

# Headers a re-import maps back to the same fields (see member_import.SYNONYMS).
DEFAULT_HEADERS: dict[SortKey, str] = {
    SortKey.CODE: "会员码", SortKey.NAME: "姓名", SortKey.NICKNAME: "群昵称",
    SortKey.MOBILE: "手机号", SortKey.GENDER: "性别", SortKey.BIRTHDAY: "生日",
    SortKey.JOINED: "入会日期", SortKey.SOURCE: "来源", SortKey.REGION: "地区",
    SortKey.WECHAT: "微信号", SortKey.REMARK: "备注",
    # Figures: written for reading, ignored by an import (they come from the ledger).
    SortKey.POINTS: "积分", SortKey.LEVEL: "等级", SortKey.LAST_VISIT: "最近到店",
    SortKey.SPEND: "近12个月消费", SortKey.VISITS: "近90天到店次数",
}  # fmt: skip
_GENDER = {"F": "女", "M": "男", "": ""}
_BLOCK = 1000
TEXT_COLUMNS = {SortKey.MOBILE, SortKey.CODE, SortKey.WECHAT}


class ExportError(CodedError):
    """An export refused before anything was written (see CodedError)."""

    area = "export"


# Not a member column: the member's tags, joined with 、 (as the roster's chips show them).
TAGS = "tags"


def _text(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):  # a date, or a timestamp
        return value.isoformat()
    return str(value)


def _last_visit(value: datetime | None) -> str:
    return "" if value is None else value.astimezone().date().isoformat()  # the shop's day


# How a field's value becomes a cell where its value is not the text to show.
_CELL: dict[SortKey, Callable[[object], str]] = {
    SortKey.GENDER: lambda v: _text(_GENDER.get(v, v)),
    SortKey.LAST_VISIT: _last_visit,
    SortKey.SPEND: lambda v: f"{v / 100:.2f}",  # yuan, as a number Excel sums
}


def _values(store: Store, ids: Sequence[int], keys: Sequence[SortKey | str]) -> Iterator[list[str]]:
    fields = [k for k in keys if k != TAGS]
    columns = [FIGURE_VALUES[k] if k in FIGURES else getattr(Member, k.value) for k in fields]
    special = [(i, _CELL[k]) for i, k in enumerate(fields) if k in _CELL]
    query = select(Member.id, *columns)
    if any(k in FIGURES for k in fields):
        query = with_figures(query)
    tags_at = keys.index(TAGS) if TAGS in keys else None
    for start in range(0, len(ids), _BLOCK):
        block = list(ids[start : start + _BLOCK])
        with store.read() as s:
            found = {r[0]: r[1:] for r in s.execute(query.where(Member.id.in_(block)))}
        tag_names = tags.names_by_member(store, block) if tags_at is not None else {}
        for member_id in block:
            row = found.get(member_id)
            if row is None:
                continue
            # Text stays as it is; other values are written as text.
            out = [v if type(v) is str else _text(v) for v in row]
            for i, cell in special:
                out[i] = cell(row[i])
            if tags_at is not None:
                out.insert(tags_at, "、".join(tag_names.get(member_id, [])))
            yield out


def export_members(
    store: Store,
    path: Path,
    *,
    member_ids: Sequence[int],
    columns: Sequence[tuple[SortKey | str, str]] | None = None,
    progress: Progress = no_progress,
    should_stop: ShouldStop = never_stop,
) -> int:
    """Write these members (in this order) with these (field, header) columns."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        where = suffix or "a file without extension"
        raise ExportError(
            "bad_suffix", f"cannot export to {where}: use .xlsx or .csv", suffix=suffix
        )
    # Without a choice (the CLI), the member's own fields, as before the figure columns came:
    # the file other tools read keeps its columns.
    cols = list(columns) if columns else [(k, h) for k, h in DEFAULT_HEADERS.items()
                                          if k not in FIGURES]  # fmt: skip
    keys = [k for k, _ in cols]
    headers = [h for _, h in cols]
    if not path.parent.is_dir():
        raise ExportError("no_folder", f"there is no folder {path.parent}",
                          folder=str(path.parent))  # fmt: skip
    tmp = path.with_name(path.name + ".part")
    total = len(member_ids)
    written = 0
    try:
        rows = _values(store, member_ids, keys)
        if suffix == ".csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(headers)
                for row in rows:
                    writer.writerow(row)
                    written += 1
                    if written % _BLOCK == 0:
                        _tick(written, total, progress, should_stop)
        else:
            written = _write_xlsx(tmp, headers, keys, rows, total, progress, should_stop)
        os.replace(tmp, path)
    except OSError as exc:  # a full disk, a file open in Excel, no permission
        raise ExportError(
            "cannot_write",
            f"cannot write {path}: {exc.strerror or exc}",
            path=str(path),
            detail=exc.strerror or str(exc),
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    progress(total, total)
    if not store.read_only:  # who took the roster out, and in which file
        audit.record_now(store, "export", rows=written, file=path.name)
    return written


def _tick(done: int, total: int, progress: Progress, should_stop: ShouldStop) -> None:
    if should_stop():
        raise Cancelled()
    progress(done, total)


def _write_xlsx(tmp, headers, keys, rows, total, progress, should_stop) -> int:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_numbers": False})
    try:
        sheet = book.add_worksheet("会员")
        bold = book.add_format({"bold": True})
        text = book.add_format({"num_format": "@"})
        for c, (key, header) in enumerate(zip(keys, headers, strict=True)):
            sheet.write_string(0, c, header, bold)
            sheet.set_column(c, c, 22 if key in (SortKey.REMARK, SortKey.NICKNAME) else 14,
                             text if key in TEXT_COLUMNS else None)  # fmt: skip
        sheet.freeze_panes(1, 0)
        written = 0
        write = sheet.write_string
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                # write_string everywhere: a mobile or a code must stay text, never a number.
                # An empty cell is left out (a fifth of a roster's cells): Excel shows the same.
                if value:
                    write(r, c, value)
            written += 1
            if written % _BLOCK == 0:
                _tick(written, total, progress, should_stop)
    finally:
        book.close()
    return written
