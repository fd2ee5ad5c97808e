"""Notes at the demo's scale (about five per member): capture, a timeline of 2,000 events,
note search by query length, the losing-touch queue and the follow-ups due today, each
beside the best possible read in raw sqlite3 and, where there is one, the naive peer."""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from datetime import UTC, datetime, timedelta

from sqdesk.core import contacts, note_search, notes, timeline
from sqdesk.core.models import EPOCH, MICROSECOND
from sqdesk.core.store import Store

# Words the demo's notes hold (and a few they do not), by length: what a manager looks for.
QUERIES = {
    2: ["太甜", "积分", "搬家", "少糖", "排队", "奶盖", "番禺", "过敏", "生日", "发票", "涨价",
        "外卖"],
    3: ["太甜了", "芝士奶", "会员日", "杨枝甘", "少糖版", "换杯子", "离店远", "蛋糕店", "没时间",
        "不在这"],
    4: ["芝士奶盖", "杨枝甘露", "排队太久", "会员日是", "芒果过敏", "下次要少", "积分没到",
        "搬到番禺", "新品很好", "大杯装的"],
}  # fmt: skip
TIMELINE_EVENTS = 2_000
FIRST_SCREEN = 50


def _stored(at: datetime) -> int:
    """A time as sqdesk stores it in SQLite (what UTCDateTime writes)."""
    return (at.astimezone(UTC) - EPOCH) // MICROSECOND


