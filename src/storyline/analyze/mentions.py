"""Names and role descriptions in one article -> ``Mention`` records in article-local clusters.

Mentions of one referent share ``Mention.key``: a surname joins the full name it shortens
("Vik" -> "Ana Vik"), and a role description joins the person the article makes it
denote ("the Harbour Board Chair" after "Harbour Board Chair Ana Vik"). Labels:

- spaCy's entity labels (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...) for the names,
  with titles stripped and a person's surname re-labelled PERSON when the model called it a
  place;
- ``TITLED`` for a name with its title ("Norlander President Ola Vell"), which
  overlaps the PERSON mention of the bare name and shares its key;
- ``ROLE`` for a description standing for a person ("the Norlander leader"). Its key is the
  person's when the article makes the link clear, else ``ROLE:<normalised role>``, which the
  corpus merge may still resolve from titles seen in other articles.

Keys: ``PERSON:<name key>`` for people, ``<LABEL>:<name key>`` for other names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..records import Article, Mention
from ..text import fold_name
from . import model, names
from .model import entities_changed, entities_of, lemma_of, text_of, wikiner_labels

# Entity labels that name someone or something: the named mentions this stage keeps (roles,
# dates and numbers are not names).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                         "WORK_OF_ART", "LAW"})
# Labels the small model gives a surname it failed to recognise as a person ("Tarnby"
# as GPE, "Vell" as ORG); relabelled when the article names that person in full.
CONFUSABLE_LABELS = frozenset({"GPE", "ORG", "LOC", "NORP", "FAC", "PRODUCT"})
# Longest title before a name and longest role description, in tokens; the longest real
# ones seen ("the president of the Norland Council") have 6.
MAX_TITLE_TOKENS = 8
MAX_ROLE_TOKENS = 9
# A main subject must have at least this many mentions (and more than anyone else) before
# an otherwise ambiguous role ("the elected head of the council") is given to it.
MAIN_SUBJECT_MIN_MENTIONS = 2
# Headline lines ("Lund Says Arctic Nations Close In"): a line counts as title case when
# at least this share of its words longer than TITLE_CASE_MIN_CHARS letters are capitalised
# (short function words stay lower case in headline style) and it has MIN_HEADLINE_WORDS.
TITLE_CASE_SHARE = 0.8
TITLE_CASE_MIN_CHARS = 3
MIN_HEADLINE_WORDS = 5
# A "person" longer than this many tokens covering HEADLINE_SHARE of such a line is the
# headline read as a name; four tokens hold the longest real names ("Anna van der Tarn").
MAX_PERSON_TOKENS = 4
HEADLINE_SHARE = 0.6
# Labels whose names never hold a verb; EVENT/WORK_OF_ART/LAW titles may ("Paris Attacks").
VERB_CUT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# Labels the model gives a masthead it did not read as an organisation.
OUTLET_CONFUSABLE = frozenset({"PERSON", "GPE", "LOC", "FAC"})
ROLE_PREFIX = "ROLE:"
PERSON_PREFIX = "PERSON:"
# Entity types whose tokens may stand in a title as a qualifier ("NATO", "U.S.", "Ukrainian").
QUALIFIER_ENTS = frozenset({"ORG", "GPE", "NORP", "LOC"})
NATION_ENTS = frozenset({"GPE", "NORP"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Dependency labels of a clause's subject: where a role the article's main subject holds
# stands ("the former Norlander prime minister insisted"), not its objects.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Tokens a role description may hold besides role words and qualifiers.
ROLE_FILLER_POS = frozenset({"ADJ", "NOUN", "PROPN"})
# Forms of address that only a person's name follows ("Professor Vandermeer", "Dr Okafor"):
# a name the model labelled an organisation or a place after one is a person's. One list,
# in ``names`` (which builds its HONORIFICS from it).
PERSON_ADDRESS = names.PERSON_ADDRESS
# Nouns for a person that a name in apposition names ("a professor of economics, Yanis
# Vandermeer,", "the company's spokesman, Jo Okafor"): such a name is a person's whatever
# label the model gave it. Role heads and forms of address, and the common nouns news
# copy introduces people by ("owner" and "player" are left out: a company, a fund or a
# state is an owner or a player as often as a person is).
PERSON_NOUNS = names.ROLE_NOUNS | (names.HONORIFICS - {"private", "major", "agent", "ing",
                                                       "mag"}) | frozenset({
    "economist", "analyst", "expert", "lawyer", "researcher", "scientist", "author",
    "writer", "journalist", "historian", "activist", "resident", "student", "teacher",
    "manager", "witness", "victim", "businessman", "businesswoman", "politician",
    "actor", "actress", "singer", "coach", "official", "physician", "surgeon",
})
# Letters a pronounceable name holds after its first (chat abbreviations hold none).
VOWELS = frozenset("aeiouy")
# Labels the two rules above take a person's name from: the model's confusions, less
# LOC ("the writer, Europe"), which names no settlement a person could be confused with.
RELABEL_PERSON_FROM = CONFUSABLE_LABELS - {"LOC"}
# Longest name (in tokens, title excluded) that the two rules above relabel a person's:
# a given name, a middle name or initial and a surname.
MAX_RELABEL_TOKENS = 3


@dataclass(slots=True)
class _Name:
    start: int  # token indices into the Doc
    end: int
    label: str
    key: str = ""
    # A word before it was cut that no name holds ("Questioning Tarnby's judgment"): kept
    # only where the article names a person whose name ends so (``_glued_names_kept``).
    glued: bool = False
    read_from: int = -1  # where the model's name began, before the glued words were cut
    # Characters of its first token that are no part of it: an acronym glued to the
    # expansion it abbreviates ("OSTAOttawa School Transportation Authority").
    lead: int = 0
    titled: bool = False  # a title or a form of address stood before it in the model's span
    # Where the title the model read into the name begins ("King" of its "King Omar"), -1
    # where none did: read as a title before the name (``_title_before``), as one the model
    # left outside is.
    title_from: int = -1


@dataclass(frozen=True, slots=True)
class _Role:
    """What a role description says: qualifiers by kind, head nouns, a comparable key."""

    nations: frozenset[str]
    orgs: frozenset[str]
    heads: frozenset[str]
    key: str
    former: bool = False
    subject: bool = False  # its head is a clause's subject ("the Dutch leader said")
    # A common noun right before its generic head ("the fire chief", "the police chief"):
    # another office than whatever the article's main subject heads.
    office: bool = False


@dataclass(slots=True)
class _Article:
    doc: Doc
    article: Article
    names: list[_Name] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)  # tokens already inside a title or role
    learned: dict[str, list[_Role]] = field(default_factory=dict)  # person key -> its titles
    out: list[Mention] = field(default_factory=list)


def find_mentions(doc: Doc, article: Article) -> list[Mention]:
    """Every name and role description of the article, clustered by referent."""
    a = _Article(doc, article)
    # 1. Names from the model, repaired and with titles stripped.
    a.names = _names(doc, article)
    # 2. Article-local clusters: surnames join full names, relabelled where needed.
    _cluster(a.names, doc)
    for n in a.names:
        a.out.append(_mention(a, n.start, n.end, n.label, n.key, n.lead))
    # 3. Titles before names and appositions after them teach what each person is called.
    for n in a.names:
        if n.label == "PERSON":
            _title_before(a, n)
            _apposition_after(a, n)
    # 4. Role descriptions elsewhere, linked to the person they denote.
    _roles(a)
    return sorted(a.out, key=lambda m: (m.start, m.end, m.label))


# ---------------------------------------------------------------- helpers for the quotes stage

def mention_at(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    """The mention overlapping ``[start, end)`` most; a person beats a title beats a role."""
    rank = {"PERSON": 3, "TITLED": 2, "ROLE": 1}
    best: tuple[int, int, int] | None = None
    found: Mention | None = None
    for m in mentions:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap <= 0:
            continue
        score = (overlap, rank.get(m.label, 0), -m.start)
        if best is None or score > best:
            best, found = score, m
    return found


def mention_key_at(mentions: Sequence[Mention], start: int, end: int) -> str | None:
    """The cluster key of the mention at ``[start, end)``, or None where there is none."""
    m = mention_at(mentions, start, end)
    return m.key if m else None


def is_person_key(key: str | None) -> bool:
    """Whether a key names a person cluster (not an unresolved role, not a place)."""
    return bool(key) and str(key).startswith(PERSON_PREFIX)


def cluster_name(mentions: Iterable[Mention], key: str) -> str | None:
    """The best name for a cluster: its longest bare name (no title), else None."""
    bare = [m.text for m in mentions if m.key == key and m.label not in {"ROLE", "TITLED"}]
    if not bare:
        return None
    return max(bare, key=lambda t: (len(t.split()), len(t), t))


def person_label_for(mentions: Sequence[Mention], start: int, end: int) -> str | None:
    """The person name for the mention at a span ("the board chief" -> "Ana Vik")."""
    key = mention_key_at(mentions, start, end)
    return cluster_name(mentions, key) if key and is_person_key(key) else None


# ---------------------------------------------------------------- 1. names

def _names(doc: Doc, article: Article) -> list[_Name]:
    found: list[_Name] = []
    last_end = 0
    ents = list(entities_of(doc))
    org_ends = {e.start: e.end for e in ents if e.label_ == "ORG"}
    for ent in ents:
        if ent.label_ not in NAME_LABELS or ent.start < last_end:
            continue
        start, end = ent.start, _extend_particles(doc, ent.end, ent.label_)
        if ent.label_ == "ORG":
            end = _through_ampersand(doc, end, org_ends)
        end = _through_lost_letters(doc, _cut_at_break(doc, start, end))
        if ent.label_ == "PERSON":
            end = _through_prefix(doc, end)
        while start < end - 1 and (doc[start].is_punct or doc[start].lower_ in _POSSESSIVES
                                   or _lost_only(doc[start])):
            start += 1  # "’s Vellani": the possessive of the word before the name
        while end > start + 1 and _lost_only(doc[end - 1]):
            end -= 1  # "Golden\ufffdof Maine": a lost space or apostrophe, not a letter
        glued = False
        read_from = start
        label = ent.label_
        lead = 0
        acronym = _glued_acronym(doc, start, end)
        if acronym is not None:
            start, lead = acronym
        titled = False
        title_from = -1
        if label in RELABEL_PERSON_FROM and _addressed_or_apposed(doc, start, end):
            label = "PERSON"
            if doc[start].lower_.strip(".") in PERSON_ADDRESS:
                start += 1
                read_from = start
        if label == "PERSON":
            first = start
            while start < end - 1 and (names.is_title_word(doc[start].text)
                                       or doc[start].lower_.strip(".") in PERSON_ADDRESS
                                       or doc[start].lower_ == "the"):
                titled = titled or doc[start].lower_ != "the"
                start += 1
            tagged = _after_tag(doc, start, end)
            if titled and tagged == start:
                title_from = first
            titled = titled or tagged > start or (start > 0 and _address(doc[start - 1]))
            start = read_from = tagged
            while start < end - 1 and _glued_word(doc, start, end):
                start += 1
                glued = True
                title_from = -1
        end = _drop_possessive(doc, start, _cut_headline_verb(doc, start, end, label))
        end = _cut_dangling(doc, start, end, label)
        person_from = (_titled_person_tail(doc, start, end)
                       if label in TITLE_HOLDING_LABELS else None)
        if person_from is not None:
            # "Tarn County Executive Ed Moss": the title's words an organisation's, the
            # name closing it a person's, titled by them
            cut = person_from
            while cut > start and (names.is_title_word(doc[cut - 1].text)
                                   or doc[cut - 1].lower_.strip(".") in names.HONORIFICS
                                   or doc[cut - 1].lower_ in TITLE_JOINERS):
                cut -= 1
            if any(t.is_title and t.lower_ != "the" for t in doc[start:cut]):
                # what is left is the organisation or place the title is of, labelled as
                # the article labels it on its own ("Tarn County", a GPE elsewhere);
                # "the office of the Rev ..." leaves nothing that names anything
                own = _label_elsewhere(ents, doc[start:cut].text, label)
                found.append(_Name(start, cut, _label(doc[start:cut].text, own, article),
                                   read_from=read_from))
            found.append(_Name(person_from, end, "PERSON", read_from=person_from,
                               titled=True))
            last_end = end
            continue
        if start < end and any(ch.isalpha() for ch in doc[start:end].text):
            if _headline_run(doc, start, end, label):
                continue
            if label == "PERSON" and end - start == 1 and _unsupported_word(doc, start):
                continue
            found.append(_Name(start, end, _label(doc[start:end].text[lead:], label, article),
                               glued=glued, read_from=read_from, lead=lead, titled=titled,
                               title_from=title_from))
            last_end = end
    found = _glued_names_kept(doc, found) if any(n.glued for n in found) else found
    return _persons_with_evidence(doc, found)


# Labels of names the model may read a title and the person's name after it into, as one
# ("Tarn County Executive Ed Moss" as an ORG); what it closes is then the person.
TITLE_HOLDING_LABELS = frozenset({"ORG", "GPE", "FAC"})
# Words joining a title's parts ("Secretary of the Harbour Board for Ferries"): a title
# read back from a name may run over them. A name right after one ("Chairman of Nordvik
# Ferries") is what the title is of, no person.
TITLE_JOINERS = frozenset({"of", "the", "for", "to", "'s", "’s"})


def _label_elsewhere(ents: Sequence[Span], text: str, label: str) -> str:
    """The label the model gives most often to a name written ``text`` on its own, else
    ``label``."""
    key = fold_name(text)
    votes = Counter(e.label_ for e in ents if e.label_ in NAME_LABELS
                    and fold_name(e.text) == key)
    return votes.most_common(1)[0][0] if votes else label


def _titled_person_tail(doc: Doc, start: int, end: int) -> int | None:
    """Where a person's full name closing a non-person name ``[start, end)`` begins, after
    a title the name or the words right before it give ("County Executive Ed Moss",
    "Assistant Secretary of the Harbour Board for Ferries Ola Tarnby"), else None.

    The closing name is two or three capitalised words, the first a given name the
    ``nicknames`` table lists and none a title word; the word before it is neither a
    joining word nor a mark ("Chief Executive of Morgan Stanley" is the company's), and a
    title word (a role noun, rank or form of address) stands in the capitalised run that
    leads to it, over joining words, at most ``MAX_TITLE_TOKENS`` back."""
    for size in range(MAX_RELABEL_TOKENS, 1, -1):
        tail = end - size
        if tail <= start:
            continue
        words = doc[tail:end]
        if not names.is_given_name(words[0].lower_):
            continue
        if not all(t.is_title and t.is_alpha for t in words) or any(
                names.is_title_word(t.text) or t.lower_ in names.HONORIFICS
                or t.lower_ in COMPANY_DESIGNATORS for t in words):
            continue
        before = doc[tail - 1]
        if before.lower_ in TITLE_JOINERS or not before.is_alpha:
            continue
        k = tail
        while k > 0 and tail - k < MAX_TITLE_TOKENS and (
                doc[k - 1].is_title or doc[k - 1].lower_ in TITLE_JOINERS):
            k -= 1
            w = doc[k].lower_.strip(".")
            if names.is_title_word(w) or w in names.HONORIFICS:
                return tail
        return None
    return None


# What stands for "&" between two parts of one organisation's name: the mark, and the
# entity's name left where a page's "&amp;" lost its "&" ("Tarn Harbour amp Shipping
# Company").
AMPERSANDS = frozenset({"&", "amp"})


def _through_ampersand(doc: Doc, end: int, org_ends: dict[int, int]) -> int:
    """An organisation's name the model cut at "&" runs on over the organisation named
    right after it ("Harbour amp" + "Shipping Company" is one name, not two)."""
    while (end + 1 < len(doc) and doc[end].lower_ in AMPERSANDS
           and end + 1 in org_ends and "\n" not in doc[end - 1].whitespace_):
        end = org_ends[end + 1]
    return end


# The character a decoder puts for bytes it could not read: in a crawl's dump it stands for
# a letter ("Pedro S\ufffdnchez"), an apostrophe or a space ("Golden\ufffdof Maine").
LOST = "\ufffd"


# The one-letter prefixes of surnames written with an apostrophe ("O'Leary", "D'Amato").
SURNAME_PREFIXES = frozenset({"O", "D"})


def _through_prefix(doc: Doc, end: int) -> int:
    """A person's name the model cut at a surname's prefix that the page spaced from the
    rest ("Liam O' Vell" read as "Liam O'" and a place "Vell", "Ana" and
    "Tarn" around "O'") runs on through the capitalised word after the apostrophe."""
    for p in (end - 2, end - 1, end):  # the prefix inside the name read, or right after it
        if p < 1 or p + 2 >= len(doc) or doc[p].text not in SURNAME_PREFIXES:
            continue
        mark, rest = doc[p + 1], doc[p + 2]
        if (mark.text in ("'", "’") and not doc[p].whitespace_ and mark.whitespace_ == " "
                and rest.text[:1].isupper() and rest.text.isalpha()
                and (p < end or doc[p - 1].whitespace_ == " ")):
            return p + 3
    return end


def _lost_only(tok: Token) -> bool:
    return bool(tok.text) and not tok.text.strip(LOST)


def _through_lost_letters(doc: Doc, end: int) -> int:
    """A name the model cut where a letter was lost runs on through it: "Pedro S" +
    "\ufffd" + "nchez" is one name, shown as the page gives it. The lost character joins
    the words where what follows it, with no space between, is a lower-case word that is
    no function word ("Golden\ufffdof Maine" lost a space)."""
    while end < len(doc) and not doc[end - 1].whitespace_:
        lost = end
        while lost < len(doc) and _lost_only(doc[lost]) and not doc[lost].whitespace_:
            lost += 1
        if lost == end and not doc[end - 1].text.endswith(LOST):
            return end
        if lost >= len(doc):
            return end
        piece = doc[lost]
        if not (piece.text[:1].islower() and piece.text.strip(LOST).isalpha()
                and not piece.is_stop):
            return end
        end = lost + 1
    return end


_GLUED_ACRONYM = re.compile(r"([A-Z]{2,})([A-Z][a-z]+)")


def _glued_acronym(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Where a token of the name is an acronym glued to the first word of its expansion
    ("OSTAOttawa School Transportation Authority": a page's abbreviation tag run into the
    name), the token the name starts at and the acronym's length; None where none is."""
    for k in range(start, end):
        m = _GLUED_ACRONYM.fullmatch(doc[k].text)
        if m is None:
            continue
        rest = " ".join([m.group(2)] + [t.text for t in doc[k + 1:end]])
        if m.group(1).lower() == names.initials(fold_name(rest)):
            return k, len(m.group(1))
    return None


def _after_tag(doc: Doc, start: int, end: int) -> int:
    """Where a person's name starts after a short all-capitals tag the model read into it
    ("Browns DL Sheldon Richardson": a team and a position before a given name and a
    surname): after the last such tag followed by a given name and at least one more word."""
    for k in range(end - 3, start - 1, -1):
        tok, given = doc[k], doc[k + 1]
        if (tok.is_alpha and tok.is_upper and len(tok) <= MAX_TAG_CHARS
                and given.is_title and names.is_given_name(given.lower_)
                and not names.is_given_name(tok.lower_)):
            return k + 1
    return start


# Longest all-capitals tag before a person's name: positions and ranks (QB, DL, MP, CEO).
MAX_TAG_CHARS = 3
# Parts of speech a name never ends on: a verb the model read into it ("Teresa Nielsen
# Hayden explained") or a function word it stopped at ("Institute of Alcohol Abuse and").
DANGLING_POS = frozenset({"VERB", "AUX", "CCONJ", "SCONJ", "ADP", "DET", "PART"})
JOINING_POS = frozenset({"CCONJ", "ADP"})


def _cut_dangling(doc: Doc, start: int, end: int, label: str) -> int:
    """A name ends on none of ``DANGLING_POS`` written in lower case: an organisation's
    name the model stopped at a joining word runs on over the capitalised proper nouns
    after it on its line ("... Harbour Safety and" + "Rescue"); any other such word
    at the end is cut off."""
    if (end <= start + 1 or not doc[end - 1].is_lower
            or all(t.is_lower for t in doc[start:end] if t.is_alpha)):
        return end  # a name written in lower case is left as it is ("ola vell")
    last = doc[end - 1]
    if label == "ORG" and last.pos_ in JOINING_POS and "\n" not in last.whitespace_:
        run = end
        while (run < len(doc) and doc[run].pos_ == "PROPN" and doc[run].is_title
               and "\n" not in doc[run - 1].whitespace_):
            run += 1
        if run > end:
            return run
    cut = end
    while cut > start + 1 and doc[cut - 1].is_lower and doc[cut - 1].pos_ in DANGLING_POS:
        cut -= 1
    while end > cut > start + 1 and doc[cut - 1].is_punct:
        cut -= 1  # "Tarnbook Air-a laptop": the dash before the cut word goes too
    return cut


def _persons_with_evidence(doc: Doc, found: list[_Name]) -> list[_Name]:
    """The names, less persons that are none. A one-word person the model labels a place
    or a nationality elsewhere in the article, or a nationality adjective of a place it
    names ("Tarnby" of "a Tarnby police press release", "Norlandic"), is that place or
    nationality; one that opens a company's registered name the article writes ("Vellmark"
    beside "Vellmark Co.") is that company. A
    one-word person that is a common word the lemmatizer lists and no given
    name ("Moon") needs evidence of being a name: a title or form of address before it, a
    longer person's name of the article holding it, or standing mid-sentence outside a
    headline in an article that never writes it in lower case. (Names of two words or more
    are left alone: the lemmatizer's rules read most surnames as some word's form, and the
    given names table lacks many given names: "Tanner Vell", "Brook Tarnby".)"""
    people = [_tokens(doc, n) for n in found if n.label == "PERSON"]
    toks_of = {id(n): _tokens(doc, n) for n in found if n.label == "PERSON" and not n.titled}
    if not any(len(t) == 1 for t in toks_of.values()):
        return found
    places: dict[str, str] = {}
    read_as: Counter[str] = Counter()  # folded word -> places minus persons the model read it as
    firms: set[str] = set()  # first words of the article's companies' registered names
    for ent in entities_of(doc):
        if ent.label_ in NATION_ENTS | {"ORG"}:
            places.setdefault(fold_name(ent.text), ent.label_)
        if ent.label_ == "ORG":
            words = fold_name(ent.text).split()
            if len(words) > 1 and words[-1] in COMPANY_DESIGNATORS:
                firms.add(words[0])
        if ent.label_ == "PERSON":
            read_as[fold_name(ent.text)] -= 1
        elif (ent.label_ in NATION_ENTS and ent.start > 0
              and doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS):
            read_as[fold_name(ent.text)] += 1  # "in Tarnby": where something is
    kept = []
    lowered: set[int] | None = None
    for n in found:
        if n.label != "PERSON" or n.titled:
            kept.append(n)
            continue
        toks = toks_of[id(n)]
        if len(toks) != 1 or any(len(p) > 1 and toks[0] in p for p in people):
            kept.append(n)
            continue
        place = _place_of(toks[0], places)
        # the model reads a surname as a place now and then ("Tarnby said", "Moss"): a
        # place only where it stands as one after a preposition of place ("in Tarnby")
        # more often than the model reads it as a person
        if place is not None and (read_as[toks[0]] > 0 or toks[0] not in places):
            n.label = place
            kept.append(n)
            continue
        if toks[0] in firms and not names.is_given_name(toks[0]):
            # a company's short name the model read as a surname now and then ("Vellmark
            # said it ..." beside "Vellmark Co."; "Tarnby" beside "Tarnby-Moss Co."):
            # the article writes the company's registered name, no person's full name
            n.label = "ORG"
            kept.append(n)
            continue
        if lowered is None:
            lowered = {t.lower for t in doc if t.is_lower}  # one pass, for every name
        if (not names.is_given_name(toks[0]) and model.common_word(doc, toks[0])
                and _capital_says_nothing(doc, n.start, lowered)):
            continue
        kept.append(n)
    return kept


def _place_of(word: str, places: dict[str, str]) -> str | None:
    """The label of the place the article names that a folded word is, or is the
    nationality adjective of ("azerbaijani" of "azerbaijan"), else None."""
    if places.get(word) in NATION_ENTS:
        return places[word]
    if word in places:
        return None  # the model's ORG of the word itself is no place
    if word in names.DEMONYMS.values():
        return "NORP"
    for place in places:  # the model reads a country as an ORG too
        stem = place[:max(MIN_STEM_CHARS, len(place) - 2)]
        if (word != place and word.startswith(stem) and len(word) - len(place) <= 4
                and names.nationality(word) == names.nationality(place)):
            return "NORP"
    return None


# Last words of a company's registered name ("Vellmark Co.", "Tarn Electric Co.", "Acme
# Holdings PLC"), folded: a one-word "person" opening such a name is the company's short
# name. Legal forms, and the words that end a bank's name ("Harbourton Savings Bank",
# "Norland Bancorp"); "Group" and "Organization" also follow a person's name ("Vell
# Organization").
COMPANY_DESIGNATORS = frozenset({"co", "cos", "corp", "corporation", "inc", "incorporated",
                                 "ltd", "limited", "plc", "llc", "ag", "nv", "sa", "gmbh",
                                 "bank", "bancorp", "bankshares"})
# Prepositions before a place ("in Tarnby", "from Harbourton"): where a name the model
# reads as a place is one.
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "outside", "across", "around"})
# Shortest part of a place's name a nationality adjective must begin with ("keny" of
# Kenya for Kenyan): shorter ones join unrelated words.
MIN_STEM_CHARS = 4


