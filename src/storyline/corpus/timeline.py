"""Placeholder until the timeline lands."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Article, DuplicateLink, Event, Quote, Story, TimelineItem


def build_timeline(stories: Sequence[Story], events: Sequence[Event], quotes: Sequence[Quote],
                   articles: Sequence[Article], links: Sequence[DuplicateLink]) -> list[TimelineItem]:
    return []
