"""Quoted spans in plain text, for every common pair of quotation marks.

Works on one paragraph at a time, on characters only, so it cannot be fooled by a parse.
Unbalanced marks never raise: an opener with no closer quotes the rest of its paragraph
when the paragraph starts with it (the convention for quotes running over paragraphs) and
is ignored otherwise.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Opening mark -> the marks that may close it. „ closes with ” (Polish, Romanian copy) or
# “ (German); « » and ‹ › are guillemets; straight marks close themselves.
CLOSERS: dict[str, str] = {
    "“": "”", "„": "”“", "«": "»", "‹": "›", '"': '"', "‘": "’", "‚": "’‘",
}
# Scraped copy mixes typographic and straight marks ("The harbour reopened,” the letter
# read.): where an opener's own closer is not in its paragraph, these close it instead.
MIXED_CLOSERS: dict[str, str] = {'"': "”", "“": '"'}
# Single marks double as apostrophes (Putin’s, ’90s), so they only count at word edges.
SINGLE_MARKS = frozenset("‘’‚'")
# Marks that only ever close ("”" also closes „, but never opens in English copy).
CLOSING_ONLY = frozenset("”»›")
# Guillemets as French sets them, a (no-break) space inside each: « comme ceci ».
SPACED_MARKS = frozenset("«»")
# An unclosed quotation counts only when this many words follow its mark; fewer is a
# stray mark.
MIN_OPEN_WORDS = 4
# A quotation needs at least one letter; shorter is punctuation play, not speech.
MIN_LETTERS = 1
# Wire copy typed on keyboards without curly marks doubles backticks and apostrophes:
# ``like this''. Each pair reads as the curly mark beside a space, which keeps every
# offset where it is.
TYPED_MARKS = (("``", " “"), ("''", "” "))
# Texts whose spans are kept: an article's are asked for by its quotations, its reported
# speech and each reported statement's words; a handful of articles are in flight at once.
SPAN_CACHE_TEXTS = 64
# Texts whose typed marks are kept read (``_typed``): the one being read is enough.
TYPED_CACHE_TEXTS = 4
# Any character that may open a quotation, to skip the characters between them at C speed.
_OPENER = re.compile("[" + re.escape("".join(CLOSERS)) + "]")


@dataclass(frozen=True, slots=True)
class Span:
    """The words between a pair of marks, by character offsets (marks excluded)."""

    start: int
    end: int


def find_spans(text: str) -> list[Span]:
    """Every top-level quoted span in ``text``, in order, paragraph by paragraph.

    A quotation left open at the end of one paragraph and closed at the start of the next
    (one sentence a line, as some corpora write text) gives a span in each paragraph.
    """
    return list(_spans(text))


@functools.lru_cache(maxsize=SPAN_CACHE_TEXTS)
def _spans(text: str) -> tuple[Span, ...]:
    # The stages ask for one article's spans more than once (its quotations, then the
    # reported speech beside them): each text is scanned once.
    spans: list[Span] = []
    carried = False
    text = _typed(text)
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        if not carried and _reversed(para.group()):
            # »like this«: the paragraph's guillemets, turned round, pair as « and »
            text = text[:start] + para.group().translate(_TURNED) + text[para.end():]
        if carried:
            close = _carried_close(text, start, para.end())
            if close is not None:
                spans.extend(_trimmed(text, start, close))
                start = close + 1
        found, carried = _paragraph_spans(text, start, para.end())
        spans.extend(found)
    return tuple(spans)


def _reversed(paragraph: str) -> bool:
    """Whether a paragraph sets its guillemets the other way round, »like this« (German
    and Danish copy, and some francophone sites): its guillemets run », «, », «, ...,
    ending on «. A paragraph that goes on with a quotation left open before is read as
    usual (its first » closes it)."""
    marks = "".join(c for c in paragraph if c in "«»")
    return bool(marks) and marks == "»«" * (len(marks) // 2)


_TURNED = str.maketrans("«»", "»«")


def has_marks(text: str) -> bool:
    """Whether ``text`` holds a mark that can open a quotation."""
    return any(m in text for m in CLOSERS) or any(m in text for m, _ in TYPED_MARKS)


@functools.lru_cache(maxsize=TYPED_CACHE_TEXTS)
def _typed(text: str) -> str:
    # ``extent`` asks for each quoted span of a text: the text is searched once, not per span
    if "``" not in text and "''" not in text:
        return text
    for typed, curly in TYPED_MARKS:
        text = text.replace(typed, curly)
    return text


def _carried_close(text: str, start: int, end: int) -> int | None:
    # A closing mark before any opening one ends the quotation carried over.
    for j in range(start, end):
        if text[j] in CLOSERS and _opens(text, j, start) and text[j] not in CLOSING_ONLY:
            return None
        if text[j] in CLOSING_ONLY and _closes(text, j, end):
            return j
        # a straight mark that cannot open here closes ('..., provided with one," the
        # head of the service told'): straight marks close themselves
        if text[j] == '"' and not _opens(text, j, start) and _closes(text, j, end):
            return j
    return None


def _paragraph_spans(text: str, start: int, end: int) -> tuple[list[Span], bool]:
    spans: list[Span] = []
    i = start
    while i < end:
        found = _OPENER.search(text, i, end)  # only a mark can open: skip to the next one
        if found is None:
            break
        i = found.start()
        if not _opens(text, i, start):
            i += 1
            continue
        close = _find_closer(text, i, end)
        if close is None:
            # Unclosed: the quotation runs to the paragraph's end (and may go on).
            rest = _trimmed(text, i + 1, end)
            if rest and len(text[i + 1:end].split()) >= MIN_OPEN_WORDS:
                return spans + rest, True
            i += 1
            continue
        spans.extend(_trimmed(text, i + 1, close))
        i = close + 1
    return spans, False


def _opens(text: str, i: int, para_start: int) -> bool:
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() and text[i] not in SPACED_MARKS:
        return False
    if text[i] in SINGLE_MARKS or text[i] == '"':
        return not before.isalnum()
    return True


def _find_closer(text: str, i: int, end: int) -> int | None:
    for closers in (CLOSERS[text[i]], MIXED_CLOSERS.get(text[i], "")):
        for j in range(i + 1, end):
            if text[j] in closers and _closes(text, j, end):
                return j
    return None


def _closes(text: str, j: int, end: int) -> bool:
    after = text[j + 1] if j + 1 < end else " "
    before = text[j - 1]
    if before.isspace() and text[j] not in SPACED_MARKS:
        return False
    if text[j] in SINGLE_MARKS or text[j] == '"':
        return not after.isalnum()
    return True


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not _has_letters(text, start, end):
        return []
    return [Span(start, end)]


def _has_letters(text: str, start: int, end: int) -> bool:
    """At least MIN_LETTERS letters in ``text[start:end]``, counting no further than that."""
    letters = 0
    for c in text[start:end]:
        if c.isalpha():
            letters += 1
            if letters >= MIN_LETTERS:
                return True
    return letters >= MIN_LETTERS


# Characters that open, or close, a quotation (straight marks do both).
OPENING_MARKS = frozenset(CLOSERS)
CLOSING_MARKS = frozenset("".join(CLOSERS.values()))


def extent(text: str, span: Span) -> tuple[int, int]:
    """The span with its marks, as far as the text has them: a quotation carried over from
    the paragraph before has no opening mark here, one left open no closing mark."""
    original, text = text, _typed(text)
    start, end = span.start, span.end
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\u202f":
        i -= 1
    if i >= 0 and text[i] in OPENING_MARKS:
        start = i
    j = end
    while j < len(text) and text[j] in " \t\u00a0\u202f":
        j += 1
    if j < len(text) and text[j] in CLOSING_MARKS:
        end = j + 1
    # a typed pair's first character, which reads as a space
    if start > 0 and original[start - 1:start + 1] == "``":
        start -= 1
    if original[end - 1:end + 1] == "''":
        end += 1
    return start, end


def without_edge_marks(text: str) -> str:
    """``text`` without the marks of a quotation that opens or closes it; quotations
    inside keep theirs ("said „no vote is planned” between ..." is reported speech that
    starts with a quoted part: shown with its marks it reads as a quotation cut short)."""
    drop: set[int] = set()
    for span in find_spans(text):
        start, end = extent(text, span)
        if start != 0 and end != len(text):
            continue
        if start < span.start and text[start] in OPENING_MARKS:
            drop.add(start)
        if end > span.end and text[end - 1] in CLOSING_MARKS:
            drop.add(end - 1)
    if not drop:
        return text
    return re.sub(r"[ \t]{2,}", " ", "".join(c for i, c in enumerate(text) if i not in drop)
                  ).strip()
