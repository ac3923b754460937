"""A speaker phrase -> an article-local mention cluster (``Mention.key``).

Names resolve through the mentions that overlap the phrase; pronouns through the speakers
already seen; role descriptions through a ROLE mention or, failing that, the person the
article gives that title. Outlets are recognised so that "the Tarn Ledger reported" yields a
source, never a speaker. When nothing fits the speaker stays unknown: no guess. How a
speaker was found is kept (``SpeakerFrom``): a pronoun's or a title's person is the
article's most likely one, not one the sentence names, and views say so.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from ...records import Article, Mention
from ...text import fold
from .. import names
from ..model import common_word, lemma_of
from . import parse
from .cues import DOCUMENT_NOUNS, GROUP_PRONOUNS, OUTLET_WORDS, PERSON_PRONOUNS, ROLE_NOUNS

# Nouns for what someone writes or publishes, whose author speaks through them ("a
# statement by X said", "according to figures released by X"): the documents a speaker's
# words come in (``DOCUMENT_NOUNS``) and the findings an organisation publishes (general
# English nouns for reports and numbers).
AUTHORED_NOUNS = DOCUMENT_NOUNS | frozenset({
    "report", "study", "survey", "poll", "figure", "data", "estimate", "analysis",
    "forecast", "document", "filing", "announcement", "notice", "memorandum", "communique",
})
# Participles whose agent wrote or issued what the noun names ("released by", "written
# by"), not one who came by it ("obtained by the Tarn Ledger", "received by the union").
AUTHORING_VERBS = frozenset({
    "release", "issue", "give", "publish", "write", "compile", "sign", "send", "prepare",
    "produce", "post", "deliver", "draft", "author", "present", "make", "put", "conduct",
    "carry",
})
# Common nouns for an organisation by its trade ("the firm", "the airline"): general
# English, for an organisation the article described so ("X, a research firm").
ORGANISATION_NOUNS = frozenset({
    "firm", "company", "group", "airline", "carrier", "bank", "agency", "manufacturer",
    "maker", "retailer", "insurer", "lender", "regulator", "union", "association",
    "organisation", "organization", "institute", "charity", "foundation", "studio",
    "automaker", "developer", "operator", "supplier", "producer", "publisher",
    "distributor", "chain", "utility", "consultancy", "startup", "conglomerate",
})
# Who may author one: a person, a description tied to one, an organisation.
AUTHOR_LABELS = frozenset({"PERSON", "TITLED", "ORG"})
# Nouns for a person by how they stand to others: a name in apposition to one may be
# theirs ("a friend of the victim, Jo Lee"), not the speaker's.
PERSON_NOUNS = frozenset({
    "victim", "friend", "relative", "neighbour", "neighbor", "colleague", "client",
    "patient", "student", "child", "son", "daughter", "wife", "husband", "mother", "father",
    "brother", "sister", "man", "woman", "boy", "girl", "person", "suspect", "defendant",
    "partner", "boss", "employee", "worker", "customer", "passenger", "pilot", "driver",
})
# Preference among overlapping mentions: a name beats a role, a role beats an organisation.
LABEL_RANK: dict[str, int] = {"PERSON": 0, "TITLED": 1, "ROLE": 2, "ORG": 3, "NORP": 4, "GPE": 5}
# Mentions that describe a person ("the Norlander leader", "Harbour Board Chair Ana Vik")
# rather than name them: they resolve a speaker but never give the name.
DESCRIPTION_LABELS = frozenset({"ROLE", "TITLED"})
# spaCy's label for nationalities, religious and political groups: a word for a kind of
# person ("the Tarnside Liberal", "a Socialist", "Norlanders"), so a speaker it
# gives is described, never named, as "the company" and "police" are (``SpeakerIndex.group``:
# a surname the model labels so, "Carney said", stays a name).
GROUP_LABELS = frozenset({"NORP"})
PERSON_LABELS = frozenset({"PERSON"}) | DESCRIPTION_LABELS
# Labels of what is no person: a name the article also writes with one of them is a
# place's, an organisation's or a people's, whatever label one mention of it has.
THING_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})
# spaCy entity labels that can speak, for the fallback used when no mentions are passed.
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Mention labels a speaker can have: people, descriptions of people, and the organisations,
# groups and states they speak for. A title (WORK_OF_ART, LAW), a place, a product or an
# event never speaks, whatever verb the parser hangs it under.
SPEAKING_LABELS = SPEAKER_LABELS | DESCRIPTION_LABELS
# Words that stand for someone without naming them, and the placeholders of empty values:
# never a speaker's name on their own.
NAMELESS_WORDS = PERSON_PRONOUNS | GROUP_PRONOUNS | frozenset({
    "i", "me", "we", "us", "you", "who", "whom", "this", "that", "these", "those", "one",
    "someone", "somebody", "anyone", "nobody", "none", "null", "nan", "unknown", "n a",
})
# The label the model gives titles, and the marks that close a quotation: a "title" right
# after one (a comma and spaces between at most) is the speaker's name.
WORK_LABEL = "WORK_OF_ART"
CLOSING_MARKS = ('"', "”", "’", "'", "»")
STRAIGHT_MARKS = frozenset({'"', "'"})  # marks that open a quotation as well as close one
# English copy's mark that only opens a quotation, and the marks that close it: pages
# close a curly mark with a straight one now and then ('“... in her skull," the office
# said'). French and German pages turn guillemets and low-high marks either way round.
OPENING_MARK = "“"
CLOSING_CURLY = re.compile(r"[”\"]")
QUOTE_GAP_CHARS = 3
# Words that may open a role description without naming anyone ("the", "his", "former").
ROLE_FILLERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "former",
                          "then", "acting", "top", "senior", "s"})
# Pairs of marks a name holds balanced, if at all ('Dwayne "The Rock" Johnson').
BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"), ("“", "”"), ("«", "»"), ("‹", "›"))
# Honorifics and title words that open a name span but are no part of the name.
TITLE_WORDS = frozenset({"mr", "mrs", "ms", "dr", "sir", "u.s", "us", "prime", "vice"})
# Abbreviated titles in news copy ("Sen. Tim Kaine"), for matching "the senator" to them.
TITLE_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "pres": "president", "sec": "secretary", "amb": "ambassador", "atty": "attorney",
    "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant",
    "det": "detective", "insp": "inspector", "supt": "superintendent", "prof": "professor",
    "cmdr": "commander", "adm": "admiral",
}
# Forms of address written short that a name follows ("Dr. Okafor", "Mrs. Dahl").
ADDRESS_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "rev", "fr", "hon"})
# Words that say a person is a man or a woman when they stand in the title before the
# name or in a description of the person ("Mrs. Dahl", "the spokeswoman"); a pronoun
# never stands for a person the article marks as the other.
MALE_WORDS = frozenset({"mr", "sir", "king", "prince", "lord", "spokesman", "chairman",
                        "congressman", "businessman", "father", "son", "brother", "husband"})
FEMALE_WORDS = frozenset({"mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess",
                          "spokeswoman", "chairwoman", "congresswoman", "businesswoman",
                          "mother", "daughter", "sister", "wife", "actress"})
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
# Pronouns that say the gender of the one person a sentence has named before them ("Lacking
# the rights to Jo Lee's work, still smarting from his death"): the possessives and the
# reflexives ("her" only as a possessive: as an object it is someone else, see OBJECT_FORMS).
GENDERED_POSSESSIVES = {"his": "m", "himself": "m", "hers": "f", "herself": "f"}
# The object forms of the person pronouns: in a clause's own arguments an object pronoun is
# never its subject ("Brexit came as a blow to him, he says": whoever "he" is, not Brexit).
OBJECT_FORMS = {"he": "him", "she": "her", "they": "them"}
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj", "obj", "obl"})
# Nouns that say what a person is when the text predicates them of the name ("Vik is one
# of the first two Tarnian women", "Jo Lee, a grandmother of five"): the words above and
# the plain nouns for a man or a woman, which before a name are no title ("Spider-Man").
MALE_NOUNS = MALE_WORDS | frozenset({"man", "boy", "grandfather", "uncle", "nephew",
                                     "boyfriend", "widower", "gentleman"})
FEMALE_NOUNS = FEMALE_WORDS | frozenset({"woman", "girl", "grandmother", "aunt", "niece",
                                         "girlfriend", "widow"})
# "they"/"them" (not "it"), and the tags of plural nouns: a plural subject between a group
# speaker and "they" may be who "they" are.
PLURAL_PRONOUNS = frozenset({"they", "them"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Dependencies that make a name the subject of its clause, for pronouns to look back at.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A relative clause (and a participle's) on a noun: its subject is no antecedent of a later
# pronoun ("Jo Lee, a Democrat whose district Trump won, voiced frustration. He said":
# the sentence is about Jo Lee, not the clause's Trump).
RELATIVE_DEPS = frozenset({"relcl", "acl"})
# Most sentences a pronoun's chain is followed back over, to the subject it continues
# ("Lund ... She had ... she held ... she said"): three is as far back as a reader keeps
# one person in view without a name.
CHAIN_SENTENCES = 3
# Dependencies on the way from a name up to a speaker phrase's head that make the name a
# modifier of the phrase ("a friend of X's assassin", "a spokesman for X").
MODIFIER_PATH_DEPS = frozenset({"prep", "pobj", "poss", "compound"})
# Dependencies of a name that modifies a noun rather than standing for someone.
MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod"})
# Dependencies on the way from a name up to a noun it stands before and qualifies ("the
# Vell administration", "the prize-winning director": compound, amod, npadvmod).
QUALIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod"})
# A paragraph that opens on a quotation mark (group 1), its words (group 2), and for each
# opening mark the mark that closes it: a straight or right single quote only where no
# letter follows it (an apostrophe: "we've", "Jones’s").
PARAGRAPH = re.compile(r"^[ \t]*([\"“'‘«„])([^\n]*)", re.MULTILINE)
PARAGRAPH_CLOSE = {
    '"': re.compile(r'"'), "“": re.compile(r"[”\"]"), "„": re.compile(r"[“”]"),
    "«": re.compile(r"»"), "'": re.compile(r"'(?![^\W\d_])"),
    "‘": re.compile(r"’(?![^\W\d_])"),
}
# How far before a name a title may stand and still be that person's ("Harbour Board
# Chair Ana Vik"): long enough for a three-word title, short of the previous clause.
TITLE_WINDOW_CHARS = 40
# Distinct texts whose ``is_name`` verdict is kept: the 926 texts of the 1k bench ask
# about ~7k (of ~100k calls); a bound keeps a long run's memory flat.
NAME_CACHE_SIZE = 16384


class SpeakerFrom(StrEnum):
    """How a statement's speaker was found (``Quote.speaker_from``); the value is what the
    store and the exports carry."""

    NAMED = "named"  # the cue's subject names them, or a description the article ties to them
    PRONOUN = "pronoun"  # "he said": the nearest earlier speaker or subject who fits
    TITLE = "title"  # "the minister said": the one person the article gives that title
    CONTINUED = "previous statement"  # no cue of its own: the speaker just before


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a statement is attributed to; ``key`` None when the phrase resolves to no one.
    ``by`` says how the phrase led to them."""

    mention: str
    key: str | None = None
    name: str | None = None
    outlet: bool = False
    by: SpeakerFrom = SpeakerFrom.NAMED


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def folded(text: str) -> str:
    """``fold``, kept per distinct text: an article names the same people, titles and
    outlets again and again (the gender, surname and outlet checks asked ~60k times over
    the 926 bench texts, for a fraction of that many distinct texts)."""
    return fold(text)


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def is_name(text: str) -> bool:
    """Whether ``text`` can be shown as who spoke: not a pronoun or placeholder, not a role
    word alone ("the minister"), not a fragment cut across brackets or quotation marks.
    A verdict on the text alone, kept per distinct text: an article asks it of each
    mention twice and of each speaker, and its names recur."""
    words = fold(text).split()
    acronym = text.strip(" .").isupper() and len(text.strip(" .")) > 1  # "WHO", "US"
    if not words or (" ".join(words) in NAMELESS_WORDS and not acronym):
        return False
    if not any(c.isupper() for c in text):
        return False
    if all(w in ROLE_NOUNS or w in names.ROLE_NOUNS or w in ROLE_FILLERS
           or (w in TITLE_ABBREVIATIONS and not acronym) for w in words):
        return False  # "the minister", "Sgt": a title alone names nobody
    if text.count('"') % 2 or "„" in text:
        return False
    return all(text.count(a) == text.count(b) for a, b in BRACKETS)


