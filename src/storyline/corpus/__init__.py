"""Corpus-wide stages: everything that needs more than one article at a time.

``build`` recomputes them from a corpus's articles and analyses (``reader.Corpus``), in the
order each needs the one before, and returns them as one ``CorpusBuild``; the runner saves
that in one transaction. It is deterministic, so a re-run saves the same rows. A step that
raises becomes a ``CorpusStepError`` naming the step; the runner records it and keeps the
run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from ..errors import StorylineError
from ..records import (
    Contradiction,
    DuplicateLink,
    Entity,
    Event,
    KeyDate,
    Quote,
    Statement,
    Story,
    TimelineItem,
)
from ..settings import Settings
from . import (
    contradictions,
    copy_dates,
    dedup,
    entities,
    events,
    key_dates,
    said_on,
    statement_events,
    statements,
    stories,
    timeline,
)
from .encoder import Elsewhere, Encoder, Precomputed, Vectors
from .reader import Corpus, EntityLinks
from .sources import SourceIndex

__all__ = ["CorpusBuild", "CorpusStepError", "Merged", "build", "step"]

# What the entity step gives: the corpus entities and the links of articles' mentions to them.
Merged = tuple[list[Entity], dict[tuple[str, str], str]]

# Copy texts worth sending to a worker ahead, while steps 3-5 run: fewer are sent only if
# the statements step asks for them (7 ms each, the bench's 1k articles have 131; the eval
# sets 2-10).
ENCODE_ELSEWHERE_TEXTS = 32


@dataclass(frozen=True, slots=True)
class CorpusBuild:
    """Everything one build found, for the runner to save at once.

    ``entity_links`` maps (article, mention key) to the entity its mentions and quote
    speakers point at. ``dated_quotes`` are the quotes whose day this build set or took
    back (``said_on``), with their new ``said_on`` and ``said_on_from``.
    """

    entities: tuple[Entity, ...]
    entity_links: EntityLinks
    duplicates: tuple[DuplicateLink, ...]
    stories: tuple[Story, ...]
    events: tuple[Event, ...]
    statements: tuple[Statement, ...]
    contradictions: tuple[Contradiction, ...]
    timeline: tuple[TimelineItem, ...]
    key_dates: tuple[KeyDate, ...]
    dated_quotes: tuple[Quote, ...] = ()


class CorpusStepError(StorylineError):
    """A corpus step raised: ``step`` names it, ``reason`` and ``detail`` say what raised.

    The articles and analyses are already stored; only the corpus tables are out of date.
    """

    def __init__(self, step: str, cause: Exception) -> None:
        self.step = step
        self.reason = type(cause).__name__
        self.detail = str(cause)
        super().__init__(f"corpus step '{step}' failed: {self.reason}: {self.detail}")


@contextmanager
def step(name: str) -> Iterator[None]:
    """Any error raised inside becomes a ``CorpusStepError`` naming step ``name``."""
    try:
        yield
    except Exception as e:  # any error in a step is reported as that step's
        raise CorpusStepError(name, e) from e


def build(corpus: Corpus, settings: Settings, previous: Sequence[Story] = (),
          copies: Callable[[], list[DuplicateLink]] | None = None,
          encode: Callable[[list[str]], Callable[[], Vectors]] | None = None,
          names: Callable[[], Merged] | None = None) -> CorpusBuild:
    """Entities, duplicates, stories, events, statements, contradictions and the timeline.

    ``previous`` are the stories earlier builds made (articles keep theirs). ``copies``
    returns the duplicate links when the runner looks for them elsewhere (a worker
    process: they read only texts); without it they are found here. ``names`` likewise
    returns ``entities.merge_entities`` of the corpus's mentions found elsewhere (another
    worker, while the first searches for copies). ``encode`` starts encoding texts
    elsewhere and returns what to call for their vectors: the statements' sentence vectors
    are then encoded there while stories and events are built here; without it the
    statements step encodes them. Raises ``CorpusStepError`` naming the step that failed.
    """
    # 1. Names merged across articles; every later step sees mentions and quote speakers
    # pointing at these entities.
    with step("entities"):
        merged, links = names() if names is not None else \
            entities.merge_entities(corpus.mentions())
        corpus = corpus.linked(links)
    # 2. Copies: the same text, the same wire story, translations.
    with step("duplicates"):
        if copies is not None:  # the search runs elsewhere: meanwhile read what comes next
            corpus.read_ahead()
            copy_links = copies()
        else:
            copy_links = dedup.find_duplicates(corpus, settings)
    # 2b. A copy published after the article it copies holds text written on the earlier
    # day: every later step reads its relative days as the original's, not re-counted.
    with step("copy_dates"):
        reanchored = copy_dates.reanchor(corpus, copy_links)
        corpus = reanchored
    encoder: Encoder | None = None
    stored: list[Quote] | None = None  # the quotes as stored, read once
    if encode is not None:  # the statements' vectors, encoded while steps 3-5 run here
        with step("statements"):
            stored = corpus.quotes()
            texts = statements.copy_texts(stored, copy_links)
            # Every text goes to a worker, this process never loads the model: the copies'
            # texts ahead when there are enough, the reworded pairs (known only once
            # words have joined) when the statements step asks.
            encoder = Elsewhere(encode)
            if len(texts) >= ENCODE_ELSEWHERE_TEXTS:
                encoder = Precomputed(texts, encode(texts), encoder)
    # 3. Stories, starting from the assignment earlier runs made.
    with step("stories"):
        found_stories = stories.assign_stories(corpus, copy_links, previous, settings)
    # 4. Events merged across articles, with their independent sources; analyses are
    # read a batch at a time, never every article's at once.
    with step("events"):
        articles = corpus.infos()
        found_events, anchors = events.merge_anchored(articles, corpus, found_stories,
                                                      copy_links, links)
    # 5. Statements' days in undated articles, from the anchor their shared events gave.
    with step("said_on"):
        if stored is None:
            stored = corpus.quotes()
        quotes = said_on.date_quotes(stored, anchors, corpus.articles(sorted(anchors)))
        # A later copy's quotes compare with their days as stored, before ``reanchor``.
        redated = tuple(q for q, was in zip(quotes, stored, strict=True)
                        if (q.said_on, q.said_on_from) != reanchored.as_stored(was))
    # 6. Statements: the quotes that render one utterance, across copies and rewrites; those
    # whose saying is itself a dated happening are events too.
    with step("statements"):
        found_statements = statements.group_statements(quotes, articles, copy_links,
                                                       found_stories, encoder)
        by_id = {q.id: q for q in quotes}
        maybe = statement_events.candidates(found_statements, by_id)
        news = statement_events.statement_events(
            maybe, by_id, corpus.articles(sorted({a for s in maybe for a in s.articles})),
            found_events)
    # 7. Statements that conflict within a story; sentences only where there are statements.
    with step("contradictions"):
        conflicts = contradictions.find_contradictions(quotes, articles, found_stories, corpus)
    # 8. One timeline per story, ranked; a statement that is an event is its one row.
    with step("timeline"):
        rows = timeline.build_timeline(found_stories, found_events, found_statements, by_id,
                                       _mention_counts(corpus, links, found_stories),
                                       news.statements)
        all_events = sorted((*found_events, *news.events),
                            key=lambda e: (e.date is None, e.date or "", e.id))
    # 9. Each story's key dates, from its ranked rows.
    with step("key_dates"):
        days = key_dates.find_key_dates(found_stories, rows,
                                        SourceIndex.build(articles, copy_links))
    return CorpusBuild(
        entities=tuple(merged), entity_links=links, duplicates=tuple(copy_links),
        stories=tuple(found_stories), events=tuple(all_events),
        statements=tuple(found_statements), contradictions=tuple(conflicts),
        timeline=tuple(rows), key_dates=tuple(days), dated_quotes=redated)


def _mention_counts(corpus: Corpus, links: EntityLinks,
                    found: Sequence[Story]) -> Mapping[tuple[str, str], int]:
    """How often each entity is named in each story: (story, entity) -> mentions."""
    story_of = {a: s.id for s in found for a in s.articles}
    counts: Counter[tuple[str, str]] = Counter()
    for article, key, n in corpus.mention_key_counts():
        entity, story = links.get((article, key)), story_of.get(article)
        if entity is not None and story is not None:
            counts[(story, entity)] += n
    return counts
