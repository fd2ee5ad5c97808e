from sqlalchemy import text

from sqdesk.core.check import check_location, run_checks


def test_a_sound_store_passes(demo_store):
    assert run_checks(demo_store) == []


def test_broken_invariants_are_each_reported(demo_store):
    with demo_store.session() as s:
        s.execute(text("UPDATE member SET code = '1000003' WHERE id = 1"))
        s.execute(text("UPDATE member SET mobile = '12345678901' WHERE id = 2"))
        s.execute(text("UPDATE member SET referrer_id = id WHERE id = 3"))
        s.execute(text("DELETE FROM contact_day WHERE day = (SELECT max(day) FROM contact_day)"
                       " AND kind = 1"))  # the latest day's visitors  # fmt: skip
    found = {p.check: p.detail for p in run_checks(demo_store)}
    assert "are missing" in found["days with a contact"]
    assert "member 1" in found["member codes"]
    assert "member 2" in found["member mobiles"]
    assert "member 3" in found["member referrers"]


def test_a_corrupted_file_fails(demo_store):
    path = demo_store.path
    demo_store.close()  # the last connection to close folds the WAL into the file
    data = bytearray(path.read_bytes())
    page = 4096
    # Scribble over the middle pages (table and index b-trees), keeping the header intact.
    for offset in range(2 * page, len(data) - page, 3 * page):
        data[offset : offset + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    problems = check_location(path)
    assert problems, "a damaged file passed the check"
    assert problems[0].check in ("integrity_check", "open")


def test_a_missing_store_is_a_problem_not_a_crash(tmp_path):
    problems = check_location(tmp_path / "missing.sqdesk")
    assert [p.check for p in problems] == ["open"]
