"""One timeline per story: its events and statements in date order, ranked, each with support.

A statement (``corpus.statements``: one utterance, however many quotes render it) is one
row whose sources are all the outlets that carry it; its independent-source count folds
syndicated copies (``corpus.sources``). Rows with no resolvable date keep ``date=None`` and
sort after the dated ones: they are shown apart, each with why it has no day
(``TimelineItem.undated_why``). A day no source states (a lead event dated to its article's
publication day, see ``events``; a year or week taken from a shared event) says so in the
row's ``date_notes``, and an event that did not (yet) happen (planned, hypothetical,
denied) carries that in its ``status``: never in its title.

An editor's cut keeps a row only when it says something:

1. an event needs a participant or a place, and CORROBORATED independent sources where
   one report is not enough: when its kind is only a verb the lexicons do not know (one
   report's "X characterized" is noise; "checked into rehab" in three outlets is news),
   and when it has no date (one report's undated happening is mostly background, a plan
   or a hypothesis), unless its story has fewer articles than that;
2. a statement needs a content word. One whose speaker the article describes but does not
   name ("police", "the company", "a spokeswoman") is a row under that description, marked
   "(not named)" (``described_speaker``); one with no speaker words at all is titled
   "Unattributed" and is a row only when it reads as a statement: a reporting cue, more than
   SHORT_WORDS words (a scare-quoted "sister", a gear letter "S" and a cue-less heading stay
   in the statements export and on their article page). Both rank after a named speaker's
   alike (UNATTRIBUTED_FACTOR) and are never a key date's (``key_dates``);
3. of two rows that say the same on one day, the lower-ranked goes: a statement or
   announcement event whose participant has statement rows that day, and a statement
   whose speaker's better-ranked statement that day shares most of its content words.

Each kept row carries its score and rank within its day (``corpus.ranking``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS

from ..analyze.events.kinds import DateFrom, is_verb_kind
from ..analyze.quotes import cues, cues_fr
from ..analyze.quotes.dates import UNDATED, SaidOnFrom
from ..records import Event, Quote, Statement, Story, TimelineItem
from ..text import clip
from .ranking import (
    SPEECH_KINDS,
    Candidate,
    content_words,
    date_inferred,
    rank_rows,
    score_rows,
)

# Characters of a statement shown in its row's title; the full text is one click away.
TITLE_CHARS = 120
# The date note of an event row whose date is the publication day of its reports.
INFERRED_NOTE = "date inferred: the day it was reported"
# The date note of a row whose year or week the corpus fixed for an undated article from an
# event it shares with dated articles (``DateFrom.SHARED_EVENT``, ``SaidOnFrom.SHARED_EVENT``).
SHARED_EVENT_NOTE = "date inferred: its year or week from the same event in dated articles"
# Why an undated row has no day, when the step that looked for it gave no reason of its own.
UNDATED_EVENT = "no time expression dates it, and its reports do not say when it happened"
UNDATED_STATEMENT = "its sentence does not say on which day it was said"
# An event that did not (yet) take place (``Event.status``, the row's ``status``) in a
# reader's words: every view shows it beside the row, never in its title, so a plan or a
# denial is never read as something that happened.
STATUS_LABELS = {"planned": "planned", "hypothetical": "hypothetical",
                 "negated": "denied or did not take place"}
# Independent sources a verb-named or undated event needs to be a row (see the module's
# docstring). Two: on the seeds no verb-named event has two and every gold event that is
# a row has a lexicon kind; on ECB+ dev, the 37 verb-named events with two or more are
# mostly their stories' seminal events (a shooting, a firing, a rehab check-in).
CORROBORATED = 2
# Content-word overlap (Jaccard) at which two statements of one speaker on one day make
# the same point: the statements step's own bar for "the same wording" (SAME_WORDS).
SAME_POINT = 0.6
# What a statement row nobody is named for is called, where a speaker's name would stand:
# the word the article page uses for the same quote.
UNATTRIBUTED = "Unattributed"
# The mark after a speaker the article describes but does not name: "Police (not named)".
NOT_NAMED = "not named"
# The mark after words that read as a name ("Hamill", "Big Machine") the quotes step could
# tie to no person or organisation of the article: named, but not identified.
NOT_IDENTIFIED = "not identified"
# Most words of a speaker's description ("police", "Berrien County Health Department
# officials", "an overwhelming 70 percent of Americans"): the longest descriptions read on
# dumps-scrapinghub have 5-6 words; past that the quotes step took a clause for a speaker
# ("The general setup of visiting the remnants of an ancient civilisation ...").
DESCRIPTION_WORDS = 6
# Words a description never opens with: a preposition or conjunction opens a phrase cut
# from a clause ("for an emergency meeting of the body"), not a speaker.
_NOT_OPENING = frozenset({"for", "of", "in", "on", "at", "to", "with", "by", "from", "about",
                          "as", "and", "or", "but", "than", "that", "into", "after", "before"})
# Most words of a statement with no speaker words that is still a row: four or fewer are a
# scare-quoted word or label ("sister", "always fatal", "Red for Ed"), a name or a letter
# ("S"), not something someone said: none of such rows read on a random crawl was a
# statement (bench/NOTES.md, FXT and FXD2).
SHORT_WORDS = 4
# Share of its score a statement row with no speaker keeps: half, as for an event that did
# not happen (ranking.UNREALISED_FACTOR): words nobody stands behind rank after a named
# person's within their day. Key dates leave such rows out whatever their score.
UNATTRIBUTED_FACTOR = 0.5


def build_timeline(stories: Sequence[Story], events: Sequence[Event],
                   statements: Sequence[Statement], quotes: Mapping[str, Quote],
                   mentions: Mapping[tuple[str, str], int] | None = None,
                   news: Set[str] = frozenset()) -> list[TimelineItem]:
    """Timeline rows of every story: dated rows in date order, best first within a day,
    then the undated ones.

    ``quotes`` maps quote ids to quotes: a statement's row shows its best rendering;
    ``mentions`` counts how often each entity is named in each story ((story, entity) ->
    count), a part of its people's prominence there; ``news`` are the ids of statements
    that are events of their story (``statement_events``): still one row each, ranked as
    the event they are.
    """
    named: dict[str, dict[str, int]] = defaultdict(dict)
    for (story_id, entity), n in (mentions or {}).items():
        named[story_id][entity] = n
    events_of = _events_by_story(stories, events)
    statements_of: dict[str, list[Statement]] = defaultdict(list)
    for st in statements:
        if st.story is not None:
            statements_of[st.story].append(st)
    common = common_words(s.text for s in statements)
    rows: list[TimelineItem] = []
    for story in stories:
        candidates = [_event_candidate(story.id, e) for e in events_of[story.id]
                      if _says_something(e)]
        candidates += [_statement_candidate(story.id, s, quotes, s.id in news, common)
                       for s in statements_of[story.id]
                       if content_words(s.text) and _reads_as_said(s, quotes)]
        scored = [_discount_unattributed(c)
                  for c in score_rows(candidates, named.get(story.id, {}))]
        rows.extend(rank_rows(_editors_cut(scored)))
    return sorted(rows, key=lambda r: (r.story, r.date is None, r.date or "", r.rank,
                                       r.kind, r.ref))


def _events_by_story(stories: Sequence[Story], events: Sequence[Event],
                     ) -> dict[str, list[Event]]:
    """Each story's events: those it names, and those of no story that share an article
    with it (in event order)."""
    story_of = {a: s.id for s in stories for a in s.articles}
    out: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if e.story is not None:
            out[e.story].append(e)
            continue
        for story_id in sorted({story_of[a] for a in e.articles if a in story_of}):
            out[story_id].append(e)
    return out


# Where an event's day is its reports' own words (``DateFrom``): its trigger's time, its
# clause's or sentence's one day, or the same event's in another sentence of the article.
STATED_DAYS = frozenset({DateFrom.TRIGGER, DateFrom.CLAUSE, DateFrom.SENTENCE,
                         DateFrom.INHERITED})


def _says_something(e: Event) -> bool:
    """Someone or somewhere, and a second source where a day is missing, or a kind where
    the day is only inferred: a verb's event one report dates in its own words ("the ministry
    selected Norvik on March 3") is a row as its title says who did what. One report's
    undated event is a row in no story, however few its articles: mostly a label of names
    ("Sale: Norvik", "Agreement: Harbour Board"), background or a plan; it stays in the export and
    on its participants' pages."""
    corroborated = e.independent_sources >= CORROBORATED
    stated = e.date is not None and DateFrom.of(e.date_from) in STATED_DAYS
    return bool(e.participants or e.place) and \
        (corroborated or stated or not is_verb_kind(e.kind)) and \
        (e.date is not None or corroborated)


