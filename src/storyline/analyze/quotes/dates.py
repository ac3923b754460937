"""The day a statement was made, and how that was decided.

In order: a day-valued time expression attached to the statement's own cue verb ("said on
Wednesday"); the day of the same speaker's neighbouring statements (a run of quotes from one
speaker reports one occasion); the lead's dated statement for the article's framing speaker;
the article date when the cue is in the present tense (same-day news); else nothing.

A month and day without a year ("said on March 4") take their year from the article's date,
and say so (``SaidOnFrom.OWN_SENTENCE_YEAR``); such a day never lies after the article's. A
weekday or other relative day ("on Wednesday", "yesterday") is counted from the article's
date, and says so too (``SaidOnFrom.OWN_SENTENCE_DAY``).

A day the text states beats the article's date (RDR6 F3). A cue with no time of its own
(``own_date``): in the past perfect or after "previously" it was said before, on no day
given; in a sentence that names an earlier day outside what was said ("When the ministry
chose the bid on May 2, the losers protested, claiming ...") its day is not the article's;
in the lead, it takes the day the lead states for its news ("At a Wednesday trade fair",
"numbers published May 6", "Tuesday was picked", on a later page) before any neighbour's,
or the article's where the lead says its news is today. A "today" in a page whose lead
first places its news on an earlier day is the writer's day, not the page's: no day. A
time on a verb a subjectless cue is coordinated with ("Friday criticised ... and promised")
or on a release that names the occasion ("numbers published May 6", "a letter dated
Monday") is the cue's own. The present-tense rule skips a cue inside a quotation and one
whose subject is a letter or an e-mail.

A statement left without a day says why (``SaidOnFrom.UNDATED``: ``why_undated``), so a
null is never an unexplained gap.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from spacy.tokens import Doc, Span, Token

from ...records import Article, Timex
from ...text import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTH_NUMBERS,
    WEEKDAY_NAMES,
    WEEKDAY_NUMBERS,
    calendar_day,
)
from ..model import lemma_of, text_of
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
    # a lead statement with no time of its own, in a lead that states its news's one day
    # before the article's ("At a Wednesday trade fair, ...", "numbers published May 6"):
    # that day, not the article's (``lead_stated``)
    LEAD_STATED = "inferred: the day the lead states for its news (a lead statement with " \
        "no time of its own)"
    # Set by the corpus, never by this stage: an undated article's "on Friday" or "May
    # 14" whose week or year ``corpus.events`` fixed from an event the article shares with
    # dated articles of its story (``corpus.said_on``).
    SHARED_EVENT = "inferred: own sentence's day, its year or week from a shared event"
    # Why a statement has no day (``said_on`` null):
    VAGUE = "its sentence names a time, but not a day"  # "last week", "in March"
    # the day on its cue lies after the article's: a statement is not reported before it
    # is made, so the reading is wrong
    AFTER_ARTICLE = "the day its sentence names is after the article date"
    # "on Friday", "May 14", "yesterday" in an article without a date; ``corpus.said_on``
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
    # "today" on its cue, in a page whose lead places its news on an earlier day ("At a
    # Wednesday trade fair" on a Saturday page): the page is dated after it was written,
    # and its "today" is not the article's day (``today_later``)
    TODAY_LATER = "its sentence says today, but the article's lead places its news on an " \
        "earlier day: the page may be dated after it was written"
    # a lead statement with no time of its own, in a lead that names two or more earlier days
    LEAD_SEVERAL = "no date in its sentence, and the lead before it names several days"


# The days a statement's own sentence states: the month and day at least, or a day counted
# from the article date.
STATED = frozenset({SaidOnFrom.OWN_SENTENCE, SaidOnFrom.OWN_SENTENCE_YEAR,
                    SaidOnFrom.OWN_SENTENCE_DAY})
# The reasons a statement has no day.
UNDATED = frozenset({SaidOnFrom.VAGUE, SaidOnFrom.AFTER_ARTICLE, SaidOnFrom.NO_ANCHOR,
                     SaidOnFrom.AMBIGUOUS, SaidOnFrom.NOT_STATED_UNDATED,
                     SaidOnFrom.NOT_STATED, SaidOnFrom.NOT_ITS_DAY, SaidOnFrom.TODAY_LATER,
                     SaidOnFrom.LEAD_SEVERAL})

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
# "during a visit"): a time that qualifies that noun ("a May 19 press conference", "a
# statement Tuesday", "a briefing on Monday") dates the speech too. A noun or a name.
OCCASION_TAGS = frozenset({"NOUN", "PROPN"})
OCCASION_TIME_DEPS = frozenset({"npadvmod", "tmod", "nmod", "compound", "pobj", "prep"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# How a time hangs off a cue (``_attached``): on the verb, or on the occasion it names. An
# occasion's time counts only as a day: "at a council hearing last week" leaves the speech
# as undated as before, the lead's rule may still date it.
ON_CUE, OCCASION = "cue", "occasion"
# A news lead (headline, dateline and the first sentences of the inverted pyramid) reports
# the day's event: a statement there with no time of its own was made on the article's day.
# Six sentences: headline, dateline and a four-sentence lead.
LEAD_SENTENCES = 6
# Present-tense and present-perfect cues report what was said the day the article appeared.
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# The days a lead states for its news (RDR6 F3). A day in the lead within a week before the
# article's date is the day of the lead's news (a weekday read in the past lies within six
# days; "numbers published May 6" in a May 12 page); an older one is background ("which
# it bought on May 2, 1998") and leaves the lead's rule as it was. The same bound as the
# time expressions' tense slack (``timexes.TENSE_DAY_SLACK``), not fitted on any bundle.
LEAD_NEWS_DAYS = 7
# "today" and its parts: the writer's day, which a page dated later is not.
TODAY_WORDS = re.compile(r"^(?:today|tonight|this\s+(?:morning|afternoon|evening))$",
                         re.IGNORECASE)
# Where ``lead_days`` keeps what it read on the Doc, beside the other stages' keys.
LEAD_DAYS_KEY = ("storyline", "lead-days")
# Nouns of correspondence (general English): written on a day of their own and quoted later,
# so a present-tense cue whose subject is one ("an e-mail from the chief advises ...") tells
# what it says, not that it was said on the article's day.
CORRESPONDENCE = frozenset({"email", "e-mail", "mail", "memo", "memorandum", "letter", "note",
                            "cable", "message", "fax", "telegram", "diary"})
# Verbs by whose participle an occasion's noun is dated as made public: "numbers published
# May 6", "a statement issued Tuesday", "a letter dated Monday", "an interview aired
# Sunday" (general English; "the quarter ended Sept. 30" is no release).
RELEASE_VERBS = frozenset({"release", "issue", "publish", "post", "send", "date", "deliver",
                           "give", "read", "broadcast", "air", "file", "distribute",
                           "circulate", "sign", "write", "hold", "conduct", "tweet"})
# Dependencies of a clause inside another ("said it would report ... ended yesterday", "the
# circular that it mailed last Friday"): a day under one is what was said's or another
# event's, not the day of the lead's news.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "relcl", "csubj", "csubjpass", "parataxis"})
# The past perfect's auxiliary, and adverbs of an earlier time (general English).
PAST_PERFECT = frozenset({"had", "'d"})
EARLIER_ADVERBS = frozenset({"previously", "earlier", "once", "formerly", "already"})
# Quotation marks that open and close a quotation; a straight double quote does both. A
# quotation is looked for back over this many paragraphs with no mark (a quoted letter's).
QUOTED_PARAGRAPHS = 3
OPENING_QUOTES, CLOSING_QUOTES, STRAIGHT_QUOTE = "“«„", "”»", '"'


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
        if day == published and TODAY_WORDS.match(t.text.strip()) \
                and _later_page(cue, timexes, published, t.start):
            why = why or SaidOnFrom.TODAY_LATER
            continue
        return day.isoformat(), stated_from(t.text)
    if why is not None or published is None or _present(cue):
        return None, why
    if _before(cue):
        return None, SaidOnFrom.NOT_STATED
    return _not_own(cue, sent, timexes, content, published)


def _before(cue: Token) -> bool:
    """Whether a cue says it was said before the time the article tells of, on a day it
    does not name: the past perfect ("had said", "had suggested") or an adverb of an
    earlier time ("previously said", "earlier warned"). Neither the article's day, the
    lead's nor a neighbour's is its day."""
    perfect = any(c.dep_ == "aux" and c.lower_ in PAST_PERFECT for c in cue.children) \
        and cue.tag_ == "VBN"
    return perfect or any(c.dep_ == "advmod" and c.lower_ in EARLIER_ADVERBS
                          for c in cue.children)


def _not_own(cue: Token, sent: Span, timexes: Sequence[Timex], content: tuple[int, int],
             published: dt.date) -> tuple[str | None, SaidOnFrom | None]:
    """A past-tense cue with no time of its own: (None, ``NOT_ITS_DAY``) when its sentence,
    outside what was said, names an earlier day ("When the ministry chose the bid on May 2,
    the losers protested, claiming ..."): the sentence's time is that day's, so neither the
    article's day nor a neighbour's fits it; the lead's one stated day for a statement in
    the lead (``lead_stated``); else (None, None), for the later rules."""
    for t in timexes:
        if not (sent.start_char <= t.start < sent.end_char) or content[0] <= t.start < content[1]:
            continue
        day = _date(t.value)
        if day is not None and day < published:
            return None, SaidOnFrom.NOT_ITS_DAY
    return lead_stated(cue, timexes, published)


def lead_stated(cue: Token, timexes: Sequence[Timex],
                published: dt.date) -> tuple[str | None, SaidOnFrom | None]:
    """The day of a lead statement with no time of its own where the lead, up to its
    sentence, states its news's day as an earlier one ("At a Wednesday trade fair, ...",
    "according to numbers published May 6", "Tuesday was picked as its date"): that day
    (``LEAD_STATED``); (None, ``LEAD_SEVERAL``) where it states two; the article's day
    (``LEAD``) where the lead anywhere states it ("lost its case today", "Tarn police
    Friday opened ..." on a Friday page), so a neighbour without a cue of its own
    may borrow it; (None, None) where it states none, for the later rules."""
    found = lead_days(cue.doc, timexes)
    n = next((n for n, start, end in _lead_bounds(cue.doc) if start <= cue.idx < end), None)
    if n is None:
        return None, None
    own = _news_days([(m, day) for m, day, _ in found], published)[0]
    earlier = _news_days([(m, day) for m, day, _ in found if m <= n], published)[1]
    if own:  # the lead says its news is the article's day: the lead's rule, stated
        return published.isoformat(), SaidOnFrom.LEAD
    if not earlier:
        return None, None
    if len(earlier) > 1:
        return None, SaidOnFrom.LEAD_SEVERAL
    return earlier.pop().isoformat(), SaidOnFrom.LEAD_STATED


def _later_page(cue: Token, timexes: Sequence[Timex], published: dt.date, skip: int) -> bool:
    """Whether the article's lead, before a "today" (starting at ``skip``), places its news
    on an earlier day and not on the article's own ("At a Wednesday trade fair, ..." on a
    Saturday page): that "today" is the writer's day, not the page's. A "today" the lead
    names first ("said today ... Radio Tarn reported last night") is the page's day."""
    own, earlier = _news_days([(n, day) for n, day, start in lead_days(cue.doc, timexes)
                               if start < skip], published)
    return bool(earlier) and not own


