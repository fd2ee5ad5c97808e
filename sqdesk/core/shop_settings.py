"""Everything a shop can set, by key, in one registry: its name, address and hours, the
earning rules, the segments' thresholds, scanning and backups.

One registry serves the Settings page, the first-run set-up and the CLI's `settings`
command, so a key means the same everywhere and is checked the same way. The values live
in the store (they follow the file to another PC): shop, scanning and backup values under
their own key in the `setting` table; the earning rules and the thresholds as the JSON
that `ledger.rules` and `segments.load_thresholds` already read, a key per field.

A value has a kind, which says how it is typed in (`parse`), shown (`show`) and checked:
text (one line, a length limit), a whole number in a range, an amount in yuan (kept in
cents), a ratio, days of the month, on/off, one of a few choices, or an image (a PNG or
JPEG file's bytes, kept as base64). Text that is not set is None: a post placeholder with
no value leaves its line out rather than showing a made-up name (post_render).
"""

from __future__ import annotations

import base64
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy.orm import Session

from sqdesk.core import audit, ledger, segments, settings
from sqdesk.core.errors import CodedError
from sqdesk.core.models import Member, Setting
from sqdesk.core.points_rules import EXPIRY_POLICIES, LEVEL_BASES, EarningRules
from sqdesk.core.segments import Thresholds
from sqdesk.core.store import Store

SECTIONS = ("shop", "points", "segments", "contact", "cards", "scanning", "backups",
            "privacy")  # fmt: skip
MAX_IMAGE_BYTES = 2 * 1024 * 1024  # a logo or a QR picture, not a photo album
SETUP_KEY = "setup.done"  # set when the first-run set-up was finished or skipped


class SettingsError(CodedError):
    """A setting refused (see CodedError): an unknown key or a value that does not fit."""

    area = "settings"


@dataclass(frozen=True)
class Spec:
    key: str
    section: str
    kind: str  # text | int | yuan | ratio | days | bool | choice | image
    default: object = None
    help: str = ""  # English, for the CLI; the UI has its own words per key
    low: int | float = 0
    high: int | float = 1_000_000
    max_chars: int = 100
    choices: tuple[str, ...] = ()
    field: str = ""  # the EarningRules or Thresholds field it stands for


def _text(key, help_, max_chars=100) -> Spec:
    return Spec(key, "shop", "text", None, help_, max_chars=max_chars)


def _rule(key, field, kind, help_, low=0, high=1_000_000, choices=()) -> Spec:
    default = getattr(EarningRules(), field)
    return Spec(key, "points", kind, default, help_, low, high, choices=choices, field=field)


def _threshold(key, kind, help_, low=0, high=1_000_000) -> Spec:
    default = getattr(Thresholds(), key.removeprefix("segments."))
    return Spec(key, "segments", kind, default, help_, low, high,
                field=key.removeprefix("segments."))  # fmt: skip


