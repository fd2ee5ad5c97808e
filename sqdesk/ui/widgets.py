"""Small widgets every page shares."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


class PageHeader(QWidget):
    """A page's title with a quieter subtitle beside it (a count, a date)."""

    def __init__(self, title: str, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title, self)
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("pageSubtitle")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addWidget(self.subtitle)
        layout.addStretch(1)

    def set_subtitle(self, text: str) -> None:
        self.subtitle.setText(text)


def make_table(parent: QWidget, headers: list[str], stretch: int) -> QTableWidget:
    """A read-only, row-selecting table for short lists (a few hundred rows at most)."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def select_row(table: QAbstractItemView, row: int) -> None:
    """Make `row` the one selected row. Not QTableView.selectRow: that follows the keyboard
    modifiers held at the moment, so a dialog opened with a Ctrl shortcut while Ctrl is
    still down toggled its first row off instead of selecting it."""
    model = table.model()
    if model is None or not 0 <= row < model.rowCount():
        return
    index = model.index(row, 0)
    flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
             | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
    table.selectionModel().setCurrentIndex(index, flags)


def on_enter(widget: QWidget, slot: Callable[[], object]) -> QAction:
    """Enter opens what is chosen in `widget` (a list, a table), and only while it has the
    focus: Enter in a search box beside it keeps its own meaning."""
    action = QAction(widget)
    action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action


def fill_table(table: QTableWidget, rows: list[tuple], numeric: set[int] = frozenset()) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(str(value))
            if c in numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def file_dialog(parent: QWidget | None, title: str, start: str,
                filters: list[str]) -> QFileDialog:
    """Qt's own file dialog (the same on every system, and it works offscreen in tests),
    deleted when closed; not yet open. Every file sqdesk asks for goes through it."""
    dialog = QFileDialog(parent, title, start)
    dialog.setNameFilters(filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


def open_file_dialog(parent: QWidget, title: str, start: str, filters: list[str],
                     chosen: Callable[[Path], object], *,
                     save_suffix: str | None = None) -> QFileDialog:  # fmt: skip
    """Ask for a file: Qt's own dialog (the same on every system, and it works offscreen in
    tests), opened with open() so nothing blocks, deleted when closed. `chosen` gets the
    path; with `save_suffix` it is a Save dialog that adds that suffix."""
    dialog = file_dialog(parent, title, start, filters)
    if save_suffix is None:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(save_suffix)
    dialog.fileSelected.connect(lambda path: chosen(Path(path)))
    dialog.open()
    return dialog


def warn(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A warning that does not block the event loop (nor a test) while it is shown."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


TOAST_MS = 2500


class Toast(QLabel):
    """A brief confirmation floating at the bottom of the window ("Copied"), gone by itself
    after a moment: it never needs a click and never takes the focus."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("toast")
        self.setStyleSheet(
            "QLabel#toast { background: rgba(30, 36, 32, 225); color: white;"
            " border-radius: 8px; padding: 8px 16px; font-size: 14px; }"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setWordWrap(False)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=TOAST_MS)
        self._timer.timeout.connect(self.hide)
        window.installEventFilter(self)

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    def _place(self) -> None:
        window = self.parentWidget()
        width = min(self.sizeHint().width(), window.width() - 40)
        self.resize(width, self.sizeHint().height())
        self.move((window.width() - width) // 2, window.height() - self.height() - 48)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False


def toast(widget: QWidget, text: str) -> Toast:
    """Show `text` as a toast on the main window holding `widget` (a dialog that is about
    to close passes it on to its parent's window)."""
    window = widget.window()
    while isinstance(window, QDialog) and window.parentWidget() is not None:
        window = window.parentWidget().window()
    found = window.findChild(Toast, "toast", Qt.FindChildOption.FindDirectChildrenOnly)
    if found is None:
        found = Toast(window)
    found.show_text(text)
    return found


def date_picker(edit: QDateEdit) -> QDateEdit:
    """A date edit with its calendar popup, the calendar tall enough for its last week.

    QCalendarWidget sizes its day grid for Latin digits in its own font; with the style
    sheet's larger table font and a CJK font's taller lines, the popup cut the last week
    in half. Seven rows of the grid's own line height, plus the month bar, fix that."""
    edit.setCalendarPopup(True)
    calendar = edit.calendarWidget()
    grid = calendar.findChild(QTableView)
    if grid is not None:
        grid.ensurePolished()
        line = grid.fontMetrics().height() + 8
        bar = calendar.fontMetrics().height() + 16
        wide = grid.fontMetrics().horizontalAdvance("周三") * 7 + 40
        calendar.setMinimumSize(max(calendar.sizeHint().width(), wide), bar + 7 * line)
    return edit

