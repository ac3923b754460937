"""A store read as a corpus (``corpus.reader.Corpus``): what the corpus build reads.

Every article's metadata is read at once; texts and analyses a batch at a time, when a
step asks for them, so a store of any size fits while the build runs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from ..records import Analysis, Article, ArticleInfo, Mention, Quote
from .analysis import EntityLinks

if TYPE_CHECKING:
    from . import Store

# Articles read per query: big enough that a query's cost is spread, small enough that a
# batch's texts are a few megabytes.
ARTICLE_BATCH = 500
# Analyses (without sentences) kept once read, for the build's later steps: stories,
# events and timeline each walk them again. The bench's 1,000 articles' analyses hold
# 22 MiB; beyond this many articles the rest are read again each time, so a large
# corpus's build holds no more than a 1,000-article one does.
KEPT_ANALYSES = 1000


class StoredCorpus:
    """A store's articles and analyses, read when a corpus step asks for them.

    The metadata is read once (finding each text's length reads the texts) and shared by
    the steps of one corpus build, and so are the first ``KEPT_ANALYSES`` analyses read;
    make a new one after the store's articles change.
    ``entities`` are the build's entity links: mentions and quote speakers read through
    this corpus point at them, not at what an earlier build stored.
    """

    def __init__(self, store: Store, entities: EntityLinks | None = None) -> None:
        self.store = store
        self.entities = entities
        self._infos: list[ArticleInfo] | None = None
        self._kept: dict[str, Analysis] = {}

    def infos(self) -> list[ArticleInfo]:
        if self._infos is None:
            self._infos = self.store.article_infos()
        return list(self._infos)

    def articles(self, ids: Sequence[str]) -> Iterator[Article]:
        return self.store.articles_in_order(ids, ARTICLE_BATCH)

    def analyses(self, ids: Sequence[str], sentences: bool = False) -> Mapping[str, Analysis]:
        # An article not analysed yet comes back with an empty analysis, which every step
        # reads as it reads a missing one.
        kept = self._kept
        if sentences:  # only the contradiction step asks, once per article
            if not all(i in kept for i in ids):
                return self.store.analyses(ids, sentences=True, entities=self.entities)
            found_sentences = self.store.sentences_of(ids)
            return {i: dataclasses.replace(kept[i], sentences=found_sentences[i]) for i in ids}
        missing = [i for i in ids if i not in kept]
        found = self.store.analyses(missing, sentences=False, entities=self.entities) \
            if missing else {}
        for i, analysis in found.items():
            if len(kept) >= KEPT_ANALYSES:
                break
            kept[i] = analysis
        return {i: kept[i] if i in kept else found[i] for i in ids}

    def read_ahead(self) -> None:
        ids = [a.id for a in self.infos()[:KEPT_ANALYSES]]
        for start in range(0, len(ids), ARTICLE_BATCH):
            self.analyses(ids[start:start + ARTICLE_BATCH])

    def mentions(self) -> list[Mention]:
        return self.store.mentions(entities=self.entities)

    def quotes(self) -> list[Quote]:
        return self.store.quotes(entities=self.entities)

    def mention_key_counts(self) -> list[tuple[str, str, int]]:
        return self.store.mention_key_counts()

    def linked(self, entities: EntityLinks) -> StoredCorpus:
        linked = StoredCorpus(self.store, entities)
        linked._infos = self._infos
        return linked
