"""One measurement in its own process, so its peak memory is its own: prints one JSON line.

    python -m bench.measure pipeline '{"paths": [...], "db": "...", "workers": 1, ...}'
    python -m bench.measure spacy '{"db": "...", "model": "...", "trimmed": false}'
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM), in MiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def pipeline(cfg: dict[str, Any]) -> dict[str, Any]:
    """``storyline run`` on ``paths``; with one worker, also the time spent in each stage.

    With ``warmup_paths``, the process (and its worker pool, kept for the timed run) first
    runs the pipeline on those into a store of its own: imports, model loads, the workers'
    start-up and every stage's first-use tables are paid there, and reported as
    ``startup_seconds``, so the timed run measures throughput alone, as the spaCy
    yardstick does (its model is loaded before its clock starts).
    """
    from storyline.runners import local as run_module
    from storyline.runners.workers import Workers
    from storyline.settings import Settings
    from storyline.store import Store

    settings = Settings(model=cfg["model"], workers=cfg["workers"], progress=False)
    spent: Counter[str] = Counter()
    marks: dict[str, float] = {}
    with Workers(settings) as workers:
        startup = None
        if cfg.get("warmup_paths"):
            started = time.perf_counter()
            with Store.open(cfg["db"] + ".warmup") as store:
                run_module.run(cfg["warmup_paths"], store, settings, workers)
            startup = time.perf_counter() - started
        if cfg["workers"] == 1:
            _instrument(spent, marks)
        started, cpu = time.perf_counter(), time.process_time()
        with Store.open(cfg["db"]) as store:
            summary = run_module.run(cfg["paths"], store, settings, workers)
            analysed = store.conn.execute(
                "SELECT count(*) FROM articles WHERE analyzed = 1").fetchone()[0]
        total, cpu = time.perf_counter() - started, time.process_time() - cpu
    stages = dict(spent)
    if stages:
        stages["store"] = total - sum(v for k, v in spent.items() if k != "own logic")
    # cpu_seconds: this process's CPU time (all of the work with one worker, the parent's
    # share with more); unlike wall time, other load on the machine hardly moves it.
    return {"seconds": total, "cpu_seconds": cpu, "articles": summary.articles,
            "analysed": analysed,
            "failures": summary.failures, "stages": stages, "startup_seconds": startup,
            "peak_rss_mb": max(peak_rss_mb(), children_peak_rss_mb()),
            "streaming_peak_rss_mb": marks.get("before corpus", peak_rss_mb())}


def _instrument(spent: Counter[str], marks: dict[str, float]) -> None:
    """Wrap the stage entry points the runner looks up at call time, to time each stage."""
    from storyline import analyze, corpus, ingest, pipeline
    from storyline.runners import local as run_module

    read_inputs = ingest.read_inputs
    ingest.read_inputs = lambda *a: _timed_iter(read_inputs(*a), spent, "read")  # type: ignore[assignment]
    pipeline.process_page = _timed(pipeline.process_page, spent, "clean")  # type: ignore[assignment]
    run_module.analyse_pending = _timed(run_module.analyse_pending, spent, "analyse")  # type: ignore[assignment]
    analyze.analyze_doc = _timed(analyze.analyze_doc, spent, "own logic")  # type: ignore[assignment]
    build = corpus.build

    def timed_build(*a: Any) -> Any:
        marks["before corpus"] = peak_rss_mb()
        return _timed(build, spent, "corpus")(*a)

    corpus.build = timed_build  # type: ignore[assignment]


def _timed(fn: Callable[..., Any], spent: Counter[str], key: str) -> Callable[..., Any]:
    def wrapper(*a: Any, **kw: Any) -> Any:
        t = time.perf_counter()
        try:
            return fn(*a, **kw)
        finally:
            spent[key] += time.perf_counter() - t
    return wrapper


def _timed_iter(items: Iterator[Any], spent: Counter[str], key: str) -> Iterator[Any]:
    while True:
        t = time.perf_counter()
        item = next(items, None)
        spent[key] += time.perf_counter() - t
        if item is None:
            return
        yield item


def spacy_yardstick(cfg: dict[str, Any]) -> dict[str, Any]:
    """spaCy's own ``nlp.pipe`` over the stored article texts: the pipeline as its package
    ships it, in its configured batches (``"trimmed": false``, the issue's yardstick: every
    component, nothing of ours), or as storyline loads and batches it (attribute table,
    lemmas on demand, paragraph breaks, ``pipeline.CHUNK_ARTICLES`` texts per batch), which
    shows how much of the ratio the trims and the batch size account for: what is left
    between that line and the whole pipeline is the cost of storyline's own stages."""
    from storyline.analyze import model as language
    from storyline.pipeline import CHUNK_ARTICLES
    from storyline.store import Store

    with Store.open(cfg["db"], readonly=True) as store:
        texts = [a.text for a in store.iter_articles(order="id")]
    warmup: list[str] = []
    if cfg.get("warmup_db"):
        with Store.open(cfg["warmup_db"], readonly=True) as store:
            warmup = [a.text for a in store.iter_articles(order="id")]
    started = time.perf_counter()
    load = language.load if cfg.get("trimmed") else language.load_as_published
    nlp = load(cfg["model"])
    batch = CHUNK_ARTICLES if cfg.get("trimmed") else nlp.batch_size
    # The same warm-up texts the pipeline's run had, cycled to one full batch: the first
    # batch of nlp.pipe's size costs ~20% more than later ones (the process's memory grows
    # to hold it; bench/NOTES.md, S4), a one-off that is start-up, not throughput, and would
    # weigh four times as much on --quick's one batch as on the full run's four.
    for _ in nlp.pipe(_cycled_to(warmup, nlp.batch_size), batch_size=batch):
        pass
    startup = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch))
    return {"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu,
            "articles": len(texts),
            "tokens": tokens, "components": list(nlp.pipe_names), "batch_size": batch,
            "startup_seconds": startup if warmup else None, "peak_rss_mb": peak_rss_mb()}


def _cycled_to(texts: list[str], n: int) -> list[str]:
    return [texts[i % len(texts)] for i in range(max(n, len(texts)))] if texts else []


def main() -> None:
    mode, cfg = sys.argv[1], json.loads(sys.argv[2])
    out = pipeline(cfg) if mode == "pipeline" else spacy_yardstick(cfg)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
