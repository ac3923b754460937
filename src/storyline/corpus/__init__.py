"""Corpus-wide stages: everything that needs more than one article at a time."""

from __future__ import annotations

from ..settings import Settings
from ..store import Store


def build(store: Store, settings: Settings) -> None:
    """Recompute corpus-level results from the stored articles and analyses."""
