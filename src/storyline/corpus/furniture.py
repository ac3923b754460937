"""A site's furniture: what pages print that is not their own report.

A site prints the same paragraphs on many of its pages (a slogan, a newsletter box, a
disclaimer, an "About" paragraph). Read as content, they make unrelated pages of one site
alike; the stories step leaves them out of what it compares.

    1. digests          each long paragraph's 64-bit digest (``digests``)
    2. recurring        the long paragraphs that two or more pages print in the run of
                        shared paragraphs that opens or closes them, and never amid a page's
                        own paragraphs (``recurring_paragraphs``); also which pages have no
                        prose of their own (a bot wall), which join no story
    3. furniture        a recurring paragraph is furniture when two of the pages that print
                        it are unalike without it (``furniture``)
    4. a page's words   the page's text without the paragraphs left out (``full_text``,
                        ``skipped_spans``) and the words it is compared by (``text_keys``)

``site_furniture`` runs steps 2 and 3 over a corpus. Pure functions over the records: any
runner can share them.
"""

from __future__ import annotations

import importlib.util
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from hashlib import blake2b
from itertools import pairwise, takewhile
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..records import Article
from ..text import tokens, words
from .dedup import MIN_PARAGRAPH_WORDS
from .reader import Corpus

__all__ = ["FURNITURE_ALIKE", "MIN_PROSE_KEYS", "NO_SKIP", "digests", "full_text", "furniture",
           "holders", "recurring_paragraphs", "site_furniture", "skipped_spans", "stop_words",
           "text_keys"]

# A long paragraph (12+ words, as dedup counts them) that two articles, no copies of each
# other, both print in the run of shared paragraphs that opens or closes them (where a site
# prints its furniture; ``recurring_paragraphs``) is furniture (a slogan, newsletter box,
# disclaimer or "About" paragraph) when the two are less alike than this in the text channel
# without it; then no article's text, figures or capitalised names read it. Reports of one
# event that quote the same paragraph stay alike without it: on stories-ecbplus-dev the 74
# pairs that share a paragraph anywhere keep a text cosine of 0.25-0.64 without it; the
# unrelated pages that share furniture on dumps-scrapinghub and dates-mediacloud 0.08-0.18
# (space.com's "Need more space?", WIRED's slogan, sn.dk's comment rules). 0.2, the story
# threshold, splits them.
FURNITURE_ALIKE = 0.2
# A page whose language no detector could tell ("und") and whose text has fewer than this
# many words to compare is no prose (a bot wall's "Request unsuccessful. Incapsula incident
# ID: ..."): it joins no story. Chosen between the two "und" pages nearest it on the guard
# bundles' stores: that wall (dates-mediacloud) has 6, its number one, and the fewest of any
# other has 11 (dates-mediacloud-dumps' Radio Free Europe copyright line); the rest have 42+.
# A page with a language is never cut, short as it is ("The parliament election is over in
# Turkmenistan.", 3 words, on stories-ecbplus-dev).
MIN_PROSE_KEYS = 8
# No paragraph left out.
NO_SKIP: frozenset[int] = frozenset()

# ``site_furniture``'s text channel: text_rows(skip, holders) is the text channel with the
# paragraphs ``skip`` (their digests) left out of the pages ``holders`` (their positions).
TextRows = Callable[[frozenset[int], set[int]], Any]


def site_furniture(corpus: Corpus, ids: Sequence[str], text_rows: TextRows) -> tuple[
        Mapping[int, Sequence[int]], NDArray[np.bool_], frozenset[int], Any]:
    """The paragraphs ``ids``' articles share (``recurring_paragraphs``: digest -> holders,
    and which pages have no prose of their own), which of them are a site's furniture
    (``furniture``, judged on ``text_rows``), and the text channel's rows when working that
    out already built them."""
    recurring, alone = recurring_paragraphs(corpus.articles(ids))
    skip, text = furniture(recurring, lambda s: text_rows(s, holders(recurring, s)))
    return recurring, alone, skip, text


def recurring_paragraphs(articles: Iterable[Article],
                         ) -> tuple[dict[int, list[int]], NDArray[np.bool_]]:
    """The long paragraphs (``digests``) that two or more of ``articles`` print in the run of
    shared paragraphs that opens or closes them (where a site prints its furniture) and no
    article prints amid its own: digest -> positions of those articles. Pages of others'
    paragraphs only (a digest, a copy) are no evidence either way. Also which articles are no
    prose (``MIN_PROSE_KEYS``). A pure pass over the records, so any runner can share it."""
    pages: list[array[int]] = []  # each article's long paragraphs' digests, in order
    alone: list[bool] = []
    for a in articles:
        pages.append(array("Q", (d for d in digests(a.paragraphs) if d is not None)))
        alone.append(a.language == "und" and len(text_keys(a)) < MIN_PROSE_KEYS)
    shared = _held_twice(pages)
    held: dict[int, list[int]] = {}  # shared digest -> pages that print it at an edge
    inside: set[int] = set()  # shared, but amid a page's own paragraphs: content
    for k, found in enumerate(pages):
        if not set(found) - shared:  # others' paragraphs only (a digest, a copy): no evidence
            continue
        edges = _edge_runs(found, shared)
        inside.update(shared.intersection(found) - edges)
        for d in edges:
            held.setdefault(d, []).append(k)
    return ({d: rows for d, rows in held.items() if len(rows) > 1 and d not in inside},
            np.array(alone, dtype=bool))


