"""Tags drawn as small coloured chips (the roster's Tags column, the profile header)."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from sqdesk.ui.members.model import MemberTableModel, TagsRole

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
    speed"). What a cell needs besides is looked up once per font, not once per chip: the
    chips' smaller font, its metrics and the width of each "+N"."""

    def __init__(self, parent=None, *, model: MemberTableModel | None = None) -> None:
        super().__init__(parent)
        # The roster's model, asked directly for a row's tags (as RosterCells asks it for
        # text): not through data(), one more call into Python per cell.
        self._model = model
        self._chips: dict[tuple[str, str, str, float], QPixmap] = {}
        # The row's font key -> (the chips' font, its key, its metrics, "+N" widths).
        self._fonts: dict[str, tuple[QFont, str, QFontMetrics, dict[int, int]]] = {}

    def _chip(self, name: str, color: str, font: QFont, font_key: str,
              metrics: QFontMetrics, ratio: float) -> QPixmap:  # fmt: skip
        key = (name, color, font_key, ratio)
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

    def _font_for(self, row_font: QFont) -> tuple[QFont, str, QFontMetrics, dict[int, int]]:
        key = row_font.key()
        found = self._fonts.get(key)
        if found is None:
            font = QFont(row_font)
            # A size smaller than the row's text; the style sheet sets pixels, Qt's default
            # points.
            if font.pixelSize() > 0:
                font.setPixelSize(max(11, font.pixelSize() - 2))
            else:
                font.setPointSizeF(max(8.0, font.pointSizeF() - 1))
            found = self._fonts[key] = (font, font.key(), QFontMetrics(font), {})
        return found

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        model = self._model
        if model is not None and model is index.model():
            tags = model.tags_of_row(index.row())
        else:
            tags = index.data(TagsRole) or []
        # The cell's background as the style draws an item's (selected, hovered, focused)
        # with no text: the chips are the text. The view's option has the state and the
        # rows' font already; the model gives this column no font, colour or icon.
        opt = QStyleOptionViewItem(option)
        opt.index = index
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not tags:
            return
        font, font_key, metrics, more_widths = self._font_for(opt.font)
        ratio = painter.device().devicePixelRatioF()
        rect = option.rect.adjusted(4, 0, -4, 0)
        x, right = rect.left(), rect.right()
        top = rect.top() + (rect.height() - _HEIGHT) // 2  # whole pixels: copied sharp
        def room_for_more(n: int) -> int:  # the width of "+n" after the chips that fit
            if n not in more_widths:
                more_widths[n] = metrics.horizontalAdvance(f"+{n}") + _GAP
            return more_widths[n]

        for i, (name, color) in enumerate(tags):
            chip = self._chip(name, color, font, font_key, metrics, ratio)
            width = chip.width() / ratio
            left = len(tags) - i
            if x + width > right - (room_for_more(left) if left > 1 else 0):
                painter.save()
                painter.setFont(font)
                painter.setPen(QColor("#6c7166"))
                painter.drawText(QRectF(x, top, room_for_more(left) + 8, _HEIGHT),
                                 Qt.AlignmentFlag.AlignVCenter, f"+{left}")  # fmt: skip
                painter.restore()
                break
            painter.drawPixmap(QPointF(x, top), chip)
            x += width + _GAP
