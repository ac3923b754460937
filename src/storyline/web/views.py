"""What each page shows, as plain JSON-ready dicts built from the store.

The HTML pages, the JSON API and the report all render these same dicts, so the API is
exactly "everything the pages show". Nothing here escapes text: templates do (autoescape),
and ``json`` is inert by nature.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise
from typing import Any
from urllib.parse import quote as url_quote
from urllib.parse import urlencode, urlsplit

from ..corpus.sources import outlet_name, syndication_roots
from ..records import Article, Event, Quote, TimelineItem
from ..store import Store
from ..store.web import check_search

View = dict[str, Any]

# The story page's date axis, in SVG user units (the SVG scales to the page width).
AXIS_WIDTH = 1000
AXIS_PAD = 30
# Axis ticks: per year past two years, per month past two months, else per week, and per
# day for a fortnight or less (the labels still fit the axis width at 13px).
YEARLY_MONTHS, MONTHLY_DAYS, DAILY_DAYS = 24, 62, 14
# Undated rows fold away past this many: on real stories they can outnumber the dated ones
# (30 of 91 on the seeds) and would push the contradictions off the page.
UNDATED_OPEN_MAX = 8
# Characters of an untitled article's lead shown as its title (a line in a list).
LABEL_CHARS = 90
# A contradiction's kind (``Contradiction.kind``) in a reader's words; ``why`` says what
# the two sides say.
KIND_LABELS = {"polarity": "yes and no", "figure": "different figures"}
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


def article_label(title: str | None, lead: str | None, source_id: str) -> str:
    """What a list calls an article: its headline, else its first words, else its file."""
    if title and title.strip():
        return " ".join(title.split())
    words = " ".join((lead or "").split())
    if not words:
        return source_id
    if len(words) <= LABEL_CHARS:
        return words
    return words[:LABEL_CHARS].rsplit(" ", 1)[0] + "…"


def source_name(a: View) -> str:
    """The outlet name the corpus gives this article (``corpus.sources.outlet_name``)."""
    return outlet_name(Article(id=a["id"], source_id=a["source_id"], source="", text="",
                               outlet=a["outlet"], url=a["url"], wire=a["wire"],
                               final_url=a.get("final_url")))


def brief_view(a: View, copy_kinds: dict[str, str] | None = None) -> View:
    """An article as a source line: outlet shown (never an internal key), label, link."""
    name = source_name(a)
    return {"id": a["id"], "outlet": "unknown outlet" if name.startswith("unknown (") else name,
            "source": name, "outlet_page": a["outlet"],
            "label": article_label(a["title"], a.get("lead"), a["source_id"]),
            "title": a["title"], "published": a["published"], "url": safe_url(a["url"]),
            "wire": a["wire"], "copy_of": a["duplicate_of"],
            "copy_kind": (copy_kinds or {}).get(a["id"]),
            "language": a.get("language"), "not_analysed": a.get("not_analysed")}


# -- stories -------------------------------------------------------------------------------

def stories_view(store: Store, lang: str = "") -> View:
    """Every story, or only those with an article in language ``lang``."""
    check_search(lang, "language")
    return {"stories": store.story_rows(language=lang or None), "lang": lang,
            "languages": store.language_rows()}


def story_view(store: Store, story_id: str) -> View | None:
    rows = store.story_rows(story_id)
    if not rows:
        return None
    ctx = _ItemContext(store, story_id)
    items = [_item_view(store, t, ctx) for t in ctx.items]
    days = _group_days([i for i in items if i["day"]])
    undated = [i for i in items if not i["day"]]
    return {
        "story": rows[0],
        "days": days,
        "undated": undated,
        "undated_open": len(undated) <= UNDATED_OPEN_MAX,
        "axis": _axis(days),
        "speakers": _speakers(items),
        "sources": ctx.source_groups(),
        "contradictions": contradictions_view(store, story_id)["contradictions"],
    }


class _ItemContext:
    """Everything the items of one timeline refer to, fetched in a few queries."""

    def __init__(self, store: Store, story: str) -> None:
        self.items = store.timeline(story)
        self.quotes = store.quotes_by_ids(t.ref for t in self.items if t.kind == "quote")
        self.events = store.events_by_ids(t.ref for t in self.items if t.kind == "event")
        self.spans = store.event_mention_spans(m for e in self.events.values()
                                               for m in e.mentions[:1])
        self.links = store.story_duplicates(story)
        self.roots = syndication_roots(self.links)
        kinds = {d.article: d.kind for d in self.links}
        self.articles = {a["id"]: brief_view(a, kinds) for a in store.story_articles(story)}
        # A timeline row stands for every rendering of its statement.
        self.statements = {q: s.articles for s in store.statements(story) for q in s.quotes}
        self.entities = store.entities_by_ids(
            {t.speaker for t in self.items if t.speaker}
            | {q.speaker for q in self.quotes.values() if q.speaker})

    def item_articles(self, item: TimelineItem, quote: Quote | None,
                      event: Event | None) -> list[View]:
        """The story's articles behind a row, oldest first, originals before their copies."""
        if event is not None:
            ids = list(event.articles)
        elif quote is not None:
            ids = list(self.statements.get(quote.id, (quote.article,)))
        else:
            ids = []
        # Rows name their sources by outlet (older stores: by article id).
        ids = ids or [a for a in self.articles if a in item.sources
                      or self.articles[a]["source"] in item.sources]
        found = [self.articles[a] for a in dict.fromkeys(ids) if a in self.articles]
        return sorted(found, key=lambda a: (a["published"] or "9999", a["copy_of"] is not None,
                                            a["outlet"], a["id"]))

    def source_groups(self) -> list[View]:
        """The story's articles as wire stories: a syndication group is one source."""
        groups: dict[str, list[View]] = {}
        for a in sorted(self.articles.values(), key=lambda a: (a["published"] or "9999",
                                                              a["copy_of"] is not None, a["id"])):
            root: str = self.roots.get(a["id"]) or a["id"]
            groups.setdefault(root, []).append(a)
        return [{"wire": len(g) > 1, "articles": g,
                 "outlets": sorted({a["outlet"] for a in g})} for g in groups.values()]


