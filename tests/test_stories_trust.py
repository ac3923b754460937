"""corpus.stories on random crawls: pages of different reports must not join (issue 17)."""

from __future__ import annotations

from storyline.corpus import stories
from storyline.corpus.reader import MemoryCorpus
from storyline.corpus.stories import assign_stories
from storyline.records import Article
from storyline.settings import Settings


def page(key: str, text: str, language: str, day: str = "2025-01-08",
         title: str | None = None) -> Article:
    return Article(id=key, source_id=key, source=key, text=text, published=day,
                   language=language, title=title)


# The same names and figures in two languages: all that TF-IDF can read in common.
QUAY_EN = ("Harbour master Ingrid Solheim said the Tromsvik quay will reopen on 14 March after "
           "repairs costing 2.4 million kroner; 38 boats used the Tromsvik quay in 2024.")
QUAY_ES = ("La capitana de puerto Ingrid Solheim dijo que el muelle de Tromsvik abrirá el 14 de "
           "marzo tras obras de 2.4 millones de coronas; 38 barcos usaron el muelle de Tromsvik.")
BREAD = [
    "A Lindeby bakery won the regional bread prize for its rye loaf with a sour crust.",
    "Judges of the Lindeby bread prize praised the bakery rye loaf and its crust.",
    "The Lindeby bakery that won the bread prize doubled rye loaf production.",
]


def test_pages_in_two_languages_the_detector_told_apart_join_no_story(
        settings: Settings) -> None:
    arts = [page("en", QUAY_EN, "en"), page("es", QUAY_ES, "es"),
            *(page(f"b{i}", t, "en") for i, t in enumerate(BREAD))]
    found = {frozenset(s.articles) for s in assign_stories(MemoryCorpus(arts), [], [], settings)}
    assert frozenset({"en"}) in found and frozenset({"es"}) in found
    assert frozenset({"b0", "b1", "b2"}) in found
    # A page whose language could not be told ("und") is compared as before.
    arts[1] = page("es", QUAY_ES, "und")
    found = {frozenset(s.articles) for s in assign_stories(MemoryCorpus(arts), [], [], settings)}
    assert frozenset({"en", "es"}) in found


def test_a_names_digits_are_no_figure() -> None:
    a = page("a", "COVID-19 and SARS-CoV-2 cases rose to 52 as an AK-47 was found after a "
                  "magnitude-5.4 quake; the 52-3 vote.", "en")
    assert stories.figure_keys(a) == ["52", "5.4", "52", "3"]

