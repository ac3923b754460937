"""A surname alone, read in the article that writes it: the person that article last named
in full with that surname.

News names a person in full, then by the surname alone, and names the next person of that
surname in full before shortening theirs: "Pedro Osterhout, the boy's great-uncle, ...
``I won't cooperate,'' Osterhout said" is the great-uncle, though the article named the
boy's father earlier. A surname written alone in an article that names people of that
surname in full therefore stands for one of them, never for a bearer of another article:
the same word elsewhere may be someone else, and one corpus-wide group of the bare word
(``join_equal``) would give one person everyone's statements. One article-local cluster
holds all the article's mentions of the word (one key), so it joins a person only when
each of its mentions points at the same one; when they point at several, the word stays
no one's (no entity) rather than a guess.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence

from ...analyze import names
from ...records import Mention
from ...text import fold_name
from .clusters import (
    SKIP_LABELS,
    STRUCTURAL_LABELS,
    Cluster,
    UnionFind,
    cores_of,
    is_person,
    union_votes,
)
from .short_forms import bare_words, surnames_of
from .ties import address_offices, given_name_only

Ref = tuple[str, str]


def bare_surnames(named: list[Cluster]) -> dict[Ref, str]:
    """The person clusters written only as one word that their own article names in
    full as some person's surname: cluster ref -> the word."""
    borne = {(c.article, s) for c in named if _in_full(c)
             for core in cores_of(c) for s in surnames_of(c, core)}
    found: dict[Ref, str] = {}
    for c in named:
        if not is_person(c) or given_name_only(c):  # "King Hussein" is no "Saddam Hussein"
            continue
        words = bare_words(c)
        if words is None or len(words) != 1 or names.is_known_place(words[0]):
            continue
        if (c.article, words[0]) in borne:
            found[c.ref] = words[0]
    return found


def article_readings(mentions: Sequence[Mention], named: list[Cluster], uf: UnionFind,
                     bare: dict[Ref, str]) -> dict[Ref, Ref | None]:
    """The person (group root) each bare surname cluster (``bare_surnames``) stands for as
    its article reads it: for each of its mentions, the bearer of the surname the article
    named in full last before it (before the first such name, the article's only bearer,
    if it names one). A surname written with a title stands only for a bearer whose group's forms of
    address state the same office ("President Bush": not "Gov. Jeb Bush") or, for a title
    stating none, carry that title ("Vice President Biden": not "Hunter Biden"). Run once
    the full names are joined, so that two forms of one person's name ("Juan Miguel
    Osterhout", "Juan Osterhout") are one bearer.

    None for one whose mentions point at several people, or come before all of several. A
    cluster with no bearer it may be (its office) is left out: the corpus-wide joins take
    it."""
    wanted = set(bare)
    bearers: dict[tuple[str, str], list[Cluster]] = defaultdict(list)
    words = set(bare.values())
    offices: dict[Ref, set[str]] = defaultdict(set)
    titles: dict[Ref, set[str]] = defaultdict(set)
    for c in named:
        offices[uf.find(c.ref)] |= address_offices(c)
        titles[uf.find(c.ref)] |= _titles(c)
        if c.ref in bare or not _in_full(c):
            continue
        for core in cores_of(c):
            for s in surnames_of(c, core):
                if s in words:
                    bearers[(c.article, s)].append(c)
                    wanted.add(c.ref)
    at = _positions(mentions, wanted)
    readings: dict[Ref, Ref | None] = {}
    for c in sorted((c for c in named if c.ref in bare), key=lambda c: c.ref):
        own, forms = address_offices(c), _titles(c)
        fit = [b for b in bearers[(c.article, bare[c.ref])]
               if (own & offices[uf.find(b.ref)] if own
                   else not forms or forms & titles[uf.find(b.ref)])]
        if not fit:
            continue
        readings[c.ref] = _meant(at.get(c.ref, []), fit, at, uf)
    return readings


def settle(readings: dict[Ref, Ref | None], story: dict[Ref, Ref | None], uf: UnionFind,
           votes: dict[Ref, Counter[str]]) -> set[Ref]:
    """Join each bare surname cluster to the person its article reads it as (``readings``)
    and the story gives the word to (``story``, ``join_short_forms``), where both say one
    person or one of them says nobody; where they name two people ("His sister, Mahnefah
    Gray, said ...", then "Gray" for the boy the story is about), or neither names anyone,
    the cluster is no one's. Returns those left to no one: no entity, rather than a
    corpus-wide "Osterhout" of several people."""
    nobody: set[Ref] = set()
    for ref, read in sorted(readings.items()):
        told = story.get(ref)
        people = {uf.find(r) for r in (read, told) if r is not None}
        if len(people) == 1:
            union_votes(uf, votes, people.pop(), ref)
        else:
            nobody.add(ref)
    return nobody


def _in_full(c: Cluster) -> bool:
    """Whether a cluster is a person's that its article writes in full: a name of two words
    or more as written ("Fidel Castro"; not "anti-Castro", which folds to two)."""
    return is_person(c) and any(len(n.split()) > 1 for n in c.names)


def _titles(c: Cluster) -> set[str]:
    """A cluster's titles and forms of address, folded ("vice president")."""
    return {" ".join(fold_name(t).split()) for t in c.titles}


def _meant(positions: list[int], fit: list[Cluster], at: dict[Ref, list[int]],
           uf: UnionFind) -> Ref | None:
    """The one person (group root) all of a bare surname's ``positions`` point at among
    the article's bearers ``fit``: for each, the bearer named in full last before it, or,
    before any, the article's only bearer; None when they point at several people, or at
    none."""
    written = sorted((p, uf.find(b.ref)) for b in fit for p in at.get(b.ref, ()))
    people = {root for _, root in written}
    if not written or not positions:
        return None
    meant: set[Ref] = set()
    for p in positions:
        i = bisect_left(written, (p, ("", "")))
        if i:
            meant.add(written[i - 1][1])
        elif len(people) == 1:
            meant |= people
        else:
            return None
    return meant.pop() if len(meant) == 1 else None


def _positions(mentions: Sequence[Mention], refs: set[Ref]) -> dict[Ref, list[int]]:
    """Where each cluster of ``refs`` writes a name (roles and titles left out)."""
    at: dict[Ref, list[int]] = defaultdict(list)
    for m in mentions:
        if m.label in STRUCTURAL_LABELS or m.label in SKIP_LABELS:
            continue
        ref = (m.article, m.key)
        if ref in refs:
            at[ref].append(m.start)
    for found in at.values():
        found.sort()
    return at

