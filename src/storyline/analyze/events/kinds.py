"""What counts as an event: trigger lexicons by kind, negation, word forms, and how a
mention's date was found (``DateFrom``).

Kept apart from ``events`` (which finds the mentions in a parsed article) so the corpus
steps can compare kinds and dates' provenance without the parse-walking code.
"""

from __future__ import annotations

from collections.abc import Set
from enum import StrEnum

from spacy.tokens import Doc, Token

from ..model import lemma_of, per_form


class DateFrom(StrEnum):
    """Where an event mention's date came from, or why it has none.

    The value is what ``EventMention.date_from`` and the exports carry; code branches on
    the member (``DateFrom.of``), never on the words.
    """

    TRIGGER = "trigger"  # a time expression of the trigger itself
    CLAUSE = "clause"  # of a verb the trigger hangs from
    SENTENCE = "sentence"  # the one free day-precise date of its sentence
    INHERITED = "article: the same event dated in another sentence"
    # Not stated: the publication day of a lead told as the day's news. The quotes stage
    # says the same of a present-tense statement ("article date: ...").
    LEAD = "inferred: lead event reported as the day's news"
    # Not stated in full: an undated article's "May 14" or "Friday" whose year or week
    # ``corpus.events`` fixed from an event the article shares with dated articles of its
    # story. A date of the corpus, not of the article: views and exports tell it apart.
    SHARED_EVENT = "inferred: year or week from an event shared with dated articles"
    NO_STATEMENT_DATE = "statement without its own date"
    REPORTED_CONTENT = "no date in the clause of reported content"
    SEVERAL_DATES = "several dates in the sentence"
    NO_DAY = "no day-precise date in the clause"
    # A noun hung from a verb other than as what it does or undergoes ("arrested for the
    # killing", "the campaign for this election"): the clause's day is the verb's.
    OTHER_HAPPENING = "no day of its own: its clause's day is another happening's"
    # "has twice before sued", "several attacks": more than one happening, no one day.
    REPEATED = "repeated or habitual: no one day"
    # "has sued before", "had previously met": not the day's news, so never its day.
    EARLIER = "an earlier occasion, not the day's news"
    # "was launched in 2012": its own time is a year or month; no other mention's day.
    COARSE = "its own time is coarser than a day"
    # "fell steeply Friday" in Monday's paper, "stopped paying in 1991": a lead whose
    # sentence has a time of its own is not the day's news, whatever its tense.
    OWN_TIME = "its sentence has a time of its own, not the article's day"
    # "the vote will take place on October 4th" read as a past October in May's paper:
    # a plan or a possibility is about its article's future, so an earlier day is a misread
    # year, unless the clause tells the plan in the past ("had been scheduled for March 3").
    PLAN_BEFORE_ARTICLE = "planned or possible, yet dated before its article: no day"

    @classmethod
    def of(cls, value: str | None) -> DateFrom | None:
        """The member a stored ``date_from`` stands for; None for none or another value."""
        try:
            return cls(value) if value is not None else None
        except ValueError:
            return None

    @property
    def inferred(self) -> bool:
        """Whether the date is an inference (the article's day), not a stated one."""
        return self is DateFrom.LEAD


# Joins the keys of coordinated subjects in ``EventMention.actor`` ("Brandt and Lindqvist
# met": "brandt\tlindqvist"); mention keys are folded names, never holding a tab.
ACTOR_SEP = "\t"


# Opens an ``EventMention.actor`` that is no participant key but the words of a subject
# that names no one ("Some 2,300 dockers", "Nordvik Ferries earnings"): who did it as the
# report described them, for titles only ("Some 2,300 dockers marched in Harbourton", not
# "Marched in Harbourton"). Mention keys are "LABEL:name", never this.
DESCRIBED_ACTOR = "described:"


def actor_keys(actor: str | None) -> tuple[str, ...]:
    """The participant keys an ``EventMention.actor`` holds, in the subject's order (none
    for a described subject)."""
    return tuple(actor.split(ACTOR_SEP)) if actor and not actor.startswith(DESCRIBED_ACTOR) \
        else ()


def described_actor(actor: str | None) -> str | None:
    """The words of a subject that names no one, where ``EventMention.actor`` holds them."""
    return actor[len(DESCRIBED_ACTOR):] if actor and actor.startswith(DESCRIBED_ACTOR) \
        else None


