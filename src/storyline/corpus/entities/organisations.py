"""Joins of organisations' and places' names: spelling variants, acronyms, a country
written two ways, a name cut short after its first words, and a name without the place
it opens with ("Red Sox" / "Boston Red Sox").
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ...analyze import names
from ...text import fold_name
from .clusters import (
    ACRONYM,
    Cluster,
    UnionFind,
    dominant,
    is_org_vote,
    is_person,
    label_votes,
    union_votes,
)
from .org_names import (
    FULL_NAME_HEADS,
    FUNCTION_WORDS,
    added_kind,
    american_spelling,
    outnumbers,
    prefix_match,
)
from .ties import Ties

# Most words of a place's name that open an organisation's ("Los Angeles" Angels).
MAX_PLACE_WORDS = 3
# Labels of things that happen: never what a body's, a place's or a work's acronym stands
# for, nor the other way round ("VW" is no "Vietnam War"; an event is never a speaker).
_HAPPENINGS = frozenset({"EVENT"})
# A place's labels, which the model swaps on one name ("NYC" a location, "New York City"
# a city); an organisation's and a place's stay apart across articles ("D.C." is no
# "Dream Chaser").
_PLACE_LABELS = frozenset({"GPE", "LOC"})


def join_org_variants(named: list[Cluster], uf: UnionFind) -> None:
    """'Coalition of the Willing' / 'Coalition for Will': every content word a prefix match,
    once British and American spellings are one ('Betty Ford Centre' / 'Center')."""
    by_first: dict[str, list[tuple[list[str], tuple[str, str]]]] = defaultdict(list)
    for c in named:
        if is_person(c):
            continue
        for k in c.full_keys():
            words = [american_spelling(w) for w in k.split() if w not in FUNCTION_WORDS]
            if len(words) >= 2:
                by_first[words[0]].append((words, c.ref))
    for group in by_first.values():
        for i, (a, ra) in enumerate(group):
            for b, rb in group[i + 1:]:
                if len(a) == len(b) and all(map(prefix_match, a, b)):
                    uf.union(ra, rb)


def join_acronyms(named: list[Cluster], uf: UnionFind) -> None:
    """'U.S.' / 'United States', 'GAO' / 'Government Accountability Office' on evidence.

    An acronym stands for a longer name with its initials only where the pages say so:
    the name its own article writes right before it ("the Endangered Species Act (ESA)"),
    else the one such name in its own article, else the one of the acronym's kind in the
    articles of its story (``Ties``; kinds are the groups' majority labels, as the
    entities' types will be: "D.C." is no "Dream Chaser" of the story's other article,
    nor "AP" a reporter "Andy Pasztor" read as an organisation, ``_person_like``); the
    first of these that has any decides, and one with several leaves the acronym alone.
    The whole corpus is no evidence: "VW" in a page on Volkswagen is not the "Vietnam
    War" of an unrelated page, nor "BBC" a "Banstead Baptist Church". Nor is an event's
    name an acronym of anything but an event's, short of the page writing them side by
    side (``_HAPPENINGS``); in one article other labels decide nothing, as the model reads
    a body's name as a work's, a law's or a person's often enough there ("The Fish and
    Wildlife Service" as a work, "SAG" as a person). A name holding the acronym as a word
    ("U.S. Senate" for "US") is no expansion of it. Joins spread through groups: one
    article that writes "the United Nations (UN)" joins every "UN" the corpus holds as
    one.
    """
    expansions: dict[str, list[Cluster]] = defaultdict(list)
    for c in named:
        if not is_person(c):
            for k in c.full_keys():
                if len(k.split()) > 1:
                    expansions[names.initials(k)].append(c)
    ties: Ties | None = None
    # Each group's kind as its labels say so far (the corpus's majority, as the entity's
    # type will be): "VW" read 14 times as an organisation is no event.
    kinds = {root: max(v, key=lambda t: (v[t], t))
             for root, v in label_votes(named, uf).items()}
    for c in named:
        if is_person(c):
            continue
        for n in set(c.names):
            if not ACRONYM.match(n.strip()):
                continue
            acronym = fold_name(n).replace(" ", "")
            found = [e for e in expansions.get(acronym, [])
                     if all(acronym not in k.split() for k in e.full_keys())]
            if not found:
                continue
            defined = [e for e in found if e.ref in c.defined_by]
            kind = kinds[uf.find(c.ref)]
            own = [e for e in found if e.article == c.article
                   and (kind in _HAPPENINGS) == (kinds[uf.find(e.ref)] in _HAPPENINGS)]
            if not defined and not own:
                ties = ties or Ties(named, uf)
                story = [e for e in found if _kind_of(kinds[uf.find(e.ref)]) == _kind_of(kind)
                         and not _person_like(e) and ties.tied(c.article, e.article)]
            else:
                story = []
            target = _one_expansion((defined, own, story), uf)
            if target is not None:
                uf.union(target, c.ref)


def _kind_of(label: str) -> str:
    """A group's kind for ``join_acronyms``: its majority label, a place's two as one
    ("NYC" read as a location is "New York City", a city)."""
    return "GPE" if label in _PLACE_LABELS else label


def _person_like(c: Cluster) -> bool:
    """Whether every name of the cluster is two words opening with a given name ("Andy
    Pasztor", "Megan Davies"): a person's name the model read as something else."""
    return all(len(k.split()) == 2 and names.is_given_name(k.split()[0])
               for k in c.full_keys())


def _one_expansion(tiers: tuple[list[Cluster], ...], uf: UnionFind) -> tuple[str, str] | None:
    """The one group an acronym stands for: the first tier with any, if it holds one."""
    for pick in tiers:
        roots = {uf.find(e.ref) for e in pick}
        if roots:
            return roots.pop() if len(roots) == 1 else None
    return None


def join_country_forms(named: list[Cluster], uf: UnionFind) -> None:
    """One country written two ways: 'UK' / 'United Kingdom' / 'Britain' as places, and
    'U.S. Air Force' / 'United States Air Force' as organisations named after it."""
    first: dict[tuple[str, str], tuple[str, str]] = {}
    for c in named:
        kind = c.top_label()
        if kind not in ("GPE", "ORG") or is_person(c):
            continue
        for k in sorted(c.full_keys()):
            form = names.country_form(k)
            if form is None or (kind == "ORG" and len(form.split()) < 2):
                continue  # an organisation is named after a country, not the country
            if (kind, form) in first:
                uf.union(first[(kind, form)], c.ref)
            else:
                first[(kind, form)] = c.ref


def join_org_short_forms(named: list[Cluster], uf: UnionFind,
                          votes: dict[tuple[str, str], Counter[str]]) -> None:
    """An organisation's name cut short after its first words joins the one longer name it
    opens: "Northrop" / "Northrop Grumman", "China Eastern" / "China Eastern Airlines".

    The longer name must be one the model called an organisation at least once, and the
    one the short form opens far more often than any other (``dominant``): "Apple" stays
    apart when the corpus has both "Apple Inc." and "Apple Corps". A short form the corpus
    also uses as a place stays apart: "Wexcombe" is not "Wexcombe Police". A longer name that
    adds a body of its own or a product ("Senate Judiciary Committee", "Microsoft xCloud",
    ``added_kind``) is another entity than the short form, and so is one that no article
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
                    added = added_kind(c, k, n)
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
        if not is_org_vote(votes[uf.find(c.ref)]):
            continue
        for k in [k for k in c.full_keys() if k not in places]:  # not "Wexcombe Police"
            if longest[uf.find(c.ref)] > len(k.split()):
                continue
            target = dominant(by_prefix.get(k, Counter()), uf)
            if (target and not _only_units(target, k, by_prefix, units, uf)
                    and not _named_after(target, k, uses, opens, full, uf)):
                union_votes(uf, votes, target, c.ref)


def _named_after(target: tuple[str, str], prefix: str, uses: dict[str, Counter[str]],
                 opens: dict[str, Counter[tuple[str, str]]],
                 full: dict[str, set[tuple[str, str]]], uf: UnionFind) -> bool:
    """Whether the target group's names that open with the short form name something
    named after it: none adds only a head of an organisation's own name
    (``FULL_NAME_HEADS``), no article writes them beside the short form alone, and the
    short form is used ``SHORT_NAME_DOMINANCE`` times as often (``outnumbers``)."""
    longer = {ref: n for ref, n in opens.get(prefix, Counter()).items() if uf.find(ref) == target}
    short = uses.get(prefix, Counter())
    if any(article in short for article, _ in longer):
        return False  # "Northrop Grumman", then "Northrop": the article's own short form
    if any(uf.find(ref) == target for ref in full.get(prefix, ())):
        return False  # "Ohio State University": the short form's own name in full
    return outnumbers(sum(short.values()), sum(longer.values()))


def join_place_led_forms(named: list[Cluster], uf: UnionFind,
                          votes: dict[tuple[str, str], Counter[str]]) -> None:
    """An organisation named after its place, without the place ("Red Sox" for "Boston Red
    Sox", "Nationals" for "Washington Nationals", "Fish and Wildlife Service" for "U.S.
    Fish and Wildlife Service"), joins it when one article writes both and every other
    article that writes the bare name writes the place-led one or its place, and the rest
    opens no other place-led organisation of the corpus far more rarely (``dominant``).
    The bare name's group spans the corpus: a "Foreign Ministry" in an article that names
    another country and never the place-led one's is another country's ministry. The
    place is one the corpus names as such (a GPE or LOC group) or the tables know; the
    rest must be no place itself ("Mexico" is not the "U.S.-Mexico" border).
    """
    place_roots = {root for root, v in votes.items()
                   if v and max(v, key=lambda t: (v[t], t)) in ("GPE", "LOC")}
    places = {k for c in named if uf.find(c.ref) in place_roots and not is_person(c)
              for k in c.full_keys()}
    # A place as one group (its names joined by now: "U.S."/"United States"), else its key.
    place_id = {k: uf.find(c.ref) for c in named if uf.find(c.ref) in place_roots
                and not is_person(c) for k in c.full_keys()}
    art_places: dict[str, set[object]] = defaultdict(set)
    for c in named:
        for k in c.full_keys():
            if k in places or names.is_known_place(k):
                art_places[c.article].add(place_id.get(k, k))
    led: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    where: dict[str, set[tuple[str, tuple[str, str]]]] = defaultdict(set)
    led_place: dict[str, set[tuple[tuple[str, str], object]]] = defaultdict(set)
    for c in named:
        if not is_org_vote(votes[uf.find(c.ref)]):
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
        if not is_person(c):
            for k in c.full_keys():
                bare_in[k].add(c.article)
    for c in named:
        if is_person(c):
            continue
        for k in c.full_keys():
            target = dominant(led.get(k, Counter()), uf)
            if target is None or uf.find(c.ref) == target:
                continue
            both = {a for a, r in where[k] if uf.find(r) == target}
            own = {p for r, p in led_place[k] if uf.find(r) == target}
            if bare_in[k] & both and all(a in both or art_places[a] & own
                                         for a in bare_in[k]):
                union_votes(uf, votes, target, c.ref)


def _only_units(target: tuple[str, str], prefix: str,
                by_prefix: dict[str, Counter[tuple[str, str]]],
                units: dict[str, Counter[tuple[str, str]]], uf: UnionFind) -> bool:
    """Whether every name of the target group that opens with the prefix names a unit."""
    def of_target(counts: Counter[tuple[str, str]]) -> int:
        return sum(n for r, n in counts.items() if uf.find(r) == target)
    found = of_target(units.get(prefix, Counter()))
    return bool(found) and found >= of_target(by_prefix[prefix])
