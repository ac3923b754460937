"""Worker processes for the per-page and per-article stages, with bounded memory.

The parent keeps the one store connection and commits per batch; workers only run the
pure stage functions. Work travels in small chunks through a window of at most
``WINDOW_PER_WORKER`` chunks per worker, so memory stays flat however large the corpus:
nothing upstream is read further ahead than the window.

    chunks(items) -> [window of tasks in flight] -> results, in input order

With one worker the same chunk functions run in the parent process, without a pool.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from multiprocessing.pool import AsyncResult, Pool
from types import TracebackType
from typing import Any, TypeVar

from . import analyze, detect_language, language
from .errors import PageError
from .limits import page_limit
from .records import Analysis, Article, Failure, RawPage
from .settings import Settings

A = TypeVar("A")
R = TypeVar("R")

# `spawn` rather than `fork`: the parent holds an SQLite connection and may run threads
# (progress bar, Spark), which a forked child must never inherit; the cost is one model
# load per worker, paid once per run.
START_METHOD = "spawn"
# Articles per task: the nlp.pipe batch size; large enough to amortise pickling, small
# enough that two workers stay evenly loaded on a few hundred articles.
CHUNK_ARTICLES = 16
# Articles longer than this are parsed on their own rather than in their chunk's batch:
# the longest are the likeliest to run past a page's limits, and alone such an article
# fails once, without failing the batch and being parsed a second time. Long news stories
# run to ~20k characters; parsing and analysing 50k took 8 s and 160 MB on a busy 2-core VM.
SOLO_CHARS = 50_000
# Pages per cleaning task: cleaning is ~50x cheaper than analysis, so chunks are larger.
CHUNK_PAGES = 64
# Tasks in flight per worker: 2 keeps a worker busy while the parent stores results;
# more only holds more articles in memory.
WINDOW_PER_WORKER = 2
# Restart a worker after this many tasks: spaCy's string store grows with every new word
# it sees, so a long-lived worker's memory would grow with the corpus (1,000 tasks is
# 16k articles, and one model load every few minutes costs well under 1%).
TASKS_PER_WORKER = 1000

# A page on its way through cleaning: the page (its text dropped when it needs no work),
# its content hash, and whether it must be cleaned.
PageTask = tuple[RawPage | Failure, str, bool]
Cleaned = tuple[RawPage | Failure, str, Article | Failure | None]


def clean_chunk(tasks: list[PageTask], settings: Settings) -> list[Cleaned]:
    """Clean the pages of a chunk that need it (a worker task); the rest pass through."""
    from .run import process_page  # run imports this module; the task needs it only here

    out: list[Cleaned] = []
    for page, h, todo in tasks:
        result = process_page(page, settings) if todo and isinstance(page, RawPage) else None
        out.append((_stub(page), h, result))
    return out


def _stub(page: RawPage | Failure) -> RawPage | Failure:
    # The parent needs only a page's identity back, not its body again.
    if isinstance(page, RawPage):
        return dataclasses.replace(page, text=None, html=None)
    return page


def analyse_chunk(articles: list[Article], settings: Settings) -> list[Analysis | Failure]:
    """Analyse a chunk of articles (a worker task); a failing article becomes a Failure.

    Each article is read only by the pipeline for its language (``Article.language``, or
    detected here for articles stored before languages were); one with no pipeline for
    its language is kept, marked as not analysed and why. A worker loads each language's
    pipeline the first time one of its articles arrives (``language.load`` keeps it).
    """
    out: list[Analysis | Failure | None] = [None] * len(articles)
    by_model: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        if a.language is None:
            a = articles[i] = dataclasses.replace(a, language=detect_language.detect(
                a.text, a.title))
        lang = a.language or detect_language.UNDETERMINED
        model = settings.pipeline_for(lang)
        reason = _no_pipeline(lang, model, settings)
        if model is None or reason is not None:
            out[i] = analyze.not_analysed(a, lang, reason or _no_pipeline_reason(lang))
        else:
            by_model.setdefault(model, []).append(i)
    for model, indices in by_model.items():
        results = _analyse_with(model, [articles[i] for i in indices], settings)
        for i, result in zip(indices, results, strict=True):
            out[i] = result
    return [r for r in out if r is not None]


def _no_pipeline_reason(lang: str) -> str:
    if lang == detect_language.UNDETERMINED:
        return "language not detected (too little running text to tell)"
    return f"no pipeline for {lang!r}"


def _no_pipeline(lang: str, model: str | None, settings: Settings) -> str | None:
    """Why ``model`` cannot read ``lang`` here, or None when it can. The default
    language's pipeline must load (``language.load`` raises how to install it); another
    language's missing pipeline leaves its articles unanalysed, not the run failed."""
    if model is None or lang == settings.default_language:
        return None
    why = language.unusable(model, lang)
    return f"no pipeline for {lang!r} ({why})" if why else None


