"""Quotes: a pronoun's antecedent is a subject whose marked gender fits, never a name in a
prepositional phrase or an object; verbs of thought cue no quotation (FXQ, issue 17 trust).
Made-up sentences only."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze import mentions as mentions_stage
from storyline.analyze import quotes
from storyline.records import Article, Mention, Quote


def _article(text: str) -> Article:
    return Article(id="s", source_id="s", source="s", text=text, published="2024-05-02")


def _quotes(nlp: Any, text: str, drop: str = "") -> list[Quote]:
    """``drop``: a mention text left out, as if the model had labelled nothing there."""
    article = _article(text)
    doc = nlp(text)
    found: list[Mention] = [m for m in mentions_stage.find_mentions(doc, article)
                            if not drop or m.text != drop]
    return quotes.find_quotes(doc, article, found, [])


def quotes_of(nlp: Any, text: str) -> list[Quote]:
    return [q for q in _quotes(nlp, text) if q.kind == "direct"]


def _find(found: list[Quote], words: str) -> Quote:
    hits = [q for q in found if words in q.text]
    assert hits, f"no quote with {words!r} in {[q.text for q in found]}"
    return hits[0]


@pytest.mark.slow
def test_a_name_in_a_prepositional_phrase_is_no_pronouns_antecedent(nlp: Any) -> None:
    text = ("He was arrested in April for a call to the office of councillor Ingrid Haugen.\n\n"
            "The clerk who took the call recalled that he said, “I will burn the office "
            "down,” the prosecutor's office said.")
    threat = _find(quotes_of(nlp, text), "I will burn the office down")
    assert threat.speaker_key is None and threat.speaker_name is None



@pytest.mark.slow
def test_a_he_never_resolves_to_a_name_the_text_calls_a_woman(nlp: Any) -> None:
    # the woman is the last subject before the pronoun; the man is the one who called
    text = ("Karl Dahl faces up to ten years in prison.\n\n"
            "During the call, he asked about the harbour fees and said the board was "
            "corrupt, the prosecutor's office said. Marit Olsen is one of the first two "
            "women elected to the board.\n\n"
            "The clerk who took the call recalled that he said, “I will burn the office "
            "down,” the prosecutor's office said.")
    threat = _find(quotes_of(nlp, text), "I will burn the office down")
    assert threat.speaker_name != "Marit Olsen"
    assert threat.speaker_name in (None, "Karl Dahl")


@pytest.mark.slow
def test_the_subject_of_the_quotes_own_sentence_beats_the_last_speaker(nlp: Any) -> None:
    # "Brun" is left without a mention, as the model leaves a bare surname at times
    text = ("Jack Brun runs the ferry company.\n\n"
            "“The ferries need more sailings,” says Lars Vik, an analyst at the bank.\n\n"
            "Brun, however, is counting on the summer to fill the boats. “This is where the "
            "money is,” he says.")
    found = [q for q in _quotes(nlp, text, drop="Brun") if q.kind == "direct"]
    assert _find(found, "The ferries need").speaker_name == "Lars Vik"
    assert _find(found, "This is where the money is").speaker_name == "Jack Brun"


@pytest.mark.slow
def test_a_verb_of_thought_cues_no_quotation(nlp: Any) -> None:
    text = ("Voters are tired. Ola Brekke believes that the higher the fees rise, the more "
            "the traders will shout, “Close the port and be done with it.” But the opposite "
            "is more likely.")
    shout = _find(quotes_of(nlp, text), "Close the port")
    assert shout.speaker_name is None and shout.cue is None


@pytest.mark.slow
def test_a_speech_verb_over_a_verb_of_thought_still_cues_the_quotation(nlp: Any) -> None:
    text = ("Ola Brekke said she believed the harbour fees were “far too high for the small "
            "boats” and would fall next year.")
    fees = _find(quotes_of(nlp, text), "far too high")
    assert fees.speaker_name == "Ola Brekke" and fees.cue == "said"


@pytest.mark.slow
def test_they_after_a_plural_subject_is_not_the_last_group_quoted(nlp: Any) -> None:
    text = ("The Bergen Police Department said that 5,000 people joined the march.\n\n"
            "Governor Ola Brekke and leaders of the council have avoided any criticism of "
            "the teachers. However, they said that no money would be found before 2026.")
    found = _quotes(nlp, text)
    assert _find(found, "5,000 people").speaker_name == "The Bergen Police Department"
    money = _find(found, "no money would be found")
    assert money.speaker_key is None and money.speaker_name is None
