"""How much a timeline row matters: one score per row, and each row's rank within its day.

A row's score adds what an editor weighs (the README's "How the timeline is ranked"):

1. what it is: a happening (meeting, agreement, attack, ...) over a press conference or an
   interview, over a statement (less when it is a fragment) or an announcement, over a
   verb the lexicons do not know;
2. how many independent sources report it (syndicated copies folded, ``corpus.sources``);
3. how prominent its people are in the story: the speaker's or a participant's statements,
   events and mentions by name there, against the story's most prominent person;

then multiplies by its novelty: a statement that repeats what its speaker said on an
earlier day, or an event of the same kind with the same people in the week before, counts
less; so does an event whose day is only inferred from its reports' dates, and one that
did not (yet) happen: planned, hypothetical or denied (``Event.status``). A statement that
is an event of its story (``statement_events``: a dated interview given to a named outlet)
weighs as that interview would.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from ..analyze.events.kinds import DateFrom, family, is_verb_kind
from ..records import TimelineItem

__all__ = ["Candidate", "content_words", "date_inferred", "rank_rows", "score_rows"]

# What a row is worth before its support. A happening is the news; a press conference or an
# interview is how the news was told (the issue: "a meeting/agreement/attack over a
# report"); a statement or announcement row is one utterance among the story's many; a
# verb-named event ("X characterized") says least. Set by hand in this order, then checked
# on the seeds' and ECB+ dev's timelines (the key dates must follow; see key_dates).
HAPPENING_WEIGHT = 1.0
MEDIA_WEIGHT = 0.7
STATEMENT_WEIGHT = 0.5
VERB_WEIGHT = 0.3
MEDIA_KINDS = frozenset({"press-conference", "interview"})
SPEECH_KINDS = frozenset({"statement", "announcement"})
# Each independent source beyond the first adds this much, up to SOURCE_CAP of them: a row
# five outlets carry on their own outweighs a row of one, without a wire story's hundred
# reprints (already folded) or a hot topic's fiftieth outlet drowning everything else.
SOURCE_WEIGHT = 0.25
SOURCE_CAP = 4
# The most prominent person of the story adds this much to their rows (others pro rata):
# the story's protagonist's words beat a bystander's, but never a happening's weight.
PROMINENCE_WEIGHT = 0.5
# A row that repeats an earlier day's (content-word overlap with the same speaker's earlier
# statement, or people overlap with an earlier event of the same kind) loses up to this
# share of its score.
REPEAT_PENALTY = 0.5
# An event dated only by its reports' publication day may be off by a day or more. A day
# whose week or year the corpus fixed (``DateFrom.SHARED_EVENT``, ``SaidOnFrom.SHARED_EVENT``)
# is not discounted: the day is the text's own ("on Friday"), and the corpus supplies its
# week only where one reading is left, so it is no guess about when the thing happened.
INFERRED_DAY_FACTOR = 0.8
# Content words at which a statement says all a statement can: below, its weight shrinks
# towards half ("very successful" and "get to this point" say less than a sentence with a
# subject, an object and a reason; a typical full sentence of the seeds has 8 or more).
SUBSTANCE_WORDS = 8
# A plan, a hypothesis or a denial matters less than what happened, and its day is not yet
# news: half, so a day of plans alone is rarely a key date.
UNREALISED_FACTOR = 0.5
# Days within which an event of the same kind and people as an earlier one repeats it (a
# follow-up, or one happening dated twice); a NATO meeting a month later is news again.
EVENT_REPEAT_DAYS = 7
# Earlier rows of one person a row is compared with: a day's news repeats the last weeks',
# and a story's protagonist with thousands of rows must not make ranking quadratic.
REPEAT_WINDOW = 50

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A timeline row before ranking, with what the ranking reads: ``kind`` is the event's
    kind or "statement"; ``people`` are the speaker's or participants' entity ids (a
    speaker's name where no entity resolved); ``words`` are a statement's content words;
    ``status`` is an event's (``Event.status``); ``news`` marks a statement row whose
    saying is itself an event (an interview given to a named outlet on a stated day)."""

    row: TimelineItem
    kind: str
    people: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    status: str = "happened"
    news: bool = False  # a statement that is an event of its story (``statement_events``)


