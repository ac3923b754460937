"""Events on the person (entity) page and the article page: each event a row as the story
page draws it, with its story, on the hand-made cod-quota story plus a few events the
story's timeline left off (a planned cut nobody dated, a vote dated by its report's day).
"""

from __future__ import annotations

import re
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.corpus.statement_events import event_id as statement_event_id
from storyline.records import Event
from storyline.store import Store
from storyline.web import views
from storyline.web.views import person
from webdata import STORY, TEXTS, web_db  # noqa: F401

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from storyline.web.app import create_app

# The cod story's own event (ev1, a timeline row) and three more: a planned cut with no day,
# a vote dated by its report's day (in Oslo, which its title does not name), and an event
# whose only participant's id holds Berg's ("e-berg" inside "e-bergen"): never hers.
EXTRA = [
    ("ev-cut", "Quota cut: Anna Berg", "cut", None, None, None, "planned", ("e-berg",),
     "a5", "changed course"),
    ("ev-vote", "Parliament vote on the quota", "vote", "2025-10-02",
     "inferred: lead event reported as the day's news", "Oslo", "happened",
     ("e-berg", "e-holm"), "a5", "in parliament"),
    ("ev-port", "Bergen harbour reopens", "opening", "2025-08-13", "trigger", None, "happened",
     ("e-bergen",), "a3", "Ministers met"),
]


def _add_events(path: Path) -> Path:
    with Store.open(path) as store, store.transaction():
        events = list(store.events())
        for eid, title, kind, date, date_from, place, status, who, article, _words in EXTRA:
            events.append(Event(id=eid, title=title, kind=kind, date=date, date_from=date_from,
                                place=place, story=STORY, participants=who, articles=(article,),
                                mentions=(f"m-{eid}",), sources=("Harbour Herald",),
                                independent_sources=1, status=status))
        store.replace_events(events)
    conn = sqlite3.connect(path)
    with conn:
        for eid, _, kind, date, date_from, place, *_rest, article, words in EXTRA:
            start = TEXTS[article].index(words)
            conn.execute('INSERT INTO event_mentions (id, article, trigger, kind, start, "end", '
                         "date, date_from, place) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (f"m-{eid}", article, words, kind, start, start + len(words), date,
                          date_from, place))
    conn.close()
    return path


@pytest.fixture
def db(web_db: Path) -> Path:  # noqa: F811
    return _add_events(web_db)


@pytest.fixture
def ro(db: Path) -> Iterator[Store]:
    with Store.open(db, readonly=True) as s:
        yield s


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def _rows(view: dict[str, Any]) -> list[dict[str, Any]]:
    ev = view["events"]
    return [i for d in ev["days"] for i in d["entries"]] + \
        [i for g in ev["undated"] for i in g["items"]]


def test_entity_page_lists_its_events_dated_first_then_undated(ro: Store) -> None:
    view = views.person_view(ro, "e-berg")
    assert view is not None
    rows = _rows(view)
    # her three events; Bergen's harbour (participant "e-bergen") is not hers
    assert [r["ref"] for r in rows] == ["ev1", "ev-vote", "ev-cut"]
    assert view["events"]["total"] == 3 and view["events"]["dated"] == 2
    assert [d["label"] for d in view["events"]["days"]] == ["12 Aug 2025", "2 Oct 2025"]
    cut = rows[2]
    assert cut["day"] is None and cut["status_label"] == "planned"
    assert cut["undated_why"] == (
        "no time expression dates it, and its reports do not say when it happened")
    assert [g["why"] for g in view["events"]["undated"]] == [cut["undated_why"]]
    holm = views.person_view(ro, "e-holm")
    assert holm is not None and [r["ref"] for r in _rows(holm)] == ["ev-vote"]
    olsen = views.person_view(ro, "e-olsen")
    assert olsen is not None and olsen["events"]["total"] == 0


def test_an_event_reads_as_its_story_row_says_it(ro: Store) -> None:
    story = views.story_view(ro, STORY)
    assert story is not None
    row = next(i for d in story["days"] for i in d["entries"] if i["ref"] == "ev1")
    view = views.person_view(ro, "e-berg")
    assert view is not None
    mine = _rows(view)[0]
    for key in ("title", "day", "status_label", "independent_sources", "sources_unnamed", "link",
                "date_notes"):
        assert mine[key] == row[key], key
    assert [s["id"] for s in mine["sources"]] == [s["id"] for s in row["sources"]]
    assert mine["on_timeline"] and mine["story"] == {
        "id": STORY, "title": "Arctic cod quota talks", "link": f"/stories/{STORY}#d-2025-08-12"}


