"""Story clustering against a TF-IDF + average-link baseline on the same documents.

    .venv/bin/python bench/stories_baseline.py [BUNDLE ...] [--analyse | --db STORE ...]

For each bundle with gold ``stories``: the baseline (cosine of TF-IDF, average link) over a
threshold sweep, and storyline's ``assign_stories`` at its settings, both scored with the
eval scorer's B-cubed F1, then an ablation of storyline's channels (text only, + entities,
+ figures, + the time factor, + events) and storyline over the same threshold sweep (how
wide its plateau is). On ECB+ (two gold stories per topic: the seminal event and a
sibling incident of the same kind) storyline's precision, recall and F1 are also given on
each half of the topics (tune: the 1st, 3rd, ... topic; check: the others), keeping a
topic's two stories together so that mixing them counts.
A bundle without gold stories (a random crawl, where nearly every page is its own story)
gets its multi-article stories listed instead: each member's language and headline, to be
read and judged, after how many shared paragraphs were read as a site's furniture
(``--db`` with the store of its run.sh run).
``--analyse`` runs the spaCy stage first so entity mentions come from the analysis
(otherwise the stage's capitalised-name fallback is used); ``--db`` reads articles and
analyses from the store a ``../shared/eval/run.sh`` run wrote (one per bundle, in order),
so the numbers are those of that run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from functools import partial
from pathlib import Path

import numpy as np

from storyline.corpus import dedup, furniture, stories
from storyline.corpus.reader import MemoryCorpus
from storyline.corpus.sources import syndication_roots
from storyline.corpus.stories import CHANNEL_WEIGHTS, assign_stories, average_link
from storyline.corpus.textsim import tfidf_matrix
from storyline.pipeline import process_page
from storyline.records import Analysis, Article, DuplicateLink, RawPage
from storyline.settings import Settings
from storyline.store import Store
from storyline.text import tokens

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
BUNDLES = ["stories-ecbplus-dev", "meantime", "timeline-semeval15-dev"]
SWEEP = [round(t, 3) for t in np.arange(0.05, 0.60, 0.025)]
# Steps of the ablation: the channels used, each at its shipped weight, and whether the
# time factor is on.
ABLATION = [("text", ("text",), False), ("+entities", ("text", "entities"), False),
            ("+figures", ("text", "entities", "figures"), False),
            ("+time", ("text", "entities", "figures"), True),
            ("+events", ("text", "entities", "figures", "events"), True)]
EVENTS_PROBE_WEIGHT = 0.1  # events are off by default; the ablation tries them at this


def load_articles(bundle: Path) -> tuple[list[Article], list[list[str]]]:
    """Clean each docs.jsonl record with the pipeline's own stage; gold stories by doc id."""
    gold = json.loads((bundle / "gold.json").read_text())
    arts = []
    for line in (bundle / "docs.jsonl").read_text().splitlines():
        r = json.loads(line)
        page = RawPage(source=f"{bundle.name}#{r['id']}", source_id=r["id"], kind="jsonl",
                       text=r.get("text"), html=r.get("html"), url=r.get("url"),
                       title=r.get("title"), outlet=r.get("outlet"),
                       published=r.get("published"))
        art = process_page(page, Settings(progress=False))
        if isinstance(art, Article):
            arts.append(art)
    return arts, gold.get("stories", [])


def bcubed_f1(pred: dict[str, str], gold: list[list[str]]) -> float:
    """B-cubed F1 as ../shared/eval/score.py computes it (gold docs only)."""
    return bcubed(pred, gold)[2]


