"""Mentions: a person needs evidence of being a name, and a person's name the model labelled
an organisation is a person's when a form of address or an apposition says so (SPK, issue
17). Made-up sentences only; the model's entities are set by hand where the test is about
what this stage makes of them, and so is a tag where the test is about the tagger's reading."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from storyline.analyze import mentions
from storyline.analyze.model import entities_changed
from storyline.records import Article, Mention


def _article(text: str) -> Article:
    return Article(id="m", source_id="m", source="m", text=text, published="2024-05-02")


def _with_ents(nlp: Any, text: str, ents: list[tuple[str, str]]) -> tuple[Doc, Article]:
    """``text`` parsed, its entities replaced by (words, label) at their first occurrence."""
    doc = nlp(text)
    spans = []
    for words, label in ents:
        start = text.index(words)
        span = doc.char_span(start, start + len(words), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = sorted(spans, key=lambda s: s.start)
    entities_changed(doc)
    return doc, _article(text)


def _persons(found: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.key) for m in found if m.label == "PERSON"]


@pytest.mark.slow
def test_a_sentence_opening_common_word_is_no_person(nlp: Any) -> None:
    text = ("The skiers crossed the pass at dawn. Idk but some tired hikers could well be "
            "thinking how they got all the gear up there.")
    doc, article = _with_ents(nlp, text, [("Idk", "PERSON")])
    word = doc.char_span(text.index("Idk"), text.index("Idk") + 3)
    assert word is not None
    word[0].pos_ = "NOUN"  # as the tagger reads it in the crawl that showed the fault
    assert _persons(mentions.find_mentions(doc, article)) == []


@pytest.mark.slow
def test_a_one_word_name_the_tagger_reads_as_one_stays(nlp: Any) -> None:
    text = "Brekke crossed the pass at dawn. The hikers followed him to the hut."
    doc, article = _with_ents(nlp, text, [("Brekke", "PERSON")])
    doc[0].pos_ = "PROPN"
    assert ("Brekke", "PERSON:brekke") in _persons(mentions.find_mentions(doc, article))


@pytest.mark.slow
def test_a_name_after_a_form_of_address_is_a_persons(nlp: Any) -> None:
    text = "The storm closed the port on Monday, Professor Dalgaard told the council."
    doc, article = _with_ents(nlp, text, [("Professor Dalgaard", "ORG")])
    assert _persons(mentions.find_mentions(doc, article)) == [("Dalgaard", "PERSON:dalgaard")]


@pytest.mark.slow
def test_a_ship_or_a_product_in_capitals_is_no_addressed_person(nlp: Any) -> None:
    text = "The cruise liner MS Nordlys sailed from the port on Monday."
    doc, article = _with_ents(nlp, text, [("MS Nordlys", "ORG")])
    assert _persons(mentions.find_mentions(doc, article)) == []


@pytest.mark.slow
def test_a_name_in_apposition_to_a_person_noun_is_a_persons(nlp: Any) -> None:
    text = ("A professor of geology at the university, Sven Dalgaard, stayed home today. "
            "Dalgaard said the town was empty.")
    doc, article = _with_ents(nlp, text, [("Sven Dalgaard", "ORG")])
    found = mentions.find_mentions(doc, article)
    assert ("Sven Dalgaard", "PERSON:sven dalgaard") in _persons(found)