def _renderings(s: Statement, quotes: Mapping[str, Quote]) -> list[Quote]:
    """A statement's quotes, its best rendering first."""
    ids = [s.best_quote] if s.best_quote else []
    ids += [q for q in s.quotes if q != s.best_quote]
    return [q for q in map(quotes.get, ids) if q is not None]


def _reads_as_said(s: Statement, quotes: Mapping[str, Quote]) -> bool:
    """A statement with no speaker words at all (no name, no description, no reporting
    outlet) is a row only with a reporting cue in one of its renderings and more than
    SHORT_WORDS words: the editor's cut of issue 17 s5."""
    if s.speaker or s.speaker_name:
        return True
    renderings = _renderings(s, quotes)
    if any(q.reported_by for q in renderings) or \
            described_speaker(q.speaker_mention for q in renderings):
        return True
    return any(q.cue for q in renderings) and len(s.text.split()) > SHORT_WORDS


def described_speaker(mentions: Iterable[str | None]) -> str | None:
    """The words an article calls a speaker with no entity by ("police", "the company",
    "a spokeswoman", "Hamill"), from the first rendering that has them: None where those
    words are a pronoun or other function words only ("they", "I", "those"), a clause, or
    a phrase a preposition opens."""
    for mention in mentions:
        words = (mention or "").split()
        if not words or len(words) > DESCRIPTION_WORDS or \
                words[0].casefold() in _NOT_OPENING or not words[0][:1].isalnum() or \
                not (content_words(" ".join(words)) or any(_ACRONYM.match(w) for w in words)):
            continue
        return " ".join(words)
    return None


