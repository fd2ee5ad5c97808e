import csv
import json
from datetime import date
from pathlib import Path
from unittest.mock import patch

import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sqdesk import cli
from sqdesk.core import member_import, members, sheets
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.member_export import export_members
from sqdesk.core.members import SortKey
from sqdesk.core.sheets import SheetError, read_rows

TODAY = date(2026, 11, 25)


def write_xlsx(path: Path, rows, *, title: str | None = None) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    first = 0
    if title:
        sheet.merge_range(0, 0, 0, max(len(rows[0]) - 1, 1), title)
        first = 1
    for r, row in enumerate(rows, start=first):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.close()
    return path


def write_csv(path: Path, rows, encoding="utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def plan_for(store, path):
    return member_import.prepare(store, path, today=TODAY)


def bad(plan):
    return {(r.row, p.field, p.code) for r in plan.bad_rows for p in r.problems}


def test_messy_sheet_with_title_row_and_chinese_headers(store, tmp_path):
    path = write_xlsx(tmp_path / "会员.xlsx", [
        ["会员姓名*", "手机号码（必填）", "出生日期", "性别", "群昵称", "注册时间", "备注"],
        ["张三", 13800138000.0, "1990/1/2", "男", "阿三", "2024-05-06 14:22:10", ""],
        ["李四", "139 0013 9000", "1990年2月30日", "女", None, None, None],
        ["   ", "13700137000", None, None, None, None, None],
        ["王五", "1380013800", None, None, None, None, None],
        ["赵六", "13800138000", None, None, None, None, None],
        ["Lily🌸", "+86 186-0000-1111", 33000, "female", "「阿丽」～", None, None],
        ["张" * 200, "13500135000", None, None, None, None, None],
        ["钱七", "１３６００１３６０００", "19900102", "先生", None, None, "不要冰，少糖"],
        ["孙八", "13300133000", "1999.12.31", "", None, 45000, None],
    ], title="会员名单 2026")  # fmt: skip
    plan = plan_for(store, path)
    assert plan.table.header_row == 2
    assert set(plan.mapping.values()) == {"name", "mobile", "birthday", "gender", "nickname",
                                          "joined_on", "remark"}  # fmt: skip
    assert bad(plan) == {
        (4, "birthday", "unreadable"),  # 1990-02-30
        (5, "name", "name_missing"),  # only spaces
        (6, "mobile", "mobile_invalid"),  # 10 digits
        (7, "mobile", "duplicate_in_file"),  # same mobile as row 3
        (9, "name", "too_long"),
    }
    assert plan.new_count == 4 and plan.update_count == 0
    with pytest.raises(member_import.ImportRejected):
        member_import.commit(store, plan)
    assert store.info().counts["member"] == 0  # nothing half-written
    assert member_import.commit(store, plan, skip_invalid=True, today=TODAY) == (4, 0)
    by_name = {
        members.detail(store, i).name: members.detail(store, i) for i in members.ordered_ids(store)
    }
    assert by_name["张三"].mobile == "13800138000" and by_name["张三"].birthday == date(1990, 1, 2)
    assert by_name["张三"].joined_on == date(2024, 5, 6) and by_name["张三"].gender == "M"
    assert by_name["Lily🌸"].birthday == date(1990, 5, 7)  # Excel serial
    assert by_name["Lily🌸"].nickname == "「阿丽」～"
    assert by_name["钱七"].mobile == "13600136000" and by_name["钱七"].remark == "不要冰，少糖"
    assert by_name["孙八"].joined_on == date(2023, 3, 15)  # Excel serial as a number cell
    assert by_name["孙八"].source == "导入"
    # Searchable at once.
    assert members.ordered_ids(store, search_text="qianqi")


def test_reimporting_a_corrected_file_updates_instead_of_duplicating(store, tmp_path):
    first = write_csv(tmp_path / "a.csv", [["姓名", "手机"], ["张三", "13800138000"],
                                           ["李四", "13900139000"]])  # fmt: skip
    member_import.commit(store, plan_for(store, first), today=TODAY)
    fixed = write_csv(tmp_path / "b.csv", [["姓名", "手机", "生日"],
                                           ["张三丰", "13800138000", "1990-01-02"],
                                           ["王五", "13700137000", ""]])  # fmt: skip
    plan = plan_for(store, fixed)
    assert (plan.new_count, plan.update_count) == (1, 1)
    assert member_import.commit(store, plan, today=TODAY) == (1, 1)
    assert store.info().counts["member"] == 3
    mid = members.ordered_ids(store, search_text="13800138000")[0]
    d = members.detail(store, mid)
    assert d.name == "张三丰" and d.birthday == date(1990, 1, 2)
    assert members.ordered_ids(store, search_text="zhangsanfeng") == [mid]
    assert members.ordered_ids(store, search_text="张三丰") == [mid]
    # An empty cell never erases what the store knows.
    again = write_csv(tmp_path / "c.csv", [["姓名", "手机", "生日"], ["张三丰", "13800138000", ""]])
    member_import.commit(store, plan_for(store, again), today=TODAY)
    assert members.detail(store, mid).birthday == date(1990, 1, 2)


def test_existing_member_mobile_in_the_store_is_matched_not_refused(store, tmp_path):
    create(store, MemberInput(name="老会员", mobile="13800138000", remark="VIP", joined_on=TODAY))
    path = write_csv(tmp_path / "x.csv", [["name", "mobile", "nickname"],
                                          ["", "138-0013-8000", "老王"]])  # fmt: skip
    plan = plan_for(store, path)
    assert plan.update_count == 1 and not plan.bad_rows
    member_import.commit(store, plan)
    (mid,) = members.ordered_ids(store)
    d = members.detail(store, mid)
    assert (d.name, d.nickname, d.remark) == ("老会员", "老王", "VIP")


def test_gbk_csv_with_english_headers(store, tmp_path):
    path = write_csv(tmp_path / "gbk.csv", [["Name", "Phone", "Birthday", "Gender"],
                                            ["欧阳娜娜", "18600009999", "2000/2/29", "F"]],
                     encoding="gbk")  # fmt: skip
    plan = plan_for(store, path)
    assert not plan.bad_rows
    member_import.commit(store, plan)
    assert members.ordered_ids(store, search_text="ouyang")


def test_user_mapping_overrides_headers(store, tmp_path):
    path = write_csv(tmp_path / "m.csv", [["客户", "号码"], ["张三", "13800138000"]])
    with pytest.raises(SheetError):  # no header it knows
        plan_for(store, path)
    table = member_import.sheets.find_table(read_rows(path), lambda h: False, header_row=1)
    plan = member_import.prepare(store, path, table=table, mapping={0: "name", 1: "mobile"})
    assert plan.new_count == 1


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (b"", "empty.csv", "empty"),
        (b"\n\n", "blank.csv", "empty"),
        ("姓名,手机\n".encode(), "header_only.csv", "no_data"),
        (b"a,b\n1,2\n", "unknown.csv", "no_header"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.csv", "encoding"),
        (b"PK\x03\x04 this is not really a zip", "fake.xlsx", "not_a_spreadsheet"),
        (b"%PDF-1.4 not a sheet", "report.pdf", "unsupported"),
    ],
)
def test_files_that_are_not_member_sheets(store, tmp_path, content, name, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SheetError) as err:
        plan_for(store, path)
    assert err.value.code == code
    assert store.info().counts["member"] == 0


