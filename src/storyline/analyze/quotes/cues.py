"""Word lists that mark speech in news English.

Lemmas, lower case. Each list was drawn up from the verbs and phrases English news writing
uses for attribution (wire style guides and the reporting verbs of translated agency copy),
not from any one evaluation text; a word goes in only when its ordinary news use introduces
what someone said.
"""

from __future__ import annotations

from ...clean.outlets import outlet_words

# Verbs that attribute a statement to their subject; with a clausal complement ("that ...")
# they introduce reported speech, next to a quotation they are its cue.
CUE_VERBS: frozenset[str] = frozenset({
    "say", "state", "note", "emphasize", "emphasise", "stress", "warn", "announce",
    "confirm", "clarify", "reveal", "insist", "add", "tell", "declare", "remark", "affirm",
    "assert", "argue", "claim", "explain", "indicate", "point", "acknowledge", "admit",
    "suggest", "underline", "underscore", "reiterate", "report", "write", "deny",
    "predict", "promise", "pledge", "vow", "urge", "caution", "concede", "maintain",
    "comment", "observe", "reply", "respond", "answer", "ask", "tweet", "recall",
    "highlight", "mention", "describe", "call", "characterize", "characterise", "term",
    "dub", "label", "hope", "believe", "expect", "think", "conclude",
    "recount", "disclose", "inform", "assure", "contend", "specify", "allege", "estimate",
    "forecast", "signal", "quip", "joke", "lament", "complain", "boast", "cite", "express",
    "voice",
    # answers, exclamations and testimony: '"...," she retorted / countered / exclaimed',
    # "testified that", "speculated that", "mused"; "continue" see AFTER_QUOTE_CUES
    "retort", "counter", "exclaim", "proclaim", "testify", "speculate", "muse", "opine",
    "concur", "continue", "recollect",
    # public judgements in words: "denounced the 'reckless sell-off'", "branded the bid
    # 'a raid'" (a naming verb like "call", see DESCRIPTIVE_CUES)
    "denounce", "brand",
})

# Cue verbs of a public judgement in words: they cue a quoted fragment ("denounced the
# 'reckless sell-off'") but report no clause ("denounced what she called the 'sabotage'"
# reports the fragment only), and a clause after one joined by "but" ("said A, but they
# denounced the closure") stays part of the statement before it.
JUDGING_CUES: frozenset[str] = frozenset({"denounce"})

# Cue verbs of thought: what someone believes, thinks, expects or hopes. They report a
# clause of their own ("Okafor believes that ...", under the stance rules of ``parse``)
# but are no saying: words in quotation marks near one ('believes that the public will
# shout, "Just close the harbour."') are no quotation of the believer's.
THOUGHT_VERBS: frozenset[str] = frozenset({"believe", "think", "expect", "hope"})

# Cue verbs that attribute speech only right after a closing quotation mark ('"...," he
# continued', '"...," continued Adeyemi'): elsewhere "continue" is an aspect verb ("continues
# to insist", "the talks continued") whose clause is no one's statement.
AFTER_QUOTE_CUES: frozenset[str] = frozenset({"continue"})

# Cue verbs that describe rather than report: they cue a quoted fragment ("called the
# talks 'very successful'") but their object is no reported statement of its own.
DESCRIPTIVE_CUES: frozenset[str] = frozenset({
    "call", "describe", "characterize", "characterise", "term", "dub", "label", "brand",
})

# Nouns that carry a reported clause after a light verb: "expressed hope that ...",
# "voiced confidence that ...", "made the point that ...".
CUE_NOUNS: frozenset[str] = frozenset({
    "hope", "confidence", "belief", "conviction", "concern", "fear", "view", "opinion",
    "point", "assurance", "statement", "claim", "warning", "expectation",
})

# Particles that make a phrasal speech verb ("pointed out", "spelled out").
CUE_PARTICLES: frozenset[str] = frozenset({"out", "up"})

# Multi-word prepositions that attribute the clause they attach to ("According to X, ...").
SOURCE_PREPOSITIONS: tuple[tuple[str, str], ...] = (
    ("according", "to"), ("as", "per"), ("citing", ""), ("quoting", ""),
)

# Third-person pronouns that can stand for a person speaker, and for an organisation one.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"it", "they", "them"})

# Head nouns of role descriptions that denote one person ("the Harbour Board Chair",
# "the Norlander leader", "the elected head of the council", "Spokeswoman Liv Dahl").
ROLE_NOUNS: frozenset[str] = frozenset({
    "president", "minister", "secretary", "general", "leader", "head", "chief", "chancellor",
    "premier", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "director",
    "chairman", "chairwoman", "chair", "ceo", "executive", "commissioner", "governor",
    "mayor", "king", "queen", "prince", "pope", "senator", "official", "commander",
    "adviser", "advisor", "aide", "diplomat", "foreign", "prosecutor", "judge", "founder",
    "analyst", "economist", "expert", "negotiator", "representative", "deputy", "speaker",
})

