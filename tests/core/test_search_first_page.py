"""While typing, the first screenful of a search that matches thousands is read newest
member first and stops there (sqdesk.core.search.name_starts, migration 0030's heads'
index): it must be exactly the start of the full ranking, whatever the query."""

import pytest
from sqlalchemy import select

from sqdesk.core import member_edit, members, search
from sqdesk.core.member_edit import MemberInput, create

NAMES = ["李丽", "李立", "黎明", "刘丽丽", "林立", "张三", "张珊珊", "章子", "Lily 李",
         "欧阳丽", "李😀", "王立", "Lin 林", "厉害", "丽丽", "李 ·小丽", "张伟", "赵丽", "李四",
         "刘立"]  # fmt: skip


@pytest.fixture
def shop(store):
    ids = []
    for i in range(6):
        for name in NAMES:
            ids.append(create(store, MemberInput(name=name, nickname=f"阿{i}")))
    # Archived members are left out, wherever they fall.
    member_edit.set_archived(store, ids[::7], True)
    return store


@pytest.mark.parametrize("limit", [1, 5, 12, 40])
@pytest.mark.parametrize("walk_above", [1, 3, 1000])
def test_the_first_page_is_the_start_of_the_full_ranking(shop, monkeypatch, limit, walk_above):
    monkeypatch.setattr(search, "WALK_ABOVE", walk_above)
    for text in ["li", "LI", "ｌｉ", "lil", "zh", "zhang", "zs", "李", "李丽", "丽", "lin", "l",
                 "xyz", "😀", "5678", "ouyang"]:  # fmt: skip
        _check_first_page(shop, text, limit)


def _check_first_page(store, text: str, limit: int) -> list | None:
    """The page, when there is one, is the start of the full ranking, with and without
    archived members; returns the page."""
    full = members.ordered_ids(store, search_text=text, sort=None)
    page = members.first_search_page(store, text, limit)
    if page is not None:
        assert page == full[:limit], (text, limit)
    with_archived = members.first_search_page(store, text, limit, include_archived=True)
    if with_archived is not None:
        everyone = members.ordered_ids(store, search_text=text, sort=None,
                                       include_archived=True)  # fmt: skip
        assert with_archived == everyone[:limit], (text, limit)
    return page


def test_the_shortcut_is_taken_where_it_pays(shop, monkeypatch):
    monkeypatch.setattr(search, "WALK_ABOVE", 3)
    if not shop.is_sqlite:
        assert members.first_search_page(shop, "li", 5) is None  # the full ranking there
        return
    assert members.first_search_page(shop, "li", 5) is not None  # many name matches
    assert members.first_search_page(shop, "5678", 5) is not None  # a number's few matches
    # Few name matches: the other kinds' ranges are read here when they are small too...
    assert members.first_search_page(shop, "xyz", 5) == []  # nothing matches at all
    assert members.first_search_page(shop, "ouyang", 5) == members.ordered_ids(
        shop, search_text="ouyang", sort=None)[:5]  # fmt: skip
    # ...and ranked in SQL when one is not: no name starts with 阿, every nickname does.
    assert members.first_search_page(shop, "阿", 5) is None


@pytest.fixture
def numbers(store):
    """Mobiles sharing prefixes and tails, a code that is exactly a mobile's prefix, digits
    in nicknames and WeChat IDs, and archived members among them."""
    ids = []
    for i in range(40):
        ids.append(create(store, MemberInput(
            name=f"号码{i}", mobile=f"138{i % 7}{i:03d}{5678 + i % 3:04d}",
            nickname=f"阿{138 + i % 4}", wechat_id=f"wx{i % 5}138")))  # fmt: skip
    ids.append(create(store, MemberInput(name="整号", mobile="13900005678")))
    # Newer members whose nickname or WeChat ID holds an older member's whole mobile or
    # code: they match that number too, below its exact match.
    from sqdesk.core.models import Member

    with store.read() as s:
        code1 = s.scalar(select(Member.code).where(Member.id == ids[1]))
    ids.append(create(store, MemberInput(name="粉丝甲", nickname="粉13810015679")))
    ids.append(create(store, MemberInput(name="粉丝乙", wechat_id="13810015679wx")))
    ids.append(create(store, MemberInput(name="粉丝丙", nickname=f"号{code1}")))
    member_edit.set_archived(store, ids[::6], True)
    return store


