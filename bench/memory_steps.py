"""Where the corpus step's memory goes: each step's resident memory, at its start, its end
and its peak, on a store an earlier run made (the memory bench's 1k and 20k stores).

    python -m bench.memory_steps STORE.db [--trace] [--no-pool]

Builds the corpus once on a copy of the store (the store is left as it was), the way the
memory bench's one-worker run does (``runners.local.build_corpus`` with a one-worker pool:
the build reads its first analyses ahead, then the duplicate search reads the store on a
connection of its own), from no stories of earlier runs, as the bench's first run does;
and prints one line per step. ``--no-pool`` builds as a caller without a pool does (the
search shares the build's corpus, nothing is read ahead). ``--trace`` adds Python's own
accounting (tracemalloc: the step's peak of live Python allocations, and the ten source
lines holding the most when it ends); it slows the build about threefold, so the RSS
columns are not comparable with a run without it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def rss_mb() -> tuple[float, float]:
    """(resident now, peak since the last reset), in MiB."""
    now = peak = 0.0
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                now = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    return now, peak


def reset_peak() -> None:
    """Reset the kernel's resident high-water mark to the current size (Linux >= 4.0)."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
        f.write("5")


def _where(frame: tracemalloc.Frame) -> str:
    name = frame.filename.split("site-packages/")[-1].split("src/")[-1]
    return f"{name}:{frame.lineno}"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.memory_steps")
    parser.add_argument("db")
    parser.add_argument("--trace", action="store_true")
    parser.add_argument("--no-pool", action="store_true")
    args = parser.parse_args()
    from storyline import corpus
    from storyline.runners.local import build_corpus
    from storyline.runners.workers import Workers
    from storyline.settings import Settings
    from storyline.store import Store

    rows: list[dict[str, Any]] = []
    original = corpus.step

    @contextmanager
    def measured(name: str) -> Iterator[None]:
        before, _ = rss_mb()
        reset_peak()
        if args.trace:
            tracemalloc.reset_peak()
        started = time.perf_counter()
        try:
            with original(name):
                yield
        finally:
            now, peak = rss_mb()
            row: dict[str, Any] = {"step": name, "seconds": round(time.perf_counter() - started, 2),
                                   "rss_before": round(before, 1), "rss_after": round(now, 1),
                                   "rss_peak": round(peak, 1)}
            if args.trace:
                current, traced_peak = tracemalloc.get_traced_memory()
                row["traced_now"] = round(current / 2**20, 1)
                row["traced_peak"] = round(traced_peak / 2**20, 1)
                top = tracemalloc.take_snapshot().statistics("lineno")[:10]
                row["top"] = [f"{s.size / 2**20:.1f} MiB {_where(s.traceback[0])}" for s in top]
            rows.append(row)

    corpus.step = measured  # type: ignore[assignment]
    with tempfile.TemporaryDirectory(prefix="storyline-memsteps-") as tmp:
        db = Path(tmp) / "store.db"
        shutil.copy(args.db, db)
        if args.trace:
            tracemalloc.start(1)
        start_rss, _ = rss_mb()
        reset_peak()
        started = time.perf_counter()
        settings = Settings(progress=False, workers=1)
        with Store.open(str(db)) as store, Workers(settings) as workers:
            with store.transaction():  # a first build, as the bench's run makes: no stories
                store.save_stories([])  # of earlier runs to start from
            ok = build_corpus(store, settings, None if args.no_pool else workers)
        total = time.perf_counter() - started
    peak = max([rss_mb()[1], *(row["rss_peak"] for row in rows)])
    for row in rows:
        print(json.dumps(row))
    print(json.dumps({"ok": ok, "seconds": round(total, 1), "rss_at_start": round(start_rss, 1),
                      "rss_peak": round(peak, 1)}))


if __name__ == "__main__":
    main()