# Words that mark a news organisation's name; an outlet that "reports" is a source, never a
# speaker. The common nouns of mastheads, and the one-word names articles cite outlets by,
# from the outlet table (``data/outlets.tsv``: "reuters", "bbc"). "Agency" alone is not
# one: "the agency said" is as often a government agency's spokesman, and a news agency's
# name carries "news", "press" or the agency's own name.
MASTHEAD_WORDS: frozenset[str] = frozenset({
    "times", "post", "news", "journal", "independent", "guardian", "telegraph", "herald",
    "tribune", "gazette", "press", "wire", "magazine", "daily", "channel", "television",
    "tv", "radio", "newspaper", "broadcaster", "outlet", "media", "chronicle",
})
OUTLET_WORDS: frozenset[str] = MASTHEAD_WORDS | outlet_words()

# Verbs of intention and belief whose content is an infinitive ("plans to cut", "claims to
# own", "decided to step down"): the stance of the subject, reported like speech. Drawn from
# the cognition and commitment verbs of news English (TimeML/PropBank I_ACTION and I_STATE
# classes), not from any evaluation text. Left out, as no stance a reader can attribute:
# verbs of desire and preference ("want", "wish", "would like to thank": what someone wants
# is no statement of theirs, and "if you want ..." is the writer talking to a reader) and
# "refuse" (what someone would not do: "refused to have his name printed").
STANCE_VERBS: frozenset[str] = frozenset({
    "intend", "plan", "expect", "hope", "decide", "choose", "claim", "promise",
    "pledge", "vow", "threaten", "agree", "aim", "seek",
})

# Stance verbs whose infinitive is a deed or a plan, not a statement: "agreed to charter two
# barges", "decided to scrap the old crane", "intends to shut the night ferry", "plans
# to sell its paint shop", "chose to move abroad", "is seeking to stop the merger", "aims
# to reopen the quay in June". The writer states what the subject did or means to do; no words
# of the subject's are reported (English decision, agreement, intention and attempt verbs).
# With a clause of their own they still report one ("agreed that the charter had lapsed", "the
# harbour board decided the barges should stay at anchor").
DEED_VERBS: frozenset[str] = frozenset({
    "intend", "plan", "decide", "choose", "agree", "aim", "seek",
})

# Verbs of belief and intention that report a stance, not a saying: they report content
# only with a clause or an infinitive of their own and a subject that names someone (a name,
# a noun or a third-person pronoun). "I expect", "we decided" outside quotation marks are
# the writer's own view; "is expected to", "it was decided to" name nobody who holds it.
STANCE_ONLY: frozenset[str] = (STANCE_VERBS | frozenset({"believe", "think"})) - frozenset({
    "claim", "promise", "pledge", "vow", "threaten",  # speech acts: they are sayings
})

# Subjects that name no speaker: the writer ("I", "we") and the generic reader ("you",
# "one": "you can argue all day that ..."). A stance verb with one reports nothing, and
# "you" reports nothing with any verb.
WRITER_PRONOUNS: frozenset[str] = frozenset({"i", "we", "me", "us"})
GENERIC_PRONOUNS: frozenset[str] = frozenset({"you", "one"})

# Subordinators of a condition: a verb under one ("if you want to ...", "unless he agrees
# to ...") tells what would be, not what was said. A verb under "whether" ("did not say
# whether the board picked Tarn") is a question left open: ``content._negated`` drops it.
CONDITION_MARKS: frozenset[str] = frozenset({"if", "unless"})

# Verbs that pass an instruction to an addressee ("told airlines not to buy", "urged X to
# stay"): the addressee and the infinitive together are what was said. Without an addressee
# the infinitive is the subject's own purpose, no instruction ("called to let the family
# know", "asked to stay unnamed"); "call" names its addressee with "on" ("called on
# the ministry to ...").
DIRECTIVE_VERBS: frozenset[str] = frozenset({
    "tell", "urge", "ask", "advise", "instruct", "order", "call", "encourage", "warn",
})

# Speech verbs whose plain object is what was said ("announced job cuts", "requested a
# rerun", "confirmed the deal"): announcements, requests and verdicts in news English.
OBJECT_CUES: frozenset[str] = frozenset({
    "announce", "confirm", "deny", "reveal", "request", "propose", "recommend", "reject",
    "cite", "predict", "forecast", "estimate", "disclose",
})

# Object verbs that report their object only when it is something said ("rejected claims
# that ...", "rejected the allegations"): with any other object they are a decision or a
# vote ("rejected the merger offer", "rejected the planning application"), a deed, no
# statement.
SAID_OBJECT_VERBS: frozenset[str] = frozenset({"reject"})
# Nouns for something said or claimed (general English), the objects that let those verbs
# report: "rejected the claims / reports / accusations / suggestion".
SAID_NOUNS: frozenset[str] = frozenset({
    "report", "claim", "allegation", "accusation", "charge", "suggestion", "criticism",
    "assertion", "statement", "comment", "remark", "notion", "idea", "argument", "rumour",
    "rumor", "speculation", "characterization", "characterisation", "description",
    "account", "view", "contention", "insinuation", "assessment", "interpretation",
    "call", "demand", "appeal",  # "rejected calls by the opposition to hold ..."
})

