"""``storyline watch``: poll sources, process what is new, say what changed in the story."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import ConfigError
from ..settings import Settings
from ..store import Store

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
    articles: frozenset[str]
    timeline: frozenset[tuple[str, str, str]]
    contradictions: frozenset[tuple[str, str]]


def snapshot(store: Store) -> Snapshot:
    return Snapshot(
        articles=frozenset(store.article_ids()),
        timeline=frozenset((t.story, t.kind, t.ref) for t in store.timeline()),
        contradictions=frozenset((c.a, c.b) for c in store.contradictions()))


def describe_changes(store: Store, before: Snapshot, after: Snapshot) -> list[str]:
    """One line per new article, timeline item and contradiction."""
    lines = [f"new article: {a.title or a.source_id} ({a.outlet or 'unknown outlet'})"
             for a in store.articles(sorted(after.articles - before.articles))]
    items = {(t.story, t.kind, t.ref): t for t in store.timeline()}
    for key in sorted(after.timeline - before.timeline):
        t = items[key]
        lines.append(f"new {t.kind}: {t.date or 'undated'}  {t.title}")
    for c in store.contradictions():
        if (c.a, c.b) in after.contradictions - before.contradictions:
            lines.append(f"new contradiction: {c.why}")
    return lines


def watch(sources: Sequence[str], db: str, settings: Settings, every_s: float,
          rounds: int = 0, echo: Callable[[str], None] = print,
          sleep: Callable[[float], None] = time.sleep) -> int:
    """Run ``sources`` every ``every_s`` seconds (``rounds`` times; 0 = until stopped)."""
    from .local import run

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