def test_an_event_off_its_timeline_says_so_and_how_its_day_was_found(ro: Store) -> None:
    view = views.person_view(ro, "e-berg")
    assert view is not None
    vote = _rows(view)[1]
    assert not vote["on_timeline"] and vote["off_timeline_why"]
    assert vote["date_notes"] == ["date inferred: the day it was reported"]
    # its place is not in its title, so the row names it; its kind is a verb: no label
    assert vote["place"] == "Oslo" and vote["kind_label"] is None
    start = TEXTS["a5"].index("in parliament")
    sentence = TEXTS["a5"].rindex("\n\n") + 2
    assert vote["link"] == (f"/articles/a5?s={sentence}&e={len(TEXTS['a5'])}"
                            f"&qs={start}&qe={start + len('in parliament')}#hl")
    assert vote["story"]["link"] == f"/stories/{STORY}"


def test_entity_events_page_by_their_own_parameter(ro: Store,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(person, "EVENTS_PER_PAGE", 2)
    first = views.person_view(ro, "e-berg")
    second = views.person_view(ro, "e-berg", events_page=2)
    assert first is not None and second is not None
    assert [r["ref"] for r in _rows(first)] == ["ev1", "ev-vote"]
    assert [r["ref"] for r in _rows(second)] == ["ev-cut"]
    assert first["events"]["pager"]["next"] == "/people/e-berg?events=2"
    assert second["events"]["pager"]["prev"] == "/people/e-berg?events=1"
    # the other lists of the page do not move
    assert first["quotes"] == second["quotes"]


def test_person_page_shows_an_events_section_with_story_links(client: TestClient) -> None:
    html = client.get("/people/e-berg").text
    assert 'href="#events">3 events</a>' in html
    section = html.split('id="events"')[1].split("</section>\n</section>")[0]
    assert "Events Anna Berg takes part in" in section
    assert section.index("Quota meeting in Tromsø") < section.index("Parliament vote") \
        < section.index("Quota cut: Anna Berg")
    assert f'href="/stories/{STORY}#d-2025-08-12"' in section
    assert "(not on its timeline)" in section and "at Oslo" in section
    assert 'class="status-mark"' in section and "Why undated:" in section
    assert "2 independent sources" in section
    holm = client.get("/people/e-olsen").text
    assert 'id="events"' not in holm


def test_article_page_lists_the_events_its_sentences_give(client: TestClient,
                                                          ro: Store) -> None:
    view = views.article_view(ro, "a5")
    assert view is not None
    # in text order, each linked to its sentence in this article
    assert [e["ref"] for e in view["events"]] == ["ev-cut", "ev-vote"]
    assert all(e["link"].startswith("/articles/a5?") for e in view["events"])
    html = client.get("/articles/a5").text
    section = html.split('id="events"')[1]
    assert section.index("Quota cut: Anna Berg") < section.index("Parliament vote")
    assert "undated" in section and "2 Oct 2025" in section
    a1 = views.article_view(ro, "a1")
    assert a1 is not None and [e["ref"] for e in a1["events"]] == ["ev1"]
    a1_html = client.get(a1["events"][0]["link"]).text
    assert re.search(r'<mark class="sentence" id="hl">Fisheries ', a1_html)
    # an article none of whose sentences gives an event has no such section
    assert 'id="events"' not in client.get("/articles/a6").text
    assert (views.article_view(ro, "a6") or {})["events"] == []


def test_a_statement_that_is_news_links_to_its_words_and_its_row(db: Path) -> None:
    # corpus.statement_events: Berg's "no cut" statement as an event of its day (a press
    # conference, say); it has no mention of its own: its statement's row is its item.
    with Store.open(db) as store, store.transaction():
        st = next(s for s in store.statements(STORY) if s.id == "st-q1")
        store.replace_events([*store.events(), Event(
            id=statement_event_id(st), title="Anna Berg said the quota stays", kind="statement",
            date="2025-08-12", date_from="trigger", story=STORY, participants=("e-berg",),
            articles=("a1",), sources=("Harbour Herald",), independent_sources=1)])
    with Store.open(db, readonly=True) as ro:
        view = views.person_view(ro, "e-berg")
        assert view is not None
        row = next(r for r in _rows(view) if r["ref"] == statement_event_id(st))
        q1 = next(i for d in (views.story_view(ro, STORY) or {})["days"]
                  for i in d["entries"] if i["ref"] == "q1")
        assert row["link"] == q1["link"]
        assert row["on_timeline"] and row["story"]["link"] == f"/stories/{STORY}#d-2025-08-12"