def _news_days(found: Sequence[tuple[int, dt.date]],
               published: dt.date) -> tuple[bool, set[dt.date]]:
    """Whether ``found`` (a lead's days) holds the article's own day, and its earlier days
    within ``LEAD_NEWS_DAYS``."""
    low = published - dt.timedelta(days=LEAD_NEWS_DAYS)
    return (any(day == published for _, day in found),
            {day for _, day in found if low <= day < published})


def lead_days(doc: Doc, timexes: Sequence[Timex]) -> tuple[tuple[int, dt.date, int], ...]:
    """(sentence number, day, start) of each time expression of a day in the article's lead
    (``LEAD_SENTENCES``), but a date line's ("May 14, 2011" alone on its line: the
    page's date, not its news's); read once per Doc and time expressions."""
    kept: dict[Any, Any] = doc.user_data  # spaCy's stub types its keys str; ours are tuples
    was = kept.get(LEAD_DAYS_KEY)
    if was is not None and was[0] is timexes:
        return tuple(was[1])
    text = text_of(doc)
    bounds = _lead_bounds(doc)
    out = []
    for t in timexes:
        day = _date(t.value)
        n = next((n for n, start, end in bounds if start <= t.start < end), None)
        if day is not None and n is not None and not _date_line(text, t) \
                and _main_clause(doc, t):
            out.append((n, day, t.start))
    kept[LEAD_DAYS_KEY] = (timexes, tuple(out))
    return tuple(out)


