"""The plain records that flow between storyline's stages.

Every stage takes and returns these frozen, slotted dataclasses; nothing else crosses a
stage boundary. Each has ``to_dict``/``from_dict`` so the local runner, the Spark runner
and the store all speak the same shape.

Reading order follows a page through the pipeline::

    RawPage -> Article -> (Mention, Quote, Timex) -> Entity -> Story / Event / Contradiction
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

T = TypeVar("T", bound="Record")


def content_id(*parts: str | None, size: int = 16) -> str:
    """A stable id from content: the same inputs give the same id on every run."""
    h = hashlib.sha256()
    for p in parts:
        h.update((p or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:size]


class Record:
    """Shared to/from dict behaviour; tuples stand in for lists so records stay immutable."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            v = getattr(self, f.name)
            out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        names = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs = {}
        for k, v in data.items():
            if k in names:
                kwargs[k] = tuple(v) if isinstance(v, list) else v
        return cls(**kwargs)


@dataclass(frozen=True, slots=True)
class RawPage(Record):
    """One page as a reader found it, before any cleaning.

    ``source`` is where it came from (a path, ``path#record``, or a URL); ``source_id`` is
    the id the user knows it by (a JSONL ``id`` or the file name without its extension).
    Exactly one of ``text`` and ``html`` is the page's body; the other fields are hints the
    container gave (a JSONL record's title, a text dump's header date, a WARC's URL).
    """

    source: str
    source_id: str
    kind: str  # "text" | "html" | "jsonl" | "warc" | "feed" | "url"
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    fetched_at: str | None = None
    final_url: str | None = None


@dataclass(frozen=True, slots=True)
class Failure(Record):
    """A page or file that could not be used, and why; recorded, never raised."""

    source: str
    reason: str  # short code: "empty", "not-text", "bad-json", "truncated-gzip", ...
    detail: str = ""
    source_id: str | None = None


@dataclass(frozen=True, slots=True)
class Article(Record):
    """A clean, dated article: the unit every later stage works on.

    ``text`` holds the kept paragraphs verbatim, separated by blank lines; all character
    offsets in later records point into it. ``published`` is the page's own date, and
    ``published_from`` says how it was found (a ``published.DateSource`` value: "header",
    "html-meta", "html-element", "dateline", "text-stamp", "url") or why there is none. A
    guess at the date (``published_estimate``, made as ``published_estimate_from`` says) is
    never ``published``.
    """

    id: str
    source_id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_from: str | None = None
    wire: str | None = None
    dateline: str | None = None
    kind: str = "text"
    fetched_at: str | None = None
    final_url: str | None = None
    published_estimate: str | None = None
    published_estimate_from: str | None = None
    # ISO 639-1 code of the text's language (detect_language), "und" when it could not
    # be told; None on articles stored before languages were detected.
    language: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]


@dataclass(frozen=True, slots=True)
class ArticleInfo(Record):
    """An article without its text: what the corpus steps keep for every article at once.

    The texts of a large corpus do not fit beside everything else; the corpus steps hold
    these and read texts a batch at a time. ``chars`` is the text's length.
    """

    id: str
    source_id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    final_url: str | None = None
    published: str | None = None
    published_from: str | None = None
    wire: str | None = None
    chars: int = 0

    @classmethod
    def of(cls, article: Article) -> ArticleInfo:
        return cls(id=article.id, source_id=article.source_id, title=article.title,
                   outlet=article.outlet, url=article.url, final_url=article.final_url,
                   published=article.published, published_from=article.published_from,
                   wire=article.wire, chars=len(article.text))


# What the steps that only read an article's metadata accept.
ArticleMeta = Article | ArticleInfo


