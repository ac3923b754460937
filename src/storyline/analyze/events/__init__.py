"""Per-article event mentions: meetings, calls, visits, summits, agreements, launches, ...

A trigger lexicon of lemmas by kind finds candidate words; the dependency parse then gives
each trigger its scope (the trigger, the verbs it hangs from up to the first reported-speech
boundary), and that scope gives the date (time expressions it governs), the place (a
GPE/LOC/FAC after "in"/"at") and the participants (names and resolved roles in it).

An event whose scope holds no day-precise time expression keeps ``date=None``, with one
exception: the lead. A happening the headline or the first body sentences report as done
("Nordvik unveils new ferry", "X has defeated Y"), with no time expression of its own and not
as someone's words about the future, is the day's news and takes the publication date,
with ``date_from`` saying it was inferred. ``date_from`` always says where a date came from
or why there is none, so a guess is never shown as fact. In an undated article a mention
whose scope holds only "May 14" or "Friday" keeps that day as a TimeML partial value
(``XXXX-08-19``, ``XXXX-WXX-5``, ``timexes.partial_timexes``) in ``date``, ``date_from``
still saying why no day was found: ``corpus.events`` fixes its year or week from dated
articles, or reads it as no date; no partial value leaves the corpus step. A partial day
keeps no mention that would otherwise be left out.

Each mention has a ``status``: "happened", or "planned" (a future auxiliary, a planning
verb or noun above it, a "to"-clause, a day after the article's), "hypothetical" (a modal, a
condition, a verb warding it off: "to deter an attack") or "negated" ("no meeting is
planned"). The first mention of the headline or the lead's first sentences that names
someone or somewhere is the article's ``lead``, its main happening; in a lead that reports a
source ("a publicist says X checked into rehab") it is the reported verb. Statements are no
events (the quotes stage has them), nor are reporting verbs (publish, inform, ...); an
interview is one only where the headline makes it the news.

Products the names stage does not cover ("Tarnphone 3", "NV40 Skylark") join the
participants as ``thing:<text>`` keys, so an event can be found by what it was about.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from itertools import islice, pairwise
from typing import Any

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ...records import Article, EventMention, EventStatus, Mention, Timex, content_id
from ...text import fold_name
from ..model import lemma_of, text_of
from ..timexes import PARTIAL_VALUE, partial_timexes
from .dating import (
    DAY_VALUE,
    REASON_PREPS,
    answered,
    bound_time,
    coarse_times,
    date_for,
    dateline_day,
    day_reach,
    earlier_occasion,
    governor,
    own_time,
    place_timexes,
    repeated_happening,
)
from .kinds import (
    ACTOR_SEP,
    CONDITION_MARKS,
    DESCRIBED_ACTOR,
    FUTURE_AUX,
    IMPLICATIVE_VERBS,
    LIGHT_VERBS,
    OBJECT_REALISING_VERBS,
    OPINION_VERBS,
    PLACE_LABELS,
    PLANNED_MODIFIERS,
    PLANNING_NOUNS,
    PLANNING_VERBS,
    POSSIBLE_AUX,
    POSSIBLE_MODIFIERS,
    PREVENTING_VERBS,
    REALISING_COMPANIONS,
    REPORTING_VERBS,
    STATEMENT_VERBS,
    SUBJECT_REALISING_VERBS,
    TELLING_KINDS,
    TIME_REFERENCE_WORDS,
    UNTIL_WORDS,
    VERB_TRIGGERS,
    DateFrom,
    actor_keys,
    family,
    is_denied,
    is_lead_noun,
    is_negated,
    is_verb_kind,
    realising_clause,
    same_word,
    trigger_candidates,
    trigger_kind,
    verb_lemma,
)

# Dependency edges that open reported content or a new proposition: what lies below them is
# what someone said, not a detail of the trigger's event.
CONTENT_DEPS = frozenset({"ccomp", "parataxis", "relcl", "acl", "csubj"})
# Abbreviations of time zones ("9:20 a.m. (0620 GMT)"), which the model may take for an
# organisation: the standard world and North American zones' names.
TIME_ZONES = frozenset({"GMT", "UTC", "UT", "BST", "CET", "CEST", "EET", "EEST", "WET",
                        "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST",
                        "AKDT", "HST", "AST", "ADT", "IST", "JST"})
# Nouns a broadcast calls itself by ("Later in the broadcast this evening") and the
# parts of a day it says it is on the air in: English words for a programme.
BROADCAST_NOUNS = frozenset({"broadcast", "program", "programme", "newscast", "show",
                             "bulletin", "telecast"})
# ... of which these name other things too ("our nuclear program", "this show of force"):
# only a sentence that says "tonight" or "this evening" makes them the programme's own.
OTHER_SENSE_BROADCAST_NOUNS = frozenset({"program", "programme", "show", "bulletin"})
BROADCAST_TIMES = frozenset({"evening", "morning", "afternoon", "hour", "half-hour"})
# A government portfolio's word as a minister's or secretary's title writes it ("Trade
# Minister", "Secretary of State", "chancellor of the Exchequer"): English names of the
# usual ministries, taken for organisations by the model.
PORTFOLIOS = frozenset({"state", "defense", "defence", "trade", "treasury", "exchequer",
                        "interior", "justice", "finance", "foreign", "labor", "labour",
                        "health", "education", "energy", "agriculture", "commerce",
                        "transport", "transportation", "environment", "housing", "home",
                        "war", "navy", "army", "culture", "economy", "industry", "tourism",
                        "information", "communications", "security", "immigration",
                        "development", "planning", "fisheries", "mines", "works"})
# Mention labels that hold an office's title with or without its holder's name ("Britain's
# chancellor of the Exchequer", "Trade Minister Ola Vell"; ``analyze.mentions``).
OFFICE_LABELS = frozenset({"ROLE", "TITLED"})
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "ROLE", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "near", "to"})
# Participants an undated mention must share with a dated one of the same article to take
# its date: one shared name let "they agreed to meet" take the date of other talks with one
# of them in the seeds; two (or one plus the same place) did not.
INHERIT_MIN_SHARED = 2

# Why a mention takes no other mention's day: it has no one day, or a time of its own.
NO_OTHER_DAY = frozenset({DateFrom.REPEATED, DateFrom.COARSE, DateFrom.PLAN_BEFORE_ARTICLE})
# DateFrom.LEAD under the name tests build inferred-day rows with.
LEAD_DATE_FROM = DateFrom.LEAD
# Body sentences (after the headline) that make up the lead. News writing puts the day's
# happening in the first one and often completes it in the second ("Air Canada has ordered
# ..." after a caption); on the SemEval timeline dev set one gave timeline_date_f1 0.525,
# two 0.530 (3 more dates found, 1 wrong). Later sentences are mostly background.
LEAD_BODY_SENTENCES = 2
# Body sentences an article's main happening (its lead event, ``EventMention.lead``) is
# looked for in, the first that names one winning: more than the dating lead, since a
# feature opens with colour ("A quiet morning on the quay.") before its news (bench/NOTES.md has the
# measurements).
LEAD_TOLD_SENTENCES = 3
# Tags of a verb reporting something done: past, and (with "have") the present perfect.
PAST_TAGS = frozenset({"VBD"})
# Determiners of a noun the reader knows of (English's definite articles and demonstratives).
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})
# Subordinators whose clause, told in the present, is still to come ("until the envoy visits
# the capital", "before the vote takes place", "once the envoy arrives").
AHEAD_MARKS = frozenset({"until", "till", "before", "once"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# Headlines write past happenings in the present ("Nordvik unveils ferry") and passives
# without "was" ("First A380 delivered"); "to" + verb is the future ("Apple to lower prices").
HEADLINE_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN"})
# Auxiliaries that put a verb in the future or make it a possibility, not a report.
MODAL_AUX = frozenset({"will", "shall", "would", "could", "might", "may", "should", "must",
                       "can", "'ll", "wo", "ca"})
# Participants a lead event must share with a dated event of its kind in the same article
# to take its date: one, since the lead is about the article's main happening (two are
# needed between arbitrary sentences, see INHERIT_MIN_SHARED).
LEAD_MIN_SHARED = 1
# Days before the article's day a body report's stated day may lie and still date a lead
# that names no one ("was arrested", below "arrested ... early Thursday"): news is of the
# last few days; a week back is another happening's.
LEAD_BACK_DAYS = 3
# Kinds of happening that are an occasion for saying something: held on the day its
# speakers' statements are dated.
SAYING_OCCASIONS = frozenset({"press-conference", "interview"})
# Prefix of a participant key that is a product named in the event's clause, not a mention.
THING_PREFIX = "thing:"
# Tags of plural nouns: a number before them counts people or things ("14 Tarnians").
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# An ordinal written in digits ("9th", "31st"): a date's day or a precinct, no product.
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
# Words that make the number before them an amount ("K380 million"): English number words.
AMOUNT_WORDS = frozenset({"million", "billion", "trillion", "thousand", "bn", "mn", "m", "k"})
# Entity types of digit-bearing tokens that are amounts or times, never part of a product.
NOT_THING_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
# The present-perfect auxiliary written out for a contracted one ("he's given"), by its tag.
PERFECT_FORMS = {"VBZ": "has", "VBP": "have", "VBD": "had"}
# Characters that are no word of a phrase: U+FFFD, what a decoder puts for bytes it could
# not read.
STRAY_CHARS = frozenset({"\ufffd"})
# Tags of the word a relative clause opens on: "that", "which", "who", "whose", "where".
RELATIVE_WORD_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
# Signs written against their number ("1%"): no stop for a phrase.
NUMBER_SIGNS = frozenset({"%"})
# Words of a trigger's phrase kept for titles ("checked into the Harbourton Rest Clinic"):
# enough for a verb and its object, short enough for a title line.
PHRASE_MAX_WORDS = 8
# Words of a subject that names no one kept for a title ("Some 2,300 striking dockers",
# "The Nordvik shipping company"): a headline's subject, short enough to leave the title its
# verb and object; a longer one keeps only the words up to its head noun.
SUBJECT_MAX_WORDS = 6
# The pronouns a clause of reported speech may tell its speaker by, and the label of the
# name each stands for ("Acme Corp. said it ..."). Not "he" or "she": "Ana Vik said he
# resigned" is mostly someone else, and a title must not name the wrong doer.
PRONOUN_NAMES = {"it": "ORG"}
# Parts of speech of a subject's head that describe someone or something ("the company",
# "thousands", "Shareholders"); not a pronoun, a determiner or a participle.
DESCRIBED_POS = frozenset({"NOUN", "PROPN", "NUM"})
# Verbs whose "for" phrase is what they are about, not a reason: "called for a re-run of
# the bidding", "asked for talks", "voted for the plan"; and "for the first time".
FOR_VERBS = frozenset({"call", "ask", "push", "press", "pay", "wait", "apply", "vote", "bid",
                       "compete", "campaign", "lobby", "search", "look", "argue", "fight",
                       "prepare", "head", "leave", "depart", "account", "opt", "plead"})
TIME_NOUNS = frozenset({"time", "moment", "while", "day", "week", "month", "year"})
# Dependency edges below which a word cannot be a planning verb's plan: its subject.
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "agent", "expl"})
# Parts of speech a phrase cannot end in: they need the words a cut left out ("the
# year-earlier $" its amount; a percent sign is its number's, whatever its tag).
DANGLING_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "AUX", "SYM"})
# Hyphens that join the parts of one word ("rebel-held"): a phrase is not cut there.
WORD_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# A bracket between two letters or digits: words of page chrome glued together by the text
# extraction ("CNN Business)A"), not a name anyone bears.
# A character other than whitespace (str.isspace's, as ``strip`` takes off): searched in
# place, where slicing and stripping each sentence copied it.
_NOT_SPACE = re.compile(r"\S")
GLUED = re.compile(r"[^\W_][()\[\]{}][^\W_]")
ANAPHORIC_DET = "the"
# Entity labels of proper names: a trigger word inside one is part of a name, not a
# happening ("Ola Vell", "Tarn Holdings"). EVENT and DATE are left out: "the Bergen
# Summit" names a happening.
# Title case: this share of a line's words (longer than a small word, "of", "in", "the")
# capitalised. Running text capitalises names only, well under half its words.
TITLE_CASE_SHARE = 0.6
MAX_SMALL_WORD = 3
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP", "WORK_OF_ART",
                       "LAW"})
# Labels of mentions that need no capital to name someone: a role is resolved to its holder.
UNNAMED_LABELS = frozenset({"ROLE"})
# A dateline's longest run before its dash: "HARBOURTON, Ma. (AP) —" is 7 tokens; a city,
# its region and country in brackets, a day and an agency ("Mumbai (Maharashtra) [India],
# Jan 13 (ANI):") 15. Not tuned: the longest shape named, plus one.
DATELINE_MAX_TOKENS = 16
DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014", "\u2015"})
# Letters of a word in capitals that marks a dateline ("NEW YORK", "OSLO"); two-letter ones
# are abbreviations ("US", "UK") a headline may open on.
MIN_CAPS_WORD = 3


@dataclass(frozen=True, slots=True)
class _Found:
    """A placed mention: its record, token range [first, last] and the range's root token
    (looked up once: every trigger asks where each mention hangs), and what its root's
    attachment makes of it, read once rather than per trigger: whether it can be an
    event's place (``_place_for``: after "in"/"at", or what is visited) and whether it is
    a place named after "in"/"at"/"to" (``_is_placed``)."""

    mention: Mention
    first: int
    last: int
    root: int
    placeable: bool = False
    placed: bool = False


@dataclass(frozen=True, slots=True)
class _Tree:
    """The parse as integers, read once per article: each token's head, whether its edge
    opens reported content (CONTENT_DEPS) and whether it is ``_name_like``. Walking up
    from every place to every trigger, and along every trigger's ranges, through Token
    objects made a spaCy object per step (~1M on the 1k bench)."""

    heads: list[int]
    content: list[bool]
    # ``_name_like``'s tests on arrays: entity types that make no thing, proper nouns, and
    # each token's word (the text tests are kept per word in ``_WORD_TESTS``)
    not_thing: list[bool]
    proper: list[bool]
    orths: list[int]
    strings: Any

    def name_like(self, i: int) -> bool:
        """``_name_like(doc[i])``, without making the Token."""
        if self.not_thing[i]:
            return False
        orth = self.orths[i]
        tests = _WORD_TESTS.get(orth)
        if tests is None:
            if len(_WORD_TESTS) >= MAX_WORD_TESTS:
                _WORD_TESTS.clear()  # bounded: a long run's vocabulary keeps growing
            tests = _WORD_TESTS[orth] = _word_tests(self.strings[orth])
        return tests[0] and (self.proper[i] or tests[1])


# Words whose ``_word_tests`` are remembered (by their id); emptied when full.
MAX_WORD_TESTS = 100_000
_WORD_TESTS: dict[int, tuple[bool, bool]] = {}


@dataclass(frozen=True, slots=True)
class _Lead:
    """Where an article's lead is and the day it reports: the headline and first sentences."""

    day: str | None  # the publication day
    headline: frozenset[int]  # start tokens of the headline's sentences
    body: frozenset[int]  # start tokens of the lead's body sentences
    told: frozenset[int]  # start tokens of the sentences an article's main happening is in
    timed: tuple[Token, ...]  # root tokens of every time expression, whatever its precision
    # The day the report tells of as its news: its dateline's ("WARSAW, February 26
    # (Xinhua)" in a file of the 27th) or else its publication day.
    news_day: str | None = None
    # Root tokens and values of the DATE and TIME expressions, for ``dating.own_time``.
    times: tuple[tuple[Token, str], ...] = ()


