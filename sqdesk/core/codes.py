"""Member codes: a serial number plus a Damm check digit.

The Damm algorithm catches every single-digit mistake and every swap of two neighbouring
digits (Luhn misses 09 <-> 90), which is what a hurried hand or a dirty card produces.
Codes are digits only so a numeric keypad or a keyboard-wedge scanner can type them.
"""

from __future__ import annotations

# The standard weakly totally anti-symmetric quasigroup of order 10 (Damm, 2004).
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)

# The first serial: six digits, so codes are seven digits long up to serial 999,999.
FIRST_SERIAL = 100_000


def check_digit(digits: str) -> str:
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][int(ch)]
    return str(interim)


def make_code(serial: int) -> str:
    if serial < 0:
        raise ValueError("serial must not be negative")
    body = str(serial)
    return body + check_digit(body)


def is_valid_code(code: str) -> bool:
    """True when `code` is all ASCII digits and its last digit checks out."""
    if len(code) < 2 or not code.isascii() or not code.isdigit():
        return False
    return check_digit(code) == "0"


def serial_of(code: str) -> int:
    if not is_valid_code(code):
        raise ValueError(f"not a valid member code: {code!r}")
    return int(code[:-1])
