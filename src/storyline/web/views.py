"""What each page shows, as plain JSON-ready dicts built from the store.

The HTML pages, the JSON API and the report all render these same dicts, so the API is
exactly "everything the pages show". Nothing here escapes text: templates do (autoescape),
and ``json`` is inert by nature.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise
from typing import Any
from urllib.parse import quote as url_quote
from urllib.parse import urlencode, urlsplit

from ..records import Event, Quote, TimelineItem
from ..store import Store

View = dict[str, Any]

# The story page's date axis, in SVG user units (the SVG scales to the page width).
AXIS_WIDTH = 1000
AXIS_PAD = 30
_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_SAFE_SCHEMES = ("http", "https")


def safe_url(url: str | None) -> str | None:
    """The URL when it is plain http(s), else None: a crawled ``javascript:`` link stays text."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in _SAFE_SCHEMES and parts.netloc else None


def parse_day(value: str | None) -> date | None:
    """The first day a TimeML-style value covers ("2025-08", "2025-08-14T10:00"), or None."""
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def day_label(value: str | None) -> str:
    """A readable day: "14 Aug 2025", "Aug 2025" or "2025" as precise as the value is."""
    m = _DAY.match(value or "")
    d = parse_day(value)
    if not m or d is None:
        return value or "undated"
    if m[3]:
        return d.strftime("%-d %b %Y")
    return d.strftime("%b %Y") if m[2] else d.strftime("%Y")


def highlight_link(article: str, sent: tuple[int, int] | None,
                   span: tuple[int, int] | None) -> str:
    """The article page with the sentence (and the quoted span inside it) highlighted."""
    params: dict[str, int] = {}
    if sent:
        params.update(s=sent[0], e=sent[1])
    if span:
        params.update(qs=span[0], qe=span[1])
    query = f"?{urlencode(params)}" if params else ""
    return f"/articles/{url_quote(article, safe='')}{query}#hl"


# -- stories -------------------------------------------------------------------------------

def stories_view(store: Store) -> View:
    return {"stories": store.story_rows()}


def story_view(store: Store, story_id: str) -> View | None:
    rows = store.story_rows(story_id)
    if not rows:
        return None
    ctx = _ItemContext(store, store.timeline(story_id))
    items = [_item_view(store, t, ctx) for t in ctx.items]
    dated = [i for i in items if i["day"]]
    days = _group_days(dated)
    return {
        "story": rows[0],
        "days": days,
        "undated": [i for i in items if not i["day"]],
        "axis": _axis(days),
        "speakers": _speakers(items),
        "contradictions": contradictions_view(store, story_id)["contradictions"],
    }


class _ItemContext:
    """Everything the items of one timeline refer to, fetched in a few queries."""

    def __init__(self, store: Store, items: list[TimelineItem]) -> None:
        self.items = items
        self.quotes = store.quotes_by_ids(t.ref for t in items if t.kind == "quote")
        self.events = store.events_by_ids(t.ref for t in items if t.kind == "event")
        self.spans = store.event_mention_spans(m for e in self.events.values()
                                               for m in e.mentions[:1])
        sources = {s for t in items for s in t.sources}
        sources |= {q.article for q in self.quotes.values()}
        self.articles = store.article_briefs(sources)
        self.entities = store.entities_by_ids(
            {t.speaker for t in items if t.speaker} | {q.speaker for q in self.quotes.values()
                                                       if q.speaker})


def _item_view(store: Store, item: TimelineItem, ctx: _ItemContext) -> View:
    quote = ctx.quotes.get(item.ref) if item.kind == "quote" else None
    event = ctx.events.get(item.ref) if item.kind == "event" else None
    sources = list(item.sources) or ([quote.article] if quote else [])
    return {
        "kind": item.kind, "ref": item.ref, "title": item.title, "date": item.date,
        "day": (d.isoformat() if (d := parse_day(item.date)) else None),
        "quote": quote.text if quote else None,
        "speaker": _speaker(item.speaker or (quote.speaker if quote else None),
                            quote.speaker_name if quote else None, ctx),
        "sources": [_source(s, ctx.articles) for s in sources],
        "independent_sources": item.independent_sources,
        "link": _item_link(store, quote, event, ctx),
    }


