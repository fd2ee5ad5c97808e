"""Today: the app's home page. Today's activities and campaign tasks, tomorrow's warm-ups,
this week's birthdays, points about to expire and group QR codes about to stop working;
each item opens what it needs in one click.

It is filled after the window shows (and the slow part, expiring points, off the UI
thread), so it never delays the start."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import (
    activities,
    backup,
    contacts,
    coupons,
    festivals,
    groups,
    ledger,
    notes,
    post_runs,
    posts,
)
from sqdesk.core.store import Store
from sqdesk.ui import dates
from sqdesk.ui.calendar.words import CalendarWords
from sqdesk.ui.changes import Area, announce, follow
from sqdesk.ui.groups.words import GroupWords
from sqdesk.ui.jobs import run_quiet
from sqdesk.ui.notes import follow_up_actions
from sqdesk.ui.notes.losing_dialog import LosingTouchDialog
from sqdesk.ui.notes.words import NoteWords
from sqdesk.ui.posts.run_dialog import RunDialog, start_run
from sqdesk.ui.today.posts_box import TodayPosts
from sqdesk.ui.today.scan_box import ScanBox
from sqdesk.ui.widgets import PageHeader

# ("occurrence"|"task"|"member"|"followup"|"group"|"points", …); dates as ordinals, since Qt would
# turn a Python date into a QDate.
ItemRole = Qt.ItemDataRole.UserRole + 1
EXPIRING_DAYS = 7


def _hm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


class TodayPage(QWidget):
    openOccurrence = Signal(int, object, str)  # activity id, original date, phase or ""
    openMember = Signal(int)
    openGroups = Signal()
    openPoints = Signal()
    openCalendar = Signal()
    newNote = Signal(object)  # the member the note is about, or None to find one
    openVisit = Signal(int)  # a scanned card: Record Visit for that member

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self.store = store
        self.words = CalendarWords(self)
        self.note_words = NoteWords(self)
        self.header = PageHeader(self.tr("Today"), parent=self)
        self.scan_box = ScanBox(store, self)
        self.scan_box.openVisit.connect(self.openVisit)

        def section(title: str, name: str) -> tuple[QLabel, QListWidget]:
            label = QLabel(title, self)
            label.setObjectName("sectionTitle")
            lst = QListWidget(self)
            lst.setObjectName(name)
            lst.itemActivated.connect(self._activate)  # a double-click activates too
            lst.itemChanged.connect(self._ticked)
            return label, lst

        self.plan_label, self.plan = section(self.tr("Today's activities and tasks"), "todayPlan")
        self.plan.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.plan.customContextMenuRequested.connect(self._plan_menu)
        self.plan.viewport().installEventFilter(self)
        self.next_label, self.tomorrow = section(self.tr("Coming up: tomorrow's warm-ups"),
                                                 "todayTomorrow")  # fmt: skip
        self.birthday_label, self.birthdays = section(self.tr("Birthdays this week"),
                                                      "todayBirthdays")  # fmt: skip
        self.watch_label, self.watch = section(self.tr("Keep an eye on"), "todayWatch")
        self.posts_label = QLabel(self.tr("Posts to copy today"), self)
        self.posts_label.setObjectName("sectionTitle")
        self.posts = TodayPosts(store, self)
        self.greet_button = QPushButton(self.tr("Send Greetings…"), self)
        self.greet_button.setObjectName("sendGreetings")
        self.greet_button.setToolTip(self.tr("A birthday greeting for each of them, one by one"))
        self.greet_button.clicked.connect(self.send_greetings)
        birthday_head = QHBoxLayout()
        birthday_head.addWidget(self.birthday_label, 1)
        birthday_head.addWidget(self.greet_button)
        self.calendar_button = QPushButton(self.tr("Open the Calendar"), self)
        self.calendar_button.clicked.connect(self.openCalendar)
        self.note_button = QPushButton(self.tr("New Note…"), self)
        self.note_button.setObjectName("todayNewNote")
        self.note_button.setToolTip(self.tr("Write down what a member said (Ctrl+J)"))
        self.note_button.clicked.connect(lambda: self.newNote.emit(None))
        grid = QGridLayout()
        grid.addWidget(self.posts_label, 0, 0)
        grid.addWidget(self.posts, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.plan_label, 2, 0)
        grid.addWidget(self.plan, 3, 0)
        grid.addWidget(self.next_label, 0, 1)
        grid.addWidget(self.tomorrow, 1, 1)
        grid.addLayout(birthday_head, 2, 1)
        grid.addWidget(self.birthdays, 3, 1)
        grid.addWidget(self.watch_label, 4, 0, 1, 2)
        grid.addWidget(self.watch, 5, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        # Today's posts take the rows they need; the lists below share what is left.
        grid.setRowStretch(3, 3)
        grid.setRowStretch(5, 1)
        self.tomorrow.setMinimumHeight(60)
        self.tomorrow.setMaximumHeight(130)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addWidget(self.scan_box)
        layout.addLayout(grid, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.note_button)
        buttons.addWidget(self.calendar_button)
        layout.addLayout(buttons)
        self._filled_for: date | None = None
        self._expiring: list = []
        self._losing = 0  # members in the losing-touch queue (counted in the background)
        self._coupons: list[int] = []  # members whose coupon expires within the week
        self._qr: list = []
        QTimer.singleShot(0, self, self.refresh)
        # Each change refills only the part that shows it: Today stays in front while visits
        # are recorded over it, one after another. Deferred: the posts' own Copy buttons
        # announce, and the refill rebuilds them.
        follow(self, {Area.DAY}, self.refresh, deferred=True)
        follow(self, {Area.POSTS, Area.CALENDAR, Area.SHOP, Area.NOTES}, self._refill_plan,
               deferred=True)  # fmt: skip
        follow(self, {Area.MEMBERS}, lambda: self._fill_birthdays(date.today()), deferred=True)
        follow(self, {Area.GROUPS}, lambda: self._fill_watch(date.today()), deferred=True)
        follow(self, {Area.POINTS}, self._count_expiring, deferred=True)
        follow(self, {Area.POINTS}, self._count_coupons, deferred=True)
        # Any contact can take a member off the losing-touch queue.
        follow(self, {Area.POINTS, Area.NOTES, Area.CALENDAR, Area.POSTS}, self._count_losing,
               deferred=True)  # fmt: skip

    def set_store(self, store: Store) -> None:
        self.store = store
        self.scan_box.set_store(store)
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._filled_for is not None and self._filled_for != date.today():
            self.refresh()  # a new day (changes on other pages come through follow())

    def refresh(self) -> None:
        today = date.today()
        self._filled_for = today
        self.header.set_subtitle(dates.words().long_day(today))
        self.posts.fill(self.store, today)
        self._fill_plan(today)
        self._fill_tomorrow(today)
        self._fill_birthdays(today)
        self._fill_watch(today)
        self._count_expiring()
        self._count_losing()

    def _count_expiring(self) -> None:
        """Points expiring within the week, counted in the background (a scan of the
        ledger: it never holds up the page)."""
        store = self.store
        run_quiet(self, lambda _p, _s: ledger.expiring_within(store, days=EXPIRING_DAYS),
                  on_success=lambda batches: self._expiring_ready(store, batches))  # fmt: skip

    def _item(self, text: str, data: tuple, colour: str | None = None) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(ItemRole, data)
        if colour:
            item.setForeground(QBrush(QColor(colour)))
        return item

    def _fill_plan(self, today: date) -> None:
        self.plan.blockSignals(True)
        self.plan.clear()
        marks = festivals.overlays(None, today, today, ("festival", "solar_term", "marketing"))
        for m in marks:
            self.plan.addItem(self._item(f"🎏 {self.words.overlay_name(m.name)}", ("calendar",),
                                         "#c53030"))  # fmt: skip
        for o in activities.occurrences(self.store, today, today):
            came = ""
            self.plan.addItem(self._item(f"{_hm(o.minute)}  {o.title}{came}",
                                         ("occurrence", o.activity_id, o.original_date.toordinal()),
                                         o.color))  # fmt: skip
        for t in activities.phase_tasks(self.store, today, today):
            o = t.occurrence
            text = dates.words().with_day(f"{self.words.phase(t.phase)}: {o.title}", o.day,
                                          _hm(o.minute))  # fmt: skip
            item = self._item(text, ("task", o.activity_id, o.original_date.toordinal(), t.phase))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if t.done else Qt.CheckState.Unchecked)
            self.plan.addItem(item)
        self._add_follow_ups(today)
        if self.plan.count() == 0:
            self.plan.addItem(self._item(self.tr("Nothing planned today. Open the Calendar to "
                                                 "plan activities (or add the starter plan)."),
                                         ("calendar",)))  # fmt: skip
        self.plan.blockSignals(False)

    def _add_follow_ups(self, today: date) -> None:
        """Follow-ups due today or earlier: tick one when it is done; right-click to add what
        came of it or to snooze it; its tooltip shows the member's latest notes."""
        for f in notes.follow_ups_due(self.store, today=today):
            n = f.note
            late = (today - f.due.astimezone().date()).days
            when = (self.tr("overdue %n day(s)", "", late) if f.overdue
                    else f.due.astimezone().strftime("%H:%M"))  # fmt: skip
            text = self.tr("📝 Follow up %1: %2 (%3)").replace("%1", n.member_name).replace(
                "%2", n.text.splitlines()[0][:40]).replace("%3", when)  # fmt: skip
            item = self._item(text, ("followup", n.id, n.member_id),
                              "#c05621" if f.overdue else "#2b6cb0")  # fmt: skip
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.plan.addItem(item)  # its tooltip is read when it is hovered (eventFilter)

    def follow_up_tip(self, member_id: int) -> str:
        """The member's latest notes, for a follow-up's tooltip."""
        return "\n".join(
            f"{r.at.astimezone():%m-%d} {self.note_words.kind(r.kind)}: {r.text[:80]}"
            for r in notes.for_member(self.store, member_id, limit=3))  # fmt: skip

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A follow-up's notes are read when its tooltip is asked for, not for every one of
        # them when Today fills (a big shop has a thousand open: that was seconds at start).
        if watched is self.plan.viewport() and event.type() == QEvent.Type.ToolTip:
            item = self.plan.itemAt(event.pos())
            data = item.data(ItemRole) if item is not None else None
            if data and data[0] == "followup":
                QToolTip.showText(event.globalPos(), self.follow_up_tip(data[2]),
                                  self.plan.viewport())  # fmt: skip
                return True
        return super().eventFilter(watched, event)

    def _plan_menu(self, pos) -> QMenu | None:
        item = self.plan.itemAt(pos)
        data = item.data(ItemRole) if item is not None else None
        if not data or data[0] != "followup" or self.store.read_only:
            return None
        note_id, member_id = data[1], data[2]
        menu = QMenu(self)
        follow_up_actions.add_actions(menu, self, self.store, note_id,
                                      lambda: self.openMember.emit(member_id))  # fmt: skip
        menu.addAction(self.tr("New Note about Them…"), lambda: self.newNote.emit(member_id))
        menu.popup(self.plan.viewport().mapToGlobal(pos))
        return menu

    def ask_outcome(self, note_id: int) -> QInputDialog:
        return follow_up_actions.ask_outcome(self, self.store, note_id)

    def follow_up_done(self, note_id: int, outcome: str = "") -> bool:
        return follow_up_actions.mark_done(self, self.store, note_id, outcome)

    def snooze(self, note_id: int, days: int) -> bool:
        return follow_up_actions.snooze(self, self.store, note_id, days)

    def _fill_tomorrow(self, today: date) -> None:
        self.tomorrow.blockSignals(True)
        self.tomorrow.clear()
        tomorrow = today + timedelta(days=1)
        for t in activities.phase_tasks(self.store, tomorrow, tomorrow):
            o = t.occurrence
            self.tomorrow.addItem(self._item(
                dates.words().with_day(f"{self.words.phase(t.phase)}: {o.title}", o.day),
                ("occurrence", o.activity_id, o.original_date.toordinal())))  # fmt: skip
        for o in activities.occurrences(self.store, tomorrow, tomorrow):
            if o.category not in ("daily",):
                text = self.tr("Tomorrow %1  %2").replace("%1", _hm(o.minute))
                key = ("occurrence", o.activity_id, o.original_date.toordinal())
                self.tomorrow.addItem(self._item(text.replace("%2", o.title), key, o.color))
        if self.tomorrow.count() == 0:
            self.tomorrow.addItem(self.tr("Nothing to prepare for tomorrow."))
        self.tomorrow.blockSignals(False)

    def _fill_birthdays(self, today: date) -> None:
        self.birthdays.clear()
        week_end = today + timedelta(days=6 - today.weekday())
        found = festivals.birthdays(self.store, today, max(week_end, today))
        for b in sorted(found, key=lambda b: b.order):  # the stored sort key: no pypinyin
            when = self.tr("today") if b.day == today else dates.words().month_day(b.day)
            lunar = " " + self.tr("(lunar)") if b.lunar else ""
            self.birthdays.addItem(self._item(f"🎂 {b.name} · {when}{lunar}",
                                              ("member", b.member_id),
                                              "#b7791f" if b.day == today else None))  # fmt: skip
        self.greet_button.setEnabled(bool(found) and not self.store.read_only)
        if self.birthdays.count() == 0:
            self.birthdays.addItem(self.tr("No birthdays the rest of this week."))

    def _fill_watch(self, today: date) -> None:
        self._qr = groups.expiring_qr(self.store, today=today)
        self._coupons = coupons.expiring(self.store, today=today)
        self._backup_folder = backup.missing_folder(self.store)
        self._show_watch(today)

    def _show_watch(self, today: date) -> None:
        """Render what was read (no database here: this also runs when the background
        count of expiring points arrives, maybe as the app closes the store)."""
        self.watch.clear()
        if getattr(self, "_backup_folder", None) is not None:
            text = self.tr("The backup folder %1 is missing (a USB stick not plugged in?): "
                           "copies go beside the store until it is back.").replace(
                "%1", str(self._backup_folder))  # fmt: skip
            self.watch.addItem(self._item(text, ("settings",), "#c53030"))
        words = GroupWords(self)
        for g in self._qr:
            self.watch.addItem(self._item(f"{g.name}: {words.qr_status(g, today)}", ("group",),
                                          "#c53030" if g.qr_state(today) == "expired"
                                          else "#b7791f"))  # fmt: skip
        if self._losing:
            text = self.tr("%n member(s) you are losing touch with: no contact of any kind "
                           "for a while. Say hello…", "", self._losing)  # fmt: skip
            self.watch.addItem(self._item(text, ("losing",), "#7b341e"))
        if self._coupons:
            text = self.tr("%n member(s) have a coupon that expires within 7 days: remind them "
                           "one by one…", "", len(self._coupons))  # fmt: skip
            self.watch.addItem(self._item(text, ("coupons",), "#b7791f"))
        if self._expiring:
            self._add_expiring()
        elif self.watch.count() == 0:
            self.watch.addItem(self.tr("All clear: no group QR code about to expire."))

    def _count_losing(self) -> None:
        store = self.store
        run_quiet(self, lambda _p, _s: contacts.count_losing_touch(store),
                  on_success=lambda n: self._losing_ready(store, n))  # fmt: skip

    def _losing_ready(self, store: Store, n: int) -> None:
        if store is not self.store:
            return
        self._losing = n
        self._show_watch(date.today())

    def show_losing_touch(self) -> LosingTouchDialog:
        dialog = LosingTouchDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.openMember.connect(self.openMember)
        dialog.open()
        return dialog

    def _expiring_ready(self, store: Store, batches: list) -> None:
        if store is not self.store:
            return  # counted for a store no longer open here
        self._expiring = batches
        self._show_watch(date.today())

    def _add_expiring(self) -> None:
        points = sum(b.points for b in self._expiring)
        people = len({b.member_id for b in self._expiring})
        self.watch.addItem(self._item(
            self.tr("%1 points of %2 members expire within 7 days: a good reason to remind "
                    "them.").replace("%1", f"{points:,}").replace("%2", f"{people:,}"),
            ("points",), "#b7791f"))  # fmt: skip

    # --- one click ----------------------------------------------------------------------------

    def _activate(self, item: QListWidgetItem) -> None:
        data = item.data(ItemRole)
        if not data:
            return
        kind = data[0]
        if kind == "occurrence":
            self.openOccurrence.emit(data[1], date.fromordinal(data[2]), "")
        elif kind == "task":  # the task is to send its post: open it, rendered
            self.openOccurrence.emit(data[1], date.fromordinal(data[2]), data[3])
        elif kind in ("member", "followup"):
            self.openMember.emit(data[1] if kind == "member" else data[2])
        elif kind == "group":
            self.openGroups.emit()
        elif kind == "points":
            self.openPoints.emit()
        elif kind == "coupons":
            self.remind_coupons()
        elif kind == "losing":
            self.show_losing_touch()
        elif kind == "calendar":
            self.openCalendar.emit()

    def _ticked(self, item: QListWidgetItem) -> None:
        data = item.data(ItemRole)
        if data and data[0] == "task" and not self.store.read_only:
            done = item.checkState() == Qt.CheckState.Checked
            activities.tick_phase(self.store, data[1], date.fromordinal(data[2]), data[3], done)
            announce(Area.CALENDAR)
        elif (data and data[0] == "followup" and not self.store.read_only
              and item.checkState() == Qt.CheckState.Checked):  # fmt: skip
            self.follow_up_done(data[1])  # one click; an outcome is a right-click away

    # --- posts --------------------------------------------------------------------------------

    def _refill_plan(self) -> None:
        today = date.today()
        self.posts.fill(self.store, today)
        self._fill_plan(today)

    def _count_coupons(self) -> None:
        self._coupons = coupons.expiring(self.store)  # an indexed read of the open ones
        self._show_watch(date.today())

    def remind_coupons(self) -> RunDialog | None:
        """A reminder for each member whose coupon expires this week, one by one."""
        t = next((t for t in posts.list_templates(self.store) if t.key == "coupon_expiring"),
                 posts.first_of(self.store, "expiring"))  # the shop may have deleted it
        if t is None or not self._coupons:
            return None
        return start_run(self, self.store, t, list(self._coupons),
                         self.tr("Coupons expiring this week"))  # fmt: skip

    def send_greetings(self) -> RunDialog | None:
        """This week's birthday greetings, one by one ("Copy and next")."""
        t = posts.first_of(self.store, "birthday")
        if t is None:
            return None
        ids = post_runs.members_for(self.store, "birthdays_week")
        return start_run(self, self.store, t, ids, self.tr("Birthdays this week"))