def names_someone(description: str, common: Set[str] = frozenset()) -> bool:
    """Whether a speaker's words read as a name ("Hamill", "Big Machine", "WHO"), not a
    description ("police", "The company", "Two Turkish security sources"): every word
    capitalised, the first neither a function word nor one the texts write in lower case
    more often (``common_words``: "Police" opening a sentence)."""
    words = description.split()
    if not words or any(w[:1].islower() for w in words):
        return False
    first = words[0]
    return bool(_ACRONYM.match(first)) or \
        (first.casefold() not in STOP_WORDS and first.casefold() not in common)


def speaker_label(description: str, common: Set[str] = frozenset()) -> str:
    """A speaker with no entity as a row names it: "Police (not named)", "Hamill (not
    identified)": its words (``speaker_words``) and its mark (``speaker_mark``)."""
    return f"{speaker_words(description)} ({speaker_mark(description, common)})"


def speaker_words(description: str) -> str:
    """A speaker's description as a row writes it: "police" -> "Police"."""
    return f"{description[:1].upper()}{description[1:]}"


def speaker_mark(description: str, common: Set[str] = frozenset()) -> str:
    """The mark after a speaker with no entity: NOT_IDENTIFIED where its words read as a
    name (``names_someone``), else NOT_NAMED."""
    return NOT_IDENTIFIED if names_someone(description, common) else NOT_NAMED