def test_header_only_xlsx(store, tmp_path):
    path = write_xlsx(tmp_path / "h.xlsx", [["姓名", "手机号"]])
    with pytest.raises(SheetError) as err:
        plan_for(store, path)
    assert err.value.code == "no_data"


def test_export_round_trip_keeps_mobiles_as_text(store, tmp_path):
    for name, mobile in [("张三", "13800138000"), ("Lily🌸", "18600001111")]:
        create(
            store, MemberInput(name=name, mobile=mobile, birthday=date(1990, 1, 2), joined_on=TODAY)
        )
    ids = members.ordered_ids(store)
    cols = [(SortKey.NAME, "姓名"), (SortKey.MOBILE, "手机号"), (SortKey.BIRTHDAY, "生日")]
    xlsx = tmp_path / "out.xlsx"
    csv_path = tmp_path / "out.csv"
    assert export_members(store, xlsx, member_ids=ids, columns=cols) == 2
    assert export_members(store, csv_path, member_ids=ids, columns=cols) == 2
    rows = read_rows(xlsx)
    assert rows[0] == ["姓名", "手机号", "生日"]
    assert {tuple(r) for r in rows[1:]} == {("张三", "13800138000", "1990-01-02"),
                                            ("Lily🌸", "18600001111", "1990-01-02")}  # fmt: skip
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM for Excel
    assert "13800138000" in raw.decode("utf-8-sig")
    # A re-import of the export changes nothing and adds nobody.
    plan = plan_for(store, xlsx)
    assert (plan.new_count, plan.update_count, len(plan.bad_rows)) == (0, 2, 0)
    assert not list(tmp_path.glob("*.part"))


