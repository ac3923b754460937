"""A surname alone, a title with a surname or a role stands for a full name only in its own
article or an article of its story, never for a namesake of an unrelated article (issue 17
trust: a governor's page holding a president's words). Made-up articles, no model."""

from __future__ import annotations

from storyline.corpus.entities import merge_entities
from storyline.corpus.entities.ties import offices
from storyline.records import Mention


def m(article: str, text: str, label: str, key: str, start: int = 0) -> Mention:
    return Mention(article, start, start + len(text), text, label, key)


def person(article: str, name: str, start: int = 0) -> Mention:
    return m(article, name, "PERSON", "PERSON:" + name.lower().replace("-", " "), start)


def titled(article: str, title: str, name: str, start: int = 0) -> list[Mention]:
    """A name with its title before it, as the mentions step writes it: the title and name
    (TITLED) and the name alone (PERSON), both ending where the name does."""
    key = "PERSON:" + name.lower()
    return [m(article, f"{title} {name}", "TITLED", key, start),
            m(article, name, "PERSON", key, start + len(title) + 1)]


# A war story of 1990: the president by title and surname only, beside a foreign leader
# named in full.
WAR = [*titled("w1", "President", "Harlan"), person("w1", "Harlan", 60),
       person("w1", "Omar Rashid", 120),
       *titled("w2", "President", "Harlan"), person("w2", "Omar Rashid", 80)]
# Ten years later, another story: the president's son, a governor, named in full.
REFUGEE = [*titled("r1", "Gov.", "Tobin Harlan"), person("r1", "Lucia Marte", 80)]


def test_a_surname_does_not_join_a_namesake_from_an_unrelated_article() -> None:
    entities, keys = merge_entities(WAR + REFUGEE)
    assert keys[("w1", "PERSON:harlan")] != keys[("r1", "PERSON:tobin harlan")]
    tobin = next(e for e in entities if e.name == "Tobin Harlan")
    assert "President Harlan" not in tobin.aliases


def test_a_surname_joins_the_full_name_its_story_gives() -> None:
    # A third war article names the president in full: the story's articles share Omar
    # Rashid, so the bare "Harlan" of w1 and w2 is that president.
    full = [*titled("w3", "President", "Edwin Harlan"), person("w3", "Omar Rashid", 90)]
    _, keys = merge_entities(WAR + REFUGEE + full)
    edwin = keys[("w3", "PERSON:edwin harlan")]
    assert keys[("w1", "PERSON:harlan")] == edwin
    assert keys[("r1", "PERSON:tobin harlan")] != edwin


def test_a_title_stating_another_office_keeps_two_namesakes_apart() -> None:
    # The governor's article shares a person with the war story, yet "President Harlan"
    # and "Gov. Tobin Harlan" hold two offices: two people.
    governor = [*titled("r2", "Gov.", "Tobin Harlan"), person("r2", "Omar Rashid", 70)]
    _, keys = merge_entities(WAR + governor)
    assert keys[("w1", "PERSON:harlan")] != keys[("r2", "PERSON:tobin harlan")]


def test_a_surname_joins_only_when_every_article_writing_it_is_of_the_story() -> None:
    # "Harlan" alone also in a sports article that shares no one with the full name's.
    sports = [person("s1", "Harlan", 0), person("s1", "Kai Dunmore", 40)]
    full = [*titled("w3", "President", "Edwin Harlan"), person("w3", "Omar Rashid", 90)]
    _, keys = merge_entities(WAR + full + sports)
    assert keys[("s1", "PERSON:harlan")] != keys[("w3", "PERSON:edwin harlan")]