def _discount_unattributed(c: Candidate) -> Candidate:
    """A statement row nobody is named for keeps UNATTRIBUTED_FACTOR of its score."""
    if c.row.kind != "quote" or c.row.speaker:
        return c
    return replace(c, row=replace(c.row, score=round(c.row.score * UNATTRIBUTED_FACTOR, 3)))


def _editors_cut(candidates: Sequence[Candidate]) -> list[TimelineItem]:
    """Rows less one of each pair that says the same on one day (the lower-ranked)."""
    speakers_of_day: dict[str | None, set[str]] = defaultdict(set)
    for c in candidates:
        if c.row.kind == "quote":
            speakers_of_day[c.row.date].update(c.people)
    kept: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (-c.row.score, c.row.kind != "event", c.row.ref)):
        if c.row.kind == "event" and c.kind in SPEECH_KINDS and \
                c.people & speakers_of_day[c.row.date]:
            continue
        if c.row.kind == "quote" and any(_same_point(c, k) for k in kept):
            continue
        kept.append(c)
    return [c.row for c in kept]


def _same_point(a: Candidate, b: Candidate) -> bool:
    if b.row.kind != "quote" or a.row.date != b.row.date or not a.people & b.people:
        return False
    union = a.words | b.words
    return bool(union) and len(a.words & b.words) / len(union) >= SAME_POINT


def _event_candidate(story: str, e: Event) -> Candidate:
    # A date only an inference gives is marked, never shown as a reported one.
    notes: tuple[str, ...] = (INFERRED_NOTE,) if date_inferred(e.date_from) else ()
    if DateFrom.of(e.date_from) is DateFrom.SHARED_EVENT:
        notes += (SHARED_EVENT_NOTE,)
    row = TimelineItem(story=story, kind="event", ref=e.id, date=e.date,
                       title=e.title, date_from=e.date_from, sources=e.sources,
                       independent_sources=e.independent_sources, articles=e.articles,
                       date_notes=notes if e.date else (),
                       undated_why=None if e.date else undated_why(e.date_from, UNDATED_EVENT),
                       status=e.status)
    return Candidate(row=row, kind=e.kind, people=frozenset(e.participants), status=e.status)


def _statement_candidate(story: str, s: Statement, quotes: Mapping[str, Quote],
                         news: bool = False, common: Set[str] = frozenset()) -> Candidate:
    best = quotes.get(s.best_quote or "") or quotes[s.quotes[0]]
    dated = next((q for q in map(quotes.get, s.quotes)
                  if q is not None and q.said_on and q.said_on[:10] == s.said_on), None)
    speaker = s.speaker or s.speaker_name
    shared = dated is not None and dated.said_on_from == SaidOnFrom.SHARED_EVENT
    # An undated row keeps its best rendering's reason (the quotes stage's, or the corpus's).
    how = dated.said_on_from if dated else None if s.said_on else best.said_on_from
    described = None if speaker else \
        described_speaker(q.speaker_mention for q in _renderings(s, quotes))
    title = quote_title(s.speaker_name if not described else speaker_label(described, common),
                        s.text, s.kind, common, best.cue)
    row = TimelineItem(story=story, kind="quote", ref=best.id, date=s.said_on, date_from=how,
                       title=title,
                       sources=s.sources, independent_sources=s.independent_sources,
                       speaker=speaker, articles=s.articles,
                       date_notes=(SHARED_EVENT_NOTE,) if shared else (),
                       undated_why=None if s.said_on else undated_why(how, UNDATED_STATEMENT))
    return Candidate(row=row, kind="statement", people=_people(speaker),
                     words=content_words(s.text), news=news)


