"""The story page: its timeline rows (statements and events, each with its speaker,
sources and source sentence), grouped by day on a date axis, undated rows by reason,
its sources as wire stories and its contradictions.

The rows' quotes, events, articles and statements are fetched in a few queries per page
(``_ItemContext``), not per row.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Set
from datetime import date, timedelta

from ...corpus.sources import syndication_roots
from ...corpus.statement_events import event_id as statement_event_id
from ...corpus.timeline import (
    STATUS_LABELS,
    common_words,
    described_speaker,
)
from ...records import Entity, Event, Quote, Statement, TimelineItem
from ...store import Store
from ...store.web import count_sources
from .contradictions import contradictions_view
from .labels import (
    DAILY_DAYS,
    MONTHLY_DAYS,
    YEARLY_MONTHS,
    View,
    article_label,
    brief_view,
    day_label,
    highlight_link,
    outlet_label,
    parse_day,
    sentence_note,
    text_fragment_url,
)
from .quotes import (
    SPEAKER_BY_LABELS,
    SPEAKER_BY_MEANINGS,
    described_view,
    unattributed_why,
    when_said,
)
from .speech import said

# The story page's date axis, in SVG user units (the SVG scales to the page width).
AXIS_WIDTH = 1000
AXIS_PAD = 30
# A dated row more than this many days before the story's first article (or after its last)
# is history the articles recall, or a date far ahead they name, not the story's own course:
# it is listed apart and does not set the date axis, which would squeeze the story's days
# into one tick (a story of 2000 with a 1956 landing beside five months of 2000, with
# "15739 days later" between them). How chosen: on the 11 eval stores the rows dated before
# their story's first article lie 1 to 242 days before it (a story's lead-up: the calls of
# July 2019 in a story reported that autumn) or 446 days and more (1949, 1956, 2001, 2003
# recalled in stories of 1989, 2000, 2019, 2008); a year lies between the two.
OUTSIDE_SPAN_DAYS = 365
# The story page's speaker line, by entity type (spaCy's labels and WikiNER's PER): who
# is a person, what is an organisation or a place, in that order; the rest after them.
_OTHERS = "Groups and others"
SPEAKER_GROUPS = {"PERSON": "People", "PER": "People", "ORG": "Organisations",
                  "GPE": "Places", "LOC": "Places", "FAC": "Places", "NORP": _OTHERS}
# What an undated row stored before the timeline kept its reason says instead (``storyline
# run`` rebuilds the timeline, and with it every row's reason).
UNDATED_UNKNOWN = "no reason recorded: the timeline was built by an older version"
# What the mark beside an event that did not (yet) happen (``TimelineItem.status``) means,
# as its tooltip says it: a plan or a denial is never read as a plain event.
STATUS_MEANINGS = {
    "planned": "Not an event that took place: the reports speak of it as planned, announced "
               "or expected.",
    "hypothetical": "Not an event that took place: the reports speak of it only as a "
                    "possibility (if, should, could).",
    "negated": "Not an event that took place: the reports say it did not happen, is not "
               "planned, or deny it.",
}


def story_view(store: Store, story_id: str) -> View | None:
    rows = store.story_rows(story_id)
    if not rows:
        return None
    ctx = _ItemContext(store, story_id)
    items = [_item_view(store, t, ctx) for t in ctx.items]
    earlier, own, later = _by_span([i for i in items if i["day"]], rows[0]["first"],
                                   rows[0]["last"])
    days = _group_days(own)
    undated = [i for i in items if not i["day"]]
    return {
        "story": rows[0],
        # Articles with no publication day: the span above is only the dated ones'.
        "undated_articles": sum(1 for a in ctx.articles.values() if not a["published"]),
        "key_dates": [{**k, "label": day_label(k["date"]), "day": k["date"][:10],
                       **ctx.day_sources(k)} for k in store.story_key_dates(story_id)],
        "days": days,
        # Dated rows far outside the articles' span (``OUTSIDE_SPAN_DAYS``): listed apart,
        # off the axis, without the gaps between them.
        "earlier": _group_days(earlier, gaps=False),
        "later": _group_days(later, gaps=False),
        "outside_span_days": OUTSIDE_SPAN_DAYS,
        "undated": undated,
        "undated_groups": _by_reason(undated),
        "axis": _axis(days),
        "speakers": (speakers := _speakers(items)),
        "speaker_groups": _speaker_groups(speakers, ctx.entities),
        "sources": ctx.source_groups(),
        "contradictions": contradictions_view(store, story_id,
                                              ctx.statement_list)["contradictions"],
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
        self.statement_list = store.statements(story)
        self.statement_of = {q: s for s in self.statement_list for q in s.quotes}
        # Statements that are events of the story too (corpus.statement_events: an interview,
        # a press conference): still one row each, marked as such.
        event_of = {statement_event_id(self.statement_of[t.ref]): self.statement_of[t.ref].id
                    for t in self.items if t.kind == "quote" and t.ref in self.statement_of}
        self.news = {event_of[e] for e in store.events_by_ids(event_of)}
        self.statements = {q: s.articles for q, s in self.statement_of.items()}
        shown = {q for t in self.items if t.kind == "quote"
                 for q in (self.statement_of[t.ref].quotes if t.ref in self.statement_of
                           else (t.ref,))}
        # A statement may also be reported by articles of another story: its row names them
        # too, so that its independent-source count matches the sources it lists.
        elsewhere = {a for s in self.statement_list for a in s.articles} - self.articles.keys()
        kinds.update({d.article: d.kind for d in store.duplicates_touching(elsewhere)
                      if d.article in elsewhere})
        self.elsewhere = {i: {**brief_view(b, kinds), "other_story": b["story"]}
                          for i, b in store.article_briefs(elsewhere).items()}
        # Every count a page shows, from one index: ``store.web.count_sources``.
        self.index = store.source_index([*self.articles, *self.elsewhere])
        self.renderings = {r["id"]: r for r in store.quote_rows(shown)}
        self.sentences = {q: r["sentence"] or "" for q, r in self.renderings.items()}
        # Words the story writes in lower case: its statements and their sentences.
        self.common = common_words([*(s.text for s in self.statement_list),
                                    *self.sentences.values()])
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
        found = [known for a in dict.fromkeys(ids)
                 if (known := self.articles.get(a) or self.elsewhere.get(a))]
        return sorted(found, key=lambda a: (a["other_story"] is not None,
                                            a["published"] or "9999", a["copy_of"] is not None,
                                            a["outlet"], a["id"]))

    def sources(self, ids: Iterable[str], stored: int, outlets: Collection[str] = ()) -> View:
        """A row's independent sources (``count_sources``: pages that name no outlet never
        add to it and make it a lower bound); the stored count when no article is known.
        Only the articles of the ``outlets`` a row lists as its sources count, where any
        does: an event's are those that give its day (the export counts the same)."""
        ids = list(ids)
        if not ids:
            return {"independent_sources": stored, "sources_unnamed": 0}
        count, unnamed = count_sources(self.index, ids, outlets)
        return {"independent_sources": count, "sources_unnamed": unnamed}

    def day_sources(self, key_date: View) -> View:
        """A key date's independent sources, over all of its day's rows' articles, as
        ``corpus.key_dates`` takes them (dated rows, statements only when a speaker is named
        for them)."""
        day = key_date["date"][:10]
        return self.sources((a for t in self.items if t.date and t.date[:10] == day
                             and (t.kind != "quote" or t.speaker) for a in t.articles),
                            key_date["independent_sources"])

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
    statement = ctx.statement_of.get(item.ref) if quote else None
    where = _event_where(store, event, ctx)
    day = d.isoformat() if (d := parse_day(item.date)) else None
    return {
        "kind": item.kind, "ref": item.ref, "title": item.title, "date": item.date,
        "day": day, "date_notes": list(item.date_notes),
        # An event that did not (yet) happen: its status, the mark's words and meaning.
        "status": item.status,
        "status_label": STATUS_LABELS.get(item.status or ""),
        "status_meaning": STATUS_MEANINGS.get(item.status or ""),
        "quote": quote.text if quote else None,
        "said": said(quote, ctx.sentences.get(quote.id), ctx.common) if quote else None,
        "reported_by": quote.reported_by if quote else None,
        "statement": statement.id if statement else None,
        "news": statement is not None and statement.id in ctx.news,
        "renderings": (renderings := [_rendering(ctx.renderings[q], ctx.sentences.get(q),
                                                 ctx.common)
                                      for q in (statement.quotes if statement else ())
                                      if q in ctx.renderings]),
        "rendering_outlets": len({r["outlet"] for r in renderings}),
        "speaker": (who := _speaker(item.speaker or (quote.speaker if quote else None),
                                    quote.speaker_name if quote else None, ctx,
                                    quote.speaker_from if quote else None)
                    or _described(quote, statement, ctx)),
        # A statement nobody is named or described for says why, in its tooltip.
        "speaker_why": unattributed_why(quote)
        if quote and who is None and not quote.reported_by else None,
        "outlets": list(item.sources),
        "sources": [_copy_note(a, ctx.articles) for a in articles],
        **ctx.sources([a["id"] for a in articles], item.independent_sources, item.sources),
        "link": _item_link(quote, where),
        "url_link": _url_link(quote, event, where, articles, ctx),
        "sentence": _source_sentence(where, ctx),
        "note": _note(ctx.renderings[quote.id], ctx.sentences.get(quote.id))
        if quote and quote.id in ctx.renderings else None,
        # Why an undated row has no day: the timeline step's reason (a row stored before
        # it kept one says so).
        "undated_why": None if day else item.undated_why or UNDATED_UNKNOWN,
    }


