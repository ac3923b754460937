"""corpus.stories on random crawls: pages of different reports must not join (issue 17)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from scipy.sparse import csr_matrix

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



# Two council reports and two pages that share their other words, so that each report is
# only partly alike to the other (one mayor, one council, different projects).
ROADS = ("Mayor Ingrid Solheim told the council that the city will spend more on roads this "
         "year. Potholes on the ring road cost drivers dearly, engineers said, and crews start "
         "in April.")
POOL = ("Mayor Ingrid Solheim told the council that the city will open a swimming pool this "
        "year. Swimmers had crossed the fjord by ferry to train, and a diving tower is planned "
        "too.")
ROAD_WORKS = ("Engineers said potholes on the ring road cost drivers dearly; repair crews "
              "start in April.")
FJORD = ("Swimmers crossed the fjord by ferry to train; a diving tower and a swimming pool "
         "are planned.")


def _council(day: str, council: str = "council") -> tuple[list[Article], stories.Features]:
    arts = [page("roads", ROADS.replace("council", council), "en"),
            page("pool", POOL.replace("council", council), "en", day),
            page("works", ROAD_WORKS, "en"), page("fjord", FJORD, "en", day),
            *(page(f"b{i}", t, "en") for i, t in enumerate(BREAD))]
    corpus = MemoryCorpus(arts)
    infos = sorted(corpus.infos(), key=lambda a: a.id)
    return infos, stories.features(infos, corpus, stories.CHANNEL_WEIGHTS)


def _pair(infos: list[Article], feats: stories.Features, settings: Settings,
          ) -> tuple[float, float]:
    """The roads-pool similarity, and the same without the shared-names rule."""
    k = {a.id: n for n, a in enumerate(infos)}
    i, j = k["roads"], k["pool"]
    return (float(stories.similarity(feats, 0, feats.size, settings)[i, j]),
            float(stories.similarity(replace(feats, names=None), 0, feats.size, settings)[i, j]))


def test_pages_weeks_apart_that_share_one_name_are_damped(settings: Settings) -> None:
    # Two months apart, one shared name (the mayor): damped as a long silence is.
    infos, feats = _council("2025-03-10")
    damped, plain = _pair(infos, feats, settings)
    assert plain >= settings.story_threshold > damped
    assert abs(damped - stories.LONG_GAP_DAMPING * plain) < 1e-9
    # Within NAMELESS_GAP_DAYS, or sharing two names (a follow-up names its participants
    # again), the pair keeps its likeness.
    assert _pair(*_council("2025-02-01"), settings)[0] == _pair(*_council("2025-02-01"),
                                                               settings)[1]
    two = _pair(*_council("2025-03-10", "Varden council"), settings)
    assert two[0] == two[1] >= settings.story_threshold


def _unit_rows(rows: list[list[float]]) -> csr_matrix:
    m = np.array(rows, dtype=np.float64)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return csr_matrix(m / np.where(norms > 0, norms, 1.0))


def _two_pages(names: list[list[float]], text: list[list[float]]) -> stories.Features:
    return stories.Features(channels=((_unit_rows(names), 0.3), (_unit_rows(text), 0.6)),
                            days=np.full(2, np.nan), time=None, figures=None,
                            names_channel=0)


def test_names_never_make_pages_alike_by_themselves(settings: Settings) -> None:
    # One shared name (cosine 1) and almost no shared words (cosine 0.01): the names count
    # at most NAMES_CAP times the words' likeness.
    text = [[0.995, 0.0998, 0.0], [0.0, 0.0998, 0.995]]
    feats = _two_pages([[1.0], [1.0]], text)
    words = float((feats.channels[1][0] @ feats.channels[1][0].T).toarray()[0, 1])
    sim = stories.similarity(feats, 0, 2, settings)[0, 1]
    assert abs(sim - (0.6 * words + 0.3 * stories.NAMES_CAP * words) / 0.9) < 1e-9
    assert sim < settings.story_threshold
    uncapped = stories.similarity(replace(feats, names_channel=None), 0, 2, settings)[0, 1]
    assert uncapped > settings.story_threshold


def test_a_page_that_names_nobody_counts_as_names_that_disagree(settings: Settings) -> None:
    # Pages alike in words only (0.3): the names channel counts as 0 when one page has no
    # names, as it does when both have names and share none; before, the words alone were
    # the blend and two pages of a language without a model joined on common words.
    text = [[1.0, 1.0, 0.0], [1.0, 0.0, 1.0]]
    for names in ([[1.0, 0.0], [0.0, 0.0]], [[1.0, 0.0], [0.0, 1.0]]):
        sim = stories.similarity(_two_pages(names, text), 0, 2, settings)[0, 1]
        assert abs(sim - 0.6 * 0.5 / 0.9) < 1e-9


# Two earnings reports of one day: the trade's wording and figures, different companies.
EARNINGS = [
    ("Kestrel Valve Corp. said third-quarter net income rose 12% to $4.1 million, or 51 cents "
     "a share, from $3.7 million, or 46 cents a share, a year earlier. The Dayton, Ohio, "
     "maker's revenue rose 8%, chairman Arne Holt said. It plans to open a foundry next "
     "spring and hire 200 welders for its pipeline valve orders."),
    ("Marlow Foods Inc. posted third-quarter net income of $2.9 million, or 38 cents a share, "
     "down from 44 cents a share, as flour prices climbed at the Tacoma, Wash., baker. A strike "
     "closed its bread ovens for two weeks and supermarket chains cut their cookie orders, "
     "Lena Ruiz told analysts."),
]
# A second report on one of the two companies: it names its participants again.
KESTREL = ("Kestrel Valve Corp. shares rose after the Dayton, Ohio, maker said third-quarter net "
           "income rose 12%; chairman Arne Holt said revenue will rise again next year.")


def test_two_reports_of_one_kind_that_share_no_participant_join_no_story(
        settings: Settings) -> None:
    arts = [page("k", EARNINGS[0], "en"), page("m", EARNINGS[1], "en"),
            page("k2", KESTREL, "en", "2025-01-09"),
            *(page(f"b{i}", t, "en") for i, t in enumerate(BREAD))]
    found = {frozenset(s.articles) for s in assign_stories(MemoryCorpus(arts), [], [], settings)}
    assert frozenset({"k", "k2"}) in found and frozenset({"m"}) in found


def test_pages_that_each_name_some_and_share_none_are_damped(settings: Settings) -> None:
    arts = [page("k", EARNINGS[0], "en"), page("m", EARNINGS[1], "en"),
            page("k2", KESTREL, "en", "2025-01-09"),
            *(page(f"b{i}", t, "en") for i, t in enumerate(BREAD))]
    corpus = MemoryCorpus(arts)
    infos = sorted(corpus.infos(), key=lambda a: a.id)
    k, m = (j for j, a in enumerate(infos) if a.id in ("k", "m"))
    feats = stories.features(infos, corpus, stories.CHANNEL_WEIGHTS)
    assert feats.named is not None and min(feats.named[k], feats.named[m]) >= stories.MIN_NAMED
    damped = stories.similarity(feats, 0, feats.size, settings)[k, m]
    whole = stories.similarity(replace(feats, named=None), 0, feats.size, settings)[k, m]
    assert whole > 0 and abs(damped - stories.NO_SHARED_NAME_DAMPING * whole) < 1e-9


# Two Portuguese reports no pipeline reads: one place and the language's common words in
# common (RDR4 F3: a trade report and a book interview met on "Brasil").
PORTO_A = ("O porto de Tromsvik recebeu o primeiro navio de soja do Brasil; o governo quer "
           "exportar mais milho para a China.")
PORTO_B = ("A escritora Ana Lima falou sobre o seu novo livro, que será publicado no Brasil e "
           "na China em março.")


def test_pages_no_pipeline_reads_join_only_when_near_copies(settings: Settings) -> None:
    bread = [page(f"b{i}", t, "en") for i, t in enumerate(BREAD)]
    arts = [page("pa", PORTO_A, "pt"), page("pb", PORTO_B, "pt"), *bread]
    corpus = MemoryCorpus(arts)
    infos = sorted(corpus.infos(), key=lambda a: a.id)
    k = {a.id: n for n, a in enumerate(infos)}
    feats = stories.features(infos, corpus, stories.CHANNEL_WEIGHTS,
                             reads=lambda language: settings.pipeline_for(language) is not None)
    assert feats.unread is not None
    assert feats.unread.tolist() == [a.id in ("pa", "pb") for a in infos]
    damped = stories.similarity(feats, 0, feats.size, settings)[k["pa"], k["pb"]]
    whole = stories.similarity(replace(feats, unread=None), 0, feats.size,
                               settings)[k["pa"], k["pb"]]
    assert damped < settings.story_threshold <= whole
    assert abs(damped - stories.UNREAD_DAMPING * whole) < 1e-9
    found = {frozenset(s.articles) for s in assign_stories(corpus, [], [], settings)}
    assert frozenset({"pa"}) in found and frozenset({"pb"}) in found
    # A near copy (one word changed, no copy link) still joins.
    arts[1] = page("pb", PORTO_A.replace("primeiro", "segundo"), "pt")
    found = {frozenset(s.articles) for s in assign_stories(MemoryCorpus(arts), [], [], settings)}
    assert frozenset({"pa", "pb"}) in found
