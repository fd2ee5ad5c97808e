"""Demo notes: what a manager writes down over the months, about five per member on
average and many more for the regulars (counter chats, private messages, calls, complaints,
suggestions, why some stopped coming, a few long ones), with follow-ups done, open, due
today and overdue. Notes are numbered in time order, as notes written live are."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.engine import Dialect

from sqdesk.core import bulk, note_search
from sqdesk.core.jobs import Cancelled, Progress, ShouldStop, never_stop, no_progress
from sqdesk.core.models import Member, Note, Visit

PER_MEMBER = 5.7  # notes on average (the spread leaves about 5)
CHUNK = 20_000
# The rows are made as tuples of these columns (bulk.driver_rows), and sent so from the
# demo's second process: half a million dicts cost more to make, pickle and read back.
NOTE_COLUMNS = ("id", "member_id", "at", "kind", "text", "author", "reason", "follow_up_at",
                "follow_up_done_at", "outcome", "amends_id", "edited_at")  # fmt: skip

DRINKS = ("杨枝甘露", "芝士奶盖", "黑糖珍珠奶茶", "柠檬茶", "生椰拿铁", "芋泥波波", "多肉葡萄",
          "桂花乌龙", "抹茶拿铁", "满杯百香果")  # fmt: skip
SAYS = ("太甜了，下次要少糖", "冰太多了", "新品很好喝，会推荐给同事", "珍珠有点硬", "分量足",
        "喜欢店里的音乐", "杯套的设计很好看😍", "希望出热饮", "比上次好喝", "想要大杯的",
        "觉得奶盖偏咸", "说店员很热情", "喜欢第二杯半价", "想要积分换杯子")  # fmt: skip
ASKS = ("会员日是哪天", "积分怎么换", "能不能开发票", "有没有无糖的", "下周有没有新品",
        "生日券怎么用", "外卖能不能用积分", "群里抽奖什么时候开", "可以带宠物进来吗")  # fmt: skip
WHO = ("女儿", "儿子", "男朋友", "闺蜜", "同事", "妈妈", "室友")
COMPLAINTS = ("排队太久，等了 20 分钟", "外卖洒了一半", "店员态度不好", "杯子有裂缝",
              "积分没到账", "点的少冰做成了正常冰", "桌子没擦干净", "小程序下单失败")  # fmt: skip
SUGGESTIONS = ("建议出少糖版", "建议周末多开一个收银台", "希望有大杯装", "建议增加座位插座",
               "希望会员日可以提前预告", "建议出低卡系列", "希望群里多发优惠")  # fmt: skip
LAPSE = {
    "moved": ("搬家了，离店远", "搬到番禺了，说有空再来", "换了工作，不在这边上班了"),
    "price": ("嫌贵，说隔壁便宜三块", "觉得涨价了", "说优惠太少"),
    "taste": ("觉得新品太甜", "口味变了，没以前好喝", "喝腻了"),
    "service": ("上次态度不好，有点生气", "等了很久没人理"),
    "wait": ("排队太久，不想等", "外卖太慢"),
    "elsewhere": ("去喝蜜雪冰城了", "公司楼下开了一家新店", "朋友在别家上班"),
    "busy": ("最近太忙没时间", "备考中，暂时不喝奶茶", "在减肥，戒奶茶了😂"),
    "other": ("没说原因", "朋友圈也不怎么回了"),
}
OUTCOMES = ("已回复，很满意", "送了一张饮品券", "没接电话，下次再联系", "已补积分",
            "说周末过来", "已道歉，表示理解")  # fmt: skip
KINDS = (("counter", 34), ("private", 20), ("group", 14), ("phone", 6), ("complaint", 5),
         ("suggestion", 6), ("lapse", 5), ("other", 10))  # fmt: skip


def _text(rng: random.Random, kind: str) -> tuple[str, str]:
    """A note's text, and its lapse reason ("" when it is not about lapsing)."""
    drink, says, ask = rng.choice(DRINKS), rng.choice(SAYS), rng.choice(ASKS)
    if kind == "counter":
        text = rng.choice((f"今天点了{drink}，{says}", f"带{rng.choice(WHO)}一起来的，{says}",
                           f"在店里问{ask}", f"点了{drink}，{says}"))  # fmt: skip
    elif kind == "private":
        text = rng.choice((f"私聊问{ask}", f"发了{drink}的照片，{says}", f"私信说{says}"))
    elif kind == "group":
        text = rng.choice((f"群里说{says}", f"在群里@店长问{ask}", f"群接龙报名了周末{drink}品鉴"))
    elif kind == "phone":
        text = rng.choice((f"电话预订{rng.randint(2, 20)}杯{drink}，下午来取",
                           f"回访电话：{says}"))  # fmt: skip
    elif kind == "complaint":
        text = "投诉：" + rng.choice(COMPLAINTS)
    elif kind == "suggestion":
        text = rng.choice(SUGGESTIONS)
    elif kind == "lapse":
        reason = rng.choice(tuple(LAPSE))
        return rng.choice(LAPSE[reason]), reason if rng.random() < 0.85 else ""
    else:
        text = rng.choice((f"{rng.choice(WHO)}下周过生日，想订一个蛋糕",
                           "喜欢猫，店里可以放猫的照片", f"在附近上班，一般午休来，爱喝{drink}",
                           "对芒果过敏！不要推荐芒果的"))  # fmt: skip
    if rng.random() < 0.01:  # a long one: a visit told at length
        text += "。" + "；".join(rng.choice(SAYS + ASKS) for _ in range(rng.randint(20, 120)))
    return text, ""


