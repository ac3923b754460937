"""Statements in one story that cannot both be true.

Two kinds, both kept strict because a false "contradiction" misleads a reader more than a
missed one:

* polarity: the same proposition asserted and negated ("Brandt agreed to a meeting" vs
  "no meeting has been set"). The proposition is a shared event concept (meet, summit, talks,
  visit, ceasefire, ...) and, where both statements name someone besides the speaker, a
  shared entity; the negation cue must stand just before the concept; conditionals
  ("if meetings begin") assert nothing and are skipped.
* figure: different numbers for the same counted thing ("10 nations" vs "26 countries"),
  read with their hedges as ranges, so "30 countries" and "over 30 nations" agree. The
  two figures must also be about the same subject: "he has paid 400 euros for the berth"
  and "he paid 450 euros for the berth", each said by a different man of himself, are two
  people's payments, and a count a statement gives of its own named subject ("Lindau has
  12 ...") is no count of another one's. An outcome count (killed, injured, ...) is one
  quantity of the story's event whoever opens the statement: "We have confirmed 30 people
  killed in the harbour fire" and "50 people were killed in the harbour fire" conflict.

Only pairs in one story, from different speakers or different days, are reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from ..records import Analysis, ArticleMeta, Contradiction, Quote, Story
from .figures import NUMBER_WORDS, OUTCOME_FRAME, Figure, disagree, figures, same_quantity
from .reader import Corpus

# Event concepts a polarity conflict can be about, with their word forms.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "meet": ("meet", "meets", "meeting", "meetings", "met"),
    "summit": ("summit", "summits"),
    "talks": ("talks", "talked", "negotiation", "negotiations", "negotiate", "negotiated"),
    "visit": ("visit", "visits", "visited", "visiting"),
    "ceasefire": ("ceasefire", "ceasefires", "truce", "armistice"),
    "call": ("phoned", "call", "calls"),
}
FORM_TO_CONCEPT = {form: c for c, forms in CONCEPTS.items() for form in forms}
_FORM_RE = re.compile(r"\b(?:" + "|".join(sorted(FORM_TO_CONCEPT, key=len, reverse=True))
                      + r")\b")
# Characters after a concept word searched for who it is about: "a meeting between Brandt
# and Okafor" fits; a topic named in the statement's next clause does not.
ARGUMENT_CHARS = 50
# Articles whose analyses (with sentences) are read at a time while claims are made.
CLAIM_BATCH = 200
NEGATION_CUES = frozenset({"no", "not", "never", "without", "nor", "neither", "cannot",
                           "reject", "rejected", "rejects", "deny", "denied", "denies",
                           "refused", "refuses", "dismissed", "out"})  # "ruled out"
# Words that make a concept hypothetical or a question rather than a claim, searched in a
# wider window before it ("if bilateral or trilateral meetings begin") and a short one after
# ("meetings might take place").
UNASSERTED_CUES = frozenset({"if", "whether", "unless", "would", "could", "might", "may"})
UNASSERTED_WINDOW = 6
MODAL_AFTER_WINDOW = 3
# Tokens before a concept word searched for a cue: "no meeting", "will not meet", "no plans
# to meet" all fit in three; wider windows caught negations of other things in the seeds.
CUE_WINDOW = 3

# Content words (beyond the number and unit) two figure statements must share to be about
# the same quantity; one shared word paired unrelated counts in the seeds.
MIN_FIGURE_CONTEXT = 2
# Days two figures may be apart and still be one claim: tolls and counts are revised as a
# story goes on, so figures from different days are updates, not a disagreement.
FIGURE_MAX_DAYS = 1
# The longest snippet of a side ``why`` shows; a clause longer than this shows only the
# words that disagree.
SNIPPET_CHARS = 90
# Marks that end a clause around the words that disagree.
CLAUSE_MARKS = (",", ";", ":", ".", "—", "–", "(", ")")
# Sentences either side of an elliptic statement that say what it is about: one reached the
# people an elliptic denial ("no meeting has been set") was about in the seeds, without
# reaching the next topic.
CONTEXT_SENTENCES = 1
# Mention labels that describe rather than name a party to a proposition.
NOT_PARTICIPANTS = frozenset({"NORP", "ROLE", "DATE", "CARDINAL"})
_STOP = ("the a an of in on at to for and or but is are was were be been will would can could "
         "that this these those it its they them their we our us he she his her i you what who "
         "with by from as so not no now have has had do does did there here than then also")
STOP_WORDS = frozenset(_STOP.split())
# A statement opening with one of these is about its own speaker: "I" and "we" in the
# speaker's words, and in reported speech also "he" and "she" ("Weiss said he had paid
# 450 euros"), which the quote finder reports with the speaker named just before.
SELF_OPENERS = {"direct": frozenset({"i", "we"}),
                "indirect": frozenset({"i", "we", "he", "she"})}
# A name the statement opens with is its subject; an article may stand before it ("the
# ministry"): characters from the first word where the subject's mention may start.
SUBJECT_LEAD_CHARS = 4
_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+")


@dataclass(frozen=True, slots=True)
class _Claim:
    quote: Quote
    story: str
    words: tuple[str, ...]
    polarity: Mapping[str, bool]  # concept -> asserted (True) or negated (False)
    entities: frozenset[str]  # named in the statement itself
    arguments: Mapping[str, frozenset[str]]  # concept -> named right after it
    context: frozenset[str]  # named in its sentence and the sentences either side
    figures: tuple[Figure, ...]
    day: str | None  # when it was said, else its article's date
    subject: str | None = None  # who the statement is about, when it opens with them
    about_speaker: bool = False  # ... and that is its own speaker ("he had given ...")


def find_contradictions(quotes: Sequence[Quote], articles: Sequence[ArticleMeta],
                        stories: Sequence[Story], corpus: Corpus) -> list[Contradiction]:
    """Conflicting statement pairs, per story, earlier statement first.

    The analyses (with sentences) are read from ``corpus`` ``CLAIM_BATCH`` articles at a
    time, so only one batch is in memory while claims are made.
    """
    story_of = {a: s.id for s in stories for a in s.articles}
    published = {a.id: a.published or "9999" for a in articles}
    kept = [q for q in _one_per_text(quotes, published)
            if q.article in story_of and (q.speaker or q.speaker_name)]
    days = {a.id: a.published[:10] for a in articles if a.published}
    claims = _claims(kept, story_of, corpus, days)
    out: dict[tuple[str, str], Contradiction] = {}
    for group in _by_story(claims):
        for a, b in combinations(group, 2):
            found = _conflict(a, b)
            if found is not None:
                out.setdefault((found.a, found.b), found)
    return sorted(out.values(), key=lambda c: (c.story or "", c.a, c.b))


def _by_story(claims: Sequence[_Claim]) -> Iterable[list[_Claim]]:
    """Each story's claims in statement order, without those that cannot clash (no concept
    asserted or denied, no figure): pairs are compared within a story, never across the
    corpus, which would make this step quadratic in the corpus's statements."""
    groups: dict[str, list[_Claim]] = {}
    for c in sorted(claims, key=_order):
        if c.polarity or c.figures:
            groups.setdefault(c.story, []).append(c)
    return groups.values()


