"""Joins of people's full names: one person written with or without titles, middle
initials, a short given name, a generation suffix, or a transliterated surname.

"Constable Tim Fanning" / "Tim Fanning", "George Bush" / "George W. Bush", "Ted Norbury" /
"Theodore Norbury", "Zelensky" / "Zelenskyi". What keeps two people apart (two fuller
names, a father and a son, a name the nicknames table gives several full forms for) is
part of each rule.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ...analyze import names
from .clusters import Cluster, UnionFind, cores_of, is_person
from .ties import Ties

# Surname similarity above which two full names with the same first name are one person:
# 0.94 joins Zelensky/Zelenskyi/Zelenskij (after ending folding) and Mohammed/Mohamed but
# keeps Smith/Smyth-like pairs of distinct people under it for names of 5+ letters.
SURNAME_SIMILARITY = 0.94
MIN_FUZZY_LENGTH = 5
# First-name similarity for one surname (Volodymyr/Volodimir); distinct people sharing a
# surname (Donald/Melania) score far lower.
FIRST_NAME_SIMILARITY = 0.88
# A name with a nickname in quotes between the given names and the surname: 'Luis Gerardo
# "Jerry" Ortiz' (the nickname, then the surname).
_NICKNAME = re.compile(r'^\S.*?\s["“”‘’\']+([^"“”‘’\']+)["“”‘’\']+\s+(\S+)$')
# What folding leaves of an apostrophe surname's first part: O'Brien, D'Arcy.
APOSTROPHE_PARTICLES = frozenset({"o", "d"})


def join_person_cores(named: list[Cluster], uf: UnionFind) -> None:
    """People whose names agree once titles and leading initials are left out; then a
    name without a middle initial ("George Bush") joins the one name the corpus writes
    with them ("George W. Bush"). With two such ("George W. Bush" and "George H. W.
    Bush") it is either, and joins neither. A generation suffix is never dropped: "Ned
    Tallow" and "Ned Tallow Jr." are two people (``names.without_middle``)."""
    first: dict[str, tuple[str, str]] = {}
    written_in: dict[str, set[str]] = defaultdict(set)
    for c in named:
        if not is_person(c):
            continue
        for core in sorted(cores_of(c)):
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
    _join_given_name_forms(first, written_in, named, uf)
    _join_generation_forms(named, uf)
    _join_quoted_nicknames(named, uf)


def _join_quoted_nicknames(named: list[Cluster], uf: UnionFind) -> None:
    """A name written with a nickname in quotes ('Luis Gerardo "Jerry" Ortiz') joins the
    nickname with the surname ("Jerry Ortiz") where the same article writes that: the
    article gives the nickname as the name it goes on to use."""
    in_article: dict[tuple[str, str], tuple[str, str]] = {}
    quoted: list[tuple[Cluster, str]] = []
    for c in named:
        if not is_person(c):
            continue
        for core in cores_of(c):
            if len(core.split()) >= 2:
                in_article.setdefault((c.article, core), c.ref)
        for n in c.names:
            found = _NICKNAME.match(n.strip())
            if found:
                nick = names.person_core(names.name_key(f"{found[1]} {found[2]}"))
                quoted.append((c, nick))
    for c, nick in quoted:
        other = in_article.get((c.article, nick))
        if other is not None:
            uf.union(c.ref, other)


def _join_generation_forms(named: list[Cluster], uf: UnionFind) -> None:
    """A name with a generation suffix ("Patrick W. Carlineo Jr.") joins the same name
    without it ("Patrick Carlineo", "Pat Carlineo": middle initials and the given name's
    short form aside) when one article writes both and names one person only: it writes
    the suffixed name first, as articles introduce a person in full before they shorten
    the name. Only a shorter form joins (without the middle initials, or with the given
    name's short form): the very name without the suffix is how an article writes the
    father ("Robert F. Kennedy Jr. ... His father, Robert F. Kennedy, ..."), and with it
    nothing joins. An article names two people, a father and his son, when it writes the
    name with two suffixes ("Sr." and "Jr."), the two forms with different middle
    initials, the surname with the suffix alone ("Trump Jr.": told apart from another of
    the name), or the name without the suffix before the suffixed one ("President Donald
    Trump", then "Donald Trump Jr."). Across articles the forms stay apart: an article
    writing "Arne Dahl" alone may mean the father (``names.without_middle``)."""
    in_article: dict[str, list[tuple[str, Cluster]]] = defaultdict(list)
    for c in named:
        if is_person(c):
            in_article[c.article].extend((core, c) for core in cores_of(c)
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
            written = {o for o, _ in found}
            if any(_without_suffix(o) in written for o in (core, *(o for o, _ in same))):
                continue  # "Robert F. Kennedy Jr." and "Robert F. Kennedy": his father
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


def _without_suffix(core: str) -> str | None:
    """A suffixed person name core without its generation suffix ("arne k dahl jr" ->
    "arne k dahl"); None for a name with no suffix."""
    words = core.split()
    return " ".join(words[:-1]) if words[-1] in names.GENERATIONS else None


def _middle(core: str) -> tuple[str, ...]:
    """The words between a person name core's given name and its surname, a generation
    suffix left out ("patrick w carlineo jr" -> ["w"])."""
    words = core.split()
    if words[-1] in names.GENERATIONS:
        words.pop()
    return tuple(words[1:-1])


def _join_given_name_forms(first: dict[str, tuple[str, str]], written_in: dict[str, set[str]],
                           named: list[Cluster], uf: UnionFind) -> None:
    """A name whose given name is a short form ("Ted Norbury") joins the one name with the
    same surname and a full given name that form stands for ("Theodore Norbury"), as the
    ``nicknames`` table lists them, when one article writes both or two articles of one
    story do (``ties``), or wherever they are written when the table gives the short form
    for one full name alone ("Tim" only for "Timothy"; "Tom" for "Thomas" and "Thom", a
    short form of it, ``_distinct_full_forms``): a form the table gives for several (John
    for Jonathan, Johann, Ivan; "Gerry" for Gerald and Geraldine) may be a name of its
    own, so across
    unrelated articles the two may be two people. With two such ("Al Smith" beside
    "Albert Smith" and "Alan Smith") it is either, and joins neither. The full name may
    add middle initials ("Pat Norbury" / "Patrick W. Norbury", ``names.without_middle``)."""
    plain: dict[str, set[str]] = defaultdict(set)
    for core in first:
        plain[names.without_middle(core)].add(core)
    ties: list[Ties] = []  # built once, where a pair first needs it

    def tied(core: str, full: str) -> bool:
        a, b = written_in[core], written_in[full]
        if a & b:
            return True
        if not ties:
            ties.append(Ties(named, uf))
        return any(ties[0].tied(x, y, first[core], first[full])
                   for x in sorted(a) for y in sorted(b))

    for core in sorted(first):
        given, *rest = core.split()
        if not rest:
            continue
        formal = names.formal_given_names(given)
        one = len(_distinct_full_forms(formal)) == 1
        fuller = {uf.find(first[full]) for name in formal
                  for full in plain.get(" ".join([name, *rest]), ())
                  if full != core and (one or tied(core, full))}
        if len(fuller) == 1:
            uf.union(first[core], fuller.pop())


def _distinct_full_forms(formal: frozenset[str]) -> set[str]:
    """The full given names of a set, one written short counted once: a name that starts
    another and is itself a short form of it ("thom" of "thomas": the table gives "thomas"
    for "thom"). "gerald" starts "geraldine" and is a full name of its own: two (code
    review REV5 #5: "Gerry" joined "Geraldine" across unrelated articles)."""
    return {f for f in formal
            if not any(o != f and o.startswith(f) and o in names.formal_given_names(f)
                       for o in formal)}


def join_person_variants(named: list[Cluster], uf: UnionFind) -> None:
    """Full names whose first names agree and surnames are near-identical spellings."""
    people = sorted({k for c in named if is_person(c) for k in c.full_keys()
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


def surname_of(core: str) -> str:
    """The surname of a folded person name, with the particle an apostrophe leaves before
    it kept ("jim o brien" -> "o brien"); a name that is only a surname is its own."""
    words = core.split()
    if len(words) >= 3 and words[-1] in names.GENERATIONS:
        words.pop()  # "ned tallow jr": "tallow"
    if len(words) >= 2 and words[-2] in APOSTROPHE_PARTICLES:
        return " ".join(words[-2:])
    return words[-1] if words else core
