"""The main window: navigation on the left, the current page on the right, menus, status bar."""

from __future__ import annotations

import html
import importlib
import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import (
    audit,
    backup,
    manager,
    members,
    pinyin,
    restoring,
    shop_settings,
    upkeep,
)
from sqdesk.core.errors import StoreError
from sqdesk.core.members import SortKey
from sqdesk.core.paths import network_share, resource_path
from sqdesk.core.store import STORE_SUFFIX, Store, StoreLocked, is_server, needs_upgrade
from sqdesk.ui import manager_mode, prefs
from sqdesk.ui.about import AboutDialog
from sqdesk.ui.audit_dialog import AuditDialog
from sqdesk.ui.backups_dialog import BackupFolderDialog, BackupsDialog
from sqdesk.ui.changes import Area, announce, follow, hub
from sqdesk.ui.jobs import Job, run_job, run_quiet
from sqdesk.ui.notes.capture import NoteCaptureDialog
from sqdesk.ui.opening import OpeningSteps
from sqdesk.ui.points.visit_dialog import VisitDialog
from sqdesk.ui.privacy_dialog import PrivacyDialog
from sqdesk.ui.refusals import failure_text, refusal_text
from sqdesk.ui.settings.dialog import SettingsDialog
from sqdesk.ui.settings.setup_wizard import SetupWizard
from sqdesk.ui.store_messages import locked_box, store_file_dialog
from sqdesk.ui.today.page import TodayPage

if TYPE_CHECKING:
    from sqdesk.ui.calendar.page import CalendarPage
    from sqdesk.ui.cards.poster_dialog import PosterDialog
    from sqdesk.ui.dashboard.page import DashboardPage
    from sqdesk.ui.groups.page import GroupsPage
    from sqdesk.ui.members.page import MembersPage
    from sqdesk.ui.notes.page import NotesPage
    from sqdesk.ui.points.page import PointsPage
    from sqdesk.ui.posts.page import PostsPage

log = logging.getLogger(__name__)
UPKEEP_CHECK_MS = 10 * 60 * 1000  # is it a new day yet?
HALF_HOURLY_MS = 30 * 60 * 1000  # a backup copy this often while something changed
WARM_PINYIN_AFTER_MS = 500  # after the first paints: its import holds the interpreter lock
HALF_HOURLY_KEEP = 12  # six hours of them

# The pages in the navigation's order: (key, module, class, icon, shortcut). Today is built
# with the window; every other page when it is first shown or asked for (its module is
# imported then too): the window comes up without building seven pages nobody has opened
# yet (docs/ARCHITECTURE.md, "Start-up and memory").
PAGES = (
    ("today", "sqdesk.ui.today.page", "TodayPage", "today.svg", "Ctrl+1"),
    ("members", "sqdesk.ui.members.page", "MembersPage", "members.svg", "Ctrl+2"),
    ("calendar", "sqdesk.ui.calendar.page", "CalendarPage", "calendar.svg", "Ctrl+3"),
    ("points", "sqdesk.ui.points.page", "PointsPage", "points.svg", "Ctrl+4"),
    ("groups", "sqdesk.ui.groups.page", "GroupsPage", "groups.svg", "Ctrl+5"),
    ("posts", "sqdesk.ui.posts.page", "PostsPage", "posts.svg", "Ctrl+6"),
    ("notes", "sqdesk.ui.notes.page", "NotesPage", "notes.svg", "Ctrl+7"),
    ("dashboard", "sqdesk.ui.dashboard.page", "DashboardPage", "dashboard.svg", "Ctrl+8"),
)
PAGE_KEYS = [key for key, *_ in PAGES]


