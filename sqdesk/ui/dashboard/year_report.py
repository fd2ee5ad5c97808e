"""The yearly store report, put together for the printer: the year's figures counted
(sqdesk.core.year_report) and worded, then painted (sqdesk.printing.year_report). Runs in a
worker: only plain strings cross from the UI thread (YearReportWords, read beforehand)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqdesk.core import year_report
from sqdesk.core.store import Store
from sqdesk.printing.page import write_pdf
from sqdesk.printing.year_report import Section, YearReportDocument
from sqdesk.ui.dashboard.board import Board
from sqdesk.ui.dashboard.words import DashboardWords, YearReportWords
from sqdesk.ui.notes.words import NoteWords


def paint_year_report(store: Store, year: int, path: Path, words: YearReportWords,
                      *, today: date | None = None) -> int:  # fmt: skip
    report = year_report.build(store, year, today=today)
    figures = DashboardWords()
    reasons = NoteWords()
    headline = [(name, value) for _k, name, value, _c in
                Board(figures=report.figures).headline(figures)]  # fmt: skip
    so_far = report.last != date(year, 12, 31)
    subtitle = (words.so_far.replace("%1", report.last.isoformat()) if so_far
                else words.whole_year.replace("%1", str(year)))  # fmt: skip
    best = report.best_month
    best_rows = ([(words.best_month.replace("%1", words.month.replace("%1", str(best.month))),
                   f"¥{best.spend_cents / 100:,.0f}")] if best else [])  # fmt: skip
    sections = [
        Section(words.best, best_rows, ""),
        Section(words.activities, [(t, words.times.replace("%1", str(n)))
                                   for t, n in report.activities], words.no_activities),
        Section(words.referrers, [(f"{name} ({code})", words.people.replace("%1", str(n)))
                                  for code, name, n in report.figures.referrals.top],
                words.no_referrers),
        Section(words.levels, [(name, words.people.replace("%1", str(n)))
                               for name, n in report.level_ups], words.no_levels),
        Section(words.lapses, [(reasons.reason(r.reason) if r.reason else words.not_said,
                                words.share.replace("%1", str(r.members))
                                .replace("%2", f"{r.share:.0%}"))
                               for r in report.lapse_reasons], words.no_lapses),
    ]  # fmt: skip
    doc = YearReportDocument(
        words.title.replace("%1", str(year)), subtitle, headline, words.months,
        [words.month.replace("%1", str(m.month)) for m in report.months],
        [m.visits for m in report.months], [m.spend_cents / 100 for m in report.months],
        sections)  # fmt: skip
    return write_pdf(doc, path, title=doc.title)
