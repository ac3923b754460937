"""A surname several people of one story share: read in each article as the person that
article last named in full with it (``corpus/entities/article_surnames.py``)."""

from __future__ import annotations

from storyline.corpus.entities import merge_entities
from storyline.records import Mention


def m(article: str, text: str, start: int, label: str = "PERSON",
      key: str | None = None) -> Mention:
    return Mention(article, start, start + len(text), text, label,
                   key or f"{label}:{text.lower()}")


# A custody fight: the boy, his father and his great-uncle are all Castellanos.
BOY, FATHER, UNCLE = "Teo Castellanos", "Ramon Castellanos", "Arturo Castellanos"


def family(article: str) -> list[Mention]:
    """An article that names the boy and then his father in full."""
    return [m(article, BOY, 0), m(article, FATHER, 200)]


def test_a_surname_is_the_person_its_article_last_named_in_full() -> None:
    mentions = [
        # The father's letter: "Castellanos said" after his full name.
        *family("a1"), m("a1", "Castellanos", 400), m("a1", "Castellanos", 900),
        # The great-uncle named last: "``I won't hand him over,'' Castellanos said."
        *family("a2"), m("a2", UNCLE, 600), m("a2", "Castellanos", 800),
        # A third article names the uncle, then his nephew the father, then the surname.
        m("a3", UNCLE, 0), m("a3", FATHER, 300), m("a3", "Castellanos", 500),
    ]
    entities, keys = merge_entities(mentions)
    father = keys[("a1", f"PERSON:{FATHER.lower()}")]
    uncle = keys[("a2", f"PERSON:{UNCLE.lower()}")]
    assert father != uncle
    assert keys[("a1", "PERSON:castellanos")] == father
    assert keys[("a2", "PERSON:castellanos")] == uncle
    assert keys[("a3", "PERSON:castellanos")] == father
    # No corpus-wide "Castellanos" holding everyone's mentions.
    assert not any(e.name == "Castellanos" for e in entities)


def test_a_surname_whose_mentions_point_at_several_people_is_no_ones() -> None:
    # "return Castellanos to his island" right after the boy's name, then "Castellanos has
    # not appeared in public" after the father's: one key, two people; it stays unlinked.
    mentions = [*family("b1"), m("b1", "Castellanos", 100), m("b1", "Castellanos", 400),
                *family("b2"), m("b2", "Castellanos", 500)]
    entities, keys = merge_entities(mentions)
    assert ("b1", "PERSON:castellanos") not in keys
    assert keys[("b2", "PERSON:castellanos")] == keys[("b2", f"PERSON:{FATHER.lower()}")]
    assert not any(e.name == "Castellanos" for e in entities)


def test_before_any_full_name_a_surname_is_the_articles_only_bearer_or_no_ones() -> None:
    # Only the father is named in full: every "Castellanos" of that article is his.
    one = [m("c1", "Castellanos", 0), m("c1", FATHER, 100), m("c1", "Castellanos", 300)]
    _, keys = merge_entities(one)
    assert keys[("c1", "PERSON:castellanos")] == keys[("c1", f"PERSON:{FATHER.lower()}")]
    # With two named later, the first "Castellanos" could be either.
    two = [m("c2", "Castellanos", 0), *family("c2"), m("c2", "Castellanos", 300)]
    _, keys = merge_entities(two)
    assert ("c2", "PERSON:castellanos") not in keys


def test_a_surname_whose_office_differs_from_the_named_bearers_keeps_the_corpus_reading() -> None:
    # "President Marlow" in an article naming only "Gov. Edda Marlow" in full is not her;
    # the title ties it to the President Marlow of the corpus's other articles.
    mentions = [
        m("d1", "Gov. Edda Marlow", 0, "TITLED", "PERSON:edda marlow"),
        m("d1", "Edda Marlow", 5), m("d1", "President Marlow", 200, "TITLED",
                                      "PERSON:marlow"),
        m("d1", "Marlow", 210),
        m("d2", "President Marlow", 0, "TITLED", "PERSON:marlow"), m("d2", "Marlow", 10),
    ]
    _, keys = merge_entities(mentions)
    assert keys[("d1", "PERSON:marlow")] != keys[("d1", "PERSON:edda marlow")]
    assert keys[("d1", "PERSON:marlow")] == keys[("d2", "PERSON:marlow")]


def test_a_royal_given_name_or_a_hyphenated_word_is_no_bearer_of_the_surname() -> None:
    # "King Idris of Nardia" beside "Osman Idris": the king's "Idris" is a given name, and
    # his quotes stay his, not the other man's. "anti-Idris" (folded to two words) names
    # no one in full.
    mentions = [
        m("e1", "Osman Idris", 0), m("e1", "King Idris", 200, "TITLED", "PERSON:idris"),
        m("e1", "Idris", 205), m("e1", "Idris", 600),
        m("e2", "King Idris", 0, "TITLED", "PERSON:idris"), m("e2", "Idris", 5),
        m("f1", "anti-Castellanos", 0), m("f1", FATHER, 100), m("f1", "Castellanos", 300),
        m("f1", "Castellanos", 500),
    ]
    _, keys = merge_entities(mentions)
    assert keys[("e1", "PERSON:idris")] != keys[("e1", "PERSON:osman idris")]
    assert keys[("e1", "PERSON:idris")] == keys[("e2", "PERSON:idris")]
    assert keys[("f1", "PERSON:castellanos")] == keys[("f1", f"PERSON:{FATHER.lower()}")]


def test_a_quoted_nickname_joins_the_nickname_and_surname_its_article_writes() -> None:
    # A name given once with its nickname in quotes, then as the nickname and the surname.
    mentions = [m("g1", "Tomas Anselmo \u201cTito\u201d Barragan", 0),
                m("g1", "Tito Barragan", 300), m("g1", "Barragan", 500),
                m("g2", "Tito Barragan", 0)]
    _, keys = merge_entities(mentions)
    tito = keys[("g1", "PERSON:tito barragan")]
    assert keys[("g1", "PERSON:tomas anselmo \u201ctito\u201d barragan")] == tito
    assert keys[("g1", "PERSON:barragan")] == tito == keys[("g2", "PERSON:tito barragan")]


def test_a_surname_its_article_and_its_story_give_to_two_people_is_no_ones() -> None:
    # Four articles on a shooting name the victim, Dario Velez, in full; one then quotes
    # "his sister, Ines Velez", and goes back to the victim as "Velez". The article's last
    # full name says the sister, the story says the victim: the word is left to no one.
    shared = [m(a, "Wren Aldous", 900) for a in ("h1", "h2", "h3", "h4")]
    mentions = [
        m("h1", "Dario Velez", 0), m("h1", "Ines Velez", 300), m("h1", "Velez", 500),
        *(x for a in ("h2", "h3", "h4")
          for x in (m(a, "Dario Velez", 0), m(a, "Velez", 100))),
        *shared,
    ]
    _, keys = merge_entities(mentions)
    assert ("h1", "PERSON:velez") not in keys
    assert keys[("h2", "PERSON:velez")] == keys[("h2", "PERSON:dario velez")]
