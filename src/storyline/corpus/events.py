"""Events across the corpus: the event mentions of many articles merged into one record each.

Two mentions are one happening when they are in the same story, of the same kind family
(meeting/talks/summit are one), on the same day, and share a participant or the place. An
undated mention joins a dated event only when exactly one fits and it shares two names (or
a name and the place) with it; otherwise it stays an undated event of its own. Each event
carries the outlets that report it and how many of them are independent once syndicated
copies are folded (``corpus.sources``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..event_kinds import VERB_KIND_LABEL, family, is_verb_kind
from ..events import LEAD_DATE_FROM, THING_PREFIX
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
from .reader import Corpus, MemoryCorpus, each_analysis
from .sources import SourceIndex

# Names shown in an event's title; more make it unreadable and the rest are in participants.
MAX_TITLE_NAMES = 4
# Shared participants an undated mention needs to join a dated event (one plus the place
# also does): the same bar the per-article date inheritance uses.
UNDATED_MIN_SHARED = 2
KIND_LABELS = {"press-conference": "Press conference", "talks": "Talks"}
# Labels whose mentions name someone rather than describe them; preferred for titles.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "PRODUCT", "FAC", "LOC"})


@dataclass(frozen=True, slots=True)
class _Resolved:
    """An event mention with its participants as corpus-level identities and display names."""

    mention: EventMention
    story: str | None
    ids: frozenset[str]  # entity ids, or "name:<folded text>" when no entity was resolved
    names: Mapping[str, str]  # identity -> display name
    place: str | None  # display name of the place


@dataclass
class _Cluster:
    members: list[_Resolved] = field(default_factory=list)

    @property
    def date(self) -> str | None:
        dates = [m.mention.date for m in self.members if m.mention.date]
        return Counter(dates).most_common(1)[0][0] if dates else None

    @property
    def ids(self) -> set[str]:
        return {i for m in self.members for i in m.ids}

    @property
    def places(self) -> set[str]:
        return {m.place for m in self.members if m.place}


def merge_events(articles: Sequence[ArticleMeta], analyses: Mapping[str, Analysis] | Corpus,
                 stories: Sequence[Story], links: Sequence[DuplicateLink],
                 key_to_entity: Mapping[tuple[str, str], str]) -> list[Event]:
    """One Event per happening, dated ones first, in date order.

    A corpus's analyses are read twice, a batch at a time (names first, then events), so
    only the event mentions stay in memory, not every article's analysis.
    """
    if isinstance(analyses, Mapping):
        source: Corpus = MemoryCorpus([], analyses)
        ids = sorted(analyses)
    else:
        source, ids = analyses, sorted(a.id for a in articles)
    story_of = {a: s.id for s in stories for a in s.articles}
    things = _entities_by_name(each_analysis(source, ids))
    resolved = [r for an in each_analysis(source, ids) for r in
                _resolve(an, story_of.get(an.article), key_to_entity, things)]
    clusters = _cluster(resolved)
    index = SourceIndex.build(articles, links)
    events = [_to_event(c, index) for c in clusters]
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


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
             things: Mapping[str, str]) -> list[_Resolved]:
    names = _key_names(analysis.mentions)
    out = []
    for em in analysis.event_mentions:
        ids: dict[str, str] = {}
        for key in em.participants:
            ident, name = _identity(analysis.article, key, names, key_to_entity, things)
            ids.setdefault(ident, name)
        place = _display(names[em.place]) if em.place in names else None
        out.append(_Resolved(em, story, frozenset(ids), ids, place))
    return out


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


def _cluster(resolved: Sequence[_Resolved]) -> list[_Cluster]:
    dated = sorted((r for r in resolved if r.mention.date),
                   key=lambda r: (r.mention.date or "", r.mention.article, r.mention.start))
    undated = sorted((r for r in resolved if not r.mention.date),
                     key=lambda r: (r.mention.article, r.mention.start, r.mention.id))
    clusters: list[_Cluster] = []
    # A mention only ever joins a cluster of its own story and kind family (``_same_frame``):
    # looking only there, in creation order, keeps the choice and avoids a scan of every
    # cluster per mention (quadratic in the corpus's events).
    framed: dict[tuple[str | None, str], list[_Cluster]] = {}
    for r in dated:
        _add(clusters, framed, r, [c for c in framed.get(_frame(r), ()) if _fits_dated(c, r)])
    dated_framed = {k: list(v) for k, v in framed.items()}
    for r in undated:
        into_dated = [c for c in dated_framed.get(_frame(r), ()) if _fits_loosely(c, r)]
        if len(into_dated) == 1:
            into_dated[0].members.append(r)
            continue
        undated_clusters = [c for c in framed.get(_frame(r), ())
                            if c.date is None and _fits_loosely(c, r)]
        _add(clusters, framed, r, undated_clusters)
    return clusters


def _frame(r: _Resolved) -> tuple[str | None, str]:
    return r.story, family(r.mention.kind)


def _add(clusters: list[_Cluster], framed: dict[tuple[str | None, str], list[_Cluster]],
         r: _Resolved, fitting: Sequence[_Cluster]) -> None:
    if fitting:
        fitting[0].members.append(r)
    else:
        cluster = _Cluster([r])
        clusters.append(cluster)
        framed.setdefault(_frame(r), []).append(cluster)


def _same_frame(c: _Cluster, r: _Resolved) -> bool:
    first = c.members[0]
    return first.story == r.story and family(first.mention.kind) == family(r.mention.kind)


def _fits_dated(c: _Cluster, r: _Resolved) -> bool:
    if not _same_frame(c, r) or c.date != r.mention.date:
        return False
    if r.place and c.places and r.place not in c.places:
        return False
    return bool(c.ids & r.ids) or (r.place is not None and r.place in c.places)


def _fits_loosely(c: _Cluster, r: _Resolved) -> bool:
    """For an undated mention: a stronger overlap stands in for the missing date."""
    if not _same_frame(c, r) or (r.place and c.places and r.place not in c.places):
        return False
    shared = len(c.ids & r.ids)
    same_place = r.place is not None and r.place in c.places
    return shared >= UNDATED_MIN_SHARED or (shared >= 1 and same_place)


def _to_event(c: _Cluster, index: SourceIndex) -> Event:
    mentions = [m.mention for m in c.members]
    kind = Counter(m.kind for m in mentions).most_common(1)[0][0]
    place = _most_common(m.place for m in c.members)
    entity_ids = sorted({i for i in c.ids if not i.startswith("name:")})
    article_ids = sorted({m.article for m in mentions})
    sources, independent = index.independent(article_ids)
    mention_ids = sorted(m.id for m in mentions)
    return Event(
        id=content_id("event", c.members[0].story, kind, c.date, *mention_ids),
        title=_title(kind, c, place), kind=kind, date=c.date, date_from=_date_from(c),
        place=place,
        story=c.members[0].story, participants=tuple(entity_ids), articles=tuple(article_ids),
        mentions=tuple(mention_ids), sources=tuple(sources), independent_sources=independent)


def _date_from(c: _Cluster) -> str | None:
    """How the cluster's date was found: a stated date wins over a lead inference."""
    ways = sorted({m.mention.date_from or "" for m in c.members
                   if c.date and m.mention.date == c.date} - {""})
    stated = [w for w in ways if w != LEAD_DATE_FROM]
    return stated[0] if stated else (ways[0] if ways else None)


