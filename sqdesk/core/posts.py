"""The post template library: built-in templates a tea and coffee shop actually sends
(editable, and restorable to their default), the shop's own templates, and the history of
copies so nothing is posted twice."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import delete, func, select, update

from sqdesk.core import contact_days, post_values
from sqdesk.core.errors import CodedError
from sqdesk.core.models import ActivityPost, PostCopy, PostTemplate
from sqdesk.core.post_render import as_text, check, compiled
from sqdesk.core.store import Store

CATEGORIES = ("welcome", "rules", "morning", "topic", "warmup", "reminder", "recap",
              "birthday", "levelup", "expiring", "reactivation", "vip_invite", "referral",
              "yearly_report")  # fmt: skip

# (key, name, category, audience, body): written to be sent as they are.
BUILTINS: tuple[tuple[str, str, str, str, str], ...] = (
    ("welcome", "新人进群欢迎", "welcome", "group",
     "🎉 欢迎新朋友加入{{ 群名 or '会员群' }}！\n"
     "进群即享三大福利：\n① 新人第二杯半价\n② 每月 {{ 会员日 }} 号会员日积分翻倍\n"
     "③ 生日当月送饮品一杯🎂\n有问题随时 @{{ 店长 }}\n{{ 店名 or '我们' }}等你来喝茶～"),
    ("rules", "群规公告", "rules", "group",
     "【{{ 群名 or '本群' }}群规】\n1. 进群请改群昵称：姓名+手机尾号\n"
     "2. 禁止发广告、拉票、砍价链接，违者移出群聊\n3. 友善交流，不刷屏\n"
     "4. 每晚 20:00 限时秒杀，记得来蹲！\n营业时间：{{ 营业时间 }}"),
    ("morning", "早报", "morning", "group",
     "☀️【{{ 店名 or '' }}早报】{{ 今天 }} {{ 星期 }}\n"
     "早上好呀！今日福利：第二杯半价，会员积分照常累计～\n"
     "{% if 今日生日名单 %}🎂 今天生日的宝子：{{ 今日生日艾特 }}，生日快乐！\n{% endif %}"
     "营业时间：{{ 营业时间 }}\n地址：{{ 地址 }}"),
    ("topic", "话题互动", "topic", "group",
     "💬 今日话题：你最近最爱的一杯是什么？\n回复就送 5 积分，晚上 8 点抽 3 位送新品试饮🍵"),
    ("warmup", "活动预热（提前 3 天）", "warmup", "group",
     "📣 预告！{{ 活动时间 }}「{{ 活动名称 }}」\n地点：{{ 活动地点 or '门店' }}\n"
     "{% if 参与积分 %}参加就送 {{ 参与积分 }} 积分！{% endif %}\n"
     "报名方式：{{ 报名方式 or '群里接龙' }}，名额有限，先到先得～"),
    ("reminder", "当天提醒", "reminder", "group",
     "⏰ 就是今天！「{{ 活动名称 }}」{{ 活动时间 }}\n地点：{{ 活动地点 or '门店' }}\n"
     "已经报名的朋友别忘了哦，还没报名的抓紧接龙👇"),
    ("recap", "活动回顾（感谢参与）", "recap", "group",
     "🙏 感谢{% if 参与人数 %} {{ 参与人数 }} 位朋友{% else %}大家{% endif %}"
     "参加「{{ 活动名称 }}」！\n"
     "{% if 参与名单 %}特别感谢：{{ 参与名单 }}\n{% endif %}"
     "{% if 参与积分 %}参与积分 {{ 参与积分 }} 分已到账，可以在小程序查看～\n{% endif %}"
     "下次活动见！"),
    ("birthday", "生日祝福", "birthday", "member",
     "🎂 {{ 称呼 or '亲' }}，生日快乐！\n{{ 店名 or '我们' }}给你准备了一杯生日饮品，"
     "这个月来店里报会员码就能领～\n愿新的一岁每天都甜甜的🍰"),
    ("levelup", "升级祝贺", "levelup", "member",
     "🎉 恭喜{{ 称呼 or '亲' }}升级为【{{ 等级 or '新等级' }}】！\n"
     "现在有 {{ 积分 }} 积分，专属福利已经解锁，下次来店里报会员码就能用～"),
    ("expiring", "积分即将过期提醒", "expiring", "member",
     "⏳ {{ 称呼 or '亲' }}，你有 {{ 即将过期积分 or 0 }} 积分将在 {{ 过期日期 or '月底' }} 过期，"
     "现在一共 {{ 积分 }} 分～\n来店里换杯饮品或小礼品吧，别浪费啦！"),
    ("coupon_expiring", "优惠券快到期提醒", "expiring", "member",
     "🎫 {{ 称呼 or '亲' }}，你有{{ 优惠券 or '优惠券' }}，"
     "最早 {{ 优惠券到期 or '这几天' }} 到期～\n来店里报会员码就能用，别浪费啦！"),
    ("reactivation", "好久不见（沉睡唤醒）", "reactivation", "member",
     "👋 {{ 称呼 or '亲' }}，好久不见呀！\n"
     "店里上了好几款新品，给你留了一张第二杯半价券，这周来试试？\n"
     "你的 {{ 积分 }} 积分也还在等你～"),
    ("vip_invite", "VIP 群邀请", "vip_invite", "member",
     "✨ {{ 称呼 or '亲' }}，感谢你一直以来的支持！\n"
     "今年你已经来了 {{ 今年到店次数 }} 次，我们想邀请你加入 VIP 尊享群：\n"
     "新品抢先试饮、线下茶话会、专属折扣都在群里～回复「加入」我拉你进群🙌"),
    ("referral", "邀请好友", "referral", "member",
     "🤝 {{ 称呼 or '亲' }}，带朋友来喝茶吧！\n"
     "朋友报你的手机号入会，你们各得积分，朋友第一杯还有新人价～"),
    ("yearly_report", "年度会员报告", "yearly_report", "member",
     "📖 {{ 称呼 or '亲' }}的年度茶语报告\n"
     "今年你来了 {{ 今年到店次数 }} 次，一共消费 {{ 今年消费 }}，"
     "{% if 最爱 %}最爱的是{{ 最爱 }}，{% endif %}"
     "{% if 今年活动次数 %}参加了 {{ 今年活动次数 }} 场活动，{% endif %}"
     "共攒了 {{ 今年攒积分 }} 积分。\n"
     "我们已经认识 {{ 入会天数 }} 天啦，谢谢你的每一次光临，明年继续一起喝茶🍵"),
    ("flash_deal", "晚八点限时秒杀", "topic", "group",
     "⚡ 20:00 限时秒杀马上开始！\n今晚秒杀：招牌奶茶 9.9 元，限量 30 杯，群里接龙下单～"),
    ("member_day", "会员日提醒", "reminder", "group",
     "🎁 今天 {{ 今天 }} 是会员日！全场积分翻倍，新品第二杯半价。\n"
     "报会员码就能享受，{{ 店名 or '店里' }}等你～"),
)  # fmt: skip


class PostError(CodedError):
    """A template change refused (see CodedError)."""

    area = "posts"


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    key: str | None
    name: str
    category: str
    audience: str
    body: str

    @property
    def builtin(self) -> bool:
        return self.key is not None

    @property
    def modified(self) -> bool:
        return self.key is not None and self.body != _DEFAULTS.get(self.key, self.body)


_DEFAULTS = {key: body for key, _n, _c, _a, body in BUILTINS}

# Built-in texts as earlier versions shipped them: a store still holding one unchanged gets
# the new text (an edited one is the shop's and is left alone).
_EARLIER = {
    # Earlier versions showed made-up values when the shop had not set its own (地址：门店,
    # @店长, 10:00-22:00) and a fixed member day.
    "welcome": (
        "🎉 欢迎新朋友加入{{ 群名 or '会员群' }}！\n"
        "进群即享三大福利：\n① 新人第二杯半价\n② 每月 8 号会员日积分翻倍\n③ 生日当月送饮品一杯🎂\n"
        "有问题随时 @{{ 店长 or '店长' }}，{{ 店名 or '我们' }}等你来喝茶～",
    ),
    "rules": (
        "【{{ 群名 or '本群' }}群规】\n1. 进群请改群昵称：姓名+手机尾号\n"
        "2. 禁止发广告、拉票、砍价链接，违者移出群聊\n3. 友善交流，不刷屏\n"
        "4. 每晚 20:00 限时秒杀，记得来蹲！\n营业时间：{{ 营业时间 or '10:00-22:00' }}",
    ),
    "morning": (
        "☀️【{{ 店名 or '茶语' }}早报】{{ 今天 }} {{ 星期 }}\n"
        "早上好呀！今日福利：第二杯半价，会员积分照常累计～\n"
        "{% if 今日生日名单 %}🎂 今天生日的宝子：{{ 今日生日艾特 }}，生日快乐！\n{% endif %}"
        "营业时间 {{ 营业时间 or '10:00-22:00' }}，地址：{{ 地址 or '门店' }}",
    ),
    "recap": (
        "🙏 感谢 {{ 参与人数 }} 位朋友参加「{{ 活动名称 }}」！\n"
        "{% if 参与名单 %}特别感谢：{{ 参与名单 }}\n{% endif %}"
        "{% if 参与积分 %}参与积分 {{ 参与积分 }} 分已到账，可以在小程序查看～\n{% endif %}"
        "下次活动见！",
    ),
    "yearly_report": (
        "📖 {{ 称呼 or '亲' }}的年度茶语报告\n"
        "今年你来了 {{ 今年到店次数 }} 次，一共消费 {{ 今年消费 }}，"
        "{% if 最爱 %}最爱的是{{ 最爱 }}，{% endif %}攒了 {{ 积分 }} 积分。\n"
        "我们已经认识 {{ 入会天数 }} 天啦，谢谢你的每一次光临，明年继续一起喝茶🍵",
    ),
}


def ensure_builtins(store: Store) -> int:
    """Add the built-in templates the store does not have yet, and bring unedited ones
    up to this version's text (never overwrites edits); returns how many were added."""
    if store.read_only:
        return 0
    with store.read() as s:
        have = dict(s.execute(select(PostTemplate.key, PostTemplate.body)
                              .where(PostTemplate.key.is_not(None))).all())  # fmt: skip
        names = set(s.scalars(select(PostTemplate.name)))
    missing = [b for b in BUILTINS if b[0] not in have]
    stale = [key for key, body in have.items() if body in _EARLIER.get(key, ())]
    if not missing and not stale:
        return 0
    with store.session() as s:
        for key in stale:
            s.execute(update(PostTemplate).where(PostTemplate.key == key)
                      .values(body=_DEFAULTS[key]))  # fmt: skip
        for position, (key, name, category, audience, body) in enumerate(BUILTINS):
            if key in have:
                continue
            if name in names:  # the shop has its own template by that name
                name = f"{name}（内置）"
            s.add(PostTemplate(key=key, name=name, category=category, audience=audience,
                               body=body, position=position))  # fmt: skip
    return len(missing)