@dataclass(frozen=True, slots=True)
class Sentence(Record):
    """A sentence of an article, by character span; quotes and events point at these."""

    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """A name or role description in one article, before corpus-wide merging.

    ``key`` is the article-local cluster the mention belongs to (mentions of one person in
    one article share it); ``entity`` is filled by the corpus-wide merge.
    """

    article: str
    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, ROLE, ...
    key: str
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Entity(Record):
    """A person, organisation or place, merged across the corpus, with its name variants."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class Timex(Record):
    """A temporal expression normalised to a TimeML-style value against the article date."""

    article: str
    start: int
    end: int
    text: str
    value: str
    type: str = "DATE"  # DATE | TIME | DURATION | SET


@dataclass(frozen=True, slots=True)
class Quote(Record):
    """A direct quotation or reported statement with its speaker and the day it was said.

    ``speaker_key`` is the article-local mention cluster of the speaker; ``speaker`` is
    the corpus entity id once merged. ``said_on_from`` records how ``said_on`` was derived
    so a guess is never presented as fact, or, ``said_on`` null, why no day was found (a
    ``quotes.dates.SaidOnFrom`` value). ``start``/``end`` span the quoted or reported
    content; ``sent_start``/``sent_end`` the sentence(s) it came from. ``reported_by`` is
    an outlet the article cites for it ("Bloomberg reported"), never a speaker.
    ``speaker_from`` says how the speaker was found (a ``quotes.speakers.SpeakerFrom``
    value: "named", or "pronoun" / "title" / "previous statement" when the sentence does
    not name them); None when there is no speaker.
    """

    id: str
    article: str
    text: str
    kind: str  # "direct" | "indirect"
    start: int
    end: int
    sent_start: int
    sent_end: int
    speaker_name: str | None = None
    speaker_mention: str | None = None
    speaker_key: str | None = None
    speaker: str | None = None
    cue: str | None = None
    said_on: str | None = None
    said_on_from: str | None = None
    reported_by: str | None = None
    speaker_from: str | None = None


@dataclass(frozen=True, slots=True)
class Statement(Record):
    """One utterance of one speaker, however many quotes (renderings) report it.

    ``text`` and ``kind`` are the best rendering's (a speaker's own words before a
    paraphrase); ``sources`` are the outlets of every rendering and ``independent_sources``
    counts them with syndicated copies folded (``corpus.sources``).
    """

    id: str
    story: str | None
    speaker: str | None  # corpus entity id
    speaker_name: str | None
    said_on: str | None
    text: str
    kind: str  # "direct" | "indirect", of the best rendering
    quotes: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    independent_sources: int = 0
    best_quote: str | None = None  # the rendering whose text this is


@dataclass(frozen=True, slots=True)
class Analysis(Record):
    """Everything the per-article language stage finds in one article."""

    article: str
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    event_mentions: tuple[EventMention, ...] = ()
    # The language the article was read as, and why it was not analysed when no pipeline
    # read it ("no pipeline for 'de'"): then everything above is empty.
    language: str | None = None
    not_analysed: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "sentences": [s.to_dict() for s in self.sentences],
            "mentions": [m.to_dict() for m in self.mentions],
            "quotes": [q.to_dict() for q in self.quotes],
            "timexes": [t.to_dict() for t in self.timexes],
            "event_mentions": [e.to_dict() for e in self.event_mentions],
            "language": self.language,
            "not_analysed": self.not_analysed,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return cls(
            article=data["article"],
            sentences=tuple(Sentence.from_dict(d) for d in data.get("sentences", [])),
            mentions=tuple(Mention.from_dict(d) for d in data.get("mentions", [])),
            quotes=tuple(Quote.from_dict(d) for d in data.get("quotes", [])),
            timexes=tuple(Timex.from_dict(d) for d in data.get("timexes", [])),
            event_mentions=tuple(EventMention.from_dict(d) for d in data.get("event_mentions", [])),
            language=data.get("language"),
            not_analysed=data.get("not_analysed"),
        )


EventStatus = Literal["happened", "planned", "hypothetical", "negated"]


@dataclass(frozen=True, slots=True)
class EventMention(Record):
    """One article's report of something happening: a meeting, call, visit, summit, ...

    ``participants`` and ``place`` are article-local mention keys; ``date`` is normalised
    from the sentence's time expressions (None when none resolves to a day); in an undated
    article it may be a TimeML partial day ("XXXX-08-19", "XXXX-WXX-5") that only
    ``corpus.events`` reads: it fixes the year or week from dated articles, or reads it as none.
    """

    id: str
    article: str
    trigger: str
    kind: str  # meeting | call | visit | summit | press-conference | announcement | agreement | ...
    start: int
    end: int
    date: str | None = None
    date_from: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    # Whether it took place as told, or is planned, hypothetical ("should aggression arise")
    # or negated ("no meeting is planned"): only "happened" events merge with each other.
    status: EventStatus = "happened"
    lead: bool = False  # the article's main happening: the headline's or first sentence's
    phrase: str | None = None  # the trigger's own words ("checked into rehab"), for titles
    # The participant keys that are the trigger verb's grammatical subject, for titles only
    # ("A Tromso man pleaded guilty to threatening X": None, never X); None when unnamed.
    # Coordinated subjects ("Brandt and Lindqvist met") give several keys joined by
    # analyze.events.kinds.ACTOR_SEP, read back with kinds.actor_keys (one store column).
    # A subject that names no one is kept as its words after kinds.DESCRIBED_ACTOR
    # ("described:Some 1,500 protesters"), for the title only (kinds.described_actor).
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class KeyDate(Record):
    """One of the few days of a story a reader should see first (``corpus.key_dates``).

    ``summary`` is made of the day's top timeline items; ``independent_sources`` counts the
    origins of every article behind the day's items, syndicated copies folded.
    """

    story: str
    date: str
    summary: str
    independent_sources: int = 0
    rank: int = 0  # 1 = the story's most important day
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Story(Record):
    """Articles about one thread of news, clustered across runs; ``key_dates`` in date
    order (empty until the corpus step that finds them has run)."""

    id: str
    title: str
    articles: tuple[str, ...] = ()
    first: str | None = None
    last: str | None = None
    key_dates: tuple[KeyDate, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "articles": list(self.articles),
                "first": self.first, "last": self.last,
                "key_dates": [k.to_dict() for k in self.key_dates]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        return cls(id=data["id"], title=data["title"], articles=tuple(data.get("articles", ())),
                   first=data.get("first"), last=data.get("last"),
                   key_dates=tuple(KeyDate.from_dict(k) for k in data.get("key_dates", ())))


@dataclass(frozen=True, slots=True)
class Event(Record):
    """One real-world happening, merged from the event mentions of several articles."""

    id: str
    title: str
    kind: str
    date: str | None = None
    date_from: str | None = None  # how the date was found; "inferred: ..." when not stated
    place: str | None = None
    story: str | None = None
    participants: tuple[str, ...] = ()  # entity ids
    articles: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()  # event-mention ids (each points at its sentence)
    sources: tuple[str, ...] = ()
    independent_sources: int = 0
    status: EventStatus = "happened"  # see EventMention.status; never mixed in one event


@dataclass(frozen=True, slots=True)
class Contradiction(Record):
    """Two statements in one story that cannot both be true."""

    a: str  # quote id
    b: str  # quote id
    why: str
    kind: str = "polarity"  # polarity | figure
    story: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineItem(Record):
    """One row of a story's timeline: an event or a key statement, with its support."""

    story: str
    kind: str  # "event" | "quote"
    ref: str
    date: str | None
    title: str
    date_from: str | None = None
    sources: tuple[str, ...] = ()
    independent_sources: int = 0
    speaker: str | None = None
    # How much the row matters (``corpus.ranking``) and its place among its day's rows
    # (1 = shown first; undated rows are ranked among themselves); 0 = never ranked.
    score: float = 0.0
    rank: int = 0
    articles: tuple[str, ...] = ()  # the articles that report it
    # How a dated row's day was inferred, when no source states it (a reader's words:
    # "date inferred: the day it was reported"); empty for a stated day.
    date_notes: tuple[str, ...] = ()
    # Why an undated row has no day, in a reader's words; None for a dated row.
    undated_why: str | None = None
    # An event row's ``Event.status``: "happened", or a plan, a hypothesis or a denial that
    # every view shows apart from what happened; None for a statement row.
    status: EventStatus | None = None


@dataclass(frozen=True, slots=True)
class DuplicateLink(Record):
    """An article that copies another (near-duplicate text or a credited wire story)."""

    article: str
    canonical: str
    kind: str  # "exact" | "near" | "wire" | "translation"
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class RunSummary(Record):
    """What one run did: printed at the end and stored in the run log."""

    pages: int = 0
    articles: int = 0
    new_articles: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failures: int = 0
    failure_reasons: tuple[tuple[str, int], ...] = field(default=())
