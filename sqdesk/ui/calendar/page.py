"""The Calendar page: month, week and agenda views of the activities, with overlays
(festivals, solar terms, marketing days, birthdays) the manager switches on and off, and
the selected day's list beside the grid. Only the visible range is expanded."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import activities, festivals, starter_plan
from sqdesk.core.activities import ActivityError, Occurrence, PhaseTask
from sqdesk.core.festivals import Overlay
from sqdesk.core.pinyin import sort_key
from sqdesk.core.store import Store
from sqdesk.ui import dates, prefs
from sqdesk.ui.calendar.activity_dialog import ActivityDialog
from sqdesk.ui.calendar.month_cell import HeadingRole, LinesRole, MonthCellDelegate, RoutineRole
from sqdesk.ui.calendar.occurrence_dialog import OccurrenceDialog
from sqdesk.ui.calendar.words import CalendarWords
from sqdesk.ui.changes import Area, announce, follow
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import PageHeader, open_file_dialog

OccurrenceRole = Qt.ItemDataRole.UserRole + 1  # (activity_id, original_date)
PhaseRole = Qt.ItemDataRole.UserRole + 4  # a campaign task's phase
DateRole = Qt.ItemDataRole.UserRole + 2
HOURS = range(6, 24)  # the week view's rows
DAY_NAMES = 100  # birthdays named in the day list
AGENDA_NAMES = 300  # birthdays named in the agenda; more are counted per day
_OVERLAY_COLOURS = {"festival": "#c53030", "solar_term": "#2c7a7b", "marketing": "#d53f8c",
                    "birthday": "#b7791f"}  # fmt: skip


def _hm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


class CalendarPage(QWidget):
    openMember = Signal(int)
    status = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPage")
        self.store = store
        self.words = CalendarWords(self)
        self.current = date.today()  # the selected day
        self.view = "month"
        self.header = PageHeader(self.tr("Calendar"), parent=self)

        self.today_button = QToolButton(self)
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Go to today (T)"))
        self.today_button.clicked.connect(lambda: self.go_to(date.today()))
        self.prev_button = QToolButton(self)
        self.prev_button.setText("‹")
        self.prev_button.setToolTip(self.tr("Previous (Page Up)"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QToolButton(self)
        self.next_button.setText("›")
        self.next_button.setToolTip(self.tr("Next (Page Down)"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.views = QButtonGroup(self)
        view_row = QHBoxLayout()
        for key, text in (("month", self.tr("Month")), ("week", self.tr("Week")),
                          ("agenda", self.tr("Agenda"))):  # fmt: skip
            b = QToolButton(self)  # compact: the page fits a 1024-pixel screen
            b.setText(text)
            b.setCheckable(True)
            b.setChecked(key == self.view)
            b.setObjectName(f"view_{key}")
            b.clicked.connect(lambda _c, k=key: self.set_view(k))
            self.views.addButton(b)
            view_row.addWidget(b)
        self.new_button = QPushButton(self.tr("New Activity…"), self)
        self.new_button.setObjectName("newActivity")
        self.new_button.clicked.connect(lambda: self.new_activity(self.current))
        self.starter_button = QPushButton(self.tr("Add Starter Plan"), self)
        self.starter_button.setToolTip(self.tr("Daily posts, weekly fixed days, the monthly "
                                               "member day and a yearly fan festival, to edit "
                                               "freely"))  # fmt: skip
        self.starter_button.clicked.connect(self.add_starter_plan)
        self.starter_button.hide()  # shown by refresh() while the calendar is empty
        bar = QHBoxLayout()
        bar.addWidget(self.today_button)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addLayout(view_row)
        bar.addStretch(1)
        # A push button with a menu, as the Dashboard's Export: a tool button's menu arrow
        # was drawn over its short text.
        self.ics_button = QPushButton(self.tr(".ics"), self)
        self.ics_button.setObjectName("icsMenu")
        self.ics_button.setToolTip(self.tr("Exchange activities with other calendar programs"))
        ics_menu = QMenu(self.ics_button)
        ics_menu.addAction(self.tr("Export All Activities (.ics)…"), self.ask_export)
        self.import_action = ics_menu.addAction(self.tr("Import .ics…"), self.ask_import)
        self.ics_button.setMenu(ics_menu)
        bar.addWidget(self.ics_button)
        bar.addWidget(self.starter_button)
        bar.addWidget(self.new_button)

        self.overlay_boxes: dict[str, QCheckBox] = {}
        overlay_row = QHBoxLayout()
        overlay_row.addWidget(QLabel(self.tr("Show:"), self))
        saved = prefs.settings().value("calendar/overlays", ",".join(festivals.KINDS))
        shown = set(str(saved).split(",")) if saved is not None else set(festivals.KINDS)
        for kind in festivals.KINDS:
            box = QCheckBox(self.words.overlay(kind), self)
            box.setChecked(kind in shown)
            box.toggled.connect(self._overlays_changed)
            self.overlay_boxes[kind] = box
            overlay_row.addWidget(box)
        overlay_row.addStretch(1)

        self.grid = QTableWidget(self)
        self.grid.setObjectName("calendarGrid")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(False)
        self.grid.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Kept on self: PySide calls the Python paint() only while the wrapper lives.
        self.month_cells = MonthCellDelegate(self.grid, more_text=lambda n: self.tr(
            "+%1 more").replace("%1", str(n)))  # fmt: skip
        self.grid.setItemDelegate(self.month_cells)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.currentCellChanged.connect(self._cell_changed)
        self.grid.cellDoubleClicked.connect(self._cell_double_clicked)
        # Where a double-click landed in a month cell: on an activity's line, it opens it.
        self._double_click_y: int | None = None
        self.grid.viewport().installEventFilter(self)
        self.agenda = QListWidget(self)
        self.agenda.setObjectName("agendaList")
        # itemActivated alone: a double-click also activates, and connecting both opened
        # every occurrence twice.
        self.agenda.itemActivated.connect(self._open_item)
        self.agenda.hide()
        self.day_title = QLabel(self)
        self.day_title.setObjectName("dayTitle")
        self.day_list = QListWidget(self)
        self.day_list.setObjectName("dayList")
        self.day_list.itemActivated.connect(self._open_item)
        day_panel = QWidget(self)
        day_layout = QVBoxLayout(day_panel)
        day_layout.setContentsMargins(8, 0, 0, 0)
        day_layout.addWidget(self.day_title)
        day_layout.addWidget(self.day_list, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.grid, 1)
        left_layout.addWidget(self.agenda, 1)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(day_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([600, 220])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addLayout(bar)
        layout.addLayout(overlay_row)
        layout.addWidget(self.splitter, 1)

        for keys, slot in ((QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.step(-1)),
                           (QKeySequence.StandardKey.MoveToNextPage, lambda: self.step(1)),
                           ("T", lambda: self.go_to(date.today())),
                           (QKeySequence.StandardKey.New,
                            lambda: self.new_activity(self.current))):  # fmt: skip
            a = QAction(self)
            a.setShortcut(QKeySequence(keys))
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.triggered.connect(slot)
            self.addAction(a)
        self._cells: dict[tuple[int, int], tuple[date, int | None]] = {}
        # The occurrences a month cell lists by name, in line order (after the day's heading).
        self._cell_lines: dict[tuple[int, int], list[Occurrence]] = {}
        self.occurrences, self.tasks, self.overlays = [], [], []
        self.birthday_counts: dict[date, int] = {}
        self.by_day: dict[date, list] = {}
        self.marks: dict[date, list[Overlay]] = {}
        # Filled when first shown: the app starts on Today.
        follow(self, {Area.CALENDAR, Area.MEMBERS, Area.DAY}, self.refresh,
               fill_when_shown=True)  # fmt: skip

    # --- navigation ---------------------------------------------------------------------------

    def set_store(self, store: Store) -> None:
        self.store = store
        if self.isVisible():
            self.refresh()

    def set_view(self, view: str) -> None:
        self.view = view
        for b in self.views.buttons():
            b.setChecked(b.objectName() == f"view_{view}")
        self.refresh()

    def step(self, direction: int) -> None:
        if self.view == "month":
            d = QDate(self.current.year, self.current.month, 1).addMonths(direction)
            self.go_to(date(d.year(), d.month(), min(self.current.day, d.daysInMonth())))
        else:
            days = 7 if self.view == "week" else 30
            self.go_to(self.current + timedelta(days=days * direction))

    def go_to(self, day: date) -> None:
        self.current = day
        self.refresh()

    def visible_range(self) -> tuple[date, date]:
        if self.view == "month":
            first = self.current.replace(day=1)
            lo = first - timedelta(days=first.weekday())
            return lo, lo + timedelta(days=41)
        if self.view == "week":
            lo = self.current - timedelta(days=self.current.weekday())
            return lo, lo + timedelta(days=6)
        return self.current, self.current + timedelta(days=29)

    def shown_overlays(self) -> tuple[str, ...]:
        return tuple(k for k, b in self.overlay_boxes.items() if b.isChecked())

    def _overlays_changed(self) -> None:
        prefs.settings().setValue("calendar/overlays", ",".join(self.shown_overlays()))
        self.refresh()

    # --- filling --------------------------------------------------------------------------

    def refresh(self) -> None:
        lo, hi = self.visible_range()
        self.occurrences = activities.occurrences(self.store, lo, hi)
        self.tasks = activities.phase_tasks(self.store, lo, hi)
        kinds = self.shown_overlays()
        days_only = tuple(k for k in kinds if k != "birthday")
        self.overlays = festivals.overlays(None, lo, hi, days_only) if days_only else []
        # Birthdays are counted per day (hundreds a day in a big store) and named only for
        # the selected day, or for a range with few of them.
        self.birthday_counts = (festivals.birthday_counts(self.store, lo, hi)
                                if "birthday" in kinds else {})  # fmt: skip
        if 0 < sum(self.birthday_counts.values()) <= AGENDA_NAMES:
            self.overlays += festivals.birthdays(self.store, lo, hi)
        by_day: dict[date, list] = {}
        for o in self.occurrences:
            by_day.setdefault(o.day, []).append(o)
        for t in self.tasks:
            by_day.setdefault(t.due, []).append(t)
        marks: dict[date, list[Overlay]] = {}
        for ov in self.overlays:
            marks.setdefault(ov.day, []).append(ov)
        self.by_day, self.marks = by_day, marks
        if self.view == "month":
            self.header.set_subtitle(dates.words().month(self.current.year, self.current.month))
        else:
            self.header.set_subtitle(f"{lo.isoformat()} – {hi.isoformat()}")
        self.grid.setVisible(self.view != "agenda")
        self.agenda.setVisible(self.view == "agenda")
        has_any = bool(activities.list_activities(self.store)) if not self.occurrences else True
        self.starter_button.setVisible(not has_any and not self.store.read_only)
        self.new_button.setVisible(not self.store.read_only)
        self.import_action.setVisible(not self.store.read_only)
        if self.view == "month":
            self._fill_month(lo)
        elif self.view == "week":
            self._fill_week(lo)
        else:
            self._fill_agenda(lo, hi)
        self._fill_day()

    def _day_heading(self, d: date) -> str:
        names = [self.words.overlay_name(ov.name) for ov in self.marks.get(d, [])
                 if ov.kind != "birthday"]
        cakes = self.birthday_counts.get(d, 0)
        text = str(d.day) + ("  " + " ".join(names) if names else "")
        return text + (f"  🎂{cakes}" if cakes else "")

    def _fill_month(self, lo: date) -> None:
        self.grid.blockSignals(True)
        self.grid.clear()
        self.grid.setRowCount(6)
        self.grid.setColumnCount(7)
        short = QLocale.FormatType.ShortFormat
        self.grid.setHorizontalHeaderLabels([QLocale().dayName(i + 1, short) for i in range(7)])
        self.grid.verticalHeader().setVisible(False)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._cells.clear()
        self._cell_lines.clear()
        today = date.today()
        for i in range(42):
            d = lo + timedelta(days=i)
            items = [x for x in self.by_day.get(d, []) if isinstance(x, Occurrence)]
            # The daily routine is the same every day: one summary line, the rest by name.
            routine = [o for o in items if o.category == "daily"]
            special = [o for o in items if o.category != "daily"]
            heading = self._day_heading(d)
            titles = [f"{_hm(o.minute)} {o.title}" for o in special]
            summary = f"· {self.words.category('daily')} ×{len(routine)}" if routine else ""
            # Drawn by MonthCellDelegate: whole titles, as many as fit, then "+N more".
            cell = QTableWidgetItem("\n".join([heading, *titles, summary]).strip())
            cell.setData(HeadingRole, heading)
            cell.setData(LinesRole, titles)
            cell.setData(RoutineRole, summary)
            cell.setData(DateRole, d.toordinal())
            cell.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            cell.setToolTip("\n".join([self._day_heading(d)] + [
                f"{_hm(o.minute)} {o.title}" for o in items]))  # fmt: skip
            if d.month != self.current.month:
                cell.setForeground(QBrush(QColor("#9a9d94")))
            if d == today:
                cell.setBackground(QBrush(QColor("#e3f1e9")))
            self.grid.setItem(i // 7, i % 7, cell)
            self._cells[(i // 7, i % 7)] = (d, None)
            self._cell_lines[(i // 7, i % 7)] = special
        index = (self.current - lo).days
        self.grid.setCurrentCell(index // 7, index % 7)
        self.grid.blockSignals(False)

    def _fill_week(self, lo: date) -> None:
        self.grid.blockSignals(True)
        self.grid.clear()
        self.grid.setRowCount(len(HOURS))
        self.grid.setColumnCount(7)
        today = date.today()
        labels = []
        for i in range(7):
            d = lo + timedelta(days=i)
            names = [self.words.overlay_name(ov.name) for ov in self.marks.get(d, [])
                 if ov.kind != "birthday"]
            # The weekday over the date: on one line they were cut off in a 1024-px window.
            labels.append(QLocale().toString(QDate(d.year, d.month, d.day), "ddd\nM/d")
                          + ("\n" + " ".join(names) if names else ""))  # fmt: skip
        self.grid.setHorizontalHeaderLabels(labels)
        self.grid.setVerticalHeaderLabels([f"{h:02d}:00" for h in HOURS])
        self.grid.verticalHeader().setVisible(True)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.verticalHeader().setDefaultSectionSize(34)
        self._cells.clear()
        for c in range(7):
            d = lo + timedelta(days=c)
            for r, hour in enumerate(HOURS):
                # Anything before the first row's hour shows in that first row.
                hits = [o for o in self.by_day.get(d, []) if isinstance(o, Occurrence)
                        and max(o.minute // 60, HOURS[0]) == hour]  # fmt: skip
                # The row says the hour: a cell names the time only when it is not on it
                # (08:30), so a narrow cell shows the title, not "08:00 …".
                cell = QTableWidgetItem("; ".join(
                    o.title if o.minute == hour * 60 else f"{_hm(o.minute)} {o.title}"
                    for o in hits))  # fmt: skip
                cell.setToolTip("\n".join(f"{_hm(o.minute)} {o.title}" for o in hits))
                cell.setData(DateRole, d.toordinal())
                if hits:
                    cell.setBackground(QBrush(QColor(hits[0].color).lighter(185)))
                elif d == today:
                    cell.setBackground(QBrush(QColor("#f1f8f4")))
                self.grid.setItem(r, c, cell)
                self._cells[(r, c)] = (d, hour * 60)
        current_row = max(0, min(len(HOURS) - 1, 10 - HOURS[0]))
        self.grid.setCurrentCell(current_row, (self.current - lo).days)
        self.grid.blockSignals(False)

    def _fill_agenda(self, lo: date, hi: date) -> None:
        self.agenda.clear()
        d = lo
        while d <= hi:
            items = self.by_day.get(d, [])
            marks = self.marks.get(d, [])
            cakes = self.birthday_counts.get(d, 0)
            named = any(m.kind == "birthday" for m in marks)
            if items or marks or cakes:
                names = " · ".join(m.name for m in marks if m.kind != "birthday")
                heading = dates.words().day_and_weekday(d)
                head = QListWidgetItem(heading + ("  " + names if names else ""))
                font = head.font()
                font.setBold(True)
                head.setFont(font)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if d == date.today():
                    head.setBackground(QBrush(QColor("#e3f1e9")))
                self.agenda.addItem(head)
                for x in items:
                    self.agenda.addItem(self._entry(x))
                for m in marks:
                    if m.kind == "birthday":
                        self.agenda.addItem(self._overlay_entry(m))
                if cakes and not named:
                    self.agenda.addItem(self._count_entry(d, cakes))
            d += timedelta(days=1)
        if self.agenda.count() == 0:
            self.agenda.addItem(self.tr("Nothing planned in the next 30 days."))

    def _entry(self, x: Occurrence | PhaseTask) -> QListWidgetItem:
        if isinstance(x, PhaseTask):
            o = x.occurrence
            mark = "☑" if x.done else "☐"
            item = QListWidgetItem(f"   {mark} " + dates.words().with_day(
                f"{self.words.phase(x.phase)}: {o.title}", o.day))  # fmt: skip
            item.setData(PhaseRole, x.phase)
        else:
            o = x
            moved = "  " + self.tr("(moved)") if o.moved else ""
            item = QListWidgetItem(f"   {_hm(o.minute)}  {o.title}{moved}")
            item.setForeground(QBrush(QColor(o.color)))
        item.setData(OccurrenceRole, (o.activity_id, o.original_date.toordinal()))
        return item

    def _overlay_entry(self, m: Overlay) -> QListWidgetItem:
        text = (self.tr("🎂 %1's birthday").replace("%1", m.name) if m.kind == "birthday"
                else f"   {self.words.overlay(m.kind)}: {self.words.overlay_name(m.name)}")
        if m.lunar:
            text += " " + self.tr("(lunar)")
        item = QListWidgetItem("   " + text if m.kind == "birthday" else text)
        item.setForeground(QBrush(QColor(_OVERLAY_COLOURS.get(m.kind, "#4a4f45"))))
        if m.member_id:
            item.setData(Qt.ItemDataRole.UserRole + 3, m.member_id)
        return item

    def _count_entry(self, d: date, n: int) -> QListWidgetItem:
        item = QListWidgetItem("   " + self.tr("🎂 %n member(s) have a birthday", "", n))
        item.setForeground(QBrush(QColor(_OVERLAY_COLOURS["birthday"])))
        return item

    def _fill_day(self) -> None:
        d = self.current
        self.day_title.setText(
            dates.words().long_day(d)
        )
        self.day_list.clear()
        for m in self.marks.get(d, []):
            if m.kind != "birthday":
                self.day_list.addItem(self._overlay_entry(m))
        if self.birthday_counts.get(d):
            born = festivals.birthdays(self.store, d, d)
            for m in sorted(born, key=lambda b: sort_key(b.name))[:DAY_NAMES]:
                self.day_list.addItem(self._overlay_entry(m))
            if len(born) > DAY_NAMES:
                self.day_list.addItem(self._count_entry(d, len(born)))
        for x in self.by_day.get(d, []):
            self.day_list.addItem(self._entry(x))
        if self.day_list.count() == 0:
            hint = QListWidgetItem(self.tr("Nothing on this day. Double-click the day to add "
                                           "an activity."))  # fmt: skip
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.day_list.addItem(hint)

    # --- actions --------------------------------------------------------------------------

    def _cell_changed(self, row: int, column: int, *_prev) -> None:
        hit = self._cells.get((row, column))
        if hit is None:
            return
        d = hit[0]
        if self.view == "month" and d.month != self.current.month:
            self.current = d
            self.refresh()  # the grid follows into the next or previous month
            return
        self.current = d
        self._fill_day()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.grid.viewport() and event.type() == QEvent.Type.MouseButtonDblClick:
            self._double_click_y = event.position().toPoint().y()
        return super().eventFilter(watched, event)

    def _cell_double_clicked(self, row: int, column: int) -> None:
        """On an activity's line in a month cell: open that occurrence. Anywhere else in a
        cell: a new activity on that day (and hour, in the week view)."""
        o = self._occurrence_at(row, column, self._double_click_y)
        if o is not None:
            self.open_occurrence(o.activity_id, o.original_date)
            return
        hit = self._cells.get((row, column))
        if hit is not None and not self.store.read_only:
            self.new_activity(hit[0], hit[1])

    def _occurrence_at(self, row: int, column: int, y: int | None) -> Occurrence | None:
        lines = self._cell_lines.get((row, column)) if self.view == "month" else None
        if not lines or y is None:
            return None
        index = self.grid.model().index(row, column)
        line = self.month_cells.line_at(self.grid, index, y)  # as the delegate lays it out
        return lines[line] if line is not None and line < len(lines) else None

    def new_activity(self, on: date, minute: int | None = None) -> ActivityDialog | None:
        if self.store.read_only:
            return None
        dialog = ActivityDialog(self.store, None, self, on=on, minute=minute)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _open_item(self, item: QListWidgetItem) -> None:
        member = item.data(Qt.ItemDataRole.UserRole + 3)
        if member:
            self.openMember.emit(member)
            return
        key = item.data(OccurrenceRole)
        if key:
            self.open_occurrence(key[0], date.fromordinal(key[1]), item.data(PhaseRole) or "")

    def open_occurrence(self, activity_id: int, original: date,
                        phase: str = "") -> OccurrenceDialog | None:  # fmt: skip
        """The occurrence's window; for a campaign task, with the phase's post on top,
        rendered for the occurrence and ready to copy."""
        o = activities.occurrence(self.store, activity_id, original)
        if o is None:
            return None
        for open_one in self.findChildren(OccurrenceDialog):
            if open_one.isVisible() and (open_one.o.activity_id, open_one.o.original_date) == (
                    activity_id, original):  # fmt: skip
                open_one.raise_()  # already open: one window per occurrence
                open_one.activateWindow()
                if phase:
                    open_one.copy_post(phase)
                return open_one
        dialog = OccurrenceDialog(self.store, o, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.openMember.connect(self.openMember)
        dialog.status.connect(self.status)
        dialog.exportRequested.connect(lambda: self.ask_export([activity_id]))
        dialog.open()
        if phase:
            dialog.copy_post(phase)
        return dialog

    # --- .ics ---------------------------------------------------------------------------------

    def ask_export(self, activity_ids: list[int] | None = None) -> QFileDialog:
        return open_file_dialog(self, self.tr("Export Activities"),
                                str(Path.home() / "sqdesk-activities.ics"),
                                [self.tr("Calendar files (*.ics)")],
                                lambda path: self.export_to(path, activity_ids),
                                save_suffix="ics")  # fmt: skip

    def export_to(self, path: Path, activity_ids: list[int] | None = None) -> int:
        from sqdesk.core import ics  # icalendar loads in 50 ms: not at start-up

        try:
            n = ics.export_ics(self.store, path, activity_ids=activity_ids)
        except ActivityError as exc:
            self.status.emit(refusal_text(exc))
            return 0
        self.status.emit(self.tr("Saved %n activities to %1.", "", n).replace("%1", str(path)))
        return n

    def ask_import(self) -> QFileDialog:
        return open_file_dialog(self, self.tr("Import Activities"), str(Path.home()),
                                [self.tr("Calendar files (*.ics)"), self.tr("All files (*)")],
                                self.import_from)  # fmt: skip

    def import_from(self, path: Path) -> QMessageBox:
        from sqdesk.core import ics

        report = ics.import_ics(self.store, path)
        announce(Area.CALENDAR)
        text = self.tr("Imported %1 activities (%2 were imported before; %3 days cancelled, "
                       "%4 moved).").replace("%1", str(report.created)).replace(
            "%2", str(report.already)).replace("%3", str(report.cancelled)).replace(
            "%4", str(report.moved))  # fmt: skip
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import Activities"), text,
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        if report.problems:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setInformativeText(self.tr("Not imported (sqdesk has no place for these):"))
            box.setDetailedText("\n".join(report.problems))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def add_starter_plan(self) -> int:
        ids = starter_plan.add_starter_plan(self.store)
        self.status.emit(self.tr("Added the starter plan: %n activities to edit as you like.",
                                 "", len(ids)))  # fmt: skip
        announce(Area.CALENDAR)
        return len(ids)
