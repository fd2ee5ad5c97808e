"""New / edit an activity: what, when, where, for whom, points, and how it repeats."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import activities, groups, recurrence, segments
from sqdesk.core.activities import ActivityError, ActivityInput
from sqdesk.core.recurrence import Recurrence, RecurrenceError
from sqdesk.core.store import Store
from sqdesk.ui.calendar.words import CalendarWords
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.members.segment_words import SegmentWords
from sqdesk.ui.members.tags_dialog import swatch
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import date_picker

COLOURS = ("#2e7d5b", "#2b6cb0", "#c05621", "#d53f8c", "#6b46c1", "#c53030", "#2c7a7b")


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ActivityDialog(QDialog):
    saved = Signal(int)

    def __init__(self, store: Store, activity_id: int | None, parent: QWidget | None = None,
                 *, on: date | None = None, minute: int | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("activityDialog")
        self.store = store
        self.activity_id = activity_id
        self.words = CalendarWords(self)
        self._custom_rule: str | None = None
        self.setWindowTitle(self.tr("New Activity") if activity_id is None
                            else self.tr("Edit Activity"))  # fmt: skip

        self.title = QLineEdit(self)
        self.title.setMaxLength(100)
        self.title.setPlaceholderText(self.tr("e.g. 周三第二杯半价☕"))
        self.category = QComboBox(self)
        for key in activities.CATEGORIES:
            self.category.addItem(self.words.category(key), key)
        self.colour = QComboBox(self)
        for c in COLOURS:
            self.colour.addItem(swatch(c), "", c)
        self.start = QDateEdit(_qdate(on or date.today()), self)
        date_picker(self.start)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.time = QTimeEdit(QTime((minute or 600) // 60, (minute or 600) % 60), self)
        self.time.setDisplayFormat("HH:mm")
        self.duration = QSpinBox(self)
        self.duration.setRange(1, 7 * 24 * 60)
        self.duration.setValue(60)
        self.duration.setSuffix(self.tr(" min"))
        self.signup = QComboBox(self)
        self.signup.setObjectName("signup")
        self.signup.setEditable(True)
        self.signup.addItems(["", "群里接龙", "私信店长", "小程序报名", "到店登记"])
        self.signup.setToolTip(self.tr("Shown in posts as {{ 报名方式 }}"))
        self.place = QComboBox(self)
        self.place.setEditable(True)
        self.place.addItems(["", self.tr("In store"), self.tr("Online"),
                             *[g.name for g in groups.list_groups(store)]])  # fmt: skip
        self.audience = QComboBox(self)
        self.audience.addItem(self.tr("Everyone"), ("everyone", ""))
        for g in groups.list_groups(store):
            self.audience.addItem(self.tr("Group: %1").replace("%1", g.name), ("group", str(g.id)))
        seg_words = SegmentWords(self)
        for key in segments.BUILTIN:
            self.audience.addItem(self.tr("Segment: %1").replace("%1", seg_words.name(key)),
                                  ("segment", key))  # fmt: skip
        for name in segments.saved(store):
            self.audience.addItem(self.tr("Segment: %1").replace("%1", name), ("segment", name))
        self.points = QSpinBox(self)
        self.points.setRange(0, 100_000)
        self.points.setToolTip(self.tr("Points each member gets for taking part (0: none)"))
        self.checkin = QCheckBox(self.tr("This is the daily check-in (签到): taking part counts "
                                         "as the day's check-in"), self)  # fmt: skip
        self.phases = QCheckBox(self.tr("Campaign rhythm: warm-up, reminder on the day, recap "
                                        "the day after"), self)  # fmt: skip
        self.warmup = QSpinBox(self)
        self.warmup.setRange(0, 60)
        self.warmup.setValue(activities.DEFAULT_WARMUP_DAYS)
        self.warmup.setSuffix(self.tr(" days before"))
        self.phases.toggled.connect(self.warmup.setEnabled)
        self.warmup.setEnabled(False)
        self.description = QPlainTextEdit(self)
        self.description.setFixedHeight(60)

        self.repeat = QComboBox(self)
        self.repeat.setObjectName("repeatKind")
        for key, text in (("none", self.tr("Does not repeat")), ("daily", self.tr("Every day")),
                          ("weekdays", self.tr("Every weekday (Mon–Fri)")),
                          ("weekly", self.tr("Weekly on…")),
                          ("monthly_day", self.tr("Monthly on day…")),
                          ("monthly_nth", self.tr("Monthly on the Nth weekday…")),
                          ("yearly", self.tr("Every year on this date"))):  # fmt: skip
            self.repeat.addItem(text, key)
        self.interval = QSpinBox(self)
        self.interval.setRange(1, 52)
        self.interval.setPrefix(self.tr("every "))
        self.day_boxes = [
            QCheckBox(QLocale().dayName(i + 1, QLocale.FormatType.ShortFormat), self)
            for i in range(7)
        ]
        self.month_day = QSpinBox(self)
        self.month_day.setRange(1, 31)
        self.month_day.setSuffix(self.tr(" (day of the month)"))
        self.nth = QComboBox(self)
        for n, text in ((1, self.tr("first")), (2, self.tr("second")), (3, self.tr("third")),
                        (4, self.tr("fourth")), (-1, self.tr("last"))):  # fmt: skip
            self.nth.addItem(text, n)
        self.nth_weekday = QComboBox(self)
        for i in range(7):
            self.nth_weekday.addItem(QLocale().dayName(i + 1), i)
        self.details = QStackedWidget(self)
        self.details.addWidget(QWidget(self))  # none / daily / weekdays / yearly
        week = QWidget(self)
        week_row = QHBoxLayout(week)
        week_row.setContentsMargins(0, 0, 0, 0)
        for box in self.day_boxes:
            week_row.addWidget(box)
        self.details.addWidget(week)
        month = QWidget(self)
        month_row = QHBoxLayout(month)
        month_row.setContentsMargins(0, 0, 0, 0)
        month_row.addWidget(self.month_day)
        month_row.addStretch(1)
        self.details.addWidget(month)
        nth = QWidget(self)
        nth_row = QHBoxLayout(nth)
        nth_row.setContentsMargins(0, 0, 0, 0)
        nth_row.addWidget(self.nth)
        nth_row.addWidget(self.nth_weekday)
        nth_row.addStretch(1)
        self.details.addWidget(nth)
        self.ends = QComboBox(self)
        self.ends.addItem(self.tr("Never ends"), "never")
        self.ends.addItem(self.tr("Ends on"), "until")
        self.ends.addItem(self.tr("Ends after"), "count")
        self.until = QDateEdit(_qdate(on or date.today()).addMonths(3), self)
        date_picker(self.until)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.count = QSpinBox(self)
        self.count.setRange(1, recurrence.MAX_COUNT)
        self.count.setValue(10)
        self.count.setSuffix(self.tr(" times"))
        ends_row = QHBoxLayout()
        ends_row.addWidget(self.ends)
        ends_row.addWidget(self.until)
        ends_row.addWidget(self.count)
        ends_row.addStretch(1)
        repeat_row = QHBoxLayout()
        repeat_row.addWidget(self.repeat)
        repeat_row.addWidget(self.interval)
        repeat_row.addStretch(1)
        self.note = QLabel(self)
        self.note.setObjectName("recurrenceNote")
        self.note.setWordWrap(True)
        for w in (self.repeat, self.ends):
            w.currentIndexChanged.connect(self._update_repeat)
        self.repeat.currentIndexChanged.connect(self._preset_weekday)
        for w in (self.start, self.until):
            w.dateChanged.connect(self._update_repeat)
        self.month_day.valueChanged.connect(self._update_repeat)
        for box in self.day_boxes:
            box.toggled.connect(self._update_repeat)

        when_row = QHBoxLayout()
        when_row.addWidget(self.start)
        when_row.addWidget(self.time)
        when_row.addWidget(self.duration)
        when_row.addStretch(1)
        phase_row = QHBoxLayout()
        phase_row.addWidget(self.phases, 1)
        phase_row.addWidget(self.warmup)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Colour"), self.colour)
        form.addRow(self.tr("Starts"), when_row)
        form.addRow(self.tr("Repeats"), repeat_row)
        form.addRow("", self.details)
        form.addRow("", ends_row)
        form.addRow("", self.note)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("How to sign up"), self.signup)
        form.addRow(self.tr("For"), self.audience)
        form.addRow(self.tr("Points for taking part"), self.points)
        form.addRow("", self.checkin)
        form.addRow("", phase_row)
        form.addRow(self.tr("Description"), self.description)
        self.problem = QLabel(self)
        self.problem.setObjectName("problemText")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        if activity_id is not None:
            self._load(activity_id)
        self._update_repeat()

    # --- filling and reading ----------------------------------------------------------------

    def _load(self, activity_id: int) -> None:
        a = activities.get(self.store, activity_id)
        if a is None:
            return
        self.title.setText(a.title)
        self.category.setCurrentIndex(max(0, self.category.findData(a.category)))
        index = self.colour.findData(a.color)
        if index < 0:
            self.colour.addItem(swatch(a.color), "", a.color)
            index = self.colour.count() - 1
        self.colour.setCurrentIndex(index)
        self.start.setDate(_qdate(a.start_date))
        self.time.setTime(QTime(a.start_minute // 60, a.start_minute % 60))
        self.duration.setValue(a.duration_minutes)
        self.place.setCurrentText(a.place)
        self.signup.setCurrentText(a.signup)
        self.audience.setCurrentIndex(max(0, self.audience.findData((a.audience, a.audience_ref))))
        self.points.setValue(a.points)
        self.checkin.setChecked(a.checkin)
        self.phases.setChecked(a.warmup_days is not None)
        if a.warmup_days is not None:
            self.warmup.setValue(a.warmup_days)
        self.description.setPlainText(a.description)
        r = recurrence.from_rrule(a.rrule, a.start_date)
        if r.kind == "custom":
            self._custom_rule = a.rrule  # kept as imported; the editor shows it, unchanged
            self.repeat.addItem(self.tr("As imported: %1").replace("%1", a.rrule), "custom")
        self.repeat.setCurrentIndex(self.repeat.findData(r.kind))
        self.interval.setValue(r.interval)
        for i, box in enumerate(self.day_boxes):
            box.setChecked(i in r.weekdays)
        self.month_day.setValue(r.month_day)
        self.nth.setCurrentIndex(max(0, self.nth.findData(r.nth)))
        self.nth_weekday.setCurrentIndex(r.weekday)
        if r.until is not None:
            self.ends.setCurrentIndex(1)
            self.until.setDate(_qdate(r.until))
        elif r.count is not None:
            self.ends.setCurrentIndex(2)
            self.count.setValue(r.count)

    def _preset_weekday(self) -> None:
        """Choosing "weekly" ticks the start's weekday; after that the boxes are the user's."""
        if self.repeat.currentData() == "weekly" and not any(b.isChecked() for b in self.day_boxes):
            self.day_boxes[self.start.date().dayOfWeek() - 1].setChecked(True)

    def _update_repeat(self, *_args) -> None:
        kind = self.repeat.currentData()
        page = {"weekly": 1, "monthly_day": 2, "monthly_nth": 3}.get(kind, 0)
        self.interval.setSuffix({"daily": self.tr(" day(s)"), "weekly": self.tr(" week(s)"),
                                 "monthly_day": self.tr(" month(s)"),
                                 "monthly_nth": self.tr(" month(s)"),
                                 "yearly": self.tr(" year(s)")}.get(kind, ""))  # fmt: skip
        self.details.setCurrentIndex(page)
        self.details.setVisible(page != 0)
        repeating = kind != "none"
        self.interval.setVisible(kind in ("daily", "weekly", "monthly_day", "monthly_nth",
                                          "yearly"))  # fmt: skip
        for w in (self.ends, self.until, self.count):
            w.setVisible(repeating and kind != "custom")
        self.until.setVisible(repeating and self.ends.currentData() == "until")
        self.count.setVisible(repeating and self.ends.currentData() == "count")
        start = _pydate(self.start.date())
        try:
            notes = recurrence.notes(self.recurrence(), start)
        except (RecurrenceError, ValueError):  # a rule half typed: no notes yet
            notes = []
        self.note.setText(" ".join(self.words.note(n) for n in notes))
        self.note.setVisible(bool(notes))

    def recurrence(self) -> Recurrence:
        ends = self.ends.currentData()
        return Recurrence(
            kind=self.repeat.currentData(),
            interval=self.interval.value(),
            weekdays=tuple(i for i, b in enumerate(self.day_boxes) if b.isChecked()),
            month_day=self.month_day.value(),
            nth=self.nth.currentData(),
            weekday=self.nth_weekday.currentData(),
            until=_pydate(self.until.date()) if ends == "until" else None,
            count=self.count.value() if ends == "count" else None,
        )

    def value(self) -> ActivityInput:
        start = _pydate(self.start.date())
        if self.repeat.currentData() == "custom":
            rule = self._custom_rule or ""
        else:
            rule = recurrence.to_rrule(self.recurrence(), start)
        audience, ref = self.audience.currentData()
        t = self.time.time()
        return ActivityInput(
            title=self.title.text(),
            start_date=start,
            start_minute=t.hour() * 60 + t.minute(),
            duration_minutes=self.duration.value(),
            description=self.description.toPlainText(),
            category=self.category.currentData(),
            color=self.colour.currentData(),
            place=self.place.currentText().strip(),
            signup=self.signup.currentText().strip(),
            audience=audience,
            audience_ref=ref,
            points=self.points.value(),
            rrule=rule,
            checkin=self.checkin.isChecked(),
            warmup_days=self.warmup.value() if self.phases.isChecked() else None,
        )

    def save(self) -> None:
        try:
            data = self.value()
            if self.activity_id is None:
                self.activity_id = activities.create(self.store, data)
            else:
                activities.change(self.store, self.activity_id, data)
        except (ActivityError, RecurrenceError) as exc:
            self.problem.setText(refusal_text(exc))  # the dialog stays; nothing lost
            return
        announce(Area.CALENDAR)
        self.saved.emit(self.activity_id)
        self.accept()
