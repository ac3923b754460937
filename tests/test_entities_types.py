"""Who is a person on the people lists: a corpus entity's type from what its articles read,
and one person's two given-name forms joined (RDR4 F12: "Ryanair", "COVID 19", "Main St."
were people; "Tom Enders" and "Thomas Enders" two people)."""

from __future__ import annotations

from storyline.analyze.names import name_key
from storyline.corpus.entities import merge_entities
from storyline.records import Entity, Mention


def m(article: str, text: str, label: str, start: int = 0, key: str | None = None) -> Mention:
    return Mention(article, start, start + len(text), text, label,
                   key or f"{label}:{name_key(text)}")


def article_end(article: str) -> Mention:
    """A name late in the article: it is longer than a sentence or two."""
    return m(article, "Harrowgate", "GPE", 2000)


def in_articles(mentions: list[Mention]) -> list[Mention]:
    return mentions + [article_end(a) for a in sorted({x.article for x in mentions})]


def by_alias(mentions: list[Mention], articles: bool = True) -> dict[str, Entity]:
    entities, _ = merge_entities(in_articles(mentions) if articles else mentions)
    return {a: e for e in entities for a in e.aliases}


def test_a_name_as_many_articles_read_otherwise_is_no_person() -> None:
    # An airline the model reads as a person in two articles (three times in one) and as
    # an organisation in two others: no title, no given name, so it is the airline.
    mentions = [m("a1", "Brantair", "PERSON", k * 50) for k in range(3)]
    mentions += [m("a2", "Brantair", "PERSON", 0),
                 m("a3", "Brantair", "ORG", 0), m("a4", "Brantair", "ORG", 0)]
    assert by_alias(mentions)["Brantair"].type == "ORG"


def test_a_person_read_otherwise_in_some_articles_keeps_his_type() -> None:
    # A titled man, and a man whose given name the corpus writes before other surnames:
    # the same split of readings leaves both people.
    mentions = [m("b1", "Mr. Quellor", "TITLED", 0, "PERSON:quellor"),
                m("b1", "Quellor", "PERSON", 4), m("b2", "Quellor", "ORG", 0)]
    mentions += [m("c1", "Jaxon Virelk", "PERSON", 0), m("c2", "Jaxon Virelk", "ORG", 0),
                 m("c3", "Jaxon Brummet", "PERSON", 0), m("c4", "Jaxon Tall", "PERSON", 0)]
    found = by_alias(mentions)
    assert found["Quellor"].type == "PERSON"
    assert found["Jaxon Virelk"].type == "PERSON"


def test_one_word_one_article_reads_as_a_place_is_no_person_unless_a_surname() -> None:
    # A city the model reads as a person in two articles and as a place in a third; a
    # surname alone read the same way, which another article writes after a given name.
    mentions = [m(f"d{k}", "Varenne", "PERSON", 0) for k in range(2)]
    mentions.append(m("d9", "Varenne", "GPE", 0))
    mentions += [m(f"p{k}", "Pagard", "PERSON", 0) for k in range(2)]
    mentions += [m("p8", "Pagard", "ORG", 0), m("p9", "Bettina Pagard", "PERSON", 0)]
    found = by_alias(mentions)
    assert found["Varenne"].type == "GPE"
    assert found["Pagard"].type == "PERSON"


def test_a_longer_name_most_articles_read_as_a_person_stays_one() -> None:
    mentions = [m(f"q{k}", "Orla Vantry", "PERSON", 0) for k in range(2)]
    mentions.append(m("q9", "Orla Vantry", "ORG", 0))
    assert by_alias(mentions)["Orla Vantry"].type == "PERSON"


def test_a_street_or_a_numbered_name_is_no_person() -> None:
    found = by_alias([m("e1", "Orvale St.", "PERSON", 0), m("e1", "Orvale St.", "PERSON", 30),
                      m("e2", "Zyphon 3", "PERSON", 0), m("e3", "VIRA 19", "PERSON", 0),
                      m("e4", "VIRA 19", "ORG", 0), m("e5", "VIRA 19", "ORG", 0),
                      m("e6", "Dalia Korman 12", "PERSON", 0)])
    assert found["Orvale St."].type == "FAC"
    assert found["Zyphon 3"].type == "PRODUCT"
    assert found["VIRA 19"].type == "ORG"
    # A person's name the model ran on into a number stays a person's.
    assert found["Dalia Korman 12"].type == "PERSON"


def test_a_short_given_name_joins_the_full_one_in_an_article_of_its_story() -> None:
    # "Tom" stands for "Thomas" (and "Thom", which only cuts it short): one person across
    # the corpus. "Bill" stands for William, Robert and more: one person only where the
    # two articles are of one story (they name another person in full in common).
    mentions = [m("f1", "Thomas Velder", "PERSON", 0), m("f2", "Tom Velder", "PERSON", 0),
                m("g1", "William Ostrand", "PERSON", 0), m("g1", "Karla Menz", "PERSON", 40),
                m("g2", "Bill Ostrand", "PERSON", 0), m("g2", "Karla Menz", "PERSON", 40),
                m("h1", "William Prell", "PERSON", 0), m("h2", "Bill Prell", "PERSON", 0)]
    found = by_alias(mentions)
    assert found["Tom Velder"].id == found["Thomas Velder"].id
    assert found["Bill Ostrand"].id == found["William Ostrand"].id
    assert found["Bill Prell"].id != found["William Prell"].id  # nothing ties the articles



def test_a_short_form_of_two_full_names_joins_neither_across_unrelated_articles() -> None:
    # "Gerry" is short for Gerald and for Geraldine: "gerald" starts "geraldine" but is a
    # full name of its own, not a short form of it (code review REV5 #5)
    found = by_alias([m("p1", "Gerry Hallworth", "PERSON", 0),
                      m("p2", "Geraldine Hallworth", "PERSON", 0)])
    assert found["Gerry Hallworth"].id != found["Geraldine Hallworth"].id


def test_a_countrys_name_is_no_person_unless_a_person_bears_it() -> None:
    # "Sri Lanka" read as a person in its one article is the country; "Jordan" beside a
    # "Michael Jordan" of the corpus stays the surname it is.
    found = by_alias([m("k1", "Sri Lanka", "PERSON", 400), m("k1", "Sri Lanka", "PERSON", 900),
                      m("j1", "Jordan", "PERSON", 400), m("j2", "Michael Jordan", "PERSON", 400)])
    assert found["Sri Lanka"].type == "GPE"
    assert found["Jordan"].type == "PERSON"


def test_a_sentence_long_text_gives_no_reading_against_a_person() -> None:
    # Paraphrased one-sentence texts: the model's organisation in one of them says nothing
    # against the person of the other (the same split in articles would, as above).
    found = by_alias([m("s1", "Dorvik", "PERSON", 20), m("s2", "Dorvik", "ORG", 20)],
                     articles=False)
    assert found["Dorvik"].type == "PERSON"


def test_a_given_name_before_a_street_word_is_a_persons_name() -> None:
    # "Street" and "Road" are surnames too; "Main St." is no one's (code review REV5 #12)
    found = by_alias([m("s1", "Della Street", "PERSON", 0), m("s2", "Ray Road", "PERSON", 0),
                      m("s3", "Main St.", "PERSON", 0)])
    assert (found["Della Street"].type, found["Ray Road"].type) == ("PERSON", "PERSON")
    assert found["Main St."].type == "FAC"
