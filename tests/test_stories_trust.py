"""corpus.stories on random crawls: pages of different reports must not join (issue 17)."""

from __future__ import annotations

from dataclasses import replace

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


# One name and a loan word in common, different reports in two languages.
TALK_EN = ("Ingrid Solheim opened the Norvik jazz festival on Friday with a talk on radio "
           "archives, and three bands played until midnight in the old market hall.")
TALK_ES = ("El nuevo hospital de Valdora contrató a doce enfermeras para el turno de noche; "
           "la directora Ingrid Solheim habló de la falta de camas en la región.")


def test_one_event_in_two_languages_joins_when_it_shares_names_and_figures(
        settings: Settings) -> None:
    arts = [page("en", QUAY_EN, "en"), page("es", QUAY_ES, "es"),
            *(page(f"b{i}", t, "en") for i, t in enumerate(BREAD))]
    found = {frozenset(s.articles) for s in assign_stories(MemoryCorpus(arts), [], [], settings)}
    assert frozenset({"en", "es"}) in found
    assert frozenset({"b0", "b1", "b2"}) in found


def test_pages_in_two_languages_that_share_a_name_only_join_no_story(
        settings: Settings) -> None:
    arts = [page("en", TALK_EN, "en"), page("es", TALK_ES, "es"),
            *(page(f"b{i}", t, "en") for i, t in enumerate(BREAD))]
    found = {frozenset(s.articles) for s in assign_stories(MemoryCorpus(arts), [], [], settings)}
    assert frozenset({"en"}) in found and frozenset({"es"}) in found
    assert frozenset({"b0", "b1", "b2"}) in found


def test_two_languages_are_damped_by_language_damping(settings: Settings) -> None:
    arts = [page("en", QUAY_EN, "en"), page("es", QUAY_ES, "es"),
            *(page(f"b{i}", t, "en") for i, t in enumerate(BREAD))]
    corpus = MemoryCorpus(arts)
    infos = sorted(corpus.infos(), key=lambda a: a.id)
    en, es = (k for k, a in enumerate(infos) if a.id in ("en", "es"))
    feats = stories.features(infos, corpus, stories.CHANNEL_WEIGHTS)
    told = stories.similarity(feats, 0, feats.size, settings)[en, es]
    one = stories.similarity(replace(feats, language=None), 0, feats.size, settings)[en, es]
    assert told > 0 and abs(told - stories.LANGUAGE_DAMPING * one) < 1e-9
    # A page whose language could not be told ("und") is compared as one of the same.
    arts[1] = page("es", QUAY_ES, "und")
    found = {frozenset(s.articles) for s in assign_stories(MemoryCorpus(arts), [], [], settings)}
    assert frozenset({"en", "es"}) in found


def test_a_names_digits_are_no_figure() -> None:
    a = page("a", "COVID-19 and SARS-CoV-2 cases rose to 52 as an AK-47 was found after a "
                  "magnitude-5.4 quake; the 52-3 vote.", "en")
    assert stories.figure_keys(a) == ["52", "5.4", "52", "3"]

