"""An event's day where the page gives it (RDR3 F6): a time of the sentence's own, the
dateline's day, a note's maturity. Made-up sentences, parsed by the pipeline's model."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from storyline.analyze.events import find_event_mentions
from storyline.analyze.events.dating import dateline_day
from storyline.analyze.events.kinds import DateFrom
from storyline.records import Story
from test_events import _analysis, _article, _lead, _m, _mentions, _merge, _run, _timex


@pytest.mark.parametrize(("dateline", "published", "day"), [
    ("WARSAW, February 26 (Harbour Wire) --", "2031-02-27", "2031-02-26"),
    ("OSLO, Feb. 27 (Harbour Wire) --", "2031-02-27", "2031-02-27"),
    # filed on the last evening of the year, in January's file
    ("BERGEN, December 31 (Harbour Wire) --", "2032-01-01", "2031-12-31"),
    # no day in it, a day after publication, or one too far back: not this report's day
    ("OSLO (Harbour Wire) --", "2031-02-27", None),
    ("OSLO, March 1 (Harbour Wire) --", "2031-02-27", None),
    ("OSLO, February 10 (Harbour Wire) --", "2031-02-27", None),
    ("OSLO, February 26 (Harbour Wire) --", None, None),
])
def test_a_datelines_day_is_the_reports_day(dateline: str, published: str | None,
                                           day: str | None) -> None:
    assert dateline_day(dateline, published) == day


@pytest.mark.slow
@pytest.mark.parametrize(("text", "timex", "trigger"), [
    # the year of the main clause is the happening's time, not the article's day
    ("Nordavia stopped paying a dividend in the third quarter of 2019 because of losses.",
     ("the third quarter of 2019", "2019-Q3"), "stopped"),
    ("Two rival bidders for Nordavia extended their offers to buy the airline last Monday.",
     ("last Monday", "2031-03-10"), "extended"),
])
def test_a_lead_with_a_time_of_its_own_is_not_the_days_news(nlp: Any, text: str,
                                                             timex: tuple[str, str],
                                                             trigger: str) -> None:
    found = [e for e in _run(nlp, text, [timex]) if e.trigger == trigger]
    assert found
    assert all(e.date != "2031-03-14" for e in found)
    assert all(e.date is not None or e.date_from == DateFrom.OWN_TIME.value for e in found)


@pytest.mark.slow
def test_a_time_of_another_clause_or_naming_a_thing_leaves_the_lead_the_days_news(
        nlp: Any) -> None:
    # "that its founder started in 2019" is the relative clause's time; "the Friday
    # deadline" a deadline's: the purchase and the completion are still the day's news
    text = "Nordavia bought Skyline Air, a carrier that its founder started in 2019."
    bought = next(e for e in _run(nlp, text, [("2019", "2019")]) if e.trigger == "bought")
    assert (bought.date, bought.date_from) == ("2031-03-14", DateFrom.LEAD.value)
    text = "Nordavia completed its offer for Skyline Air by the Friday deadline."
    done = next(e for e in _run(nlp, text, [("Friday", "2031-03-07")])
                if e.trigger == "completed")
    assert (done.date, done.date_from) == ("2031-03-14", DateFrom.LEAD.value)


@pytest.mark.slow
def test_a_wire_leads_inferred_day_is_its_datelines(nlp: Any) -> None:
    text = ("OSLO, March 12 (Harbour Wire) -- Norway formally joined the Nordic Fisheries "
            "Council in Oslo.")
    doc = nlp(text)
    article = dataclasses.replace(_article(text), dateline="OSLO, March 12 (Harbour Wire) --")
    found = find_event_mentions(doc, article, _mentions(doc, "a1"), [
        _timex(text, "March 12", "2031-03-12")])
    joined = next(e for e in found if e.trigger == "joined")
    assert (joined.date, joined.date_from) == ("2031-03-12", DateFrom.LEAD.value)


@pytest.mark.slow
def test_a_notes_maturity_is_no_happenings_day(nlp: Any) -> None:
    # "due March 1, 2041" is when the notes fall due: the sale is not planned for that day
    text = ("The issue will be sold through underwriters led by Goldman Sachs & Co. "
            "Nordavia Corp. -- $100 million of senior notes due March 1, 2041, priced at par.")
    found = _run(nlp, text, [("March 1, 2041", "2041-03-01")])
    assert [e for e in found if e.kind == "sale"]
    assert all(e.date != "2041-03-01" for e in found)



@pytest.mark.slow
def test_a_word_of_a_proper_name_is_no_trigger(nlp: Any) -> None:
    # "Nordavia Acquisition" is a company, not a takeover
    text = "Skyline Air said a suit filed in Oslo by Nordavia Acquisition seeks to void the deal."
    assert not [e for e in _run(nlp, text, []) if e.trigger == "Acquisition"]


def test_undated_leads_of_reports_months_apart_are_not_one_happening() -> None:
    # three reports, each undated lead naming Holm: published in January, January and April
    aids, days = ("a1", "a2", "a3"), ("2031-01-05", "2031-01-06", "2031-04-20")
    articles = [dataclasses.replace(_article("x", a), published=d)
                for a, d in zip(aids, days, strict=True)]
    analyses = {aid: _analysis(aid, [_m(aid, "Tara Holm")], [_lead(aid, kind, None, ("holm",))])
                for aid, kind in zip(aids, ("review", "delay", "study"), strict=True)}
    key_to_entity = {(a, "holm"): "E-holm" for a in aids}
    story = Story(id="s1", title="t", articles=aids)
    events = _merge(articles, analyses, [story], [], key_to_entity)
    assert sorted(sorted(e.articles) for e in events) == [["a1", "a2"], ["a3"]]


@pytest.mark.slow
def test_a_lead_naming_no_one_takes_the_day_the_body_gives_its_verb(nlp: Any) -> None:
    # the lead describes ("a man ... was arrested"), the body names and dates the arrest
    text = ("A man whose flat was a bomb factory was arrested in connection with the blasts "
            "at the Norwegian Embassy in Tanzania.\n\n"
            "Police said officers arrested Ola Brekke at Oslo Airport early on Thursday.")
    found = _run(nlp, text, [("Thursday", "2031-03-13")])
    lead = next(e for e in found if e.lead)
    assert (lead.trigger, lead.date) == ("arrested", "2031-03-13")


@pytest.mark.slow
def test_a_press_conference_is_on_the_day_its_speakers_words_are_dated(nlp: Any) -> None:
    text = ("Nordic ministers meet in Oslo\n\nThe Commission is ready to host a meeting in "
            "Brussels, EU Commissioner Anna Lindqvist said on Wednesday, as coastal states "
            "tried to keep a deal alive.\n\n"
            "\"We are here to help,\" Lindqvist told a press conference in Brussels.")
    found = _run(nlp, text, [("Wednesday", "2031-03-12")], title="Nordic ministers meet in Oslo")
    conference = next(e for e in found if e.kind == "press-conference")
    assert conference.date == "2031-03-12"
