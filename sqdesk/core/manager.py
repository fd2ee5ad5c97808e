"""The manager's PIN (docs/ARCHITECTURE.md, "Trust"). A store PC is shared with part-time
helpers: exporting the roster, erasing a member, adjusting points by hand, undoing entries,
changing rules, thresholds, levels and settings, restoring a backup and reading the audit
log ask for it. With no PIN set everything works as before.

The PIN is kept as a salted scrypt hash, never itself. Five wrong PINs in a row make the
next try wait a minute (kept in the store, so a second window or the command line waits
too). Whether the manager mode is unlocked is the app's business (it locks after
`lock_minutes` idle); this module only says whether a PIN is right.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from datetime import UTC, datetime, timedelta

from sqdesk.core import audit, settings
from sqdesk.core.errors import CodedError
from sqdesk.core.store import Store

PIN_KEY = "manager.pin"
FAILS_KEY = "manager.failures"
WAIT_KEY = "manager.wait_until"
LOCK_KEY = "manager.lock_minutes"
MIN_DIGITS, MAX_DIGITS = 4, 12
MAX_TRIES = 5
WAIT = timedelta(minutes=1)
LOCK_MINUTES = 10
# scrypt's cost: about 50 ms on a store PC, so guessing 10,000 four-digit PINs from a copied
# file takes minutes rather than milliseconds (the wait after five wrong tries guards the
# app itself).
_N, _R, _P = 2**14, 8, 1


class PinError(CodedError):
    """A PIN refused (see CodedError)."""

    area = "manager"


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)


def check_new(pin: str) -> str:
    pin = pin.strip()
    if not pin.isdigit() or not pin.isascii():
        raise PinError("not_digits", "a PIN is digits only")
    if len(pin) < MIN_DIGITS:
        raise PinError("short_pin", f"a PIN has at least {MIN_DIGITS} digits",
                       least=MIN_DIGITS)  # fmt: skip
    if len(pin) > MAX_DIGITS:
        raise PinError("long_pin", f"a PIN has at most {MAX_DIGITS} digits", most=MAX_DIGITS)
    return pin


def has_pin(store: Store) -> bool:
    with store.read() as s:
        return bool(settings.get(s, PIN_KEY))


def lock_minutes(store: Store) -> int:
    with store.read() as s:
        value = settings.get(s, LOCK_KEY)
    return int(value) if value and value.isdigit() and int(value) > 0 else LOCK_MINUTES


def verify(store: Store, pin: str, *, now: datetime | None = None) -> None:
    """Raise PinError unless `pin` is the manager's: "wrong_pin" (with the tries left),
    "wait" (seconds to wait after five wrong ones), "no_pin" (none is set)."""
    now = now or datetime.now(UTC)
    with store.read() as s:
        kept = settings.get(s, PIN_KEY)
        wait = settings.get(s, WAIT_KEY)
        fails = int(settings.get(s, FAILS_KEY) or 0)
    if not kept:
        raise PinError("no_pin", "no manager PIN is set")
    if wait and datetime.fromisoformat(wait) > now:
        seconds = int((datetime.fromisoformat(wait) - now).total_seconds()) + 1
        raise PinError("wait", f"too many wrong PINs: wait {seconds} s", seconds=seconds)
    _scheme, salt, digest = kept.split("$")
    right = hmac.compare_digest(_hash(pin.strip(), bytes.fromhex(salt)), bytes.fromhex(digest))
    if store.read_only:
        if not right:
            raise PinError("wrong_pin", "wrong PIN", left=MAX_TRIES)
        return
    with store.session() as s:
        if right:
            settings.put(s, FAILS_KEY, "0")
            return
        fails += 1
        if fails >= MAX_TRIES:
            settings.put(s, FAILS_KEY, "0")
            settings.put(s, WAIT_KEY, (now + WAIT).isoformat())
        else:
            settings.put(s, FAILS_KEY, str(fails))
    if fails >= MAX_TRIES:
        raise PinError("wait", "five wrong PINs: wait a minute",
                       seconds=int(WAIT.total_seconds()))  # fmt: skip
    raise PinError("wrong_pin", "wrong PIN", left=MAX_TRIES - fails)


def set_pin(store: Store, new: str, *, current: str | None = None) -> None:
    """Set (or change: the current PIN is asked) the manager's PIN."""
    pin = check_new(new)
    if has_pin(store):
        verify(store, current or "")
    salt = os.urandom(16)
    with store.session() as s:
        settings.put(s, PIN_KEY, f"scrypt${salt.hex()}${_hash(pin, salt).hex()}")
        settings.put(s, FAILS_KEY, "0")
        audit.record(s, "pin", detail="set" if current is None else "changed")


def clear_pin(store: Store, current: str) -> None:
    """No PIN any more (the current one is asked): everything works for everyone."""
    verify(store, current)
    with store.session() as s:
        settings.put(s, PIN_KEY, "")
        audit.record(s, "pin", detail="removed")


def set_lock_minutes(store: Store, minutes: int) -> None:
    if not 1 <= minutes <= 24 * 60:
        raise PinError("bad_lock_minutes", "lock after 1 minute to 24 hours", minutes=minutes)
    with store.session() as s:
        settings.put(s, LOCK_KEY, str(minutes))
        audit.record(s, "settings", detail=f"{LOCK_KEY}={minutes}")
