"""Post templates: checking and rendering text with Chinese placeholders, safely.

A template is Jinja2 text run in Jinja2's immutable sandbox: placeholders are written by
their Chinese names, `{{ 称呼 }}`, a fallback with `or`, `{{ 称呼 or "亲" }}`, and lists
with a loop. The sandbox keeps a template from running code or reaching Python objects.

`check` finds what would stop a render (a syntax error with its line, a placeholder that
does not exist, an empty or over-long template) before anything is copied; `render` fills
the values. A value that is missing (None, an empty list) is false, so a fallback
(`{{ 店长 or "我们" }}`) or an `{% if %}` applies; shown bare, it leaves its whole line out,
so a shop that has not set its hours gets no "营业时间 ，地址：" line and never a made-up
value. It never shows as "None".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from sqdesk.core.errors import CodedError

MAX_CHARS = 10_000

# Every placeholder, by group, with what it holds (English, for the CLI and the picker's
# tooltips; the picker shows the Chinese name itself).
PLACEHOLDERS: dict[str, dict[str, str]] = {
    "store": {"店名": "shop name", "店长": "manager", "店长微信": "the manager's WeChat ID",
              "地址": "address", "营业时间": "opening hours", "电话": "the shop's phone",
              "会员日": "member days (day of the month)", "群名": "the group's name"},
    "date": {"今天": "today's date", "星期": "day of the week", "明天": "tomorrow's date"},
    "member": {"称呼": "nickname, or the name", "姓名": "name", "积分": "points balance",
               "等级": "level", "距下一等级": "points to the next level",
               "即将过期积分": "points expiring within 30 days",
               "过期日期": "when those points expire", "生日": "birthday",
               "入会天数": "days since joining", "今年到店次数": "visits this year",
               "今年消费": "spend this year", "今年攒积分": "points earned this year",
               "今年活动次数": "activities taken part in this year",
               "最爱": "favourite items, if recorded",
               "优惠券": "the member's valid coupons, with their last days",
               "优惠券到期": "when the first of those coupons expires"},
    "activity": {"活动名称": "activity title", "活动时间": "date and time",
                 "活动地点": "place", "报名方式": "how to sign up",
                 "参与积分": "points for taking part", "参与人数": "how many took part",
                 "参与名单": "who took part, as names"},
    "lists": {"今日生日名单": "today's birthday members, as names",
              "今日生日艾特": "today's birthday members, as @mentions"},
}  # fmt: skip
KNOWN = {name for group in PLACEHOLDERS.values() for name in group}


@dataclass(frozen=True)
class TemplateProblem:
    code: str  # empty | too_long | syntax | unknown | unsafe
    message: str  # English, for the CLI; the UI words the code
    line: int | None = None
    name: str = ""


@lru_cache(maxsize=1)
def _env():
    """Jinja2's sandbox, made on first use: start-up renders nothing and Jinja2 costs 9 MB."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    # No autoescape: the output is plain text for WeChat, not HTML.
    return ImmutableSandboxedEnvironment(autoescape=False, keep_trailing_newline=True)


def check(body: str) -> list[TemplateProblem]:
    """Everything that would stop the template from rendering; [] when it is fine."""
    if not body.strip():
        return [TemplateProblem("empty", "the template is empty")]
    if len(body) > MAX_CHARS:
        return [TemplateProblem("too_long", f"the template is longer than {MAX_CHARS:,} "
                                            "characters")]  # fmt: skip
    from jinja2 import TemplateSyntaxError, meta, nodes

    try:
        tree = _env().parse(body)
    except TemplateSyntaxError as exc:
        return [TemplateProblem("syntax", f"line {exc.lineno}: {exc.message}", exc.lineno)]
    problems = []
    # Placeholders have no parts and nothing is called: attribute, item and call syntax is
    # refused outright, so a template never sees more than the text it is given.
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Call)):
        problems.append(TemplateProblem("unsafe", f"line {node.lineno}: only placeholders "
                                        "and filters are allowed", node.lineno))  # fmt: skip
    for name in sorted(meta.find_undeclared_variables(tree) - KNOWN):
        line = next((i for i, text in enumerate(body.splitlines(), 1) if name in text), None)
        problems.append(TemplateProblem("unknown", f"unknown placeholder {name}", line, name))
    return problems


class RenderError(CodedError):
    """A template that cannot be rendered; each TemplateProblem is worded by the UI."""

    area = "posts"

    def __init__(self, problems: list[TemplateProblem]) -> None:
        self.problems = problems
        super().__init__("bad_body", "; ".join(p.message for p in problems), problems=problems)


class _Missing(str):
    """A value that is not there: false in `or` and `{% if %}`, and shown bare it marks
    its line to be left out (a noncharacter, which no real text holds)."""

    def __bool__(self) -> bool:
        return False


_MARK = "\ufdd0"
MISSING = _Missing(_MARK)


def _without_missing_lines(text: str) -> str:
    if _MARK not in text:
        return text
    return "\n".join(line for line in text.split("\n") if _MARK not in line)


def render(body: str, values: dict[str, object]) -> str:
    """The text with its placeholders filled: lists joined with 、, and a line that shows a
    missing value left out (see the module's note). Raises RenderError when `check` finds
    problems, or the sandbox refuses something the template tries."""
    return compiled(body)(values)


def compiled(body: str) -> Callable[[dict[str, object]], str]:
    """`render` for one template and many value sets: checked and parsed once (rendering
    for 100,000 members spends its time on the values, not on parsing)."""
    problems = check(body)
    if problems:
        raise RenderError(problems)
    from jinja2.exceptions import SecurityError, UndefinedError

    template = _env().from_string(body)

    def fill(values: dict[str, object]) -> str:
        context = {name: _text(values.get(name)) for name in KNOWN}
        try:
            return _without_missing_lines(template.render(context))
        except (SecurityError, UndefinedError, TypeError) as exc:
            raise RenderError([TemplateProblem("unsafe", f"cannot render: {exc}")]) from exc

    return fill


def as_text(values: dict[str, object]) -> dict[str, object]:
    """The values as a render reads them (lists joined, None as MISSING): for values shared
    by many renders, such as the day's, converted once instead of once per member."""
    return {name: _text(value) for name, value in values.items()}


def _text(value: object) -> object:
    if value is None or value == "":
        return MISSING
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value) if value else MISSING
    return value
