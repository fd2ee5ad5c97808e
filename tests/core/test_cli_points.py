import json
from datetime import date

from sqdesk import cli
from sqdesk.core import members, rewards
from sqdesk.core.member_edit import MemberInput, create
from sqdesk.core.store import Store


def run(capsys, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_visit_points_redeem_expire_contract(tmp_path, capsys):
    db = str(tmp_path / "p.sqdesk")
    with Store.open(db) as store:
        mid = create(store, MemberInput(name="张三", mobile="13800138000",
                                        joined_on=date(2026, 1, 5)))  # fmt: skip
        code = members.detail(store, mid).code
        rewards.add_reward(store, name="美式咖啡", cost=50, stock=1)
    c, out, _ = run(capsys, "--db", db, "visit", code, "--amount", "38.50", "--json")
    assert c == 0
    visit = json.loads(out)
    assert visit["points"] == 88 and visit["balance"] == 88
    assert [a["rule"] for a in visit["awards"]] == ["base", "first_visit"]
    c, out, _ = run(capsys, "--db", db, "visit", code, "--amount", "10", "--at",
                    "2026-11-08T10:00")  # fmt: skip
    assert c == 0 and "member day" in out
    assert run(capsys, "--db", db, "redeem", code, "美式咖啡")[0] == 0
    c, _, err = run(capsys, "--db", db, "redeem", code, "美式咖啡")
    assert c == 1 and "out of stock" in err
    c, out, _ = run(capsys, "--db", db, "points", code, "--json")
    data = json.loads(out)
    assert data["code"] == code and data["balance"] == 88 + 20 - 50
    assert data["entries"][0]["kind"] == "redeem" and data["entries"][0]["balance"] == 58
    assert sum(e["amount"] for e in data["entries"]) == data["balance"]
    assert run(capsys, "--db", db, "expire")[0] == 0
    assert run(capsys, "--db", db, "check")[0] == 0


def test_cli_points_errors(tmp_path, capsys):
    db = str(tmp_path / "e.sqdesk")
    Store.open(db).close()
    assert run(capsys, "--db", db, "visit", "1000002", "--amount", "5")[0] == 1
    assert run(capsys, "--db", db, "points", "1000002")[0] == 1
    with Store.open(db) as store:
        code = members.detail(store, create(store, MemberInput(name="李四"))).code
    assert run(capsys, "--db", db, "visit", code, "--amount", "-5")[0] == 2
    assert run(capsys, "--db", db, "visit", code, "--amount", "五块")[0] == 2
    assert run(capsys, "--db", db, "redeem", code, "不存在")[0] == 1
