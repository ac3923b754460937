"""A reprint's relative days are its original's: a later copy takes the earlier one's dates.

The analyze stage reads each article alone, so it counts "Wednesday", "yesterday" or a
year-less "March 4" from the article's own publication day. An exact or near copy
(``DuplicateLink`` kinds "exact" and "near") published days after the article it copies
holds text written on the earlier day: counted from the later day, "Norland predicted
Wednesday" lands a week late and the same statement is told on two days. So, once the
duplicates step has linked the copies, ``reanchor`` gives every later member of a group of
copies (a canonical and the articles linked to it) the dates of the group's earliest
published member, for the same words:

- a quote's ``said_on`` and ``said_on_from``, a time expression's value and an event
  mention's ``date`` and ``date_from`` are the earliest member's for the one at the same
  place in the same sentence (the same sentence text; the same offsets within it, or for an
  event mention the same trigger and kind);
- one with no counterpart there (a sentence the original lacks, or reads otherwise) keeps
  its day where its words state the year ("March 4, 2000"), or where counting from either
  date gives that day: a bare weekday or a month and day ("on Saturday", "March 4") that
  lies on or before the earliest member's publication day (the last such weekday before
  the later date is then the last before the earlier one too). Any other day counted from
  the copy's own date ("Wednesday" after the original's day, "yesterday", the article's
  date itself) is taken away with a reason (``COPY_NO_COUNTERPART``), never counted again
  from another date; such a time expression is left out.

Articles published on the same day as the group's earliest member, or with no publication
day (the duplicates step links them, their relative days are unresolved), are left as
they are; so is a translation or a credited wire story (its text is not the same words).

The result is a ``Corpus`` that serves the re-anchored analyses and quotes to every later
step (stories, events, statements, timeline); the stored analyses are not changed, and the
quotes whose day moved are returned for the runner to save (their stored ``said_on`` is
what the article's page shows).
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ..analyze.quotes.dates import YEAR_WRITTEN, SaidOnFrom
from ..records import (
    Analysis,
    Article,
    ArticleInfo,
    DuplicateLink,
    EventMention,
    Mention,
    Quote,
    Sentence,
    Timex,
)
from ..text import MONTH_ABBREVIATIONS, MONTH_NAMES, PARTIAL_DAY, WEEKDAY_NAMES
from .reader import Corpus, EntityLinks
from .said_on import day_expressions

__all__ = ["COPY_KINDS", "COPY_NO_COUNTERPART", "Reanchored", "reanchor"]

# The links whose articles are the same words: their sentences can be matched one for one.
COPY_KINDS = frozenset({"exact", "near"})
# Why a later copy's statement or event has no day: its sentence is not in the earlier
# article, and its day was counted from the copy's own publication date.
COPY_NO_COUNTERPART = ("a copy of an earlier article, whose text lacks its sentence: its "
                       "day counted from the copy's date may be a later week's")
# The days a quote's own words give in full; any other day was counted from the article's.
_STATED_IN_FULL = frozenset({SaidOnFrom.OWN_SENTENCE.value, None})
# A quote's day its sentence's weekday or month and day gives (``_same_either_way``).
_OWN_DAY = frozenset({SaidOnFrom.OWN_SENTENCE_DAY.value, SaidOnFrom.OWN_SENTENCE_YEAR.value})
# A time expression's words that name one day the same from any later date that does not
# pass it: a weekday or a month (general English calendar words, ``text``)...
_CALENDAR_WORD = re.compile(r"\b(?:" + "|".join(WEEKDAY_NAMES + MONTH_NAMES + MONTH_ABBREVIATIONS)
                            + r")\b", re.IGNORECASE)
# ... unless another word counts from the date ("last Friday", "yesterday", "a week ago").
_COUNTED_WORD = re.compile(r"\b(?:last|next|this|coming|past|previous|every|ago|today|tonight|"
                           r"yesterday|tomorrow|week|weekend|earlier|later)\b", re.IGNORECASE)
_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(slots=True)
class _Moves:
    """One copy's new dates: quote id -> (said_on, said_on_from), event mention id ->
    (date, date_from), time expression (start, end) -> value (None: left out)."""

    quotes: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    was: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    mentions: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    timexes: dict[tuple[int, int], str | None] = field(default_factory=dict)

    def apply(self, a: Analysis) -> Analysis:
        quotes = tuple(self.quote(q) for q in a.quotes)
        mentions = tuple(dataclasses.replace(m, date=d[0], date_from=d[1])
                         if (d := self.mentions.get(m.id)) is not None else m
                         for m in a.event_mentions)
        timexes = tuple(t if v == t.value else dataclasses.replace(t, value=v)
                        for t in a.timexes
                        if (v := self.timexes.get((t.start, t.end), t.value)) is not None)
        return dataclasses.replace(a, quotes=quotes, event_mentions=mentions, timexes=timexes)

    def quote(self, q: Quote) -> Quote:
        d = self.quotes.get(q.id)
        return q if d is None else dataclasses.replace(q, said_on=d[0], said_on_from=d[1])


class Reanchored:
    """``corpus`` with the later copies' dates their originals' (``reanchor``)."""

    def __init__(self, corpus: Corpus, moves: Mapping[str, _Moves]) -> None:
        self.corpus = corpus
        self.moves = dict(moves)

    def as_stored(self, q: Quote) -> tuple[str | None, str | None]:
        """A quote's (``said_on``, ``said_on_from``) as stored, before this moved it."""
        moves = self.moves.get(q.article)
        was = moves.was.get(q.id) if moves is not None else None
        return was if was is not None else (q.said_on, q.said_on_from)

    def infos(self) -> list[ArticleInfo]:
        return self.corpus.infos()

    def articles(self, ids: Sequence[str]) -> Iterator[Article]:
        return self.corpus.articles(ids)

    def analyses(self, ids: Sequence[str], sentences: bool = False) -> Mapping[str, Analysis]:
        found = self.corpus.analyses(ids, sentences)
        if not any(i in self.moves for i in found):
            return found
        return {i: self.moves[i].apply(a) if i in self.moves else a for i, a in found.items()}

    def mentions(self) -> list[Mention]:
        return self.corpus.mentions()

    def quotes(self) -> list[Quote]:
        return [self.moves[q.article].quote(q) if q.article in self.moves else q
                for q in self.corpus.quotes()]

    def mention_key_counts(self) -> list[tuple[str, str, int]]:
        return self.corpus.mention_key_counts()

    def linked(self, entities: EntityLinks) -> Corpus:
        return Reanchored(self.corpus.linked(entities), self.moves)

    def read_ahead(self) -> None:
        self.corpus.read_ahead()


