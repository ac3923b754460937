"""The day a statement was made, and how that was decided.

In order: a day-valued time expression attached to the statement's own cue verb ("said on
Wednesday"); the day of the same speaker's neighbouring statements (a run of quotes from one
speaker reports one occasion); the lead's dated statement for the article's framing speaker;
the article date when the cue is in the present tense (same-day news); else nothing.

A month and day without a year ("said on March 4") take their year from the article's date,
and say so (``SaidOnFrom.OWN_SENTENCE_YEAR``); such a day never lies after the article's. A
weekday or other relative day ("on Wednesday", "yesterday") is counted from the article's
date, and says so too (``SaidOnFrom.OWN_SENTENCE_DAY``).

A statement left without a day says why (``SaidOnFrom.UNDATED``: ``why_undated``), so a
null is never an unexplained gap.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from enum import StrEnum

from spacy.tokens import Span, Token

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
    # a weekday or relative day on the statement's own cue ("on Wednesday", "yesterday"),
    # counted from the article's date
    OWN_SENTENCE_DAY = "own sentence, day from the article date"
    NEIGHBOUR = "same speaker's neighbouring statement"
    PRESENT_TENSE = "article date: present-tense cue"
    LEAD = "article date: lead statement with no time of its own"
    # Set by the corpus, never by this stage: an undated article's "on Friday" or "August
    # 19" whose week or year ``corpus.events`` fixed from an event the article shares with
    # dated articles of its story (``corpus.said_on``).
    SHARED_EVENT = "inferred: own sentence's day, its year or week from a shared event"
    # Why a statement has no day (``said_on`` null):
    VAGUE = "its sentence names a time, but not a day"  # "last week", "in March"
    # the day on its cue lies after the article's: a statement is not reported before it
    # is made, so the reading is wrong
    AFTER_ARTICLE = "the day its sentence names is after the article date"
    # "on Friday", "August 19", "yesterday" in an article without a date; ``corpus.said_on``
    # may still date it from a shared event
    NO_ANCHOR = "its sentence's day needs the article date, and the article has none"
    # the corpus had an anchor for the article, but the sentence's day reads as none or
    # several days under it (``corpus.said_on``)
    AMBIGUOUS = "its sentence names no one day its shared event's date can fix"
    NOT_STATED_UNDATED = "no date in its sentence, and the article has no date"
    NOT_STATED = "no date in its sentence or its speaker's neighbouring ones, " \
        "and nothing places it on the article's day"
    # the sentence names a day, but the parse ties it to what was said or to another event,
    # not to the speech ("said the vote on Monday was void")
    NOT_ITS_DAY = "its sentence's day is what was said's or another event's, not the " \
        "statement's, and nothing else dates it"


# The days a statement's own sentence states: the month and day at least, or a day counted
# from the article date.
STATED = frozenset({SaidOnFrom.OWN_SENTENCE, SaidOnFrom.OWN_SENTENCE_YEAR,
                    SaidOnFrom.OWN_SENTENCE_DAY})
# The reasons a statement has no day.
UNDATED = frozenset({SaidOnFrom.VAGUE, SaidOnFrom.AFTER_ARTICLE, SaidOnFrom.NO_ANCHOR,
                     SaidOnFrom.AMBIGUOUS, SaidOnFrom.NOT_STATED_UNDATED,
                     SaidOnFrom.NOT_STATED, SaidOnFrom.NOT_ITS_DAY})

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# A time expression that names a month but no year ("March 4", "4 Sept."): its day's year
# is the article date's, an inference. A year is four digits or an apostrophe's two ("'24").
MONTH_WORD = re.compile(r"\b(?:" + "|".join(MONTH_NAMES + MONTH_ABBREVIATIONS) + r")\b",
                        re.IGNORECASE)
YEAR_WRITTEN = re.compile(r"(?<!\d)(?:\d{4}|'\d{2})(?!\d)")
# A day of the month in figures, in any language ("4 mars", "3/4", "the 4th"): such a day
# states itself, its year (and maybe month) the article date's. Not a count of days or
# hours ("2 days ago") nor a time of day ("10.30", "10:30", "9 pm", "18h").
DAY_NUMBER = re.compile(r"(?<![\d.:])\d{1,2}(?![\d.:])"
                        r"(?!\s*(?:days?|jours?|hours?|heures?|[ap]\.?m\b|h\b|h\d))",
                        re.IGNORECASE)
# A partial TimeML value of one day ("XXXX-08-19", "XXXX-WXX-5": an undated article's "August
# 19" or "Friday"): the day needs the article's date.
PARTIAL_DAY = re.compile(r"^XXXX-(?:\d{2}-\d{2}|WXX-\d)$")
# The minimal weekday/today/month-day reading used only when the timex stage passes nothing.
FALLBACK_TIMEX = re.compile(
    r"\b(?:(?P<wd>" + "|".join(WEEKDAY_NAMES) + r")|(?P<rel>today|yesterday)|(?P<mon>"
    + "|".join(MONTH_NAMES) + r")\s+(?P<day>\d{1,2})\b)", re.IGNORECASE)
# Dependencies by which a time expression modifies the cue verb itself ("announced Monday",
# "said on Wednesday", "confirmed today"); anything deeper dates the content, not the speech.
VERB_TIME_DEPS = frozenset({"npadvmod", "tmod", "obl", "advmod", "nmod", "pobj", "prep"})
# The occasion a cue's own preposition names ("in a statement", "at a press conference",
# "during a visit"): a time that qualifies that noun ("a July 16 press conference", "a
# statement Tuesday", "a briefing on Monday") dates the speech too. A noun or a name.
OCCASION_TAGS = frozenset({"NOUN", "PROPN"})
OCCASION_TIME_DEPS = frozenset({"npadvmod", "tmod", "nmod", "compound", "pobj", "prep"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# How a time hangs off a cue (``_attached``): on the verb, or on the occasion it names. An
# occasion's time counts only as a day: "at a Senate hearing last week" leaves the speech
# as undated as before, the lead's rule may still date it.
ON_CUE, OCCASION = "cue", "occasion"
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
    """(day, how): a day attached to the cue verb, what the article date gave it said by
    ``how``; (None, why) when a time is attached but gives no day (``UNDATED``); (None,
    None) when no time is."""
    why: SaidOnFrom | None = None
    published = _date(article.published)
    sent = cue.sent  # spaCy walks the parse for each ask: once per cue, not per time
    for t in timexes:
        if content[0] <= t.start < content[1]:
            continue
        attached = _attached(cue, sent, t)
        if not attached:
            continue
        day = _date(t.value)
        if day is None and attached == OCCASION:
            continue  # "at a hearing last week", "the update of the day": no day, no say
        if day is None:
            partial = published is None and PARTIAL_DAY.match(t.value)
            why = why or (SaidOnFrom.NO_ANCHOR if partial else SaidOnFrom.VAGUE)
            continue
        if published is not None and day > published:
            why = why or SaidOnFrom.AFTER_ARTICLE
            continue
        return day.isoformat(), stated_from(t.text)
    return None, why


def stated_from(text: str) -> SaidOnFrom:
    """How a time expression's words give its day: in full, or its year or its day from
    the article date ("on March 4"; "on Wednesday", "yesterday")."""
    if YEAR_WRITTEN.search(text):
        return SaidOnFrom.OWN_SENTENCE
    return SaidOnFrom.OWN_SENTENCE_YEAR if yearless(text) or DAY_NUMBER.search(text) \
        else SaidOnFrom.OWN_SENTENCE_DAY


def yearless(text: str) -> bool:
    """Whether a time expression names a month but no year ("on March 4")."""
    return bool(MONTH_WORD.search(text)) and not YEAR_WRITTEN.search(text)


def why_undated(article: Article, around: str,
                sentence_times: Sequence[Timex] = ()) -> SaidOnFrom:
    """Why a statement nothing dated has no day. ``around``: its sentence's words outside
    what was said, where an undated article's "on Friday" or "yesterday" would be;
    ``sentence_times``: the time expressions of its sentence, what was said included (a
    sentence that names a day is never said to have none)."""
    if _date(article.published):
        if any(_date(t.value) for t in sentence_times):
            return SaidOnFrom.NOT_ITS_DAY
        return SaidOnFrom.NOT_STATED
    return SaidOnFrom.NO_ANCHOR if FALLBACK_TIMEX.search(around) else \
        SaidOnFrom.NOT_STATED_UNDATED


def _attached(cue: Token, sent: Span, timex: Timex) -> str:
    """How ``timex`` hangs off ``cue`` in the parse (``sent``: the cue's sentence): on the
    verb itself (``ON_CUE``), on the occasion it names (``OCCASION``), or not ("")."""
    if not (sent.start_char <= timex.start < sent.end_char):
        return ""
    # The sentence's tokens run in text order: from the first one inside the time expression
    # (found by halving, not by making each Token before it).
    at = bisect.bisect_left(sent, timex.start, key=lambda t: t.idx)
    for tok in sent[at:]:
        if not (timex.start <= tok.idx < timex.end):
            return ""
        head = tok.head
        if head.i != tok.i and not (timex.start <= head.idx < timex.end):
            if head.dep_ == "prep" and head.head.i != head.i:
                head = head.head
            if head.i == cue.i:
                return ON_CUE if tok.dep_ in VERB_TIME_DEPS else ""
            while head.dep_ == "compound" and head.head.i != head.i:
                head = head.head  # "a Saturday Facebook post": the time qualifies "post"
            occasion = tok.dep_ in OCCASION_TIME_DEPS and (_occasion_of(head, cue)
                                                           or _set_off(head, tok, cue))
            return OCCASION if occasion else ""
    return ""


def _set_off(subject: Token, tok: Token, cue: Token) -> bool:
    """ "Jo Lee, on Monday, told reporters": a time between the cue's subject and the cue,
    which the parse hangs on the subject, is the cue's adjunct set off by commas (a person
    is not "on Monday")."""
    return (subject.dep_ in SUBJECT_DEPS and subject.head.i == cue.i
            and subject.i < tok.i < cue.i
            and any(t.text == "," for t in cue.doc[subject.i + 1:tok.i]))


def _occasion_of(noun: Token, cue: Token) -> bool:
    """Whether ``noun`` is the object of a preposition on the cue verb itself: the
    occasion or place the words were said at ("said in a statement Tuesday", "In a July 16
    press conference, Jo said", "told reporters during a briefing on Monday", "outside the
    Capitol on Monday, told"). A time that modifies it dates the speech; one a level deeper
    ("in a statement about the Tuesday vote") dates something else."""
    prep = noun.head
    return (noun.dep_ == "pobj" and noun.pos_ in OCCASION_TAGS and prep.dep_ == "prep"
            and prep.head.i == cue.i)


def same_day(cue: Token, article: Article) -> str | None:
    """The article date for a cue in the present or present perfect ("says", "has said")."""
    if _date(article.published) is None:
        return None
    perfect = any(c.dep_ == "aux" and lemma_of(c) == "have" and c.tag_ in PRESENT_TAGS
                  for c in cue.children)
    if cue.tag_ in PRESENT_TAGS or perfect:
        return (article.published or "")[:10]
    return None


def lead_day(cue: Token, article: Article,
             sentences: Sequence[Span] | None = None) -> str | None:
    """The article date for a statement in the article's lead (see ``LEAD_SENTENCES``;
    ``sentences``: ``list(cue.doc.sents)``, read here when not given)."""
    if _date(article.published) is None:
        return None
    for n, sent in enumerate(cue.doc.sents if sentences is None else sentences):
        if n >= LEAD_SENTENCES:
            return None
        if sent.start <= cue.i < sent.end:
            return (article.published or "")[:10]
    return None
