"""What the corpus steps read: every article's metadata at once, texts a batch at a time.

A corpus of any size must fit: its texts and analyses stay in the store and are read in
the order a step walks them, while only :class:`~storyline.records.ArticleInfo` records
(no text) are held for every article. ``StoredCorpus`` reads a store; ``MemoryCorpus``
serves articles already in memory (tests, benchmarks) through the same interface.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Protocol

from ..records import Analysis, Article, ArticleInfo
from ..store import Store

__all__ = ["Corpus", "MemoryCorpus", "StoredCorpus", "each_analysis", "with_analyses"]

# Articles read per query: big enough that a query's cost is spread, small enough that a
# batch's texts and analyses are a few megabytes.
BATCH = 500


class Corpus(Protocol):
    def infos(self) -> list[ArticleInfo]:
        """Every article's metadata, in id order."""

    def articles(self, ids: Sequence[str]) -> Iterator[Article]:
        """The articles with these ids, in the order given (unknown ids skipped)."""

    def analyses(self, ids: Sequence[str]) -> Mapping[str, Analysis]:
        """The analyses of these articles, without sentences; an article not analysed yet
        is missing or has an empty analysis, which the steps read alike."""


def with_analyses(corpus: Corpus, ids: Sequence[str]) -> Iterator[tuple[Article, Analysis | None]]:
    """Each article with its analysis, in the order of ``ids``, a batch read at a time."""
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        found = corpus.analyses(chunk)
        for article in corpus.articles(chunk):
            yield article, found.get(article.id)


def each_analysis(corpus: Corpus, ids: Sequence[str]) -> Iterator[Analysis]:
    """The analyses of ``ids`` that exist, in that order, a batch read at a time."""
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        found = corpus.analyses(chunk)
        yield from (found[i] for i in chunk if i in found)


class StoredCorpus:
    """A store's articles; texts and analyses are read when a step asks for them.

    The metadata is read once (finding each text's length reads the texts) and shared by
    the steps of one corpus build; make a new one after the store's articles change.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._infos: list[ArticleInfo] | None = None

    def infos(self) -> list[ArticleInfo]:
        if self._infos is None:
            self._infos = self.store.article_infos()
        return list(self._infos)

    def articles(self, ids: Sequence[str]) -> Iterator[Article]:
        return self.store.articles_in_order(ids, BATCH)

    def analyses(self, ids: Sequence[str]) -> Mapping[str, Analysis]:
        # An article not analysed yet comes back with an empty analysis, which every step
        # reads as it reads a missing one.
        return self.store.analyses(ids, sentences=False)


class MemoryCorpus:
    """Articles (and their analyses, if any) already in memory."""

    def __init__(self, articles: Sequence[Article],
                 analyses: Mapping[str, Analysis] | None = None) -> None:
        self.by_id = {a.id: a for a in articles}
        self.found = analyses or {}

    def infos(self) -> list[ArticleInfo]:
        return [ArticleInfo.of(self.by_id[k]) for k in sorted(self.by_id)]

    def articles(self, ids: Sequence[str]) -> Iterator[Article]:
        return (self.by_id[i] for i in ids if i in self.by_id)

    def analyses(self, ids: Sequence[str]) -> Mapping[str, Analysis]:
        return {i: self.found[i] for i in ids if i in self.found}