SPECS: tuple[Spec, ...] = (
    _text("shop.name", "the shop's name, as posts greet with it", 40),
    _text("shop.address", "the shop's address", 100),
    _text("shop.hours", "opening hours, e.g. 10:00-22:00", 40),
    _text("shop.manager", "the manager's name, as members @ them", 20),
    _text("shop.manager_wechat", "the manager's WeChat ID", 40),
    _text("shop.phone", "the shop's phone number", 30),
    Spec("shop.logo", "shop", "image", None, "the logo (a PNG or JPEG file)"),
    Spec("shop.group_qr", "shop", "image", None, "the member group's QR code (a picture)"),
    _rule("points.per_yuan", "points_per_yuan", "int", "points per yuan spent", 0, 100),
    _rule("points.member_days", "member_days", "days", "member days, days of the month"),
    _rule("points.member_day_multiplier", "member_day_multiplier", "int",
          "points multiplier on a member day", 1, 10),
    _rule("points.birthday_month_multiplier", "birthday_month_multiplier", "int",
          "points multiplier in the birthday month", 1, 10),
    _rule("points.first_visit_bonus", "first_visit_bonus", "int",
          "bonus points on the first visit", 0, 10_000),
    _rule("points.referral_bonus", "referral_bonus", "int",
          "bonus points to the referrer", 0, 10_000),
    _rule("points.checkin_streak_days", "checkin_streak_days", "int",
          "check-in days in a row for the streak bonus", 2, 365),
    _rule("points.checkin_streak_bonus", "checkin_streak_bonus", "int",
          "bonus points for a check-in streak", 0, 10_000),
    _rule("points.activity_points", "activity_points", "int",
          "points for taking part in an activity", 0, 10_000),
    _rule("points.expiry", "expiry_policy", "choice", "when earned points expire",
          choices=EXPIRY_POLICIES),
    _rule("points.level_basis", "level_basis", "choice",
          "levels go by points earned or by spend, in the last 12 months",
          choices=LEVEL_BASES),
    _threshold("segments.new_days", "int", "new members: joined within N days", 1, 3650),
    _threshold("segments.active_visits_30d", "int", "active: visits in the last 30 days",
               1, 1000),
    _threshold("segments.core_visits_90d", "int", "core: visits in the last 90 days", 1, 1000),
    _threshold("segments.core_spend_12m", "yuan", "core: spend in the last 12 months (yuan)"),
    _threshold("segments.dormant_days", "int", "dormant: no visit for N days", 1, 3650),
    _threshold("segments.lapsed_days", "int", "lapsed: no visit for N days", 1, 3650),
    _threshold("segments.high_value_12m", "yuan", "high value: spend in 12 months (yuan)"),
    _threshold("segments.potential_ratio", "ratio",
               "rising: last 3 months' spend against the 3 before", 1, 100),
    _threshold("segments.potential_min_90d", "yuan",
               "rising: at least this spend in the last 3 months (yuan)"),
    _threshold("segments.vip_visits_month", "int", "VIP invite: visits in a month", 1, 100),
    _threshold("segments.vip_single_purchase", "yuan",
               "VIP invite: a single purchase of at least (yuan)"),
    Spec("contact.core_days", "contact", "int", 0, "losing touch with a core member after "
         "N days without contact (0: a third of the dormant days)", 0, 3650),
    Spec("contact.regular_days", "contact", "int", 0, "losing touch with a member who spent in "
         "12 months after N days (0: the dormant days)", 0, 3650),
    Spec("contact.quiet_days", "contact", "int", 0, "losing touch with a member who spent "
         "nothing in 12 months after N days (0: the lapsed days)", 0, 3650),
    Spec("cards.name", "cards", "choice", "name", "on a member card: the member's name or "
         "nickname", choices=("name", "nickname")),
    Spec("cards.slogan", "cards", "text", None, "a line printed on every member card",
         max_chars=40),
    Spec("scan.action", "scanning", "choice", "visit", "a member card scanned on Today: record "
         "a visit (amount next) or a check-in", choices=("visit", "checkin")),
    Spec("scan.sound", "scanning", "bool", False, "a short sound after each scan"),
    Spec("backups.daily", "backups", "bool", True, "a backup copy once a day"),
    Spec("backups.keep_days", "backups", "int", 7, "how many daily copies to keep", 1, 60),
    Spec("privacy.retention_days", "privacy", "int", 0, "members with no contact for this "
         "many days are listed for review (PIPL); 0: never", 0, 3650),
)  # fmt: skip
BY_KEY: dict[str, Spec] = {spec.key: spec for spec in SPECS}


def spec(key: str) -> Spec:
    found = BY_KEY.get(key.strip())
    if found is None:
        raise SettingsError("unknown_key", f"there is no setting {key!r}; `settings` lists "
                            "them all", key=key)  # fmt: skip
    return found


# --- reading -------------------------------------------------------------------------------


def values(store: Store) -> dict[str, object]:
    """Every setting's value, by key (text not set is None; an image is its bytes)."""
    with store.read() as s:
        return values_in(s)


def values_in(s: Session) -> dict[str, object]:
    rules = ledger.rules_in(s)
    thresholds = Thresholds.from_json(settings.get(s, segments.KEY))
    stored = dict(s.query(Setting.key, Setting.value).filter(Setting.key.in_(
        [sp.key for sp in SPECS if not sp.field])).all())  # fmt: skip
    out: dict[str, object] = {}
    for sp in SPECS:
        if sp.section == "points":
            out[sp.key] = getattr(rules, sp.field)
        elif sp.section == "segments":
            out[sp.key] = getattr(thresholds, sp.field)
        else:
            out[sp.key] = _from_stored(sp, stored.get(sp.key))
    return out


def value(store: Store, key: str) -> object:
    """One setting's value (a shop value is one row; a rule or threshold its JSON)."""
    sp = spec(key)
    if sp.field:
        return values(store)[sp.key]
    with store.read() as s:
        return _from_stored(sp, settings.get(s, sp.key))


def _from_stored(sp: Spec, raw: str | None) -> object:
    if raw is None or raw == "":
        return sp.default
    if sp.kind == "image":
        return base64.b64decode(raw)
    if sp.kind == "bool":
        return raw == "1"
    if sp.kind == "int":
        return int(raw)
    return raw


