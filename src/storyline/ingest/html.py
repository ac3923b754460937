"""HTML pages saved to disk; extraction happens in the cleaner, not here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..records import RawPage
from ..settings import Settings
from .text import decode


def read(path: str, data: bytes, settings: Settings) -> Iterator[RawPage]:
    yield RawPage(source=path, source_id=Path(path).name.split(".")[0], kind="html",
                  html=decode(data))
