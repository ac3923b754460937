"""What each page shows, as plain JSON-ready dicts built from the store.

The HTML pages, the JSON API and the report all render these same dicts, so the API is
exactly "everything the pages show". Nothing here escapes text: templates do (autoescape),
and ``json`` is inert by nature.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any
from urllib.parse import quote as url_quote
from urllib.parse import urlencode, urlsplit

from ..analyze.quotes import cues, cues_fr
from ..analyze.quotes.speakers import SpeakerFrom
from ..corpus.sources import outlet_name, syndication_roots
from ..corpus.statement_events import event_id as statement_event_id
from ..corpus.statements import one_per_statement_pair
from ..corpus.timeline import (
    STATUS_LABELS,
    common_words,
    described_speaker,
    names_someone,
    reported,
    speaker_label,
)
from ..records import Article, Event, Quote, Statement, TimelineItem
from ..store import Store
from ..store.web import OUTLET_SORTS, PAGE_SIZE, PEOPLE_SORTS, STORY_SORTS, check_search
from ..text import clip

View = dict[str, Any]

# The story page's date axis, in SVG user units (the SVG scales to the page width).
AXIS_WIDTH = 1000
AXIS_PAD = 30
# Axis ticks: per year past two years, per month past two months, else per week, and per
# day for a fortnight or less (the labels still fit the axis width at 13px).
YEARLY_MONTHS, MONTHLY_DAYS, DAILY_DAYS = 24, 62, 14
# The orders the list pages offer, in a reader's words (the SQL is in ``store.web``).
STORY_SORT_LABELS = {"updated": "last update", "size": "size"}
PEOPLE_SORT_LABELS = {"statements": "statements", "mentions": "mentions"}
OUTLET_SORT_LABELS = {"articles": "articles", "name": "name"}
# A quote's kind as every view labels it.
# What an undated row stored before the timeline kept its reason says instead (``storyline
# run`` rebuilds the timeline, and with it every row's reason).
UNDATED_UNKNOWN = "no reason recorded: the timeline was built by an older version"
KIND_LABELS_QUOTE = {"direct": "direct quote", "indirect": "reported"}
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
# How a speaker the sentence does not name was found (Quote.speaker_from), as shown beside
# the name: the article's most likely person, not one the words state.
SPEAKER_BY_LABELS = {SpeakerFrom.PRONOUN.value: "identified from a pronoun",
                     SpeakerFrom.TITLE.value: "identified from a title",
                     SpeakerFrom.CONTINUED.value: "from the previous statement"}
# What each of those marks means, as its tooltip says it.
SPEAKER_BY_MEANINGS = {
    SpeakerFrom.PRONOUN.value: "The sentence does not name the speaker, only “he”, “she” or "
                               "“they”: this is the person the article most likely means.",
    SpeakerFrom.TITLE.value: "The sentence names the speaker only by a title or role (“the "
                             "minister”): this is the person the article most likely means.",
    SpeakerFrom.CONTINUED.value: "The sentence names no speaker: it continues the statement "
                                 "before it, whose speaker this is.",
}
# Why a quote has no speaker, in a reader's words (``unattributed_why``): the outlet that
# reports it, the words the article calls the speaker by, or neither.
UNNAMED_REPORTED = "{outlet} reports it without naming who said it"
UNNAMED_DESCRIBED = "the article calls the speaker “{mention}” and no name could be tied to it"
# A pronoun is left unnamed both when no one named before it fits and when two people do
# (quotes.speakers' rival_before): the reason holds in either case, it claims neither.
UNNAMED_PRONOUN = "its sentence says only “{mention}”, and the article does not make clear " \
                  "whom it means"
UNNAMED_NOBODY = "no one is named as saying it in or near its sentence"
# What "(not named)" beside a speaker the article only describes means, as its tooltip says.
DESCRIBED_MEANING = ("The article calls the speaker “{mention}” and names no one: the source "
                     "is the one it describes, not a person it names.")
# What "(not identified)" beside words that read as a name means.
UNIDENTIFIED_MEANING = ("The article calls the speaker “{mention}”, a name no person or "
                        "organisation it names could be tied to.")
_PRONOUNS = cues.PERSON_PRONOUNS | cues.GROUP_PRONOUNS
# A direct quote of at most this many words, inside a longer sentence, is a fragment
# ("irreversible.", "get to this point,"): shown inside its sentence, never bare. Six words
# is the longest such fragment in the seeds' gold quotes plus one; a full quoted sentence
# is longer.
FRAGMENT_WORDS = 6
# Reported speech reads "Rutte said that ...": the article's own words from the cue to the
# content when they say more than the verb ("expressed hope that", "said on Tuesday that"),
# else the cue verb in the past tense ("hopes" -> "hoped", "saying" -> "said"), else "said"
# ("according to", "as per"). A hope or a wish is never shown as a plain "said".
_WORD = re.compile(r"\w")
# What may stand between a sentence's words and the quote they lead into: space and marks.
_OPENING = " \t\n\"'“‘«„‹"
_IRREGULAR_PAST = {"say": "said", "tell": "told", "think": "thought", "write": "wrote",
                   "speak": "spoke", "hold": "held", "feel": "felt", "swear": "swore",
                   "choose": "chose", "seek": "sought", "mean": "meant", "forecast": "forecast",
                   "plan": "planned", "admit": "admitted", "regret": "regretted",
                   "commit": "committed", "prefer": "preferred", "refer": "referred",
                   "dub": "dubbed", "quip": "quipped"}
_PAST_FORMS = frozenset(_IRREGULAR_PAST.values())
# The English verbs the quote finder takes as cues (``analyze.quotes.cues``, less its French
# words): only these are put in the past tense and read "said that ...". A cue of another
# language ("déclaré", "dit") is shown as the article has it, never with an English ending.
_ENGLISH_CUES = (cues.CUE_VERBS | cues.STANCE_VERBS | cues.DIRECTIVE_VERBS | cues.OBJECT_CUES
                 | cues.QUOTING_VERBS | cues.DESCRIPTIVE_CUES | _IRREGULAR_PAST.keys()) \
    - cues_fr.CUE_VERBS - cues_fr.DESCRIPTIVE_CUES
# Prepositions that attribute ("according to", "selon"): their row reads "said".
_SOURCE_WORDS = frozenset(first for first, _ in cues.SOURCE_PREPOSITIONS)
# The article's words between the cue and the content are shown when they are at most this
# many words ("expressed hope", "said on Tuesday", "urged Russia"): a verb phrase, not a
# clause of its own.
CUE_PHRASE_WORDS = 5
_NOT_IN_CUE_PHRASE = re.compile(r"[.;:,!?\"“”„«»()\[\]]")
# Verbs that need their object: alone ("..., she told") they read "said" ("told that" is
# not English); with it ("told police that") the article's own phrase is shown.
_NEED_OBJECT = frozenset({"told", "informed"})
# Cue verbs whose content is an object, not a "that" clause: the quote finder's directive,
# quoting and descriptive cues ("urged Russia to stop", "cited brain injury", "called for
# broader prevention", "described the talks as useful"). "Tell" and "warn" also report a
# clause ("warned that ..."; "told" alone reads "said").
_NO_THAT_CUES = (cues.DIRECTIVE_VERBS | cues.QUOTING_VERBS | cues.DESCRIPTIVE_CUES) \
    - {"tell", "warn"} - cues_fr.DESCRIPTIVE_CUES
# Characters of an input record's name that tell an outletless article apart in a source
# line: file stems and JSONL ids ("003_bcd59f9d0c8db90d", "36_1ecb") fit; a 64-digit hash is
# cut to its first 16 digits, which no two records of one corpus share.
SOURCE_ID_CHARS = 20
# What a source line says for an article whose page names no outlet (issue 17 s5, RDR2 A10:
# "unknown outlet (003_bcd5…)" read as if an internal id were the outlet).
OUTLET_NOT_NAMED = "outlet not named"
# A copy's kind (``DuplicateLink.kind``, corpus.dedup.KIND_ORDER) as a source line names it.
COPY_LABELS = {"exact": "exact copy", "near": "near copy", "wire": "wire copy",
               "translation": "translation"}
# Characters of an untitled article's lead shown as its title (a line in a list).
LABEL_CHARS = 90
# A contradiction's kind (``Contradiction.kind``) in a reader's words; ``why`` says what
# the two sides say.
KIND_LABELS = {"polarity": "opposite claims", "figure": "different figures"}
# An entity's type (the model's label) in a reader's words; a label not here is shown in
# lower case.
ENTITY_TYPE_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "place",
                      "LOC": "place", "FAC": "building or site", "NORP": "group",
                      "EVENT": "event", "PRODUCT": "product", "WORK_OF_ART": "work",
                      "LAW": "law", "PER": "person", "MISC": "other"}
_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_SAFE_SCHEMES = ("http", "https")


def entity_type(label: str | None) -> str:
    """"ORG" -> "organisation": what a page calls an entity's type."""
    return ENTITY_TYPE_LABELS.get(label or "", (label or "").lower().replace("_", " "))


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
    return clip(words, LABEL_CHARS)  # whole words, never ending "Gov.…" or ",…"


