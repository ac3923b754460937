"""US holidays get their day only in an article about the United States: its dateline is
American, or the places its lead names are American more often than not. One state named
in passing, or a capitalised word that spells a state's abbreviation, does not make it so."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze.timexes import REGION_AFTER, _state_name, _us_state, find_timexes
from storyline.records import Article


def _holidays(nlp: Any, text: str, dateline: str | None = None) -> list[str]:
    article = Article(id="a", source_id="s", source="s", text=text, published="2031-03-12",
                      dateline=dateline)
    return [t.value for t in find_timexes(nlp(text), article) if "Thanksgiving" in t.text]


def test_a_state_abbreviation_is_a_place_only_with_its_period() -> None:
    assert _state_name("Mass.", "mass") and _us_state("Ill.")
    assert not _state_name("Mass", "mass") and not _us_state("Miss")
    assert _us_state("Ohio") and _us_state("TX") and not _us_state("Tx")


@pytest.mark.parametrize(("text", "region"), [
    ("Springfield, Ill., said", "Ill."),
    ("Springfield, Ill. The mayor", "Ill."),  # the sentence ends with the abbreviation
    ("Dayton, Ohio.", "Ohio."),
    ("Austin, TX, on Monday", "TX"),
    ("Paris, Mass protests", "Mass"),  # in a place's position, but no period: no state
    ("Austin, Texas Governor Abbott", None),  # a name goes on: no place phrase ends there
])
def test_a_state_after_a_comma_stands_where_a_place_phrase_ends(text: str,
                                                                 region: str | None) -> None:
    m = REGION_AFTER.match(text, text.index(","))
    assert (m[1] if m else None) == region


@pytest.mark.slow
@pytest.mark.parametrize(("text", "dateline", "value"), [
    # a Paris dateline: a visitor from Ohio does not make the article American
    ("The museum stayed open late on Thanksgiving for visitors, among them a family from "
     "Ohio, the director said.", "PARIS (AFP) --", None),
    ("PARIS (AFP) -- The museum stayed open late on Thanksgiving for visitors, among them a "
     "family from Ohio, the director said.", None, None),
    # the same article from Boston
    ("The museum stayed open late on Thanksgiving for visitors, among them a family from "
     "Ohio, the director said.", "BOSTON (AP) --", "2030-11-28"),
    ("BOSTON (AP) -- The museum stayed open late on Thanksgiving for visitors, among them a "
     "family from Ohio, the director said.", None, "2030-11-28"),
    # no dateline: "Mass" without its period opens a sentence, it names no state
    ("In Paris, Mass protests closed the museum on Thanksgiving, the director said.", None,
     None),
    # no dateline: the lead's places are French; one US state later is in passing
    ("Museums in Paris, Lyon and Marseille stayed open late on Thanksgiving, France's culture "
     "ministry said. In Paris, the Louvre drew record crowds. A family from Ohio said the "
     "queue was worth it.", None, None),
    # no dateline: the lead's places are American
    ("Museums in Springfield, Ill., and Peoria, Ill., stayed open late on Thanksgiving, "
     "Illinois officials said. One visitor had come from Paris.", None, "2030-11-28"),
])
def test_a_us_holiday_needs_an_article_about_the_us(
        nlp: Any, text: str, dateline: str | None, value: str | None) -> None:
    assert _holidays(nlp, text, dateline) == ([value] if value else [])