@dataclass(frozen=True, slots=True)
class _Context:
    """What every trigger of one article is read against."""

    article: Article
    placed: Sequence[_Found]
    dated: Sequence[tuple[Token, str]]
    trigger_ids: set[int]
    lead: _Lead
    # An undated article's days without a year or week ("May 14", "Friday"): root token
    # and TimeML partial value; and, filled while reading, the partial day of each mention
    # that has no day of its own (see ``timexes.partial_timexes``).
    partial: Sequence[tuple[Token, str]] = ()
    partials: dict[str, str] = field(default_factory=dict)
    # Time expressions coarser than a day, with a year ("in 2007", "June 2008"): root token
    # and value. A mention they date has a time of its own, just no day.
    coarse: Sequence[tuple[Token, str]] = ()
    tree: _Tree = field(default_factory=lambda: _Tree([], [], [], [], [], None))
    # ``_things``' views of ``placed``, made once per article rather than once per trigger:
    # each mention's token range, and those of persons and roles
    exact: frozenset[tuple[int, int]] = frozenset()
    personal: tuple[tuple[int, int], ...] = ()


def find_event_mentions(doc: Doc, article: Article, mentions: Sequence[Mention],
                        timexes: Sequence[Timex]) -> list[EventMention]:
    """Event mentions in one article, in text order."""
    reporters = _reporters(article)
    datelines = _datelines(doc)
    found = _place_mentions(doc, mentions)
    named = {f.mention.key for f in found if _named(doc, f)}
    placed = [f for f in found
              if fold_name(f.mention.text) not in reporters
              and not GLUED.search(f.mention.text) and f.mention.key in named
              and not any(lo <= f.first and f.last <= hi for lo, hi in datelines)
              and not _no_one(f, found)]
    dated = place_timexes(doc, timexes)
    lead = _lead(doc, article, timexes)
    triggers = [(t, kind) for t in trigger_candidates(doc)
                if (kind := trigger_kind(t)) is not None]
    triggers += _dated_verbs(dated, {t.i for t, _ in triggers})
    triggers += _lead_verbs(doc, lead, {t.i for t, _ in triggers})
    triggers = [(t, kind) for t, kind in triggers
                if not _in_proper_name(t, lead) and not _about_the_broadcast(t.sent)]
    partial = place_timexes(doc, partial_timexes(doc, article), PARTIAL_VALUE)
    trigger_ids = {t.i for t, _ in triggers}
    tree = _tree(doc)
    for t, _ in triggers:  # "a press conference held in Paris": the place is the conference's
        for c in t.children:
            if realising_clause(c, trigger_ids):
                tree.content[c.i] = False
    ctx = _Context(article, placed, dated, trigger_ids, lead, partial,
                   tree=tree, exact=frozenset((f.first, f.last) for f in placed),
                   personal=tuple((f.first, f.last) for f in placed
                                  if f.mention.label in ("PERSON", "ROLE")),
                   coarse=coarse_times(doc, timexes, lead.day))
    mentioned = [(_event_mention(t, kind, ctx), t) for t, kind
                 in sorted(triggers, key=lambda x: x[0].i)]
    kept = _anaphora_dates([(e, t) for e, t in mentioned if e is not None])
    told = _inherit_dates(_lead_dates_from_body(kept))
    # Told-of events only: a kind and someone or somewhere to tell the happening apart.
    told = _one_lead([e for e in told if e.participants or e.place])
    # A verb outside the lexicons names a happening only as the article's lead or with a
    # day of its own ("selected X on February 29"); otherwise it is the story's background.
    told = [e for e in told if (e.kind not in TELLING_KINDS or e.lead)
            and (e.lead or e.date or not is_verb_kind(e.kind))]
    # A day without its year or week is kept as its TimeML partial value, ``date_from``
    # still saying why no day was found; ``corpus.events`` fixes it or reads it as none.
    return [_with(e, date=ctx.partials[e.id]) if e.date is None and e.id in ctx.partials
            else e for e in told]


def _in_proper_name(token: Token, lead: _Lead) -> bool:
    """Whether a trigger word is part of a proper name ("Representative Tom DeLay", "DPC
    Acquisition", "TWA Flight 800"): capitalised inside its sentence and a proper noun or
    in a name the model found. A name is never a happening. A headline is left alone: it
    capitalises every word ("Nordvik Unveils New Ferry"), and so does a line in title case
    that the page did not mark as its headline."""
    sent = token.sent
    if token.i == sent.start or sent.start in lead.headline or not token.text[:1].isupper() \
            or not (token.pos_ == "PROPN" or token.ent_type_ in NAME_ENTS):
        return False
    words = [t for t in sent if t.is_alpha and len(t) > MAX_SMALL_WORD]
    return sum(t.text[0].isupper() for t in words) < TITLE_CASE_SHARE * len(words)


def _about_the_broadcast(sent: Span) -> bool:
    """Whether a sentence tells of the programme it is read in, not of the news: a
    transcript's "Later in the broadcast this evening, one more walk along the
    harbour", "Coming up on this program, a visit to ...". A broadcast's noun with "this"
    or "our", or with "the" in a sentence that says "tonight" or "this evening/morning";
    a noun that names other things too (``OTHER_SENSE_BROADCAST_NOUNS``) only with that time
    word, whatever its determiner."""
    now = any(t.lower_ == "tonight" or (t.lower_ in BROADCAST_TIMES and any(
        c.dep_ == "det" and c.lower_ == "this" for c in t.children)) for t in sent)
    for t in sent:
        if t.pos_ != "NOUN" or lemma_of(t).lower() not in BROADCAST_NOUNS:
            continue
        dets = {c.lower_ for c in t.children if c.dep_ in ("det", "poss")}
        ambiguous = lemma_of(t).lower() in OTHER_SENSE_BROADCAST_NOUNS
        if (dets & {"this", "our"} and (now or not ambiguous)) or (now and "the" in dets):
            return True
    return False


