"""One way to say that something changed (docs/ARCHITECTURE.md, "Changes").

Whoever calls a core service that writes announces what it changed, by area:

    ledger.record_visit(store, ...)
    announce(Area.POINTS, Area.MEMBERS)

and every page or open window that shows those areas follows them:

    follow(self, {Area.POINTS}, self.refresh)

A visible follower refreshes at once, so the code that announced can rely on what it shows
(select the row just saved); a hidden one (a page not in front, a tab not chosen) refreshes
as it is next shown, once, however many changes came meanwhile. A follower whose refresh
rebuilds the very buttons that write (Today's Copy buttons) asks for `deferred`: it then
refreshes once the event loop is back, so no click handler is pulled out from under itself,
and the announcements of one click make one refresh. The follower is a child of the
widget, so a closed window stops listening by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget


class Area(StrEnum):
    MEMBERS = "members"  # names, fields, archiving, import, merge; birthdays on Today
    TAGS = "tags"
    SEGMENTS = "segments"  # saved segments and thresholds
    GROUPS = "groups"
    POINTS = "points"  # visits, ledger, rewards, levels, rules
    CALENDAR = "calendar"  # activities, occurrences, attendance, phase ticks
    POSTS = "posts"  # templates, copies, one-by-one runs
    NOTES = "notes"  # notes about members and their follow-ups
    SHOP = "shop"  # the shop's own settings: name, address, hours, manager, logo
    DAY = "day"  # the date changed while the app stayed open


class ChangeHub(QObject):
    changed = Signal(object)  # frozenset[Area]


def hub() -> ChangeHub:
    """The application's one hub (made on first use, owned by the application)."""
    app = QCoreApplication.instance()
    found = app.findChild(ChangeHub, "sqdeskChanges")
    if found is None:
        found = ChangeHub(app)
        found.setObjectName("sqdeskChanges")
    return found


def announce(*areas: Area) -> None:
    """Tell every follower that these areas changed (after the write committed)."""
    hub().changed.emit(frozenset(areas))


class _Follower(QObject):
    def __init__(self, widget: QWidget, areas: set[Area], refresh: Callable[[], None],
                 stale: bool, deferred: bool) -> None:  # fmt: skip
        super().__init__(widget)
        self._widget = widget
        self._areas = frozenset(areas)
        self._refresh = refresh
        self.stale = stale
        self._deferred = deferred
        self._queued = False
        hub().changed.connect(self.on_changed)
        widget.installEventFilter(self)

    @Slot(object)
    def on_changed(self, areas: frozenset[Area]) -> None:
        if self._areas & areas:
            self.stale = True
            self._queue()

    def _queue(self) -> None:
        if not self._widget.isVisible():
            return
        if not self._deferred:
            self._refresh_if_stale()
        elif not self._queued:
            self._queued = True
            QTimer.singleShot(0, self, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        self._queued = False
        if self.stale and self._widget.isVisible():
            self.stale = False
            self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Not `self._widget`: when the collector frees a closed window's cycle, it clears
        # this object's attributes before Qt destroys the window, whose last events still
        # come here.
        if (watched is getattr(self, "_widget", None) and event.type() == QEvent.Type.Show
                and self.stale):  # fmt: skip
            self.stale = False
            self._refresh()  # before the first paint: a page never shows old data
        return False


def follow(widget: QWidget, areas: set[Area], refresh: Callable[[], None], *,
           fill_when_shown: bool = False, deferred: bool = False) -> QObject:  # fmt: skip
    """Call `refresh` when one of `areas` changed: at once while `widget` is visible, else
    when it is next shown. `fill_when_shown`: also when it is first shown (a page that is
    not filled when built, so that start-up does not wait for it). `deferred`: see above."""
    return _Follower(widget, areas, refresh, fill_when_shown, deferred)