def _given_name(name: str) -> str | None:
    """The folded first word of a person's full name, after any title ("Dr. Jo Lee" ->
    'jo'); None for a one-word name, which may as well be a surname ("Jordan said")."""
    words = [w for w in folded(name).split()
             if w not in names.PERSON_ADDRESS and w not in names.TITLE_MODIFIERS
             and w not in names.ROLE_NOUNS]
    return words[0] if len(words) >= 2 else None


def _after_quote(m: Mention, text: str) -> Mention:
    """ '..." Russell said': the model reads a name right after a closing quotation mark as
    a title (WORK_OF_ART); there it is the speaker's name. A straight mark after a space
    opens a quotation ('argued a "Harbour Plan" drafted for ...'): what follows it is the
    title it reads."""
    before = text[max(0, m.start - QUOTE_GAP_CHARS - 1):m.start].rstrip(" ,")
    opening = (before.endswith(tuple(STRAIGHT_MARKS))
               and (len(before) < 2 or before[-2].isspace()))
    closing = before.endswith(CLOSING_MARKS) and not opening
    if m.label == WORK_LABEL and closing and is_name(m.text):
        return replace(m, label="PERSON")
    return m


def fallback_mentions(doc: Doc, article: Article) -> list[Mention]:
    """Name mentions from spaCy's own entities, clustered by their last word (surname)."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in SPEAKER_LABELS:
            continue
        start, text = _untitled(ent.start_char, re.sub(r"(’s|'s)$", "", ent.text).strip())
        words = fold(text).split()
        if not words or "\n" in text:
            continue
        out.append(Mention(article.id, start, start + len(text), text, ent.label_,
                           f"~{words[-1]}"))
    return out


def _untitled(start: int, text: str) -> tuple[int, str]:
    # "President Ola Vell" -> "Ola Vell": titles are roles, not names.
    while True:
        first, _, rest = text.partition(" ")
        if not rest or first.lower().strip(".") not in ROLE_NOUNS | TITLE_WORDS:
            return start, text
        start, text = start + len(first) + 1, rest


class SpeakerIndex:
    """The article's mentions, arranged for speaker look-ups."""

    def __init__(self, mentions: Iterable[Mention], article: Article,
                 quoted: Sequence[tuple[int, int]] = (),
                 inverted: frozenset[int] = frozenset(), doc: Doc | None = None) -> None:
        self.article = article
        self.doc = doc  # the parse, for what the text predicates of a name (its gender)
        mentions = [_after_quote(m, article.text) for m in mentions]
        self.mentions = sorted((m for m in mentions if m.label in SPEAKING_LABELS
                                and (m.label == "ROLE" or is_name(m.text))),
                               key=lambda m: (m.start, m.end))
        # What statements say: a name inside it is no antecedent of the next speaker
        # ("According to Tarn, Vell called Moss. 'He agreed,' he said": he is Tarn).
        self.quoted = [*quoted, *quoted_paragraphs(article.text)]
        self.inverted = inverted  # subjects the parse labels otherwise (French inversion)
        self.labels: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.surnames: dict[str, str | None] = {}
        self.genders: dict[str, str] = {}  # key -> "m", "f" or "?" (marked both ways)
        self.name_genders: dict[str, str] = {}  # the same, from given names (weaker)
        # surname -> (key, "Given Surname") of a full name the model read inside a title
        # or an organisation's name ("Tarn County Executive Ed Moss"); None: two such
        self.embedded: dict[str, tuple[str, str] | None] = {}
        self.embedded_keys: set[str] = set()
        self.described: dict[tuple[int, int], str | None] = {}  # description -> person
        self.titled: dict[str, list[Mention]] = {}  # title -> the mentions it titles
        self.windows: list[tuple[Mention, str]] | None = None
        self.starts = [m.start for m in self.mentions]
        self.sentences: list[int] = []  # token index of each sentence's start, then the end
        self.pronouns: list[int] | None = None  # token indices of gendered pronouns
        for m in self.mentions:
            self._note(m)
        self.things = _things(mentions, self.mentions)

    def _note(self, m: Mention) -> None:
        if m.label not in SPEAKING_LABELS or (not is_name(m.text) and m.label != "ROLE"):
            return
        if m.label == "PERSON":
            last = folded(m.text).split()[-1]
            known = self.surnames.setdefault(last, m.key)
            if known != m.key:
                self.surnames[last] = None  # two people share it: no guessing between them
        if m.label != "PERSON":
            self._note_embedded(m)
        if m.label == "PERSON" or m.key not in self.labels:
            self.labels[m.key] = m.label
        self._note_gender(m)
        best = self.names.get(m.key)
        if (m.label not in DESCRIPTION_LABELS and (best is None or len(m.text) > len(best))
                and not self.group(m)):
            self.names[m.key] = m.text

    def _note_embedded(self, m: Mention) -> None:
        """A given name and a capitalised surname closing a longer title or name ("County
        Executive Ed Moss"): the person's name, for "Moss said" later, where the model gave
        the whole phrase another label."""
        words = m.text.split()
        if len(words) < 3 or not words[-1][:1].isupper() or not words[-2][:1].isupper():
            return
        given, last = fold(words[-2]), fold(words[-1])
        if not names.is_given_name(given) or not last.isalpha():
            return
        seen = self.embedded.setdefault(last, (m.key, " ".join(words[-2:])))
        if seen is not None and seen[0] != m.key:
            self.embedded[last] = None

    def by_embedded(self, word: str) -> tuple[str, str] | None:
        """The (key, name) of the one full name ending in ``word`` that the article gives
        inside a longer title or name, when it names no person so (``_note_embedded``).
        Asked of a speaker's bare surname ("Day said"), which makes the key a person's."""
        last = fold(word)
        found = None if last in self.surnames else self.embedded.get(last)
        if found is not None:
            # from here on the key is that person's: "he" may stand for them, by that name
            self.embedded_keys.add(found[0])
            self.names[found[0]] = found[1]
        return found

    def group(self, m: Mention) -> bool:
        """Whether a mention is a word for a kind of person, not a name: a NORP mention in
        the plural ("Democrats", "the Dems") or whose every word the lemmatizer lists as a
        common word ("the Tarnside Liberal", "a Socialist"). A singular word it does
        not list is a surname the model took for a group ("Carney said")."""
        if m.label not in GROUP_LABELS:
            return False
        if self.doc is None:
            return True
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return ((span is not None and span.root.tag_ in PLURAL_TAGS)
                or all(common_word(self.doc, w) for w in folded(m.text).split()))

    def _note_gender(self, m: Mention) -> None:
        before = self.article.text[max(0, m.start - TITLE_WINDOW_CHARS):m.start]
        words = set(folded(m.text).split())
        if m.label == "PERSON":
            words |= set(fold(before).split()[-2:])  # "Mrs. Dahl", "Chairwoman Liv Dahl"
        span = (self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if self.doc is not None and m.label == "PERSON" else None)
        nouns = self._predicated(span)
        for gender, marks, more in (("m", MALE_WORDS, MALE_NOUNS),
                                    ("f", FEMALE_WORDS, FEMALE_NOUNS)):
            if words & marks or nouns & more:
                self._mark(m.key, gender)
        said = self._possessive_after(m, span) if span is not None else None
        if said is not None:
            self._mark(m.key, said)
        given = _given_name(m.text) if m.label == "PERSON" else None
        by_name = names.given_name_gender(given) if given is not None else None
        if by_name is not None:
            self._mark(m.key, by_name, self.name_genders)

    def _possessive_after(self, m: Mention, span: Span) -> str | None:
        """The gender a possessive or reflexive pronoun after a person's name says of them,
        where that person is the only one its sentence names up to it and it is the first
        person pronoun of the sentence after the name, outside the name's own phrase and
        what someone said ("Lacking the rights to Jo Lee's work, still smarting from his
        death" marks Jo Lee a man; "said Jo Lee, one of his editors" does not)."""
        doc = span.doc
        if self.pronouns is None:  # the sentences and person pronouns, read once
            self.sentences = [s.start for s in doc.sents] + [len(doc)]
            wanted = [doc.vocab.strings.add(w) for w in (*PRONOUN_GENDER,
                                                         *GENDERED_POSSESSIVES)]
            self.pronouns = np.flatnonzero(np.isin(doc.to_array(LOWER), wanted)).tolist()
        k = bisect.bisect_right(self.sentences, span.start) - 1
        first, last = self.sentences[k], self.sentences[k + 1]
        j = bisect.bisect_left(self.pronouns, first)
        if j == len(self.pronouns) or self.pronouns[j] >= last:
            return None
        root = span.root
        own = range(root.left_edge.i, root.right_edge.i + 1)
        while j < len(self.pronouns) and self.pronouns[j] < last:
            tok = doc[self.pronouns[j]]
            j += 1
            if tok.i in own and tok.i < span.end:
                continue
            said = GENDERED_POSSESSIVES.get(tok.lower_)
            if said is None and tok.lower_ == "her" and tok.dep_ == "poss":
                said = "f"
            if (said is None or tok.i < span.start or tok.i in own
                    or any(a <= tok.idx < b for a, b in self.quoted)):
                return None  # a subject or object pronoun first, or one of its own phrase
            others = self._person_starts(doc[first].idx, tok.idx)
            # a subject the model labelled no one may be who the pronoun is ("Chela spoke
            # before Hickok ruled, addressing her husband's killer")
            bare = any(t.dep_ in SUBJECT_DEPS and t.pos_ == "PROPN" and t.i not in own
                       for t in doc[first:tok.i])
            return said if not bare and all(k == m.key for k in others) else None
        return None

    def _person_starts(self, start: int, end: int) -> list[str]:
        """The keys of the person mentions (names or descriptions) between two offsets."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].label in PERSON_LABELS:
                out.append(self.mentions[i].key)
            i += 1
        return out

    def _mark(self, key: str, gender: str, marks: dict[str, str] | None = None) -> None:
        marks = self.genders if marks is None else marks
        seen = marks.setdefault(key, gender)
        if seen != gender:
            marks[key] = "?"  # marked both ways: no evidence either way

    def _predicated(self, span: Span | None) -> set[str]:
        """The nouns the text predicates of a person's name, lower case and lemmatised: a
        subject's complement ("Vik is one of the first two Tarnian women") and a noun in
        apposition either way ("Jo Lee, a grandmother of five", "his wife, Jo Lee")."""
        if span is None:
            return set()
        root, found = span.root, []
        if root.dep_ in SUBJECT_DEPS and lemma_of(root.head).lower() == "be":
            found += [c for c in root.head.children if c.dep_ == "attr"]
        found += [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            found.append(root.head)
        # "one of the ... women": the noun the pronoun "one" picks from
        found += [g for c in found if c.lower_ == "one" for p in c.children
                  if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                  if g.dep_ == "pobj"]
        return {w for c in found if c.pos_ == "NOUN" for w in (c.lower_, lemma_of(c).lower())}

    def fits(self, key: str, pronoun: str) -> bool:
        """Whether ``pronoun`` can stand for ``key``: no mark of the other gender (from the
        text, else from the person's given name), and no "he" or "she" for a place or an
        organisation the model once took for a person."""
        if pronoun in PRONOUN_GENDER and key in self.things:
            return False
        # what the text says of the person first, else what their given name says
        gender = self.genders.get(key) or self.name_genders.get(key, "?")
        wanted = PRONOUN_GENDER.get(pronoun, "?")
        return "?" in (gender, wanted) or gender == wanted

    def overlapping(self, start: int, end: int) -> list[Mention]:
        found = [m for m in self.mentions if m.start < end and m.end > start]
        return sorted(found, key=lambda m: (LABEL_RANK.get(m.label, 9), -(m.end - m.start)))

    def is_person(self, key: str | None) -> bool:
        """A person's key, or that of a title or a name with a person's full name at its
        end that a speaker's bare surname was read as ("County Executive Ed Moss ... Moss
        said": ``by_embedded``)."""
        return key is not None and (self.labels.get(key) in PERSON_LABELS
                                    or key in self.embedded_keys)

    def name(self, key: str) -> str | None:
        return self.names.get(key)

    def by_surname(self, word: str) -> str | None:
        """The one person of the article whose name ends in ``word`` ("Abedin")."""
        return self.surnames.get(fold(word))

    def named(self, m: Mention) -> str | None:
        """The named person ``m`` stands for: its own cluster's, or for a description the
        article ties to nobody ("the Prime Minister"), the person it gives that title."""
        if not self.is_person(m.key):
            return None
        if m.key in self.names:
            return m.key
        if (m.start, m.end) not in self.described:  # each description looked up once
            words = fold(m.text).split()
            while words and words[0] in ROLE_FILLERS:
                words = words[1:]
            self.described[m.start, m.end] = (self.titled_person(" ".join(words), m.start)
                                              if words else None)
        return self.described[m.start, m.end]

    def last_subject_before(self, pos: int, doc: Doc,
                            pronoun: str = "") -> tuple[str, int] | None:
        """The last named person who is a clause's subject before ``pos`` (by name or by a
        description the article ties to the name) and whom ``pronoun`` fits, and where."""
        bare = self._bare_subject_before(pos, doc, pronoun)
        for m in reversed([m for m in self.mentions if m.end <= pos]):
            if bare is not None and m.end <= bare[1]:
                break
            if any(a <= m.start < b for a, b in self.quoted):
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not _is_subject(span.root, self.inverted):
                continue
            key = self.named(m)
            if key is not None and self.fits(key, pronoun) and _can_be_antecedent(span,
                                                                                  pronoun):
                return key, m.start
        return bare

    def _bare_subject_before(self, pos: int, doc: Doc,
                             pronoun: str) -> tuple[str, int] | None:
        """A subject the model labelled no one, in the pronoun's own sentence (before it),
        the sentence before or one before a run of sentences whose subject is the same
        pronoun (``_chain_start``): a surname ("Lindqvist, however, is counting on ... '...,' he
        says"), the article's one person of that name; a title ("the Prime Minister praised
        the crew. He also said"), the person the article gives it."""
        at = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if at is None:
            return None
        start = _chain_start(at[0], pronoun)
        for tok in reversed(doc[start:at[0].i]):
            if (not _is_subject(tok, self.inverted) or tok.head.dep_ in RELATIVE_DEPS
                    or any(a <= tok.idx < b for a, b in self.quoted)
                    or any(m.start <= tok.idx < m.end for m in self.mentions)):
                continue
            key = (self.by_surname(tok.text)
                   if tok.pos_ == "PROPN" and tok.text[:1].isupper() else None)
            if (key is None and lemma_of(tok).lower() in ROLE_NOUNS
                    and tok.tag_ not in PLURAL_TAGS and doc[tok.left_edge.i].lower_ == "the"):
                key = self.titled_person(_title(tok), tok.idx)
            if key is not None and self.fits(key, pronoun):
                return key, tok.idx
        return None

    def rival_before(self, key: str, pos: int, sent_start: int, doc: Doc,
                     pronoun: str) -> bool:
        """Whether another named person whom ``pronoun`` fits is mentioned between
        ``sent_start`` and ``pos`` (outside what someone said), where ``key`` is not, as
        someone, not as a modifier ("the Vell rule", "Moss's friends")."""
        since = self.last_seen(key, pos)
        if since >= sent_start:
            return False  # named in the sentence: the parse's subject rules decide
        for m in self.mentions:
            if m.start >= pos:
                break
            if m.start < sent_start or any(a <= m.start < b for a, b in self.quoted):
                continue
            other = self.named(m)
            if other is None or other == key or not self.fits(other, pronoun):
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.dep_ not in MODIFIER_DEPS:
                # "He has spoken with Tomas ..., and he insisted": the same pronoun as
                # subject before the other name carries the sentence's person on
                return not any(t.lower_ == pronoun and t.dep_ in SUBJECT_DEPS
                               for t in doc[doc[span.root.i].sent.start:span.start])
        return False

    def plural_subject_since(self, key: str, pos: int, doc: Doc) -> bool:
        """Whether a plural subject or an organisation other than ``key`` ("the unions",
        "Brandt and the council", "Harbourton Airlines") stands between ``key``'s last
        mention and ``pos``, outside quotations."""
        since = self.last_seen(key, pos)
        at = doc.char_span(max(since, 0), pos, alignment_mode="expand")
        if since < 0 or at is None:
            return False
        own = [(m.start, m.end) for m in self.mentions if m.key == key]
        for tok in at:
            if (tok.idx >= pos or tok.dep_ not in SUBJECT_DEPS
                    or any(a <= tok.idx < b for a, b in [*self.quoted, *own])):
                continue
            if (tok.tag_ in PLURAL_TAGS or any(c.dep_ == "conj" for c in tok.children)
                    or self._organisation_at(tok.idx, key)):
                return True
        return False

    def _organisation_at(self, pos: int, key: str) -> bool:
        """Whether an organisation or a people other than ``key`` is named at ``pos``
        ("Harbourton Airlines will display the jet they intend to fly": a firm is "they"
        as often as a plural noun is)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and self.mentions[i].start > pos - TITLE_WINDOW_CHARS:
            m = self.mentions[i]
            if m.start <= pos < m.end and m.key != key and m.label in ("ORG", "NORP"):
                return True
            i -= 1
        return False

    def last_seen(self, key: str, pos: int) -> int:
        """Where ``key`` was last mentioned before ``pos`` (-1: not before it)."""
        return max((m.start for m in self.mentions if m.key == key and m.end <= pos), default=-1)

    def titled_person(self, title: str, before: int) -> str | None:
        """The person the article gives ``title``: named right after it ("Board Chair
        Ana Vik", "Sen. Ola Vell") or described by it ("Vik, the harbour board
        chair"); the last such person before ``before``, else the first after it."""
        if title not in self.titled:
            pattern = re.compile(rf"\b{re.escape(title)}\b")
            self.titled[title] = [m for m, window in self._title_windows()
                                  if pattern.search(window)]
        found = self.titled[title]
        earlier = [m for m in found if m.end <= before]
        return earlier[-1].key if earlier else (found[0].key if found else None)

    def _title_windows(self) -> list[tuple[Mention, str]]:
        """Each named person's mention with the words that may title it, folded once."""
        if self.windows is None:
            text, last_end, self.windows = self.article.text, 0, []
            for m in self.mentions:
                # The title stands between the name and any earlier person's name; places,
                # organisations and descriptions may be part of it ("the Prime Minister of
                # Norland, Mr. Lee", "Harbour Board Chair Ana Vik").
                # Nor does a title stand in an earlier paragraph.
                start = max(last_end, m.start - TITLE_WINDOW_CHARS,
                            text.rfind("\n", 0, m.start) + 1)
                if m.label == "PERSON":
                    start = self._after_verb(start, m.start)
                    last_end = max(last_end, m.end)
                    self.windows.append((m, _expanded(fold(text[min(start, m.start):m.start]))))
                elif m.label in DESCRIPTION_LABELS and m.key in self.names:
                    self.windows.append((m, _expanded(folded(m.text))))
        return self.windows


    def _after_verb(self, start: int, end: int) -> int:
        """Where the words before a name that may title it begin: after the last verb
        between ``start`` and the name ("the Norlander leader said Tomas had been ..." gives
        Tomas no title: a title stands right before its name, no verb between)."""
        if self.doc is None or start >= end:
            return start
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return start
        verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and t.idx + len(t) <= end]
        return max(start, verbs[-1].idx + len(verbs[-1])) if verbs else start


def _things(every: Sequence[Mention], speaking: Sequence[Mention]) -> frozenset[str]:
    """The person keys whose every name is one word, a country's name, that the article
    writes as a place's, an organisation's or a people's at least as often ("Azerbaijan"
    labelled a person four times and a country or an organisation seven): a country, never
    "he" or "she"."""
    places: dict[str, int] = {}
    for m in every:
        if m.label in THING_LABELS:
            places[folded(m.text)] = places.get(folded(m.text), 0) + 1
    texts: dict[str, list[str]] = {}
    for m in speaking:
        if m.label == "PERSON":
            texts.setdefault(m.key, []).append(folded(m.text))
    # a country's name the article writes as a place as often as a person's at least:
    # a surname the model labelled a place or an organisation ("Lohan", "Page", "Kyrtsos")
    # is no country, and a country that is also a name ("Jordan") stays a person where the
    # article names the person more often
    return frozenset(k for k, words in texts.items()
                     if all(" " not in w and names.is_country_name(w)
                            and places.get(w, 0) >= words.count(w) for w in words))


def quoted_paragraphs(text: str) -> list[tuple[int, int]]:
    """The quoted words of paragraphs that open on a quotation mark, up to the mark that
    closes it, or the paragraph's end (a quotation going on into the next paragraph leaves
    its mark open): what a speaker says, whether or not a statement was read from it, so
    its names ("... Rich, are you sure?'" addressing the interviewer) are no one's
    antecedent. An apostrophe inside a word ("we've") closes nothing."""
    out = []
    for para in PARAGRAPH.finditer(text):
        opening = para.group(1)
        close = PARAGRAPH_CLOSE[opening].search(text, para.start(2), para.end(2))
        out.append((para.start(2), close.start() if close else para.end(2)))
    return out


def _chain_start(at: Token, pronoun: str) -> int:
    """Where the search for a pronoun's unlabelled subject begins: the sentence before its
    own, or further back over sentences that have the same pronoun as a subject ("Lund
    still found it hard. She had run the shelter since 1988. It was the first job she
    held. ..., she said": the chain's "she" is Lund), at most CHAIN_SENTENCES of them."""
    doc = at.doc
    start = at.sent.start
    for hop in range(CHAIN_SENTENCES + 1):
        if start == 0:
            break
        sent = doc[start - 1].sent
        start = sent.start
        if hop == CHAIN_SENTENCES or not pronoun or not any(
                t.lower_ == pronoun and t.dep_ in SUBJECT_DEPS for t in sent):
            break
    return start


def _fragment_name(root: Token) -> bool:
    """A name the parse split off its clause into a sentence of its own, right after an
    abbreviated title inside a paragraph (", said police Sgt. | Maren Kvist.": the
    abbreviation's full stop ended the sentence): the speaker of the clause it was cut
    from. A byline at a paragraph's end ("... adaptation. Jo Lee") follows a sentence's
    own full stop and is no such fragment."""
    sent = root.sent
    if root.dep_ != "ROOT" or root.pos_ != "PROPN" or sent.start == 0:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in sent):
        return False
    doc, i = root.doc, sent.start - 1
    while i > 0 and doc[i].is_space:
        i -= 1
    word = doc[i].text
    if word == "." and i > 0 and not doc[i - 1].whitespace_:
        word = doc[i - 1].text + word  # "Sgt" "." as two tokens
    return word.endswith(".") and _abbreviated_title(word)


