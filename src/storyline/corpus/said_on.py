"""Statements' days in undated articles, from the anchor the corpus gave the article.

The quotes stage dates a statement from its own sentence against the article's publication
day; an article without one leaves "Lavrov indicated on Friday that ..." or "Trump remarked
on August 19 to Fox News ..." undated, because a weekday needs a week and a month-day a
year. ``corpus.events`` fixes an undated article in time from an event it shares with dated
articles of its story (``DateFrom.SHARED_EVENT``): the days it anchors the article on, and,
where its own weekdays bound it, the days it may have been published on. That anchor
(``Anchor``) dates the article's statements the same way: a statement whose sentence, outside
what was said, holds exactly one expression of a day ("on Friday", "August 19", "19
August", "yesterday") takes the one day that expression can be under the anchor, with
``SaidOnFrom.SHARED_EVENT``. No anchor, two expressions, or two readings: no day (the
statement stays undated, with the quotes stage's reason; ``SaidOnFrom.AMBIGUOUS`` where an
anchor was there but its sentence's day expressions gave no one day under it).

The sentence's day expressions are read here, not taken from the stored time expressions:
an undated article's "Friday" or "August 19" has no stored value (``analyze.timexes`` keeps
its partial days for the events stage only). Each is read to the same partial value
(``timexes.partial_value``, ``text.PARTIAL_DAY``) the events stage anchors.

A day this step gave is the corpus's, not the article's: a later build recomputes it (a
quote that carries ``SaidOnFrom.SHARED_EVENT`` is read as undated first, its day needing an
anchor: ``SaidOnFrom.NO_ANCHOR``), so a day whose anchor went away is taken back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..analyze.quotes.dates import SaidOnFrom
from ..analyze.timexes import partial_value
from ..records import Article, Quote
from ..text import MONTH_NAMES, PARTIAL_DAY, PARTIAL_WEEKDAY, WEEKDAY_NAMES, calendar_day

__all__ = ["ANCHOR_YEAR_DAYS", "Anchor", "date_quotes", "day_expressions"]

# Days from an anchor (a day the story's dated articles state for an event the undated
# article shares) within which a year-less "August 19" takes the anchor's year: "a few
# weeks". Any bound under half a year gives one year; a short one keeps the inference to
# what the anchor plainly dates (not chosen on any bundle: no eval article needs more).
ANCHOR_YEAR_DAYS = 42
_WEEKDAY = "|".join(WEEKDAY_NAMES)
_MONTH = "|".join(MONTH_NAMES)
# The expressions of one day a statement's sentence may hold: a bare weekday ("on Friday";
# not "last Friday" or "next Friday", whose week is another reading), a month and day either
# way round, or today/yesterday. A year after the day makes it a full date, which the
# quotes stage reads itself: such a sentence is left alone (``FULL_DATE``).
DAY_EXPRESSION = re.compile(
    r"(?<![\w-])(?:(?P<weekday>" + _WEEKDAY + r")"
    r"|(?P<md>(?:" + _MONTH + r")\s+\d{1,2})(?:st|nd|rd|th)?"
    r"|(?P<dm>\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTH + r"))"
    r"|(?P<rel>today|yesterday))(?![\w-])", re.IGNORECASE)
# Words before a weekday that make it another week's ("last Friday", "next Friday").
OTHER_WEEK = re.compile(r"\b(?:last|next|this|coming|every|past|previous)\s+$", re.IGNORECASE)
FULL_DATE = re.compile(r"\b(?:" + _MONTH + r")\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
                       r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTH + r"),?\s+\d{4}\b",
                       re.IGNORECASE)
TODAY, YESTERDAY = "today", "yesterday"


@dataclass(frozen=True, slots=True)
class Anchor:
    """What an undated article's shared events fix: ``days``, the days dated articles state
    for the events it shares with them, and ``first``..``last``, the days it may have been
    published on (None where its weekdays do not bound it)."""

    days: tuple[date, ...]
    first: date | None = None
    last: date | None = None

    def day(self, value: str) -> date | None:
        """The one day a partial value ("XXXX-08-19", "XXXX-WXX-5") or "today" /
        "yesterday" names under this anchor, or None where there is none or more than one.

        A month and day takes the one year that puts it within ``ANCHOR_YEAR_DAYS`` of an
        anchor day; a weekday is the last one on or before the publication day, so it
        resolves only when every possible publication day gives the same; today and
        yesterday only when the publication day is known to the day.
        """
        if value in (TODAY, YESTERDAY):
            if self.first is None or self.first != self.last:
                return None
            return self.first - timedelta(days=value == YESTERDAY)
        if PARTIAL_WEEKDAY.match(value):
            if self.first is None or self.last is None or self.first > self.last:
                return None
            target = int(value[-1]) - 1
            days = {p - timedelta(days=(p.weekday() - target) % 7)
                    for p in (self.first + timedelta(days=n)
                              for n in range((self.last - self.first).days + 1))}
            return days.pop() if len(days) == 1 else None
        if not PARTIAL_DAY.match(value):
            return None
        month, day = int(value[5:7]), int(value[8:10])
        fits = {d for a in self.days for year in (a.year - 1, a.year, a.year + 1)
                if (d := calendar_day(year, month, day)) and
                abs((d - a).days) <= ANCHOR_YEAR_DAYS}
        return fits.pop() if len(fits) == 1 else None


def day_expressions(text: str, skip: tuple[int, int] = (0, 0)) -> list[str] | None:
    """The day expressions of ``text`` outside the span ``skip``, as partial values
    ("XXXX-WXX-5", "XXXX-08-19") or "today" / "yesterday"; None when it holds a full date
    (the quotes stage's to read)."""
    outside = text[:skip[0]] + " " * (skip[1] - skip[0]) + text[skip[1]:]
    if FULL_DATE.search(outside):
        return None
    out = []
    for m in DAY_EXPRESSION.finditer(outside):
        if m.group("rel"):
            out.append(m.group("rel").lower())
            continue
        if m.group("weekday") and OTHER_WEEK.search(outside[:m.start()]):
            out.append("other week")  # a day, but not one the anchor can read
            continue
        value = partial_value(m.group(0))
        out.append(value or "other")
    return out


def date_quotes(quotes: Sequence[Quote], anchors: Mapping[str, Anchor],
                articles: Iterable[Article]) -> list[Quote]:
    """``quotes`` with the undated ones of anchored articles dated where their sentence
    names one day the anchor reads (``SaidOnFrom.SHARED_EVENT``); a day an earlier build
    gave is recomputed. ``articles`` need to hold only the anchored articles' texts."""
    own = SaidOnFrom.SHARED_EVENT.value
    quotes = [replace(q, said_on=None, said_on_from=SaidOnFrom.NO_ANCHOR.value)
              if q.said_on_from == own else q for q in quotes]
    texts = {a.id: a.text for a in articles if a.id in anchors}
    out = []
    for q in quotes:
        anchor, text = anchors.get(q.article), texts.get(q.article)
        if q.said_on is None and anchor is not None and text is not None:
            day, found = _said_on(q, text, anchor)
            if day is not None:
                q = replace(q, said_on=day.isoformat(), said_on_from=own)
            elif found:
                q = replace(q, said_on_from=SaidOnFrom.AMBIGUOUS.value)
        out.append(q)
    return out


def _said_on(q: Quote, text: str, anchor: Anchor) -> tuple[date | None, bool]:
    """The day the quote's sentence names outside what was said, when it names just one;
    and whether it names any day at all."""
    sentence = text[q.sent_start:q.sent_end]
    found = day_expressions(sentence, (q.start - q.sent_start, q.end - q.sent_start))
    return _one_day(found, anchor), bool(found)


def _one_day(found: list[str] | None, anchor: Anchor) -> date | None:
    if not found or len(set(found)) != 1:
        return None
    day = anchor.day(found[0])  # None for a day the anchor cannot read ("other week")
    # Said before the article was written: never after its latest possible day.
    if day is None or (anchor.last is not None and day > anchor.last):
        return None
    return day
