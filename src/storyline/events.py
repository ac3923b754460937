"""Placeholder until its stage lands: finds nothing."""

from __future__ import annotations

from typing import Any


def find_event_mentions(*args: Any) -> list[Any]:
    return []