def _capital_says_nothing(doc: Doc, i: int, lowered: set[int]) -> bool:
    """Whether the capital of the word at ``i`` is no evidence of a name: the article
    writes the word in lower case, or it stands in a headline line or opens a sentence
    where the tagger reads it as no proper noun, and the tagger reads it as one nowhere
    mid-sentence in the article ("Tarnby said", "Moss returns as ...": surnames
    opening a sentence, stay)."""
    tok = doc[i]
    if tok.lower in lowered:  # the ids of the words the article writes in lower case
        return True
    if not (_title_case_line(doc, i) or (_opens_sentence(doc, i) and tok.pos_ != "PROPN")):
        return False
    return not any(t.text == tok.text and t.pos_ == "PROPN" and not _opens_sentence(doc, t.i)
                   and not _title_case_line(doc, t.i) for t in doc if t.i != i)


def _addressed_or_apposed(doc: Doc, start: int, end: int) -> bool:
    """Whether a name the model labelled an organisation or a place is a person's: a form
    of address opens it or stands right before it ("Professor Vandermeer"), or it stands
    in apposition to a noun for a person ("a professor of economics, Yanis Vandermeer,").
    Its words must all be capitalised proper nouns, no masthead among them."""
    addressed = _address(doc[start])
    first = start + 1 if addressed else start
    aged = False
    if not addressed:
        if start > 0 and _address(doc[start - 1]):
            addressed = True
        elif end - start >= 2 and _age_after(doc, end):
            aged = True
        elif end - start < 2 or doc[start:end].root.dep_ != "appos":
            return False  # most names: neither, told by two tokens' words and one label
    words = doc[first:end]
    if (not 0 < len(words) <= MAX_RELABEL_TOKENS
            or not all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in words)
            or names.is_masthead(words.text)):
        return False
    common = any(model.common_word(doc, t.lower_) for t in words)
    if aged:
        # "Ola Tarnby, 47,": a full name with an age is a person's, unless a place the
        # tables know or a name of common words ("Apollo, 11" is no age)
        return not common and not names.is_known_place(fold_name(words.text))
    if addressed:
        # a title the model read into the name may be part of a brand's or a band's name
        # ("Dr Pepper", "Sgt Pepper", "Mr Price"): there the name is a person's only when
        # it is no common word or the article writes it elsewhere as a person's
        return first == start or not common or _person_elsewhere(doc, start, end,
                                                                 words[-1].lower_)
    # apposition: a full name (two words or more, none a common word: "the president, Tarn
    # Media Group" is no person) beside one person ("Otters 4, Sea Hawks 3" is
    # a score: a plural head), no place the tables know, and a name the model read as a
    # place only right after its noun ("councillor Ola Vell") or with a given name
    # ("Its largest owner, Norland, said" is no person)
    root = doc[start:end].root
    return (len(words) >= 2 and root.head.tag_ == "NN"
            and lemma_of(root.head).lower() in PERSON_NOUNS and not common
            and not names.is_known_place(fold_name(words.text))
            and (doc[start].ent_type_ != "GPE" or root.head.i == start - 1
                 or names.is_given_name(words[0].lower_)))


