"""Per-page time and memory limits: a hostile page ends as a recorded failure, never a hang.

    time_limit(seconds, what, memory_mb)
      ├── an interval timer ticks every TICK_S once the page has run FIRST_TICK_S
      ├── each tick: past the deadline -> Overrun("timeout");
      │              grown by more than memory_mb since the page began -> Overrun("too-large")
      └── the block's own Overrun -> PageError(reason), which runners record as a Failure

``Overrun`` is a ``BaseException``: the libraries a stage calls (trafilatura, htmldate,
spaCy) and the stages' own ``except Exception`` guards cannot swallow it. Should one be
lost anyway (raised in a ``__del__`` or a C callback that ignores errors), the next tick
raises it again. A normal page ends before the first tick: the limit costs two
``setitimer`` and two ``signal`` calls per page (a few microseconds).
"""

from __future__ import annotations

import resource
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from types import FrameType

from .errors import PageError
from .settings import Settings

# The first check comes after this many seconds (or at the deadline, if that is sooner):
# nearly every page is done by then (median clean 5 ms, analysis 40 ms on the bench), so
# it never pays for a tick.
FIRST_TICK_S = 0.5
# Then one check every TICK_S: a page overshoots its deadline by at most this much plus
# the longest single C call it makes (an lxml parse of a 20 MB page takes about 0.5 s),
# and its memory by what it allocates in that time (trafilatura on 1M tiny paragraphs
# grows by ~30 MB per 0.1 s).
TICK_S = 0.1
PAGE_SIZE = resource.getpagesize()


class Overrun(BaseException):
    """A page ran past its time or memory limit (raised by the timer, inside the stage)."""

    def __init__(self, owner: object, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.owner, self.reason, self.detail = owner, reason, detail


def resident_mb() -> float | None:
    """This process's resident memory now (Linux ``/proc``), or None where it is not known."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * PAGE_SIZE / 2**20
    except (OSError, IndexError, ValueError):
        return None


@contextmanager
def time_limit(seconds: float, what: str = "page", memory_mb: float = 0) -> Iterator[None]:
    """Raise ``PageError('timeout')`` once the block runs longer than ``seconds``, and
    ``PageError('too-large')`` once the process has grown by more than ``memory_mb``.

    Uses a real-time interval timer, so it works only in a process's main thread (where
    the local runner, every worker and Spark's Python workers run the stages); elsewhere,
    and for ``seconds <= 0``, the block runs unbounded rather than failing. An enclosing
    limit keeps running: it is re-armed with what is left of it when the block ends.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    started = time.monotonic()
    deadline = started + seconds
    baseline = resident_mb() if memory_mb > 0 else None
    token = object()
    armed = True

    def tick(signum: int, frame: FrameType | None) -> None:
        if not armed:
            return
        if time.monotonic() >= deadline:
            raise Overrun(token, "timeout", f"{what} took longer than {seconds:g} s")
        now = resident_mb() if baseline is not None else None
        if now is not None and baseline is not None and now - baseline > memory_mb:
            raise Overrun(token, "too-large",
                          f"{what} grew memory by {now - baseline:.0f} MB (limit {memory_mb:g})")

    previous = signal.signal(signal.SIGALRM, tick)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, min(seconds, FIRST_TICK_S), TICK_S)
    try:
        try:
            yield
        finally:
            armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            if outer > 0:  # an enclosing limit: what is left of it, at least a moment
                left = outer - (time.monotonic() - started)
                signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), TICK_S)
    except Overrun as e:
        if e.owner is not token:
            raise
        raise PageError(e.reason, e.detail) from None


def page_limit(settings: Settings, what: str) -> AbstractContextManager[None]:
    """The settings' per-page limits (``page_timeout_s``, ``page_memory_mb``) on a block."""
    return time_limit(settings.page_timeout_s, what, settings.page_memory_mb)
