"""Time expressions TimeML marks that the tagger misses or that need the article's context:
the unanchored present, past and future, seasons, centuries, fiscal quarters and the
quarter a report refers back to, month names by tense, ages (never a time expression), and
articles with no date (relative expressions stay unresolved)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from storyline.analyze.timexes import find_timexes, normalise
from storyline.records import Article

DCT = dt.date(2031, 3, 12)  # a Wednesday in the first quarter


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("now", "PRESENT_REF", "DATE"),
    ("right now", "PRESENT_REF", "DATE"),
    ("previously", "PAST_REF", "DATE"),
    ("in the past", "PAST_REF", "DATE"),
    ("the near future", "FUTURE_REF", "DATE"),
    ("this summer", "2031-SU", "DATE"),
    ("last fall", "2030-FA", "DATE"),
    ("next spring", "2032-SP", "DATE"),
    ("the winter of 2029", "2029-WI", "DATE"),
    ("autumn 2028", "2028-FA", "DATE"),
    ("the 20th century", "19", "DATE"),
    ("the twenty-first century", "20", "DATE"),
    ("this century", "20", "DATE"),
    ("the mid-1990s", "199", "DATE"),
    ("the '80s", "198", "DATE"),
    ("third-quarter", "2030-Q3", "DATE"),  # not begun yet in a past-tense report
    ("fiscal second-quarter", "2030-Q2", "DATE"),
    ("the 2029 fourth quarter", "2029-Q4", "DATE"),
    ("the current fiscal year", "2031", "DATE"),
    ("year-end", "2031", "DATE"),
    ("last night", "2031-03-11TNI", "TIME"),
    ("noon Thursday", "2031-03-06T12:00", "TIME"),
    ("midnight", "2031-03-12T24:00", "TIME"),
    ("a couple of years", "P2Y", "DURATION"),
    ("recent years", "PXY", "DURATION"),
    ("the 2029 quarter", "2029", "DATE"),  # a year's quarter, not 2029 quarters
    ("two more weeks", "P2W", "DURATION"),
    ("almost a hundred years", "P100Y", "DURATION"),
    ("the first nine months of the year", "P9M", "DURATION"),
    ("the weeks ahead", "PXW", "DURATION"),
    ("an additional year", "P1Y", "DURATION"),
    ("three years earlier", "2028", "DATE"),
    ("last Wednesday", "2031-03-05", "DATE"),  # said on a Wednesday: the week before
    ("next year's first quarter", "2032-Q1", "DATE"),
    # a part of a named day
    ("yesterday afternoon", "2031-03-11TAF", "TIME"),
    ("mid-afternoon yesterday", "2031-03-11TAF", "TIME"),
    ("the night of March 2", "2031-03-02TNI", "TIME"),
    # years as broadcast transcripts speak them
    ("nineteen seventy-nine", "1979", "DATE"),
    ("the winter of nineteen ninety-four", "1994-WI", "DATE"),
    ("the year two thousand", "2000", "DATE"),
])
def test_values(text: str, value: str, kind: str) -> None:
    assert normalise(text, DCT) == (value, kind)


def test_a_month_alone_follows_the_tense() -> None:
    assert normalise("December", DCT, "past") == ("2030-12", "DATE")  # not begun yet
    assert normalise("February", DCT, "past") == ("2031-02", "DATE")
    assert normalise("January", DCT, "future") == ("2031-01", "DATE")
    assert normalise("May", DCT, "future") == ("2031-05", "DATE")
    assert normalise("Jan. 2", DCT, "future") == ("2032-01-02", "DATE")
    # a past tense moves no day: reports name coming dates in the past tense too
    assert normalise("April 2", DCT, "past") == ("2031-04-02", "DATE")


def test_no_article_date_no_relative_value() -> None:
    for text in ["this summer", "last night", "noon", "the current year", "third-quarter",
                 "December", "the '80s", "this century"]:
        assert normalise(text, None) is None, text
    assert normalise("now", None) == ("PRESENT_REF", "DATE")
    assert normalise("the winter of 2029", None) == ("2029-WI", "DATE")
    assert normalise("the 20th century", None) == ("19", "DATE")


def _found(nlp: Any, text: str, published: str | None = "2031-03-12") -> list[tuple[str, str]]:
    article = Article(id="a", source_id="s", source="s", text=text, published=published)
    return [(t.text, t.value) for t in find_timexes(nlp(text), article)]


@pytest.mark.slow
def test_words_the_tagger_misses(nlp: Any) -> None:
    found = _found(nlp, "The ferry now sails twice a day. In the past, it sailed at dawn. The "
                        "town will need a second boat in the near future, and the harbour "
                        "will be dredged this summer.")
    assert ("now", "PRESENT_REF") in found
    assert any(v == "PAST_REF" and "the past" in t for t, v in found)
    assert any(v == "FUTURE_REF" and "near future" in t for t, v in found)
    assert ("this summer", "2031-SU") in found


@pytest.mark.slow
def test_now_closing_a_clause_before_a_comma_is_a_time(nlp: Any) -> None:
    found = _found(nlp, "The ferry runs at half its schedule now, the operator said.")
    assert ("now", "PRESENT_REF") in found


@pytest.mark.slow
def test_now_as_a_discourse_marker_is_not_a_time(nlp: Any) -> None:
    found = _found(nlp, "The yard built ferries for decades. Now, the owner says, it builds "
                        "yachts. For now the slipway is empty.")
    assert not any(v == "PRESENT_REF" for _, v in found)


@pytest.mark.slow
def test_an_age_is_not_a_duration(nlp: Any) -> None:
    found = _found(nlp, "The 6-year-old boy and his 44-year-old father, who is 44 years old, "
                        "waited three hours.")
    assert all("old" not in t for t, _ in found)
    assert ("three hours", "PT3H") in found


@pytest.mark.slow
def test_a_period_and_the_day_it_ended_are_two(nlp: Any) -> None:
    found = _found(nlp, "The ferry line lost $2 million in the quarter ended Dec. 31.")
    assert ("Dec. 31", "2030-12-31") in found
    assert any(t.endswith("quarter") for t, _ in found)


@pytest.mark.slow
def test_the_quarter_refers_back(nlp: Any) -> None:
    found = _found(nlp, "Orvale Ferries said fourth-quarter profit rose 12% from $3 million a "
                        "year earlier. Revenue in the quarter rose 5%. The year-ago quarter "
                        "included a one-time gain. Sales in the latest period were flat.")
    assert ("fourth-quarter", "2030-Q4") in found
    assert ("a year earlier", "2029-Q4") in found
    assert ("the quarter", "2030-Q4") in found
    assert ("The year-ago quarter", "2029-Q4") in found
    assert ("the latest period", "2030-Q4") in found


@pytest.mark.slow
def test_a_weekday_with_its_part_of_the_day(nlp: Any) -> None:
    found = _found(nlp, "The ferry ran aground on Monday night.")
    assert ("Monday night", "2031-03-10TNI") in found


@pytest.mark.slow
def test_an_undated_article_has_no_relative_values(nlp: Any) -> None:
    found = _found(nlp, "The ferry sank on Monday night; last year it sailed 300 times, and "
                        "this summer it was to be refitted. It now lies in 40 metres of water "
                        "after 12 years of service. It was built in 2019.", published=None)
    values = {v for _, v in found}
    assert values <= {"PRESENT_REF", "P12Y", "2019"}, values
    assert {"PRESENT_REF", "P12Y", "2019"} <= values


@pytest.mark.slow
def test_the_latest_quarter_is_one_already_over(nlp: Any) -> None:
    found = _found(nlp, "Orvale Ferries said its profit rose in the fourth quarter of 2030. It "
                        "expects profit to fall in the fourth quarter of 2031. Revenue in the "
                        "latest quarter rose 5%.")
    assert ("the latest quarter", "2030-Q4") in found


def test_a_year_with_the_quarter_named_before() -> None:
    from storyline.analyze.timexes import _from_quarter
    from storyline.records import Timex

    named = [Timex("a", 0, 25, "the third quarter of 2030", "2030-Q3", "DATE")]
    assert _from_quarter("the corresponding period last year", named, DCT) == ("2029-Q3", "DATE")
    assert _from_quarter("last year's quarter", named, DCT) == ("2029-Q3", "DATE")
    assert _from_quarter("the 2029 period", named, DCT) == ("2029-Q3", "DATE")
    assert _from_quarter("the 2029 period", [], DCT) is None  # no quarter named: the year


@pytest.mark.slow
def test_as_early_as_looks_ahead(nlp: Any) -> None:
    found = _found(nlp, "The ferry said it could sail as early as Monday.")
    assert any(v == "2031-03-17" and t.endswith("Monday") for t, v in found), found


def test_a_weekend_is_the_iso_week_of_its_saturday() -> None:
    monday, sunday = dt.date(2031, 3, 10), dt.date(2031, 3, 16)  # both of ISO week 11
    assert normalise("the weekend", DCT, "past") == ("2031-W10-WE", "DATE")  # just gone
    assert normalise("the weekend", monday, "past") == ("2031-W10-WE", "DATE")
    assert normalise("the weekend", sunday, "past") == ("2031-W11-WE", "DATE")
    assert normalise("the weekend", DCT, "future") == ("2031-W11-WE", "DATE")
    assert normalise("this weekend", DCT, "past") == ("2031-W11-WE", "DATE")
    assert normalise("last weekend", DCT, "past") == ("2031-W10-WE", "DATE")
    assert normalise("next weekend", DCT, "past") == ("2031-W11-WE", "DATE")
    assert normalise("next weekend", sunday, "past") == ("2031-W12-WE", "DATE")


def test_a_month_alone_is_its_nearest_year_when_far_from_the_article() -> None:
    november = dt.date(2031, 11, 2)
    assert normalise("January", november, "term") == ("2032-01", "DATE")  # "payable in"
    assert normalise("January", november, "present") == ("2032-01", "DATE")  # "starts in"
    assert normalise("January", november, "present-held") == ("2031-01", "DATE")  # "is held in"
    assert normalise("February", november, "future") == ("2032-02", "DATE")
    # "Sales fell in January", said in November: a past event is never put in the future.
    assert normalise("January", november, "past") == ("2031-01", "DATE")
    assert normalise("March", november, "past") == ("2031-03", "DATE")
    assert normalise("December", november, "past") == ("2031-12", "DATE")  # the next month
    assert normalise("April", DCT, "past") == ("2031-04", "DATE")
    assert normalise("May", DCT, "past") == ("2030-05", "DATE")


@pytest.mark.slow
def test_frequency_words_and_the_past(nlp: Any) -> None:
    found = _found(nlp, "The mill runs daily. Its average daily output fell. Current prices "
                        "are low. The Harbour Daily wrote. In the past it paid better; in the "
                        "past two years it has not.")
    assert [t for t, _ in found if "daily" in t.lower()] == ["daily"]  # nor a title
    assert ("daily", "P1D") in found
    assert not any(v == "PRESENT_REF" for _, v in found)  # "current" is left out
    assert any(v == "PAST_REF" and t.endswith("the past") for t, v in found)
    assert not any(v == "PAST_REF" and "two years" in t for t, v in found)


@pytest.mark.parametrize(("text", "tense", "value"), [
    ("Thanksgiving Day", "past", "2030-11-28"),  # the fourth Thursday of November
    ("next Thanksgiving", "present", "2031-11-27"),
    ("Labor Day", "future", "2031-09-01"),  # the first Monday of September
    ("Memorial Day", "past", "2030-05-27"),  # the last Monday of May
    ("Election Day", "present", "2030-11-05"),  # the Tuesday after the first Monday
    ("last Christmas Day", "present", "2030-12-25"),
    ("the Fourth of July", "future", "2031-07-04"),
])
def test_a_holiday_is_its_day_in_the_year_the_sentence_means(text: str, tense: str,
                                                            value: str) -> None:
    assert normalise(text, DCT, tense) == (value, "DATE")


def test_christmas_alone_is_no_day_and_the_past_year_is_last_year() -> None:
    assert normalise("Christmas", DCT, "past") is None  # "Christmas sales": a season too
    assert normalise("Thanksgiving Day", None, "past") is None
    assert normalise("the past year", DCT) == ("2030", "DATE")
    assert normalise("over the past year", DCT) == ("2030", "DATE")
    assert normalise("the past two years", DCT) == ("P2Y", "DURATION")


@pytest.mark.slow
def test_a_holiday_the_tagger_reads_as_an_event_is_a_date(nlp: Any) -> None:
    found = _found(nlp, "MIAMI (AP) -- The boy was found on Thanksgiving Day, and his uncle "
                        "arrived last Christmas Day.")
    assert ("Thanksgiving Day", "2030-11-28") in found
    assert ("last Christmas Day", "2030-12-25") in found


@pytest.mark.slow
def test_a_time_counted_from_the_last_date_named(nlp: Any) -> None:
    found = _found(nlp, "The ferry sank on June 3, 2027. The following month, the town bought "
                        "a new one, and later that year it sailed again.")
    assert ("The following month", "2027-07") in found
    assert ("later that year", "2027") in found
    found = _found(nlp, "The council met on Monday, Feb. 3. Its members had also met the "
                        "previous Friday.")
    assert ("the previous Friday", "2031-01-31") in found  # not the article's last Friday


@pytest.mark.slow
def test_that_day_as_a_subject_is_no_date(nlp: Any) -> None:
    found = _found(nlp, "The strike began in 2029. That day has come, the union said.")
    assert [v for t, v in found if t.lower() == "that day"] == []


@pytest.mark.slow
def test_the_day_set_beside_a_date_or_later_in_it_is_that_date(nlp: Any) -> None:
    found = _found(nlp, "Shares fell on Feb. 9, the day before the vote. The mayor spoke on "
                        "Monday and left for Orvale later in the day.")
    assert ("the day", "2031-02-09") in found
    assert found[-1] == ("the day", "2031-03-10")  # the tagger leaves "later in" out
    found = _found(nlp, "Episodes of the show will be sold the day after airing.")
    assert ("the day", "2031-03-12") not in found  # counted from a happening, not a date


@pytest.mark.slow
@pytest.mark.parametrize(("text", "dateline", "value"), [
    # a holiday of the United States gets its day only in an American article
    ("NEW DELHI: The prime minister raised the flag at the fort on Independence Day.", None,
     None),
    ("LAGOS -- Voters queued for hours on Election Day, officials said.", None, None),
    ("Ukraine's president spoke on Independence Day in Kyiv as the U.S. sent aid.", None,
     None),  # foreign news names the US as often as any country
    ("Families gathered on Thanksgiving Day across Canada, from Halifax to Vancouver.", None,
     None),
    ("TBILISI, Georgia (AP) -- Crowds marched through the capital on Independence Day.", None,
     None),
    ("Workers marched on Labor Day to demand higher wages.", "MANILA (Reuters) -", None),
    ("Workers marched on Labor Day to demand higher wages.", "SPRINGFIELD, Ill. (AP) --",
     "2030-09-02"),
    ("DENVER (AP) -- Stores opened early on Labor Day, the chain said.", None, "2030-09-02"),
    ("Families in Ohio and Iowa gathered on Thanksgiving Day, officials in Dayton, Ohio, "
     "said.", None, "2030-11-28"),
    # one calendar day everywhere: dated with no place at all
    ("Crowds gathered in the square on New Year's Day.", None, "2031-01-01"),
    ("The ferry did not sail on Christmas Eve, the harbour said.", None, "2030-12-24"),
])
def test_a_holiday_of_one_country_is_dated_only_in_that_countrys_article(
        nlp: Any, text: str, dateline: str | None, value: str | None) -> None:
    article = Article(id="a", source_id="s", source="s", text=text, published="2031-03-12",
                      dateline=dateline)
    found = [t.value for t in find_timexes(nlp(text), article)
             if "Day" in t.text or "Eve" in t.text]
    assert found == ([value] if value else [])
