"""Per-story timelines from hand-built events and quotes."""

from __future__ import annotations

from storyline.corpus.statements import group_statements
from storyline.corpus.timeline import INFERRED_NOTE, build_timeline
from storyline.events import LEAD_DATE_FROM
from storyline.records import (
    Article,
    DuplicateLink,
    Event,
    Quote,
    Story,
    TimelineItem,
)
from wordvectors import WordsEncoder


def _article(aid: str, outlet: str) -> Article:
    return Article(id=aid, source_id=aid, source=aid, text="", outlet=outlet)


def _quote(qid: str, aid: str, text: str, said_on: str | None) -> Quote:
    return Quote(id=qid, article=aid, text=text, kind="direct", start=0, end=len(text),
                 sent_start=0, sent_end=len(text), speaker_name="Anna Lindqvist",
                 speaker="E-lindqvist", said_on=said_on)


ARTICLES = [_article("a1", "Ledger"), _article("a2", "Ledger Reprints"),
            _article("a3", "Courier")]
STORY = Story(id="s1", title="Harbour talks", articles=("a1", "a2", "a3"))
LINKS = [DuplicateLink(article="a2", canonical="a1", kind="wire")]


def _timeline(events: list[Event], quotes: list[Quote]) -> list[TimelineItem]:
    statements = group_statements(quotes, ARTICLES, LINKS, [STORY], WordsEncoder())
    return build_timeline([STORY], events, statements, {q.id: q for q in quotes})


def test_rows_in_date_order_with_undated_rows_last() -> None:
    events = [
        Event(id="e2", title="Visit: Lindqvist — Oslo", kind="visit", date="2031-03-12",
              story="s1", articles=("a3",), sources=("Courier",), independent_sources=1),
        Event(id="e0", title="Meeting: Lindqvist, Brandt", kind="meeting", date=None,
              story="s1", articles=("a1",), sources=("Ledger",), independent_sources=1),
    ]
    quotes = [_quote("q1", "a1", "The harbour stays open.", "2031-03-10")]
    rows = _timeline(events, quotes)
    assert [(r.kind, r.date) for r in rows] == [
        ("quote", "2031-03-10"), ("event", "2031-03-12"), ("event", None)]
    assert rows[0].speaker == "E-lindqvist"
    assert rows[0].title.startswith("Anna Lindqvist: “The harbour")


def test_syndicated_copies_of_a_statement_are_one_row_counted_once() -> None:
    quotes = [_quote("q1", "a1", "The harbour stays open.", "2031-03-10"),
              _quote("q2", "a2", "The harbour stays open.", "2031-03-10"),
              _quote("q3", "a3", "The harbour stays open!", "2031-03-10")]
    [row] = _timeline([], quotes)
    assert row.sources == ("Courier", "Ledger", "Ledger Reprints")
    assert row.independent_sources == 2


def test_unattributed_quotes_are_not_key_statements() -> None:
    q = Quote(id="q9", article="a1", text="Rumours abound.", kind="direct", start=0, end=15,
              sent_start=0, sent_end=15)
    assert _timeline([], [q]) == []


def test_event_dated_only_by_the_lead_says_so_and_a_stated_date_does_not() -> None:
    events = [Event(id="e1", title="Launch: Orion 7", kind="launch", date="2031-03-14",
                    date_from=LEAD_DATE_FROM, story="s1", articles=("a1",),
                    mentions=("m1", "m2")),
              Event(id="e2", title="Launch: Orion 6", kind="launch", date="2031-03-14",
                    date_from="trigger", story="s1", articles=("a1",), mentions=("m1", "m3"))]
    rows = _timeline(events, [])
    titles = {r.ref: r.title for r in rows}
    assert titles == {"e1": "Launch: Orion 7" + INFERRED_NOTE, "e2": "Launch: Orion 6"}
    assert {r.ref: r.date_from for r in rows} == {"e1": LEAD_DATE_FROM, "e2": "trigger"}