def _no_one(found: _Found, others: Sequence[_Found]) -> bool:
    """Whether a mention the names stage labelled an organisation names no one who took
    part: a time zone ("0620 GMT"), or a government portfolio's word inside a role or
    titled name ("Trade" of "Trade Minister Ola Vell", "Exchequer" of "chancellor of the
    Exchequer"): the office holder takes part, not the word. A company or an agency named
    in a title ("Acme Chairman ...", "FBI Director ...") is an organisation and stays."""
    m = found.mention
    if m.label != "ORG":
        return False
    if m.text.upper() in TIME_ZONES:
        return True
    return m.text.casefold() in PORTFOLIOS and any(
        o.mention.label in OFFICE_LABELS and o.first <= found.first and found.last <= o.last
        and (o.first, o.last) != (found.first, found.last) for o in others)


def _named(doc: Doc, found: _Found) -> bool:
    """Whether a mention is written as a name: a word of it with a capital letter that is a
    proper noun or stands inside its sentence (English capitalises names, not common nouns;
    a role, "the commerce secretary", is resolved to its holder and needs none). A phrase
    in lower case ("the state health department", "apps", a lower-cased page's "bethnal
    green academy") is no named participant or place, whatever label the model gave it; a
    model number ("777x") is a name.
    A mention counts as named when any mention of its key is: "Vell did not meet them",
    with the name opening the sentence read as a noun, after "Ola Vell" above."""
    if found.mention.label in UNNAMED_LABELS:
        return True
    for t in doc[found.first:found.last + 1]:
        if any(c.isupper() for c in t.text) and (t.pos_ == "PROPN" or not t.is_sent_start):
            return True
        if any(c.isdigit() for c in t.text) and any(c.isalpha() for c in t.text):
            return True  # a model number: "777x", "a380"
    return False


def _datelines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of datelines opening a sentence: "OSLO, Norway (Harbour Wire) —",
    "TROMSO -", "Bergen (Fjord News):". Where and by whom the story was filed, not who or
    where the happening is: a run of at most DATELINE_MAX_TOKENS tokens without a verb,
    shaped like a dateline (a word in capitals or a bracket), before a spaced dash, or a
    colon right after a bracket."""
    out = []
    for sent in doc.sents:
        for t in islice(sent, DATELINE_MAX_TOKENS):
            if t.pos_ in ("VERB", "AUX"):
                break
            if t.i == sent.start:
                continue
            before = doc[t.i - 1]
            dash = t.text in DATELINE_DASHES and bool(before.whitespace_)
            if dash or (t.text == ":" and before.text == ")"):
                if any(w.text == "(" or (w.is_alpha and w.is_upper and len(w) >= MIN_CAPS_WORD)
                       for w in doc[sent.start:t.i]):
                    out.append((sent.start, t.i))  # "NEW YORK -" is one mention at times
                break
    return out


def _one_lead(found: list[EventMention]) -> list[EventMention]:
    """Only the first lead candidate (the headline's before the first sentence's) is the
    article's lead: its main happening."""
    first = next((e.id for e in found if e.lead), None)
    return [e if e.id == first or not e.lead else _with(e, lead=False) for e in found]


def _anaphora_dates(found: list[tuple[EventMention, Token]]) -> list[EventMention]:
    """'the talks' is the talks told of just before it: one mention, not two.

    A definite event noun points back at the nearest earlier mention of its kind family
    and status (in its sentence or before). It adds nothing when its names and place are
    the earlier one's, so it is dropped; its day, if it has one ("the talks on Monday") and
    the earlier one has none, passes to the earlier one ("article: the same event dated in
    another sentence"), which then holds both's names: "the talks in Tromso" and "among those
    at the talks on Monday were X and Y" are one happening, not Lund's talks and X's.
    """
    out: list[EventMention | None] = [e for e, _ in found]
    for i, (e, token) in enumerate(found):
        definite = _is_definite(token)
        # A repeated happening ("has twice sued") is no one happening to point back at; one
        # with a coarse time of its own ("launched in 2012") may be another of the kind.
        before = [j for j in range(i) if (b := out[j]) is not None and b.status == e.status
                  and family(b.kind) == family(e.kind)
                  and DateFrom.of(b.date_from) not in NO_OTHER_DAY]
        if not definite or not before:
            continue
        j = before[-1]
        earlier = out[j]
        assert earlier is not None
        # A publication day inferred for the lead is no stated day: it never passes on.
        stated, earlier_stated = _stated(e), _stated(earlier)
        if stated and earlier_stated is None:
            dated = _with(earlier, date=stated, date_from=DateFrom.INHERITED)
            out[j] = dated
            if e.place is None or earlier.place in (None, e.place):
                # dated as one happening, it is one mention with both's names
                out[j], out[i] = _united([dated, e]), None
                continue
        elif stated and earlier_stated != stated:
            continue  # another day: another happening of the kind
        if set(e.participants) <= set(earlier.participants) and e.place in (None, earlier.place):
            out[i] = None
    return [e for e in out if e is not None]


def _reporters(article: Article) -> set[str]:
    """The article's own outlet and wire ("(MENAFN) ..."): they report events, take no part."""
    return {fold_name(x) for x in (article.outlet, article.wire) if x}


def _lead(doc: Doc, article: Article, timexes: Iterable[Timex]) -> _Lead:
    day = article.published[:10] if article.published and DAY_VALUE.match(article.published) \
        else None
    head_end = _headline_end(article)
    text = text_of(doc)
    sents = [s for s in doc.sents if _NOT_SPACE.search(text, s.start_char, s.end_char)]
    headline = [s for s in sents if s.start_char < head_end]
    # A verbless line after the headline is a date line or a byline, not the lead; so is a
    # page's own stamp ("First Published: May 14, 2011", "UPDATED 04/02/2011").
    told = list(islice((s for s in sents if s.start_char >= head_end
                        and any(t.pos_ in ("VERB", "AUX") for t in s) and not _is_stamp(s)),
                       LEAD_TOLD_SENTENCES))
    body = told[:LEAD_BODY_SENTENCES]
    roots, times = [], []
    for t in timexes:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span):
            roots.append(span.root)
            if t.type in ("DATE", "TIME"):
                times.append((span.root, t.value))
    return _Lead(day, frozenset(s.start for s in headline), frozenset(s.start for s in body),
                 frozenset(s.start for s in told),
                 tuple(roots), dateline_day(article.dateline, day) or day, tuple(times))


def _is_stamp(sent: Span) -> bool:
    """'First Published: June 13, 2013 4:59 PM EDT': a reporting verb with no subject."""
    root = sent.root
    return verb_lemma(root) in REPORTING_VERBS and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in root.children)


def _headline_end(article: Article) -> int:
    """End of the headline paragraph when the text opens with the title, else 0."""
    first = article.text.split("\n\n", 1)[0]
    title = " ".join((article.title or "").split())
    return len(first) if title and " ".join(first.split()) == title else 0


def _lead_verbs(doc: Doc, lead: _Lead, trigger_ids: set[int]) -> list[tuple[Token, str]]:
    """The main verbs of the lead's sentences: the news itself ("Tarn defeat Nordvik").

    Like dated verbs, each is an event named by its lemma; light, reporting and negated
    verbs are left out.
    """
    out = []
    for sent in doc.sents:
        if sent.start not in lead.headline and sent.start not in lead.told:
            continue
        root = sent.root
        verbs = [root, *(c for c in root.children if c.dep_ == "conj")]
        if verb_lemma(root) in STATEMENT_VERBS | REPORTING_VERBS:
            verbs += _reported_verbs(root)
        for verb in verbs:
            lemma = verb_lemma(verb)
            if verb.pos_ != "VERB" or verb.i in trigger_ids or is_denied(verb) \
                    or lemma in VERB_TRIGGERS:
                continue  # a lexicon verb the lexicon did not take: another sense
            if lemma not in LIGHT_VERBS | STATEMENT_VERBS | REPORTING_VERBS | OPINION_VERBS:
                out.append((verb, lemma))
    return out




def _reported_verbs(root: Token) -> list[Token]:
    """'A publicist says Tara Reid has checked into rehab': in a lead that reports what a
    source said, the reported verb (and its conjuncts) is the news."""
    content = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ == "VERB"]
    return content + [c for v in content for c in v.children if c.dep_ == "conj"]


def _dated_verbs(dated: Sequence[tuple[Token, str]],
                 trigger_ids: set[int]) -> list[tuple[Token, str]]:
    """Verbs outside the lexicon that carry their own day ("selected X on February 29").

    In TimeML terms every such verb is an event; its lemma names the kind. Light verbs and
    negated ones are left out: "was on June 3" and "did not fly on Monday" report nothing.
    """
    out: dict[int, tuple[Token, str]] = {}
    for root, _ in dated:
        if bound_time(root):
            continue  # "extended its offer until Nov. 6": no day of the extension
        verb = governor(root, trigger_ids)
        lemma = verb_lemma(verb)
        if verb.pos_ != "VERB" or verb.i in trigger_ids or lemma in LIGHT_VERBS \
                or lemma in REPORTING_VERBS or lemma in VERB_TRIGGERS:
            continue  # a lexicon verb here was used in another sense ("launched an attack")
        if not is_denied(verb):
            out[verb.i] = (verb, lemma)
    return [out[i] for i in sorted(out)]










def _place_mentions(doc: Doc, mentions: Iterable[Mention]) -> list[_Found]:
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            root = span.root
            head = root.head
            is_object = root.dep_ == "dobj" and lemma_of(head) in ("visit", "reach", "tour")
            after_prep = root.dep_ == "pobj" and head.lower_ in PLACE_PREPS
            out.append(_Found(m, span.start, span.end - 1, root.i,
                              placeable=is_object or after_prep,
                              placed=m.label == "GPE" and after_prep))
    return out


