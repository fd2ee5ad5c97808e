"""Members in the user's words: fields, validation problems, and the refusals of the
member, phone, import, export and tag services."""

from __future__ import annotations

from PySide6.QtCore import QObject

from sqdesk.core.errors import CodedError
from sqdesk.core.member_edit import Problem

# The sources a shop picks from (stored as these words; shown through MemberWords.source).
COMMON_SOURCES = ("门店扫码", "外卖卡片", "抖音", "小红书", "老带新", "美团", "朋友圈", "导入")


class MemberWords(QObject):
    """Words for member fields and problems (a QObject so lupdate sees each tr() string)."""

    def source(self, key: str) -> str:
        """Where a member came from: stored as the shop's Chinese word (imports and the CLI
        write it so), shown in the interface's language; a source of the shop's own as is."""
        return {
            "门店扫码": self.tr("Scanned in store"), "外卖卡片": self.tr("Delivery card"),
            "抖音": self.tr("Douyin"), "小红书": self.tr("Xiaohongshu"),
            "老带新": self.tr("Referred by a member"), "美团": self.tr("Meituan"),
            "朋友圈": self.tr("WeChat Moments"), "导入": self.tr("Imported"),
        }.get(key, key)  # fmt: skip

    def source_key(self, shown: str) -> str:
        """The stored word for a source as shown (or typed) in the interface."""
        return next((k for k in COMMON_SOURCES if self.source(k) == shown), shown)

    def refusal(self, exc: CodedError) -> str | None:
        v = exc.values
        if exc.area == "phone":
            return self.phone_reason({"why": exc.code, **v})
        if exc.area == "sheet":
            return self.sheet_refusal(exc)
        if exc.area == "tags":
            return self.tag_refusal(exc)
        if exc.area == "pipl":
            return {
                "no_member": self.tr("The member no longer exists."),
                "no_folder": self.tr("There is no folder %1.").replace(
                    "%1", str(v.get("folder"))),
                "cannot_write": self.tr("Could not write %1.").replace("%1", str(v.get("path"))),
                "already_erased": self.tr("Member %1 was erased already.").replace(
                    "%1", str(v.get("member_code"))),
            }.get(exc.code)
        if exc.area == "export":
            return {
                "bad_suffix": self.tr("Export to a .xlsx or .csv file."),
                "no_folder": self.tr("There is no folder %1.").replace(
                    "%1", str(v.get("folder"))),
                "cannot_write": self.tr("%1 cannot be written (%2). Is it open in Excel?")
                .replace("%1", str(v.get("path"))).replace("%2", str(v.get("detail"))),
            }.get(exc.code)  # fmt: skip
        if exc.code == "invalid":
            return "\n".join(f"{self.field_label(p.field)}: {self.describe(p)}"
                             for p in v.get("problems", [])) or self.tr("Check the fields.")
        return {
            "gone": self.tr("The member no longer exists."),
            "merge_self": self.tr("A member cannot be merged into themselves."),
            "not_archived": self.tr("Archive these members before deleting them: %1").replace(
                "%1", str(v.get("codes"))),
            "has_history": self.tr(
                "%1 of these members have visits or points, which the ledger keeps for good, "
                "so they cannot be deleted: %2. Leave them archived: they stay out of every "
                "list.").replace("%1", str(v.get("count"))).replace("%2", str(v.get("codes"))),
        }.get(exc.code)  # fmt: skip

    def sheet_refusal(self, exc: CodedError) -> str | None:
        return {
            "missing": self.tr("The file is not there any more."),
            "unsupported": self.tr("This is not a spreadsheet. Use .xlsx, .xls or .csv."),
            "not_a_spreadsheet": self.tr("The file is damaged or not really a spreadsheet."),
            "encoding": self.tr("This is not a text file in UTF-8 or GBK."),
            "empty": self.tr("The file is empty."),
            "no_header": self.tr("No header row with known columns such as 姓名 or 手机号."),
            "no_data": self.tr("There is a header row but no members under it."),
            "bad_rows": self.tr("%1 row(s) have problems; nothing was imported.").replace(
                "%1", str(exc.values.get("count"))),
        }.get(exc.code)  # fmt: skip

    def tag_refusal(self, exc: CodedError) -> str | None:
        v = exc.values
        return {
            "exists": self.tr("The name %1 is taken (case, width and spaces do not count).")
            .replace("%1", str(v.get("name"))),
            "empty": self.tr("A name is needed."),
            "too_long": self.tr("At most 30 characters."),
            "same": self.tr("Choose another tag to merge into."),
            "bad_color": self.tr("A colour looks like #2e7d5b."),
            "no_group": self.tr("The tag group no longer exists."),
            "no_tag": self.tr("The tag no longer exists."),
        }.get(exc.code)  # fmt: skip

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
                "%1", str(values.get("digits", "?"))
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


_words: MemberWords | None = None


def words() -> MemberWords:
    global _words
    if _words is None:
        _words = MemberWords()
    return _words


def describe(problem: Problem) -> str:
    return words().describe(problem)


def field_label(name: str) -> str:
    return words().field_label(name)