# Prepositions that carry the object of a phrasal speech verb ("called for a rerun").
OBJECT_PREPOSITIONS: dict[str, str] = {"call": "for", "ask": "for"}

# Prepositions that carry the addressee of a directive verb ("called on X to ...").
ADDRESSEE_PREPOSITIONS: dict[str, str] = {"call": "on"}

# Nouns for written statements that can carry a speaker's words ("a letter stating ...",
# "a memo saying ..."): their author is the subject of the clause that mentions them.
DOCUMENT_NOUNS: frozenset[str] = frozenset({
    "letter", "statement", "memo", "email", "e-mail", "note", "message", "release",
    "post", "tweet", "interview", "speech", "address", "remarks",
})

# Common nouns for groups of people, organisations and what they publish: heads that can
# hold a stance or give an instruction ("the union threatened to strike", "the ministry
# urged", "a study expects"), besides the nouns for a person (ROLE_NOUNS), the documents
# above, and nouns for an agent by their ending (AGENT_ENDINGS). Written from English
# grammar's classes (collective and institutional nouns), not from evaluation text.
SPEAKING_NOUNS: frozenset[str] = frozenset({
    "people", "public", "group", "company", "firm", "business", "government", "ministry",
    "department", "agency", "office", "police", "union", "council", "committee",
    "commission", "court", "board", "administration", "party", "campaign", "team", "club",
    "league", "army", "military", "force", "authority", "organisation", "organization",
    "institute", "institution", "university", "school", "college", "hospital", "bank",
    "network", "station", "family", "staff", "crew", "community", "majority", "minority",
    "nation", "state", "country", "city", "county", "parliament", "congress", "senate",
    "house", "cabinet", "regime", "coalition", "alliance", "association", "federation",
    "embassy", "consulate", "industry", "side", "camp", "movement", "church", "opposition",
    "management", "study", "report", "survey", "poll", "research", "analysis", "forecast",
    "body", "panel", "jury", "fund", "foundation", "charity", "society", "service",
    "website", "site", "paper", "newspaper", "magazine", "outlet", "channel", "media",
    "everyone", "everybody", "someone", "somebody", "anyone", "nobody", "other", "many",
    "most", "some", "few", "all", "both", "each", "couple", "child", "kid", "man", "woman",
    "person", "individual", "guy", "folk", "friend", "relative", "colleague", "neighbour",
    "neighbor",
    "parent", "wife", "husband", "mother", "father", "son", "daughter", "brother",
    "sister", "staffer", "source", "insider", "official", "citizen", "resident", "victim",
    "candidate", "nominee", "academy", "ally", "enemy", "rival", "crowd", "audience",
    "studio", "suspect", "rep", "star", "fan", "witness", "youth",
    "bishop", "priest", "pastor", "clergy", "duo", "trio", "pair", "chief", "boss",
    # texts that state, call for or ask ("the resolution calls for", "the plan aims to")
    "resolution", "plan", "program", "programme", "bill", "law", "agreement", "treaty",
    "deal", "accord", "proposal", "document", "decree", "measure", "policy", "order",
    "ruling", "decision", "constitution", "text", "draft", "declaration", "communique",
    "memorandum", "filing", "lawsuit", "suit", "petition", "motion", "article", "editorial",
    "story", "record", "update", "guideline", "rule", "regulation", "directive",
    "legislation", "act", "budget", "strategy", "initiative", "charter", "manifesto",
})
# Endings of nouns for one who does something ("speaker", "investor", "economist",
# "civilian", "participant", "resident", "employee", "volunteer", "representative",
# "actress", "delegate", "athlete"); a noun in "-ment" is a thing ("the government" is
# listed above). A thing with such an ending ("the process", "the estimate") keeps its
# statement as before: the ending only ever keeps one.
AGENT_ENDINGS: tuple[str, ...] = ("er", "or", "ist", "ian", "ant", "ent", "ee", "eer",
                                  "ive", "man", "woman", "person", "ess", "ate", "ete")
AGENT_NOT_ENDINGS: tuple[str, ...] = ("ment",)

# Verbs that quote someone else ("X quoted Y as saying ..."): Y is the speaker.
QUOTING_VERBS: frozenset[str] = frozenset({"quote", "cite"})

# French (speech/cues_fr.py): its words are no English words, so adding them changes
# nothing for English text and lets the same stages read French.
from . import cues_fr as _fr  # noqa: E402 - the English lists come first, on purpose

CUE_VERBS = CUE_VERBS | _fr.CUE_VERBS
DESCRIPTIVE_CUES = DESCRIPTIVE_CUES | _fr.DESCRIPTIVE_CUES
SOURCE_PREPOSITIONS = SOURCE_PREPOSITIONS + _fr.SOURCE_PREPOSITIONS
PERSON_PRONOUNS = PERSON_PRONOUNS | _fr.PERSON_PRONOUNS
GROUP_PRONOUNS = GROUP_PRONOUNS | _fr.GROUP_PRONOUNS
