"""An acronym stands for a longer name only on the pages' evidence, and a news outlet's name
the model read as a person's is the outlet (issue 17 trust: a carmaker's acronym became an
unrelated page's war, which then "said" the carmaker's words; outlets spoke as people).
Made-up articles, no model."""

from __future__ import annotations

from storyline.corpus.entities import merge_entities
from storyline.records import Mention


def m(article: str, text: str, label: str, key: str, start: int = 0) -> Mention:
    return Mention(article, start, start + len(text), text, label, key)


def person(article: str, name: str, start: int = 0) -> Mention:
    return m(article, name, "PERSON", "PERSON:" + name.lower(), start)


def test_an_acronym_is_not_an_unrelated_pages_name_with_its_initials() -> None:
    # A page on the carmaker Velbrand calls it "VW" again and again; an unrelated history
    # page writes "the Vantor War". The initials match; nothing else does.
    entities, keys = merge_entities([
        m("car1", "Velbrand", "ORG", "ORG:velbrand"),
        *(m("car1", "VW", "ORG", "ORG:vw", 40 + 20 * k) for k in range(5)),
        m("car2", "VW", "ORG", "ORG:vw"),
        m("hist", "the Vantor War", "EVENT", "EVENT:vantor war"),
        m("hist", "Vantor", "GPE", "GPE:vantor", 60),
    ])
    assert keys[("car1", "ORG:vw")] != keys[("hist", "EVENT:vantor war")]
    assert keys[("car1", "ORG:vw")] == keys[("car2", "ORG:vw")]
    war = next(e for e in entities if e.name == "Vantor War")
    assert war.type == "EVENT" and "VW" not in war.aliases
    # Nor any other page's name: "KRB" needs its own article or its story to say so.
    _, keys = merge_entities([
        m("x1", "KRB", "ORG", "ORG:krb"),
        m("x2", "the Kestrel River Board", "ORG", "ORG:kestrel river board"),
    ])
    assert keys[("x1", "ORG:krb")] != keys[("x2", "ORG:kestrel river board")]


def test_an_acronym_takes_the_expansion_of_its_story_of_its_own_kind() -> None:
    # k1 spells the board out, k2 (same story: both name Wren Aldous) says "KRB" only.
    tie = [person("k1", "Wren Aldous", 300), person("k2", "Wren Aldous", 300)]
    _, keys = merge_entities([
        m("k1", "the Kestrel River Board", "ORG", "ORG:kestrel river board"),
        m("k2", "KRB", "ORG", "ORG:krb"), *tie,
    ])
    assert keys[("k2", "ORG:krb")] == keys[("k1", "ORG:kestrel river board")]
    # A place's acronym is no organisation of the story's other article ("DC" is not the
    # "Dorn Cutter" spacecraft), and an event's name is nobody's acronym.
    _, keys = merge_entities([
        m("k1", "Dorn Cutter", "ORG", "ORG:dorn cutter"),
        m("k1", "the Kestrel Raid", "EVENT", "EVENT:kestrel raid", 40),
        m("k2", "DC", "GPE", "GPE:dc"),
        m("k2", "KR", "ORG", "ORG:kr", 20), *tie,
    ])
    assert keys[("k2", "GPE:dc")] != keys[("k1", "ORG:dorn cutter")]
    assert keys[("k2", "ORG:kr")] != keys[("k1", "EVENT:kestrel raid")]


def test_an_acronym_written_beside_its_name_joins_it_whatever_the_labels() -> None:
    # "the Harlow Species Act (HSA)": the page defines it; the model read the act as a law
    # and the acronym as an organisation.
    _, keys = merge_entities([
        m("h1", "the Harlow Species Act", "LAW", "LAW:harlow species act", 0),
        m("h1", "HSA", "ORG", "ORG:hsa", 24),
        m("h1", "the Harlow Sailing Association", "ORG", "ORG:harlow sailing association", 90),
    ])
    assert keys[("h1", "ORG:hsa")] == keys[("h1", "LAW:harlow species act")]
    assert keys[("h1", "ORG:hsa")] != keys[("h1", "ORG:harlow sailing association")]
    # Far apart in one article, the event's name is still no acronym's.
    _, keys = merge_entities([
        m("h2", "the Harlow Strike", "EVENT", "EVENT:harlow strike", 0),
        m("h2", "HS", "ORG", "ORG:hs", 300),
    ])
    assert keys[("h2", "ORG:hs")] != keys[("h2", "EVENT:harlow strike")]


def test_an_outlets_name_read_as_a_person_is_the_outlet() -> None:
    # The outlets table knows "Politico" and "Sputnik"; the model read each as a person.
    entities, _ = merge_entities([
        person("o1", "Politico", 0),
        person("o1", "Mara Quell", 40),
        m("o2", "Sputnik", "PERSON", "PERSON:sputnik", 0),
    ])
    types = {e.name: e.type for e in entities}
    assert types["Politico"] == "ORG" and types["Sputnik"] == "ORG"
    assert types["Mara Quell"] == "PERSON"


def test_a_person_who_bears_an_outlets_name_stays_a_person() -> None:
    # "Mayor Bloomberg" takes a title; "Dawn" is the given name of the article's Dawn
    # Pellow; "Watson" is not how the site "watson" spells itself.
    entities, _ = merge_entities([
        m("p1", "Mayor Bloomberg", "TITLED", "PERSON:bloomberg", 0),
        m("p1", "Bloomberg", "PERSON", "PERSON:bloomberg", 6),
        person("p2", "Dawn Pellow", 0),
        m("p2", "Dawn", "PERSON", "PERSON:dawn", 50),
        m("p3", "Watson", "PERSON", "PERSON:watson", 0),
    ])
    types = {e.name: e.type for e in entities}
    assert types["Bloomberg"] == "PERSON"
    assert types["Watson"] == "PERSON"
    assert all(e.type == "PERSON" for e in entities if "Dawn" in e.aliases)