def undated_why(how: str | None, otherwise: str) -> str:
    """Why a row has no day, in a reader's words: the reason the step that looked for its
    day gave (``SaidOnFrom.UNDATED``), what it tried when it gave none, else ``otherwise``."""
    if how in UNDATED:
        return str(how)
    return f"no day could be fixed ({how})" if how else otherwise


def _people(speaker: str | None) -> frozenset[str]:
    return frozenset({speaker}) if speaker else frozenset()


_LEADING_THAT = re.compile(r"^that\s+", re.IGNORECASE)
# An acronym is a name, not a function word, whatever word it spells ("WHO").
_ACRONYM = re.compile(r"^[A-Z]{2,}$")
# Reported content that is an infinitive ("to lease 100 tankers") follows its verb directly.
_INFINITIVE = re.compile(r"^to\s", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
_APOSTROPHE = re.compile(r"['’]")
# Function words that open a clause in lower case: spaCy's English stop words, less the modal
# verbs that are also names ("May", "Will"), which never open reported content as verbs.
CLAUSE_WORDS = frozenset(STOP_WORDS) - {"may", "will", "can", "might", "must", "shall", "i"}


def common_words(texts: Iterable[str]) -> frozenset[str]:
    """Words the texts write in lower case more often than capitalised inside a sentence
    ("police", not "Trump"): a capital on one of them at the start of reported content is
    only the sentence's, not a name's."""
    lower: Counter[str] = Counter()
    title: Counter[str] = Counter()
    for text in texts:
        for w in _LETTERS.findall(text)[1:]:
            if w.islower():
                lower[w] += 1
            elif w[:1].isupper() and w[1:].islower():
                title[w.lower()] += 1
    return frozenset(w for w, n in lower.items() if n > title[w])


def in_clause(body: str, common: Set[str] = frozenset()) -> str:
    """Reported words as the clause after "said that": a first word that is capitalised only
    because a sentence began with it reads in lower case ("that a man ...", "that police
    ..."); a name, an acronym and "I" keep their capitals."""
    first = body.split(" ", 1)[0]
    bare = _APOSTROPHE.split(first.rstrip(",;:"), maxsplit=1)[0]  # "We're" -> "We"
    if bare[:1].isupper() and bare[1:] == bare[1:].lower() and \
            (bare.lower() in CLAUSE_WORDS or bare.lower() in common):
        return first[:1].lower() + body[1:]
    return body


def reported(verb: str, text: str, common: Set[str] = frozenset()) -> tuple[str, str]:
    """How reported speech reads after its speaker: ("said that", "the issue was not
    discussed"), or ("agreed", "to lease 100 tankers") for an infinitive."""
    body = _LEADING_THAT.sub("", text)
    if _INFINITIVE.match(body):
        return verb, body
    return f"{verb} that", in_clause(body, common)


def quote_title(speaker: str | None, text: str, kind: str = "direct",
                common: Set[str] = frozenset(), cue: str | None = None) -> str:
    """'Lavrov: “No meeting is planned”'; reported speech is never in quotation marks:
    'Rutte said that the issue was not discussed'. Reported words that are no clause of
    their own (an object or an infinitive) follow their own ``cue`` verb in the past tense
    (``cue_verb``): 'Mesa rejected a general proposal', 'Crane expected to post a charge'.
    ``common``: words a capital at the start of reported content does not make a name
    (``common_words``)."""
    text = clip(" ".join(text.split()), TITLE_CHARS)
    if kind != "direct":
        own = cue_verb(cue, _LEADING_THAT.sub("", text))
        verb, body = (own, in_clause(_LEADING_THAT.sub("", text), common)) if own else \
            reported("said", text, common)
        # Nobody named: no verb that would make "Unattributed" the one who said it.
        return f"{speaker} {verb} {body}" if speaker else f"{UNATTRIBUTED}: {body}"
    return f"{speaker or UNATTRIBUTED}: “{text}”"


# Words that make reported content a clause of its own ("prices rise" is one only by its
# verb, which a word list cannot tell from a plural noun; see ``is_clause``): the forms of
# "be", "have" and "do", the modal verbs, and the common irregular past tenses.
FINITE_WORDS = frozenset({
    "is", "are", "was", "were", "am", "be", "has", "have", "had", "do", "does", "did",
    "will", "would", "can", "could", "shall", "should", "may", "might", "must",
    "said", "told", "made", "went", "got", "took", "came", "gave", "found", "began",
    "became", "saw", "knew", "thought", "held", "won", "fell", "rose", "sold", "bought",
    "paid", "met", "led", "ran", "brought", "kept", "sent", "spent", "felt", "left",
})
# Pronouns that are only ever a subject: content opening with one is a clause ("he
# resigns"); "it" and "you" are objects too ("urged you to vote", "declared it a site").
SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "we", "they"})
# Words after which an "-ed" word is an adjective, not a verb ("the proposed merger").
_BEFORE_ADJECTIVE = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "my",
                               "your", "this", "these", "those", "newly", "so", "very"})