def _heads_its_sentence(root: Token) -> bool:
    """A name that opens its sentence and that the parse made the sentence's head, over
    the verbs of the sentence ("Jo Lee, 24, who works at a bakery, described how ...":
    the parse lost the main verb): what the sentence is about, its subject. A name alone
    on its line (a byline) has no verb to head."""
    if root.dep_ != "ROOT" or root.pos_ != "PROPN":
        return False
    sent = root.sent
    if any(t.dep_ != "compound" for t in root.doc[sent.start:root.i]):
        return False
    return any(t.pos_ == "VERB" for t in root.subtree)


def _abbreviated_title(word: str) -> bool:
    """ "Sgt", "Dr.", "Gov.": a title or a form of address written short."""
    short = fold(word.rstrip("."))
    return short in TITLE_ABBREVIATIONS or short in ADDRESS_ABBREVIATIONS


def _is_subject(root: Token, inverted: frozenset[int]) -> bool:
    """A clause's subject, or a name in apposition to one: "A professor of economics, Jo
    Vandermeer, stayed home. But he ..." makes Vandermeer the pronoun's antecedent. So is
    a name the parse hung on a subject that is no word (a stray mark of the page: "Rep. Jo
    Lee\ufffdof Maine ... voiced")."""
    return (root.dep_ in SUBJECT_DEPS or root.i in inverted or _fragment_name(root)
            or _heads_its_sentence(root)
            or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)
            or (root.dep_ == "compound" and root.head.dep_ in SUBJECT_DEPS
                and not any(c.isalnum() for c in root.head.text)))


