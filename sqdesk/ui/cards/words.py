"""Cards, posters and scans in the user's words: layouts and the refusals, through tr()."""

from __future__ import annotations

from PySide6.QtCore import QObject

from sqdesk.core.errors import CodedError


class CardWords(QObject):
    def layout(self, key: str) -> str:
        return {
            "a4-10": self.tr("A4 sheet of 10 cards (with crop marks)"),
            "cr80": self.tr("One card (85.6 × 54 mm)"),
            "thermal-58": self.tr("58 mm receipt paper"),
            "thermal-80": self.tr("80 mm receipt paper"),
            "table-tent": self.tr("Table tent (A5, folded)"),
            "sleeve": self.tr("Cup sleeve strip"),
            "a4": self.tr("A4 poster"),
            "receipt": self.tr("Receipt footer (80 mm)"),
        }.get(key, key)

    def refusal(self, exc: CodedError) -> str | None:
        v = exc.values
        code, name = str(v.get("member_code", "")), str(v.get("name", ""))
        texts = {
            # whose cards
            "bad_code": self.tr("Not a member code (its check digit is wrong): %1").replace(
                "%1", str(v.get("codes", ""))),
            "unknown_code": self.tr("No member has the code %1.").replace(
                "%1", str(v.get("codes", ""))),
            "unknown_segment": self.tr("There is no segment called “%1”.").replace(
                "%1", str(v.get("name", ""))),
            "nobody": self.tr("Choose whose cards to print."),
            "bad_layout": self.tr("“%1” is not a layout.").replace("%1", str(v.get("layout"))),
            # a given QR picture
            "no_qr": self.tr("No QR code could be read in this picture. Use a clear screenshot "
                             "or photo of the code: sqdesk redraws it sharp, and never prints "
                             "a blurred copy."),
            "unreadable_image": self.tr("This file is not a picture sqdesk can open (PNG or "
                                        "JPEG)."),
            # scans
            "not_a_code": self.tr("“%1” is not a member code.").replace("%1", code),
            "bad_check_digit": self.tr("%1 is not a member code: its check digit is wrong. "
                                       "A misread? Scan again.").replace("%1", code),
            "unknown": self.tr("No member has the code %1.").replace("%1", code),
            "archived": self.tr("%1 (%2) is archived: restore the member first.").replace(
                "%1", name).replace("%2", code),
            "again": self.tr("%1 was scanned a moment ago: counted once.").replace("%1", name),
            "already_today": self.tr("%1 has checked in today already (%2).").replace(
                "%1", name).replace("%2", str(v.get("time", ""))),
        }  # fmt: skip
        return texts.get(exc.code)
