"""Mentions: people the article names behind a title (RDR4 F4, F1). A person's full name
closing a name the model read as an organisation, after a title, is the person, the
title's words the organisation's ("Rockland County Executive Ed Day" was one ORG). A role
the article gives a person in one word order resolves in another: an apposition's office
with its prepositions ("X, minister of transport for Indonesia,") and a country's
possessive before the role ("Indonesia's transport minister"). Made-up articles; the
model's entities are set by hand so that the test is about what this stage makes of
them."""

from __future__ import annotations

import re
from typing import Any

import pytest
from spacy.tokens import Doc

from storyline.analyze import mentions
from storyline.analyze.model import entities_changed
from storyline.records import Article, Mention


def _found(nlp: Any, text: str, ents: list[tuple[str, str]]) -> list[Mention]:
    """The mentions of ``text`` with the model's entities set to every occurrence of each
    (name, label), longest names first."""
    doc: Doc = nlp(text)
    spans = []
    taken: set[int] = set()
    for name, label in sorted(ents, key=lambda e: len(e[0]), reverse=True):
        for hit in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if taken & set(range(hit.start(), hit.end())):
                continue
            span = doc.char_span(hit.start(), hit.end(), label=label)
            assert span is not None
            spans.append(span)
            taken.update(range(hit.start(), hit.end()))
    doc.ents = sorted(spans, key=lambda s: s.start)
    entities_changed(doc)
    article = Article(id="t", source_id="t", source="t.txt", text=text, published="2021-03-02")
    return mentions.find_mentions(doc, article)


def _at(found: list[Mention], text: str, words: str) -> list[tuple[str, str, str]]:
    at = text.index(words)
    return [(m.text, m.label, m.key) for m in found if m.start == at]


COUNTY = ("Harlow County Executive Tim Brand said schools would close on Monday. "
          "Brand said in a statement that the order runs for two weeks.")
OFFICE = ("The emails went to Deputy Secretary of the Navy for Logistics Susan Voss last "
          "spring. Voss has not commented.")
MINISTRY = ("Crowds filled the hall for the ministry of the Rev Billy Graham. Graham "
            "spoke for an hour.")
COMPANY = ("The deal was signed by the chief executive of Walt Disney on Monday. "
           "Shares of Lockheed Martin rose.")


@pytest.mark.slow
def test_a_full_name_closing_an_organisation_after_a_title_is_the_person(nlp: Any) -> None:
    found = _found(nlp, COUNTY, [("Harlow County Executive Tim Brand", "ORG")])
    assert _at(found, COUNTY, "Harlow") == [("Harlow County", "ORG", "ORG:harlow county")]
    assert _at(found, COUNTY, "Tim Brand") == [("Tim Brand", "PERSON", "PERSON:tim brand")]
    found = _found(nlp, OFFICE, [("the Navy for Logistics Susan Voss", "ORG"),
                                 ("Voss", "PERSON")])
    people = {m.text: m.key for m in found if m.label == "PERSON"}
    assert people == {"Susan Voss": "PERSON:susan voss", "Voss": "PERSON:susan voss"}
    assert not any("Susan" in m.text for m in found if m.label == "ORG")


@pytest.mark.slow
def test_a_title_of_common_words_leaves_no_organisation(nlp: Any) -> None:
    found = _found(nlp, MINISTRY, [("the ministry of the Rev Billy Graham", "ORG")])
    assert [(m.text, m.label, m.key) for m in found] == [
        ("Billy Graham", "PERSON", "PERSON:billy graham")]


@pytest.mark.slow
def test_a_company_named_after_a_person_stays_a_company(nlp: Any) -> None:
    # A name after "of" is what the title is of; a name no title stands before is the
    # model's reading.
    found = _found(nlp, COMPANY, [("Walt Disney", "ORG"), ("Lockheed Martin", "ORG")])
    assert {(m.text, m.label) for m in found} >= {("Walt Disney", "ORG"),
                                                   ("Lockheed Martin", "ORG")}
    assert not any(m.label == "PERSON" for m in found)


MINISTER = ("Norway's fisheries minister urges trawlers to stay in port\n\n"
            "Eli Dahl, minister of fisheries for Norway, has asked trawlers to stay in port "
            "until the storm passes. Norway's fisheries minister said the coast guard would "
            "patrol the fjords.")


@pytest.mark.slow
def test_a_countrys_role_is_the_person_the_article_gives_it_in_other_words(nlp: Any) -> None:
    found = _found(nlp, MINISTER, [("Eli Dahl", "PERSON"), ("Norway", "GPE")])
    dahl = "PERSON:eli dahl"
    assert _at(found, MINISTER, "minister of fisheries for Norway") == [
        ("minister of fisheries for Norway", "ROLE", dahl)]
    roles = [m for m in found if m.label == "ROLE" and m.text == "Norway's fisheries minister"]
    assert len(roles) == 2 and all(m.key == dahl for m in roles)


@pytest.mark.slow
def test_a_countrys_role_no_one_holds_stays_unresolved(nlp: Any) -> None:
    text = ("Norway's fisheries minister said the coast guard would patrol the fjords. "
            "Eli Dahl, a trawler captain, stayed in port.")
    found = _found(nlp, text, [("Eli Dahl", "PERSON"), ("Norway", "GPE")])
    role = [m for m in found if m.label == "ROLE" and m.text == "Norway's fisheries minister"]
    assert len(role) == 1 and not role[0].key.startswith("PERSON:")


PROFESSOR = ("Sharon Lewin, who heads the institute, spoke on Monday. \"We are not there yet,\" "
             "Prof Lewin said. Prof Lewin added that tests would go on.")


@pytest.mark.slow
def test_a_form_of_address_the_model_read_into_a_name_is_no_part_of_it(nlp: Any) -> None:
    # "Prof Lewin" is Sharon Lewin, not a person of her own named "Prof Lewin".
    found = _found(nlp, PROFESSOR, [("Sharon Lewin", "PERSON"), ("Prof Lewin", "PERSON")])
    people = [(m.text, m.key) for m in found if m.label == "PERSON"]
    assert people == [("Sharon Lewin", "PERSON:sharon lewin"),
                      ("Lewin", "PERSON:sharon lewin"), ("Lewin", "PERSON:sharon lewin")]
