"""The benchmark suite: throughput against spaCy, the 2-worker speed-up, memory at scale.

    python -m bench [--quick]      # make bench / make bench-quick

Every measurement runs in its own process (``bench.measure``), on the same machine in the
same invocation, and the table says how each was taken:

1. the pipeline with 2 workers on N articles, then with 1 worker on the same N, timed per
   stage (read, clean, analyse, store, corpus): the speed-up is the ratio of two runs
   taken one after the other, as this virtual machine's speed drifts over minutes;
2. spaCy's full ``nlp.pipe`` with the same model on the texts the 1-worker run cleaned,
   right after it: the model as its package ships it (the yardstick of
   ``ratio_to_spacy``, in the batches its config names), and the model as storyline loads
   and batches it (attribute rules as table lookups, lemmas on demand, the pipeline's
   batch of texts), so the table shows what share of the ratio those trims and the batch
   size give, and what storyline's own stages cost on top of the same spaCy work.
   Steps 1 and 2 are warm: each process first runs on WARMUP other articles, untimed
   (imports, model loads, the worker pool's start-up, first-use tables), and the table
   shows that start-up on its own line. --quick runs the same measurements on a quarter
   of the full corpus's pages, sampled to its shape (``corpus.sample_like``);
3. peak memory at 1k and at 20k articles (3k with --quick), with a tokenizer+sentencizer
   pipeline in place of the trained model so the 20k point fits the time budget: the
   runner's memory (streaming, batches, store) is what scales with the corpus; the model's
   share is constant and shown by step 1.

Writes bench/results.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .corpus import (
    ROOT,
    _labelled,
    base_records,
    cleaned_sizes,
    full_pages,
    sample_like,
    write_corpus,
    write_pages,
    write_warmup,
)

RESULTS = Path(__file__).resolve().parent / "results.json"
# Articles for the throughput runs: 1k as the issue asks. --quick takes a quarter of the
# full corpus's pages (the same pages and copies), sampled to its shape (bundles, cleaned
# and raw lengths, share of copies: corpus.sample_like), which keeps it near 2 minutes on a
# quiet 2-core machine; both are warm throughput (see WARMUP).
FULL: dict[str, Any] = {"n": 1000, "memory": (1000, 20000)}
QUICK: dict[str, Any] = {"n": 250, "memory": (1000, 3000)}
# Articles of the warm-up run that each throughput measurement makes first, in the same
# process (and worker pool), untimed: imports, model loads and first-use tables cost the
# same ~5-10 s at any corpus size, so a timed run that paid them would make the ratio
# depend on the corpus size (120 articles: a third of the run). 40 articles give the
# 2-worker run three analysis chunks, so its pool is started and both workers warm.
WARMUP = 40


def measure(mode: str, cfg: dict[str, Any]) -> dict[str, Any]:
    command = [sys.executable, "-X", "faulthandler", "-m", "bench.measure", mode, json.dumps(cfg)]
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        detail = (proc.stderr + proc.stdout)[:4000]
        sys.exit(f"bench: {mode} failed (exit {proc.returncode}):\n{detail}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def blank_model(folder: Path) -> str:
    """A tokenizer + sentencizer pipeline on disk: the stages run, the model costs nothing."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(folder / "blank-en")
    return str(folder / "blank-en")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, under 2 minutes")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    from storyline.settings import Settings

    model = Settings().model
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as tmp:
        results = run_suite(Path(tmp), plan, model)
    results["bench_seconds"] = round(time.perf_counter() - started, 1)
    results["quick"] = args.quick
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nwrote {RESULTS.relative_to(ROOT)} in {results['bench_seconds']} s")


def run_suite(tmp: Path, plan: dict[str, Any], model: str) -> dict[str, Any]:
    records, source = base_records(with_html=True)
    pages = full_pages(records, FULL["n"])
    source += f", cycled and perturbed to {FULL['n']} articles"
    if plan["n"] < FULL["n"]:
        bundles = _labelled(with_html=True)[1]
        chosen = sample_like(records, bundles, plan["n"], FULL["n"], cleaned_sizes(records))
        pages = [pages[i] for i in chosen]
        source += f"; {len(pages)} of those, sampled to their shape"
    paths = write_pages(pages, tmp / "corpus")
    warm = write_warmup(records, WARMUP, tmp / "warmup")
    # Each ratio's two runs are taken one after the other (see the module's docstring).
    two = measure("pipeline", {"paths": paths, "db": str(tmp / "w2.db"), "workers": 2,
                               "model": model, "warmup_paths": warm})
    one = measure("pipeline", {"paths": paths, "db": str(tmp / "w1.db"), "workers": 1,
                               "model": model, "warmup_paths": warm})
    yardstick = {"db": str(tmp / "w1.db"), "warmup_db": str(tmp / "w1.db.warmup"),
                 "model": model}
    spacy = measure("spacy", yardstick)
    trimmed = measure("spacy", {**yardstick, "trimmed": True})
    text_records, text_source = base_records(with_html=False)
    blank = blank_model(tmp)
    memory = {}
    for size in plan["memory"]:
        mem_paths = write_corpus(text_records, size, tmp / f"mem{size}")
        memory[size] = measure("pipeline", {"paths": mem_paths, "db": str(tmp / f"m{size}.db"),
                                            "workers": 1, "model": blank})
    return summarise(one, two, spacy, trimmed, memory, source, text_source, model)


