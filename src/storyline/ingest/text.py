"""Plain-text dumps: an optional header line `` date YYYY-MM-DD ...``, then the page text.

What follows the date on the header line may be an HTTP status code (dropped), an outlet
name or the first sentence of the article; it is put back as the first line of the text
and the cleaner decides which it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import PageError
from ..records import RawPage
from ..settings import Settings

HEADER = re.compile(r"^\s*date[:\s]+(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+Z-]*)?\s*(.*)$", re.I)
STATUS = re.compile(r"^\d{3}$")


def read(path: str, data: bytes, settings: Settings) -> Iterator[RawPage]:
    text = decode(data)
    if not text.strip():
        raise PageError("empty", "no text in the file")
    published, text = split_header(text)
    yield RawPage(source=path, source_id=Path(path).name.split(".")[0], kind="text",
                  text=text, published=published)


def split_header(text: str) -> tuple[str | None, str]:
    """The header's date and the text with the header line removed (its tail kept)."""
    first, sep, rest = text.partition("\n")
    m = HEADER.match(first)
    if not m:
        return None, text
    tail = m.group(2).strip()
    if STATUS.match(tail):
        tail = ""
    return m.group(1), (tail + "\n" + rest) if tail else rest


def decode(data: bytes) -> str:
    """UTF-8 when it is, else the best guess; never raises on mixed encodings."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    except ImportError:  # pragma: no cover - charset_normalizer comes with trafilatura
        pass
    return data.decode("utf-8", errors="replace")
