"""Temporal expressions -> ``Timex`` records with TimeML-style values against the article date.

Spans come from spaCy's DATE and TIME entities plus a few patterns the small model misses
("on Monday", "yesterday"); values come from the ordered rules below. An expression with no
confident value is left out: a wrong calendar value is worse than none downstream, where
quotes and events take their dates from these.

Relative expressions need the article date: "last week" is the ISO week before it, "on
Monday" the Monday before it in a past-tense sentence and the Monday after it in a
future-tense one. In an undated article they stay unresolved; ``partial_timexes`` keeps what
the text itself fixes ("August 19" is ``XXXX-08-19``) for the events stage only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

from spacy.tokens import Doc, Token

from ..records import Article, Timex
from ..text import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTH_NUMBERS,
    WEEKDAY_NAMES,
    WEEKDAY_NUMBERS,
    calendar_day,
    fold,
)
from .model import TIMEX_SPANS_KEY, entities_of, text_of

MONTHS = MONTH_NUMBERS
WEEKDAYS = WEEKDAY_NUMBERS
# Regex alternations of the names: every month, the months but May (after a day number "1
# may" is as often the verb), the abbreviations but May's, and the days of the week.
_MONTH_NAMES = "|".join(MONTH_NAMES)
_MONTHS_BUT_MAY = "|".join(m for m in MONTH_NAMES if m != "may")
_MONTH_ABBREVIATIONS = "|".join(a for a in MONTH_ABBREVIATIONS if a != "may")
_WEEKDAY_NAMES = "|".join(WEEKDAY_NAMES)
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
}
# Vague quantities: TimeML writes the unknown number as X ("several years" -> PXY).
VAGUE = {"several", "few", "a few", "many", "some", "the past few", "recent"}
UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE",
         "century": "CE", "centurie": "CE", "hour": "H", "minute": "MIN", "second": "S",
         "quarter": "Q"}
# The next unit down, for a fraction of one: "half a year" is P6M, not P0.5Y.
SMALLER = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"),
           "MIN": (60, "S")}
SETS = {"annual": "P1Y", "annually": "P1Y", "yearly": "P1Y", "every year": "P1Y",
        "each year": "P1Y", "daily": "P1D", "every day": "P1D", "weekly": "P1W",
        "every week": "P1W", "monthly": "P1M", "every month": "P1M"}
# Words for an unanchored present, past or future (TimeML's PRESENT_REF, PAST_REF, FUTURE_REF).
REFS = {"currently": "PRESENT_REF", "now": "PRESENT_REF", "nowadays": "PRESENT_REF",
        "these days": "PRESENT_REF", "the present": "PRESENT_REF", "at present": "PRESENT_REF",
        "the past": "PAST_REF", "recently": "PAST_REF", "previously": "PAST_REF",
        "formerly": "PAST_REF", "earlier": "PAST_REF", "the future": "FUTURE_REF",
        "the near future": "FUTURE_REF", "the distant future": "FUTURE_REF",
        "the foreseeable future": "FUTURE_REF", "soon": "FUTURE_REF",
        "a later date": "FUTURE_REF"}
CENTURY_ORDINALS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# TimeML's season codes.
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# Holidays that fall on one day a year: (month, day), or (month, weekday, nth) for "the nth
# weekday of the month" (nth -1: the last; Election Day is the Tuesday after November's first
# Monday, so the Tuesday on the 2nd-8th: weekday 1 from day 2). Bare "Christmas" is left
# out: as often a season ("Christmas sales", "over Christmas") as a day.
HOLIDAYS: dict[str, tuple[int, int] | tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "christmas day": (12, 25),
    "christmas eve": (12, 24), "new year's day": (1, 1), "new year's eve": (12, 31),
    "independence day": (7, 4), "fourth of july": (7, 4), "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1), "election day": (11, 1, 0), "veterans day": (11, 11),
    "halloween": (10, 31), "valentine's day": (2, 14)}
# The holidays above that fall on one calendar day everywhere; the others are the United
# States' ("Independence Day" in New Delhi is August 15, Canada's Thanksgiving is in
# October, Election Day and Labor Day are every country's own): they get their day only in
# an article that is evidently American (``_in_the_us``), else no value rather than a guess.
SAME_DAY_EVERYWHERE = frozenset({"christmas day", "christmas eve", "new year's day",
                                 "new year's eve", "halloween", "valentine's day",
                                 "fourth of july"})
# Places that make an article American (``_in_the_us``): the country's names, its states
# (full, AP's abbreviations below, postal codes after a city's comma) and the cities AP
# datelines name alone. "Georgia" is a country too ("TBILISI, Georgia"): left out ("Ga."
# and "Atlanta" count); "Washington" is the government every capital deals with: it counts
# only in a dateline, as its place or its region.
US_NAMES = frozenset({"us", "u s", "usa", "u s a", "united states", "united states of america",
                      "america"})
US_STATES = frozenset({
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
    "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
    "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
    "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
    "tennessee", "texas", "utah", "vermont", "virginia", "west virginia", "wisconsin",
    "wyoming"})
# AP's state abbreviations: a place only as AP writes them, with their period ("Springfield,
# Ill."): without it "Mass", "Miss", "Ind", "Del" are words ("In Paris, Mass protests ...").
US_STATE_ABBREVIATIONS = frozenset({
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "n h", "n j",
    "n m", "n y", "n c", "n d", "okla", "ore", "pa", "r i", "s c", "s d", "tenn", "vt", "va",
    "wash", "w va", "wis", "wyo", "d c"})
US_STATE_CODES = frozenset({
    "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia",
    "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj",
    "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt",
    "va", "wa", "wv", "wi", "wy", "dc"})
US_DATELINE_CITIES = frozenset({
    "atlanta", "baltimore", "boston", "chicago", "cincinnati", "cleveland", "dallas",
    "denver", "detroit", "honolulu", "houston", "indianapolis", "las vegas", "los angeles",
    "miami", "milwaukee", "minneapolis", "new orleans", "new york", "oklahoma city",
    "philadelphia", "phoenix", "pittsburgh", "st louis", "salt lake city", "san antonio",
    "san diego", "san francisco", "seattle"})
DATELINE_ONLY = frozenset({"washington"})
# An article without a dateline is placed by the places its lead names, as a dateline would
# place it: the first this many, American or not ("Washington" aside). Later places are the
# story's background (an American article on Ukraine's war, a Madrid roundup that names US
# states in passing). Five: about a lead paragraph's places (how it was read:
# bench/NOTES.md, TMX).
LEAD_PLACES = 5
# A dateline the cleaner left in the text ("MIAMI _ ", "SPRINGFIELD, Ill. (AP) --"): a
# place in capitals, an optional region after a comma, then a credit, a dash or "_".
OPENING_PLACE = re.compile(r"\s*(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"
                           r"(?:,\s+(?P<region>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}))?"
                           r"\s*(?:\(|[–—_:-]|,\s+[A-Z][a-z]{2,8}\.?\s+\d)")
# The place and region of the cleaner's dateline ("HAVANA, August 7 (Xinhua) --").
DATELINE_PLACE = re.compile(r"\s*(?P<place>[^,(–—_]+?)(?:,\s*(?P<region>[A-Z][\w.]*"
                            r"(?: [A-Z][\w.]*){0,2}))?\s*(?:[,(–—_-]|$)")
# A state after a city and its comma, in a place's position: the phrase ends there (a
# comma, a stop, a bracket, the text's end, or a lower-case word goes on): "Springfield,
# Ill. The", "Austin, TX, said", "Dayton, Ohio." ("In Rome, Georgia Tech ..." names none).
REGION_AFTER = re.compile(r",\s*([A-Z][\w.]*(?:(?<!\.) [A-Z][\w.]*)?)(?=[,;:)]|\s+[a-z(]|\s*$|"
                          r"(?<=\.)\s|\.(?:\s|$))")
# The tagger reads a holiday as an EVENT or not at all: found by name (capitalised, with
# "last"/"next"/"this" before it); the lookahead of first letters halves the scan's time.
_HOLIDAY_NAMES = "|".join(
    re.sub(r"(?<![\w'])(\w)", lambda m: m[1].upper(), name).replace("Of ", "of ")
    .replace("'", "['’]") for name in sorted(HOLIDAYS, key=len, reverse=True))
HOLIDAY_SCAN = re.compile(r"(?=[LlNnTtCFIMEVH])\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his) )?(?:the )?(?:"
                          + _HOLIDAY_NAMES + r")\b")
HOLIDAY_RULE = re.compile(r"^(?:(last|next|this|on|this past|this coming) )?(?:the )?("
                          + "|".join(HOLIDAYS) + r")$")
# How far (days) a year-less "Month D" may lie before the article date in a future-tense
# sentence before it is read in the year after: a week keeps a date the tense gets wrong
# ("will be reviewed after the March 3 vote") in the article's year.
TENSE_DAY_SLACK = 7
# A month-and-day with no year more than this many days after the article date is taken
# from the year before ("December 30" in a January article); news rarely looks that far on.
FUTURE_DAY_LIMIT = 183
# Words between a weekday and its verb that point forward in time ("before the meeting on
# Wednesday", "ahead of talks on Friday").
FUTURE_MARKERS = frozenset({"will", "'ll", "shall", "next", "upcoming", "ahead", "before",
                            "until", "scheduled", "planned", "expected", "due", "coming"})
# "before" someone ("testified before the committee Tuesday", "appeared before a judge"):
# a place, not a time ahead; entity types and nouns of those heard or appeared before.
AUDIENCE_ENTS = frozenset({"ORG", "PERSON", "GPE", "NORP"})
AUDIENCE_NOUNS = frozenset({"committee", "court", "judge", "jury", "panel", "congress",
                            "parliament", "senate", "lawmakers", "legislators", "reporters",
                            "cameras", "magistrate", "tribunal", "board", "crowd", "audience"})
# Edges by which a day stands before a noun it dates ("Trump's July 25 call", "Tuesday's
# vote"): the day is that happening's, never moved ahead by a future verb above the noun.
NOUN_DAY_DEPS = frozenset({"compound", "nmod", "poss"})
# Verbs and adjectives whose infinitive complement is a plan: "set to", "due to", "plans to"
# (surface forms: the default pipeline has no lemmatiser).
PLAN_WORDS = frozenset({"set", "due", "likely", "poised", "slated", "scheduled", "expected",
                        "going", "plan", "plans", "planned", "planning", "intend", "intends",
                        "intended", "aim", "aims", "hope", "hopes", "prepare", "prepares",
                        "preparing"})
TIMEX_LABELS = frozenset({"DATE", "TIME"})
# Entity labels of names a month word may open ("June Medical Services", "April Ryan").
NAME_LABELS = frozenset({"ORG", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART"})
# Present forms of "be" as an auxiliary, the contracted ones too ("it's going to be").
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})
# Modal auxiliaries (surface forms: "can't" is "ca" + "n't"). A base verb under one
# ("would end in August", "cannot change the date in November") is ``_tense``'s "modal":
# not a past, so a month ahead of the article stays ahead (the next such month).
MODALS = frozenset({"would", "could", "should", "can", "ca", "may", "might", "must", "'d"})
# Words of a term, a day a thing falls due on ("is payable Jan. 2", "expires in January"):
# a present-tense clause with one of them is ``_tense``'s "term", which moves a day or a
# month far behind the article date into the year after as a plain present does, even
# where the clause would otherwise be "present-held" (a present passive, "is charged in the
# Jan. 2 robbery", or "since Jan. 5": those tell a day already past). "due"/"scheduled" are
# future markers already.
TERM_WORDS = frozenset({"payable", "redeemable", "repayable", "expire", "expires",
                        "expiring", "mature", "matures", "maturing", "due", "scheduled"})
# A month alone (``_month``) in a past-tense sentence is the year before's only when it lies
# more than this many months after the article's month; and a month alone more than
# MONTHS_BACK_IN_YEAR months before it in a future or present clause (not a passive, a
# noun's happening or "since": ``_tense``) is the year after's ("payable in January", said
# in November), as a month and day ("the tour picks up Feb. 7"). Chosen on the
# timex-tbaq h0 half (crc32 of the doc id), checked on h1.
# value_f1 h0 0.741 -> 0.744, h1 0.694 -> 0.696; 0 and 2 ahead, 6 back were lower on h1.
MONTH_AHEAD_IN_PAST = 1
MONTHS_BACK_IN_YEAR = 8
# ``_tense``'s futures: "future-verb" where the verb's own form tells it (will, going to,
# set to, is meeting), "future" where a word on the way does ("until", "before", "next",
# "upcoming"). Only a verb's future keeps a day more than FUTURE_DAY_LIMIT ahead in the
# article's year ("will happen on November 3rd", April); "was at large until Dec. 7"
# (January) is last year's.
FUTURES = frozenset({"future", "future-verb"})
WILL = frozenset({"will", "'ll", "shall"})
# The tenses that move a day or month far back into the year after; "modal" ("would end
# in August") reads as a plain present does there.
AHEAD_TENSES = FUTURES | {"term", "present", "modal"}
# The tenses the rules for weekends, quarters and holidays read as a past: a noun's day
# under a future ("noun-future") was "past" before the month and day rules told it apart.
# A modal is no past anywhere ("should ease by Thursday morning": the coming Thursday, as
# a present).
PAST_READ = frozenset({"past", "noun-future"})
UNIT_ALONE = re.compile(r"(?i)(?:year|month|week|quarter|weekend)\b")
DETERMINER_BEFORE = re.compile(r"(?i)\b(this|last|next|that)\s+$")
MONTH_BEFORE = re.compile(r"\b((?:" + "|".join(a.title() for a in MONTH_ABBREVIATIONS)
                          + r")\.?|(?:" + _MONTHS_BUT_MAY.title() + r"))[ \t]+$")
_YEAR4 = r"((?:1[5-9]|20)\d\d)"
# A span of years: "from 2019 to 2021", "2019 until 2021", "between 2019 and 2021" (an "and"
# without "between" joins two dates, not a range).
RANGE = re.compile(r"\b(?:(?:from )?" + _YEAR4 + r" ?(?:to|until|through|-|–) ?|between "
                   + _YEAR4 + r" and )" + _YEAR4 + r"\b", re.I)
# A clock time the tagger missed: with a.m./p.m., after "at", or before a time zone.
_CLOCK = (r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?(?!\w)|(?<=\bat )\d{1,2}:\d{2}\b|"
          r"\b\d{1,2}:\d{2}(?=\s*\(?\s*(?:UTC|GMT)\b)")
_EXTRA_NUMBER = "|".join(sorted(
    (w for w in [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "several", "a few"]),
    key=len, reverse=True))
# Every pattern run over a whole text below starts at a word start: the engine then tries
# the alternatives only there, 2-3x faster than a bare alternation (same matches).
WORD_START = r"(?<!\w)(?=\w)"
# Patterns for what the small model often leaves untagged. A match that covers the tagger's
# spans whole replaces them ("October 6, 2011" over a tagged "2011").
EXTRA = re.compile(
    WORD_START + r"(?:\b(?:(?:last|next|this)[ \t]+)?(?:" + _WEEKDAY_NAMES + r")\b"
    r"(?:[ \t]+(?:morning|afternoon|evening|night)\b)?|"
    r"\b(?:today|yesterday|tomorrow|tonight)\b|"
    r"\b(?:" + _MONTH_NAMES + r")[ \t]+\d{1,2}(?:st|nd|rd|th)?(?:,?[ \t]+\d{4})?\b|"
    r"\b\d{1,2}[ \t]+(?:" + _MONTHS_BUT_MAY + r")(?:[ \t]+\d{4})?\b|"
    r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b(?!/)|"
    r"\b(?:from\s+)?(?:1[5-9]|20)\d\d\s?(?:to|until|through|-|–)\s?(?:1[5-9]|20)\d\d\b|"
    r"\bbetween\s+(?:1[5-9]|20)\d\d\s+and\s+(?:1[5-9]|20)\d\d\b|"
    r"\b(?:(?:almost|nearly|about|over|more than|at least|some|just|only)\s+)?"
    r"(?:\d+|" + _EXTRA_NUMBER + r"|an?|one)(?:\s+and\s+a\s+half)?[\s-]+(?:more\s+)?(?:years|"
    r"months|weeks|days|hours|minutes|decades)\b|"

    r"\b(?:a|an|one|\d+|" + _EXTRA_NUMBER + r")\s+(?:year|month|week|day|hour)s?\s+and\s+a\s+"
    r"half\b|" + _CLOCK + r"|\b(?:currently|(?:more |most |until |only |very )?recently)\b)",
    re.I)
# A year spoken in words, as broadcast transcripts write it: "nineteen ninety-four", "the
# year two thousand".
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_1_9 = "one|two|three|four|five|six|seven|eight|nine"
SPELLED_YEAR = re.compile(
    r"(?i)\b(?:(?P<century>nineteen|eighteen)[ -](?P<rest>(?:" + _TENS + r")(?:[ -](?:"
    + _UNITS_1_9 + r"))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|hundred)|(?<=\byear )two thousand(?:[ -]and[ -](?P<unit>"
    + _UNITS_1_9 + r"))?)\b")
# Words the tagger leaves out that TimeML marks: the present, past and future without a
# calendar value ("now", "in the past" but not "in the past two years", "the near
# future"; "previously" and a bare "earlier" are left out: on the dev half most were not
# marked), a frequency ("daily" in lower case, not "average daily" nor "the daily Pravda"),
# seasons with a determiner or a year ("last fall", "the summer of 1994"; a bare "fall" or
# "spring" is too often a verb or a noun of another sense), vague spans ("in recent years")
# and fiscal quarters written as an adjective ("third-quarter profit").
EXTRA_REFS = re.compile(
    WORD_START + r"(?:(?<!\bfor )(?<!\bfrom )\b(?:(?:right|just|by|until) )?now\b(?! that\b)|"
    r"\bnowadays\b|"
    r"\bthe (?:(?:near|distant|foreseeable) )?future\b|"
    r"(?<=\bin )the past\b(?! (?:\d|(?:" + _EXTRA_NUMBER + r"|one|eleven|twelve|an?|couple|"
    r"many|some|(?:fiscal |calendar )?(?:year|month|week|day|decade|quarter|hour|minute|"
    r"centur(?:y|ies)|season|spring|summer|fall|autumn|winter|weekend|night|term)s?)\b))|"
    r"\b(?:(?:this|last|next|this past|this coming|early|late|mid-?)[ \t]+)(?:spring|summer|"
    r"fall|autumn|winter)\b|\bthe (?:summer|winter|autumn)\b|"
    r"\b(?:the )?(?:spring|summer|fall|autumn|winter),? (?:of )?(?:1[5-9]|20)\d\d\b|"
    r"\brecent (?:years|months|weeks|days|decades)\b|"
    r"\b(?:an?|one|\d+|" + _EXTRA_NUMBER + r")[ \t]+(?:year|month|week|day)s?[ \t]+"
    r"(?:ago|earlier)\b|\b(?:every|each)[ \t]+(?:day|week|month|year)\b|\bhourly\b|"
    r"(?<!\baverage )\b(?-i:daily|weekly|monthly)\b(?![ \t]+(?-i:[A-Z]))|"
    r"\b(?:first|second|third|fourth)-quarter\b|"
    r"\b(?:the|that) (?:latest|most recent) (?:quarter|period)\b|"
    r"\b(?:the (?:spring|summer|fall|autumn|winter) of )?(?:nineteen|eighteen)[ -](?:(?:"
    + _TENS + r")(?:[ -](?:" + _UNITS_1_9 + r"))?|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen)\b|\bthe year two thousand\b)", re.I)


@dataclasses.dataclass(frozen=True)
class KeyedPattern:
    """A whole-text pattern and what lets a scan skip most of a text without changing its
    matches (``keyed_finditer``): EXTRA and EXTRA_REFS try ~50 alternatives, ignoring case,
    at every word start, which made them most of the stage's time (0.88 s CPU per 926 bench
    texts), while few clauses hold anything they can match.

    ``keys``: every match holds one of these (case folded as the pattern folds).
    ``back``: matched on the reversed text from a key, reaches at least as far back as a
    match holding that key as its first may start (``words_back``).
    ``ends``: characters no match holds, nor looks at past its end as anything but "not
    this": a search cut just before one finds what the whole text gives before it.
    """

    pattern: re.Pattern[str]
    keys: re.Pattern[str]
    back: re.Pattern[str]
    ends: re.Pattern[str]


def words_back(gaps: int) -> re.Pattern[str]:
    """Back from a key over its word and then ``gaps`` runs of spaces and hyphens, each
    with the word before it: a form with at most ``gaps`` gaps before its key."""
    return re.compile(r"\w*(?:[\s-]+\w*){0," + str(gaps) + "}")


# Each keys pattern first looks at one character, the first letters of its words (folded as
# they are): the engine then tries its alternatives at few positions (0.24 -> 0.15 s CPU over
# the 926 bench texts for the two). EXTRA's keys: a digit, the words every weekday, "today"
# and the units hold, the other one-word forms (each at a word start but "day"). Its ends:
# what none of its parts takes (a comma follows a day number, full stops are those of
# "a.m."/"p.m.", "(" opens a time zone the clock's look-ahead reads).
EXTRA_SCAN = KeyedPattern(
    EXTRA,
    re.compile(r"(?=[\dtymwhdcr])(?:\b(?:\d|tomorrow|tonight|year|month|week|hour|minute|"
               r"decade|currently|recently)|day)", re.I),
    words_back(8),  # "more than a few and a half more years"
    re.compile(r"[^\w\s\-–/,:.(]|(?<![apmAPM])\."))
# EXTRA_REFS' keys: one word of each form, at a word start (a season, a unit, "now",
# "future", "past", "recent", "quarter", "period", a spelled century); its ends: it takes
# no punctuation but hyphens and the comma after a season.
EXTRA_REFS_SCAN = KeyedPattern(
    EXTRA_REFS,
    re.compile(r"(?=[nfpsawrymdhqet])\b(?:now|future|past|spring|summer|fall|autumn|winter|"
               r"recent|year|month|week|day|hour|quarter|period|nineteen|eighteen|thousand|daily|"
               r"weekly|monthly)",
               re.I),
    words_back(2),  # "the near future", "this coming winter"
    re.compile(r"[^\w\s\-,]"))


def keyed_finditer(scan: KeyedPattern, text: str) -> Iterator[re.Match[str]]:
    """``scan.pattern.finditer(text)``, the same matches, searched only from ``reach`` words
    before each key to the next end character: a match starting earlier would hold more
    words before its first key (``back``), one starting later in the stretch another key
    first, and none crosses an end character."""
    reverse: str | None = None
    pos = 0
    while (key := scan.keys.search(text, pos)) is not None:
        if reverse is None:
            reverse = text[::-1]
        back = len(text) - key.start()
        start = max(pos, key.start() - (_end_of(scan.back.match(reverse, back)) - back))
        end = scan.ends.search(text, key.end())
        stop = end.start() if end is not None else len(text)
        found = scan.pattern.search(text, start, stop)
        if found is None:
            pos = stop
            continue
        yield found
        pos = found.end()


def _end_of(m: re.Match[str] | None) -> int:
    assert m is not None  # a pattern that matches the empty string always matches
    return m.end()


# References back to a quarter named earlier in the article (see ``_from_quarter``).
QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")
# A time counted from the last date named before it ("that day", "the following month",
# "the previous Friday"; ``_anchored``). "the next two weeks" (a number) is a duration.
ANCHORED = re.compile(r"(?i)^(?:(?:earlier|later) )?(?:that|the (?P<which>same|following|next|"
                      r"previous|preceding|prior)) (?P<unit>day|morning|afternoon|evening|"
                      r"night|week|month|year|" + _WEEKDAY_NAMES + r")$|"
                      r"^(?:earlier|later|early|late) in the (?P<day>day)$")
# "Oct. 12, the day before the plunge": "the day" set beside the date it names again (alone,
# "the day after airing" counts from a happening, not from a date).
BESIDE_DAY = re.compile(r"(?i)the day")
IN_THE = re.compile(r"(?i)\b(?:earlier|later|early|late) in $")
DAY_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
YEAR_PREFIX = re.compile(r"\d{4}(?!\d)")
MONTH_PREFIX = re.compile(r"(\d{4})-(\d{2})")
QUARTER_ANAPHOR = re.compile(r"(?i)(?:the|that|its) (?:latest |most recent |same |fiscal )*"
                             r"(?:quarter|period)$")
YEAR_BACK = re.compile(r"(?i)(?:(?:the |its |a )?(?:comparable |corresponding |same )?"
                       r"(?:year[- ]ago|year[- ]earlier|year earlier|year ago)"
                       r"(?: (?:first |second |third |fourth )?(?:quarter|period))?|"
                       r"last year's (?:quarter|period)|(?:the )?(?:comparable |corresponding |"
                       r"same )(?:quarter|period) (?:of |in )?(?:the previous year|last year))$")
# "the 1988 quarter" after a named quarter: that quarter of 1988.
YEAR_QUARTER = re.compile(r"(?i)(?:the|its) ((?:1[5-9]|20)\d\d) (?:fiscal )?(?:quarter|period)$")
LATEST = re.compile(r"(?i)\b(?:latest|most recent)\b")
YEAR_BACK_UNIT = re.compile(r"(?i)(?:quarter|period)$")
# An age ("a 6-year-old", "55 years old") is not a time expression in TimeML.
AGE = re.compile(r"(?i)^\S+[- ](?:year|month|week|day)s?[- ]old$")
# Zone abbreviations common in English news, as ISO 8601 offsets.
ZONES = {"est": "-05", "edt": "-04", "cst": "-06", "cdt": "-05", "mst": "-07", "mdt": "-06",
         "pst": "-08", "pdt": "-07", "bst": "+01", "cet": "+01", "cest": "+02", "ist": "+05:30",
         "jst": "+09"}
_ZONE_NAMES = "|".join(ZONES)
_RATE_UNITS = "year|month|week|day|hour"
# A rate the tagger leaves out: "twice a week", "per year", and "a year" after an amount
# ("15 a year", "$2 billion a year").
RATE = re.compile(WORD_START + r"(?:\b(?:(?:once|twice|thrice|[\w-]+ times)[ \t]+"
                  r"(?:an?|per|each|every)|per)[ \t]+(?:" + _RATE_UNITS + r")\b|"
                  r"(?:(?<=\d )|(?<=illion ))an?[ \t]+(?:" + _RATE_UNITS + r")\b)", re.I)
# RATE's keys: the unit every match ends with; its reach: "[\w-]+ times per" before the
# unit, three gaps, hyphenated words whole; its ends: it takes words, spaces, tabs and
# hyphens only, and past its end looks at one character, for "not a word character".
RATE_SCAN = KeyedPattern(
    RATE,
    re.compile(r"(?=[ymwdh])(?:year|month|week|day|hour)", re.I),
    re.compile(r"[\w-]*(?:[ \t]+[\w-]*){0,3}"),
    re.compile(r"[^\w \t-]"))


# How far back an amount before "a year" is looked for: a number and two words fit.
AMOUNT_REACH = 60
# "a year" after an amount, or an amount and its noun ("12 ships a year"): a rate.
RATE_ALONE = re.compile(r"(?i)an? (?:" + _RATE_UNITS + r")")
AMOUNT = re.compile(r"(?i)(?:(?:about|around|some|nearly|almost|up to|more than|over|at least)"
                    r"\s+)?[$€£]?[\d,.]+(?:\s+(?:thousand|million|billion))?\s+")
AFTER_AMOUNT = re.compile(r"(?:\d|illion)(?:[ \t]+(?!(?:for|in|within|over|after|before|than|"
                          r"and|or|of|by|since|during|about)\b)[a-z]+){0,2}[ \t]$")
# A time zone written after a clock time: "UTC", "GMT+2", "(GMT +8)", "EST".
ZONE_AFTER = re.compile(r"[ \t]*(?:\([ \t]*(?:UTC|GMT)(?:[ \t]*[+−-][ \t]*\d{1,2}(?::?\d{2})?)?"
                        r"[ \t]*\)|(?:UTC|GMT)(?:[ \t]*[+−-][ \t]*\d{1,2}(?::?\d{2})?)?\b|"
                        r"\(?(?:" + _ZONE_NAMES.upper() + r")\b\)?)")
# A clock time with nothing else: it takes its day from the sentence.
CLOCK_ONLY = re.compile(r"(?:at |about |around )?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
                        r"(?:\s*\(?\s*(?:UTC|GMT|" + _ZONE_NAMES + r")[^()]*\)?)?", re.I)
# Words joining a part of the day to its day: "the night of", "late on".
PART_CONNECTORS = re.compile(r"(?:^|\s)(?:the|of|on|in|at|early|late)(?=\s|$)")
# "as early as Tuesday", "as soon as next week": the earliest of what may come.
# A lower-case word or a number right before: "now" ends a clause, it opens none.
WORD_BEFORE = re.compile(r"(?-i:[a-z0-9])[ \t]+$")
AS_EARLY_AS = re.compile(r"(?i)\bas (?:early|soon) as\s")
CLOCK_SIGNALS = re.compile(r"(?:^|\s)(?:at|on|about|around)(?=\s|$)")
DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
CLOCK_END = re.compile(r"(?:\d|[ap]\.?m\.?)$", re.I)
# A tagged span that runs a date into a following amount of time ("June 17, two days" before
# the launch) is two expressions: split at the comma.
COMMA_QUANTITY = re.compile(r",\s+(?=(?:\d+|" + _EXTRA_NUMBER + r"|an?|one)[\s-]+"
                            r"(?:year|month|week|day|hour|minute|decade)s?\b)", re.I)

# A period and the day it ends are two expressions: "the quarter ended Sept. 30".
ENDED = re.compile(r"(?i)\s+(?:that |which )?(?:ended|ending|ends)\s+(?=\S)")

_MONTH = r"(" + _MONTH_NAMES + "|" + _MONTH_ABBREVIATIONS + r")\.?"
_NUM = r"(\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
AND_A_HALF = re.compile(r"[ -]and[ -]a[ -]half$")
# A weekday after "a week ago" / "two weeks ago": the day meant ("a week ago Saturday").
WEEKDAY_AFTER = re.compile(r"\s+(" + _WEEKDAY_NAMES + r")\b")
# A count of weeks hedged ("less than a week ago", "nearly two weeks ago"): not a day.
HEDGE_BEFORE = re.compile(r"\b(?:less|more|fewer) than $|\b(?:nearly|almost|about|around|some|"
                          r"over|under|roughly|approximately|just) $")
_UNIT_WORDS = "year|month|week|day|decade|century|centurie|hour|minute|second|quarter"


def find_timexes(doc: Doc, article: Article) -> list[Timex]:
    """Every temporal expression of the article with a confident TimeML value."""
    dct = article_day(article.published)
    spans = _spans(doc)
    found: list[Timex] = []
    american: bool | None = None  # told once, at the first holiday of one country
    names: dict[str, set[str]] | None = None  # made once, at the first lone month
    for start, end in spans:
        text = text_of(doc)[start:end]
        if AGE.match(text):
            continue
        if text.lower() in MONTH_NAMES:
            names = _month_names(doc) if names is None else names
            if text in names and _of_a_name(doc, start, names[text]):
                continue  # "June Medical", the clinic "June Medical Services" is: no time
        ahead = AS_EARLY_AS.search(text_of(doc), max(0, start - 16), min(end, start + 16))
        result = normalise(text, dct, "future" if ahead else _tense(doc, start, end))
        if dct is not None and (QUARTER_ANAPHOR.match(text) or YEAR_BACK.match(text)
                                or YEAR_QUARTER.match(text)):
            result = _from_quarter(text, found, dct) or result
        if dct is not None and ANCHORED.match(text) and not _subject(doc, start, end):
            result = _anchored(text, found) or result
        elif dct is not None and BESIDE_DAY.fullmatch(text) and found:
            if DAY_VALUE.fullmatch(found[-1].value) and text_of(doc)[found[-1].end:start] == ", ":
                result = found[-1].value, "DATE"
            elif IN_THE.search(text_of(doc), max(0, start - 16), start):
                result = _anchored("later in the day", found) or result  # tagged "the day"
        if result and (holiday := HOLIDAY_RULE.search(_folded(text))) and \
                holiday[2] not in SAME_DAY_EVERYWHERE:
            if american is None:
                american = _in_the_us(doc, article)
            result = result if american else None  # "Independence Day" in New Delhi
        if result and RATE_ALONE.fullmatch(text) and \
                AFTER_AMOUNT.search(text_of(doc), max(0, start - AMOUNT_REACH), start):
            result = (result[0], "SET")  # "15 a year": a rate, not a year's time
        if result:
            value, kind = result
            found.append(Timex(article.id, start, end, text, value, kind))
        if result and kind == "DURATION":
            found.extend(_range_ends(article.id, text, start))
    return _clock_times_on_their_day(doc, found)


def _month_names(doc: Doc) -> dict[str, set[str]]:
    """The names of the article that open with a month word ("June Medical Services LLC",
    "April Ryan"): the month word -> the words that follow it in such a name."""
    names: dict[str, set[str]] = {}
    for e in entities_of(doc):
        if e.label_ in NAME_LABELS and len(e) > 1 and e[0].text.lower() in MONTH_NAMES and \
                e[0].text.istitle() and e[1].text.istitle():
            names.setdefault(e[0].text, set()).add(e[1].text)
    return names


def _of_a_name(doc: Doc, start: int, following: set[str]) -> bool:
    """A month word of a name the article gives whole (``_month_names``): again before the
    name's next word ("including June Medical"), or as a subject alone, the name cut short
    ("June challenged a Louisiana law")."""
    span = doc.char_span(start, start + len(text_of(doc)[start:].split(None, 1)[0]))
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return (tok.i + 1 < len(doc) and doc[tok.i + 1].text in following) or \
        tok.dep_ in {"nsubj", "nsubjpass"}


def _in_the_us(doc: Doc, article: Article) -> bool:
    """Whether the article is about the United States: its dateline (the cleaner's, or one
    left at the text's opening) names a US place; with none, the places its lead names (the
    first LEAD_PLACES) are American more often than not (a state, a city AP names alone,
    'Springfield, Ill.', the US by name): a US state named in passing, or the US in foreign
    news, does not make it American. 'Washington' in running text (the government every
    capital deals with) counts neither way. An article that names no place is no evidence
    either way: False."""
    text = text_of(doc)
    line = DATELINE_PLACE.match(article.dateline) if article.dateline else \
        OPENING_PLACE.match(text)
    if line is not None:
        return _us_place(line["place"], dateline=True) or \
            _us_state(line["region"] or "", dateline=True)
    us = other = 0
    for e in entities_of(doc):
        if e.label_ != "GPE" or fold(e.text).removeprefix("the ") in DATELINE_ONLY:
            continue
        after = REGION_AFTER.match(text, e.end_char)
        if (after is not None and _us_state(after[1])) or _us_place(e.text):
            us += 1
        else:
            other += 1
        if us + other == LEAD_PLACES:
            break
    return us > other


def _us_place(name: str, dateline: bool = False) -> bool:
    """A US place: a state, a city AP names alone, or the country itself."""
    key = fold(name).removeprefix("the ")
    return key in US_NAMES or _state_name(name, key) or key in US_DATELINE_CITIES or \
        (dateline and key in DATELINE_ONLY)


def _us_state(name: str, dateline: bool = False) -> bool:
    """A state after a place's comma: 'Ill.', 'Texas', 'TX' (a code in capitals); in running
    text not "US" ("India, US and China" is a list)."""
    key = fold(name)
    return _state_name(name, key) or (name.isupper() and key in US_STATE_CODES) or \
        (dateline and key in DATELINE_ONLY)


def _state_name(name: str, key: str) -> bool:
    """A state by its name, or by AP's abbreviation with its period ('Mass.', not 'Mass')."""
    return key in US_STATES or (key in US_STATE_ABBREVIATIONS and name.rstrip().endswith("."))


