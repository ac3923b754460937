"""A small hand-written story for the web, report and export tests.

One story over two months with a wire copy, an undated statement, a contradiction, and an
article whose title, outlet, URL and text are hostile (script, HTML, SQL, ``javascript:``,
spreadsheet formulas). One reported statement has two renderings (the wire story and its
copy) and names a person who is never quoted (Per Olsen); one direct quote is a fragment
of its sentence. Offsets are computed from the text, never typed by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.records import (
    Analysis,
    Article,
    Contradiction,
    DuplicateLink,
    Entity,
    Event,
    EventMention,
    Mention,
    Quote,
    Sentence,
    Statement,
    Story,
    TimelineItem,
)
from storyline.store import Store

STORY = "story-cod"
HOSTILE_TITLE = "<script>alert('title')</script> Robert'); DROP TABLE articles;--"
HOSTILE_OUTLET = "<b>Evil</b> Outlet"
HOSTILE_URL = "javascript:alert(document.cookie)"
HOSTILE_TEXT = "<img src=x onerror=alert('text')>"
FORMULA = '=HYPERLINK("http://evil.example","click")'

TEXTS = {
    "a1": ("Fisheries ministers met in Tromsø on Tuesday to discuss the cod quota.\n\n"
           "\"We will not cut the quota this year,\" Minister Anna Berg said after the meeting.\n\n"
           "Talks continue next month."),
    "a2": ("Ministers met in Tromsø on Tuesday over the Arctic cod quota.\n\n"
           "Berg said the fleet's spokesman Per Olsen would be consulted."),
    "a3": ("Ministers met in Tromsø on Tuesday over the Arctic cod quota.\n\n"
           "Berg said the fleet's spokesman Per Olsen would be consulted."),
    "a4": (f"Inspector Lars Holm objected. {HOSTILE_TEXT}\n\n"
           f"\"{FORMULA} is what the spreadsheet said,\" Holm said."),
    "a5": ("In October the minister changed course.\n\n"
           "\"The quota will be cut by 20 percent,\" Anna Berg said.\n\n"
           "Berg called the old quota \"simply unsustainable\" in parliament."),
    "a6": "An undated note: \"Nobody asked the fishermen,\" Holm said.",
}
META = {
    "a1": ("Harbour Herald", "2025-08-12", "Cod quota stays, minister says",
           "https://herald.example/cod"),
    "a2": ("Nordic Wire", "2025-08-12", "Ministers meet on cod", "https://wire.example/1"),
    "a3": ("Coast Daily", "2025-08-13", "Ministers meet on cod", "https://coast.example/1"),
    "a4": (HOSTILE_OUTLET, "2025-09-20", HOSTILE_TITLE, HOSTILE_URL),
    "a5": ("Harbour Herald", "2025-10-02", "Minister now backs a cut",
           "https://herald.example/cut"),
    "a6": ("Coast Daily", None, "A note", None),
}


def _sentences(article: str, text: str) -> list[Sentence]:
    # Each paragraph is one sentence in these texts, except a4's first, cut at the period.
    out, pos = [], 0
    for para in text.split("\n\n"):
        start = text.index(para, pos)
        cuts = [start, start + para.index(". ") + 1] if article == "a4" and ". " in para \
            else [start]
        ends = [*cuts[1:], start + len(para)]
        out += [Sentence(article, s, e) for s, e in zip(cuts, ends, strict=True)]
        pos = start + len(para)
    return out


def _quote(qid: str, article: str, content: str, speaker_name: str, entity: str,
           said_on: str | None, kind: str = "direct") -> Quote:
    text = TEXTS[article]
    start = text.index(content)
    sent = next(s for s in _sentences(article, text) if s.start <= start < s.end)
    return Quote(id=qid, article=article, text=content, kind=kind, start=start,
                 end=start + len(content), sent_start=sent.start, sent_end=sent.end,
                 speaker_name=speaker_name, speaker_key=f"{article}:{entity}", speaker=entity,
                 cue="said", said_on=said_on, said_on_from="article date" if said_on else None)


QUOTES = [
    _quote("q1", "a1", "We will not cut the quota this year,", "Minister Anna Berg", "e-berg",
           "2025-08-12"),
    _quote("q2", "a4", f"{FORMULA} is what the spreadsheet said,", "Holm", "e-holm",
           "2025-09-20"),
    _quote("q3", "a5", "The quota will be cut by 20 percent,", "Anna Berg", "e-berg",
           "2025-10-02"),
    _quote("q4", "a6", "Nobody asked the fishermen,", "Holm", "e-holm", None),
    # One reported statement, in the wire story and in its copy: two renderings.
    _quote("q5", "a2", "the fleet's spokesman Per Olsen would be consulted", "Berg", "e-berg",
           "2025-08-12", "indirect"),
    _quote("q6", "a3", "the fleet's spokesman Per Olsen would be consulted", "Berg", "e-berg",
           "2025-08-13", "indirect"),
    # A quoted fragment: two words inside a sentence of the article's own words.
    _quote("q7", "a5", "simply unsustainable", "Berg", "e-berg", "2025-10-02"),
]
STATEMENTS = [
    Statement(id="st-fleet", story=STORY, speaker="e-berg", speaker_name="Anna Berg",
              said_on="2025-08-12", text="the fleet's spokesman Per Olsen would be consulted",
              kind="indirect", quotes=("q5", "q6"), articles=("a2", "a3"),
              sources=("Coast Daily", "Nordic Wire"), independent_sources=1, best_quote="q5"),
    *[Statement(id=f"st-{q.id}", story=STORY, speaker=q.speaker, speaker_name=q.speaker_name,
                said_on=q.said_on, text=q.text, kind=q.kind, quotes=(q.id,),
                articles=(q.article,), independent_sources=1, best_quote=q.id)
      for q in QUOTES if q.id not in ("q5", "q6")],
]


def build(store: Store) -> None:
    """Fill ``store`` with the story, through the Store API as the pipeline would."""
    with store.transaction():
        for aid, text in TEXTS.items():
            outlet, published, title, url = META[aid]
            store.upsert_article(Article(id=aid, source_id=f"src-{aid}", source=f"{aid}.txt",
                                         text=text, title=title, outlet=outlet, url=url,
                                         published=published, published_from="header"))
            store.save_analysis(_analysis(aid, text))
        store.replace_entities([
            Entity("e-berg", "Anna Berg", "PERSON", ("Minister Anna Berg", "Berg"), 4),
            Entity("e-holm", "Lars Holm", "PERSON", ("Holm",), 3),
            Entity("e-olsen", "Per Olsen", "PERSON", (), 2),
        ])
        store.replace_duplicates([DuplicateLink("a3", "a2", "wire", 0.97)])
        store.save_stories([Story(STORY, "Arctic cod quota talks", tuple(TEXTS),
                                  "2025-08-12", "2025-10-02")])
        store.replace_events([Event(
            id="ev1", title="Quota meeting in Tromsø", kind="meeting", date="2025-08-12",
            place="Tromsø", story=STORY, participants=("e-berg",),
            articles=("a1", "a2", "a3"), mentions=("em1",),
            sources=("Coast Daily", "Harbour Herald", "Nordic Wire"), independent_sources=2)])
        store.replace_contradictions([Contradiction("q1", "q3", "will not cut vs will be cut",
                                                    "polarity", STORY)])
        store.replace_statements(STATEMENTS)
        store.replace_timeline(_timeline())


def _analysis(aid: str, text: str) -> Analysis:
    quotes = tuple(q for q in QUOTES if q.article == aid)
    mentions = tuple(Mention(aid, text.index(n), text.index(n) + len(n), n, "PERSON",
                             f"{aid}:{e}", e)
                     for n, e in (("Anna Berg", "e-berg"), ("Holm", "e-holm"),
                                  ("Per Olsen", "e-olsen")) if n in text)
    events: tuple[EventMention, ...] = ()
    if aid == "a1":
        start = text.index("met")
        events = (EventMention("em1", aid, "met", "meeting", start, start + 3, "2025-08-12",
                               "dateline", None, ()),)
    return Analysis(article=aid, sentences=tuple(_sentences(aid, text)), mentions=mentions,
                    quotes=quotes, event_mentions=events)


def _row(kind: str, ref: str, date: str | None, title: str, sources: tuple[str, ...],
         independent: int, speaker: str | None) -> TimelineItem:
    # An undated row carries its reason, as corpus.timeline writes it (q4: its article a6
    # has no date, nor its sentence).
    return TimelineItem(story=STORY, kind=kind, ref=ref, date=date, title=title,
                        sources=sources, independent_sources=independent, speaker=speaker,
                        undated_why=None if date else UNDATED_WHY)


UNDATED_WHY = "no date in its sentence, and the article has no date"


def _timeline() -> list[TimelineItem]:
    # Sources are outlet names, as corpus.timeline writes them (corpus.sources.outlet_name).
    return [
        _row("event", "ev1", "2025-08-12", "Quota meeting in Tromsø",
             ("Coast Daily", "Harbour Herald", "Nordic Wire"), 2, None),
        _row("quote", "q1", "2025-08-12", "Berg: no cut this year", ("Harbour Herald",), 1,
             "e-berg"),
        _row("quote", "q2", "2025-09-20", HOSTILE_TITLE, (HOSTILE_OUTLET,), 1, "e-holm"),
        _row("quote", "q5", "2025-08-12", "Anna Berg said that the fleet would be consulted",
             ("Coast Daily", "Nordic Wire"), 1, "e-berg"),
        _row("quote", "q3", "2025-10-02", "Berg: cut by 20 percent", ("Harbour Herald",), 1,
             "e-berg"),
        _row("quote", "q7", "2025-10-02", "Berg: “simply unsustainable”", ("Harbour Herald",),
             1, "e-berg"),
        _row("quote", "q4", None, "Holm: nobody asked", ("Coast Daily",), 1, "e-holm"),
    ]


def build_file(path: Path) -> Path:
    """The story in a store file (the app and the report open stores read-only by path)."""
    with Store.open(path) as store:
        build(store)
    return path


def build_file_without_urls(path: Path) -> Path:
    """The story in a store file whose articles have no URL (pages from files, not the web)."""
    import sqlite3

    build_file(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE articles SET url = NULL")
    conn.close()
    return path


@pytest.fixture
def web_db(tmp_path: Path) -> Path:
    return build_file(tmp_path / "story.db")


# The story's key dates as the corpus step writes them (table from migration 0013_key_dates).
KEY_DATES = [("2025-08-12", "Quota meeting in Tromsø; Berg: no cut this year", 2, 1),
             ("2025-10-02", "Berg: cut by 20 percent", 1, 2)]


def add_key_dates(path: Path) -> Path:
    """Give the store's story its key dates (skips where the store has no such table)."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.executemany("INSERT INTO key_dates (story, date, summary, independent_sources, "
                             "rank) VALUES (?, ?, ?, ?, ?)",
                             [(STORY, *k) for k in KEY_DATES])
    except sqlite3.OperationalError as e:
        pytest.skip(f"this store has no key dates: {e}")
    finally:
        conn.close()
    return path
