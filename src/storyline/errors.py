"""storyline's one exception tree.

    StorylineError            anything storyline raises on purpose
    ├── ConfigError           a wrong argument or setting: fix the call and retry
    ├── StoreError            the SQLite store cannot be opened, migrated or written
    ├── ModelError            the spaCy pipeline cannot be loaded
    └── PageError             one page is unusable; runners turn it into a Failure record
        └── ExtractError      nothing usable could be extracted from the page

Bad calls raise at once with a message that says how to fix them; bad data never
raises out of a run: a ``PageError`` becomes a recorded ``Failure`` and the run goes on.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base of every error storyline raises on purpose."""


class ConfigError(StorylineError, ValueError):
    """A wrong argument or setting."""


class StoreError(StorylineError):
    """The store cannot be opened, migrated or written."""


class ModelError(StorylineError):
    """The language pipeline cannot be loaded."""


class PageError(StorylineError):
    """One page is unusable; ``reason`` is the short code stored with its Failure."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class ExtractError(PageError):
    """Nothing usable could be extracted from the page."""
