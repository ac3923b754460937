"""Article-local mention clusters -> corpus ``Entity`` records, name variants merged.

Two clusters join when they share a full name (after folding case, diacritics, titles and
transliteration endings), when one is a short form (a surname, an acronym) of exactly one
full name in the corpus or of the one person its own articles write in full (a surname, a
given name or its short form: "Tim" for "Timothy Brandvold"), when their spellings differ
only as transliterations do, or when a role left unresolved in its article that says whose
it is ("the president of the European Commission", not "the prime minister") matches a
title the corpus gives exactly one person.
A longer organisation name that adds a body or product of its own ("Senate Judiciary
Committee") is never the shorter one. Types are decided by majority over the corpus.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..analyze import names
from ..analyze.mentions import PERSON_PREFIX, ROLE_PREFIX
from ..records import Entity, Mention, content_id
from ..text import fold_name

# Labels that never become entities on their own: nationalities ("Ukrainian") are
# adjectives, not referents, and an alias there would only split a country's names.
SKIP_LABELS = frozenset({"NORP"})
STRUCTURAL_LABELS = frozenset({"ROLE", "TITLED"})
# Surname similarity above which two full names with the same first name are one person:
# 0.94 joins Zelensky/Zelenskyi/Zelenskij (after ending folding) and Mohammed/Mohamed but
# keeps Smith/Smyth-like pairs of distinct people under it for names of 5+ letters.
SURNAME_SIMILARITY = 0.94
MIN_FUZZY_LENGTH = 5
# First-name similarity for one surname (Volodymyr/Volodimir); distinct people sharing a
# surname (Donald/Melania) score far lower.
FIRST_NAME_SIMILARITY = 0.88
# Shortest word prefix that counts as the same word in organisation names
# ("Coalition of Willing" / "Coalition for Will").
MIN_PREFIX = 4
# A short form joins the most frequent full name only when it outnumbers the next by this.
SURNAME_DOMINANCE = 3
# An organisation's canonical name is a longer form that adds words after a shorter one of
# its names ("NBA League Pass" after "NBA", "Zentrix Aurora" after "Zentrix") only
# while the shorter is mentioned less than this many times as often: articles call the
# organisation by its name, and a longer form mentioned once beside a name used a dozen
# times names a product, an office or a service of it. 3 as SURNAME_DOMINANCE: it keeps
# "State Department" (4 "State", 2 "State Department"), "Interior Department" and "Kraft
# Foods" on the eval exports and names "NASA" (99), not "NASA's Office of the Inspector
# General" (1).
SHORT_NAME_DOMINANCE = 3
# A word with a digit names a model, a version or an edition ("Yoga C940", "ES 350",
# "Artemis 2"), never an organisation's own name after its first words.
_MODEL_WORD = re.compile(r"\d")
# A possessive after a name's first words ("NASA's Office of ...", "Apple's AirPods Pro"):
# what follows belongs to that name; it is not its longer form.
_POSSESSIVE = re.compile(r"^[^\s]+?(?:'s|’s|s'|s’)$")
# Head nouns of an organisation's units, bodies and programmes. A longer name that adds
# words of its own ending in one ("Senate" + "Judiciary Committee", "UN" + "Security
# Council", "iPhone" + "Developer Program", "Royal Oak" + "Beaumont Hospital") names a
# body within or beside the shorter one, not the shorter one's full name. Only the head
# added ("Interior" + "Department", "Ohio State" + "University") is the shorter name's own
# full name and still joins. Drawn from the kinds of bodies news names (government,
# courts, schools, programmes), not from any evaluation text; "store", "airlines",
# "foods", "films" are left out as words that end a company's own name.
ORG_UNIT_HEADS = frozenset({
    "committee", "subcommittee", "department", "dept", "office", "ministry", "council",
    "agency", "bureau", "division", "program", "programme", "service", "services",
    "commission", "court", "board", "institute", "center", "centre", "school", "college",
    "faculty", "hospital", "clinic", "laboratory", "laboratories", "lab", "labs", "unit",
    "panel", "caucus", "branch", "directorate", "authority", "administration", "foundation",
    "fund", "museum", "academy", "initiative", "project", "task", "force", "team", "squad",
    "secretariat", "inspectorate", "tribunal", "chamber", "conference",
})
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
# A word with a capital after a lower-case letter ("xCloud", "AirPods", "CarPlay") is a
# product's name; after an organisation's name it names that product, not the maker.
_PRODUCT_WORD = re.compile(r"[a-z][A-Z]")
# Words that, opening the added words, show the shorter name was cut inside a longer one
# ("U.S. Fish" + "and Wildlife Service"): the longer is the same name, not a part.
_NAME_JOINERS = frozenset({"and", "&"})
# Words that, after a name ending in a unit head, say which unit the longer name is ("the
# state Department of Public Safety" is not the "State Department").
_UNIT_OF = frozenset({"of", "for"})
# British word endings and their American spelling, for organisation names written both
# ways ("Centre"/"Center", "Programme"/"Program"). Only whole-word endings after a stem of
# three letters or more: both spellings of one name fold to one word, and a word that
# merely ends so ("Metre") folds the same way on both sides. Only the endings no two
# organisations are told apart by: -our/-or and -ence/-ense are left out, because the
# spelling is the name there: Britain's Labour Party is not Australia's Labor Party, and
# Britain's or Australia's Ministry of Defence is not the Ministry of Defense of a
# country written the American way.
_BRITISH_ENDINGS = (
    (re.compile(r"(?<=[a-z]{3})tre$"), "ter"),
    (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3})amme$"), "am"),
)
_BRITISH_TAILS = ("tre", "ise", "ised", "ises", "ising", "isation", "isations", "amme")
# Where a lower-case letter meets a capital inside a word: where a page glued a name's copy
# on ("FerreiraNadia"), and where names like "McDonald" have their second capital.
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Most words of a place's name that open an organisation's ("Los Angeles" Angels).
MAX_PLACE_WORDS = 3
# What folding leaves of an apostrophe surname's first part: O'Brien, D'Arcy.
APOSTROPHE_PARTICLES = frozenset({"o", "d"})
ACRONYM = re.compile(r"^[A-Z](?:\.?[A-Z]){1,5}\.?$")
ORG_SUFFIXES = frozenset({"inc", "corp", "corporation", "ltd", "plc", "co", "llc", "nv",
                          "sa", "ag", "group", "company"})
# Head nouns an organisation's own full name ends with after its short name ("Ohio State"
# + "University", "China Eastern" + "Airlines"): a longer name adding one of them alone is
# the short name written in full however rarely, never something named after it. The unit
# heads alone count too ("Interior" + "Department").
FULL_NAME_HEADS = ORG_UNIT_HEADS | ORG_SUFFIXES | frozenset({
    "university", "airlines", "airways", "foods", "films"})
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "a", "an", "in", "on", "at"})
# Preference when the votes for a type tie.
TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART")


@dataclass(slots=True)
class _Cluster:
    article: str
    key: str
    names: list[str] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)
    surfaces: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    # Where the article first writes one of the cluster's names (None: roles only).
    start: int | None = None
    # ``full_keys`` and ``_cores``, worked out once: every join reads them, and names and
    # labels no longer change once ``_clusters`` has made the cluster. Sorted tuples: a
    # set per cluster held three times the memory (6 MiB more after the step at 1k).
    keys: tuple[str, ...] | None = None
    cores: tuple[str, ...] | None = None
    # Each distinct name's key, worked out once.
    keyed: dict[str, str] | None = None
    top: str | None = None  # the label the model gave most often
    ref: tuple[str, str] = field(init=False)  # (article, key): a hundred thousand reads
    # Whether the article keyed the cluster as a person's: a key that is a known place
    # alone ("PERSON:kyiv") is not, whatever label the model gave (``_label``).
    person_key: bool = field(init=False)

    def __post_init__(self) -> None:
        self.ref = (self.article, self.key)
        self.person_key = (self.key.startswith(PERSON_PREFIX) and not _place_key(self.key)
                           and not _body_key(self.key))

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


class _UnionFind:
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


def merge_entities(mentions: Sequence[Mention]) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """Corpus entities and the map (article, mention key) -> entity id."""
    clusters = _clusters(mentions)
    uf = _UnionFind()
    named = [c for c in clusters if not c.role_only]
    for c in named:
        uf.find(c.ref)
    # 1. One full name (or one short name) in several articles, whatever the model called it.
    _join_equal(named, uf)
    # Titles, ranks and leading initials: "Constable Tim Fanning", "H. Dale Hall".
    _join_person_cores(named, uf)
    # 2. Spelling variants: transliterations, garbled organisation names, acronyms.
    _join_person_variants(named, uf)
    _join_org_variants(named, uf)
    _join_acronyms(named, uf)
    _join_country_forms(named, uf)
    # 3. Surnames alone, to the one full name they shorten; an organisation's first word
    # to the one organisation it opens ("Northrop" / "Northrop Grumman").
    # The labels the model gave each group, kept in step with the joins from here on.
    groups_votes = _label_votes(named, uf)
    _join_short_forms(named, uf, groups_votes)
    # A bare surname or given name the corpus left apart, to the one full name in its own
    # articles it fits ("Ferreira" / "Nadia Ferreira", "Tim" / "Timothy Brandvold").
    _join_article_short_forms(named, uf, groups_votes)
    _join_org_short_forms(named, uf, groups_votes)
    _join_place_led_forms(named, uf, groups_votes)
    # 4. Roles left open in their article, through the titles the corpus has seen.
    _join_roles(clusters, uf)
    return _entities(clusters, uf)


# ---------------------------------------------------------------- clusters

def _clusters(mentions: Iterable[Mention]) -> list[_Cluster]:
    by_ref: dict[tuple[str, str], _Cluster] = {}
    person_text: dict[tuple[str, str, int], str] = {}
    ordered = sorted(mentions, key=lambda m: (m.article, m.start, m.end, m.label))
    for m in ordered:
        if m.label in SKIP_LABELS:
            continue
        c = by_ref.setdefault((m.article, m.key), _Cluster(m.article, m.key))
        c.surfaces.extend(_surfaces(m))
        if m.label not in STRUCTURAL_LABELS:
            c.names.append(_unglued(names.strip_possessive(m.text), m.label))
            c.start = m.start if c.start is None else c.start
            c.labels[_label(m)] += 1
            person_text[(m.article, m.key, m.end)] = m.text
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


def _place_key(key: str) -> bool:
    """Whether an article-local person key is a known place and nothing more."""
    return key.startswith(PERSON_PREFIX) and names.is_known_place(key[len(PERSON_PREFIX):])


def _body_key(key: str) -> bool:
    """Whether an article-local person key ends in a word no surname is ("Wexcombe Police")."""
    words = key[len(PERSON_PREFIX):].split() if key.startswith(PERSON_PREFIX) else []
    return len(words) >= 2 and words[-1] in NEVER_SURNAMES


def _label(m: Mention) -> str:
    """The mention's label, a person's that is a known place alone counted as the place's
    and one ending in a word no surname is as an organisation's: the model's one "PERSON"
    on "Kiev" must not make the corpus's Kiev a person, nor "Wexcombe Police" one."""
    if m.label != "PERSON":
        return m.label
    return "GPE" if _place_key(m.key) else "ORG" if _body_key(m.key) else m.label


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


