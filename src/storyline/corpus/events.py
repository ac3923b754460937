"""Placeholder until event merging lands."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..records import Analysis, Article, DuplicateLink, Event, Story


def merge_events(articles: Sequence[Article], analyses: Mapping[str, Analysis],
                 stories: Sequence[Story], links: Sequence[DuplicateLink],
                 key_to_entity: Mapping[tuple[str, str], str]) -> list[Event]:
    return []
