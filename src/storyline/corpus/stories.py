"""Placeholder until story clustering lands."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..records import Analysis, Article, DuplicateLink, Story
from ..settings import Settings


def assign_stories(articles: Sequence[Article], analyses: Mapping[str, Analysis],
                   links: Sequence[DuplicateLink], previous: Sequence[Story],
                   settings: Settings) -> list[Story]:
    return []