def _tree(doc: Doc) -> _Tree:
    from spacy.attrs import DEP, ENT_TYPE, HEAD, ORTH, POS
    from spacy.parts_of_speech import IDS

    strings = doc.vocab.strings
    arrays = doc.to_array([HEAD, DEP, ENT_TYPE, POS, ORTH])
    # HEAD is each head's offset from its token, stored unsigned: as signed, plus the index
    heads = (arrays[:, 0].astype(numpy.int64) + numpy.arange(len(doc))).tolist()
    content = _one_of(arrays[:, 1], _CONTENT_DEP_IDS)
    not_thing = _one_of(arrays[:, 2], _NOT_THING_IDS)
    return _Tree(heads, content.tolist(), not_thing.tolist(),
                 (arrays[:, 3] == IDS["PROPN"]).tolist(), arrays[:, 4].tolist(), strings)


def _one_of(column: Any, ids: Any) -> Any:
    """Which entries of ``column`` (spaCy ids) are one of the few ``ids``: a comparison per
    id costs less than ``numpy.isin``'s sorting set-up, which was most of ``_tree``."""
    found = numpy.zeros(len(column), dtype=bool)
    for x in ids:
        found |= column == x
    return found


# CONTENT_DEPS and NOT_THING_ENTS as spaCy's ids (hashes of the strings), in spaCy's id type:
# compared as such, never through floats.
_CONTENT_DEP_IDS = numpy.asarray(sorted(get_string_id(d) for d in CONTENT_DEPS),
                                 dtype=numpy.uint64)
_NOT_THING_IDS = numpy.asarray(sorted(get_string_id(e) for e in NOT_THING_ENTS),
                               dtype=numpy.uint64)


def _word_tests(text: str) -> tuple[bool, bool]:
    """``_name_like``'s tests of a word: all letters and digits; camel-cased or a digit."""
    return text.isalnum(), _camel(text) or any(c.isdigit() for c in text)


def scope_chain(token: Token) -> list[Token]:
    """The trigger and the heads above it, up to (not past) a reported-content edge."""
    chain = [token]
    node = token
    while node.head.i != node.i and node.dep_ not in CONTENT_DEPS:
        node = node.head
        chain.append(node)
    return chain


def _event_mention(token: Token, kind: str, ctx: _Context) -> EventMention | None:
    # A statement's date and people are its own: "as reported by X" under "reached Kyiv on
    # Friday" must not take the arrival's date.
    chain = [token] if kind == "statement" else scope_chain(token)
    date, date_from = date_for(token, kind, chain, ctx.dated, ctx.trigger_ids)
    if kind == "statement" and date is None:
        return None
    partial = date_for(token, kind, chain, ctx.partial, ctx.trigger_ids)[0] \
        if date is None and ctx.partial else None
    if date_from not in (DateFrom.TRIGGER, DateFrom.CLAUSE) and repeated_happening(token, chain):
        date, partial, date_from = None, None, DateFrom.REPEATED  # nor the lead's, nor another's
    elif date is None and partial is None and earlier_occasion(chain):
        date_from = DateFrom.EARLIER
    elif date is None and partial is None and ctx.coarse and date_for(
            token, kind, chain, ctx.coarse, ctx.trigger_ids)[1] in (DateFrom.TRIGGER,
                                                                   DateFrom.CLAUSE):
        date_from = DateFrom.COARSE  # "launched in 2012" takes no other mention's day
    place = _place_for(token, chain, ctx.placed, ctx.trigger_ids, ctx.tree)
    ranges = _participant_ranges(token, chain, ctx.trigger_ids)
    participants = _participants_for(token.doc, ranges, ctx.placed, place)
    runs = _thing_runs(token.doc, ranges, ctx.exact, ctx.personal, ctx.tree)
    participants = [f for f in participants if not _within_a_thing(f, runs)]
    keys = [f.mention.key for f in participants] + \
        [THING_PREFIX + token.doc[a:b + 1].text for a, b in runs]
    if not keys and place is None and date is None:
        return None  # nothing to tell this happening from any other, nor to date it by
    status = _status(token, chain)
    # A statement is never the news; an interview only where the headline makes it so.
    is_lead = status == "happened" and kind != "statement" and \
        _is_lead_candidate(token, chain, ctx) and \
        (kind not in TELLING_KINDS or token.sent.start in ctx.lead.headline)
    if is_lead_noun(token) and not is_lead:
        return None
    if status == "happened" and date and ctx.lead.day and date > ctx.lead.day:
        status = "planned"  # a day after the article's own is still to come
    elif status in ("planned", "hypothetical") and date and ctx.lead.day \
            and DAY_VALUE.match(date) and date[:10] < ctx.lead.day \
            and not _told_in_past(chain):
        date, date_from = None, DateFrom.PLAN_BEFORE_ARTICLE  # nor another mention's day
    lead_news = status == "happened" and \
        date_from not in (DateFrom.REPEATED, DateFrom.EARLIER) and \
        _is_lead_news(token, chain, date_from, ctx)
    own = _own_times(token, ctx.lead) if date is None and status == "happened" else set()
    if own and (lead_news or date_from is DateFrom.NO_DAY):
        # "closed lower Friday" in Monday's paper: the one earlier day the main clause
        # gives is its day, whatever word the parse hung it on; a year, several days or a
        # day to come ("was set to expire Friday") leave it undated, never the paper's day.
        day = own.pop() if len(own) == 1 else None
        if lead_news and day is not None and DAY_VALUE.fullmatch(day) \
                and ctx.lead.news_day is not None and day < ctx.lead.news_day:
            date, date_from = day, DateFrom.SENTENCE
        else:
            date_from = DateFrom.OWN_TIME
        lead_news = False
    if date is None and lead_news:
        date, date_from = ctx.lead.news_day, DateFrom.LEAD
    sent = token.sent
    mention_id = content_id("event-mention", ctx.article.id, str(token.idx), kind)
    if date is None and partial is not None:
        ctx.partials[mention_id] = partial
    return EventMention(
        id=mention_id,
        article=ctx.article.id, trigger=token.text, kind=kind,
        start=sent.start_char, end=sent.end_char, date=date, date_from=date_from,
        place=place.mention.key if place else None, participants=tuple(dict.fromkeys(keys)),
        status=status, lead=is_lead,
        phrase=_phrase(token),
        actor=_actor(token, participants) or _described(token) or _pronoun_speaker(token, ctx))


def _actor(token: Token, participants: Sequence[_Found]) -> str | None:
    """The participant key that is a trigger verb's grammatical subject ("Lindqvist met
    Brandt": Lindqvist; "Brandt was arrested by police": Brandt), found through the verbs a
    "to"-clause or a conjunct hangs from ("agreed to meet", "arrived and met"), or through
    its appositive ("her lawyer, Ola Brekke"). None for an event noun, a subject that is no
    name ("a Tromso man", "he") or one no participant is: an object or a name in a
    prepositional phrase is never the actor."""
    subject = _verb_subject(token)
    if subject is None:
        return None
    # "Brandt and Lindqvist met": each named conjunct is a subject, named in the subject's
    # order; an unnamed one ("Brandt and other relatives gathered") names nobody, so the
    # title keeps to the true part ("Brandt gathered ...").
    keys = []
    for conjunct in [subject, *_conjuncts(subject)]:
        heads = [conjunct, *(c for c in conjunct.children if c.dep_ == "appos")]
        key = next((f.mention.key for h in heads for f in participants
                    if f.first <= h.i <= f.last), None)
        if key is not None:
            keys.append(key)
    return ACTOR_SEP.join(dict.fromkeys(keys)) or None


def _verb_subject(token: Token) -> Token | None:
    """A trigger verb's subject, found through the verbs a "to"-clause or a conjunct hangs
    from ("agreed to meet", "arrived and met"); None for an event noun."""
    if token.pos_ != "VERB":
        return None
    node = token
    subject = _subject(node)
    while subject is None and node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
        subject = _subject(node)
    return subject


def _described(token: Token) -> str | None:
    """A trigger verb's subject that names no one, as the page wrote it, for a title that
    says who did it ("Some 1,500 protesters marched ...", "The company earned ..."), held
    in ``EventMention.actor`` after ``DESCRIBED_ACTOR``. None for a pronoun or a relative
    word (who "he" or "which" is, is not told here), for a determiner or a participle
    standing alone ("some", "the following"), for the subject of a copula the trigger is
    coordinated with ("The following are ... and injured") or one of two the parse gave,
    for a name no participant is (the names stage left it out: a reporter, a dateline's
    city; a nationality names no one, "striking dockers" describes them), and where the
    subject's words run past ``SUBJECT_MAX_WORDS``."""
    subject = _verb_subject(token)
    if subject is None or subject.pos_ not in DESCRIBED_POS \
            or subject.ent_type_ in NAME_ENTS - {"NORP"} or subject.head.pos_ != "VERB" \
            or sum(c.dep_ in ("nsubj", "nsubjpass") for c in subject.head.children) > 1:
        return None  # two subjects, or one of a copula: the parse is not to be trusted
    if subject.i == subject.sent.start and subject.text.isupper() \
            and len(subject.text) >= MIN_CAPS_WORD:
        return None  # a dateline's city read as the subject: "GLASGOW rallied ..."
    words = _subject_words(subject)
    return DESCRIBED_ACTOR + _spaced(words) if words else None


def _pronoun_speaker(token: Token, ctx: _Context) -> str | None:
    """Who "it" is where the clause is what its speaker said of itself ("Acme Corp. said it
    completed its purchase of Nordvik"): the named subject of the saying verb the trigger's
    clause hangs from, when that name is an organisation and "it" the active subject (a
    passive's "it" is a thing: "the port said it was sold"). Held as
    a described subject (``DESCRIBED_ACTOR``, the name as the sentence wrote it): for the
    title only, never a participant, so no happening is joined on it."""
    subject = _verb_subject(token)
    if subject is None or subject.lower_ not in PRONOUN_NAMES or subject.dep_ != "nsubj":
        return None
    clause = subject.head
    if clause.dep_ != "ccomp" or lemma_of(clause.head).lower() not in STATEMENT_VERBS:
        return None
    speaker = _subject(clause.head)
    if speaker is None:
        return None
    name = next((f.mention.text for f in ctx.placed
                 if f.first <= speaker.i <= f.last
                 and f.mention.label == PRONOUN_NAMES[subject.lower_]), None)
    return DESCRIBED_ACTOR + name if name else None


def _subject_words(subject: Token) -> list[Token]:
    """The subject's words: all of them when they are few and hold no clause, appositive
    or punctuation ("Tens of thousands of people"); else those up to its head ("A Nordvik
    man" of "A Nordvik man who was mending ..."); none when even those run long."""
    doc = subject.doc
    whole = list(doc[subject.left_edge.i:subject.right_edge.i + 1])
    left = list(doc[subject.left_edge.i:subject.i + 1])
    for words in (whole, left):
        kept = _subject_run(words, subject)
        if kept:
            return kept
    return []