def day_span(first: str | None, last: str | None) -> str:
    """When a story's articles came out: "19 Aug 2025 – 2 Dec 2025", one day once, or
    "no publication date" when none of them has one."""
    a, b = (day_label(first) if first else None), (day_label(last) if last else None)
    if a is None and b is None:
        return "no publication date"
    if a is None or b is None or a == b:
        return f"published {a or b}"
    return f"published {a} – {b}"


def outlet_label(outlet: str | None, source_id: str | None) -> str:
    """An outlet as a source line names it; an article whose page names none reads "outlet
    not named", told apart from the others by its input record ("outlet not named
    (003_bcd5…)"), never one of many alike. Pages print the record in small type
    (``outlet_parts``): an input file's name is no outlet."""
    if outlet:
        return outlet
    if not source_id:
        return OUTLET_NOT_NAMED
    short = source_id if len(source_id) <= SOURCE_ID_CHARS else \
        source_id[:SOURCE_ID_CHARS - 4] + "…"
    return f"{OUTLET_NOT_NAMED} ({short})"


def outlet_parts(label: str | None) -> tuple[str, str | None]:
    """An ``outlet_label`` as its outlet and the input record that stands in for a missing
    one: ("outlet not named", "003_bcd5…"), or ("Harbour Post", None)."""
    text = label or OUTLET_NOT_NAMED
    prefix = f"{OUTLET_NOT_NAMED} ("
    if text.startswith(prefix) and text.endswith(")"):
        return OUTLET_NOT_NAMED, text[len(prefix):-1]
    return text, None


