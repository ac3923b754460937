"""Mentions: a name is shown whole and alone, never cut or glued, and a person is one
(NAM, issue 17 trust: "never show a speaker or person that is not one"). Made-up sentences
only; the model's entities are set by hand where the test is about what this stage makes
of them."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from storyline.analyze import mentions
from storyline.analyze.model import entities_changed
from storyline.records import Mention
from test_mentions_evidence import _article, _with_ents


def _relabel(doc: Doc, old: str, new: str) -> None:
    """The entity ``old`` narrowed to its first words ``new``, its label kept (the second
    mention of a name: ``_with_ents`` marks the first occurrence of its words)."""
    ents = []
    for e in doc.ents:
        if e.text == old:
            e = doc.char_span(e.start_char, e.start_char + len(new), label=e.label_)
            assert e is not None
        ents.append(e)
    doc.ents = ents
    entities_changed(doc)


def _names(found: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in found if m.label != "TITLED"]


@pytest.mark.slow
def test_a_cue_verb_the_model_read_into_a_name_is_cut_off(nlp: Any) -> None:
    text = ("“It was one long winter,” Marta Lindqvist Okoro explained. Her editor, "
            "Marta Lindqvist Okoro, kept the letters.")
    doc, article = _with_ents(nlp, text, [("Marta Lindqvist Okoro explained", "WORK_OF_ART"),
                                          ("Marta Lindqvist Okoro, kept", "PERSON")])
    _relabel(doc, "Marta Lindqvist Okoro, kept", "Marta Lindqvist Okoro")
    found = mentions.find_mentions(doc, article)
    assert {m.text for m in found} == {"Marta Lindqvist Okoro"}
    assert {m.key for m in found} == {"PERSON:marta lindqvist okoro"}


@pytest.mark.slow
def test_a_team_and_position_before_a_players_name_are_no_part_of_it(nlp: Any) -> None:
    text = "Harbour Gulls DL Martin Vandermeer, however, decided to speak up on Friday."
    doc, article = _with_ents(nlp, text, [("Harbour Gulls DL Martin Vandermeer", "PERSON")])
    assert _names(mentions.find_mentions(doc, article)) == [("Martin Vandermeer", "PERSON")]


@pytest.mark.slow
def test_an_acronym_glued_to_its_expansion_is_left_out(nlp: Any) -> None:
    text = "The HRTAHarbour Regional Transit Authority said buses would run late."
    doc, article = _with_ents(nlp, text,
                              [("HRTAHarbour Regional Transit Authority", "ORG")])
    found = mentions.find_mentions(doc, article)
    assert _names(found) == [("Harbour Regional Transit Authority", "ORG")]
    assert text[found[0].start:found[0].end] == "Harbour Regional Transit Authority"


@pytest.mark.slow
def test_a_name_cut_at_a_joining_word_runs_on_or_is_cut_before_it(nlp: Any) -> None:
    text = ("The Harbour Institute of Rivers and Lakes says the water is clean. "
            "Officers of Dana Okoro and questioned nobody.")
    doc, article = _with_ents(nlp, text, [("Harbour Institute of Rivers and", "ORG"),
                                          ("Lakes", "ORG"), ("Dana Okoro and", "PERSON")])
    assert _names(mentions.find_mentions(doc, article)) == [
        ("Harbour Institute of Rivers and Lakes", "ORG"), ("Dana Okoro", "PERSON")]


@pytest.mark.slow
def test_a_lost_letter_is_no_word_boundary_and_a_lost_space_no_letter(nlp: Any) -> None:
    text = ("Prime Minister Tom\u00e1s Ib\ufffd\u00f1ez says the plan starts in May. "
            "Rep. Dana Okoro\ufffdof Maine voted for it.")
    doc = nlp(text)
    found = mentions.find_mentions(doc, _article(text))
    persons = {m.text for m in found if m.label == "PERSON"}
    assert "Dana Okoro" in persons
    assert not any(p.endswith("\ufffd") or p.endswith("Ib") for p in persons)


@pytest.mark.slow
def test_a_place_or_nationality_read_as_a_person_is_none(nlp: Any) -> None:
    text = ("Two men were hurt in Harbourton on Friday, according to a Harbourton police "
            "press release. The Pakistani envoy to Borduria, Bilal Okoro, spoke to "
            "Bordurian Bilal Okoro's staff. He lives in Harbourton, Oregon.")
    doc, article = _with_ents(nlp, text, [("Harbourton", "GPE"), ("Harbourton police", "PERSON"),
                                          ("Borduria", "GPE"), ("Bordurian", "PERSON"),
                                          ("Harbourton, Oregon", "GPE")])
    _relabel(doc, "Harbourton police", "Harbourton")
    _relabel(doc, "Harbourton, Oregon", "Harbourton")  # the model reads it a place twice
    found = _names(mentions.find_mentions(doc, article))
    assert not any(label == "PERSON" for _, label in found)
    assert ("Harbourton", "GPE") in found and ("Bordurian", "NORP") in found


@pytest.mark.slow
def test_a_surname_the_model_reads_as_a_place_now_and_then_stays_a_person(nlp: Any) -> None:
    text = "Okafor spoke first. Okafor said the plan works. Then Okafor left Okafor."
    doc, article = _with_ents(nlp, text, [("Okafor spoke", "GPE"), ("Okafor said", "PERSON"),
                                          ("Okafor left", "PERSON")])
    _relabel(doc, "Okafor spoke", "Okafor")
    _relabel(doc, "Okafor said", "Okafor")
    _relabel(doc, "Okafor left", "Okafor")
    doc.ents = [*doc.ents, doc.char_span(len(text) - 7, len(text) - 1, label="GPE")]
    entities_changed(doc)  # a place twice, never after a preposition of place
    found = _names(mentions.find_mentions(doc, article))
    assert found.count(("Okafor", "PERSON")) == 2


@pytest.mark.slow
def test_capitalised_common_words_need_evidence_of_a_name(nlp: Any) -> None:
    text = ("The First Map of Jupiter's Moon Io Just Revealed Some Striking Features\n\n"
            "It made 40 false claims, according to the Harbour Herald's checkers. "
            "Recent Gadgetco phones also hold the app. Mayor Rice said so.")
    doc, article = _with_ents(nlp, text, [("Moon", "PERSON"), ("Recent Gadgetco", "PERSON"),
                                          ("Rice", "PERSON")])
    found = _names(mentions.find_mentions(doc, article))
    assert [n for n, label in found if label == "PERSON"] == ["Rice"]


@pytest.mark.slow
def test_a_cut_word_takes_its_dash_and_a_lower_case_name_stays_whole(nlp: Any) -> None:
    text = ("The new Gadgetco Pro-a notebook computer-is out. We read rudyard kipling "
            "charles dickens at school.")
    doc, article = _with_ents(nlp, text, [("Gadgetco Pro-a", "PRODUCT"),
                                          ("charles dickens", "PERSON")])
    assert _names(mentions.find_mentions(doc, article)) == [
        ("Gadgetco Pro", "PRODUCT"), ("charles dickens", "PERSON")]
