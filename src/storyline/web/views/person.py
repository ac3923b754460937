"""The person page: an entity's name variants, statements, mentions over time, the events
it takes part in, and the articles and stories that name it.

An event reads as the story page draws it (``event_rows``: the story timeline's row when it
is one, ``templates/item.html``), on the person page and on the article page alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import quote

from ...analyze.events.kinds import DateFrom, is_verb_kind
from ...corpus.ranking import date_inferred
from ...corpus.statement_events import KIND as STATEMENT_KIND
from ...corpus.statement_events import event_id as statement_event_id
from ...corpus.timeline import (
    INFERRED_NOTE,
    SHARED_EVENT_NOTE,
    STATUS_LABELS,
    UNDATED_EVENT,
    undated_why,
)
from ...records import Event, TimelineItem
from ...store import Store
from ...store.web import EventKey, count_sources
from .labels import MONTHLY_DAYS, View, brief_view, day_label, highlight_link, parse_day
from .lists import paging
from .quotes import by_statement, quote_row
from .story import STATUS_MEANINGS, UNDATED_UNKNOWN

# Events an entity page lists a page at a time (``?events=N``): each row is as tall as a
# story page's, so 30 make a long screen already (a company a corpus follows may take part
# in a hundred, most of them undated).
EVENTS_PER_PAGE = 30
# What an event that is not a row of its story's timeline says beside its story: the
# editor's cut (``corpus.timeline``) left it off; it is listed here because its sentence
# names the entity (or, on the article page, is in the article).
OFF_TIMELINE = ("The story's timeline leaves off an event that names no one and no place, "
                "one that a single independent source reports undated or under a bare verb, "
                "and an announcement its speaker's statements that day already give.")


def person_view(store: Store, entity_id: str, events_page: int = 1) -> View | None:
    entity = store.entities_by_ids([entity_id]).get(entity_id)
    if entity is None:
        return None
    rows = store.quotes_by_speaker(entity_id)
    # The variants a reader meets: merged aliases plus the names each article used.
    # Written alike (case, spacing) they are one variant, shown as running text writes it
    # ("the NATO chief" before "The NATO chief"), whatever order the set iterates in.
    seen = {" ".join(entity.name.split()).casefold()}
    variants = []
    for v in sorted({*entity.aliases, *(r["speaker_name"] for r in rows if r["speaker_name"])},
                    key=lambda v: (v.casefold(), not v[:1].islower(), v)):
        if (key := " ".join(v.split()).casefold()) not in seen:
            seen.add(key)
            variants.append(v)
    quotes = by_statement([quote_row(r) for r in rows])
    by_day = store.entity_mentions_by_day(entity_id)
    # Named: every stored mention of it; articles: every article naming it (an article has
    # one publication day, so the per-day counts add up to both; the list below is a page).
    named = sum(r["mentions"] for r in by_day)
    in_articles = sum(r["articles"] for r in by_day)
    # "the NATO chief": a variant that is a description, not a name (it opens in lower case
    # or with an article); the shortest reads best beside the name ("the president" over
    # "the only president tough enough to ...")
    description = min((_lower_first(v) for v in variants
                       if v[:1].islower() or v.split(" ", 1)[0] in _ARTICLES),
                      key=lambda v: (len(v), v), default=None)
    return {"entity": {"id": entity.id, "name": entity.name, "type": entity.type,
                       "mentions": entity.mentions, "named": named, "articles": in_articles,
                       "description": description},
            "variants": variants, "quotes": quotes,
            "statements": len({r.get("statement") or r["id"] for r in rows}),
            "mentions_over_time": mentions_over_time(by_day),
            "articles": [{**brief_view(a), "mentions": a["mentions"]}
                         for a in store.entity_articles(entity_id)],
            "stories": store.entity_stories(entity_id),
            "events": entity_events(store, entity_id, events_page),
            "about": by_statement([quote_row(r) for r in store.quotes_naming(entity_id)])}


def entity_events(store: Store, entity_id: str, page: int = 1) -> View:
    """The events the entity takes part in, a page of ``EVENTS_PER_PAGE``: the dated ones
    first in date order, grouped by day, then the undated ones grouped by why they have no
    day (rows of a story's timeline first, then the best reported), each a row as its story
    page draws it."""
    found = store.events_with_participant(entity_id)
    on = store.events_on_timeline(found)
    keys = sorted(found, key=lambda e: _event_order(e, e.id in on))
    pager = paging(f"/people/{quote(entity_id, safe='')}", page, len(keys), "", {},
                   size=EVENTS_PER_PAGE, param="events")
    page_ids = [e.id for e in keys[pager["offset"]:pager["offset"] + EVENTS_PER_PAGE]]
    events = store.events_by_ids(page_ids)
    shown = event_rows(store, [events[i] for i in page_ids if i in events])
    undated: dict[str, list[View]] = {}
    for r in shown:
        if not r["day"]:
            undated.setdefault(r["undated_why"], []).append(r)
    return {"total": len(keys), "dated": sum(1 for e in keys if parse_day(e.date)),
            "pager": pager, "days": event_days([r for r in shown if r["day"]]),
            "undated": [{"why": why, "items": items} for why, items in undated.items()]}


def _event_order(e: EventKey, on_timeline: bool) -> tuple[bool, str, str, bool, int, str]:
    """Dated first by day (a month or a year on its first day, before that month's days),
    then the undated ones; within a day or among the undated, rows of a story's timeline
    first, then most independent sources; the id last, for one order."""
    day = parse_day(e.date)
    return (day is None, day.isoformat() if day else "", e.date or "", not on_timeline,
            -e.independent_sources, e.id)


def event_days(rows: list[View]) -> list[View]:
    """Dated event rows by day, in the order they come."""
    days: dict[str, list[View]] = {}
    for r in rows:
        days.setdefault(r["day"], []).append(r)
    return [{"day": day, "label": day_label(group[0]["date"]), "entries": group}
            for day, group in days.items()]


def event_rows(store: Store, events: Sequence[Event],
               mention: Mapping[str, tuple[str, int, int]] | None = None,
               rows: Mapping[str, TimelineItem] | None = None) -> list[View]:
    """Events as story-page rows (the keys ``templates/item.html`` reads), in the order
    given: each its story timeline's row when it is one (title, day, date notes, why
    undated), else the row the timeline would make of it, marked ``on_timeline`` False;
    its sources and their independent count as the story page counts them; linked to its
    sentence (``mention``: by event id, the mention to link as (article, start, end); else
    its first), and to its story. A few queries for all of them, and one per sentence.
    ``rows``: their timeline rows when the caller has read them already."""
    if not events:
        return []
    rows = store.event_timeline_rows(events) if rows is None else rows
    spans = store.event_mention_spans(e.mentions[0] for e in events
                                      if e.id not in (mention or {}) and e.mentions)
    ids = list(dict.fromkeys(a for e in events for a in e.articles))
    links = store.duplicates_touching(ids)
    kinds = {d.article: d.kind for d in links}
    briefs = store.article_briefs([*ids, *{d.canonical for d in links} - set(ids)])
    index = store.source_index(ids)
    stories = {e.id: s for e in events
               if (s := e.story or next((briefs[a]["story"] for a in e.articles
                                         if a in briefs and briefs[a]["story"]), None))}
    titles = store.story_titles(set(stories.values()))
    said = _statement_events(store, [e for e in events if e.kind == STATEMENT_KIND], stories)
    out: list[View] = []
    for e in events:
        where = (mention or {}).get(e.id) or (spans.get(e.mentions[0]) if e.mentions else None)
        where, sentence, listed = said.get(e.id, (where, None, e.id in rows))
        sources = sorted((brief_view(briefs[a], kinds) for a in e.articles if a in briefs),
                         key=lambda a: (a["published"] or "9999", a["copy_of"] is not None,
                                        a["outlet"], a["id"]))
        for a in sources:  # a copy names the outlet it came from ("wire copy of Reuters")
            original = briefs.get(a["copy_of"] or "")
            a["copy_of_outlet"] = brief_view(original)["outlet"] if original else None
        out.append(_event_row(e, rows.get(e.id), listed, store, where, sentence, sources,
                              count_sources(index, [a["id"] for a in sources], e.sources)
                              if sources else (e.independent_sources, 0),
                              stories.get(e.id), titles))
    return out


# Where a statement event is said (article, start, end), its sentence, and whether its
# statement is a timeline row.
_Said = tuple[tuple[str, int, int] | None, tuple[int, int] | None, bool]


def _statement_events(store: Store, events: Sequence[Event], stories: Mapping[str, str],
                      ) -> dict[str, _Said]:
    """Where a statement that is an event (``corpus.statement_events``: a press conference,
    an interview) is said, and whether its statement is a row of its story's timeline, by
    event id: such an event has no mention of its own; its statement's row is its item."""
    out: dict[str, _Said] = {}
    for story in sorted({stories[e.id] for e in events if e.id in stories}):
        of = {statement_event_id(s): s for s in store.statements(story)}
        shown = {t.ref for t in store.timeline(story) if t.kind == "quote"}
        for e in events:
            if (st := of.get(e.id)) is None:
                continue
            quotes = store.quotes_by_ids([st.best_quote or st.quotes[0]] if st.quotes else [])
            q = next(iter(quotes.values()), None)
            out[e.id] = ((q.article, q.start, q.end) if q else None,
                         (q.sent_start, q.sent_end) if q else None, bool(shown & set(st.quotes)))
    return out


# Words that open a description rather than a name ("The president", "A spokesman").
_ARTICLES = frozenset({"The", "A", "An"})


def _lower_first(variant: str) -> str:
    """"The president" as it reads inside a sentence: "the president"."""
    first, _, rest = variant.partition(" ")
    return f"{first.lower()} {rest}" if first in _ARTICLES and rest else variant


def mentions_over_time(rows: list[View]) -> View:
    """Mentions per day, or per month past MONTHLY_DAYS, each as a bar relative to the
    busiest; pages with no date counted apart."""
    dated = [(d, r) for r in rows if (d := parse_day(r["day"]))]
    undated = sum(r["mentions"] for r in rows if not parse_day(r["day"]))
    undated_articles = sum(r["articles"] for r in rows if not parse_day(r["day"]))
    monthly = bool(dated) and (dated[-1][0] - dated[0][0]).days > MONTHLY_DAYS
    periods: dict[str, list[int]] = {}
    for d, r in dated:
        key = d.strftime("%Y-%m") if monthly else d.isoformat()
        n = periods.setdefault(key, [0, 0])
        n[0] += r["mentions"]
        n[1] += r["articles"]
    top = max((m for m, _ in periods.values()), default=1)
    return {"per": "month" if monthly else "day", "undated": undated,
            "undated_articles": undated_articles,
            "bars": [{"period": k, "label": day_label(k), "mentions": m, "articles": a,
                      "width": max(1, round(100 * m / top))} for k, (m, a) in periods.items()]}


def _event_row(e: Event, row: TimelineItem | None, listed: bool, store: Store,
               where: tuple[str, int, int] | None, sentence: tuple[int, int] | None,
               sources: list[View],
               counted: tuple[int, int], story: str | None,
               titles: Mapping[str, str]) -> View:
    date = row.date if row else e.date
    day = d.isoformat() if (d := parse_day(date)) else None
    status = (row.status if row else None) or e.status
    title = row.title if row else e.title
    sentence = sentence or (store.sentence_at(*where) if where else None)
    return {
        # the keys the story page's rows have (``story._item_view``), for ``item.html``
        "kind": "event", "ref": e.id, "title": title, "date": date, "day": day,
        "date_notes": list(row.date_notes) if row else _date_notes(e),
        "status": status, "status_label": STATUS_LABELS.get(status or ""),
        "status_meaning": STATUS_MEANINGS.get(status or ""),
        "quote": None, "said": None, "reported_by": None, "statement": None, "news": False,
        "renderings": [], "rendering_outlets": 0, "speaker": None, "speaker_why": None,
        "outlets": list(e.sources), "sources": sources,
        "independent_sources": counted[0], "sources_unnamed": counted[1],
        "link": highlight_link(where[0], sentence, (where[1], where[2])) if where else None,
        "url_link": None, "sentence": None, "note": None,
        "undated_why": None if day else (row.undated_why or UNDATED_UNKNOWN) if row
        else undated_why(e.date_from, UNDATED_EVENT),
        # what only these pages add: the event's kind and place when its title does not
        # say them, its story and whether it is a row of that story's timeline
        "event_kind": e.kind, "kind_label": _kind_label(e.kind, title),
        "place": e.place if e.place and e.place.casefold() not in title.casefold() else None,
        "story": {"id": story, "title": titles.get(story, story),
                  "link": f"/stories/{quote(story, safe='')}"
                          + (f"#d-{day}" if listed and day else "")}
        if story else None,
        "on_timeline": listed, "off_timeline_why": None if listed else OFF_TIMELINE,
    }


def _kind_label(kind: str, title: str) -> str | None:
    """An event's kind in words ("press conference") when its title does not open with it
    and it is one of the lexicons' kinds: a verb the lexicons do not know ("roll", "choose")
    is the title's own verb and says nothing more."""
    words = kind.replace("-", " ").replace("_", " ")
    if not words or is_verb_kind(kind) or title.casefold().startswith(words.casefold()):
        return None
    return words


def _date_notes(e: Event) -> list[str]:
    """How a dated event's day was found when no source states it, as the timeline notes it
    on its rows (``corpus.timeline``): inferred from its reports' day, or from another
    article's report of the same event."""
    if not e.date:
        return []
    notes = [INFERRED_NOTE] if date_inferred(e.date_from) else []
    if DateFrom.of(e.date_from) is DateFrom.SHARED_EVENT:
        notes.append(SHARED_EVENT_NOTE)
    return notes
