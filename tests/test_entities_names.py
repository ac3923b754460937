"""Which name a corpus entity goes by: the organisation's own name, not a longer phrase
that names its product, office or service (issue 17: a reader sees only real names)."""

from __future__ import annotations

from storyline.analyze.names import formal_given_names, given_name_gender
from storyline.corpus.entities import merge_entities
from storyline.records import Entity, Mention


def m(article: str, text: str, label: str, start: int = 0) -> Mention:
    return Mention(article, start, start + len(text), text, label, f"{label}:{text.lower()}")


def by_alias(mentions: list[Mention]) -> dict[str, Entity]:
    entities, _ = merge_entities(mentions)
    return {a: e for e in entities for a in e.aliases}


def test_a_company_is_not_named_by_its_product_model() -> None:
    # A laptop review: the maker twice, one model of it once, all read as organisations.
    found = by_alias([
        m("r1", "Korvath Zephyr X200", "ORG", 0),
        m("r1", "Korvath", "ORG", 60),
        m("r1", "Korvath", "ORG", 120),
    ])
    assert found["Korvath"].name == "Korvath"
    assert found["Korvath Zephyr X200"].id != found["Korvath"].id  # a product is no alias
    assert "Korvath Zephyr X200" not in found["Korvath"].aliases


def test_an_agency_is_not_named_by_its_office() -> None:
    # "Meridia's Office of the Inspector General" belongs to Meridia; it is not its name.
    mentions = [m(f"s{k}", "Meridia", "ORG", 0) for k in range(6)]
    mentions.append(m("s9", "Meridia's Office of the Inspector General", "ORG", 40))
    mentions.append(m("s9", "Meridia", "ORG", 100))
    found = by_alias(mentions)
    assert found["Meridia"].name == "Meridia"
    assert "Meridia's Office of the Inspector General" not in found["Meridia"].aliases


def test_a_name_used_far_more_often_names_the_group() -> None:
    # The league by its name nine times, one of its services once: the league's name.
    mentions = [m(f"n{k}", "Valen League", "ORG", 0) for k in range(9)]
    mentions.append(m("n1", "Valen League Pass", "ORG", 50))
    found = by_alias(mentions)
    assert found["Valen League"].name == "Valen League"


def test_full_names_and_company_suffixes_still_name_the_entity() -> None:
    # A longer form about as frequent as the short one is the full name ("State
    # Department"); a company suffix only completes a name ("Halvard Inc.").
    found = by_alias([
        m("d1", "Harbour Department", "ORG", 0), m("d2", "Harbour Department", "ORG", 0),
        m("d1", "Harbour", "ORG", 40), m("d2", "Harbour", "ORG", 40),
        m("d3", "Harbour", "ORG", 40), m("d4", "Harbour", "ORG", 40),
        m("h1", "Halvard Inc.", "ORG", 0),
        *[m(f"h{k}", "Halvard", "ORG", 30) for k in range(2, 8)],
    ])
    assert found["Harbour"].name == "Harbour Department"
    assert found["Harbour"].id == found["Harbour Department"].id
    assert found["Halvard"].name == "Halvard Inc."


def test_a_person_keeps_the_full_name() -> None:
    # One story: every article also names the minister in full (``ties``).
    found = by_alias([m("p1", "Ingrid Halvorsen", "PERSON", 0),
                      *[m(f"p{k}", "Halvorsen", "PERSON", 0) for k in range(2, 9)],
                      *[m(f"p{k}", "Olav Brekke", "PERSON", 40) for k in range(1, 9)]])
    assert found["Halvorsen"].name == "Ingrid Halvorsen"


def test_a_committee_is_not_its_chamber() -> None:
    # A parliament page: the chamber by name five times, one of its committees once, both
    # read as organisations. The committee is a body of its own, not the chamber's name.
    mentions = [m(f"c{k}", "Storting", "ORG", 0) for k in range(5)]
    mentions.append(m("c9", "the Storting Fisheries Committee", "ORG", 40))
    mentions.append(m("c9", "Storting", "ORG", 120))
    found = by_alias(mentions)
    assert found["Storting"].name == "Storting"
    assert found["the Storting Fisheries Committee"].id != found["Storting"].id
    assert found["the Storting Fisheries Committee"].name == "Storting Fisheries Committee"