# Verb lemmas that report something happening, by kind. Picked from the kinds the issue
# names plus the business events of the SemEval timeline data (launches, orders, crashes).
VERB_TRIGGERS: dict[str, str] = {
    "meet": "meeting", "convene": "meeting", "host": "meeting", "gather": "meeting",
    "negotiate": "talks",
    "visit": "visit", "arrive": "visit", "travel": "visit", "tour": "visit", "land": "visit",
    "phone": "call",
    "sign": "agreement", "agree": "agreement", "ratify": "agreement",
    "announce": "announcement", "unveil": "announcement",
    "launch": "launch", "release": "launch", "introduce": "launch", "debut": "launch",
    "deliver": "delivery", "ship": "delivery",
    "order": "order", "buy": "acquisition", "acquire": "acquisition", "purchase": "acquisition",
    "merge": "merger", "award": "contract",
    "attack": "attack", "bomb": "attack", "invade": "attack", "shell": "attack",
    "crash": "crash", "fly": "flight",
    "sue": "lawsuit", "resign": "resignation", "appoint": "appointment", "elect": "election",
    "die": "death", "open": "opening", "close": "closure", "cancel": "cancellation",
    "delay": "delay", "postpone": "delay", "sell": "sale",
}

# Noun lemmas for the same happenings ("the summit", "a phone call", "talks").
NOUN_TRIGGERS: dict[str, str] = {
    "meeting": "meeting", "summit": "summit", "talk": "talks", "negotiation": "talks",
    "conference": "conference", "briefing": "press-conference", "interview": "interview",
    "visit": "visit", "trip": "visit", "call": "call", "conversation": "call",
    "agreement": "agreement", "deal": "agreement", "treaty": "agreement", "accord": "agreement",
    "announcement": "announcement", "attack": "attack", "strike": "attack", "invasion": "attack",
    "launch": "launch", "release": "launch", "delivery": "delivery", "flight": "flight",
    "crash": "crash", "contract": "contract", "order": "order", "merger": "merger",
    "acquisition": "acquisition", "election": "election", "ceremony": "ceremony",
    "lawsuit": "lawsuit", "resignation": "resignation",
}

# Happenings a news lead names by a noun ("A fire destroyed ...", "The quake struck ...").
# Only a lead's: further on, "the fire" is mostly the same one told again or background,
# and as events of their own they raised ECB+ dev events per article from 2.15 to 2.87.
LEAD_NOUN_TRIGGERS: dict[str, str] = {
    "fire": "blaze", "blaze": "blaze", "arson": "blaze", "earthquake": "earthquake",
    "quake": "earthquake", "explosion": "explosion", "shooting": "shooting",
    "murder": "killing", "killing": "killing", "slaying": "killing", "arrest": "arrest",
    "escape": "escape", "riot": "riot", "protest": "protest", "hijacking": "hijacking",
}

# Reporting verbs: a statement is an event of its own ("Lavrov said on Friday that ...",
# "Trump told Fox News on August 19 ...") but only when the verb itself carries a date;
# undated "said" is everywhere and would drown the timeline.
STATEMENT_VERBS = frozenset({
    "say", "state", "tell", "remark", "declare", "indicate", "confirm", "reveal", "note",
    "stress", "emphasize", "insist", "warn", "claim", "deny", "affirm", "report", "write",
    "add", "explain", "argue", "acknowledge", "admit", "vow", "pledge", "promise",
})

# Verbs too light to name a happening even when dated ("was on June 3", "has since May").
LIGHT_VERBS = frozenset({"be", "have", "do", "become", "seem", "remain", "include", "expect",
                         "plan", "hope", "want", "need", "make", "take", "get", "go"})

# Verbs that need a companion to be an event: "spoke with X" is a call or talks, "reached
# Kyiv" an arrival; bare "spoke"/"reached a point" are not.
WITH_VERBS = {"speak": "call", "talk": "talks"}

REACH_VERBS = {"reach": "visit"}

# Kinds the lexicons name; any other kind is the lemma of a dated or lead verb ("hope",
# "express"), a happening the lexicon has no word for.
# The kind of buying goods ("Tarn Air bought 9 NV40 ferries", "bought apps"): a purchase,
# one happening with an order of them, not a company's acquisition (RDR6 F6).
PURCHASE_KIND = "purchase"
# What a company buys when it acquires, not goods: shares, stakes and businesses (English
# nouns of holdings and of firms).
HOLDINGS = frozenset({"share", "stake", "stock", "asset", "unit", "business", "operation",
                      "company", "subsidiary", "division", "interest", "holding", "bond",
                      "security", "right", "firm", "brand", "store", "chain", "property",
                      "station", "network", "newspaper", "bank", "team", "club", "hotel",
                      "mine", "plant", "factory", "outlet", "branch", "office", "title",
                      "magazine", "label", "studio", "airline", "carrier", "player"})
