"""Tags drawn as small coloured chips (the roster's Tags column, the profile header)."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from sqdesk.ui.members.model import TagsRole

_PAD_X, _GAP, _HEIGHT = 6, 4, 18


def chip_html(tags: list[tuple[str, str]]) -> str:
    """Rich text chips for a QLabel (which has no rounded corners: a tinted span)."""
    return " ".join(
        f"<span style='background:{color};color:white'>&nbsp;{html.escape(name)}&nbsp;</span>"
        for name, color in tags
    )


class TagChipsDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        tags = index.data(TagsRole) or []
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the chips are the text
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not tags:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = opt.font
        # A size smaller than the row's text; the style sheet sets pixels, Qt's default points.
        if font.pixelSize() > 0:
            font.setPixelSize(max(11, font.pixelSize() - 2))
        else:
            font.setPointSizeF(max(8.0, font.pointSizeF() - 1))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        rect = option.rect.adjusted(4, 0, -4, 0)
        x = rect.left()
        top = rect.top() + (rect.height() - _HEIGHT) / 2
        for i, (name, color) in enumerate(tags):
            width = metrics.horizontalAdvance(name) + 2 * _PAD_X
            more = f"+{len(tags) - i}"
            room_for_more = metrics.horizontalAdvance(more) + _GAP
            last = i == len(tags) - 1
            if x + width > rect.right() - (0 if last else room_for_more):
                painter.setPen(QColor("#6c7166"))
                painter.drawText(QRectF(x, top, room_for_more + 8, _HEIGHT),
                                 Qt.AlignmentFlag.AlignVCenter, more)  # fmt: skip
                break
            chip = QRectF(x, top, width, _HEIGHT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            painter.drawRoundedRect(chip, _HEIGHT / 2, _HEIGHT / 2)
            painter.setPen(QColor("white"))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, name)
            x += width + _GAP
        painter.restore()