@pytest.mark.parametrize("limit", [1, 3, 10, 60])
def test_a_numbers_first_page_is_the_start_of_the_full_ranking(numbers, limit):
    """Exact codes and mobiles rank first, then every other match, newest first within a
    rank; archived members are left out wherever they fall."""
    from sqdesk.core.models import Member

    with numbers.read() as s:  # codes that are exactly some query, whatever the scheme
        code = s.scalar(select(Member.code).order_by(Member.id.desc()))
        older = s.scalars(select(Member.code).order_by(Member.id).limit(2)).all()[-1]
    queries = [older, "13810015679", "138", "1380", "13900005678", "13800005678", "5678",
               "5679", "0000", "8", "13", "139", "+86 139-0000-5678", code, code[:3],
               "wx1"]  # fmt: skip
    for text in queries:
        page = _check_first_page(numbers, text, limit)
        parsed = search.parse(text)
        if numbers.is_sqlite and parsed is not None and parsed.exact_kinds:
            assert page is not None, text  # the shortcut is taken


def test_the_first_screenful_of_any_view_is_the_start_of_its_order(demo_store):
    """By join date or name, with a segment or not, up or down: the LIMIT read is exactly
    the start of the whole order; other sorts and searches with a column are None."""
    from datetime import date

    from sqdesk.core import segments
    from sqdesk.core.members import SortKey

    t = segments.load_thresholds(demo_store)
    views = [None] + [segments.definition(k, t, date.today())
                      for k in ("new", "dormant", "high_value", "vip_eligible")]  # fmt: skip
    for where in views:
        for sort in (SortKey.JOINED, SortKey.NAME):
            for descending in (True, False):
                full = members.ordered_ids(demo_store, sort=sort, descending=descending,
                                           where=where)  # fmt: skip
                for limit in (1, 7, 200):
                    page = members.first_ids(demo_store, limit, sort=sort,
                                             descending=descending, where=where)  # fmt: skip
                    assert page == full[:limit], (sort, descending, limit)
    assert members.first_ids(demo_store, 10, sort=SortKey.POINTS, descending=False) is None
    assert members.first_ids(demo_store, 10, sort=SortKey.LEVEL) is None
    assert members.first_ids(demo_store, 10, search_text="zh", sort=SortKey.JOINED) is None
    assert members.first_ids(demo_store, 10, include_archived=True) is None


def test_the_first_screenful_by_a_figure_is_the_start_of_its_order(demo_store):
    """Points, last visit, spend, biggest first: the walk down the figure's index gives the
    start of ordered_ids' order, archived members left out and ties broken by id; when
    fewer members than asked have the figure, None (the rest tie at 0 and are ordered by
    id with every member)."""
    from sqlalchemy import update

    from sqdesk.core.member_edit import set_archived
    from sqdesk.core.members import SortKey
    from sqdesk.core.models import MemberPoints

    ids = members.ordered_ids(demo_store, sort=SortKey.POINTS, descending=True)
    set_archived(demo_store, ids[0:30:3], True)  # some of the biggest, gone from the roster
    with demo_store.session() as s:  # a run of equal balances: the id decides
        s.execute(update(MemberPoints).where(MemberPoints.member_id.in_(ids[40:60]))
                  .values(balance=777))  # fmt: skip
    rows = members.rows(demo_store, members.ordered_ids(demo_store))
    having = {SortKey.POINTS: sum(r.points > 0 for r in rows.values()),
              SortKey.LAST_VISIT: sum(r.last_visit is not None for r in rows.values()),
              SortKey.SPEND: sum(r.spend_12m > 0 for r in rows.values())}  # fmt: skip
    for sort in (SortKey.POINTS, SortKey.LAST_VISIT, SortKey.SPEND):
        full = members.ordered_ids(demo_store, sort=sort, descending=True)
        assert having[sort] < len(full), sort  # some members have none
        for limit in (1, 7, 50, 200, having[sort], having[sort] + 1):
            page = members.first_ids(demo_store, limit, sort=sort)
            if limit > having[sort]:
                assert page is None, (sort, limit)  # the caller orders them all
            else:
                assert page == full[:limit], (sort, limit)
        assert members.first_ids(demo_store, 10, sort=sort, where={"tag": 1}) is None


