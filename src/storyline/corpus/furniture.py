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
    4. sign-offs        a short closing line that names what the closing lines of pages
                        unalike without them name ("Jim Teple, VOA News, Miami."): a
                        broadcaster's sign-off, a footer of one line (``closing_lines``,
                        ``sign_offs``, ``SignedOff``)
    5. a page's words   the page's text without the paragraphs left out (``full_text``,
                        ``skipped_spans``) and the words it is compared by (``text_keys``)

``site_furniture`` runs steps 2 and 3 over a corpus. Pure functions over the records: any
runner can share them.
"""

from __future__ import annotations

import importlib.util
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from hashlib import blake2b
from itertools import pairwise, takewhile
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..records import Analysis, Article, ArticleInfo, Mention, Quote
from ..text import tokens, words
from .dedup import MIN_PARAGRAPH_WORDS
from .reader import Corpus, EntityLinks

__all__ = ["FURNITURE_ALIKE", "MIN_PROSE_KEYS", "NO_SKIP", "SIGN_OFF_WORDS", "Pages",
           "SignedOff", "closing_line", "closing_lines", "digests", "full_text", "furniture",
           "holders", "prose_text", "recurring_paragraphs", "sign_offs", "site_furniture",
           "skipped_spans", "stop_words", "text_keys"]

# A long paragraph (12+ words, as dedup counts them) that two articles, no copies of each
# other, both print in the run of shared paragraphs that opens or closes them (where a site
# prints its furniture; ``recurring_paragraphs``) is furniture (a slogan, newsletter box,
# disclaimer or "About" paragraph) when the two are less alike than this in the text channel
# without it; then no article's text, figures or capitalised names read it. Reports of one
# event that quote the same paragraph stay alike without it: on stories-ecbplus-dev the 74
# pairs that share a paragraph anywhere keep a text cosine of 0.25-0.64 without it; the
# unrelated pages that share furniture on dumps-scrapinghub and dates-mediacloud 0.08-0.18
# (a site's newsletter box, a magazine's slogan, a paper's comment rules). 0.2, the story
# threshold, splits them.
FURNITURE_ALIKE = 0.2
# A page whose language no detector could tell ("und") and whose text has fewer than this
# many words to compare is no prose (a bot wall's "Request blocked. Incident ID: ..."): it
# joins no story. Chosen between the two "und" pages nearest it on the guard
# bundles' stores: that wall (dates-mediacloud) has 6, its number one, and the fewest of any
# other has 11 (a broadcaster's copyright line on dates-mediacloud-dumps); the rest have 42+.
# A page with a language is never cut, short as it is (a one-sentence page of 3 words to
# compare on stories-ecbplus-dev).
MIN_PROSE_KEYS = 8
# A sentence's end: a full stop, question or exclamation mark of any script, or an
# ellipsis, before any closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…。！？।؟][\"'”’»)\]]*$")
# No paragraph left out.
NO_SKIP: frozenset[int] = frozenset()
# A page's last sentence of at most this many words is its closing line; it is a sign-off
# when a capitalised word of it past its first (an outlet, a desk, a city) closes another
# page too ("Jim Teple, VOA News, Miami." and "Purnell Murdock, VOA News."; "Elaine Corey,
# NPR news, San Francisco." and "For NPR news, I'm Auncil Martinez reporting."). Read as
# content, the sign-off made unrelated reports of one broadcaster alike in words and in
# names (timex-tbaq: a Lagos riot and a hate-group report, a savings-and-loan trial and
# California landslides; bench/NOTES.md, STO2 p4). The longest sign-offs there have 7
# words ("Lisa Schlein for VOA News, Geneva."); 8 leaves room for a two-word desk and
# stays under the shortest sentence that reports something and names two participants.
SIGN_OFF_WORDS = 8
# The sentence ends a closing line starts after: a full stop, question or exclamation mark
# of any script or an ellipsis, with any closing quotes or brackets, then a space.
_SENTENCE_BREAK = re.compile(r"[.!?…。！？।؟][\"'”’»)\]]*\s+")

# ``site_furniture``'s text channel: text_rows(skip, holders) is the text channel of the
# pages' prose (``text_keys(..., prose=True)``) with the paragraphs ``skip`` (their digests)
# left out of the pages ``holders`` (their positions).
TextRows = Callable[[frozenset[int], set[int]], Any]


def site_furniture(corpus: Corpus, ids: Sequence[str], text_rows: TextRows) -> tuple[
        Mapping[int, Sequence[int]], Pages, frozenset[int]]:
    """The paragraphs ``ids``' articles share (``recurring_paragraphs``: digest -> holders,
    and each page's language and whether it has prose of its own), and which of them are a
    site's furniture (``furniture``, judged on ``text_rows`` of the pages' prose)."""
    recurring, pages = recurring_paragraphs(corpus.articles(ids))
    skip = furniture(recurring, lambda s: text_rows(s, holders(recurring, s)))
    return recurring, pages, skip


@dataclass(frozen=True, slots=True)
class Pages:
    """What ``recurring_paragraphs`` tells of each page, in the order read."""

    alone: NDArray[np.bool_]  # no prose (``MIN_PROSE_KEYS``): alike to nothing
    language: NDArray[np.int32]  # a number per language of the corpus; -1: not told ("und")


def recurring_paragraphs(articles: Iterable[Article]) -> tuple[dict[int, list[int]], Pages]:
    """The long paragraphs (``digests``) that two or more of ``articles`` print in the run of
    shared paragraphs that opens or closes them (where a site prints its furniture) and no
    article prints amid its own: digest -> positions of those articles. Pages of others'
    paragraphs only (a digest, a copy) are no evidence either way. Also which articles are no
    prose (``MIN_PROSE_KEYS``) and their languages (``Pages``), read on the same pass. A pure
    pass over the records, so any runner can share it."""
    pages: list[array[int]] = []  # each article's long paragraphs' digests, in order
    alone: list[bool] = []
    languages: dict[str, int] = {}
    language: list[int] = []
    for a in articles:
        pages.append(array("Q", (d for d in digests(a.paragraphs) if d is not None)))
        alone.append(a.language == "und" and len(text_keys(a)) < MIN_PROSE_KEYS)
        told = a.language not in (None, "und")
        language.append(languages.setdefault(a.language or "", len(languages)) if told else -1)
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
            Pages(alone=np.array(alone, dtype=bool), language=np.array(language, dtype=np.int32)))


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
              text_rows: Callable[[frozenset[int]], Any]) -> frozenset[int]:
    """The recurring paragraphs that are furniture.

    ``text_rows(skip)`` builds the text channel of the pages' prose (``prose_text``) without
    the paragraphs ``skip``; a recurring paragraph is furniture when, without every
    recurring paragraph, some two consecutive holders of it are less alike than
    ``FURNITURE_ALIKE`` (``_unalike``). Prose only: the short lines a site prints around its
    furniture (a menu, a date line, a keyword list, "Advertisements") kept two of one site's
    pages on different reports over it without the furniture (bench/NOTES.md, STO).
    """
    if not recurring:
        return NO_SKIP
    rows = text_rows(frozenset(recurring))
    return frozenset(d for d, held in recurring.items()
                     if any(_unalike(rows, a, b) for a, b in pairwise(held)))


def holders(recurring: Mapping[int, Sequence[int]], skip: frozenset[int]) -> set[int]:
    """The positions of the pages that print any of the recurring paragraphs ``skip``."""
    return {k for d in skip for k in recurring[d]}


def _unalike(rows: Any, a: int, b: int) -> bool:
    """Whether two articles are less alike than ``FURNITURE_ALIKE`` in ``rows``; an article
    with nothing left there is the other's copy, not its neighbour (never unalike)."""
    if rows[a].nnz == 0 or rows[b].nnz == 0:
        return False
    return float(rows[a].multiply(rows[b]).sum()) < FURNITURE_ALIKE


