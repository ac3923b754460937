"""Events across the corpus: the event mentions of many articles merged into one record each.

Two mentions are one happening when they are in the same story, of the same status (a
planned or denied meeting never merges with one that took place), of the same kind family
(meeting/talks/summit are one), on the same day, and share a participant or the place. An
undated mention joins a dated event only when exactly one fits and it shares two names (or
a name and the place) with it; otherwise it stays an undated event of its own. A country
or city named only as where something happened is no shared participant (every report of
a story may name it), except between copies of one text. An event's sources are the
articles that give its day (``_supporting``), not those that joined it undated. Places keep
mentions apart only when named at one level (two cities); a building and a city may be one
in the other ("the Harbour Hall", "Harbourton").

Articles' leads (``EventMention.lead``, each article's main happening) are merged first,
whatever verb each outlet used ("enters a clinic", "checks into a clinic"): one shared name (a
participant, or a name both leads' sentences hold), or the same kind of happening, and
agreeing days make one happening. A lead with no day of its
own is anchored by its article's publication day: it is that day's news, so it joins a lead
of that day or just before on one name. A later mention of a lead's kind with one of its
names joins it. Each event carries the outlets that report it and how many of them are
independent once syndicated copies are folded (``corpus.sources``). A cluster with nothing
to say (a bare verb, a kind without anyone or anywhere) is no event.

An undated article's "May 14" or "Friday" (partial days, ``XXXX-05-14``) get a year or a
week only from corpus evidence (``_partial_days``): an event the article shares with dated
articles of its story, whose day agrees with the article's own words for it, anchors the
article; a reading that is not the only one leaves the day null. Such a day's ``date_from``
is ``DateFrom.SHARED_EVENT``; a partial day not fixed is no date (None), never shown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ..analyze.events import THING_PREFIX
from ..analyze.events.kinds import DateFrom, actor_keys, described_actor, family, is_verb_kind
from ..records import (
    Analysis,
    ArticleMeta,
    DuplicateLink,
    Event,
    EventMention,
    Mention,
    Story,
    content_id,
)
from .reader import Corpus, each_analysis
from .said_on import Anchor
from .sources import SourceIndex

# Names shown in an event's title; more make it unreadable and the rest are in participants.
MAX_TITLE_NAMES = 4
# Days after a happening its report may be published and still be read as that day's news
# (a lead whose only date is its publication day meets a stated day this much earlier).
# One, the next day's paper; on the ECB+ dev tune half (mostly undated) 0, 1 and 2 all gave
# main_event_coverage 0.555; on the seeds each keeps December's lead off August's event.
LEAD_REPORT_DAYS = 1
# Days after a happening an article whose lead has no day of its own may be published and
# still have it as its news: such a lead joins a story's lead dated up to this much before
# its article's day on one shared name (else it needs the bar below). ECB+ dev tune half
# main_event_coverage: no anchoring 0.674, 0 days 0.682, 1-3 days 0.687, 5 0.691, 10
# 0.696; a report more than a few days later is no longer the day's news, so 2, the
# middle of the plateau (check half 0.678 -> 0.747). With leads also met on their
# sentences' names, 1, 2 and 3 days give the same 0.741 / 0.793.
LEAD_ANCHOR_DAYS = 2
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# The partial days ``analyze.events`` keeps for an undated article (TimeML: "XXXX-08-19",
# a weekday "XXXX-WXX-5"); ``_partial_days`` fixes them from dated articles or reads them as none.
PARTIAL = re.compile(r"^XXXX-")
WEEKDAY_PARTIAL = re.compile(r"^XXXX-WXX-[1-7]$")
WEEK_DAYS = 7
# Shared participants an undated mention needs to join a dated event (one plus the place
# also does): the same bar the per-article date inheritance uses.
UNDATED_MIN_SHARED = 2
# Letters the last word of a name needs to stand for the name ("Lohan", not "Co").
MIN_NAME_WORD = 4
# Words a verb's phrase needs to say what happened: the verb and at least its object.
MIN_PHRASE_WORDS = 2
# Words that say when, not what: "announced today", "starts Monday" is still a bare verb.
WHEN_WORDS = frozenset({"today", "yesterday", "tonight", "tomorrow", "now", "again", "earlier",
                        "later", "recently", "monday", "tuesday", "wednesday", "thursday",
                        "friday", "saturday", "sunday"})
# The auxiliaries a phrase of a verb in the perfect opens on (``analyze.events._phrase``
# keeps them: "has decided to move abroad", not the passive-looking "decided to move abroad").
PERFECT_AUX = frozenset({"has", "have", "had"})
# The "to" a phrase of a verb still to come opens on ("to sail for Tarnby on Friday",
# ``analyze.events._infinitive``): like a perfect's auxiliary, no word of what happened.
INFINITIVE_MARK = "to"
KIND_LABELS = {"press-conference": "Press conference", "talks": "Talks"}
# Labels whose mentions name someone rather than describe them; preferred for titles.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "PRODUCT", "FAC", "LOC"})
PRODUCT_LABEL = "PRODUCT"
PERSON_LABEL = "PERSON"
# The labels a person's mentions may carry: the name, and the title or role told with it
# ("Secretary of State Anna Lindqvist"; ``analyze.mentions``).
PERSON_TOLD = frozenset({PERSON_LABEL, "TITLED", "ROLE"})
# Labels of names that say where (a country, a city, a region), and of names that say who.
# A participant named only with the first says where the happening was, not who took part
# (``_Resolved.places_named``); the entity labels are spaCy's (OntoNotes).
PLACE_LABELS = frozenset({"GPE", "LOC"})
WHO_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# Kinds of happening a product takes part in as what it is about ("Launch: iPhone 4",
# "Delivery: Boeing 787"). Elsewhere a product in the clause is a detail, the car of a
# hit-and-run ("Meeting: Camry, Raj Chohan, Toyota"), and the title names only who took
# part: people, organisations and places, if any. Products stay participants everywhere,
# so an event is still found by what it was about.
PRODUCT_KINDS = frozenset({"launch", "delivery", "order", "purchase", "acquisition", "sale",
                           "crash", "flight", "announcement", "contract", "cancellation",
                           "delay"})


# Verbs of answering a happening (condemning, mourning, welcoming it): their event is the
# answer, never the happening answered nor another's answer. The verbs of reacting,
# praising and blaming of ``analyze.events.dating.REACTION_VERBS`` (English closed classes)
# that are never a happening of their own (not "arrest", "charge", "protest").
ANSWER_KINDS = frozenset({"condemn", "denounce", "deplore", "decry", "welcome", "hail",
                          "applaud", "salute", "mourn", "lament", "regret", "criticize",
                          "criticise", "praise", "thank", "blame", "react", "respond"})

# The stored ``date_from`` values of the inferred kinds (``DateFrom.inferred``).
_INFERRED_FROM = frozenset(d.value for d in DateFrom if d.inferred)


# Gatherings one outlet tells by their host and another by a speaker there: one press
# conference, meeting, summit or election on one stated day of a story whoever each report
# names (``_retold_elsewhere``). An interview is one person's: two on one day may be two.
GATHERINGS = frozenset({"meeting", "summit", "talks", "conference", "press-conference",
                        "election"})


@dataclass(frozen=True, slots=True)
class _Resolved:
    """An event mention with its participants as corpus-level identities and display names."""

    mention: EventMention
    story: str | None
    ids: frozenset[str]  # entity ids, or "name:<folded text>" when no entity was resolved
    names: Mapping[str, str]  # identity -> display name
    place: str | None  # display name of the place
    published: str | None = None  # the reporting article's publication day, when it has one
    # A lead's: the folded names its sentence holds, participants or not ("Fire destroys
    # historic Mat Maid building": the building is named, though not as a participant).
    told_with: frozenset[str] = frozenset()
    place_label: str | None = None  # the place's entity label: GPE, LOC or FAC
    # Identities that are products (a PRODUCT mention or a ``thing:`` key): named in a
    # title only where the happening is about a product (``PRODUCT_KINDS``).
    products: frozenset[str] = frozenset()
    # The identities of the trigger verb's subject (``EventMention.actor``; two or more when
    # it coordinates names): who a verb's title names, never an object or a name in a
    # prepositional phrase.
    actors: tuple[str, ...] = ()
    # Identities named only as a place (a country or city the clause mentions, not who did
    # it): "Estonia" in "condemned the bombing in Estonia". They say where, not who, and a
    # story's every article may name them, so they make two mentions one happening only
    # in copies of one text (``text_of``).
    places_named: frozenset[str] = frozenset()
    # Identities named as a person (PERSON): two mentions naming only other people are
    # two happenings ("arrested Ivar Sand", "a warrant for Per Holm").
    persons: frozenset[str] = frozenset()
    # The names in ``told_with`` that are places (GPE, LOC): "U.S." in a lead's sentence.
    told_places: frozenset[str] = frozenset()
    # The article this one's text copies (``DuplicateLink``; itself when none): a copy
    # retells its original's sentences, so there a country it names is as good a shared
    # participant as anyone ("an agreement between Russia and Ukraine" in both).
    text_of: str = ""

    @property
    def specific(self) -> frozenset[str]:
        """Who took part: the participants less those named only as a place."""
        return self.ids - self.places_named

    @property
    def inferred(self) -> bool:
        """Whether the mention's date is only its article's day, inferred for a lead
        (``DateFrom.of(...).inferred``, asked for every mention of every cluster, so the
        stored value is compared as it is; counts in bench/NOTES.md)."""
        return self.mention.date_from in _INFERRED_FROM


@dataclass
class _Cluster:
    members: list[_Resolved] = field(default_factory=list)
    lead: bool = False  # grown from articles' lead mentions: a story's main happening
    frames: set[tuple[str | None, str, str]] = field(default_factory=set)

    @property
    def date(self) -> str | None:
        """The day most members state; only without any, the inferred day of a lead."""
        return self.stated or _most_told(m.mention.date for m in self.members)

    @property
    def stated(self) -> str | None:
        return _most_told(_stated(m) for m in self.members)

    @property
    def inferred(self) -> str | None:
        return _most_told(_inferred(m) for m in self.members)

    @property
    def ids(self) -> set[str]:
        return {i for m in self.members for i in m.ids}

    @property
    def specific(self) -> set[str]:
        return {i for m in self.members for i in m.specific}

    @property
    def folded(self) -> set[str]:
        return {n for m in self.members for n in _folded(m)}

    @property
    def specific_folded(self) -> set[str]:
        return {n for m in self.members for n in _specific_folded(m)}

    @property
    def told_with(self) -> set[str]:
        return {n for m in self.members for n in _folded(m) | m.told_with}

    @property
    def told_who(self) -> set[str]:
        """``told_with`` less the places: who the leads' sentences name."""
        return {n for m in self.members for n in _specific_folded(m) | _told_who(m)}


    @property
    def places(self) -> set[str]:
        return {m.place for m in self.members if m.place}

    @property
    def place_labels(self) -> set[str | None]:
        return {m.place_label for m in self.members if m.place}