def fill_notes(s, *, seed: int, today: date, first_member_id: int,
               progress: Progress = no_progress,
               should_stop: ShouldStop = never_stop) -> int:  # fmt: skip
    """Add notes for members with id >= first_member_id, from the visits in the store (the
    demo without points; with them, the notes are made where the years are simulated:
    sqdesk.core.demo.points); returns how many."""
    people = s.execute(select(Member.id, Member.joined_on)
                       .where(Member.id >= first_member_id)).all()  # fmt: skip
    visits = dict(s.execute(select(Visit.member_id, func.count(Visit.id))
                            .where(Visit.member_id >= first_member_id)
                            .group_by(Visit.member_id)).all())  # fmt: skip
    first_id = (s.scalar(select(func.max(Note.id))) or 0) + 1
    total, chunks = note_rows(seed=seed, today=today, people=people, visits=visits,
                              first_id=first_id)  # fmt: skip
    conn = s.connection()
    done = 0
    with bulk.indexes_set_aside(conn, Note.__table__):
        for rows in chunks:
            if should_stop():
                raise Cancelled()
            for statement, params in note_statements(conn.dialect, rows):
                conn.exec_driver_sql(statement, params)
            done += len(rows)
            progress(done, total)
    return done


def note_rows(*, seed: int, today: date, people: Sequence[tuple[int, date]],
              visits: dict[int, int],
              first_id: int) -> tuple[int, Iterator[list[tuple]]]:  # fmt: skip
    """The notes about these members (id, joined_on), each member's number of visits given:
    how many, and their rows (NOTE_COLUMNS) a chunk at a time, numbered from `first_id` in
    time order.
    Touches no store: the demo makes them in the second process that simulates the years."""
    rng = random.Random(seed * 31 + 5)
    if not people:
        return 0, iter(())
    mean_visits = max(1.0, sum(visits.values()) / len(people))
    kinds, weights = zip(*KINDS, strict=True)
    # Nothing written in the future: a note later today than now is not written yet (moved
    # to now instead, the notes of the rest of the day stood in a heap at this minute, at
    # 01:49 when the demo was made then).
    now = datetime.now(UTC)
    planned: list[tuple[datetime, int]] = []
    for mid, joined in people:
        # Regulars are talked to more: the count follows the member's visits.
        mean = PER_MEMBER * (0.3 + 0.7 * visits.get(mid, 0) / mean_visits)
        count = min(200, int(rng.expovariate(1 / mean))) if mean > 0 else 0
        span = max(1, (today - joined).days)
        for _ in range(count):
            day = joined + timedelta(days=rng.randrange(span))
            at = datetime.combine(day, time(rng.randint(10, 21), rng.randrange(60))).astimezone(UTC)
            if at <= now:
                planned.append((at, mid))
    planned.sort()

    def chunks() -> Iterator[list[tuple]]:
        for start in range(0, len(planned), CHUNK):
            yield [_row(rng, first_id + start + i, mid, at, kinds, weights, today)
                   for i, (at, mid) in enumerate(planned[start : start + CHUNK])]  # fmt: skip

    return len(planned), chunks()


def note_statements(dialect: Dialect, rows: list[tuple]) -> list[tuple[str, list[tuple]]]:
    """The INSERTs of these notes (NOTE_COLUMNS) and of their search index, with the rows as
    the driver takes them (bulk.driver_rows)."""
    return [bulk.driver_rows(dialect, Note.__table__, NOTE_COLUMNS, rows),
            note_search.index_rows(dialect, [(r[0], r[4]) for r in rows])]  # fmt: skip


def _row(rng: random.Random, note_id: int, member_id: int, at: datetime, kinds, weights,
         today: date) -> tuple:  # fmt: skip
    kind = rng.choices(kinds, weights)[0]
    text, reason = _text(rng, kind)
    follow_up = done_at = None
    outcome = ""
    if kind in ("complaint", "phone", "private", "other") and rng.random() < 0.35:
        due_day = at.astimezone().date() + timedelta(days=rng.choice((1, 2, 3, 7, 14)))
        follow_up = datetime.combine(due_day, time(10)).astimezone(UTC)
        late = (today - due_day).days
        if late > 0 and (late > 30 or rng.random() < 0.97):  # done; a few recent are left
            done_at = follow_up + timedelta(hours=rng.randint(0, 30))
            outcome = rng.choice(OUTCOMES)
    return (note_id, member_id, at, kind, text, rng.choice(("林店长", "小美", "阿杰")), reason,
            follow_up, done_at, outcome, None, None)  # NOTE_COLUMNS