def _apart(rows: Any, a: int, b: int) -> bool:
    """Whether two articles are less alike than ``FURNITURE_ALIKE`` in ``rows``, an article
    with nothing left there (no word another page has) being alike to none."""
    return (rows[a].nnz == 0 or rows[b].nnz == 0
            or float(rows[a].multiply(rows[b]).sum()) < FURNITURE_ALIKE)


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


def text_keys(article: Article, skip: frozenset[int] = frozenset(),
              prose: bool = False) -> list[str]:
    """The words the text channel compares: ``tokens`` without the stop words of the
    article's own language (``tokens`` drops only English ones: a Spanish page's "de", "la"
    and "que", an Arabic page's "في" and "من", made any two pages of one language alike),
    the paragraphs ``skip`` (their digests) left out; with ``prose``, of its prose only
    (``prose_text``)."""
    stop = stop_words(article.language)
    text = prose_text(article, skip) if prose else full_text(article, skip)
    return [t for t in tokens(text) if t not in stop]


def prose_text(article: Article, skip: frozenset[int] = frozenset()) -> str:
    """Headline and the paragraphs that read as prose: every long one (``digests``) but
    those ``skip`` holds, and a short one only when it ends as a sentence ends ("He was
    54."), not a menu, byline, date line, keyword list or "Advertisements" line."""
    paragraphs = article.paragraphs
    kept = [p for p, d in zip(paragraphs, digests(paragraphs), strict=True)
            if (d is not None and d not in skip)
            or (d is None and _SENTENCE_END.search(p.rstrip(" |\t")))]
    return "\n\n".join([article.title or "", *kept])


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




