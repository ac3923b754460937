"""``storyline watch``: poll sources, process what is new, say what changed in the story."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import ConfigError
from ..records import Contradiction, TimelineItem
from ..settings import Settings
from ..store import Store
from .local import run

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_S = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """'15m' -> 900.0; '30s', '2h', '1d', or plain seconds."""
    m = _INTERVAL.match(text)
    if not m:
        raise ConfigError(f"cannot read interval {text!r}; use e.g. 30s, 15m, 2h")
    return float(m.group(1)) * _UNIT_S[m.group(2)]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What a round compares: article ids, timeline rows and contradictions by their keys."""

    articles: frozenset[str]
    timeline: dict[tuple[str, str, str], TimelineItem]
    contradictions: dict[tuple[str, str], Contradiction]


def snapshot(store: Store) -> Snapshot:
    return Snapshot(
        articles=frozenset(store.article_ids()),
        timeline={(t.story, t.kind, t.ref): t for t in store.timeline()},
        contradictions={(c.a, c.b): c for c in store.contradictions()})


def describe_changes(store: Store, before: Snapshot, after: Snapshot) -> list[str]:
    """One line per new article, timeline item and contradiction (rows from ``after``)."""
    lines = [f"new article: {a.title or a.source_id} ({a.outlet or 'unknown outlet'})"
             for a in store.articles(sorted(after.articles - before.articles))]
    for key in sorted(after.timeline.keys() - before.timeline.keys()):
        t = after.timeline[key]
        lines.append(f"new {t.kind}: {t.date or 'undated'}  {t.title}")
    lines += [f"new contradiction: {c.why}" for pair, c in after.contradictions.items()
              if pair not in before.contradictions]
    return lines


def watch(sources: Sequence[str], db: str, settings: Settings, every_s: float,
          rounds: int = 0, echo: Callable[[str], None] = print,
          sleep: Callable[[float], None] = time.sleep) -> int:
    """Run ``sources`` every ``every_s`` seconds (``rounds`` times; 0 = until stopped)."""
    done = 0
    while True:
        with Store.open(db) as store:
            before = snapshot(store)
            summary = run(list(sources), store, settings)
            changes = describe_changes(store, before, snapshot(store))
        echo(f"round {done + 1}: {summary.new_articles} new articles, "
             f"{summary.failures} failures")
        for line in changes:
            echo("  " + line)
        done += 1
        if rounds and done >= rounds:
            return done
        sleep(every_s)