def _analyse_with(model: str, articles: list[Article],
                  settings: Settings) -> list[Analysis | Failure]:
    """The chunk's articles of one language through that language's pipeline.

    They are parsed in one ``nlp.pipe`` batch under one page's limits, except articles
    over SOLO_CHARS, which are parsed on their own under their own. If the batch fails or
    runs over its limits, each of its articles is parsed again on its own, so a slow
    article fails alone (after at most twice the limit) and its chunk-mates are analysed.
    """
    nlp = language.load_for(model, articles[0].language)
    batch = [a.text for a in articles if len(a.text) <= SOLO_CHARS]
    try:
        with page_limit(settings, "parsing"):
            docs: Iterator[Any] | None = iter(list(nlp.pipe(batch, batch_size=CHUNK_ARTICLES)))
    except Exception:  # noqa: BLE001 - one bad text must not lose its chunk-mates
        docs = None
    # outside the handler: its traceback would keep the failed batch's memory alive
    return [_safe_analysis(next(docs), a, settings)
            if docs is not None and len(a.text) <= SOLO_CHARS
            else _analyse_one(nlp, a, settings) for a in articles]


def _analyse_one(nlp: Any, article: Article, settings: Settings) -> Analysis | Failure:
    if len(article.text) > nlp.max_length:
        return _too_long(article, nlp.max_length)
    try:
        with page_limit(settings, "analysis"):
            return analyze.analyze_doc(nlp(article.text), article)
    except Exception as e:  # noqa: BLE001 - recorded as this article's failure
        return _failure(article, e)


def _safe_analysis(doc: Any, article: Article, settings: Settings) -> Analysis | Failure:
    try:
        with page_limit(settings, "analysis"):
            return analyze.analyze_doc(doc, article)
    except Exception as e:  # noqa: BLE001 - a stage bug on one article must not end the run
        return _failure(article, e)


def _too_long(article: Article, limit: int) -> Failure:
    return _failure(article, PageError(
        "too-large", f"{len(article.text)} characters, more than the pipeline's {limit}"))


def _failure(article: Article, e: Exception) -> Failure:
    reason = e.reason if isinstance(e, PageError) else "analyse-error"
    detail = e.detail if isinstance(e, PageError) else f"{type(e).__name__}: {e}"
    return Failure(source=article.source, reason=reason, detail=detail[:2000],
                   source_id=article.source_id)


def _warm_up(settings: Settings) -> None:
    """Worker initializer: load the model once, before the first task arrives."""
    language.load(settings.model)


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
        chunks = _chunked(items, chunk)
        first = next(chunks, None)
        second = next(chunks, None) if first is not None and self.size > 1 else None
        if first is None or second is None:
            # one worker, or a single chunk of work: a pool would cost more than it saves
            for c in chain([first] if first is not None else [], chunks):
                yield from fn(c, self.settings)
            return
        yield from _windowed(self._started(), fn, chain([first, second], chunks),
                             self.settings, self.size * WINDOW_PER_WORKER)

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


def _chunked(items: Iterable[A], size: int) -> Iterator[list[A]]:
    it = iter(items)
    while c := list(islice(it, size)):
        yield c