def _is_person(c: _Cluster) -> bool:
    return c.person_key or c.top_label() == "PERSON"


# ---------------------------------------------------------------- joins

def _join_equal(named: list[_Cluster], uf: _UnionFind) -> None:
    first: dict[str, tuple[str, str]] = {}
    for c in named:
        for k in sorted(c.full_keys()):
            if k in first:
                uf.union(first[k], c.ref)
            else:
                first[k] = c.ref


def _cores(c: _Cluster) -> tuple[str, ...]:
    """The cluster's names as a person's, without titles and leading initials."""
    if c.cores is None:
        c.cores = tuple(sorted({names.person_core(k) for k in c.full_keys()}))
    return c.cores


def _join_person_cores(named: list[_Cluster], uf: _UnionFind) -> None:
    """People whose names agree once titles and leading initials are left out; then a
    name without a middle initial ("George Bush") joins the one name the corpus writes
    with them ("George W. Bush"). With two such ("George W. Bush" and "George H. W.
    Bush") it is either, and joins neither. A generation suffix is never dropped: "Ned
    Tallow" and "Ned Tallow Jr." are two people (``names.without_middle``)."""
    first: dict[str, tuple[str, str]] = {}
    written_in: dict[str, set[str]] = defaultdict(set)
    for c in named:
        if not _is_person(c):
            continue
        for core in sorted(_cores(c)):
            if len(core.split()) < 2:
                continue
            written_in[core].add(c.article)
            if core in first:
                uf.union(first[core], c.ref)
            else:
                first[core] = c.ref
    fuller: dict[str, set[str]] = defaultdict(set)
    for core in first:
        plain = names.without_middle(core)
        if plain != core:
            fuller[plain].add(core)
    for plain, cores in sorted(fuller.items()):
        if plain in first and len(cores) == 1:
            uf.union(first[plain], first[cores.pop()])
    _join_given_name_forms(first, written_in, uf)
    _join_generation_forms(named, uf)


