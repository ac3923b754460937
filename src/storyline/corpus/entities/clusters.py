"""Article-local mention clusters and the groups the corpus joins them into.

A ``Cluster`` is one article's mentions of one thing (its names, the labels the model gave,
the titles it carries); every join in this package unions clusters in one ``UnionFind`` and
reads the same few facts of them: their name keys, their names as a person's (``cores_of``),
whether they are a person's (``is_person``), and the label votes each group has gathered.
Those helpers live here so that the person, short-form, organisation and role joins share
one reading of a cluster.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...analyze import names
from ...analyze.mentions import PERSON_PREFIX, ROLE_PREFIX
from ...clean import outlets
from ...records import Mention

# Labels that never become entities on their own: nationalities ("Ukrainian") are
# adjectives, not referents, and an alias there would only split a country's names.
SKIP_LABELS = frozenset({"NORP"})
STRUCTURAL_LABELS = frozenset({"ROLE", "TITLED"})
# A short form joins the most frequent full name only when it outnumbers the next by this.
SURNAME_DOMINANCE = 3
# Last words that make a name an organisation's whatever the model said: no person's
# surname ends so, and the model reads "Wexcombe Police" as a first name and a surname
# (then "Wexcombe" alone as its first name). Unit heads that are also surnames (Court,
# Board, Center, Dean, Service: the historian Robert Service) are left out.
NEVER_SURNAMES = frozenset({
    "police", "committee", "subcommittee", "department", "ministry", "council", "agency",
    "commission", "authority", "administration", "directorate",
    "secretariat", "inspectorate", "tribunal", "hospital", "university", "airlines",
    "airways",
})
# Last words of a street's name ("Main St.", "Snyder Ave"): no surname is one of them, so a
# "person" so named is the street (FAC).
STREET_WORDS = frozenset({"st", "street", "ave", "avenue", "rd", "road", "blvd", "boulevard"})
# Words a "person" may have before its first word holding a digit and still be a person's
# name the model ran on into a number ("Joe Louis 26-1", "Adrianna Knight 12": a given name
# and a surname, two words). With fewer, the number is part of the name, which no person's
# is: a product, model or thing ("Thunderbolt 3", "COVID 19", "RAV4 Hybrid", "140bn").
MIN_WORDS_BEFORE_NUMBER = 2
_DIGIT = re.compile(r"\d")
# Where a lower-case letter meets a capital inside a word: where a page glued a name's copy
# on ("FerreiraNadia"), and where names like "McDonald" have their second capital.
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")
ORG_SUFFIXES = frozenset({"inc", "corp", "corporation", "ltd", "plc", "co", "llc", "nv",
                          "sa", "ag", "group", "company"})
# An acronym as written: two to six capitals, with or without full stops ("GAO", "U.S.").
ACRONYM = re.compile(r"^[A-Z](?:\.?[A-Z]){1,5}\.?$")
# Most characters between a name and the acronym written right after it that still define
# the acronym there: "the European Union (EU)" has 2 (" ("), "Exploration Upper Stage, or
# EUS" 5 (", or "). A longer gap holds a word of its own.
ACRONYM_GAP = 5


@dataclass(slots=True)
class Cluster:
    """One article's mentions of one thing (one mention key): the names written, the
    labels the model gave, the aliases shown and the titles it carries."""

    article: str
    key: str
    names: list[str] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)
    surfaces: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    # Where the article first writes one of the cluster's names (None: roles only), and
    # where its last mention ends.
    start: int | None = None
    end: int = 0
    # ``full_keys`` and ``cores_of``, worked out once: every join reads them, and names and
    # labels no longer change once ``make_clusters`` has made the cluster. Sorted tuples: a
    # set per cluster held three times the memory (6 MiB more after the step at 1k).
    keys: tuple[str, ...] | None = None
    cores: tuple[str, ...] | None = None
    # Each distinct name's key, worked out once.
    keyed: dict[str, str] | None = None
    top: str | None = None  # the label the model gave most often
    ref: tuple[str, str] = field(init=False)  # (article, key): a hundred thousand reads
    # Whether the article keyed the cluster as a person's: a key that is a known place
    # alone ("PERSON:kyiv") is not, whatever label the model gave (``_label``), nor a
    # news outlet's name alone ("PERSON:politico", ``_outlet_keys``).
    person_key: bool = field(init=False)
    # The refs of the clusters whose name the article writes right before one of this
    # cluster's acronyms ("the European Union (EU)", ``ACRONYM_GAP``): the article's own
    # definition of the acronym.
    defined_by: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.ref = (self.article, self.key)
        self.person_key = (self.key.startswith(PERSON_PREFIX) and not _place_key(self.key)
                           and not _body_key(self.key) and _thing_label(self.key) is None)

    def top_label(self) -> str:
        if self.top is None:
            self.top = self.labels.most_common(1)[0][0]
        return self.top

    @property
    def role_only(self) -> bool:
        return not self.names

    def full_keys(self) -> tuple[str, ...]:
        if self.keys is None:
            self.keyed = {n: _key(n, self.labels) for n in set(self.names)}
            keys = set(self.keyed.values())
            self.keys = tuple(sorted({k for k in keys if len(k.split()) > 1} or keys))
        return self.keys

    def named_keys(self) -> list[tuple[str, str, int]]:
        """(name, its key, how many times written) for each distinct name."""
        self.full_keys()
        assert self.keyed is not None
        return [(n, self.keyed[n], times) for n, times in Counter(self.names).items()]


class UnionFind:
    """The groups clusters are joined into, by (article, key); the smallest ref is a
    group's root, so that a root never depends on the order of the joins."""

    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(self, x: tuple[str, str]) -> tuple[str, str]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def make_clusters(mentions: Iterable[Mention]) -> list[Cluster]:
    by_ref: dict[tuple[str, str], Cluster] = {}
    person_text: dict[tuple[str, str, int], str] = {}
    ordered = sorted(mentions, key=lambda m: (m.article, m.start, m.end, m.label))
    outlets = _outlet_keys(ordered)
    before: Mention | None = None  # the article's last name before this one
    for m in ordered:
        if m.label in SKIP_LABELS:
            continue
        c = by_ref.setdefault((m.article, m.key), Cluster(m.article, m.key))
        c.surfaces.extend(_surfaces(m))
        c.end = max(c.end, m.end)
        if m.label not in STRUCTURAL_LABELS:
            c.names.append(_unglued(names.strip_possessive(m.text), m.label))
            c.start = m.start if c.start is None else c.start
            outlet = m.label == "PERSON" and (m.article, m.key) in outlets
            c.labels["ORG" if outlet else _label(m)] += 1
            person_text[(m.article, m.key, m.end)] = m.text
            if (before is not None and before.article == m.article and before.key != m.key
                    and 0 < m.start - before.end <= ACRONYM_GAP
                    and ACRONYM.match(m.text.strip())):
                c.defined_by.append((before.article, before.key))
            before = m
    for ref in outlets:
        if ref in by_ref:
            by_ref[ref].person_key = False
    for m in ordered:
        if m.label == "TITLED":
            bare = person_text.get((m.article, m.key, m.end), "")
            title = m.text[: len(m.text) - len(bare)].rstrip(" ,")
            if bare and title:
                by_ref[(m.article, m.key)].titles.append(title)
                if title.lower().startswith("the "):  # an apposition: a role in its own right
                    by_ref[(m.article, m.key)].surfaces.append(title)
        elif m.label == "ROLE" and not m.key.startswith(ROLE_PREFIX):
            by_ref[(m.article, m.key)].titles.append(m.text)
    return sorted(by_ref.values(), key=lambda c: c.ref)