def _item_view(store: Store, item: TimelineItem, ctx: _ItemContext) -> View:
    quote = ctx.quotes.get(item.ref) if item.kind == "quote" else None
    event = ctx.events.get(item.ref) if item.kind == "event" else None
    articles = ctx.item_articles(item, quote, event)
    return {
        "kind": item.kind, "ref": item.ref, "title": item.title, "date": item.date,
        "day": (d.isoformat() if (d := parse_day(item.date)) else None),
        "quote": quote.text if quote else None,
        "speaker": _speaker(item.speaker or (quote.speaker if quote else None),
                            quote.speaker_name if quote else None, ctx),
        "outlets": list(item.sources),
        "sources": [_copy_note(a, ctx.articles) for a in articles],
        "independent_sources": item.independent_sources,
        "link": _item_link(store, quote, event, ctx),
    }


def _speaker(ref: str | None, name: str | None, ctx: _ItemContext) -> View | None:
    entity = ctx.entities.get(ref or "")
    if entity:
        return {"id": entity.id, "name": entity.name}
    shown = name or ref
    return {"id": None, "name": shown} if shown else None


def _copy_note(a: View, articles: dict[str, View]) -> View:
    """A source line that names the outlet a copy came from ("translation of UNN")."""
    original = articles.get(a["copy_of"] or "")
    return {**a, "copy_of_outlet": original["outlet"] if original else None}


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
    months = (last.year - first.year) * 12 + last.month - first.month
    days = (last - first).days
    if days <= MONTHLY_DAYS:
        step = 1 if days <= DAILY_DAYS else 7
        return [{"x": x(d), "label": d.strftime("%-d %b")}
                for d in (first + timedelta(n) for n in range(0, days + 1, step))]
    yearly = months > YEARLY_MONTHS
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
    wire = _wire_groups(store, [article_id])
    kind = next((a["copy_kind"] for g in wire for a in g["articles"] if a["id"] == article_id),
                None)
    return {
        "article": {**brief_view(brief), "copy_kind": kind, "source_id": brief["source_id"],
                    "story": brief["story"], "raw_url": brief["url"],
                    "published_from": article.published_from, "dateline": article.dateline,
                    "language": article.language, "not_analysed": brief["not_analysed"]},
        "copy_of": next((brief_view(c) for c in copy_of.values()), None),
        "wire_stories": wire,
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
        "when": _when(q["said_on"], q["published"]),
        "article": {"id": q["article"], "title": q["article_title"], "outlet": q["outlet"],
                    "label": article_label(q["article_title"], q["article_lead"],
                                           q["article_source_id"]),
                    "published": q["published"], "url": safe_url(q["url"])},
        "story": q["story"],
        "link": highlight_link(q["article"], (q["sent_start"], q["sent_end"]),
                               (q["start"], q["end"])),
    }