# Oldest age news copy writes after a name ("Ola Tarnby, 47,").
MAX_AGE = 120


def _age_after(doc: Doc, end: int) -> bool:
    """Whether a name ending at ``end`` is followed by an age set off by commas, as news
    copy gives a person's ("Ola Tarnby, 47, said" or "... from Ola Tarnby, 47.")."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    age, after = doc[end + 1].text, doc[end + 2].text
    # ASCII digits only: "²" is a digit to str.isdigit, not to int()
    return (len(age) <= 3 and age.isascii() and age.isdigit() and 0 < int(age) <= MAX_AGE
            and after in {",", ".", ";"})


def _person_elsewhere(doc: Doc, start: int, end: int, surname: str) -> bool:
    """Whether the model labels a name holding ``surname`` a person outside ``start:end``
    (a surname may come first: "Ong Vel Tarn")."""
    return any(ent.label_ == "PERSON" and not start <= ent.start < end
               and any(t.lower_ == surname for t in ent) for ent in entities_of(doc))


def _address(tok: Token) -> bool:
    # "Prof.", "Dr", "Ms": a form of address, never written all in capitals ("MS Columbus",
    # a ship; "MX Keys", a product)
    return tok.lower_.strip(".") in PERSON_ADDRESS and tok.text[:1].isupper() and not (
        tok.text.strip(".").isupper() and len(tok.text.strip(".")) > 1)


def _unsupported_word(doc: Doc, i: int) -> bool:
    """Whether a one-token person name at ``i`` has nothing but its capital for it: it opens
    a sentence, where any word is capitalised, is no given name, is a word (below), and the
    tagger reads it as a common word there and nowhere in the article as a proper noun
    written so ("Idk if ...": a chat abbreviation the model took for a name)."""
    tok = doc[i]
    if (tok.pos_ == "PROPN" or not tok.is_alpha or not tok.is_title
            or names.is_given_name(tok.lower_) or not _opens_sentence(doc, i)):
        return False
    word = tok.lower_
    # what says it is a word, not a name: the lemmatizer lists it ("Rice", "Apps"), it
    # has no vowel after its first letter, as no name has ("Idk", "Smh"), or the article
    # writes it in lower case; a rare name the tagger misreads ("Tarnvik said") has none
    if not (model.common_word(doc, word) or not any(c in VOWELS for c in word[1:])
            or any(t.lower_ == word and t.is_lower for t in doc)):
        return False
    return not any(t.text == tok.text and t.pos_ == "PROPN" for t in doc if t.i != i)


def _glued_word(doc: Doc, i: int, end: int) -> bool:
    """Whether token ``i``, opening a person's name that ends before ``end``, is a word no
    name holds that the model read as part of it: a word in lower case before a capitalised
    one ("rang Tarnby"; name particles such as "von" and "de" and given names excepted), or
    a verb's -ing or -ed form, a headline verb or an adjective opening a sentence, a line
    or a headline, where every word is capitalised ("Questioning Tarnby's judgment",
    "Having Vell host", "Asked Moss whether", "Recent Nordvik smart TVs")."""
    tok = doc[i]
    if tok.is_lower:  # a name written all in lower case is left as it is ("ana vik")
        return (tok.is_alpha and tok.lower_ not in names.NAME_PARTICLES
                and not names.is_given_name(tok.lower_)
                and any(t.text[:1].isupper() for t in doc[i + 1:end]))
    if (not tok.is_alpha or names.is_given_name(tok.lower_)
            or not (_verb_form(doc, tok.lower_) or names.is_inflected_verb(tok.text)
                    or (tok.pos_ == "ADJ" and model.common_word(doc, tok.lower_)))):
        return False
    return _opens_sentence(doc, i) or _title_case_line(doc, i)


# Shortest -ing or -ed form read as a verb's: "Jared" (jar + ed) and "Hamed" are given
# names, as any such word of five letters may be; "Having", "Joining", "Suspended" are
# longer. None of the 2,168 given names of the ``nicknames`` table is such a form.
MIN_VERB_FORM_CHARS = 6
_VERB_ENDINGS = ("ing", "ed")


def _verb_form(doc: Doc, word: str) -> bool:
    """Whether a lower-case word is an -ing or -ed form of a verb the pipeline's rule
    lemmatizer knows ("questioning" -> question, "having" -> have, "stunning" -> stun):
    the lemmatizer's exceptions table, or one of its rules giving a word of its verb index.
    False for a pipeline without such a lemmatizer and for other languages than English,
    whose verbs end otherwise."""
    if len(word) < MIN_VERB_FORM_CHARS or not word.endswith(_VERB_ENDINGS) or doc.lang_ != "en":
        return False
    tables = model.lemma_tables(doc, ("verb",))
    if tables is None:
        return False
    index, exceptions, rules = tables[0]
    if word in exceptions:
        return True
    return any(word.endswith(old) and word[:len(word) - len(old)] + new in index
               for old, new in rules if old in _VERB_ENDINGS)


def _opens_sentence(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a sentence or a line, after nothing but punctuation and
    numbers there ("3. Asking", a quote mark): where a word is capitalised whatever it
    is."""
    while not doc[i].is_sent_start and i > 0:
        prev = doc[i - 1]
        if "\n" in prev.text_with_ws:
            return True
        if not (prev.is_punct or prev.like_num):
            return False
        i -= 1
    return True