def _join_generation_forms(named: list[_Cluster], uf: _UnionFind) -> None:
    """A name with a generation suffix ("Patrick W. Carlineo Jr.") joins the same name
    without it ("Patrick Carlineo", "Pat Carlineo": middle initials and the given name's
    short form aside) when one article writes both and names one person only: it writes
    the suffixed name first, as articles introduce a person in full before they shorten
    the name. An article names two people, a father and his son, when it writes the name
    with two suffixes ("Sr." and "Jr."), the two forms with different middle initials, the
    surname with the suffix alone ("Trump Jr.": told apart from another of the name), or
    the name without the suffix before the suffixed one ("President Donald Trump", then
    "Donald Trump Jr."). Across articles the forms stay apart: an article writing "Arne
    Dahl" alone may mean the father (``names.without_middle``)."""
    in_article: dict[str, list[tuple[str, _Cluster]]] = defaultdict(list)
    for c in named:
        if _is_person(c):
            in_article[c.article].extend((core, c) for core in _cores(c)
                                         if len(core.split()) >= 2)
    for found in in_article.values():
        for core, c in found:
            words = core.split()
            if len(words) < 3 or words[-1] not in names.GENERATIONS:
                continue
            given, *middle, surname, suffix = words
            if any(o.split() == [surname, s] for o, _ in found for s in names.GENERATIONS):
                continue  # "Trump Jr."
            same = [(o, other) for o, other in found if o != core
                    and _generation_form(o, given, surname)]
            suffixes = {suffix, *(o.split()[-1] for o, _ in same
                                  if o.split()[-1] in names.GENERATIONS)}
            middles = {m for m in (tuple(middle), *(_middle(o) for o, _ in same)) if m}
            first = min((other.start for _, other in same if other.start is not None),
                        default=None)
            if len(suffixes) == 1 and len(middles) <= 1 and \
                    (first is None or c.start is None or c.start <= first):
                for _, other in same:
                    uf.union(c.ref, other.ref)


def _generation_form(core: str, given: str, surname: str) -> bool:
    """Whether a person name core is ``given surname``, with or without middle initials, a
    generation suffix or the given name's short form ("pat carlineo" for "patrick")."""
    words = core.split()
    if words[-1] in names.GENERATIONS:
        words.pop()
    return len(words) >= 2 and words[-1] == surname and \
        (words[0] == given or given in names.formal_given_names(words[0]))


def _middle(core: str) -> tuple[str, ...]:
    """The words between a person name core's given name and its surname, a generation
    suffix left out ("patrick w carlineo jr" -> ["w"])."""
    words = core.split()
    if words[-1] in names.GENERATIONS:
        words.pop()
    return tuple(words[1:-1])


def _join_given_name_forms(first: dict[str, tuple[str, str]], written_in: dict[str, set[str]],
                           uf: _UnionFind) -> None:
    """A name whose given name is a short form ("Ted Norbury") joins the one name with the
    same surname and a full given name that form stands for ("Theodore Norbury"), as the
    ``nicknames`` table lists them, when one article writes both, or wherever they are
    written when the table gives the short form for one full name alone ("Tim" only for
    "Timothy"): a form the table gives for several (John for Jonathan, Johann, Ivan) may
    be a name of its own, so across articles the two may be two people. With two such
    ("Al Smith" beside "Albert Smith" and "Alan Smith") it is either, and joins
    neither. The full name may add middle initials ("Pat Norbury" / "Patrick W.
    Norbury", ``names.without_middle``)."""
    plain: dict[str, set[str]] = defaultdict(set)
    for core in first:
        plain[names.without_middle(core)].add(core)
    for core in sorted(first):
        given, *rest = core.split()
        if not rest:
            continue
        formal = names.formal_given_names(given)
        fuller = {uf.find(first[full]) for name in formal
                  for full in plain.get(" ".join([name, *rest]), ())
                  if full != core and (len(formal) == 1 or written_in[core] & written_in[full])}
        if len(fuller) == 1:
            uf.union(first[core], fuller.pop())


def _join_person_variants(named: list[_Cluster], uf: _UnionFind) -> None:
    """Full names whose first names agree and surnames are near-identical spellings."""
    people = sorted({k for c in named if _is_person(c) for k in c.full_keys()
                     if len(k.split()) > 1})
    owner = {k: c.ref for c in named for k in c.full_keys()}
    for i, j in _name_pairs_sharing_a_part(people):
        a, b = people[i], people[j]
        if _same_person_name(a.split(), b.split()):
            uf.union(owner[a], owner[b])


