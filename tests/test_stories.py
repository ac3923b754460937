"""corpus.stories on hand-written articles: clustering, incremental runs, stable ids."""

from __future__ import annotations

import numpy as np

from storyline.corpus.stories import assign_stories, average_link
from storyline.records import Article, DuplicateLink, Story
from storyline.settings import Settings

QUAY = [
    "The Tromsvik harbour authority closed the northern quay for storm repairs.",
    "Harbour master Ingrid Solheim said repairs to the Tromsvik quay will take three weeks.",
    "Fishing boats diverted from the damaged Tromsvik quay land cod at the southern basin.",
    "Ingrid Solheim reopened the Tromsvik northern quay after the storm repairs ended.",
]
BREAD = [
    "A Lindeby bakery won the regional bread prize for its rye loaf with a sour crust.",
    "Judges of the Lindeby bread prize praised the bakery rye loaf and its crust.",
    "The Lindeby bakery that won the bread prize doubled rye loaf production.",
]


def art(key: str, text: str, day: str) -> Article:
    return Article(id=key, source_id=key, source=key, text=text, published=day)


def corpus() -> list[Article]:
    days = ["2025-01-07", "2025-01-08", "2025-01-09", "2025-03-20"]
    return ([art(f"q{i}", t, days[i]) for i, t in enumerate(QUAY)]
            + [art(f"b{i}", t, "2025-01-08") for i, t in enumerate(BREAD)])


def groups(stories: list[Story]) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}


def test_two_threads_two_stories_even_after_a_silence(settings: Settings) -> None:
    found = assign_stories(corpus(), {}, [], [], settings)
    assert groups(found) == {frozenset(f"q{i}" for i in range(4)),
                             frozenset(f"b{i}" for i in range(3))}
    quay = next(s for s in found if "q0" in s.articles)
    assert (quay.first, quay.last) == ("2025-01-07", "2025-03-20")
    assert "Tromsvik" in quay.title


def test_rerun_keeps_ids_and_new_articles_join(settings: Settings) -> None:
    arts = corpus()
    first = assign_stories(arts[:2] + arts[4:6], {}, [], [], settings)
    again = assign_stories(arts, {}, [], first, settings)
    assert groups(again) == groups(assign_stories(arts, {}, [], [], settings))
    old = {s.id for s in first}
    assert {s.id for s in again} == old


def test_a_copy_follows_its_canonical(settings: Settings) -> None:
    arts = [*corpus(), art("copy", "Unrelated words entirely, a reprint page.", "2025-01-08")]
    links = [DuplicateLink("copy", "b0", "wire")]
    found = assign_stories(arts, {}, links, [], settings)
    assert any({"copy", "b0"} <= set(s.articles) for s in found)


def test_previous_stories_never_merge() -> None:
    sim = np.array([[1, .9, .9], [.9, 1, .9], [.9, .9, 1]], dtype=np.float32)
    assert average_link(sim, 0.5, seeds=[[0], [1]]) == [[0, 2], [1]]
    assert average_link(sim, 0.5) == [[0, 1, 2]]


def test_empty_input(settings: Settings) -> None:
    assert assign_stories([], {}, [], [], settings) == []
