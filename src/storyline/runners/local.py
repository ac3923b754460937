"""The local runner: the pipeline's stages in order, streaming, one transaction per batch.

    1. read     paths -> RawPage | Failure                  (ingest)
    2. clean    RawPage -> Article | Failure                (clean, dates)
    3. store    a batch of articles and failures, atomically, with their input sources;
                a record the store cannot take is that record's failure (``one_record``)
    4. analyse  unanalysed articles -> Analysis              (language stages)
    5. corpus   entities, duplicates, stories, events, contradictions, timeline

Cleaning and analysis run in ``settings.workers`` processes (``parallel.Workers``), and
near-duplicates in one of them while another merges names; this process keeps the one
store connection that writes, so every commit stays here, batch by batch.

A killed run leaves only whole batches behind; the next run skips input sources already
recorded and analyses what is still unanalysed, so it ends with the same store.
"""

from __future__ import annotations

import gc
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any, TypeVar

from .. import corpus, ingest
from ..corpus.dedup import find_duplicates
from ..corpus.encoder import Vectors, load_encoder
from ..corpus.entities import merge_entities
from ..errors import PageError
from ..pipeline import (
    CHUNK_ARTICLES,
    Cleaned,
    PageTask,
    analyse_chunk,
    clean_chunk,
    page_hash,
)
from ..records import Analysis, Article, DuplicateLink, Failure, RawPage, RunSummary
from ..settings import Settings
from ..store import Store
from ..store.reader import StoredCorpus
from ..text import batched
from .workers import CHUNK_PAGES, Workers

T = TypeVar("T")

# The cyclic collector's first threshold while the corpus is built (default 700): at 700 it
# ran six full collections, 0.7-0.8 s CPU per 1k articles; 10,000 leaves 0.25 s, 50,000
# gains no more, and the peak memory is the same (bench/NOTES.md, "Reading analyses back").
BUILD_GC_THRESHOLD = 10_000


def run(paths: Iterable[str], store: Store, settings: Settings,
        workers: Workers | None = None) -> RunSummary:
    """Ingest ``paths`` into ``store`` and bring every later stage up to date.

    ``workers``: a pool already running, kept running (a caller that runs many times in
    one process, like the benchmark, pays its start-up once); by default the run starts
    its own and stops it at the end.
    """
    paths = list(paths)
    run_id = store.start_run("run " + " ".join(paths))
    tally: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    pages = _progress(read_all(list(paths), store, settings), settings, "pages")
    with Workers(settings) if workers is None else nullcontext(workers) as workers:
        cleaned = workers.map(clean_chunk, _page_tasks(pages, store), CHUNK_PAGES)
        for batch in batched(cleaned, settings.batch_size):
            _store_batch(store, batch, run_id, tally, reasons)
        analyse_pending(store, settings, workers, reasons)
        build_corpus(store, settings, workers, run_id)
    summary = RunSummary(
        pages=tally["pages"], articles=tally["new"] + tally["unchanged"],
        new_articles=tally["new"], unchanged=tally["unchanged"],
        duplicates=store.duplicate_count(), failures=sum(reasons.values()),
        failure_reasons=tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))))
    store.finish_run(run_id, summary)
    return summary