def test_the_points_walk_on_either_database(any_store):
    import random

    from sqdesk.core import ledger
    from sqdesk.core.member_edit import MemberInput, create, set_archived
    from sqdesk.core.members import SortKey

    rng = random.Random(5)
    ids = [create(any_store, MemberInput(name=f"会员{i}🙂")) for i in range(16)]
    for m in ids[:12]:
        ledger.adjust(any_store, m, rng.choice([5, 5, 20, 300]), reason="开卡礼")
    set_archived(any_store, [ids[0]], True)
    full = members.ordered_ids(any_store, sort=SortKey.POINTS, descending=True)
    assert members.first_ids(any_store, 8, sort=SortKey.POINTS) == full[:8]
    assert members.first_ids(any_store, 12, sort=SortKey.POINTS) is None  # 11 have points


@pytest.mark.parametrize("few", [1000, 3])
def test_a_filter_on_an_indexed_figure_is_read_from_its_few_members(store, monkeypatch, few):
    """High value, or a visit since a day, narrowing the roster to few members: the first
    screenful is read from those in the figure's range (sorted, not walked for), and is
    exactly the start of the whole order; with more in the range than FEW_ON_FIGURES, the
    walk as before. Archived members and the filter's other conditions still count."""
    from datetime import UTC, date, datetime, timedelta

    from sqdesk.core import ledger, tags
    from sqdesk.core.member_edit import set_archived
    from sqdesk.core.members import SortKey

    monkeypatch.setattr(members, "FEW_ON_FIGURES", few)
    today = date.today()
    ids = [create(store, MemberInput(name=f"{'张王李赵'[i % 4]}会员{i}🙂",
                                     joined_on=today - timedelta(days=400 - i * 7)))
           for i in range(40)]  # fmt: skip
    for i, m in enumerate(ids[::2]):  # every other member spends, some a lot, some lately
        joined_ago = 400 - 2 * i * 7
        ago = 1 + (i * 11) % min(200, joined_ago - 1)
        when = datetime.combine(today - timedelta(days=ago), datetime.min.time(), UTC)
        ledger.record_visit(store, m, amount_cents=[90000, 700000, 3000][i % 3],
                            at=when + timedelta(hours=12))  # fmt: skip
    set_archived(store, ids[2:40:5], True)
    tag = tags.create_tag(store, tags.create_group(store, "客群"), "熟客")
    tags.add_tag(store, ids[::4], tag)
    since = (today - timedelta(days=60)).isoformat()
    views = [{"field": "spend", "days": 365, "min": 500000},
             {"all": [{"field": "spend", "days": 365, "min": 50000}, {"tag": tag}]},
             {"all": [{"field": "last_visit", "after": since}, {"not": {"tag": tag}}]}]
    taken = []
    real = members._few_on_figures
    monkeypatch.setattr(members, "_few_on_figures",
                        lambda *a: taken.append(real(*a)) or taken[-1])  # fmt: skip
    for where in views:
        for sort in (SortKey.JOINED, SortKey.NAME):
            for descending in (True, False):
                full = members.ordered_ids(store, sort=sort, descending=descending, where=where)
                assert full, where
                for limit in (1, 4, 200):
                    page = members.first_ids(store, limit, sort=sort, descending=descending,
                                             where=where)  # fmt: skip
                    assert page == full[:limit], (where, sort, descending, limit)
    assert all(t is not None for t in taken) if few == 1000 else all(t is None for t in taken)
