"""Near-duplicate detection: pair precision and recall on perturbed copies, and its time.

    .venv/bin/python bench/dedup_bench.py [--quick] [--sizes 1000,20000] [--out FILE]

The corpus is built from the dev bundles' texts (docs.jsonl records with ``text``):
originals are the real documents (near-copies among them removed by an exact shingle
check) plus collages of sentences drawn from them, to reach the larger sizes. About half
the originals get one to three perturbed copies: paragraphs cut, boilerplate added, the
headline changed or put in front of the text, dated the same day or the next. Truth is
"same original"; a predicted pair is two articles in one ``find_duplicates`` group.
Seeded (``SEED``), so every run builds the same corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

from storyline.corpus.dedup import find_duplicates
from storyline.corpus.reader import MemoryCorpus
from storyline.corpus.textsim import shingles
from storyline.records import Article, DuplicateLink
from storyline.settings import Settings
from storyline.text import fold_words

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
BUNDLES = ["stories-ecbplus-dev", "meantime", "timeline-semeval15-dev"]
SEED = 1
SIZES = [1000, 2000, 5000, 10000, 20000]
QUICK_SIZES = [1000, 2000, 5000]
# Originals need enough text to be copied meaningfully (shorter ones are one-liners).
MIN_WORDS = 80
# Originals must be distinct: sharing at most this share of shingles with a kept one. The
# bundles hold edited copies of one wire story (ECB+); a cut copy of one would truly be a
# near-duplicate of the other, which the truth here could not know.
DISTINCT_CONTAINMENT = 0.1
BOILERPLATE = [
    "Sign up for our morning newsletter and get the day's headlines in your inbox.",
    "Copyright 2024 by the publisher. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.",
    "Follow us on social media for breaking news, photos and video from around the region.",
    "Related coverage: read more stories from our reporters in the sections below.",
]


def base_texts() -> list[list[str]]:
    """Paragraph lists of the bundles' documents, long enough and not copies of each other."""
    out: list[list[str]] = []
    seen: list[set[str]] = []
    for name in BUNDLES:
        for line in (EVAL / name / "docs.jsonl").read_text().splitlines():
            paras = [p.strip() for p in json.loads(line).get("text", "").splitlines()
                     if p.strip()]
            if sum(len(p.split()) for p in paras) < MIN_WORDS:
                continue
            sh = shingles(fold_words(" ".join(paras)), 5)
            if any(_overlaps(sh, s) for s in seen):
                continue
            out.append(paras)
            seen.append(sh)
    return out


def _overlaps(a: set[str], b: set[str]) -> bool:
    inter = len(a & b)
    return inter / max(1, min(len(a), len(b))) >= DISTINCT_CONTAINMENT


def originals(pool: list[list[str]], n: int, rng: random.Random) -> list[list[str]]:
    """The real texts first, then sentence collages from them until there are ``n``."""
    out = pool[:n]
    sentences = [p for paras in pool for p in paras if len(p.split()) >= 6]
    while len(out) < n:
        out.append(rng.sample(sentences, rng.randint(8, 16)))
    return out


def perturb(paras: list[str], rng: random.Random) -> tuple[list[str], str]:
    """One copy: some of cut paragraphs, boilerplate, a new or prefixed headline."""
    kept = list(paras)
    ops = rng.sample(["cut", "boiler", "headline"], rng.randint(1, 3))
    if "cut" in ops and len(kept) > 4:
        for _ in range(rng.randint(1, max(1, len(kept) // 4))):
            kept.pop(rng.randrange(1, len(kept)))
    if "boiler" in ops:
        kept += rng.sample(BOILERPLATE, rng.randint(1, 2))
        if rng.random() < 0.5:
            kept.insert(0, "Advertisement")
    title = "Update: " + " ".join(paras[0].split()[:8])
    if "headline" in ops and rng.random() < 0.5:
        kept.insert(0, "BREAKING " + title)
    return kept, title


def build_corpus(pool: list[list[str]], size: int) -> tuple[list[Article], dict[str, int]]:
    rng = random.Random(SEED)
    n_orig = size * 3 // 5
    bases = originals(pool, n_orig, rng)
    arts: list[Article] = []
    truth: dict[str, int] = {}
    for g, paras in enumerate(bases):
        day = 1 + rng.randrange(60)
        arts.append(_article(f"o{g}", paras, f"Story {g}", day))
        truth[f"o{g}"] = g
    g = 0
    while len(arts) < size:
        g = (g + rng.randrange(1, 4)) % n_orig
        paras, title = perturb(bases[g], rng)
        key = f"c{len(arts)}"
        arts.append(_article(key, paras, title, 1 + rng.randrange(60)))
        truth[key] = g
    return arts, truth


def _article(key: str, paras: list[str], title: str, day: int) -> Article:
    return Article(id=key, source_id=key, source="bench", text="\n\n".join(paras),
                   title=title, published=f"2024-03-{1 + day % 28:02d}")


def pairs_of(groups: Iterable[list[str]]) -> set[tuple[str, str]]:
    return {(a, b) for g in groups for a, b in combinations(sorted(g), 2)}


def score(links: list[DuplicateLink], truth: dict[str, int]) -> tuple[float, float]:
    pred: dict[str, list[str]] = defaultdict(list)
    for d in links:
        pred[d.canonical].append(d.article)
    for c in list(pred):
        pred[c].append(c)
    gold: dict[int, list[str]] = defaultdict(list)
    for a, g in truth.items():
        gold[g].append(a)
    p, t = pairs_of(pred.values()), pairs_of(gold.values())
    inter = len(p & t)
    return inter / max(1, len(p)), inter / max(1, len(t))


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES} only")
    ap.add_argument("--sizes", help="comma-separated corpus sizes")
    ap.add_argument("--out", default=str(ROOT / "bench" / "dedup_results.json"))
    args = ap.parse_args(argv)
    sizes = ([int(s) for s in args.sizes.split(",")] if args.sizes
             else QUICK_SIZES if args.quick else SIZES)
    pool = base_texts()
    settings = Settings(progress=False)
    rows = []
    print(f"{len(pool)} distinct originals from {', '.join(BUNDLES)}")
    print(f"{'articles':>9} {'copies':>7} {'precision':>9} {'recall':>7} {'seconds':>8}")
    for size in sizes:
        arts, truth = build_corpus(pool, size)
        start = time.perf_counter()
        links = find_duplicates(MemoryCorpus(arts), settings)
        secs = time.perf_counter() - start
        p, r = score(links, truth)
        rows.append({"articles": size, "links": len(links), "precision": round(p, 4),
                     "recall": round(r, 4), "seconds": round(secs, 2)})
        print(f"{size:>9} {len(links):>7} {p:>9.4f} {r:>7.4f} {secs:>8.2f}", flush=True)
    Path(args.out).write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
