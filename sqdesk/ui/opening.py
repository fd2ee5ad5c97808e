"""What the dialog says while a store opens that must first be upgraded, step by step
(sqdesk.core.store.OPEN_STEPS), and its Cancel: offered from the first step that can stop
until the migrations commit, taken away after (nothing is changed before; after, the steps
finish and the store opens). Before any step, a server being reached has the caller's own
Cancel: at start it ends the wait at once (sqdesk.app._connected); the window's job dialog
has its own, which the window honours once the store is open (Job.stop_asked).

The first start after an update (sqdesk.app) and File → Open Store on an older store
(sqdesk.ui.main_window) both show it; a store already up to date opens in a blink.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel, QProgressDialog

from sqdesk.core.store import OPEN_STEPS, STOPPABLE_STEPS

WIDTH = 460  # px: room for the words in two or three lines


class OpeningSteps(QObject):
    """Puts each step's words on `dialog` as the step starts; `stop` is what its Cancel
    asks, while the step can still be stopped. On a server (`server=True`) nothing is: a
    statement there is not interrupted as SQLite's are, so the migrations, once begun,
    finish, and no Cancel is offered for them."""

    def __init__(self, dialog: QProgressDialog, stop: Callable[[], None], *,
                 server: bool = False) -> None:  # fmt: skip
        super().__init__(dialog)
        self.dialog, self._stop = dialog, stop
        self.stoppable = frozenset() if server else STOPPABLE_STEPS
        self.step = -1
        label = QLabel(dialog.labelText(), dialog)
        label.setWordWrap(True)  # the upgrade's words are a sentence or two
        dialog.setLabel(label)
        dialog.setMinimumWidth(WIDTH)
        dialog.canceled.connect(self.cancel)

    def words(self, step: str) -> str:
        return {
            "backup": self.tr("Keeping a copy of the store as it is, before it is upgraded…"),
            "upgrade": self.tr(
                "Upgrading the store for this version of sqdesk. It is done once; a big "
                "store takes a minute or two. Cancel leaves it as it was."
            ) if step in self.stoppable else self.tr(
                "Upgrading the store for this version of sqdesk. It is done once; a big "
                "store takes a minute or two."
            ),
            "tidy": self.tr("Upgraded. Giving back the space the upgrade freed in the file…"),
            "index": self.tr("Rebuilding the search index…"),
        }[step]

    @Slot(int, int)
    def show(self, step: int, _total: int = 0) -> None:
        self.step = step
        name = OPEN_STEPS[step]
        self.dialog.setLabelText(self.words(name))
        self.dialog.setRange(0, 0)  # busy: the steps take very different times
        if name in self.stoppable:  # offered from the first step that can stop
            self.dialog.setCancelButtonText(self.tr("Cancel"))
        else:
            self.dialog.setCancelButton(None)  # committed (or a server's): the rest finishes
        self.dialog.show()

    @Slot()
    def cancel(self) -> None:
        # A dialog closed when the store is open "cancels" too: only a stoppable step stops.
        if self.step >= 0 and OPEN_STEPS[self.step] in self.stoppable:
            self.dialog.setLabelText(self.tr("Stopping…"))
            self._stop()
