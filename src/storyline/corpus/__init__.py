"""Corpus-wide stages: everything that needs more than one article at a time.

``build`` recomputes them from the stored articles and analyses, in the order each needs
the one before; it is deterministic, so a re-run writes the same rows. A step that raises
becomes a ``CorpusStepError`` naming the step; the runner records it and keeps the run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from ..errors import StorylineError
from ..records import DuplicateLink
from ..settings import Settings
from ..store import Store
from . import contradictions, dedup, entities, events, key_dates, statements, stories, timeline
from .reader import StoredCorpus
from .sources import SourceIndex

R = TypeVar("R")


class Workers(Protocol):
    """What the build needs of a runner's worker pool (``parallel.Workers`` is one)."""

    def submit(self, fn: Callable[..., R], *args: Any) -> Callable[[], R]:
        """``fn(*args)`` in a worker when one is running; returns what to call for the result."""


class CorpusStepError(StorylineError):
    """A corpus step raised: ``step`` names it, ``reason`` and ``detail`` say what raised.

    The articles and analyses are already stored; only the corpus tables are out of date.
    """

    def __init__(self, step: str, cause: Exception) -> None:
        self.step = step
        self.reason = type(cause).__name__
        self.detail = str(cause)
        super().__init__(f"corpus step '{step}' failed: {self.reason}: {self.detail}")


@contextmanager
def _step(name: str) -> Iterator[None]:
    try:
        yield
    except Exception as e:  # any error in a step is reported as that step's
        raise CorpusStepError(name, e) from e


def build(store: Store, settings: Settings, workers: Workers | None = None) -> None:
    """Bring entities, duplicates, stories, events, contradictions and the timeline up to date.

    With ``workers`` running, copies are found in one of them while this process merges
    names: the two steps read different things and neither needs the other. Raises
    ``CorpusStepError`` naming the step that failed.
    """
    # Steps 2 and 3 read texts from the store a batch at a time; what every later step
    # needs of an article is its metadata.
    corpus = StoredCorpus(store)
    copies = _copies(corpus, settings, workers)
    # 1. Names merged across articles; mentions and quote speakers point at entities.
    with _step("entities"):
        merged, key_to_entity = entities.merge_entities(store.mentions())
        store.replace_entities(merged)
        store.link_mentions(key_to_entity)
    # 2. Copies: the same text, the same wire story, translations.
    with _step("duplicates"):
        links = copies()
        store.replace_duplicates(links)
    # 3. Stories, starting from the assignment earlier runs made.
    with _step("stories"):
        found_stories = stories.assign_stories(corpus, links, store.stories(), settings)
        store.save_stories(found_stories)
    # 4. Events merged across articles, with their independent sources; analyses are
    # read a batch at a time, never every article's at once.
    with _step("events"):
        articles = corpus.infos()
        found_events = events.merge_events(articles, corpus, found_stories, links,
                                           key_to_entity)
        store.replace_events(found_events)
    # 5. Statements: the quotes that render one utterance, across copies and rewrites.
    with _step("statements"):
        quotes = store.quotes()
        found_statements = statements.group_statements(quotes, articles, links, found_stories)
        store.replace_statements(found_statements)
    # 6. Statements that conflict within a story; sentences only where there are statements.
    with _step("contradictions"):
        store.replace_contradictions(contradictions.find_contradictions(
            quotes, articles, found_stories, store.analyses))
    # 7. One timeline per story, ranked.
    with _step("timeline"):
        rows = timeline.build_timeline(found_stories, found_events, found_statements,
                                       {q.id: q for q in quotes}, store.mention_counts())
        store.replace_timeline(rows)
    # 8. Each story's key dates, from its ranked rows.
    with _step("key_dates"):
        store.replace_key_dates(key_dates.find_key_dates(
            found_stories, rows, SourceIndex.build(articles, links)))


def _copies(corpus: StoredCorpus, settings: Settings,
            workers: Workers | None) -> Callable[[], list[DuplicateLink]]:
    """Duplicate links, found in a worker process when one is running (its own read-only
    connection sees the analysed store: this build's writes are not committed yet, and
    near-duplicates read none of them), else in this process when asked for."""
    if workers is None or corpus.store.path == ":memory:":
        return lambda: dedup.find_duplicates(corpus, settings)
    return workers.submit(duplicates_in_store, corpus.store.path, settings)


def duplicates_in_store(path: str, settings: Settings) -> list[DuplicateLink]:
    """``dedup.find_duplicates`` over the store at ``path`` (a worker task)."""
    with Store.open(path, readonly=True) as store:
        return dedup.find_duplicates(StoredCorpus(store), settings)