def _claims(quotes: Sequence[Quote], story_of: Mapping[str, str], corpus: Corpus,
            days: Mapping[str, str]) -> list[_Claim]:
    """A claim per quote, in the quotes' order; analyses read ``CLAIM_BATCH`` articles at
    a time."""
    by_article: dict[str, list[int]] = {}
    for i, q in enumerate(quotes):
        by_article.setdefault(q.article, []).append(i)
    articles = list(by_article)
    made: dict[int, _Claim] = {}
    for start in range(0, len(articles), CLAIM_BATCH):
        found = corpus.analyses(articles[start:start + CLAIM_BATCH], sentences=True)
        for article in articles[start:start + CLAIM_BATCH]:
            for i in by_article[article]:
                made[i] = _claim(quotes[i], story_of[article], found.get(article),
                                 quotes[i].said_on or days.get(article))
    return [made[i] for i in range(len(quotes))]


def _one_per_text(quotes: Sequence[Quote], published: Mapping[str, str]) -> list[Quote]:
    """Syndicated copies repeat a statement word for word: keep one, the first published."""
    best: dict[str, Quote] = {}
    for q in sorted(quotes, key=lambda q: (q.said_on is None, published.get(q.article, "9999"),
                                           q.article, q.start)):
        best.setdefault(" ".join(_words(q.text)), q)
    return list(best.values())


def _order(c: _Claim) -> tuple[str, str, int]:
    return (c.quote.said_on or "9999", c.quote.article, c.quote.start)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("n't", " not").replace("’", "'"))


def _claim(q: Quote, story: str, analysis: Analysis | None, day: str | None) -> _Claim:
    words = tuple(_words(q.text))
    own = _entities(q, analysis, q.start, q.end)
    lo, hi = _context_span(q, analysis)
    polarity = {} if q.text.rstrip(" \"“”'’").endswith("?") else _polarity(words)
    subject, about_speaker = _subject(q, analysis)
    return _Claim(q, story, words, polarity, own, _arguments(q, analysis),
                  _entities(q, analysis, lo, hi), figures(q.text), day, subject,
                  about_speaker)


