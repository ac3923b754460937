"""Plain-text helpers every layer shares: folding, tokens, day and month names, calendar
days, batches.

Three folds, each the form one kind of comparison needs:

    fold        phrases and keys          'Nordic-Wire ', 'Público' -> 'nordic wire', 'publico'
    fold_name   names                     "Zelénskyy’s", 'U.S.'     -> 'zelenskyy', 'us'
    fold_words  texts, word by word       "O’Brien's well-known"    -> "o’brien's well-known"

All three drop diacritics and lower the case (``fold_words`` case-folds: "ß" -> "ss").
``fold`` makes every run of other characters one space; ``fold_name`` first drops a
possessive "'s" and abbreviation dots, so a name written with and without them meets;
``fold_words`` keeps apostrophes and hyphens inside words (a shingle of "don't" is not one
of "don t").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from typing import TypeVar

from spacy.lang.en.stop_words import STOP_WORDS

__all__ = [
    "MIN_TOKEN_CHARS", "MONTH_ABBREVIATIONS", "MONTH_NAMES", "MONTH_NUMBERS", "WEEKDAY_NAMES",
    "WEEKDAY_NUMBERS", "batched", "calendar_day", "clip", "fold", "fold_name", "fold_words",
    "strip_marks", "tokens", "words",
]

T = TypeVar("T")

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
# The abbreviations news style writes; "sept" before "sep", so that an alternation built from
# them tries the longer first.
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept", "sep",
                       "oct", "nov", "dec")
# Month name or abbreviation -> 1..12.
MONTH_NUMBERS = ({m: i for i, m in enumerate(MONTH_NAMES, start=1)}
                 | {m[:3]: i for i, m in enumerate(MONTH_NAMES, start=1)} | {"sept": 9})
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Day name -> 0 (Monday) .. 6, as ``date.weekday()`` counts.
WEEKDAY_NUMBERS = {d: i for i, d in enumerate(WEEKDAY_NAMES)}
# TimeML partial values of one day, which only a date can place: a month and day without a
# year ("August 19" is XXXX-08-19) or a weekday without its week ("Friday" is XXXX-WXX-5).
# The one spelling the time expressions (which write them), the quotes stage and the corpus
# (which read them) share.
PARTIAL_DAY = re.compile(r"^XXXX-(?:\d{2}-\d{2}|WXX-[1-7])$")
PARTIAL_WEEKDAY = re.compile(r"^XXXX-WXX-[1-7]$")


def calendar_day(year: int, month: int, day: int) -> date | None:
    """The day, or None when the numbers name none ("31 February", month 13): the one check
    every date reader (page stamps, time expressions, event days) makes on what it parsed."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Words shorter than this carry little topical signal ("a", "of", stray initials).
MIN_TOKEN_CHARS = 2

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_NON_WORD = re.compile(r"[^\w]+")
_POSSESSIVE_S = re.compile(r"'s\b")
# A word of letters and digits, with apostrophes or hyphens inside it ("o'brien", "well-known").
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def _mark_class() -> str:
    """The combining marks of the Basic Multilingual Plane as a character class body.

    ``strip_marks`` drops the marks that attach an accent (combining class above 0); the
    vowel signs of Indic scripts, Thai and others are class-0 marks that are part of the
    letter's spelling, and ``\\w`` matches none of them, so without this class "जनवरी"
    would read as the fragment "जनवर" and every Hindi text would look alike.
    """
    marks = [c for c in map(chr, range(0x300, 0x10000)) if unicodedata.category(c)[0] == "M"]
    return "".join(re.escape(c) for c in marks)


# ``_WORD`` for text outside ASCII, where a word may hold the marks of its script; the text
# it reads has its underscores made spaces, as ``_WORD`` splits words at them.
_LETTER_OR_MARK = rf"[\w{_mark_class()}]"
_WORD_ANY_SCRIPT = re.compile(rf"{_LETTER_OR_MARK}+(?:['’-]{_LETTER_OR_MARK}+)*")


def strip_marks(text: str) -> str:
    """``text`` without combining marks (the accents NFKD splits off a letter).

    Marks are never ASCII, so only runs of non-ASCII characters are looked at: the corpus
    steps fold every name and text, and a scan of every character cost more than their logic.
    """
    return text if text.isascii() else _NON_ASCII.sub(_without_marks, text)


def _without_marks(run: re.Match[str]) -> str:
    return "".join(c for c in run.group() if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, no diacritics, each run of punctuation and spaces one space, trimmed."""
    text = strip_marks(unicodedata.normalize("NFKD", text)).lower()
    return _NON_WORD.sub(" ", text).strip()


def fold_name(text: str) -> str:
    """``fold`` after dropping a possessive "'s" and the dots of abbreviations: the form
    names are compared in ("Zelénskyy’s" -> 'zelenskyy', 'U.S.' -> 'us')."""
    text = _POSSESSIVE_S.sub("", unicodedata.normalize("NFKD", text.replace("’", "'")))
    return fold(text.replace(".", ""))


def fold_words(text: str) -> str:
    """Case-folded words without diacritics, one space apart: the form whole texts are
    compared in for identity (apostrophes and hyphens inside a word are kept)."""
    return " ".join(words(text))


def words(text: str) -> list[str]:
    """Every word of ``text``, case-folded and without diacritics; the unit of shingles."""
    folded = strip_marks(unicodedata.normalize("NFKD", text.casefold()))
    if folded.isascii():
        return _WORD.findall(folded)
    return _WORD_ANY_SCRIPT.findall(folded.replace("_", " "))


def tokens(text: str) -> list[str]:
    """Content words: ``words`` without English stop words, numbers or one-letter bits."""
    return [w for w in words(text)
            if len(w) >= MIN_TOKEN_CHARS and w not in STOP_WORDS and not w.isdigit()]


# A capitalised abbreviation ("Gov.", "Mr.", "Sen.") or initials ("J.", "U.S."): a word
# that leads into the next one, so never the last before a cut nor a sentence's end.
ABBREVIATION = re.compile(r"[A-Z][a-z]{0,3}\.|(?:[A-Z]\.){2,}")


def clip(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut after a whole word and marked "…"; a cut
    word ("the ferries w…") reads as a typo. One word longer than the limit is cut hard."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return trim_cut(cut) + "…"


def trim_cut(cut: str) -> str:
    """A cut text's end without what only leads into the words cut off: a comma, semicolon
    or colon, and a title or initials ("…of Alaska Gov.…" reads as if the name were lost)."""
    cut = cut.rstrip(" ,;:")
    while " " in cut and ABBREVIATION.fullmatch(cut.rsplit(" ", 1)[-1]):
        cut = cut.rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut


def ends_with_abbreviation(text: str) -> bool:
    """True when ``text``'s last word is a title or initials ("Alaska Gov."), so a full stop
    there ends no sentence."""
    return bool(ABBREVIATION.fullmatch(text.rstrip().rsplit(" ", 1)[-1]))


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily."""
    if size < 1:
        raise ValueError(f"batched: size must be at least 1, got {size}")
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
