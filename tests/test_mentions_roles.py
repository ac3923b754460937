"""Mentions: who a name or role is. A role description no title gives anyone ("the former
governor") goes to the person the passage is about, named as a clause's subject just
before it, and never to a person its own clause names as its object (RDR4 F12: "... Biden
said Thursday. The former vice president also accused Trump ..." had made the description
Trump's, the article's main subject). A full name with an age set off by commas is a
person's, whatever label the model gave it (RDR4 F12: "Mohamed Soltan, 32." and his
"Soltan" were a place). Made-up articles; the model's entities are set by hand, every
occurrence of each name, so that the test is about what this stage makes of them."""

from __future__ import annotations

import re
from typing import Any

import pytest
from spacy.tokens import Doc

from storyline.analyze import mentions
from storyline.analyze.model import entities_changed
from storyline.records import Article, Mention
from test_mentions_given_names import _found as _found_in


def _found(nlp: Any, text: str, people: list[str]) -> list[Mention]:
    """The article's mentions, every occurrence of each of ``people`` a person's."""
    return _found_in(nlp, "r", text, people)


def _role_key(found: list[Mention], text: str, role: str) -> str:
    at = text.index(role)
    return next(m.key for m in found if m.label == "ROLE" and m.start == at)


PASSAGE = ("Dale Ormond signed the housing bill on Monday. Ormond said the vote would come "
           "soon. Ormond also met the mayors. \"No one should pay more rent this year,\" "
           "Kurt Lassen said Thursday. The former governor also accused Ormond of rushing "
           "the vote.")
NO_SUBJECT = ("Dale Ormond signed the housing bill on Monday. Ormond said the vote would come "
              "soon. Ormond also met the mayors. The rent rose by a tenth this year. The "
              "former governor accused Ormond of rushing the vote.")


@pytest.mark.slow
def test_a_former_office_goes_to_the_passage_subject_not_to_its_own_object(nlp: Any) -> None:
    found = _found(nlp, PASSAGE, ["Dale Ormond", "Ormond", "Kurt Lassen"])
    assert _role_key(found, PASSAGE, "The former governor") == "PERSON:kurt lassen"


ATTACKED = ("Dale Ormond signed the housing bill on Monday. Ormond said the vote would come "
            "soon. Ormond also met the mayors. Kurt Lassen attacked Ormond on Thursday. "
            "The former governor said the bill was fair.")


@pytest.mark.slow
def test_a_subject_is_no_passage_subject_when_another_candidate_follows_it(nlp: Any) -> None:
    # Lassen is the last subject, but Ormond is named after him: either could be the
    # former governor, so the passage does not decide (code review REV5 #4); the
    # article's main subject does, as before
    found = _found(nlp, ATTACKED, ["Dale Ormond", "Ormond", "Kurt Lassen"])
    assert _role_key(found, ATTACKED, "The former governor") != "PERSON:kurt lassen"


@pytest.mark.slow
def test_a_role_is_never_the_person_its_clause_names_as_object(nlp: Any) -> None:
    # The main subject is the one the description accuses: it stays no one's.
    found = _found(nlp, NO_SUBJECT, ["Dale Ormond", "Ormond"])
    assert not _role_key(found, NO_SUBJECT, "The former governor").startswith("PERSON:")


AGED = ("CAIRO (AP) -- Egypt asked Washington to dismiss a lawsuit from Tarek Sobhy, 34. "
        "Sobhy says he was held for two years. Sobhy's family still lives in Giza.")


@pytest.mark.slow
def test_a_full_name_with_an_age_is_a_persons_whatever_the_model_said(nlp: Any) -> None:
    # The model reads the name as a place; the age set off by commas says person, and
    # its bare surname joins it.
    doc: Doc = nlp(AGED)
    spans = []
    for name in ("Tarek Sobhy", "Sobhy"):
        for hit in re.finditer(rf"\b{name}\b", AGED):
            if any(s.start_char <= hit.start() < s.end_char for s in spans):
                continue
            span = doc.char_span(hit.start(), hit.end(), label="GPE")
            assert span is not None
            spans.append(span)
    doc.ents = sorted(spans, key=lambda s: s.start)
    entities_changed(doc)
    found = mentions.find_mentions(doc, Article(id="g", source_id="g", source="g.txt",
                                                text=AGED, published="2020-07-01"))
    assert {(m.text, m.label, m.key) for m in found if "Sobhy" in m.text} == {
        ("Tarek Sobhy", "PERSON", "PERSON:tarek sobhy"), ("Sobhy", "PERSON", "PERSON:tarek sobhy")}