def test_a_word_after_a_royal_title_is_a_given_name_not_a_surname() -> None:
    # "King Rashid" of one country and "Omar Rashid" of another, in one story: the king's
    # word is his given name, and no Rashid's surname.
    king = [*titled("k1", "King", "Rashid"), person("k1", "Omar Rashid", 60),
            person("k1", "Lina Haddad", 120),
            *titled("k2", "King", "Rashid"), person("k2", "Lina Haddad", 50)]
    _, keys = merge_entities(king)
    assert keys[("k2", "PERSON:rashid")] != keys[("k1", "PERSON:omar rashid")]
    # A president so written is the surname's person.
    president = [*titled("p1", "President", "Rashid"), person("p1", "Lina Haddad", 50),
                 person("p2", "Omar Rashid"), person("p2", "Lina Haddad", 50)]
    _, keys = merge_entities(president)
    assert keys[("p1", "PERSON:rashid")] == keys[("p2", "PERSON:omar rashid")]


def test_a_hyphenated_surname_joins_its_full_name() -> None:
    # The model reads the surname alone as an organisation four times, the full name once.
    found = [person("h1", "Dalia Ben-Ami", 0),
             *[m("h1", "Ben-Ami", "ORG", "ORG:ben ami", 40 * k) for k in range(1, 5)]]
    entities, keys = merge_entities(found)
    assert keys[("h1", "ORG:ben ami")] == keys[("h1", "PERSON:dalia ben ami")]
    dalia = next(e for e in entities if "Ben-Ami" in e.aliases)
    assert dalia.name == "Dalia Ben-Ami" and dalia.type == "PERSON"


def test_a_role_joins_the_title_holder_of_its_story_only() -> None:
    # "the Alaska governor" left open in its article: the corpus titles one person so, in
    # an article of another story, and one of its own.
    role = [m("g1", "the Alaska governor", "ROLE", "ROLE:alaska governor", 0),
            person("g1", "Rhea Mott", 40)]
    holder = [*titled("g2", "Alaska Governor", "Nora Quill"), person("g2", "Piet Vos", 60)]
    _, keys = merge_entities(role + holder)
    assert ("g1", "ROLE:alaska governor") not in keys
    same_story = [*titled("g3", "Alaska Governor", "Nora Quill"), person("g3", "Rhea Mott", 60)]
    _, keys = merge_entities(role + same_story)
    assert keys[("g1", "ROLE:alaska governor")] == keys[("g3", "PERSON:nora quill")]


def test_offices_a_title_states() -> None:
    assert offices("President") == {"president"}
    assert offices("Gov.") == offices("Governor") == {"governor"}
    assert offices("Iraqi president") == {"president"}
    assert offices("King") == {"king"}
    # No office, or another one: nothing to tell two holders apart by.
    assert not offices("Mr.") and not offices("the chief negotiator")
    assert not offices("Vice President") and not offices("former President")
    assert not offices("President-elect")


def test_two_names_few_articles_write_make_a_story() -> None:
    # A rehab story: one article names the actress in full, another by surname alone and
    # no one else in full, but both write the clinic and the town, which no other article
    # of the corpus names; twenty unrelated articles write the country.
    def place(article: str) -> list[Mention]:
        return [m(article, "Halcyon Clinic", "ORG", "ORG:halcyon clinic", 40),
                m(article, "Malvern", "GPE", "GPE:malvern", 80)]

    full = [person("t1", "Tessa Rourke"), *place("t1")]
    bare = [person("t2", "Rourke"), *place("t2")]
    others = [m(f"o{k}", "Norland", "GPE", "GPE:norland", 0) for k in range(20)]
    _, keys = merge_entities(full + bare + others)
    assert keys[("t2", "PERSON:rourke")] == keys[("t1", "PERSON:tessa rourke")]
    # One shared name is not enough, nor one that most articles write.
    common = [m(f"o{k}", "Malvern", "GPE", "GPE:malvern", 40) for k in range(20)]
    _, keys = merge_entities(full + bare + others + common)
    assert keys[("t2", "PERSON:rourke")] != keys[("t1", "PERSON:tessa rourke")]