def _subject(q: Quote, analysis: Analysis | None) -> tuple[str | None, bool]:
    """Who the statement is about when it opens with them, and whether that is its own
    speaker: ("E-weiss", True) for "he had paid 450 euros" reported of Weiss, ("E-lindau",
    False) for "Lindau has 12 ...", (None, False) for "50 were injured"."""
    lead = _WORD.search(q.text)
    if lead is None:
        return None, False
    speaker = q.speaker or (q.speaker_name or "").casefold() or None
    if lead.group().lower() in SELF_OPENERS.get(q.kind, frozenset()):
        return speaker, speaker is not None
    at = q.start + lead.start()
    first = min((m for m in (analysis.mentions if analysis else ())
                 if at <= m.start <= at + SUBJECT_LEAD_CHARS
                 and m.label not in NOT_PARTICIPANTS), key=lambda m: m.start, default=None)
    if first is None:
        return None, False
    if q.speaker_key and first.key == q.speaker_key:
        return speaker, speaker is not None
    return first.entity or first.text.casefold(), False


def _same_subject(a: _Claim, b: _Claim) -> bool:
    """Whether two figure statements can be about one subject: a statement about its own
    speaker only about that person, a named subject only about the same one; an impersonal
    count ("50 were injured") is about the story's event, which a named subject's count
    may be too."""
    if a.about_speaker or b.about_speaker:
        return a.subject is not None and a.subject == b.subject
    return a.subject is None or b.subject is None or a.subject == b.subject


def _arguments(q: Quote, analysis: Analysis | None) -> dict[str, frozenset[str]]:
    """Who each concept is about: names within ARGUMENT_CHARS after its word."""
    out: dict[str, set[str]] = {}
    for m in _FORM_RE.finditer(q.text.lower()):
        start = q.start + m.start()
        named = _entities(q, analysis, start, start + len(m.group()) + ARGUMENT_CHARS)
        out.setdefault(FORM_TO_CONCEPT[m.group()], set()).update(named)
    return {c: frozenset(v) for c, v in out.items()}


def _context_span(q: Quote, analysis: Analysis | None) -> tuple[int, int]:
    """The statement's sentence(s) widened by CONTEXT_SENTENCES on each side."""
    sentences = sorted(analysis.sentences, key=lambda s: s.start) if analysis else []
    inside = [i for i, s in enumerate(sentences) if s.end > q.sent_start and s.start < q.sent_end]
    if not inside:
        return q.sent_start, q.sent_end
    first = max(0, inside[0] - CONTEXT_SENTENCES)
    last = min(len(sentences) - 1, inside[-1] + CONTEXT_SENTENCES)
    return sentences[first].start, sentences[last].end


def _entities(q: Quote, analysis: Analysis | None, start: int, end: int) -> frozenset[str]:
    """Who is named between ``start`` and ``end``, other than the statement's speaker."""
    if analysis is None:
        return frozenset()
    found = {m.entity or m.text.casefold() for m in analysis.mentions
             if start <= m.start and m.end <= end and m.label not in NOT_PARTICIPANTS
             and m.key != q.speaker_key}
    return frozenset(found - {q.speaker})


def _polarity(words: Sequence[str]) -> dict[str, bool]:
    """Each concept the statement asserts or negates; concepts it does both to are dropped."""
    seen: dict[str, set[bool]] = {}
    for i, w in enumerate(words):
        concept = FORM_TO_CONCEPT.get(w)
        if concept is None:
            continue
        before = set(words[max(0, i - CUE_WINDOW):i])
        around = set(words[max(0, i - UNASSERTED_WINDOW):i + 1 + MODAL_AFTER_WINDOW])
        if around & UNASSERTED_CUES:
            seen.setdefault(concept, set()).update((True, False))
            continue
        seen.setdefault(concept, set()).add(not before & NEGATION_CUES)
    return {c: v.pop() for c, v in seen.items() if len(v) == 1}


def _conflict(a: _Claim, b: _Claim) -> Contradiction | None:
    if a.story != b.story or not _different_sources(a.quote, b.quote):
        return None
    concept = _polarity_clash(a, b)
    if concept is not None:
        return _record(a, b, "polarity", (_concept_span(a, concept), _concept_span(b, concept)))
    figures = _figure_clash(a, b)
    if figures is not None:
        return _record(a, b, "figure", ((figures[0].start, figures[0].end),
                                        (figures[1].start, figures[1].end)))
    return None