def _subject_run(words: Sequence[Token], subject: Token) -> list[Token]:
    """The words as one short subject, or none: no clause or appositive below the head, no
    punctuation but inside a word, number or name, at most ``SUBJECT_MAX_WORDS`` words."""
    out: list[Token] = []
    parts = 0
    for t in words:
        if t.i != subject.i and t.dep_ in CONTENT_DEPS | {"appos"}:
            return []
        if out and (_in_word(t, out[-1]) or _inside_word_or_name(t, out[-1])):
            out.append(t)
            parts += 1
            continue
        if t.is_punct and not (t.tag_ == "POS" or t.text in NUMBER_SIGNS):
            return []
        if _stray(t) or t.is_space:
            return []
        out.append(t)
    return out if 0 < len(out) - parts <= SUBJECT_MAX_WORDS else []


def _spaced(words: Sequence[Token]) -> str:
    """The words spaced as the page spaced them ("Apple's", "$4.25", "1%"), a stray mark
    left out between two of them read as a space."""
    out = ""
    for before, t in zip([None, *words], words, strict=False):
        if before is None:
            out = t.text
        elif t.i == before.i + 1:
            out += before.whitespace_ + t.text
        else:
            out += " " + t.text
    return out


def _conjuncts(token: Token) -> list[Token]:
    """The words coordinated with ``token`` ("Brandt, Lindqvist and Vell"): its conj chain,
    and an appositive that has conjuncts of its own (the parser reads "Otto Brandt, Anna
    Lindqvist and Ola Vell" as Brandt + appositive Lindqvist + Vell: a list, not a
    restatement)."""
    out: list[Token] = []
    todo = [token]
    while todo:
        found = [c for c in todo.pop().children if c.dep_ == "conj" or (
            c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children))]
        out += found
        todo += found
    return sorted(out, key=lambda t: t.i)


def _subject(verb: Token) -> Token | None:
    """A verb's subject: active, else passive."""
    found = {c.dep_: c for c in reversed(list(verb.children))
             if c.dep_ in ("nsubj", "nsubjpass")}
    return found.get("nsubj") or found.get("nsubjpass")


def _status(token: Token, chain: Sequence[Token]) -> EventStatus:
    """Whether the clause tells the happening as real, planned, possible or denied.

    Negation counts on the trigger and the verb it hangs from ("did not hold talks", "no
    meeting"); a future auxiliary, a planning verb above it ("agreed to hold a meeting",
    "proposed talks") or a planning modifier ("the planned summit") make it planned; a
    modal, a condition ("if they meet") or a verb warding it off ("deter an attack") make it
    hypothetical.
    """
    # Up to the clause the trigger is told in: a quote that is the sentence's root, or a verb
    # it is conjoined to ('"... will be dealt with," he said at a press conference'), is not
    # the press conference's tense; nor is what comes after a happening named as a time
    # reference ("after talks at ...").
    cut = next((i for i, n in enumerate(chain) if n.dep_ in CONTENT_DEPS | {"conj"}
                or _time_reference([n, n])), len(chain) - 1)
    chain = chain[:cut + 1]
    first_verb = next((n for n in chain if n.pos_ in ("VERB", "AUX")), chain[-1])
    near = chain[:chain.index(first_verb) + 1]
    denied = _denied(near)
    if denied is not None:
        return denied
    if token.pos_ in ("NOUN", "PROPN") and answered(token) and _known(token):
        # "moved to dismiss the lawsuit": the answer's mood is not the suit's, which the
        # definite tells is real ("will respond to an attack" leaves the attack a plan)
        chain = [token]
    elif _ahead_clause(first_verb) and (token.i == first_verb.i or (
            token.dep_ in ("nsubj", "nsubjpass") and token.head.i == first_verb.i)):
        return "planned"  # not "until Iraq complies with the agreement": that one exists
    for node in chain:
        for c in node.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX:
                return "planned"
            if c.dep_ in ("aux", "auxpass") and c.lower_ == "would" \
                    and _governed_by(token, node) and _future_of_a_past_report(node):
                return "planned"  # "announced that Skylark would be launched in 2012"
            if (c.dep_ in ("aux", "auxpass") and c.lower_ in POSSIBLE_AUX) or \
                    (c.dep_ == "mark" and c.lower_ in CONDITION_MARKS):
                return "hypothetical"
    if token.pos_ in ("NOUN", "PROPN"):
        mods = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "nmod")}
        if mods & PLANNED_MODIFIERS:
            return "planned"
        if mods & POSSIBLE_MODIFIERS and not (
                mods & POSSIBLE_MODIFIERS <= WEAK_POSSIBLE_MODIFIERS and _counted_or_done(token)):
            return "hypothetical"
        if any(c.dep_ in ("acl", "relcl") and _to_clause(c) and (
                _happening_clause(c) or lemma_of(token).lower() not in TERMS_NOUNS)
               for c in token.children):
            return "planned"  # "a meeting to take place", "talks to be held"
    if any(lemma_of(node).lower() in PREVENTING_VERBS and below.dep_ not in SUBJECT_DEPS
           for below, node in pairwise(chain)):
        return "hypothetical"  # "to deter an attack": warded off, not done
    # "agreed to meet", "an agreement to hold a meeting"; not "managed to meet".
    if any(_to_clause(n) and lemma_of(n.head).lower() not in IMPLICATIVE_VERBS for n in chain):
        return "planned"
    if any(n.pos_ == "NOUN" and lemma_of(n).lower() in PLANNING_NOUNS for n in chain[1:]):
        return "planned"  # "consent for a meeting", "a proposal for talks"
    for below, node in pairwise(chain):
        lemma = lemma_of(node).lower()
        if below.dep_ in SUBJECT_DEPS:
            continue
        if lemma in PLANNING_VERBS and node.pos_ == "VERB":
            return "planned"
    return "happened"


# "new"/"further" say the thing is more of its kind, not that it may never come: they make
# it a possibility only where nothing counts it or tells it done ("new elections").
WEAK_POSSIBLE_MODIFIERS = frozenset({"new", "further"})
# Nouns whose "to"-clause tells their terms, what was agreed or sought, not that they are
# still to come: "a contract to supply tankers", "negotiations to arrange the deal".
TERMS_NOUNS = frozenset({"deal", "agreement", "contract", "accord", "treaty", "pact", "order",
                         "negotiation", "talk", "talks"})
# Verbs whose subject, in a "to"-clause of a happening noun, is that happening still to come:
# "a meeting to take place", "the summit to open Monday"; not "the deal to lease 100 jets",
# whose clause tells what was agreed.
HAPPENING_VERBS = frozenset({"take", "happen", "occur", "begin", "start", "open", "resume",
                             "convene", "go", "proceed", "run", "last", "continue", "end",
                             "close", "conclude"})


def _counted_or_done(noun: Token) -> bool:
    """'27 new orders', 'announced new orders': a number counts things that exist, and a past
    verb's object was done."""
    if any(c.dep_ == "nummod" for c in noun.children):
        return True
    return noun.dep_ == "dobj" and noun.head.tag_ in ("VBD", "VBN") and not any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX | POSSIBLE_AUX
        for c in noun.head.children)


def _happening_clause(verb: Token) -> bool:
    """'to take place', 'to be held', 'to open on Monday': the clause tells the noun's own
    happening (a passive, or a verb of happening), not what it is about."""
    return any(c.dep_ == "auxpass" for c in verb.children) or \
        lemma_of(verb).lower() in HAPPENING_VERBS


def _governed_by(token: Token, verb: Token) -> bool:
    """Whether ``verb`` is the trigger or the verb it completes ("would begin to be shipped",
    "would be ready to leave", "would close the port"), so that the verb's mood is the
    trigger's; not a noun further down ("would no longer become the victim of an invasion")
    nor a subject ("the agreement would dilute earnings")."""
    node = token
    while node.i != verb.i:
        if node.dep_ not in ("xcomp", "acomp", "dobj") or node.head.i == node.i:
            return False
        node = node.head
    return True


def _future_of_a_past_report(verb: Token) -> bool:
    """'announced that Skylark would be launched in 2012': "would" in what a past reporting
    verb tells is the future of that day, a plan, unless the sentence sets a condition or
    the clause is the speaker's own quoted words ("'Every court would award custody to
    the parent,' said ..."), where "would" is the speaker's own mood."""
    if verb.dep_ not in CONTENT_DEPS or verb.head.tag_ != "VBD" or any(
            c.dep_ == "aux" and lemma_of(c).lower() == "have" for c in verb.children):
        return False  # "would have met" never came
    sent = verb.sent
    if any(t.is_quote or t.text in ("``", "''") for t in sent.doc[sent.start:verb.i]):
        return False
    return not any(t.lower_ in CONDITION_MARKS | {"unless", "otherwise"} for t in sent)


def _told_in_past(chain: Sequence[Token]) -> bool:
    """Whether the clause tells a plan or a possibility in a past tense: "had been scheduled
    for March 3", "was to meet", "would have met"; or, under a past reporting verb, "said the
    talks would be held" (the future of a past day). "will be held" is the article's future."""
    cut = next((i for i, n in enumerate(chain) if n.dep_ in CONTENT_DEPS), len(chain) - 1)
    clause, above = chain[:cut + 1], list(chain[cut + 1:])
    if clause[-1].dep_ in CONTENT_DEPS:
        above.append(clause[-1].head)  # the verb reporting it
    would = False
    for k, node in enumerate(clause):
        auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in FUTURE_AUX for a in auxes):
            return False
        if node.tag_ in PAST_TAGS or any(a.tag_ in PAST_TAGS for a in auxes) or \
                (node.tag_ == "VBN" and any(lemma_of(a).lower() == "have" for a in auxes)):
            return True
        if k == 0 and node.tag_ == "VBN" and not auxes and node.dep_ in ("acl", "advcl"):
            return True  # a participle of the happening: "the terms, announced Friday"
        if node.tag_ == "VB" and [a.lower_ for a in auxes] == ["to"] \
                and _verb_above(node).tag_ in PAST_TAGS:
            return True  # "the first to accede on Friday were", not "is to resume Tuesday"
        would = would or any(a.lower_ in POSSIBLE_AUX for a in auxes)
    return would and any(n.tag_ in PAST_TAGS for n in above)


def _verb_above(token: Token) -> Token:
    """The nearest verb the token hangs from (the root when none). Tokens compare by index:
    spaCy makes a new Token object on each access, so ``node.head is node`` never holds
    and a verbless chain up to the root looped until the page's time ran out."""
    node = token.head
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return node


