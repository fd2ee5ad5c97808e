"""Full-text search over notes (issue 14.6): two-character Chinese words and longer, Latin
words and digits, the member's name in pinyin, newest first; SQLite and PostgreSQL alike."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from sqdesk import cli
from sqdesk.core import member_edit, note_search, notes
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.note_search import SearchError, grams, search_notes

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def shop(any_store):
    fang = create(any_store, MemberInput(name="张诗芳", mobile="13800138000"))
    wei = create(any_store, MemberInput(name="李伟"))
    texts = [
        (fang, "搬家了，离店远🏠 以后周末才来"),
        (wei, "嫌新品太甜，建议出少糖版"),
        (fang, "女儿下周过生日，想订一个蛋糕 cake"),
        (wei, "投诉：排队太久，等了 20 分钟"),
        (fang, "说新品的芝士奶盖太甜了"),
    ]
    made = [notes.add(any_store, m, t, at=T0 + timedelta(hours=i)) for i, (m, t) in
            enumerate(texts)]  # fmt: skip
    return any_store, fang, wei, [n.id for n in made]


def texts(found):
    return [h.text for h in found.hits]


def ids_of(found):
    return [h.id for h in found.hits]


def test_the_text_is_indexed_as_pairs_with_runs_apart():
    assert grams("搬家了，离店远") == ["搬家", "家了", "sep", "离店", "店远"]
    assert grams("Ｃａｋｅ 2") == ["ca", "ak", "ke", "sep", "2"]  # full width folded
    assert grams("🎉!!") == []


def test_two_character_chinese_words_are_found_newest_first(shop):
    store, _, _, ids = shop
    assert ids_of(search_notes(store, "太甜")) == [ids[4], ids[1]]
    assert texts(search_notes(store, "搬家")) == ["搬家了，离店远🏠 以后周末才来"]


def test_three_and_four_characters_match_only_where_they_stand_together(shop):
    store, *_ = shop
    assert texts(search_notes(store, "新品太甜")) == ["嫌新品太甜，建议出少糖版"]
    assert search_notes(store, "甜新").hits == []  # both pairs' characters occur, never together
    assert texts(search_notes(store, "离店远")) == ["搬家了，离店远🏠 以后周末才来"]


def test_words_across_punctuation_do_not_join():
    # "远以" are neighbours in the text only across a space: not a word the note holds.
    assert "远以" not in grams("离店远 以后")


def test_latin_digits_full_width_and_several_words(shop):
    store, *_ = shop
    assert texts(search_notes(store, "CAKE")) == ["女儿下周过生日，想订一个蛋糕 cake"]
    assert texts(search_notes(store, "２０")) == ["投诉：排队太久，等了 20 分钟"]
    assert texts(search_notes(store, "排队 分钟")) == ["投诉：排队太久，等了 20 分钟"]
    assert search_notes(store, "排队 蛋糕").hits == []


def test_the_members_name_in_pinyin_finds_their_notes(shop):
    store, fang, _, _ = shop
    hits = search_notes(store, "zhangsf").hits
    assert len(hits) == 3 and {h.member_id for h in hits} == {fang}
    assert hits[0].member_name == "张诗芳" and hits[0].at > hits[-1].at


def test_highlight_spans_point_at_the_words_in_the_text(shop):
    store, *_ = shop
    hit = search_notes(store, "太甜").hits[0]
    assert [hit.text[i : i + n] for i, n in hit.spans()] == ["太甜"]
    assert note_search.highlight_spans("Cake and ＣＡＫＥ", ("cake",)) == [(0, 4), (9, 4)]


def test_an_edited_note_is_found_by_its_new_words_only(shop):
    store, _, _, ids = shop
    notes.edit(store, ids[0], "换了新工作，午休来", now=T0 + timedelta(hours=2))
    assert search_notes(store, "搬家").hits == []
    assert ids_of(search_notes(store, "午休")) == [ids[0]]


def test_notes_of_deleted_members_are_forgotten(shop):
    store, _, wei, _ = shop
    member_edit.set_archived(store, [wei], True)
    member_edit.delete_archived(store, [wei])
    assert texts(search_notes(store, "太甜")) == ["说新品的芝士奶盖太甜了"]
    late = notes.add(store, shop[1], "又嫌太甜")  # a new note may take a freed number
    assert ids_of(search_notes(store, "太甜"))[0] == late.id
    assert search_notes(store, "排队").hits == []


@pytest.mark.parametrize(("query", "code"), [("，。！？", "no_words"), ("🎉", "no_words"),
                                             ("甜", "too_short"), ("a", "too_short"),
                                             ("", "no_words")])  # fmt: skip
def test_punctuation_and_one_character_are_refused(shop, query, code):
    with pytest.raises(SearchError) as caught:
        search_notes(shop[0], query)
    assert caught.value.code == code


def test_limit_keeps_the_newest(shop):
    store, _, _, ids = shop
    assert ids_of(search_notes(store, "zhangsf", limit=2)) == [ids[4], ids[2]]


def test_a_store_with_notes_is_indexed_when_upgraded(tmp_path):
    import sqlalchemy as sa

    from sqdesk.core import migrate
    from sqdesk.core.store import Store

    path = tmp_path / "old.sqdesk"
    engine = sa.create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0017")  # a store from before the search index
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO member (id, code, name, nickname, joined_on, gender, "
                             "region, source, wechat_id, consent_scope, remark, favourites, "
                             "archived, created_at, updated_at, mobile_foreign, birthday_lunar, "
                             "name_sort) VALUES (1, '1000028', '王芳', '', '2026-11-01', '', '', "
                             "'', '', '', '', '', 0, '2026-11-01 00:00:00', "
                             "'2026-11-01 00:00:00', 0, 0, '')"))  # fmt: skip
        conn.execute(sa.text("INSERT INTO note (member_id, at, kind, text, author, outcome) "
                             "VALUES (1, '2026-11-02 03:00:00', 'counter', '想要少冰', '', '')"))
    engine.dispose()
    with Store.open(path) as store:
        assert store.revision() == migrate.head_revision()
        assert texts(search_notes(store, "少冰")) == ["想要少冰"]


def test_cli_notes_search_prints_json_newest_first(shop, capsys):
    store = shop[0]
    code = cli.main(["--db", store.location, "notes", "search", "太甜", "--json"])
    rows = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [r["text"] for r in rows] == ["说新品的芝士奶盖太甜了", "嫌新品太甜，建议出少糖版"]
    assert set(rows[0]) == {"id", "member_code", "member_name", "at", "kind", "text"}
    assert rows[0]["member_name"] == "张诗芳"
    assert cli.main(["--db", store.location, "notes", "search", "zhangsf", "--json",
                     "--limit", "1"]) == 0  # fmt: skip
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_cli_refuses_a_one_character_search(shop, capsys):
    store = shop[0]
    assert cli.main(["--db", store.location, "notes", "search", "甜"]) == 1
    assert "2 characters" in capsys.readouterr().err


# Every way of finding the newest agrees: all matches sorted (a rare word, or many notes out
# of order), or the first page by number with the few out of order checked.
@pytest.mark.parametrize(("sparse", "out_of_order"), [(0, 2000), (10**9, 2000), (10**9, 0)])
def test_a_note_written_out_of_time_order_keeps_its_place(any_store, monkeypatch, sparse,
                                                           out_of_order):  # fmt: skip
    monkeypatch.setattr(note_search, "SPARSE", sparse)
    monkeypatch.setattr(note_search, "OUT_OF_ORDER", out_of_order)
    store = any_store
    member = create(store, MemberInput(name="王芳"))
    late = notes.add(store, member, "太甜了", at=T0 + timedelta(days=10))  # written first
    made = [notes.add(store, member, f"第{i}次：太甜", at=T0 + timedelta(days=i))
            for i in range(1, 5)]  # fmt: skip
    for i in range(3):
        notes.add(store, member, f"别的事 {i}", at=T0 + timedelta(days=20 + i))
    assert ids_of(search_notes(store, "太甜", limit=2)) == [late.id, made[3].id]
    assert ids_of(search_notes(store, "太甜", limit=10)) == [late.id] + [n.id for n in made[::-1]]


def test_a_name_that_fits_too_many_members_leaves_the_text_side(shop, monkeypatch):
    store = shop[0]
    zhang = create(store, MemberInput(name="张伟"))
    notes.add(store, zhang, "zhang 的笔记")
    assert len(search_notes(store, "zhang").hits) == 4  # 张诗芳's three and 张伟's one
    monkeypatch.setattr(note_search, "MAX_MEMBERS", 1)
    found = search_notes(store, "zhang")
    assert found.too_many_members and texts(found) == ["zhang 的笔记"]


def test_one_members_notes_only(shop):
    store, fang, wei, _ = shop
    assert texts(search_notes(store, "太甜", member_id=fang)) == ["说新品的芝士奶盖太甜了"]
    assert texts(search_notes(store, "太甜", member_id=wei)) == ["嫌新品太甜，建议出少糖版"]


def test_check_finds_a_note_missing_from_the_index_and_one_that_is_gone(shop):
    from sqlalchemy import text

    from sqdesk.core.check import run_checks

    store, _, _, ids = shop
    assert run_checks(store, file_checks=False) == []
    with store.engine.begin() as conn:
        postgresql = conn.dialect.name == "postgresql"
        if postgresql:  # index rows of notes that are gone cannot exist (a foreign key)
            conn.execute(text("DELETE FROM note_search WHERE note_id = :i"), {"i": ids[0]})
        else:
            conn.execute(text("INSERT INTO note_fts(note_fts, rowid, grams) VALUES "
                              "('delete', :i, :g)"),
                         {"i": ids[0], "g": " ".join(grams("搬家了，离店远🏠 以后周末才来"))})
            conn.execute(text("INSERT INTO note_fts(rowid, grams) VALUES (99999, 'xx')"))
    found = [str(p) for p in run_checks(store, file_checks=False)]
    assert found == [f"[note search index] note {ids[0]} is not in the search index"] + (
        [] if postgresql else
        ["[note search index] the search index holds 1 notes that no longer exist"])