# --- typing a value in ---------------------------------------------------------------------

_TRUE = {"1", "on", "true", "yes", "y", "开", "是", "打开"}
_FALSE = {"0", "off", "false", "no", "n", "关", "否", "关闭"}


def parse(key: str, text: str) -> object:
    """A value as typed (on the command line, in a field) to the setting's type; raises
    SettingsError with what is wrong. "" clears text and images."""
    sp = spec(key)
    text = text.strip()
    if sp.kind == "text":
        return text or None
    if sp.kind == "image":
        return _read_image(sp, text) if text else None
    if sp.kind == "bool":
        word = text.lower()
        if word in _TRUE | _FALSE:
            return word in _TRUE
        raise SettingsError("bad_bool", f"{sp.key} is on or off, not {text!r}", key=sp.key)
    if sp.kind == "choice":
        if text in sp.choices:
            return text
        raise SettingsError("bad_choice", f"{sp.key} is one of {', '.join(sp.choices)}",
                            key=sp.key, choices=", ".join(sp.choices))  # fmt: skip
    if sp.kind == "days":
        parts = [p for p in re.split(r"[\s,，、;；]+", text) if p]
        if not all(p.isdigit() for p in parts):
            raise SettingsError("bad_days", f"{sp.key} is days of the month such as 8 or "
                                "8,18", key=sp.key)  # fmt: skip
        return tuple(sorted({int(p) for p in parts}))
    if sp.kind == "yuan":
        clean = unicodedata.normalize("NFKC", text).replace("¥", "").replace("元", "")
        try:
            yuan = Decimal(clean.replace(",", "").strip())
        except InvalidOperation:
            yuan = Decimal("NaN")
        if not yuan.is_finite() or yuan != yuan.quantize(Decimal("0.01")):
            raise SettingsError("not_a_number", f"{sp.key} is an amount in yuan, not "
                                f"{text!r}", key=sp.key, text=text)  # fmt: skip
        return int(yuan * 100)
    if sp.kind == "ratio":
        try:
            number = Decimal(unicodedata.normalize("NFKC", text))
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():
            raise SettingsError("not_a_number", f"{sp.key} is a number, not {text!r}",
                                key=sp.key, text=text)  # fmt: skip
        return float(number)
    text = unicodedata.normalize("NFKC", text)
    if not re.fullmatch(r"[+-]?\d+", text):
        raise SettingsError("not_a_number", f"{sp.key} is a whole number, not {text!r}",
                            key=sp.key, text=text)  # fmt: skip
    return int(text)


def _read_image(sp: Spec, location: str) -> bytes:
    path = Path(location).expanduser()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SettingsError("unreadable_image", f"cannot read {location}: {exc.strerror}",
                            key=sp.key, path=location) from None  # fmt: skip
    return data