def _speaker(ref: str | None, name: str | None, ctx: _ItemContext) -> View | None:
    entity = ctx.entities.get(ref or "")
    if entity:
        return {"id": entity.id, "name": entity.name}
    shown = name or ref
    return {"id": None, "name": shown} if shown else None


def _source(ref: str, articles: dict[str, View]) -> View:
    # Timeline sources are article ids; a bare outlet name (older stores) is shown as text.
    a = articles.get(ref)
    if a is None:
        return {"id": None, "outlet": ref, "title": None, "published": None, "url": None,
                "copy_of": None}
    return {"id": a["id"], "outlet": a["outlet"] or a["source_id"], "title": a["title"],
            "published": a["published"], "url": safe_url(a["url"]), "copy_of": a["duplicate_of"]}


def _item_link(store: Store, quote: Quote | None, event: Event | None,
               ctx: _ItemContext) -> str | None:
    if quote is not None:
        return highlight_link(quote.article, (quote.sent_start, quote.sent_end),
                              (quote.start, quote.end))
    if event is None or not event.mentions or event.mentions[0] not in ctx.spans:
        return None
    article, start, end = ctx.spans[event.mentions[0]]
    return highlight_link(article, store.sentence_at(article, start, end), (start, end))


def _group_days(items: list[View]) -> list[View]:
    days: dict[str, list[View]] = {}
    for i in sorted(items, key=lambda i: (i["day"], i["date"] or "")):
        days.setdefault(i["day"], []).append(i)
    out: list[View] = []
    previous: date | None = None
    for day, group in days.items():
        d = date.fromisoformat(day)
        gap = (d - previous).days if previous else None
        out.append({"day": day, "label": day_label(group[0]["date"]), "gap": gap,
                    "entries": group})
        previous = d
    return out


def _axis(days: list[View]) -> View:
    """Positions on a real date axis: points per day, ticks per month (per year when long)."""
    if not days:
        return {"points": [], "ticks": [], "width": AXIS_WIDTH}
    first, last = date.fromisoformat(days[0]["day"]), date.fromisoformat(days[-1]["day"])
    span = max((last - first).days, 1)
    inner = AXIS_WIDTH - 2 * AXIS_PAD

    def x(d: date) -> int:
        return AXIS_PAD + round(inner * (d - first).days / span)

    points = [{"x": x(date.fromisoformat(g["day"])), "day": g["day"], "label": g["label"],
               "count": len(g["entries"]), "r": min(4 + 2 * len(g["entries"]), 14)} for g in days]
    return {"points": points, "ticks": _ticks(first, last, x), "width": AXIS_WIDTH}


def _ticks(first: date, last: date, x: Any) -> list[View]:
    yearly = (last.year - first.year) * 12 + last.month - first.month > 24
    ticks: list[View] = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        d = date(y, m, 1)
        if d >= first and (not yearly or m == 1):
            ticks.append({"x": x(d), "label": d.strftime("%Y" if yearly else "%b %Y")})
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return ticks


def _speakers(items: list[View]) -> list[View]:
    seen: dict[str, View] = {}
    for i in items:
        if i["speaker"]:
            seen.setdefault(i["speaker"]["name"], i["speaker"])
    return sorted(seen.values(), key=lambda s: str(s["name"]))


# -- articles ------------------------------------------------------------------------------

def article_view(store: Store, article_id: str, sent: tuple[int, int] | None = None,
                 span: tuple[int, int] | None = None) -> View | None:
    article = store.article(article_id)
    if article is None:
        return None
    brief = store.article_briefs([article_id])[article_id]
    quotes = store.quotes_in_articles([article_id])
    copy_of = store.article_briefs([brief["duplicate_of"]] if brief["duplicate_of"] else [])
    return {
        "article": {**brief, "url": safe_url(brief["url"]), "raw_url": brief["url"],
                    "published_from": article.published_from, "dateline": article.dateline},
        "copy_of": next(iter(copy_of.values()), None),
        "segments": segments(article.text, sent, span),
        "quotes": [_quote_row(q) for q in quotes],
    }


