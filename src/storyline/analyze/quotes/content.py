"""What a speech verb reports, as a character span: its clause, infinitive or object.

``content_of`` reads, in order: a "that"-clause (ccomp, every one of them when the verb
reports several: "said X, Y"), the clause hung off a light verb's noun ("expressed hope that
..."), the infinitive of a stance verb ("plans to cut ..."), and the plain object of an
announcement verb ("announced 600 job cuts", "called for a recount").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from ..model import lemma_of
from .cues import (
    ADDRESSEE_PREPOSITIONS,
    CUE_NOUNS,
    CUE_VERBS,
    DEED_VERBS,
    DESCRIPTIVE_CUES,
    DIRECTIVE_VERBS,
    DOCUMENT_NOUNS,
    JUDGING_CUES,
    OBJECT_CUES,
    OBJECT_PREPOSITIONS,
    SAID_NOUNS,
    SAID_OBJECT_VERBS,
    STANCE_VERBS,
)

# Reported content shorter than this is no statement ("said so", "noted it", "wants one").
MIN_CONTENT_TOKENS = 3
# Clause openers that make a question, not a statement.
QUESTION_MARKS = frozenset({"whether", "if"})
EDGE_PUNCT = frozenset(",.;:!?—–-\"“”„«»‘’'")
# Conjunctions that continue a reported clause as the speaker's own contrast ("said A, but
# B"), which the parser hangs on the cue verb instead of the clause. "And" is left out: what
# follows it is as often the writer's next fact ("said the port would close, and the fleet
# sailed south").
CONTRAST_WORDS = frozenset({"but"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
# Subordinators that set a clause against the one before ("..., while the union says ...",
# "though officials later said ..."): a speech verb under one with a subject of its own is
# another speaker's statement, set beside the reported one, not part of it.
CONTRAST_MARKS = frozenset({"while", "whereas", "though", "although"})
# Tags of a tensed verb: a clause headed by one has a subject of its own, or lost it.
FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD"})
MODAL_TAG = "MD"  # "may", "will", "should": the clause under one is tensed too
# Verbs that report in turn: a contrast led by one is a statement of its own.
_REPORTING = CUE_VERBS | STANCE_VERBS | DIRECTIVE_VERBS | OBJECT_CUES | frozenset(
    OBJECT_PREPOSITIONS)
# Verbs whose infinitive says what the subject did not do ("declined to predict", "refused
# to say"): a cue under one reports nothing. How far up a chain of infinitives the check
# climbs ("declined to be drawn into predicting" is two): the longest such chains seen.
REFUSAL_VERBS: frozenset[str] = frozenset({"decline", "refuse", "fail", "avoid", "neglect"})
MAX_REFUSAL_HOPS = 3
# Words that deny a statement through its subject or its coordination (general English
# negative determiners and pronouns): "neither of them would comment", "Nor do
# the pilots think", "nobody confirmed", "no official would say".
NEGATIVE_SUBJECTS: frozenset[str] = frozenset({"neither", "none", "nobody", "noone"})
NEGATIVE_DETERMINERS: frozenset[str] = frozenset({"neither", "no"})
NEGATIVE_COORDINATORS: frozenset[str] = frozenset({"nor", "neither"})
# Coordinators that let a negation or a refusal reach the next verb ("did not confirm or
# deny", "neither confirmed nor denied"); "but"/"and" start a statement of its own
# ("declined to name them but said ...").
ALTERNATIVE_WORDS: frozenset[str] = frozenset({"or", "nor"})
# Dependents of an object that belong to the announcement ("cuts over the next two winters",
# "the first generation of products"): everything to the object's right but these.
OBJECT_STOP_DEPS = frozenset({"punct", "cc", "conj", "advcl", "parataxis"})


def content_of(verb: Token, is_cue: Callable[[Token], bool],
               inverted: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """Character span of what ``verb`` reports, or None (``is_cue`` marks nested cues;
    ``inverted``: tokens that are subjects whatever their label, see ``find_quotes``)."""
    if _negated(verb):
        return None  # "did not say", "did not confirm": nothing was stated
    parts = _clauses(verb)
    if parts:
        return _clause_span(verb, parts, is_cue)
    if verb.dep_ == "parataxis":
        return _interrupted(verb, inverted)
    lemma = lemma_of(verb).lower()
    if lemma in STANCE_VERBS or lemma in DIRECTIVE_VERBS:
        found = _infinitive(verb)
        # "call" names its addressee with "on": "called Singh's house to let ..." phoned it
        addressee = (_directive_object(verb, found)
                     if found is not None and lemma not in ADDRESSEE_PREPOSITIONS else [])
        if found is not None and (lemma in STANCE_VERBS or addressee or _addressed(verb)):
            return _clause_span(verb, [*addressee, found], is_cue)
    if lemma in OBJECT_CUES or lemma in OBJECT_PREPOSITIONS:
        return _object_span(verb)
    return None


def is_deed(verb: Token) -> bool:
    """Whether what ``verb`` reports is a deed or a plan, not a statement: the infinitive of
    a verb of decision, agreement, intention or attempt ("agreed to charter two barges",
    "plans to sell its paint shop", "chose to move abroad") or the plain object of a
    rejection that is no claim ("rejected the merger offer"). The writer states what the
    subject did or means to do; no words of the subject's are reported. With a clause the
    verb reports one ("agreed that ...", "rejected claims that ...")."""
    lemma = lemma_of(verb).lower()
    if lemma not in DEED_VERBS and lemma not in SAID_OBJECT_VERBS:
        return False
    if _clauses(verb):
        return False
    if lemma in DEED_VERBS:
        return True
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    return obj is not None and not _said(obj)


def has_clause(verb: Token) -> bool:
    """Whether ``verb`` reports a clause, not just an infinitive or an object."""
    return bool(_clauses(verb))


def _clauses(verb: Token) -> list[Token]:
    """The verb's "that"-clauses, its object noun's ("expressed hope that"), its document's
    ("announced in a memo that"), and the object or infinitive reported beside them."""
    if lemma_of(verb).lower() in DESCRIPTIVE_CUES | JUDGING_CUES:
        return []  # "denounced what she called ...": a quoted fragment's cue, no clause
    found = []
    for c in verb.children:
        if c.dep_ != "ccomp":
            continue
        subject = _object_subject(verb, c) if _subjectless(c) else None
        if subject is not None:
            found += [t for t in (subject, c) if t not in found]
        elif not _gapped(verb, c):
            found.append(c)
    found += [c for c in [_noun_clause(verb), _document_clause(verb)] if c is not None]
    if not found:
        return []
    found += [c for c in [_contrast(verb, found)] if c is not None]
    lemma = lemma_of(verb).lower()
    if lemma in OBJECT_CUES:
        found += [c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
    if lemma in STANCE_VERBS:
        found += [c for c in [_infinitive(verb)] if c is not None]
    return _one_side(verb, sorted(found, key=lambda c: c.i))


def _gapped(verb: Token, clause: Token) -> bool:
    """ "The woman officers say is behind the fire": the clause's subject is the noun the cue's
    relative clause hangs on (the parser may read "woman officers" as one noun); a tensed
    clause without a subject of its own ("is behind the fire") says nothing about
    anyone."""
    return clause.tag_ in FINITE_TAGS and _subjectless(clause)


def _subjectless(clause: Token) -> bool:
    """Whether a clause has no subject of its own (tensed, or under a modal: "should not
    be postponed")."""
    tensed = clause.tag_ in FINITE_TAGS or any(
        c.dep_ == "aux" and c.tag_ == MODAL_TAG for c in clause.children)
    return tensed and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_ == "csubj" for c in clause.children)