def _concept_span(c: _Claim, concept: str) -> tuple[int, int]:
    """Where the statement asserts or denies ``concept``: its first word form."""
    for m in _FORM_RE.finditer(c.quote.text.lower()):
        if FORM_TO_CONCEPT[m.group()] == concept:
            return m.start(), m.end()
    return 0, len(c.quote.text)


def _different_sources(a: Quote, b: Quote) -> bool:
    """Two speakers, both known: one speaker restating or revising themself is no
    disagreement, and an unattributed statement has no source to disagree."""
    if not (a.speaker or a.speaker_name) or not (b.speaker or b.speaker_name):
        return False
    if a.speaker and b.speaker:
        return a.speaker != b.speaker
    return (a.speaker_name or "").casefold() != (b.speaker_name or "").casefold()


def _polarity_clash(a: _Claim, b: _Claim) -> str | None:
    """A concept one asserts and the other negates, about the same people.

    The assertion must name who it is about right after the concept ("a meeting between
    Brandt and Okafor", not a topic named elsewhere in the statement); the
    denial must name someone in common, or, when elliptic ("no meeting has been set"), its
    surrounding sentences must: "a meeting of the coalition in Paris" against a denial
    framed by other people does not clash.
    """
    for concept in sorted(a.polarity.keys() & b.polarity.keys()):
        if a.polarity[concept] == b.polarity[concept]:
            continue
        positive, negative = (a, b) if a.polarity[concept] else (b, a)
        about = negative.entities or negative.context
        if positive.arguments.get(concept, frozenset()) & about:
            return concept
    return None


def _figure_clash(a: _Claim, b: _Claim) -> tuple[Figure, Figure] | None:
    """The same count of the same thing about the same subject, given differently at the
    same time.

    A count of an outcome (killed, injured, ...) stated on the same day is one quantity of
    the story's event, whoever the statement opens with ("We have confirmed 30 people
    killed ..."); any other count, or one whose day is unknown, must be about the same
    subject (:func:`_same_subject`) and share MIN_FIGURE_CONTEXT words of what it is about.
    """
    apart = _days_apart(a.day, b.day) if a.day and b.day else None
    if apart is not None and apart > FIGURE_MAX_DAYS:
        return None
    same = _same_subject(a, b)
    context = {w for w in (set(a.words) & set(b.words)) - STOP_WORDS
               if not w[0].isdigit() and w not in NUMBER_WORDS}
    for fa in a.figures:
        for fb in b.figures:
            if not (same_quantity(fa, fb) and disagree(fa, fb)):
                continue
            if apart is not None and fa.frame.startswith(OUTCOME_FRAME):
                return fa, fb
            if same and len(context - {fa.unit, fa.unit + "s"} | {fa.frame}) >= \
                    MIN_FIGURE_CONTEXT:
                return fa, fb
    return None


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return 0  # a month or a year only: not known to be different days


def _record(a: _Claim, b: _Claim, kind: str, spans: tuple[tuple[int, int], tuple[int, int]],
            ) -> Contradiction:
    """The pair with ``why`` in plain words: "Lindqvist: ... meeting between Brandt and
    Okafor; Weiss: no meeting has been set"."""
    why = f"{_said(a.quote, spans[0])}; {_said(b.quote, spans[1])}"
    return Contradiction(a=a.quote.id, b=b.quote.id, why=why, kind=kind, story=a.story)


def _said(q: Quote, span: tuple[int, int]) -> str:
    who = q.speaker_name or q.reported_by or "unattributed"
    return f"{who}: {_snippet(q.text, span)}"


def _snippet(text: str, span: tuple[int, int]) -> str:
    """The words that disagree, widened to their clause; a clause longer than SNIPPET_CHARS
    is cut around them at word boundaries."""
    start, end = span
    left = max(text.rfind(c, 0, start) for c in CLAUSE_MARKS) + 1
    right = min([i for i in (text.find(c, end) for c in CLAUSE_MARKS) if i != -1],
                default=len(text))
    lead, tail = "", ""
    if right - left > SNIPPET_CHARS:
        cut = max(left, start - SNIPPET_CHARS // 3)
        if cut > left:
            cut, lead = text.find(" ", cut, start) + 1 or start, "…"
        stop = min(right, cut + SNIPPET_CHARS)
        if stop < right:
            stop, tail = max(text.rfind(" ", end, stop), end), "…"
        left, right = cut, stop
    return lead + text[left:right].strip(" \"“”„«»‘’'") + tail
