"""Mentions on odd input: a digit character that int() does not read never ends an
article's analysis (code review REV5 #7: "²" after a name set off by commas)."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.analyze import mentions
from storyline.analyze.model import entities_changed
from storyline.records import Article

TEXT = "The report from Harbor Widgets, \u00b2, arrived on Monday and the board met."


@pytest.mark.slow
def test_a_superscript_digit_after_a_name_is_no_age(nlp: Any) -> None:
    doc = nlp(TEXT)
    start = TEXT.index("Harbor Widgets")
    doc.ents = [doc.char_span(start, start + len("Harbor Widgets"), label="ORG")]
    entities_changed(doc)
    found = mentions.find_mentions(doc, Article(id="r", source_id="r", source="r", text=TEXT))
    assert [(m.text, m.label) for m in found] == [("Harbor Widgets", "ORG")]
