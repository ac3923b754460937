"""What the corpus steps read: every article's metadata at once, texts a batch at a time.

A corpus of any size must fit: its texts and analyses stay where they are kept and are
read in the order a step walks them, while only :class:`~storyline.records.ArticleInfo`
records (no text) are held for every article. ``Corpus`` is what a step asks of them;
``store.reader.StoredCorpus`` reads a store, ``MemoryCorpus`` serves articles already in
memory (tests, benchmarks).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Protocol

from ..records import Analysis, Article, ArticleInfo, Mention, Quote

__all__ = ["Corpus", "EntityLinks", "MemoryCorpus", "each_analysis", "with_analyses"]

# Articles whose analyses are read at a time: a batch's analyses are a few megabytes.
BATCH = 500
# (article, mention key) -> corpus entity id, as ``entities.merge_entities`` links them.
EntityLinks = Mapping[tuple[str, str], str]


class Corpus(Protocol):
    def infos(self) -> list[ArticleInfo]:
        """Every article's metadata, in id order."""

    def articles(self, ids: Sequence[str]) -> Iterator[Article]:
        """The articles with these ids, in the order given (unknown ids skipped)."""

    def analyses(self, ids: Sequence[str], sentences: bool = False) -> Mapping[str, Analysis]:
        """The analyses of these articles (sentences only when asked: they are the bulk);
        an article not analysed yet is missing or has an empty analysis, which the steps
        read alike."""

    def mentions(self) -> list[Mention]:
        """Every article's mentions, by article and start."""

    def quotes(self) -> list[Quote]:
        """Every article's quotes, by article and start."""

    def mention_key_counts(self) -> list[tuple[str, str, int]]:
        """(article, mention key, mentions) for every article-local cluster of mentions."""

    def linked(self, entities: EntityLinks) -> Corpus:
        """This corpus with mentions and quote speakers pointing at ``entities``
        (mentions and speakers whose key has no entity point at none)."""

    def read_ahead(self) -> None:
        """Read now what the later steps will ask for, where this corpus keeps what it reads
        (a store keeps its first analyses); nothing where it keeps nothing."""


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

    def analyses(self, ids: Sequence[str], sentences: bool = False) -> Mapping[str, Analysis]:
        return {i: self.found[i] for i in ids if i in self.found}

    def mentions(self) -> list[Mention]:
        return sorted((m for a in self.found.values() for m in a.mentions),
                      key=lambda m: (m.article, m.start))

    def quotes(self) -> list[Quote]:
        return sorted((q for a in self.found.values() for q in a.quotes),
                      key=lambda q: (q.article, q.start))

    def mention_key_counts(self) -> list[tuple[str, str, int]]:
        counts = Counter((m.article, m.key) for a in self.found.values() for m in a.mentions)
        return [(article, key, n) for (article, key), n in sorted(counts.items())]

    def read_ahead(self) -> None:
        return None  # already in memory

    def linked(self, entities: EntityLinks) -> MemoryCorpus:
        def link(a: Analysis) -> Analysis:
            mentions = tuple(dataclasses.replace(m, entity=entities.get((m.article, m.key)))
                             for m in a.mentions)
            quotes = tuple(dataclasses.replace(q, speaker=entities.get((q.article, q.speaker_key))
                                               if q.speaker_key is not None else None)
                           for q in a.quotes)
            return dataclasses.replace(a, mentions=mentions, quotes=quotes)

        return MemoryCorpus(list(self.by_id.values()),
                            {k: link(a) for k, a in self.found.items()})
