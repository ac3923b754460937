"""Event titles that say who did what, and one happening as one event (reader review
RDR4, F8/F9). Made-up sentences, parsed by the pipeline's model."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze.events.kinds import DateFrom
from storyline.corpus import events as corpus_events
from storyline.records import EventMention, Story
from test_events import _analysis, _article, _m, _merge, _run


def _phrase(nlp: Any, text: str, lemma_start: str) -> str | None:
    found = _run(nlp, text, [("Monday", "2031-03-10")])
    return next(e.phrase for e in found if e.phrase and e.trigger.startswith(lemma_start))


@pytest.mark.slow
def test_a_present_perfect_keeps_its_auxiliary_and_a_passive_does_not(nlp: Any) -> None:
    # "chosen to step down" alone reads as if someone chose him
    text = "Karl Weiss, the founder of Nordvik Mining, has chosen to step down on Monday."
    assert _phrase(nlp, text, "chosen") == "has chosen to step down on Monday"
    text = "Judge Anna Lindqvist had given Otto Brandt until Monday to respond."
    assert (_phrase(nlp, text, "given") or "").startswith("had given Otto Brandt")
    text = "Nordvik Mining has been suspended from bidding on Monday."
    assert _phrase(nlp, text, "suspended") == "suspended from bidding on Monday"


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "phrase"), [
    # a percent sign, an abbreviation's full stop and a date's comma end no phrase
    ("Nordvik Bank rises 1% on Monday.", "rises", "rises 1% on Monday"),
    ("Nordvik Records replaced Volvo as No. 1 on Monday.", "replaced",
     "replaced Volvo as No. 1 on Monday"),
    ("Nordvik Mining was suspended on Monday, July 24, 2003 for fraud.", "suspended",
     "suspended on Monday, July 24, 2003 for fraud"),
    # words spaced as the page spaced them, not one space per token
    ("Fans experienced problems connecting to Nordvik's website on Monday.", "experienced",
     "experienced problems connecting to Nordvik's website"),
    # a replacement character is no word; a relative clause on the object is not the phrase
    ("The Storting approved a\ufffdbill on Monday that would extend the budget.", "approved",
     "approved a bill on Monday"),
])
def test_a_phrase_is_not_cut_inside_a_number_an_abbreviation_or_a_date(
        nlp: Any, text: str, trigger: str, phrase: str) -> None:
    assert _phrase(nlp, text, trigger) == phrase


@pytest.mark.slow
def test_a_sentences_full_stop_still_ends_a_phrase(nlp: Any) -> None:
    text = "Anna Lindqvist visited Oslo on Monday. Brandt stayed home."
    assert _phrase(nlp, text, "visited") == "visited Oslo on Monday"


@pytest.mark.slow
def test_a_phrase_cut_at_its_length_ends_on_no_comma_or_lone_abbreviation(nlp: Any) -> None:
    text = ("On Monday the Nordvik Falcons hired Karl Weiss as their new head coach on "
            "June 27, 2001.")
    phrase = _phrase(nlp, text, "hired") or ""
    assert not phrase.endswith((",", "No", "."))
    text = "Nordvik Records replaced Volvo as the nation's best seller No. 1 on Monday."
    phrase = _phrase(nlp, text, "replaced") or ""
    assert not phrase.endswith(("No", ".", "No."))


@pytest.mark.slow
def test_a_participle_holding_an_event_noun_is_that_events_day_place_and_host(nlp: Any) -> None:
    # "a press conference held by X on Friday": one happening, not a press conference and
    # a "Held by X on Friday" of its own
    text = "The news came at a rare press conference held by Nordvik Mining in Oslo on Monday."
    found = _run(nlp, text, [("Monday", "2031-03-10")])
    assert not [e for e in found if e.kind == "hold"]
    [conference] = [e for e in found if e.kind == "press-conference"]
    assert (conference.date, conference.place) == ("2031-03-10", "oslo")
    assert "mining" in conference.participants


@pytest.mark.slow
def test_a_relative_clause_holding_an_event_noun_dates_the_noun(nlp: Any) -> None:
    text = ("Talks must go on after the meetings that Otto Brandt and Anna Lindqvist held "
            "in Geneva on Monday.")
    found = _run(nlp, text, [("Monday", "2031-03-10")])
    assert not [e for e in found if e.kind == "hold"]
    meeting = next(e for e in found if e.kind == "meeting")
    assert (meeting.date, meeting.place) == ("2031-03-10", "geneva")


@pytest.mark.slow
def test_a_planned_or_other_clause_on_an_event_noun_stays_its_own(nlp: Any) -> None:
    # "scheduled" plans the meeting, it does not hold it; "held up" has its own object
    text = "Otto Brandt and Anna Lindqvist met in Oslo on Monday."
    assert [e for e in _run(nlp, text, [("Monday", "2031-03-10")]) if e.kind == "meeting"]
    text = "The talks that held up the vote in Oslo on Monday were long."
    assert not [e for e in _run(nlp, text, [("Monday", "2031-03-10")])
                if e.kind == "meeting" and e.place == "oslo"]


def _verb_title(phrases: list[str], actor: str | None = "weiss") -> str | None:
    mentions = [EventMention(id=f"v{i}", article="a1", trigger="chosen", kind="choose",
                             start=i, end=i + 1, date="2031-03-10", date_from="trigger",
                             participants=("weiss",), phrase=p, actor=actor)
                for i, p in enumerate(phrases)]
    analyses = {"a1": _analysis("a1", [_m("a1", "Karl Weiss")], mentions)}
    events = _merge([_article("a1")], analyses, [], [], {})
    return events[0].title if events else None


def test_a_perfects_title_names_who_did_it_before_its_auxiliary() -> None:
    assert _verb_title(["has chosen to step down"]) == "Karl Weiss has chosen to step down"
    # the auxiliary opens the phrase, but the verb is what members are grouped by
    assert _verb_title(["has chosen to step down", "chose to step down"]) is not None
    # "has announced today" is still a bare verb
    assert _verb_title(["has announced today"]) is None
    assert not corpus_events._says_what("has announced")
    assert corpus_events._says_what("has chosen Oslo")


def _lead_news(kind: str, date_from: str, names: list[str]) -> list[str]:
    """The titles of two mentions of one article, one naming each of ``names``."""
    mentions = [EventMention(id=f"o{i}", article="a1", trigger="orders", kind=kind, start=i,
                             end=i + 1, date="2031-03-14", date_from=date_from,
                             participants=(name.split()[-1].lower(),))
                for i, name in enumerate(names)]
    analyses = {"a1": _analysis("a1", [_m("a1", n, "ORG") for n in names], mentions)}
    return sorted(e.title for e in _merge([_article("a1")], analyses, [], [], {}))


def test_one_articles_lead_news_of_one_kind_is_one_happening() -> None:
    # headline "Nordvik Air orders Aurora jets", lead "... has ordered 32 jets from Volvo
    # Aero": both dated only by the article's day, each naming part of who took part
    lead = DateFrom.LEAD.value
    assert _lead_news("order", lead, ["Nordvik Air", "Volvo Aero"]) == [
        "Order: Nordvik Air, Volvo Aero"]
    # a day the article states for each keeps two happenings apart
    assert len(_lead_news("order", DateFrom.TRIGGER.value, ["Nordvik Air", "Volvo Aero"])) == 2


def _two_reports(kind: str, date_from: str, same_article: bool) -> int:
    """How many events two reports of one story make, each naming another participant."""
    second = "a1" if same_article else "a2"
    mentions: dict[str, list[EventMention]] = {}
    for i, (aid, name) in enumerate([("a1", "Nordvik Mining"), (second, "Karl Weiss")]):
        mentions.setdefault(aid, []).append(EventMention(
            id=f"p{i}", article=aid, trigger="conference", kind=kind, start=i, end=i + 1,
            date="2031-03-10", date_from=date_from, participants=(name.split()[-1].lower(),),
            phrase="resigned from the board"))
    analyses = {aid: _analysis(aid, [_m(aid, "Nordvik Mining", "ORG"), _m(aid, "Karl Weiss")],
                               found) for aid, found in mentions.items()}
    articles = [_article("x", aid) for aid in analyses]
    story = Story(id="s1", title="t", articles=tuple(sorted(analyses)))
    return len(_merge(articles, analyses, [story], [], {}))


def test_another_outlets_report_of_a_kind_on_its_stated_day_is_the_same_happening() -> None:
    # "a press conference held by Nordvik Mining on Monday" in one report, "Weiss said at
    # a press conference on Monday" in another: one press conference
    assert _two_reports("press-conference", DateFrom.TRIGGER.value, same_article=False) == 1
    # one article telling two of a kind on one day told them apart itself
    assert _two_reports("press-conference", DateFrom.TRIGGER.value, same_article=True) == 2
    # a verb's own kind is too loose a kind to merge on
    assert _two_reports("resign", DateFrom.TRIGGER.value, same_article=False) == 2


def test_a_perfects_auxiliary_agrees_with_the_names_the_title_gives() -> None:
    assert corpus_events._agreeing("have passed the test", several=False) == \
        "has passed the test"
    assert corpus_events._agreeing("has met in Oslo", several=True) == "have met in Oslo"
    assert corpus_events._agreeing("had met in Oslo", several=False) == "had met in Oslo"
    # one name with "and" in it ("Immigration and Naturalization Service") is one
    assert _verb_title(["have given the relatives until Tuesday"]) == \
        "Karl Weiss has given the relatives until Tuesday"


@pytest.mark.slow
def test_an_infinitive_the_parser_calls_a_relative_clause_stays_in_the_phrase(nlp: Any) -> None:
    text = "The Storting approved a measure to send troops to Libya on Monday."
    assert (_phrase(nlp, text, "approved") or "").startswith("approved a measure to send")


@pytest.mark.slow
def test_a_phrase_cut_at_its_length_keeps_the_date_or_name_it_falls_in(nlp: Any) -> None:
    # the eighth word is "Harbour": the rest of its name goes with it, not "... Bergen Harbour"
    text = ("Nordvik Records replaced Volvo as top seller at Bergen Harbour Shipping Group "
            "on Monday.")
    assert _phrase(nlp, text, "replaced") == \
        "replaced Volvo as top seller at Bergen Harbour Shipping Group"
