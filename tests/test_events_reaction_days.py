"""A happening answered, followed or joined on a day is not on that day (RDR5 F2): the day of
"condemned the attacks Thursday" is the condemnation's, "closed lower Friday after the
resignation" the close's; and a weekday a modal sentence speaks of is the coming one (F7).
Made-up sentences, parsed by the pipeline's model; the article is of Friday 14 March 2031."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze.timexes import find_timexes
from storyline.records import Article
from test_events import _run


@pytest.mark.slow
@pytest.mark.parametrize(("text", "timex", "answered", "answer"), [
    # the object of a verb that answers it
    ("Prime Minister Anna Lindqvist on Thursday condemned the bomb attacks at the Nordavian "
     "consulates in Bergen and Tromso.", ("Thursday", "2031-03-13"), "attacks", "condemned"),
    # the phrase after a noun of answer carried by a light verb
    ("Foreign Minister Otto Brandt paid tribute Wednesday to bombing victims and consulate "
     "staff in Bergen.", ("Wednesday", "2031-03-12"), "bombing", "paid"),
    # a happening placed before the clause's own
    ("Oslo share prices closed sharply lower Thursday after Finance Minister Karl Vik's "
     "resignation shook the market.", ("Thursday", "2031-03-13"), "resignation", None),
])
def test_a_happening_answered_or_followed_does_not_take_the_clauses_day(
        nlp: Any, text: str, timex: tuple[str, str], answered: str,
        answer: str | None) -> None:
    found = _run(nlp, text, [timex])
    noun = [e for e in found if e.trigger == answered]
    assert noun and all(e.date is None for e in noun)
    if answer is not None:
        verb = next(e for e in found if e.trigger == answer)
        assert verb.date == timex[1]


@pytest.mark.slow
def test_a_happening_answered_keeps_a_day_of_its_own(nlp: Any) -> None:
    text = ("Prime Minister Anna Lindqvist on Thursday condemned the March 10 attack on the "
            "Nordavia consulate in Bergen.")
    found = _run(nlp, text, [("Thursday", "2031-03-13"), ("March 10", "2031-03-10")])
    assert {e.date for e in found if e.trigger == "attack"} == {"2031-03-10"}


@pytest.mark.slow
def test_a_verb_joined_with_a_modal_of_its_own_is_not_on_the_days_of_the_first(
        nlp: Any) -> None:
    text = ("The Nordavian Banking Authority cleared the move yesterday, and the banks must "
            "wait at least 30 days before closing the purchase.")
    found = _run(nlp, text, [("yesterday", "2031-03-13")])
    assert all(e.date != "2031-03-13" for e in found if e.trigger in ("wait", "closing"))


@pytest.mark.slow
def test_the_day_a_state_is_told_at_dates_no_happening(nlp: Any) -> None:
    text = ("The following are the latest figures as of Thursday for the dead and injured "
            "in the collapse of the Bergen stadium.")
    found = _run(nlp, text, [("Thursday", "2031-03-13")])
    assert all(e.date != "2031-03-13" for e in found)


@pytest.mark.slow
def test_a_weekday_a_modal_progressive_speaks_of_is_the_coming_one(nlp: Any) -> None:
    # Wednesday 12 March: "would be traveling ... Thursday" is the 13th, not the 6th
    text = ("Her lawyer announced in Oslo that the mother would be traveling to Bergen "
            "Thursday with her husband.")
    article = Article(id="a", source_id="s", source="s", text=text, published="2031-03-12")
    values = {t.text: t.value for t in find_timexes(nlp(text), article)}
    assert values["Thursday"] == "2031-03-13"



@pytest.mark.slow
def test_the_end_of_a_span_is_no_happenings_day(nlp: Any) -> None:
    # the offer was extended on the article's day; March 28 is when it now runs out
    text = "Nordavia Corp. extended its tender offer for Skyline Air until 5 p.m. EST, March 28."
    found = _run(nlp, text, [("5 p.m. EST", "2031-03-28T17:00-05"), ("March 28", "2031-03-28")])
    assert all(e.date != "2031-03-28" for e in found)