def _glued_names_kept(doc: Doc, found: list[_Name]) -> list[_Name]:
    """The names, less those cut after a glued word (``_glued_word``) whose rest names
    no one: kept where the rest ends the name of one person the article writes in full
    ("Questioning Tarnby" is Tarnby where the article names Ola Tarnby, as
    ``_person_key`` joins a surname) or holds a given name before its last word ("rookie
    Emil Tarnby", "unbeaten Norlander Aksel Vellsen"). Where no name of the article
    ends so, a capitalised word cut as a verb's form that the tagger reads as a name before
    a word that is none of the lemmatizer's ("Fareed Vellsen", "Blessing Tarnby": given
    names spelt like "fare"+"ed", "bless"+"ing") keeps the name as the model read it;
    others are dropped ("Serving Harbour", a verb before a common word, is no person called
    Harbour, "Robbing Sheriff" none called Sheriff, "a Grocery Store" none at all)."""
    full = [_tokens(doc, n) for n in found if n.label == "PERSON" and not n.glued]
    full = [t for t in full if _is_full(t)]
    kept = []
    for n in found:
        if n.glued:
            toks = _tokens(doc, n)
            owners = {tuple(t) for t in full if len(t) > len(toks) and t[-len(toks):] == toks}
            if len(owners) > 1:
                continue
            if not owners and not any(names.is_given_name(t) for t in toks[:-1]):
                if not _read_as_given_name(doc, n):
                    continue
                n = _Name(n.read_from, n.end, n.label, n.key)
        kept.append(n)
    return kept