def source_name(a: View) -> str:
    """The outlet name the corpus gives this article (``corpus.sources.outlet_name``)."""
    return outlet_name(Article(id=a["id"], source_id=a["source_id"], source="", text="",
                               outlet=a["outlet"], url=a["url"], wire=a["wire"],
                               final_url=a.get("final_url")))


def brief_view(a: View, copy_kinds: dict[str, str] | None = None) -> View:
    """An article as a source line: outlet shown (never an internal key), label, link."""
    name = source_name(a)
    kind = (copy_kinds or {}).get(a["id"])
    return {"id": a["id"],
            "outlet": outlet_label(None, a["source_id"]) if name.startswith("unknown (")
            else name,
            "source": name, "outlet_page": a["outlet"],
            "label": article_label(a["title"], a.get("lead"), a["source_id"]),
            "title": a["title"], "published": a["published"], "url": safe_url(a["url"]),
            "wire": a["wire"], "copy_of": a["duplicate_of"],
            "copy_kind": kind, "copy_label": COPY_LABELS.get(kind or "", kind or "copy"),
            "language": a.get("language"), "not_analysed": a.get("not_analysed"),
            "other_story": None}


# -- stories -------------------------------------------------------------------------------

def stories_view(store: Store, lang: str = "", sort: str = "updated", page: int = 1) -> View:
    """A page of stories (last updated first, or largest first with ``sort="size"``), all
    of them or only those with an article in language ``lang``."""
    check_search(lang, "language")
    sort = sort if sort in STORY_SORTS else "updated"
    pager = paging("/", page, store.story_count(lang or None), sort, STORY_SORT_LABELS,
                   {"lang": lang})
    return {"stories": store.story_rows(language=lang or None, sort=sort, limit=PAGE_SIZE,
                                        offset=pager["offset"]),
            "lang": lang, "languages": store.language_rows(), "pager": pager}