def _outlet_keys(ordered: list[Mention]) -> set[tuple[str, str]]:
    """(article, key) of the person keys whose whole name is a news outlet's
    (``is_outlet_name``: "Politico reported", which the model reads as a person's name):
    an outlet, unless the article names a person in full who bears that word ("Bloomberg"
    beside "Michael Bloomberg", "Dawn" beside "Dawn Hill") or gives the name a title or a
    role, as only a person's takes ("Mayor Bloomberg")."""
    found: set[tuple[str, str]] = set()
    borne: set[tuple[str, str]] = set()
    titled: set[tuple[str, str]] = set()
    for m in ordered:
        if m.label in STRUCTURAL_LABELS:
            titled.add((m.article, m.key))
        if m.label != "PERSON" or not m.key.startswith(PERSON_PREFIX):
            continue
        text = names.strip_possessive(m.text)
        if (is_outlet_name(text)
                and names.strip_article(names.name_key(text)) == m.key[len(PERSON_PREFIX):]):
            found.add((m.article, m.key))
        elif len(words := names.name_key(m.text).split()) > 1:
            borne.update((m.article, w) for w in words)
    return {(a, k) for a, k in found if (a, k) not in titled
            and not any((a, w) in borne for w in k[len(PERSON_PREFIX):].split())}


