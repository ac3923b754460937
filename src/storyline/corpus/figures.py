"""Counts a statement states as fact: "five people were injured", "killed at least 12".

A figure is a number, the thing it counts (its unit) and what it counts them for (its
frame): an outcome such as killed or injured, or else the words it is attached to ("a
coalition of 10 countries"). Two figures are one quantity only when unit and frame agree.
Times of day, ordinals, addresses, years, subsets ("30 of the 80") and hedged or
conditional figures ("could reach 50") are no counts and are left out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

HEDGES: dict[str, tuple[float, float]] = {  # multipliers of the number: (low, high)
    "about": (0.8, 1.2), "around": (0.8, 1.2), "approximately": (0.8, 1.2),
    "roughly": (0.8, 1.2), "some": (0.8, 1.2), "nearly": (0.8, 1.0), "almost": (0.8, 1.0),
    "over": (1.0, math.inf), "more": (1.0, math.inf), "above": (1.0, math.inf),
    "least": (1.0, math.inf), "upwards": (1.0, math.inf),
    "under": (0.0, 1.0), "less": (0.0, 1.0), "fewer": (0.0, 1.0), "most": (0.0, 1.0),
    "up": (0.0, 1.0), "below": (0.0, 1.0), "many": (0.0, 1.0),  # "as many as 30"
}
_SMALL_NUMBERS = ("zero one two three four five six seven eight nine ten eleven twelve "
                  "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty")
NUMBER_WORDS = {w: i for i, w in enumerate(_SMALL_NUMBERS.split())} | {
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12}
# Counted things that name the same quantity under different words.
UNIT_SYNONYMS = {"nation": "country", "state": "country", "soldier": "troop",
                 "people": "person", "persons": "person"}
# What a count can be a count of, by the words news copy uses for it: two figures are the
# same quantity only when they count the same outcome ("five injured" and "a city of
# 500,000 people" are not). Drawn from how casualty and arrest figures are worded in news
# English, not from any evaluation text.
OUTCOMES: dict[str, tuple[str, ...]] = {
    "killed": ("killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "death",
               "deaths", "toll", "fatalities", "perished", "lives"),
    "injured": ("injured", "injuring", "injuries", "injury", "wounded", "wounding", "hurt",
                "hospitalised", "hospitalized", "casualties"),
    "arrested": ("arrested", "arrests", "detained", "charged", "indicted"),
    "missing": ("missing",),
    "rescued": ("rescued", "saved"),
    "evacuated": ("evacuated", "evacuations", "displaced", "homeless"),
    "held": ("hostages", "hostage", "kidnapped", "abducted", "captive", "captives"),
}
FORM_TO_OUTCOME = {form: o for o, forms in OUTCOMES.items() for form in forms}
OUTCOME_FRAME = "outcome:"
# Words after a number searched for its unit, stop words skipped ("30 of the countries").
MAX_UNIT_GAP = 2
# Content words before a number searched for the outcome it counts: "the death toll rose
# to 40" needs two; a clause boundary always ends the search.
OUTCOME_BEFORE = 2
# Words either side of a figure searched for a word that makes it unsure ("could reach 50").
UNSURE_WINDOW = 6
# Four bare digits in this range read as a year ("the 2024 summit"), not a count.
YEARS = (1900.0, 2100.0)
# Units that make a number no count of things: durations (rounded differently by every
# statement), clock and calendar readings, measures, and the street words of addresses;
# "other" marks a subset ("10 other nations").
NOT_UNITS = frozenset({
    "other", "more", "day", "days", "week", "weeks", "month", "months", "year", "years",
    "hour", "hours", "minute", "minutes", "second", "seconds", "percent", "times", "per",
    "am", "pm", "a.m", "p.m", "o'clock", "million", "billion", "street", "st", "avenue",
    "ave", "road", "rd", "boulevard", "blvd", "lane", "drive", "floor", "block", "km",
    "mile", "miles", "kilometres", "kilometers", "metres", "meters", "feet", "degrees",
    "magnitude", "points", "point",
})
# Words right before a number that make it a label, not a count ("No. 5", "Route 9",
# "flight 370"), or a reading ("at 3", "since 2008").
NOT_COUNT_BEFORE = frozenset({"no", "number", "route", "highway", "interstate", "flight",
                              "room", "apartment", "suite", "gate", "page", "chapter", "at",
                              "since", "until", "magnitude", "aged", "age"})
# Words near a figure that make it an estimate, a fear or a condition rather than a claim.
UNSURE_WORDS = frozenset({"if", "whether", "could", "might", "may", "would", "feared",
                          "possibly", "perhaps", "reportedly", "estimated", "expected",
                          "unconfirmed", "believed"})
_STOP = ("the a an of in on at to for and or but is are was were be been being will would "
         "can that this these those it its they them their we our us he she his her i you "
         "who with by from as so not now have has had do does did there here than then also "
         "after before least")
STOP_WORDS = frozenset(_STOP.split())
# One token: a clock time, an ordinal, a number (with thousands, also as "200, 000"), a
# word, or a mark that ends a clause.
_TOKEN = re.compile(
    r"(?P<time>\d+(?::\d+)+)|(?P<ord>\d+(?:st|nd|rd|th)\b)"
    r"|(?P<num>\d{1,3}(?:,\s?\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<word>[^\W\d_]+(?:[.'’-][^\W\d_]+)*)|(?P<stop>[,;:!?()\"“”—–]|\.(?!\d))")


@dataclass(frozen=True, slots=True)
class Figure:
    """A count stated as fact: ``low``..``high`` ``unit`` for ``frame``; ``start``/``end``
    span the words that say it, in the statement's text."""

    unit: str
    frame: str  # "outcome:<kind>" or "near:<word>" (the word the number is attached to)
    low: float
    high: float
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # time | ord | num | word | stop
    text: str
    start: int
    end: int