def _from_quarter(text: str, found: list[Timex], dct: dt.date) -> tuple[str, str] | None:
    """Quarterly reports name a quarter once and then refer back to it: "the quarter", "the
    latest period" are the quarter last named; "a year earlier" / "the year-ago quarter"
    after it are that quarter a year before (the article's reference time, as HeidelTime
    keeps one). With no quarter named, "the latest quarter" is the last one ended before
    the article date and "the year-ago period" the year before the article's."""
    named = [t for t in found if QUARTER_VALUE.fullmatch(t.value) and not YEAR_BACK.match(t.text)
             and not QUARTER_ANAPHOR.match(t.text) and not YEAR_QUARTER.match(t.text)]
    if YEAR_BACK.match(text):
        ref = named[-1] if named else None
        if ref is None:
            return (f"{dct.year - 1:04d}", "DATE") if YEAR_BACK_UNIT.search(text) or \
                "-" in text else None
        return f"{int(ref.value[:4]) - 1:04d}{ref.value[4:]}", "DATE"
    if year := YEAR_QUARTER.match(text):
        return (f"{year[1]}{named[-1].value[4:]}", "DATE") if named else None
    if LATEST.search(text):
        # "the latest quarter" is one already over, not the coming one a report looks to
        named = [t for t in named if _quarter_start(t.value, 1) <= dct]
    if named:
        return named[-1].value, "DATE"
    if "quarter" not in text.lower():
        return None
    last = dct.year * 4 + (dct.month - 1) // 3 - 1
    return f"{last // 4:04d}-Q{last % 4 + 1}", "DATE"