def _object_subject(verb: Token, clause: Token) -> Token | None:
    """ "Lund has maintained the harbour vote should not be delayed": the parser
    reads the clause's subject as the cue's object, right before the subjectless clause;
    it is the clause's subject. "admitted that the share of ferries delayed in the storm
    was slightly greater ...": it hangs the subject's own clause ("ferries delayed
    ...") as a clause of the cue, right before the predicate; the two are one clause."""
    return next((c for c in verb.children if c.right_edge.i + 1 == clause.left_edge.i
                 and ((c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN"))
                      or (c.dep_ == "ccomp" and c.i < clause.i
                          and not _gapped(verb, c)))), None)


def _contrast(verb: Token, clauses: list[Token]) -> Token | None:
    """ "X said A, but B": B, a clause with its own subject that the parser hung on the cue
    after its reported clause. Not a verb that reports in turn ("but added that ...",
    "but believed ..."): that is a statement of its own."""
    last = max(c.i for c in clauses)
    if last < verb.i:
        return None
    for c in verb.children:
        if c.dep_ != "conj" or c.i <= last or c.pos_ not in ("VERB", "AUX"):
            continue
        joined = any(t.dep_ == "cc" and t.lower_ in CONTRAST_WORDS and last < t.i < c.i
                     for t in verb.children)
        reports = lemma_of(c).lower() in _REPORTING - JUDGING_CUES
        if joined and not reports and any(t.dep_ in SUBJECT_DEPS for t in c.children):
            return c
    return None


def _interrupted(verb: Token, inverted: frozenset[int]) -> tuple[int, int] | None:
    """ "A, he said, but B": the parser makes the cue a parenthesis (parataxis) of the
    clause it interrupts; what was said is that clause up to the cue. Only a clause with a
    subject of its own, and a cue with its own speaker."""
    clause = verb.head
    if clause.i >= verb.i or clause.pos_ not in ("VERB", "AUX") or not any(
            t.dep_ in SUBJECT_DEPS or t.i in inverted for t in clause.children) or not any(
            t.dep_ in ("nsubj", "nsubjpass") or t.i in inverted for t in verb.children):
        return None
    left = verb.left_edge.i
    return _span(strip_edges([t for t in clause.subtree if t.i < left]))


def _one_side(verb: Token, clauses: list[Token]) -> list[Token]:
    """What was said stands on one side of its cue: after it ("X stated that ..."), or before
    it when nothing follows ("..., X stated"). A clause before the cue of a verb that also
    reports one after it is framing that the parser hung on the verb ("Pressed on whether
    ... was raised, X stated that ..."), never part of the statement; taking both would also
    take the cue and its speaker, which stand between them."""
    after = [c for c in clauses if c.i > verb.i]
    return after or clauses


def _document_clause(verb: Token) -> Token | None:
    # "announced in an internal memo that ...": the clause hangs off the document noun.
    for prep in verb.children:
        for obj in prep.children if prep.dep_ == "prep" else ():
            if obj.dep_ == "pobj" and lemma_of(obj).lower() in DOCUMENT_NOUNS:
                return next((c for c in obj.children if c.dep_ in ("acl", "relcl") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    return None


def _directive_object(verb: Token, infinitive: Token) -> list[Token]:
    # "told airlines not to buy": the addressee belongs to the instruction.
    return [c for c in verb.children if c.dep_ == "dobj" and c.i < infinitive.i]


def _addressed(verb: Token) -> bool:
    # "called on the ministry to ...": the addressee after the verb's own preposition.
    prep = ADDRESSEE_PREPOSITIONS.get(lemma_of(verb).lower())
    return prep is not None and any(c.dep_ == "prep" and c.lower_ == prep and any(
        o.dep_ == "pobj" for o in c.children) for c in verb.children)


def _negated(verb: Token) -> bool:
    """Whether the verb's saying is denied: a negation of its own ("did not say"), a
    subject that names no one who said it ("neither of them would comment",
    "Neither club would say", "Not every driver agrees", "No official would confirm"), a
    "nor" ("Nor do the pilots think"), a question ("did not say whether the board picked Tarn":
    the choice is asked about, not stated), or an infinitive under a verb of refusal or
    under a negated verb ("declined to predict when ...", "refused to say whether ...",
    "would not want to guess"), also through "or" ("declined to confirm or rule out reports"):
    nothing was stated either way."""
    current = verb
    for _ in range(MAX_REFUSAL_HOPS):
        if _denied_here(current):
            return True
        if current.dep_ == "conj" and current.head.i != current.i and any(
                c.dep_ == "cc" and c.lower_ in ALTERNATIVE_WORDS and c.i < current.i
                for c in current.head.children):
            current = current.head  # "confirm or deny": the refusal or "not" covers both
            continue
        if current.dep_ != "xcomp" or current.head.i == current.i:
            return False
        current = current.head
        if lemma_of(current).lower() in REFUSAL_VERBS:
            return True
    return _denied_here(current)


def _denied_here(verb: Token) -> bool:
    """A "not", a "nor", a "whether" or a subject that denies, on ``verb`` itself."""
    for c in verb.children:
        if c.dep_ == "neg" or (c.lower_ in NEGATIVE_COORDINATORS and c.i < verb.i):
            return True
        if c.dep_ == "mark" and c.lower_ in QUESTION_MARKS - {"if"}:
            return True
        if c.dep_ in SUBJECT_DEPS and _negative_subject(c):
            return True
    return False


def _negative_subject(subject: Token) -> bool:
    """ "neither", "none", "nobody", "no one", "neither side", "no official", "not all
    X": a subject that says nobody (or not everyone) made the statement."""
    if subject.lower_ in NEGATIVE_SUBJECTS:
        return True
    return any((c.dep_ in ("det", "preconj") and c.lower_ in NEGATIVE_DETERMINERS)
               or c.dep_ == "neg" for c in subject.children)


def _noun_clause(verb: Token) -> Token | None:
    # "expressed hope that ..." / "voiced confidence that ...": the clause hangs off the noun.
    noun = cue_noun(verb)
    return _noun_clause_of(noun) if noun is not None else None


def cue_noun(verb: Token) -> Token | None:
    """The noun of a light-verb cue that carries its clause ("hope" in "expressed hope
    that ..."), or None."""
    for obj in verb.children:
        if obj.dep_ == "dobj" and lemma_of(obj).lower() in CUE_NOUNS and _noun_clause_of(obj):
            return obj
    return None


def _noun_clause_of(noun: Token) -> Token | None:
    return next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i),
                None)


def _infinitive(verb: Token) -> Token | None:
    # "plans to cut ...": an xcomp with its own "to" and no subject of its own.
    for c in verb.children:
        if c.dep_ == "xcomp" and c.i > verb.i and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
    return None


def _clause_span(verb: Token, clauses: list[Token],
                 is_cue: Callable[[Token], bool]) -> tuple[int, int] | None:
    if any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS
           for c in clauses for m in c.children):
        return None  # "asked whether ...", "avoided predicting whether ...": no statement
    # the clauses' own side of the cue only: a span across the cue would hold its speaker
    at = verb.i
    after = clauses[0].i > at
    clauses = _without_other_reports(clauses, is_cue)
    inner: dict[int, Token] = {}
    for c in clauses:
        for t in c.subtree:
            i = t.i
            if i == at or (i > at) != after or (
                    t.dep_ == "mark" and t.head.i == c.i and i == c.left_edge.i):
                continue
            inner[i] = t
    cut = {t.i for tok in inner.values() for t in _cue_conj(tok, clauses, is_cue)}
    tokens = strip_edges(sorted((t for i, t in inner.items() if i not in cut),
                                key=lambda t: t.i))
    if tokens and tokens[0].tag_ == "VBG" and is_cue(tokens[0]):
        tokens = strip_edges(tokens[1:])  # "he adds, noting (that) ...": what is noted
    if after:
        tokens = _without_next_subject(tokens)
    return _span(tokens)