def _main_clause(doc: Doc, t: Timex) -> bool:
    """Whether ``t`` belongs to its sentence's main clause: no clause inside another
    (``CLAUSE_DEPS``) lies between it and the sentence's root."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(len(doc)):  # the walk ends at the root (its own head); a guard only
        if tok.head.i == tok.i:
            return True
        if tok.dep_ in CLAUSE_DEPS:
            return False
        tok = tok.head
    return False


def _lead_bounds(doc: Doc) -> list[tuple[int, int, int]]:
    """(number, start, end) of the lead's sentences: only the first few are walked."""
    out = []
    for n, sent in enumerate(doc.sents):
        if n >= LEAD_SENTENCES:
            break
        out.append((n, sent.start_char, sent.end_char))
    return out


def _date_line(text: str, t: Timex) -> bool:
    """Whether ``t`` stands on a line with no other words in lower case: a date line
    ("May 14, 2011", "HARBOURTON, May 14")."""
    start = text.rfind("\n", 0, t.start) + 1
    end = text.find("\n", t.end)
    line = text[start:t.start] + " " + text[t.end:end if end != -1 else len(text)]
    return not any(c.islower() for c in line)


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
            if head.dep_ == "acl" and head.tag_ == "VBN" and head.head.i != head.i \
                    and lemma_of(head) in RELEASE_VERBS:
                head = head.head  # "according to numbers published May 6": the release
            if head.i == cue.i or _shares_time(cue, head):
                return ON_CUE if tok.dep_ in VERB_TIME_DEPS else ""
            while head.dep_ == "compound" and head.head.i != head.i:
                head = head.head  # "a Sunday blog post": the time qualifies "post"
            occasion = tok.dep_ in OCCASION_TIME_DEPS and (_occasion_of(head, cue)
                                                           or _set_off(head, tok, cue))
            return OCCASION if occasion else ""
    return ""


