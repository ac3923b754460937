"""A title names no wrong doer, and only a sentence about the programme itself is its
furniture (code review of session 10). Made-up sentences, parsed by the pipeline's model."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze.events.kinds import described_actor
from test_events import _run

MONDAY = [("Monday", "2031-03-10")]


@pytest.mark.slow
def test_he_or_she_in_a_speakers_clause_gives_no_doer(nlp: Any) -> None:
    # "he" may be anyone the article named: the title keeps no name for him
    found = _run(nlp, "Ana Vik said on Monday he resigned from the harbour board.", MONDAY)
    assert all(described_actor(e.actor) != "Ana Vik" for e in found)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "During our program of talks, the minister met Ola Vell in Oslo on Monday.",
    "In this show of force, troops attacked Tarnby on Monday.",
])
def test_a_programme_noun_in_its_other_sense_keeps_the_sentences_events(
        nlp: Any, text: str) -> None:
    assert _run(nlp, text, MONDAY)
