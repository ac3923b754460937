"""Who reports something, and how many of them did so independently.

Twenty reprints of one wire story are one source, not twenty: articles linked by a
``DuplicateLink`` (exact, near, wire, translation) form one syndication group, and a group
counts once. Articles that credit the same wire agency count once too, and one outlet counts
once however many of its own articles report the thing.

A page that names no outlet (nor a site or wire credit) is counted two ways, both defined
here. :meth:`SourceIndex.count` counts it as its own origin: the reports behind a row, what
the corpus stage ranks and corroborates on (and stores as ``independent_sources``).
:meth:`SourceIndex.count_named` is what a reader is told (the store's pages, reports and
exports, whose ``independent_sources`` it gives): such a page may come from an outlet
already counted, so it adds a source only when no page names one (then all such pages are
one), and how many were left out is returned with it (the export's ``sources_unnamed``) so
the page says "at least N". The two are equal wherever every page names its outlet. (Making
the corpus stage use the lower count took undated main events with 15 such pages off
ECB+ timelines and lost real key dates; measured in bench/NOTES.md, SRC2.)

Build a :class:`SourceIndex` once per corpus and query it per event or statement; the
function :func:`independent_sources` is the one-shot form.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..clean import outlets
from ..records import ArticleMeta, DuplicateLink
from ..text import fold

__all__ = ["UNKNOWN_PREFIX", "SourceIndex", "independent_sources", "outlet_name",
           "syndication_roots"]

#: how ``outlet_name`` names the outlet of a page that names none: "unknown (<source id>)"
UNKNOWN_PREFIX = "unknown ("


def outlet_name(article: ArticleMeta) -> str:
    """The outlet an article is shown under: its outlet, else its site's (the name the
    outlet table gives its registered domain, else that domain), else its wire."""
    if article.outlet and article.outlet.strip():
        return article.outlet.strip()
    for url in (article.final_url, article.url):
        site = outlets.outlet_for_url(url)
        if site:
            return site
    if article.wire and article.wire.strip():
        return article.wire.strip()
    return f"{UNKNOWN_PREFIX}{article.source_id})"


def syndication_roots(links: Iterable[DuplicateLink]) -> dict[str, str]:
    """Map every linked article to its group's root (the canonical no link points away from).

    Links may chain (a copy of a copy); union-find folds them, and the smallest root id
    wins ties so the result never depends on link order.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in sorted(links, key=lambda d: (d.canonical, d.article)):
        a, c = find(link.article), find(link.canonical)
        if a != c:
            # keep the canonical side as root so the group is named after its original
            parent[a] = c
    return {x: find(x) for x in list(parent)}


@dataclass(frozen=True, slots=True)
class SourceIndex:
    """Per-article outlet names and origin keys (what "independent" is counted over).

    An origin is the folded name of the group's wire credit, else of the outlet of the
    group's canonical article; a wire agency's own page and a credited reprint share it.
    """

    outlets: Mapping[str, str]
    origins: Mapping[str, str]
    #: origins of pages that name no outlet, site nor wire (``outlet_name``'s "unknown (id)")
    unnamed: frozenset[str] = frozenset()

    @classmethod
    def build(cls, articles: Iterable[ArticleMeta] | Mapping[str, ArticleMeta],
              links: Sequence[DuplicateLink]) -> SourceIndex:
        items = list(articles.values()) if isinstance(articles, Mapping) else list(articles)
        by_id = {a.id: a for a in items}
        roots = syndication_roots(links)
        group_wire = _group_wires(by_id, roots)
        outlets = {a.id: outlet_name(a) for a in items}
        origins: dict[str, str] = {}
        for a in items:
            root = roots.get(a.id, a.id)
            wire = group_wire.get(root) or (a.wire or "").strip()
            if wire:
                origins[a.id] = fold(wire)
            else:
                origin_article = by_id.get(root, a)
                origins[a.id] = fold(outlet_name(origin_article))
        unnamed = frozenset(fold(n) for n in outlets.values() if n.startswith(UNKNOWN_PREFIX))
        return cls(outlets=outlets, origins=origins, unnamed=unnamed)

    def sources(self, article_ids: Iterable[str]) -> list[str]:
        """Distinct outlet names of these articles, sorted (unknown ids are skipped)."""
        return sorted({self.outlets[a] for a in article_ids if a in self.outlets})

    def count(self, article_ids: Iterable[str]) -> int:
        """How many independent origins these articles have, a page that names no outlet
        its own (the corpus stage's count): never more than the outlets they name. A copy's
        origin is its group's canonical outlet, so an outlet's own press release reprinted
        first elsewhere ("ucsusa.org" copied by a newswire page) and its other release
        would count as two origins of one outlet."""
        ids = [a for a in article_ids if a in self.origins]
        return min(len({self.origins[a] for a in ids}), len({self.outlets[a] for a in ids}))

    def count_named(self, article_ids: Iterable[str]) -> tuple[int, int]:
        """(independent sources, origins that name no outlet left out of that count).

        The count is ``count`` of the articles whose origin names an outlet (or a site or
        wire): a page that names none may come from an outlet already counted, so it adds
        to the count only when no page names one (then they are one source). When the
        second number is not 0 the count is a lower bound ("at least N"); when it is 0 the
        count equals ``count``. What the store's pages, reports and exports show."""
        ids = [a for a in dict.fromkeys(article_ids) if a in self.origins]
        unnamed = len({self.origins[a] for a in ids} & self.unnamed)
        count = self.count(a for a in ids if self.origins[a] not in self.unnamed)
        if count == 0 and unnamed:
            return 1, unnamed - 1
        return count, unnamed

    def independent(self, article_ids: Iterable[str]) -> tuple[list[str], int]:
        ids = list(article_ids)
        return self.sources(ids), self.count(ids)


def _group_wires(by_id: Mapping[str, ArticleMeta], roots: Mapping[str, str]) -> dict[str, str]:
    """The wire credit of each syndication group: the root's, else the first member's by id."""
    wires: dict[str, str] = {}
    for art_id in sorted(roots, key=lambda x: (x != roots[x], x)):
        article = by_id.get(art_id)
        root = roots[art_id]
        if article and article.wire and article.wire.strip() and root not in wires:
            wires[root] = article.wire.strip()
    return wires


def independent_sources(article_ids: Iterable[str], links: Sequence[DuplicateLink],
                        articles: Iterable[ArticleMeta] | Mapping[str, ArticleMeta],
                        ) -> tuple[list[str], int]:
    """(outlets reporting, independent-source count) for ``article_ids``, copies folded.

    One-shot convenience; build a :class:`SourceIndex` when asking many times.
    """
    return SourceIndex.build(articles, links).independent(article_ids)