def _read_as_given_name(doc: Doc, n: _Name) -> bool:
    """Whether the words cut off a glued name (``_glued_word``) are capitalised ones the
    tagger reads as proper nouns, before a name none of whose words is a common word
    the lemmatizer lists ("Fareed Vellsen"; not "Serving Harbour", whose "Serving" is tagged
    a verb, nor "Robbing Sheriff", a sheriff being a noun)."""
    cut = doc[n.read_from:n.start]
    return (len(cut) > 0 and all(t.pos_ == "PROPN" and not t.is_lower for t in cut)
            and not any(model.common_word(doc, t.lower_) for t in doc[n.start:n.end] if t.is_alpha))


_POSSESSIVES = frozenset({"'s", "’s"})


def _cut_headline_verb(doc: Doc, start: int, end: int, label: str) -> int:
    """'Lund Says Arctic Nations' -> 'Lund': a name ends before a headline's verb."""
    if label not in VERB_CUT_LABELS:
        return end
    for i in range(start + 1, end):
        tok = doc[i]
        if names.is_inflected_verb(tok.text) and (tok.is_lower or _title_case_line(doc, i)):
            return _drop_possessive(doc, start, i)
    return end


def _headline_run(doc: Doc, start: int, end: int, label: str) -> bool:
    """A 'person' spanning most of a title-case line is the headline, not a name."""
    if label != "PERSON" or end - start <= MAX_PERSON_TOKENS or not _title_case_line(doc, start):
        return False
    line = _line_words(doc, start)
    return len(line) >= MIN_HEADLINE_WORDS and (end - start) >= HEADLINE_SHARE * len(line)


def _line_words(doc: Doc, i: int) -> list[str]:
    text: str = text_of(doc)
    lo = text.rfind("\n", 0, doc[i].idx) + 1
    hi = text.find("\n", doc[i].idx)
    return text[lo:hi if hi != -1 else len(text)].split()


def _title_case_line(doc: Doc, i: int) -> bool:
    """Whether token ``i`` stands in a headline-style line: nearly every long word capitalised."""
    long_words = [w for w in _line_words(doc, i) if len(w) > TITLE_CASE_MIN_CHARS
                  and w[:1].isalpha()]
    if len(long_words) < MIN_HEADLINE_WORDS - 1:
        return False
    capitalised = sum(w[:1].isupper() for w in long_words)
    return capitalised >= TITLE_CASE_SHARE * len(long_words)


def _label(text: str, label: str, article: Article) -> str:
    """A 'person' or 'place' that is the article's outlet or wire, or ends in a masthead
    word ("Harbour Herald", "Valley Wire"), is an ORG: the model misreads mastheads."""
    if label not in OUTLET_CONFUSABLE:
        return label
    own = {fold_name(x) for x in (article.outlet, article.wire) if x}
    return "ORG" if fold_name(text) in own or names.is_masthead(text) else label


def _extend_particles(doc: Doc, end: int, label: str) -> int:
    """'Ursula von' + 'der Leyen' -> one name: the model often cuts at a name particle."""
    if label != "PERSON":
        return end
    i = end
    while i < len(doc) and doc[i].lower_ in names.NAME_PARTICLES:
        i += 1
    cut_at_particle = doc[end - 1].lower_ in names.NAME_PARTICLES or i > end
    if cut_at_particle and i < len(doc) and doc[i].text[:1].isupper():
        return i + 1
    return end


def _cut_at_break(doc: Doc, start: int, end: int) -> int:
    """A name never spans a paragraph break; the model sometimes joins two lines."""
    for i in range(start, end):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            return i + 1 if "\n" in doc[i].whitespace_ else i
    return end


