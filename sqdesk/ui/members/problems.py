"""Core validation problems, worded for the user in their language."""

from __future__ import annotations

from PySide6.QtCore import QObject

from sqdesk.core.member_edit import Problem


class MemberProblems(QObject):
    """Words for member fields and problems (a QObject so lupdate sees each tr() string)."""

    def field_label(self, name: str) -> str:
        labels = {
            "name": self.tr("Name"),
            "nickname": self.tr("Nickname"),
            "mobile": self.tr("Mobile"),
            "wechat_id": self.tr("WeChat ID"),
            "gender": self.tr("Gender"),
            "birthday": self.tr("Birthday"),
            "region": self.tr("Region"),
            "source": self.tr("Source"),
            "referrer_id": self.tr("Referred by"),
            "joined_on": self.tr("Joined"),
            "consent_scope": self.tr("Consent"),
            "remark": self.tr("Remark"),
            "favourites": self.tr("Favourites"),
            "points": self.tr("Points"),
        }
        return labels.get(name, name)

    def phone_reason(self, values: dict) -> str:
        why = values.get("why")
        if why == "length":
            return self.tr("%1 digits; a mainland mobile has 11.").replace(
                "%1", str(values["digits"])
            )
        if why == "not_digits":
            return self.tr("Only digits, spaces, dashes and +86, please.")
        if why == "not_phone":
            return self.tr("This is not a phone number.")
        return self.tr(
            "Not a mainland mobile number. Tick “Not mainland” for numbers from elsewhere."
        )

    def describe(self, problem: Problem) -> str:
        v = problem.values
        code = problem.code
        if code == "mobile_invalid":
            return self.phone_reason(v)
        texts = {
            "name_missing": self.tr("Enter a name or a nickname."),
            "too_long": self.tr("Too long: %1 characters, at most %2."),
            "mobile_taken": self.tr("Member %1 %2 already has this mobile."),
            "gender_invalid": self.tr("Choose 男, 女 or leave it empty."),
            "date_future": self.tr("This date is in the future."),
            "date_too_old": self.tr("This date is before %1."),
            "joined_before_birth": self.tr("Joined before the birthday."),
            "referrer_missing": self.tr("No member has this code."),
            "referrer_self": self.tr("A member cannot refer themselves."),
            "control_chars": self.tr("Contains invisible control characters."),
            "not_a_date": self.tr("Not a date: write it like 1995-08-16."),
        }
        args = {
            "too_long": (v.get("length"), v.get("limit")),
            "mobile_taken": (v.get("code"), v.get("name")),
            "date_too_old": (v.get("year"),),
        }.get(code, ())
        text = texts.get(code) or problem.english
        for i, arg in enumerate(args, start=1):
            text = text.replace(f"%{i}", str(arg))
        return text


_words: MemberProblems | None = None


def words() -> MemberProblems:
    global _words
    if _words is None:
        _words = MemberProblems()
    return _words


def describe(problem: Problem) -> str:
    return words().describe(problem)


def field_label(name: str) -> str:
    return words().field_label(name)
