"""Readers: turn whatever the user points at into ``RawPage`` records (or ``Failure``s).

``read_inputs(paths)`` expands files, folders (recursively), globs and ``.gz`` files and
dispatches each file to the reader for its format; a file that cannot be read becomes a
``Failure`` with its reason, and reading goes on.

Each reader is ``read(path, stream, settings) -> Iterator[RawPage | Failure]``: it reads
the stream record by record (so memory does not grow with the file), yields a Failure for
a bad record and keeps going, and raises ``PageError`` only when the whole file is
unusable. Every page and failure leaves here with storable text (``safe_text.checked``);
only the paths the user names are opened, never a path found in a file.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator

from ..records import Failure, RawPage
from ..settings import Settings
from . import feeds, html, jsonl, text, warc
from .files import expand_inputs, input_stream, open_input, printable, source_id_for
from .safe_text import checked
from .sniff import SNIFF_BYTES, describe_binary, detect_format

__all__ = ["detect_format", "expand_inputs", "input_stream", "read_file", "read_inputs",
           "read_stream", "source_id_for"]

Reader = Callable[[str, io.BufferedReader, Settings], Iterator[RawPage | Failure]]
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
    name = printable(path)
    try:
        with open_input(path, settings) as stream:
            yield from read_stream(name, stream, settings)
    except Exception as e:  # noqa: BLE001 - any read problem is this file's failure
        yield checked(Failure(source=name, reason=getattr(e, "reason", "unreadable"),
                              detail=getattr(e, "detail", "") or str(e),
                              source_id=source_id_for(name)))


def read_stream(name: str, stream: io.BufferedReader,
                settings: Settings) -> Iterator[RawPage | Failure]:
    """The pages in an opened input (``files.input_stream``), named ``name``; failures inline."""
    sid = source_id_for(name)
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    if not head.strip() and len(head) < SNIFF_BYTES:  # a shorter head is the whole file
        yield Failure(source=name, reason="empty", source_id=sid,
                      detail="nothing but white space in the file")
        return
    fmt = detect_format(name, head)
    if fmt is None:
        yield Failure(source=name, reason="binary", source_id=sid,
                      detail=f"{describe_binary(head)}; storyline reads {FORMATS_READ}")
        return
    found = 0
    try:
        for item in READERS[fmt](name, stream, settings):
            found += 1
            yield checked(item)
    except Exception as e:  # noqa: BLE001 - a reader bug or a broken stream must not end the run
        found += 1
        yield checked(Failure(source=name, reason=getattr(e, "reason", f"{fmt}-error"),
                              source_id=sid,
                              detail=getattr(e, "detail", "") or f"{type(e).__name__}: {e}"))
    if not found:  # a file is never silently ignored: say why nothing came of it
        yield Failure(source=name, reason="no-pages", source_id=sid,
                      detail=f"no usable page in this {fmt} file")