def merge_events(articles: Sequence[ArticleMeta], corpus: Corpus,
                 stories: Sequence[Story], links: Sequence[DuplicateLink],
                 key_to_entity: Mapping[tuple[str, str], str]) -> list[Event]:
    """One Event per happening, dated ones first, in date order.

    A corpus's analyses are read twice, a batch at a time (names first, then events), so
    only the event mentions stay in memory, not every article's analysis.
    """
    return merge_anchored(articles, corpus, stories, links, key_to_entity)[0]


def merge_anchored(articles: Sequence[ArticleMeta], corpus: Corpus,
                   stories: Sequence[Story], links: Sequence[DuplicateLink],
                   key_to_entity: Mapping[tuple[str, str], str],
                   ) -> tuple[list[Event], dict[str, Anchor]]:
    """``merge_events``, and the anchor in time each undated article got from the events
    it shares with dated ones (article id -> ``said_on.Anchor``; see ``_partial_days``)."""
    ids = sorted(a.id for a in articles)
    story_of = {a: s.id for s in stories for a in s.articles}
    published = {a.id: day for a in articles if (day := _day(a.published))}
    reporters = {a.id: {x.casefold() for x in (a.outlet, a.wire) if x} for a in articles}
    things = _entities_by_name(each_analysis(corpus, ids))
    text_of = _texts(links)
    resolved = [replace(r, text_of=text_of.get(an.article, an.article))
                for an in each_analysis(corpus, ids) for r in
                _resolve(an, story_of.get(an.article), key_to_entity, things,
                         published.get(an.article), reporters.get(an.article, set()))]
    # A partial day is no day to merge on; the ones dated articles fix are placed after.
    partial = {r.mention.id: v for r in resolved if (v := r.mention.date) and PARTIAL.match(v)}
    resolved = [replace(r, mention=replace(r.mention, date=None)) if r.mention.id in partial
                else r for r in resolved]
    clusters = _cluster(resolved)
    days, anchors = _partial_days(resolved, clusters, partial)
    if days:
        _place_fixed(clusters, days)
    index = SourceIndex.build(articles, links)
    events = [e for c in clusters if (e := _to_event(c, index)) is not None]
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id)), anchors


