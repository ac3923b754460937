"""A denial or a refusal is never shown as the thing denied; deeds and plans are no speech.

Every text here is made up for these tests (an invented shipyard story).
"""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze import quotes
from storyline.records import Article, Quote


def _found(nlp: Any, text: str) -> list[Quote]:
    article = Article(id="y", source_id="y", source="y", text=text, published="2024-05-02")
    return quotes.find_quotes(nlp(text), article, [], [])


def _said(nlp: Any, text: str) -> list[tuple[str | None, str | None, str]]:
    return [(q.speaker_mention, q.cue, q.text) for q in _found(nlp, text)]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Both yards bid for the ferry order, yet neither of them would disclose what it "
    "offered.",
    "Neither side would tell reporters how much the crane drivers will earn.",
    "No official would confirm that the yard will close in the spring.",
    "Nor do brokers expect the yard's sale to lift the price of steel in the region.",
    "Not every fisherman in Tarn insists that the cod quota be lifted.",
    "Neither Lindqvist nor Brenner said the yard had lost money on the ferry order.",
])
def test_a_statement_nobody_made_is_no_statement(nlp: Any, text: str) -> None:
    assert _found(nlp, text) == []


@pytest.mark.slow
def test_a_question_left_open_is_no_statement_of_its_answer(nlp: Any) -> None:
    text = ("The council announced on Friday that the harbour master would go, but it would "
            "not say whether she quit or was sacked.")
    found = _said(nlp, text)
    assert [cue for _, cue, _ in found] == ["announced"]
    assert not any("quit or" in words for _, _, words in found)


@pytest.mark.slow
def test_a_refusal_covers_both_verbs_joined_by_or(nlp: Any) -> None:
    text = ("Ola Vell's office declined to confirm or deny that the tugboats had gone to a "
            "Danish buyer.")
    assert _found(nlp, text) == []


@pytest.mark.slow
def test_a_refusal_does_not_cover_what_was_said_after_but(nlp: Any) -> None:
    text = ("Brenner declined to name the other bidders for the dock but said the Danish "
            "group had made the best offer.")
    found = _said(nlp, text)
    assert [cue for _, cue, _ in found] == ["said"]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Nordyard agreed in March to lease ten tugboats to the coast guard.",
    "Once the storm had passed, the foreman decided to take both cranes down for repairs.",
    "Nordvik Ferries intends to stop sailing to Tarn after October.",
    "Nordyard plans to sell its repair business to a Danish group.",
    "After thirty years at sea, Ana Vik has chosen to sell her trawler.",
    "The union is seeking to block the sale of the dry dock.",
    "The harbour council rejected the plan for a second ferry berth on Tuesday.",
])
def test_a_deed_or_a_plan_is_no_statement(nlp: Any, text: str) -> None:
    assert _found(nlp, text) == []


@pytest.mark.slow
def test_agreeing_with_a_clause_is_still_a_statement(nlp: Any) -> None:
    text = "The arbitrator agreed that the yard had kept to the terms of the lease."
    found = _said(nlp, text)
    assert [cue for _, cue, _ in found] == ["agreed"]


@pytest.mark.slow
def test_rejecting_something_said_is_still_a_statement(nlp: Any) -> None:
    text = "Brenner rejected claims that Nordyard was about to lay off half its welders."
    found = _said(nlp, text)
    assert [(cue or "").split()[0] for _, cue, _ in found] == ["rejected"]


@pytest.mark.slow
def test_rejecting_calls_is_still_a_statement(nlp: Any) -> None:
    text = "Mayor Brenner has rejected calls by the opposition to hold an early vote."
    found = _said(nlp, text)
    assert [cue for _, cue, _ in found] == ["rejected"]


@pytest.mark.slow
def test_a_verb_of_judgement_reports_no_clause(nlp: Any) -> None:
    text = ('The harbour master has denounced what she called the "sabotage" of two cranes '
            "at the north quay.")
    found = _said(nlp, text)
    assert not any(cue == "denounced" and words.startswith("what he called")
                   for _, cue, words in found)


@pytest.mark.slow
def test_a_promise_to_act_is_still_a_statement(nlp: Any) -> None:
    text = "The minister promised to keep the yard open until the ferries are delivered."
    found = _said(nlp, text)
    assert [cue for _, cue, _ in found] == ["promised"]


@pytest.mark.slow
def test_a_plural_verb_does_not_borrow_a_singular_subject(nlp: Any) -> None:
    # "is" is singular and "admit" plural: the guards admit it, not the yard
    text = ("The yard is still closed and guards admit that they have no key to the north "
            "gate.")
    found = _said(nlp, text)
    assert found == [("guards", "admit", "they have no key to the north gate")]


@pytest.mark.slow
def test_a_verb_of_judgement_does_not_cut_the_statement_before_it(nlp: Any) -> None:
    # "denounced" reports no clause: the contrast after "but" stays what they said
    text = ("Welders leaving the yard said their views on the sale differed, but they all "
            "denounced the closure of the dry dock.")
    found = _said(nlp, text)
    assert any(cue == "said" and words.endswith("denounced the closure of the dry dock")
               for _, cue, words in found)


@pytest.mark.slow
def test_a_branded_fragment_has_its_speaker(nlp: Any) -> None:
    text = 'Lindqvist branded the takeover offer "a cynical raid on the yard".'
    found = _said(nlp, text)
    assert ("Lindqvist", "branded", "a cynical raid on the yard") in found