def build_corpus(store: Store, settings: Settings, workers: Workers | None = None,
                 run_id: int | None = None) -> bool:
    """Step 5, all or nothing; a step that raises is recorded, not raised.

    The build reads the store and its results are saved in one transaction. The articles
    and analyses stay stored, the corpus tables keep the last good build, and
    ``store.corpus_failures()`` says which step failed and why until a run builds cleanly.
    Returns whether the build succeeded.
    """
    try:
        with _fewer_collections():
            found = corpus.build(StoredCorpus(store), settings,
                                 store.stories(with_key_dates=False),
                                 _copies(store, settings, workers), _encode(workers),
                                 _names(store, workers))
        with store.transaction():
            with corpus.step("save"):
                store.save_corpus(found)
            store.clear_corpus_failures()
    except corpus.CorpusStepError as e:
        with store.transaction():
            store.record_corpus_failure(e.step, e.reason, e.detail, run_id)
        return False
    return True


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Python's cyclic collector runs less often while the corpus is built: the build makes
    container objects fast, and at the default threshold the collector walks every live
    object again and again (BUILD_GC_THRESHOLD). Reference counting still frees as usual."""
    threshold = gc.get_threshold()
    gc.set_threshold(BUILD_GC_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _copies(store: Store, settings: Settings,
            workers: Workers | None) -> Callable[[], list[DuplicateLink]] | None:
    """The duplicate search, in a worker process when the pool runs: it reads only texts, so
    it runs while this process merges names. None: the build searches itself, on its own
    corpus (the metadata it has read, nothing read ahead for a search that would run here
    anyway: 12 MiB less resident after the search on the 20k memory bench, bench/NOTES.md)."""
    if workers is None or not workers.running or store.path == ":memory:":
        return None
    return workers.submit(duplicates_in_store, store.path, settings)


def _names(store: Store, workers: Workers | None) -> Callable[[], corpus.Merged] | None:
    """The entity step in a second worker process, when the pool runs: it reads only
    mentions, so it runs while the first searches for copies, and this process, which did
    it before (its cost: bench/NOTES.md), waits for both. None: the build merges names
    itself."""
    if workers is None or not workers.running or workers.size < 2 or \
            store.path == ":memory:":
        return None
    return workers.submit(entities_in_store, store.path)


def entities_in_store(path: str) -> corpus.Merged:
    """``entities.merge_entities`` of the mentions in the store at ``path``, read-only (a
    worker task)."""
    with Store.open(path, readonly=True) as store, _fewer_collections():
        return merge_entities(StoredCorpus(store).mentions())


def _encode(workers: Workers | None) -> Callable[[list[str]], Callable[[], Vectors]] | None:
    """Statement texts encoded in a worker process while this one builds stories and
    events, when the pool runs (a pool is not started for it). None: the build encodes."""
    if workers is None or not workers.running:
        return None
    return lambda texts: workers.submit(encode_texts, texts)


def encode_texts(texts: list[str]) -> Vectors:
    """The sentence vectors of ``texts`` (a worker task)."""
    return load_encoder().encode(texts)


def duplicates_in_store(path: str, settings: Settings) -> list[DuplicateLink]:
    """``dedup.find_duplicates`` over the store at ``path``, read-only (a worker task)."""
    with Store.open(path, readonly=True) as store, _fewer_collections():
        return find_duplicates(StoredCorpus(store), settings)


def read_all(paths: list[str], store: Store, settings: Settings) -> Iterator[RawPage | Failure]:
    """Pages from local paths, then from URLs (fetched politely, kept as WARC by the store)."""
    urls = [p for p in paths if p.startswith(("http://", "https://"))]
    yield from ingest.read_inputs([p for p in paths if p not in urls], settings)
    if urls:
        from .. import crawl

        fetcher = crawl.Fetcher(crawl.fetcher.policy_from(settings))
        warc = crawl.WarcLog(crawl.warc_folder(store.path))
        try:
            yield from crawl.fetch_pages(urls, store, fetcher, warc)
        finally:
            fetcher.close()
            warc.close()


def _page_tasks(pages: Iterable[RawPage | Failure], store: Store) -> Iterator[PageTask]:
    """Each page with its hash and whether it needs cleaning (not handled by an earlier run)."""
    for page in pages:
        h = page_hash(page)
        todo = isinstance(page, RawPage) and not store.source_done(page.source, h)
        yield page, h, todo


def _store_batch(store: Store, processed: list[Cleaned], run_id: int,
                 tally: Counter[str], reasons: Counter[str]) -> None:
    with store.transaction():
        for page, h, result in processed:
            tally["pages"] += not isinstance(page, Failure)
            try:
                with store.one_record():  # a record the store cannot take fails alone
                    outcome = _store_one(store, page, h, result, run_id)
            except PageError as e:
                outcome = Failure(source=page.source, reason=e.reason, detail=e.detail,
                                  source_id=page.source_id)
                _record_failure(store, page, h, outcome, run_id)
            if isinstance(outcome, Failure):
                reasons[outcome.reason] += 1
            else:
                tally[outcome] += 1


def _store_one(store: Store, page: RawPage | Failure, h: str,
               result: Article | Failure | None, run_id: int) -> Failure | str:
    """Store one cleaned page; the failure recorded, or "new" / "unchanged"."""
    if isinstance(page, Failure) or isinstance(result, Failure):
        failure = page if isinstance(page, Failure) else result
        assert isinstance(failure, Failure)
        _record_failure(store, page, h, failure, run_id)
        return failure
    if result is None:
        return "unchanged"
    new = store.upsert_article(result, run_id)
    store.replace_source(page.source, h, result.id)
    store.clear_failure(page.source)
    return "new" if new else "unchanged"


def _record_failure(store: Store, page: RawPage | Failure, h: str, failure: Failure,
                    run_id: int) -> None:
    store.record_failure(failure, run_id)
    if not isinstance(page, Failure):
        store.record_source(page.source, h, "failed")


def analyse_pending(store: Store, settings: Settings, workers: Workers | None = None,
                    reasons: Counter[str] | None = None) -> int:
    """Run the language stages on every article not yet analysed; batch by batch.

    Articles stream in id order a page at a time, so memory does not grow with the store;
    an article whose analysis fails is recorded as a failure and stays unanalysed.
    """
    if workers is None:
        with Workers(settings) as own:
            return analyse_pending(store, settings, own, reasons)
    with store.transaction():  # a language whose pipeline came since: its articles again
        store.reopen_not_analysed([settings.default_language, *settings.models])
    results = workers.map(analyse_chunk, _pending(store, settings.batch_size), CHUNK_ARTICLES)
    done = 0
    for batch in batched(_progress(results, settings, "articles"), settings.batch_size):
        done += save_analyses(store, batch, reasons if reasons is not None else Counter())
    return done


def save_analyses(store: Store, batch: Iterable[Analysis | Failure],
                  reasons: Counter[str]) -> int:
    """Store one batch of analyses and failures in one transaction; an analysis the store
    cannot take is that article's failure, never the batch's. Returns analyses stored."""
    done = 0
    with store.transaction():
        for result in batch:
            if isinstance(result, Analysis):
                try:
                    with store.one_record():
                        store.save_analysis(result)
                    done += result.not_analysed is None  # kept unread: no analysis
                    continue
                except PageError as e:
                    source = next((a.source for a in store.articles([result.article])),
                                  result.article)
                    result = Failure(source=source, reason=e.reason, detail=e.detail)
            store.record_failure(result)
            reasons[result.reason] += 1
    return done


def _pending(store: Store, page_size: int) -> Iterator[Article]:
    # Keyset pages by id: stable while the caller marks articles analysed between pages.
    after = ""
    while ids := store.unanalyzed_ids(after, page_size):
        yield from store.articles(ids, order="id")
        after = ids[-1]


def _progress(items: Iterable[T], settings: Settings, unit: str,
              total: int | None = None) -> Iterable[T]:
    if not settings.progress or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    bar: Any = tqdm(items, unit=f" {unit}", total=total, file=sys.stderr, leave=False)
    return bar  # type: ignore[no-any-return]
