"""Independent sources are defined once, in ``corpus.sources``, for the corpus and the pages.

A made-up flood story: a local paper, a wire agency's credited pages, one copy of a wire
story, and pages that name no outlet at all (no outlet, no site, no wire credit). What a
reader is told (``SourceIndex.count_named``, which the store's ``count_sources`` is): a page
that names no outlet may come from an outlet already counted, so it never adds a source
beyond those named; when no page names one they are one source, and how many were left out
comes with the count ("at least N"). The corpus stage's ``SourceIndex.count`` (ranking,
corroboration, the export's ``independent_sources``) counts each such page as its own
report; where every page names its outlet the two are the same number.
"""

from __future__ import annotations

from storyline.corpus.key_dates import find_key_dates
from storyline.corpus.sources import SourceIndex, independent_sources
from storyline.records import Article, DuplicateLink, Story, TimelineItem
from storyline.store.web import count_sources, unnamed_origins

# id: (outlet, wire credit)
PAGES = {
    "gaz": ("Valley Gazette", None),
    "ap1": (None, "AP"),
    "ap2": (None, "AP"),
    "cpy": ("Hill Times", None),          # a copy of ap1 (wire link below)
    "rad": ("River Radio", None),
    "u1": (None, None),
    "u2": (None, None),
    "u3": (None, None),
}
ARTICLES = [Article(id=a, source_id=f"feed-{a}", source="feed", text="", outlet=o, wire=w)
            for a, (o, w) in PAGES.items()]
LINKS = [DuplicateLink(article="cpy", canonical="ap1", kind="wire", score=0.97)]
INDEX = SourceIndex.build(ARTICLES, LINKS)


def test_pages_that_name_no_outlet_add_no_source_beyond_the_named() -> None:
    assert INDEX.count_named(["gaz", "u1", "u2"]) == (1, 2)
    assert INDEX.count_named(["gaz", "rad", "u1"]) == (2, 1)
    assert INDEX.count_named(["gaz", "u1", "u1"]) == (1, 1)


def test_pages_that_all_name_no_outlet_are_one_source() -> None:
    assert INDEX.count_named(["u1"]) == (1, 0)
    assert INDEX.count_named(["u1", "u2", "u3"]) == (1, 2)
    assert INDEX.count_named([]) == (0, 0)


def test_copies_and_one_wire_still_count_once() -> None:
    assert INDEX.count_named(["ap1", "ap2", "cpy"]) == (1, 0)
    assert INDEX.count_named(["ap1", "cpy", "gaz", "u3"]) == (2, 1)
    # the one-shot form is the corpus's count
    assert independent_sources(["ap1", "cpy", "gaz"], LINKS, ARTICLES)[1] == 2


def test_the_store_counts_with_the_corpus_definition() -> None:
    assert unnamed_origins(INDEX) == INDEX.unnamed
    for ids in (["gaz", "u1", "u2"], ["u1", "u2"], ["ap1", "cpy", "rad", "u1"], ["u1"], []):
        assert count_sources(INDEX, ids) == INDEX.count_named(ids)
    # a row that lists its source outlets counts only their articles (an event's: those
    # that give its day); listed outlets none of the articles has count them all
    gazette = INDEX.outlets["gaz"]
    assert count_sources(INDEX, ["gaz", "ap1", "rad"], [gazette]) == \
        INDEX.count_named(["gaz"])
    assert count_sources(INDEX, ["gaz", "ap1"], ["no such outlet"]) == \
        INDEX.count_named(["gaz", "ap1"])


def test_the_corpus_count_is_the_pages_count_where_every_page_names_its_outlet() -> None:
    named = ["gaz", "ap1", "ap2", "cpy", "rad"]
    for k in range(len(named) + 1):
        assert INDEX.count_named(named[:k]) == (INDEX.count(named[:k]), 0)


def test_where_pages_name_no_outlet_the_pages_count_is_a_lower_bound_of_the_corpus() -> None:
    # the corpus stage counts each such page as its own report (what it ranks and
    # corroborates by); a reader is told "at least" the named count
    for ids in (["gaz", "u1", "u2"], ["u1", "u2", "u3"], ["ap1", "cpy", "u1"]):
        shown, left_out = INDEX.count_named(ids)
        assert left_out > 0
        assert shown + left_out == INDEX.count(ids)


def test_a_key_date_carries_the_corpus_count() -> None:
    story = Story(id="s1", title="Valley flood", articles=tuple(PAGES),
                  first="2029-04-02", last="2029-04-09")
    rows = [TimelineItem(story="s1", kind="event", ref="levee", date="2029-04-03",
                         title="Levee breach", score=2.0, articles=("gaz", "u1", "u2")),
            TimelineItem(story="s1", kind="event", ref="rain", date="2029-04-02",
                         title="Storm", score=1.5, articles=("gaz", "ap1", "rad"))]
    days = {k.date: k.independent_sources for k in find_key_dates([story], rows, INDEX)}
    assert days == {"2029-04-03": 3, "2029-04-02": 3}
    assert INDEX.count_named(["gaz", "u1", "u2"]) == (1, 2)
