"""Readers: turn whatever the user points at into ``RawPage`` records (or ``Failure``s).

``read_inputs(paths)`` expands files, folders (recursively), globs and ``.gz`` files and
dispatches each file to the reader for its format; a file that cannot be read becomes a
``Failure`` with its reason, and reading goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..records import Failure, RawPage
from ..settings import Settings
from .files import expand_inputs, open_bytes
from .sniff import detect_format
from . import feeds, html, jsonl, text, warc

__all__ = ["read_inputs", "read_file", "expand_inputs", "detect_format"]

READERS = {
    "text": text.read,
    "html": html.read,
    "jsonl": jsonl.read,
    "warc": warc.read,
    "feed": feeds.read,
}


def read_inputs(paths: Iterable[str], settings: Settings) -> Iterator[RawPage | Failure]:
    """Every page found under ``paths``, in a stable order; failures inline."""
    for item in expand_inputs(paths):
        if isinstance(item, Failure):
            yield item
        else:
            yield from read_file(item, settings)


def read_file(path: str, settings: Settings) -> Iterator[RawPage | Failure]:
    """The pages in one file, whatever its format; never raises for bad content."""
    try:
        data = open_bytes(path, settings)
    except Exception as e:  # noqa: BLE001 - any read problem is this file's failure
        yield Failure(source=path, reason=getattr(e, "reason", "unreadable"), detail=str(e))
        return
    fmt = detect_format(path, data)
    if fmt is None:
        yield Failure(source=path, reason="unknown-format",
                      detail="not text, HTML, JSONL, WARC or a feed")
        return
    try:
        yield from READERS[fmt](path, data, settings)
    except Exception as e:  # noqa: BLE001 - a reader bug must not end the run
        yield Failure(source=path, reason=getattr(e, "reason", f"{fmt}-error"),
                      detail=f"{type(e).__name__}: {e}")