def list_templates(store: Store) -> list[TemplateInfo]:
    ensure_builtins(store)
    query = select(PostTemplate).order_by(PostTemplate.position, PostTemplate.id)
    with store.read() as s:
        return [TemplateInfo(t.id, t.key, t.name, t.category, t.audience, t.body)
                for t in s.scalars(query)]  # fmt: skip


def find(store: Store, name: str) -> TemplateInfo | None:
    """A template by its name (or a built-in's key)."""
    text = " ".join(name.split())
    return next((t for t in list_templates(store) if text in (t.name, t.key)), None)


def templates_for(store: Store, audience: str) -> list[TemplateInfo]:
    """The templates for a group post ("group") or a personal message ("member")."""
    return [t for t in list_templates(store) if t.audience == audience]


def first_of(store: Store, category: str) -> TemplateInfo | None:
    """The first template of a category in the library's order (what a phase copies when
    the activity names no template of its own)."""
    return next((t for t in list_templates(store) if t.category == category), None)


def target_of(*, member_id: int | None = None, occurrence=None,
              group_id: int | None = None) -> str:  # fmt: skip
    """How the copy history names what a post was rendered for: member:12,
    occurrence:3:2026-11-26, group:2, or "" for the shop as a whole."""
    if member_id is not None:
        return f"member:{member_id}"
    if occurrence is not None:
        return f"occurrence:{occurrence.activity_id}:{occurrence.original_date.isoformat()}"
    if group_id is not None:
        return f"group:{group_id}"
    return ""


