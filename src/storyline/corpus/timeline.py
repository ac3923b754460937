"""One timeline per story: its events and key statements in date order, each with support.

A statement (``corpus.statements``: one utterance, however many quotes render it) is one
row whose sources are all the outlets that carry it; its independent-source count folds
syndicated copies (``corpus.sources``). Rows
with no resolvable date keep ``date=None`` and sort after the dated ones: they are shown
apart. The one exception, a lead event dated to its article's publication day (see
``events``), says so in its row's title.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..events import LEAD_DATE_FROM
from ..records import Event, Quote, Statement, Story, TimelineItem

# Characters of a statement shown in its row's title; the full text is one click away.
TITLE_CHARS = 120
# Appended to the title of an event row whose date is the publication day of its reports.
INFERRED_NOTE = " (date inferred: the day it was reported)"


def build_timeline(stories: Sequence[Story], events: Sequence[Event],
                   statements: Sequence[Statement], quotes: Mapping[str, Quote],
                   ) -> list[TimelineItem]:
    """Timeline rows of every story: dated rows in date order, then the undated ones.

    ``quotes`` maps quote ids to quotes: a statement's row shows its best rendering.
    """
    rows: list[TimelineItem] = []
    for story in stories:
        members = set(story.articles)
        rows.extend(_event_row(story.id, e) for e in events
                    if e.story == story.id or (e.story is None and members & set(e.articles)))
        rows.extend(_statement_row(story.id, s, quotes) for s in statements
                    if s.story == story.id and _attributed(s))
    return sorted(rows, key=lambda r: (r.story, r.date is None, r.date or "", r.kind, r.ref))


def _event_row(story: str, e: Event) -> TimelineItem:
    # A date only the lead inference gives is marked, never shown as a reported one.
    title = e.title + INFERRED_NOTE if e.date_from == LEAD_DATE_FROM else e.title
    return TimelineItem(story=story, kind="event", ref=e.id, date=e.date, title=title,
                        date_from=e.date_from, sources=e.sources,
                        independent_sources=e.independent_sources)


def _attributed(s: Statement) -> bool:
    """A key statement has someone saying it; unattributed snippets are not timeline rows."""
    return bool(s.speaker or s.speaker_name)


def _statement_row(story: str, s: Statement, quotes: Mapping[str, Quote]) -> TimelineItem:
    best = quotes.get(s.best_quote or "") or quotes[s.quotes[0]]
    dated = next((q for q in map(quotes.get, s.quotes)
                  if q is not None and q.said_on and q.said_on[:10] == s.said_on), None)
    return TimelineItem(story=story, kind="quote", ref=best.id, date=s.said_on,
                        date_from=dated.said_on_from if dated else None,
                        title=_quote_title(s.speaker_name, s.text), sources=s.sources,
                        independent_sources=s.independent_sources,
                        speaker=s.speaker or s.speaker_name)


def _quote_title(speaker: str | None, text: str) -> str:
    """'Lavrov: “No meeting is planned”'."""
    text = " ".join(text.split())
    if len(text) > TITLE_CHARS:
        text = text[:TITLE_CHARS - 1] + "…"
    return f"{speaker or 'Unnamed'}: “{text}”"