_CONTRACTED_VERB = re.compile(r"\w(?:n['’]t|['’](?:re|ve|ll|m|d))$")
# A first word with "'s" that is no possessive: "it's", "there's", "where's".
_CONTRACTED_IS = re.compile(r"^(?:it|there|that|here|what|where|who|how)['’]s$")
_WORD_OR_MARK = re.compile(r"[\w'’-]+")
# An infinitive after an addressee ("asked the court to rule"): "to" and a lower-case word
# that no article, possessive or number makes a preposition's object ("to a crowd").
_OBJECT_INFINITIVE = re.compile(
    r"\bto\s+(?!(?:a|an|the|its|his|her|their|our|my|your|this|that|these|those)\b)[a-z]")
# Cue verbs whose content is a clause after "said that" whatever it holds: "say" itself,
# and "tell"/"inform", which need their addressee ("told a loss" is not English).
_SAY_LIKE = frozenset({"say", "tell", "inform"})
# Cue verbs whose content is an object, not a "that" clause ("urged Russia to stop",
# "cited brain injury", "described the talks as useful"); "warn" reports a clause too.
_OBJECT_CUES = (cues.DIRECTIVE_VERBS | cues.QUOTING_VERBS | cues.DESCRIPTIVE_CUES) - {"warn"}
IRREGULAR_PAST = {"say": "said", "tell": "told", "think": "thought", "seek": "sought",
                   "hold": "held", "feel": "felt", "write": "wrote", "speak": "spoke",
                   "mean": "meant", "forecast": "forecast", "swear": "swore",
                   "choose": "chose", "plan": "planned", "admit": "admitted",
                   "regret": "regretted", "commit": "committed", "prefer": "preferred",
                   "refer": "referred", "quip": "quipped", "dub": "dubbed"}
PAST_FORMS = frozenset(IRREGULAR_PAST.values())
# The English verbs the quote finder takes as cues: only these are put in the past tense;
# another language's cue ("déclaré") never takes the English rendering.
ENGLISH_CUES = (cues.CUE_VERBS | cues.STANCE_VERBS | cues.DIRECTIVE_VERBS | cues.OBJECT_CUES
                 | cues.QUOTING_VERBS | cues.DESCRIPTIVE_CUES | cues.THOUGHT_VERBS
                 | IRREGULAR_PAST.keys()) - cues_fr.CUE_VERBS - cues_fr.DESCRIPTIVE_CUES


