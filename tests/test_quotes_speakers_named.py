"""Speakers the sentence names beside a description: a name in apposition to the subject
("Northfield's low-cost carrier, Skyhop, announced"), a name closing a subject the parse
cut short at a hyphen ("its vice-president of sales for the tablet, Dana Whitfield,
indicated"), and the author of a statement or of figures ("a statement by X said",
"according to figures released by X") (SPK2, RDR6 F9). Made-up sentences (invented names
and places)."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze import mentions as mentions_stage
from storyline.records import Article
from test_quotes_speakers_evidence import _find, _quotes


@pytest.mark.slow
def test_a_name_in_apposition_to_a_description_is_the_speaker(nlp: Any) -> None:
    text = ("Regional carrier, Skyhop Airways, announced today that it is buying six new "
            "turboprop aircraft from Dornwell.\n\n"
            "The deal was signed in Oslo.")
    q = _find(_quotes(nlp, text), "buying six")
    assert q.speaker_name == "Skyhop Airways"


@pytest.mark.slow
def test_a_name_closing_a_hyphenated_title_is_the_speaker(nlp: Any) -> None:
    text = ("Vell Systems' vice-president of design for the new phone, Dana Whitfield, "
            "indicated that prices would rise in June.\n\n"
            "Shares fell.")
    q = _find(_quotes(nlp, text), "prices would rise")
    assert q.speaker_name == "Dana Whitfield"


@pytest.mark.slow
def test_a_name_beside_a_person_noun_may_be_that_persons(nlp: Any) -> None:
    text = ("A friend of the victim, Marcus Lindqvist, said that the road had been closed "
            "for weeks.\n\nPolice are investigating.")
    q = _find(_quotes(nlp, text), "road had been closed")
    assert q.speaker_name in (None, "Marcus Lindqvist")  # only by the parse's apposition


@pytest.mark.slow
def test_a_statement_by_an_organisation_is_its_statement(nlp: Any) -> None:
    text = ("A statement by Corvane Motors said that the recall would cover 12,000 "
            "vehicles.\n\n"
            "A statement from Halvorsen Bank stated that its branches would reopen on "
            "Monday.\n\n"
            "The market share rose to 40 percent, according to figures released May 2 by "
            "Trellis Research, a consulting firm.")
    found = _quotes(nlp, text)
    assert _find(found, "recall would cover").speaker_name == "Corvane Motors"
    assert _find(found, "branches would reopen").speaker_name == "Halvorsen Bank"
    assert _find(found, "market share rose").speaker_name == "Trellis Research"


@pytest.mark.slow
def test_a_statement_by_two_authors_or_from_a_place_names_no_speaker(nlp: Any) -> None:
    text = ("A report from Baghdad said that the bridge had been destroyed.\n\n"
            "A letter by Corvane Motors and Halvorsen Bank said that the plan was unfair.")
    found = _quotes(nlp, text)
    assert _find(found, "bridge had been").speaker_name is None
    assert _find(found, "plan was unfair").speaker_name is None


@pytest.mark.slow
def test_who_obtained_a_statement_or_employs_the_speaker_is_not_the_speaker(nlp: Any) -> None:
    text = ("An internal memo, obtained by Halvorsen Bank in March, said that the merger "
            "plan had been dropped.\n\n"
            "A worker at a shop across the street, Tarn Hardware, said that the lights went "
            "out at noon.")
    found = _quotes(nlp, text)
    assert _find(found, "merger plan had been").speaker_name is None
    assert _find(found, "lights went out").speaker_name is None


@pytest.mark.slow
def test_a_statement_issued_is_its_issuers(nlp: Any) -> None:
    text = ("Mayor Maren Holt called the ruling a disgrace, issuing a statement saying "
            "“The fishermen of Tarn deserve far better than this.”\n\n"
            "An appeal is likely.")
    q = _find(_quotes(nlp, text), "deserve far better")
    assert q.speaker_name == "Maren Holt"


@pytest.mark.slow
def test_a_surname_prefix_spaced_from_its_name_stays_one_name(nlp: Any) -> None:
    text = ("Defending the deal, the Nordvik Air chairman, Maire O' Brien, said: “These "
            "engines burn a third less fuel than the old ones.”\n\nThe deal is signed.")
    article = Article(id="n", source_id="n", source="n", text=text, published="2024-05-02")
    found = mentions_stage.find_mentions(nlp(text), article)
    assert "Maire O' Brien" in [m.text for m in found]
    q = _find(_quotes(nlp, text), "third less fuel")
    assert q.speaker_name == "Maire O' Brien"


@pytest.mark.slow
def test_the_firm_is_the_one_organisation_described_as_a_firm(nlp: Any) -> None:
    text = ("Sales rose 8 percent in March, according to Trellis Research, a consulting "
            "firm.\n\n"
            "The firm said that online sales had doubled since 2020.\n\n"
            "Corvane Motors, a car maker, and Halvorsen Bank, a lender, agreed on a loan. "
            "The company said that the loan would fund a new plant.")
    found = _quotes(nlp, text)
    assert _find(found, "online sales had doubled").speaker_name == "Trellis Research"
    assert _find(found, "fund a new plant").speaker_name is None  # no company described