def _anchored(text: str, found: list[Timex]) -> tuple[str, str] | None:
    """"that day", "later that year", "the following month", "the next morning", "the
    previous Friday": counted from the last date the article named before them, not from
    the article's date (a narrative's reference time moves with the dates it names; the
    paragraph before often names it: only in one paragraph lost 2 of 5 right on timex-tbaq).
    None when that date is coarser than the unit."""
    m = ANCHORED.match(text)
    if m is None:
        return None
    unit = (m["unit"] or m["day"]).lower()
    step = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}.get(
        (m["which"] or "").lower(), 0)
    named = [t.value for t in found if t.type in {"DATE", "TIME"} and YEAR_PREFIX.match(t.value)]
    if not named:
        return None
    value = named[-1]  # a coarser last date ("in 2006", "the quarter") tells no finer unit
    if (day := DAY_PREFIX.match(value)) and \
            (anchor := calendar_day(int(day[1]), int(day[2]), int(day[3]))) is not None:
        return _shifted(anchor, unit, step)
    if unit in {"month", "year"} and (month := MONTH_PREFIX.fullmatch(value)):
        return _shifted(dt.date(int(month[1]), int(month[2]), 1), unit, step)
    if unit == "year":
        return f"{int(value[:4]) + step:04d}", "DATE"
    return None


