"""The per-article language stage with pipelines other than the default."""

from __future__ import annotations

from pathlib import Path

import spacy

from storyline.analyze import analyze_doc
from storyline.records import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_a_pipeline_without_a_parser_analyses_without_walking_a_tree() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("0*.txt")))
    article = Article(id="a1", source_id="s", source="s.txt", text=text,
                      published="2025-10-09")
    analysis = analyze_doc(nlp(text), article)
    assert analysis.sentences
    assert analysis.quotes == () and analysis.event_mentions == ()
    assert all(t.value for t in analysis.timexes)


def test_what_is_kept_with_a_doc_is_the_docs_own() -> None:
    """``model.text_of`` and ``model.entities_of`` answer from what is kept in the Doc's
    user data: the article text only when the Doc ends where it does, and the entities
    anew once a stage has set others (``mentions.relabel``)."""
    from spacy.tokens import Span

    from storyline.analyze import model

    doc = spacy.blank("en")("Anna Berg met Carl Dahl in Oslo.")
    model.known_text(doc, "another text")  # not the string it was parsed from: not kept
    assert model.TEXT_KEY not in doc.user_data
    model.known_text(doc, doc.text)
    assert model.text_of(doc) == "Anna Berg met Carl Dahl in Oslo."
    doc.ents = [Span(doc, 0, 2, label="PER")]
    assert [e.label_ for e in model.entities_of(doc)] == ["PER"]
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 7, label="GPE")]
    model.entities_changed(doc)
    assert [e.label_ for e in model.entities_of(doc)] == ["PERSON", "GPE"]
    kept = model.entities_of(doc)
    assert all(a is b for a, b in zip(kept, model.entities_of(doc), strict=True))  # kept
    # set without entities_changed: the guard sees other marks and reads them afresh,
    # forgetting the time expressions' spans kept with the old ones
    doc.user_data[model.TIMEX_SPANS_KEY] = ((0, 4),)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="PERSON")]
    assert [(e.start, e.end) for e in model.entities_of(doc)] == [(0, 2), (3, 5)]
    assert model.TIMEX_SPANS_KEY not in doc.user_data
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 3, 5, label="PERSON")]
    assert [e.label_ for e in model.entities_of(doc)] == ["ORG", "PERSON"]


def test_paragraph_boundaries_mark_what_the_per_token_rule_marks() -> None:
    """``model.paragraph_boundaries`` reads its candidates off arrays; the rule is the same as
    asking every token: not whitespace, after a token whose text holds a line break."""
    import pytest
    from spacy.attrs import SENT_START

    from storyline.analyze import model

    nlp = spacy.blank("en")
    texts = ["", "a", "\n", "a\n", "\nA b.", "Title\n\nBody text here.", " \n b",
             "x \n\n y\n", "a\u2028b\u2029c", "a\r\nb", "a\tb\n\tc", "\n\n\n", "A.  \n  B.\n\nC",
             "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("0*.txt")))]
    for text in texts:
        ours, each = model.paragraph_boundaries(nlp.make_doc(text)), nlp.make_doc(text)
        for token in each[1:]:
            if "\n" in each[token.i - 1].text_with_ws and not token.is_space:
                token.is_sent_start = True
        assert ours.to_array(SENT_START).tolist() == each.to_array(SENT_START).tolist(), text
    parsed = spacy.blank("en")("One.\n\nTwo.")
    parsed[0].dep_ = "ROOT"  # a Doc with a parse: spaCy refuses new boundaries, as before
    with pytest.raises(ValueError):
        model.paragraph_boundaries(parsed)
