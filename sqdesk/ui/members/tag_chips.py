"""Tags drawn as small coloured chips (the roster's Tags column, the profile header)."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from sqdesk.ui.members.model import TagsRole

_PAD_X, _GAP, _HEIGHT = 6, 4, 18
_CACHED_CHIPS = 2000  # a shop has tens of tags: this bound is only against a leak


def chip_html(tags: list[tuple[str, str]]) -> str:
    """Rich text chips for a QLabel (which has no rounded corners: a tinted span)."""
    return " ".join(
        f"<span style='background:{color};color:white'>&nbsp;{html.escape(name)}&nbsp;</span>"
        for name, color in tags
    )


class TagChipsDelegate(QStyledItemDelegate):
    """Each chip is drawn once into a picture and copied from then on: the roster repaints
    some 200 chips at every keystroke, and laying out and antialiasing each chip's CJK text
    again was a fifth of the table's paint (docs/ARCHITECTURE.md, "Item views and
    speed")."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._chips: dict[tuple[str, str, str, float], QPixmap] = {}

    def _chip(self, name: str, color: str, font: QFont, metrics: QFontMetrics,
              ratio: float) -> QPixmap:  # fmt: skip
        key = (name, color, font.key(), ratio)
        chip = self._chips.get(key)
        if chip is None:
            if len(self._chips) >= _CACHED_CHIPS:
                self._chips.clear()
            width = metrics.horizontalAdvance(name) + 2 * _PAD_X
            chip = QPixmap(round(width * ratio), round(_HEIGHT * ratio))
            chip.setDevicePixelRatio(ratio)
            chip.fill(Qt.GlobalColor.transparent)
            p = QPainter(chip)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setFont(font)
            area = QRectF(0, 0, width, _HEIGHT)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(color))
            p.drawRoundedRect(area, _HEIGHT / 2, _HEIGHT / 2)
            p.setPen(QColor("white"))
            p.drawText(area, Qt.AlignmentFlag.AlignCenter, name)
            p.end()
            self._chips[key] = chip
        return chip

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
        font = opt.font
        # A size smaller than the row's text; the style sheet sets pixels, Qt's default points.
        if font.pixelSize() > 0:
            font.setPixelSize(max(11, font.pixelSize() - 2))
        else:
            font.setPointSizeF(max(8.0, font.pointSizeF() - 1))
        metrics = QFontMetrics(font)
        ratio = painter.device().devicePixelRatioF()
        rect = option.rect.adjusted(4, 0, -4, 0)
        x = rect.left()
        top = rect.top() + (rect.height() - _HEIGHT) // 2  # whole pixels: copied sharp
        for i, (name, color) in enumerate(tags):
            chip = self._chip(name, color, font, metrics, ratio)
            width = chip.width() / ratio
            more = f"+{len(tags) - i}"
            room_for_more = metrics.horizontalAdvance(more) + _GAP
            last = i == len(tags) - 1
            if x + width > rect.right() - (0 if last else room_for_more):
                painter.save()
                painter.setFont(font)
                painter.setPen(QColor("#6c7166"))
                painter.drawText(QRectF(x, top, room_for_more + 8, _HEIGHT),
                                 Qt.AlignmentFlag.AlignVCenter, more)  # fmt: skip
                painter.restore()
                break
            painter.drawPixmap(QPointF(x, top), chip)
            x += width + _GAP
