"""Joins of a person written with one word (a surname or a given name) to the one full
name it stands for.

Corpus-wide a word joins the person it names far more often than any other; within its
articles a word the corpus left apart joins the one person those articles write in full;
a word the model never read as a person joins only its sole bearer. Places named like
people ("Houston") stay apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ...analyze import names
from .clusters import (
    Cluster,
    UnionFind,
    cores_of,
    dominant,
    is_person,
    is_person_vote,
    union_votes,
)
from .people import surname_of
from .ties import Ties, address_offices, given_name_only


def join_short_forms(named: list[Cluster], uf: UnionFind,
                      votes: dict[tuple[str, str], Counter[str]],
                      held: dict[tuple[str, str], tuple[str, str] | None] | None = None) -> None:
    """A cluster with only a surname, or only a first name, joins the one full-name person
    it can stand for in its own article or an article of its story (``ties``).

    Among the full names of those articles, the word must point at one person far more
    often than at any other (``SURNAME_DOMINANCE``), counting the people it is the surname
    of and those it is the first name of together; a full name from an unrelated article
    is no one's ("Bush" in 1990 is not the "Jeb Bush" of a 2000 article). A word after a
    royal title is a given name only ("King Hussein" is no "Saddam Hussein"), of a full name
    given that title too ("King Omar" is no "Omar Haddad", ``_may_bear``), and a word
    whose form of address states an office joins no one whose mentions state another
    ("President Bush" / "Gov. Jeb Bush"). Within its own article, a surname the model did
    not call a person ("Kovner" read as an organisation after "Sarah Kovner") joins the
    article's one person of that surname. Across articles, a word the model read mostly as
    something else joins a person only as ``_join_sole_bearer`` says: one it also read as
    a person, however rarely, stays apart ("Paris" read once as a person is not "Paris
    Hilton"). A known place never joins a person.

    The clusters of ``held`` (one-word groups of their own) join no one here: the person
    their story gives the word to is written into ``held`` instead (None: no one).
    """
    ties = Ties(named, uf)
    by_part, bearers, in_article, offices = _index_bearers(named, uf)
    # First words of the corpus's longer names that are no person's ("Ford Motor"): such a
    # word alone may be that organisation's short form.
    opening = {k.split()[0] for c in named if not is_person(c) for k in c.full_keys()
               if len(k.split()) > 1}
    surnames = {surname for (_, surname) in in_article}
    titled = _titled_everywhere(named, uf)
    groups: dict[tuple[str, str], list[Cluster]] = defaultdict(list)
    for c in named:
        cores = bare_words(c)
        if cores is None:
            continue
        if held is not None and c.ref in held:
            groups[ties.root[c.ref]].append(c)
            continue
        if not is_person_vote(votes[uf.find(c.ref)]):
            local = {uf.find(r) for k in cores for r in in_article.get((c.article, k), ())}
            if len(local) == 1:
                union_votes(uf, votes, local.pop(), c.ref)
            elif not votes[uf.find(c.ref)]["PERSON"] or c.ref in titled:
                _join_sole_bearer(c, by_part, surnames, opening, votes, uf, ties, bearers,
                                  place_readings=c.ref in titled)
            continue
        groups[ties.root[c.ref]].append(c)
    # A bare word is one group across the corpus (``join_equal``): it joins one person,
    # counted over all its articles, or no one.
    for members in groups.values():
        target = _owner(members, bearers, offices, ties, uf)
        if target is not None:
            for c in members:
                if held is not None and c.ref in held:
                    held[c.ref] = uf.find(target)
                else:
                    union_votes(uf, votes, target, c.ref)


_Bearers = dict[tuple[str, bool], list[Cluster]]


def _index_bearers(named: list[Cluster], uf: UnionFind) -> tuple[
        dict[str, Counter[tuple[str, str]]], _Bearers,
        dict[tuple[str, str], set[tuple[str, str]]], dict[tuple[str, str], set[str]]]:
    """The corpus's person names by their words: for each word, the groups it is the
    surname or the given name of, counted by cluster (``by_part``); the clusters bearing it
    as a given name (True) or a surname (False) (``bearers``); the clusters of each article
    bearing each surname (``in_article``); and each group's offices its forms of address
    state (``offices``)."""
    by_part: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    bearers: _Bearers = defaultdict(list)
    in_article: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    offices: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in named:
        if is_person(c):
            offices[uf.find(c.ref)] |= address_offices(c)
            for core in cores_of(c):
                found = surnames_of(c, core)
                if found:
                    by_part[core.split()[0]][uf.find(c.ref)] += 1
                    bearers[(core.split()[0], True)].append(c)
                for surname in found:
                    by_part[surname][uf.find(c.ref)] += 1
                    bearers[(surname, False)].append(c)
                    in_article[(c.article, surname)].add(c.ref)
    return by_part, bearers, in_article, offices


def _owner(members: list[Cluster], bearers: _Bearers,
           offices: dict[tuple[str, str], set[str]], ties: Ties,
           uf: UnionFind) -> tuple[str, str] | None:
    """The one person a bare word's group (``members``, across its articles) stands for:
    the bearer of the word (as a surname or a given name; a given name only after a royal
    title) in each member's article or story, stating no other office, dominant by
    mentions (``dominant``), and one every article writing the word has in it or in its
    story; None when there is no such person, or the group is already theirs."""
    owners: Counter[tuple[str, str]] = Counter()
    owned: list[set[tuple[str, str]]] = []
    for c in members:
        given_only = given_name_only(c)
        own = address_offices(c)
        mine: set[tuple[str, str]] = set()
        for k in bare_words(c) or ():
            for as_given in (True,) if given_only else (False, True):
                for o in bearers.get((k, as_given), ()):
                    if ties.tied(c.article, o.article, c.ref, o.ref) and \
                            _may_bear(own, offices[ties.root[o.ref]], given_only):
                        owners[ties.root[o.ref]] += len(o.names)
                        mine.add(ties.root[o.ref])
        owned.append(mine)
    target = dominant(owners, uf)
    # Every article writing the word must have the person in it or in its story.
    if target and all(any(uf.find(r) == uf.find(target) for r in mine) for mine in owned) \
            and uf.find(target) != uf.find(members[0].ref):
        return target
    return None


def surnames_of(c: Cluster, core: str) -> list[str]:
    """The surnames of a person cluster's name core: the folded last word (``surname_of``)
    and, where the cluster writes the name with a hyphenated surname ("Margalit
    Har-Shefi"), that surname whole ("har shefi"), which folding split in two."""
    surname = surname_of(core)
    if surname == core:
        return []
    found = [surname]
    for n in c.names:
        parts = n.split()
        if len(parts) > 1 and "-" in parts[-1]:
            whole = names.name_key(parts[-1])
            if core.endswith(" " + whole) and whole not in found:
                found.append(whole)
    return found


def bare_words(c: Cluster) -> tuple[str, ...] | None:
    """A cluster's name cores when each is one word as written (a surname or a given
    name: "Bush", "Har-Shefi", which folds to two), None when it writes a fuller name."""
    cores = cores_of(c)
    written = {names.name_key(n) for n in c.names if len(n.split()) == 1}
    if any(surname_of(k) != k and k not in written for k in cores):
        return None
    return cores


def join_article_short_forms(named: list[Cluster], uf: UnionFind,
                              votes: dict[tuple[str, str], Counter[str]]) -> None:
    """A person's group written only as one word ("Ferreira", "Tim") that the corpus-wide
    rules left apart joins the one person its own articles write in full that the word
    fits: as the surname, as the given name, or as a short form of the given name the
    ``nicknames`` table gives ("Tim" for "Timothy Brandvold"). Articles name a person in
    full once and then by one name; when the corpus also has another bearer of that word
    ("Luis Ferreira" in another story), the article still says whom it means. Not when two
    people of one article could own the word ("Holt" beside "Jonas Holt" and "Mira
    Holt"), nor when one of the group's articles writes the word with no such person: a
    bare word is one group across the corpus (``join_equal``), so it joins all or
    nothing, and an article writing "Steve" alone may mean anyone. A known place never
    joins a person."""
    groups: dict[tuple[str, str], list[Cluster]] = defaultdict(list)
    full_in: dict[str, list[Cluster]] = defaultdict(list)
    offices: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in named:
        groups[uf.find(c.ref)].append(c)
        offices[uf.find(c.ref)] |= address_offices(c)
        if is_person(c) and any(len(k.split()) > 1 for k in cores_of(c)):
            full_in[c.article].append(c)
    for root, members in sorted(groups.items()):
        words = {k for c in members for k in cores_of(c)}
        if (any(len(k.split()) > 1 for k in words) or not is_person_vote(votes[root])
                or any(names.is_known_place(k) for k in words)):
            continue
        given_only = any(given_name_only(c) for c in members)
        own = frozenset(o for c in members for o in address_offices(c))
        owners: set[tuple[str, str]] = set()
        for article in sorted({c.article for c in members}):
            found = {uf.find(o.ref) for o in full_in.get(article, ())
                     if any(_fits(w, core, given_only) for w in words for core in cores_of(o))
                     and _may_bear(own, offices[uf.find(o.ref)], given_only)}
            found.discard(root)
            if len(found) != 1:  # nobody, or two people, in this article
                owners = found
                break
            owners |= found
        target = owners.pop() if len(owners) == 1 else None
        if target is not None and is_person_vote(votes[uf.find(target)]):
            union_votes(uf, votes, target, root)


def _fits(word: str, core: str, given_only: bool = False) -> bool:
    """Whether one word can name the person of a full name core: its surname, its given
    name, or a short form of that given name ('tim' for 'timothy morrison'); with
    ``given_only`` (the word follows a royal title) not its surname."""
    parts = core.split()
    return len(parts) > 1 and ((word == parts[0] or parts[0] in names.formal_given_names(word))
                               or (not given_only and word == surname_of(core)))


def _may_bear(own: frozenset[str] | set[str], other: frozenset[str] | set[str],
              given_only: bool) -> bool:
    """Whether a full name whose group states the offices ``other`` may be the person of a
    bare word whose forms of address state ``own``: no other office, and for a given name
    after a royal title (``given_only``) that title's own office. A king or a pope is
    called by the given name and the title, and a full name written without it is another
    person ("King Omar" met "his trade minister, Omar Haddad"); a monarch's full name
    bears the title too ("King Omar Haddad", "Jordan's King Hussein bin Talal")."""
    if given_only:
        return bool(own & other)
    return not _other_office(own, other)


def _other_office(own: frozenset[str] | set[str], other: frozenset[str] | set[str]) -> bool:
    """Whether two forms of address state offices and no office in common ("President
    Harlan", "Gov. Tobin Harlan"): two people."""
    return bool(own and other and not own & other)


def _titled_everywhere(named: list[Cluster], uf: UnionFind) -> set[tuple[str, str]]:
    """The clusters of the one-word groups that are a person's wherever they are written,
    however often the model also read the word as a place: every article writing the word
    reads it as a person at least once, and some article gives it a person's title
    ("Governor Quellmann"; a title is only ever a person's). A city named like a person
    ("Houston") is written as the city alone in some article, and stays out."""
    groups: dict[tuple[str, str], list[Cluster]] = defaultdict(list)
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


def _join_sole_bearer(c: Cluster, by_part: dict[str, Counter[tuple[str, str]]],
                      surnames: set[str], opening: set[str],
                      votes: dict[tuple[str, str], Counter[str]], uf: UnionFind,
                      ties: Ties, bearers: dict[tuple[str, bool], list[Cluster]],
                      place_readings: bool = False) -> None:
    """Join a one-word group the model never read as a person ("Quellmann" read as an
    organisation in articles that never write "Dora") to the person whose name holds
    that word as its surname, when exactly one person in the corpus carries the word (as a
    surname or a first name), no longer name of something else opens with it, it is no
    known place, the model read the word mostly as something other than a place (a city
    named like a singer stays the city: "Houston" is not "Whitney Houston"), and the
    model's person readings of that person outnumber its other readings of the word.
    With ``place_readings`` (a group ``_titled_everywhere`` found a person's wherever it
    is written) the model's place readings of the word do not keep it apart. That person
    is named in the word's article or in an article of its story (``ties``)."""
    root = uf.find(c.ref)
    own = votes[root]
    if (own and max(own, key=lambda t: (own[t], t)) in ("GPE", "LOC", "FAC")
            and not place_readings):
        return
    for k in cores_of(c):
        if k in opening or names.is_known_place(k):
            continue
        roots = {uf.find(r) for r in by_part.get(k, Counter())}
        if len(roots) != 1 or k not in surnames:
            continue
        target = roots.pop()
        if target == root or not is_person_vote(votes[target]):
            continue
        if not any(ties.tied(c.article, o.article, c.ref, o.ref)
                   for o in (*bearers.get((k, False), ()), *bearers.get((k, True), ()))):
            continue
        if votes[target]["PERSON"] > sum(votes[root].values()):
            union_votes(uf, votes, target, c.ref)
            return