def _rendering(r: View, sentence: str | None, common: Set[str] = frozenset()) -> View:
    """One rendering of a statement: its outlet, its wording, where its sentence is."""
    where = _where_said(r)
    return {"id": r["id"], "outlet": where["outlet"], "label": where["label"],
            "said": said(r, sentence, common), "when": where["when"],
            "link": highlight_link(r["article"], (r["sent_start"], r["sent_end"]),
                                   (r["start"], r["end"])),
            "url": text_fragment_url(r["url"], sentence),
            "note": _note(r, sentence, where)}


def _where_said(r: View) -> dict[str, str]:
    """A rendering's outlet, article label and day, as its row and its note name them."""
    return {"outlet": outlet_label(r["outlet"], r["article_source_id"]),
            "label": article_label(r["article_title"], r["article_lead"],
                                   r["article_source_id"]),
            "when": when_said(r["said_on"])}


def _note(r: View, sentence: str | None, where: dict[str, str] | None = None) -> View | None:
    """A rendering's sentence as the report's note on it (``sentence_note``)."""
    return sentence_note(f"src-{r['id']}", sentence,
                         (int(r["start"]) - int(r["sent_start"]),
                          int(r["end"]) - int(r["sent_start"])),
                         where or _where_said(r))


def _url_link(quote: Quote | None, event: Event | None, where: _Where | None,
              articles: list[View], ctx: _ItemContext) -> str | None:
    if quote is not None:
        url = ctx.renderings.get(quote.id, {}).get("url")
        return text_fragment_url(url, ctx.sentences.get(quote.id))
    if where is not None and (a := ctx.articles.get(where.article)) and a["url"]:
        return text_fragment_url(a["url"], where.text)
    return next((a["url"] for a in articles if a["url"]), None)


