"""Which day an event mention's own words give it: the time expressions of the
trigger and of the clause that tells it (``date_for``), how far up the parse a noun shares
a verb's day (``day_reach``), and when a happening has no one day (``repeated_happening``,
``earlier_occasion``). Split from ``events`` (the mention finder), which passes days
between an article's mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from ...records import Timex
from ...text import MONTH_NUMBERS, calendar_day
from ..model import lemma_of
from ..timexes import PARTIAL_VALUE
from .kinds import TIME_REFERENCE_WORDS, VERB_TRIGGERS, DateFrom, realising_clause, verb_lemma

# A Timex value that names a whole day (TimeML "2031-03-10", "2031-03-10T14:00").
DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# One coarser than a day, with its year: "2007", "2007-06", "2007-W23", "2007-SU".
COARSE_VALUE = re.compile(r"^\d{4}(?!-\d{2}-\d{2})")
YEAR_OR_MONTH = re.compile(r"\d{4}(-\d{2})?")
# Prepositions that give what a verb was done for ("arrested for the call to X", "charged
# over the killing of Y"): with a common noun or a clause after them, a happening of its own.
REASON_PREPS = frozenset({"for", "over"})
# Edges by which a time expression stands before a noun it dates ("the March 21 call",
# "Tuesday's vote"): that noun's day, not the day of a verb or trigger above it.
NOUN_DATE_DEPS = frozenset({"compound", "nmod", "poss", "amod"})
# Prepositions and verbs that put a verb inside the dated happening it names: the verb took
# place on that day too ("pushed for it at a June 25 hearing", "attended Tuesday's vote").
CONTAINING_PREPS = frozenset({"at", "during", "in", "throughout"})
PRESENCE_VERBS = frozenset({"attend", "host", "chair", "join", "skip", "miss", "boycott"})
# Edges by which an event noun is what the verb above it does or undergoes ("held talks on
# Monday", "the attack killed three Wednesday", "thwarted an attack Thursday"): the verb's day
# is the noun's too; so it is through a preposition of ``CONTAINING_PREPS`` on the verb
# ("destroyed in a fire Tuesday"). Any other edge makes the noun a happening of its own
# that the clause only names: "arrested Tuesday for the killing of X", "convicted March 20 of
# murder", "the campaign for this election will be announced on October 5", "in protest at
# the killing": the day is the arrest's, the conviction's, the announcement's.
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "appos", "conj",
                           "npadvmod"})
# Verbs whose "for"/"over" phrase is the reason, an earlier act, not the verb's own
# happening: "arrested Tuesday for the killing", "fined over the crash", "sued for the
# breach". English verbs of judging, blaming and rewarding (a closed semantic class, named
# from grammars, not from a corpus). Other verbs' "for" is what they are after, won or
# done that day ("defeated Boeing for a contract", "gathered for a news conference").
JUDGING_VERBS = frozenset({
    "arrest", "detain", "charge", "indict", "convict", "acquit", "sentence", "jail", "imprison",
    "fine", "punish", "sue", "prosecute", "try", "investigate", "question", "blame", "accuse",
    "fault", "condemn", "criticize", "criticise", "apologize", "apologise", "praise", "thank",
    "reward", "honor", "honour", "credit", "penalize", "penalise", "ban", "suspend", "fire",
    "sack", "dismiss", "expel", "discipline", "execute", "pardon", "compensate"})
# Verbs whose object is a happening they answer, told after it ("condemned the attacks
# Thursday", "mourned the victims of the crash", "reacted to the bombing on Tuesday"): the
# verb's day is the answer's, not the happening's. The judging verbs above and English's
# verbs of reacting, mourning, remembering and talking over (a closed semantic class, named
# from grammars, not from a corpus).
REACTION_VERBS = JUDGING_VERBS | frozenset({
    "denounce", "deplore", "decry", "welcome", "hail", "applaud", "salute", "mourn", "lament",
    "regret", "protest", "commemorate", "remember", "recall", "react", "respond", "retaliate",
    "avenge", "discuss", "debate", "probe", "deny", "rue", "grieve", "appeal", "challenge",
    "contest", "dispute", "reject", "overturn", "uphold"})
# Nouns of an answer a light verb carries ("paid tribute Tuesday to the victims of the
# bombing", "offered condolences over the attack", "expressed outrage at the killing"): the
# happening in the phrase after them is the one answered, not the day's.
REACTION_NOUNS = frozenset({"tribute", "homage", "condolence", "condolences", "sympathy",
                            "respects", "outrage", "regret", "apology", "apologies", "thanks",
                            "shock", "sorrow", "grief", "anger", "dismay", "concern"})
# Words that place a happening before or after another ("closed lower Friday after the
# minister's resignation slapped the market", "must wait 30 days before closing the
# purchase", "prior to the vote"): the happening they introduce is at another time.
SEQUENCE_WORDS = frozenset({"after", "before", "following", "since", "until", "till"})
SEQUENCE_PAIRS = frozenset({("prior", "to"), ("ahead", "of")})
# Prepositions whose time is where a span ends ("until Nov. 6"), not a happening's day.
BOUND_PREPS = frozenset({"until", "till"})
# Auxiliaries of a verb's own future or modality ("and the banks must wait", "and will
# appeal"): joined to a verb told as done, it is not on that verb's day.
OWN_TIME_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "could", "should", "can", "ca",
                          "may", "might", "must", "'d"})
# Adjectives that give a thing's term, a date it falls due ("notes due March 1, 2041",
# "payable in 2041"), and the edges by which a time expression hangs from one.
TERM_WORDS = frozenset({"due", "payable", "redeemable", "repayable"})
TERM_PATH_DEPS = frozenset({"npadvmod", "pobj", "prep", "nummod", "compound", "appos"})
# Entity types of a figure whose "of" phrase is what it counts ("$11bn of deals").
AMOUNT_ENTS = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT"})
# Adverbs that make a verb's happening more than one ("has twice sued", "often met",
# "met three times"): no one day is its day. English's closed class of frequency adverbs.
REPEAT_ADVERBS = frozenset({"twice", "thrice", "repeatedly", "often", "frequently",
                            "regularly", "routinely", "usually"})
# Adverbs that put a perfect before the time of the news ("has sued before", "has
# previously met"): an earlier occasion, not the day's news.
EARLIER_ADVERBS = frozenset({"before", "previously", "once"})
# Quantifiers that make a plural event noun several happenings ("several lawsuits", "many
# attacks"; "a series of meetings" is left alone). A number is none: it counts units as often
# as happenings ("two orders", "35 orders" on one day).
SEVERAL_WORDS = frozenset({"several", "many", "multiple", "numerous", "repeated", "recurring",
                           "frequent", "regular", "countless", "various", "past", "previous",
                           "earlier", "prior"})


# A dateline's day ("WARSAW, February 26 (Xinhua) --"): a month name or news-style
# abbreviation and a day number. Its year is the publication's.
DATELINE_DAY = re.compile(r"\b([A-Za-z]{3,9})\.? +(\d{1,2})\b")
# Days a dateline's day may fall before the publication day it belongs to: a wire filed in
# the evening is stamped on the next day's file (Xinhua "February 26" in a file of the 27th);
# a dateline further off is another day's story reprinted, not this report's day.
DATELINE_MAX_DAYS = 2
# Time expressions whose values name no time on the calendar ("PAST_REF", "P1Y"): only
# values opening with a year say when something was.
CALENDAR_VALUE = re.compile(r"^\d{3}")
# Edges of a clause with a subject of its own below the main one ("Coleco, whose stock
# peaked in the early 1980s, filed", "because it may not meet the rules by Dec. 7"): its
# time is that clause's happening's, not the main clause's.
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "csubj", "parataxis"})
SUBJECT_EDGES = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def dateline_day(dateline: str | None, published: str | None) -> str | None:
    """The day a dateline gives ("WARSAW, February 26 (Xinhua) --" published 1999-02-27:
    1999-02-26), when it falls on the publication day or up to DATELINE_MAX_DAYS before it;
    else None (no dateline, no day in it, or one that is not this report's)."""
    if not dateline or not published or not DAY_VALUE.match(published):
        return None
    found = DATELINE_DAY.search(dateline)
    month = MONTH_NUMBERS.get(found.group(1).lower()) if found else None
    if found is None or month is None:
        return None
    day = date.fromisoformat(published[:10])
    for year in (day.year, day.year - 1):  # a dateline of 31 December in January's file
        told = calendar_day(year, month, int(found.group(2)))
        if told is not None and timedelta(0) <= day - told <= timedelta(DATELINE_MAX_DAYS):
            return told.isoformat()
    return None


def own_time(root: Token, value: str, day: str) -> bool:
    """Whether a time expression is a time of its sentence's main clause before the
    article's day: a weekday, a date, a year or "last year" that does not hold ``day``
    ("closed sharply lower Friday" in Monday's paper, "stopped paying a dividend in the
    third quarter of 1984"). Not a later one (a happening told as done was not on a day to
    come: that day is a plan's, "said before the meeting on Wednesday"), nor one naming a
    thing ("the Tuesday deadline", "last year's blasts": a modifier of a noun), nor one in a
    clause with a subject of its own ("Coleco, whose stock peaked in the early 1980s,
    filed") or placing the clause by another happening ("after the vote on Monday"), nor
    one without a calendar value."""
    if not CALENDAR_VALUE.match(value) or _holds_day(value, day) or value[:10] > day:
        return False
    if (root.dep_ in NOUN_DATE_DEPS | {"nummod"} and root.head.pos_ in ("NOUN", "PROPN")) \
            or term_word(root) is not None:
        return False
    node = root
    while node.head.i != node.i:
        if node.dep_ in CLAUSE_DEPS and any(c.dep_ in SUBJECT_EDGES for c in node.children):
            return False
        if node.dep_ == "prep" and node.lower_ in TIME_REFERENCE_WORDS:
            return False
        node = node.head
    return True


def _holds_day(value: str, day: str) -> bool:
    """Whether a calendar value (a day, month, year, decade, week, quarter or season) holds
    the day; an unknown shape is taken to hold it (no time of its own is claimed)."""
    if DAY_VALUE.match(value):
        return value[:10] == day
    if YEAR_OR_MONTH.fullmatch(value) or value.isdigit():
        return day.startswith(value)  # "1989", "1989-10", "198" (the 1980s)
    if value[4:6] == "-W" and value[6:8].isdigit():
        return _holds(value[:8], day)
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if quarter:
        return day[:4] == quarter.group(1) and (int(day[5:7]) - 1) // 3 + 1 == int(
            quarter.group(2))
    return value[:4] == day[:4] or not value[:4].isdigit()