def paging(path: str, page: int, total: int, sort: str, labels: dict[str, str],
           keep: dict[str, str] | None = None) -> View:
    """Where a list page stands: its rows' offset, links to the pages before and after
    and to each order (``labels``), keeping the other query parameters (``keep``)."""
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    kept = {k: v for k, v in (keep or {}).items() if v}

    def href(p: int, order: str) -> str:
        return f"{path}?{urlencode({**kept, 'sort': order, 'page': p})}"

    return {"page": page, "pages": pages, "total": total, "offset": (page - 1) * PAGE_SIZE,
            "prev": href(page - 1, sort) if page > 1 else None,
            "next": href(page + 1, sort) if page < pages else None,
            "sorts": [{"key": k, "label": v, "href": href(1, k), "active": k == sort}
                      for k, v in labels.items()]}


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
        # Articles with no publication day: the span above is only the dated ones'.
        "undated_articles": sum(1 for a in ctx.articles.values() if not a["published"]),
        "key_dates": [{**k, "label": day_label(k["date"]), "day": k["date"][:10]}
                      for k in store.story_key_dates(story_id)],
        "days": days,
        "undated": undated,
        "undated_groups": _by_reason(undated),
        "axis": _axis(days),
        "speakers": _speakers(items),
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
        known = {**self.elsewhere, **self.articles}
        found = [known[a] for a in dict.fromkeys(ids) if a in known]
        return sorted(found, key=lambda a: (a["other_story"] is not None,
                                            a["published"] or "9999", a["copy_of"] is not None,
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
        "independent_sources": item.independent_sources,
        "link": _item_link(quote, where),
        "url_link": _url_link(quote, event, where, articles, ctx),
        "sentence": _source_sentence(where, ctx),
        "note": _rendering(ctx.renderings[quote.id], ctx.sentences.get(quote.id))["note"]
        if quote and quote.id in ctx.renderings else None,
        # Why an undated row has no day: the timeline step's reason (a row stored before
        # it kept one says so).
        "undated_why": None if day else item.undated_why or UNDATED_UNKNOWN,
    }


def said(q: Quote | View, sentence: str | None = None,
         common: Set[str] = frozenset()) -> View:
    """How a quote reads: a direct quote in marks, reported speech as "said that ..."
    without marks, a fragment inside its sentence with the fragment marked. ``common``:
    words a capital at the start of reported words does not make a name (the story's
    ``common_words``)."""
    d: View = q if isinstance(q, dict) else q.to_dict()
    kind, text, cue = str(d["kind"]), " ".join(str(d["text"]).split()), d["cue"]
    out: View = {"kind": kind, "label": KIND_LABELS_QUOTE.get(kind, kind), "text": text,
                 "verb": None, "before": None, "after": None}
    if kind != "direct":
        verb, body = _reported(_cue_phrase(d, cue, sentence) or past_tense(cue), text, common)
        return {**out, "verb": verb, "text": body}
    sent_start = int(d["sent_start"])
    start, end = int(d["start"]) - sent_start, int(d["end"]) - sent_start
    # A fragment: few words that the sentence's own words lead into ('called the path
    # "irreversible."'), or any quote that starts in lower case after the sentence's own
    # words ('ensure that Ukraine "is protected by itself, ..."'): bare, it would not say
    # what it is about. A quote that opens its sentence ('"You need two to tango," he said')
    # or that a colon or comma introduces ('he said: "No."') is a whole quote.
    lead = sentence[:start].rstrip(_OPENING) if sentence and start >= 0 else ""
    whole = not _WORD.search(lead) or lead.endswith((":", ","))
    if sentence and 0 <= start < end <= len(sentence) and _WORD.search(lead) and \
            (text[:1].islower() or (len(text.split()) <= FRAGMENT_WORDS and not whole)):
        return {**out, "label": "quoted fragment", "before": _flat(sentence[:start]),
                "text": _flat(sentence[start:end]), "after": _flat(sentence[end:])}
    return out


def _reported(verb: str, text: str, common: Set[str] = frozenset()) -> tuple[str, str]:
    """("said that", the content), or the verb alone before an object or an infinitive."""
    verb = "said" if verb in _NEED_OBJECT else verb
    text = " ".join(text.split())
    if verb.endswith(("'", "’")):  # an elided word ("dit qu'") joins what it leads into
        verb, _, elided = verb.rpartition(" ")
        return verb, elided + text
    base = _english_base(verb.split(" ", 1)[0])
    if base is None or base in _NO_THAT_CUES:  # another language's verb, or an object
        return verb, text
    return reported(verb, text, common)


def _english_base(word: str) -> str | None:
    """The English cue verb ``word`` is a form of ("hopes", "hoped", "hoping" -> "hope"),
    or None when it is none of them."""
    w = word.lower()
    if w in _PAST_FORMS:
        return next(k for k, v in _IRREGULAR_PAST.items() if v == w)
    stems = [w]
    for ending, back in (("ing", ""), ("ing", "e"), ("ied", "y"), ("ies", "y"), ("ed", ""),
                         ("ed", "e"), ("es", ""), ("s", "")):
        if w.endswith(ending) and len(w) > len(ending) + 1:
            stem = w[:-len(ending)]
            stems += [stem + back, stem[:-1] + back] if stem[-1:] == stem[-2:-1] else \
                [stem + back]
    return next((s for s in stems if s in _ENGLISH_CUES), None)


def past_tense(cue: str | None) -> str:
    """The cue verb in the past tense ("says" -> "said", "hopes" -> "hoped", "urging" ->
    "urged"); "said" for a cue that is not one verb ("according to", "as per"); a cue that
    is no English cue verb ("déclaré", "dit") as the article has it."""
    c = (cue or "").strip().lower()
    first, _, rest = c.partition(" ")
    if not c or first in _SOURCE_WORDS or not any(ch.isalpha() for ch in first):
        return "said"
    if _english_base(first) is None:
        return c
    if first.endswith("ed") or first in _PAST_FORMS:
        return c
    if rest:  # "points out" -> "pointed out"
        return f"{past_tense(first)} {rest}"
    if first.endswith("ing") and len(first) > 4:
        base = first[:-3]
        return _IRREGULAR_PAST.get(base) or _regular_past(base)
    if first.endswith("s") and not first.endswith("ss") and len(first) > 3:
        base = first[:-1]
        return _IRREGULAR_PAST.get(base) or _regular_past(base)
    return _IRREGULAR_PAST.get(first) or _regular_past(first)


def _regular_past(base: str) -> str:
    """"hope" -> "hoped", "deny" -> "denied", "claim" -> "claimed"; an -ing stem has lost
    its final e already ("stating" -> "stat" -> "stated")."""
    if base.endswith("e"):
        return base + "d"
    if len(base) > 1 and base.endswith("y") and base[-2] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"


def _cue_phrase(d: View, cue: str | None, sentence: str | None) -> str | None:
    """The sentence's words from the cue up to the reported content when they say more than
    the cue itself ("expressed hope", "said on Tuesday"), without a closing "that"."""
    if not cue or not sentence:
        return None
    lead = sentence[:max(0, int(d["start"]) - int(d["sent_start"]))]
    at = [m.start() for m in re.finditer(rf"\b{re.escape(cue)}\b", lead, re.IGNORECASE)]
    if not at:
        return None
    phrase = re.sub(r"\s+that$", "", " ".join(lead[at[-1]:].split()), flags=re.IGNORECASE)
    words = phrase.split()
    if len(words) < 2 or len(words) > CUE_PHRASE_WORDS or _NOT_IN_CUE_PHRASE.search(phrase):
        return None
    return " ".join([past_tense(words[0]), *words[1:]])


def _flat(text: str) -> str:
    """Runs of whitespace as one space, kept at the ends: pieces join as in the text."""
    return re.sub(r"\s+", " ", text)


def _rendering(r: View, sentence: str | None, common: Set[str] = frozenset()) -> View:
    """One rendering of a statement: its outlet, its wording, where its sentence is."""
    outlet = outlet_label(r["outlet"], r["article_source_id"])
    label = article_label(r["article_title"], r["article_lead"], r["article_source_id"])
    when = _when(r["said_on"])
    return {"id": r["id"], "outlet": outlet, "label": label,
            "said": said(r, sentence, common), "when": when,
            "link": highlight_link(r["article"], (r["sent_start"], r["sent_end"]),
                                   (r["start"], r["end"])),
            "url": text_fragment_url(r["url"], sentence),
            "note": sentence_note(f"src-{r['id']}", sentence,
                                  (int(r["start"]) - int(r["sent_start"]),
                                   int(r["end"]) - int(r["sent_start"])),
                                  {"outlet": outlet, "label": label, "when": when})}


def sentence_note(anchor: str, sentence: str | None, span: tuple[int, int],
                  where: dict[str, str]) -> View | None:
    """A row's source sentence with its quoted span marked, and the article it is in: what
    the self-contained report links to (``#anchor``) when the article has no URL."""
    if not sentence or not sentence.strip():
        return None
    start, end = (max(0, min(x, len(sentence))) for x in span)
    start, end = (start, end) if start < end else (0, 0)
    return {"id": anchor, "before": _flat(sentence[:start]), "text": _flat(sentence[start:end]),
            "after": _flat(sentence[end:]), **where}


def text_fragment_url(url: str | None, sentence: str | None) -> str | None:
    """The article's own URL opened at the sentence (a text fragment, ``#:~:text=``): how
    the self-contained report links an item to its source sentence."""
    safe = safe_url(url)
    if not safe:
        return None
    words = " ".join((sentence or "").split())
    if not words:
        return safe
    parts = words.split(" ")
    # Long sentences are matched by their first and last words (start,end), as browsers do.
    frag = url_quote(words, safe="") if len(parts) <= 8 else \
        f"{url_quote(' '.join(parts[:4]), safe='')},{url_quote(' '.join(parts[-4:]), safe='')}"
    return f"{safe.split('#', 1)[0]}#:~:text={frag.replace('-', '%2D')}"


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
    return _described_view(described_speaker([quote.speaker_mention, *others]), ctx.common)


def _described_view(mention: str | None, common: Set[str] = frozenset()) -> View | None:
    """A speaker with no entity as the timeline's row names it (``speaker_label``): its
    words, and "(not named)" or "(not identified)" with what that means as a tooltip."""
    if mention is None:
        return None
    label = speaker_label(mention, common)
    name, mark = label[:-1].rsplit(" (", 1)
    why = UNIDENTIFIED_MEANING if names_someone(mention, common) else DESCRIBED_MEANING
    return {"id": None, "name": name, "by": mark, "by_why": why.format(mention=mention),
            "described": True}


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


def _speakers(items: list[View]) -> list[View]:
    seen: dict[str, View] = {}
    for i in items:
        if i["speaker"] and not i["speaker"].get("described"):  # a person or body named
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
    common = common_words([article.text])  # once per page, not once per quote
    return {
        "article": {**brief_view(brief), "copy_kind": kind,
                    "copy_label": COPY_LABELS.get(kind or "", kind or "copy"),
                    "source_id": brief["source_id"],
                    "story": brief["story"], "raw_url": brief["url"],
                    "published_from": article.published_from, "dateline": article.dateline,
                    "language": article.language, "not_analysed": brief["not_analysed"]},
        "copy_of": next((brief_view(c) for c in copy_of.values()), None),
        "wire_stories": wire,
        "segments": segments(article.text, sent, span),
        "quotes": [_quote_row(q, common) for q in quotes],
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


def _quote_row(q: View, common: Set[str] = frozenset()) -> View:
    """A quote as pages list it: who, when, what, and where to read it."""
    return {
        "id": q["id"], "text": q["text"], "kind": q["kind"], "cue": q["cue"],
        "said": said(q, q.get("sentence")), "statement": q.get("statement"),
        "speaker": _list_speaker(q, common),
        "said_on": q["said_on"], "said_on_from": q["said_on_from"],
        "when": _when(q["said_on"]),
        "article": {"id": q["article"], "title": q["article_title"], "outlet": q["outlet"],
                    "label": article_label(q["article_title"], q["article_lead"],
                                           q["article_source_id"]),
                    "source_id": q["article_source_id"],
                    "published": q["published"], "url": safe_url(q["url"])},
        "story": q["story"], "reported_by": q.get("reported_by"),
        "link": highlight_link(q["article"], (q["sent_start"], q["sent_end"]),
                               (q["start"], q["end"])),
    }


def _list_speaker(q: View, common: Set[str] = frozenset()) -> View:
    """Who said a listed quote: its person, else the speaker its article describes
    ("Police (not named)"), else nobody, with why in its tooltip. ``common``: words its
    texts write in lower case (``common_words``), no name when they open a sentence."""
    name = q["entity_name"] or q["speaker_name"]
    described = None if name or q.get("reported_by") else \
        _described_view(described_speaker([q.get("speaker_mention")]), common)
    if described is not None:
        return described
    return {"id": q["speaker"], "name": name,
            "by": SPEAKER_BY_LABELS.get(q.get("speaker_from") or ""),
            "by_why": SPEAKER_BY_MEANINGS.get(q.get("speaker_from") or ""),
            "why": None if name else unattributed_why(q)}


def _when(said_on: str | None) -> str:
    """When it was said, as the story's timeline dates it: a quote with no day of its own
    is "undated" here too, never its article's publication day (the reason is the quote's
    ``said_on_from``, shown beside it)."""
    return day_label(said_on) if said_on else "undated"


def unattributed_why(q: Quote | View) -> str:
    """Why a quote has no speaker: its reporting outlet, or how the article refers to the
    speaker ("The 56-year-old", "he") when no name could be tied to it, or nobody at all."""
    d: View = q if isinstance(q, dict) else q.to_dict()
    if d.get("reported_by"):
        return UNNAMED_REPORTED.format(outlet=d["reported_by"])
    mention = " ".join(str(d.get("speaker_mention") or "").split())
    if not mention:
        return UNNAMED_NOBODY
    if mention.casefold() in _PRONOUNS:
        return UNNAMED_PRONOUN.format(mention=mention)
    return UNNAMED_DESCRIBED.format(mention=clip(mention, LABEL_CHARS))


# -- people, outlets, contradictions, search -----------------------------------------------

def people_view(store: Store, sort: str = "statements", page: int = 1) -> View:
    """A page of everyone named: most statements first, or most mentions first."""
    sort = sort if sort in PEOPLE_SORTS else "statements"
    pager = paging("/people", page, store.people_count(), sort, PEOPLE_SORT_LABELS)
    return {"people": store.people_rows(sort, PAGE_SIZE, pager["offset"]), "pager": pager}


def person_view(store: Store, entity_id: str) -> View | None:
    entity = store.entities_by_ids([entity_id]).get(entity_id)
    if entity is None:
        return None
    rows = store.quotes_by_speaker(entity_id)
    # The variants a reader meets: merged aliases plus the names each article used.
    # Written alike (case, spacing) they are one variant.
    seen = {" ".join(entity.name.split()).casefold()}
    variants = []
    for v in sorted({*entity.aliases, *(r["speaker_name"] for r in rows if r["speaker_name"])},
                    key=str.casefold):
        if (key := " ".join(v.split()).casefold()) not in seen:
            seen.add(key)
            variants.append(v)
    quotes = by_statement([_quote_row(r) for r in rows])
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
            "about": by_statement([_quote_row(r) for r in store.quotes_naming(entity_id)])}


# Words that open a description rather than a name ("The president", "A spokesman").
_ARTICLES = frozenset({"The", "A", "An"})


def _lower_first(variant: str) -> str:
    """"The president" as it reads inside a sentence: "the president"."""
    first, _, rest = variant.partition(" ")
    return f"{first.lower()} {rest}" if first in _ARTICLES and rest else variant


def by_statement(rows: list[View]) -> list[View]:
    """One line per statement: its first rendering listed, the others named under ``also``
    (each with its outlet and a link to its sentence)."""
    out: dict[str, View] = {}
    for r in rows:
        key = r["statement"] or r["id"]
        if key in out:
            out[key]["also"].append({"outlet": outlet_label(r["article"]["outlet"],
                                                            r["article"]["source_id"]),
                                     "link": r["link"]})
        else:
            out[key] = {**r, "also": []}
    return list(out.values())


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


def outlets_view(store: Store, sort: str = "articles", page: int = 1) -> View:
    """A page of outlets: most articles first, or by name."""
    sort = sort if sort in OUTLET_SORTS else "articles"
    pager = paging("/outlets", page, store.outlet_count(), sort, OUTLET_SORT_LABELS)
    return {"outlets": store.outlet_rows(sort, PAGE_SIZE, pager["offset"]), "pager": pager}


def outlet_view(store: Store, outlet: str) -> View | None:
    articles = store.outlet_articles(outlet)
    if not articles:
        return None
    wire = _wire_groups(store, [a["id"] for a in articles])
    kinds = {a["id"]: a["copy_kind"] for g in wire for a in g["articles"] if a["copy_kind"]}
    return {"outlet": outlet,
            "wires": sorted({a["wire"] for a in articles if a["wire"]}),
            "articles": [brief_view(a, kinds) for a in articles],
            "wire_stories": wire,
            "coverage": coverage(store.outlet_coverage(outlet), outlet),
            **store.syndication(outlet)}


def coverage(rows: list[View], outlet: str) -> list[View]:
    """Per story, every outlet that covered it and when: the first to publish, and how many
    days later each other one came ("late"); undated coverage says so."""
    stories: dict[str, View] = {}
    for r in rows:
        s = stories.setdefault(r["story"], {"id": r["story"], "title": r["title"],
                                            "outlets": []})
        s["outlets"].append(r)
    out = []
    for s in stories.values():
        days = [d for r in s["outlets"] if (d := parse_day(r["first_published"]))]
        first = min(days) if days else None
        # An outlet whose every article is a copy of another's came after its original.
        on_first = [r["first_published"] for r in s["outlets"] if not _only_copies(r)
                    and first is not None and parse_day(r["first_published"]) == first]
        s["outlets"] = [{"outlet": r["outlet"], "first": r["first_published"],
                         "articles": r["articles"], "copies": r["copies"],
                         "self": r["outlet"] == outlet,
                         "when": _lateness(r["first_published"], first, on_first)
                         if not _only_copies(r) or parse_day(r["first_published"]) != first
                         else "same day, a copy"}
                        for r in sorted(s["outlets"], key=_coverage_order)]
        out.append(s)
    return out


def _coverage_order(r: View) -> tuple[bool, str, bool, str]:
    """Earliest first, an original before its same-day copy, undated last."""
    return (r["first_published"] is None, r["first_published"] or "", _only_copies(r),
            r["outlet"] or "")


def _only_copies(r: View) -> bool:
    return bool(r["articles"]) and r["copies"] == r["articles"]


def _lateness(published: str | None, first: date | None, on_first: list[str]) -> str:
    """"first" only when it is certain: the one outlet out on the first day, or the earliest
    there by the times all of that day's outlets give; "among the first" when several
    published that day and some give no time; otherwise how many days (or hours) later."""
    day = parse_day(published)
    if day is None or first is None or published is None:
        return "undated"
    late = (day - first).days
    if late:
        return f"{late} day{'s' if late != 1 else ''} later"
    if len(on_first) <= 1:
        return "first"
    times = [_moment(p) for p in on_first]
    if any(t is None for t in times) or len({t is not None and t.tzinfo is None
                                             for t in times}) > 1:
        return "among the first (same day)"
    mine, earliest = _moment(published), min(t for t in times if t is not None)
    assert mine is not None
    if mine == earliest:
        return "first" if times.count(earliest) == 1 else "among the first (same time)"
    hours = (mine - earliest).total_seconds() / 3600
    return f"same day, {hours:.0f} h later" if hours >= 1 else "same day, under an hour later"


def _moment(published: str) -> datetime | None:
    """A publication time when ``published`` gives one (not a bare day)."""
    if len(published) <= 10:
        return None
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None


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


def contradictions_view(store: Store, story: str | None = None,
                        statements: list[Statement] | None = None) -> View:
    """The story's contradictions (every story's without ``story``); ``statements``: the
    story's, when the caller has read them already."""
    # A reader sees one contradiction per pair of statements; the store keeps every pair of
    # renderings the detector found (the export lists them all).
    if statements is None:
        statements = store.statements(story)
    pairs = one_per_statement_pair(store.story_contradictions(story), statements)
    rows = {r["id"]: _quote_row(r) for r in store.quote_rows([x for c in pairs
                                                              for x in (c.a, c.b)])}
    # Every story's list names the story each pair is in; a story's own page needs not.
    titles = {} if story else {s: found[0]["title"] for s in {c.story for c in pairs if c.story}
                               if (found := store.story_rows(s))}
    return {"contradictions": [
        {"why": c.why, "kind": KIND_LABELS.get(c.kind, c.kind), "story": c.story,
         "story_title": titles.get(c.story or ""), "a": rows.get(c.a), "b": rows.get(c.b)}
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
        # one line per statement, as the person page lists them: a second rendering of the
        # same words is named beside the first, not listed again
        "quotes": by_statement([_quote_row(r) for r in quotes]),
        "articles": [{**brief_view(a), "snippet": a["snippet"]} for a in articles],
        "entities": entities,
    }