def closing_line(text: str) -> tuple[int, frozenset[str]] | None:
    """The start of ``text``'s last sentence when it has at most ``SIGN_OFF_WORDS`` words,
    with its marks: the folded words of its capitalised words past its first (a sentence's
    first word is capitalised whatever it is); None for a longer last sentence or a text of
    one sentence."""
    body = text.rstrip()
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(body) if m.end() < len(body)]
    if not breaks:
        return None
    start = breaks[-1]
    parts = body[start:].split()
    if len(parts) > SIGN_OFF_WORDS:
        return None
    marks = frozenset(w for part in parts[1:] if any(c.isupper() for c in part)
                      for w in words(part) if not w.isdigit())
    return start, marks


def closing_lines(articles: Iterable[Article]) -> dict[str, tuple[int, frozenset[str]]]:
    """Article id -> (where its closing line starts, the marks it shares), for the articles
    whose closing line (``closing_line``) shares a mark with another article's."""
    found: dict[str, tuple[int, frozenset[str]]] = {}
    for a in articles:
        line = closing_line(a.text)
        if line is not None and line[1]:
            found[a.id] = line
    carried = Counter(w for _, marks in found.values() for w in marks)
    return {a: (start, shared) for a, (start, marks) in found.items()
            if (shared := frozenset(w for w in marks if carried[w] > 1))}


def sign_offs(closing: Mapping[str, tuple[int, frozenset[str]]], ids: Sequence[str],
              rows: Any) -> dict[str, int]:
    """Article id -> where its sign-off starts: the closing lines (``closing_lines``) of a
    mark two of whose holders are less alike than ``FURNITURE_ALIKE`` in ``rows`` (the text
    channel of ``ids`` without their closing lines; ``_apart``), as a site's furniture is
    judged. Two reports of one event that close alike ("The woman was pronounced dead at
    HCMC.") stay alike without it, and keep it."""
    position = {a: k for k, a in enumerate(ids)}
    holders: dict[str, list[int]] = {}
    for a, (_, marks) in closing.items():
        for w in marks:
            holders.setdefault(w, []).append(position[a])
    furniture = {w for w, held in holders.items()
                 if any(_apart(rows, a, b) for a, b in pairwise(sorted(held)))}
    return {a: start for a, (start, marks) in closing.items() if marks & furniture}


class SignedOff:
    """A corpus whose articles end before their sign-offs (``sign_offs``: id -> where it
    starts): their texts are cut there, and their analyses keep the mentions before it."""

    def __init__(self, corpus: Corpus, cuts: Mapping[str, int]) -> None:
        self.corpus, self.cuts = corpus, cuts

    def infos(self) -> list[ArticleInfo]:
        return self.corpus.infos()

    def articles(self, ids: Sequence[str]) -> Iterator[Article]:
        for a in self.corpus.articles(ids):
            cut = self.cuts.get(a.id)
            yield a if cut is None else replace(a, text=a.text[:cut].rstrip())

    def analyses(self, ids: Sequence[str], sentences: bool = False) -> Mapping[str, Analysis]:
        found = self.corpus.analyses(ids, sentences)
        if not any(i in self.cuts for i in found):
            return found
        return {i: an if (cut := self.cuts.get(i)) is None
                else replace(an, mentions=tuple(m for m in an.mentions if m.start < cut))
                for i, an in found.items()}

    def mentions(self) -> list[Mention]:
        return self.corpus.mentions()

    def quotes(self) -> list[Quote]:
        return self.corpus.quotes()

    def mention_key_counts(self) -> list[tuple[str, str, int]]:
        return self.corpus.mention_key_counts()

    def linked(self, entities: EntityLinks) -> Corpus:
        return SignedOff(self.corpus.linked(entities), self.cuts)

    def read_ahead(self) -> None:
        self.corpus.read_ahead()
