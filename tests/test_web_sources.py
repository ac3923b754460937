"""One count of independent sources and one naming of outlets on every page (review RDR5 F6).

A made-up port-strike story from a newswire corpus: pages credited to a wire agency name no
outlet of their own (the agency is their outlet), one wire story was copied, and two pages
name no outlet at all. The story header, the stories list, a row, a key date, the outlets
list, an outlet's page, a person's statements and the Markdown report must all name the
wire the same way, and count as the corpus stage counts a row: copies and one agency's pages
once, and pages that name no outlet never as more sources (the count is then "at least").
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.records import (
    Analysis,
    Article,
    DuplicateLink,
    Entity,
    Event,
    Quote,
    Sentence,
    Statement,
    Story,
    TimelineItem,
)
from storyline.store import Store
from storyline.store.web import count_sources
from storyline.web.templating import independent

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from storyline.web.app import create_app

STORY, ONLY_UNNAMED = "story-strike", "story-ferry"
# id: (wire credit, outlet, day, text)
PAGES = {
    "w1": ("AP", None, "1998-03-02", "Dock workers in Rotterdam walked out on Monday, "
           "\"We will stay out until the contract is signed,\" union leader Ada Mol said."),
    "w2": ("AP", None, "1998-03-03", "The Rotterdam strike entered its second day on Tuesday "
           "as ships queued outside the port."),
    "w3": ("AP", None, "1998-03-02", "Dock workers in Rotterdam walked out on Monday, "
           "\"We will stay out until the contract is signed,\" union leader Ada Mol said."),
    "x1": ("Xinhua", None, "1998-03-02", "Port workers in Rotterdam began a strike on Monday, "
           "local media reported."),
    "h1": (None, "Harbour Herald", "1998-03-02", "Rotterdam's dockers stopped work on Monday "
           "over pay."),
    "n1": (None, None, "1998-03-02", "Rotterdam port was quiet on Monday as a strike began."),
    "n2": (None, None, "1998-03-04", "Shipping lines diverted vessels to Antwerp on Wednesday."),
    "f1": (None, None, "1998-05-10", "The ferry to Harwich was cancelled again on Sunday."),
    "f2": (None, None, "1998-05-11", "Ferry passengers waited for hours on Monday."),
}
QUOTE_TEXT = "We will stay out until the contract is signed,"


def _article(aid: str) -> Article:
    wire, outlet, day, text = PAGES[aid]
    return Article(id=aid, source_id=f"{aid.upper()}19980302.0001", source=f"{aid}.sgm",
                   text=text, title=None, outlet=outlet, wire=wire, published=day,
                   published_from="header")


def _analysis(aid: str) -> Analysis:
    text = PAGES[aid][3]
    quotes: tuple[Quote, ...] = ()
    if aid == "w1":
        start = text.index(QUOTE_TEXT)
        quotes = (Quote(id="q1", article=aid, text=QUOTE_TEXT, kind="direct", start=start,
                        end=start + len(QUOTE_TEXT), sent_start=0, sent_end=len(text),
                        speaker_name="Ada Mol", speaker_key="w1:mol", speaker="e-mol",
                        cue="said", said_on="1998-03-02", said_on_from="article date"),)
    return Analysis(article=aid, sentences=(Sentence(aid, 0, len(text)),), quotes=quotes)


def _row(ref: str, day: str, articles: tuple[str, ...], story: str = STORY) -> TimelineItem:
    return TimelineItem(story=story, kind="event", ref=ref, date=day, title=f"Strike: {ref}",
                        sources=(), independent_sources=len(articles), articles=articles)


@pytest.fixture
def strike_db(tmp_path: Path) -> Path:
    path = tmp_path / "strike.db"
    events = {"ev-walkout": ("1998-03-02", ("w1", "w3", "x1", "h1", "n1")),
              "ev-day2": ("1998-03-03", ("w2",)),
              "ev-divert": ("1998-03-04", ("n2",))}
    with Store.open(path) as store, store.transaction():
        for aid in PAGES:
            store.upsert_article(_article(aid))
            store.save_analysis(_analysis(aid))
        store.replace_entities([Entity("e-mol", "Ada Mol", "PERSON", ("Mol",), 1)])
        store.replace_duplicates([DuplicateLink("w3", "w1", "exact", 1.0)])
        strike = tuple(a for a in PAGES if not a.startswith("f"))
        store.save_stories([Story(STORY, "Rotterdam dock strike", strike, "1998-03-02",
                                  "1998-03-04"),
                            Story(ONLY_UNNAMED, "Harwich ferry cancelled", ("f1", "f2"),
                                  "1998-05-10", "1998-05-11")])
        store.replace_events([Event(id=e, title=f"Strike: {e}", kind="strike", date=day,
                                    story=STORY, articles=arts, independent_sources=len(arts))
                              for e, (day, arts) in events.items()])
        store.replace_statements([Statement(
            id="st-1", story=STORY, speaker="e-mol", speaker_name="Ada Mol",
            said_on="1998-03-02", text=QUOTE_TEXT, kind="direct", quotes=("q1",),
            articles=("w1",), sources=("AP",), independent_sources=1, best_quote="q1")])
        store.replace_timeline([_row(e, day, arts) for e, (day, arts) in events.items()]
                               + [_row("ev-ferry", "1998-05-10", ("f1", "f2"), ONLY_UNNAMED)])
    import sqlite3

    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO key_dates (story, date, summary, independent_sources, rank) "
                     "VALUES (?, '1998-03-02', 'Strike: ev-walkout', 5, 1)", (STORY,))
    conn.close()
    return path


@pytest.fixture
def client(strike_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(strike_db)) as c:
        yield c


def test_story_counts_fold_wire_pages_and_never_count_unnamed_pages(strike_db: Path) -> None:
    with Store.open(strike_db, readonly=True) as store:
        rows = {r["id"]: r for r in store.story_rows()}
        # AP (three pages, one an exact copy), Xinhua, Harbour Herald; n1, n2 name no outlet
        assert (rows[STORY]["articles"], rows[STORY]["independent_sources"],
                rows[STORY]["sources_unnamed"]) == (7, 3, 2)
        # only pages that name no outlet: one source at least, never one per page
        assert (rows[ONLY_UNNAMED]["independent_sources"],
                rows[ONLY_UNNAMED]["sources_unnamed"]) == (1, 1)
        index = store.source_index(PAGES)
        assert count_sources(index, ["w1", "w2", "w3"]) == (1, 0)
        assert count_sources(index, ["w1", "x1", "h1"]) == (3, 0)
        assert count_sources(index, ["w1", "n1", "n2"]) == (1, 2)
        # one page that names no outlet is one source, exactly
        assert count_sources(index, ["n1"]) == (1, 0)
        assert count_sources(index, ["n1", "n2"]) == (1, 1)
        assert count_sources(index, []) == (0, 0)


def test_the_outlets_list_names_what_the_story_pages_show(strike_db: Path) -> None:
    with Store.open(strike_db, readonly=True) as store:
        outlets = {r["outlet"]: r for r in store.outlet_rows()}
        assert set(outlets) == {"AP", "Xinhua", "Harbour Herald"}
        assert store.outlet_count() == 3
        assert store.unnamed_outlet_articles() == 4
        assert (outlets["AP"]["articles"], outlets["AP"]["copies"]) == (3, 1)
        assert {a["id"] for a in store.outlet_articles("AP")} == {"w1", "w2", "w3"}
        assert [q["outlet"] for q in store.quotes_by_speaker("e-mol")] == ["AP"]
        assert {a["id"] for a in store.search_articles("Rotterdam", outlet="ap")} == \
            {"w1", "w2", "w3"}


def test_pages_say_at_least_where_a_page_names_no_outlet(client: TestClient) -> None:
    home = client.get("/").text
    assert "7 articles · <span class=\"lower-bound\"" in home
    assert "at least 3 independent sources" in home
    assert "at least 1 independent source<" in home
    story = client.get(f"/stories/{STORY}").text
    assert "at least 3 independent sources" in story
    # the walkout row and its key date: AP (with its copy), Xinhua, Herald, and n1
    data = client.get(f"/api/stories/{STORY}").json()
    assert [(k["independent_sources"], k["sources_unnamed"]) for k in data["key_dates"]] == \
        [(3, 1)]
    rows = {i["ref"]: i for d in data["days"] for i in d["entries"]}
    assert (rows["ev-walkout"]["independent_sources"], rows["ev-walkout"]["sources_unnamed"]) \
        == (3, 1)
    assert (rows["ev-day2"]["independent_sources"], rows["ev-day2"]["sources_unnamed"]) == (1, 0)
    outlets = client.get("/outlets").text
    assert "No outlets yet" not in outlets and "/outlets/AP" in outlets
    assert "4 articles name no outlet" in outlets
    ap = client.get("/outlets/AP")
    assert ap.status_code == 200 and "/articles/w2" in ap.text
    person = client.get("/people/e-mol").text
    assert "outlet not named" not in person and "AP" in person


def test_independent_wording() -> None:
    assert str(independent(1)) == "1 independent source"
    assert str(independent(4, 0)) == "4 independent sources"
    html = str(independent(2, 3))
    assert "at least 2 independent sources" in html and "3 more pages" in html
