"""The local runner: the pipeline's stages in order, streaming, one transaction per batch.

    1. read     paths -> RawPage | Failure                  (ingest)
    2. clean    RawPage -> Article | Failure                (clean, dates)
    3. store    a batch of articles and failures, atomically, with their input sources
    4. analyse  unanalysed articles -> Analysis              (language stages)
    5. corpus   entities, duplicates, stories, events, contradictions, timeline

A killed run leaves only whole batches behind; the next run skips input sources already
recorded and analyses what is still unanalysed, so it ends with the same store.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

from . import corpus, ingest, language
from .analyze import analyze_articles
from .clean import clean
from .errors import PageError
from .records import Article, Failure, RawPage, RunSummary, content_id
from .settings import Settings
from .store import Store

T = TypeVar("T")


def run(paths: Iterable[str], store: Store, settings: Settings) -> RunSummary:
    """Ingest ``paths`` into ``store`` and bring every later stage up to date."""
    run_id = store.start_run("run " + " ".join(paths))
    tally: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    pages = _progress(ingest.read_inputs(paths, settings), settings, "pages")
    for batch in batched(pages, settings.batch_size):
        processed = [(p, page_hash(p), None) if isinstance(p, Failure) else
                     _process(p, store, settings) for p in batch]
        _store_batch(store, processed, run_id, tally, reasons)
    analyse_pending(store, settings)
    with store.transaction():
        corpus.build(store, settings)
    summary = RunSummary(
        pages=tally["pages"], articles=tally["new"] + tally["unchanged"],
        new_articles=tally["new"], unchanged=tally["unchanged"],
        duplicates=store.stats()["duplicates"], failures=sum(reasons.values()),
        failure_reasons=tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))))
    store.finish_run(run_id, summary)
    return summary


def process_page(page: RawPage, settings: Settings) -> Article | Failure:
    """Clean one page into an article; an unusable page becomes a Failure, never an error."""
    try:
        return clean(page, settings)
    except PageError as e:
        return Failure(source=page.source, reason=e.reason, detail=e.detail,
                       source_id=page.source_id)
    except Exception as e:  # noqa: BLE001 - one bad page must not stop the run
        return Failure(source=page.source, reason="clean-error",
                       detail=f"{type(e).__name__}: {e}", source_id=page.source_id)


def page_hash(page: RawPage | Failure) -> str:
    if isinstance(page, Failure):
        return content_id(page.source, page.reason, page.detail)
    return content_id(page.kind, page.text, page.html, page.url, page.title, page.outlet,
                      page.published, page.source_id)


Processed = tuple[RawPage | Failure, str, Article | Failure | None]


def _process(page: RawPage, store: Store, settings: Settings) -> Processed:
    h = page_hash(page)
    if store.source_done(page.source, h):
        return page, h, None  # handled by an earlier run: nothing to redo
    return page, h, process_page(page, settings)


def _store_batch(store: Store, processed: list[Processed], run_id: int,
                 tally: Counter[str], reasons: Counter[str]) -> None:
    with store.transaction():
        for page, h, result in processed:
            tally["pages"] += not isinstance(page, Failure)
            if isinstance(page, Failure) or isinstance(result, Failure):
                failure = page if isinstance(page, Failure) else result
                assert isinstance(failure, Failure)
                store.record_failure(failure, run_id)
                reasons[failure.reason] += 1
                if not isinstance(page, Failure):
                    store.record_source(page.source, h, "failed")
            elif result is None:
                tally["unchanged"] += 1
            else:
                new = store.upsert_article(result, run_id)
                tally["new" if new else "unchanged"] += 1
                store.replace_source(page.source, h, result.id)
                store.clear_failure(page.source)


def analyse_pending(store: Store, settings: Settings) -> int:
    """Run the language stages on every article not yet analysed; batch by batch."""
    pending = store.articles(unanalyzed=True)
    if not pending:
        return 0
    nlp = language.load(settings.model)
    done = 0
    results = _progress(analyze_articles(pending, nlp, settings), settings, "articles",
                        total=len(pending))
    for batch in batched(results, settings.batch_size):
        with store.transaction():
            for analysis in batch:
                store.save_analysis(analysis)
        done += len(batch)
    return done


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _progress(items: Iterable[T], settings: Settings, unit: str,
              total: int | None = None) -> Iterable[T]:
    if not settings.progress or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    bar: Any = tqdm(items, unit=f" {unit}", total=total, file=sys.stderr, leave=False)
    return bar  # type: ignore[no-any-return]
