"""Joins of roles an article left unresolved ("the president of the European
Commission") to the one person the corpus gives that title.
"""

from __future__ import annotations

from collections import defaultdict

from ...analyze import names
from ...analyze.mentions import ROLE_PREFIX
from .clusters import Cluster, UnionFind


def join_roles(clusters: list[Cluster], uf: UnionFind) -> None:
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
