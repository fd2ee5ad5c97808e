"""The members the shop is losing touch with (core/contacts), the most valuable first, with
the reactivation post (好久不见) one click away: copying it for a member counts as contact
and takes them off the list at once."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sqdesk.core import contacts, posts
from sqdesk.core.contacts import LosingTouch
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, follow
from sqdesk.ui.jobs import run_quiet
from sqdesk.ui.posts.copy_dialog import CopyPostDialog, open_copy_dialog
from sqdesk.ui.widgets import make_table, select_row

SHOWN = 200  # the most valuable first: a manager greets a few a day, not thousands
IdRole = Qt.ItemDataRole.UserRole + 1


class LosingTouchDialog(QDialog):
    openMember = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("losingTouch")
        self.setWindowTitle(self.tr("Losing Touch"))
        self.store = store
        self.queue: list[LosingTouch] = []
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.layer_words = {"core": self.tr("Core"), "regular": self.tr("Spent this year"),
                            "quiet": self.tr("Quiet")}  # fmt: skip
        self.table = make_table(self, [self.tr("Member"), self.tr("Code"), self.tr("Layer"),
                                       self.tr("Last contact"), self.tr("Days"),
                                       self.tr("Spend (12 mo.)")], 0)  # fmt: skip
        self.table.itemDoubleClicked.connect(lambda _i: self.open_current())
        self.hello_button = QPushButton(self.tr("Say Hello…"), self)
        self.hello_button.setToolTip(self.tr("The 好久不见 message for this member, ready to "
                                             "paste in WeChat"))  # fmt: skip
        self.hello_button.clicked.connect(self.say_hello)
        self.open_button = QPushButton(self.tr("Open Member"), self)
        self.open_button.clicked.connect(self.open_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.hello_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self.hello_button.setEnabled(False)
        self.open_button.setEnabled(False)
        follow(self, {Area.NOTES, Area.POINTS, Area.CALENDAR, Area.POSTS}, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Read in the background (a fifth of a second at 100,000 members); a later read's
        result is the one shown."""
        store = self.store
        self._asked = getattr(self, "_asked", 0) + 1
        asked = self._asked

        def read(_p, _s):
            return (contacts.count_losing_touch(store), contacts.losing_touch(store, limit=SHOWN),
                    contacts.windows(store))  # fmt: skip

        run_quiet(self, read, on_success=lambda found: asked == self._asked
                  and self._show(*found))  # fmt: skip

    def _show(self, total: int, shown: list[LosingTouch], win: contacts.Windows) -> None:
        self.queue = shown
        self.summary.setText(self.tr("%n member(s) with no contact of any kind (a visit, an "
                                     "activity, a note, a message) for a while, the most "
                                     "valuable first.", "", total)
                             + " " + self.tr("A while is %1 days for core members, %2 for "
                                             "members who spent this year and %3 for the "
                                             "others (Settings, Staying in Touch).")
                             .replace("%1", str(win.core)).replace("%2", str(win.regular))
                             .replace("%3", str(win.quiet)))  # fmt: skip
        self.table.setRowCount(len(shown))
        for row, m in enumerate(shown):
            last = m.last_contact.astimezone().date().isoformat() if m.last_contact else \
                self.tr("never")  # fmt: skip
            days = str(m.days_since) if m.days_since is not None else ""
            spend = f"¥{m.spend_12m / 100:,.0f}" if m.spend_12m else ""
            layer = self.layer_words[m.layer]
            for column, text in enumerate((m.name, m.code, layer, last, days, spend)):
                item = QTableWidgetItem(text)
                item.setData(IdRole, m.member_id)
                if column >= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)  # fmt: skip
                self.table.setItem(row, column, item)
        if shown:
            select_row(self.table, 0)
        self.hello_button.setEnabled(bool(shown) and not self.store.read_only)
        self.open_button.setEnabled(bool(shown))

    def current_member(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(IdRole) if item is not None else None

    def open_current(self) -> None:
        member_id = self.current_member()
        if member_id is not None:
            self.openMember.emit(member_id)

    def say_hello(self) -> CopyPostDialog | None:
        """The reactivation post rendered for the member; copying it records the copy for
        them, which is a contact (the list follows posts)."""
        member_id = self.current_member()
        template = posts.first_of(self.store, "reactivation")
        if member_id is None or template is None:
            return None
        name = self.table.item(self.table.currentRow(), 0).text()
        return open_copy_dialog(self, self.store, posts.templates_for(self.store, "member"),
                                chosen=template.id, about=name, member_id=member_id)  # fmt: skip
