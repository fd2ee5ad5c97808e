"""What every printed thing shares: a document of pages of one size, painted in millimetres
by one QPainter painting that drives the preview, the PDF and the printer alike.

The painting works in device units (a page's resolution), with `Page.mm` converting, so a
font's point size stays a point size on paper; QPdfWriter embeds the (subset) fonts used,
Chinese included.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from sqdesk.core.jobs import Cancelled, Progress, ShouldStop, never_stop, no_progress
from sqdesk.core.qr import QUIET_ZONE, Matrix

PDF_DPI = 600
# A CJK family that the PDF embeds: Chinese names and slogans print as they read on screen.
_CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                 "SimHei", "WenQuanYi Micro Hei")  # fmt: skip


def cjk_family() -> str:
    available = set(QFontDatabase.families())
    return next((f for f in _CJK_FAMILIES if f in available), QFont().family())


@dataclass(frozen=True)
class Page:
    """One page being painted: its painter, size in millimetres and resolution."""

    painter: QPainter
    width_mm: float
    height_mm: float
    dpi: float

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(self.mm(x), self.mm(y), self.mm(w), self.mm(h))

    def font(self, points: float, *, bold: bool = False, family: str | None = None) -> QFont:
        font = QFont(family or cjk_family())
        font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def text(self, x: float, y: float, w: float, h: float, text: str, font: QFont,
             align=Qt.AlignmentFlag.AlignLeft, colour: str = "#1a1a1a") -> None:  # fmt: skip
        """Text in a box (mm), shrunk to fit its width when it is too long."""
        p = self.painter
        box = self.rect(x, y, w, h)
        fitted = QFont(font)
        metrics = QFontMetricsF(fitted, p.device())
        width = metrics.horizontalAdvance(text)
        if width > box.width() and width > 0:
            fitted.setPointSizeF(max(4.0, font.pointSizeF() * box.width() / width))
        p.setFont(fitted)
        p.setPen(QColor(colour))
        p.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter), text)

    def qr(self, x: float, y: float, size: float, matrix: Matrix) -> None:
        """The code as vectors, its quiet zone included in `size` (mm), on white."""
        p = self.painter
        unit = self.mm(size) / matrix.with_quiet_zone
        origin = QPointF(self.mm(x) + QUIET_ZONE * unit, self.mm(y) + QUIET_ZONE * unit)
        p.fillRect(self.rect(x, y, size, size), Qt.GlobalColor.white)
        black = QColor("black")
        for row, col, length in matrix.runs():
            # A hair wider and taller than a module: no white seams between neighbours.
            p.fillRect(QRectF(origin.x() + col * unit, origin.y() + row * unit,
                              length * unit + 0.5, unit + 0.5), black)  # fmt: skip


class Document(ABC):
    """Pages of one size; each kind of printed thing paints its own."""

    width_mm: float
    height_mm: float

    @abstractmethod
    def page_count(self) -> int:
        """How many pages the document has."""

    @abstractmethod
    def paint(self, page: Page, index: int) -> None:
        """Paint page `index` (from 0) on `page`."""

    def page_size(self) -> QPageSize:
        return QPageSize(QSizeF(self.width_mm, self.height_mm), QPageSize.Unit.Millimeter,
                         "", QPageSize.SizeMatchPolicy.ExactMatch)  # fmt: skip

    def paint_all(self, painter: QPainter, dpi: float, new_page: Callable[[], object], *,
                  progress: Progress = no_progress,
                  should_stop: ShouldStop = never_stop) -> None:  # fmt: skip
        total = self.page_count()
        for index in range(total):
            if should_stop():
                raise Cancelled()
            if index:
                new_page()
            self.paint(Page(painter, self.width_mm, self.height_mm, dpi), index)
            progress(index + 1, total)


def write_pdf(doc: Document, path: Path, *, title: str = "", progress: Progress = no_progress,
              should_stop: ShouldStop = never_stop) -> int:  # fmt: skip
    """The document as a PDF (written to a temporary file, then moved into place: a stop
    or an error leaves no half-written file). Returns the page count."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator("sqdesk")
    writer.setPageLayout(QPageLayout(doc.page_size(), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))  # fmt: skip
    painter = QPainter(writer)
    try:
        doc.paint_all(painter, writer.resolution(), writer.newPage, progress=progress,
                      should_stop=should_stop)  # fmt: skip
    except BaseException:
        painter.end()
        tmp.unlink(missing_ok=True)
        raise
    painter.end()
    tmp.replace(path)
    return doc.page_count()