def _name_pairs_sharing_a_part(people: list[str]) -> list[tuple[int, int]]:
    """Index pairs (i < j, in order) of names with the same first name or the same surname.

    Only such pairs can be one person's spellings (``_same_person_name`` needs one part
    equal), so comparing within these blocks finds the same pairs as comparing all of them,
    without the quadratic cost on a large corpus.
    """
    blocks: dict[tuple[int, str], list[int]] = defaultdict(list)
    for i, name in enumerate(people):
        parts = name.split()
        blocks[(0, parts[0])].append(i)
        blocks[(1, parts[-1])].append(i)
    pairs = {(a, b) for members in blocks.values() if len(members) > 1
             for n, a in enumerate(members) for b in members[n + 1:]}
    return sorted(pairs)


def _same_person_name(a: list[str], b: list[str]) -> bool:
    first = names.jaro_winkler(a[0], b[0])
    last = names.jaro_winkler(a[-1], b[-1])
    long_enough = min(len(a[-1]), len(b[-1])) >= MIN_FUZZY_LENGTH
    if a[0] == b[0]:
        return long_enough and last >= SURNAME_SIMILARITY
    return a[-1] == b[-1] and long_enough and first >= FIRST_NAME_SIMILARITY


def _join_org_variants(named: list[_Cluster], uf: _UnionFind) -> None:
    """'Coalition of the Willing' / 'Coalition for Will': every content word a prefix match,
    once British and American spellings are one ('Betty Ford Centre' / 'Center')."""
    by_first: dict[str, list[tuple[list[str], tuple[str, str]]]] = defaultdict(list)
    for c in named:
        if _is_person(c):
            continue
        for k in c.full_keys():
            words = [_spelling(w) for w in k.split() if w not in FUNCTION_WORDS]
            if len(words) >= 2:
                by_first[words[0]].append((words, c.ref))
    for group in by_first.values():
        for i, (a, ra) in enumerate(group):
            for b, rb in group[i + 1:]:
                if len(a) == len(b) and all(map(_prefix_match, a, b)):
                    uf.union(ra, rb)


def _spelling(word: str) -> str:
    """A folded word with its British spelling written the American way ('centre' ->
    'center', 'recognised' -> 'recognized', 'programme' -> 'program'), so that the two
    spellings of one organisation's name compare equal; 'labour' and 'defence' stay as
    they are (``_BRITISH_ENDINGS``)."""
    if not word.endswith(_BRITISH_TAILS):
        return word
    for pattern, american in _BRITISH_ENDINGS:
        word = pattern.sub(american, word)
    return word


def _prefix_match(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= MIN_PREFIX and long_.startswith(short))


def _join_acronyms(named: list[_Cluster], uf: _UnionFind) -> None:
    """'U.S.' / 'United States', 'GAO' / 'Government Accountability Office' when unique.

    The expansion is looked for in the acronym's own article first ("the Central Election
    Commission (CEC)" beside a "CIS Executive Committee" elsewhere), then in the whole
    corpus: the first that has exactly one decides, and one with several leaves the
    acronym alone. A name holding the acronym as a word ("U.S. Senate" for "US") is no
    expansion of it. The corpus's names of the acronym's label alone do not decide: "AI"
    (artificial intelligence, read as an organisation) is not the corpus's one
    organisation with those initials, "Amnesty International".
    """
    expansions: dict[str, list[_Cluster]] = defaultdict(list)
    for c in named:
        if not _is_person(c):
            for k in c.full_keys():
                if len(k.split()) > 1:
                    expansions[names.initials(k)].append(c)
    for c in named:
        if _is_person(c):
            continue
        for n in c.names:
            if ACRONYM.match(n.strip()):
                acronym = fold_name(n).replace(" ", "")
                found = [e for e in expansions.get(acronym, [])
                         if all(acronym not in k.split() for k in e.full_keys())]
                target = _one_expansion(c, found, uf)
                if target is not None:
                    uf.union(target, c.ref)


def _one_expansion(c: _Cluster, found: list[_Cluster],
                   uf: _UnionFind) -> tuple[str, str] | None:
    """The one group an acronym stands for, by ``_join_acronyms``'s order, or None."""
    for pick in ([e for e in found if e.article == c.article], found):
        roots = {uf.find(e.ref) for e in pick}
        if roots:
            return roots.pop() if len(roots) == 1 else None
    return None


def _join_country_forms(named: list[_Cluster], uf: _UnionFind) -> None:
    """One country written two ways: 'UK' / 'United Kingdom' / 'Britain' as places, and
    'U.S. Air Force' / 'United States Air Force' as organisations named after it."""
    first: dict[tuple[str, str], tuple[str, str]] = {}
    for c in named:
        kind = c.top_label()
        if kind not in ("GPE", "ORG") or _is_person(c):
            continue
        for k in sorted(c.full_keys()):
            form = names.country_form(k)
            if form is None or (kind == "ORG" and len(form.split()) < 2):
                continue  # an organisation is named after a country, not the country
            if (kind, form) in first:
                uf.union(first[(kind, form)], c.ref)
            else:
                first[(kind, form)] = c.ref