def coarse_times(doc: Doc, timexes: Iterable[Timex], day: str | None) -> list[tuple[Token, str]]:
    """``place_timexes`` of the times coarser than a day (``COARSE_VALUE``) that a verb or an
    event noun can have as its own: not one naming a thing ("WWDC 2005", "the 2014 Oscars":
    a modifier of a noun), nor one holding the article's own day ("this week", "this
    year": the day's news is in it)."""
    out = []
    for root, value in place_timexes(doc, timexes, COARSE_VALUE):
        if root.dep_ in NOUN_DATE_DEPS | {"nummod"} and root.head.pos_ in ("NOUN", "PROPN"):
            continue
        if day is None or not _holds(value, day):
            out.append((root, value))
    return out


def _holds(value: str, day: str) -> bool:
    """Whether a year, month or ISO week value holds the day (YYYY-MM-DD)."""
    if YEAR_OR_MONTH.fullmatch(value):
        return day.startswith(value)
    if value[4:6] == "-W" and value[6:8].isdigit():
        year, week, _ = date.fromisoformat(day).isocalendar()
        return (year, week) == (int(value[:4]), int(value[6:8]))
    return False


def place_timexes(doc: Doc, timexes: Iterable[Timex],
                   values: re.Pattern[str] = DAY_VALUE) -> list[tuple[Token, str]]:
    """Day-precise time expressions as (root token, YYYY-MM-DD); with ``PARTIAL_VALUE``,
    an undated article's partial days as (root token, XXXX-MM-DD or XXXX-WXX-D)."""
    out = []
    for t in timexes:
        if t.type not in ("DATE", "TIME") or not values.match(t.value):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.root, t.value if values is PARTIAL_VALUE else t.value[:10]))
    return out