def _can_be_antecedent(span: Span, pronoun: str) -> bool:
    """Whether a subject may be what a later pronoun stands for, by the grammar of its own
    clause: not a name after "the" ("The Tarn closed its doors": a place or a thing, not
    the person of that surname), not the subject of a clause whose object is that pronoun's
    own object form ("Brexit came as a blow to him, he says": "him" is never the clause's
    subject, so neither is "he"), not a subject placed after its copula ("Among those laid
    off are Jo Lee, her manager": the clause is about the others, not Jo Lee)."""
    root, verb = span.root, span.root.head
    if any(c.dep_ == "det" and c.lower_ == "the" for c in root.children) and len(span) == 1:
        return False
    if verb.dep_ in RELATIVE_DEPS:
        return False  # "Jo Lee, whose district Trump won, said. He ...": the clause's, no one's
    if root.i > verb.i and lemma_of(verb).lower() == "be":
        return False
    obj = OBJECT_FORMS.get(pronoun)
    return obj is None or not any(
        t.lower_ == obj and t.dep_ in OBJECT_DEPS and _clause_of(t).i == verb.i
        for t in verb.doc[verb.left_edge.i:verb.right_edge.i + 1])


def _clause_of(tok: Token) -> Token:
    """The verb whose clause ``tok`` stands in: its nearest verb above it."""
    current = tok
    for _ in range(len(tok.doc)):  # a guard: the walk ends at the sentence's root
        if current.head.i == current.i:
            return current
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return current