def is_outlet_name(text: str) -> bool:
    """Whether a written name is a news outlet's whole name as the outlets table knows it:
    a name of two words or more in any case ("Associated Press", "the Associated Press");
    one word only as the outlet spells itself ("Politico", "Sputnik"; not "Watson" for
    the site "watson": a one-word outlet's name is a surname as often, and the spelling
    is what the page tells them apart by)."""
    bare = text.strip()
    bare = bare[4:] if bare.lower().startswith("the ") else bare
    if " " in bare:
        return names.strip_article(names.name_key(bare)) in _outlet_tables()[1]
    return bare in _outlet_tables()[0]


@functools.cache
def _outlet_tables() -> tuple[frozenset[str], frozenset[str]]:
    """The outlets table's one-word names as the outlets spell them, and the name keys of
    its names of two words or more, cited forms and news agencies' names included."""
    own = set(outlets.known_outlets().values())
    keys = (names.strip_article(names.name_key(n))
            for n in (*own, *outlets.wire_agency_names()))
    return (frozenset(n for n in own if " " not in n.strip()),
            frozenset(k for k in keys if " " in k))


def _place_key(key: str) -> bool:
    """Whether an article-local person key is a known place and nothing more."""
    return key.startswith(PERSON_PREFIX) and names.is_known_place(key[len(PERSON_PREFIX):])


def _body_key(key: str) -> bool:
    """Whether an article-local person key ends in a word no surname is ("Wexcombe Police")."""
    words = key[len(PERSON_PREFIX):].split() if key.startswith(PERSON_PREFIX) else []
    return len(words) >= 2 and words[-1] in NEVER_SURNAMES


@functools.lru_cache(maxsize=names.NAME_KEY_CACHE)
def _thing_label(key: str) -> str | None:
    """What an article-local person key names when no person's name can be so written: a
    street ("PERSON:main st", ``STREET_WORDS``) is a FAC, a name whose number stands in its
    first or second word ("PERSON:covid 19", ``MIN_WORDS_BEFORE_NUMBER``) a PRODUCT (the
    label such names mostly have: "Thunderbolt 3", "Nighthawk X4"); None for any other,
    and for one that opens with a given name: "Street" and "Road" are surnames too ("Della
    Street", "Ray Road": a given name first is a person's name; code review REV5 #12)."""
    if not key.startswith(PERSON_PREFIX):
        return None
    words = key[len(PERSON_PREFIX):].split()
    if not words or names.is_given_name(words[0]):
        return None
    if len(words) >= 2 and words[-1] in STREET_WORDS:
        return "FAC"
    return "PRODUCT" if any(_DIGIT.search(w) for w in words[:MIN_WORDS_BEFORE_NUMBER]) \
        else None


def _label(m: Mention) -> str:
    """The mention's label, a person's that is a known place alone counted as the place's,
    one ending in a word no surname is as an organisation's, and one no person's name can
    be as what it names (``_thing_label``): the model's one "PERSON" on "Kiev" must not make
    the corpus's Kiev a person, nor "Wexcombe Police" or "Main St." one."""
    if m.label != "PERSON":
        return m.label
    if _place_key(m.key):
        return "GPE"
    return "ORG" if _body_key(m.key) else _thing_label(m.key) or m.label