def _ms(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def bench_notes(store: Store, raw: sqlite3.Connection, result) -> list:
    """`result(name, unit, ours, raw, must, aim, note)` makes a row of the suite's table."""
    out = []
    count = raw.execute("SELECT count(*) FROM note").fetchone()[0]
    rng = random.Random(14)
    member_ids = [r[0] for r in raw.execute("SELECT id FROM member WHERE archived = 0")]

    # Capture: one note, as the window saves it (the note and its search index, committed).
    ours = [_ms(lambda: notes.add(store, rng.choice(member_ids), "说新品太甜了，下次要少糖🍵",
                                  kind="counter")) for _ in range(100)]  # fmt: skip
    theirs = []
    for _ in range(100):
        def raw_add() -> None:
            cur = raw.execute("INSERT INTO note (member_id, at, kind, text, author, outcome, "
                              "reason) VALUES (?, ?, 'counter', ?, '', '', '')",
                              (rng.choice(member_ids), _stored(datetime.now(UTC)),
                               "说新品太甜了，下次要少糖🍵"))  # fmt: skip
            raw.execute("INSERT INTO note_fts(rowid, grams) VALUES (?, ?)",
                        (cur.lastrowid, " ".join(note_search.grams("说新品太甜了，下次要少糖🍵"))))
            raw.commit()

        theirs.append(_ms(raw_add))
    out.append(result("capture a note (median; p95 in the note)", "ms",
                      statistics.median(ours), statistics.median(theirs), 20, 5,
                      f"p95 {_p95(ours):.1f} ms"))  # fmt: skip

    # A timeline of 2,000 events: the busiest member, topped up with notes.
    busiest = raw.execute("SELECT member_id FROM visit GROUP BY member_id "
                          "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]  # fmt: skip
    have = sum(raw.execute(f"SELECT count(*) FROM {t} WHERE member_id = ?", (busiest,))
               .fetchone()[0] for t in ("visit", "ledger_entry", "note"))  # fmt: skip
    start = datetime.now(UTC) - timedelta(days=700)
    rows = [(busiest, _stored(start + timedelta(hours=8 * i)), f"第{i}次聊天")
            for i in range(max(0, TIMELINE_EVENTS - have))]  # fmt: skip
    for member_id, at, text in rows:
        cur = raw.execute("INSERT INTO note (member_id, at, kind, text, author, outcome, "
                          "reason) VALUES (?, ?, 'counter', ?, '', '', '')",
                          (member_id, at, text))  # fmt: skip
        raw.execute("INSERT INTO note_fts(rowid, grams) VALUES (?, ?)",
                    (cur.lastrowid, " ".join(note_search.grams(text))))
    raw.commit()
    ours = [_ms(lambda: timeline.events(store, busiest, limit=FIRST_SCREEN)) for _ in range(10)]
    union = ("SELECT at, 'note' FROM (SELECT at FROM note WHERE member_id = :m ORDER BY at DESC "
             "LIMIT :n) UNION ALL SELECT at, 'visit' FROM (SELECT at FROM visit WHERE "
             "member_id = :m ORDER BY at DESC LIMIT :n) UNION ALL SELECT at, 'ledger' FROM "
             "(SELECT at FROM ledger_entry WHERE member_id = :m ORDER BY at DESC LIMIT :n) "
             "ORDER BY 1 DESC LIMIT :n")  # fmt: skip
    theirs = [_ms(lambda: raw.execute(union, {"m": busiest, "n": FIRST_SCREEN}).fetchall())
              for _ in range(10)]  # fmt: skip
    total = have + len(rows)
    out.append(result(f"timeline first screen ({total:,} events)", "ms",
                      statistics.median(ours), statistics.median(theirs), 100, 30,
                      "notes, visits and ledger only in raw sqlite3"))  # fmt: skip

    # Search by query length: p50 and p95 over realistic words, each typed three times.
    for length, words in QUERIES.items():
        ours = [_ms(lambda w=w: note_search.search_notes(store, w)) for w in words * 3]
        best = [_ms(lambda w=w: raw.execute(
            "SELECT n.id, n.at FROM note n WHERE n.id IN (SELECT rowid FROM note_fts WHERE "
            "note_fts MATCH ? ORDER BY rowid DESC LIMIT 50)",
            ('"' + " ".join(note_search._pairs(w)) + '"',)).fetchall()) for w in words * 3]
        naive = [_ms(lambda w=w: raw.execute(
            "SELECT id FROM note WHERE text LIKE ? ORDER BY at DESC LIMIT 50",
            (f"%{w}%",)).fetchall()) for w in words]  # fmt: skip
        out.append(result(f"note search, {length}-character words, p95 ({count:,} notes)", "ms",
                          _p95(ours), _p95(best), 50, 16,
                          f"p50 {statistics.median(ours):.1f} ms; naive peer (LIKE over the "
                          f"notes newest first, until 50 match): p50 "
                          f"{statistics.median(naive):,.1f} ms, "
                          f"p95 {_p95(naive):,.0f} ms"))  # fmt: skip

    # The losing-touch queue, as Today counts it, as the dialog lists it, and all of it.
    contacts.losing_touch(store, limit=1)  # member_stats made current first
    counted = [_ms(lambda: contacts.count_losing_touch(store)) for _ in range(3)]
    first = [_ms(lambda: contacts.losing_touch(store, limit=200)) for _ in range(3)]
    queue: list = []
    whole = [_ms(lambda: queue.append(len(contacts.losing_touch(store)))) for _ in range(3)]
    naive_sql = (
        "SELECT m.id FROM member m WHERE m.archived = 0 AND m.joined_on <= :day "
        "AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.member_id = m.id AND v.voided = 0 "
        "AND v.at >= :since) AND NOT EXISTS (SELECT 1 FROM note n WHERE n.member_id = m.id "
        "AND n.at >= :since) AND NOT EXISTS (SELECT 1 FROM attendance a WHERE "
        "a.member_id = m.id AND a.occurrence_date > :day) AND NOT EXISTS (SELECT 1 FROM "
        "post_copy p WHERE p.rendered_for = 'member:' || m.id AND p.copied_at >= :since)")
    day = (datetime.now().date() - timedelta(days=90))
    params = {"day": day.isoformat(), "since": _stored(datetime.combine(
        day + timedelta(days=1), datetime.min.time()).astimezone(UTC))}
    naive = [_ms(lambda: raw.execute(naive_sql, params).fetchall()) for _ in range(2)]
    # The best possible: the rows of the whole queue read from the latest contacts kept per
    # member, in raw sqlite3 (one window for everyone, no layers, no datetimes made).
    best_sql = (
        "SELECT m.id, m.code, m.name, m.nickname, lc.at FROM member m "
        "LEFT JOIN member_stats ms ON ms.member_id = m.id "
        "LEFT JOIN last_contact lc ON lc.member_id = m.id "
        "WHERE m.archived = 0 AND m.joined_on <= :day AND (lc.at IS NULL OR lc.at < :since) "
        "ORDER BY coalesce(ms.spend_365, 0) DESC, m.id")
    best = [_ms(lambda: raw.execute(best_sql, params).fetchall()) for _ in range(3)]
    note = (f"{queue[-1]:,} in the queue; Today's count {statistics.median(counted):.0f} ms, "
            f"the dialog's first 200 {statistics.median(first):.0f} ms; naive peer (NOT EXISTS "
            f"over visits, notes, attendance, posts; one window): "
            f"{statistics.median(naive):,.0f} ms")
    out.append(result("losing-touch queue, whole (CLI)", "ms", statistics.median(whole),
                      statistics.median(best), 300, 100, note, floor=True))  # fmt: skip

    # Follow-ups due today: the open ones only, by the (done, due) index.
    ours = [_ms(lambda: notes.follow_ups_due(store)) for _ in range(5)]
    end = _stored(datetime.combine(datetime.now().date() + timedelta(days=1),
                                   datetime.min.time()))  # fmt: skip
    theirs = [_ms(lambda: raw.execute(
        "SELECT n.*, m.code, m.name FROM note n JOIN member m ON m.id = n.member_id WHERE "
        "n.follow_up_done_at IS NULL AND n.follow_up_at IS NOT NULL AND n.follow_up_at < ? "
        "ORDER BY n.follow_up_at", (end,)).fetchall()) for _ in range(5)]  # fmt: skip
    due = len(notes.follow_ups_due(store))
    out.append(result(f"follow-ups due today ({due:,})", "ms", statistics.median(ours),
                      statistics.median(theirs), 100, 16))  # fmt: skip
    return out