def _expanded(words: str) -> str:
    return " ".join(TITLE_ABBREVIATIONS.get(w, w) for w in words.split())


def is_outlet(phrase: str, article: Article) -> bool:
    """A news organisation's name: a masthead word, or the article's own outlet or wire."""
    words = set(folded(phrase).split())
    return bool(words & OUTLET_WORDS) or is_own_outlet(phrase, article)


def is_own_outlet(phrase: str, article: Article) -> bool:
    """The article's own outlet or wire ("Harbour Herald reports ..."): never a speaker,
    whatever label the model gave the name."""
    own = {folded(x) for x in (article.outlet, article.wire) if x}
    return bool(own) and folded(phrase) in own


def resolve(index: SpeakerIndex, head: Token, span: tuple[int, int],
            history: Sequence[str]) -> Speaker:
    """Resolve the phrase ``span`` (head token ``head``) given the speakers so far."""
    text = index.article.text[span[0]:span[1]]
    word = head.lower_
    if word in PERSON_PRONOUNS:
        return _pronoun(index, head, text, span[0], history, person=True)
    if word in GROUP_PRONOUNS:
        return _pronoun(index, head, text, span[0], history, person=False)
    found = _head_mentions(index, head) or index.overlapping(*span)
    found = [m for m in found if (_covers(m, head) or _apposed_whole(m, head)
             or (m.label == "PERSON" and not _possessor(m, head)
                 and not _in_modifier(m, head) and not _qualifies_noun(m, head)))
             and not (m.label == "PERSON" and _no_person(m, head))]
    if found and found[0].label in DESCRIPTION_LABELS and found[0].key not in index.names:
        found = _apposed_name(index, span) or found
    if not found:
        found = _closing_name(index, head, span)
    author = [] if found else _author(index, head)
    found = found or author
    issuer = None if found else _issuer(head)
    if issuer is not None:
        return replace(resolve(index, issuer, parse.phrase_span(issuer), history), mention=text)
    named = any(m.label == "PERSON" for m in found)
    if (is_own_outlet(text, index.article) or (is_outlet(text, index.article) and not named)
            or any(is_outlet(m.text, index.article) for m in author)
            or _outlets_feature(found, head, index.article)
            or (not named and _apposed_outlet(head))):
        return Speaker(text, outlet=True)
    if found and (found[0].label not in DESCRIPTION_LABELS or found[0].key in index.names):
        key = found[0].key
        own = None if index.group(found[0]) else found[0].text
        return Speaker(text, key, index.name(key) or own)
    described = None if found else _described_organisation(index, head, span[0])
    if described is not None:
        return Speaker(text, described, index.name(described), by=SpeakerFrom.TITLE)
    if lemma_of(head).lower() in ROLE_NOUNS and head.doc[head.left_edge.i].lower_ == "the":
        if head.tag_ in PLURAL_TAGS:
            # "the directors", "the federal officials": a group, never one named person
            return Speaker(text, by=SpeakerFrom.TITLE)
        return _role(index, head, text, span[0])
    # A bare surname the model did not label ("(Abedin said ..."): the article's person of
    # that name, when there is exactly one. After a determiner ("the 41-year-old Moss")
    # only a name the article gives in full: a person's name takes no article, so a word
    # the article writes only so ("the Briton") is what the person is, not who. A word in
    # lower case ("the white paper") names no one.
    surname = (index.by_surname(head.text)
               if head.pos_ == "PROPN" and not text.islower() else None)
    if surname and _determined(head) and len((index.name(surname) or "").split()) < 2:
        surname = None
    if surname:
        return Speaker(text, surname, index.name(surname))
    # "Tarn County Executive Ed Moss said ... Moss said": the full name the model read
    # inside a title is the person a bare surname stands for
    embedded = (index.by_embedded(head.text) if head.pos_ == "PROPN" and not _determined(head)
                and text.strip() == head.text else None)
    return Speaker(text, *embedded) if embedded else Speaker(text)