def test_a_programme_or_product_is_not_the_company() -> None:
    # A tech digest: the maker, its developer programme and its game service.
    found = by_alias([
        m("t1", "Korvath", "ORG", 0), m("t2", "Korvath", "ORG", 0),
        m("t1", "the Korvath Developer Program", "ORG", 40),
        m("t3", "Pellor", "ORG", 0), m("t3", "Pellor xStream", "ORG", 30),
        m("t4", "Pellor", "ORG", 0),
    ])
    assert found["Korvath"].id != found["the Korvath Developer Program"].id
    assert found["Pellor"].id != found["Pellor xStream"].id
    assert found["Pellor"].aliases == ("Pellor",)


def test_a_department_by_its_own_name_is_still_one_entity() -> None:
    # "Interior" for the "Interior Department"; "U.S. Fish" cut from the "U.S. Fish and
    # Wildlife Service"; "Kestrel news agency" describes Kestrel in lower case.
    found = by_alias([
        m("g1", "the Harbour Department", "ORG", 0), m("g2", "Harbour", "ORG", 0),
        m("g3", "the Tarn Fish and Wildlife Service", "ORG", 0), m("g3", "Tarn Fish", "ORG", 60),
        m("g4", "Kestrel news agency", "ORG", 0), m("g5", "Kestrel", "ORG", 0),
    ])
    assert found["Harbour"].id == found["the Harbour Department"].id
    assert found["Tarn Fish"].id == found["the Tarn Fish and Wildlife Service"].id
    assert found["Kestrel"].id == found["Kestrel news agency"].id


def test_a_short_form_a_unit_may_be_cut_from_does_not_go_to_another_name() -> None:
    # "Bellmoor" opens a court's name and a courthouse's: which one it shortens is unclear,
    # so it joins neither (the court, a unit, never takes it and still counts against).
    found = by_alias([
        m("k1", "Bellmoor", "ORG", 0), m("k1", "the Bellmoor Courthouse", "ORG", 30),
        m("k2", "Bellmoor Superior Court", "ORG", 0),
    ])
    assert found["Bellmoor"].id != found["the Bellmoor Courthouse"].id
    assert found["Bellmoor"].id != found["Bellmoor Superior Court"].id


def test_a_unit_named_by_what_follows_it_is_another_unit() -> None:
    # A state's "Department of Public Safety" is not the federal "State Department".
    found = by_alias([
        m("s1", "State Department", "ORG", 0), m("s2", "State Department", "ORG", 0),
        *[m(f"s{k}", "State", "ORG", 50) for k in range(1, 5)],
        m("s5", "the state Department of Public Safety", "ORG", 0),
    ])
    assert found["State Department"].id != found["the state Department of Public Safety"].id
    assert found["State Department"].name == "State Department"


def test_a_product_named_after_its_maker_is_not_the_maker() -> None:
    # The maker alone in four articles; "Korvath Sierra", a product, once in an article
    # that never names the maker alone: no article shows it is the maker's full name.
    found = by_alias([*[m(f"a{k}", "Korvath", "ORG", 0) for k in range(4)],
                      m("a9", "Korvath Sierra", "ORG", 0)])
    assert found["Korvath"].id != found["Korvath Sierra"].id
    assert found["Korvath"].aliases == ("Korvath",)


def test_a_full_name_once_beside_its_short_form_is_one_entity() -> None:
    # The article writes the full name once, then the short one; others the short one.
    # A longer name that adds only the head of its own name joins wherever it stands.
    found = by_alias([
        m("n1", "Velmar Grumbach", "ORG", 0), m("n1", "Velmar", "ORG", 40),
        *[m(f"n{k}", "Velmar", "ORG", 0) for k in range(2, 7)],
        *[m(f"u{k}", "Tarnwick State", "ORG", 0) for k in range(4)],
        m("u9", "Tarnwick State University", "ORG", 0),
    ])
    assert found["Velmar"].id == found["Velmar Grumbach"].id
    assert found["Tarnwick State"].id == found["Tarnwick State University"].id


def test_a_name_cut_before_a_joiner_does_not_name_the_group() -> None:
    # "Varncustoms" cut from "Varncustoms and Border Protection": the full name, however
    # much more often the article writes the cut one.
    found = by_alias([m("c1", "Varncustoms and Border Protection", "ORG", 0),
                      *[m("c1", "Varncustoms", "ORG", 40 * k) for k in range(1, 5)]])
    assert found["Varncustoms"].id == found["Varncustoms and Border Protection"].id
    assert found["Varncustoms"].name == "Varncustoms and Border Protection"