def _speaker(ref: str | None, name: str | None, ctx: _ItemContext,
             speaker_from: str | None = None) -> View | None:
    by = {"by": SPEAKER_BY_LABELS.get(speaker_from or ""),
          "by_why": SPEAKER_BY_MEANINGS.get(speaker_from or "")}
    entity = ctx.entities.get(ref or "")
    if entity:
        return {"id": entity.id, "name": entity.name, **by}
    shown = name or ref
    return {"id": None, "name": shown, **by} if shown else None


def _described(quote: Quote | None, statement: Statement | None,
               ctx: _ItemContext) -> View | None:
    """A speaker the article describes but does not name ("Police", "The company"), from
    the row's quote or another rendering of its statement, marked "(not named)"."""
    if quote is None:
        return None
    others = [ctx.renderings[q].get("speaker_mention")
              for q in (statement.quotes if statement else ()) if q in ctx.renderings]
    return described_view(described_speaker([quote.speaker_mention, *others]), ctx.common)


def _copy_note(a: View, articles: dict[str, View]) -> View:
    """A source line that names the outlet a copy came from ("translation of UNN")."""
    original = articles.get(a["copy_of"] or "")
    return {**a, "copy_of_outlet": original["outlet"] if original else None}


def _item_link(quote: Quote | None, where: _Where | None) -> str | None:
    if quote is not None:
        return highlight_link(quote.article, (quote.sent_start, quote.sent_end),
                              (quote.start, quote.end))
    if where is None:
        return None
    return highlight_link(where.article, where.sentence, where.span)


