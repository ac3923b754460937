"""Groups of clusters -> corpus ``Entity`` records: each group's type by majority, its
canonical name, and an id unique per (name, type).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ...analyze import names
from ...records import Entity, content_id
from .clusters import Cluster, UnionFind, cores_of, is_person
from .org_names import bare_name, name_adds, outnumbers
from .short_forms import bare_words, surnames_of

# Different surnames a word must open, in names the model read as people's, to count as a
# given name the corpus writes (``_given_names``). Two: one only is as often a place or a
# club ("Manchester United").
GIVEN_NAME_SURNAMES = 2
# Characters of text within which an article writes all its names when it is a sentence or
# two: the model labels a name in one sentence with little context, so such a text's
# labels count as no reading of a name's type (``_person_unread``). 300: about two
# sentences of news (what it covers on the eval bundles: bench/NOTES.md, MEN2).
MIN_READING_CHARS = 300
# Preference when the votes for a type tie.
TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART")


def group_entities(clusters: list[Cluster], uf: UnionFind) -> tuple[list[Entity],
                                                                  dict[tuple[str, str], str]]:
    """One entity per group; groups that come out with one name and one type are one entity.

    The id is a hash of (name, type), so two groups sharing both would share an id: keys
    that fold differently (an organisation suffix dropped only where the model said ORG,
    a leading "the") can still meet on one canonical name. Such groups are joined and the
    names recounted until every (name, type) is unique; each round joins at least two
    groups, so it ends.
    """
    known = _name_words(clusters)
    short = _short_articles(clusters)
    while True:
        groups: dict[tuple[str, str], list[Cluster]] = defaultdict(list)
        for c in clusters:
            groups[uf.find(c.ref)].append(c)
        built = {root: _entity(members, known, short) for root, members in groups.items()
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


def _short_articles(clusters: list[Cluster]) -> frozenset[str]:
    """The articles whose names all end within ``MIN_READING_CHARS``: a sentence or two."""
    extent: dict[str, int] = defaultdict(int)
    for c in clusters:
        extent[c.article] = max(extent[c.article], c.end)
    return frozenset(a for a, end in extent.items() if end < MIN_READING_CHARS)


def _name_words(clusters: list[Cluster]) -> tuple[frozenset[str], frozenset[str]]:
    """The words the corpus writes as given names and as surnames. Given names: the first
    words of names of two words or more the model read as people's before
    ``GIVEN_NAME_SURNAMES`` different surnames ("Jason", which the given-name table lacks,
    before "Varitek" and "Kidd"; not "Manchester", which opens only "Manchester United").
    Surnames: the last words of such names ("Page" of "Bettie Page")."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for c in clusters:
        if c.labels and c.top_label() == "PERSON":
            for core in cores_of(c):
                words = core.split()
                if len(words) > 1:
                    surnames[words[0]].add(words[-1])
    return (frozenset(w for w, found in surnames.items() if len(found) >= GIVEN_NAME_SURNAMES),
            frozenset(w for found in surnames.values() for w in found))


def _entity(members: list[Cluster],
            known: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
            short: frozenset[str] = frozenset()) -> Entity:
    labels: Counter[str] = Counter()
    name_counts: Counter[str] = Counter()
    surfaces: dict[str, None] = {}
    # The labels each article gave the group, for ``_person_unread``; a sentence or two
    # (``short``) gives the model too little to read a capitalised word by, and its label
    # there is no reading (paraphrase pairs of one sentence: "Limbaugh" a person in seven,
    # an organisation in one).
    by_article: dict[str, Counter[str]] = defaultdict(Counter)
    # The surnames of the group's person, when every full name of the group is a person's
    # (no "Matanuska Creamery" read as an organisation beside a misread person).
    surnames = {s for c in members if c.person_key for core in cores_of(c)
                for s in surnames_of(c, core)}
    if any(c.names and not is_person(c) and bare_words(c) is None for c in members):
        surnames = set()
    surname_read = False
    for c in members:
        words = bare_words(c) if surnames and not c.person_key else None
        if words and all(w in surnames for w in words):
            # The group's person's surname, whatever the model called it there
            # ("Har-Shefi" read as an organisation beside "Margalit Har-Shefi").
            labels["PERSON"] += c.labels.total()
            surname_read = True
        else:
            labels.update(c.labels)
            if c.article not in short:
                by_article[c.article].update(c.labels)
        name_counts.update(n for n in c.names)
        surfaces.update(dict.fromkeys(c.surfaces))
    if labels["PERSON"] and not surname_read and _person_unread(members, by_article, known):
        persons = labels.pop("PERSON")
        if not labels:  # only a country's name: what the model read as a person is it
            labels["GPE"] = persons
    kind = max(labels, key=lambda t: (labels[t], -_type_rank(t)))
    name = _canonical(name_counts, person=kind == "PERSON")
    return Entity(id=content_id(name, kind), name=name, type=kind,
                  aliases=tuple(sorted(surfaces, key=lambda s: (s.lower(), s))),
                  mentions=sum(len(c.names) for c in members))


