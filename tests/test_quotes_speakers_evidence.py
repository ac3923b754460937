"""Quotes: speakers found from a bare attribution sentence, from the speech verbs of news
English, and from a name in apposition to a subject; never from an invented person
(SPK, issue 17). Made-up sentences only."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze import mentions as mentions_stage
from storyline.analyze import quotes
from storyline.records import Article, Quote


def _quotes(nlp: Any, text: str) -> list[Quote]:
    article = Article(id="s", source_id="s", source="s", text=text, published="2024-05-02")
    doc = nlp(text)
    return quotes.find_quotes(doc, article, mentions_stage.find_mentions(doc, article), [])


def _find(found: list[Quote], words: str) -> Quote:
    hits = [q for q in found if words in q.text]
    assert hits, f"no quote with {words!r} in {[q.text for q in found]}"
    return hits[0]


@pytest.mark.slow
def test_an_attribution_sentence_after_nested_marks_names_the_speaker(nlp: Any) -> None:
    # '?’”' ends the quotation's sentence: "Vandermeer recalled." is a sentence of its own
    text = ("The chemist was surprised to find the protein in liver cells, a result that "
            "she reported in 2011.\n\n"
            "“I honestly said to my mentor, like, ‘I am not sure I can trust this data, you "
            "know?’” Vandermeer recalled. “A smell receptor in the liver? No way.”\n\n"
            "This was not the first such finding.")
    found = _quotes(nlp, text)
    first = _find(found, "I honestly said")
    assert first.speaker_name == "Vandermeer" and first.cue == "recalled"
    assert _find(found, "A smell receptor").speaker_name == "Vandermeer"


@pytest.mark.slow
def test_a_sentence_with_content_of_its_own_is_no_attribution(nlp: Any) -> None:
    text = ("“Are the nets dry yet?” Vandermeer recalled the storm of 1998 and the boats "
            "it sank.\n")
    found = _quotes(nlp, text)
    assert all(q.cue != "recalled" for q in found)


@pytest.mark.slow
def test_speech_verbs_of_testimony_and_reply_are_cues(nlp: Any) -> None:
    text = ("“The ledgers were altered twice,” Ingrid Solberg testified on Monday.\n\n"
            "Mark Jensen speculated that the harbour fees would rise next year.\n\n"
            "“We never saw those ledgers,” Jensen retorted.\n\n"
            "“The audit is complete,” Solberg said. “We found nothing else,” she "
            "continued.")
    found = _quotes(nlp, text)
    assert _find(found, "The ledgers were altered").cue == "testified"
    assert _find(found, "The ledgers were altered").speaker_name == "Ingrid Solberg"
    assert _find(found, "the harbour fees would rise").speaker_name == "Mark Jensen"
    assert _find(found, "We never saw").speaker_name == "Mark Jensen"
    assert _find(found, "We found nothing else").speaker_name == "Ingrid Solberg"


@pytest.mark.slow
def test_continue_reports_nothing_away_from_a_quotation(nlp: Any) -> None:
    # "continues to insist ..., saying": the statement is the saying's, not continue's
    text = ("Mayor Tomas Lunde continues to insist his plan will work, saying the ferries "
            "will run on time.\n\nThe talks continued until midnight.")
    found = _quotes(nlp, text)
    assert all(q.cue is None or "continu" not in q.cue for q in found)
    assert _find(found, "the ferries will run on time").speaker_name == "Tomas Lunde"


@pytest.mark.slow
def test_a_name_in_apposition_to_a_subject_is_a_pronouns_antecedent(nlp: Any) -> None:
    # not the speaker quoted before him, whom the pronoun would otherwise fall back on
    text = ("“The port will reopen,” Governor Ola Brekke said.\n\n"
            "A professor of geology at the university, Sven Dalgaard, stayed home today.\n\n"
            "But he walked to the harbour to see the damage.\n\n"
            "“What I saw was a town after a storm,” he said.")
    found = _quotes(nlp, text)
    assert _find(found, "The port will reopen").speaker_name == "Ola Brekke"
    assert _find(found, "What I saw").speaker_name == "Sven Dalgaard"


@pytest.mark.slow
def test_a_pronoun_whose_sentence_names_someone_else_stays_unnamed(nlp: Any) -> None:
    # the last speaker is not named in the pronoun's sentence, another man is: a guess
    text = ("“The audit is complete,” Ola Brekke said on Monday.\n\n"
            "The harbour board sued Peter Lund to stop him from joining the rival firm, but "
            "the case ended after he said that no ledgers had been copied.")
    found = _quotes(nlp, text)
    assert _find(found, "The audit is complete").speaker_name == "Ola Brekke"
    copied = _find(found, "no ledgers had been copied")
    assert copied.speaker_key is None and copied.speaker_name is None


@pytest.mark.slow
def test_a_pronoun_subject_before_the_other_name_carries_the_person_on(nlp: Any) -> None:
    text = ("“The audit is complete,” Ola Brekke said on Monday.\n\n"
            "He has spoken with Peter Lund twice since then, and he said that the ledgers "
            "were clean.")
    found = _quotes(nlp, text)
    assert _find(found, "the ledgers were clean").speaker_name == "Ola Brekke"
