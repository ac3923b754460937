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
    text = ("Rather than pay for yet more dredging, the Port Authority has decided the "
            "ferries will wait in Nordvik until April 9, its director Ola Vell told reporters.")
    found = _said(nlp, text)
    assert [cue for _, cue, _ in found] == ["told"]
    assert found[0][2].endswith("the ferries will wait in Nordvik until April 9")


@pytest.mark.slow
def test_an_assurance_reported_by_another_speaker_is_one_statement(nlp: Any) -> None:
    text = ("Council leader Ana Vik said on Thursday that the harbour master had assured "
            "her the cranes would be working by Easter.")
    found = _said(nlp, text)
    assert [cue for _, cue, _ in found] == ["said"]
    assert found[0][2].startswith("the harbour master had assured her")


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
    "The skipper's family attacked the inquiry as \u201ca whitewash,\u201d but Judge Ana "
    "Berg said its findings would stand.",
    # the writer's framing before a verb that reports a clause after it
    "The mayor, in a \"gesture\" meant as much to calm the fishermen as to open talks, "
    "announced yesterday that the quay will reopen in May.",
    "Careful to avoid the word \"lockout,\" the yard's owner conceded that the gates "
    "would stay shut.",
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
    text = ("The coast guard said 15 trawlers sank in the gale, though local skippers have "
            "since said the real number could be twice that.")
    found = _said(nlp, text)
    assert [(cue, t) for _, cue, t in found] == [
        ("said", "15 trawlers sank in the gale"),
        ("said", "the real number could be twice that")]


@pytest.mark.slow
def test_a_claim_after_a_describing_phrase_keeps_its_unnamed_speaker(nlp: Any) -> None:
    # the quoted phrase describes the speaker: not what the claim reports, nor anyone's
    # continuation; the claim is the individual's, an unnamed person's
    text = ("One unnamed official \"close to the port board\" claimed that the harbour "
            "master would resign over the dredging bill.")
    found = _found(nlp, text)
    assert [(q.cue, q.text) for q in found if q.kind == "indirect"] == [
        ("claimed", "the harbour master would resign over the dredging bill")]
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
    text = ("The club's newsletter likened the new captain to Per \"Salty\" Holm and said "
            "she \"showed what the old boats can still do.\"")
    assert all(q.text != "Salty" for q in _found(nlp, text))


@pytest.mark.slow
def test_a_phrase_before_a_trailing_attribution_is_its_speakers(nlp: Any) -> None:
    # the parser hangs "argued" on the clause as a conjunct: the attribution still reports it
    text = ("Such a rule would only bring \u201ccostly mistakes\u201d in the ministries, argued "
            "the fishermen's association.")
    assert any(q.text == "costly mistakes" and q.cue == "argued" for q in _found(nlp, text))