# --- campaign phases ---------------------------------------------------------------------

PHASE_CATEGORIES = {"warmup": "warmup", "reminder": "reminder", "recap": "recap"}


def phase_links(store: Store, activity_id: int) -> dict[str, int]:
    """The templates an activity chose for its phases (phase -> template id)."""
    with store.read() as s:
        return dict(s.execute(select(ActivityPost.phase, ActivityPost.template_id)
                              .where(ActivityPost.activity_id == activity_id)).all())  # fmt: skip


def link_phase(store: Store, activity_id: int, phase: str, template_id: int | None) -> None:
    """Choose the template a phase copies; None goes back to the category's first."""
    if phase not in PHASE_CATEGORIES:
        raise PostError("bad_phase", f"unknown phase {phase}")
    with store.session() as s:
        s.execute(delete(ActivityPost).where(ActivityPost.activity_id == activity_id,
                                             ActivityPost.phase == phase))  # fmt: skip
        if template_id is not None:
            s.add(ActivityPost(activity_id=activity_id, phase=phase, template_id=template_id))


def phase_template(store: Store, activity_id: int, phase: str) -> TemplateInfo | None:
    """The template a phase of an activity copies: its own choice, else the first of the
    phase's category."""
    return phase_templates(store, [(activity_id, phase)])[(activity_id, phase)]


