"""Which name a corpus entity goes by: the organisation's own name, not a longer phrase
that names its product, office or service (issue 17: a reader sees only real names)."""

from __future__ import annotations

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
    found = by_alias([m("p1", "Ingrid Halvorsen", "PERSON", 0),
                      *[m(f"p{k}", "Halvorsen", "PERSON", 0) for k in range(2, 9)]])
    assert found["Halvorsen"].name == "Ingrid Halvorsen"