class MainWindow(QMainWindow):

    def __init__(
        self,
        store: Store,
        *,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.store = store
        self.demo = demo
        self.setWindowIcon(QIcon(str(resource_path("icons", "sqdesk.svg"))))

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(168)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pages = QStackedWidget(self)

        # Today first: the page the shop opens the app for each morning. The others stand
        # in the stack as empty widgets until they are first shown (self.page).
        titles = {"today": self.tr("Today"), "members": self.tr("Members"),
                  "calendar": self.tr("Calendar"), "points": self.tr("Points"),
                  "groups": self.tr("WeChat Groups"), "posts": self.tr("Posts"),
                  "notes": self.tr("Notes"), "dashboard": self.tr("Dashboard")}  # fmt: skip
        self._built: dict[str, QWidget] = {}
        for key, _module, _name, icon, shortcut in PAGES:
            self._add_page(QWidget(self.pages), titles[key], icon, shortcut)
        self.today_page: TodayPage = self.page("today")  # type: ignore[assignment]
        self.nav.currentRowChanged.connect(lambda row: self.pages.setCurrentWidget(
            self.page(PAGE_KEYS[row])))  # fmt: skip
        self.nav.setCurrentRow(0)

        self.demo_banner = QLabel(
            self.tr(
                "DEMO store: made-up members to try sqdesk with. "
                "Everything here is thrown away when you quit."
            ),
            self,
        )
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setVisible(demo)
        self.read_only_banner = QLabel(
            self.tr(
                "Read-only: another copy of sqdesk has this store open. You can look and "
                "search; changes are made in the copy that has it open."
            ),
            self,
        )
        self.read_only_banner.setObjectName("demoBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.hide()
        # The start-up check found the file damaged: say so where it cannot be missed.
        self.damage_banner = QLabel(self)
        self.damage_banner.setObjectName("damageBanner")
        self.damage_banner.setStyleSheet("QLabel#damageBanner { background: #c53030; color: white;"
                                         " padding: 8px 12px; }")  # fmt: skip
        self.damage_banner.setWordWrap(True)
        self.damage_banner.setTextFormat(Qt.TextFormat.RichText)
        self.damage_banner.linkActivated.connect(lambda _link: self.offer_good_copy())
        self.good_copy: backup.BackupInfo | None = None
        self.damage_banner.hide()

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.demo_banner)
        right_layout.addWidget(self.read_only_banner)
        right_layout.addWidget(self.damage_banner)
        self.network_banner = QLabel(self)
        self.network_banner.setObjectName("networkBanner")
        self.network_banner.setStyleSheet("QLabel#networkBanner { background: #fff3cd; "
                                          "color: #664d03; padding: 8px 12px; }")  # fmt: skip
        self.network_banner.setWordWrap(True)
        self.network_banner.hide()
        right_layout.addWidget(self.network_banner)
        right_layout.addWidget(self.pages, 1)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)

        self.store_label = QLabel(self)
        self.store_label.setObjectName("storeLabel")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("memberCount")
        self.statusBar().addWidget(self.store_label, 1)
        self.mode_label = QLabel(self)
        self.mode_label.setObjectName("managerModeLabel")
        self.statusBar().addPermanentWidget(self.mode_label)
        self.statusBar().addPermanentWidget(self.count_label)
        manager_mode.mode().changed.connect(self._show_mode)
        # The store's member count, whatever the roster's search or segment shows.
        self._show_count()
        follow(self, {Area.MEMBERS}, self._show_count)

        self._build_menus()
        self._show_store()
        self._restore_geometry()
        # Points expire (and levels move) by the day: once at start, then whenever the
        # date has changed while the app stays open all day.
        self._upkeep_day: date | None = None
        self.upkeep_job: Job | None = None
        self.opening_job: Job | None = None  # a store being upgraded as it opens
        self.restore_job: Job | None = None  # a copy being made ready to restore
        self.write_back_job: Job | None = None  # then written over the (closed) store
        self._close_after_write_back = False
        self._upkeep_timer = QTimer(self, interval=UPKEEP_CHECK_MS)
        self._upkeep_timer.timeout.connect(self.daily_upkeep)
        self._upkeep_timer.start()
        QTimer.singleShot(0, self.daily_upkeep)
        # A copy every 30 minutes while something changed, and one on closing.
        self.changed_since_copy = False
        self.exit_copy_job: Job | None = None
        hub().changed.connect(self._note_change)
        self._copy_timer = QTimer(self, interval=HALF_HOURLY_MS)
        self._copy_timer.timeout.connect(self.half_hourly_copy)
        self._copy_timer.start()
        self._show_mode()
        self._warn_network_share()
        # Load the pinyin dictionaries off the UI thread once the window is up: start-up
        # does not need them (0.4 s), the first Chinese search keystroke does.
        QTimer.singleShot(WARM_PINYIN_AFTER_MS, self, self._warm_pinyin)

    # --- pages, built when first needed ------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page, built (and put in its place in the stack) the first time it is asked
        for: shown, or reached from another page."""
        page = self._built.get(key)
        if page is None:
            index = PAGE_KEYS.index(key)
            _key, module, name, _icon, _shortcut = PAGES[index]
            page = getattr(importlib.import_module(module), name)(self.store, self)
            self._built[key] = page
            stand_in = self.pages.widget(index)
            self.pages.insertWidget(index, page)
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
            self._connect(key, page)
        return page

    def _connect(self, key: str, page) -> None:
        """What a page asks of the window (or of another page, built then if need be)."""
        if key in ("members", "calendar", "groups", "posts"):
            page.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        if key in ("today", "calendar", "points", "groups", "notes"):
            page.openMember.connect(lambda member_id: self.members_page.open_member(member_id))
        if key in ("today", "members", "notes"):
            page.newNote.connect(self.new_note)
        if key == "groups":
            page.showMembers.connect(self.show_members)
        elif key == "posts":
            page.openMembers.connect(lambda: self.show_page(self.members_page))
        elif key == "today":
            page.openVisit.connect(lambda member_id: self.record_visit(member_id))
            page.openOccurrence.connect(
                lambda *occurrence: self.calendar_page.open_occurrence(*occurrence))
            page.openCalendar.connect(lambda: self.show_page(self.calendar_page))
            page.openGroups.connect(lambda: self.show_page(self.groups_page))
            page.openPoints.connect(lambda: self.show_page(self.points_page))

    @property
    def members_page(self) -> MembersPage:
        return self.page("members")  # type: ignore[return-value]

    @property
    def calendar_page(self) -> CalendarPage:
        return self.page("calendar")  # type: ignore[return-value]

    @property
    def points_page(self) -> PointsPage:
        return self.page("points")  # type: ignore[return-value]

    @property
    def groups_page(self) -> GroupsPage:
        return self.page("groups")  # type: ignore[return-value]

    @property
    def posts_page(self) -> PostsPage:
        return self.page("posts")  # type: ignore[return-value]

    @property
    def notes_page(self) -> NotesPage:
        return self.page("notes")  # type: ignore[return-value]

    @property
    def dashboard_page(self) -> DashboardPage:
        return self.page("dashboard")  # type: ignore[return-value]

    def _warm_pinyin(self) -> None:
        run_quiet(self, lambda _p, _s: pinyin.name_readings("张伟"))

    # --- building ------------------------------------------------------------------------

    def _add_page(self, page: QWidget, title: str, icon: str, shortcut: str) -> None:
        # Wide enough for the longest title in this language ("WeChat Groups"), icon and
        # padding included, and never narrower than the design's 168.
        font = self.nav.font()
        font.setPixelSize(15)  # as resources/style.qss sets it (applied only later)
        wanted = QFontMetrics(font).horizontalAdvance(title) + 84
        self.nav.setFixedWidth(max(self.nav.width(), 168, wanted))
        item = QListWidgetItem(QIcon(str(resource_path("icons", icon))), title)
        item.setSizeHint(QSize(0, 44))
        self.nav.addItem(item)
        self.pages.addWidget(page)
        index = self.nav.count() - 1
        action = QAction(self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda: self.nav.setCurrentRow(index))
        self.addAction(action)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = file_menu.addAction(self.tr("&New Store…"))
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_action.triggered.connect(self.ask_new_store)
        self.open_action = file_menu.addAction(self.tr("&Open Store…"))
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.ask_open_store)
        self.server_action = file_menu.addAction(self.tr("Open a &Server…"))
        self.server_action.triggered.connect(self.ask_open_server)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        self.import_action = file_menu.addAction(self.tr("&Import Members…"))
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self._import_members)
        self.export_action = file_menu.addAction(self.tr("&Export Members…"))
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self._export_members)
        file_menu.addSeparator()
        self.backup_action = file_menu.addAction(self.tr("&Back Up Now"))
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action = file_menu.addAction(self.tr("&Restore from Backup…"))
        self.restore_action.triggered.connect(self.ask_restore)
        self.backup_folder_action = file_menu.addAction(self.tr("Backup &Folder…"))
        self.backup_folder_action.triggered.connect(self.show_backup_folder)
        self.check_action = file_menu.addAction(self.tr("&Check Store…"))
        self.check_action.triggered.connect(self.check_store)
        self.privacy_action = file_menu.addAction(self.tr("Pri&vacy…"))
        self.privacy_action.triggered.connect(self.show_privacy)
        self.audit_action = file_menu.addAction(self.tr("&Audit Log…"))
        self.audit_action.triggered.connect(self.show_audit)
        file_menu.addSeparator()
        self.settings_action = file_menu.addAction(self.tr("&Settings…"))
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.show_settings)
        self.setup_action = file_menu.addAction(self.tr("Set &Up Shop…"))
        self.setup_action.triggered.connect(self.show_setup)
        self.pin_action = file_menu.addAction(self.tr("Manager &PIN…"))
        self.pin_action.triggered.connect(self.show_pin_settings)
        self.lock_action = file_menu.addAction(self.tr("&Lock Manager Mode"))
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(lambda: manager_mode.mode().lock())
        file_menu.addSeparator()
        self.visit_action = file_menu.addAction(self.tr("Record &Visit…"))
        self.visit_action.setShortcuts([QKeySequence("F2"), QKeySequence("Ctrl+R")])
        self.visit_action.triggered.connect(lambda: self.record_visit())
        self.scan_action = file_menu.addAction(self.tr("&Scan a Card"))
        self.scan_action.setShortcut(QKeySequence("F3"))
        self.scan_action.triggered.connect(self.scan_card)
        self.cards_action = file_menu.addAction(self.tr("Print Group &Poster…"))
        self.cards_action.triggered.connect(self.print_poster)
        # Ctrl+J: free in every page (Ctrl+N is New Member, Ctrl+Shift+N New Store).
        self.note_action = file_menu.addAction(self.tr("New &Note…"))
        self.note_action.setShortcut(QKeySequence("Ctrl+J"))
        self.note_action.triggered.connect(lambda: self.new_note())
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("&About sqdesk"))
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)

    def daily_upkeep(self) -> Job | None:
        today = date.today()
        if self.store.read_only or self._upkeep_day == today:
            return None
        if self._upkeep_day is not None:  # the app stayed open past midnight
            announce(Area.DAY)
        self._upkeep_day = today
        store = self.store

        keep_copies = store.is_sqlite and store.path is not None and not self.demo

        def done(result: upkeep.Upkept) -> None:
            if result.expired and store is self.store:
                announce(Area.POINTS, Area.MEMBERS)  # balances and levels moved
                self.statusBar().showMessage(
                    self.tr("%n batch(es) of points expired today.", "", result.expired), 8000
                )
            if result.damage and store is self.store:
                self.show_damage(result.damage, result.sound_copy)

        def work(_progress, should_stop) -> upkeep.Upkept:
            # Once a day per store (the day is kept in the store): stopped at a quit, and
            # what is left is done at the next start (sqdesk.core.upkeep).
            return upkeep.run(store, today=today, keep_copies=keep_copies,
                              should_stop=should_stop)  # fmt: skip

        self.upkeep_job = run_quiet(self, work, on_success=done)
        return self.upkeep_job

    # --- backups ----------------------------------------------------------------------------

    def _keeps_copies(self) -> bool:
        return (self.store.is_sqlite and self.store.path is not None and not self.demo
                and not self.store.read_only)  # fmt: skip

    def _note_change(self, _areas) -> None:
        self.changed_since_copy = True

    def back_up_now(self, kind: str = "manual") -> Job | None:
        path = self.store.path
        if not self.store.is_sqlite or path is None:
            return None
        folder = backup.folder_for(self.store)

        def made(copy: Path) -> None:
            self.changed_since_copy = False
            if kind == "manual":
                self.statusBar().showMessage(
                    self.tr("Backed up to %1.").replace("%1", str(copy)), 8000)  # fmt: skip

        def failed(exc: Exception) -> None:
            text = refusal_text(exc) if isinstance(exc, StoreError) else str(exc)
            self.statusBar().showMessage(self.tr("The backup failed: %1").replace("%1", text),
                                         15000)  # fmt: skip

        keep = HALF_HOURLY_KEEP if kind == "half-hourly" else backup.KEEP_PER_KIND
        return run_quiet(self, lambda _p, _s: backup.make_backup(path, kind=kind, keep=keep,
                                                                 folder=folder),
                         on_success=made, on_failure=failed)  # fmt: skip

    def half_hourly_copy(self) -> Job | None:
        if not (self.changed_since_copy and self._keeps_copies()):
            return None
        return self.back_up_now("half-hourly")

    def ask_restore(self) -> BackupsDialog | None:
        if self.store.path is None or self.store.read_only:
            return None
        return manager_mode.require(self, self.store, self._open_backups)

    def show_backup_folder(self) -> object:
        """Where the copies go (a USB stick): the manager's to change."""
        if self.store.path is None or self.store.read_only:
            return None

        def open_it() -> BackupFolderDialog:
            dialog = BackupFolderDialog(self.store, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            return dialog

        return manager_mode.require(self, self.store, open_it)

    def _open_backups(self) -> BackupsDialog:
        dialog = BackupsDialog(self.store.path, self, folder=backup.folder_for(self.store))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restoreRequested.connect(self.restore_from)
        dialog.open()
        return dialog

    def restore_from(self, source: Path) -> Job | None:
        """Replace the store with a backup and reopen it. The slow parts first, in the
        background while the store stays open (core/restoring.py: the copy checked, a
        packed one unpacked, an older one upgraded, the store as it is kept as a copy;
        Cancel changes nothing). Then the store is closed only while the copy is written
        back."""
        if self._upkeep_busy():
            return None
        path = self.store.path
        job = run_job(self, self.tr("Restore from Backup"),
                      lambda progress, stop: restoring.make_ready(
                          path, source, progress=progress, should_stop=stop),
                      label=self.tr("Getting the copy ready…"),
                      on_success=lambda ready: self._write_back(source, ready, job),
                      on_failure=self._not_restored,
                      on_cancel=lambda: self.statusBar().showMessage(
                          self.tr("Restore stopped: the store is as it was."), 10000))  # fmt: skip
        steps = OpeningSteps(job.dialog, lambda: None)  # a copy of an older version
        job.progressed.connect(steps.show)
        self.restore_job = job
        return job

    def _upkeep_busy(self) -> bool:
        """The store cannot be closed under the day's upkeep: said, and True."""
        if self.upkeep_job is None or self.upkeep_job.done:
            return False
        self.show_error(self.tr("Restore from Backup"),
                        self.tr("sqdesk is busy with today's upkeep. Try again in a "
                                "moment."))  # fmt: skip
        return True

    def _not_restored(self, exc: Exception) -> None:
        self.show_error(self.tr("Restore from Backup"),
                        self.tr("That copy could not be restored: %1 The store is as "
                                "it was.").replace("%1", failure_text(exc)))  # fmt: skip

    def _write_back(self, source: Path, ready: restoring.Ready, job: Job) -> Job | None:
        """The copy, ready, written over the store: closed meanwhile, opened after. In the
        background too, with its progress (2.2 s on a 770 MB store, more on a slow disk),
        and Cancel until the last step: SQLite rolls an unfinished write-back back."""
        # Closing the dialog once its Cancel has gone (the copy's upgrade committed) still
        # asks to stop, and nothing of the store has changed yet: honoured here.
        if job.stop_asked or self._upkeep_busy():
            if ready.made:
                restoring.discard(ready.plain)
            if job.stop_asked:
                self.statusBar().showMessage(
                    self.tr("Restore stopped: the store is as it was."), 10000)
            return None
        path = self.store.path
        self.store.close()
        # The window's own timers would meet the closed store: they wait for it.
        self._upkeep_timer.stop()
        self._copy_timer.stop()

        def reopened() -> Store | None:
            if ready.made:
                restoring.discard(ready.plain)
            self._upkeep_timer.start()
            self._copy_timer.start()
            try:
                store = Store.open(path, lock=True)
            except StoreError as exc:
                self.show_error(self.tr("The store could not be opened"), refusal_text(exc))
                return None
            self.set_store(store)
            return store

        def written(_result: object) -> None:
            store = reopened()
            if store is None:
                return
            # In the restored store's own log: the copy's log is older.
            audit.record_now(store, "restore", file=source.name)
            self.statusBar().showMessage(self.tr("Restored. The store as it was before is "
                                                 "kept as a backup too."), 10000)  # fmt: skip

        def failed(exc: Exception) -> None:  # the disk: the store is as it was
            if reopened() is not None:
                self._not_restored(exc)

        def stopped() -> None:
            if reopened() is not None:
                self.statusBar().showMessage(
                    self.tr("Restore stopped: the store is as it was."), 10000)

        self.write_back_job = run_job(
            self, self.tr("Restore from Backup"),
            lambda progress, stop: backup.write_back(path, ready.plain, progress=progress,
                                                     should_stop=stop),
            label=self.tr("Writing the copy over the store…"),
            on_success=written, on_failure=failed, on_cancel=stopped)  # fmt: skip
        return self.write_back_job

    def check_store(self) -> Job:
        """The full check: the file's integrity and every ledger and member invariant (about
        90 s at 100,000 members), in the background with progress and Stop."""
        store = self.store

        def report(problems: list) -> QMessageBox:
            if not problems:
                box = QMessageBox(QMessageBox.Icon.Information, self.tr("Check Store"),
                                  self.tr("The store passed every check."),
                                  QMessageBox.StandardButton.Ok, self)  # fmt: skip
            else:
                box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Check Store"),
                                  self.tr("The check found %n problem(s). If the file is "
                                          "damaged, go back to a good copy with File → "
                                          "Restore from Backup.", "", len(problems)),
                                  QMessageBox.StandardButton.Ok, self)  # fmt: skip
                box.setDetailedText("\n".join(str(p) for p in problems[:200]))
            box.setObjectName("checkResult")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return box

        from sqdesk.core import check  # every check's module: only when asked (34 ms)

        return run_job(self, self.tr("Check Store"),
                       lambda progress, stop: check.run_checks(store, progress=progress,
                                                               should_stop=stop),
                       label=self.tr("Checking the file and every balance…"),
                       on_success=report)  # fmt: skip

    def show_damage(self, damage: list[str], good: backup.BackupInfo | None = None) -> None:
        """Say the file is damaged, and offer the newest copy that is sound."""
        text = self.tr(
            "The store file is damaged (%1). Nothing more should be written to it: use File → "
            "Restore from Backup to go back to the last good copy.").replace(
            "%1", html.escape(damage[0][:120]))  # fmt: skip
        self.good_copy = good
        if good is not None:
            text += " <a href='restore' style='color: white;'>" + self.tr(
                "Go back to the newest good copy (%1)…").replace(
                "%1", good.taken.strftime("%Y-%m-%d %H:%M")) + "</a>"  # fmt: skip
        self.damage_banner.setText(text)
        self.damage_banner.show()

    def offer_good_copy(self) -> BackupsDialog | None:
        """The copies, the newest sound one chosen: one more click restores it."""
        dialog = self.ask_restore()
        if isinstance(dialog, BackupsDialog) and self.good_copy is not None:
            dialog.choose(self.good_copy.path)
        return dialog

    def record_visit(self, member_id: int | None = None) -> VisitDialog | None:
        """F2 from anywhere: scan the card, type the amount, Enter (a card scanned on Today
        opens it for that member, the amount next)."""
        if self.store.read_only:
            return None
        dialog = VisitDialog(self.store, self, member_id=member_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def scan_card(self) -> None:
        """F3 from anywhere: Today's scan box, ready for the scanner."""
        self.show_page(self.today_page)
        self.today_page.scan_box.focus()

    def print_poster(self) -> PosterDialog:
        from sqdesk.ui.cards.poster_dialog import PosterDialog  # printing: not at start-up

        dialog = PosterDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_page(self, page: QWidget) -> None:
        self.nav.setCurrentRow(self.pages.indexOf(page))

    def show_members(self, tree: dict, title: str, sort: str = "") -> None:
        """The roster, showing the members a filter selects (a group, the VIP lists),
        ordered by `sort` (a SortKey value) when one is given."""
        self.nav.setCurrentRow(self.pages.indexOf(self.members_page))
        self.members_page.segments.show_filter(tree, title)
        if sort:
            self.members_page.sort_by(SortKey(sort))

    def _import_members(self) -> None:
        self.nav.setCurrentRow(self.pages.indexOf(self.members_page))
        self.members_page.files.ask_import()

    def _export_members(self) -> None:
        self.nav.setCurrentRow(self.pages.indexOf(self.members_page))
        self.members_page.files.ask_export()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [r for r in prefs.recent_stores() if r != self.store.location]
        if not recent:
            empty = self.recent_menu.addAction(self.tr("No other stores yet"))
            empty.setEnabled(False)
            return
        for location in recent:
            action = self.recent_menu.addAction(location)
            action.triggered.connect(lambda _=False, loc=location: self.open_store_at(loc))
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("Clear This List"))
        clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        for location in prefs.recent_stores():
            if location != self.store.location:
                prefs.forget_recent_store(location)

    # --- the store -----------------------------------------------------------------------

    def _show_store(self) -> None:
        name = self.store.display_name
        if self.demo:
            self.setWindowTitle(self.tr("sqdesk — DEMO (throwaway store)"))
        elif self.store.read_only:
            self.setWindowTitle(self.tr("%1 (read-only) — sqdesk").replace("%1", name))
        else:
            self.setWindowTitle(self.tr("%1 — sqdesk").replace("%1", name))
        self.read_only_banner.setVisible(self.store.read_only)
        self.visit_action.setEnabled(not self.store.read_only)
        self.note_action.setEnabled(not self.store.read_only)
        self.setup_action.setEnabled(not self.store.read_only)  # Settings opens, to read
        # Copies are SQLite's online backups; a PostgreSQL store is backed up by its server.
        copies = self.store.is_sqlite and self.store.path is not None and not self.demo
        self.backup_action.setEnabled(copies)
        self.restore_action.setEnabled(copies and not self.store.read_only)
        self.store_label.setText(self.tr("Store: %1").replace("%1", self.store.location))
        self.store_label.setToolTip(self.store.location)
        if not self.demo:
            prefs.add_recent_store(self.store.location)

    def _show_count(self) -> None:
        n = members.count(self.store)
        self.count_label.setText(self.tr("%n member(s)", "", n))

    def set_store(self, store: Store) -> None:
        """Switch the whole window to another store; the old one is closed."""
        self._upkeep_day = None
        old = self.store
        if old is not store:
            # The old store's windows (a profile, an activity, Settings) go with it: left
            # open, they would read a closed store at the next change.
            # (Not a file dialog or a message box: one of those may be what switched.)
            for dialog in self.findChildren(QDialog):
                if dialog.isVisible() and not isinstance(dialog, QFileDialog | QMessageBox):
                    dialog.reject()
        self.store = store
        self.demo = False
        self.demo_banner.hide()
        self.damage_banner.hide()
        for page in self._built.values():  # the others are built with self.store
            if hasattr(page, "set_store"):
                page.set_store(store)
        manager_mode.mode().lock()  # another store: its own manager
        self._show_mode()
        self._warn_network_share()
        self._show_store()
        self._show_count()
        announce(*Area)  # every page shows the new store's data when it is next seen
        if old is not store:
            busy = self.upkeep_job is not None and not self.upkeep_job.done
            if busy:  # the old store's upkeep still runs: close it when that is done
                self.upkeep_job.ended.connect(old.close)
            else:
                old.close()
        self.daily_upkeep()

    def open_store_at(self, location: str) -> bool:
        """Open the store at a path or URL and switch to it; tell the user if that fails.
        A store of an older version is upgraded first, which can take a minute, and a
        server can take seconds to answer (or never): those are opened in the background
        (`opening_job`), the dialog saying what it is doing, and True means it has
        started; on Cancel the window keeps its store."""
        if needs_upgrade(location) or is_server(location):
            self.opening_job = self._open_in_background(location)
            return True
        try:
            store = Store.open(location, lock=True)
        except StoreError as exc:
            self._not_opened(location, exc)
            return False
        self.set_store(store)
        return True

    def _open_in_background(self, location: str) -> Job:
        server = is_server(location)

        def opened(store: Store) -> None:
            # Asked to stop when it could no longer be (the upgrade committed, the server
            # answered): not switched to.
            if job.stop_asked:
                store.close()
                stopped()
            else:
                self.set_store(store)

        def failed(exc: Exception) -> None:
            # Cancel while a server did not answer: its time-out is no news to the user.
            if job.stop_asked:
                stopped()
            else:
                self._not_opened(location, exc)

        def stopped() -> None:
            self.statusBar().showMessage(self.tr("Stopped: that store was not opened."), 10000)

        job = run_job(self, self.tr("Open Store"),
                      lambda progress, stop: Store.open(location, lock=True, progress=progress,
                                                        should_stop=stop),
                      label=self.tr("Connecting to the server…") if server
                      else self.tr("Opening the store…"),
                      on_success=opened,
                      on_failure=failed,
                      on_cancel=lambda: self.statusBar().showMessage(self.tr(
                          "The upgrade was stopped before it changed anything: that store "
                          "is as it was."), 10000))  # fmt: skip
        steps = OpeningSteps(job.dialog, lambda: None, server=server)  # Cancel: the job's
        job.progressed.connect(steps.show)
        return job

    def _not_opened(self, location: str, exc: Exception) -> None:
        if isinstance(exc, StoreLocked):
            box = locked_box(exc, self)
            box.finished.connect(
                lambda _r: (
                    box.clickedButton() is box.read_only_button and self._open_read_only(location)
                )
            )
            box.open()
        else:
            self.show_error(self.tr("The store could not be opened"), failure_text(exc))

    def _open_read_only(self, location: str) -> None:
        try:
            self.set_store(Store.open(location, read_only=True))
        except StoreError as exc:
            self.show_error(self.tr("The store could not be opened"), refusal_text(exc))

    def ask_open_store(self) -> QFileDialog:
        dialog = self._store_dialog(self.tr("Open Store"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.fileSelected.connect(self.open_store_at)
        dialog.open()
        return dialog

    def ask_open_server(self) -> QInputDialog:
        """A shop with several PCs keeps its store on a PostgreSQL server: its address."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Open a Server"))
        dialog.setLabelText(self.tr("The PostgreSQL server's address, like\n"
                                    "postgresql+psycopg://shop@192.168.1.10/sqdesk"))
        dialog.setTextValue("postgresql+psycopg://")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda url: self.open_store_at(url.strip()))
        dialog.open()
        return dialog

    def ask_new_store(self) -> QFileDialog:
        dialog = self._store_dialog(self.tr("New Store"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(STORE_SUFFIX.lstrip("."))
        dialog.fileSelected.connect(self.create_store_at)
        dialog.open()
        return dialog

    def create_store_at(self, path: str) -> bool:
        target = Path(path)
        if target.exists() and target.stat().st_size > 0:
            # The save dialog already asked about overwriting; a store is never clobbered.
            self.show_error(
                self.tr("The store was not created"),
                self.tr("%1 already exists. Use File → Open Store to open it.").replace(
                    "%1", str(target)
                ),
            )
            return False
        if not self.open_store_at(str(target)):
            return False
        self.offer_setup()
        return True

    def _store_dialog(self, title: str) -> QFileDialog:
        start = str(Path(self.store.location).parent) if self.store.path else str(Path.home())
        return store_file_dialog(self, title, start)

    # --- messages ------------------------------------------------------------------------

    def show_error(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # open(), not exec(): a nested event loop inside qasync starves running tasks.
        box.open()
        return box

    def new_note(self, member_id: int | None = None) -> NoteCaptureDialog | None:
        """The note capture window, for a member already chosen or one to find."""
        if self.store.read_only:
            return None
        dialog = NoteCaptureDialog(self.store, self, member_id=member_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _id: self.statusBar().showMessage(
            self.tr("Note saved."), 5000))  # fmt: skip
        dialog.open()
        return dialog

    def show_settings(self) -> SettingsDialog:
        return manager_mode.require(self, self.store, self._open_settings)

    def _warn_network_share(self) -> str | None:
        """A store file on a shared folder can be damaged when two PCs write it: say so,
        and point a shop with several PCs at PostgreSQL."""
        kind = network_share(self.store.path) if self.store.path is not None else None
        self.network_banner.setVisible(kind is not None)
        if kind is not None:
            self.network_banner.setText(self.tr(
                "This store is on a network share (%1). A store file shared by several PCs "
                "can be damaged when two of them write at once: keep it on this PC's own "
                "disk, or let a shop with several PCs use a PostgreSQL server (start sqdesk "
                "with --db and the server's address).").replace("%1", kind))  # fmt: skip
        return kind

    def _show_mode(self, *_args) -> None:
        """🔓 while the manager mode is open, 🔒 otherwise; nothing when there is no PIN
        (a hint to set one instead)."""
        if not manager.has_pin(self.store):
            self.mode_label.setText(self.tr("No manager PIN"))
            self.mode_label.setToolTip(self.tr("Anyone at this PC can export the roster. Set "
                                               "a PIN: File → Manager PIN…"))  # fmt: skip
        elif manager_mode.mode().is_unlocked():
            self.mode_label.setText(self.tr("🔓 Manager"))
            self.mode_label.setToolTip(self.tr("Ctrl+L locks it; it locks by itself when "
                                               "nobody uses sqdesk for a while."))  # fmt: skip
        else:
            self.mode_label.setText(self.tr("🔒 Helper"))
            self.mode_label.setToolTip(self.tr("What only the manager may do asks for the "
                                               "PIN."))  # fmt: skip
        self.lock_action.setEnabled(manager_mode.mode().is_unlocked())

    def show_pin_settings(self) -> object:
        """Set a PIN freely when there is none; changing one is the manager's."""
        def open_it():
            dialog = manager_mode.PinSettingsDialog(self.store, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(self._show_mode)
            dialog.open()
            return dialog

        return open_it() if not manager.has_pin(self.store) else manager_mode.require(
            self, self.store, open_it)

    def show_privacy(self) -> object:
        """The privacy notice and the members to review: the manager's (it lists people)."""
        def open_it():
            dialog = PrivacyDialog(self.store, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.openMember.connect(self.members_page.open_member)
            dialog.open()
            return dialog

        return manager_mode.require(self, self.store, open_it)

    def show_audit(self) -> object:
        def open_it():
            dialog = AuditDialog(self.store, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            return dialog

        return manager_mode.require(self, self.store, open_it)

    def _open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_setup(self) -> SetupWizard:
        wizard = SetupWizard(self.store, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.rejected.connect(lambda: self.statusBar().showMessage(
            self.tr("You can set up the shop any time: File → Set Up Shop…"), 8000))
        wizard.open()
        return wizard

    def offer_setup(self) -> SetupWizard | None:
        """The set-up, on a new and empty store that was never set up (not the demo)."""
        if self.demo or self.store.read_only or not shop_settings.needs_setup(self.store):
            return None
        return self.show_setup()

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(store_location=html.escape(self.store.location), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- window state --------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry, state = prefs.window_state()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.write_back_job is not None and not self.write_back_job.done:
            # The store is closed while a copy is written over it: the write-back stops
            # (SQLite rolls it back), the store opens again, then the window closes.
            event.ignore()
            if not self._close_after_write_back:
                self._close_after_write_back = True
                self.write_back_job.cancel()
                self.write_back_job.ended.connect(self.close)
            return
        if self.changed_since_copy and self._keeps_copies() and self.exit_copy_job is None:
            # The day's last changes go with the shop's copies. In the background, behind a
            # small dialog (shown only when it takes a moment, on a big store) whose button
            # closes without the copy; the window closes when the copy is done.
            event.ignore()
            self._copy_then_close()
            return
        prefs.save_window_state(self.saveGeometry(), self.saveState())
        super().closeEvent(event)

    def _copy_then_close(self) -> Job:
        path, folder = self.store.path, backup.folder_for(self.store)

        def copied(_copy: Path) -> None:
            self.changed_since_copy = False
            self.close()

        def failed(exc: Exception) -> None:
            log.warning("the copy on closing failed: %s", exc)
            self.close()

        self.exit_copy_job = run_job(
            self, self.tr("Closing sqdesk"),
            lambda _p, _s: backup.make_backup(path, kind="exit", folder=folder),
            label=self.tr("Saving a copy of today's work before closing…"),
            on_success=copied, on_failure=failed, on_cancel=self.close)  # fmt: skip
        self.exit_copy_job.dialog.setCancelButtonText(self.tr("Close Without a Copy"))
        return self.exit_copy_job