def segments(text: str, sent: tuple[int, int] | None,
             span: tuple[int, int] | None) -> list[View]:
    """The text cut at the highlight bounds; each piece says which highlights cover it.

    Offsets come from the URL, so they are clamped to the text and ignored when reversed.
    """
    marks = [(name, r) for name, r in (("sentence", _clamp(sent, len(text))),
                                       ("quote", _clamp(span, len(text)))) if r]
    cuts = sorted({0, len(text), *(b for _, r in marks for b in r)})
    out: list[View] = []
    anchored = False
    for a, b in pairwise(cuts):
        classes = [name for name, (s, e) in marks if s <= a and b <= e]
        anchor = bool(classes) and not anchored
        anchored = anchored or anchor
        out.append({"text": text[a:b], "marks": classes, "anchor": anchor})
    return out


def _clamp(r: tuple[int, int] | None, n: int) -> tuple[int, int] | None:
    if r is None:
        return None
    s, e = max(0, min(r[0], n)), max(0, min(r[1], n))
    return (s, e) if s < e else None


def _quote_row(q: View) -> View:
    """A quote as pages list it: who, when, what, and where to read it."""
    return {
        "id": q["id"], "text": q["text"], "kind": q["kind"], "cue": q["cue"],
        "speaker": {"id": q["speaker"], "name": q["entity_name"] or q["speaker_name"]},
        "said_on": q["said_on"], "said_on_from": q["said_on_from"],
        "when": day_label(q["said_on"] or q["published"]),
        "article": {"id": q["article"], "title": q["article_title"], "outlet": q["outlet"],
                    "published": q["published"], "url": safe_url(q["url"])},
        "story": q["story"],
        "link": highlight_link(q["article"], (q["sent_start"], q["sent_end"]),
                               (q["start"], q["end"])),
    }


# -- people, outlets, contradictions, search -----------------------------------------------

def people_view(store: Store) -> View:
    return {"people": store.people_rows()}


def person_view(store: Store, entity_id: str) -> View | None:
    entity = store.entities_by_ids([entity_id]).get(entity_id)
    if entity is None:
        return None
    rows = store.quotes_by_speaker(entity_id)
    # The variants a reader meets: merged aliases plus the names each article used.
    variants = sorted({entity.name, *entity.aliases,
                       *(r["speaker_name"] for r in rows if r["speaker_name"])})
    quotes = [_quote_row(r) for r in rows]
    return {"entity": {"id": entity.id, "name": entity.name, "type": entity.type,
                       "mentions": entity.mentions}, "variants": variants, "quotes": quotes}


def outlets_view(store: Store) -> View:
    return {"outlets": store.outlet_rows()}


def outlet_view(store: Store, outlet: str) -> View | None:
    articles = store.outlet_articles(outlet)
    if not articles:
        return None
    return {"outlet": outlet,
            "articles": [{**a, "url": safe_url(a["url"])} for a in articles],
            **store.syndication(outlet)}


def contradictions_view(store: Store, story: str | None = None) -> View:
    pairs = store.story_contradictions(story)
    rows = {r["id"]: _quote_row(r) for r in store.quote_rows([x for c in pairs
                                                              for x in (c.a, c.b)])}
    return {"contradictions": [
        {"why": c.why, "kind": c.kind, "story": c.story, "a": rows.get(c.a), "b": rows.get(c.b)}
        for c in pairs]}


def search_view(store: Store, q: str = "", speaker: str = "", outlet: str = "",
                date_from: str = "", date_to: str = "") -> View:
    narrowed = bool(speaker or outlet or date_from or date_to)
    quotes = store.search_quotes(q, speaker or None, outlet or None, date_from or None,
                                 date_to or None) if (q or narrowed) else []
    articles = store.search_articles(q, outlet or None, date_from or None, date_to or None) \
        if (q or outlet or date_from or date_to) and not speaker else []
    entities = store.search_entities(q or speaker) if not (outlet or date_from or date_to) \
        else []
    return {
        "query": {"q": q, "speaker": speaker, "outlet": outlet, "from": date_from,
                  "to": date_to},
        "quotes": [_quote_row(r) for r in quotes],
        "articles": [{**a, "url": safe_url(a["url"])} for a in articles],
        "entities": entities,
    }