def _join_short_forms(named: list[_Cluster], uf: _UnionFind,
                      votes: dict[tuple[str, str], Counter[str]]) -> None:
    """A cluster with only a surname, or only a first name, joins the one full-name person
    it can stand for.

    Corpus-wide, the word must point at one person far more often than at any other
    (``SURNAME_DOMINANCE``), counting the people it is the surname of and those it is the
    first name of together. Within its own article, a surname the model did not call a
    person ("Kovner" read as an organisation after "Sarah Kovner") joins the article's one
    person of that surname. Across articles, a word the model read mostly as something
    else joins a person only as ``_join_sole_bearer`` says: one it also read as a person,
    however rarely, stays apart ("Paris" read once as a person is not "Paris Hilton"). A
    known place never joins a person.
    """
    by_part: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    in_article: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for c in named:
        if _is_person(c):
            for core in _cores(c):
                surname = _surname(core)
                if surname != core:
                    by_part[surname][uf.find(c.ref)] += 1
                    by_part[core.split()[0]][uf.find(c.ref)] += 1
                    in_article[(c.article, surname)].add(c.ref)
    # First words of the corpus's longer names that are no person's ("Ford Motor"): such a
    # word alone may be that organisation's short form.
    opening = {k.split()[0] for c in named if not _is_person(c) for k in c.full_keys()
               if len(k.split()) > 1}
    surnames = {surname for (_, surname) in in_article}
    titled = _titled_everywhere(named, uf)
    for c in named:
        cores = _cores(c)
        if any(_surname(k) != k for k in cores):
            continue
        if not _is_person_vote(votes[uf.find(c.ref)]):
            local = {uf.find(r) for k in cores for r in in_article.get((c.article, k), ())}
            if len(local) == 1:
                _union_votes(uf, votes, local.pop(), c.ref)
            elif not votes[uf.find(c.ref)]["PERSON"] or c.ref in titled:
                _join_sole_bearer(c, by_part, surnames, opening, votes, uf,
                                  place_readings=c.ref in titled)
            continue
        for k in cores:
            target = _dominant(by_part.get(k, Counter()), uf)
            if target:
                _union_votes(uf, votes, target, c.ref)


def _join_article_short_forms(named: list[_Cluster], uf: _UnionFind,
                              votes: dict[tuple[str, str], Counter[str]]) -> None:
    """A person's group written only as one word ("Ferreira", "Tim") that the corpus-wide
    rules left apart joins the one person its own articles write in full that the word
    fits: as the surname, as the given name, or as a short form of the given name the
    ``nicknames`` table gives ("Tim" for "Timothy Brandvold"). Articles name a person in
    full once and then by one name; when the corpus also has another bearer of that word
    ("Luis Ferreira" in another story), the article still says whom it means. Not when two
    people of one article could own the word ("Holt" beside "Jonas Holt" and "Mira
    Holt"), nor when one of the group's articles writes the word with no such person: a
    bare word is one group across the corpus (``_join_equal``), so it joins all or
    nothing, and an article writing "Steve" alone may mean anyone. A known place never
    joins a person."""
    groups: dict[tuple[str, str], list[_Cluster]] = defaultdict(list)
    full_in: dict[str, list[_Cluster]] = defaultdict(list)
    for c in named:
        groups[uf.find(c.ref)].append(c)
        if _is_person(c) and any(len(k.split()) > 1 for k in _cores(c)):
            full_in[c.article].append(c)
    for root, members in sorted(groups.items()):
        words = {k for c in members for k in _cores(c)}
        if (any(len(k.split()) > 1 for k in words) or not _is_person_vote(votes[root])
                or any(names.is_known_place(k) for k in words)):
            continue
        owners: set[tuple[str, str]] = set()
        for article in sorted({c.article for c in members}):
            found = {uf.find(o.ref) for o in full_in.get(article, ())
                     if any(_fits(w, core) for w in words for core in _cores(o))}
            found.discard(root)
            if len(found) != 1:  # nobody, or two people, in this article
                owners = found
                break
            owners |= found
        target = owners.pop() if len(owners) == 1 else None
        if target is not None and _is_person_vote(votes[uf.find(target)]):
            _union_votes(uf, votes, target, root)


def _fits(word: str, core: str) -> bool:
    """Whether one word can name the person of a full name core: its surname, its given
    name, or a short form of that given name ('tim' for 'timothy morrison')."""
    parts = core.split()
    return len(parts) > 1 and (word in (_surname(core), parts[0])
                               or parts[0] in names.formal_given_names(word))


def _titled_everywhere(named: list[_Cluster], uf: _UnionFind) -> set[tuple[str, str]]:
    """The clusters of the one-word groups that are a person's wherever they are written,
    however often the model also read the word as a place: every article writing the word
    reads it as a person at least once, and some article gives it a person's title
    ("Governor Quellmann"; a title is only ever a person's). A city named like a person
    ("Houston") is written as the city alone in some article, and stays out."""
    groups: dict[tuple[str, str], list[_Cluster]] = defaultdict(list)
    for c in named:
        groups[uf.find(c.ref)].append(c)
    found: set[tuple[str, str]] = set()
    for members in groups.values():
        if any(len(k.split()) > 1 for c in members for k in c.full_keys()):
            continue
        if not any(c.titles for c in members if c.person_key):
            continue
        read_as_person = {c.article for c in members if c.person_key}
        if all(c.article in read_as_person for c in members):
            found.update(c.ref for c in members)
    return found


def _join_sole_bearer(c: _Cluster, by_part: dict[str, Counter[tuple[str, str]]],
                      surnames: set[str], opening: set[str],
                      votes: dict[tuple[str, str], Counter[str]], uf: _UnionFind,
                      place_readings: bool = False) -> None:
    """Join a one-word group the model never read as a person ("Quellmann" read as an
    organisation in articles that never write "Dora") to the person whose name holds
    that word as its surname, when exactly one person in the corpus carries the word (as a
    surname or a first name), no longer name of something else opens with it, it is no
    known place, the model read the word mostly as something other than a place (a city
    named like a singer stays the city: "Houston" is not "Whitney Houston"), and the
    model's person readings of that person outnumber its other readings of the word.
    With ``place_readings`` (a group ``_titled_everywhere`` found a person's wherever it
    is written) the model's place readings of the word do not keep it apart."""
    root = uf.find(c.ref)
    own = votes[root]
    if (own and max(own, key=lambda t: (own[t], t)) in ("GPE", "LOC", "FAC")
            and not place_readings):
        return
    for k in _cores(c):
        if k in opening or names.is_known_place(k):
            continue
        bearers = {uf.find(r) for r in by_part.get(k, Counter())}
        if len(bearers) != 1 or k not in surnames:
            continue
        target = bearers.pop()
        if target == root or not _is_person_vote(votes[target]):
            continue
        if votes[target]["PERSON"] > sum(votes[root].values()):
            _union_votes(uf, votes, target, c.ref)
            return


