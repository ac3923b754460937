"""How fast the app renders its pages on a synthetic store of 20k articles.

    python bench/web_bench.py [--articles 20000] [--db out/bench/web.db]

Builds the store once (kept at ``--db`` for re-runs), then times each page through the
ASGI app in-process (no network), median of several renders. The target is 200 ms a page.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import warnings
from datetime import date, timedelta
from pathlib import Path

from storyline.records import (
    Analysis,
    Article,
    Entity,
    Quote,
    Sentence,
    Story,
    TimelineItem,
)
from storyline.store import Store

TARGET_MS = 200
STORIES = 200  # 100 articles a story on average: a story page with a long timeline
SPEAKERS = 400
OUTLETS = 60
TOPICS = ["quota", "talks", "minister", "fleet", "harbour", "agreement", "sanctions",
          "ceasefire", "summit", "election", "budget", "inflation", "court", "ruling",
          "protest", "border", "trade", "tariff", "energy", "grid"]
# News vocabulary is long-tailed: a few topic words plus thousands of rarer ones, so a
# searched word matches a fraction of the articles, as in a real corpus.
WORDS = TOPICS + [f"w{n}" for n in range(5000)]


def _words(rng: random.Random, n: int) -> str:
    return " ".join(WORDS[min(int(rng.paretovariate(0.8)) - 1, len(WORDS) - 1)]
                    for _ in range(n))


def _article(i: int, rng: random.Random) -> tuple[Article, Analysis]:
    day = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
    speaker = rng.randrange(SPEAKERS)
    said = _words(rng, 12)
    text = (f"{_words(rng, 40)}.\n\n\"{said},\" Person {speaker} said on the day.\n\n"
            f"{_words(rng, 60)}.")
    aid = f"a{i:06d}"
    start = text.index(said)
    p2 = text.index("\n\n") + 2
    article = Article(id=aid, source_id=aid, source=f"{aid}.txt", text=text,
                      title=f"{rng.choice(TOPICS).title()} {_words(rng, 3)} {i}",
                      outlet=f"Outlet {rng.randrange(OUTLETS)}", url=f"https://n.example/{i}",
                      published=day.isoformat())
    quote = Quote(id=f"q{i:06d}", article=aid, text=said, kind="direct", start=start,
                  end=start + len(said), sent_start=p2, sent_end=text.index("\n\n", p2),
                  speaker_name=f"Person {speaker}", speaker=f"e{speaker}", cue="said",
                  said_on=day.isoformat(), said_on_from="article date")
    analysis = Analysis(article=aid, sentences=(Sentence(aid, p2, quote.sent_end),),
                        quotes=(quote,))
    return article, analysis


def build(path: Path, n: int) -> None:
    rng = random.Random(1)
    story_of: dict[int, list[tuple[str, str, str, str]]] = {}
    with Store.open(path) as store, store.transaction():
        for i in range(n):
            article, analysis = _article(i, rng)
            store.upsert_article(article)
            store.save_analysis(analysis)
            q = analysis.quotes[0]
            story_of.setdefault(i % STORIES, []).append(
                (article.outlet or "", q.id, article.published or "", q.speaker or ""))
        store.replace_entities(Entity(f"e{s}", f"Person {s}", "PERSON", (f"P. {s}",), 10)
                               for s in range(SPEAKERS))
        stories = [Story(f"s{k}", f"Story {k}", tuple(f"a{int(q[1:]):06d}" for _, q, *_ in rows),
                         min(r[2] for r in rows), max(r[2] for r in rows))
                   for k, rows in story_of.items()]
        store.save_stories(stories)
        # Rows name their sources by outlet, as corpus.timeline writes them.
        store.replace_timeline(
            TimelineItem(story=f"s{k}", kind="quote", ref=q, date=day, title=f"Statement {q}",
                         sources=(outlet,), independent_sources=1, speaker=spk)
            for k, rows in story_of.items() for outlet, q, day, spk in rows)


def time_pages(path: Path, repeats: int) -> list[tuple[str, float]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from storyline.web.app import create_app

    pages = ["/", "/stories/s7", "/api/stories/s7", "/articles/a000123?s=10&e=60#hl",
             "/people", "/people/e42", "/outlets", "/outlets/Outlet 3", "/contradictions",
             "/search?q=quota+talks", "/search?speaker=Person+42",
             "/search?q=budget&outlet=Outlet+5&from=2025-03-01&to=2025-06-30"]
    out = []
    with TestClient(create_app(path)) as client:
        for url in pages:
            assert client.get(url).status_code == 200, url
            times = []
            for _ in range(repeats):
                t = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - t) * 1000)
            out.append((url, statistics.median(times)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--db", default="out/bench/web.db")
    ap.add_argument("--repeats", type=int, default=7)
    args = ap.parse_args()
    path = Path(args.db)
    if not path.exists():
        t = time.perf_counter()
        build(path, args.articles)
        print(f"built {args.articles} articles in {time.perf_counter() - t:.1f} s: {path}")
    print(f"{'page':64s} {'median ms':>10s}")
    for url, ms in time_pages(path, args.repeats):
        flag = "" if ms < TARGET_MS else "  OVER TARGET"
        print(f"{url:64s} {ms:10.1f}{flag}")


if __name__ == "__main__":
    main()