def _texts(links: Sequence[DuplicateLink]) -> dict[str, str]:
    """Article id -> the article whose text it copies, followed to the first that copies
    none (a copy of a copy is its original's)."""
    canonical = {link.article: link.canonical for link in links}
    out = {}
    for article in canonical:
        seen = {article}
        root = canonical[article]
        while root in canonical and root not in seen:
            seen.add(root)
            root = canonical[root]
        out[article] = root
    return out


def _place_fixed(clusters: list[_Cluster], days: Mapping[str, str]) -> None:
    """Give the mentions ``_partial_days`` dated their day (``DateFrom.SHARED_EVENT``); one
    that was an undated event of its own joins the one dated event it fits, if exactly one.

    The clusters are not rebuilt: the order mentions are merged in stays the same, so no
    other event changes (rebuilt, ECB+ dev lost two articles from a main event).
    """
    for c in clusters:
        c.members = [replace(m, mention=replace(m.mention, date=days[m.mention.id],
                                                date_from=DateFrom.SHARED_EVENT.value))
                     if m.mention.id in days else m for m in c.members]
    for c in list(clusters):
        if len(c.members) != 1 or c.members[0].mention.id not in days:
            continue
        fitting = [o for o in clusters if o is not c and o.date and _fits_dated(o, c.members[0])]
        if len(fitting) == 1:
            fitting[0].members.extend(c.members)
            clusters.remove(c)


def _partial_days(resolved: Sequence[_Resolved], clusters: Sequence[_Cluster],
                  partial: Mapping[str, str]) -> tuple[dict[str, str], dict[str, Anchor]]:
    """Mention id -> day, for partial days ("XXXX-08-19", "XXXX-WXX-5") of undated articles
    that dated articles fix; and article id -> the ``Anchor`` that fixed them, for the
    article's statements (``said_on``).

    An undated article's mention that joined an event its story's dated articles state a
    day for anchors the article in time (only when no anchor contradicts its own partial
    day). A month and day takes the one year that puts it within
    ``said_on.ANCHOR_YEAR_DAYS`` of an anchor. The article was written on or after L, the
    latest day it tells as having happened, and within a week of an anchored weekday (a
    bare "Monday" is the last one): its weekdays resolve only when every publication day
    so bounded gives the same day. Its lead is the news of its publication day
    (``LEAD_ANCHOR_DAYS``), which narrows the bounds further. Two readings: no day.
    """
    by_article: dict[str, list[_Resolved]] = {}
    for r in resolved:
        if r.published is None:
            by_article.setdefault(r.mention.article, []).append(r)
    anchors: dict[str, list[tuple[date, _Resolved]]] = {}
    broken: set[str] = set()
    for c in clusters:
        told = {m.mention.date for m in c.members
                if m.published and m.mention.date and not m.inferred and DAY.match(m.mention.date)}
        if len(told) != 1:
            continue
        day = date.fromisoformat(next(iter(told))[:10])
        for m in c.members:
            if m.published is None and m.mention.date is None:
                value = partial.get(m.mention.id)
                if value is not None and not _partial_fits(value, day):
                    broken.add(m.mention.article)
                anchors.setdefault(m.mention.article, []).append((day, m))
    out: dict[str, str] = {}
    fixed: dict[str, Anchor] = {}
    for article, found in anchors.items():
        if article in broken:
            continue
        days, fixed[article] = _article_days(found, by_article.get(article, []), partial)
        out.update(days)
    return out, fixed


def _article_days(anchors: Sequence[tuple[date, _Resolved]], mentions: Sequence[_Resolved],
                  partial: Mapping[str, str]) -> tuple[dict[str, str], Anchor]:
    """One undated article's partial days, fixed by its anchors (``_partial_days``), and
    the article's ``Anchor``: its anchor days and the days it may have been published on."""
    # A mention that met the dated event is of its day (its partial day agrees with it).
    out: dict[str, date] = {r.mention.id: a for a, r in anchors if r.mention.id in partial}
    anchored = set(out)
    by_year = Anchor(tuple(sorted({a for a, _ in anchors})))
    for r in mentions:
        value = partial.get(r.mention.id)
        if value is None or r.mention.id in out or WEEKDAY_PARTIAL.match(value):
            continue
        if (fit := by_year.day(value)) is not None:
            out[r.mention.id] = fit
    happened = [a for a, r in anchors if r.mention.status == "happened"] + \
        [out[r.mention.id] for r in mentions if r.mention.id in out
         and r.mention.status == "happened"]
    weekdays = [a for a, r in anchors if r.mention.status == "happened"
                and WEEKDAY_PARTIAL.match(partial.get(r.mention.id, ""))]
    if not happened or not weekdays:
        return {k: v.isoformat() for k, v in out.items() if k not in anchored}, by_year
    low, high = max(happened), min(weekdays) + timedelta(days=WEEK_DAYS - 1)
    lead = next((r for r in mentions if r.mention.lead and r.mention.status == "happened"
                 and WEEKDAY_PARTIAL.match(partial.get(r.mention.id, ""))), None)
    if lead is not None:
        target = int(partial[lead.mention.id][-1]) - 1
        lead_days = [d for n in range((high - low).days + LEAD_ANCHOR_DAYS + 1)
                     if (d := low - timedelta(days=LEAD_ANCHOR_DAYS - n)).weekday() == target]
        if len(lead_days) == 1:
            found = lead_days[0]
            out[lead.mention.id] = found
            low, high = max(low, found), min(high, found + timedelta(days=LEAD_ANCHOR_DAYS))
    bounded = replace(by_year, first=low, last=high) if low <= high else by_year
    for r in mentions:
        value = partial.get(r.mention.id, "")
        if r.mention.id in out or r.mention.status != "happened" or \
                not WEEKDAY_PARTIAL.match(value):
            continue
        # The last such weekday on or before each possible publication day.
        if (weekday := bounded.day(value)) is not None:
            out[r.mention.id] = weekday
    # The anchors themselves are already in their event: moving them would only reorder it.
    return {k: v.isoformat() for k, v in out.items() if k not in anchored}, bounded


def _partial_fits(value: str, day: date) -> bool:
    """Whether a partial value can name the day: its weekday, or its month and day."""
    if WEEKDAY_PARTIAL.match(value):
        return day.weekday() == int(value[-1]) - 1
    return (day.month, day.day) == (int(value[5:7]), int(value[8:10]))