def _most_common(values: Iterable[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return min(counted, key=lambda v: (-counted[v], v)) if counted else None


def _title(kind: str, c: _Cluster, place: str | None) -> str:
    """'Meeting: Trump, Zelenskyy, Rutte — Washington'; 'Mark Rutte hopes' for a verb's event.

    A verb-named kind ("hope", "express") reads badly as a label, so its title is the
    participants with the verb as the reports wrote it, or 'Report: <verb>' without them.
    """
    names = _top_names(c)
    if is_verb_kind(kind):
        verb = _most_common(m.mention.trigger.lower() for m in c.members) or kind
        title = f"{', '.join(names)} {verb}" if names else f"{VERB_KIND_LABEL}: {verb}"
    else:
        label = KIND_LABELS.get(kind, kind.replace("-", " ").capitalize())
        title = label + (": " + ", ".join(names) if names else "")
    return title + (f" — {place}" if place else "")


def _top_names(c: _Cluster) -> list[str]:
    """The cluster's most often named participants, longest spelling of each."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for m in c.members:
        for ident, name in m.names.items():
            counts[ident] += 1
            if len(name) > len(names.get(ident, "")):
                names[ident] = name
    top = sorted(counts, key=lambda i: (-counts[i], names[i]))[:MAX_TITLE_NAMES]
    return [names[i] for i in top]
