"""Time expressions: the value rules without the model, the spans and tense with it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from storyline.analyze.timexes import find_timexes, normalise
from storyline.records import Article

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
    # quarters and halves: calendar units, not three-month durations
    ("the last quarter", "2030-Q4", "DATE"),
    ("this quarter", "2031-Q1", "DATE"),
    ("next quarter", "2031-Q2", "DATE"),
    ("the fourth quarter", "2030-Q4", "DATE"),  # not begun yet, in a past-tense report
    ("the third quarter of 2029", "2029-Q3", "DATE"),
    ("the last quarter of 2029", "2029-Q4", "DATE"),
    ("the first half of 2030", "2030-H1", "DATE"),
    ("the past three quarters", "P9M", "DURATION"),
    ("earlier this year", "2031-Q1", "DATE"),  # all of it inside the first quarter
    ("later this year", "2031", "DATE"),
    # fractions and hedges on amounts of time
    ("almost two and a half years", "P2.5Y", "DURATION"),
    ("a year and a half", "P1.5Y", "DURATION"),
    ("two-and-a-half days", "P2.5D", "DURATION"),
    ("half an hour", "PT30M", "DURATION"),
    ("just one year", "P1Y", "DURATION"),
    ("roughly three weeks", "P3W", "DURATION"),
    # clock times: a.m./p.m. without minutes, zones as ISO 8601 offsets, a day named with them
    ("6 p.m.", "2031-03-12T18:00", "TIME"),
    ("7:15 p.m. (GMT +3)", "2031-03-12T19:15+03", "TIME"),
    ("11:45 EST", "2031-03-12T11:45-05", "TIME"),
    ("08:00 GMT-05:30", "2031-03-12T08:00-05:30", "TIME"),
    ("9 a.m. Saturday", "2031-03-08T09:00", "TIME"),
    ("April 2 at 4 p.m.", "2031-04-02T16:00", "TIME"),
    # rates: a set of times, one per unit
    ("twice a week", "P1W", "SET"),
    ("three times a day", "P1D", "SET"),
    ("per year", "P1Y", "SET"),
    # year ranges with or without "from"
    ("2024 to 2027", "P3Y", "DURATION"),
    ("2024-2027", "P3Y", "DURATION"),
])
def test_values(text: str, value: str, kind: str) -> None:
    assert normalise(text, DCT) == (value, kind)


def test_weekday_follows_tense() -> None:
    assert normalise("on Monday", DCT, "past") == ("2031-03-10", "DATE")
    assert normalise("on Monday", DCT, "future") == ("2031-03-17", "DATE")
    assert normalise("Wednesday", DCT, "past") == ("2031-03-12", "DATE")


def test_later_this_year_in_the_last_quarter_is_that_quarter() -> None:
    assert normalise("later this year", dt.date(2031, 11, 2)) == ("2031-Q4", "DATE")
    assert normalise("the fourth quarter", DCT, "future") == ("2031-Q4", "DATE")


def test_a_fiscal_quarter_gets_no_calendar_value() -> None:
    assert normalise("the second quarter of the fiscal year", DCT) is None


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
    from storyline.analyze.timexes import _by_line

    text = "Published in 2010\n\nYesterday the ferry sailed."
    start, end = text.index("2010"), text.index(" the ferry")
    assert [text[a:b] for a, b in _by_line(text, start, end)] == ["2010", "Yesterday"]


@pytest.mark.slow
def test_split_and_clipped_spans_are_repaired(nlp: Any) -> None:
    from storyline.analyze.timexes import find_timexes
    from storyline.records import Article

    text = ("Harbour Festival 2031\n\nJune 8, 2031\n\nYesterday, at this year's festival, "
            "the ferry fleet sailed. Two storms hit the coast this year-the worst in decades.")
    article = Article(id="a", source_id="s", source="s", text=text, published="2031-06-08")
    found = {(t.text, t.value) for t in find_timexes(nlp(text), article)}
    assert ("June 8, 2031", "2031-06-08") in found
    assert ("Yesterday", "2031-06-07") in found
    assert ("this year", "2031") in found and not any(v == "P1Y" for _, v in found)


def _found(nlp: Any, text: str, published: str = "2031-03-12") -> set[tuple[str, str]]:
    article = Article(id="a", source_id="s", source="s", text=text, published=published)
    return {(t.text, t.value) for t in find_timexes(nlp(text), article)}


@pytest.mark.slow
def test_a_clock_time_takes_the_day_its_sentence_names(nlp: Any) -> None:
    found = _found(nlp, "The new ferry made its first crossing on Monday at 14:30 UTC.")
    assert ("14:30 UTC", "2031-03-10T14:30Z") in found
    found = _found(nlp, "The polls close at 8 p.m. (GMT +2) tonight.")
    assert any(v == "2031-03-12T20:00+02" for _, v in found)


@pytest.mark.slow
def test_year_ranges_dates_after_commas_and_untagged_amounts(nlp: Any) -> None:
    found = _found(nlp, "The yard will build four hulls from 2033 to 2036, then refit the old "
                        "ones. The app goes live on May 3, two days before the festival opens. "
                        "The tunnel is almost three and a half years late. Its logo reads 4/5/29.")
    assert {("2033", "2033"), ("2036", "2036")} <= found
    assert any(v == "P3Y" and "2033" in t for t, v in found)
    assert ("May 3", "2031-05-03") in found and ("two days", "P2D") in found
    assert ("almost three and a half years", "P3.5Y") in found
    assert ("4/5/29", "2029-04-05") in found


@pytest.mark.slow
def test_a_pattern_date_replaces_the_year_the_tagger_kept(nlp: Any) -> None:
    found = _found(nlp, "Orvale mourns its harbour master, 71\n\nMarch 9, 2031\n\nThe town "
                        "flew its flags low.")
    assert ("March 9, 2031", "2031-03-09") in found


@pytest.mark.slow
def test_a_scheduled_start_looks_ahead(nlp: Any) -> None:
    found = _found(nlp, "The inquiry is set to begin on Friday in the town hall.")
    assert ("Friday", "2031-03-14") in found


@pytest.mark.slow
def test_present_and_past_references(nlp: Any) -> None:
    found = _found(nlp, "The ferry currently sails twice a day; more recently it added a "
                        "night run.")
    assert ("currently", "PRESENT_REF") in found
    assert any(v == "PAST_REF" and "recently" in t for t, v in found)


@pytest.mark.slow
def test_a_unit_after_an_amount_is_a_rate(nlp: Any) -> None:
    text = ("The yard launches 9 a year and spends $2 billion a year on steel. "
            "The refit took a year.")
    article = Article(id="a", source_id="s", source="s", text=text, published="2031-03-12")
    kinds = [(t.text, t.value, t.type) for t in find_timexes(nlp(text), article)]
    assert kinds.count(("a year", "P1Y", "SET")) == 2
    assert ("a year", "P1Y", "DURATION") in kinds


@pytest.mark.parametrize(("text", "value"), [
    ("August 19", "XXXX-08-19"), ("on 19th August", "XXXX-08-19"), ("Feb. 29", "XXXX-02-29"),
    ("Friday", "XXXX-WXX-5"), ("on Monday", "XXXX-WXX-1"),
    ("February 30", None), ("last Friday", None), ("August 19, 2025", None),
    ("Friday evening", None), ("August", None),
])
def test_an_undated_articles_day_without_year_or_week_is_a_partial_value(
        text: str, value: str | None) -> None:
    from storyline.analyze.timexes import partial_value
    assert partial_value(text) == value


@pytest.mark.slow
def test_partial_days_are_kept_apart_from_the_timexes_and_only_for_an_undated_article(
        nlp: Any) -> None:
    from storyline.analyze.timexes import partial_timexes
    text = "The minister arrived in Oslo on Friday. Talks were held on August 19."
    undated = Article(id="a", source_id="a", source="a", text=text, published=None)
    doc = nlp(text)
    # No calendar value without the article's date: exports and quotes see none.
    assert not [t for t in find_timexes(doc, undated) if t.value.startswith("X")]
    assert {t.value for t in partial_timexes(doc, undated)} == {"XXXX-WXX-5", "XXXX-08-19"}
    dated = Article(id="a", source_id="a", source="a", text=text, published="2031-08-22")
    assert partial_timexes(doc, dated) == []


# Texts where a cut-short scan could part from the whole-text one: forms at the far reach
# of their key, a key word inside another word, clock times before full stops and time
# zones, and the punctuation the scans stop at.
KEYED_TEXTS = [
    "He waited more than a few and a half more years; then, on Tuesday morning, he left.",
    "The vote (on March 5, 2024) came at 10:30 a.m. (GMT +1), after 3 p.m. talks.",
    "Known for now, not for long. Now, he says: nowadays the near future looks bleak.",
    "Between 1990 and 1994 - from 2001 to 2003 - and 12/05/2019! It took two-and-a-half years.",
    "In the past decade, this coming winter and the summer of 1994, in recent years; "
    "nineteen ninety-four, the year two thousand, first-quarter profit, every week.",
    "Holidays and birthdays; 5 days ago, a year earlier, hourly, currently, very recently.",
    "at 18:00 UTC. at 9:15\n(UTC) 7 pm. Today, tonight, tomorrow and yesterday.",
    "12 ships a year, 5 million a day; twice a week, two-and-a-half times per month, "
    "year-round times a year, mid-day times each hour, per day.\tonce\tevery\tyear!",
    "Average daily sales, a daily Courier, daily. Weekly Monthly; in the past two weeks, in "
    "the past it was current, the current year, in the past.",
]


@pytest.mark.parametrize("text", KEYED_TEXTS + [t.upper() for t in KEYED_TEXTS])
def test_keyed_scan_finds_what_the_whole_text_gives(text: str) -> None:
    from storyline.analyze.timexes import EXTRA_REFS_SCAN, EXTRA_SCAN, RATE_SCAN, keyed_finditer

    for scan in (EXTRA_SCAN, EXTRA_REFS_SCAN, RATE_SCAN):
        whole = [m.span() for m in scan.pattern.finditer(text)]
        assert [m.span() for m in keyed_finditer(scan, text)] == whole
        # and in every part: the scan starts and stops at any point of a text
        for cut in range(0, len(text), 7):
            assert [m.span() for m in keyed_finditer(scan, text[cut:])] == \
                [m.span() for m in scan.pattern.finditer(text[cut:])]


def test_a_day_far_back_in_a_present_clause_of_its_own_is_next_years() -> None:
    november = dt.date(2031, 11, 20)
    assert normalise("Jan. 2", november, "term") == ("2032-01-02", "DATE")  # "is payable"
    assert normalise("Jan. 2", november, "past") == ("2031-01-02", "DATE")
    assert normalise("Oct. 2", november, "term") == ("2031-10-02", "DATE")
    assert normalise("Jan. 2", november, "present") == ("2032-01-02", "DATE")  # "picks up"
    # a passive's, a noun's or a "since" day ("is charged in the Jan. 2 robbery") stays
    assert normalise("Jan. 2", november, "present-held") == ("2031-01-02", "DATE")


@pytest.mark.slow
@pytest.mark.parametrize(("text", "value"), [
    ("Mr. Hale is charged in the Jan. 2 robbery of the ferry office.", "2031-01-02"),
    ("Mr. Hale, who is held since Jan. 5, is expected in court.", "2031-01-05"),
    ("The skipper is accused in the January collision at the Orvale pier.", "2031-01"),
    ("Mr. Hale faces charges in the Feb. 3 fire at the harbour.", "2031-02-03"),
    # while a term's or a present clause's own far-back day is next year's
    ("The ferry bonds are payable Jan. 2 to holders of record.", "2032-01-02"),
    ("The harbour lease expires in January, the council said.", "2032-01"),
    ("The council's new session starts in early January.", "2032-01"),
    ("After a break, the ferry timetable picks up Feb. 7 in Orvale.", "2032-02-07"),
])
def test_a_passive_a_nouns_or_a_since_day_is_never_next_years(nlp: Any, text: str,
                                                              value: str) -> None:
    article = Article(id="a", source_id="s", source="s", text=text, published="2031-11-20")
    found = [t.value for t in find_timexes(nlp(text), article)]
    assert found == [value]


@pytest.mark.slow
def test_a_present_passive_and_a_past_perfect_plan(nlp: Any) -> None:
    text = "Lawyers for the port said the appeal is heard in May at the Orvale court."
    found = {t.text: t.value for t in find_timexes(nlp(text), _article(text))}
    assert found == {"May": "2031-05"}  # "is heard": no past tense, so not May 2030
    text = ("The offer had been due to expire Friday evening, but the board extended it to "
            "March 20.")
    found = {t.text: t.value for t in find_timexes(nlp(text), _article(text))}
    assert found.get("Friday evening") == "2031-03-07TEV"  # a plan that was due is over