def _surfaces(m: Mention) -> list[str]:
    """The mention's text, and for a non-person name also without its article or quotes."""
    if m.label in STRUCTURAL_LABELS:
        return [m.text]
    text = names.strip_possessive(m.text)
    if m.label == "PERSON":
        return [_unglued(text, m.label)]
    bare = text.strip(" \"'“”‘’«»„")
    if bare.lower().startswith("the "):
        bare = bare[4:].strip(" \"'“”‘’«»„")
    return list(dict.fromkeys([text, bare]))


def _unglued(name: str, label: str) -> str:
    """A person's name without the copy of itself a page glued on ("Nadia FerreiraNadia" ->
    "Nadia Ferreira": a tag list "Nadia FerreiraNadia Ferreira" run together, which the model cuts
    inside the glued word). Only a word whose part after a lower-case letter and a capital
    is the name's first word again, whole, is cut there: no name repeats its own first word
    inside a later one, and "McDonald", "DeVos" or Ada "McAdam" start no name over."""
    words = name.split()
    if label != "PERSON" or len(words) < 2 or len(words[0]) < 2:
        return name
    for i, word in enumerate(words[1:], 1):
        for cut in _GLUED.finditer(word):
            tail = word[cut.start():]
            if tail == words[0] or (tail.startswith(words[0])
                                    and tail[len(words[0])].isupper()):
                return " ".join([*words[:i], word[:cut.start()]])
    return name


def _key(name: str, labels: Counter[str]) -> str:
    key = names.strip_article(names.name_key(name))
    if labels.get("ORG"):
        words = key.split()
        while len(words) > 1 and words[-1] in ORG_SUFFIXES:
            words.pop()
        key = " ".join(words)
    return key


def is_person(c: Cluster) -> bool:
    """Whether the article keyed the cluster as a person's or the model read it so most."""
    return c.person_key or c.top_label() == "PERSON"


def join_equal(named: list[Cluster], uf: UnionFind) -> None:
    """Clusters that share a full name key (or, with none, a short one) are one group."""
    first: dict[str, tuple[str, str]] = {}
    for c in named:
        for k in sorted(c.full_keys()):
            if k in first:
                uf.union(first[k], c.ref)
            else:
                first[k] = c.ref


def cores_of(c: Cluster) -> tuple[str, ...]:
    """The cluster's names as a person's, without titles and leading initials."""
    if c.cores is None:
        c.cores = tuple(sorted({names.person_core(k) for k in c.full_keys()}))
    return c.cores


def is_org_vote(votes: Counter[str]) -> bool:
    """Whether a group's label votes make it an organisation's, never on a tie with a
    person's."""
    return bool(votes) and votes["ORG"] >= max(votes.values()) > votes["PERSON"]


def label_votes(named: list[Cluster], uf: UnionFind) -> dict[tuple[str, str], Counter[str]]:
    """The labels the model gave each group's members, by group root."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in named:
        votes[uf.find(c.ref)].update(c.labels)
    return votes


def union_votes(uf: UnionFind, votes: dict[tuple[str, str], Counter[str]],
                 a: tuple[str, str], b: tuple[str, str]) -> None:
    # Keep the per-group votes in step with the union instead of recounting every group.
    ra, rb = uf.find(a), uf.find(b)
    uf.union(a, b)
    if ra != rb:
        merged = votes.pop(ra, Counter()) + votes.pop(rb, Counter())
        votes[uf.find(a)] = merged


def is_person_vote(votes: Counter[str]) -> bool:
    """Whether a group's label votes make it a person's."""
    return votes["PERSON"] >= max(votes.values())  # a tie goes to the person reading


def dominant(owners: Counter[tuple[str, str]], uf: UnionFind) -> tuple[str, str] | None:
    """The group that owns a form ``SURNAME_DOMINANCE`` times as often as any other, or
    None."""
    roots: Counter[tuple[str, str]] = Counter()
    for r, n in owners.items():
        roots[uf.find(r)] += n
    ranked = roots.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= SURNAME_DOMINANCE * ranked[1][1]:
        return ranked[0][0]
    return None