def governor(token: Token, trigger_ids: set[int]) -> Token:
    """The nearest verb or trigger above a token: what a time expression modifies; the
    noun it stands before when it dates one ("arrested for the March 21 call": the
    call's day, not the arrest's); the word of a thing's term it belongs to ("notes due
    March 1, 2041": the notes' maturity, no happening's day)."""
    if dated_noun(token):
        return token.head
    term = term_word(token)
    if term is not None:
        return term
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.i in trigger_ids:
            return node
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "aux" \
                and not realising_clause(node, trigger_ids):
            return node  # a clause telling an event noun took place dates the noun
    return node


def term_word(token: Token) -> Token | None:
    """The adjective of a thing's term a time expression hangs from ("senior notes due
    March 1, 2041", "bonds payable in 2041"): a date of the thing, not of any happening
    the sentence tells. None when it hangs from none."""
    node = token
    while node.head.i != node.i and node.dep_ in TERM_PATH_DEPS:
        node = node.head
        if node.pos_ == "ADJ" and node.lower_ in TERM_WORDS:
            return node
    return None


def dated_noun(token: Token) -> bool:
    """Whether a time expression's root stands before a common noun it dates, as a
    possessive ("Tuesday's vote") or after the noun's determiner ("the March 21 call", "a
    June 25 memo"), and the noun is not where the verb took place ("at a June 25 hearing",
    "during Sunday's game", "attended Wednesday's arraignment": that day is the verb's
    too). Without either mark the parse may have hung a verb's bare day on its object
    ("announced Sunday drastic cuts"), so the day stays the verb's."""
    noun = token.head
    if token.dep_ not in NOUN_DATE_DEPS or noun.pos_ != "NOUN" or noun.i < token.i:
        return False
    marked = any(c.dep_ == "case" for c in token.children) or any(
        c.dep_ in ("det", "poss", "nmod") and c.i < token.left_edge.i for c in noun.children)
    if not marked:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ in CONTAINING_PREPS:
        return False
    return not (noun.dep_ == "dobj" and lemma_of(noun.head).lower() in PRESENCE_VERBS)