def is_clause(body: str) -> bool:
    """Whether reported content reads as a clause of its own ("the talks failed", "he
    resigns", "prices will rise"), not an object ("a loss for the quarter") or an
    infinitive ("to post a charge"): a subject pronoun first, or a finite verb in it: a form
    of "be", "have" or "do", a modal, a contracted verb, a common irregular past, or a word
    in "-ed" no article or possessive makes an adjective. A present tense in "-s" is not
    told from a plural noun, so "prices rise" reads as an object; ``cue_verb`` keeps
    "said that" for "say" whatever it reads."""
    written = _WORD_OR_MARK.findall(body)
    words = [w.casefold().strip("'’-") for w in written]
    if not words or words[0] == "to":
        return False
    if _APOSTROPHE.split(words[0], maxsplit=1)[0] in SUBJECT_PRONOUNS or \
            _CONTRACTED_IS.search(words[0]):
        return True
    return any(w in FINITE_WORDS or _CONTRACTED_VERB.search(w) or _past_verb(before, w, as_written)
               for before, w, as_written in zip(["", *words[:-1]], words, written, strict=True))


def _past_verb(before: str, word: str, as_written: str) -> bool:
    """A word in "-ed" that reads as a verb: in lower case (a capitalised one is a name,
    "Consolidated", or a participle opening the sentence, "Faced with the choice, ...") and
    after no article or possessive ("the proposed merger")."""
    return word.endswith("ed") and len(word) > 4 and as_written[:1].islower() and \
        before not in _BEFORE_ADJECTIVE


def cue_verb(cue: str | None, body: str) -> str | None:
    """The words a reported statement's title puts between its speaker and ``body`` where
    its cue is no "said that": the cue in the past tense ("rejected", "expected") where the
    body is no clause of its own (``is_clause``), with the preposition the quote finder
    takes its object from where the body is a plain object ("called for more talks"); for
    a clause, the cue and "that" where the cue reports a clause ("denied that", "warned
    that", "believed that": "said that" would turn a denial into a claim), as the story
    page reads it. None (the caller writes "said that", or "said" before an infinitive)
    for "say", "tell" and "inform", for a clause after a cue whose content is an object
    (a directive, quoting or descriptive cue), for an attributing phrase ("according to")
    and for a cue that is no English cue verb."""
    words = (cue or "").casefold().split()
    base = cue_base(words[0]) if words else None
    if base is None or base in _SAY_LIKE:
        return None
    verb = " ".join([past(words[0], base), *words[1:]])
    if is_clause(body):
        return None if base in _OBJECT_CUES else f"{verb} that"
    if base in cues.ADDRESSEE_PREPOSITIONS and _INFINITIVE.match(body):
        return None  # "called on the ministry to act": the addressee is not in the body
    preposition = cues.OBJECT_PREPOSITIONS.get(base)
    if preposition and len(words) == 1 and not _OBJECT_INFINITIVE.search(body):
        return f"{verb} {preposition}"
    return verb


def cue_base(word: str) -> str | None:
    """The English cue verb ``word`` is a form of ("hopes", "hoped", "hoping" -> "hope"),
    or None when it is none of them (the web's speech views read cues with it too)."""
    word = word.lower()
    if word in PAST_FORMS:
        return next(k for k, v in IRREGULAR_PAST.items() if v == word)
    stems = [word]
    for ending, back in (("ing", ""), ("ing", "e"), ("ied", "y"), ("ies", "y"), ("ed", ""),
                         ("ed", "e"), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[:-len(ending)]
            stems += [stem + back, stem[:-1] + back] if stem[-1:] == stem[-2:-1] else \
                [stem + back]
    return next((s for s in stems if s in ENGLISH_CUES), None)


def past(word: str, base: str) -> str:
    """``word``, a form of the cue verb ``base``, in the past tense."""
    if word.endswith("ed") or word in PAST_FORMS:
        return word
    return IRREGULAR_PAST.get(base) or regular_past(base)


def regular_past(base: str) -> str:
    """"hope" -> "hoped", "deny" -> "denied", "claim" -> "claimed"; an -ing stem has lost
    its final e already ("stating" -> "stat" -> "stated")."""
    if base.endswith("e"):
        return base + "d"
    if len(base) > 1 and base.endswith("y") and base[-2] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"
