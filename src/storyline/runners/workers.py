"""Worker processes for the per-page and per-article stages, with bounded memory.

The parent keeps the one store connection and commits per batch; workers only run the
pure stage functions. Work travels in small chunks through a window of at most
``WINDOW_PER_WORKER`` chunks per worker, so memory stays flat however large the corpus:
nothing upstream is read further ahead than the window.

    chunks(items) -> [window of tasks in flight] -> results, in input order

With one worker the same chunk functions (``pipeline``) run in the parent process, without
a pool.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from multiprocessing.pool import AsyncResult, Pool
from types import TracebackType
from typing import Any, TypeVar

from .. import pipeline
from ..settings import Settings
from ..text import batched

A = TypeVar("A")
R = TypeVar("R")

# `spawn` rather than `fork`: the parent holds an SQLite connection and may run threads
# (progress bar, Spark), which a forked child must never inherit; the cost is one model
# load per worker, paid once per run.
START_METHOD = "spawn"
# Pages per cleaning task: cleaning is ~50x cheaper than analysis, so chunks are larger.
CHUNK_PAGES = 64
# Tasks in flight per worker: 2 keeps a worker busy while the parent stores results;
# more only holds more articles in memory.
WINDOW_PER_WORKER = 2
# Restart a worker after this many tasks: spaCy's string store grows with every new word
# it sees, so a long-lived worker's memory would grow with the corpus (1,000 tasks is
# 16k articles, and one model load every few minutes costs well under 1%).
TASKS_PER_WORKER = 1000

def _warm_up(settings: Settings) -> None:
    """Worker initializer: load the model, the cleaners' libraries and the stages' tables
    once, before the first task arrives (``pipeline.warm_up``)."""
    pipeline.warm_up(settings)


class Workers:
    """Runs chunk functions in ``settings.effective_workers`` processes (or inline for 1)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.size = settings.effective_workers
        self._pool: Pool | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._pool is not None:
            # Terminated, not closed: by the end of the block every result has been taken
            # (or an error means none is wanted), and a worker's clean exit only frees its
            # model, which takes longer than the last task (0.3-0.7 s on the bench).
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def map(self, fn: Callable[[list[A], Settings], list[R]], items: Iterable[A],
            chunk: int) -> Iterator[R]:
        """``fn`` over ``items`` in chunks, results in input order, a bounded window ahead."""
        chunks = batched(items, chunk)
        first = next(chunks, None)
        second = next(chunks, None) if first is not None and self.size > 1 else None
        if first is None or second is None:
            # one worker, or a single chunk of work: a pool would cost more than it saves
            for c in chain([first] if first is not None else [], chunks):
                yield from fn(c, self.settings)
            return
        yield from _windowed(self._started(), fn, chain([first, second], chunks),
                             self.settings, self.size * WINDOW_PER_WORKER)

    @property
    def running(self) -> bool:
        """Whether the pool's processes are started (a task submitted now runs in one)."""
        return self._pool is not None

    def submit(self, fn: Callable[..., R], *args: Any) -> Callable[[], R]:
        """``fn(*args)`` in a worker if the pool is running, else here when asked for.

        Returns what to call for the result. A pool is not started for one task: its
        workers load the model first, which costs more than most tasks save.
        """
        if self._pool is None:
            return lambda: fn(*args)
        return self._pool.apply_async(fn, args).get

    def _started(self) -> Pool:
        if self._pool is None:
            ctx = multiprocessing.get_context(START_METHOD)
            self._pool = ctx.Pool(self.size, initializer=_warm_up, initargs=(self.settings,),
                                  maxtasksperchild=TASKS_PER_WORKER)
        return self._pool


def _windowed(pool: Pool, fn: Callable[[list[A], Settings], list[R]],
              chunks: Iterator[list[A]], settings: Settings, window: int) -> Iterator[R]:
    # Pool.imap would drain ``chunks`` into its task queue at once; submitting by hand
    # keeps at most ``window`` chunks (and their results) alive.
    pending: deque[AsyncResult[list[R]]] = deque()
    for c in chunks:
        pending.append(pool.apply_async(fn, (c, settings)))
        if len(pending) >= window:
            yield from pending.popleft().get()
    while pending:
        yield from pending.popleft().get()

