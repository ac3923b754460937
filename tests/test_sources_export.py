"""The JSON export counts independent sources as the pages do (review RDR5 F6).

A made-up flood story: one page names its outlet (the Norland Herald) and two name none (text
dumps with no URL, no site and no wire credit). Such a page may come from an outlet already
counted, so the pages say "at least 1 independent source", and every export view gives the
same number with ``sources_unnamed`` (the origins left out of it) beside it. A second story
whose pages all name their outlets keeps the corpus stage's count, with none left out.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from storyline.corpus.sources import UNKNOWN_PREFIX
from storyline.outputs.export import FORMATS, export_data
from storyline.records import (
    Analysis,
    Article,
    Event,
    KeyDate,
    Quote,
    Sentence,
    Statement,
    Story,
    TimelineItem,
)
from storyline.store import Store
from storyline.web import views

FLOOD, BRIDGE = "story-flood", "story-bridge"
QUOTE_TEXT = "The river will crest on Thursday"
# id: (outlet, day, story, text)
PAGES = {
    "h1": ("Norland Herald", "2031-04-07", FLOOD,
           f"The Vessa river burst its banks in Ostby on Monday. \"{QUOTE_TEXT},\" "
           "mayor Ingrid Sol said."),
    "u1": (None, "2031-04-07", FLOOD,
           f"Ostby was flooded on Monday. \"{QUOTE_TEXT},\" mayor Ingrid Sol said."),
    "u2": (None, "2031-04-08", FLOOD,
           f"Residents of Ostby were evacuated on Monday. \"{QUOTE_TEXT},\" Sol said."),
    "c1": ("Coast Courier", "2031-05-02", BRIDGE, "The Lund bridge reopened on Friday."),
    "v1": ("Valley Post", "2031-05-02", BRIDGE, "Traffic crossed the Lund bridge on Friday."),
}


def _article(aid: str) -> Article:
    outlet, day, _story, text = PAGES[aid]
    return Article(id=aid, source_id=f"{aid}-dump", source=f"{aid}.txt", text=text,
                   outlet=outlet, published=day, published_from="header")


def _analysis(aid: str) -> Analysis:
    text = PAGES[aid][3]
    quotes: tuple[Quote, ...] = ()
    if QUOTE_TEXT in text:
        start = text.index(QUOTE_TEXT)
        quotes = (Quote(id=f"q-{aid}", article=aid, text=QUOTE_TEXT, kind="direct",
                        start=start, end=start + len(QUOTE_TEXT), sent_start=0,
                        sent_end=len(text), speaker_name="Ingrid Sol", cue="said",
                        said_on="2031-04-07", said_on_from="article date"),)
    return Analysis(article=aid, sentences=(Sentence(aid, 0, len(text)),), quotes=quotes)


def _event(eid: str, story: str, day: str, articles: tuple[str, ...]) -> Event:
    # the corpus stage's count: each page that names no outlet its own origin
    return Event(id=eid, title=f"Flood: {eid}", kind="flood", date=day, story=story,
                 articles=articles, sources=tuple(sorted(_outlet(a) for a in articles)),
                 independent_sources=len(articles))


def _outlet(aid: str) -> str:
    """How ``corpus.sources.outlet_name`` names a page's outlet in a row's ``sources``."""
    return PAGES[aid][0] or f"{UNKNOWN_PREFIX}{aid}-dump)"


FLOOD_OUTLETS = tuple(sorted(_outlet(a) for a in ("h1", "u1", "u2")))


def _row(e: Event) -> TimelineItem:
    return TimelineItem(story=e.story or "", kind="event", ref=e.id, date=e.date,
                        title=e.title, sources=e.sources,
                        independent_sources=e.independent_sources,
                        articles=e.articles, score=1.0, rank=1)


@pytest.fixture
def flood_db(tmp_path: Path) -> Path:
    path = tmp_path / "flood.db"
    events = [_event("ev-flood", FLOOD, "2031-04-07", ("h1", "u1", "u2")),
              _event("ev-bridge", BRIDGE, "2031-05-02", ("c1", "v1"))]
    with Store.open(path) as store, store.transaction():
        for aid in PAGES:
            store.upsert_article(_article(aid))
            store.save_analysis(_analysis(aid))
        store.save_stories([
            Story(FLOOD, "Vessa river floods Ostby", ("h1", "u1", "u2"), "2031-04-07",
                  "2031-04-08"),
            Story(BRIDGE, "Lund bridge reopens", ("c1", "v1"), "2031-05-02", "2031-05-02")])
        store.replace_events(events)
        store.replace_statements([Statement(
            id="st-crest", story=FLOOD, speaker=None, speaker_name="Ingrid Sol",
            said_on="2031-04-07", text=QUOTE_TEXT, kind="direct",
            quotes=("q-h1", "q-u1", "q-u2"), articles=("h1", "u1", "u2"),
            sources=FLOOD_OUTLETS, independent_sources=3, best_quote="q-h1")])
        store.replace_timeline([_row(e) for e in events])
        store.replace_key_dates([
            KeyDate(story=FLOOD, date="2031-04-07", summary="Flood: ev-flood",
                    independent_sources=3, rank=1, score=1.0),
            KeyDate(story=BRIDGE, date="2031-05-02", summary="Flood: ev-bridge",
                    independent_sources=2, rank=1, score=1.0)])
    return path


def _exported(path: Path) -> dict[str, Any]:
    """What ``storyline export --format json`` writes, read back."""
    out = io.StringIO()
    with Store.open(path, readonly=True) as store:
        FORMATS["json"](store, out)
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def _counts(row: dict[str, Any]) -> tuple[int, int]:
    return row["independent_sources"], row["sources_unnamed"]


def test_every_json_view_gives_the_pages_count_and_what_it_left_out(flood_db: Path) -> None:
    data = _exported(flood_db)
    stories = {s["id"]: s for s in data["stories"]}
    events = {e["id"]: e for e in data["events"]}
    rows = {t["ref"]: t for t in data["timeline"]}
    [statement] = data["statements"]
    # the Herald is one source; the two pages that name no outlet are left out of the count
    assert _counts(events["ev-flood"]) == (1, 2)
    assert _counts(rows["ev-flood"]) == (1, 2)
    assert _counts(statement) == (1, 2)
    assert _counts(stories[FLOOD]) == (1, 2)
    assert [_counts(k) for k in stories[FLOOD]["key_dates"]] == [(1, 2)]
    # every page names its outlet: the corpus stage's count, nothing left out
    assert _counts(events["ev-bridge"]) == (2, 0)
    assert _counts(rows["ev-bridge"]) == (2, 0)
    assert _counts(stories[BRIDGE]) == (2, 0)
    assert [_counts(k) for k in stories[BRIDGE]["key_dates"]] == [(2, 0)]
    # the new field sits next to the count it qualifies
    keys = list(events["ev-flood"])
    assert keys.index("sources_unnamed") == keys.index("independent_sources") + 1


def test_the_export_and_the_pages_say_the_same(flood_db: Path) -> None:
    with Store.open(flood_db, readonly=True) as store:
        data = export_data(store)
        page = views.story_view(store, FLOOD)
        assert page is not None
        [story] = [s for s in data["stories"] if s["id"] == FLOOD]
        assert _counts(story) == _counts(page["story"])
        assert [_counts(k) for k in story["key_dates"]] == \
            [_counts(k) for k in page["key_dates"]]
        [row] = [i for d in page["days"] for i in d["entries"]]
        assert _counts(row) == _counts({t["ref"]: t for t in data["timeline"]}[row["ref"]])
        markdown = io.StringIO()
        FORMATS["md"](store, markdown)
    assert "at least 1 independent source" in markdown.getvalue()
    assert "2 independent sources" in markdown.getvalue()  # the bridge: both outlets


def test_pages_that_all_name_no_outlet_are_one_source_at_least(tmp_path: Path) -> None:
    path = tmp_path / "unnamed.db"
    with Store.open(path) as store, store.transaction():
        for aid in ("u1", "u2"):
            store.upsert_article(_article(aid))
        store.save_stories([Story(FLOOD, "Ostby flooded", ("u1", "u2"), "2031-04-07",
                                  "2031-04-08")])
        store.replace_events([_event("ev-flood", FLOOD, "2031-04-07", ("u1", "u2"))])
    [event] = _exported(path)["events"]
    assert _counts(event) == (1, 1)


def test_a_row_whose_articles_are_not_stored_keeps_its_count(tmp_path: Path) -> None:
    path = tmp_path / "bare.db"
    with Store.open(path) as store, store.transaction():
        store.replace_events([Event(id="ev-flood", title="Flood: Ostby", kind="flood",
                                    date="2031-04-07", story=FLOOD, articles=("g1", "g2"),
                                    sources=("Norland Herald", "Coast Courier"),
                                    independent_sources=2)])
    [event] = _exported(path)["events"]
    assert _counts(event) == (2, 0)


def test_an_event_counts_only_the_outlets_it_lists_as_its_sources(tmp_path: Path) -> None:
    # The corpus stage counts the articles that give an event's day and lists only their
    # outlets; a third outlet's page that tells the reopening without its day adds none.
    path = tmp_path / "bridge.db"
    undated = Article(id="f1", source_id="f1-dump", source="f1.txt",
                      text="The Lund bridge is open again.", outlet="Fjord Times",
                      published="2031-05-09", published_from="header")
    with Store.open(path) as store, store.transaction():
        for aid in ("c1", "v1"):
            store.upsert_article(_article(aid))
        store.upsert_article(undated)
        store.replace_events([Event(
            id="ev-bridge", title="Reopening: Lund bridge", kind="opening",
            date="2031-05-02", story=BRIDGE, articles=("c1", "f1", "v1"),
            sources=("Coast Courier", "Valley Post"), independent_sources=2)])
    [event] = _exported(path)["events"]
    assert _counts(event) == (2, 0)