def test_a_team_or_agency_without_its_place_is_the_same_one() -> None:
    # "the Tarnwick Herons" then "the Herons"; "Norland Fish and Wildlife Service" then
    # "Fish and Wildlife Service". "Mexico" after a "U.S.-Mexico" border is a place.
    found = by_alias([
        m("b1", "Tarnwick", "GPE", 0), m("b1", "the Tarnwick Herons", "ORG", 20),
        m("b1", "the Herons", "ORG", 60), m("b2", "the Tarnwick Herons", "ORG", 0),
        m("b2", "the Herons", "ORG", 40),
        m("f1", "Norland", "GPE", 0), m("f1", "Norland Fish and Wildlife Service", "ORG", 20),
        m("f1", "Fish and Wildlife Service", "ORG", 80),
        m("x1", "Vessia", "GPE", 0), m("x1", "Norland-Vessia", "ORG", 20),
    ])
    assert found["the Herons"].id == found["the Tarnwick Herons"].id
    assert found["Fish and Wildlife Service"].id == found["Norland Fish and Wildlife Service"].id
    assert found["Vessia"].id != found["Norland-Vessia"].id


def test_a_short_team_name_two_places_share_joins_neither() -> None:
    found = by_alias([
        m("a1", "Tarnwick", "GPE", 0), m("a1", "Tarnwick Rangers", "ORG", 20),
        m("a1", "Rangers", "ORG", 60),
        m("a2", "Bellmoor", "GPE", 0), m("a2", "Bellmoor Rangers", "ORG", 20),
        m("a2", "Rangers", "ORG", 60),
    ])
    assert found["Rangers"].id not in {found["Tarnwick Rangers"].id, found["Bellmoor Rangers"].id}


def test_a_short_given_name_stands_for_the_longer_names_the_table_gives() -> None:
    assert formal_given_names("tim") == {"timothy"}
    assert "william" in formal_given_names("bill")
    assert formal_given_names("timothy") == frozenset()  # a full name is no short form
    assert formal_given_names("bryant") == frozenset()  # 'brian' is another name, not longer


def test_a_given_name_says_a_gender_only_when_the_table_counts_it_as_one_genders() -> None:
    assert given_name_gender("yvonne") == "f"
    assert given_name_gender("dominic") == "m"
    assert given_name_gender("jordan") is None  # borne by men and women
    assert given_name_gender("hallam") is None  # no given name


def test_a_bare_name_another_article_writes_alone_does_not_join_a_place_led_one() -> None:
    # Four articles write "Vessia Foreign Ministry" and "Foreign Ministry"; one on Norland
    # writes "Foreign Ministry" alone: that is Norland's, so the bare name joins neither.
    mentions = []
    for k in range(4):
        mentions += [m(f"v{k}", "Vessia", "GPE", 0),
                     m(f"v{k}", "Vessia Foreign Ministry", "ORG", 10),
                     m(f"v{k}", "Foreign Ministry", "ORG", 60)]
    mentions += [m("n1", "Norland", "GPE", 0), m("n1", "Foreign Ministry", "ORG", 30)]
    # An article that names Vessia and writes "Foreign Ministry" alone keeps the join.
    alone = [m("v9", "Vessia", "GPE", 0), m("v9", "Foreign Ministry", "ORG", 30)]
    found = by_alias(mentions[:-2] + alone)
    assert found["Foreign Ministry"].id == found["Vessia Foreign Ministry"].id
    found = by_alias(mentions)
    assert found["Foreign Ministry"].id != found["Vessia Foreign Ministry"].id
    # No article writes both: the place alone is not enough.
    found = by_alias([m("w1", "Vessia", "GPE", 0), m("w1", "Vessia Foreign Ministry", "ORG", 10),
                      *alone])
    assert found["Foreign Ministry"].id != found["Vessia Foreign Ministry"].id