def _denied(near: Sequence[Token]) -> EventStatus | None:
    """The status a negation gives the trigger, or None when none bears on it.

    ``near`` is the trigger and the nodes above it up to the first verb. A negation on the
    trigger ("no meeting", "did not meet") denies it, one on a noun between them does not
    ("no shortage of voters in the elections"); one on the
    verb above an event noun only when the verb realises the happening ("did not hold
    talks", "the summit did not take place"): "I was not on the call", "the call was not in
    line with ...", "did not attend the summit" and "the election should not be postponed"
    deny something else. "not ... until October" is still to come (or, told in the past,
    came then).
    """
    verb = near[-1]
    # A noun between them is its own: "no shortage of voters in the elections".
    negated = [n for n in dict.fromkeys((near[0], verb))
               if is_negated(n) or (n is near[0] and is_denied(n))]
    if not negated:
        return None
    bound = negated[-1]
    if any(c.lower_ in UNTIL_WORDS for c in (*bound.children, *(
            g for c in bound.children if c.dep_ == "acomp" for g in c.children))):
        past = bound.tag_ in PAST_TAGS or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in PAST_TAGS for c in bound.children)
        return "happened" if past else "planned"
    if negated == [verb] and len(near) > 1 and verb.pos_ in ("VERB", "AUX") \
            and not _realises(verb, near[-2]):
        return None
    return "negated"


def _realises(verb: Token, below: Token) -> bool:
    """Whether ``verb`` makes the happening ``below`` it real: its object ("hold talks", "the
    talks were not held"), or its subject with a verb of happening ("the summit did not
    take place", "no vote went ahead", "there was not a meeting")."""
    lemma = lemma_of(verb).lower()
    if below.dep_ in ("dobj", "nsubjpass") and lemma in OBJECT_REALISING_VERBS:
        return True
    if below.dep_ in ("nsubj", "nsubjpass", "attr") and lemma in SUBJECT_REALISING_VERBS:
        return True
    companion = REALISING_COMPANIONS.get(lemma)
    return companion is not None and below.dep_ in ("nsubj", "attr") and any(
        c.lower_ == companion for c in verb.children)


def _known(noun: Token) -> bool:
    """'the lawsuit', 'the relatives' lawsuit', 'this decision': a noun told as one the
    reader knows of, which exists."""
    return any((c.dep_ == "det" and c.lower_ in DEFINITE_DETS) or c.dep_ == "poss"
               for c in noun.children)


def _ahead_clause(verb: Token) -> bool:
    """'must hold off until the envoy visits the capital', 'will resume once the envoy arrives',
    'will sign when the minister arrives': a present tense in a clause of a time to come
    (``AHEAD_MARKS``; "when" and "after" only under a future or modal verb) tells what has
    not happened yet."""
    if verb.dep_ != "advcl" or not _present(verb):
        return False
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if marks & AHEAD_MARKS:
        return True
    return bool(marks & {"when", "after"}) and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX | POSSIBLE_AUX
        for c in verb.head.children)


def _present(verb: Token) -> bool:
    """'visits', 'arrive', 'is held': a present tense, not a past, perfect or future."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP"):
        return not aux
    return verb.tag_ in ("VBN", "VBG") and bool(aux) and all(a.tag_ in ("VBZ", "VBP")
                                                            for a in aux)


def _to_clause(verb: Token) -> bool:
    """'to meet', 'to be held': a verb with the infinitive marker."""
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "TO" for c in verb.children)


def _is_lead_candidate(token: Token, chain: Sequence[Token], ctx: _Context) -> bool:
    """Whether the trigger tells the article's main happening: in the main clause of the
    headline or a lead sentence (or in what its source is reported to say, "a publicist
    says Reid has checked into rehab"), not a happening named only as a time reference."""
    sent = token.sent
    if sent.start not in ctx.lead.headline and sent.start not in ctx.lead.told:
        return False
    top = chain[-1]
    reported = top.dep_ == "ccomp" and top.head.i == sent.root.i and \
        verb_lemma(sent.root) in STATEMENT_VERBS | REPORTING_VERBS
    return (top.i == sent.root.i or reported) and not _time_reference(chain)


def _time_reference(chain: Sequence[Token]) -> bool:
    """'after talks at the town hall', 'before the summit', 'when they met': the trigger
    names another happening to place the clause in time, so it does not share its day."""
    for node in chain[:-1]:
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in TIME_REFERENCE_WORDS:
            return True
        if node.dep_ == "prep" and (node.lower_ in TIME_REFERENCE_WORDS or (
                node.head.dep_ in ("advmod", "amod") and node.head.lower_ in TIME_REFERENCE_WORDS)):
            return True  # "before the crash", "prior to the crash", "ahead of the summit"
        if any(c.dep_ == "mark" and c.lower_ in TIME_REFERENCE_WORDS for c in node.children):
            return True
    return False


def _phrase(token: Token) -> str | None:
    """The trigger and what follows it in its phrase, up to punctuation or a clause:
    'checked into the Harbourton Rest Clinic', 'allowed Nordvik to bid', for a title.

    Words are spaced as the page spaced them ("Apple's", "$4.25", "1%"), not one space per
    token; a verb in the present perfect keeps its "has" ("has decided to move abroad"): alone,
    the participle reads as a passive ("Jobs chosen to step down")."""
    out = _spaced(_phrase_words(token))
    perfect = _perfect_aux(token)
    if out and perfect is not None:
        out = perfect + " " + out
    elif out and _infinitive(token):
        out = "to " + out
    return out or None


def _infinitive(verb: Token) -> bool:
    """Whether a verb is a base form after "to" or a modal ("planned to leave", "will
    vote"): the phrase writes it as a headline's future, "to leave", for alone "leave"
    reads as an order and after a subject ("The team leave") as a wrong agreement."""
    return verb.pos_ == "VERB" and verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.i < verb.i and (c.lower_ == "to" or c.lower_ in MODAL_AUX)
        for c in verb.children)


def _perfect_aux(verb: Token) -> str | None:
    """'has' of 'has chosen', 'had' of 'had given': the auxiliary of an active perfect,
    written out when contracted ("he's given"); None for a passive ('has been arrested'
    reads right as 'arrested') or any other form."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBN" or any(c.dep_ == "auxpass"
                                                          for c in verb.children):
        return None
    aux = next((c for c in verb.children if c.dep_ == "aux" and c.i < verb.i
                and lemma_of(c).lower() == "have"), None)
    if aux is None:
        return None
    return PERFECT_FORMS.get(aux.tag_, "has") if aux.text.startswith("'") else aux.text.lower()


def _phrase_words(token: Token) -> list[Token]:
    """``_phrase``'s tokens."""
    hi = token.right_edge.i
    for c in token.children:  # what someone said, or another clause, is not the phrase
        if c.i > token.i and c.dep_ in CONTENT_DEPS | {"advcl", "cc", "conj"}:
            hi = min(hi, c.left_edge.i - 1)
    # Nor is a relative clause on one of its nouns ("approved a bill that would extend"):
    # the title would end on its "that". Only one opened by a relative word: the parser
    # also reads "a measure to send troops" as one.
    for t in token.doc[token.i + 1:hi + 1]:
        for c in t.children:
            if c.dep_ == "relcl" and c.i > token.i and c.left_edge.tag_ in RELATIVE_WORD_TAGS:
                hi = min(hi, c.left_edge.i - 1)
    words: list[Token] = []
    parts = 0  # tokens glued to the one before by a hyphen inside a word
    for t in token.doc[token.i:hi + 1]:
        if words and _in_word(t, words[-1]):
            words.append(t)  # "rebel-held", "five-pillared": one word, not cut at its hyphen
            parts += 1
            continue
        if _stray(t):
            continue  # a replacement character the page's decoding left: no word
        if words and _inside_word_or_name(t, words[-1]):
            words.append(t)  # "1%", "No. 1", "May 14, 2011": no stop, no word of its own
            parts += 1
            continue
        if t.is_punct or t.is_space:
            break
        if len(words) - parts >= PHRASE_MAX_WORDS and not _same_name_or_date(t, words[-1]):
            break
        words.append(t)  # a name or a date the limit falls in is kept whole ("on March 3")
    # A phrase cut before its noun ends in what needs one: "on 43rd Street near", "a";
    # or, cut inside a date or after an abbreviation, on a comma ("on May 14,") or a
    # full stop whose number was cut ("as No."): the abbreviation goes with its stop.
    while len(words) > 1 and ((words[-1].pos_ in DANGLING_POS
                               and words[-1].text not in NUMBER_SIGNS)
                              or words[-1].text in WORD_HYPHENS or words[-1].text in (",", ".")):
        if words.pop().text == "." and len(words) > 1:
            words.pop()
    return words


def _stray(t: Token) -> bool:
    """A token of replacement characters only (U+FFFD: bytes the page's declared encoding
    could not decode, standing where a space or a quote mark was)."""
    return bool(t.text) and set(t.text) <= STRAY_CHARS


def _same_name_or_date(t: Token, before: Token) -> bool:
    """Whether ``t`` goes on the entity ``before`` is in ("March" "3", "Harbour" "Board"):
    a phrase is not cut inside a name or a date ("selected Norvik on March")."""
    return bool(t.ent_type_) and t.ent_iob_ == "I" and t.ent_type_ == before.ent_type_


def _inside_word_or_name(t: Token, before: Token) -> bool:
    """Whether a punctuation token belongs to what it follows rather than ending the phrase:
    a percent sign on its number ("1%"); an abbreviation's full stop with a number or a
    lower-case word after it ("No. 1", "approx. five"), where a sentence's would have a
    capital; a comma inside one name or date ("May 14, 2011", "Harbourton, Ma.")."""
    if not t.is_punct:
        return False
    after = t.doc[t.i + 1] if t.i + 1 < t.sent.end else None
    if t.text == ",":
        return after is not None and t.ent_iob_ == "I" and after.ent_iob_ == "I" \
            and t.ent_type_ == after.ent_type_
    if before.whitespace_:
        return False
    if t.text in NUMBER_SIGNS:
        return before.like_num
    return t.text == "." and after is not None and before.is_alpha \
        and (after.text[:1].isdigit() or after.text[:1].islower())


def _in_word(t: Token, before: Token) -> bool:
    """Whether ``t`` goes on the word ``before`` ends: a hyphen with no space on either side
    and a letter or digit after it, or what follows such a hyphen."""
    if before.whitespace_:
        return False
    if t.text in WORD_HYPHENS:
        after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        return not t.whitespace_ and after is not None and (after.is_alpha or after.is_digit)
    return before.text in WORD_HYPHENS


