"""The Dashboard page (Ctrl+8): is the community alive, which layer needs attention, and one
board per WeChat group.

The headline figures (each with a "?" giving its definition, and its change against the
previous period of the same length), active members over time, visits and spend, the
layers and levels at the end of the period, the cohorts by join week, and the groups side
by side. A period (this week, this month, the last 30, 90 or 365 days, a custom range)
and a scope (the store, a group, a segment) choose what is counted.

Everything is counted in the background, part by part (sqdesk.core.metrics and
metrics_board): the page stays usable and each part appears when it is ready; a result for
a choice since changed is dropped. Export: the board as PNG (what is on screen) or PDF (the
same drawings on A4), the tables as .xlsx.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import groups, metrics, metrics_board, segments
from sqdesk.core.errors import CodedError
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, follow
from sqdesk.ui.dashboard.board import HEADLINE, Board, Draw
from sqdesk.ui.dashboard.words import DashboardWords, YearReportWords
from sqdesk.ui.jobs import run_job, run_quiet
from sqdesk.ui.members.segment_words import SegmentWords
from sqdesk.ui.refusals import failure_text, refusal_text
from sqdesk.ui.widgets import open_file_dialog, toast, warn

PERIODS = ("week", "month", "30", "90", "365", "custom")
# The drawings under the figures, in Board.panels' order.
PANELS = ("active", "visits_spend", "layers", "levels", "cohorts", "groups")


def period_dates(key: str, today: date) -> tuple[date, date]:
    if key == "week":
        return today - timedelta(days=today.weekday()), today
    if key == "month":
        return today.replace(day=1), today
    return today - timedelta(days=int(key) - 1), today


VALUE_PX, MIN_VALUE_PX = 20, 12  # a figure's size on its card, and the smallest it shrinks to


class FigureCard(QFrame):
    """One headline figure: its name with a "?" (the definition), the value, the change."""

    def __init__(self, key: str, name: str, definition: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.key = key
        self.name = QLabel(name, self)
        self.name.setStyleSheet("color: #5d6359;")
        # A long name (in English: "Activity participation") takes a second line rather
        # than being cut off at the card's edge.
        self.name.setWordWrap(True)
        self.setMinimumWidth(110)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.help = QToolButton(self)
        self.help.setText("?")
        self.help.setAutoRaise(True)
        self.help.setToolTip(definition)
        self.help.clicked.connect(lambda: QToolTip.showText(
            self.help.mapToGlobal(self.help.rect().bottomLeft()), definition, self.help))
        self.value = QLabel("…", self)
        self.value.setObjectName("figureValue")
        self.value.setMinimumWidth(1)  # it shrinks to fit (_fit_value), never cuts off
        font = self.value.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.value.setFont(font)
        self._fit_value()
        self.change = QLabel("", self)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.name, 1)
        top.addWidget(self.help)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addStretch(1)  # the values of a row line up when one name takes two lines
        layout.addWidget(self.value)
        layout.addWidget(self.change)

    def set(self, value: str, change: str) -> None:
        self.value.setText(value)
        self._fit_value()
        self.change.setText(change)
        colour = "#2e7d5b" if change.startswith("▲") else "#b3261e"
        self.change.setStyleSheet(f"color: {colour};")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_value()

    def _fit_value(self) -> None:
        """The value in its full size when it fits the card, smaller when it does not (a
        big store's spend in a narrow window): a figure is never shown cut off."""
        font = self.value.font()
        room = self.contentsRect().width() - 20  # the layout's margins
        for px in range(VALUE_PX, MIN_VALUE_PX - 1, -1):
            font.setPixelSize(px)
            if QFontMetrics(font).horizontalAdvance(self.value.text()) <= room:
                break
        if self.value.font().pixelSize() != px:
            self.value.setFont(font)


class ChartView(QWidget):
    """A titled panel whose drawing is one of sqdesk.printing.charts' (None: "counting")."""

    def __init__(self, title: str, waiting: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.title, self.waiting = title, waiting
        self.draw: Draw | None = None
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_draw(self, draw: Draw | None) -> None:
        self.draw = draw
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        p.setPen(QColor("#d9ddd3"))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("#2f3430"))
        p.drawText(QRectF(10, 6, self.width() - 20, 20),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.title)
        area = QRectF(10, 30, self.width() - 20, self.height() - 40)
        if self.draw is None:
            from sqdesk.printing.charts import empty

            empty(p, area, self.waiting)
        else:
            self.draw(p, area, 1.0)
        p.end()


class DashboardPage(QWidget):
    # Every part of a load is shown (the status line then names the period): what a test
    # or the benchmark waits for.
    counted = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self.store = store
        self.words = DashboardWords(self)
        self.board = Board()
        self.generation = 0
        self.period = QComboBox(self)
        self.period.setObjectName("dashboardPeriod")
        for key in PERIODS:
            self.period.addItem(self.words.period(key), key)
        self.period.setCurrentIndex(PERIODS.index("30"))
        self.first = QDateEdit(self)
        self.last = QDateEdit(self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setVisible(False)
            edit.dateChanged.connect(self._custom_changed)
        self.scope = QComboBox(self)
        self.scope.setObjectName("dashboardScope")
        # Not as wide as its longest segment name: the page must fit a small window.
        self.scope.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope.setMinimumContentsLength(10)
        self.export_button = QPushButton(self.tr("Export"), self)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Board as PNG…"), self.ask_png)
        menu.addAction(self.tr("Board as PDF…"), self.ask_pdf)
        menu.addAction(self.tr("Tables as Excel…"), self.ask_xlsx)
        menu.addSeparator()
        menu.addAction(self.tr("Year Report (PDF)…"), self.ask_year_report)
        self.export_button.setMenu(menu)
        self.status = QLabel(self)
        self.status.setObjectName("dashboardStatus")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period:"), self))
        bar.addWidget(self.period)
        bar.addWidget(self.first)
        bar.addWidget(self.last)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Whose:"), self))
        bar.addWidget(self.scope, 1)
        bar.addWidget(self.status)
        bar.addStretch(1)
        bar.addWidget(self.export_button)

        self.content = QWidget(self)
        self.content.setObjectName("dashboardBoard")
        self.content.setStyleSheet("#dashboardBoard { background: #f6f7f3; }")
        self.cards = {k: FigureCard(k, self.words.figure(k), self.words.definition(k),
                                    self.content) for k in HEADLINE}  # fmt: skip
        grid = QGridLayout()
        grid.setSpacing(8)
        for i, key in enumerate(HEADLINE):
            grid.addWidget(self.cards[key], i // 6, i % 6)
        self.titles = {
            "active": self.tr("Active members"),
            "visits": self.tr("Visits"),
            "spend": self.tr("Spend"),
            "visits_spend": self.tr("Visits (bars) and spend (line)"),
            "layers": self.tr("Layers at the end of the period"),
            "levels": self.tr("Levels at the end of the period"),
            "cohorts": self.tr("Retention by join week"),
            "week": self.tr("Joined in the week of"),
            "joined": self.tr("Joined"),
            "groups": self.tr("The groups side by side"),
        }
        waiting = self.tr("Counting…")
        self.charts = {k: ChartView(self.titles[k], waiting, self.content)
                       for k in PANELS}  # fmt: skip
        charts_grid = QGridLayout()
        charts_grid.setSpacing(8)
        charts_grid.addWidget(self.charts["active"], 0, 0)
        charts_grid.addWidget(self.charts["visits_spend"], 0, 1)
        charts_grid.addWidget(self.charts["layers"], 1, 0)
        charts_grid.addWidget(self.charts["levels"], 1, 1)
        charts_grid.addWidget(self.charts["cohorts"], 2, 0)
        charts_grid.addWidget(self.charts["groups"], 2, 1)
        inner = QVBoxLayout(self.content)
        inner.addLayout(grid)
        inner.addLayout(charts_grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

        self._fill_scopes()
        self.period.currentIndexChanged.connect(self._period_changed)
        self.scope.currentIndexChanged.connect(self.load)
        follow(self, {Area.MEMBERS, Area.POINTS, Area.CALENDAR, Area.POSTS, Area.NOTES,
                      Area.GROUPS, Area.DAY}, self.load, fill_when_shown=True,
               deferred=True)  # fmt: skip
        follow(self, {Area.GROUPS, Area.SEGMENTS}, self._fill_scopes)

    def set_store(self, store: Store) -> None:
        self.store = store
        self._fill_scopes()
        if self.isVisible():
            self.load()
        else:
            self.generation += 1  # anything on its way is for the old store
            self._stale = True

    _stale = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.load()

    # --- what is counted -----------------------------------------------------------------

    def _fill_scopes(self) -> None:
        chosen = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        # Item data is text ("store", "group:NAME", "segment:KEY"): Qt keeps it as is.
        self.scope.addItem(self.tr("The whole store"), "store")
        for g in groups.list_groups(self.store):
            self.scope.addItem(self.tr("Group: %1").replace("%1", g.name), f"group:{g.name}")
        names = SegmentWords(self)
        for key in segments.BUILTIN:
            self.scope.addItem(self.tr("Segment: %1").replace("%1", names.name(key)),
                               f"segment:{key}")  # fmt: skip
        for name in segments.saved(self.store):
            self.scope.addItem(self.tr("Segment: %1").replace("%1", name), f"segment:{name}")
        index = self.scope.findData(chosen) if chosen else 0
        self.scope.setCurrentIndex(max(0, index))
        self.scope.blockSignals(False)

    def dates(self) -> tuple[date, date]:
        key = self.period.currentData()
        if key == "custom":
            return self.first.date().toPython(), self.last.date().toPython()
        return period_dates(key, date.today())

    def chosen_scope(self) -> metrics.Scope:
        kind, _, name = (self.scope.currentData() or "store").partition(":")
        if kind == "group":
            return metrics.group_scope(self.store, name)
        if kind == "segment":
            return metrics.segment_scope(self.store, name)
        return metrics.STORE

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        if custom:
            first, last = period_dates("30", date.today())
            for edit, d in ((self.first, first), (self.last, last)):
                edit.blockSignals(True)
                edit.setDate(QDate(d.year, d.month, d.day))
                edit.blockSignals(False)
        self.first.setVisible(custom)
        self.last.setVisible(custom)
        self.load()

    def _custom_changed(self) -> None:
        if self.period.currentData() == "custom":
            self.load()

    def load(self) -> None:
        """Count everything again for the chosen period and scope, part by part."""
        self.generation += 1
        mine = self.generation
        first, last = self.dates()
        try:
            metrics.check_period(first, last)
            scope = self.chosen_scope()
        except CodedError as exc:
            self.status.setText(f"<span style='color:#b3261e'>{refusal_text(exc)}</span>")
            return
        self.board = Board()
        self._cohorts_in = False
        self.status.setText(self.tr("Counting…"))
        for card in self.cards.values():
            card.set("…", "")
        for view in self.charts.values():
            view.set_draw(None)
        store = self.store
        before = metrics.previous_period(first, last)
        # The shop's figures and the group boards count the same calendar: expanded once.
        calendar = metrics.SharedCalendar(store, first, min(last, date.today()))
        # The figures, the previous period's and the series read the same day bitmaps.
        days = metrics.shared_days(store, first, last)

        def headline(_progress, _stop):  # the cohorts are the figures' joiners by week
            figures = metrics.compute(store, first, last, scope, calendar=calendar,
                                      days=days)  # fmt: skip
            return figures, metrics_board.cohorts(store, first, last, scope,
                                                  joined=figures.joined)  # fmt: skip

        def ends(_progress, _stop):
            return (metrics_board.layers(store, last, scope),
                    metrics_board.levels(store, last, scope))

        parts = [
            (headline, self._show_headline),
            (lambda _p, _s: metrics.compute(store, *before, scope, days=days),
             self._show_previous),
            (lambda _p, _s: metrics_board.series(store, first, last, scope, days=days),
             self._show_series),
            (ends, self._show_ends),
        ]  # fmt: skip
        if scope.kind == "store":
            parts.append((lambda _p, _s: metrics_board.group_boards(
                store, first, last, calendar=calendar, days=days), self._show_groups))  # fmt: skip
        self.waiting = len(parts)
        for work, show in parts:
            run_quiet(self, work, on_success=lambda result, show=show: self._arrived(
                mine, show, result), on_failure=lambda exc: self._failed(mine, exc))

    def _arrived(self, generation: int, show, result) -> None:
        if generation != self.generation:
            return  # counted for a choice since changed
        show(result)
        self.waiting -= 1
        if self.waiting == 0:
            first, last = self.dates()
            self.status.setText(self.tr("%1 to %2").replace("%1", first.isoformat())
                                .replace("%2", last.isoformat()))  # fmt: skip
            self.counted.emit()

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self.generation:
            text = failure_text(exc)
            self.status.setText(f"<span style='color:#b3261e'>{text}</span>")

    # --- showing the parts -----------------------------------------------------------------

    def _show_headline(self, result) -> None:
        self.board.figures, cohorts = result
        self._show_cohorts(cohorts)
        self._show_cards()

    def _show_previous(self, result) -> None:
        self.board.previous = result
        if self.board.figures is not None:
            self._show_cards()  # the change beside each figure

    def _show_cards(self) -> None:
        for key, _name, value, change in self.board.headline(self.words):
            self.cards[key].set(value, change)
        self.cards["active_rate"].value.setToolTip(
            self.tr("%n active member(s)", "", self.board.figures.active_members))

    def _redraw(self, *keys: str) -> None:
        """Draw the panels of the part that arrived, and only those: redrawn with every
        part, the six charts were painted about 29 times a load, 50 ms of the UI thread's
        time at 12 months while the other parts still counted."""
        drawn = self.board.panels(self.words, self.titles)
        panels = dict(zip(PANELS, (d for _t, d in drawn), strict=False))
        ready = {"active": bool(self.board.series), "visits_spend": bool(self.board.series),
                 "layers": bool(self.board.layers), "levels": bool(self.board.levels),
                 "cohorts": self._cohorts_in, "groups": bool(self.board.groups)}  # fmt: skip
        for key in keys:
            self.charts[key].set_draw(panels.get(key) if ready[key] else None)

    _cohorts_in = False

    def _show_series(self, result) -> None:
        self.board.series = result
        self._redraw("active", "visits_spend")

    def _show_ends(self, result) -> None:
        self.board.layers, self.board.levels = result
        self._redraw("layers", "levels")

    def _show_cohorts(self, result) -> None:
        self.board.cohorts = result
        self._cohorts_in = True
        self._redraw("cohorts")

    def _show_groups(self, result) -> None:
        self.board.groups = result
        self._redraw("groups")

    # --- export ----------------------------------------------------------------------------

    def _name(self, suffix: str) -> str:
        first, last = self.dates()
        return f"dashboard-{first}-{last}.{suffix}"

    def ask_png(self):
        return open_file_dialog(self, self.tr("Save the Board as PNG"), self._name("png"),
                                [self.tr("PNG pictures (*.png)")], self.save_png,
                                save_suffix=".png")  # fmt: skip

    def save_png(self, path: Path) -> bool:
        ok = self.content.grab().save(str(path), "PNG")
        if ok:
            toast(self, self.tr("Saved %1.").replace("%1", path.name))
        else:
            warn(self, self.tr("Export"), self.tr("Could not write %1.").replace("%1", str(path)))
        return ok

    def ask_pdf(self):
        return open_file_dialog(self, self.tr("Save the Board as PDF"), self._name("pdf"),
                                [self.tr("PDF (*.pdf)")], self.save_pdf,
                                save_suffix=".pdf")  # fmt: skip

    def save_pdf(self, path: Path) -> int:
        from sqdesk.printing.dashboard import BoardDocument
        from sqdesk.printing.page import write_pdf

        first, last = self.dates()
        title = self.tr("Community dashboard, %1 to %2").replace(
            "%1", first.isoformat()).replace("%2", last.isoformat())  # fmt: skip
        doc = BoardDocument(title, self.scope.currentText(), self.board.headline(self.words),
                            self.board.panels(self.words, self.titles))  # fmt: skip
        pages = write_pdf(doc, path, title=title)
        toast(self, self.tr("Saved %1.").replace("%1", path.name))
        return pages

    def report_year(self) -> int:
        """The year of the chosen period's last day."""
        return self.dates()[1].year

    def ask_year_report(self):
        year = self.report_year()
        return open_file_dialog(self, self.tr("Save the Year Report"), f"report-{year}.pdf",
                                [self.tr("PDF (*.pdf)")], self.save_year_report,
                                save_suffix=".pdf")  # fmt: skip

    def save_year_report(self, path: Path):
        """Count the year and paint the report off the UI thread (a year of a big store
        takes a second or two)."""
        from sqdesk.ui.dashboard.year_report import paint_year_report

        store, year = self.store, self.report_year()
        words = YearReportWords(self)
        return run_job(self, self.tr("Year Report"),
                       lambda _progress, _stop: paint_year_report(store, year, path, words),
                       label=self.tr("Counting %1…").replace("%1", str(year)),
                       on_success=lambda _pages: toast(self, self.tr("Saved %1.")
                                                       .replace("%1", path.name)),
                       on_failure=lambda exc: warn(self, self.tr("Year Report"),
                                                   refusal_text(exc)
                                                   if isinstance(exc, CodedError)
                                                   else str(exc)))  # fmt: skip

    def ask_xlsx(self):
        return open_file_dialog(self, self.tr("Save the Tables as Excel"), self._name("xlsx"),
                                [self.tr("Excel workbooks (*.xlsx)")], self.save_xlsx,
                                save_suffix=".xlsx")  # fmt: skip

    def save_xlsx(self, path: Path) -> None:
        from sqdesk.ui.dashboard.export import write_xlsx

        write_xlsx(self.board, self.words, self.titles, path)
        toast(self, self.tr("Saved %1.").replace("%1", path.name))
