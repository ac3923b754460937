"""The verb a token hangs from, on a parse whose root is no verb: the walk up stops at the
root (it compared Token objects by identity, which spaCy never repeats, and looped until a
page's time ran out: a bench page lost its analysis)."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze.events import _verb_above


@pytest.mark.slow
def test_the_walk_up_to_a_verb_stops_at_a_root_that_is_no_verb(nlp: Any) -> None:
    doc = nlp("Plans for the harbour talks in Tromsvik on Friday.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.pos_ not in ("VERB", "AUX")
    for token in doc:
        if token.i != root.i:
            assert _verb_above(token).i in {t.i for t in doc}
    assert _verb_above(root).i == root.i