def _day(value: str | None) -> str | None:
    """The YYYY-MM-DD day of a publication date, or None when it is not a valid day."""
    if not value or not DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _entities_by_name(analyses: Iterable[Analysis]) -> dict[str, str]:
    """Folded mention text -> entity id, where the text names one entity only.

    A product the names stage missed in one article ("thing:iPhone 4") is the entity it
    recognised under the same name in another.
    """
    seen: dict[str, set[str]] = {}
    for a in analyses:
        for m in a.mentions:
            if m.entity:
                seen.setdefault(_display(m.text).casefold(), set()).add(m.entity)
    return {name: next(iter(ids)) for name, ids in seen.items() if len(ids) == 1}


def _resolve(analysis: Analysis, story: str | None,
             key_to_entity: Mapping[tuple[str, str], str],
             things: Mapping[str, str], published: str | None = None,
             reporters: Set[str] = frozenset()) -> list[_Resolved]:
    names = _key_names(analysis.mentions)
    labels = {m.key: m.label for m in analysis.mentions}
    key_labels: dict[str, set[str]] = {}
    for m in analysis.mentions:
        key_labels.setdefault(m.key, set()).add(m.label)
    out = []
    for em in analysis.event_mentions:
        told = frozenset(_sentence_names(em, analysis.mentions) - reporters) if em.lead \
            else frozenset()
        told_places = frozenset(_sentence_names(em, analysis.mentions, PLACE_LABELS)) & told
        ids: dict[str, str] = {}
        products = set()
        actors: dict[str, str] = {}
        where: set[str] = set()
        people: set[str] = set()
        for key in em.participants:
            ident, name = _identity(analysis.article, key, names, key_to_entity, things)
            ids.setdefault(ident, name)
            if key.startswith(THING_PREFIX) or labels.get(key) == PRODUCT_LABEL:
                products.add(ident)
            said = key_labels.get(key, set())
            if PERSON_LABEL in said and said <= PERSON_TOLD:
                people.add(ident)
            if key in actor_keys(em.actor):
                actors[key] = ident
            elif said & PLACE_LABELS and not said & WHO_LABELS:
                where.add(ident)
        place = _display(names[em.place]) if em.place in names else None
        out.append(_Resolved(em, story, frozenset(ids), ids, place, published, told,
                             labels.get(em.place) if em.place else None, frozenset(products),
                             _actor_ids(em.actor, actors),
                             frozenset(where - set(actors.values())), frozenset(people),
                             told_places))
    return out


def _actor_ids(actor: str | None, ids: Mapping[str, str]) -> tuple[str, ...]:
    """The identities of the subject's keys that are participants, in the subject's order
    (a key that is none is never named)."""
    return tuple(dict.fromkeys(ids[k] for k in actor_keys(actor) if k in ids))


def _sentence_names(em: EventMention, mentions: Iterable[Mention],
                    labels: Set[str] = NAME_LABELS) -> set[str]:
    """Folded names (not roles or nationalities) in the sentence the mention is told in."""
    return {_display(m.text).casefold() for m in mentions
            if em.start <= m.start < em.end and m.label in labels}


def _identity(article: str, key: str, names: Mapping[str, str],
              key_to_entity: Mapping[tuple[str, str], str],
              things: Mapping[str, str]) -> tuple[str, str]:
    """(identity, display name) of a participant key: an entity id, else its folded name."""
    if key.startswith(THING_PREFIX):
        name = key[len(THING_PREFIX):]
        return things.get(name.casefold()) or "name:" + name.casefold(), name
    name = _display(names.get(key, key))
    return key_to_entity.get((article, key)) or "name:" + name.casefold(), name


def _display(name: str) -> str:
    """'the White House' -> 'White House': titles read better without the article."""
    return name[4:] if name.lower().startswith("the ") else name


def _key_names(mentions: Iterable[Mention]) -> dict[str, str]:
    """The display name of each article-local cluster: its longest proper name."""
    best: dict[str, tuple[bool, int, str]] = {}
    for m in mentions:
        score = (m.label in NAME_LABELS, len(m.text), m.text)
        if m.key not in best or score > best[m.key]:
            best[m.key] = score
    return {k: v[2] for k, v in best.items()}


def _order(r: _Resolved) -> tuple[bool, str, str, int, str]:
    m = r.mention
    return m.date is None, m.date or "", m.article, m.start, m.id


_Frame = tuple[str | None, str, str]