class _Where:
    """Where an event row's first report sits: its article, sentence and trigger span."""

    def __init__(self, store: Store, article: str, start: int, end: int) -> None:
        self.article, self.span = article, (start, end)
        self.sentence = store.sentence_at(article, start, end)
        self.text = store.text_span(article, *self.sentence) if self.sentence else None


def _event_where(store: Store, event: Event | None, ctx: _ItemContext) -> _Where | None:
    if event is None or not event.mentions or event.mentions[0] not in ctx.spans:
        return None
    return _Where(store, *ctx.spans[event.mentions[0]])


def _source_sentence(where: _Where | None, ctx: _ItemContext) -> View | None:
    """The sentence an event row comes from and its outlet, for the report when the article
    has no URL to link to. A statement row needs none: it shows the sentence's words (a
    fragment, the whole sentence)."""
    if where is None:
        return None
    text, article = where.text, where.article
    words = " ".join((text or "").split())
    if not words:
        return None
    brief = ctx.articles.get(article)
    return {"text": words, "outlet": brief["outlet"] if brief else None}


def _by_reason(undated: list[View]) -> list[View]:
    """Undated rows grouped by why they have no day, each reason said once, in the order
    the rows come (a story whose articles have no date gives most rows one reason)."""
    groups: dict[str, list[View]] = {}
    for i in undated:
        groups.setdefault(i["undated_why"] or "", []).append(i)
    return [{"why": why, "items": items} for why, items in groups.items()]


def _by_span(items: list[View], first: str | None,
             last: str | None) -> tuple[list[View], list[View], list[View]]:
    """Dated rows as (earlier, the story's own, later): those more than
    ``OUTSIDE_SPAN_DAYS`` before the first article's day or after the last's apart. A story
    none of whose articles has a day keeps every row on its axis: it has no span to judge by."""
    start, end = parse_day(first), parse_day(last)
    if start is None or end is None:
        return [], items, []
    low, high = start - timedelta(OUTSIDE_SPAN_DAYS), end + timedelta(OUTSIDE_SPAN_DAYS)
    earlier: list[View] = []
    own: list[View] = []
    later: list[View] = []
    for i in items:
        d = date.fromisoformat(i["day"])
        (earlier if d < low else later if d > high else own).append(i)
    return earlier, own, later


def _group_days(items: list[View], gaps: bool = True) -> list[View]:
    days: dict[str, list[View]] = {}
    for i in sorted(items, key=lambda i: (i["day"], i["date"] or "")):
        days.setdefault(i["day"], []).append(i)
    out: list[View] = []
    previous: date | None = None
    for day, group in days.items():
        d = date.fromisoformat(day)
        gap = (d - previous).days if previous and gaps else None
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


def _ticks(first: date, last: date, x: Callable[[date], int]) -> list[View]:
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


def _speaker_groups(speakers: list[View], entities: Mapping[str, Entity]) -> list[View]:
    """The story's speakers by what the corpus takes them for (``SPEAKER_GROUPS``), so that
    a place or an organisation that "said" something is not read as a person; a name no
    entity stands behind ("Norlanders" in a poll) goes with the groups and others."""
    groups: dict[str, list[View]] = {label: [] for label in SPEAKER_GROUPS.values()}
    for s in speakers:
        entity = entities.get(s["id"] or "")
        groups[SPEAKER_GROUPS.get(entity.type if entity else "", _OTHERS)].append(s)
    return [{"label": label, "speakers": group} for label, group in groups.items() if group]


def _speakers(items: list[View]) -> list[View]:
    seen: dict[str, View] = {}
    for i in items:
        if i["speaker"] and not i["speaker"].get("described"):  # a person or body named
            seen.setdefault(i["speaker"]["name"], i["speaker"])
    return sorted(seen.values(), key=lambda s: str(s["name"]))