def _surname(core: str) -> str:
    """The surname of a folded person name, with the particle an apostrophe leaves before
    it kept ("jim o brien" -> "o brien"); a name that is only a surname is its own."""
    words = core.split()
    if len(words) >= 3 and words[-1] in names.GENERATIONS:
        words.pop()  # "ned tallow jr": "tallow"
    if len(words) >= 2 and words[-2] in APOSTROPHE_PARTICLES:
        return " ".join(words[-2:])
    return words[-1] if words else core


def _join_org_short_forms(named: list[_Cluster], uf: _UnionFind,
                          votes: dict[tuple[str, str], Counter[str]]) -> None:
    """An organisation's name cut short after its first words joins the one longer name it
    opens: "Northrop" / "Northrop Grumman", "China Eastern" / "China Eastern Airlines".

    The longer name must be one the model called an organisation at least once, and the
    one the short form opens far more often than any other (``_dominant``): "Apple" stays
    apart when the corpus has both "Apple Inc." and "Apple Corps". A short form the corpus
    also uses as a place stays apart: "Wexcombe" is not "Wexcombe Police". A longer name that
    adds a body of its own or a product ("Senate Judiciary Committee", "Microsoft xCloud",
    ``_added_kind``) is another entity than the short form, and so is one that no article
    writes beside the short form while the short form is ``SHORT_NAME_DOMINANCE`` times as
    frequent (``_named_after``): "Zentrix Aurora", once, in an article that never says
    "Zentrix" alone, names a product; the articles that name the company say "Zentrix".
    """
    places = {k for c in named if c.labels["GPE"] or c.labels["LOC"] for k in c.full_keys()}
    by_prefix: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    # Units a short form may be cut from ("Bellflower" for "Bellflower Superior Court"):
    # they count against the other longer names it opens, but never take it.
    units: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    # Mentions of each key per article, and of the longer names each short form opens.
    uses: dict[str, Counter[str]] = defaultdict(Counter)
    opens: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    full: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for c in named:
        for _, k, times in c.named_keys():
            uses[k][c.article] += times
    for c in named:
        if votes[uf.find(c.ref)]["ORG"]:
            for k in c.full_keys():
                words = k.split()
                written = sum(times for _, key, times in c.named_keys() if key == k)
                for n in range(1, len(words)):
                    opens[" ".join(words[:n])][c.ref] += written
                    if set(words[n:]) <= FULL_NAME_HEADS:
                        full[" ".join(words[:n])].add(c.ref)
                    added = _added_kind(c, k, n)
                    if added != "part":  # "Lenovo" is not "Lenovo Yoga C940"
                        by_prefix[" ".join(words[:n])][uf.find(c.ref)] += 1
                    if added == "unit":  # "Senate" is not "Senate Judiciary Committee"
                        units[" ".join(words[:n])][uf.find(c.ref)] += 1
    # A short form already in a group with a longer name ("Corvel" with "Corvel Inc.") is
    # settled: the longer name's own group decides, not the word it starts with.
    longest: Counter[tuple[str, str]] = Counter()
    for c in named:
        root = uf.find(c.ref)
        longest[root] = max([longest[root], *(len(names.name_key(n).split())
                                               for n in set(c.names))])
    for c in named:
        if not _is_org_vote(votes[uf.find(c.ref)]):
            continue
        for k in [k for k in c.full_keys() if k not in places]:  # not "Wexcombe Police"
            if longest[uf.find(c.ref)] > len(k.split()):
                continue
            target = _dominant(by_prefix.get(k, Counter()), uf)
            if (target and not _only_units(target, k, by_prefix, units, uf)
                    and not _named_after(target, k, uses, opens, full, uf)):
                _union_votes(uf, votes, target, c.ref)


def _named_after(target: tuple[str, str], prefix: str, uses: dict[str, Counter[str]],
                 opens: dict[str, Counter[tuple[str, str]]],
                 full: dict[str, set[tuple[str, str]]], uf: _UnionFind) -> bool:
    """Whether the target group's names that open with the short form name something
    named after it: none adds only a head of an organisation's own name
    (``FULL_NAME_HEADS``), no article writes them beside the short form alone, and the
    short form is used ``SHORT_NAME_DOMINANCE`` times as often (``_outnumbers``)."""
    longer = {ref: n for ref, n in opens.get(prefix, Counter()).items() if uf.find(ref) == target}
    short = uses.get(prefix, Counter())
    if any(article in short for article, _ in longer):
        return False  # "Northrop Grumman", then "Northrop": the article's own short form
    if any(uf.find(ref) == target for ref in full.get(prefix, ())):
        return False  # "Ohio State University": the short form's own name in full
    return _outnumbers(sum(short.values()), sum(longer.values()))


def _outnumbers(short: int, longer: int) -> bool:
    """Whether a shorter name is used so much more often than a longer one that adds words
    to it that the longer names a product, office or service of it: articles call an
    organisation by its name."""
    return short >= SHORT_NAME_DOMINANCE * longer


