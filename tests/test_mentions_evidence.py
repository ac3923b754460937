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


@pytest.mark.slow
def test_a_brand_opening_on_a_form_of_address_is_no_person(nlp: Any) -> None:
    # the title stands inside the model's name and the name is a common word the article
    # never writes as a person's: a soft drink, a record, a shop chain (review finding 4)
    for text, name, label in [
        ("Dr Lemon said on Monday that sales of its soda rose 4 percent in spring.",
         "Dr Lemon", "ORG"),
        ("Sgt Lemon sold millions of copies in its first year.", "Sgt Lemon", "PRODUCT"),
        ("The mall reopened on Monday, and Mr Lemon opened a store there.", "Mr Lemon", "ORG"),
    ]:
        doc, article = _with_ents(nlp, text, [(name, label)])
        assert _persons(mentions.find_mentions(doc, article)) == [], text


@pytest.mark.slow
def test_an_addressed_common_word_is_a_persons_where_the_article_names_that_person(
        nlp: Any) -> None:
    text = ("Harold Lemon runs the shop on the quay. The store shut early on Monday, "
            "Mr Lemon told the council.")
    doc, article = _with_ents(nlp, text, [("Harold Lemon", "PERSON"), ("Mr Lemon", "ORG")])
    texts = [m.text for m in mentions.find_mentions(doc, article) if m.label == "PERSON"]
    assert texts == ["Harold Lemon", "Lemon"]


@pytest.mark.slow
def test_a_name_after_a_form_of_address_outside_the_models_span_is_a_persons(
        nlp: Any) -> None:
    text = "The store shut early on Monday, Mr Lemon told the council."
    doc, article = _with_ents(nlp, text, [("Lemon", "ORG")])
    assert [m.text for m in mentions.find_mentions(doc, article)
            if m.label == "PERSON"] == ["Lemon"]


@pytest.mark.slow
def test_an_owner_or_a_player_in_apposition_or_a_place_without_a_given_name_is_no_person(
        nlp: Any) -> None:
    for text, name, label in [
        ("Its largest owner, Kelso Dhara, said it would invest more.", "Kelso Dhara", "GPE"),
        ("A major player, Okoro Dhara, said it expected rates to rise.", "Okoro Dhara",
         "ORG"),
        ("A professor of geology, Kelso Dhara, stayed home today.", "Kelso Dhara", "GPE"),
    ]:
        doc, article = _with_ents(nlp, text, [(name, label)])
        assert _persons(mentions.find_mentions(doc, article)) == [], text


@pytest.mark.slow
def test_a_given_name_in_apposition_is_a_persons_though_the_model_read_a_place(
        nlp: Any) -> None:
    text = "A professor of geology at the university, Harold Dalgaard, stayed home today."
    doc, article = _with_ents(nlp, text, [("Harold Dalgaard", "GPE")])
    assert ("Harold Dalgaard", "PERSON:harold dalgaard") in _persons(
        mentions.find_mentions(doc, article))