def _when(said_on: str | None, published: str | None) -> str:
    """When it was said; the article's date, marked so, when the statement has none."""
    if said_on:
        return day_label(said_on)
    return f"{day_label(published)} (article date)" if published else "undated"


# -- people, outlets, contradictions, search -----------------------------------------------

def people_view(store: Store) -> View:
    return {"people": store.people_rows()}


def person_view(store: Store, entity_id: str) -> View | None:
    entity = store.entities_by_ids([entity_id]).get(entity_id)
    if entity is None:
        return None
    rows = store.quotes_by_speaker(entity_id)
    # The variants a reader meets: merged aliases plus the names each article used.
    variants = sorted({*entity.aliases, *(r["speaker_name"] for r in rows if r["speaker_name"])}
                      - {entity.name}, key=str.casefold)
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
            "wires": sorted({a["wire"] for a in articles if a["wire"]}),
            "articles": [brief_view(a) for a in articles],
            "wire_stories": _wire_groups(store, [a["id"] for a in articles]),
            **store.syndication(outlet)}


def _wire_groups(store: Store, ids: list[str]) -> list[View]:
    """The syndication groups these articles belong to, each with all of its members.

    Two steps reach every member: the links of these articles give their originals, and the
    originals' links give the sibling copies (links point from a copy to its original).
    """
    links = store.duplicates_touching(ids)
    links += store.duplicates_touching({d.canonical for d in links} - set(ids))
    roots = syndication_roots(links)
    kinds = {d.article: d.kind for d in links}
    briefs = store.article_briefs(roots)
    groups: dict[str, list[View]] = {}
    for aid in sorted(briefs, key=lambda i: (roots[i] != i, briefs[i]["published"] or "", i)):
        groups.setdefault(roots[aid], []).append(brief_view(briefs[aid], kinds))
    return [{"articles": g, "outlets": sorted({a["outlet"] for a in g})}
            for _, g in sorted(groups.items())]


def contradictions_view(store: Store, story: str | None = None) -> View:
    pairs = store.story_contradictions(story)
    rows = {r["id"]: _quote_row(r) for r in store.quote_rows([x for c in pairs
                                                              for x in (c.a, c.b)])}
    return {"contradictions": [
        {"why": c.why, "reason": c.why or KIND_LABELS.get(c.kind, c.kind),
         "kind": KIND_LABELS.get(c.kind, c.kind), "story": c.story,
         "a": rows.get(c.a), "b": rows.get(c.b)}
        for c in pairs]}


def search_view(store: Store, q: str = "", speaker: str = "", outlet: str = "",
                date_from: str = "", date_to: str = "", lang: str = "") -> View:
    """Quotes, articles and people matching; ``ConfigError`` when a field is over the limits
    (``store.web.MAX_QUERY_TERMS`` words, ``MAX_QUERY_CHARS`` characters)."""
    for value, what in ((q, "search"), (speaker, "speaker"), (outlet, "outlet"),
                        (date_from, "from date"), (date_to, "to date"), (lang, "language")):
        check_search(value, what)
    narrowed = bool(speaker or outlet or date_from or date_to or lang)
    quotes = store.search_quotes(q, speaker or None, outlet or None, date_from or None,
                                 date_to or None, language=lang or None) \
        if (q or narrowed) else []
    articles = store.search_articles(q, outlet or None, date_from or None, date_to or None,
                                     language=lang or None) \
        if (q or outlet or date_from or date_to or lang) and not speaker else []
    entities = store.search_entities(q or speaker) \
        if not (outlet or date_from or date_to or lang) else []
    return {
        "query": {"q": q, "speaker": speaker, "outlet": outlet, "from": date_from,
                  "to": date_to, "lang": lang},
        "languages": store.language_rows(),
        "quotes": [_quote_row(r) for r in quotes],
        "articles": [{**brief_view(a), "snippet": a["snippet"]} for a in articles],
        "entities": entities,
    }
