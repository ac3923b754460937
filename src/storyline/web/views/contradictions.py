"""Contradictions as pages list them: one per pair of statements, both sides shown."""

from __future__ import annotations

from ...corpus.statements import one_per_statement_pair
from ...records import Statement
from ...store import Store
from .labels import View
from .quotes import quote_row

# A contradiction's kind (``Contradiction.kind``) in a reader's words; ``why`` says what
# the two sides say.
KIND_LABELS = {"polarity": "opposite claims", "figure": "different figures"}


def contradictions_view(store: Store, story: str | None = None,
                        statements: list[Statement] | None = None) -> View:
    """The story's contradictions (every story's without ``story``); ``statements``: the
    story's, when the caller has read them already."""
    # A reader sees one contradiction per pair of statements; the store keeps every pair of
    # renderings the detector found (the export lists them all).
    if statements is None:
        statements = store.statements(story)
    pairs = one_per_statement_pair(store.story_contradictions(story), statements)
    rows = {r["id"]: quote_row(r) for r in store.quote_rows([x for c in pairs
                                                              for x in (c.a, c.b)])}
    # Every story's list names the story each pair is in; a story's own page needs not.
    titles = {} if story else {s: found[0]["title"] for s in {c.story for c in pairs if c.story}
                               if (found := store.story_rows(s))}
    return {"contradictions": [
        {"why": c.why, "kind": KIND_LABELS.get(c.kind, c.kind), "story": c.story,
         "story_title": titles.get(c.story or ""), "a": rows.get(c.a), "b": rows.get(c.b)}
        for c in pairs]}
