"""Speech read off the dependency parse: cue verbs, their speakers and their content.

Everything here takes spaCy tokens and spans and returns tokens or character spans; no
article state, so each function can be checked on one parsed sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .. import names
from ..model import lemma_of, per_form, text_of
from . import content
from .content import FINITE_TAGS, MIN_CONTENT_TOKENS, strip_edges
from .cues import (
    AFTER_QUOTE_CUES,
    CONDITION_MARKS,
    CUE_PARTICLES,
    CUE_VERBS,
    DIRECTIVE_VERBS,
    DOCUMENT_NOUNS,
    GENERIC_PRONOUNS,
    OBJECT_CUES,
    OBJECT_PREPOSITIONS,
    QUOTING_VERBS,
    ROLE_NOUNS,
    SOURCE_PREPOSITIONS,
    STANCE_ONLY,
    STANCE_VERBS,
    WRITER_PRONOUNS,
)
from .dates import PRESENT_TAGS
from .marks import CLOSING_MARKS

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependencies through which a subjectless verb borrows its subject from its head:
# "stated, ..." in "X noted ... but stated", "stating ..." in "X heightened ..., stating".
BORROW_DEPS = frozenset({"conj", "advcl", "xcomp"})
# How far up a chain of such verbs a subject may be borrowed; two covers "X said and
# added, warning ..." and stops before wandering into another clause's subject.
MAX_BORROW = 2
# The two-word attributions "According to X" and "As per X" (the one-word ones cite a text).
SOURCE_PAIRS = frozenset((a, b) for a, b in SOURCE_PREPOSITIONS if b)
# One-word attributing prepositions that a Universal Dependencies parse (the French
# pipeline's) attaches to their source as its "case" marker: « selon X, ... ».
SOURCE_CASE_WORDS = frozenset(a for a, b in SOURCE_PREPOSITIONS if not b and "'" not in a)


# Dependencies that mark a passive verb: its subject is what is spoken of, never the
# speaker ("Brandt is expected to appear", "what is called 'active shooter' training").
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass"})
# Dependencies of a bare participle that modifies a noun or opens a clause.
PARTICIPLE_DEPS = frozenset({"acl", "advcl", "amod"})
# Words for a speaker's light verb and its noun within this many tokens ("expressed the
# hope"): further apart the noun is no part of the cue's name.
MAX_CUE_NOUN_GAP = 3
# Pronouns for people, as a copula's subject (``_someone``).
PERSON_SUBJECTS = frozenset({"he", "she", "they", "i", "we", "you"})
# Objects that control a "to"-clause ("led Lund to announce", "forced him to admit"): a
# name or a pronoun. A common noun is as often the thing the clause is for ("scheduled a
# news conference to announce": the subject's purpose, the subject's act).
CONTROLLER_POS = frozenset({"PROPN", "PRON"})
# Nouns for a person: before a name they are its title, not a relative clause's noun.
PERSON_NOUNS = ROLE_NOUNS | names.ROLE_NOUNS


def is_cue(token: Token) -> bool:
    """A verb that attributes speech: "said", "emphasized", "pointed out", ..."""
    if token.pos_ not in ("VERB", "AUX") or lemma_of(token).lower() not in CUE_VERBS:
        return False
    if is_passive(token):
        return False
    if lemma_of(token).lower() == "point":
        return any(c.dep_ == "prt" and c.lower_ in CUE_PARTICLES for c in token.children)
    if lemma_of(token).lower() in AFTER_QUOTE_CUES:
        return _after_closing_mark(token)
    return True


def _after_closing_mark(verb: Token) -> bool:
    """Whether ``verb`` and its subject follow a closing quotation mark, with at most a
    comma between ('"...," he continued', '"...," continued Okafor')."""
    subj = own_subject(verb)
    first = min(verb.i, subj.left_edge.i) if subj is not None else verb.i
    before = [t.text for t in verb.doc[max(0, first - 2):first]]
    return bool(before) and (before[-1] in CLOSING_MARKS or (
        len(before) == 2 and before[-1] == "," and before[0] in CLOSING_MARKS))


def own_subject(verb: Token, inverted: frozenset[int] = frozenset()) -> Token | None:
    """The verb's subject on its own line, nearest first (the parser can attach a heading
    above as a second subject). ``inverted``: tokens that are subjects whatever their label
    (``find_quotes``)."""
    text = text_of(verb.doc)
    found = [c for c in verb.children if (c.dep_ in SUBJECT_DEPS or c.i in inverted)
             and text.find("\n", min(c.idx, verb.idx), max(c.idx, verb.idx)) == -1]
    return min(found, key=lambda c: abs(c.i - verb.i)) if found else None


def subject_of(verb: Token, inverted: frozenset[int] = frozenset()) -> Token | None:
    """The speaker phrase's head: the verb's subject, or the one it borrows.

    A subjectless cue borrows from the nearest cue verb above it when there is one (the
    parser may hang "but stated" off the reported clause), else from its own head.
    """
    subj = own_subject(verb, inverted) or _framed_subject(verb, inverted)
    if subj is not None:
        return _relative_antecedent(subj)
    controller = _object_controller(verb)
    if controller is not None:
        return controller
    if _lost_subject(verb):
        return _stranded_subject(verb, bare_and=True)
    chain = _borrow_chain(verb, inverted)
    subjects = [(head, own_subject(head, inverted)) for head in chain]
    for head, found in subjects:
        if found is not None and is_cue(head):
            return _relative_antecedent(found)
    for _, found in subjects:
        if found is not None:
            return _relative_antecedent(found)
    return _stranded_subject(verb)


# How many words back from a subjectless verb its stranded subject's phrase may start.
MAX_STRANDED_WORDS = 8


# PRESENT_TAGS (``dates``) tell the subject's number: a verb of one cannot share the subject
# of a verb of the other ("Sandvik remains ... and police admit").


def _lost_subject(verb: Token) -> bool:
    """Whether a subjectless tensed verb lost its own subject to the parse rather than
    sharing its head's: a tensed adverbial clause ("..., as police admit that ...") has a
    subject of its own, and a present tense whose number differs from its head's ("Sandvik
    remains at large and police admit that ...": "remains" is singular, "admit" plural)
    cannot share one. Borrowing the head's subject would name the wrong speaker; the
    statement is left to a subject right before the verb, or to no one."""
    if verb.tag_ not in FINITE_TAGS or verb.head.i == verb.i:
        return False
    if verb.dep_ == "advcl":
        return True
    return (verb.dep_ == "conj" and verb.tag_ in PRESENT_TAGS
            and verb.head.tag_ in PRESENT_TAGS and verb.tag_ != verb.head.tag_)


def _stranded_subject(verb: Token, bare_and: bool = False) -> Token | None:
    """ "The port said the ferries sail, and the union's lawyer, Ana Vik, said ...": the
    parser may hang the second speaker's name on the clause before and leave the tensed
    "said" without a subject. The noun right before it (past a comma) is its subject when
    the words back to a ", and" or ", but" hold no verb: that phrase opens the clause
    whose verb this is. ``bare_and``: the verb lost its subject (``_lost_subject``), and an
    "and" or "but" without a comma opens its clause too ("Sandvik remains at large and
    police admit that ...")."""
    if verb.tag_ not in FINITE_TAGS or not is_cue(verb):
        return None
    doc = verb.doc
    j = verb.i - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    if j < 0 or doc[j].pos_ not in ("PROPN", "NOUN") or doc[j].dep_ in SUBJECT_DEPS:
        return None
    noun = doc[j]
    for k in range(j - 1, max(-1, j - MAX_STRANDED_WORDS - 1), -1):
        tok = doc[k]
        if tok.pos_ in ("VERB", "AUX") or tok.sent != verb.sent:
            return None
        if tok.dep_ == "cc" and tok.lower_ in ("and", "but") and (
                bare_and or (k > 0 and doc[k - 1].text in (",", ";"))):
            return noun
    return None


def _object_controller(verb: Token) -> Token | None:
    """ "The pressure led Lund to announce ...", "forced him to admit ...": a
    verb's "to"-clause under a verb with an object is that object's act (object control),
    not the subject's. Not under a verb of saying or asking ("told reporters to expect",
    "urged voters to ..."): what follows is the teller's own words, so its subject stays
    the speaker."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i or is_reporting(head) or is_cue(head):
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i
                 and c.pos_ in CONTROLLER_POS), None)


def _framed_subject(verb: Token, inverted: frozenset[int]) -> Token | None:
    """The speaker of a cue reached through a preposition or a document: "justified it by
    saying", "quoted Dahl as saying" ("Dahl was quoted as saying"), "resigned in a
    letter stating"."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
        governor = head.head
        if lemma_of(governor).lower() in QUOTING_VERBS and head.lower_ == "as":
            # "quoted Dahl as saying", and the passive "Dahl was quoted as saying".
            return next((c for c in governor.children if c.dep_ in ("dobj", "nsubjpass")),
                        None)
        return _active_subject(governor, inverted)
    if verb.dep_ == "acl" and lemma_of(head).lower() in DOCUMENT_NOUNS:
        governor = head.head.head if head.dep_ == "pobj" else head.head
        return _active_subject(governor, inverted) or head
    return None


def _active_subject(verb: Token, inverted: frozenset[int]) -> Token | None:
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" or c.i in inverted), None)


def _borrow_chain(verb: Token, inverted: frozenset[int]) -> list[Token]:
    chain: list[Token] = []
    current = verb
    for _ in range(MAX_BORROW + 1):
        if current.dep_ not in BORROW_DEPS | {"ccomp"} or current.head.i == current.i:
            break
        if (lemma_of(current.head).lower() == "be" and current.dep_ in ("xcomp", "ccomp")
                and not _someone(own_subject(current.head, inverted))):
            break  # "The aim is to learn ...": a copula's complement, no one's act
        current = current.head
        chain.append(current)
        if (own_subject(current, inverted) is not None
                and current.dep_ not in BORROW_DEPS | {"ccomp"}):
            break
    return chain if verb.dep_ in BORROW_DEPS else []


def _someone(subject: Token | None) -> bool:
    """Whether a copula's subject can be the one who does what its complement says ("Rice
    was to ask ...", "he is to announce ..."): a name or a person pronoun, not a thing or
    "it" ("The aim is to learn ...", "It is important to note that ...")."""
    return subject is not None and (subject.pos_ == "PROPN" or subject.lower_ in PERSON_SUBJECTS)


def _relative_antecedent(subj: Token) -> Token:
    # "Vell, who said ..." -> Vell, not "who".
    if subj.tag_ in ("WP", "WDT") and subj.head.dep_ == "relcl":
        return subj.head.head
    return subj


def inverted_subject(verb: Token) -> Token | None:
    """ "... - noted the Harbour Board Chair": the parser reads the speaker as an object."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "npadvmod")
                and c.i > verb.i), None)
    if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
        return obj
    return None


def content_clause(verb: Token, inverted: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """Character span of what the cue verb reports ("that ..." clause), or None."""
    return content.content_of(verb, is_cue, inverted)


# Verbs that report content beyond the cue list: stances, instructions, announcements.
REPORTING_VERBS = STANCE_VERBS | DIRECTIVE_VERBS | OBJECT_CUES | frozenset(OBJECT_PREPOSITIONS)


# Parts of speech a reporting verb can have.
REPORTING_POS = frozenset({"VERB", "AUX"})


def reporting_candidates(doc: Doc) -> tuple[list[int], list[int]]:
    """Indices of the tokens ``is_reporting`` may accept, and of those ``is_cue`` may: verbs
    whose lemma is a reporting or a cue verb, in text order. Decided once per what
    ``lemma_of`` reads (form, part of speech, morphology, a lemma already set), off arrays:
    making a Token and its lemma for each of the ~70k verbs of the 1k bench, nearly all
    neither, was a sixth of the quotes stage."""
    reporting: list[int] = []
    cues: list[int] = []
    for i, lemma in per_form(doc, REPORTING_POS, _lemma_lower, _LEMMA_LOWER):
        if lemma in CUE_VERBS:
            cues.append(i)
            reporting.append(i)
        elif lemma in REPORTING_VERBS:
            reporting.append(i)
    return reporting, cues


def _lemma_lower(token: Token) -> str:
    return lemma_of(token).lower()


# Lower-cased lemmas of verbs remembered, by pipeline vocabulary and the token attributes
# ``lemma_of`` reads (``model.per_form``).
_LEMMA_LOWER: dict[tuple[int, ...], str] = {}


def is_reporting(token: Token) -> bool:
    """A cue verb, or a verb whose infinitive or object is reported ("plans to", "announced")."""
    if token.pos_ not in REPORTING_POS:
        return False
    lemma = lemma_of(token).lower()
    return is_cue(token) or (lemma in REPORTING_VERBS and not is_passive(token))


def is_passive(verb: Token) -> bool:
    """ "is expected to", "was called", and a bare participle ("Expected by many to win,
    the team ...", "the strike called for May"): the subject is spoken of, not speaking.
    A participle with an auxiliary of its own is a perfect ("had expected"); one joined to
    a clause ("X noted ... but stated, ...", which the tagger may read as a participle)
    shares that clause's subject and is no modifier."""
    if any(c.dep_ in PASSIVE_DEPS for c in verb.children):
        return True
    return (verb.tag_ == "VBN" and verb.dep_ in PARTICIPLE_DEPS
            and not any(c.dep_ == "aux" for c in verb.children))


def names_a_holder(verb: Token, subject: Token) -> bool:
    """Whether ``verb`` with ``subject`` reports someone's statement or stance: not under a
    condition ("if you want to ..."), not said by the generic reader ("you can say all you
    want"), and a stance verb ("expects", "decided") not held by the writer ("I expect")."""
    if conditional(verb):
        return False
    word = subject.lower_
    if word in GENERIC_PRONOUNS or _object_of_relative(subject):
        return False
    return not (lemma_of(verb).lower() in STANCE_ONLY and word in WRITER_PRONOUNS)


# What a verb takes besides its subject that leaves no gap for a noun before the subject.
OBJECT_DEPS = frozenset({"dobj", "obj", "ccomp", "dative"})


def _object_of_relative(subject: Token) -> bool:
    """ "..., a prospect Lindqvist denied", "the claim Okafor rejected": a relative clause
    without "that" whose object is the noun before it. The parser may read that noun as
    part of its subject's name; a determiner and a common noun before a name say the noun
    is what the verb (or a verb under it: "a ferry Nordyard plans to build") takes: the clause
    reports nothing. A noun for a person is a title instead ("the spokesman Jo Lee said"),
    and a title alone goes without a determiner ("spokesman Jo Lee said")."""
    if subject.pos_ != "PROPN" or not subject.text[:1].isupper():
        return False  # "the harbour department said": the tagger's PROPN, no name
    left = [t for t in subject.lefts if t.dep_ != "punct"]
    return (len(left) >= 2 and left[0].dep_ == "det" and left[1].pos_ == "NOUN"
            and left[1].text.islower() and lemma_of(left[1]).lower() not in PERSON_NOUNS
            and not _takes_object(subject.head))


def _takes_object(verb: Token) -> bool:
    """Whether the verb (or the verb its "to"-clause chain ends in: "plans to fly") has an
    object or a clause of its own after it: then no noun before its subject is the object
    it lacks ("The singer Vik said she would tour": a title, not "a prospect Lindqvist
    denied"). A clause before the verb does not count: the parser may hang the sentence's
    first clause on the relative clause's verb ("Brandt repeated concerns, a prospect
    Okafor denied")."""
    current = verb
    for _ in range(len(verb.doc)):  # a bound only: an xcomp chain ends
        if any(c.dep_ in OBJECT_DEPS and c.i > current.i for c in current.children):
            return True
        down = next((c for c in current.children if c.dep_ == "xcomp"), None)
        if down is None:
            return False
        current = down
    return False


def conditional(verb: Token) -> bool:
    """ "If you want to ...", "unless he agrees to ...": the verb or a clause above it is
    a condition."""
    current = verb
    # The walk up ends at the sentence's root (its own head); the bound is only a guard, and
    # the document's length is as good as the sentence's, which spaCy finds by walking.
    for _ in range(len(verb.doc)):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in current.children):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def cue_phrase(cue: Token) -> str:
    """The cue as a reader names it: "according to", "as per", "pointed out", "said"."""
    nxt = cue.nbor() if cue.i + 1 < len(cue.doc) else None
    for first, second in SOURCE_PREPOSITIONS:
        if second and nxt is not None and (cue.lower_, nxt.lower_) == (first, second):
            return f"{cue.lower_} {nxt.lower_}"
    particle = next((c for c in cue.children if c.dep_ == "prt" and c.lower_ in CUE_PARTICLES
                     and c.i == cue.i + 1), None)
    if particle is not None:
        return f"{cue.text} {particle.text}"
    noun = content.cue_noun(cue)
    if noun is not None and 0 < noun.i - cue.i <= MAX_CUE_NOUN_GAP:
        return str(cue.doc[cue.i:noun.i + 1].text)  # "expressed hope", "voiced confidence"
    return str(cue.text)


def may_name_source(text: str) -> bool:
    """Whether any sentence of ``text`` can hold a ``source_phrase``: the words it looks for
    are ASCII, and a sentence's lower case is the text's there, so a text without them has
    no sentence with them (665 of the 926 bench texts have them: the rest skip the walk)."""
    low = text.lower()
    return (any(a in low and b in low for a, b in SOURCE_PAIRS)
            or any(w in low for w in SOURCE_CASE_WORDS))


def source_phrase(sent: Span) -> tuple[Token, Token, tuple[int, int]] | None:
    """ "According to X, ..." / "As per X, ...": (cue word, X's head, content span)."""
    low = text_of(sent.doc)[sent.start_char:sent.end_char].lower()
    if not any(a in low and b in low for a, b in SOURCE_PAIRS):
        return _case_source(sent, low)  # most sentences: no need to look at each token
    for tok in sent:
        nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
        if nxt is None or (tok.lower_, nxt.lower_) not in SOURCE_PAIRS:
            continue
        obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        phrase_end = max(t.i for t in obj.subtree) + 1
        content = _rest_of_sentence(sent, tok.i, phrase_end)
        if content is not None:
            return tok, obj, content
    return None


def _case_source(sent: Span, low: str) -> tuple[Token, Token, tuple[int, int]] | None:
    """ "Selon X, ...": the preposition is X's case marker in a UD parse."""
    if not any(w in low for w in SOURCE_CASE_WORDS):
        return None
    for tok in sent:
        if tok.lower_ in SOURCE_CASE_WORDS and tok.dep_ == "case" and tok.head.i > tok.i:
            phrase_end = _comma_end(sent, tok.head.i) or max(
                t.i for t in tok.head.subtree) + 1
            content = _rest_of_sentence(sent, tok.i, phrase_end)
            if content is not None:
                return tok, tok.head, content
    return None


def _comma_end(sent: Span, head: int) -> int | None:
    """Where a source phrase set off by commas ends: « selon X, » or, with the source's
    title in apposition, « selon X, directeur de Y, » (a bare noun after the comma);
    None when no comma follows (« ..., selon X. »: the parse's phrase is taken)."""
    commas: list[int] = [int(t.i) for t in sent if t.text == "," and t.i > head]
    if not commas:
        return None
    doc = sent.doc
    # the tagger reads a bare title as a noun or an adjective (« économiste »); a clause
    # starts with its subject's determiner or a name
    appositive = commas[0] + 1 < sent.end and doc[commas[0] + 1].pos_ in ("NOUN", "ADJ")
    return (commas[1] if appositive and len(commas) > 1 else commas[0]) + 1


def _rest_of_sentence(sent: Span, start: int, end: int) -> tuple[int, int] | None:
    """The sentence without the attribution phrase tokens [start, end)."""
    after = strip_edges([t for t in sent if t.i >= end])
    before = strip_edges([t for t in sent if t.i < start])
    part = after if len(after) >= len(before) else before
    if len(part) < MIN_CONTENT_TOKENS:
        return None
    return part[0].idx, part[-1].idx + len(part[-1].text)



def phrase_span(head: Token) -> tuple[int, int]:
    """The speaker phrase around its head: "Harbour Board Chair Ana Vik".

    Kept inside the head's line: the parser sometimes runs a heading or a dateline into the
    next paragraph's first sentence.
    """
    left = head.left_edge
    while left.i < head.i and "\n" in text_of(head.doc)[left.idx:head.idx]:
        left = head.doc[left.i + 1]
    right = head
    for t in head.rights:
        adjacent = t.i == right.i + 1
        if adjacent and (t.dep_ in ("flat", "compound") or (t.dep_ == "prep" and t.lower_ == "of")):
            right = t.right_edge
    return left.idx, right.idx + len(right.text)