def _subject(doc: Doc, start: int, end: int) -> bool:
    """'that day has come': a day a clause is about, not the time of what it tells."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ in {"nsubj", "nsubjpass"}


def _shifted(anchor: dt.date, unit: str, step: int) -> tuple[str, str] | None:
    if unit == "year":
        return f"{anchor.year + step:04d}", "DATE"
    if unit == "month":
        total = anchor.year * 12 + anchor.month - 1 + step
        return f"{total // 12:04d}-{total % 12 + 1:02d}", "DATE"
    if unit == "week":
        year, week, _ = (anchor + dt.timedelta(weeks=step)).isocalendar()
        return f"{year}-W{week:02d}", "DATE"
    if unit in WEEKDAYS:
        if not step:
            return None  # "that Friday": the anchor's week is not told
        days = (WEEKDAYS[unit] - anchor.weekday()) % 7 if step > 0 else \
            -((anchor.weekday() - WEEKDAYS[unit]) % 7)
        return _date(anchor + dt.timedelta(days=days or 7 * step))
    day = anchor + dt.timedelta(days=step)
    if unit in PARTS_OF_DAY:
        return f"{day.isoformat()}T{PARTS_OF_DAY[unit]}", "TIME"
    return _date(day)


def _quarter_start(value: str, later: int = 0) -> dt.date:
    """The first day of quarter ``value`` (YYYY-Qn), or of the quarter ``later`` after it."""
    total = int(value[:4]) * 4 + int(value[6]) - 1 + later
    return dt.date(total // 4, total % 4 * 3 + 1, 1)


def _clock_times_on_their_day(doc: Doc, found: list[Timex]) -> list[Timex]:
    """A bare clock time is on the day its sentence names ("flew on Tuesday ... at 18:00"),
    not on the article date: the nearest day-precise date in the same sentence."""
    days = [t for t in found if t.type == "DATE" and DAY_VALUE.fullmatch(t.value)]
    if not days:
        return found
    out = []
    for t in found:
        if t.type == "TIME" and CLOCK_ONLY.fullmatch(t.text):
            first, last = _sentence_bounds(doc, t.start, t.end)
            near = [d for d in days if first <= d.start < last]
            if near:
                day = min(near, key=lambda d: (abs(d.start - t.start), d.start > t.start))
                t = dataclasses.replace(t, value=day.value + t.value[10:])
        out.append(t)
    return out


def _sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    if doc.has_annotation("SENT_START"):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            return int(span.sent.start_char), int(span.sent.end_char)
    text = text_of(doc)
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) + 1 or len(text) + 1) - 1


def _range_ends(article_id: str, text: str, offset: int) -> list[Timex]:
    """'from 2009 to 2011' is a duration and two years; TimeML marks all three."""
    m = RANGE.search(text)
    if not m:
        return []
    return [Timex(article_id, offset + m.start(g), offset + m.end(g), m[g], m[g], "DATE")
            for g in (1, 2, 3) if m[g]]


def _spans(doc: Doc) -> tuple[tuple[int, int], ...]:
    """The expressions' character spans, found once per Doc and kept with it: the events
    stage asks again for an undated article's partial days (``partial_timexes``), and the
    scans are most of this stage's time."""
    kept: dict[Any, Any] = doc.user_data  # spaCy's stub types its keys str; ours are tuples
    found = kept.get(TIMEX_SPANS_KEY)
    if found is None:
        found = kept[TIMEX_SPANS_KEY] = tuple(_find_spans(doc))
    return tuple(found)


