"""QR codes as matrices, for printing them as vectors (sqdesk/printing draws each dark
module as a square): never a Micro QR, error correction M or better, the quiet zone kept.

A member card's QR holds the member code only (with its check digit): no mobile, no name.
"""

from __future__ import annotations

from dataclasses import dataclass

QUIET_ZONE = 4  # modules of white around the code, as the standard asks
MIN_CARD_MM = 15.0  # a phone reads a code this size from 30 cm
# A WeChat group's invite QR points here and stops working 7 days after it was made.
WECHAT_GROUP_PREFIX = "https://weixin.qq.com/g/"
WECHAT_GROUP_DAYS = 7


@dataclass(frozen=True)
class Matrix:
    text: str
    size: int  # modules on a side, quiet zone excluded
    dark: tuple[tuple[bool, ...], ...]  # rows of modules, quiet zone excluded

    @property
    def with_quiet_zone(self) -> int:
        return self.size + 2 * QUIET_ZONE

    def runs(self):
        """(row, first column, length) of each horizontal run of dark modules: one rectangle
        each, far fewer than one per module, so a page of codes stays a small PDF."""
        for r, row in enumerate(self.dark):
            c = 0
            while c < self.size:
                if row[c]:
                    start = c
                    while c < self.size and row[c]:
                        c += 1
                    yield r, start, c - start
                else:
                    c += 1


def matrix(text: str) -> Matrix:
    """The QR code for `text`: error correction M, raised further by segno when that costs
    no size (a short member code gets H)."""
    import segno  # on first use: start-up draws no code, and segno costs 9 MB

    code = segno.make(text, error="m", micro=False, boost_error=True)
    rows = tuple(tuple(bool(v) for v in row) for row in code.matrix)
    return Matrix(text, len(rows), rows)


def is_wechat_group(text: str) -> bool:
    """A WeChat group invite (expires after 7 days), not the manager's own QR or a live code."""
    return text.strip().startswith(WECHAT_GROUP_PREFIX)
