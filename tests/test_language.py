"""The loaded pipeline: the same annotations as the published one, for less work."""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any

import pytest

from storyline.analyze import model as language
from storyline.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# Odd cases the attribute rules single out: "gonna", "ain't", "y'all", existential "there",
# indefinite pronouns, modals, subordinators, a bare space token.
ODD = ("There's a lot y'all ain't gonna like, but nobody said anything. "
       "Whether she can go is what we'd ask  once they'd let's say agreed.\n\n"
       "  He gets what he got; c'mon, there are   reasons.")


@pytest.fixture(scope="module")
def published() -> Any:
    return language.load_as_published(Settings().model)


def _texts() -> list[str]:
    return [ODD] + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


def test_attribute_table_and_lazy_lemmas_match_the_published_pipeline(
        nlp: Any, published: Any) -> None:
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    for text in _texts():
        ours, theirs = nlp(text), published(text)
        assert [t.text for t in ours] == [t.text for t in theirs]
        for a, b in zip(ours, theirs, strict=True):
            assert (a.pos_, str(a.morph), language.lemma_of(a)) == \
                (b.pos_, str(b.morph), b.lemma_), (a.text, a.tag_)


def test_lemma_of_without_a_lemmatizer_falls_back_to_the_lower_form() -> None:
    import spacy

    doc = spacy.blank("en")("Leaders Met")
    assert [language.lemma_of(t) for t in doc] == ["leaders", "met"]


def test_stages_read_lemmas_only_through_lemma_of() -> None:
    # A direct token.lemma_ would be empty now that the lemmatizer is out of the pipeline.
    model_file = Path(inspect.getfile(language))
    src = model_file.parent.parent
    direct = [str(p.relative_to(src)) for p in src.rglob("*.py")
              if p != model_file and re.search(r"\.lemma_\b", p.read_text("utf-8"))]
    assert direct == []


def test_attribute_table_caches_by_what_the_rules_see_not_by_word(nlp: Any) -> None:
    # Words no rule names share a stand-in, so new vocabulary adds no cache entries.
    table = nlp.get_pipe(language.ATTRIBUTES)
    nlp("The minister visited the harbour and praised the engineers.")
    size = len(table._cache)
    nlp("The senator inspected the factory and thanked the workers.")
    assert len(table._cache) == size


def test_lazy_lemmatizer_index_is_a_set(nlp: Any) -> None:
    lemmatizer = language._LAZY_LEMMATIZERS[id(nlp.vocab)]
    index = lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(index[pos], frozenset) for pos in index)
