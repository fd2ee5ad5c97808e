"""WeChat groups in the user's words: kinds, leave reasons, QR age and refusals."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QObject

from sqdesk.core.groups import QR_VALID_DAYS, GroupError, GroupInfo, Kind, LeaveReason
from sqdesk.ui import dates


def month_day(d: date) -> str:
    return dates.words().month_day(d)


class GroupWords(QObject):
    def kind(self, kind: Kind | str) -> str:
        return {
            Kind.ORDINARY: self.tr("Ordinary group"),
            Kind.VIP: self.tr("VIP group"),
            Kind.INTEREST: self.tr("Interest group"),
        }[Kind(kind)]

    def reason(self, reason: str) -> str:
        return {
            LeaveReason.LEFT.value: self.tr("left"),
            LeaveReason.REMOVED.value: self.tr("removed for breaking the rules"),
        }.get(reason, "")

    def qr_status(self, g: GroupInfo, today: date) -> str:
        """Where the group's QR image is in its 7-day life, and what to do about it."""
        state = g.qr_state(today)
        if state == "none":
            return self.tr("No QR image yet: in WeChat open the group, tap 群二维码, take a "
                           "screenshot and import it here.")  # fmt: skip
        assert g.qr_taken_on is not None
        last_day = g.qr_taken_on + timedelta(days=QR_VALID_DAYS - 1)
        if state == "expired":
            return self.tr("The QR image expired after %1: nobody can join with it. Take a new "
                           "screenshot in WeChat and import it.").replace(
                "%1", month_day(last_day))  # fmt: skip
        text = self.tr("QR image from %1, day %2 of 7: it works until %3.")
        text = text.replace("%1", month_day(g.qr_taken_on)).replace(
            "%2", str(g.qr_day(today))).replace("%3", month_day(last_day))  # fmt: skip
        if state == "expiring":
            text += " " + self.tr("Take a new screenshot in WeChat soon.")
        return text

    def refusal(self, exc: GroupError) -> str | None:
        v = exc.values
        return {
            "exists": self.tr("A group named %1 exists already.").replace("%1", str(v.get("name"))),
            "empty": self.tr("A group needs a name."),
            "too_long": self.tr("A group name has at most 30 characters."),
            "bad_capacity": self.tr("A WeChat group holds 1 to 500 people."),
            "below_members": self.tr("The group has %1 members now: the capacity cannot be "
                                     "lower.").replace("%1", str(v.get("members"))),
            "full": self.tr("The group has room for %1 more, not %2. Nobody was added.")
            .replace("%1", str(v.get("room"))).replace("%2", str(v.get("wanted"))),
            "not_image": self.tr("That file is not a PNG or JPEG image. Save the QR code from "
                                 "WeChat as a screenshot and choose that file."),
            "too_big": self.tr("That image is larger than 10 MB."),
            "future": self.tr("The QR image cannot be from a future day."),
            "no_group": self.tr("The group no longer exists."),
        }.get(exc.code)  # fmt: skip