def phase_templates(
    store: Store, wanted: Sequence[tuple[int, str]]
) -> dict[tuple[int, str], TemplateInfo | None]:
    """phase_template for many (activity, phase) pairs: the library and the links are read
    once (Today asks for every occurrence of the day)."""
    templates = list_templates(store)
    by_id = {t.id: t for t in templates}
    first: dict[str, TemplateInfo] = {}
    for t in templates:
        first.setdefault(t.category, t)
    ids = sorted({aid for aid, _phase in wanted})
    links: dict[tuple[int, str], int] = {}
    with store.read() as s:
        for start in range(0, len(ids), post_values.CHUNK):
            query = select(ActivityPost.activity_id, ActivityPost.phase,
                           ActivityPost.template_id).where(
                ActivityPost.activity_id.in_(ids[start : start + post_values.CHUNK]))  # fmt: skip
            links |= {(aid, phase): tid for aid, phase, tid in s.execute(query)}
    return {(aid, phase): by_id.get(links.get((aid, phase)), first.get(PHASE_CATEGORIES[phase]))
            for aid, phase in wanted}  # fmt: skip


def render_for_members(
    store: Store, t: TemplateInfo, member_ids: Sequence[int], *, today: date | None = None
) -> Iterator[tuple[int, str]]:
    """(member id, text) for each member, the template parsed once and the values read in
    bulk (see post_values.member_values_many). Members that no longer exist are left out."""
    today = today or date.today()
    fill = compiled(t.body)
    base = as_text(post_values.day_values(store, today))
    ids = list(member_ids)
    step = post_values.CHUNK * 10
    for start in range(0, len(ids), step):
        chunk = ids[start : start + step]
        values = post_values.member_values_many(store, chunk, today)
        for member_id in chunk:
            if member_id in values:
                yield member_id, fill(base | values[member_id])


def _clean_name(name: str) -> str:
    text = " ".join((name or "").split())
    if not text:
        raise PostError("empty_name", "a template needs a name")
    if len(text) > 60:
        raise PostError("long_name", "a template name has at most 60 characters")
    return text


def _checked_body(body: str) -> str:
    problems = check(body)
    if problems:
        raise PostError("bad_body", "; ".join(p.message for p in problems), problems=problems)
    return body


