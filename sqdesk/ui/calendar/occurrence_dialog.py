"""One occurrence: what and when, its campaign tasks, who took part (add by search or paste
a 接龙), and cancelling or moving just this one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import activities, members, posts
from sqdesk.core.activities import ActivityError, Occurrence
from sqdesk.core.store import Store
from sqdesk.ui import dates
from sqdesk.ui.calendar.activity_dialog import ActivityDialog
from sqdesk.ui.calendar.jielong_dialog import JielongDialog
from sqdesk.ui.calendar.words import CalendarWords
from sqdesk.ui.changes import Area, announce, follow
from sqdesk.ui.coupons.draw_dialog import DrawDialog
from sqdesk.ui.groups.member_picker import MemberPicker
from sqdesk.ui.posts.copy_dialog import CopyPostDialog, open_copy_dialog
from sqdesk.ui.refusals import refusal_text
from sqdesk.ui.widgets import date_picker, fill_table, make_table, warn


class OccurrenceDialog(QDialog):
    openMember = Signal(int)
    status = Signal(str)
    exportRequested = Signal()

    def __init__(self, store: Store, o: Occurrence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("occurrenceDialog")
        self.store = store
        self.o = o
        self.words = CalendarWords(self)
        self.setWindowTitle(o.title)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.rate = QLabel(self)
        self.rate.setObjectName("participation")
        self.phase_boxes: dict[str, QCheckBox] = {}
        phase_row = QHBoxLayout()
        if o.warmup_days is not None:
            for phase in activities.PHASES:
                due = activities.phase_due(o, phase)
                box = QCheckBox(dates.words().with_day(self.words.phase(phase), due),
                                self)  # fmt: skip
                box.toggled.connect(lambda on, p=phase: self.tick(p, on))
                self.phase_boxes[phase] = box
                phase_row.addWidget(box)
            phase_row.addStretch(1)
        self.table = make_table(self, [self.tr("Code"), self.tr("Name"), self.tr("Nickname"),
                                       self.tr("Note")], 3)  # fmt: skip
        self.table.doubleClicked.connect(
            lambda i: self.openMember.emit(self._attendees[i.row()]))  # fmt: skip
        self.add_button = QPushButton(self.tr("Add by Search…"), self)
        self.add_button.clicked.connect(self.ask_add)
        self.paste_button = QPushButton(self.tr("Paste 接龙…"), self)
        self.paste_button.setObjectName("pasteJielong")
        self.paste_button.clicked.connect(self.ask_jielong)
        self.move_button = QPushButton(self.tr("Move This One…"), self)
        self.move_button.clicked.connect(self.show_move)
        self.cancel_button = QPushButton(self.tr("Cancel This One"), self)
        self.cancel_button.clicked.connect(self.cancel_occurrence)
        self.edit_button = QPushButton(self.tr("Edit Activity…"), self)
        self.edit_button.clicked.connect(self.edit_activity)
        self.delete_button = QPushButton(self.tr("Delete Activity…"), self)
        self.delete_button.clicked.connect(self.delete_activity)
        self.export_button = QPushButton(self.tr("Export .ics…"), self)
        self.export_button.setToolTip(self.tr("This activity, with all its days, for another "
                                              "calendar program"))  # fmt: skip
        self.export_button.clicked.connect(self.exportRequested.emit)
        self.post_button = QToolButton(self)
        self.post_button.setObjectName("copyPhasePost")
        self.post_button.setText(self.tr("Copy Post"))
        self.post_button.setToolTip(self.tr("The warm-up, reminder or recap for this day, "
                                            "filled in and ready to paste"))  # fmt: skip
        self.post_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        post_menu = QMenu(self.post_button)
        for phase in activities.PHASES:
            post_menu.addAction(self.words.phase(phase), lambda p=phase: self.copy_post(p))
        self.post_button.setMenu(post_menu)
        attend_row = QHBoxLayout()
        attend_row.addWidget(self.rate, 1)
        attend_row.addWidget(self.post_button)
        attend_row.addWidget(self.add_button)
        attend_row.addWidget(self.paste_button)
        self.draw_button = QPushButton(self.tr("Lucky Draw…"), self)
        self.draw_button.setToolTip(self.tr("Draw winners from the members who took part"))
        self.draw_button.clicked.connect(self.lucky_draw)
        attend_row.addWidget(self.draw_button)
        self.move_panel = QWidget(self)
        self.move_date = QDateEdit(QDate(o.day.year, o.day.month, o.day.day), self)
        date_picker(self.move_date)
        self.move_date.setDisplayFormat("yyyy-MM-dd")
        self.move_time = QTimeEdit(QTime(o.minute // 60, o.minute % 60), self)
        self.move_time.setDisplayFormat("HH:mm")
        move_ok = QPushButton(self.tr("Move"), self)
        move_ok.clicked.connect(self.move_occurrence)
        move_form = QFormLayout(self.move_panel)
        row = QHBoxLayout()
        row.addWidget(self.move_date)
        row.addWidget(self.move_time)
        row.addWidget(move_ok)
        move_form.addRow(self.tr("Move to"), row)
        self.move_panel.hide()
        actions = QHBoxLayout()
        for b in (self.move_button, self.cancel_button, self.edit_button, self.delete_button,
                  self.export_button):  # fmt: skip
            actions.addWidget(b)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(phase_row)
        layout.addLayout(attend_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.move_panel)
        layout.addWidget(close)
        for b in (self.add_button, self.paste_button, self.move_button, self.cancel_button,
                  self.edit_button, self.delete_button):  # fmt: skip
            b.setVisible(not store.read_only)
        self.resize(620, 480)
        self.refresh()
        follow(self, {Area.CALENDAR, Area.MEMBERS}, self.refresh)

    def refresh(self) -> None:
        o = self.o
        end_minute = o.minute + o.duration_minutes
        when = (f"{o.day.isoformat()} {o.minute // 60:02d}:{o.minute % 60:02d}–"
                f"{end_minute // 60 % 24:02d}:{end_minute % 60:02d}")  # fmt: skip
        bits = [self.words.category(o.category)]
        if o.place:
            bits.append(o.place)
        if o.points:
            bits.append(self.tr("%1 points for taking part").replace("%1", str(o.points)))
        if o.moved:
            bits.append(self.tr("moved from %1").replace("%1", o.original_date.isoformat()))
        self.heading.setText(f"<b style='font-size:17px'>{o.title}</b><br>{when} · "
                             + " · ".join(bits))  # fmt: skip
        self._attendees = activities.attendees(self.store, o.activity_id, o.original_date)
        came, audience = len(self._attendees), activities.audience_size(self.store, o)
        share = f"{came / audience:.1%}" if audience else "–"
        self.rate.setText(self.tr("Took part: %1 of %2 (%3)").replace("%1", str(came)).replace(
            "%2", str(audience)).replace("%3", share))  # fmt: skip
        rows = members.rows(self.store, self._attendees)
        notes = activities.attendance_notes(self.store, o.activity_id, o.original_date)
        self._attendees = [m for m in self._attendees if m in rows]
        fill_table(self.table, [(rows[m].code, rows[m].name, rows[m].nickname, notes.get(m, ""))
                                for m in self._attendees])  # fmt: skip
        done = {t.phase for t in activities.phase_tasks(self.store, activities.phase_due(
            o, "warmup"), activities.phase_due(o, "recap")) if t.done and
            t.occurrence.original_date == o.original_date and
            t.occurrence.activity_id == o.activity_id}  # fmt: skip
        for phase, box in self.phase_boxes.items():
            box.blockSignals(True)
            box.setChecked(phase in done)
            box.blockSignals(False)

    def copy_post(self, phase: str) -> CopyPostDialog:
        """The phase's post rendered for this occurrence; copying it ticks the phase."""
        chosen = posts.phase_template(self.store, self.o.activity_id, phase)
        dialog = open_copy_dialog(self, self.store, posts.templates_for(self.store, "group"),
                                  chosen=chosen.id if chosen else None, about=self.o.title,
                                  occurrence=self.o, phase=phase)  # fmt: skip

        def copied(_text: str) -> None:
            box = self.phase_boxes.get(phase)
            if box is not None and not self.store.read_only and not box.isChecked():
                box.setChecked(True)  # ticks through tick()

        dialog.copied.connect(copied)
        return dialog

    def tick(self, phase: str, done: bool) -> None:
        activities.tick_phase(self.store, self.o.activity_id, self.o.original_date, phase, done)
        announce(Area.CALENDAR)

    def record(self, ids: list[int], *, source: str, notes: dict[int, str] | None = None) -> None:
        try:
            r = activities.record_attendance(self.store, self.o.activity_id,
                                             self.o.original_date, ids, source=source,
                                             notes=notes)  # fmt: skip
        except ActivityError as exc:
            warn(self, self.windowTitle(), refusal_text(exc))
            return
        text = self.tr("Recorded %n new attendee(s).", "", r.added)
        if r.points_paid:
            text += " " + self.tr("Points paid to %n.", "", r.points_paid)
        if r.already:
            text += " " + self.tr("%n were recorded already.", "", r.already)
        self.status.emit(text)
        # Attendance pays points and counts as a check-in: this window follows CALENDAR.
        announce(Area.CALENDAR, Area.POINTS, Area.MEMBERS)

    def ask_add(self) -> MemberPicker:
        picker = MemberPicker(self.store, self.tr("Who took part in %1").replace(
            "%1", self.o.title), self)  # fmt: skip
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.picked.connect(lambda ids: self.record(ids, source="search"))
        picker.open()
        return picker

    def lucky_draw(self) -> DrawDialog:
        """A draw from this day's attendees, titled after the activity."""
        about = self.tr("who took part in %1 on %2").replace("%1", self.o.title).replace(
            "%2", f"{self.o.day:%m-%d}")  # fmt: skip
        dialog = DrawDialog(self.store, list(self._attendees), about,
                            f"activity:{self.o.activity_id}:{self.o.original_date}", self,
                            title=f"{self.o.title}抽奖")  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def ask_jielong(self) -> JielongDialog:
        dialog = JielongDialog(self.store, self.o, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(lambda ids, notes: self.record(ids, source="jielong",
                                                                notes=notes))  # fmt: skip
        dialog.open()
        return dialog

    def show_move(self) -> None:
        self.move_panel.setVisible(not self.move_panel.isVisible())

    def move_occurrence(self) -> None:
        d, t = self.move_date.date(), self.move_time.time()
        new_day = date(d.year(), d.month(), d.day())
        activities.move_occurrence(self.store, self.o.activity_id, self.o.original_date, new_day,
                                   t.hour() * 60 + t.minute())  # fmt: skip
        self.status.emit(self.tr("Moved %1 to %2.").replace("%1", self.o.title).replace(
            "%2", new_day.isoformat()))  # fmt: skip
        announce(Area.CALENDAR)
        self.accept()

    def cancel_occurrence(self) -> None:
        activities.cancel_occurrence(self.store, self.o.activity_id, self.o.original_date)
        self.status.emit(self.tr("Cancelled %1 on %2; the other days stay.").replace(
            "%1", self.o.title).replace("%2", self.o.day.isoformat()))  # fmt: skip
        announce(Area.CALENDAR)
        self.accept()

    def edit_activity(self) -> ActivityDialog:
        dialog = ActivityDialog(self.store, self.o.activity_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.accept)
        dialog.open()
        return dialog

    def delete_activity(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete Activity"),
                          self.tr("Delete %1 and all its days from the calendar? Attendance "
                                  "and points already recorded stay.").replace("%1", self.o.title),
                          QMessageBox.StandardButton.Cancel, self)  # fmt: skip
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)

        def done(_r: int) -> None:
            if box.clickedButton() is delete:
                activities.set_archived(self.store, self.o.activity_id, True)
                self.status.emit(self.tr("Deleted %1.").replace("%1", self.o.title))
                announce(Area.CALENDAR)
                self.accept()

        box.finished.connect(done)
        box.open()
        return box