# Entity types of a part or a price of what is bought ("30% of Vellcorp", "$8 million worth
# of Nordvik shares"): a holding, not goods counted.
SHARE_ENTS = frozenset({"PERCENT", "MONEY"})
# Nouns of a quantity whose "of" says what it is of ("a score of jets", "a fleet of").
QUANTITY_NOUNS = frozenset({"score", "dozen", "number", "pair", "fleet", "batch", "couple",
                            "lot", "handful", "series", "total", "set", "order"})
LEXICON_KINDS: frozenset[str] = (frozenset(VERB_TRIGGERS.values())
                                 | frozenset(NOUN_TRIGGERS.values())
                                 | frozenset(LEAD_NOUN_TRIGGERS.values())
                                 | frozenset(WITH_VERBS.values())
                                 | frozenset(REACH_VERBS.values())
                                 | {"statement", PURCHASE_KIND})

# Stem endings after which English spells the third person with '-es' ("pushes", "goes").
ES_STEM_ENDINGS = ("s", "x", "z", "ch", "sh", "o")


# Kinds that count as one family when deciding whether two mentions are one happening.
KIND_FAMILY: dict[str, str] = {
    "meeting": "meeting", "summit": "meeting", "talks": "meeting", "conference": "meeting",
    "press-conference": "press-conference", "interview": "press-conference",
    "order": "order", PURCHASE_KIND: "order",
}
# The verbs of the happenings a lead names by a noun (LEAD_NOUN_TRIGGERS): a lead or dated
# verb outside the lexicons takes its lemma as its kind, and "shot" is the kind of "the
# shooting". Nouns that are their own verb ("arrest", "escape", "riot") need no entry.
LEAD_NOUN_VERBS: dict[str, str] = {
    "burn": "blaze", "explode": "explosion", "shoot": "shooting", "kill": "killing",
    "murder": "killing", "slay": "killing", "hijack": "hijacking",
}

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Verbs that say how we know of something or what someone thinks, not what happened: a page
# being published or updated, a source informing or answering, someone hoping or calling
# talks a success. Their dated or lead uses name no event (the quotes stage has the words).
REPORTING_VERBS = frozenset({
    "publish", "update", "inform", "post", "tweet", "reply", "respond", "answer", "ask",
    "accord", "comment", "quote", "cite", "read", "learn", "hear", "mention",
})
# Verbs that, as a lead's main verb, tell an opinion or a state rather than the news ("Rutte
# called the talks very successful", "she felt"). With a day of their own some are news
# ("the GAO called on June 18 for a new bid"), so only the lead leaves them out.
OPINION_VERBS = frozenset({
    "show", "describe", "characterize", "call", "express", "believe", "think", "feel",
    "come", "continue", "try", "appear", "like", "see", "know", "deal", "work", "focus",
    "consider", "ensure", "mean", "word", "suggest", "remember",
})

# Kinds that are how a story is told (an interview, a statement) rather than what happened
# in it: kept only where the article's lead reports them as its news.
TELLING_KINDS = frozenset({"statement", "interview"})

# Auxiliaries that put a happening in the future (planned) or make it a possibility.
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
POSSIBLE_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can", "ca"})
# Subordinators that make a clause a condition: "if they meet", "unless talks resume".
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
# Modifiers of an event noun that make it a plan ("the planned summit") or a possibility.
PLANNED_MODIFIERS = frozenset({"planned", "proposed", "scheduled", "upcoming", "future",
                               "next", "prospective", "expected", "intended", "forthcoming"})
POSSIBLE_MODIFIERS = frozenset({"possible", "potential", "hypothetical", "eventual",
                                "further", "new"})
# Verbs whose object or "to"-clause is a happening not (yet) real: "plan a meeting", "agreed
# to meet", "proposed talks"; and those that ward one off: "deter an attack".
PLANNING_VERBS = frozenset({"plan", "propose", "schedule", "expect", "agree", "want", "hope",
                            "seek", "prepare", "intend", "aim", "offer", "urge", "push",
                            "demand", "request", "suggest", "consider",
                            "invite", "promise", "pledge", "vow", "threaten", "arrange",
                            "organize", "need"})
# Nouns naming a plan for a happening: "consent for a meeting", "a proposal for talks".
PLANNING_NOUNS = frozenset({"plan", "proposal", "consent", "invitation", "offer", "request",
                            "agreement", "preparation", "prospect", "idea", "possibility",
                            "expectation", "hope", "demand", "call"})
PREVENTING_VERBS = frozenset({"deter", "dissuade", "prevent", "avert", "avoid", "stop",
                              "block", "forestall", "rule", "fear", "risk", "warn"})
# Verbs whose "to"-clause did take place: "managed to meet", "went on to win".
IMPLICATIVE_VERBS = frozenset({"manage", "begin", "start", "continue", "go", "proceed",
                               "succeed", "come", "happen", "use"})