def _determined(head: Token) -> bool:
    """Whether a determiner opens the phrase ("the", "a", "some", "many")."""
    return any(c.dep_ == "det" for c in head.children)


def _qualifies_noun(m: Mention, head: Token) -> bool:
    """ "the Vell administration", "a 2019 Moss report", "the prize-winning film
    director": a name between a determiner and the common noun it opens (written in lower
    case) only says which or what kind; the speaker is the noun's, not the named person.
    (Not before a plural noun without one: "NDU leaders" speak for what the model may
    have called a person.)"""
    if head.pos_ != "NOUN" or not head.text.islower() or m.end > head.idx:
        return False
    first = head.doc[head.left_edge.i]  # "A 2020 ...": the parse may hang it on the number
    if first.pos_ != "DET" or first.idx >= m.start:
        return False
    span = head.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(len(head.doc)):  # a guard: the walk ends at the head or a clause
        if tok.i == head.i:
            return True
        if tok.dep_ not in QUALIFIER_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _apposed_name(index: SpeakerIndex, span: tuple[int, int]) -> list[Mention]:
    """ "The head of the FBI inquiry in Dar es Salaam, Kenneth Piernick, said": a
    description the article ties to no one, closed by a person's name set off by commas
    at the end of the phrase, is that person (the parser may hang the name on the last
    noun before it). [] where the phrase does not end so."""
    text = index.article.text
    people = [m for m in index.overlapping(*span) if m.label == "PERSON"]
    if len(people) != 1:
        return []
    m = people[0]
    before, after = text[span[0]:m.start].rstrip(), text[m.end:span[1]].strip()
    return [m] if before.endswith(",") and after in ("", ",") else []


