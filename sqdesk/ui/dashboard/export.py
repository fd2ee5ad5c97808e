"""The dashboard's tables as an .xlsx workbook (XlsxWriter, as the roster export): the
headline figures with the previous period, the series, the layers, the levels, the cohorts
and the groups, a sheet each, with the same words as the page."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import xlsxwriter

from sqdesk.ui.dashboard.board import HEADLINE, Board, value_of
from sqdesk.ui.dashboard.words import DashboardWords


def write_xlsx(board: Board, words: DashboardWords, titles: dict[str, str], path: Path) -> None:
    """Written to a temporary file, then moved into place: nothing half-written."""
    tmp = path.with_name(path.name + ".part")
    wb = _Book(tmp)
    sheet = wb.create_sheet("Figures")
    sheet.append([words.column("figure"), words.column("now"), words.column("before")])
    if board.figures is not None:
        for key in HEADLINE:
            before = value_of(board.previous, key) if board.previous else None
            sheet.append([words.figure(key), value_of(board.figures, key), before])
    series = wb.create_sheet("Series")
    series.append([words.column("from"), words.column("to"), titles["active"], titles["visits"],
                   titles["spend"]])  # fmt: skip
    for b in board.series:
        series.append([b.first, b.last, b.active, b.visits, b.spend_cents / 100])
    layers = wb.create_sheet("Layers")
    layers.append([words.column("layer"), words.column("members")])
    for key, n in board.layers.items():
        layers.append([words.layer(key), n])
    levels = wb.create_sheet("Levels")
    levels.append([words.column("level"), words.column("members")])
    for name, n in board.levels:
        levels.append([name or words.no_level(), n])
    cohorts = wb.create_sheet("Cohorts")
    cohorts.append([titles["week"], titles["joined"], words.figure("retention_7"),
                    words.figure("retention_30")])  # fmt: skip
    for c in board.cohorts:
        cohorts.append([c.week, c.joined, c.kept.get(7), c.kept.get(30)])
    groups = wb.create_sheet("Groups")
    groups.append([words.column("group"), *(words.figure(k) for k in HEADLINE)])
    for g in board.groups:
        groups.append([g.figures.scope.name, *(value_of(g.figures, k) for k in HEADLINE)])
    wb.close()
    tmp.replace(path)


class _Book:
    """Sheets that take whole rows (`append`), written as they come."""

    def __init__(self, path: Path) -> None:
        self.book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
        self.dates = self.book.add_format({"num_format": "yyyy-mm-dd"})

    def create_sheet(self, title: str) -> _Sheet:
        return _Sheet(self.book.add_worksheet(title), self.dates)

    def close(self) -> None:
        self.book.close()


class _Sheet:
    def __init__(self, sheet, dates) -> None:
        self.sheet, self.dates, self.row = sheet, dates, 0

    def append(self, values: list) -> None:
        for col, value in enumerate(values):
            if isinstance(value, date):
                self.sheet.write_datetime(self.row, col, datetime.combine(value, time()),
                                          self.dates)  # fmt: skip
            elif value is None:
                self.sheet.write_blank(self.row, col, None)
            else:
                self.sheet.write(self.row, col, value)
        self.row += 1
