"""1,000 member cards to a PDF (A4 sheets of ten), beside the time segno alone needs to make
the same 1,000 codes: the painting's own cost is the difference."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import segno

from sqdesk.core import cards
from sqdesk.core.store import Store

COUNT = 1_000


def bench_cards(store: Store, result) -> list:
    from PySide6.QtGui import QGuiApplication

    from sqdesk.printing.cards import CardDocument
    from sqdesk.printing.page import write_pdf

    app = QGuiApplication.instance() or QGuiApplication(["bench"])  # noqa: F841
    ids = cards.select_members(store, not_printed=True)[:COUNT]
    shop = cards.shop(store)
    out = Path(tempfile.mkdtemp(prefix="sqdesk-cards-")) / "cards.pdf"
    t = time.perf_counter()
    made = cards.for_members(store, ids, show=shop.show)
    pages = write_pdf(CardDocument(made, shop, "a4-10"), out)
    ours = time.perf_counter() - t
    t = time.perf_counter()
    for c in made:
        segno.make(c.code, error="m", micro=False).matrix  # noqa: B018
    codes_only = time.perf_counter() - t
    size = out.stat().st_size / 1e6
    return [result(f"{len(made):,} member cards to PDF ({pages} A4 pages, {size:.1f} MB)", "s",
                   ours, codes_only, 15, 5, "raw column: segno alone making the 1,000 codes")]