def summarise(one: dict[str, Any], two: dict[str, Any], spacy: dict[str, Any],
              trimmed: dict[str, Any], memory: dict[int, dict[str, Any]], source: str,
              text_source: str, model: str) -> dict[str, Any]:
    small, large = sorted(memory)
    ours = one["articles"] / one["seconds"]
    theirs = spacy["articles"] / spacy["seconds"]
    return {
        "corpus": source, "memory_corpus": text_source, "model": model,
        "articles": one["articles"], "tokens": spacy["tokens"],
        "articles_per_s": round(ours, 2),
        "tokens_per_s": round(spacy["tokens"] / one["seconds"], 1),
        "spacy_articles_per_s": round(theirs, 2),
        "spacy_components": spacy["components"],
        # Time against time on the same input: spaCy reads the distinct texts the run
        # stored from its pages (971 of the 1k: a copy whose cleaned text another page
        # already gave is stored once), so a ratio of articles/s would credit the run
        # with pages spaCy never sees (3% on the full corpus, 0.4% on --quick's).
        "ratio_to_spacy": round(spacy["seconds"] / one["seconds"], 3),
        "spacy_trimmed_articles_per_s": round(trimmed["articles"] / trimmed["seconds"], 2),
        "spacy_trimmed_components": trimmed["components"],
        "ratio_to_trimmed_spacy": round(trimmed["seconds"] / one["seconds"], 3),
        # The same ratio in CPU seconds: on a machine others are using, wall time is what
        # they leave over; one worker and the yardstick each run on one thread.
        "ratio_to_spacy_cpu": round(spacy["cpu_seconds"] / one["cpu_seconds"], 3),
        "articles_per_s_2_workers": round(two["articles"] / two["seconds"], 2),
        "speedup_2_workers": round(one["seconds"] / two["seconds"], 3),
        "startup_s": {"1_worker": _rounded(one["startup_seconds"]),
                      "2_workers": _rounded(two["startup_seconds"]),
                      "spacy": _rounded(spacy["startup_seconds"]),
                      "spacy_trimmed": _rounded(trimmed["startup_seconds"])},
        "warmup_articles": WARMUP,
        "stages_s": {k: round(v, 2) for k, v in one["stages"].items()},
        "peak_rss_mb_full_model": round(one["peak_rss_mb"], 1),
        "peak_rss_mb_1k": round(memory[small]["peak_rss_mb"], 1),
        f"peak_rss_mb_{large // 1000}k": round(memory[large]["peak_rss_mb"], 1),
        "peak_rss_mb_20k": round(memory[large]["peak_rss_mb"], 1) if large == 20000 else None,
        "streaming_peak_rss_mb": {str(k): round(v["streaming_peak_rss_mb"], 1)
                                  for k, v in memory.items()},
        "memory_sizes": [small, large],
        "memory_growth": round(memory[large]["peak_rss_mb"] / memory[small]["peak_rss_mb"], 3),
        "runs": {"1_worker": one, "2_workers": two, "spacy": spacy, "spacy_trimmed": trimmed,
                 **{f"memory_{k}": v for k, v in memory.items()}},
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def print_table(r: dict[str, Any]) -> None:
    tokens, n = r["tokens"], r["articles"]
    print(f"corpus: {r['corpus']}; model {r['model']}")
    print(f"\n{'measurement':34s} {'seconds':>8s} {'articles/s':>11s} {'tokens/s':>10s}")
    rows = [("spaCy nlp.pipe, as published", r["runs"]["spacy"]["seconds"]),
            ("spaCy nlp.pipe, as storyline runs it", r["runs"]["spacy_trimmed"]["seconds"]),
            ("whole pipeline, 1 worker", r["runs"]["1_worker"]["seconds"]),
            ("whole pipeline, 2 workers", r["runs"]["2_workers"]["seconds"])]
    rows += [(f"  stage: {k}", v) for k, v in r["stages_s"].items()]
    for name, secs in rows:
        rate = f"{n / secs:11.1f} {tokens / secs:10.0f}" if secs > 0 else ""
        print(f"{name:34s} {secs:8.2f} {rate}")
    start = r["startup_s"]
    print(f"\nstart-up, once per process, untimed above (a warm-up run of "
          f"{r['warmup_articles']} other articles, imports and model load included):")
    print(f"  storyline 1 worker {start['1_worker']} s, 2 workers {start['2_workers']} s; "
          f"spaCy as published {start['spacy']} s, as storyline runs it "
          f"{start['spacy_trimmed']} s")
    print(f"\nratio to spaCy (1 worker): {r['ratio_to_spacy']:.2f}x   (target >= 1.10; spaCy's "
          f"seconds over ours, on the {r['runs']['spacy']['articles']} texts the run stored)")
    print(f"  against spaCy as storyline loads and batches it (batches of "
          f"{r['runs']['spacy_trimmed']['batch_size']}, not "
          f"{r['runs']['spacy']['batch_size']}): {r['ratio_to_trimmed_spacy']:.2f}x")
    print(f"  in CPU seconds (what a busy machine hardly moves): {r['ratio_to_spacy_cpu']:.2f}x")
    print(f"speed-up with 2 workers:   {r['speedup_2_workers']:.2f}x   (target >= 1.8)")
    print("(stage 'analyse' includes spaCy and 'own logic', the stage functions' share)")
    small, large = r["memory_sizes"]
    print(f"\npeak RSS, full model, {n} articles: {r['peak_rss_mb_full_model']:.0f} MiB")
    print(f"peak RSS, tokenizer+sentencizer pipeline ({r['memory_corpus']}):")
    for size in (small, large):
        run = r["runs"][f"memory_{size}"]
        print(f"  {size:>6d} articles: {run['peak_rss_mb']:7.0f} MiB overall, "
              f"{run['streaming_peak_rss_mb']:7.0f} MiB before the corpus step "
              f"({run['seconds']:.0f} s)")
    print(f"growth {small} -> {large}: {r['memory_growth']:.2f}x   (target within 1.2x)")


if __name__ == "__main__":
    main()
