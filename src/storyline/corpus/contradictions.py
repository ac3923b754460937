"""Placeholder until contradiction finding lands."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..records import Analysis, Article, Contradiction, Quote, Story


def find_contradictions(quotes: Sequence[Quote], articles: Sequence[Article],
                        stories: Sequence[Story],
                        analyses: Mapping[str, Analysis]) -> list[Contradiction]:
    return []