def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that carry content: no stop words, none under three letters."""
    return frozenset(w for w in _WORD.findall(text.casefold())
                     if w not in STOP_WORDS and len(w) > 2)


def score_rows(candidates: Sequence[Candidate],
               mentions: Mapping[str, int] | None = None) -> list[Candidate]:
    """The candidates of one story, each row with its score (rank not yet set);
    ``mentions`` counts how often the story names each entity."""
    prominence = _prominence(candidates, mentions or {})
    overlap = _repeats(candidates)
    out = []
    for i, c in enumerate(candidates):
        support = min(max(c.row.independent_sources, 1) - 1, SOURCE_CAP)
        base = _weight(c) + SOURCE_WEIGHT * support + \
            PROMINENCE_WEIGHT * max((prominence[p] for p in c.people), default=0.0)
        factor = 1.0 - REPEAT_PENALTY * overlap[i]
        if c.row.kind == "event" and date_inferred(c.row.date_from):
            factor *= INFERRED_DAY_FACTOR
        if c.status != "happened":
            factor *= UNREALISED_FACTOR
        out.append(replace(c, row=replace(c.row, score=round(base * factor, 3))))
    return out


def date_inferred(date_from: str | None) -> bool:
    """Whether an event's date is inferred (its reports' day), not stated (``DateFrom``)."""
    found = DateFrom.of(date_from)
    return found is not None and found.inferred


def rank_rows(rows: Iterable[TimelineItem]) -> list[TimelineItem]:
    """Rows of one story with their rank within their day (undated rows among themselves):
    best score first; ties go to events, then to the row's id, so runs agree."""
    days: dict[str | None, list[TimelineItem]] = defaultdict(list)
    for r in rows:
        days[r.date].append(r)
    out: list[TimelineItem] = []
    for day_rows in days.values():
        ordered = sorted(day_rows, key=lambda r: (-r.score, r.kind != "event", r.ref))
        out.extend(replace(r, rank=n) for n, r in enumerate(ordered, 1))
    return out


def _weight(c: Candidate) -> float:
    """The kind's weight; a statement's shrinks with how little it says."""
    if c.row.kind != "quote":
        return kind_weight(c.kind)
    substance = min(1.0, (len(c.words) + SUBSTANCE_WORDS) / (2 * SUBSTANCE_WORDS))
    # A statement that is an event weighs as the interview or briefing it was given in.
    return (MEDIA_WEIGHT if c.news else STATEMENT_WEIGHT) * substance


def kind_weight(kind: str) -> float:
    if kind in MEDIA_KINDS:
        return MEDIA_WEIGHT
    if kind in SPEECH_KINDS:
        return STATEMENT_WEIGHT
    if is_verb_kind(kind):
        return VERB_WEIGHT
    return HAPPENING_WEIGHT


def _prominence(candidates: Sequence[Candidate], mentions: Mapping[str, int],
                ) -> dict[str, float]:
    """Each person's presence in the story (statements made, events taken part in,
    mentions by name), against the most prominent person's."""
    counts = Counter(p for c in candidates for p in c.people)
    counts.update(mentions)
    most = max(counts.values(), default=0)
    return {p: n / most for p, n in counts.items()}


def _repeats(candidates: Sequence[Candidate]) -> list[float]:
    """How much each row repeats a row of an earlier day (0 = new, 1 = the same again),
    compared with the last REPEAT_WINDOW earlier rows of each of its people."""
    rows_of: dict[str, list[Candidate]] = defaultdict(list)
    for c in sorted((c for c in candidates if c.row.date), key=lambda c: c.row.date or ""):
        for p in c.people:
            rows_of[p].append(c)
    days_of = {p: [r.row.date or "" for r in rows] for p, rows in rows_of.items()}
    out = []
    for c in candidates:
        earlier = []
        for p in c.people if c.row.date else ():
            end = bisect_left(days_of[p], c.row.date or "")
            earlier += rows_of[p][max(0, end - REPEAT_WINDOW):end]
        out.append(max((_overlap(c, o) for o in earlier), default=0.0))
    return out


def _overlap(a: Candidate, b: Candidate) -> float:
    if a.row.kind != b.row.kind or not a.people & b.people:
        return 0.0
    if a.row.kind == "event":
        close = _days_apart(a.row.date, b.row.date) <= EVENT_REPEAT_DAYS
        return _jaccard(a.people, b.people) if close and family(a.kind) == family(b.kind) \
            else 0.0
    return _jaccard(a.words, b.words)


def _days_apart(a: str | None, b: str | None) -> int:
    try:
        return abs((date.fromisoformat((a or "")[:10]) - date.fromisoformat((b or "")[:10])).days)
    except ValueError:  # not a day (a month, a year): never a repeat of a day's event
        return EVENT_REPEAT_DAYS + 1


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
