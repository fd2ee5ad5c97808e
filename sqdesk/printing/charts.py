"""The few charts the dashboard needs, drawn with QPainter: a line, bars (with a line over
them), horizontal bars, one stacked bar, and a heat table. The same painting goes to the
screen (a widget's paintEvent), to PNG (a widget grabbed) and to PDF (a printed page):
Qt Charts is deprecated since Qt 6.10, Qt Graphs needs Qt Quick, and a plotting library
would bring numpy into the frozen app (docs/ARCHITECTURE.md, "Printing").

Every function paints inside `rect` (device units). `px` is how many device units make one
screen pixel (1 on screen; a 600 dpi page is 6.25), so lines and gaps keep their look on
paper; text is sized in points, which every device already honours.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

INK = QColor("#2f3430")
GRID = QColor("#e3e6df")
MUTED = QColor("#7d837a")
GREEN = QColor("#2e7d5b")
ORANGE = QColor("#d9822b")
PALETTE = ("#2e7d5b", "#5b8def", "#d9822b", "#b35fb3", "#9a9d94", "#c0392b")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]
    colour: QColor = field(default_factory=lambda: QColor(GREEN))


def _font(points: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


def _nice_top(value: float) -> float:
    """A round number at or above `value` for the top of an axis, whose quarters (the grid
    lines) are round too: 240 for 216 (60 a line), 1,000 for 981."""
    if value <= 0:
        return 4.0
    k = 1.0
    while k * 10 <= value / 4:
        k *= 10
    for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        tick = m * k
        if tick == int(tick) and tick * 4 >= value:
            return tick * 4
    return 40 * k


def _axis(p: QPainter, rect: QRectF, top: float, px: float,
          fmt: Callable[[float], str]) -> QRectF:  # fmt: skip
    """Grid lines with their values on the left; returns the plotting area."""
    p.setFont(_font(7.5))
    metrics = QFontMetricsF(p.font(), p.device())
    left = max(metrics.horizontalAdvance(fmt(top)), metrics.horizontalAdvance("0")) + 6 * px
    plot = QRectF(rect.left() + left, rect.top() + 4 * px, rect.width() - left - 4 * px,
                  rect.height() - metrics.height() - 10 * px)  # fmt: skip
    for i in range(5):
        y = plot.bottom() - plot.height() * i / 4
        p.setPen(QPen(GRID, 1 * px))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(MUTED)
        p.drawText(QRectF(rect.left(), y - metrics.height() / 2, left - 4 * px,
                          metrics.height()),
                   int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                   fmt(top * i / 4))  # fmt: skip
    return plot


def _x_labels(p: QPainter, plot: QRectF, labels: Sequence[str], px: float) -> None:
    """Some of the labels under the plot, as many as fit without overlapping."""
    if not labels:
        return
    p.setFont(_font(7.5))
    metrics = QFontMetricsF(p.font(), p.device())
    widest = max(metrics.horizontalAdvance(t) for t in labels) + 8 * px
    every = max(1, int(widest * len(labels) / max(plot.width(), 1)) + 1)
    slot = plot.width() / len(labels)
    p.setPen(MUTED)
    for i in range(0, len(labels), every):
        x = plot.left() + slot * (i + 0.5)
        p.drawText(QRectF(x - widest / 2, plot.bottom() + 3 * px, widest, metrics.height()),
                   int(Qt.AlignmentFlag.AlignHCenter), labels[i])  # fmt: skip


def empty(p: QPainter, rect: QRectF, text: str) -> None:
    p.setPen(MUTED)
    p.setFont(_font(9))
    p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)


def line_chart(p: QPainter, rect: QRectF, labels: Sequence[str], series: Sequence[Series], *,
               px: float = 1.0, fmt: Callable[[float], str] = lambda v: f"{v:,.0f}",
               partial: Collection[int] = (), partial_note: str = "") -> None:  # fmt: skip
    """`partial`: the points whose span is not whole (today, not over yet; a week cut by the
    period's ends): drawn dashed and hollow, so that a low last point is not read as a
    fall; `partial_note` says so above the plot."""
    rect = _note(p, rect, partial_note if partial else "", px)
    top = _nice_top(max((max(s.values, default=0) for s in series), default=0))
    plot = _axis(p, rect, top, px, fmt)
    _x_labels(p, plot, labels, px)
    n = len(labels)
    if not n:
        return
    slot = plot.width() / n
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for s in series:
        points = [QPointF(plot.left() + slot * (i + 0.5), plot.bottom() - plot.height() * v / top)
                  for i, v in enumerate(s.values)]  # fmt: skip
        _polyline(p, points, s.colour, partial, px)
        if n <= 40:  # a dot per point while they are few enough to tell apart
            for i, point in enumerate(points):
                if i in partial:  # a ring with the page showing through
                    p.setPen(QPen(s.colour, 1.5 * px))
                    p.setBrush(QColor("white"))
                    p.drawEllipse(point, 3.5 * px, 3.5 * px)
                else:
                    p.setPen(QPen(s.colour, 2 * px))
                    p.setBrush(s.colour)
                    p.drawEllipse(point, 2 * px, 2 * px)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _note(p: QPainter, rect: QRectF, note: str, px: float) -> QRectF:
    """`note` in small muted words at the top right of `rect`; what is left under it."""
    if not note:
        return rect
    p.setFont(_font(7.5))
    height = QFontMetricsF(p.font(), p.device()).height()
    p.setPen(MUTED)
    p.drawText(QRectF(rect.left(), rect.top(), rect.width() - 4 * px, height),
               int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), note)
    return rect.adjusted(0, height + 2 * px, 0, 0)


def _polyline(p: QPainter, points: Sequence[QPointF], colour: QColor,
              partial: Collection[int], px: float) -> None:  # fmt: skip
    """The line through `points`; a stretch into or out of a partial point dashed."""
    solid, dashed = QPainterPath(), QPainterPath()
    for i in range(1, len(points)):
        path = dashed if i in partial or i - 1 in partial else solid
        path.moveTo(points[i - 1])
        path.lineTo(points[i])
    if len(points) == 1:
        solid.moveTo(points[0])
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(colour, 2 * px))
    p.drawPath(solid)
    p.setPen(QPen(colour, 2 * px, Qt.PenStyle.DashLine))
    p.drawPath(dashed)


def bar_chart(p: QPainter, rect: QRectF, labels: Sequence[str], bars: Series, *,
              line: Series | None = None, px: float = 1.0,
              fmt: Callable[[float], str] = lambda v: f"{v:,.0f}",
              line_fmt: Callable[[float], str] = lambda v: f"{v:,.0f}",
              partial: Collection[int] = (), partial_note: str = "") -> None:  # fmt: skip
    """Bars against the left axis; `line` (another measure) scaled to the plot, with its
    highest value written at its peak. `partial` bars (a span not whole, as line_chart's)
    are pale and outlined, the line dashed into them."""
    rect = _note(p, rect, partial_note if partial else "", px)
    top = _nice_top(max(bars.values, default=0))
    plot = _axis(p, rect, top, px, fmt)
    _x_labels(p, plot, labels, px)
    n = len(labels)
    if not n:
        return
    slot = plot.width() / n
    width = max(1 * px, slot * 0.7)
    pale = QColor(bars.colour)
    pale.setAlpha(90)
    for i, v in enumerate(bars.values):
        h = plot.height() * v / top
        box = QRectF(plot.left() + slot * i + (slot - width) / 2, plot.bottom() - h, width, h)
        if i in partial:
            p.fillRect(box, pale)
            p.setPen(QPen(bars.colour, 1 * px, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(box)
        else:
            p.fillRect(box, bars.colour)
    if line is None or not line.values:
        return
    peak = max(line.values) or 1
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _polyline(p, [QPointF(plot.left() + slot * (i + 0.5),
                          plot.bottom() - plot.height() * 0.95 * v / peak)
                  for i, v in enumerate(line.values)], line.colour, partial, px)  # fmt: skip
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    i = list(line.values).index(max(line.values))
    p.setFont(_font(7.5, bold=True))
    p.setPen(line.colour)
    x = plot.left() + slot * (i + 0.5)
    box = QRectF(x - 60 * px, plot.top() - 2 * px, 120 * px, 14 * px)
    box.moveRight(min(box.right(), plot.right()))  # kept inside the plot at the far right
    p.drawText(box, int(Qt.AlignmentFlag.AlignHCenter), line_fmt(max(line.values)))


def hbars(p: QPainter, rect: QRectF, items: Sequence[tuple[str, float]], *,
          colours: Sequence[str] = PALETTE, px: float = 1.0,
          fmt: Callable[[float], str] = lambda v: f"{v:,.0f}") -> None:  # fmt: skip
    """One horizontal bar per item, its label on the left and its value at its end."""
    if not items:
        return
    p.setFont(_font(8.5))
    metrics = QFontMetricsF(p.font(), p.device())
    label_w = max(metrics.horizontalAdvance(label) for label, _v in items) + 8 * px
    value_w = max(metrics.horizontalAdvance(fmt(v)) for _l, v in items) + 8 * px
    row = rect.height() / len(items)
    top = max((v for _l, v in items), default=0) or 1
    room = rect.width() - label_w - value_w
    for i, (label, value) in enumerate(items):
        y = rect.top() + row * i
        bar_h = min(row * 0.7, 22 * px)
        cy = y + (row - bar_h) / 2
        p.setPen(INK)
        p.drawText(QRectF(rect.left(), y, label_w - 6 * px, row),
                   int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
        w = room * value / top
        p.fillRect(QRectF(rect.left() + label_w, cy, w, bar_h), QColor(colours[i % len(colours)]))
        p.setPen(MUTED)
        p.drawText(QRectF(rect.left() + label_w + w + 4 * px, y, value_w, row),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), fmt(value))


def stacked_bar(p: QPainter, rect: QRectF, parts: Sequence[tuple[str, float]], *,
                colours: Sequence[str] = PALETTE, px: float = 1.0) -> None:
    """One bar of 100%, a part per item, with a legend under it (label and share)."""
    total = sum(v for _l, v in parts)
    if not total:
        return
    p.setFont(_font(8))
    metrics = QFontMetricsF(p.font(), p.device())
    bar = QRectF(rect.left(), rect.top(), rect.width(), min(28 * px, rect.height() / 3))
    x = bar.left()
    for i, (_label, value) in enumerate(parts):
        w = bar.width() * value / total
        p.fillRect(QRectF(x, bar.top(), w, bar.height()), QColor(colours[i % len(colours)]))
        x += w
    y = bar.bottom() + 8 * px
    x = rect.left()
    for i, (label, value) in enumerate(parts):
        text = f"{label} {value / total:.0%}"
        w = metrics.horizontalAdvance(text) + 22 * px
        if x + w > rect.right():
            x, y = rect.left(), y + metrics.height() + 4 * px
        p.fillRect(QRectF(x, y + 2 * px, 10 * px, 10 * px), QColor(colours[i % len(colours)]))
        p.setPen(INK)
        p.drawText(QRectF(x + 14 * px, y - 1 * px, w, metrics.height() + 2 * px),
                   int(Qt.AlignmentFlag.AlignLeft), text)  # fmt: skip
        x += w


def shade(value: float | None) -> QColor:
    """A cell's colour for a share from 0 (pale) to 1 (deep green); grey when unknown."""
    if value is None:
        return QColor("#f1f2ee")
    v = max(0.0, min(1.0, value))
    pale, deep = QColor("#f4f8ec"), QColor("#2e7d5b")
    return QColor(round(pale.red() + (deep.red() - pale.red()) * v),
                  round(pale.green() + (deep.green() - pale.green()) * v),
                  round(pale.blue() + (deep.blue() - pale.blue()) * v))  # fmt: skip


def heat_table(p: QPainter, rect: QRectF, header: Sequence[str],
               rows: Sequence[tuple[str, Sequence[tuple[str, float | None]]]], *,
               px: float = 1.0) -> int:  # fmt: skip
    """A table whose cells are coloured by their share (see `shade`); as many rows as fit.
    Returns how many rows were drawn."""
    p.setFont(_font(8))
    metrics = QFontMetricsF(p.font(), p.device())
    row_h = metrics.height() + 8 * px
    first_w = max([metrics.horizontalAdvance(h) for h in header[:1]]
                  + [metrics.horizontalAdvance(label) for label, _c in rows]) + 12 * px
    cols = max(1, len(header) - 1)
    cell_w = (rect.width() - first_w) / cols
    p.setPen(MUTED)
    for i, h in enumerate(header):
        x = rect.left() if i == 0 else rect.left() + first_w + cell_w * (i - 1)
        w = first_w if i == 0 else cell_w
        text = metrics.elidedText(h, Qt.TextElideMode.ElideRight, w - 8 * px)
        p.drawText(QRectF(x + 4 * px, rect.top(), w - 8 * px, row_h),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
    fits = max(0, int((rect.height() - row_h) // row_h))
    for r, (label, cells) in enumerate(rows[:fits]):
        y = rect.top() + row_h * (r + 1)
        p.setPen(INK)
        p.drawText(QRectF(rect.left() + 4 * px, y, first_w - 8 * px, row_h),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label)
        for c, (text, share) in enumerate(cells):
            cell = QRectF(rect.left() + first_w + cell_w * c + 1 * px, y + 1 * px,
                          cell_w - 2 * px, row_h - 2 * px)  # fmt: skip
            colour = shade(share)
            p.fillRect(cell, colour)
            p.setPen(QColor("white") if share is not None and share > 0.55 else INK)
            p.drawText(cell, int(Qt.AlignmentFlag.AlignCenter), text)
    return min(fits, len(rows))
