"""Run the same work from several PCs at once (threads, each with its own transactions)."""

from __future__ import annotations

import threading
from collections.abc import Callable


def on_pcs_at_once(work: Callable[[str], None], pcs: tuple[str, ...] = ("收银台", "吧台", "手机")
                   ) -> list[BaseException]:  # fmt: skip
    """Start `work(pc)` for every PC together, wait for all; what any of them raised."""
    errors: list[BaseException] = []
    start = threading.Barrier(len(pcs))

    def run(pc: str) -> None:
        start.wait()
        try:
            work(pc)
        except BaseException as exc:  # reported by the caller's assertion
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(pc,)) for pc in pcs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors
