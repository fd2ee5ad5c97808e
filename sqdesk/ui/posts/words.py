"""Posts in the user's words, and the one way a post reaches the clipboard."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from sqdesk.core import post_runs, posts
from sqdesk.core.errors import CodedError
from sqdesk.core.store import Store
from sqdesk.ui.changes import Area, announce
from sqdesk.ui.widgets import toast


class PostWords(QObject):
    def category(self, key: str) -> str:
        return {
            "welcome": self.tr("Welcome"),
            "rules": self.tr("Group rules / announcement"),
            "morning": self.tr("Morning report"),
            "topic": self.tr("Topic"),
            "warmup": self.tr("Warm-up"),
            "reminder": self.tr("On-the-day reminder"),
            "recap": self.tr("Recap"),
            "birthday": self.tr("Birthday greeting"),
            "levelup": self.tr("Level-up congratulation"),
            "expiring": self.tr("Points about to expire"),
            "reactivation": self.tr("Reactivation"),
            "vip_invite": self.tr("VIP invitation"),
            "referral": self.tr("Referral invitation"),
            "yearly_report": self.tr("Yearly member report"),
        }.get(key, key)

    def audience(self, key: str) -> str:
        return {"group": self.tr("For a group"), "member": self.tr("For one member")}.get(key, key)

    def copied(self, name: str) -> str:
        return self.tr("Copied “%1”: paste it in WeChat.").replace("%1", name)

    def sent_at(self, when: datetime) -> str:
        return self.tr("Already copied today at %1.").replace(
            "%1", when.astimezone().strftime("%H:%M"))  # fmt: skip

    def refusal(self, exc: CodedError) -> str | None:
        v = exc.values
        if exc.code == "bad_body":
            return self.problems(v.get("problems", [])) or self.tr("Check the template.")
        return {
            "empty_name": self.tr("A template needs a name."),
            "long_name": self.tr("A template name has at most 60 characters."),
            "exists": self.tr("A template named %1 exists already.").replace(
                "%1", str(v.get("name"))),
            "not_builtin": self.tr("Only a built-in template has a default to go back to."),
            "builtin": self.tr("A built-in template can be edited, not deleted."),
            "bad_kind": self.tr("Choose a category and who the post is for."),
            "bad_phase": self.tr("Choose warm-up, reminder or recap."),
            "no_members": self.tr("There is nobody in this list."),
            "too_many": self.tr("One by one works for up to %1 members: narrow the list "
                                "with a filter first.").replace("%1", f"{post_runs.MAX_MEMBERS:,}"),
            "not_personal": self.tr("This template is for a group: choose a personal one."),
            "bad_state": self.tr("This step cannot be marked that way."),
            "no_run": self.tr("This list was deleted meanwhile."),
            "no_source": self.tr("This list of members is not known."),
        }.get(exc.code)  # fmt: skip

    def problems(self, problems) -> str:
        words = []
        for p in problems:
            where = self.tr("Line %1: ").replace("%1", str(p.line)) if p.line else ""
            words.append(where + {
                "empty": self.tr("the template is empty."),
                "too_long": self.tr("the template is longer than 10,000 characters."),
                "syntax": self.tr("check the braces: every {{ needs its }}."),
                "unknown": self.tr("“%1” is not a placeholder: pick one from Insert "
                                   "Placeholder.").replace("%1", p.name),
                "unsafe": self.tr("only placeholders and filters can be used here."),
            }.get(p.code, p.message))  # fmt: skip
        return "\n".join(words)


def copy_post(widget: QWidget, store: Store, t: posts.TemplateInfo, text: str, *,
              rendered_for: str = "", label: str = "",
              run: tuple[int, int] | None = None) -> None:  # fmt: skip
    """Put exactly `text` on the clipboard, remember it in the copy history and confirm
    with a toast: every Copy button in the app comes here. `run` (run id, position) marks
    that step of a one-by-one run in the same transaction."""
    QGuiApplication.clipboard().setText(text)
    if store.read_only:
        pass
    elif run is not None:
        post_runs.mark(store, run[0], run[1], post_runs.COPIED, text=text, label=label)
    else:
        posts.record_copy(store, t, text, rendered_for=rendered_for, label=label)
    if not store.read_only:
        announce(Area.POSTS)
    toast(widget, PostWords(widget).copied(t.name))
