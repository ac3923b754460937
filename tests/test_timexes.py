"""Time expressions: the value rules without the model, the spans and tense with it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from storyline.records import Article
from storyline.timexes import find_timexes, normalise

DCT = dt.date(2031, 3, 12)  # a Wednesday


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("April 03, 2029", "2029-04-03", "DATE"),
    ("7 June 2030", "2030-06-07", "DATE"),
    ("February 9", "2031-02-09", "DATE"),
    ("December 28", "2030-12-28", "DATE"),  # far ahead of the article: the year before
    ("November 2030", "2030-11", "DATE"),
    ("2027", "2027", "DATE"),
    ("the 2027 summit", "2027", "DATE"),
    ("the 1970s", "197", "DATE"),
    ("today", "2031-03-12", "DATE"),
    ("yesterday", "2031-03-11", "DATE"),
    ("tomorrow", "2031-03-13", "DATE"),
    ("the day after tomorrow", "2031-03-14", "DATE"),
    ("a week ago", "2031-03-05", "DATE"),
    ("three days ago", "2031-03-09", "DATE"),
    ("last week", "2031-W10", "DATE"),
    ("earlier this week", "2031-W11", "DATE"),
    ("next month", "2031-04", "DATE"),
    ("last year", "2030", "DATE"),
    ("this weekend", "2031-W11-WE", "DATE"),
    ("two years", "P2Y", "DURATION"),
    ("fifty-year", "P50Y", "DURATION"),
    ("the next six months", "P6M", "DURATION"),
    ("several weeks", "PXW", "DURATION"),
    ("ninety minutes", "PT90M", "DURATION"),
    ("the past decade", "P10Y", "DURATION"),
    ("from 2024 to 2027", "P3Y", "DURATION"),
    ("annual", "P1Y", "SET"),
    ("09:15 UTC", "2031-03-12T09:15Z", "TIME"),
    ("this morning", "2031-03-12TMO", "TIME"),
])
def test_values(text: str, value: str, kind: str) -> None:
    assert normalise(text, DCT) == (value, kind)


def test_weekday_follows_tense() -> None:
    assert normalise("on Monday", DCT, "past") == ("2031-03-10", "DATE")
    assert normalise("on Monday", DCT, "future") == ("2031-03-17", "DATE")
    assert normalise("Wednesday", DCT, "past") == ("2031-03-12", "DATE")


def test_relative_needs_a_date_and_vague_is_dropped() -> None:
    assert normalise("yesterday", None) is None
    assert normalise("April 03, 2029", None) == ("2029-04-03", "DATE")
    assert normalise("in due course", DCT) is None
    assert normalise("mid-2029", DCT) is None


def _article(text: str) -> Article:
    return Article(id="t1", source_id="t1", source="test", text=text, published="2031-03-12")


@pytest.mark.slow
def test_find_timexes_spans_and_tense(nlp: Any) -> None:
    text = ("The mayor of Orvale said on Monday that the ferry will resume on Friday. "
            "The harbour closed two years ago after a storm on 4 January 2029.")
    found = {t.text: t.value for t in find_timexes(nlp(text), _article(text))}
    assert found.get("Monday") == "2031-03-10" or found.get("on Monday") == "2031-03-10"
    assert "2031-03-14" in found.values()  # the ferry resumes the coming Friday
    assert "2029-01-04" in found.values()
    for t in find_timexes(nlp(text), _article(text)):
        assert text[t.start:t.end] == t.text


def test_a_time_expression_never_crosses_a_line_break() -> None:
    from storyline.timexes import _by_line

    text = "Published in 2010\n\nYesterday the ferry sailed."
    start, end = text.index("2010"), text.index(" the ferry")
    assert [text[a:b] for a, b in _by_line(text, start, end)] == ["2010", "Yesterday"]


@pytest.mark.slow
def test_split_and_clipped_spans_are_repaired(nlp: Any) -> None:
    from storyline.records import Article
    from storyline.timexes import find_timexes

    text = ("Harbour Festival 2031\n\nJune 8, 2031\n\nYesterday, at this year's festival, "
            "the ferry fleet sailed. Two storms hit the coast this year-the worst in decades.")
    article = Article(id="a", source_id="s", source="s", text=text, published="2031-06-08")
    found = {(t.text, t.value) for t in find_timexes(nlp(text), article)}
    assert ("June 8, 2031", "2031-06-08") in found
    assert ("Yesterday", "2031-06-07") in found
    assert ("this year", "2031") in found and not any(v == "P1Y" for _, v in found)