def _is_definite(token: Token) -> bool:
    """'the talks': a happening the reader already knows of, not news of its own."""
    return bool(token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == ANAPHORIC_DET
                                             for c in token.children))


def _is_lead_news(token: Token, chain: Sequence[Token], why_undated: DateFrom,
                  ctx: _Context) -> bool:
    """Whether an undated trigger is the lead's report of something done.

    It must stand in the headline or the lead's first sentence, in the main clause (not in
    what someone said), carry no time expression at all (a coarse "in 2008" or "next month"
    is its own time, just not a day) and be told as done: past, present perfect, or the
    present of headlines. A "to"-infinitive or a modal is a plan, not news.
    """
    lead, sent = ctx.lead, token.sent
    in_headline = sent.start in lead.headline
    if lead.day is None or not (in_headline or sent.start in lead.body):
        return False
    if chain[-1].i != sent.root.i or why_undated is DateFrom.SEVERAL_DATES:
        return False
    if _time_reference(chain) or _is_definite(token):
        return False
    chain_ids = {node.i for node in chain}
    if any(sent.start <= root.i < sent.end
           and governor(root, ctx.trigger_ids).i in chain_ids for root in lead.timed):
        return False
    # A noun another happening's verb names ("arrested for murder") is not told by its tense.
    verb = next((node for node in chain[:day_reach(chain)] if node.pos_ in ("VERB", "AUX")),
                None)
    return verb is not None and _told_as_done(verb, in_headline)


def _own_times(token: Token, lead: _Lead) -> set[str]:
    """The times of the trigger's sentence's main clause other than the day of the news
    (``dating.own_time``; days cut to YYYY-MM-DD): with any, the news day is no
    inference to make."""
    sent = token.sent
    day = lead.news_day
    if day is None:
        return set()
    return {value[:10] if DAY_VALUE.match(value) else value for root, value in lead.times
            if sent.start <= root.i < sent.end and own_time(root, value, day)}