# Prepositions and subordinators that name another happening as a time reference: what
# comes "after the talks" happened before the clause's time, "before the summit" after it.
TIME_REFERENCE_WORDS = frozenset({"after", "before", "following", "since", "until", "till",
                                  "ahead", "prior", "during", "amid", "when", "once",
                                  "while"})

NEGATIONS = frozenset({"no", "not", "never", "n't", "neither", "nor"})

NEGATING_DETS = frozenset({"no", "neither"})

# A negated verb above an event noun denies the happening only when the verb realises it.
# Verbs whose object (or passive subject) is the happening made real: "did not hold talks",
# "the election was not held", "has not signed the agreement". Any other verb's negation is
# about that verb ("I was not on the call", "did not attend the summit", "details of the
# deal were not released"): the happening is not denied.
OBJECT_REALISING_VERBS = frozenset({
    "hold", "have", "make", "pay", "conduct", "stage", "launch", "sign", "give", "reach",
    "convene", "host", "organize", "organise", "schedule", "plan", "arrange", "seal",
    "strike", "complete", "finalize", "finalise", "carry"})
# Verbs whose subject is the happening made real: "the summit did not happen/occur"; "take"
# with "place" and "go" with "ahead" ("the vote did not go ahead"); "be" with "there".
SUBJECT_REALISING_VERBS = frozenset({"happen", "occur", "proceed", "materialize",
                                     "materialise"})
REALISING_COMPANIONS = {"take": "place", "go": "ahead", "be": "there"}
# "not ... until October": a negation bounded by a time is a happening still to come (or,
# in the past tense, one that came then), not a denial.
UNTIL_WORDS = frozenset({"until", "till"})

# Letters inflection may change at the end of a word, and the shortest stem compared.
INFLECTION_CHARS = 2

MIN_STEM = 3

# Verbs a clause on an event noun realises it with ("a press conference held by Nordvik on
# Friday", "the meetings that the delegations held in Tarn"): the realising verbs less
# the planning ones ("a meeting scheduled for May" is not yet held).
CLAUSE_REALISING_VERBS = OBJECT_REALISING_VERBS - PLANNING_VERBS
# Tags of a relative pronoun: "that", "which", "who".
RELATIVE_TAGS = frozenset({"WDT", "WP"})


def realising_clause(verb: Token, trigger_ids: Set[int]) -> bool:
    """Whether ``verb`` heads a clause on an event noun that only tells the noun's
    happening took place: a participle ("a press conference held by Nordvik") or a relative
    clause whose object is the noun ("the meetings that they held in Geneva"). Its day,
    place and who held it are the noun's; it is no happening of its own."""
    if verb.pos_ != "VERB" or verb.head.i not in trigger_ids or verb.head.i == verb.i \
            or verb.head.pos_ not in ("NOUN", "PROPN") \
            or verb_lemma(verb) not in CLAUSE_REALISING_VERBS:
        return False
    if verb.dep_ == "acl":
        return verb.tag_ == "VBN"
    if verb.dep_ != "relcl":
        return False
    # The noun is the clause's object: no other object, and the relative pronoun is not
    # its subject ("talks that held up the vote").
    return not any((c.dep_ == "dobj" and c.tag_ not in RELATIVE_TAGS)
                   or (c.dep_ == "nsubj" and c.tag_ in RELATIVE_TAGS) for c in verb.children)


def verb_lemma(verb: Token) -> str:
    """The verb's lemma, repaired where the model cut '-es' off a stem in 'e' ('hopes' ->
    'hop'): English adds '-es' only after s, x, z, ch, sh and o, else just '-s'."""
    lemma: str = lemma_of(verb).lower()
    text: str = verb.lower_
    if (verb.tag_ == "VBZ" and text.endswith("es") and lemma == text[:-2]
            and not lemma.endswith(ES_STEM_ENDINGS)):
        return text[:-1]
    return lemma


# Words governing "fire" when it means shots or blame, not a blaze.
GUNFIRE_HEADS = frozenset({"open", "under", "cease", "return", "exchange", "draw", "hold"})
# Verbs that with the object "fire" say someone shot: "opened fire" is a shooting (the kind
# of "the shooting"), not an opening.
GUNFIRE_VERBS = frozenset({"open", "return", "exchange"})
SHOOTING_KIND = "shooting"
# Verb + particle that make another verb than the lexicon's: "opened up about her image"
# (confided), "closing in on the ferry" (approached), "signed up" (enrolled), "sold out"
# (ran out of tickets), "shelled out" (paid).
OTHER_PHRASALS = frozenset({("open", "up"), ("close", "in"), ("sign", "up"), ("sell", "out"),
                            ("shell", "out"), ("land", "up"), ("close", "out"),
                            ("sign", "on")})