def reanchor(corpus: Corpus, links: Sequence[DuplicateLink]) -> Reanchored:
    """``corpus`` as every later step should read it: each exact or near copy published on
    a later day than its group's earliest member takes that member's dates for the same
    sentences (see the module's docstring); it serves ``corpus`` unchanged where no copy
    is later."""
    published = {i.id: day for i in corpus.infos() if (day := _day(i.published))}
    groups: dict[str, set[str]] = defaultdict(set)
    for link in links:
        if link.kind in COPY_KINDS:
            groups[link.canonical].update((link.canonical, link.article))
    pairs: list[tuple[str, str]] = []  # (later copy, earliest member)
    for canonical, members in sorted(groups.items()):
        dated = sorted((published[m], m != canonical, m) for m in members if m in published)
        if not dated:
            continue
        first_day, _, first = dated[0]
        pairs += [(m, first) for day, _, m in dated[1:] if day > first_day]
    if not pairs:
        return Reanchored(corpus, {})
    ids = sorted({a for pair in pairs for a in pair})
    texts = {a.id: a.text for a in corpus.articles(ids)}
    found = corpus.analyses(ids, sentences=True)
    moves = {}
    for copy, first in pairs:
        if copy in texts and first in texts and copy in found and first in found:
            moves[copy] = _moves(texts[copy], found[copy], texts[first], found[first],
                                 published[first])
    return Reanchored(corpus, moves)


def _day(value: str | None) -> str | None:
    """The YYYY-MM-DD day a publication date starts with, or None."""
    if not value or len(value) < 10 or not value[:4].isdigit() or value[4] != "-" \
            or not value[5:7].isdigit() or value[7] != "-" or not value[8:10].isdigit():
        return None
    return value[:10]


