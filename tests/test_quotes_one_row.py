"""One sentence, one row per utterance; a statement's text stops where the next speaker starts.

Every text here is made up for these tests (an invented harbour story).
"""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze import quotes
from storyline.records import Article, Quote


def _found(nlp: Any, text: str) -> list[Quote]:
    article = Article(id="h", source_id="h", source="h", text=text, published="2024-05-02")
    return quotes.find_quotes(nlp(text), article, [], [])


def _said(nlp: Any, text: str) -> list[tuple[str | None, str | None, str]]:
    return [(q.speaker_mention, q.cue, q.text) for q in _found(nlp, text)]


@pytest.mark.slow
def test_a_decision_told_by_another_speaker_is_one_statement(nlp: Any) -> None:
    # what the authority decided is what its director told: no row of the authority's own
    text = ("Faced with the choice of closing the northern quay or dredging it again before "
            "the winter, the Port Authority decided the ferries should stay in harbour until "
            "March 3, port director Ana Vikstrom told reporters.")
    found = _said(nlp, text)
    assert [cue for _, cue, _ in found] == ["told"]
    assert found[0][2].endswith("the ferries should stay in harbour until March 3")


@pytest.mark.slow
def test_an_assurance_reported_by_another_speaker_is_one_statement(nlp: Any) -> None:
    text = ("Mayor Lindqvist said Thursday that the harbour master assured him the ferry "
            "would sail again before the end of the month.")
    found = _said(nlp, text)
    assert [cue for _, cue, _ in found] == ["said"]
    assert found[0][2].startswith("the harbour master assured him")


@pytest.mark.slow
def test_an_outlets_report_keeps_the_speaker_it_reports(nlp: Any) -> None:
    # the outlet is a source, not a statement: the mayor's announcement stays
    text = ("The Harbour Gazette reports that Mayor Tomas Brenner announced the new quay "
            "will open in May.")
    found = _found(nlp, text)
    assert any(q.cue == "announced" and q.text == "the new quay will open in May"
               for q in found)


@pytest.mark.slow
def test_reported_text_stops_before_the_next_speakers_name(nlp: Any) -> None:
    text = ("The ministry has said there is no sign of damage to the quay, and the harbour "
            "master's deputy, Ole Sandvik, said the early reports were a sign of panic.")
    found = _said(nlp, text)
    assert ("The ministry", "said", "there is no sign of damage to the quay") in found
    assert ("Ole Sandvik", "said", "the early reports were a sign of panic") in found


@pytest.mark.slow
def test_reported_text_stops_before_a_second_speakers_clause(nlp: Any) -> None:
    # the parser hangs the union leader's "called" on the port's "said" as a second clause
    text = ("The port said the closure was to protect the fleet from winter storms; union "
            "leader Marit Holm called the order \"reckless and unlawful.\"")
    found = _said(nlp, text)
    port = [t for who, _, t in found if who == "The port"]
    assert port == ["the closure was to protect the fleet from winter storms"]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # someone else's phrase: the lawyers objected, the judge said something else
    "Defence lawyers objected to the recording as \u201cdeeply unfair,\u201d though Judge Ana "
    "Berg said jurors could hear the part played at trial.",
    # the writer's framing before a verb that reports a clause after it
    "The mayor, in a \"gesture\" meant as much to calm the fishermen as to open talks, "
    "announced yesterday that the quay will reopen in May.",
    "While shying away from using the word \"strike,\" the union leader acknowledged that "
    "crews were staying ashore.",
])
def test_a_quoted_phrase_the_cue_does_not_report_is_nobodys_statement(nlp: Any,
                                                                        text: str) -> None:
    assert [q for q in _found(nlp, text) if q.kind == "direct"] == []


@pytest.mark.slow
def test_a_quoted_phrase_takes_the_cue_it_stands_under(nlp: Any) -> None:
    text = ("Calling the harbour master \"an excellent sailor,\" Mayor Lindqvist said Friday "
            "the ferry would sail again in May.")
    phrase = next(q for q in _found(nlp, text) if q.text == "an excellent sailor")
    assert phrase.cue == "Calling"


@pytest.mark.slow
def test_a_contrasting_speaker_is_a_statement_of_its_own(nlp: Any) -> None:
    text = ("Fishermen in the north say the quota was cut to punish them, while the ministry "
            "maintains the cod stocks are too low for a larger catch.")
    # the parser may hang the ministry's view on the fishermen's "say" either way; the
    # fishermen's statement stops before it
    said = [t for _, cue, t in _said(nlp, text) if cue == "say"]
    assert said == ["the quota was cut to punish them"]
    text = ("Port officials said 40 boats were lost in the storm, though some captains later "
            "said the total may have climbed above 60.")
    found = _said(nlp, text)
    assert [(cue, t) for _, cue, t in found] == [
        ("said", "40 boats were lost in the storm"),
        ("said", "the total may have climbed above 60")]


@pytest.mark.slow
def test_a_claim_after_a_describing_phrase_keeps_its_unnamed_speaker(nlp: Any) -> None:
    # the quoted phrase describes the speaker: not what the claim reports, nor anyone's
    # continuation; the claim is the individual's, an unnamed person's
    text = ("An anonymous individual \"with direct knowledge of the talks\" claimed that the "
            "director had been ousted over the dredging costs.")
    found = _found(nlp, text)
    assert [(q.cue, q.text) for q in found if q.kind == "indirect"] == [
        ("claimed", "the director had been ousted over the dredging costs")]
    assert all(q.cue is None and q.speaker_mention is None
               for q in found if q.kind == "direct")


@pytest.mark.slow
def test_a_contrast_without_a_statement_stays_in_the_content(nlp: Any) -> None:
    # "adding capacity" is no saying: the clause is the speaker's own contrast
    text = ("He said the port handles about a third of the coast's catch, although rivals "
            "are now adding cheaper berths.")
    found = _said(nlp, text)
    assert [t for _, cue, t in found if cue == "said"] == [
        "the port handles about a third of the coast's catch, although rivals are now adding "
        "cheaper berths"]


@pytest.mark.slow
def test_a_nickname_in_marks_is_no_quotation(nlp: Any) -> None:
    text = ("The harbour paper compared the skipper with the explorer Roald \"Polar\" Amundsen "
            "and said the boy \"has become a symbol of the whole coast.\"")
    assert all(q.text != "Polar" for q in _found(nlp, text))


@pytest.mark.slow
def test_a_phrase_before_a_trailing_attribution_is_its_speakers(nlp: Any) -> None:
    # the parser hangs "argued" on the clause as a conjunct: the attribution still reports it
    text = ("The likely result will be \u201cerroneous findings\u201d by agencies, argued the "
            "council.")
    assert any(q.text == "erroneous findings" and q.cue == "argued" for q in _found(nlp, text))