def _join_place_led_forms(named: list[_Cluster], uf: _UnionFind,
                          votes: dict[tuple[str, str], Counter[str]]) -> None:
    """An organisation named after its place, without the place ("Red Sox" for "Boston Red
    Sox", "Nationals" for "Washington Nationals", "Fish and Wildlife Service" for "U.S.
    Fish and Wildlife Service"), joins it when one article writes both and every other
    article that writes the bare name writes the place-led one or its place, and the rest
    opens no other place-led organisation of the corpus far more rarely (``_dominant``).
    The bare name's group spans the corpus: a "Foreign Ministry" in an article that names
    another country and never the place-led one's is another country's ministry. The
    place is one the corpus names as such (a GPE or LOC group) or the tables know; the
    rest must be no place itself ("Mexico" is not the "U.S.-Mexico" border).
    """
    place_roots = {root for root, v in votes.items()
                   if v and max(v, key=lambda t: (v[t], t)) in ("GPE", "LOC")}
    places = {k for c in named if uf.find(c.ref) in place_roots and not _is_person(c)
              for k in c.full_keys()}
    # A place as one group (its names joined by now: "U.S."/"United States"), else its key.
    place_id = {k: uf.find(c.ref) for c in named if uf.find(c.ref) in place_roots
                and not _is_person(c) for k in c.full_keys()}
    art_places: dict[str, set[object]] = defaultdict(set)
    for c in named:
        for k in c.full_keys():
            if k in places or names.is_known_place(k):
                art_places[c.article].add(place_id.get(k, k))
    led: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    where: dict[str, set[tuple[str, tuple[str, str]]]] = defaultdict(set)
    led_place: dict[str, set[tuple[tuple[str, str], object]]] = defaultdict(set)
    for c in named:
        if not _is_org_vote(votes[uf.find(c.ref)]):
            continue
        for k in c.full_keys():
            words = k.split()
            for n in range(1, min(MAX_PLACE_WORDS, len(words) - 1) + 1):
                place, rest = " ".join(words[:n]), " ".join(words[n:])
                if ((place in places or names.is_known_place(place))
                        and rest not in places and not names.is_known_place(rest)):
                    led[rest][uf.find(c.ref)] += 1
                    where[rest].add((c.article, c.ref))
                    led_place[rest].add((c.ref, place_id.get(place, place)))
    bare_in: dict[str, set[str]] = defaultdict(set)
    for c in named:
        if not _is_person(c):
            for k in c.full_keys():
                bare_in[k].add(c.article)
    for c in named:
        if _is_person(c):
            continue
        for k in c.full_keys():
            target = _dominant(led.get(k, Counter()), uf)
            if target is None or uf.find(c.ref) == target:
                continue
            both = {a for a, r in where[k] if uf.find(r) == target}
            own = {p for r, p in led_place[k] if uf.find(r) == target}
            if bare_in[k] & both and all(a in both or art_places[a] & own
                                         for a in bare_in[k]):
                _union_votes(uf, votes, target, c.ref)


def _only_units(target: tuple[str, str], prefix: str,
                by_prefix: dict[str, Counter[tuple[str, str]]],
                units: dict[str, Counter[tuple[str, str]]], uf: _UnionFind) -> bool:
    """Whether every name of the target group that opens with the prefix names a unit."""
    def of_target(counts: Counter[tuple[str, str]]) -> int:
        return sum(n for r, n in counts.items() if uf.find(r) == target)
    found = of_target(units.get(prefix, Counter()))
    return bool(found) and found >= of_target(by_prefix[prefix])


def _added_kind(c: _Cluster, key: str, n: int) -> str | None:
    """What the cluster's names with this key add after its first ``n`` words
    (``_name_adds``): "part" where one names something of theirs, else "unit" where one
    names a body of its own, else None (the same name, or words of its own)."""
    kinds = {_name_adds(name, key, n) for name, k, _ in c.named_keys() if k == key}
    return "part" if "part" in kinds else "unit" if "unit" in kinds else None


def _name_adds(name: str, key: str, n: int) -> str | None:
    """What a written name whose key is ``key`` adds after the key's first ``n`` words:
    "same" where it goes on with their name (added company suffixes: "McDonald's Corp.";
    a cut inside one word or inside the name, before a joiner: "U.S. Fish" + "and Wildlife
    Service"); "part" where it names something of theirs (a model word follows: "Lenovo
    Yoga C940", "Lexus ES 350"; the n-th word is a possessive: "NASA's Office of the
    Inspector General"; a product word: "Microsoft xCloud"); "unit" where it names a body
    of its own ("Senate Judiciary Committee", ``_names_a_unit``; "State Department" + "of
    Public Safety": which department); else None (words of its own, or a name that does
    not open with those words). The one reading of a longer name both the joins and the
    canonical name use."""
    added = key.split()[n:]
    if set(added) <= ORG_SUFFIXES:
        return "same"
    if any(_MODEL_WORD.search(w) for w in added):
        return "part"
    raw = _bare(name).split()
    words = _key_words(raw)
    if len(words) <= n or [k for k, _ in words[:len(added) + n]] != key.split():
        return None
    last, nxt = words[n - 1][1], words[n][1]
    if last == nxt or any(w.lower() in _NAME_JOINERS for w in raw[last + 1:nxt + 1]):
        return "same"
    if _POSSESSIVE.match(raw[last]) or any(_PRODUCT_WORD.search(w) for w in raw[nxt:]):
        return "part"
    if _names_a_unit(raw[nxt:]) or (names.name_key(raw[last]) in ORG_UNIT_HEADS
                                    and raw[nxt].lower() in _UNIT_OF):
        return "unit"
    return None


def _key_words(raw: list[str]) -> list[tuple[str, int]]:
    """The key words of a name's written words, each with the index of the word it comes
    from ("U.S. Fish" -> [("u", 0), ("s", 0), ("fish", 1)]); a word folding to nothing
    ("&") gives none."""
    return [(p, i) for i, w in enumerate(raw) for p in names.name_key(w).split()]


def _names_a_unit(added: list[str]) -> bool:
    """Whether the added written words name a body of their own: a unit head noun
    (``ORG_UNIT_HEADS``) and a capitalised word of their own before or after it
    ("Judiciary Committee", "Office of the Inspector General"); not the head alone
    ("Department": "Interior Department") nor a description in lower case ("IRNA news
    agency")."""
    folded = [names.name_key(w) for w in added]
    if not any(w in ORG_UNIT_HEADS for w in folded):
        return False
    return any(w[:1].isupper() and f not in ORG_UNIT_HEADS and f not in FUNCTION_WORDS
               and f not in ORG_SUFFIXES for w, f in zip(added, folded, strict=True))


def _bare(name: str) -> str:
    """A name without its leading article ("the Justice Department")."""
    return name[4:] if name.lower().startswith("the ") else name


