"""Names and roles in one article: titles stripped, surnames and roles joined to the person."""

from __future__ import annotations

from typing import Any

import pytest

from storyline import names
from storyline.entities import cluster_name, find_mentions, mention_key_at, person_label_for
from storyline.records import Article

TEXT = (
    "Norwegian Foreign Minister Ingrid Halvorsen met Canadian Prime Minister Paul Tremblay "
    "in Ottawa on Monday. Halvorsen said the talks went well. The Norwegian foreign minister "
    "later told reporters that the fishing dispute was settled. Tremblay, the Canadian leader, "
    "called it a fair deal."
)


def test_fold_and_keys() -> None:
    assert names.fold("Zelénskyy’s") == "zelenskyy"
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
