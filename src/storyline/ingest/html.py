"""HTML pages saved to disk; extraction happens in the cleaner, not here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from ..records import RawPage
from ..settings import Settings
from .files import source_id_for
from .text import decode

# Browsers look for the charset declaration in the first 1024 bytes; pages saved by
# crawlers sometimes push it further down, so look a little further than a browser does.
CHARSET_BYTES = 4096
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def read(path: str, stream: IO[bytes], settings: Settings) -> Iterator[RawPage]:
    data = stream.read()
    yield RawPage(source=path, source_id=source_id_for(path), kind="html",
                  html=decode(data, declared_charset(data)))


def declared_charset(data: bytes) -> str | None:
    """The charset a page's ``<meta>`` declares, if any."""
    m = _CHARSET.search(data[:CHARSET_BYTES])
    return m.group(1).decode("ascii").lower() if m else None