# Objects after which a lexicon verb names another happening: a ship "flying a flag"
# sails under it; "released a statement" or "the names" is publishing what is known (how
# we know things, not a launch: issue 17 section 3).
OTHER_OBJECTS: dict[str, frozenset[str]] = {
    "fly": frozenset({"flag", "colour", "color", "banner"}),
    # "meet the requirements", "met the deadline": satisfied, nobody met
    "meet": frozenset({"requirement", "demand", "need", "deadline", "target", "criterion",
                       "criteria", "expectation", "standard", "goal", "obligation",
                       "condition", "threshold", "cost", "definition", "end"}),
    # "delivered a speech", "delivers his wishes": said, nothing handed over
    "deliver": frozenset({"speech", "address", "message", "wish", "warning", "verdict",
                          "remark", "lecture", "sermon", "statement", "ultimatum", "blow",
                          "performance", "result", "eulogy", "keynote", "punchline", "line",
                          "rebuke", "judgment", "judgement", "news", "greeting"}),
    # "closed the gap", "close a deal": narrowed or concluded, nothing shut
    "close": frozenset({"gap", "deal", "lead", "distance", "loophole", "eye", "chapter"}),
    # "gathered the evidence", "gathered momentum": collected or won, nobody met
    "gather": frozenset({"evidence", "information", "data", "intelligence", "signature",
                         "momentum", "support", "material", "sample", "fact", "detail",
                         "clue", "proof", "testimony", "pace", "steam", "strength", "dust",
                         "force", "thought", "courage", "speed", "string"}),
    "release": frozenset({"statement", "name", "detail", "figure", "information", "report",
                          "data", "result", "video", "photo", "image", "footage", "letter",
                          "list", "text", "transcript", "record", "identity", "document",
                          "autopsy", "finding", "recording", "tape", "evidence", "number"}),
}
# Verbs whose "-ing"/adjective complement says what they did to someone or something, not
# a happening of its own: "sent flying across the deck", "leaves open the possibility".
RESULT_HEADS = frozenset({"send", "leave", "keep", "set", "knock"})
# Prefixes written with a hyphen before a verb: "re-signed", "co-hosted", "pre-ordered".
VERB_PREFIXES = frozenset({"re", "co", "pre", "un", "de", "mis", "over", "out"})
# Entity types of a price or a change in it: "shares closed at $4.10", "fell 2%": a market's
# close, not a place shut.
PRICE_ENTS = frozenset({"MONEY", "PERCENT"})
# Common nouns whose "close" is the end of a trading day, not a shutting: "shares closed
# flat". A named index or currency ("the Oslo bourse's OBX", a currency's name) is no word of
# this list: its close gives a level, a change in points or a price (``_trading_close``).
TRADED_SUBJECTS = frozenset({"share", "stock", "index", "market", "price", "bond", "future",
                             "currency"})
# Nouns that give a market's level or move ("closed 120 points higher", "closed at 74.52"
# is caught by its decimal figure).
LEVEL_NOUNS = frozenset({"point", "pip", "tick", "basis"})
# Dependents that make "order" a purchase: "an order for 14 boats", "its order of 22 boats", "the
# NV40 order". An executive, court or lockdown order, "in order to", "the order to shut
# down", a batting "middle-order" are commands or other words, not a purchase.
ORDER_PREPS = frozenset({"for", "of"})
ORDER_COMPOUND_POS = frozenset({"PROPN", "NUM"})
# Verbs of trade an order is the object of: "placed an order", "awarded repair orders",
# "cancelled its order" (an executive order is issued or signed, never placed or won).
ORDER_VERBS = frozenset({"place", "award", "win", "book", "cancel", "land", "secure",
                         "finalize", "finalise", "firm", "cut", "reduce", "receive"})
# Objects of "release" that are people: a release from hospital or custody, not a launch.
PERSON_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they", "i", "we", "you",
                             "me", "us"})
# People a release frees (from custody, on bail): "the hostages were released", "the guards
# ... were released on the condition that each post bond", "Norland's release of a sailor",
# "their release": set free, not a launch. Nouns of people, possessives of them, and what a
# release on or from is.
RELEASED_PEOPLE = frozenset({
    "hostage", "prisoner", "detainee", "inmate", "captive", "suspect", "guard", "member",
    "man", "woman", "boy", "girl", "child", "teen", "teenager", "officer", "soldier", "worker",
    "national", "citizen", "journalist", "activist", "people", "person", "defendant"})