def _told_as_done(verb: Token, in_headline: bool) -> bool:
    """'unveiled', 'has unveiled', 'was delivered'; in a headline also 'unveils', 'delivered'."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in MODAL_AUX or a.tag_ in ("MD", "TO") for a in aux):
        return False
    if verb.tag_ in PAST_TAGS or any(a.tag_ in PAST_TAGS for a in aux):
        return True
    if verb.tag_ == "VBN" and any(lemma_of(a) == "have" and a.tag_ in PRESENT_TAGS for a in aux):
        return True
    return in_headline and verb.tag_ in HEADLINE_TAGS


def _place_for(token: Token, chain: Sequence[Token], placed: Sequence[_Found],
               trigger_ids: set[int], tree: _Tree) -> _Found | None:
    """The GPE/LOC/FAC after 'in'/'at' (or reached as an object) closest to the trigger."""
    chain_ids = {node.i for node in chain}
    candidates = [(abs(f.first - token.i), f.first, f) for f in placed
                  if f.mention.label in PLACE_LABELS and f.placeable
                  and _hangs_from(f.root, chain_ids, trigger_ids, tree)]
    return min(candidates, key=lambda c: c[:2])[2] if candidates else None


def _hangs_from(i: int, targets: set[int], others: set[int], tree: _Tree) -> bool:
    """Whether token ``i`` reaches ``targets`` going up, not through reported content or
    ``others``.

    "an interview following meetings at the White House": the place is the meetings'.
    """
    heads, content = tree.heads, tree.content
    while i not in targets:
        if content[i] or heads[i] == i or i in others:
            return False
        i = heads[i]
    return True


def _participant_ranges(token: Token, chain: Sequence[Token],
                        trigger_ids: Set[int] = frozenset()) -> list[tuple[int, int]]:
    """Token ranges that hold who took part: the trigger's own phrase and its verbs' subjects.

    Not the subject above a noun the trigger only qualifies as what it is for or against
    ("a speech against the deal", "the deal's critic"): that is the speaker's or the
    critic's, not the deal's."""
    ranges = _own_ranges(token)
    below = token
    for node in chain:
        if node.i != token.i and node.pos_ in ("NOUN", "PROPN") and (
                below.dep_ == "poss" or (below.dep_ == "prep" and below.lower_ in STANCE_PREPS)):
            break
        ranges.extend((c.left_edge.i, c.right_edge.i) for c in node.children
                      if c.dep_ in ("nsubj", "nsubjpass", "agent"))
        below = node
    return _without_asides(token, ranges, trigger_ids)


# Prepositions by which a noun takes a stand on a happening or tells what it is about: "a
# speech against the deal", "concern about the contract" (general English).
# Not "on" ("paid tribute on a visit to East Africa" is the visit's own occasion) nor "over"
# ("Greece rocked by clashes over a teenager's shooting" is where it happened).
STANCE_PREPS = frozenset({"against", "about", "regarding", "concerning"})
# Prepositions that bring in a thing only to compare with it: "larger than the Tarn T30",
# "versus its rival" (general English); "like"/"unlike" only after a verb or an adjective
# ("flies like a glider"): after a noun they give examples ("groups like the Klan").
COMPARING_PREPS = frozenset({"than", "versus", "vs", "vs."})
LIKENESS_PREPS = frozenset({"like", "unlike"})


def _without_asides(token: Token, ranges: list[tuple[int, int]],
                    trigger_ids: Set[int]) -> list[tuple[int, int]]:
    """The ranges less what is only compared with ("than X", "like X", "compared with X",
    "the same time as X") and a relative clause about another noun ("the NV40, a twin-hull
    ferry that can carry 620 people (410 for a Tarn 30)"): no one there took part. A
    relative clause on another happening ("a meeting that included the Tarnian mayor")
    tells who took part in that one, which the trigger names as its occasion: it stays."""
    cuts = []
    for lo, hi in ranges:
        for t in token.doc[lo:hi + 1]:
            if t.i == token.i or _governs(t, token):
                continue
            if _compares(t) or (t.dep_ == "relcl" and t.head.i != token.i
                                and t.head.i not in trigger_ids and _about_its_noun(t)):
                cuts.append((t.left_edge.i, t.right_edge.i))
    if not cuts:
        return ranges
    out = []
    for lo, hi in ranges:
        pieces = [(lo, hi)]
        for a, b in cuts:
            pieces = [q for x, y in pieces
                      for q in ((x, min(y, a - 1)), (max(x, b + 1), y)) if q[0] <= q[1]]
        out += pieces
    return out


def _compares(prep: Token) -> bool:
    """'than X', 'versus X', 'flies like X', 'the same time as X', 'compared with X'; not
    'groups like X' nor 'programs such as X', which name examples."""
    if prep.dep_ != "prep":
        return False
    head = prep.head
    return prep.lower_ in COMPARING_PREPS or \
        (prep.lower_ in LIKENESS_PREPS and head.pos_ not in ("NOUN", "PROPN")) or \
        (prep.lower_ == "as" and any(c.lower_ == "same" for c in (head, *head.children))) or \
        (prep.lower_ in ("with", "to") and head.lower_ in ("compared", "comparison"))


def _about_its_noun(clause: Token) -> bool:
    """A finite relative clause that tells more of its noun ("which chose the NV40 over
    Tarn's T30"); not an infinitive, which tells what the noun is for ("boats to use
    Nordvik engines"), nor "where"/"when", which tells what happened at the occasion."""
    return not _to_clause(clause) and not any(
        c.lower_ in ("where", "when") for c in clause.children)


def _governs(node: Token, token: Token) -> bool:
    """Whether ``token`` lies in ``node``'s subtree (the trigger's own clause is never cut)."""
    return node.left_edge.i <= token.i <= node.right_edge.i


def _participants_for(doc: Doc, ranges: Sequence[tuple[int, int]], placed: Sequence[_Found],
                      place: _Found | None) -> list[_Found]:
    """Names in the trigger's own phrase and in the subjects of the verbs it hangs from."""
    out = []
    for f in placed:
        if f.mention.label not in PARTICIPANT_LABELS or f is place:
            continue
        if f.mention.label in ("NORP", "FAC", "LOC") or f.placed:
            continue  # "Russian" says who a person is, "in Tarnby" where, not who took part
        if place is not None and f.mention.key == place.mention.key:
            continue
        if f.mention.label == "GPE" and _where_of_another(doc[f.root], f, placed):
            continue
        if any(lo <= f.first and f.last <= hi for lo, hi in ranges):
            out.append(f)
    return out


def _where_of_another(root: Token, f: _Found, placed: Sequence[_Found]) -> bool:
    """A country that says where something else is: "Vell Freight Leasing of
    Norland" (the firm's seat), "sailed to Harbourton, Norland" (the place's country)."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        owner = head.head.i
        return any(g is not f and g.mention.label == "ORG" and g.first <= owner <= g.last
                   for g in placed)
    if root.dep_ in ("appos", "conj"):  # "to Harbourton, Norland", "in Tarn and Vik"
        return head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS
    return False


def _thing_runs(doc: Doc, ranges: Sequence[tuple[int, int]],
                exact: frozenset[tuple[int, int]], personal: Sequence[tuple[int, int]],
                tree: _Tree) -> list[tuple[int, int]]:
    """Products named in the ranges that no mention covers whole: 'Tarnphone 3', 'Nordvik NV40'.

    A run of name-like tokens counts when it looks like a product (a digit or a camel-cased
    word in it) and is not exactly a mention, nor made of mentions end to end (the maker's
    and the model's, "Nordvik NV40": both are named already), nor part of a person's name
    or role. A leading count before a model number is not part of the name ("18 Nordvik NV40
    Skylark"); "27 goals" stays a count, which ``_product_like`` turns down.
    """
    out = []
    for lo, hi in ranges:
        for first, last in _name_runs(doc, lo, hi, tree):
            if first < last and doc[first].dep_ == "nummod" and doc[first].text.isdigit() \
                    and any(c.isdigit() for t in doc[first + 1:last + 1] for c in t.text):
                first += 1  # "18 Nordvik NV40 Skylark ferries": the count is not the name
            if (first, last) in exact or not _product_like(doc[first:last + 1]):
                continue
            if all(any(a <= i <= b for a, b in exact) for i in range(first, last + 1)):
                continue  # "Nordvik NV40": the maker's name and the model's, each a mention
            if not any(a <= last and first <= b for a, b in personal):
                out.append((first, last))
    return out


def _within_a_thing(f: _Found, runs: Sequence[tuple[int, int]]) -> bool:
    """A product mention inside a longer product name the page gives: "Tarnphone" of "Tarnphone 3"
    is that one product, named once (by the longer name)."""
    return f.mention.label == "PRODUCT" and any(
        a <= f.first and f.last <= b and (a, b) != (f.first, f.last) for a, b in runs)


def _name_runs(doc: Doc, lo: int, hi: int, tree: _Tree) -> list[tuple[int, int]]:
    """Runs of ``_name_like`` tokens in [lo, hi]."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i in range(lo, hi + 2):
        if i <= hi and i < len(doc) and tree.name_like(i):
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i - 1))
            start = None
    return runs


def _name_like(token: Token) -> bool:
    if token.ent_type_ in NOT_THING_ENTS or not token.text.isalnum():
        return False
    return token.pos_ == "PROPN" or _camel(token.text) or any(c.isdigit() for c in token.text)


def _camel(text: str) -> bool:
    """'iPhone', 'MacBook': a lower-case letter with a capital after the first letter."""
    return any(c.islower() for c in text) and any(c.isupper() for c in text[1:])


def _product_like(run: Span) -> bool:
    """A name with a model number or a camel-cased word; a plain number is no product, nor
    a count of people ("14 Tarnians", "316 dockers"), an ordinal ("9th May", "31st
    Precinct") or an amount in a currency's letters ("K380 million", "Nk215 billion")."""
    has_word = any(t.text[0].isalpha() for t in run)  # "11bn" is an amount, not a name
    marked = any(_camel(t.text) or any(c.isdigit() for c in t.text) for t in run)
    if not (has_word and marked):
        return False
    if run[0].text.isdigit() and all(t.ent_type_ == "NORP" or t.tag_ in PLURAL_TAGS
                                     for t in run[1:]):
        return False
    if any(ORDINAL.fullmatch(t.text) for t in run):
        return False
    after = run.doc[run.end] if run.end < len(run.doc) else None
    return after is None or after.lower_ not in AMOUNT_WORDS


def _own_range(token: Token) -> tuple[int, int]:
    """The trigger's subtree, cut before any reported content hanging from it."""
    lo, hi = token.left_edge.i, token.right_edge.i
    for c in token.children:
        if realising_clause(c, {token.i}):
            continue  # "a press conference held by Apple": who held it took part
        if c.dep_ in CONTENT_DEPS or (c.dep_ in ("advcl", "xcomp") and token.pos_ == "VERB"):
            if c.i > token.i:
                hi = min(hi, c.left_edge.i - 1)
            else:
                lo = max(lo, c.right_edge.i + 1)
    return lo, hi


def _own_ranges(token: Token) -> list[tuple[int, int]]:
    """``_own_range`` less what a verb was done for: "arrested in April for the call to the
    offices of Lindqvist", "charged over the killing of X". The names there are of that
    other happening (the one called, the one killed), not of the trigger's."""
    lo, hi = _own_range(token)
    if token.pos_ != "VERB" or lemma_of(token).lower() in FOR_VERBS:
        return [(lo, hi)]
    out = []
    for c in sorted(token.children, key=lambda c: c.i):
        if c.dep_ == "prep" and c.lower_ in REASON_PREPS and lo <= c.i <= hi and any(
                g.dep_ == "pcomp" or (g.dep_ == "pobj" and g.pos_ == "NOUN"
                                      and lemma_of(g).lower() not in TIME_NOUNS)
                for g in c.children):
            if c.left_edge.i > lo:
                out.append((lo, c.left_edge.i - 1))
            lo = c.right_edge.i + 1
    return [*out, (lo, hi)] if lo <= hi else out






def _inherit_dates(found: list[EventMention]) -> list[EventMention]:
    """An undated 'the talks' takes the date of the article's dated talks with the same people.

    Only when exactly one date fits, the two share a participant or a place, and their
    places do not differ: otherwise the mention stays undated.
    """
    out, same = [], []
    for e in found:
        if e.date is not None or DateFrom.of(e.date_from) in NO_OTHER_DAY:
            out.append(e)
            continue
        # An earlier occasion takes a stated day only, never the lead's inferred one.
        # Nor does one whose sentence has a time of its own ("had been set to expire Friday").
        earlier = DateFrom.of(e.date_from) in (DateFrom.EARLIER, DateFrom.OWN_TIME)
        sources = [d for d in found if d.date and _same_happening(e, d)
                   and not (earlier and _inferred(d))]
        dates = {d.date for d in sources if d.date}
        if len(dates) == 1:
            # A date inferred from the lead stays marked as inferred when it is passed on.
            inferred = all(_inferred(d) for d in sources)
            how = DateFrom.LEAD if inferred else DateFrom.INHERITED
            e = _with_date(e, dates.pop(), how)
            if len(sources) == 1 and _names_within(e, sources[0]):
                same.append((e.id, sources[0].id))
        out.append(e)
    return _fold(out, same)


def _lead_dates_from_body(found: list[EventMention]) -> list[EventMention]:
    """A lead event the article dates elsewhere takes that day, not the publication date.

    The headline names the article's main happening, so the same trigger word and one
    shared participant (or the place) tie it to a dated report of it ("Vell dies" in the
    headline, "Vell died on Wednesday" below); the date must be the only one that fits. A
    kind alone is too broad: "Nordvik unveils NV40" is not "Nordvik announced orders Saturday".
    """
    out, same = [], []
    for e in found:
        if _inferred(e):
            told = [d for d in found if d.date and not _inferred(d) and _same_lead_happening(e, d)]
            if not told and e.lead and not actor_keys(e.actor):
                told = _unnamed_lead_reports(e, found)
            dates = {d.date for d in told if d.date}
            if len(told) == 1 and _names_within(e, told[0]):  # one happening, one mention
                same.append((e.id, told[0].id))
            if not dates and e.kind in SAYING_OCCASIONS:
                dates = _statement_days(e, found)  # what was said there: another mention
            if len(dates) == 1:
                e = _with_date(e, dates.pop(), DateFrom.INHERITED)
        out.append(e)
    return _fold(out, same)


def _names_within(a: EventMention, b: EventMention) -> bool:
    """Whether one mention names no one the other does not: a shared word and name date
    "Vik has checked into the Harbourton Rest Clinic" by "Vik had checked into Tarnside
    Thursday", yet each names a place of its own, so they stay two mentions."""
    return set(a.participants) <= set(b.participants) or \
        set(b.participants) <= set(a.participants)


def _fold(found: list[EventMention], same: Sequence[tuple[str, str]]) -> list[EventMention]:
    """Each group of mentions dated as one happening becomes its first mention in text
    order, holding the group's names (participants united, the place kept, lead if any is)."""
    into: dict[str, str] = {}
    order = {e.id: k for k, e in enumerate(found)}

    def root(x: str) -> str:
        while x in into:
            x = into[x]
        return x

    for a, b in same:
        ra, rb = root(a), root(b)
        if ra != rb:
            keep, drop = (ra, rb) if order[ra] < order[rb] else (rb, ra)
            into[drop] = keep
    groups: dict[str, list[EventMention]] = {}
    for e in found:
        groups.setdefault(root(e.id), []).append(e)
    return [_united(groups[e.id]) for e in found if e.id not in into]


def _united(group: Sequence[EventMention]) -> EventMention:
    """The first mention with every mention's names; the place is the first one given."""
    first = group[0]
    if len(group) == 1:
        return first
    return _with(first, participants=tuple(dict.fromkeys(p for e in group
                                                         for p in e.participants)),
                 place=next((e.place for e in group if e.place), None),
                 lead=any(e.lead for e in group))


def _statement_days(occasion: EventMention, found: Sequence[EventMention]) -> set[str]:
    """Days of its people's dated statements in the article, for a press conference or
    an interview: what was said there is what they are reported to have said ("Lindqvist
    said on Wednesday ... 'We are here to help,' Lindqvist told a press conference"). Only
    stated days up to LEAD_BACK_DAYS before the inferred day."""
    people = set(occasion.participants)
    if occasion.date is None:
        return set()
    day = dt.date.fromisoformat(occasion.date[:10])
    return {d.date for d in found if d.kind == "statement" and d.date and not _inferred(d)
            and DAY_VALUE.match(d.date) and people & set(d.participants)
            and 0 <= (day - dt.date.fromisoformat(d.date[:10])).days <= LEAD_BACK_DAYS}


def _unnamed_lead_reports(lead: EventMention,
                          found: Sequence[EventMention]) -> list[EventMention]:
    """The body's one report of the same verb where the lead names no one who did it
    ("A man whose house was a bomb factory was arrested ..." and, below, "the FBI arrested
    Mohamed ... early Thursday"): news writing names and dates in the body what its lead
    only describes. Only stated days up to LEAD_BACK_DAYS before the lead's inferred day,
    and no more than one report of the verb: two would be two happenings."""
    same = [d for d in found if d.id != lead.id and d.kind == lead.kind
            and same_word(lead.trigger, d.trigger) and d.status == lead.status]
    if len(same) != 1 or not same[0].date or _inferred(same[0]) or lead.date is None \
            or not DAY_VALUE.match(same[0].date):
        return []
    gap = (dt.date.fromisoformat(lead.date[:10]) - dt.date.fromisoformat(same[0].date[:10])).days
    return same if 0 <= gap <= LEAD_BACK_DAYS else []


def _same_lead_happening(lead: EventMention, other: EventMention) -> bool:
    if lead.kind != other.kind or not same_word(lead.trigger, other.trigger) \
            or lead.status != other.status:
        return False
    if lead.place and other.place and lead.place != other.place:
        return False
    shared = set(lead.participants) & set(other.participants)
    return len(shared) >= LEAD_MIN_SHARED or (lead.place is not None
                                              and lead.place == other.place)




def _same_happening(a: EventMention, b: EventMention) -> bool:
    if family(a.kind) != family(b.kind) or a.kind == "statement" or a.status != b.status:
        return False
    if a.place and b.place and a.place != b.place:
        return False
    shared = len(set(a.participants) & set(b.participants))
    same_place = a.place is not None and a.place == b.place
    return shared >= INHERIT_MIN_SHARED or (shared >= 1 and same_place)


def _inferred(e: EventMention) -> bool:
    """Whether the mention's date is only the article's day inferred for its lead."""
    how = DateFrom.of(e.date_from)
    return how is not None and how.inferred


def _stated(e: EventMention) -> str | None:
    """The mention's date when stated: a publication day inferred for the lead never passes
    on as a stated day."""
    return None if _inferred(e) else e.date


def _with_date(e: EventMention, date: str, date_from: DateFrom) -> EventMention:
    return _with(e, date=date, date_from=date_from)


def _with(e: EventMention, **changes: Any) -> EventMention:
    data = e.to_dict()
    data.update(changes)
    return EventMention.from_dict(data)