def _apposed_whole(m: Mention, head: Token) -> bool:
    """ "Norland ferry operator, Harbourton, announced": a name set beside the speaker
    phrase's head by commas (the parse's apposition), that the mention gives whole, is
    who the description is. A mention that covers part of the name only ("Jo O' Lee" read
    as "Jo O" and a place "Lee") names no one for sure."""
    if m.label not in PERSON_LABELS and _person_noun(head):
        return False  # "A cook at a local bakery, Vellbake, said": the employee
    for tok in head.children:
        if tok.dep_ != "appos" or tok.i < head.i or not _covers(m, tok):
            continue
        words = [t for t in tok.subtree if not t.is_punct]
        if m.start <= words[0].idx and words[-1].idx + len(words[-1].text) <= m.end:
            return True
    return False


def _closing_name(index: SpeakerIndex, head: Token, span: tuple[int, int]) -> list[Mention]:
    """ "Harbourton's global vice-president of sales for the NV40, Jo Lee,
    indicated": a subject whose phrase the parse cut short (at the hyphen, at "for"), set
    off by a comma before its verb and closed by a person's name between commas, is that
    person, as ``_apposed_name`` reads a phrase that holds the name. Not where the parse
    hangs the name on a noun for a person of its own ("A friend of the victim, Jo Lee,
    said": the name may be the victim's)."""
    doc, verb = head.doc, head.head
    if head.dep_ not in SUBJECT_DEPS or verb.i <= head.i + 2 or doc[verb.i - 1].text != ",":
        return []
    between = doc[head.i + 1:verb.i - 1]
    if any(t.pos_ in ("VERB", "AUX") for t in between) or "\n" in between.text:
        return []  # a clause of its own between them, or another line
    last = doc[verb.i - 2]
    name = last
    while name.dep_ in ("compound", "flat") and name.head.i > name.i:
        name = name.head
    if name.dep_ != "appos" or name.head.i == head.i:
        return []
    if name.head.pos_ != "PROPN" and _person_noun(name.head):
        return []
    return _apposed_name(index, (span[0], last.idx + len(last.text)))


def _issuer(head: Token) -> Token | None:
    """ "Jo Lee said he was surprised, putting out a statement saying ...", "the ministry
    issued a statement saying": a written statement that is the object of a verb of
    issuing (``AUTHORING_VERBS``) is that verb's subject's, as the parse finds it."""
    if (head.dep_ != "dobj" or head.pos_ != "NOUN"
            or lemma_of(head).lower() not in DOCUMENT_NOUNS
            or lemma_of(head.head).lower() not in AUTHORING_VERBS):
        return None
    subject = parse.subject_of(head.head)
    return subject if subject is not None and subject.i != head.i else None


def _described_organisation(index: SpeakerIndex, head: Token, pos: int) -> str | None:
    """ "The firm said" after "the Vell Institute, a polling firm": the one
    organisation the article has described by that noun in apposition before ``pos``,
    as ``_role`` finds the one person given a title. None where it described none or two."""
    word = lemma_of(head).lower()
    if (word not in ORGANISATION_NOUNS or head.tag_ in PLURAL_TAGS or index.doc is None
            or head.doc[head.left_edge.i].lower_ != "the"):
        return None
    keys = set()
    for m in index.mentions:
        if m.end > pos:
            break
        if m.label != "ORG" or is_outlet(m.text, index.article):
            continue  # "TNA, the news agency": an outlet is a source, as "TNA said" is
        span = index.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        nouns = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            nouns.append(root.head)
        if any(n.pos_ == "NOUN" and lemma_of(n).lower() == word for n in nouns):
            keys.add(m.key)
    return keys.pop() if len(keys) == 1 else None


def _person_noun(tok: Token) -> bool:
    """A common noun for a person: a title or role, or how one stands to others."""
    word = lemma_of(tok).lower()
    return word in PERSON_NOUNS or word in ROLE_NOUNS or word in names.ROLE_NOUNS


def _author(index: SpeakerIndex, head: Token) -> list[Mention]:
    """ "A statement by Harbourton given by its spokesman", "a statement from Harbourton
    Computer", "numbers published May 6 by the Vell Institute", "Harbourton's
    statement": a written statement's or a set of figures' author, named by "by" or
    "from" on the noun, by the agent of a participle on it ("released by", "issued by")
    or as its owner, is who speaks through it. A person or an organisation only ("a report
    from Harbourton" is where it came from), and one of them ("a letter by Lee and Vik": two
    authors, no one speaker)."""
    if head.pos_ != "NOUN" or lemma_of(head).lower() not in AUTHORED_NOUNS:
        return []
    authors: list[Token] = []
    for c in head.children:
        if c.dep_ == "poss":
            authors.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
            authors += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "acl" and c.tag_ == "VBN" and lemma_of(c).lower() in AUTHORING_VERBS:
            authors += [g for a in c.children if a.dep_ == "agent"
                        for g in a.children if g.dep_ == "pobj"]
    for tok in authors:
        if any(g.dep_ == "conj" for g in tok.children):
            return []
        found = [m for m in index.overlapping(tok.idx, tok.idx + len(tok.text))
                 if m.label in AUTHOR_LABELS]
        if any(is_outlet(m.text, index.article) for m in found):
            return []  # "a report by the Daily Ledger": as the phrase stood (a masthead word
            # also names a ratings firm, "Vell Media Ratings", whose figures stay a quote)
        if found:
            return found
    return []