PERSON_POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your"})
RELEASE_TERMS = frozenset({"bail", "bond", "condition", "parole", "probation",
                           "recognizance", "custody", "prison", "jail", "detention"})
# Entity types of a name a trigger noun can be part of ("Summit Harbour Films", "Tarn on
# Fire"): then it names someone or something, not a happening. EVENT ("the G20 summit")
# is left out on purpose.
NAME_ENTS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "GPE", "LOC", "FAC", "NORP",
                       "LAW"})
# Compounds that make "release" a document: "a press release" is how news is told.
DOCUMENT_COMPOUNDS = frozenset({"press", "news"})

# Parts of speech a trigger can have: verbs, and nouns for the happenings they name.
TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN"})


def trigger_kind(token: Token) -> str | None:
    """The event kind a token triggers, or None. A negated trigger keeps its kind: the
    events stage marks it ``negated`` rather than losing "no meeting is planned"."""
    pos = token.pos_
    kind: str | None = None
    if pos == "VERB":
        kind = _verb_kind(token, lemma_of(token).lower())
    elif pos in ("NOUN", "PROPN") and ((lemma := lemma_of(token).lower()) in NOUN_TRIGGERS
                                       or lemma in LEAD_NOUN_TRIGGERS):
        kind = _noun_kind(token, lemma)
    return kind


def trigger_candidates(doc: Doc) -> list[Token]:
    """The tokens ``trigger_kind`` may give a kind, in text order: verbs whose lemma is in a
    verb lexicon, nouns whose lemma is a trigger noun. Decided once per what ``lemma_of``
    reads (form, part of speech, morphology, a lemma already set), off arrays: making a
    Token and its lemma for each of the ~180k nouns and verbs of the 1k bench, nearly all
    no trigger, was a fifth of the events stage."""
    return [doc[i] for i, may in per_form(doc, TRIGGER_POS, _may_trigger, _MAY_TRIGGER) if may]


def _may_trigger(token: Token) -> bool:
    lemma = lemma_of(token).lower()
    if token.pos_ == "VERB":
        return lemma in _VERB_LEXICONS
    return lemma in NOUN_TRIGGERS or lemma in LEAD_NOUN_TRIGGERS


# Verdicts of ``_may_trigger`` remembered, by pipeline vocabulary and token attributes
# (``model.per_form``).
_MAY_TRIGGER: dict[tuple[int, ...], bool] = {}


def _verb_kind(token: Token, lemma: str) -> str | None:
    if lemma not in _VERB_LEXICONS:
        return None  # most verbs: no need to read their objects
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ == "acl" and token.tag_ == "VBN":
        objects.append(token.head)  # "a statement released by the Academy"
    if lemma in GUNFIRE_VERBS and any(lemma_of(c).lower() == "fire" and c.dep_ == "dobj"
                                      for c in objects):
        return SHOOTING_KIND
    if lemma in VERB_TRIGGERS and not _other_sense(token, lemma, objects):
        kind = VERB_TRIGGERS[lemma]
        return PURCHASE_KIND if kind == "acquisition" and _goods(objects) else kind
    if lemma in VERB_TRIGGERS:
        return None
    if lemma in STATEMENT_VERBS:
        return "statement"
    if lemma in WITH_VERBS and any(c.lower_ == "with" for c in token.children):
        return WITH_VERBS[lemma]
    if lemma in REACH_VERBS and any(c.dep_ == "dobj" and (c.ent_type_ in PLACE_LABELS
                                                         or c.pos_ == "PROPN")
                                    for c in token.children):
        return REACH_VERBS[lemma]
    return None


# Every verb lemma ``_verb_kind`` gives a kind to.
_VERB_LEXICONS = frozenset(GUNFIRE_VERBS) | frozenset(VERB_TRIGGERS) | \
    frozenset(STATEMENT_VERBS) | frozenset(WITH_VERBS) | frozenset(REACH_VERBS)


def _goods(objects: list[Token]) -> bool:
    """Whether what was bought is goods, not a company or a holding: a product ("an
    NV40") or a plural of things ("12 jets", "apps"), not of shares, stakes or businesses
    ("bought 5 million shares", "acquired two newspapers")."""
    return any(_goods_noun(o) for o in objects)


def _goods_noun(noun: Token) -> bool:
    """``_goods`` of one noun: a product, or things counted ("9 new Nordvik ferries") or
    in the plural, looked for through a quantity's or a number's "of" ("a score of NV40
    ferries", "11 of Tarn's larger T30 boats")."""
    lemma = lemma_of(noun).lower()
    if noun.ent_type_ in SHARE_ENTS or lemma in ("%", "percent", "worth"):
        return False  # "30% of Vellcorp", "$8 million worth of shares": a holding's share
    if lemma in QUANTITY_NOUNS or noun.pos_ == "NUM":  # "four of those ferries"
        return any(_goods_noun(g) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj")
    if noun.ent_type_ == "PRODUCT":
        return True
    if lemma in HOLDINGS or noun.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
        return False
    return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in noun.children)


