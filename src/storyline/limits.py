"""Per-page time limits: a hostile page ends as a recorded failure, never a hung run."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from .errors import PageError


@contextmanager
def time_limit(seconds: float, what: str = "page") -> Iterator[None]:
    """Raise ``PageError('timeout')`` if the block runs longer than ``seconds``.

    Uses a real-time interval timer, so it works only in a process's main thread (where
    the local runner and every worker run the stages); elsewhere, and for ``seconds <= 0``,
    the block runs unbounded rather than failing.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise PageError("timeout", f"{what} took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
