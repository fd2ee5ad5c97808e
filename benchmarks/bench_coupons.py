"""Coupons at scale: handing a coupon to a 20,000-member segment in one transaction, and
what Record Visit reads when a member is chosen (their valid coupons) or a coupon is
scanned, each beside the indexed read in raw sqlite3."""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from datetime import date

from sqdesk.core import coupons
from sqdesk.core.store import Store

SEGMENT = 20_000


def _ms(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def bench_coupons(store: Store, raw: sqlite3.Connection, result) -> list:
    ids = [r[0] for r in raw.execute("SELECT id FROM member WHERE archived = 0 "
                                     "ORDER BY id DESC LIMIT ?", (SEGMENT,))]  # fmt: skip
    t, _ = coupons.add_type(store, "基准测试 满30减5", "amount_off", 500, min_spend_cents=3000)
    ms = _ms(lambda: coupons.issue_many(store, ids, t.id, source="bench"))
    out = [result(f"hand a coupon to {len(ids):,} members (one transaction)", "ms", ms, None,
                  None, None, "those holding one already would be skipped")]  # fmt: skip
    rng = random.Random(16)
    sample = rng.sample(ids, 200)
    today = date.today().isoformat()
    ours = [_ms(lambda m=m: coupons.for_member(store, m, only_valid=True)) for m in sample]
    theirs = [_ms(lambda m=m: raw.execute(
        "SELECT c.*, t.name FROM coupon c JOIN coupon_type t ON t.id = c.type_id WHERE "
        "c.member_id = ? AND c.used_at IS NULL AND c.expires_on >= ? ORDER BY c.expires_on",
        (m, today)).fetchall()) for m in sample]  # fmt: skip
    out.append(result("Record Visit: a member's valid coupons (median)", "ms",
                      statistics.median(ours), statistics.median(theirs), 100, 16))  # fmt: skip
    scanned = [r[0] for r in raw.execute("SELECT code FROM coupon WHERE source = 'bench' "
                                         "LIMIT 200")]  # fmt: skip
    ours = [_ms(lambda c=c: coupons.by_code(store, c)) for c in scanned]
    theirs = [_ms(lambda c=c: raw.execute("SELECT * FROM coupon WHERE code = ?",
                                          (c,)).fetchall()) for c in scanned]  # fmt: skip
    out.append(result("Record Visit: a scanned coupon's code (median)", "ms",
                      statistics.median(ours), statistics.median(theirs), 100, 16))  # fmt: skip
    return out
