"""One timeline per story: its events and key statements in date order, each with support.

A statement reprinted by syndicated copies is one row whose sources are all the outlets
that carry it; its independent-source count folds the copies (``corpus.sources``). Rows
with no resolvable date keep ``date=None`` and sort after the dated ones: they are shown
apart. The one exception, a lead event dated to its article's publication day (see
``events``), says so in its row's title.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..events import LEAD_DATE_FROM
from ..records import ArticleMeta, DuplicateLink, Event, Quote, Story, TimelineItem
from .sources import SourceIndex

# Characters of a statement shown in its row's title; the full text is one click away.
TITLE_CHARS = 120
# Appended to the title of an event row whose date is the publication day of its reports.
INFERRED_NOTE = " (date inferred: the day it was reported)"
_WORD = re.compile(r"\w+")


def build_timeline(stories: Sequence[Story], events: Sequence[Event], quotes: Sequence[Quote],
                   articles: Sequence[ArticleMeta], links: Sequence[DuplicateLink]
                   ) -> list[TimelineItem]:
    """Timeline rows of every story: dated rows in date order, then the undated ones."""
    index = SourceIndex.build(articles, links)
    rows: list[TimelineItem] = []
    for story in stories:
        members = set(story.articles)
        rows.extend(_event_row(story.id, e) for e in events
                    if e.story == story.id or (e.story is None and members & set(e.articles)))
        story_quotes = [q for q in quotes if q.article in members and _attributed(q)]
        rows.extend(_quote_row(story.id, group, index) for group in _statement_groups(story_quotes))
    return sorted(rows, key=lambda r: (r.story, r.date is None, r.date or "", r.kind, r.ref))


def _event_row(story: str, e: Event) -> TimelineItem:
    # A date only the lead inference gives is marked, never shown as a reported one.
    title = e.title + INFERRED_NOTE if e.date_from == LEAD_DATE_FROM else e.title
    return TimelineItem(story=story, kind="event", ref=e.id, date=e.date, title=title,
                        date_from=e.date_from, sources=e.sources,
                        independent_sources=e.independent_sources)


def _attributed(q: Quote) -> bool:
    """A key statement has someone saying it; unattributed snippets are not timeline rows."""
    return bool(q.speaker or q.speaker_name)


def statement_key(q: Quote) -> tuple[str, str]:
    """Who said it and its words: copies of one statement share this key."""
    who = q.speaker or (q.speaker_name or "").casefold()
    return who, " ".join(_WORD.findall(q.text.casefold()))


def _statement_groups(quotes: Iterable[Quote]) -> list[list[Quote]]:
    groups: dict[tuple[str, str], list[Quote]] = {}
    for q in sorted(quotes, key=lambda q: (q.article, q.start, q.id)):
        groups.setdefault(statement_key(q), []).append(q)
    return list(groups.values())


def _quote_row(story: str, group: Sequence[Quote], index: SourceIndex) -> TimelineItem:
    dates = Counter(q.said_on[:10] for q in group if q.said_on)
    date = min(dates, key=lambda d: (-dates[d], d)) if dates else None
    first = min(group, key=lambda q: (q.said_on is None, q.article, q.start))
    sources, independent = index.independent(sorted({q.article for q in group}))
    dated = next((q for q in group if q.said_on and q.said_on[:10] == date), None)
    return TimelineItem(story=story, kind="quote", ref=first.id, date=date,
                        date_from=dated.said_on_from if dated else None,
                        title=_quote_title(first), sources=tuple(sources),
                        independent_sources=independent,
                        speaker=first.speaker or first.speaker_name)


def _quote_title(q: Quote) -> str:
    """'Lavrov: “No meeting is planned”'."""
    text = " ".join(q.text.split())
    if len(text) > TITLE_CHARS:
        text = text[:TITLE_CHARS - 1] + "…"
    return f"{q.speaker_name or 'Unnamed'}: “{text}”"