def _drop_possessive(doc: Doc, start: int, end: int) -> int:
    while end > start + 1 and doc[end - 1].lower_ in {"'s", "’s", "'", "’"}:
        end -= 1
    return end


# ---------------------------------------------------------------- 2. article-local clusters

def _tokens(doc: Doc, n: _Name) -> list[str]:
    return names.name_key(names.strip_possessive(doc[n.start:n.end].text[n.lead:])).split()


def _is_full(toks: list[str]) -> bool:
    return len(toks) >= 2 and toks[0] not in names.NAME_PARTICLES


def _cluster(found: list[_Name], doc: Doc) -> None:
    # (first, last) -> the cluster key of the first full name so spelled
    full: dict[tuple[str, str], str] = {}
    tokens = [_tokens(doc, n) for n in found]
    kinds = [_short_form_kind(doc, n) for n in found]
    for n, toks in zip(found, tokens, strict=True):
        if n.label == "PERSON" and _is_full(toks):
            full.setdefault((toks[0], toks[-1]), PERSON_PREFIX + " ".join(toks))
    # Words the article writes after a title that takes a given name ("King Tarvo"), and
    # one-word names it writes of people ("Eino"): what a bare word shared with a full
    # name's surname may stand for (``_given_or_surname``).
    given = {tuple(toks) for n, toks, kind in zip(found, tokens, kinds, strict=True)
             if kind == GIVEN and n.label == "PERSON" and toks}
    alone = {toks[0] for n, toks in zip(found, tokens, strict=True)
             if n.label == "PERSON" and len(toks) == 1}
    for n, toks, kind in zip(found, tokens, kinds, strict=True):
        key = _person_key(n, toks, full, kind)
        if key and not kind and tuple(toks) in given and key != PERSON_PREFIX + " ".join(toks):
            key = _given_or_surname(doc, n, toks, full, alone)  # it joined a full name
        n.key = _other_key(n, toks) if key is None else key
        if n.key.startswith(PERSON_PREFIX):
            n.label = "PERSON"
    found[:] = [n for n in found if n.key]


def _given_or_surname(doc: Doc, n: _Name, toks: list[str], full: dict[tuple[str, str], str],
                      alone: set[str]) -> str:
    """The key of a bare name that the article also writes after a title taking a given
    name ("Tarvo" beside "King Tarvo"): a monarch or a pope is called by that name
    alone, while a full name it ends ("Eino Tarvo") is called by its surname. Where
    no full name ends so, or the article calls each such person by their given name alone
    ("Eino"), the word is the titled person's; after a title or form of address that
    takes a surname ("President Tarvo", "Mr. Tarvo") it is the one full name's. Where
    the article gives both readings and nothing decides, "" (no mention: no join beats a
    wrong one)."""
    own = PERSON_PREFIX + " ".join(toks)
    owners = sorted({k for k in full.values()
                     if k != own and k[len(PERSON_PREFIX):].split()[-len(toks):] == toks})
    if not owners:
        return own
    before = doc[n.start - 1] if n.start > 0 else None
    if n.titled or (before is not None and before.lower_ not in GIVEN_NAME_TITLES
                    and (names.is_title_word(before.text) or _address(before))):
        return owners[0] if len(owners) == 1 else ""
    if all(k[len(PERSON_PREFIX):].split()[0] in alone for k in owners):
        return own
    return ""


def _short_form_kind(doc: Doc, n: _Name) -> str:
    """What a name's words may be short for: GIVEN after a royal title ("King Tarvo": a
    given name, never the surname of the article's "Eino Tarvo"), ONE_WORD for a name
    written as one word with hyphens ("Vell-Tarnby": one surname, though its key has two
    words), else ""."""
    if n.start > 0 and doc[n.start - 1].lower_ in GIVEN_NAME_TITLES:
        return GIVEN
    text = doc[n.start:n.end].text[n.lead:]
    return ONE_WORD if "-" in text and not any(c.isspace() for c in text) else ""


# Titles after which a word is a given name, not a surname (a monarch or a pope is called by
# the given name: "King Tarvo", "Pope Leo"); the list corpus/entities/ties.py keeps
# for the join across articles.
GIVEN_NAME_TITLES = frozenset({"king", "queen", "prince", "princess", "pope", "emperor",
                               "empress", "tsar", "czar"})
GIVEN = "given"
ONE_WORD = "one word"


def _person_key(n: _Name, toks: list[str], full: dict[tuple[str, str], str],
                kind: str = "") -> str | None:
    if not toks:
        return None
    if kind == ONE_WORD:  # "Har-Shefi": the one longer full name it ends, if any
        own = PERSON_PREFIX + " ".join(toks)
        longer = {k for k in full.values()
                  if k != own and k[len(PERSON_PREFIX):].split()[-len(toks):] == toks}
        if len(longer) == 1:
            return longer.pop()
    if n.label == "PERSON" and _is_full(toks):
        return full[(toks[0], toks[-1])]
    if _is_full(toks) and PERSON_PREFIX + " ".join(toks) in full.values():
        return PERSON_PREFIX + " ".join(toks)  # the person's full name under another label
        #                                        ("Ana Vik Tarnby" read as a title)
    if n.label != "PERSON" and n.label not in CONFUSABLE_LABELS:
        return None
    if (n.label != "PERSON" and len(toks) > 1 and toks[0] not in names.NAME_PARTICLES
            and kind != ONE_WORD):
        return None  # a place of several words is no surname: "North America" after a
        #              company read as a person, "Vellcom North America"
    if kind == GIVEN:
        return PERSON_PREFIX + " ".join(toks) if n.label == "PERSON" else None
    # A short form joins the full name it ends ("Vik", "van der Tarn"); ambiguous if two do.
    owners = {k for k in full.values()
              if k[len(PERSON_PREFIX):].split()[-len(toks):] == toks}
    if len(owners) == 1:
        return owners.pop()
    if n.label == "PERSON":
        return PERSON_PREFIX + " ".join(toks)
    return None


def _other_key(n: _Name, toks: list[str]) -> str:
    return f"{n.label}:{names.strip_article(' '.join(toks))}"


def _mention(a: _Article, start: int, end: int, label: str, key: str,
             lead: int = 0) -> Mention:
    span = a.doc[start:end]
    return Mention(a.article.id, span.start_char + lead, span.end_char, span.text[lead:],
                   label, key)


# ---------------------------------------------------------------- 3. titles and appositions

def _title_before(a: _Article, n: _Name) -> None:
    """'Harbour Board Chair Ana Vik', 'the head of the council, Ola Vell'."""
    doc = a.doc
    end = n.start
    comma = end > 0 and doc[end - 1].text == ","
    if comma:
        end -= 1
    start = end
    while start > 0 and n.start - start < MAX_TITLE_TOKENS and (
            _title_token(doc[start - 1]) or 0 <= n.title_from < start):
        start -= 1
    while start < end and doc[start].lower_ in {"of", "'s", "’s"}:
        start += 1
    if comma and (start == end or doc[start].lower_ != "the"):
        return
    if not _has_head(doc[start:end]):
        nation = _possessive_nation(doc, n.start) if not comma else None
        if nation is not None:
            # "Norland's Eino Tarvo": his country, learned as a title with no office
            # (a role naming it may be his: "the Norlandic leader"); no TITLED mention
            a.learned.setdefault(n.key, []).append(_describe(nation))
        return
    role = _describe(doc[start:end])
    a.learned.setdefault(n.key, []).append(role)
    a.taken.update(range(start, end))
    a.out.append(_mention(a, start, n.end, "TITLED", n.key))


def _possessive_nation(doc: Doc, start: int) -> Span | None:
    """The country or people whose a name is said to be, written right before it in the
    possessive ("Norland's Eino Tarvo"), or None."""
    if start < 2 or doc[start - 1].lower_ not in {"'s", "’s"}:
        return None
    k = start - 1
    while k > 0 and doc[k - 1].ent_type_ in NATION_ENTS:
        k -= 1
    return doc[k:start] if k < start - 1 else None