def _moves(text: str, analysis: Analysis, first_text: str, first: Analysis,
           first_day: str) -> _Moves:
    """The copy's new dates from the earliest member's analysis of the same sentences;
    ``first_day`` is the earliest member's publication day."""
    moves = _Moves()
    theirs_q = {_quote_key(first_text, q): q for q in first.quotes}
    for q in analysis.quotes:
        match = theirs_q.get(_quote_key(text, q))
        if match is not None:
            new: tuple[str | None, str | None] = (match.said_on, match.said_on_from)
        elif q.said_on is not None and q.said_on_from not in _STATED_IN_FULL \
                and not _quote_either_way(text, q, first_day):
            new = (None, COPY_NO_COUNTERPART)
        else:
            continue
        if new != (q.said_on, q.said_on_from):
            moves.quotes[q.id], moves.was[q.id] = new, (q.said_on, q.said_on_from)
    theirs_m = _mention_keys(first_text, first.event_mentions)
    for key, m in _mention_keys(text, analysis.event_mentions).items():
        other = theirs_m.get(key)
        if other is not None:
            new = (other.date, other.date_from)
        elif m.date is not None and not _stated_for_both(m, analysis.timexes, text, first_day):
            new = (None, COPY_NO_COUNTERPART)
        else:
            continue
        if new != (m.date, m.date_from):
            moves.mentions[m.id] = new
    theirs_t = {k: t for t in first.timexes
                if (k := _timex_key(first_text, first.sentences, t)) is not None}
    for t in analysis.timexes:
        place = _timex_key(text, analysis.sentences, t)
        counterpart = theirs_t.get(place) if place is not None else None
        if counterpart is not None:
            value: str | None = counterpart.value
        elif YEAR_WRITTEN.search(t.text) or not t.value[:1].isdigit() or \
                _same_either_way(t.text, t.value, first_day):
            continue  # the same day either way, or no calendar value ("PRESENT_REF", "P3D")
        else:
            value = None
        if value != t.value:
            moves.timexes[(t.start, t.end)] = value
    return moves


def _quote_key(text: str, q: Quote) -> tuple[str, int, int]:
    """A quote's sentence's words and its place in them."""
    return text[q.sent_start:q.sent_end], q.start - q.sent_start, q.end - q.sent_start


def _mention_keys(text: str, mentions: Sequence[EventMention],
                  ) -> dict[tuple[str, str, str, int], EventMention]:
    """Event mentions by their sentence's words, trigger, kind and order among those alike
    (an event mention spans its sentence)."""
    seen: dict[tuple[str, str, str], int] = defaultdict(int)
    out = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end, m.id)):
        base = (text[m.start:m.end], m.trigger, m.kind)
        out[(*base, seen[base])] = m
        seen[base] += 1
    return out


def _timex_key(text: str, sentences: Sequence[Sentence], t: Timex,
               ) -> tuple[str, int, int] | None:
    """A time expression's sentence's words and its place in them; None outside any."""
    for s in sentences:
        if s.start <= t.start and t.end <= s.end:
            return text[s.start:s.end], t.start - s.start, t.end - s.start
    return None


def _same_either_way(words: str, value: str | None, first_day: str) -> bool:
    """Whether a time expression's day counted from the copy's date is the one counted from
    the earliest member's: a bare weekday or month and day ("on Saturday", "March 4") whose
    day is not after ``first_day``."""
    return value is not None and bool(_FULL_DAY.match(value)) and value[:10] <= first_day \
        and bool(_CALENDAR_WORD.search(words)) and not _COUNTED_WORD.search(words)


def _quote_either_way(text: str, q: Quote, first_day: str) -> bool:
    """Whether a quote's day is its sentence's weekdays' or months and days' (outside what
    was said) and is the same counted from the earliest member's date."""
    if q.said_on_from not in _OWN_DAY:
        return False
    found = day_expressions(text[q.sent_start:q.sent_end],
                            (q.start - q.sent_start, q.end - q.sent_start))
    return bool(found) and all(PARTIAL_DAY.match(v) for v in found or ()) and \
        q.said_on is not None and q.said_on[:10] <= first_day


def _stated_for_both(m: EventMention, timexes: Sequence[Timex], text: str,
                     first_day: str) -> bool:
    """Whether an event mention's day is a time expression of its sentence that writes its
    year ("on March 4, 2000") or gives the same day counted from either date."""
    day = (m.date or "")[:10]
    return any(m.start <= t.start and t.end <= m.end and t.value[:10] == day
               and (YEAR_WRITTEN.search(words := text[t.start:t.end])
                    or _same_either_way(words, t.value, first_day)) for t in timexes)