def _person_unread(members: list[Cluster], by_article: dict[str, Counter[str]],
                   known: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether a group the model labelled a person's somewhere is no person's: some of
    its articles read it as something else, and nothing but the label says person. The
    model labels a capitalised word it does not know a person's; a reading as an
    organisation or a place in another article tells what it is. A name of one word
    ("Toulouse", "Pixar", "Twitter") is so read by one such article, unless the corpus
    writes it as a person's surname ("Page" of "Bettie Page", ``known``); a longer one
    ("Manchester United", "Snow Leopard") where as many of its articles read it otherwise.
    A person's name has more: a title or form of address ("Mr. Ryan"), a given name (the
    table's, or one the corpus writes before several surnames, ``known``) before a surname
    ("Tom Enders"), or a name of two words or more most of whose articles read it as a
    person's ("Volodymyr Zelenskyy", whatever one article called him). An article reads
    the group as the label it gave most (a person's on a tie: "Page" a person's three
    times and an organisation's three times in one article). A name that is only a
    country's ("Sri Lanka", ``names.is_country_name``) needs no other reading: it is the
    country unless the same evidence says person ("Jordan" of "Michael Jordan")."""
    reads = Counter(max(votes, key=lambda t: (votes[t], t == "PERSON")) == "PERSON"
                    for votes in by_article.values() if votes)
    # A country's name ("Sri Lanka", "Gabon") says place as another article's reading does.
    country = all(names.is_country_name(core) for c in members for core in cores_of(c))
    if not reads[False] and not country:
        return False
    given, surnames = known
    one_word = all(len(core.split()) == 1 for c in members for core in cores_of(c))
    if one_word and any(core in surnames for c in members for core in cores_of(c)):
        return False
    if reads[True] > reads[False] and not one_word and not country:
        return False
    readings: dict[str, Counter[bool]] = defaultdict(Counter)
    for c in members:
        if not c.labels:
            continue
        person = c.top_label() == "PERSON"
        if person and c.titles:
            return False
        for core in cores_of(c):
            parts = core.split()
            if len(parts) < 2:
                continue
            if person and (parts[0] in given or names.is_given_name(parts[0])):
                return False
            readings[core][person] += 1
    return country or not any(r[True] > r[False] for r in readings.values())


def _type_rank(label: str) -> int:
    return TYPE_ORDER.index(label) if label in TYPE_ORDER else len(TYPE_ORDER)


def _canonical(counts: Counter[str], person: bool = False) -> str:
    """The most frequent multi-word name (longest on ties), without a leading 'the'.

    Words are counted as the keys count them, once folded: "O'Brien" and "Schäfer-Gümbel"
    are full names there, so they win over the one word ("Brien") a full name shortens;
    a person's name written in two words or more wins over one written as one, however
    it folds ("Margalit Har-Shefi", not "Har-Shefi").
    A person is named without a title or rank where some variant has none. Anything else
    is named by a shorter name of its that the longer one only adds words to, when the
    added words name a part or product of it or the shorter outnumbers it (``name_adds``,
    ``outnumbers``, as the joins read them): "Lenovo", not "Lenovo Yoga C940"; "NBA" (9),
    not "NBA League Pass" (1). Added company suffixes are the same name ("Apple Inc.").
    """
    def untitled(n: str) -> bool:
        key = names.name_key(n)
        return not person or names.person_core(key) == key

    plain: Counter[str] = Counter()
    for n, k in counts.items():
        plain[bare_name(n)] += k
    name = max(plain, key=lambda n: (person and len(n.split()) > 1,
                                     len(names.name_key(n).split()) > 1, untitled(n), plain[n],
                                     len(n), n))
    if person:
        return name
    long_key = names.strip_article(names.name_key(name))
    shorter = []
    for s in plain:
        key = names.strip_article(names.name_key(s))
        if not key or not long_key.startswith(key + " "):
            continue
        adds = name_adds(name, long_key, len(key.split()))
        if adds == "part" or (adds != "same" and outnumbers(plain[s], plain[name])):
            shorter.append(s)
    return max(shorter, key=lambda s: (plain[s], len(s), s), default=name)
