"""Mentions: a word a king or a pope is called by ("King Omar") is a given name, so a bare
"Omar" in an article that also names "Khalid Omar" or "Omar Haddad" is the king's, not the
full name's; where the article gives both readings and nothing decides, no one's (MEN, issue
17 trust: the timex-tbaq page of Saddam Hussein held three statements of King Hussein of
Jordan). Made-up articles; the model's entities are set by hand, every occurrence of each
name, so that the test is about what this stage makes of them."""

from __future__ import annotations

import re
from typing import Any

import pytest
from spacy.tokens import Doc

from storyline.analyze import mentions
from storyline.analyze.model import entities_changed
from storyline.corpus.entities import merge_entities
from storyline.records import Article, Mention


def _article(i: str, text: str) -> Article:
    return Article(id=i, source_id=i, source=f"{i}.txt", text=text, published="1990-08-16")


def _found(nlp: Any, i: str, text: str, people: list[str]) -> list[Mention]:
    """The article's mentions, every occurrence of each of ``people`` (longest first) and
    nothing else an entity of the model's."""
    doc: Doc = nlp(text)
    spans = []
    taken: set[int] = set()
    for name in sorted(people, key=len, reverse=True):
        for hit in re.finditer(rf"\b{re.escape(name)}\b", text):
            if taken & set(range(hit.start(), hit.end())):
                continue
            span = doc.char_span(hit.start(), hit.end(), label="PERSON")
            assert span is not None
            spans.append(span)
            taken.update(range(hit.start(), hit.end()))
    doc.ents = sorted(spans, key=lambda s: s.start)
    entities_changed(doc)
    return mentions.find_mentions(doc, _article(i, text))


def _keys_at(found: list[Mention], text: str, phrase: str) -> list[str]:
    """The keys of the PERSON mentions of ``phrase`` where the text writes it alone after
    a quotation ("... ,'' Omar said")."""
    at = text.index(phrase)
    return [m.key for m in found if m.label == "PERSON" and m.start == at]


SURNAME = ("AMMAN, Jordan (AP) -- King Omar met Khalid Omar, the Iraqi leader, on Monday. "
           "Khalid said his troops would stay in the north. ``We will keep the port "
           "open,'' Omar said after the talks.")
BOTH = ("AMMAN, Jordan (AP) -- King Omar met Khalid Omar, the Iraqi leader, on Monday. "
        "``We will keep the port open,'' Omar said after the talks.")
PRESIDENT = ("AMMAN, Jordan (AP) -- King Omar met Khalid Omar, the Iraqi leader, on Monday. "
             "``We will keep the port open,'' President Omar said after the talks.")
MINISTER = ("AMMAN, Jordan (AP) -- King Omar met his trade minister, Omar Haddad, on Monday. "
            "Haddad said the border would stay open. ``We will keep the port open,'' Omar "
            "said after the talks.")


@pytest.mark.slow
def test_a_bare_name_a_royal_title_gives_as_a_given_name_is_the_titled_persons(
        nlp: Any) -> None:
    # The article calls Khalid Omar "Khalid": its bare "Omar" is the king's.
    found = _found(nlp, "s1", SURNAME, ["King Omar", "Khalid Omar", "Khalid", "Omar"])
    assert _keys_at(found, SURNAME, "Omar said") == ["PERSON:omar"]
    assert "PERSON:omar" in {m.key for m in found if m.text == "King Omar"}
    _, keys = merge_entities(found)
    assert keys[("s1", "PERSON:omar")] != keys[("s1", "PERSON:khalid omar")]


@pytest.mark.slow
def test_a_bare_name_both_people_may_be_called_by_is_no_ones(nlp: Any) -> None:
    # "King Omar" and "Khalid Omar", and nothing says which of them "Omar" is: no join
    # beats a wrong one.
    found = _found(nlp, "b1", BOTH, ["King Omar", "Khalid Omar", "Omar"])
    assert _keys_at(found, BOTH, "Omar said") == []
    assert all(m.key != "PERSON:khalid omar" for m in found
               if m.start >= BOTH.index("Omar said"))


@pytest.mark.slow
def test_a_title_that_takes_a_surname_makes_it_the_full_names(nlp: Any) -> None:
    found = _found(nlp, "p1", PRESIDENT, ["King Omar", "Khalid Omar", "Omar"])
    assert _keys_at(found, PRESIDENT, "Omar said") == ["PERSON:khalid omar"]


@pytest.mark.slow
def test_a_kings_given_name_is_not_a_namesake_the_article_writes_in_full(nlp: Any) -> None:
    # "Omar" is Omar Haddad's given name, but the article calls him "Haddad": "King Omar"
    # and the bare "Omar" are the king, and he is no Omar Haddad.
    found = _found(nlp, "m1", MINISTER, ["King Omar", "Omar Haddad", "Haddad", "Omar"])
    assert _keys_at(found, MINISTER, "Omar said") == ["PERSON:omar"]
    entities, keys = merge_entities(found)
    king = keys[("m1", "PERSON:omar")]
    assert king != keys[("m1", "PERSON:omar haddad")]
    assert {"King Omar", "Omar"} <= set(next(e for e in entities if e.id == king).aliases)
