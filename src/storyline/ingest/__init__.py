"""Readers: turn whatever the user points at into ``RawPage`` records (or ``Failure``s).

``read_inputs(paths)`` expands files, folders (recursively), globs and ``.gz`` files and
dispatches each file to the reader for its format; a file that cannot be read becomes a
``Failure`` with its reason, and reading goes on.

Each reader is ``read(path, data, settings) -> Iterator[RawPage | Failure]``: it yields a
Failure for a bad record and keeps going, and raises ``PageError`` only when the whole file
is unusable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..records import Failure, RawPage
from ..settings import Settings
from . import feeds, html, jsonl, text, warc
from .files import expand_inputs, open_bytes, source_id_for
from .sniff import describe_binary, detect_format

__all__ = ["detect_format", "expand_inputs", "read_file", "read_inputs", "source_id_for"]

Reader = Callable[[str, bytes, Settings], Iterator[RawPage | Failure]]
READERS: dict[str, Reader] = {
    "text": text.read,
    "html": html.read,
    "jsonl": jsonl.read,
    "warc": warc.read,
    "feed": feeds.read,
}
FORMATS_READ = "text, HTML, JSONL, WARC and RSS/Atom feeds"


def read_inputs(paths: Iterable[str], settings: Settings) -> Iterator[RawPage | Failure]:
    """Every page found under ``paths``, in a stable order; failures inline."""
    for item in expand_inputs(paths):
        if isinstance(item, Failure):
            yield item
        else:
            yield from read_file(item, settings)


def read_file(path: str, settings: Settings) -> Iterator[RawPage | Failure]:
    """The pages in one file, whatever its format; never raises for bad content."""
    sid = source_id_for(path)
    try:
        data = open_bytes(path, settings)
    except Exception as e:  # noqa: BLE001 - any read problem is this file's failure
        yield Failure(source=path, reason=getattr(e, "reason", "unreadable"),
                      detail=getattr(e, "detail", "") or str(e), source_id=sid)
        return
    fmt = detect_format(path, data)
    if fmt is None:
        yield Failure(source=path, reason="binary", source_id=sid,
                      detail=f"{describe_binary(data)}; storyline reads {FORMATS_READ}")
        return
    found = 0
    try:
        for item in READERS[fmt](path, data, settings):
            found += 1
            yield item
    except Exception as e:  # noqa: BLE001 - a reader bug must not end the run
        found += 1
        yield Failure(source=path, reason=getattr(e, "reason", f"{fmt}-error"), source_id=sid,
                      detail=getattr(e, "detail", "") or f"{type(e).__name__}: {e}")
    if not found:  # a file is never silently ignored: say why nothing came of it
        yield Failure(source=path, reason="no-pages", source_id=sid,
                      detail=f"no usable page in this {fmt} file")
