"""What long work gets from its caller: a progress channel and a way to be stopped.

The UI runs such work off the main thread and passes `progress` and `should_stop`; the CLI
and tests pass nothing. Work that is stopped raises Cancelled inside its transaction, so
nothing it did is committed.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]  # (done, total)
ShouldStop = Callable[[], bool]


class Cancelled(Exception):
    """The user stopped the work; everything it had done was rolled back."""


def no_progress(_done: int, _total: int) -> None:
    return None


def never_stop() -> bool:
    return False