def _title_token(tok: Token) -> bool:
    if tok.ent_type_ == "PERSON":
        return False
    w = tok.lower_
    return (names.is_title_word(w) or w in {"of", "the", "'s", "’s"}
            or tok.ent_type_ in QUALIFIER_ENTS)


def _has_head(span: Span) -> bool:
    return any(t.lower_ in names.ROLE_HEADS for t in span)


def _apposition_after(a: _Article, n: _Name) -> None:
    """'Keir Starmer, the British prime minister,' -> a ROLE in Starmer's cluster."""
    doc = a.doc
    if n.end >= len(doc) - 1 or doc[n.end].text != ",":
        return
    start = n.end + 1
    end = start
    while end < len(doc) and end - start < MAX_ROLE_TOKENS and (
            _role_token(doc[end]) or (end > start and doc[end].lower_ in OFFICE_PREPOSITIONS
                                      and end + 1 < len(doc) and _role_token(doc[end + 1]))):
        end += 1
    closes = end == len(doc) or doc[end].is_punct
    if end == start or not closes or not _has_head(doc[start:end]):
        return
    if doc[end - 1].lower_ in {"of", "the"}:
        return
    a.learned.setdefault(n.key, []).append(_describe(doc[start:end]))
    a.taken.update(range(start, end))
    a.out.append(_mention(a, start, end, "ROLE", n.key))


# Prepositions inside an office's name after its holder's ("Jusman Syafii Djamal, minister
# of transport for Indonesia,"; "ambassador to Azerbaijan"), between role words.
OFFICE_PREPOSITIONS = frozenset({"for", "to"})


def _role_token(tok: Token) -> bool:
    if tok.ent_type_ == "PERSON" or tok.is_punct:
        return False
    w = tok.lower_
    return (names.is_title_word(w) or w in {"of", "the", "'s", "’s"}
            or tok.ent_type_ in QUALIFIER_ENTS or tok.pos_ in ROLE_FILLER_POS)


# ---------------------------------------------------------------- 4. role descriptions

def _roles(a: _Article) -> None:
    doc = a.doc
    name_tokens = {i for n in a.names for i in range(n.start, n.end)}
    i = 0
    # Only role nouns can head a description: found on the LOWER array, not by making a
    # Token for every word (a spaCy object per token was most of this step's time).
    # (a set test per word: numpy.isin's sorting set-up cost more on an article's ~500 words)
    for head in [t for t, w in enumerate(doc.to_array(LOWER).tolist()) if w in _ROLE_HEAD_IDS]:
        if head < i:
            continue  # inside the description just read
        i = head
        tok = doc[i]
        if i in a.taken or i in name_tokens or tok.tag_ in PLURAL_TAGS:
            continue
        span = _role_span(doc, i, name_tokens)
        if span is None:
            continue
        start, end = span
        role = _describe(doc[start:end])
        person = _resolve(a, role, _apposed_to(a, start, name_tokens), start)
        key = person or ROLE_PREFIX + role.key
        a.out.append(_mention(a, start, end, "ROLE", key))
        a.taken.update(range(start, end))
        i = end


# The role nouns as LOWER ids (spaCy's hashes of the strings).
_ROLE_HEAD_IDS = frozenset(get_string_id(w) for w in names.ROLE_HEADS)


def _role_span(doc: Doc, head: int, name_tokens: set[int]) -> tuple[int, int] | None:
    """A definite description around a role noun: 'the (former Dutch) leader (of the X)'."""
    start = head
    while start > 0 and head - start < MAX_ROLE_TOKENS and doc[start - 1].lower_ != "the":
        prev = doc[start - 1]
        if prev.i in name_tokens and prev.ent_type_ == "PERSON":
            return None
        if prev.lower_ in _POSSESSIVES:
            # "Norland's transport minister": a country's possessive determines the role
            owner = _possessive_nation(doc, start)
            if owner is None:
                return None
            start = owner.start
            break
        if not (_role_token(prev) and prev.lower_ not in {"of", "'s", "’s"}):
            return None
        start -= 1
    else:
        if start == 0 or doc[start - 1].lower_ != "the":
            return None
        start -= 1
    end = head + 1
    while end < len(doc) and doc[end].lower_ in names.ROLE_NOUNS:
        end += 1
    if end < len(doc) and doc[end].pos_ == "NOUN":
        return None  # the role noun qualifies another noun: 'the chief economist'
    end = _of_phrase(doc, end, name_tokens)
    if end < len(doc) and doc[end].ent_type_ == "PERSON":
        return None  # a title before a name, handled with the name
    if any(doc[k].tag_ in PLURAL_TAGS for k in range(head, end) if doc[k].lower_ in
           names.ROLE_HEADS):
        return None
    return start, end


def _of_phrase(doc: Doc, end: int, name_tokens: set[int]) -> int:
    """Extend over 'of (the) X Y' where X Y are qualifier words ('of the European Commission')."""
    if end >= len(doc) - 1 or doc[end].lower_ != "of":
        return end
    k = end + 1
    if doc[k].lower_ == "the":
        k += 1
    stop = k
    while stop < len(doc) and stop - k < 4 and (doc[stop].ent_type_ in QUALIFIER_ENTS
                                                 or doc[stop].pos_ in ROLE_FILLER_POS):
        if doc[stop].ent_type_ == "PERSON":
            break
        stop += 1
    return stop if stop > k else end


def _describe(span: Span) -> _Role:
    nations: set[str] = set()
    orgs: set[str] = set()
    heads: set[str] = set()
    for run, ent in _qualifier_runs(span):
        if ent in NATION_ENTS or fold_name(run) in names.DEMONYMS:
            nations.add(names.nationality(run))
        elif ent in QUALIFIER_ENTS:
            orgs.add(names.strip_article(fold_name(run)))
    words = [t.lower_ for t in span]
    for n, w in enumerate(words):
        # A generic head before another role noun qualifies it: 'chief executive' is headed
        # by 'executive', so it is not any 'chief' of the article.
        after_generic = n > 0 and words[n - 1] in names.GENERIC_HEADS
        before_role = n + 1 < len(words) and words[n + 1] in names.ROLE_NOUNS
        if w in names.GENERIC_HEADS and before_role:
            continue
        if w in names.ROLE_HEADS or (after_generic and w in names.ROLE_NOUNS):
            heads.add(w)
    former = any(t.lower_ in {"former", "ex", "then"} for t in span)
    subject = any(t.dep_ in SUBJECT_DEPS for t in span if t.lower_ in heads)
    office = any(w in names.GENERIC_HEADS and w in heads and span[n - 1].pos_ == "NOUN"
                 and not span[n - 1].ent_type_ for n, w in enumerate(words) if n > 0)
    return _Role(frozenset(nations), frozenset(orgs), frozenset(heads),
                 names.role_key(span.text), former, subject, office)


def _qualifier_runs(span: Span) -> list[tuple[str, str]]:
    """Consecutive entity tokens of a span, with their entity type ('U.S.', 'GPE')."""
    runs: list[tuple[str, str]] = []
    cur: list[Token] = []
    for t in [*span, None]:
        if t is not None and t.ent_type_ in QUALIFIER_ENTS and t.lower_ != "the":
            if cur and cur[-1].ent_type_ != t.ent_type_:
                runs.append((" ".join(x.text for x in cur), cur[0].ent_type_))
                cur = []
            cur.append(t)
        elif cur:
            runs.append((" ".join(x.text for x in cur), cur[0].ent_type_))
            cur = []
    return runs