def date_for(token: Token, kind: str, chain: Sequence[Token], dated: Sequence[tuple[Token, str]],
              trigger_ids: set[int]) -> tuple[str | None, DateFrom]:
    """The day of the trigger's own time expression, else of the clause it hangs from."""
    sent = token.sent
    # "the latest figures as of Monday for the dead": a state's time, no other's day;
    # a trigger's own stays ("increasing reserves to $300 million as of Sept. 30")
    in_sent = [(root, value) for root, value in dated if sent.start <= root.i < sent.end
               and not bound_time(root)
               and not (as_of(root) and governor(root, trigger_ids).i != token.i)]
    reach = day_reach(chain)
    chain_pos = {node.i: pos for pos, node in enumerate(chain[:reach])}
    cut = {node.i for node in chain[reach:]}
    own = sorted((chain_pos[g.i], abs(root.i - token.i), value) for root, value in in_sent
                 if (g := governor(root, trigger_ids)).i in chain_pos)
    if own:
        return own[0][2], DateFrom.CLAUSE if own[0][0] else DateFrom.TRIGGER
    if kind == "statement":
        return None, DateFrom.NO_STATEMENT_DATE
    if reach < len(chain) and any(governor(root, trigger_ids).i in cut for root, _ in in_sent):
        return None, DateFrom.OTHER_HAPPENING
    if chain[-1].i != sent.root.i:
        return None, DateFrom.REPORTED_CONTENT
    # A day a lexicon verb used in another sense governs is that act's ("figures released
    # April 3"), not free for the sentence's other happenings.
    free = {value for root, value in in_sent
            if (g := governor(root, trigger_ids)).i not in trigger_ids
            and verb_lemma(g) not in VERB_TRIGGERS and not dated_noun(root)
            and term_word(root) is None}
    if len(free) == 1:  # not the day of a noun another happening's verb names
        return (None, DateFrom.OTHER_HAPPENING) if cut else (free.pop(), DateFrom.SENTENCE)
    if free:
        return None, DateFrom.SEVERAL_DATES
    return None, DateFrom.NO_DAY


