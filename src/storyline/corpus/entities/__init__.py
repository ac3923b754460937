"""Article-local mention clusters -> corpus ``Entity`` records, name variants merged.

A surname written alone where its article names people of that surname in full is the
one the article last named before it (``article_surnames``), and no one's when its mentions
there point at several. Otherwise two clusters join when they share a full name (after
folding case, diacritics, titles and transliteration endings), when one is a short form (a
surname, an acronym) of exactly one full name in its own article or the articles of its
story (``ties``: "Bush" in 1990 is not the "Jeb Bush" of a 2000 article) or of the one
person its own articles write in full (a surname, a given name or its short form: "Tim"
for "Timothy Brandvold"), when their
spellings differ only as transliterations do, or when a role left unresolved in its
article that says whose it is ("the president of the European Commission", not "the prime
minister") matches a title its story gives exactly one person.
A longer organisation name that adds a body or product of its own ("Senate Judiciary
Committee") is never the shorter one. Types are decided by majority over the corpus.

``merge_entities`` runs the joins in order; each family of them is a module:

- ``clusters``: one article's mentions of one thing, the union-find over them, and the
  reading of a cluster every join shares (name keys, names as a person's, label votes);
- ``people``: full names of one person (titles, middle initials, short given names,
  generation suffixes, transliterated surnames);
- ``short_forms``: a surname or given name alone, to the one full name it stands for;
- ``org_names``: how a longer organisation name relates to a shorter one it opens with;
- ``organisations``: organisation and place joins (variants, acronyms, country forms,
  names cut short, names without their place);
- ``roles``: unresolved roles, through the titles the corpus has seen;
- ``ties``: which articles are of one story as their names tell, what a surname, a title
  with a surname or a role needs to stand for a full name of another article, and the
  offices and royal titles that keep namesakes apart;
- ``canonical``: groups -> ``Entity`` records (type, canonical name, unique id).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...records import Entity, Mention
from .article_surnames import article_readings, bare_surnames, settle
from .canonical import group_entities
from .clusters import UnionFind, join_equal, label_votes, make_clusters
from .organisations import (
    join_acronyms,
    join_country_forms,
    join_org_short_forms,
    join_org_variants,
    join_place_led_forms,
)
from .people import join_person_cores, join_person_variants
from .roles import join_roles
from .short_forms import join_article_short_forms, join_short_forms


def merge_entities(mentions: Sequence[Mention]) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """Corpus entities and the map (article, mention key) -> entity id."""
    clusters = make_clusters(mentions)
    uf = UnionFind()
    named = [c for c in clusters if not c.role_only]
    for c in named:
        uf.find(c.ref)
    # A surname alone where its article names people of it in full is one of those, read
    # in that article, and joins no namesake of another article.
    bare = bare_surnames(named)
    # 1. One full name (or one short name) in several articles, whatever the model called it.
    join_equal([c for c in named if c.ref not in bare], uf)
    # Titles, ranks and leading initials: "Constable Tim Fanning", "H. Dale Hall".
    join_person_cores(named, uf)
    # 2. Spelling variants: transliterations, garbled organisation names, acronyms.
    join_person_variants(named, uf)
    # How each bare surname's article reads it: the person it last named in full with it.
    readings = article_readings(mentions, named, uf, bare)
    left = [c for c in named if c.ref in bare and c.ref not in readings]
    named = [c for c in named if c.ref not in bare]
    if left:  # a surname no bearer there may have ("President Bush" / "Gov. Jeb Bush")
        join_equal([*named, *left], uf)
        named += left
    apart = [c for c in clusters if c.ref in readings]  # each a group of its own
    join_org_variants(named, uf)
    join_acronyms(named, uf)
    join_country_forms(named, uf)
    # 3. Surnames alone, to the one full name they shorten; an organisation's first word
    # to the one organisation it opens ("Northrop" / "Northrop Grumman").
    # The labels the model gave each group, kept in step with the joins from here on.
    groups_votes = label_votes([*named, *apart], uf)
    story: dict[tuple[str, str], tuple[str, str] | None] = dict.fromkeys(readings)
    join_short_forms([*named, *apart], uf, groups_votes, held=story)
    # A bare surname joins the person its article and its story agree on, or no one.
    nobody = settle(readings, story, uf, groups_votes)
    # A bare surname or given name the corpus left apart, to the one full name in its own
    # articles it fits ("Ferreira" / "Nadia Ferreira", "Tim" / "Timothy Brandvold").
    join_article_short_forms(named, uf, groups_votes)
    join_org_short_forms(named, uf, groups_votes)
    join_place_led_forms(named, uf, groups_votes)
    # 4. Roles left open in their article, through the titles the corpus has seen.
    join_roles(clusters, uf)
    return group_entities([c for c in clusters if c.ref not in nobody], uf)