def _is_source(token: Token) -> bool:
    """Whether a noun is where the news is told from: the subject of a statement verb ("a
    ministry release said") or what it is "according to". How we know, not what happened."""
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and lemma_of(head).lower() in STATEMENT_VERBS:
        return True
    return token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


def _other_sense(token: Token, lemma: str, objects: list[Token]) -> bool:
    """Whether the lexicon verb is used in a sense that is not its kind's.

    A particle or object that makes another verb of it ("opened up", "flying a flag",
    "released a statement"), a person released (from hospital, from custody), a result
    told of someone ("sent flying"), or an object that is itself a happening the lexicon
    names ("launched an attack", "signed an agreement"): that noun is the event, with this
    verb's day and subject (its scope reaches the verb), so the verb adds only a wrong kind.
    """
    if any(c.dep_ == "prt" and (lemma, c.lower_) in OTHER_PHRASALS for c in token.children):
        return True
    if token.dep_ == "amod" and not _prefixed(token):
        return True  # an adjective: "behind closed doors", "the delayed jets"
    if lemma == "close" and _trading_close(token):
        return True
    if token.dep_ in ("xcomp", "oprd", "ccomp", "advcl", "dobj") and \
            lemma_of(token.head).lower() in RESULT_HEADS and token.tag_ in ("VBG", "VBN", "JJ"):
        return True
    dobjs = [c for c in objects if c.dep_ == "dobj"]
    if any(lemma_of(c).lower() in OTHER_OBJECTS.get(lemma, ()) for c in objects):
        return True
    if lemma == "meet" and token.tag_ == "VBN" and any(c.dep_ == "nsubjpass"
                                                      for c in token.children):
        return True  # "the news was met with outrage": received, nobody met
    if lemma == "introduce" and (any(c.ent_type_ == "PERSON" or c.lower_ in PERSON_PRONOUNS
                                     for c in dobjs)
                                 or any(c.dep_ == "prep" and c.lower_ == "as"
                                        for c in token.children)):
        return True  # "introducing Ron Rivera as the new coach": presented, not launched
    if lemma == "release" and _frees(token, objects):
        return True
    return any(c.pos_ in ("NOUN", "PROPN") and trigger_kind(c) is not None for c in dobjs)