def test_export_cells_gender_tags_and_empty_cells(store, tmp_path):
    from sqdesk.core import tags
    from sqdesk.core.member_export import TAGS

    a = create(store, MemberInput(name="王芳", gender="F", remark="", joined_on=TODAY))
    b = create(store, MemberInput(name="Tom", nickname="汤姆😀", gender="M", remark="少糖，去冰",
                                  joined_on=TODAY))  # fmt: skip
    c = create(store, MemberInput(name="李娜", joined_on=TODAY))
    tea = tags.create_tag(store, tags.create_group(store, "口味"), "爱喝茶🍵")
    tags.add_tag(store, [a, b], tea)
    cols = [
        (SortKey.NAME, "姓名"),
        (SortKey.NICKNAME, "群昵称"),
        (TAGS, "标签"),
        (SortKey.GENDER, "性别"),
        (SortKey.JOINED, "入会日期"),
        (SortKey.REMARK, "备注"),
    ]
    want = [["姓名", "群昵称", "标签", "性别", "入会日期", "备注"],
            ["王芳", "", "爱喝茶🍵", "女", TODAY.isoformat(), ""],
            ["Tom", "汤姆😀", "爱喝茶🍵", "男", TODAY.isoformat(), "少糖，去冰"],
            ["李娜", "", "", "", TODAY.isoformat(), ""]]  # fmt: skip
    for name in ("m.xlsx", "m.csv"):
        export_members(store, tmp_path / name, member_ids=[a, b, c], columns=cols)
        assert read_rows(tmp_path / name) == want, name


