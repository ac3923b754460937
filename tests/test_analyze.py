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