def _is_org_vote(votes: Counter[str]) -> bool:
    return bool(votes) and votes["ORG"] >= max(votes.values()) > votes["PERSON"]


def _label_votes(named: list[_Cluster], uf: _UnionFind) -> dict[tuple[str, str], Counter[str]]:
    """The labels the model gave each group's members, by group root."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in named:
        votes[uf.find(c.ref)].update(c.labels)
    return votes


def _union_votes(uf: _UnionFind, votes: dict[tuple[str, str], Counter[str]],
                 a: tuple[str, str], b: tuple[str, str]) -> None:
    # Keep the per-group votes in step with the union instead of recounting every group.
    ra, rb = uf.find(a), uf.find(b)
    uf.union(a, b)
    if ra != rb:
        merged = votes.pop(ra, Counter()) + votes.pop(rb, Counter())
        votes[uf.find(a)] = merged


def _is_person_vote(votes: Counter[str]) -> bool:
    return votes["PERSON"] >= max(votes.values())  # a tie goes to the person reading


def _dominant(owners: Counter[tuple[str, str]], uf: _UnionFind) -> tuple[str, str] | None:
    roots: Counter[tuple[str, str]] = Counter()
    for r, n in owners.items():
        roots[uf.find(r)] += n
    ranked = roots.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= SURNAME_DOMINANCE * ranked[1][1]:
        return ranked[0][0]
    return None


def _join_roles(clusters: list[_Cluster], uf: _UnionFind) -> None:
    """Unresolved roles join the person whose titles, corpus-wide, give the same key.

    Only a role that says whose it is ("the president of the European Commission", "the
    Alaska governor") joins across articles: a bare one ("the prime minister", "the
    chief") names whoever holds it in its own article, and another article's prime
    minister is most often someone else."""
    table: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for c in clusters:
        for t in c.titles:
            key = names.role_key(t)
            if len(key.split()) >= 2 and not names.is_bare_role(key):
                table[key].add(uf.find(c.ref))
    for c in clusters:
        if c.role_only and c.key.startswith(ROLE_PREFIX):
            roots = {uf.find(r) for r in table.get(c.key[len(ROLE_PREFIX):], ())}
            if len(roots) == 1:
                uf.union(roots.pop(), c.ref)


# ---------------------------------------------------------------- entities

def _entities(clusters: list[_Cluster], uf: _UnionFind) -> tuple[list[Entity],
                                                                  dict[tuple[str, str], str]]:
    """One entity per group; groups that come out with one name and one type are one entity.

    The id is a hash of (name, type), so two groups sharing both would share an id: keys
    that fold differently (an organisation suffix dropped only where the model said ORG,
    a leading "the") can still meet on one canonical name. Such groups are joined and the
    names recounted until every (name, type) is unique; each round joins at least two
    groups, so it ends.
    """
    while True:
        groups: dict[tuple[str, str], list[_Cluster]] = defaultdict(list)
        for c in clusters:
            groups[uf.find(c.ref)].append(c)
        built = {root: _entity(members) for root, members in groups.items()
                 if not all(c.role_only for c in members)}  # an unfound role is no entity
        first: dict[str, tuple[str, str]] = {}
        clashes = 0
        for root, entity in sorted(built.items()):
            if entity.id in first:
                uf.union(first[entity.id], root)
                clashes += 1
            else:
                first[entity.id] = root
        if not clashes:
            break
    key_to_entity = {c.ref: built[root].id for root, members in groups.items()
                     if root in built for c in members}
    entities = sorted(built.values(), key=lambda e: (e.type, e.name, e.id))
    return entities, key_to_entity


def _entity(members: list[_Cluster]) -> Entity:
    labels: Counter[str] = Counter()
    name_counts: Counter[str] = Counter()
    surfaces: dict[str, None] = {}
    for c in members:
        labels.update(c.labels)
        name_counts.update(n for n in c.names)
        surfaces.update(dict.fromkeys(c.surfaces))
    kind = max(labels, key=lambda t: (labels[t], -_type_rank(t)))
    name = _canonical(name_counts, person=kind == "PERSON")
    return Entity(id=content_id(name, kind), name=name, type=kind,
                  aliases=tuple(sorted(surfaces, key=lambda s: (s.lower(), s))),
                  mentions=sum(len(c.names) for c in members))


def _type_rank(label: str) -> int:
    return TYPE_ORDER.index(label) if label in TYPE_ORDER else len(TYPE_ORDER)


def _canonical(counts: Counter[str], person: bool = False) -> str:
    """The most frequent multi-word name (longest on ties), without a leading 'the'.

    Words are counted as the keys count them, once folded: "O'Brien" and "Schäfer-Gümbel"
    are full names there, so they win over the one word ("Brien") a full name shortens.
    A person is named without a title or rank where some variant has none. Anything else
    is named by a shorter name of its that the longer one only adds words to, when the
    added words name a part or product of it or the shorter outnumbers it (``_name_adds``,
    ``_outnumbers``, as the joins read them): "Lenovo", not "Lenovo Yoga C940"; "NBA" (9),
    not "NBA League Pass" (1). Added company suffixes are the same name ("Apple Inc.").
    """
    def untitled(n: str) -> bool:
        key = names.name_key(n)
        return not person or names.person_core(key) == key

    plain: Counter[str] = Counter()
    for n, k in counts.items():
        plain[_bare(n)] += k
    name = max(plain, key=lambda n: (len(names.name_key(n).split()) > 1, untitled(n), plain[n],
                                     len(n), n))
    if person:
        return name
    long_key = names.strip_article(names.name_key(name))
    shorter = []
    for s in plain:
        key = names.strip_article(names.name_key(s))
        if not key or not long_key.startswith(key + " "):
            continue
        adds = _name_adds(name, long_key, len(key.split()))
        if adds == "part" or (adds != "same" and _outnumbers(plain[s], plain[name])):
            shorter.append(s)
    return max(shorter, key=lambda s: (plain[s], len(s), s), default=name)
