"""Corpus merge of name variants: built from hand-made mentions, no model needed."""

from __future__ import annotations

from storyline.corpus.entities import merge_entities
from storyline.records import Mention


def m(article: str, text: str, label: str, key: str, start: int = 0) -> Mention:
    return Mention(article, start, start + len(text), text, label, key)


MENTIONS = [
    m("a1", "Olena Kovalenkiy", "PERSON", "PERSON:olena kovalenky", 0),
    m("a1", "Kovalenkiy", "PERSON", "PERSON:olena kovalenky", 50),
    m("a1", "Energy Minister", "ROLE", "PERSON:olena kovalenky", 80),
    m("a1", "Energy Minister Olena Kovalenkiy", "TITLED", "PERSON:olena kovalenky", 100),
    m("a1", "Olena Kovalenkiy", "PERSON", "PERSON:olena kovalenky", 116),
    m("a2", "Olena Kovalenkyi", "PERSON", "PERSON:olena kovalenky", 0),
    m("a3", "Kovalenkiy", "GPE", "GPE:kovalenky", 0),
    m("a3", "Kovalenkiy", "PERSON", "PERSON:kovalenky", 40),
    m("a3", "the energy minister", "ROLE", "ROLE:energy minister", 60),
    m("a4", "Olena Marchuk", "PERSON", "PERSON:olena marchuk", 0),
    m("a4", "Kiev", "GPE", "GPE:kyiv", 20),
    m("a5", "Kyiv", "GPE", "GPE:kyiv", 0),
    m("a5", "the Fisheries Council of the North", "ORG", "ORG:fisheries council north", 10),
    m("a6", "Fisheries Council of North", "ORG", "ORG:fisheries council north", 0),
    m("a6", "the chief negotiator", "ROLE", "ROLE:chief negotiator", 40),
    m("a6", "Ukrainian", "NORP", "NORP:ukrainian", 70),
]


def test_variants_merge_and_people_stay_apart() -> None:
    entities, keys = merge_entities(MENTIONS)
    by_alias = {a: e for e in entities for a in e.aliases}
    olena = by_alias["Olena Kovalenkiy"]
    assert olena.type == "PERSON" and olena.name == "Olena Kovalenkiy"
    assert keys[("a3", "GPE:kovalenky")] == olena.id  # the model's place is the corpus's person
    assert "Energy Minister Olena Kovalenkiy" in olena.aliases
    assert by_alias["Olena Kovalenkyi"].id == olena.id  # a transliteration variant
    assert by_alias["Olena Marchuk"].id != olena.id  # a shared first name is not a match
    assert by_alias["Kiev"].id == by_alias["Kyiv"].id
    assert by_alias["Fisheries Council of North"].id == by_alias[
        "the Fisheries Council of the North"].id


def test_roles_resolve_through_corpus_titles_or_vanish() -> None:
    entities, keys = merge_entities(MENTIONS)
    olena = next(e for e in entities if e.name == "Olena Kovalenkiy")
    assert keys[("a3", "ROLE:energy minister")] == olena.id
    assert ("a6", "ROLE:chief negotiator") not in keys
    assert not any("Ukrainian" in e.aliases for e in entities)


def test_deterministic_ids() -> None:
    first, _ = merge_entities(MENTIONS)
    second, _ = merge_entities(list(reversed(MENTIONS)))
    assert [e.to_dict() for e in first] == [e.to_dict() for e in second]