def _shares_time(cue: Token, verb: Token) -> bool:
    """ "Vik Friday criticised the plan and promised ...", "... Monday criticised the
    cuts, calling them ...": a cue coordinated with, or a participle under, the verb a
    time hangs on, with no subject of its own, shares that verb's occasion ("Jo arrived
    May 5, and Vell ordered ..." has two subjects, two occasions)."""
    return (cue.head.i == verb.i and verb.pos_ == "VERB"
            and (cue.dep_ == "conj" or (cue.dep_ == "advcl" and cue.tag_ == "VBG"))
            and not any(c.dep_ in SUBJECT_DEPS for c in cue.children))


def _set_off(subject: Token, tok: Token, cue: Token) -> bool:
    """ "Jo Lee, on Monday, told reporters": a time between the cue's subject and the cue,
    which the parse hangs on the subject, is the cue's adjunct set off by commas (a person
    is not "on Monday")."""
    return (subject.dep_ in SUBJECT_DEPS and subject.head.i == cue.i
            and subject.i < tok.i < cue.i
            and any(t.text == "," for t in cue.doc[subject.i + 1:tok.i]))


def _occasion_of(noun: Token, cue: Token) -> bool:
    """Whether ``noun`` is the object of a preposition on the cue verb itself: the
    occasion or place the words were said at ("said in a statement Tuesday", "In a May 19
    press conference, Jo said", "told reporters during a briefing on Monday", "outside the
    town hall on Monday, told"). A time that modifies it dates the speech; one a level deeper
    ("in a statement about the Tuesday vote") dates something else."""
    prep = noun.head
    return (noun.dep_ == "pobj" and noun.pos_ in OCCASION_TAGS and prep.dep_ == "prep"
            and prep.head.i == cue.i)


def same_day(cue: Token, article: Article) -> str | None:
    """The article date for a cue in the present or present perfect ("says", "has said");
    not for one inside a quotation (the quoted writer's present: '... wrote: "She concedes
    that ..."') nor one whose subject is a piece of correspondence ("an e-mail from the
    chief advises ..."), whose present is the document's, written on a day of its own."""
    if _date(article.published) is None or not _present(cue):
        return None
    if _quoted(cue) or any(c.dep_ in SUBJECT_DEPS and c.lower_ in CORRESPONDENCE
                           for c in cue.children):
        return None
    return (article.published or "")[:10]


def _present(cue: Token) -> bool:
    """Whether a cue is in the present or the present perfect ("says", "has said")."""
    return cue.tag_ in PRESENT_TAGS or any(
        c.dep_ == "aux" and lemma_of(c) == "have" and c.tag_ in PRESENT_TAGS
        for c in cue.children)


def _quoted(cue: Token) -> bool:
    """Whether a quotation opened earlier in the cue's paragraph is still open at it, or,
    where the paragraph has no quotation mark before the cue, one the nearest earlier
    paragraph with a mark left open (a quoted letter run on over paragraphs without the
    marks that reopen it: ': Jo Lee: "Not now, please.' then 'She concedes that ...')."""
    text = text_of(cue.doc)
    end = cue.idx
    for _ in range(QUOTED_PARAGRAPHS):
        start = text.rfind("\n", 0, end) + 1
        piece = text[start:end]
        opened = sum(piece.count(c) for c in OPENING_QUOTES)
        closed = sum(piece.count(c) for c in CLOSING_QUOTES)
        straight = piece.count(STRAIGHT_QUOTE)
        if opened or closed or straight:
            return opened > closed or straight % 2 == 1
        if start == 0:
            return False
        end = start - 1  # the earlier paragraph's end, past the blank lines between
        while end > 0 and text[end - 1] == "\n":
            end -= 1
    return False


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