def _frees(token: Token, objects: list[Token]) -> bool:
    """Whether 'release' sets someone free: a person released (by name, pronoun or a noun of
    people), or released from custody or on bail ("on the condition that ..."); a verb
    conjoined to another with no subject of its own, when that subject is a pronoun or a
    noun of people ("they pleaded not guilty and were released")."""
    if any(c.ent_type_ == "PERSON" or _person(c) for c in objects):
        return True
    if not objects and token.dep_ == "conj" and any(
            _person(c) for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")):
        return True
    return any(c.dep_ == "prep" and (c.lower_ == "from" or (c.lower_ == "on" and any(
        lemma_of(g).lower() in RELEASE_TERMS for g in c.children))) for c in token.children)


def _person(token: Token) -> bool:
    """People told by a pronoun or a noun of people, or a name with either coordinated
    ("Ola and Ana" as "they"). A name alone is not enough here: the model takes
    products for persons ("Tarnbook Air", "Vell Store")."""
    return token.lower_ in PERSON_PRONOUNS or lemma_of(token).lower() in RELEASED_PEOPLE


def _prefixed(token: Token) -> bool:
    """'re-signed', 'co-hosted': a verb with a prefix the parser splits off at its hyphen
    and then mistakes for an adjective ("the Tarn Otters re-signed Vell")."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and \
        doc[token.i - 2].lower_ in VERB_PREFIXES and not doc[token.i - 2].whitespace_


def _trading_close(token: Token) -> bool:
    """'Shares closed flat at $4.10', 'the index closed 2% higher': a market's day ending."""
    if any(c.dep_ in ("nsubj", "nsubjpass") and lemma_of(c).lower() in TRADED_SUBJECTS
           for c in token.children):
        return True
    near = [c for c in token.children if c.dep_ != "nsubj"]
    near += [g for c in near if c.dep_ in ("prep", "advmod", "acomp") for g in c.children]
    return any(t.ent_type_ in PRICE_ENTS or _level(t) for t in near)


def _level(token: Token) -> bool:
    """'120 points', 'at 74.52': a market's level or move, a figure with a level noun or
    with decimals (a closing hour is a TIME, and "5.30 pm" is one)."""
    if lemma_of(token).lower() in LEVEL_NOUNS and any(c.like_num for c in token.children):
        return True
    return token.like_num and "." in token.text.strip(".") and token.ent_type_ not in ("TIME",
                                                                                       "DATE")


def _purchase_order(token: Token) -> bool:
    """Whether the noun 'order' is a purchase (``ORDER_PREPS``, ``ORDER_COMPOUND_POS``,
    ``ORDER_VERBS``)."""
    if token.dep_ in ("dobj", "nsubjpass") and lemma_of(token.head).lower() in ORDER_VERBS:
        return True
    return any((c.dep_ == "prep" and c.lower_ in ORDER_PREPS)
               or (c.dep_ in ("compound", "nmod", "nummod") and c.pos_ in ORDER_COMPOUND_POS)
               for c in token.children)


def _noun_kind(token: Token, lemma: str) -> str | None:
    compounds = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod")}
    if token.ent_type_ in NAME_ENTS:
        return None  # part of a name: "Summit Harbour Films", the film "Tarn on Fire"
    if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
        return None  # a modifier names a thing: "release date", "flight attendant"
    if lemma == "release" and any(
            (c.dep_ == "poss" and (c.lower_ in PERSON_POSSESSIVES or _person(c)))
            or (c.dep_ == "prep" and c.lower_ == "of" and any(_person(g) for g in c.children))
            for c in token.children):
        return None  # "their release", "Norland's release of a sailor": set free, no launch
    if lemma == "release" and compounds & DOCUMENT_COMPOUNDS:
        return None  # "a press release" is how the news is told, not a launch
    if _is_source(token):
        return None  # "a Harbour Ministry release said", "according to a Tarn police release"
    if lemma == "fire" and lemma_of(token.head).lower() in GUNFIRE_HEADS:
        return None  # "opened fire", "came under fire": shots or blame, not a blaze
    if lemma == "order" and not _purchase_order(token):
        return None  # "an executive order", "lockdown orders", "in order to"
    if lemma == "talk" and token.tag_ != "NNS":
        return None  # "a talk" is a lecture; "talks" are negotiations
    if lemma == "conference" and compounds & {"press", "news"}:
        return "press-conference"
    if lemma == "call" and not compounds & {"phone", "telephone", "video"} \
            and not any(c.lower_ == "with" for c in token.children):
        return None  # "calls for a ceasefire" is a demand, not a call
    return NOUN_TRIGGERS.get(lemma) or LEAD_NOUN_TRIGGERS[lemma]


def is_lead_noun(token: Token) -> bool:
    """Whether the token is one of the nouns that name an event only in a lead."""
    return bool(token.pos_ in ("NOUN", "PROPN")
                and lemma_of(token).lower() in LEAD_NOUN_TRIGGERS)


def is_negated(token: Token) -> bool:
    """'did not meet', 'no meeting is planned', 'never visited'."""
    if any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("advmod", "neg"))
           for c in token.children):
        return True
    return any(c.dep_ == "det" and c.lower_ in NEGATING_DETS for c in token.children)


def is_denied(token: Token) -> bool:
    """A trigger that did not happen: negated (``is_negated``), or a verb whose object is
    denied ('announced no new products', 'reached no agreement'): nothing was done. Only
    of the trigger itself: a verb above an event noun with a denied object denies that
    object ('offered no details of the negotiations'), not the negotiations."""
    return is_negated(token) or (token.pos_ == "VERB" and any(
        c.dep_ == "dobj" and any(g.dep_ == "det" and g.lower_ in NEGATING_DETS
                                 for g in c.children) for c in token.children))


def is_verb_kind(kind: str) -> bool:
    """Whether a kind is a verb's lemma (a dated or lead verb) rather than a lexicon kind."""
    return kind not in LEXICON_KINDS


def family(kind: str) -> str:
    """The family a kind belongs to: talks, summits and meetings are one happening; so are
    a verb's kind and its noun's ("shoot" and "shooting")."""
    kind = LEAD_NOUN_VERBS.get(kind, kind)
    return KIND_FAMILY.get(kind, kind)


def same_word(a: str, b: str) -> bool:
    """'dies'/'died', 'unveils'/'unveiled', 'delivered'/'delivery': one word, inflected.

    English inflection changes at most the last two letters of the shorter form.
    """
    a, b = a.lower(), b.lower()
    shorter = min(len(a), len(b))
    shared = next((i for i in range(shorter) if a[i] != b[i]), shorter)
    return shared >= max(MIN_STEM, shorter - INFLECTION_CHARS)