def _without_other_reports(clauses: list[Token], is_cue: Callable[[Token], bool]) -> list[Token]:
    """ "The port said the ferries would sail on; the union's leader Ana Vik called the
    decision 'reckless'": the parser may hang a second speaker's report on the cue as one
    more of its clauses. A clause after the first that is a speech verb with a subject of
    its own, or holds one set against the first ("..., while the ministry maintains the
    stocks are low"), is that speaker's statement, not part of this one."""
    first = min(clauses, key=lambda c: c.i)
    if first.dep_ != "ccomp":
        return clauses  # "announced donations: Facebook pledged ...": the object says little
    return [c for c in clauses if c.i == first.i or not (
        _next_report(c, is_cue) or any(_contrasting_cue(t, is_cue) for t in c.subtree))]


def _next_report(clause: Token, is_cue: Callable[[Token], bool]) -> bool:
    """A speech verb with a named subject of its own ("the union's leader Ana Vik called"),
    set off from the clause before by a semicolon, a colon or a conjunction: a pronoun
    ("a step she said ...") is most often the same speaker, and a verb the parse finds
    inside a name ("Don't Stop Me Now") follows no such mark."""
    subjects = [t for t in clause.children if t.dep_ in ("nsubj", "nsubjpass")]
    if not is_cue(clause) or not subjects or any(t.pos_ == "PRON" for t in subjects):
        return False
    doc, left = clause.doc, clause.left_edge.i
    # the mark may be the clause's own first token, or the one before it
    return any(doc[i].text in (";", ":") or doc[i].dep_ == "cc"
               for i in (left, left - 1) if 0 <= i < clause.i)


