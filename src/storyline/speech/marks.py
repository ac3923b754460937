"""Quoted spans in plain text, for every common pair of quotation marks.

Works on one paragraph at a time, on characters only, so it cannot be fooled by a parse.
Unbalanced marks never raise: an opener with no closer quotes the rest of its paragraph
when the paragraph starts with it (the convention for quotes running over paragraphs) and
is ignored otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark -> the marks that may close it. „ closes with ” (Polish, Romanian copy) or
# “ (German); « » and ‹ › are guillemets; straight marks close themselves.
CLOSERS: dict[str, str] = {
    "“": "”", "„": "”“", "«": "»", "‹": "›", '"': '"', "‘": "’", "‚": "’‘",
}
# Single marks double as apostrophes (Putin’s, ’90s), so they only count at word edges.
SINGLE_MARKS = frozenset("‘’‚'")
# A quotation needs at least one letter; shorter is punctuation play, not speech.
MIN_LETTERS = 1


@dataclass(frozen=True, slots=True)
class Span:
    """The words between a pair of marks, by character offsets (marks excluded)."""

    start: int
    end: int


def find_spans(text: str) -> list[Span]:
    """Every top-level quoted span in ``text``, in order, paragraph by paragraph."""
    spans: list[Span] = []
    for para in re.finditer(r"[^\n]+", text):
        spans.extend(_paragraph_spans(text, para.start(), para.end()))
    return spans


def _paragraph_spans(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    i = start
    while i < end:
        mark = text[i]
        if mark not in CLOSERS or not _opens(text, i, start):
            i += 1
            continue
        close = _find_closer(text, i, end)
        if close is None:
            if i == start or not text[start:i].strip():
                spans.extend(_trimmed(text, i + 1, end))
                break
            i += 1
            continue
        spans.extend(_trimmed(text, i + 1, close))
        i = close + 1
    return spans


def _opens(text: str, i: int, para_start: int) -> bool:
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    if text[i] in SINGLE_MARKS or text[i] == '"':
        return not before.isalnum()
    return True


def _find_closer(text: str, i: int, end: int) -> int | None:
    closers = CLOSERS[text[i]]
    for j in range(i + 1, end):
        if text[j] in closers and _closes(text, j, end):
            return j
    return None


def _closes(text: str, j: int, end: int) -> bool:
    after = text[j + 1] if j + 1 < end else " "
    before = text[j - 1]
    if before.isspace():
        return False
    if text[j] in SINGLE_MARKS or text[j] == '"':
        return not after.isalnum()
    return True


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if sum(c.isalpha() for c in text[start:end]) < MIN_LETTERS:
        return []
    return [Span(start, end)]
