"""storyline: turn a pile of raw news pages into a sourced timeline of a story."""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import ConfigError, ExtractError, ModelError, PageError, StoreError, StorylineError
from .records import (
    Analysis,
    Article,
    Contradiction,
    DuplicateLink,
    Entity,
    Event,
    EventMention,
    Failure,
    Mention,
    Quote,
    RawPage,
    RunSummary,
    Sentence,
    Story,
    TimelineItem,
    Timex,
)
from .settings import Settings, load_settings

__all__ = [
    "Analysis",
    "Article",
    "ConfigError",
    "Contradiction",
    "DuplicateLink",
    "Entity",
    "Event",
    "EventMention",
    "ExtractError",
    "Failure",
    "Mention",
    "ModelError",
    "PageError",
    "Quote",
    "RawPage",
    "RunSummary",
    "Sentence",
    "Settings",
    "StoreError",
    "Story",
    "StorylineError",
    "TimelineItem",
    "Timex",
    "__version__",
    "load_settings",
]
