"""A table cell whose text has its matches marked, as a search result shows them: the
note's own text, one line, with the searched words on a yellow ground."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

SpansRole = Qt.ItemDataRole.UserRole + 7  # [(start, length), ...] in the cell's text
MARK = "#ffe58a"


def marked_html(text: str, spans: list[tuple[int, int]]) -> str:
    """The text as HTML with each span marked (overlapping spans merged)."""
    out, at = [], 0
    for start, length in sorted(spans):
        start = max(start, at)
        end = start + length if start >= at else at
        if end <= at:
            continue
        out.append(escape(text[at:start]))
        out.append(f'<span style="background:{MARK}">{escape(text[start:end])}</span>')
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def excerpt(text: str, spans: list[tuple[int, int]], *,
            lead: int = 12) -> tuple[str, list[tuple[int, int]]]:  # fmt: skip
    """One line of the text that shows the first match: a long note is cut to start a few
    characters before it (with "…"), and the spans moved with it."""
    line = text.replace("\n", " ")
    if not spans or spans[0][0] <= lead * 2:
        return line, spans
    cut = spans[0][0] - lead
    return "…" + line[cut:], [(start - cut + 1, length) for start, length in spans if start >= cut]


class HighlightDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        spans = index.data(SpansRole)
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text.replace("\n", " ")
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(0)
        doc.setHtml(marked_html(text, spans))
        rect = QRectF(opt.rect.adjusted(4, 0, -4, 0))
        painter.save()
        painter.setClipRect(rect)
        top = rect.top() + (rect.height() - doc.size().height()) / 2
        painter.translate(QPointF(rect.left(), top))
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        doc.documentLayout().draw(painter, context)
        painter.restore()