def test_in_its_own_article_a_royal_or_another_office_keeps_a_namesake_apart() -> None:
    # The article writes "Omar Rashid" in full and "King Rashid", its king, apart.
    king = [person("a1", "Omar Rashid", 0), *titled("a1", "King", "Rashid", 50),
            person("a1", "Rashid", 100)]
    _, keys = merge_entities(king)
    assert keys[("a1", "PERSON:rashid")] != keys[("a1", "PERSON:omar rashid")]
    # The governor and "President Harlan", his father, in one article.
    family = [*titled("b1", "Gov.", "Tobin Harlan", 0),
              *titled("b1", "President", "Harlan", 100)]
    _, keys = merge_entities(family)
    assert keys[("b1", "PERSON:harlan")] != keys[("b1", "PERSON:tobin harlan")]
    # Without the title the surname is the article's one Harlan.
    plain = [*titled("b2", "Gov.", "Tobin Harlan", 0), person("b2", "Harlan", 100)]
    _, keys = merge_entities(plain)
    assert keys[("b2", "PERSON:harlan")] == keys[("b2", "PERSON:tobin harlan")]


def test_a_person_most_articles_name_ties_no_two_articles() -> None:
    # Code review: "President Bush" of one article joined "Jeb Bush" of another because
    # both named a president every article of the corpus names. A person counts as shared
    # only where few articles (at most RARE_SHARE of them) name them, as other names do.
    gov = [person("g1", "Tobin Harlan"), person("g1", "Harlan", 20),
           person("g1", "Vera Stoltz", 40)]
    pres = [*titled("p1", "President", "Harlan"), person("p1", "Vera Stoltz", 40)]
    everywhere = [person(f"x{k}", "Vera Stoltz") for k in range(30)]
    _, keys = merge_entities(gov + pres + everywhere)
    assert keys[("p1", "PERSON:harlan")] != keys[("g1", "PERSON:tobin harlan")]
    # Named by few, the same person is the story's tie.
    few = [person(f"x{k}", "Lucia Marte") for k in range(30)]
    _, keys = merge_entities(gov + pres + few)
    assert keys[("p1", "PERSON:harlan")] == keys[("g1", "PERSON:tobin harlan")]


def test_in_a_small_corpus_two_names_two_articles_write_make_a_story() -> None:
    # Under 20 articles a tenth of them is under two: the names a few articles share are
    # still few (MIN_RARE), so the rehab story's clinic and town tie its two articles.
    full = [person("t1", "Tessa Rourke"),
            m("t1", "Halcyon Clinic", "ORG", "ORG:halcyon clinic", 40),
            m("t1", "Malvern", "GPE", "GPE:malvern", 80)]
    bare = [person("t2", "Rourke"),
            m("t2", "Halcyon Clinic", "ORG", "ORG:halcyon clinic", 40),
            m("t2", "Malvern", "GPE", "GPE:malvern", 80)]
    _, keys = merge_entities(full + bare)
    assert keys[("t2", "PERSON:rourke")] == keys[("t1", "PERSON:tessa rourke")]


def test_a_kings_given_name_joins_only_a_full_name_with_his_title() -> None:
    # One article names "King Omar" and "his trade minister, Omar Haddad": two people, the
    # king called by his given name and title, the minister by his full name.
    minister = [*titled("h1", "King", "Omar"), person("h1", "Omar Haddad", 40),
                person("h1", "Haddad", 80), person("h1", "Omar", 120)]
    _, keys = merge_entities(minister)
    assert keys[("h1", "PERSON:omar")] != keys[("h1", "PERSON:omar haddad")]
    # A full name written with the royal title is the king's.
    full = [*titled("h2", "King", "Omar Haddad"), person("h2", "Lina Marte", 60),
            *titled("h3", "King", "Omar"), person("h3", "Lina Marte", 60)]
    _, keys = merge_entities(full)
    assert keys[("h3", "PERSON:omar")] == keys[("h2", "PERSON:omar haddad")]
