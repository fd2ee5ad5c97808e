"""Notes in the user's words: the kinds of interaction and the refusals, through tr()."""

from __future__ import annotations

from PySide6.QtCore import QObject

from sqdesk.core.errors import CodedError


class NoteWords(QObject):
    def kind(self, key: str) -> str:
        return {
            "counter": self.tr("At the counter"),
            "private": self.tr("Private chat"),
            "group": self.tr("In a group"),
            "phone": self.tr("Phone call"),
            "complaint": self.tr("Complaint"),
            "suggestion": self.tr("Suggestion"),
            "lapse": self.tr("Reason for lapsing"),
            "other": self.tr("Other"),
        }.get(key, key)

    def reason(self, key: str) -> str:
        """Why a member stopped coming (notes.LAPSE_REASONS; "" when the note did not say)."""
        return {
            "moved": self.tr("Moved away"),
            "price": self.tr("Price"),
            "taste": self.tr("Taste"),
            "service": self.tr("Service"),
            "wait": self.tr("Waiting too long"),
            "elsewhere": self.tr("Went elsewhere"),
            "busy": self.tr("No time"),
            "other": self.tr("Other reason"),
            "": self.tr("Not said"),
        }.get(key, key)

    def refusal(self, exc: CodedError) -> str | None:
        v = exc.values
        texts = {
            "empty": self.tr("A note needs some text."),
            "too_long": self.tr("A note is at most %1 characters; this one has %2.")
            .replace("%1", f"{v.get('limit', 0):,}").replace("%2", f"{v.get('length', 0):,}"),
            "bad_kind": self.tr("“%1” is not a kind of note.").replace("%1", str(v.get("kind"))),
            "no_member": self.tr("The member no longer exists."),
            "no_note": self.tr("The note no longer exists."),
            "too_old": self.tr("A note can be changed for a day after it was written; add an "
                               "amendment instead."),
            "bad_follow_up": self.tr("“%1” is not a day to follow up, such as 3d, 明天, 下周一 "
                                     "or 2026-12-05.").replace("%1", str(v.get("text", ""))),
            "no_follow_up": self.tr("The note has no open follow-up."),
            "already_done": self.tr("The follow-up was done already."),
            "bad_view": self.tr("“%1” is not a list of follow-ups.").replace(
                "%1", str(v.get("view", ""))),
            "reason_not_lapse": self.tr("Only a note on why a member stopped coming has a "
                                        "reason."),
            "bad_reason": self.tr("“%1” is not one of the reasons for lapsing.").replace(
                "%1", str(v.get("reason", ""))),
            "no_words": self.tr("Search for some words or a member's name, not only "
                                "punctuation."),
            "too_short": self.tr("Type at least %1 characters to search the notes.").replace(
                "%1", str(v.get("min", 2))),
        }  # fmt: skip
        return texts.get(exc.code)