def test_a_bare_surname_joins_the_one_person_its_article_names_in_full() -> None:
    # "Varga" is another person's given name elsewhere in the corpus ("Varga Lindqvist"),
    # so the corpus-wide count is no help; the article itself says whom it means.
    found = by_alias([
        m("o1", "Ilse Varga", "PERSON", 0), m("o1", "Varga", "PERSON", 40),
        m("o2", "Ilse Varga", "PERSON", 0),
        m("o3", "Varga Lindqvist", "PERSON", 0),
        m("o4", "Ilse Varga", "PERSON", 0), m("o4", "Varga", "PERSON", 40),
        m("o4", "Perrin Alcott", "PERSON", 80),
    ])
    assert found["Varga"].id == found["Ilse Varga"].id
    assert found["Varga Lindqvist"].id != found["Ilse Varga"].id


def test_a_short_given_name_joins_the_one_full_name_of_its_article() -> None:
    found = by_alias([m("t1", "Timothy Quellmann", "PERSON", 0), m("t1", "Tim", "PERSON", 50),
                      m("t1", "Dora Brandt", "PERSON", 90)])
    assert found["Tim"].id == found["Timothy Quellmann"].id
    assert found["Tim"].name == "Timothy Quellmann"


def test_a_bare_name_is_the_one_its_article_last_named_in_full() -> None:
    # the article names Kemal, then Maren: a later "Osterhout" is Maren, as a reader reads it
    found = by_alias([m("g1", "Kemal Osterhout", "PERSON", 0),
                      m("g1", "Maren Osterhout", "PERSON", 40),
                      m("g1", "Osterhout", "PERSON", 80),
                      m("g2", "Kemal Osterhout", "PERSON", 0)])
    assert found["Osterhout"].id == found["Maren Osterhout"].id


def test_a_bare_name_before_two_full_names_of_its_article_stays_apart() -> None:
    found = by_alias([m("g1", "Osterhout", "PERSON", 0),
                      m("g1", "Kemal Osterhout", "PERSON", 40),
                      m("g1", "Maren Osterhout", "PERSON", 80),
                      m("g2", "Kemal Osterhout", "PERSON", 0)])
    assert "Osterhout" not in found  # either of two: no one's, rather than a guess


def test_a_bare_name_an_article_writes_with_nobody_it_fits_stays_apart() -> None:
    # "Tim" alone in a second article that names no Timothy: one group across the corpus,
    # and that article's Tim may be anyone, so the group joins no one.
    found = by_alias([m("s1", "Timothy Quellmann", "PERSON", 0), m("s1", "Tim", "PERSON", 50),
                      m("s2", "Tim", "PERSON", 0), m("s2", "Dora Brandt", "PERSON", 30)])
    assert found["Tim"].id != found["Timothy Quellmann"].id


def test_a_short_form_the_table_gives_one_full_name_joins_across_articles() -> None:
    # "Tim" stands only for Timothy; "John" is also a name of its own (and a short form of
    # Jonathan, Johann, ...), so only one article writing both joins those.
    found = by_alias([
        m("a1", "Tim Quellmann", "PERSON", 0), m("a2", "Timothy Quellmann", "PERSON", 0),
        m("b1", "John Halvard", "PERSON", 0), m("b2", "Jonathan Halvard", "PERSON", 0),
    ])
    assert found["Tim Quellmann"].id == found["Timothy Quellmann"].id
    assert found["John Halvard"].id != found["Jonathan Halvard"].id


def test_a_name_glued_to_its_own_copy_is_the_name() -> None:
    # A tag list "Ilse VargaIlse Varga" run together, which the model cut inside the glue.
    found = by_alias([m("c1", "Ilse VargaIlse", "PERSON", 0),
                      m("c2", "Ilse Varga", "PERSON", 0),
                      m("c3", "Ada McAdam", "PERSON", 0)])
    assert "Ilse VargaIlse" not in found["Ilse Varga"].aliases
    assert found["Ilse Varga"].mentions == 2
    assert "Ada McAdam" in found  # "Adam" is not the first word again, whole


def test_a_short_given_name_joins_a_full_name_with_middle_initials() -> None:
    # "Pat Norbury" in one sentence, "Patrick W. Norbury" in the charge sheet's.
    found = by_alias([m("p1", "Patrick W. Norbury", "PERSON", 0),
                      m("p1", "Pat Norbury", "PERSON", 60)])
    assert found["Pat Norbury"].id == found["Patrick W. Norbury"].id
    assert found["Pat Norbury"].name == "Patrick W. Norbury"
