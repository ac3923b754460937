"""One happening told twice in one article is one mention; a plan is about its article's
future. Made-up sentences, parsed by the pipeline's model; the article is of 2031-03-14."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze.events.kinds import DateFrom
from test_events import _run


@pytest.mark.slow
def test_a_mention_dated_by_another_of_the_happening_holds_both_names(nlp: Any) -> None:
    # "the talks on Monday" dates "the talks in Bodo": one happening, with all its people
    text = ("Fisheries Minister Ola Berg called the talks in Bodo constructive. "
            "Among those at the talks on Monday were Commissioner Anna Lindqvist and "
            "Minister Otto Brandt.")
    talks = [e for e in _run(nlp, text, [("Monday", "2031-03-10")]) if e.kind == "talks"]
    assert len(talks) == 1
    assert talks[0].date == "2031-03-10"
    assert {"berg", "lindqvist", "brandt"} <= set(talks[0].participants)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # two meetings of one kind on one day with different people: two happenings
    "Anna Lindqvist met Otto Brandt on Monday. Lindqvist met Pierre Dubois on Monday too.",
    # the talks of another place are other talks, whatever day they pass on
    "Anna Lindqvist praised the talks in Berlin. The talks in Paris on Monday with Pierre "
    "Dubois failed.",
])
def test_two_happenings_of_one_kind_stay_two_mentions(nlp: Any, text: str) -> None:
    found = [e for e in _run(nlp, text, [("Monday", "2031-03-10")])
             if e.kind in ("meeting", "talks")]
    assert len(found) == 2


@pytest.mark.slow
@pytest.mark.parametrize(("text", "phrase", "value", "date"), [
    # a plan dated before its article is a misread year: no day, with the reason
    ("The summit in Oslo will be held on March 3.", "March 3", "2031-03-03", None),
    ("The election in Norway will happen on November 3.", "November 3", "2030-11-03", None),
    # told as planned for a day that has passed: its day stays
    ("The summit in Oslo had been scheduled for March 3.", "March 3", "2031-03-03",
     "2031-03-03"),
    ("Officials said the summit in Oslo would be held on March 3.", "March 3", "2031-03-03",
     "2031-03-03"),
    # a plan for a day to come keeps it
    ("The summit in Oslo will be held on March 23.", "March 23", "2031-03-23", "2031-03-23"),
])
def test_a_plan_is_never_dated_before_its_article(nlp: Any, text: str, phrase: str,
                                                   value: str, date: str | None) -> None:
    found = [e for e in _run(nlp, text, [(phrase, value)])
             if e.kind in ("summit", "election")]
    assert found
    assert all(e.status != "happened" for e in found)
    assert {e.date for e in found} == {date}
    if date is None:
        assert {e.date_from for e in found} == {DateFrom.PLAN_BEFORE_ARTICLE.value}


@pytest.mark.slow
def test_a_lead_and_a_body_report_naming_each_its_own_place_stay_two(nlp: Any) -> None:
    # the shared word and name date the lead by the body, yet each names its own clinic
    headline = "Singer Anna Lindqvist checks into Nordlys Hospital"
    text = headline + ("\n\nLindqvist had checked into Havblikk Clinic on Thursday, but "
                       "left the same day.")
    checks = [e for e in _run(nlp, text, [("Thursday", "2031-03-13")], title=headline)
              if e.trigger.startswith("check")]
    assert len(checks) == 2



@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "date"), [
    # a past participle or a past verb's infinitive tells a plan of a day that has passed
    ("Under the terms of the agreement, announced Friday, Nordavia holders would receive "
     "a dividend.", "announced", "2031-03-07"),
    ("Among the first ministers to meet Otto Brandt on Friday were Anna Lindqvist and "
     "Pierre Dubois.", "meet", "2031-03-07"),
    # present tense: still to come, so Friday before the article is a misread week
    ("Nordavia is to open a terminal in Oslo on Friday.", "open", None),
])
def test_a_plan_told_in_a_past_tense_keeps_its_day(nlp: Any, text: str, trigger: str,
                                                   date: str | None) -> None:
    found = [e for e in _run(nlp, text, [("Friday", "2031-03-07")]) if e.trigger == trigger]
    assert found
    assert all(e.date == date and e.status != "happened" for e in found)