def bcubed(pred: dict[str, str], gold: list[list[str]]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 as ../shared/eval/score.py computes them."""
    gold_of = {d: i for i, c in enumerate(gold) for d in c}
    pm: dict[str, set[str]] = defaultdict(set)
    gm: dict[int, set[str]] = defaultdict(set)
    for d, g in gold_of.items():
        pm[pred.get(d, "alone:" + d)].add(d)
        gm[g].add(d)
    p = sum(len(pm[pred.get(d, "alone:" + d)] & gm[g]) / len(pm[pred.get(d, "alone:" + d)])
            for d, g in gold_of.items()) / len(gold_of)
    r = sum(len(pm[pred.get(d, "alone:" + d)] & gm[g]) / len(gm[g])
            for d, g in gold_of.items()) / len(gold_of)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def baseline(arts: list[Article], gold: list[list[str]]) -> dict[float, float]:
    mat = tfidf_matrix([tokens(f"{a.title or ''}\n\n{a.text}") for a in arts])
    sim = (mat @ mat.T).astype(np.float32)
    out = {}
    for t in SWEEP:
        pred = {arts[k].source_id: str(c) for c, g in enumerate(average_link(sim, t))
                for k in g}
        out[t] = bcubed_f1(pred, gold)
    return out


def predicted(arts: list[Article], analyses: dict[str, Analysis], settings: Settings,
              weights: dict[str, float] | None = None, time_anchors: bool = True,
              ) -> dict[str, str]:
    """Each document's story under storyline's ``assign_stories``."""
    links = dedup.find_duplicates(MemoryCorpus(arts), settings)
    stories = assign_stories(MemoryCorpus(arts, analyses), links, [], settings, weights,
                             time_anchors)
    src = {a.id: a.source_id for a in arts}
    return {src[a]: s.id for s in stories for a in s.articles}


def ours(arts: list[Article], analyses: dict[str, Analysis], gold: list[list[str]],
         settings: Settings, weights: dict[str, float] | None = None,
         time_anchors: bool = True) -> float:
    return bcubed_f1(predicted(arts, analyses, settings, weights, time_anchors), gold)


def topic_halves(gold: list[list[str]]) -> dict[str, list[list[str]]]:
    """ECB+ gold stories come as (seminal, sibling) pairs per topic: halves of whole topics."""
    return {"tune": [g for k, g in enumerate(gold) if (k // 2) % 2 == 0],
            "check": [g for k, g in enumerate(gold) if (k // 2) % 2 == 1]}


def analyse(arts: list[Article], settings: Settings) -> dict[str, Analysis]:
    from storyline.pipeline import analyse_chunk

    return {r.article: r for r in analyse_chunk(arts, settings) if isinstance(r, Analysis)}


def ablation(arts: list[Article], analyses: dict[str, Analysis], gold: list[list[str]],
             settings: Settings) -> list[tuple[str, float]]:
    out = []
    for label, names, time_anchors in ABLATION:
        weights = {n: CHANNEL_WEIGHTS[n] or EVENTS_PROBE_WEIGHT for n in names}
        out.append((label, ours(arts, analyses, gold, settings, weights, time_anchors)))
    return out


def from_store(path: str, bundle: Path) -> tuple[list[Article], dict[str, Analysis],
                                                 list[list[str]]]:
    store = Store.open(path, readonly=True)
    try:
        arts, analyses = store.articles(), store.analyses()
    finally:
        store.close()
    return arts, analyses, json.loads((bundle / "gold.json").read_text()).get("stories", [])


def furniture_line(arts: list[Article], links: list[DuplicateLink]) -> str:
    """How many shared opening or closing paragraphs the stories step read as a site's
    furniture, and how many pages it found without prose (copies folded, as it reads them)."""
    roots = syndication_roots(links)
    corpus = MemoryCorpus(arts)
    ids = sorted({roots.get(a.id, a.id) for a in arts})
    recurring, pages, skip = furniture.site_furniture(
        corpus, ids, partial(stories.text_rows, corpus, ids, prose=True))
    return (f"furniture: {len(skip)} of {len(recurring)} shared edge paragraphs; "
            f"pages without prose: {int(pages.alone.sum())}")


def print_multi(name: str, arts: list[Article], analyses: dict[str, Analysis],
                settings: Settings) -> None:
    """The stories of more than one article, largest first: each member's language, day
    and headline (else the start of its text)."""
    links = dedup.find_duplicates(MemoryCorpus(arts), settings)
    found = assign_stories(MemoryCorpus(arts, analyses), links, [], settings)
    multi = sorted((s for s in found if len(s.articles) > 1), key=lambda s: -len(s.articles))
    print(f"{name}: {len(arts)} docs, {len(found)} stories, {len(multi)} of several articles")
    print("  " + furniture_line(arts, links))
    by_id = {a.id: a for a in arts}
    for story in multi:
        print(f"  story {story.id} ({len(story.articles)})")
        for a in (by_id[k] for k in story.articles):
            head = " ".join((a.title or a.text).split())[:80]
            print(f"    {a.id[:8]} {a.language or '?':3s} {(a.published or '')[:10]:10s} {head}")


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundles", nargs="*", default=BUNDLES)
    ap.add_argument("--analyse", action="store_true")
    ap.add_argument("--db", action="append", default=[],
                    help="store.db of a run.sh run of the bundle at the same position")
    args = ap.parse_args(argv)
    settings = Settings(progress=False)
    for k, name in enumerate(args.bundles):
        if k < len(args.db):
            arts, analyses, gold = from_store(args.db[k], SHARED / name)
        else:
            arts, gold = load_articles(SHARED / name)
            analyses = analyse(arts, settings) if args.analyse else {}
        if not gold:
            print_multi(name, arts, analyses, settings)
            continue
        sweep = baseline(arts, gold)
        best_t = max(sweep, key=lambda t: (sweep[t], -t))
        print(f"{name}: {len(arts)} docs, {len(gold)} gold stories")
        print("  baseline sweep: " + " ".join(f"{t:.3f}:{f:.3f}" for t, f in sweep.items()))
        print(f"  baseline best  threshold {best_t:.3f}  bcubed_f1 {sweep[best_t]:.4f}")
        pred = predicted(arts, analyses, settings)
        print(f"  storyline      threshold {settings.story_threshold:.3f}  "
              f"bcubed_f1 {bcubed_f1(pred, gold):.4f}")
        if name.startswith("stories-ecbplus"):
            for half, stories in [("all", gold), *topic_halves(gold).items()]:
                print(f"  storyline {half:5s} P/R/F1 "
                      + "/".join(f"{v:.3f}" for v in bcubed(pred, stories)))
        print("  ablation       " + "  ".join(f"{label} {f:.4f}" for label, f
                                             in ablation(arts, analyses, gold, settings)))
        mine = {t: ours(arts, analyses, gold, settings.replace(story_threshold=t))
                for t in SWEEP}
        print("  storyline sweep: " + " ".join(f"{t:.3f}:{f:.3f}" for t, f in mine.items()))


if __name__ == "__main__":
    main(sys.argv[1:])