def image_type(data: bytes) -> str | None:
    """"png" or "jpeg" from the file's first bytes; None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    return None


# --- checking and writing ------------------------------------------------------------------


def check(key: str, val: object) -> object:
    """The value made canonical, or SettingsError saying why it does not fit."""
    sp = spec(key)
    if sp.kind == "text":
        if val is None:
            return None
        text = str(val).strip()
        if "\n" in text or "\r" in text:
            raise SettingsError("not_one_line", f"{sp.key} is one line", key=sp.key)
        if len(text) > sp.max_chars:
            raise SettingsError("too_long", f"{sp.key} is at most {sp.max_chars} characters",
                                key=sp.key, limit=sp.max_chars)  # fmt: skip
        return text or None
    if sp.kind == "image":
        if val is None:
            return None
        if not isinstance(val, bytes) or image_type(val) is None:
            raise SettingsError("bad_image", f"{sp.key} must be a PNG or JPEG picture",
                                key=sp.key)  # fmt: skip
        if len(val) > MAX_IMAGE_BYTES:
            raise SettingsError("image_too_big", f"{sp.key} is at most 2 MB", key=sp.key)
        return val
    if sp.kind == "bool":
        return bool(val)
    if sp.kind == "choice":
        if val not in sp.choices:
            raise SettingsError("bad_choice", f"{sp.key} is one of {', '.join(sp.choices)}",
                                key=sp.key, choices=", ".join(sp.choices))  # fmt: skip
        return val
    if sp.kind == "days":
        days = tuple(sorted({int(d) for d in val or ()}))  # type: ignore[union-attr]
        if any(not 1 <= d <= 31 for d in days):  # none at all: no member day
            raise SettingsError("bad_days", f"{sp.key} is days of the month, 1 to 31",
                                key=sp.key)  # fmt: skip
        return days
    number = float(val) if sp.kind == "ratio" else int(val)  # type: ignore[arg-type]
    low, high = sp.low, sp.high
    if sp.kind == "yuan":
        number, low, high = int(val), int(sp.low * 100), int(sp.high * 100)  # type: ignore
    if not low <= number <= high:
        raise SettingsError("out_of_range", f"{sp.key} is from {show(sp.key, low)} to "
                            f"{show(sp.key, high)}", key=sp.key, low=show(sp.key, low),
                            high=show(sp.key, high))  # fmt: skip
    return number


def set_value(store: Store, key: str, text: str) -> object:
    """One setting from typed text (the CLI's `settings set`); returns the value saved."""
    val = parse(key, text)
    save(store, {key: val})
    return values(store)[spec(key).key]


def save(store: Store, changes: Mapping[str, object]) -> None:
    """Several settings at once, all checked before any is written, in one transaction."""
    checked = {spec(k).key: check(k, v) for k, v in changes.items()}
    with store.session() as s:
        rules = ledger.rules_in(s)
        thresholds = Thresholds.from_json(settings.get(s, segments.KEY))
        rule_changes = {BY_KEY[k].field: v for k, v in checked.items()
                        if BY_KEY[k].section == "points"}  # fmt: skip
        threshold_changes = {BY_KEY[k].field: v for k, v in checked.items()
                             if BY_KEY[k].section == "segments"}  # fmt: skip
        if rule_changes:
            rules = replace(rules, **rule_changes)
            problems = rules.problems()
            if problems:
                raise SettingsError("bad_rules", "; ".join(problems))
            settings.put(s, ledger.RULES_KEY, rules.to_json())
        if threshold_changes:
            settings.put(s, segments.KEY, replace(thresholds, **threshold_changes).to_json())
        for key, val in checked.items():
            if BY_KEY[key].field:
                continue
            _store_one(s, BY_KEY[key], val)
        audit.record(s, "settings", detail=", ".join(sorted(checked)))  # the keys, not values


def _store_one(s: Session, sp: Spec, val: object) -> None:
    if val is None:
        row = s.get(Setting, sp.key)
        if row is not None:
            s.delete(row)
        return
    if sp.kind == "image":
        raw = base64.b64encode(val).decode("ascii")  # type: ignore[arg-type]
    elif sp.kind == "bool":
        raw = "1" if val else "0"
    else:
        raw = str(val)
    settings.put(s, sp.key, raw)


# --- showing -------------------------------------------------------------------------------


def show(key: str, val: object) -> str:
    """A value as the CLI prints it and `parse` reads it back."""
    sp = spec(key)
    if val is None:
        return ""
    if sp.kind == "image":
        return f"{image_type(val) or 'image'}, {len(val):,} bytes"  # type: ignore[arg-type]
    if sp.kind == "bool":
        return "on" if val else "off"
    if sp.kind == "days":
        return ",".join(str(d) for d in val)  # type: ignore[union-attr]
    if sp.kind == "yuan":
        text = f"{Decimal(int(val)) / 100:.2f}"  # type: ignore[call-overload]
        return text.removesuffix(".00")
    return str(val)


def as_json(vals: Mapping[str, object]) -> dict[str, object]:
    """The values for `settings --json`: numbers as numbers, days as a list, an amount in
    yuan, an image described (its type and size), text not set as null."""
    out: dict[str, object] = {}
    for key, val in vals.items():
        sp = BY_KEY[key]
        if val is None:
            out[key] = None
        elif sp.kind == "image":
            out[key] = show(key, val)
        elif sp.kind == "days":
            out[key] = list(val)  # type: ignore[call-overload]
        elif sp.kind == "yuan":
            yuan = Decimal(int(val)) / 100  # type: ignore[call-overload]
            out[key] = int(yuan) if yuan == int(yuan) else float(yuan)
        else:
            out[key] = val
    return out


# --- the first-run set-up ------------------------------------------------------------------


def needs_setup(store: Store) -> bool:
    """A new shop: nothing set up yet and no members (a store in use is never asked)."""
    with store.read() as s:
        if settings.get(s, SETUP_KEY) or settings.get(s, "shop.name"):
            return False
        return s.query(Member.id).limit(1).first() is None


def mark_setup_done(store: Store) -> None:
    with store.session() as s:
        settings.put(s, SETUP_KEY, "1")
