"""Money as people type it: yuan in, integer cents (分) out.

The visit dialog and `sqdesk-cli visit --amount` read amounts here, so both accept and refuse
the same text: "38.5", "¥38.50", "1,280", full-width "３８．５" and "38。5" are fine; nothing,
0, a negative number, more than two decimals (10.001, 1e-5), "inf" or "nan", and more than
one visit can plausibly cost are refused with a coded reason.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from sqdesk.core.ledger import MAX_VISIT_CENTS, PointsError


def parse_yuan(text: str) -> int:
    """The amount in cents, or PointsError with a code saying what is wrong."""
    # A Chinese IME types "。" or "，" where the decimal point was meant (38。5, 38，5);
    # a plain comma groups thousands (1,280).
    clean = (text or "").replace("。", ".").replace("，", ".")
    clean = unicodedata.normalize("NFKC", clean).strip()
    clean = clean.replace("¥", "").replace("元", "").replace(",", "").replace(" ", "")
    if not clean:
        raise PointsError("amount_missing", "type the amount in yuan, like 38.5")
    try:
        value = Decimal(clean)
    except InvalidOperation:
        raise PointsError("amount_not_number", f"{text!r} is not an amount in yuan like 38.5",
                          text=text) from None  # fmt: skip
    if not value.is_finite():
        raise PointsError("amount_not_number", f"{text!r} is not an amount in yuan like 38.5",
                          text=text)  # fmt: skip
    if value <= 0:
        raise PointsError("amount_not_positive", "an amount is more than 0", text=text)
    if value != value.quantize(Decimal("0.01")):
        raise PointsError("amount_decimals", f"{text!r} has more than 2 decimals (fen)",
                          text=text)  # fmt: skip
    cents = int(value * 100)
    if cents > MAX_VISIT_CENTS:
        raise PointsError("amount_too_big", "more than ¥100,000 in one visit: check the amount")
    return cents
