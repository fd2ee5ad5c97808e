import json
from datetime import date

from sqdesk import cli
from sqdesk.core import activities, groups, ledger
from sqdesk.core.activities import ActivityInput
from sqdesk.core.demo import fill_demo_store
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.store import Store


def run(capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_post_list_and_render(tmp_path, capsys):
    db = str(tmp_path / "p.sqdesk")
    today = date.today()
    with Store.open(db) as store:
        fill_demo_store(store, members=60, seed=2, points=True)  # levels, groups, visits
        mid = create(store, MemberInput(name="阿珍", nickname="珍珍🍵"))
        ledger.record_visit(store, mid, amount_cents=3800)
        aid = activities.create(store, ActivityInput("圣诞茶话会🎄", today, 19 * 60, points=20,
                                                     place="门店"))  # fmt: skip
        activities.record_attendance(store, aid, today, [mid])
        group = groups.list_groups(store)[0].name
    from sqdesk.core import members

    with Store.open(db) as store:
        code = members.detail(store, mid).code
    code_, out, _ = run(capsys, "--db", db, "post", "list", "--json")
    listed = json.loads(out)
    assert code_ == 0 and len(listed) >= 15 and {"name", "category", "audience"} <= set(listed[0])
    code_, out, _ = run(capsys, "--db", db, "post", "render", "年度会员报告", "--member", code)
    assert code_ == 0 and out.startswith("📖 珍珍🍵的年度茶语报告") and "¥38" in out
    code_, out, _ = run(capsys, "--db", db, "post", "render", "升级祝贺", "--member", code)
    assert code_ == 0 and "None" not in out
    code_, out, _ = run(capsys, "--db", db, "post", "render", "活动回顾（感谢参与）",
                        "--activity", str(aid), "--date", today.isoformat())  # fmt: skip
    assert "感谢 1 位朋友参加「圣诞茶话会🎄」" in out and "珍珍🍵" in out
    code_, out, _ = run(capsys, "--db", db, "post", "render", "新人进群欢迎", "--group", group)
    assert group in out
    code_, _, err = run(capsys, "--db", db, "post", "render", "没有这个模板")
    assert code_ == 1 and "no template" in err
    code_, _, err = run(capsys, "--db", db, "post", "render", "早报", "--member", "1234567")
    assert code_ == 1