# A text in which nothing of this matches (lower-cased) has no number token, so no figure:
# most statements, which are then not tokenised at all.
_MAY_COUNT = re.compile(r"\d|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)))


def figures(text: str) -> tuple[Figure, ...]:
    """Every count ``text`` states as fact, in order."""
    if not _MAY_COUNT.search(text.lower()):
        return ()
    toks = [_Tok(m.lastgroup or "stop", m.group().lower(), m.start(), m.end())
            for m in _TOKEN.finditer(text)]
    out = []
    for i, t in enumerate(toks):
        value = number(t)
        if value is not None and _is_count(toks, i, value):
            found = _figure(toks, i, value)
            if found is not None:
                out.append(found)
    return tuple(out)


def number(t: _Tok) -> float | None:
    if t.kind == "word":
        return float(NUMBER_WORDS[t.text]) if t.text in NUMBER_WORDS else None
    if t.kind != "num":
        return None
    return float(re.sub(r"[,\s]", "", t.text))


def _is_count(toks: Sequence[_Tok], i: int, value: float) -> bool:
    t = toks[i]
    if re.fullmatch(r"\d{4}", t.text) and YEARS[0] <= value <= YEARS[1]:
        return False
    before = toks[i - 1] if i > 0 else None
    after = toks[i + 1:i + 3]
    if before is not None and (before.text in NOT_COUNT_BEFORE or before.kind in ("time", "ord")):
        return False
    if after and after[0].text == "of":
        return False  # "30 of the 80 wounded": a part of another count
    # "3:30 a. m." as some copy spells it: "a" "." "m"
    return not (len(after) == 2 and after[0].text in ("a", "p") and after[1].text == ".")


def _figure(toks: Sequence[_Tok], i: int, value: float) -> Figure | None:
    clause = _clause(toks, i)
    unit_at = _unit_at(toks, i, clause[1])
    if unit_at is None:
        return None
    unit = _unit(toks[unit_at].text)
    if unit is None:
        return None
    outcome_at = _outcome_at(toks, i, unit_at, clause)
    if any(toks[j].text in UNSURE_WORDS for j in range(max(clause[0], i - UNSURE_WINDOW),
                                                       min(clause[1], unit_at + UNSURE_WINDOW))):
        return None
    low, high = _hedge([t.text for t in toks[max(0, i - 3):i]])
    if outcome_at is not None:
        frame = OUTCOME_FRAME + FORM_TO_OUTCOME[toks[outcome_at].text]
        last = max(outcome_at, unit_at)
    else:
        near = _near_word(toks, i, clause[0])
        if near is None:
            return None
        frame, last = "near:" + near, unit_at
    first = min(i, outcome_at if outcome_at is not None else i)
    while first > clause[0] and (toks[first - 1].text in HEDGES or toks[first - 1].text in (
            "at", "as", "than", "least")):
        first -= 1  # "at least 12", "more than 40": the hedge is part of what was said
    return Figure(unit, frame, value * low, value * high, toks[first].start, toks[last].end)


def _clause(toks: Sequence[_Tok], i: int) -> tuple[int, int]:
    """Token range [start, end) of the clause holding token ``i``."""
    lo = i
    while lo > 0 and toks[lo - 1].kind != "stop":
        lo -= 1
    hi = i
    while hi < len(toks) and toks[hi].kind != "stop":
        hi += 1
    return lo, hi


def _unit_at(toks: Sequence[_Tok], i: int, end: int) -> int | None:
    gap = 0
    for j in range(i + 1, end):
        if toks[j].kind != "word":
            return None
        if toks[j].text in STOP_WORDS and toks[j].text not in FORM_TO_OUTCOME:
            gap += 1
            if gap > MAX_UNIT_GAP:
                return None
            continue
        return j
    return None


def _unit(word: str) -> str | None:
    """The counted noun: 'countries' in '30 countries'; 'wounded' in '80 wounded' counts
    people."""
    if word in FORM_TO_OUTCOME:
        return "person"
    if word in NOT_UNITS or word in NUMBER_WORDS:
        return None
    stem = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
    return UNIT_SYNONYMS.get(word) or UNIT_SYNONYMS.get(stem) or stem


def _outcome_at(toks: Sequence[_Tok], i: int, unit_at: int,
                clause: tuple[int, int]) -> int | None:
    """The outcome the number counts: the unit itself ("80 wounded"), the first content
    word after it ("five people were injured"), or one of the two content words before the
    number ("killing two", "the toll rose to 40"). A further word is another predicate's:
    "five people received treatment after being injured" counts the treated."""
    after = [j for j in range(unit_at, clause[1])
             if j == unit_at or toks[j].text not in STOP_WORDS][:2]
    before = [j for j in range(i - 1, clause[0] - 1, -1)
              if toks[j].kind == "word" and toks[j].text not in STOP_WORDS
              and toks[j].text not in HEDGES][:OUTCOME_BEFORE]
    for j in [*after, *before]:
        if toks[j].text in FORM_TO_OUTCOME:
            return j
    return None


def _near_word(toks: Sequence[_Tok], i: int, start: int) -> str | None:
    """The content word the number is attached to ("coalition" in "a coalition of 10")."""
    for j in range(i - 1, max(start, i - 3) - 1, -1):
        w = toks[j].text
        if toks[j].kind == "word" and w not in STOP_WORDS and w not in HEDGES:
            return w
    return None


def _hedge(before: Sequence[str]) -> tuple[float, float]:
    for w in reversed(before):
        if w in HEDGES:
            return HEDGES[w]
    return 1.0, 1.0


def same_quantity(a: Figure, b: Figure) -> bool:
    return a.unit == b.unit and a.frame == b.frame


def disagree(a: Figure, b: Figure) -> bool:
    """Ranges that cannot both hold ("about 30" and "31" agree)."""
    return a.high < b.low or b.high < a.low
