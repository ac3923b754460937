"""Placeholder until near-duplicate detection lands."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Article, DuplicateLink
from ..settings import Settings


def find_duplicates(articles: Sequence[Article], settings: Settings) -> list[DuplicateLink]:
    return []
