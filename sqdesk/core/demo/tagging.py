"""Demo tags: the groups and tags a tea shop keeps, on a realistic share of members."""

from __future__ import annotations

import random

from sqlalchemy import func, insert, select

from sqdesk.core.models import Member, MemberTag, Tag, TagGroup
from sqdesk.core.tags import fold

# (group, exclusive, [(tag, colour, share of members)])
DEMO_TAGS = (
    ("口味偏好", False, (("爱喝茶🍵", "#2e7d5b", 0.30), ("咖啡党☕", "#6b4f3a", 0.18),
                         ("少糖去冰", "#2b6cb0", 0.22), ("芒果过敏", "#c53030", 0.02))),
    ("行为标签", False, (("外卖常客", "#c05621", 0.15), ("带娃来", "#6b46c1", 0.05),
                         ("爱晒图", "#d53f8c", 0.08), ("团购组织者", "#2c7a7b", 0.01))),
    ("会员来源", True, (("公司团购", "#4a5568", 0.03), ("学生", "#3182ce", 0.12))),
)  # fmt: skip


def fill_tags(s, *, seed: int, first_member_id: int) -> int:
    """Add the demo groups and tags once, and tag members with id >= first_member_id."""
    rng = random.Random(seed * 31 + 7)
    if not s.scalar(select(func.count(TagGroup.id))):
        for position, (group, exclusive, tag_list) in enumerate(DEMO_TAGS, start=1):
            g = TagGroup(name=group, name_key=fold(group), exclusive=exclusive, position=position)
            s.add(g)
            s.flush()
            for t_pos, (name, color, _share) in enumerate(tag_list, start=1):
                s.add(Tag(group_id=g.id, name=name, name_key=fold(name), color=color,
                          position=position * 100 + t_pos))  # fmt: skip
        s.flush()
    by_name = dict(s.execute(select(Tag.name, Tag.id)).all())
    ids = list(s.scalars(select(Member.id).where(Member.id >= first_member_id)))
    rows = []
    for _group, exclusive, tag_list in DEMO_TAGS:
        for member_id in ids:
            chosen = [n for n, _c, share in tag_list if rng.random() < share and n in by_name]
            if exclusive:
                chosen = chosen[:1]
            rows += [{"member_id": member_id, "tag_id": by_name[n]} for n in chosen]
    if rows:
        s.connection().execute(insert(MemberTag.__table__), rows)
    return len(rows)