def _resolve(a: _Article, role: _Role, beside: str | None = None, at: int = 0) -> str | None:
    """The person a role denotes in this article, or None where it is not clear.

    A title of theirs decides first; then the name the role stands beside ("Ola Vell,
    the former executive director for Norland at ..."; ``beside`` is "" where that name is
    no one the article knows); then a title sharing the role's head; last, for a former
    office or a qualified generic role ("the Norlander leader", "the elected head of the
    council") no title names, standing as a clause's subject ("Lund met the former
    executive director" is someone else), the person the passage is about (named as a
    clause's subject just before it: "... Tarnby said Thursday. The former harbour master
    also accused Vell"), else the article's main subject, never one the role's own
    clause names as its object ("accused Vell"), a generic one only where the article
    gives that person some title or office of its own. A bare generic role ("the head",
    "the chief") is no one's unless a title gives it, nor one a common noun qualifies
    ("the fire chief": another office).
    """
    exact = [k for k, roles in a.learned.items() if any(r.key == role.key for r in roles)]
    if len(exact) == 1:
        return exact[0]
    if role.orgs or role.nations:
        strong = [k for k, roles in a.learned.items() if any(_covers(r, role) for r in roles)]
        if strong:
            return _pick(a, strong, at)
    if beside is not None:
        return beside or None
    if role.orgs:
        return None  # an organisation's officer needs a title naming that organisation
    weak = [k for k in _persons(a) if _compatible(a.learned.get(k, []), role)]
    if weak:
        return _pick(a, weak, at)
    generic = bool(role.heads) and role.heads <= names.GENERIC_HEADS
    if not role.subject or not (role.former or (generic and len(role.key.split()) > 1)):
        return None
    if role.office:
        return None  # "the fire chief said" is not the article's main subject speaking
    # Whom the passage is about (a clause's subject just before: "..., Tarnby said
    # Thursday. The former harbour master also accused Vell"), else the article's main
    # subject; never one the role's own clause names as its object ("accused Vell").
    others = _objects_after(a, at)
    topic = _passage_subject(a, [k for k in _persons(a) if k not in others], at)
    main = topic if topic is not None else _main_subject(a)
    if main is None or main in others or _other_nation(a.learned.get(main, []), role):
        return None
    if generic and not role.former and not a.learned.get(main):
        # "the Norlandic leader" names no office, only that its holder leads: a main subject
        # the article gives no title or office of any kind leads nothing it says (a boy
        # it names thirty times); who it is is then for a title elsewhere to say. A former
        # office stated in full ("the former Massachusetts governor") still may be theirs.
        return None
    return main


def _apposed_to(a: _Article, start: int, name_tokens: set[int]) -> str | None:
    """The key of the person a role right after 'Name,' stands beside: "" where the word
    before the comma is a name but no person's the article has, None where no name is."""
    doc = a.doc
    if start < 2 or doc[start - 1].text != ",":
        return None
    word = doc[start - 2]
    if word.i in name_tokens:
        return next((n.key for n in a.names if n.start <= word.i < n.end
                     and n.label == "PERSON"), None)
    return "" if word.pos_ == "PROPN" and not word.ent_type_ else None


def _covers(title: _Role, role: _Role) -> bool:
    heads_ok = bool(title.heads & role.heads) or role.heads <= names.GENERIC_HEADS
    return (heads_ok and role.orgs <= title.orgs and role.nations <= title.nations
            and names.role_rank(title.key) == names.role_rank(role.key))


def _compatible(titles: list[_Role], role: _Role) -> bool:
    """A title or apposition the article gives the person shares the role's head and rank
    and holds every word of the role's key ('the former president' after 'President
    Lund'), and the role names no nation: one their title leaves out is another holder's
    ('the president of Norland' is not the article's 'President Vell'; a title naming it
    was looked for first), and so is another office under the same head ('the commerce
    secretary' is not 'the interior secretary, Ola Tarnby')."""
    if role.nations:
        return False
    rank = names.role_rank(role.key)
    words = set(role.key.split())
    return any(t.heads & role.heads and names.role_rank(t.key) == rank
               and words <= set(t.key.split()) for t in titles)


def _other_nation(titles: list[_Role], role: _Role) -> bool:
    return any(t.nations and role.nations and not t.nations & role.nations for t in titles)


def _persons(a: _Article) -> list[str]:
    return list(dict.fromkeys(n.key for n in a.names if n.label == "PERSON"))


def _pick(a: _Article, candidates: list[str], at: int = 0) -> str | None:
    """The one of several people a role fits that it denotes at token ``at``: the one the
    passage is about (``_passage_subject``), else the article's main subject."""
    if len(candidates) == 1:
        return candidates[0]
    topic = _passage_subject(a, candidates, at)
    if topic is not None:
        return topic
    main = _main_subject(a)
    return main if main in candidates else None


# Sentences before a role's own that its passage spans: a role ("the president") stands for
# the person the sentences just before it are about, named as a clause's subject there
# ("Mr. Vell and his aides were leaning ... The president and his top aides decided").
# Wire paragraphs hold one to three sentences; three reach back over a pronoun's sentence
# or two ("Mr. Vell continued ... he offered ... when he and President Tarvo spoke
# ..., the President took pains").
PASSAGE_SENTENCES = 3


def _passage_subject(a: _Article, candidates: list[str], at: int) -> str | None:
    """The candidate named as a clause's subject nearest before token ``at``, in its
    sentence or the ``PASSAGE_SENTENCES`` before it; None where none is (a name only in an
    object or a conjunct, "he and President Tarvo spoke", is no subject of its own) or
    where another candidate is named between that subject and ``at`` (code review REV5 #4:
    "Kurt Lassen attacked Ormond on Thursday. The former governor said ..." is Ormond's as
    likely as Lassen's)."""
    doc = a.doc
    if at <= 0 or at > len(doc):
        return None
    starts = 0
    lo = at
    while lo > 0 and starts <= PASSAGE_SENTENCES:
        lo -= 1
        starts += doc[lo].is_sent_start is True
    wanted = set(candidates)
    named_after: set[str] = set()  # candidates named between a subject and the role
    for n in reversed(a.names):
        if n.end > at or n.label != "PERSON" or n.key not in wanted:
            continue
        if n.start < lo:
            break
        if doc[n.start:n.end].root.dep_ in SUBJECT_DEPS:
            # another candidate named after the subject ("Lassen attacked Ormond. The
            # former governor said"): the passage is about either; no guess
            return n.key if not named_after - {n.key} else None
        named_after.add(n.key)
    return None


# Dependency labels of a verb's or a preposition's objects.
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "dative", "pobj", "obl"})


def _objects_after(a: _Article, at: int) -> set[str]:
    """The people named after token ``at`` in its sentence as an object ("The former harbour
    master also accused Vell"): a description that is the clause's subject is someone
    else than its object."""
    if not 0 <= at < len(a.doc):
        return set()
    end = a.doc[at].sent.end
    return {n.key for n in a.names if n.label == "PERSON" and at < n.start < end
            and a.doc[n.start:n.end].root.dep_ in OBJECT_DEPS}


def _main_subject(a: _Article) -> str | None:
    counts = Counter(n.key for n in a.names if n.label == "PERSON").most_common(2)
    if not counts or counts[0][1] < MAIN_SUBJECT_MIN_MENTIONS:
        return None
    if len(counts) > 1 and counts[1][1] >= counts[0][1]:
        return None
    return counts[0][0]


# Entity labels of pipelines trained on other schemes (WikiNER: the French, German,
# Spanish, ... spaCy pipelines) mapped onto the ones the stages read. LOC there covers
# countries and cities as much as rivers, so it reads as GPE; MISC (works, events,
# nationalities mixed) has no one counterpart and is left out.
FOREIGN_LABELS: dict[str, str] = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}


def relabel(doc: Doc) -> None:
    """Put ``doc``'s entities under this module's labels when its pipeline uses WikiNER's
    (an OntoNotes pipeline's LOC, "the Alps", stays as it is)."""
    if not wikiner_labels(doc) or not doc.ents:  # the set look-up first: spaCy builds ents
        return
    from spacy.tokens import Span

    doc.ents = [Span(doc, e.start, e.end, label=FOREIGN_LABELS[e.label_])
                for e in doc.ents if e.label_ in FOREIGN_LABELS]
    entities_changed(doc)  # entities_of reads the new ones
