"""Joins of roles an article left unresolved ("the president of the European
Commission") to the one person the corpus gives that title.
"""

from __future__ import annotations

from collections import defaultdict

from ...analyze import names
from ...analyze.mentions import ROLE_PREFIX
from .clusters import Cluster, UnionFind
from .ties import Ties


def join_roles(clusters: list[Cluster], uf: UnionFind) -> None:
    """Unresolved roles join the person whose titles, corpus-wide, give the same key.

    Only a role that says whose it is ("the president of the European Commission", "the
    Alaska governor") joins across articles: a bare one ("the prime minister", "the
    chief") names whoever holds it in its own article, and another article's prime
    minister is most often someone else. The holder must be named so in an article of the
    role's story (``ties``): offices change hands, and the Alaska governor of one story
    is not that of another years apart."""
    ties = Ties([c for c in clusters if not c.role_only], uf)
    table: dict[str, list[Cluster]] = defaultdict(list)
    for c in clusters:
        for t in c.titles:
            key = names.role_key(t)
            if len(key.split()) >= 2 and not names.is_bare_role(key):
                table[key].append(c)
    for c in clusters:
        if c.role_only and c.key.startswith(ROLE_PREFIX):
            roots = {uf.find(h.ref) for h in table.get(c.key[len(ROLE_PREFIX):], ())
                     if ties.tied(c.article, h.article, h.ref)}
            if len(roots) == 1:
                uf.union(roots.pop(), c.ref)
