"""Placeholder until its stage lands: finds nothing."""

from __future__ import annotations

from typing import Any


def find_mentions(*args: Any) -> list[Any]:
    return []