def bound_time(root: Token) -> bool:
    """'extended its offer until 5 p.m. EST, Nov. 6', 'has given them until Tuesday to
    sign': the end of a span (``BOUND_PREPS``), the day of no happening the sentence tells."""
    node = root
    while node.dep_ in ("appos", "npadvmod", "nummod", "compound", "conj") \
            and node.head.i != node.i:
        node = node.head  # "until 5 p.m. EST, Nov. 6": the day in apposition to the hour
    return node.dep_ == "pobj" and node.head.lower_ in BOUND_PREPS


def as_of(root: Token) -> bool:
    """'the latest figures as of Monday', 'as of Wednesday evening, he still had not
    signed': the time a state is told at, the day of no happening."""
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ == "as" \
        and prep.head.i < prep.i


def day_reach(chain: Sequence[Token]) -> int:
    """How many nodes of the chain share the trigger's day: all of them for a verb; for a
    noun, those up to the first verb reached by ``ARGUMENT_DEPS`` or a containing
    preposition on the verb, and the chain after it; else only the nouns below the edge
    that names it as another happening's ("arrested for the killing": the killing alone).
    Never past an edge into another time (``another_time``): "condemned the attacks
    Thursday", "closed lower Friday after the resignation", "paid tribute to bombing
    victims"."""
    k = 0
    verb_seen = False
    while k < len(chain) - 1:
        node = chain[k]
        if another_time(node):
            return k + 1
        if verb_seen or node.pos_ in ("VERB", "AUX"):
            verb_seen = True
            k += 1
        elif node.dep_ in ARGUMENT_DEPS:
            k += 1
        elif node.dep_ == "pobj" and node.head.lower_ in CONTAINING_PREPS \
                and k + 2 < len(chain) and (chain[k + 2].pos_ in ("VERB", "AUX")
                                            or chain[k + 2].dep_ in ARGUMENT_DEPS):
            k += 2  # "announced the plan at a conference": the parse may hang it on the plan
        elif node.dep_ == "pobj" and k + 2 < len(chain) and chain[k + 2].pos_ in ("VERB", "AUX") \
                and (node.head.dep_ == "agent" or node.head.lower_ == "to"):
            k += 2  # "destroyed by a fire Tuesday", "agreed to a deal on Saturday"
        elif node.dep_ == "pobj" and node.head.lower_ in REASON_PREPS and k + 2 < len(chain) \
                and chain[k + 2].pos_ in ("VERB", "AUX") \
                and lemma_of(chain[k + 2]).lower() not in JUDGING_VERBS:
            k += 2  # "defeated Boeing for a contract": the prize, won that day
        elif node.dep_ == "pobj" and node.head.lower_ == "of" and k + 2 < len(chain) \
                and _amount(chain[k + 2]):
            k += 2  # "secured $11bn of deals": the deals are what was secured
        else:
            return k + 1
    return len(chain)