def test_cli_import_contract(tmp_path, capsys):
    db = str(tmp_path / "cli.sqdesk")
    sheet = write_csv(tmp_path / "in.csv", [["姓名", "手机号"], ["张三", "13800138000"],
                                            ["李四", "12345"]])  # fmt: skip
    assert cli.main(["--db", db, "import", str(sheet), "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["imported"] is False and out["added"] == 0
    assert out["problems"] == [{"row": 3, "field": "mobile",
                                "message": "has 5 digits; a mainland mobile has 11"}]  # fmt: skip
    assert cli.main(["--db", db, "import", str(sheet), "--skip-invalid", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["imported"], out["added"], out["skipped"]) == (True, 1, 1)
    assert cli.main(["--db", db, "search", "zs", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found[0]["name"] == "张三" and found[0]["code"]
    assert cli.main(["--db", db, "export", str(tmp_path / "o.xlsx")]) == 0
    assert cli.main(["--db", db, "export", str(tmp_path / "o.txt")]) == 2
    nothing = tmp_path / "nothing.xlsx"
    nothing.write_text("not a workbook")
    assert cli.main(["--db", db, "import", str(nothing)]) == 1
    assert "cannot be read" in capsys.readouterr().err


def test_two_row_header_with_merged_cells(store, tmp_path):
    path = tmp_path / "merged.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.merge_range("A1:A2", "姓名")
    sheet.merge_range("B1:C1", "联系方式")
    sheet.write_row(1, 1, ["手机", "微信"])
    sheet.write_row(2, 0, ["张三", "13800138000", "zs_wx"])
    book.close()
    plan = plan_for(store, path)
    assert plan.mapping == {0: "name", 1: "mobile", 2: "wechat_id"}
    assert plan.new_count == 1 and plan.results[0].row == 3


def test_points_column_becomes_an_opening_balance_once(store, tmp_path):
    from sqdesk.core import points_view
    from sqdesk.core.check import run_checks

    create(store, MemberInput(name="老会员", mobile="13900139000", joined_on=TODAY))
    path = write_csv(tmp_path / "points.csv", [
        ["姓名", "手机号", "可用积分"],
        ["张三", "13800138000", "1,280"],
        ["老会员", "13900139000", "300"],
        ["李四", "13700137000", ""],
        ["王五", "13600136000", "-5"],
    ])  # fmt: skip
    plan = plan_for(store, path)
    assert bad(plan) == {(5, "points", "unreadable")}
    assert member_import.commit(store, plan, skip_invalid=True) == (2, 1)
    again = plan_for(store, path)
    member_import.commit(store, again, skip_invalid=True)  # the same sheet again
    by_name = {}
    for mid in members.ordered_ids(store):
        s = points_view.summary(store, mid)
        by_name[s.name] = (s.balance, [e.source for e in s.entries])
    assert by_name["张三"] == (1280, ["opening"])
    assert by_name["老会员"] == (300, ["opening"])
    assert by_name["李四"] == (0, [])
    assert run_checks(store) == []


def test_an_update_is_judged_on_what_the_file_changes(store, tmp_path):
    from datetime import timedelta

    # joined "tomorrow" by another PC's clock: the file does not touch the join date
    create(store, MemberInput(name="老会员", mobile="13800138000",
                              joined_on=TODAY + timedelta(days=1)))  # fmt: skip
    path = write_csv(tmp_path / "u.csv", [["手机", "群昵称"], ["13800138000", "老王🍵"]])
    plan = plan_for(store, path)
    assert plan.update_count == 1 and not [r for r in plan.results if r.problems]


def test_favourites_column_is_imported_and_kept_when_a_file_lacks_it(store, tmp_path):
    rows = [["姓名", "手机", "最爱"], ["王芳", "13800138000", "桂花乌龙、燕麦拿铁🥛"]]
    first = write_csv(tmp_path / "a.csv", rows)
    member_import.commit(store, plan_for(store, first), today=TODAY)
    mid = members.ordered_ids(store, search_text="13800138000")[0]
    assert members.detail(store, mid).favourites == "桂花乌龙、燕麦拿铁🥛"
    # A later file without the column updates the member and leaves the favourites.
    again = write_csv(
        tmp_path / "b.csv", [["姓名", "手机", "地区"], ["王芳", "13800138000", "天河"]]
    )
    member_import.commit(store, plan_for(store, again), today=TODAY)
    d = members.detail(store, mid)
    assert (d.region, d.favourites) == ("天河", "桂花乌龙、燕麦拿铁🥛")


# --- the column-wise fast path gives the plan the row-by-row checks give --------------------

_HEADERS = ["姓名", "手机", "生日", "性别", "群昵称", "注册时间", "微信", "农历", "积分", "备注",
            "地区", "来源", "最爱"]  # fmt: skip
# Per column: values a plain row holds, then values that are wrong or need a second look.
_CELLS = [
    (["张三", "  李 四 ", "", "Lily🌸", "王\u3000五", "ｆｕｌｌ", None, 12.0],
     ["张" * 51, "a\x01b"]),
    (["", "13900139000", "139 0013 9000", "+86 186-0000-1111", "１３６００１３６０００",
      13700137000.0, None], ["13800138000", "1380013800", "abc", "12345678901"]),
    (["", "1990/1/2", 33000, "19900102", None, 45000.0],
     ["1990年2月30日", "1899-01-01", "2030-01-01", True, "soon"]),
    (["", "男", "female", "未知", None], ["x", 1]),
    (["", "阿三", " 「阿丽」～ ", "😀"], ["n" * 51, "\x7f"]),
    (["", "2024-05-06 14:22:10", "1980-01-01", None], ["2027-01-01", "1989-12-31"]),
    (["", "wx new", "wx_young", None], ["wx_old", "w\x02"]),
    (["", "是", "否", 1, None], ["maybe"]),
    (["", "1,280", 100.0, None], ["-5", "1.5", "abc"]),
    (["", "不要冰\n少糖", None], ["r" * 2001]),
    (["", "广州·荔湾"], ["r" * 101]),
    (["", "朋友圈"], ["s\x03"]),
    (["", "桂花乌龙"], ["f" * 201]),
]  # fmt: skip
# A row is all plain about half the time, so both paths are walked in most examples.
_ROW = st.tuples(*(st.sampled_from(plain * 20 + odd) for plain, odd in _CELLS))


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.lists(_ROW, max_size=25))
def test_fast_path_plans_as_the_row_checks_do(store, rows):
    if not members.ordered_ids(store):
        create(store, MemberInput(name="老会员", mobile="13800138000"))
        create(store, MemberInput(name="微信老会员", wechat_id="wx_old"))
    table = sheets.Table(header_row=1, headers=_HEADERS,
                         rows=[(i, list(r)) for i, r in enumerate(rows, start=2)])  # fmt: skip
    fast = member_import.prepare(store, Path("x.csv"), table=table, today=TODAY)
    with patch.object(member_import._Screen, "result", lambda *a: None):
        slow = member_import.prepare(store, Path("x.csv"), table=table, today=TODAY)
    assert fast.results == slow.results


def test_fast_path_takes_the_plain_rows(store, tmp_path, monkeypatch):
    """The equality above would hold with no fast path at all: this one says it is used."""
    calls = []
    real = member_import._check_row
    monkeypatch.setattr(member_import, "_check_row", lambda *a: calls.append(a) or real(*a))
    rows = [["姓名", "手机"], ["张三", "13900139000"], ["李四", "1390013900"], ["王五", ""]]
    plan = plan_for(store, write_csv(tmp_path / "m.csv", rows))
    assert [r.row for r in plan.good_rows] == [2, 4]
    assert [a[1] for a in calls] == [3]  # only the bad row went row by row
