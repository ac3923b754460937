"""corpus.stories: one person named differently in two articles is a shared participant."""

from __future__ import annotations

from dataclasses import replace

from storyline.corpus import stories
from storyline.corpus.reader import MemoryCorpus
from storyline.corpus.stories import assign_stories
from storyline.records import Analysis, Article, Mention
from storyline.settings import Settings


def page(key: str, text: str) -> Article:
    return Article(id=key, source_id=key, source=key, text=text, published="2025-01-08",
                   language="en")


def named(key: str, text: str, found: list[tuple[str, str]]) -> Analysis:
    return Analysis(article=key, mentions=tuple(
        Mention(article=key, start=text.index(n), end=text.index(n) + len(n), text=n,
                label=label, key=n) for n, label in found))


# Two reports of one fire: the chief in full in one, by surname alone in the other, and no
# other name in common. A baker of the same surname in a story of its own.
PAGES = {
    "fire1": ("Chief Ana Varga said the warehouse fire on Dock Road burned for six hours before "
              "crews of the Harlow Fire Service contained it; nobody was hurt.",
              [("Chief Ana Varga", "PERSON"), ("Harlow Fire Service", "ORG")]),
    "fire2": ("Varga said investigators from Brenmoor County will look for the cause of the "
              "warehouse fire, which kept crews busy through the night.",
              [("Varga", "PERSON"), ("Brenmoor County", "GPE")]),
    "main": ("Crews of the Harlow water board worked through the night on Mill Road to repair a "
             "burst main; no homes lost supply, engineer Tom Ostby said.",
             [("Harlow", "GPE"), ("Tom Ostby", "PERSON")]),
    "ferry": ("The Brenmoor ferry was cancelled for six hours as storm winds hit the harbour, "
              "operator Kari Lund said; nobody was hurt.",
              [("Brenmoor", "GPE"), ("Kari Lund", "PERSON")]),
    "baker": ("Ferenc Varga, the Lindeby baker, said the bread prize judges loved the rye crust "
              "of his loaf.", [("Ferenc Varga", "PERSON"), ("Lindeby", "GPE")]),
    "bread1": ("A Lindeby bakery won the regional bread prize for its rye loaf with a sour "
               "crust.", []),
    "bread2": ("Judges of the Lindeby bread prize praised the bakery rye loaf and its crust.", []),
}


def _corpus() -> MemoryCorpus:
    return MemoryCorpus([page(k, t) for k, (t, _) in PAGES.items()],
                        {k: named(k, t, found) for k, (t, found) in PAGES.items() if found})


def _similarity(settings: Settings, a: str, b: str) -> tuple[float, float, float]:
    """The pair's similarity; without the surname rows; without the no-shared-name rule."""
    corpus = _corpus()
    infos = sorted(corpus.infos(), key=lambda x: x.id)
    feats = stories.features(infos, corpus, stories.CHANNEL_WEIGHTS)
    k = {x.id: n for n, x in enumerate(infos)}
    sims = [float(stories.similarity(f, 0, f.size, settings)[k[a], k[b]])
            for f in (feats, replace(feats, surnames=None), replace(feats, named=None))]
    return sims[0], sims[1], sims[2]


def test_one_person_in_full_and_by_surname_joins_one_story(settings: Settings) -> None:
    found = {frozenset(s.articles) for s in assign_stories(_corpus(), [], [], settings)}
    assert frozenset({"fire1", "fire2"}) in found
    # The entity ids differ ("Chief Ana Varga" / "Varga"): by them alone the two share no
    # participant and are damped below the story threshold.
    sim, by_ids, whole = _similarity(settings, "fire1", "fire2")
    assert sim == whole >= settings.story_threshold > by_ids
    assert abs(by_ids - stories.NO_SHARED_NAME_DAMPING * whole) < 1e-9


def test_a_surname_two_unrelated_stories_share_joins_neither(settings: Settings) -> None:
    found = {frozenset(s.articles) for s in assign_stories(_corpus(), [], [], settings)}
    assert frozenset({"baker", "bread1", "bread2"}) in found
    assert not any({"baker", "fire2"} <= s for s in found)
    # The surname lifts the damping only: their words still tell the stories apart.
    sim, _, whole = _similarity(settings, "baker", "fire2")
    assert sim == whole < settings.story_threshold


def test_two_full_names_of_one_surname_are_two_people(settings: Settings) -> None:
    sim, by_ids, whole = _similarity(settings, "fire1", "baker")
    assert whole > 0 and sim == by_ids
    assert abs(sim - stories.NO_SHARED_NAME_DAMPING * whole) < 1e-9


def test_surnames_of_a_persons_forms() -> None:
    def mention(text: str, label: str = "PERSON") -> Mention:
        return Mention(article="a", start=0, end=len(text), text=text, label=label, key=text)

    assert stories._surnames([mention("Chief Ana Varga")]) == ({"varga"}, set())
    assert stories._surnames([mention("Chief Varga"), mention("Ana Varga")]) == \
        ({"varga"}, {"varga"})
    assert stories._surnames([mention("Jim O'Brien"), mention("Ned Tallow Jr.")]) == \
        ({"o'brien", "tallow"}, set())
    # A title alone names nobody; a place or a body has no surname.
    assert stories._surnames([mention("Sheriff"), mention("Varga", "ORG")]) == (set(), set())


def test_a_surname_many_articles_write_counts_for_none() -> None:
    n = 40  # a tenth of the corpus is 4 articles, fewer than MIN_RARE_NAME
    every = [("smith",) if k < 11 else () for k in range(n)]
    every[20], every[21] = ("varga",), ("varga",)
    rows = stories._surname_rows(every, every)
    assert rows is not None
    shared = (rows[0] @ rows[1].T).toarray()
    assert shared[20, 21] == 1
    assert shared[:11, :11].sum() == 0  # 11 articles: more than MIN_RARE_NAME and a tenth
    assert stories._surname_rows([("smith",), ("varga",)], [(), ()]) is None