def _no_person(m: Mention, head: Token) -> bool:
    """ "The Ledger says", "the Tarn closed": a one-word name after "the" is a thing's
    name or a place's, never a person's (a person's name takes no article)."""
    return (_covers(m, head) and " " not in m.text.strip()
            and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children))


def _outlets_feature(found: Sequence[Mention], head: Token, article: Article) -> bool:
    """ "according to The Daily Ledger's Fact Checker": a name an outlet owns whose every
    word is a common word (a noun, verb or adjective the lemmatizer lists) is a column or a
    section of that outlet, a source, not a person ("The Daily Ledger's Jo Lee" and "...'s
    Siddharth Kumar" stay persons, whatever given-name list knows their names)."""
    own = next((m for m in found if m.label == "PERSON" and _covers(m, head)), None)
    if own is None or not all(common_word(head.doc, w) for w in folded(own.text).split()):
        return False
    return any(c.dep_ == "poss" and is_outlet(_phrase(c), article) for c in head.children)


def _apposed_outlet(head: Token) -> bool:
    """ "said Tarnposten, or Tarn Post, a Norland newspaper": a name set beside a
    common noun for a news outlet (``OUTLET_WORDS``: "newspaper", "daily", "broadcaster"),
    itself or the other name it is given, is that outlet, a source, whatever label the
    model gave the name (a wire's name in a dateline, "May 14 (TNA):", is no such noun)."""
    for tok in (head, *(c for c in head.children if c.dep_ == "conj")):
        if any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lower_ in OUTLET_WORDS
               for c in tok.children):
            return True
    return False


def _phrase(tok: Token) -> str:
    return str(tok.doc[tok.left_edge.i:tok.i + 1].text)


def _possessor(m: Mention, head: Token) -> bool:
    """ "Trump's campaign said": Trump owns the speaker, he is not the speaker."""
    return any(t.dep_ == "poss" and m.start <= t.idx < m.end for t in head.children)


def _in_modifier(m: Mention, head: Token) -> bool:
    """ "a friend of Ola Vell's attacker said", "a spokesman for Lee said", "Vell
    administration officials said": a name in a prepositional phrase of the speaker phrase's
    head, or a compound modifier of another noun, says whose the speaker is, it is not the
    speaker (an apposition, "the CEO, Jane Doe", is)."""
    doc = head.doc
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(len(doc)):  # a guard: the walk ends at the head or the sentence's root
        if tok.i == head.i or tok.head.i == tok.i:
            return False
        if tok.dep_ in MODIFIER_PATH_DEPS:
            return True
        tok = tok.head
    return False


def _covers(m: Mention, token: Token) -> bool:
    return bool(m.start <= token.idx < m.end)


def _head_mentions(index: SpeakerIndex, head: Token) -> list[Mention]:
    # The head's own mention ("Vik"), else an apposition's ("the CEO, Jane Doe"). A
    # description the article ties to no name gives way to the name set beside it: "the
    # commerce secretary, Gary Lindgren" is Lindgren, whoever else is a secretary.
    first: list[Mention] = []
    for tok in [head, *(c for c in head.children if c.dep_ == "appos")]:
        found = index.overlapping(tok.idx, tok.idx + len(tok.text))
        if found and (found[0].label not in DESCRIPTION_LABELS or found[0].key in index.names):
            return found if not first else [m for m in found if _covers(m, tok)] or found
        first = first or found
    return first


def _pronoun(index: SpeakerIndex, head: Token, text: str, pos: int, history: Sequence[str],
             person: bool) -> Speaker:
    """A pronoun stands for the nearest earlier speaker or subject of its kind: the last
    one quoted, unless a person has since been the subject of a clause ("Vell met Moss.
    He said ..."). A name that is only an object or inside a prepositional phrase ("the
    call to the offices of Vik") is no antecedent: with no speaker or subject that fits,
    the speaker stays unnamed. A pronoun inside someone's quotation is a person that
    speaker tells of ("“Drop it. She concedes they were never trained!”"), whom the
    article's speakers and subjects do not name: unnamed."""
    word = head.lower_
    if head.doc.lang_ == "en" and _inside_quotation(index.article.text, pos):
        return Speaker(text, None, None, by=SpeakerFrom.PRONOUN)
    fits = [k for k in history if index.is_person(k) == person and index.fits(k, word)]
    key = fits[-1] if fits else None
    if (not person and key is not None and word in PLURAL_PRONOUNS
            and index.plural_subject_since(key, pos, head.doc)):
        # "The port authority said ... the mayor and council leaders have avoided ...
        # However, they said": a group the text made a subject since is as likely
        return Speaker(text, None, None, by=SpeakerFrom.PRONOUN)
    if person:
        subject = index.last_subject_before(pos, head.doc, word)
        if subject is not None and (key is None or subject[1] > index.last_seen(key, pos)):
            key = subject[0]
        if key is not None and index.rival_before(key, pos, head.sent.start_char, head.doc,
                                                  word):
            # "Nordvik sued Okafor ..., after he testified": the pronoun's sentence names
            # someone else it fits, and not the one found: which one it is, is a guess
            return Speaker(text, None, None, by=SpeakerFrom.PRONOUN)
    return Speaker(text, key, index.name(key) if key else None, by=SpeakerFrom.PRONOUN)


def _inside_quotation(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside curly quotation marks opened in its paragraph or the
    one before (a quotation that goes on into the next paragraph, its mark left open).
    Straight marks are left alone: one mark both opens and closes. English copy only."""
    start = text.rfind("\n", 0, pos)
    start = text.rfind("\n", 0, start - 1) if start > 0 else 0
    opened = text.rfind(OPENING_MARK, max(start, 0), pos)
    return opened >= 0 and CLOSING_CURLY.search(text, opened, pos) is None


def _title(head: Token) -> str:
    """The words of a role description up to its noun, folded: "the Harbour Board
    Chair" -> "harbour board chair"."""
    return fold(" ".join(t.text for t in head.subtree if t.i <= head.i and t.dep_ != "det"))


def _role(index: SpeakerIndex, head: Token, text: str, pos: int) -> Speaker:
    # "the Harbour Board Chair": the person the article gives that title. An article
    # that gives it nobody leaves the speaker unnamed: the last person quoted is a guess.
    title = _title(head)
    key = index.titled_person(title, pos) if title else None
    return Speaker(text, key, index.name(key) if key else None, by=SpeakerFrom.TITLE)