def _contrasting_cue(tok: Token, is_cue: Callable[[Token], bool]) -> bool:
    """A speech verb with a subject and a clause of its own under a contrasting
    subordinator: ", while the ministry maintains ...", "though officials later said ..."
    (not "although others are adding capacity": no one's statement; nor "although they
    cautioned ...": a pronoun is most often the same speaker going on)."""
    return (is_cue(tok) and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
                                for c in tok.children)
            and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in tok.children)
            and (any(c.dep_ == "ccomp" for c in tok.children)
                 # "while the ministry maintains the stocks are low", parsed the other way
                 # round: the clause after the verb is the verb's head
                 or (tok.head.i > tok.i and tok.head.pos_ in ("VERB", "AUX")
                     and any(c.dep_ in SUBJECT_DEPS for c in tok.head.children))))


def _without_next_subject(tokens: list[Token]) -> list[Token]:
    """ "The ministry said the quota stands, and the fishermen's union, Fiskarlag, said ...":
    the parser may end the reported clause on the noun phrase that is the next verb's
    subject (it hangs the next speaker's "said" outside). Reported content that ends on a
    verbless phrase after ", and" (or ", but"), right before a verb outside the content with
    no subject of its own on its left, stops before that conjunction: the phrase starts
    another clause."""
    if not tokens:
        return tokens
    doc = tokens[0].doc
    nxt = tokens[-1].i + 1
    while nxt < len(doc) and doc[nxt].is_punct and doc[nxt].text in (",", ";", "—", "–", "-"):
        nxt += 1
    if nxt >= len(doc) or doc[nxt].pos_ not in ("VERB", "AUX") or doc[nxt].sent != tokens[-1].sent:
        return tokens
    verb = doc[nxt]
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i and c.i > tokens[-1].i
           for c in verb.children) or any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tokens[0].i
                                          for c in verb.children):
        return tokens
    for k in range(len(tokens) - 1, 0, -1):
        tok = tokens[k]
        if tok.pos_ in ("VERB", "AUX"):
            return tokens  # the last clause has a verb: a clause of its own, kept
        if (tok.dep_ == "cc" and tok.lower_ in ("and", "but")
                and tokens[k - 1].text in (",", ";")):
            return strip_edges(tokens[:k])
    return tokens


