"""The day a statement was made, and how that was decided.

In order: a day-valued time expression attached to the statement's own cue verb ("said on
Wednesday"); the day of the same speaker's neighbouring statements (a run of quotes from one
speaker reports one occasion); the lead's dated statement for the article's framing speaker;
the article date when the cue is in the present tense (same-day news); else nothing.

A month and day without a year ("said on March 4") take their year from the article's date,
and say so (``SaidOnFrom.OWN_SENTENCE_YEAR``); such a day never lies after the article's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from enum import StrEnum

from spacy.tokens import Token

from ...records import Article, Timex
from ...text import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTH_NUMBERS,
    WEEKDAY_NAMES,
    WEEKDAY_NUMBERS,
    calendar_day,
)
from ..model import lemma_of
from ..timexes import article_day


class SaidOnFrom(StrEnum):
    """How a statement's day was found (``Quote.said_on_from``), or why none was.

    The value is what the store and the exports carry; code branches on the member.
    """

    OWN_SENTENCE = "own sentence"  # a time expression on the statement's own cue
    # a month and day on the statement's own cue, the year the article's date's
    OWN_SENTENCE_YEAR = "own sentence, year from the article date"
    NEIGHBOUR = "same speaker's neighbouring statement"
    PRESENT_TENSE = "article date: present-tense cue"
    LEAD = "article date: lead statement with no time of its own"
    VAGUE = "vague"  # its sentence names a time, but not a day
    # Set by the corpus, never by this stage: an undated article's "on Friday" or "August
    # 19" whose week or year ``corpus.events`` fixed from an event the article shares with
    # dated articles of its story (``corpus.said_on``).
    SHARED_EVENT = "inferred: own sentence's day, its year or week from a shared event"


# The days a statement's own sentence states: the month and day at least.
STATED = frozenset({SaidOnFrom.OWN_SENTENCE, SaidOnFrom.OWN_SENTENCE_YEAR})

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# A time expression that names a month but no year ("March 4", "4 Sept."): its day's year
# is the article date's, an inference. A year is four digits or an apostrophe's two ("'24").
MONTH_WORD = re.compile(r"\b(?:" + "|".join(MONTH_NAMES + MONTH_ABBREVIATIONS) + r")\b",
                        re.IGNORECASE)
YEAR_WRITTEN = re.compile(r"(?<!\d)(?:\d{4}|'\d{2})(?!\d)")
# The minimal weekday/today/month-day reading used only when the timex stage passes nothing.
FALLBACK_TIMEX = re.compile(
    r"\b(?:(?P<wd>" + "|".join(WEEKDAY_NAMES) + r")|(?P<rel>today|yesterday)|(?P<mon>"
    + "|".join(MONTH_NAMES) + r")\s+(?P<day>\d{1,2})\b)", re.IGNORECASE)
# Dependencies by which a time expression modifies the cue verb itself ("announced Monday",
# "said on Wednesday", "confirmed today"); anything deeper dates the content, not the speech.
VERB_TIME_DEPS = frozenset({"npadvmod", "tmod", "obl", "advmod", "nmod", "pobj", "prep"})
# A news lead (headline, dateline and the first sentences of the inverted pyramid) reports
# the day's event: a statement there with no time of its own was made on the article's day.
# Six sentences: headline, dateline and a four-sentence lead.
LEAD_SENTENCES = 6
# Present-tense and present-perfect cues report what was said the day the article appeared.
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def fallback_timexes(article: Article) -> list[Timex]:
    """Weekdays, today/yesterday and "Month D" against the article date (past reading)."""
    published = _date(article.published)
    if published is None:
        return []
    out = []
    for m in FALLBACK_TIMEX.finditer(article.text):
        day = _fallback_value(m, published)
        if day is not None:
            out.append(Timex(article.id, m.start(), m.end(), m.group(0), day.isoformat()))
    return out


def _fallback_value(m: re.Match[str], published: dt.date) -> dt.date | None:
    # The pattern ignores case, so a name may hold a letter whose lower case is no ASCII
    # letter ("ſunday", "frıday"): the tables do not know it, and it gives no day.
    if m.group("wd"):
        weekday = WEEKDAY_NUMBERS.get(m.group("wd").lower())
        if weekday is None:
            return None
        return published - dt.timedelta(days=(published.weekday() - weekday) % 7)
    if m.group("rel"):
        return published - dt.timedelta(days=m.group("rel").lower() == "yesterday")
    month = MONTH_NUMBERS.get(m.group("mon").lower())
    if month is None:
        return None
    day = calendar_day(published.year, month, int(m.group("day")))
    # A day after the article's was last year's ("February 29" may not exist in it).
    return day if day is None or day <= published else \
        calendar_day(published.year - 1, month, day.day)


def _date(value: str | None) -> dt.date | None:
    """The day of an extended-format "YYYY-MM-DD..." value (a published date or a timex
    value); a week ("2024-W05-1") or a basic-format "20240101" is not read as one."""
    return article_day(value) if value and DAY.match(value) else None


def own_date(cue: Token, timexes: Sequence[Timex], content: tuple[int, int],
             article: Article) -> tuple[str | None, SaidOnFrom | None]:
    """(day, how): a day attached to the cue verb, its year the article's when the words
    give none; (None, VAGUE) when only a coarser time is, or a day after the article's (a
    statement is not reported before it is made); (None, None) when no time is."""
    vague = False
    published = _date(article.published)
    for t in timexes:
        if content[0] <= t.start < content[1] or not _attached(cue, t):
            continue
        day = _date(t.value)
        if day is None or (published is not None and day > published):
            vague = True
            continue
        return day.isoformat(), SaidOnFrom.OWN_SENTENCE_YEAR if yearless(t.text) \
            else SaidOnFrom.OWN_SENTENCE
    return None, SaidOnFrom.VAGUE if vague else None


def yearless(text: str) -> bool:
    """Whether a time expression names a month but no year ("on March 4")."""
    return bool(MONTH_WORD.search(text)) and not YEAR_WRITTEN.search(text)


def _attached(cue: Token, timex: Timex) -> bool:
    sent = cue.sent
    if not (sent.start_char <= timex.start < sent.end_char):
        return False
    for tok in sent:
        if not (timex.start <= tok.idx < timex.end):
            continue
        head = tok.head
        if head.i != tok.i and not (timex.start <= head.idx < timex.end):
            if head.dep_ == "prep" and head.head.i != head.i:
                head = head.head
            return head.i == cue.i and tok.dep_ in VERB_TIME_DEPS
    return False


def same_day(cue: Token, article: Article) -> str | None:
    """The article date for a cue in the present or present perfect ("says", "has said")."""
    if _date(article.published) is None:
        return None
    perfect = any(c.dep_ == "aux" and lemma_of(c) == "have" and c.tag_ in PRESENT_TAGS
                  for c in cue.children)
    if cue.tag_ in PRESENT_TAGS or perfect:
        return (article.published or "")[:10]
    return None


def lead_day(cue: Token, article: Article) -> str | None:
    """The article date for a statement in the article's lead (see ``LEAD_SENTENCES``)."""
    if _date(article.published) is None:
        return None
    for n, sent in enumerate(cue.doc.sents):
        if n >= LEAD_SENTENCES:
            return None
        if sent.start <= cue.i < sent.end:
            return (article.published or "")[:10]
    return None