def _cluster(resolved: Sequence[_Resolved]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    # A mention only ever joins a cluster of its own story, status and kind family
    # (``_same_frame``): looking only there, in creation order, keeps the choice and avoids
    # a scan of every cluster per mention (quadratic in the corpus's events).
    framed: dict[_Frame, list[_Cluster]] = {}
    # First the articles' leads: each story's main happening, whatever verb each outlet
    # used ("enters a clinic", "checks into a clinic"), met by its participants or place.
    leads: dict[tuple[str | None, str], list[_Cluster]] = {}
    for r in sorted((r for r in resolved if r.mention.lead), key=_order):
        frame = (r.story, r.mention.status)
        # An undated lead joins a dated one as the same kind of happening, on the bar
        # undated mentions always meet (two names, or one and the place), or anchored by
        # its article's day (``_joins_lead``): "reached Tarnby" with no day, in a page with
        # no date, is not May's announcement. Between undated leads one name is enough.
        fitting = [c for c in leads.get(frame, ()) if _joins_lead(c, r)]
        if not fitting:
            leads.setdefault(frame, []).append(_new(clusters, framed, r, lead=True))
            continue
        # An undated lead that fits leads of two days goes with the one it shares most
        # with, then the most reported: the story's main happening.
        best = max(fitting, key=lambda c: (c.stated is not None, _shared(c, r),
                                           len(c.members)))
        _join(best, r, framed)
        # The lead ties the leads it fits into one happening ("fired Moss" and "Vellsen
        # announced" meet through "Tarnby fired Moss"); another day stays apart, and
        # so does an undated lead the tying lead meets only through a place's name
        # (``_met_by_place``) and that names someone the dated one does not: an undated
        # "warrant issued for Per Holm" whose sentence shares only "Norway" with an undated
        # arrest is not tied through it to May's arrest of Ivar Sand.
        for other in fitting:
            if other is not best and _dates_agree(
                    other.stated or other.inferred, other.stated is None,
                    best.stated or best.inferred, best.stated is None) and \
                    not (other.date is None and best.stated is not None
                         and _met_by_place(other, r) and _names_other_people(other, best)):
                _absorb(best, other, framed, clusters)
        leads[frame] = [c for c in leads[frame] if c.members]
    rest = []
    for r in sorted((r for r in resolved if not r.mention.lead), key=_order):
        # Another report of a story's main happening, further down an article: the kind
        # of a lead cluster and one of its names is enough (two against a stated day).
        told = [c for c in framed.get(_frame(r), ()) if c.lead and _retells(c, r)]
        if told:
            _join(max(told, key=lambda c: (_shared(c, r), len(c.members))), r, framed)
        else:
            rest.append(r)
    for r in sorted((r for r in rest if r.mention.date), key=_order):
        fitting = [c for c in framed.get(_frame(r), ()) if _fits_dated(c, r)]
        if fitting:
            _join(fitting[0], r, framed)
        else:
            _new(clusters, framed, r)
    dated_framed = {k: [c for c in v if c.date] for k, v in framed.items()}
    for r in sorted((r for r in rest if not r.mention.date), key=_order):
        into_dated = [c for c in dated_framed.get(_frame(r), ()) if _fits_loosely(c, r)]
        if len(into_dated) == 1:
            into_dated[0].members.append(r)
            continue
        undated_clusters = [c for c in framed.get(_frame(r), ())
                            if c.date is None and _fits_loosely(c, r)]
        if undated_clusters:
            _join(undated_clusters[0], r, framed)
        else:
            _new(clusters, framed, r)
    return clusters


def _names_other_people(c: _Cluster, other: _Cluster) -> bool:
    """Whether the cluster names a person (PERSON) the other does not name, by entity or
    by a word of a name."""
    mine = {m.names[i].casefold() for m in c.members for i in m.persons}
    theirs = {m.names[i].casefold() for m in other.members for i in m.persons}
    return bool(mine) and not _name_words(mine) & _name_words(theirs | other.told_who)


def _tells_of_others(c: _Cluster, r: _Resolved) -> bool:
    """Whether the cluster names a person (PERSON) the mention and its sentence do not
    name by any word of the name ("Ola Tarnby III" is "Ola Tarnby"; a
    first name in common is enough not to tell them apart)."""
    mine = {m.names[i].casefold() for m in c.members for i in m.persons}
    theirs = {r.names[i].casefold() for i in r.persons} | _told_who(r)
    return bool(mine) and not _long_words(mine) & _long_words(theirs)


def _long_words(names: Iterable[str]) -> set[str]:
    """Every word of the names long enough to stand for one (MIN_NAME_WORD)."""
    return {w for n in names for w in n.split() if len(w) >= MIN_NAME_WORD}


def _told_who(r: _Resolved) -> frozenset[str]:
    return r.told_with - r.told_places


def _met_by_place(c: _Cluster, r: _Resolved) -> bool:
    """Whether a lead fits a cluster of leads of another kind only through places: it
    shares no participant with it and its sentence no name but a country's or a city's
    ("Norway", which every report of a story may hold)."""
    if _same_frame(c, r) or c.specific & r.specific:
        return False
    return not _name_words(c.told_who) & _name_words(_specific_folded(r) | _told_who(r))


def _absorb(into: _Cluster, other: _Cluster, framed: dict[_Frame, list[_Cluster]],
            clusters: list[_Cluster]) -> None:
    """Move every member of ``other`` into ``into`` and forget ``other``."""
    for m in other.members:
        _join(into, m, framed)
    other.members = []
    for frame in other.frames:
        framed[frame] = [c for c in framed[frame] if c is not other]
    clusters.remove(other)


def _frame(r: _Resolved) -> _Frame:
    return r.story, r.mention.status, family(r.mention.kind)


def _new(clusters: list[_Cluster], framed: dict[_Frame, list[_Cluster]], r: _Resolved,
         lead: bool = False) -> _Cluster:
    cluster = _Cluster(lead=lead)
    clusters.append(cluster)
    _join(cluster, r, framed)
    return cluster


def _join(c: _Cluster, r: _Resolved, framed: dict[_Frame, list[_Cluster]]) -> None:
    c.members.append(r)
    if _frame(r) not in c.frames:
        c.frames.add(_frame(r))
        framed.setdefault(_frame(r), []).append(c)


def _same_frame(c: _Cluster, r: _Resolved) -> bool:
    return _frame(r) in c.frames


def _specific_folded(r: _Resolved) -> set[str]:
    """``_folded`` less the place and the names of places (``_Resolved.places_named``)."""
    return {name.casefold() for i, name in r.names.items() if i not in r.places_named}


def _folded(r: _Resolved) -> set[str]:
    """Participants' names (and the place's) as words to compare when the entities were not
    linked across articles ("Ana Vik" read as a person in one, an organisation in
    another; "Norland" a participant in one report, the place in another)."""
    return {name.casefold() for name in [*r.names.values(), r.place] if name}


def _name_words(names: Iterable[str]) -> set[str]:
    """Folded names and their last words: "Lohan" in one report is "Lindsay Lohan" in
    another. Only for telling whether two leads name someone in common, never for counting
    how many (one person would count twice)."""
    return set(names) | {last for n in names if len(n.split()) > 1
                         and len(last := n.split()[-1]) >= MIN_NAME_WORD}


def _stated(r: _Resolved) -> str | None:
    """The mention's day unless it is only the lead's inferred publication day: a report
    published a day later tells the same happening."""
    return None if r.inferred else r.mention.date


def _inferred(r: _Resolved) -> str | None:
    return r.mention.date if r.inferred else None


def _dates_agree(a: str | None, a_inferred: bool, b: str | None, b_inferred: bool) -> bool:
    """Two leads' days agree when one is unknown, both are stated and equal, or one is only
    the publication day of its report and the other falls on it or up to
    LEAD_REPORT_DAYS before it (a happening is reported on its day or soon after)."""
    if a is None or b is None:
        return True
    if not a_inferred and not b_inferred:
        return a == b
    gap = (date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days
    if a_inferred and b_inferred:
        return abs(gap) <= LEAD_REPORT_DAYS
    return 0 <= (gap if a_inferred else -gap) <= LEAD_REPORT_DAYS


def _most_told(values: Iterable[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _shared(c: _Cluster, r: _Resolved) -> int:
    """Participants shared, by entity or, where entities were not linked, by name; a
    country or city named only as where it happened is no shared participant
    (``_Resolved.places_named``): "Estonia" in two reactions to a bombing in Estonia."""
    if _copies_member(c, r):
        return max(len(c.ids & r.ids), len(c.folded & _folded(r)))
    return max(len(c.specific & r.specific), len(c.specific_folded & _specific_folded(r)))


def _copies_member(c: _Cluster, r: _Resolved) -> bool:
    """Whether the mention's article and a member's are one text (a copy and its original,
    or two copies of one)."""
    return any(m.text_of == r.text_of for m in c.members)


def _who_meet(c: _Cluster, r: _Resolved) -> bool:
    """Whether the cluster and the mention can be about the same people: one of them names
    no one but places, or they share someone (an entity, or a word of a name)."""
    if not c.specific or not r.specific or c.specific & r.specific:
        return True
    return bool(_name_words(c.specific_folded) & _name_words(_specific_folded(r)))


def _answers(r: _Resolved) -> bool:
    """Whether the mention is an answer to another happening (``ANSWER_KINDS``)."""
    return r.mention.kind in ANSWER_KINDS


def _who_shared(c: _Cluster, r: _Resolved) -> set[str]:
    """The participants the cluster and the mention share, places named only as where it
    happened left out (``_Resolved.places_named``) unless the two are one text."""
    return c.ids & r.ids if _copies_member(c, r) else c.specific & r.specific


def _retells(c: _Cluster, r: _Resolved) -> bool:
    """A later mention of a lead cluster's kind tells its happening on agreeing days with
    one of its names; undated against its day, with two. (Its article's day does not
    anchor it as it anchors a lead: a body mention is as often background, and on
    timeline-semeval15-dev its names on the lead's day cost timeline_date_f1 0.533 ->
    0.527.)"""
    if not _dates_agree(_stated(r) or _inferred(r), _stated(r) is None,
                        c.stated or c.inferred, c.stated is None) or _reported_apart(c, r) \
            or _other_in_sentence(c, r):
        return False
    need = UNDATED_MIN_SHARED if c.date and not r.mention.date else 1
    return _shared(c, r) >= need


def _other_in_sentence(c: _Cluster, r: _Resolved) -> bool:
    """Whether the cluster holds the happening that dated the mention's sentence while the
    mention was not (``DateFrom.OTHER_HAPPENING``), or the other way round: a mention of
    the same article and sentence of another kind family. "paid tribute Tuesday to bombing
    victims" tells two happenings, and the bombing must not take the tribute's Tuesday by
    joining its event. (One sentence's two kinds may be one happening, "fire damaged the
    church": there neither was refused the other's day, and they still meet.)"""
    other = DateFrom.OTHER_HAPPENING.value
    return any(m.mention.article == r.mention.article and m.mention.start == r.mention.start
               and family(m.mention.kind) != family(r.mention.kind)
               and other in (m.mention.date_from, r.mention.date_from) for m in c.members)


def _fits_lead(c: _Cluster, r: _Resolved) -> bool:
    """Two articles' leads in one story: the same happening when their dates agree (or one
    is undated) and they are of one kind, or share a participant, a name their sentences
    hold (never the reporting outlet's) or the place."""
    if not _dates_agree(_stated(r) or _inferred(r), _stated(r) is None,
                        c.stated or c.inferred, c.stated is None) or _reported_apart(c, r):
        return False
    # The same kind of happening told as a story's news on agreeing days is one happening,
    # whoever each outlet names ("Otters fire Moss", "Moss fired by Tarnby").
    # An answer to a happening is not the happening, nor another's answer: "Norland condemned
    # the blasts" and "two blasts hit the port", or "Tarnia regretted", are three; two
    # answers of one kind are one only when they name someone in common ("Norland condemned"
    # and "Tarnia condemned" are two).
    if _same_frame(c, r):
        return not _answers(r) or _who_meet(c, r)
    if _answers(r) or any(_answers(m) for m in c.members):
        return False
    # A shared participant is enough, whatever place each outlet names (the arena, the
    # city, the country): one names it finer than the other; so is a name both leads'
    # sentences hold, where the parse did not make it a participant of either.
    if _who_shared(c, r) or \
            _name_words(c.told_with) & _name_words(_folded(r) | r.told_with):
        return True
    return r.place is not None and r.place in c.places


def _reported_apart(c: _Cluster, r: _Resolved) -> bool:
    """Whether an undated cluster's reports and the mention's were all published more
    than LEAD_REPORT_DAYS apart: with no day on the cluster's side, the days the reports
    appeared are all that tells one story's happenings apart (a ratification reported in
    December, a decision in February and a ceremony in March, each its report's news, are
    three happenings, not one dated by the earliest report)."""
    if r.published is None or c.date is not None:
        return False
    days = {m.published for m in c.members if m.published}
    day = date.fromisoformat(r.published)
    return bool(days) and all(abs((day - date.fromisoformat(d)).days) > LEAD_REPORT_DAYS
                              for d in days)


def _joins_lead(c: _Cluster, r: _Resolved) -> bool:
    """Whether a lead joins a cluster of leads: it fits (``_fits_lead``) and, undated
    against a day, is the same kind of happening, shares two names (or one and the place)
    or was published on that day or soon after (``_reported_after``)."""
    if not _fits_lead(c, r):
        return False
    if _same_frame(c, r):
        return True
    # Published on the day or soon after is enough, except for a lead of another kind with
    # no day of its own, published later than the next day's paper, that meets a stated
    # day's leads only through the countries or cities both sentences name, and not the
    # person they tell of ("attacks on sites in Vessia", reported two days after "Lindqvist
    # paid tribute Tuesday", both naming the U.S.): it must then meet the bar below (two
    # names, or one and the place). A happening told only by its places ("two bombs
    # exploded in Ostland and Marivia") still meets its day's leads through them.
    if _reported_after(r, c.stated or c.date) and not (
            _stated(r) is None and c.stated is not None and _met_by_place(c, r)
            and _tells_of_others(c, r) and not _next_days_paper(r, c.stated)):
        return True
    if _stated(r) is None and c.stated is not None and _shared(c, r) < UNDATED_MIN_SHARED \
            and not (r.place is not None and r.place in c.places):
        return False
    return r.mention.date is not None or c.date is None


def _next_days_paper(r: _Resolved, day: str) -> bool:
    """Whether the lead's article was published on ``day`` or up to LEAD_REPORT_DAYS after:
    that day's news, not only near it."""
    return r.published is not None and 0 <= (
        date.fromisoformat(r.published) - date.fromisoformat(day[:10])).days <= LEAD_REPORT_DAYS


def _reported_after(r: _Resolved, day: str | None) -> bool:
    """Whether the lead's article was published on ``day`` or up to LEAD_ANCHOR_DAYS after
    it: an article's lead is its news, so it tells what happened just before it appeared."""
    if r.published is None or day is None:
        return False
    return 0 <= (date.fromisoformat(r.published) - date.fromisoformat(day[:10])).days \
        <= LEAD_ANCHOR_DAYS


def _places_differ(c: _Cluster, r: _Resolved) -> bool:
    """Whether the mention's place is another than the cluster's: two places named at one
    level (two cities, two buildings). A building and a city may be one inside the other
    ("the Harbour Hall", "Harbourton"): each outlet names the place as finely as it likes."""
    if not r.place or r.place in c.places:
        return False
    return r.place_label in c.place_labels


def _fits_dated(c: _Cluster, r: _Resolved) -> bool:
    if not _same_frame(c, r) or c.date != r.mention.date or _places_differ(c, r) \
            or _other_in_sentence(c, r):
        return False
    return bool(_who_shared(c, r)) or (r.place is not None and r.place in c.places) \
        or _same_lead_news(c, r) or _retold_elsewhere(c, r)


def _retold_elsewhere(c: _Cluster, r: _Resolved) -> bool:
    """Whether another outlet's report of the story tells the cluster's happening: the same
    kind of happening (a lexicon's, not a verb's own) on the same stated day in another
    article of the story; for a gathering (``GATHERINGS``) whoever each names ("a press
    conference held by Apple" and "Jobs said at a press conference"), for any other kind
    only with someone or something both name: two people's arrests or deaths on one day
    are two. One article's two of a kind on one day stay two: it told them apart itself."""
    if r.inferred or r.story is None or is_verb_kind(r.mention.kind) \
            or r.mention.kind == "statement":
        return False
    if r.mention.kind not in GATHERINGS and not _names_meet(c, r):
        return False
    articles = {m.mention.article for m in c.members}
    return r.mention.article not in articles and any(
        not m.inferred and m.mention.kind == r.mention.kind for m in c.members)


def _names_meet(c: _Cluster, r: _Resolved) -> bool:
    """Whether the cluster and the mention can be about the same people: one of them names
    no one, or they share a participant, or a word of a participant's name ("Tarnby"
    and "Ola Tarnby", whom the entity step keeps apart across untied articles)."""
    if not c.ids or not r.ids or c.ids & r.ids:
        return True
    theirs = _name_words({n.casefold() for m in c.members for n in m.names.values()})
    return not theirs.isdisjoint(_name_words({n.casefold() for n in r.names.values()}))


def _same_lead_news(c: _Cluster, r: _Resolved) -> bool:
    """Whether the mention and one of the cluster's are the same article's lead news: both
    dated only by the article's day inferred for its lead, so both told in its headline or
    first sentences ("Air Canada orders Boeing jets" and "the airline has ordered 32 777s"),
    which retell one happening in other words, naming some of its people each. A stated day
    never meets this way: two meetings an article dates to one day may be two."""
    return r.inferred and any(m.inferred and m.mention.article == r.mention.article
                              and m.mention.kind == r.mention.kind for m in c.members)


def _fits_loosely(c: _Cluster, r: _Resolved) -> bool:
    """For an undated mention: a stronger overlap stands in for the missing date."""
    if not _same_frame(c, r) or _places_differ(c, r) or _other_in_sentence(c, r):
        return False
    shared = len(_who_shared(c, r))
    same_place = r.place is not None and r.place in c.places
    return shared >= UNDATED_MIN_SHARED or (shared >= 1 and same_place)


def _to_event(c: _Cluster, index: SourceIndex) -> Event | None:
    """The cluster's event, or None when nothing in it says what happened: a verb without
    its object ("Mark Rutte, NATO dealt") or a kind without anyone or anywhere ("Talks")."""
    mentions = [m.mention for m in c.members]
    found = next(((kind, day, place, title) for kind, day, own in _kinds_and_days(c)
                  if (title := _title(kind, c, place := _most_common(m.place for m in own)))
                  is not None), None)
    if found is None:
        return None
    kind, day, place, title = found
    entity_ids = sorted({i for i in c.ids if not i.startswith("name:")})
    article_ids = sorted({m.article for m in mentions})
    sources, independent = index.independent(_supporting(c, day))
    mention_ids = sorted(m.id for m in mentions)
    return Event(
        id=content_id("event", c.members[0].story, kind, day, *mention_ids),
        status=c.members[0].mention.status,
        title=title, kind=kind, date=day, date_from=_day_from(c, day),
        place=place,
        story=c.members[0].story, participants=tuple(entity_ids), articles=tuple(article_ids),
        mentions=tuple(mention_ids), sources=tuple(sources), independent_sources=independent)


def _kinds_and_days(c: _Cluster) -> list[tuple[str, str | None, list[_Resolved]]]:
    """What the event may be, best first: its kind, its day and the mentions of its kind
    family. A day belongs to the mentions that were dated, so the event takes its day only
    from mentions of its own kind: the kind most members are of, with the day they give;
    when they give none, the kind of the mentions that give the cluster's day, with it (if
    its words make a title); else the first kind, undated. Leads of another kind may have
    joined a cluster undated ("paid tribute Tuesday to the flood's victims" and "storms on
    farms in Vessia"): the storms never take the tribute's Tuesday, nor it their place."""
    kind = _most_told_kind([m.mention.kind for m in c.members])
    own = _of_family(c.members, kind)
    day = _day_told(own)
    if day is not None or c.date is None:
        return [(kind, day, own)]
    on_day = [m for m in c.members if m.mention.date == c.date]
    dated = Counter(m.mention.kind for m in on_day).most_common(1)[0][0]
    theirs = _of_family(c.members, dated)
    return [(dated, _day_told(theirs), theirs), (kind, None, own)]


def _most_told_kind(kinds: Sequence[str]) -> str:
    """The kind most mentions are of, the first told of those told as often; but of a
    verb's kind and its noun's (one family) told as often, the verb's, whose title says
    who did what ("Ola Vell killed in his kitchen by a sniper", not "Killing: Ola Vell,
    Oslo, FBI" with every name its mentions hold)."""
    counted = Counter(kinds)
    top = counted.most_common(1)[0][0]
    return next((k for k in counted if counted[k] == counted[top] and is_verb_kind(k)
                 and not is_verb_kind(top) and family(k) == family(top)), top)


def _of_family(members: Sequence[_Resolved], kind: str) -> list[_Resolved]:
    return [m for m in members if family(m.mention.kind) == family(kind)]


def _day_told(members: Sequence[_Resolved]) -> str | None:
    """The day most members state; only without any, the inferred day of a lead (as
    ``_Cluster.date``)."""
    return _most_told(_stated(m) for m in members) or \
        _most_told(m.mention.date for m in members)


def _supporting(c: _Cluster, day: str | None) -> list[str]:
    """The articles whose mentions support the event's day: those that give that day (stated
    or as their lead's publication day). An undated mention that joined a dated event, or
    one of another day, tells the happening without vouching for its day, so the event's
    sources are not counted on it ("4 independent sources" behind a day one states). An
    undated event's every article supports it, and a copy supports what its original does
    (one text: the sources fold them anyway)."""
    if day is None:
        return sorted({m.mention.article for m in c.members})
    texts = {m.text_of for m in c.members if _supports(m, day)}
    return sorted({m.mention.article for m in c.members if m.text_of in texts})


def _supports(m: _Resolved, day: str) -> bool:
    """Whether the mention gives the day: states it, or is a lead published on it or up to
    LEAD_REPORT_DAYS after (the next day's paper tells that day's news)."""
    if m.mention.date is None or not DAY.match(m.mention.date):
        return False
    if not m.inferred:
        return m.mention.date == day
    gap = (date.fromisoformat(m.mention.date[:10]) - date.fromisoformat(day[:10])).days
    return 0 <= gap <= LEAD_REPORT_DAYS


def _date_from(c: _Cluster) -> str | None:
    """How the cluster's date was found: a stated date wins over a lead inference."""
    return _day_from(c, c.date)


def _day_from(c: _Cluster, day: str | None) -> str | None:
    """How the event's day was found: a stated date wins over a lead inference."""
    on_day = [(m, m.mention.date_from) for m in c.members
              if day and m.mention.date == day and m.mention.date_from]
    stated = sorted({how for m, how in on_day if how and not m.inferred
                     and how != DateFrom.SHARED_EVENT})
    ways = stated or sorted({how for _, how in on_day if how})
    return ways[0] if ways else None


def _most_common(values: Iterable[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return min(counted, key=lambda v: (-counted[v], v)) if counted else None


def _title(kind: str, c: _Cluster, place: str | None) -> str | None:
    """'Meeting: Trump, Zelenskyy, Rutte — Washington'; 'Tara Reid checked into Promises
    Treatment Center' for a verb's event; None when there is nothing to say.

    A verb-named kind reads badly as a label, so its title is who did it (the verb's subject
    most reports name, ``EventMention.actor``) and the verb's phrase as the reports wrote it
    (the verb and its object); with no named subject the subject as described ("A Tromso
    man pleaded guilty to threatening X", never "X pleaded guilty ..."), or with none (a
    pronoun's) the phrase alone. A bare verb says nothing
    ("Kyiv Independent informed"), so such an event gets no title.
    """
    if is_verb_kind(kind):
        # Only the event's own kind's words: a lead of another kind that joined it tells
        # another happening ("attacks on sites in Vessia" is no title for a tribute).
        phrases = [m.mention.phrase for m in c.members
                   if m.mention.phrase and _says_what(m.mention.phrase)
                   and family(m.mention.kind) == family(kind)]
        phrase = _most_common(phrases)
        if phrase is None:
            return None
        # Who did it: the subject most members whose phrase opens on the same verb name,
        # unless the phrase already does; another verb's subject is another clause's
        # ("X was killed" names no subject of "charged with speeding").
        verb = _verb_word(phrase)
        who = _actor_name([m for m in c.members if m.mention.phrase
                           and _verb_word(m.mention.phrase) == verb])
        if who is not None and who.casefold() in phrase.casefold():
            who = None
        # Nobody named: the subject as the report with that phrase described it ("Some
        # 1,500 protesters marched ..."), else the phrase alone ("Held talks in Geneva"),
        # never a "Report:" label nor a name from another clause.
        several = _actor_count(c.members) > 1
        described = _most_common(described_actor(m.mention.actor) for m in c.members
                                 if m.mention.phrase == phrase) if who is None else None
        if who is not None:
            title = f"{who} {_agreeing(phrase, several)}"
        elif described is not None:
            title = f"{described[0].upper()}{described[1:]} {phrase}"
        else:
            title = phrase[0].upper() + phrase[1:]
    else:
        names = _top_names(c, with_products=kind in PRODUCT_KINDS)
        if not names and not place:
            return None
        label = KIND_LABELS.get(kind, kind.replace("-", " ").capitalize())
        title = label + (": " + ", ".join(names) if names else "")
    return title + (f" — {place}" if place else "")


def _agreeing(phrase: str, several: bool) -> str:
    """The phrase with its perfect's "has"/"have" agreeing with the names the title gives:
    the subject the page wrote may be more than the names ("Darwin, plus all the features,
    have passed"), so "Darwin has passed"; several names joined ("X and Y") have."""
    words = phrase.split(" ", 1)
    if len(words) < 2 or words[0].casefold() not in ("has", "have"):
        return phrase
    return ("have" if several else "has") + " " + words[1]


def _actor_count(members: Sequence[_Resolved]) -> int:
    """How many names ``_actor_name`` joins for these members (0 when none)."""
    actors = Counter(m.actors for m in members if m.actors)
    return len(min(actors, key=lambda i: (-actors[i], i))) if actors else 0


def _actor_name(members: Sequence[_Resolved]) -> str | None:
    """The subject the most members name, each name in its longest spelling, coordinated
    ones joined ("Otto Brandt and Anna Lindqvist"); None when none names one."""
    actors = Counter(m.actors for m in members if m.actors)
    if not actors:
        return None
    idents = min(actors, key=lambda i: (-actors[i], i))
    names = [max((m.names[i] for m in members if i in m.names), key=len) for i in idents]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _says_what(phrase: str) -> bool:
    """Whether a verb's phrase holds more than the verb and when: its object or place
    ("has announced today" is still a bare verb)."""
    words = [w for w in _without_aux(phrase.split()) if w.casefold() not in WHEN_WORDS]
    return len(words) >= MIN_PHRASE_WORDS


def _without_aux(words: list[str]) -> list[str]:
    """A phrase's words less the perfect's auxiliary or the "to" it opens on ("has decided
    ...", "to sail ...")."""
    opener = words[0].casefold() if len(words) > 1 else ""
    return words[1:] if opener in PERFECT_AUX or opener == INFINITIVE_MARK else words


def _verb_word(phrase: str) -> str:
    """The verb a phrase opens on, folded, after any perfect auxiliary."""
    return _without_aux(phrase.split())[0].casefold()


def _top_names(c: _Cluster, with_products: bool = True) -> list[str]:
    """The cluster's most often named participants, longest spelling of each; products
    only ``with_products`` or where no one else is named ("Visit: A380 — U.S.")."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    products = {i for m in c.members for i in m.products}
    hide = not with_products and bool(c.ids - products)
    for m in c.members:
        for ident, name in m.names.items():
            if hide and ident in products:
                continue
            counts[ident] += 1
            if len(name) > len(names.get(ident, "")):
                names[ident] = name
    top = sorted(counts, key=lambda i: (-counts[i], names[i]))[:MAX_TITLE_NAMES]
    return [names[i] for i in top]
