"""A core refusal in the user's words: the one way the UI turns a CodedError into text.

Each feature's `words.py` has `refusal(exc) -> str | None`, worded from the code and its
values; this module only picks the feature by the refusal's area. A code without words
falls back to the English message (and is logged: a test keeps that from happening).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from sqdesk.core.errors import CodedError

log = logging.getLogger(__name__)


def _words_for(area: str) -> QObject | None:
    # Imported here: each words module imports its feature's core module, and the pages
    # import this one.
    if area == "store":
        from sqdesk.ui.store_messages import StoreMessages

        return StoreMessages()
    if area == "points":
        from sqdesk.ui.points.words import PointsWords

        return PointsWords()
    if area in ("members", "phone", "sheet", "export", "tags", "pipl"):
        from sqdesk.ui.members.words import MemberWords

        return MemberWords()
    if area == "segments":
        from sqdesk.ui.members.segment_words import SegmentWords

        return SegmentWords()
    if area == "groups":
        from sqdesk.ui.groups.words import GroupWords

        return GroupWords()
    if area == "calendar":
        from sqdesk.ui.calendar.words import CalendarWords

        return CalendarWords()
    if area == "notes":
        from sqdesk.ui.notes.words import NoteWords

        return NoteWords()
    if area == "settings":
        from sqdesk.ui.settings.words import SettingsWords

        return SettingsWords()
    if area in ("coupons", "draws"):
        from sqdesk.ui.coupons.words import CouponWords

        return CouponWords()
    if area in ("cards", "scan"):
        from sqdesk.ui.cards.words import CardWords

        return CardWords()
    if area == "manager":
        from sqdesk.ui.manager_mode import ManagerWords

        return ManagerWords()
    if area == "metrics":
        from sqdesk.ui.dashboard.words import DashboardWords

        return DashboardWords()
    if area == "posts":
        from sqdesk.ui.posts.words import PostWords

        return PostWords()
    return None


def worded(exc: CodedError) -> str | None:
    """The refusal in the user's language, or None when its feature has no words for it."""
    words = _words_for(exc.area)
    return words.refusal(exc) if words is not None else None  # type: ignore[attr-defined]


def refusal_text(exc: CodedError) -> str:
    """What to tell the user about a refusal."""
    text = worded(exc)
    if text is None:
        log.warning("no words for refusal %s.%s: %s", exc.area, exc.code, exc)
        return str(exc)
    return text


def failure_text(exc: Exception) -> str:
    """What to tell the user about work that failed (a job's on_failure): a refusal in
    their words, anything else as it says itself."""
    return refusal_text(exc) if isinstance(exc, CodedError) else str(exc)