def _cue_conj(tok: Token, clauses: list[Token], is_cue: Callable[[Token], bool]) -> Iterable[Token]:
    # "... that X, and stated that Y": the second cue is its own statement.
    if tok.dep_ == "conj" and tok not in clauses and is_cue(tok):
        return list(tok.subtree)
    # "... that X, while the ministry maintains Y": another speaker's view set against it
    if tok.dep_ == "advcl" and tok not in clauses and _contrasting_cue(tok, is_cue):
        return list(tok.subtree)
    return ()


def _object_span(verb: Token) -> tuple[int, int] | None:
    obj = None
    if lemma_of(verb).lower() in OBJECT_CUES:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        obj = _prepositional_object(verb)
    if obj is None or obj.pos_ == "PRON":
        return None  # "announced it", "confirmed this": the content is elsewhere
    keep = {t.i: t for c in verb.children if c.i >= obj.i and c.dep_ not in OBJECT_STOP_DEPS
            for t in c.subtree}
    keep.update((t.i, t) for t in obj.subtree)
    return _span(strip_edges(sorted(keep.values(), key=lambda t: t.i)))


def _said(obj: Token) -> bool:
    """Whether an object is something said: a noun for one ("the claims") or a noun that
    carries a clause ("claims that the yard would close ...")."""
    return lemma_of(obj).lower() in SAID_NOUNS or any(
        c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that"
                                           for m in c.children) for c in obj.children)


def _prepositional_object(verb: Token) -> Token | None:
    prep = OBJECT_PREPOSITIONS.get(lemma_of(verb).lower())
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == prep and c.i > verb.i:
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def _span(tokens: list[Token]) -> tuple[int, int] | None:
    if len(tokens) < MIN_CONTENT_TOKENS:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def strip_edges(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].text in EDGE_PUNCT or tokens[0].lower_ == "that"
                      or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in EDGE_PUNCT or tokens[-1].dep_ == "cc"
                      or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens
