"""Reading the QR in a picture the shop gives (a screenshot of the WeChat group QR, the
manager's own QR, a live code), with zxing-cpp, so it is redrawn sharp at any size from its
text; a picture in which no QR can be read is refused, never printed blurred."""

from __future__ import annotations

from pathlib import Path

import zxingcpp
from PySide6.QtGui import QImage

from sqdesk.core.cards import CardError


def read_qr(source: Path | str | bytes) -> str:
    """The text of the first QR code in the picture (a path or the file's bytes)."""
    image = QImage.fromData(source) if isinstance(source, bytes) else QImage(str(source))
    if image.isNull():
        raise CardError("unreadable_image", "the file is not a picture (PNG or JPEG)")
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    found = zxingcpp.read_barcodes(grey, formats=zxingcpp.BarcodeFormat.QRCode)
    texts = [b.text for b in found if b.valid and b.text]
    if not texts:
        raise CardError("no_qr", "no QR code could be read in the picture")
    return texts[0]