def _find_spans(doc: Doc) -> list[tuple[int, int]]:
    text = text_of(doc)
    spans = [piece for e in entities_of(doc) if e.label_ in TIMEX_LABELS
             for part in _by_line(text, e.start_char, e.end_char)
             for piece in _at_comma_quantity(text, *part)]
    spans += [m.span() for m in HOLIDAY_SCAN.finditer(text)
              if not any(s < m.end() and m.start() < e for s, e in spans)]
    for m in (*keyed_finditer(EXTRA_SCAN, text), *keyed_finditer(EXTRA_REFS_SCAN, text)):
        if m.re is EXTRA_REFS and (_discourse_now(text, m)
                                   or any(_touching(text, sp, m.span()) for sp in spans)):
            continue  # "for a week now": not a part
        overlapping = [(s, e) for s, e in spans if s < m.end() and m.start() < e]
        if all(m.start() <= s and e <= m.end() and (s, e) != m.span() for s, e in overlapping):
            spans = [sp for sp in spans if sp not in overlapping] + [m.span()]
    for m in keyed_finditer(RATE_SCAN, text):
        overlapping = [(s, e) for s, e in spans if s < m.end() and m.start() < e]
        if all(e == m.end() and AMOUNT.fullmatch(text, s, m.start()) for s, e in overlapping):
            # "15 a year" tagged whole: the amount is what is counted, the rate is "a year"
            spans = [sp for sp in spans if sp not in overlapping] + [m.span()]
    joined = _join_touching(text, sorted(spans))
    return [_with_right_zone(text, *_with_left_context(text, s, e)) for s, e in joined]


def _discourse_now(text: str, m: re.Match[str]) -> bool:
    """"Now, he says": a discourse marker, not a time; "at half its schedule now, the
    operator said" closes a clause with a time (a lower-case word or number before it)."""
    return m[0].lower() == "now" and text[m.end():m.end() + 1] == "," and \
        not WORD_BEFORE.search(text, max(0, m.start() - 8), m.start())