def _held_twice(pages: Sequence[array[int]]) -> set[int]:
    """The digests that two or more pages print, counted over packed arrays: a Python
    object per paragraph of the corpus would hold every one in memory at once."""
    if not pages:
        return set()
    each = np.concatenate([np.unique(np.frombuffer(found, dtype=np.uint64)) for found in pages])
    kinds, pages_with = np.unique(each, return_counts=True)
    return set(kinds[pages_with > 1].tolist())


def _edge_runs(page: Sequence[int], shared: set[int]) -> set[int]:
    """The shared digests of the runs that open and close a page's long paragraphs."""
    lead = list(takewhile(shared.__contains__, page))
    return {*lead, *takewhile(shared.__contains__, reversed(page))}


def furniture(recurring: Mapping[int, Sequence[int]],
              text_rows: Callable[[frozenset[int]], Any]) -> tuple[frozenset[int], Any]:
    """The recurring paragraphs that are furniture, and the text channel without them when
    it was built on the way (every recurring paragraph is furniture), else None.

    ``text_rows(skip)`` builds the text channel without the paragraphs ``skip``; a recurring
    paragraph is furniture when, without every recurring paragraph, some two consecutive
    holders of it are less alike than ``FURNITURE_ALIKE`` (``_unalike``). The text channel
    is built again only when some recurring paragraph is not furniture.
    """
    if not recurring:
        return NO_SKIP, None
    every = frozenset(recurring)
    rows = text_rows(every)
    found = frozenset(d for d, held in recurring.items()
                      if any(_unalike(rows, a, b) for a, b in pairwise(held)))
    return found, rows if found == every else None


def holders(recurring: Mapping[int, Sequence[int]], skip: frozenset[int]) -> set[int]:
    """The positions of the pages that print any of the recurring paragraphs ``skip``."""
    return {k for d in skip for k in recurring[d]}


def _unalike(rows: Any, a: int, b: int) -> bool:
    """Whether two articles are less alike than ``FURNITURE_ALIKE`` in ``rows``; an article
    with nothing left there is the other's copy, not its neighbour (never unalike)."""
    if rows[a].nnz == 0 or rows[b].nnz == 0:
        return False
    return float(rows[a].multiply(rows[b]).sum()) < FURNITURE_ALIKE


def digests(paragraphs: Sequence[str]) -> list[int | None]:
    """Each paragraph's 64-bit digest, its words one space apart (a site prints its furniture
    the same way every time: no folding needed); None when it has fewer words than dedup's
    ``MIN_PARAGRAPH_WORDS``, which bylines and datelines have."""
    out: list[int | None] = []
    for p in paragraphs:
        ws = p.split()
        out.append(int.from_bytes(blake2b(" ".join(ws).encode(), digest_size=8).digest(), "little")
                   if len(ws) >= MIN_PARAGRAPH_WORDS else None)
    return out


def text_keys(article: Article, skip: frozenset[int] = frozenset()) -> list[str]:
    """The words the text channel compares: ``tokens`` without the stop words of the
    article's own language (``tokens`` drops only English ones: a Spanish page's "de", "la"
    and "que", an Arabic page's "في" and "من", made any two pages of one language alike),
    the paragraphs ``skip`` (their digests) left out."""
    stop = stop_words(article.language)
    return [t for t in tokens(full_text(article, skip)) if t not in stop]


@cache
def stop_words(language: str | None) -> frozenset[str]:
    """spaCy's stop words of a language (ISO 639-1), folded as ``words`` folds a text;
    empty for a language spaCy has no list for ("und", None)."""
    if not language or not language.isalpha():
        return frozenset()
    # The list's own file, not its language package: importing spacy.lang.fr alone costs
    # 2 s of CPU (its lemmatizer pulls in spaCy's pipeline); the lists import nothing.
    root = importlib.util.find_spec("spacy.lang")
    path = Path(root.origin).parent / language / "stop_words.py" if root and root.origin else None
    if path is None or not path.is_file():
        return frozenset()
    spec = importlib.util.spec_from_file_location(f"_storyline_stop_words_{language}", path)
    if spec is None or spec.loader is None:
        return frozenset()
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found: Iterable[str] = getattr(module, "STOP_WORDS", ())
    return frozenset(w for s in found for w in words(s))


def full_text(article: Article, skip: frozenset[int] = frozenset()) -> str:
    """Headline and text; without the paragraphs whose digests ``skip`` holds."""
    if not skip:
        return f"{article.title or ''}\n\n{article.text}"
    paragraphs = article.paragraphs
    kept = [p for p, d in zip(paragraphs, digests(paragraphs), strict=True) if d not in skip]
    return "\n\n".join([article.title or "", *kept])


def skipped_spans(text: str, skip: frozenset[int]) -> list[tuple[int, int]]:
    """Character spans in ``text`` of the paragraphs whose digests ``skip`` holds."""
    spans = []
    start = 0
    for paragraph in text.split("\n\n"):
        end = start + len(paragraph)
        if digests([paragraph])[0] in skip:
            spans.append((start, end))
        start = end + 2
    return spans


