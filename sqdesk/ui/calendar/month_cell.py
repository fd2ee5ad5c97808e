"""How a month cell is drawn: the day with its festival and birthday marks, then each
activity's whole title (wrapped onto a second line when it is long, not cut to "周一…"),
as many as fit, then "+N more" for the rest, and the daily routine as one line.

The delegate remembers where it drew each activity, so a double-click on a line opens
that activity whatever the wrapping made of the lines above it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

HeadingRole = Qt.ItemDataRole.UserRole + 10  # "7  立冬  🎂5"
LinesRole = Qt.ItemDataRole.UserRole + 11  # ["10:00 周一会员福利日🎁", …]
RoutineRole = Qt.ItemDataRole.UserRole + 12  # "· 每日固定 ×5", or ""
PAD = 3

_WRAP = int(Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere | Qt.AlignmentFlag.AlignLeft
            | Qt.AlignmentFlag.AlignTop)  # fmt: skip


class MonthCellDelegate(QStyledItemDelegate):
    def __init__(self, parent=None, *, more_text=None) -> None:
        super().__init__(parent)
        # (row, column) → how many activities "+N more" stands for (0: all shown).
        self.hidden: dict[tuple[int, int], int] = {}
        self.more_text = more_text or (lambda n: f"+{n} more")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if index.data(HeadingRole) is None:  # the week view's cells: as Qt draws them
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the background, selection and focus only; the text is drawn below
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        key = (index.row(), index.column())
        rect = option.rect.adjusted(PAD, 1, -PAD, -1)
        fm = option.fontMetrics
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)  # another month's days: grey
        colour = option.palette.text().color() if foreground is None else foreground.color()
        if selected:
            colour = option.palette.highlightedText().color()
        painter.setPen(colour)
        painter.setFont(option.font)
        laid = layout(rect, fm, index.data(HeadingRole) or "", index.data(LinesRole) or [],
                      bool(index.data(RoutineRole)))  # fmt: skip
        painter.drawText(laid.heading_box, _WRAP, laid.heading)
        for box, text in laid.titles:
            painter.drawText(box, _WRAP, text)
        if laid.hidden:
            painter.drawText(laid.more, Qt.AlignmentFlag.AlignLeft, self.more_text(laid.hidden))
        if laid.routine is not None:
            routine = index.data(RoutineRole)
            painter.drawText(laid.routine, Qt.AlignmentFlag.AlignLeft,
                             fm.elidedText(routine, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()
        self.hidden[key] = laid.hidden

    def line_at(self, view, index: QModelIndex, y: int) -> int | None:
        """Which activity (an index into LinesRole) is drawn at height y of the cell, laid
        out as paint() lays it out."""
        rect = view.visualRect(index).adjusted(PAD, 1, -PAD, -1)
        laid = layout(rect, view.fontMetrics(), index.data(HeadingRole) or "",
                      index.data(LinesRole) or [], bool(index.data(RoutineRole)))  # fmt: skip
        for i, (box, _text) in enumerate(laid.titles):
            if box.top() <= y <= box.bottom():
                return i
        return None


@dataclass
class Layout:
    heading_box: QRect
    heading: str  # the day and its marks, on one line or two (cut with … beyond)
    titles: list[tuple[QRect, str]]  # the titles shown, in order, each in its box
    hidden: int  # how many "+N more" stands for
    more: QRect
    routine: QRect | None


def layout(rect: QRect, fm: QFontMetrics, heading: str, lines: list[str],
           routine: bool) -> Layout:  # fmt: skip
    """Where a cell's parts go: the heading (the day, a festival's name: wrapped onto a
    second line when the name is long, "Beginning of Winter"), then whole titles while they fit (the
    first one, if nothing fits whole, cut with …), "+N more" for the rest, and the daily
    routine's summary when there is still room (it is the same every day, and the day's
    list beside the grid names it)."""
    lh = fm.lineSpacing()
    head = min(_height(fm, heading, rect.width()), 2 * lh) if heading else lh
    if heading and _height(fm, heading, rect.width()) > head:
        heading = _cut(fm, heading, rect.width(), head)
        head = max(lh, _height(fm, heading, rect.width()))  # what the cut text takes
    heading_box = QRect(rect.left(), rect.top(), rect.width(), head)
    y = rect.top() + head
    bottom = rect.bottom() + 1
    titles: list[tuple[QRect, str]] = []
    hidden = 0
    for i, text in enumerate(lines):
        wanted = _height(fm, text, rect.width())
        room = bottom - y - (lh if i < len(lines) - 1 else 0)  # "+N more" under it
        if wanted <= room:
            titles.append((QRect(rect.left(), y, rect.width(), wanted), text))
            y += wanted
            continue
        shown = i
        if not titles and room >= lh:  # the first title is shown, if only in part
            cut = _cut(fm, text, rect.width(), room)
            height = _height(fm, cut, rect.width())
            titles.append((QRect(rect.left(), y, rect.width(), height), cut))
            y += height
            shown += 1
        hidden = len(lines) - shown
        break
    more = QRect(rect.left(), y, rect.width(), lh)
    if hidden:
        y += lh
    fits = routine and y + lh <= bottom
    routine_box = QRect(rect.left(), y, rect.width(), lh) if fits else None
    return Layout(heading_box, heading, titles, hidden, more, routine_box)


def _height(fm: QFontMetrics, text: str, width: int) -> int:
    return fm.boundingRect(QRect(0, 0, width, 10_000), _WRAP, text).height()


def _cut(fm: QFontMetrics, text: str, width: int, height: int) -> str:
    """The text shortened with … to fit a box of `width` × `height`, wrapped."""
    for end in range(len(text), 0, -1):
        candidate = text[:end] + "…"
        if _height(fm, candidate, width) <= height:
            return candidate
    return "…"