def _touching(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two spans with only spaces between them (``_join_touching`` would make them one)."""
    first, second = sorted((a, b))
    return first[1] <= second[0] and not text[first[1]:second[0]].strip(" ")


def _at_comma_quantity(text: str, start: int, end: int) -> list[tuple[int, int]]:
    m = COMMA_QUANTITY.search(text, start, end) or ENDED.search(text, start, end)
    if not m:
        return [(start, end)]
    return [(start, m.start()), (m.end(), end)]


def _with_right_zone(text: str, start: int, end: int) -> tuple[int, int]:
    """A clock time takes the time zone the tagger left after it: "18:00 UTC"."""
    if not CLOCK_END.search(text, start, end):
        return start, end
    m = ZONE_AFTER.match(text, end)
    return (start, m.end()) if m else (start, end)


def _join_touching(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces of one expression the tagger split ("June" + "8, 2010") joined again: parts on
    one line with only spaces between them."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and out[-1][1] <= s and not text[out[-1][1]:s].strip(" ") and \
                "\n" not in text[out[-1][1]:s]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _with_left_context(text: str, start: int, end: int) -> tuple[int, int]:
    """The word the tagger left outside the span that makes it a date: 'year' in "this
    year-the ..." is "this year" (not a duration), '8, 2010' after "June" is "June 8, 2010"."""
    before = text[max(0, start - 12):start]
    if UNIT_ALONE.match(text, start, end):
        d = DETERMINER_BEFORE.search(before)
    elif text[start:start + 1].isdigit():
        d = MONTH_BEFORE.search(before)
    else:
        d = None
    return (start - len(before) + d.start(1), end) if d else (start, end)


def _by_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a span on separate lines: a time expression never crosses a line break
    (the tagger sometimes runs a dateline's year into the next paragraph's "Yesterday")."""
    parts, pos = [], start
    for piece in text[start:end].split("\n"):
        stripped = piece.strip()
        if stripped:
            first = pos + piece.index(stripped)
            parts.append((first, first + len(stripped)))
        pos += len(piece) + 1
    return parts


# The month-day and weekday forms an undated article's text fixes without a year or a week:
# the whole expression is the day ("August 19", "19 August", "on Friday"); anything more
# ("last Friday", "August 19 evening") is left to the dated rules.
_PARTIAL_MONTH_DAY = re.compile(r"(?:on )?" + _MONTH + r" (\d{1,2})(?:st|nd|rd|th)?")
_PARTIAL_DAY_MONTH = re.compile(r"(?:on )?(?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH)
_PARTIAL_WEEKDAY = re.compile(r"(?:on )?(" + _WEEKDAY_NAMES + r")")
# A year with February 29, to check a year-less day exists at all.
_LEAP_YEAR = 2000
PARTIAL_VALUE = re.compile(r"^XXXX-(?:\d{2}-\d{2}|WXX-[1-7])$")


def partial_timexes(doc: Doc, article: Article) -> list[Timex]:
    """In an undated article, the days its text gives without a year or a week.

    TimeML partial values: "August 19" is ``XXXX-08-19``, "Friday" ``XXXX-WXX-5``. They are
    no calendar date: ``find_timexes`` never returns them (exports and the quotes stage see
    none); the events stage keeps them on its mentions for ``corpus.events``, which fixes
    the year or the week only from dated articles the story shares an event with. A dated
    article gets none: its own date resolves these.
    """
    if article_day(article.published) is not None:
        return []
    out = []
    for start, end in _spans(doc):
        text = text_of(doc)[start:end]
        value = partial_value(text)
        if value:
            out.append(Timex(article.id, start, end, text, value, "DATE"))
    return out


def partial_value(text: str) -> str | None:
    """``XXXX-MM-DD`` or ``XXXX-WXX-D`` for an expression that is only a month and day or
    only a weekday name; None otherwise."""
    t = re.sub(r"\s+", " ", text.lower()).strip().rstrip(".,")
    if m := _PARTIAL_MONTH_DAY.fullmatch(t):
        month, day = MONTHS[m[1]], int(m[2])
    elif m := _PARTIAL_DAY_MONTH.fullmatch(t):
        month, day = MONTHS[m[2]], int(m[1])
    elif m := _PARTIAL_WEEKDAY.fullmatch(t):
        return f"XXXX-WXX-{WEEKDAYS[m[1]] + 1}"
    else:
        return None
    if _day(_LEAP_YEAR, month, day) is None:
        return None
    return f"XXXX-{month:02d}-{day:02d}"


def article_day(value: str | None) -> dt.date | None:
    """The day of an article's ``published`` value, or None (undated, or not a date)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# ---------------------------------------------------------------- tense of the context

def _tense(doc: Doc, start: int, end: int) -> str:
    """'future', 'past', 'present', 'term' (a present that states a term, see
    ``TERM_WORDS``), 'present-held' (a present passive, or a present whose time belongs
    to a noun's happening or follows "since": "is charged in the Jan. 2 robbery", "faces
    trial over a fire on Feb. 3", "is jailed since January"; it moves nothing into the
    year after), 'modal' (a base verb under would/can/should...: ``MODALS``) or
    'noun-future' (a noun's day under a future or modal verb, "will delay November's
    election": the month stays in the article's year, never moved either way): the verb a
    time expression hangs from, and its aux."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or not doc.has_annotation("DEP"):
        return "past"  # no parse to read a tense from (see analyze.has_parse)
    tok = span.root
    noun_day = False  # "Trump's July 25 call": the call's day, not in a verb's future
    term = False
    held = False  # "in the Jan. 2 robbery", "a fire on Feb. 3", "since Jan. 5"
    for _ in range(8):
        if (tok.lower_ in FUTURE_MARKERS and not _before_someone(tok)) or any(
                c.lower_ in FUTURE_MARKERS for c in tok.children if c.dep_ in {"aux", "amod"}):
            will = tok.lower_ in WILL or any(c.dep_ == "aux" and c.lower_ in WILL
                                             for c in tok.children)
            return "future-verb" if will else "future"
        term = term or (tok.lower_ in TERM_WORDS and not noun_day)
        held = held or tok.lower_ == "since" or noun_day or \
            (tok.dep_ == "prep" and tok.head.pos_ in {"NOUN", "PROPN"})
        if tok.pos_ in {"VERB", "AUX"}:
            tense = _verb_tense(tok)
            if noun_day and tense in {"future", "modal"}:
                return "noun-future"  # "will delay November's election": the noun's day
            if tense == "present" and not noun_day and (term or any(
                    c.dep_ in {"acomp", "oprd"} and c.lower_ in TERM_WORDS
                    for c in tok.children)):
                return "term"  # "is payable Jan. 2", "the notes are due Jan. 2"
            if tense == "present" and (held or _passive(tok)):
                return "present-held"
            return "future-verb" if tense == "future" else tense
        if tok.head.i == tok.i:
            break
        noun_day = noun_day or (tok.dep_ in NOUN_DAY_DEPS and tok.head.pos_ == "NOUN"
                                and tok.head.i > tok.i)
        tok = tok.head
    return "past"


def _before_someone(tok: Token) -> bool:
    """'testified before the House committee Tuesday': "before" a body or a person is where,
    not when."""
    return tok.lower_ == "before" and any(
        c.dep_ == "pobj" and (c.ent_type_ in AUDIENCE_ENTS or c.lower_ in AUDIENCE_NOUNS)
        for c in tok.children)


def _verb_tense(verb: Token) -> str:
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if verb.tag_ == "VB" and "to" in aux and verb.head.i != verb.i:
        # An infinitive takes its time from the verb or adjective it completes: "is set to
        # begin on Wednesday" and "plans to meet on Friday" point ahead.
        if verb.head.lower_ in PLAN_WORDS:
            # "had been due to expire Friday": a plan told in the past perfect is over
            return "past" if _past_perfect(verb.head) else "future"
        if verb.head.pos_ in {"VERB", "AUX"}:
            return _verb_tense(verb.head)
    if verb.tag_ == "VB" and not aux and verb.dep_ in {"xcomp", "ccomp", "conj"} and \
            verb.head.pos_ in {"VERB", "AUX"} and verb.head.i != verb.i:
        # a bare infinitive or a verb joined to another has that verb's time: "will meet
        # and discuss it in May", "helped them win in November"
        return _verb_tense(verb.head)
    if aux & {"will", "'ll", "shall", "wo"} or (verb.lower_ == "going" and (
            "to" in {c.lower_ for c in verb.children} or any(
                c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                for c in verb.children))):
        return "future"  # "will win", "it's going to be a busy season"
    if verb.tag_ == "VBD" or aux & {"did", "had", "has", "have", "was", "were"}:
        return "past"
    if verb.tag_ in {"VB", "VBN", "VBG"} and aux & MODALS:
        # "would end in August", "should be held in November", "would be traveling to
        # Tarnwick Thursday" (said on Wednesday: the coming Thursday)
        return "modal"
    if verb.tag_ == "VBN" and aux & PRESENT_BE:
        return "present"  # "when the case is heard in May": a present passive, not a past
    if verb.tag_ == "VBG" and aux & PRESENT_BE:
        return "future"  # "is meeting on Friday": the present progressive of a plan
    return "present" if verb.tag_ in {"VBZ", "VBP"} else "past"


def _passive(verb: Token) -> bool:
    """'is charged', 'are held': a participle with a form of "be" as its passive auxiliary."""
    return verb.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} and
                                      c.lower_ in PRESENT_BE for c in verb.children)


def _past_perfect(word: Token) -> bool:
    """'had planned', 'had been due': "had" on the word or on the "been" it completes."""
    verb = word.head if word.dep_ in {"acomp", "oprd"} and word.head.pos_ in {"VERB", "AUX"} \
        else word
    return any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children)


# ---------------------------------------------------------------- values

Rule = Callable[[re.Match[str], dt.date | None, str], tuple[str, str] | None]


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip()


def normalise(text: str, dct: dt.date | None, tense: str = "past") -> tuple[str, str] | None:
    """(value, type) for a time expression, or None when no rule is confident."""
    t = _folded(text)
    if "nineteen" in t or "eighteen" in t or "thousand" in t:
        t = SPELLED_YEAR.sub(_year_digits, t)
    for pattern, rule in RULES:
        m = pattern.search(t)
        if m:
            result = rule(m, dct, tense)
            if result:
                return result
    return None


def _year_digits(m: re.Match[str]) -> str:
    if m["century"] is None:
        return str(2000 + (_number(m["unit"]) or 0) if m["unit"] else 2000)
    rest = 0 if m["rest"] == "hundred" else _number(m["rest"])
    return str(int((19 if m["century"] == "nineteen" else 18) * 100 + (rest or 0)))


def _date(d: dt.date) -> tuple[str, str]:
    return d.isoformat(), "DATE"


def _day(year: int, month: int, day: int) -> tuple[str, str] | None:
    found = calendar_day(year, month, day)
    return _date(found) if found is not None else None


def _iso(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    return _day(int(m[1]), int(m[2]), int(m[3]))


def _slashed(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    year = int(m[3])
    year += 2000 if year < 50 else 1900 if year < 100 else 0
    return _day(year, int(m[1]), int(m[2]))  # US order: month/day/year


def _month_day_year(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    return _day(int(m[3]), MONTHS[m[1]], int(m[2]))


def _day_month_year(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    return _day(int(m[3]), MONTHS[m[2]], int(m[1]))


def _month_day(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    return _in_year(MONTHS[m[1]], int(m[2]), dct, tense)


def _day_month(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    return _in_year(MONTHS[m[2]], int(m[1]), dct, tense)


def _in_year(month: int, day: int, dct: dt.date | None,
             tense: str = "present") -> tuple[str, str] | None:
    """A year-less day in the article's year; the year before when it lies far ahead (see
    ``FUTURE_DAY_LIMIT``), the year after when a future-tense sentence puts it well behind
    ("will open Jan. 2", said in November), and when a present-tense clause of its own puts
    it more than ``MONTHS_BACK_IN_YEAR`` months behind ("is payable Jan. 2", "the tour picks
    up Feb. 7", as ``_month``; not a passive's, a noun's or a "since" day: "is charged in
    the Jan. 2 robbery", ``_tense``'s "present-held"). A past tense
    moves nothing: reports in the past tense name coming dates too ("said the dividend is
    payable Dec. 15")."""
    if dct is None:
        return None
    found = _day(dct.year, month, day)
    if not found:
        return None
    ahead = (dt.date.fromisoformat(found[0]) - dct).days
    if ahead > FUTURE_DAY_LIMIT and tense not in {"future-verb", "term"}:
        return _day(dct.year - 1, month, day)  # a will's day ahead stays ahead
    if (tense in FUTURES and ahead < -TENSE_DAY_SLACK) or \
            (tense in AHEAD_TENSES - FUTURES and month < dct.month - MONTHS_BACK_IN_YEAR):
        return _day(dct.year + 1, month, day)  # "is payable Jan. 2", said in November
    return found


def _month_year(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    return f"{int(m[2]):04d}-{MONTHS[m[1]]:02d}", "DATE"


def _month(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    """A month alone is in the article's year, the year before in a past-tense sentence when
    it lies more than ``MONTH_AHEAD_IN_PAST`` ahead ("sales fell in December", said in March;
    "the November trading", said on October 30, stays), the year after when it lies far
    back in a future-tense or a present-tense sentence (``MONTHS_BACK_IN_YEAR``: "payable in
    January", "the session starts in January", said in November; "sales fell in January" and
    "is jailed since January" (``_tense``'s "present-held") are never in the future). A
    future tense
    moves nothing more: on the dev half it was wrong as often as right ("talks will resume
    in June")."""
    if dct is None:
        return None
    month, year = MONTHS[m[1]], dct.year
    if tense == "past" and month > dct.month + MONTH_AHEAD_IN_PAST:
        year -= 1
    elif tense in AHEAD_TENSES and month < dct.month - MONTHS_BACK_IN_YEAR:
        year += 1
    return f"{year:04d}-{month:02d}", "DATE"


def _season(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    """'this summer', 'last fall', 'the winter of 1994': YYYY-SU, YYYY-FA, YYYY-WI."""
    if m["year"]:
        return f"{int(m['year']):04d}-{SEASONS[m['season']]}", "DATE"
    if dct is None:
        return None
    shift = {"last": -1, "next": 1}.get(m["which"] or "", 0)
    return f"{dct.year + shift:04d}-{SEASONS[m['season']]}", "DATE"


def _century(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    """'the 20th century' is 19 (its first two digits); 'this century' the article's."""
    if m[1]:
        n = int(m[1]) if m[1].isdigit() else CENTURY_ORDINALS.get(m[1])
        return (f"{n - 1:02d}", "DATE") if n and 1 <= n <= 30 else None
    if dct is None:
        return None
    return f"{dct.year // 100 + {'last': -1, 'next': 1}.get(m[2], 0):02d}", "DATE"


def _this_year(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    """'the current (fiscal) year', 'year-end', 'the full year': the article's year."""
    return (f"{dct.year:04d}", "DATE") if dct else None


def _last_night(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    return (f"{dct - dt.timedelta(days=1)}TNI", "TIME") if dct else None


def _decade(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    return m[1][:3], "DATE"


def _short_decade(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    """"the '80s" is the 1980s (the 2000s for '00s to a decade past the article date)."""
    if dct is None:
        return None
    year = dct.year // 100 * 100 + int(m[1]) * 10
    return str(year - 100 if year > dct.year + 10 else year)[:3], "DATE"


def _year(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    return m[1], "DATE"


def _deictic_day(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    if dct is None:
        return None
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m[2]]
    shift += {"after": 1, "before": -1}.get(m[1] or "", 0)
    value = (dct + dt.timedelta(days=shift)).isoformat()
    return (value + "TNI", "TIME") if m[2] == "tonight" else (value, "DATE")


def _part_of_day(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    if dct is None:
        return None
    return f"{dct.isoformat()}T{PARTS_OF_DAY[m[1]]}", "TIME"


def _ago(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    """'three days ago' is that day; weeks are counted roughly: 'two weeks ago' and 'less
    than a week ago' are an ISO week (never a day an event or a statement is dated on),
    only 'a week ago' (as often said of the same weekday) stays the day."""
    n = _number(m[1])
    if dct is None or n is None:
        return None
    if m[0].endswith("ago") and m[2] == "week" and n == int(n) and \
            (weekday := WEEKDAY_AFTER.match(m.string, m.end())):
        # "a week ago Saturday": that weekday, the given weeks before its last one
        back = (dct.weekday() - WEEKDAYS[weekday[1]]) % 7 + 7 * int(n)
        return _date(dct - dt.timedelta(days=back))
    rough = n != 1 or HEDGE_BEFORE.search(m.string, 0, m.start()) is not None
    return _shift(dct, UNITS[m[2]], -int(n), precise=not rough)


def _relative(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    """last/this/next week|month|year, with 'earlier'/'later' this ... kept at the unit."""
    if dct is None:
        return None
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[m[2]]
    quarter = (dct.month - 1) // 3 + 1
    if m[3] == "year" and step == 0 and (m[1], quarter) in {("later", 4), ("earlier", 1)}:
        # The rest of the year after a date in its last quarter lies inside that quarter
        # (and what came before a date in the first quarter inside the first).
        return f"{dct.year:04d}-Q{quarter}", "DATE"
    return _shift(dct, UNITS[m[3]], step, precise=False)


def _relative_quarter(m: re.Match[str], dct: dt.date | None,
                      tense: str) -> tuple[str, str] | None:
    """'last quarter' is the quarter before the article's, 'this quarter' its own."""
    if dct is None:
        return None
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
            "coming": 1}[m[1]]
    total = dct.year * 4 + (dct.month - 1) // 3 + step
    return f"{total // 4:04d}-Q{total % 4 + 1}", "DATE"


def _ordinal_part(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    """'the fourth quarter (of 2030)', 'the first half of the year': YYYY-Qn / YYYY-Hn."""
    unit = "Q" if m["unit"] == "quarter" else "H"
    n = ORDINALS[m["ord"]] if m["ord"] not in {"last", "final"} else (4 if unit == "Q" else 2)
    if n > (4 if unit == "Q" else 2):
        return None
    if m["year"]:
        year = int(m["year"])
    elif dct is None:
        return None
    else:
        year = dct.year + {"last year": -1, "next year": 1}.get(m["of"] or "", 0)
        months = 3 if unit == "Q" else 6
        if not m["of"] and tense in PAST_READ and (n - 1) * months + 1 > dct.month:
            year -= 1  # "profits rose in the fourth quarter", said in January
    return f"{year:04d}-{unit}{n}", "DATE"


def _shift(dct: dt.date, unit: str, n: int, precise: bool) -> tuple[str, str] | None:
    if unit == "D":
        return _date(dct + dt.timedelta(days=n))
    if unit == "W":
        d = dct + dt.timedelta(weeks=n)
        if precise:
            return _date(d)
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}", "DATE"
    if unit == "M":
        total = dct.year * 12 + dct.month - 1 + n
        return f"{total // 12:04d}-{total % 12 + 1:02d}", "DATE"
    if unit == "Y":
        return f"{dct.year + n:04d}", "DATE"
    return None


def _weekday(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    if dct is None:
        return None
    target = WEEKDAYS[m[2]]
    if m[1] in {"next", "last"}:
        tense = "future" if m[1] == "next" else "past"
    back = (dct.weekday() - target) % 7
    ahead = (target - dct.weekday()) % 7
    if m[1] == "last" and not back:
        shift = -7  # "last Wednesday", said on a Wednesday
    elif m[1] == "next" and not ahead:
        shift = 7
    elif tense in FUTURES:
        shift = ahead
    elif tense in {"present", "term", "present-held", "modal"}:
        shift = ahead if ahead < back else -back
    else:
        shift = -back
    return _date(dct + dt.timedelta(days=shift))


def _year_range(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    years = int(m[3]) - int(m[1] or m[2])
    return (f"P{years}Y", "DURATION") if years > 0 else None


def _weekend(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    """The ISO week of the weekend meant, its Saturday's: 'this weekend' the article's week,
    'last' the one before, 'next' the first still to come; 'the weekend' in a past-tense
    sentence the last one begun (on a Monday, the week before's), else the article's week."""
    if dct is None:
        return None
    saturday = dct + dt.timedelta(days=5 - dct.weekday())  # the Saturday of the DCT's week
    if m[1] == "last" or (m[1] == "the" and tense in PAST_READ and saturday > dct):
        saturday -= dt.timedelta(days=7)
    elif m[1] == "next" and saturday <= dct:
        saturday += dt.timedelta(days=7)
    year, week, _ = saturday.isocalendar()
    return f"{year}-W{week:02d}-WE", "DATE"


def _this_unit(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    if dct is None:
        return None
    return (f"{dct.year:04d}" if m[1] == "year" else f"{dct.year:04d}-{dct.month:02d}"), "DATE"


def _day_part(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    """A part of a named day: 'yesterday afternoon', 'the night of Oct. 23', 'Monday
    evening' (TimeML's MO/AF/EV/NI after the day)."""
    rest = PART_CONNECTORS.sub(" ", f"{m.string[:m.start()]} {m.string[m.end():]}").strip(" ,")
    day = normalise(rest, dct, tense) if rest else None
    if day is None or not DAY_VALUE.fullmatch(day[0]):
        return None
    return f"{day[0]}T{PARTS_OF_DAY[m[1]]}", "TIME"


def _holiday_in(year: int, rule: tuple[int, int] | tuple[int, int, int]) -> dt.date:
    if len(rule) == 2:
        return dt.date(year, rule[0], rule[1])
    month, weekday, nth = rule
    if nth == 0:  # Election Day: the Tuesday after the first Monday
        first = dt.date(year, month, 2)
    elif nth > 0:
        first = dt.date(year, month, 1) + dt.timedelta(weeks=nth - 1)
    else:  # the last one: from the month's last seven days
        first = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=7)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7)


def _holiday(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    """'Thanksgiving Day', 'last Labor Day': the holiday's day in the year the sentence means:
    'last' and a past tense the latest one up to the article date, 'next' and a future
    tense the first from it on, otherwise the nearer of the two."""
    if dct is None:
        return None
    rule = HOLIDAYS[m[2]]
    before = _holiday_in(dct.year, rule)
    if before > dct:
        before = _holiday_in(dct.year - 1, rule)
    after = _holiday_in(dct.year, rule)
    if after < dct:
        after = _holiday_in(dct.year + 1, rule)
    which = m[1] or ""
    if which in {"last", "this past"} or (not which and tense in PAST_READ):
        return _date(before if which != "last" or before < dct else
                     _holiday_in(before.year - 1, rule))
    if which in {"next", "this coming"} or tense in FUTURES:
        return _date(after)
    return _date(before if (dct - before) <= (after - dct) else after)


def _weekday_part(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    day = _weekday(re.match(r"()(\w+)", m[1]) or m, dct, tense)
    return (f"{day[0]}T{PARTS_OF_DAY[m[2]]}", "TIME") if day else None


def _time(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    half = (m["half"] or "")[:1]
    if half == "p" and hour < 12:
        hour += 12
    if half == "a" and hour == 12:
        hour = 0
    if dct is None or hour > 23 or minute > 59:
        return None
    return f"{_clock_day(m, dct, tense)}T{hour:02d}:{minute:02d}{_zone(m)}", "TIME"


def _noon(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    """'noon Thursday', 'midnight': TimeML writes midnight as the day's 24:00."""
    if dct is None:
        return None
    return f"{_clock_day(m, dct, tense)}T{'24' if m[1] == 'midnight' else '12'}:00", "TIME"


def _clock_day(m: re.Match[str], dct: dt.date, tense: str) -> str:
    """The day the rest of a clock expression names ("9 a.m. Saturday", "June 5 at 3 p.m."),
    else the article's."""
    rest = CLOCK_SIGNALS.sub("", f"{m.string[:m.start()]} {m.string[m.end():]}").strip(" ,")
    if rest:
        named = normalise(rest, dct, tense)
        if named and DAY_VALUE.match(named[0]):
            return named[0][:10]
    return dct.isoformat()


def _zone(m: re.Match[str]) -> str:
    """ISO 8601 zone designator: 'Z' for UTC/GMT, '+08' / '-05:30' for a written offset."""
    if not m["zone"]:
        return ""
    hours, minutes = int(m["off_h"] or 0), int(m["off_m"] or 0)
    if m["zone"] in ZONES:
        return ZONES[m["zone"]]
    if not hours and not minutes:
        return "Z"
    sign = "-" if m["sign"] in {"-", "−"} else "+"
    return f"{sign}{hours:02d}" + (f":{minutes:02d}" if minutes else "")


def _duration(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    qty, unit, plural = m["qty"], UNITS[m["unit"]], bool(m["plural"])
    if m[1] in {"last", "next"} and qty is None and not plural and m.start(1) == 0:
        return None  # "last year" is a date; with no article date, none at all
    n: float | None
    if qty is None:
        n = None if plural else 1  # "decades-long" -> PXY; "the past decade" -> P10Y
    elif qty.strip() in VAGUE:
        n = None
    elif qty.startswith("half"):
        n = 0.5  # "half an hour"
    elif qty.startswith(("a couple", "couple")):
        n = 2
    else:
        whole = AND_A_HALF.sub("", qty)
        n = _number(whole.strip())
        if n is None or (n >= 1500 and unit == "Q"):
            return None  # "the 1988 quarter" is a year's quarter, not 1988 quarters
        n += 0.5 if whole != qty else 0
    if m["and_half"] and n is not None:
        n += 0.5  # "a year and a half"
    return _period(n, unit), "DURATION"


def _period(n: float | None, unit: str) -> str:
    scale = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M")}
    factor, unit = scale.get(unit, (1, unit))
    if n is not None and n * factor < 1 and unit in SMALLER:
        factor, unit = factor * SMALLER[unit][0], SMALLER[unit][1]  # "half an hour" -> PT30M
    amount = "X" if n is None else _fmt(n * factor)
    if unit in {"H", "MIN", "S"}:
        return f"PT{amount}{'M' if unit == 'MIN' else unit}"
    return f"P{amount}{unit}"


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _number(word: str) -> float | None:
    word = word.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and all(p in NUMBER_WORDS for p in parts):
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


def _rate(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    """'twice a week', 'per year': a set of times, one a unit (the count is TimeML's freq)."""
    return _period(1, UNITS[m[1] or m[2]]), "SET"


def _set(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    return SETS[m[1]], "SET"


def _ref(m: re.Match[str], dct: dt.date | None, tense: str) -> tuple[str, str] | None:
    return REFS[m[1]], "DATE"


_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
RULES: list[tuple[re.Pattern[str], Rule]] = [
    (re.compile(r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2})|(?=\s*[ap]\.?m\b))"
                r"\s*(?P<half>[ap]\.?m\.?)?(?:\s*\(?\s*(?P<zone>utc|gmt|" + _ZONE_NAMES
                + r")\b(?:\s*(?P<sign>[+−-])\s*(?P<off_h>\d{1,2})(?::?(?P<off_m>\d{2}))?)?)?"),
     _time),
    (re.compile(r"\b(?:mid-?)?(morning|afternoon|evening|night)\b"), _day_part),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), _iso),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4})\b"), _slashed),
    (re.compile(_MONTH + r" (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b"), _month_day_year),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH + r",? (\d{4})\b"),
     _day_month_year),
    (re.compile(r"\b" + _MONTH + r" (\d{1,2})(?:st|nd|rd|th)?\b(?!:)"), _month_day),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?" + _MONTH + r"\b"), _day_month),
    (re.compile(r"\b" + _MONTH + r",? (\d{4})\b"), _month_year),
    (re.compile(r"\b(?:the day (after|before) )?(today|yesterday|tomorrow|tonight)\b"),
     _deictic_day),
    (HOLIDAY_RULE, _holiday),
    (re.compile(r"^(?:this|this coming) (morning|afternoon|evening|night)$"), _part_of_day),
    (re.compile(r"^last night$"), _last_night),
    (re.compile(r"\b(noon|midday|midnight)\b"), _noon),
    (re.compile(r"^(?:the )?(?:(?P<which>this|last|next|this past|this coming|early|late|"
                r"mid-?) ?)?(?P<season>spring|summer|fall|autumn|winter)(?:,? (?:of )?"
                r"(?P<year>(?:1[5-9]|20)\d\d))?$"), _season),
    (re.compile(r"^(?:the )?(?:(\d{1,2})(?:st|nd|rd|th)|(" + "|".join(CENTURY_ORDINALS)
                + r"))[ -]century$|^(this|last|next) century$"), _century),
    (re.compile(r"^(?:the )?(?:(?:current|full|entire|this) (?:fiscal |financial |calendar )?"
                r"year|year[- ]end)$"), _this_year),
    (re.compile(r"\b(" + _NUMBER_WORD + r"|\d+|a few|several) (year|month|week|day)s? "
                r"(?:ago|earlier)\b"),
     _ago),
    (RANGE, _year_range),
    (re.compile(r"\b(?:the )?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final)[ -]"
                r"(?P<unit>quarter|half)(?: of (?:(?:fiscal |the year )?"
                r"(?P<year>(?:1[5-9]|20)\d\d)|(?P<of>the year|this year|last year|next year)))"),
     _ordinal_part),
    (re.compile(r"\b(?:the )?(?:(?P<year>(?:1[5-9]|20)\d\d) |(?P<of>(?:next|last|this) year)'s )?"
                r"(?:fiscal[ -])?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[ -]"
                r"(?P<unit>quarter)\b(?! of)"),
     _ordinal_part),
    (re.compile(r"\b(?:the )?(last|past|previous|this|current|next|coming) "
                r"(?:fiscal |financial )?quarter\b(?!s| of)"), _relative_quarter),
    (re.compile(r"(?<!the )\b(?:(earlier|later) )?(last|past|previous|this|next|coming) "
                r"(week|month|year)\b(?!s)"), _relative),
    # "over the past year": the calendar year before, as "last year" (timex-tbaq h0: both
    # such gold values; "for the last week" there is the article's own week, so only the
    # year; a number or a plural keeps it a duration)
    (re.compile(r"^(?:(?:over|in|during|for) )?the ()(past|last) (year)$"),
     _relative),
    (re.compile(r"\b(this|the|next|last) ?weekend\b"), _weekend),
    (re.compile(r"\b(?:the )?(?:beginning|start|end) of the (year|month)\b"), _this_unit),
    (re.compile(r"\b(" + _WEEKDAY_NAMES + r") (morning|afternoon|evening|night)\b"),
     _weekday_part),
    (re.compile(r"\b(next|last|on|this)? ?(" + _WEEKDAY_NAMES + r")\b"), _weekday),
    (re.compile(r"(?:^|\b(?:in|since|of|by|until|from|the|early|late|end of) |\bmid-?)"
                r"(?:the )?((?:1[5-9]|20)\d0)'?s\b"), _decade),
    (re.compile(r"(?:^|\b(?:in|since|of|by|until|from|the|early|late|mid|end of) )(?:the )?"
                r"'(\d)0s\b"), _short_decade),
    (re.compile(r"^(?:(?:the|in|since|by|until|from|early|late|fiscal|fy) )*((?:1[5-9]|20)\d\d)"
                r"(?:'s)?$"), _year),
    (re.compile(r"\b" + _MONTH + r"$"), _month),
    (re.compile(r"^(annual|annually|yearly|every year|each year|daily|every day|weekly|"
                r"every week|monthly|every month)$"), _set),
    (re.compile(r"^(?:(?:once|twice|thrice|[\w-]+ times) )?(?:per|each|every) (" + _RATE_UNITS
                + r")$|^(?:once|twice|thrice|[\w-]+ times) an? (" + _RATE_UNITS + r")$"),
     _rate),
    (re.compile(r"^(?:(?:more|most|until|only|very|right|just|by|for|from|until|in|at) )?("
                + "|".join(REFS) + r")$"), _ref),
    (re.compile(r"^(?:(?:for|over|about|around|nearly|almost|roughly|approximately|just|only|"
                r"some|under|more than|less than|at least|up to|close to|another|as long as|latest|"
                r"an additional|an extra|the) )*"
                r"(?:(last|past|next|first|coming|previous) )?(?P<qty>" + _NUM
                + r"(?:[ -]and[ -]a[ -]half)?|half an?|a couple of|couple of|a few|several|few|"
                r"many|some|recent)?(?: more| additional| straight| consecutive)?"
                r"[ -]?(?P<unit>"
                + _UNIT_WORDS + r")(?P<plural>s)?(?P<and_half> and a half)?"
                r"(?:[- ]long|[- ]old| ahead| of (?:the|this|last|that) year)?$"),
     _duration),
    (re.compile(r"(?<!mid-)(?<!mid )\b((?:1[5-9]|20)\d\d)\b"), _year),
]
