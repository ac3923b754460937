"""Names and roles in one article: titles stripped, surnames and roles joined to the person."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze import names
from storyline.analyze.mentions import cluster_name, find_mentions, mention_key_at, person_label_for
from storyline.records import Article

TEXT = (
    "Norwegian Foreign Minister Ingrid Halvorsen met Canadian Prime Minister Paul Tremblay "
    "in Ottawa on Monday. Halvorsen said the talks went well. The Norwegian foreign minister "
    "later told reporters that the fishing dispute was settled. Tremblay, the Canadian leader, "
    "called it a fair deal."
)


def test_name_keys() -> None:
    assert names.name_key("Zelenskiy") == names.name_key("Zelenskyy") == names.name_key("Zelensky")
    assert names.name_key("Kiev") == names.name_key("Kyiv")
    assert names.role_key("the President of France") == names.role_key("French President")
    assert names.nationality("Ukrainian") == names.nationality("Ukraine")
    assert names.jaro_winkler("martha", "marhta") > 0.95
    assert names.jaro_winkler("abc", "xyz") == 0.0


@pytest.mark.slow
def test_surname_and_role_join_the_person(nlp: Any) -> None:
    art = Article(id="e1", source_id="e1", source="test", text=TEXT)
    mentions = find_mentions(nlp(TEXT), art)
    by_text = {m.text: m for m in mentions}
    person = by_text["Ingrid Halvorsen"]
    assert person.label == "PERSON"
    assert by_text["Halvorsen"].key == person.key
    assert by_text["Norwegian Foreign Minister Ingrid Halvorsen"].label == "TITLED"
    assert by_text["The Norwegian foreign minister"].key == person.key
    assert by_text["the Canadian leader"].key == by_text["Paul Tremblay"].key
    for m in mentions:
        assert TEXT[m.start:m.end] == m.text


@pytest.mark.slow
def test_helpers_for_quotes(nlp: Any) -> None:
    art = Article(id="e1", source_id="e1", source="test", text=TEXT)
    mentions = find_mentions(nlp(TEXT), art)
    start = TEXT.index("The Norwegian foreign minister")
    key = mention_key_at(mentions, start, start + 10)
    assert key is not None and cluster_name(mentions, key) == "Ingrid Halvorsen"
    assert person_label_for(mentions, start, start + 10) == "Ingrid Halvorsen"
    assert mention_key_at(mentions, 0, 0) is None


def test_headline_verbs_and_mastheads() -> None:
    assert names.is_inflected_verb("Says") and names.is_inflected_verb("confirmed")
    assert names.is_inflected_verb("denies") and names.is_inflected_verb("Pushes")
    assert not names.is_inflected_verb("States")  # "United States" is a name
    assert not names.is_inflected_verb("Nations") and not names.is_inflected_verb("Novak")
    assert names.is_masthead("Lakeside Gazette") and names.is_masthead("Valley Wire")
    assert not names.is_masthead("Gazette") and not names.is_masthead("Petra Novak")


HEADLINE = ("Valdmoor's Novak Says River Towns Brace For Spring Floods\n\n"
            "Regional governor Petra Novak said on Monday that the river towns must prepare.")


@pytest.mark.slow
def test_headline_verb_is_cut_from_a_name(nlp: Any) -> None:
    from spacy.tokens import Span

    doc = nlp(HEADLINE)
    # The model misreading a title-case headline: "Novak Says River Towns" as one person.
    novak = next(t.i for t in doc if t.text == "Novak")
    others = [e for e in doc.ents if e.start > novak + 4]
    doc.ents = [Span(doc, novak, novak + 4, label="PERSON"), *others]
    art = Article(id="h1", source_id="h1", source="test", text=HEADLINE)
    mentions = find_mentions(doc, art)
    assert not any("Says" in m.text for m in mentions)
    short = next(m for m in mentions if m.text == "Novak")
    full = next(m for m in mentions if m.text == "Petra Novak")
    assert short.key == full.key and short.label == "PERSON"


@pytest.mark.slow
def test_a_person_spanning_a_headline_is_dropped(nlp: Any) -> None:
    from spacy.tokens import Span

    text = "Quiet Harbour Towns Await The Spring Ferry Season\n\nThe ferries return in April."
    doc = nlp(text)
    doc.ents = [Span(doc, 0, 6, label="PERSON")]
    art = Article(id="h2", source_id="h2", source="test", text=text)
    assert not [m for m in find_mentions(doc, art) if m.label == "PERSON"]


@pytest.mark.slow
def test_outlet_and_wire_are_organisations_not_people(nlp: Any) -> None:
    text = ("Lakeside Gazette reports with reference to Valley Wire that Mayor Tomas Brenner "
            "announced the new bridge will open in May.")
    art = Article(id="o1", source_id="o1", source="test", text=text, outlet="Lakeside Gazette",
                  wire="Valley Wire")
    labels = {m.text: m.label for m in find_mentions(nlp(text), art)}
    assert labels.get("Lakeside Gazette", "ORG") == "ORG"
    assert labels.get("Valley Wire", "ORG") == "ORG"
    assert labels["Tomas Brenner"] == "PERSON"


@pytest.mark.parametrize(("key", "core"), [
    ("constable tim fanning", "tim fanning"),
    ("prof h ana ruiz", "ana ruiz"),
    ("h dale hall", "dale hall"),
    ("constable fanning", "fanning"),  # a rank before a surname leaves the surname
    ("j k lund", "j k lund"),  # nothing but initials before the surname: kept
    ("dale hall", "dale hall"),
])
def test_person_core_drops_titles_and_leading_initials(key: str, core: str) -> None:
    assert names.person_core(key) == core


def test_known_places_under_either_spelling() -> None:
    assert names.is_known_place("kiev") and names.is_known_place("kyiv")
    assert names.is_known_place("united kingdom")
    assert not names.is_known_place("quellmann")


def test_without_middle_drops_middle_initials_not_generations() -> None:
    assert names.without_middle("george w bush") == "george bush"
    assert names.without_middle("ned a tallow jr") == "ned tallow jr"  # father and son
    assert names.without_middle("ned tallow jr") == "ned tallow jr"
    assert names.without_middle("anna berg") == "anna berg"