def another_time(node: Token) -> bool:
    """Whether the edge from ``node`` up to its head leads out of the node's happening into
    one at another time: the object of an answer to it ("condemned the attacks", "paid
    tribute to bombing victims", "reacted to the strike"), a happening placed before or
    after the one above ("after the resignation slapped the market", "before closing the
    purchase"), or a verb joined to one told as done with a future or modal of its own
    ("cleared the move yesterday, and the banks must wait") or a bare verb joined to a
    participle ("the injunction issued Thursday and also order": a parse slip, two
    clauses)."""
    head = node.head
    if head.i == node.i:
        return False
    if answered(node):
        return True
    if node.dep_ in ("pobj", "pcomp"):
        return head.lower_ in SEQUENCE_WORDS or (head.head.lower_, head.lower_) in SEQUENCE_PAIRS
    if node.dep_ == "advcl" and node.pos_ in ("VERB", "AUX"):
        return any(c.dep_ == "mark" and c.lower_ in SEQUENCE_WORDS for c in node.children)
    if node.dep_ == "conj" and node.pos_ == "VERB" and head.pos_ == "VERB":
        own = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        its = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
        if own & OWN_TIME_AUX and not its & OWN_TIME_AUX:
            return True
        return node.tag_ == "VB" and not own and head.tag_ in ("VBD", "VBN") and not its
    return False


def answered(node: Token) -> bool:
    """Whether ``node`` is what the word above it answers: the object of a verb of
    ``REACTION_VERBS`` ("condemned the attacks", "moved to dismiss the lawsuit"), or the
    phrase after such a verb or a noun of ``REACTION_NOUNS`` ("reacted to the strike", "paid
    tribute to bombing victims"). The answered happening came first: it has its own day and
    is real whatever the answer's mood."""
    head = node.head
    if head.i == node.i:
        return False
    if node.dep_ == "dobj":
        return _answers(head)
    if node.dep_ not in ("pobj", "pcomp") or head.lower_ in CONTAINING_PREPS \
            or head.lower_ in SEQUENCE_WORDS:
        return False
    above = head.head
    return (above.pos_ == "NOUN" and lemma_of(above).lower() in REACTION_NOUNS) or \
        _answers(above) or (above.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "dobj" and c.lower_ in REACTION_NOUNS for c in above.children))


def _answers(verb: Token) -> bool:
    """'condemned', 'mourns', 'reacted': a verb of ``REACTION_VERBS``."""
    return verb.pos_ == "VERB" and verb_lemma(verb) in REACTION_VERBS


def _amount(token: Token) -> bool:
    """'$11bn', 'dozens', '30': a figure whose "of" phrase is what it counts."""
    return token.ent_type_ in AMOUNT_ENTS or token.pos_ == "NUM" or token.like_num or any(
        c.dep_ in ("nummod", "quantmod") or c.tag_ == "$" for c in token.children)


def repeated_happening(token: Token, chain: Sequence[Token]) -> bool:
    """Whether the trigger tells more than one happening, so no one day is its day: a verb
    with a frequency adverb or a count of times ("has twice sued", "met three times"), or a
    plural event noun with a quantifier ("several attacks")."""
    if token.pos_ == "NOUN":
        # A number counts units as often as happenings ("two orders", "35 orders" on one
        # day): only a quantifier says the happenings are several.
        return token.tag_ == "NNS" and any(c.dep_ in ("amod", "det") and c.lower_ in SEVERAL_WORDS
                                           for c in token.children)
    verb = next((n for n in chain if n.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    adverbs = [c for c in verb.children if c.dep_ in ("advmod", "npadvmod")]
    if any(a.lower_ in REPEAT_ADVERBS for a in adverbs):
        return True
    return any(lemma_of(a).lower() == "time" and any(n.dep_ == "nummod" or
                                                      n.lower_ in SEVERAL_WORDS
                                                      for n in a.children) for a in adverbs)


def earlier_occasion(chain: Sequence[Token]) -> bool:
    """'has sued before', 'had previously met': a perfect told as an earlier occasion, not
    the day's news (it may still be dated by its own time expression)."""
    verb = next((n for n in chain if n.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.tag_ != "VBN" or not any(
            lemma_of(a) == "have" for a in verb.children if a.dep_ == "aux"):
        return False
    return any(c.dep_ == "advmod" and c.lower_ in EARLIER_ADVERBS for c in verb.children)
