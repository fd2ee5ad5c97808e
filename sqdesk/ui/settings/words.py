"""The shop's settings in the user's words: section titles, a label and a hint per key,
the choices, and the refusals (sqdesk.core.shop_settings), through tr()."""

from __future__ import annotations

from PySide6.QtCore import QObject

from sqdesk.core.errors import CodedError
from sqdesk.core.shop_settings import BY_KEY


class SettingsWords(QObject):
    def section(self, name: str) -> str:
        return {
            "shop": self.tr("Shop"),
            "points": self.tr("Points and Levels"),
            "segments": self.tr("Segments"),
            "contact": self.tr("Staying in Touch"),
            "cards": self.tr("Member Cards"),
            "scanning": self.tr("Scanning"),
            "backups": self.tr("Backups"),
            "privacy": self.tr("Privacy"),
            "language": self.tr("Language"),
        }[name]

    def label(self, key: str) -> str:
        return {
            "shop.name": self.tr("Shop name"),
            "shop.address": self.tr("Address"),
            "shop.hours": self.tr("Opening hours"),
            "shop.manager": self.tr("Manager's name"),
            "shop.manager_wechat": self.tr("Manager's WeChat"),
            "shop.phone": self.tr("Shop phone"),
            "shop.logo": self.tr("Logo"),
            "shop.group_qr": self.tr("Group QR code"),
            "points.per_yuan": self.tr("Points per yuan (rounded down)"),
            "points.member_days": self.tr("Member days (days of the month)"),
            "points.member_day_multiplier": self.tr("Member day multiplier"),
            "points.birthday_month_multiplier": self.tr("Birthday month multiplier"),
            "points.first_visit_bonus": self.tr("First visit bonus"),
            "points.referral_bonus": self.tr("Referral bonus (to the referrer)"),
            "points.checkin_streak_days": self.tr("Check-in streak: days"),
            "points.checkin_streak_bonus": self.tr("Check-in streak: bonus"),
            "points.activity_points": self.tr("Points for taking part in an activity"),
            "points.expiry": self.tr("Points expire"),
            "points.level_basis": self.tr("Levels go by"),
            "segments.new_days": self.tr("New: joined within (days)"),
            "segments.active_visits_30d": self.tr("Active: visits in the last 30 days"),
            "segments.core_visits_90d": self.tr("Core: visits in the last 90 days"),
            "segments.core_spend_12m": self.tr("Core: spend in the last 12 months"),
            "segments.dormant_days": self.tr("Dormant: no visit for (days)"),
            "segments.lapsed_days": self.tr("Lapsed: no visit for (days)"),
            "segments.high_value_12m": self.tr("High value: spend in 12 months"),
            "segments.potential_ratio": self.tr("Rising: last 3 months against the 3 before"),
            "segments.potential_min_90d": self.tr("Rising: spend in the last 3 months at least"),
            "segments.vip_visits_month": self.tr("VIP invite: visits in a month"),
            "segments.vip_single_purchase": self.tr("VIP invite: one purchase of at least"),
            "contact.core_days": self.tr("Core members: no contact for (days)"),
            "contact.regular_days": self.tr("Members who spent this year: no contact for (days)"),
            "contact.quiet_days": self.tr("Members who spent nothing this year: no contact for "
                                          "(days)"),
            "cards.name": self.tr("On the card"),
            "cards.slogan": self.tr("Slogan"),
            "scan.action": self.tr("A card scanned on Today"),
            "scan.sound": self.tr("A short sound after each scan"),
            "backups.daily": self.tr("A backup copy once a day"),
            "backups.keep_days": self.tr("Daily copies to keep"),
            "privacy.retention_days": self.tr("Review members with no contact for (days; 0: "
                                              "never)"),
        }[key]

    def hint(self, key: str) -> str:
        """A grey example inside an empty field ("" when the field needs none)."""
        return {
            "shop.name": self.tr("e.g. 茶语时光 · 天河店"),
            "shop.address": self.tr("e.g. 天河路 385 号 1 楼"),
            "shop.hours": self.tr("e.g. 10:00-22:00"),
            "shop.manager": self.tr("e.g. 林店长"),
            "shop.manager_wechat": self.tr("the WeChat ID members add"),
            "shop.phone": self.tr("e.g. 020-3888 1234"),
            "points.member_days": self.tr("e.g. 8, or 8, 18; empty: no member day"),
            "cards.slogan": self.tr("e.g. 扫码加社群，领第二杯半价券"),
        }.get(key, "")

    def zero(self, key: str) -> str:
        """What 0 means in a number field, where it means something ("" where it does not)."""
        return {
            "contact.core_days": self.tr("a third of the dormant days"),
            "contact.regular_days": self.tr("the dormant days"),
            "contact.quiet_days": self.tr("the lapsed days"),
        }.get(key, "")

    def choice(self, key: str, value: str) -> str:
        return {
            ("points.expiry", "12_months"): self.tr("12 months after they are earned"),
            ("points.expiry", "end_of_next_year"): self.tr("at the end of the following year"),
            ("points.expiry", "never"): self.tr("never"),
            ("points.level_basis", "points"): self.tr("points earned in the last 12 months"),
            ("points.level_basis", "spend"): self.tr("spend in the last 12 months"),
            ("cards.name", "name"): self.tr("the member's name"),
            ("cards.name", "nickname"): self.tr("the member's nickname"),
            ("scan.action", "visit"): self.tr("opens Record Visit, the amount next"),
            ("scan.action", "checkin"): self.tr("records a check-in (签到)"),
        }.get((key, value), value)

    def refusal(self, exc: CodedError) -> str | None:
        v = exc.values
        key = str(v.get("key", ""))
        name = self.label(key) if key in BY_KEY else key
        texts = {
            "unknown_key": self.tr("There is no setting called “%1”.").replace("%1", key),
            "not_a_number": self.tr("%1: “%2” is not a number.").replace("%1", name).replace(
                "%2", str(v.get("text", ""))),
            "out_of_range": self.tr("%1 is from %2 to %3.").replace("%1", name).replace(
                "%2", str(v.get("low", ""))).replace("%3", str(v.get("high", ""))),
            "too_long": self.tr("%1 is at most %2 characters.").replace("%1", name).replace(
                "%2", str(v.get("limit", ""))),
            "not_one_line": self.tr("%1 is one line.").replace("%1", name),
            "bad_choice": self.tr("%1 is one of: %2.").replace("%1", name).replace(
                "%2", str(v.get("choices", ""))),
            "bad_days": self.tr("%1: days of the month from 1 to 31, such as 8 or 8, 18.")
            .replace("%1", name),
            "bad_bool": self.tr("%1 is on or off.").replace("%1", name),
            "bad_image": self.tr("%1 must be a PNG or JPEG picture.").replace("%1", name),
            "image_too_big": self.tr("%1 is at most 2 MB; choose a smaller picture.")
            .replace("%1", name),
            "unreadable_image": self.tr("%1: the file %2 cannot be read.").replace(
                "%1", name).replace("%2", str(v.get("path", ""))),
            "bad_rules": self.tr("These earning rules do not fit together; check the "
                                 "Points and Levels section."),
        }  # fmt: skip
        return texts.get(exc.code)