def add_template(store: Store, name: str, body: str, *, category: str = "topic",
                 audience: str = "group") -> int:  # fmt: skip
    text = _clean_name(name)
    if category not in CATEGORIES or audience not in ("group", "member"):
        raise PostError("bad_kind", "unknown category or audience")
    body = _checked_body(body)
    with store.session() as s:
        if s.scalar(select(PostTemplate.id).where(PostTemplate.name == text)):
            raise PostError("exists", f"a template named {text} exists already", name=text)
        position = (s.scalar(select(func.max(PostTemplate.position))) or 0) + 1
        t = PostTemplate(name=text, category=category, audience=audience, body=body,
                         position=position)  # fmt: skip
        s.add(t)
        s.flush()
        return t.id


def change_template(store: Store, template_id: int, *, body: str | None = None,
                    name: str | None = None) -> None:  # fmt: skip
    values: dict[str, object] = {}
    if body is not None:
        values["body"] = _checked_body(body)
    with store.session() as s:
        if name is not None:
            text = _clean_name(name)
            other = s.scalar(select(PostTemplate.id).where(PostTemplate.name == text))
            if other is not None and other != template_id:
                raise PostError("exists", f"a template named {text} exists already", name=text)
            values["name"] = text
        if values:
            s.execute(update(PostTemplate).where(PostTemplate.id == template_id).values(**values))


def restore_default(store: Store, template_id: int) -> None:
    """Put a built-in template's text back as shipped."""
    with store.session() as s:
        t = s.get(PostTemplate, template_id)
        if t is None or t.key not in _DEFAULTS:
            raise PostError("not_builtin", "only a built-in template has a default")
        t.body = _DEFAULTS[t.key]


def delete_template(store: Store, template_id: int) -> None:
    """Delete one of the shop's own templates (built-ins are restored, not deleted)."""
    with store.session() as s:
        t = s.get(PostTemplate, template_id)
        if t is not None and t.key is not None:
            raise PostError("builtin", "a built-in template can be edited, not deleted")
        s.execute(delete(PostTemplate).where(PostTemplate.id == template_id))


# --- the copy history ------------------------------------------------------------------------


@dataclass(frozen=True)
class CopyInfo:
    template_id: int | None
    template_name: str
    rendered_for: str
    label: str
    text: str
    copied_at: datetime


def record_copy(store: Store, t: TemplateInfo, text: str, *, rendered_for: str = "",
                label: str = "", at: datetime | None = None) -> None:  # fmt: skip
    with store.session() as s:
        add_copy(s, t, text, rendered_for=rendered_for, label=label, at=at)


def add_copy(s, t: TemplateInfo, text: str, *, rendered_for: str = "", label: str = "",
             at: datetime | None = None) -> None:  # fmt: skip
    """record_copy inside a transaction the caller holds (a bulk run marks its step and
    records the copy together)."""
    at = at or datetime.now(UTC)
    s.add(PostCopy(template_id=t.id, template_name=t.name, rendered_for=rendered_for[:100],
                   label=label[:100], text=text, copied_at=at))  # fmt: skip
    contact_days.add_copy(s, rendered_for, at)  # a message for one member is a contact


def copies_on(store: Store, day: date | None = None) -> list[CopyInfo]:
    """What was copied on a day (the shop's local day), newest first."""
    day = day or date.today()
    start = datetime.combine(day, time.min).astimezone(UTC)
    query = (
        select(PostCopy)
        .where(PostCopy.copied_at >= start, PostCopy.copied_at < start + timedelta(days=1))
        .order_by(PostCopy.copied_at.desc(), PostCopy.id.desc())
    )
    with store.read() as s:
        return [CopyInfo(c.template_id, c.template_name, c.rendered_for, c.label, c.text,
                         c.copied_at) for c in s.scalars(query)]  # fmt: skip


def copied_at(copies: list[CopyInfo], t: TemplateInfo, rendered_for: str) -> datetime | None:
    """When this template was last copied for this target among `copies` (newest first),
    so the app can say "already sent at 09:12"."""
    # A text that is no library template (a group's own welcome text) goes by its name.
    same = (lambda c: c.template_id == t.id) if t.id is not None else (
        lambda c: c.template_id is None and c.template_name == t.name)  # fmt: skip
    return next((c.copied_at for c in copies
                 if same(c) and c.rendered_for == rendered_for), None)  # fmt: skip
