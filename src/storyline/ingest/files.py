"""Finding input files and reading their bytes safely (gzip, size limits)."""

from __future__ import annotations

import glob
import gzip
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import PageError
from ..records import Failure
from ..settings import Settings

# Files a folder walk skips: hidden files and editor droppings are never pages.
SKIP_PREFIXES = (".", "~")


def expand_inputs(paths: Iterable[str]) -> Iterator[str | Failure]:
    """Files under ``paths`` in sorted order; a path that matches nothing is a Failure."""
    for raw in paths:
        if raw.startswith(("http://", "https://")):
            yield raw
            continue
        matches = sorted(glob.glob(raw, recursive=True)) if glob.has_magic(raw) else [raw]
        if not matches:
            yield Failure(source=raw, reason="not-found", detail="no file matches this pattern")
        for m in matches:
            p = Path(m)
            if p.is_dir():
                yield from _walk(p)
            elif p.exists():
                yield str(p)
            else:
                yield Failure(source=raw, reason="not-found", detail="no such file or folder")


def _walk(folder: Path) -> Iterator[str]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(SKIP_PREFIXES))
        for f in sorted(files):
            if not f.startswith(SKIP_PREFIXES):
                yield os.path.join(root, f)


def open_bytes(path: str, settings: Settings) -> bytes:
    """The file's bytes, gunzipped when it is gzip, within the configured size limits."""
    size = os.path.getsize(path)
    if size == 0:
        raise PageError("empty", "the file is empty")
    with open(path, "rb") as f:
        head = f.read(2)
        if head == b"\x1f\x8b" and not path.endswith((".warc.gz", ".arc.gz")):
            f.seek(0)
            return _gunzip(f.read(), settings.max_decompressed_bytes)
        if size > settings.max_page_bytes and not _is_container(path):
            raise PageError("too-large", f"{size} bytes > max_page_bytes "
                                         f"{settings.max_page_bytes}")
        f.seek(0)
        return f.read()


def _is_container(path: str) -> bool:
    # Files holding many pages are read record by record, so the page limit is per record.
    return path.endswith((".jsonl", ".warc", ".warc.gz", ".ndjson", ".jsonl.gz"))


def _gunzip(data: bytes, limit: int) -> bytes:
    """Decompress all gzip members, refusing bombs and reporting truncation."""
    out = bytearray()
    while data:
        d = zlib.decompressobj(wbits=31)
        try:
            while True:
                chunk = d.decompress(data, 1 << 20)
                out += chunk
                if len(out) > limit:
                    raise PageError("gzip-bomb", f"decompresses past {limit} bytes")
                data = d.unconsumed_tail
                if d.eof or not data:
                    break
        except zlib.error as e:
            raise PageError("bad-gzip", str(e)) from e
        if not d.eof:
            raise PageError("truncated-gzip", "the gzip stream ends early")
        data = d.unused_data
        if data and data[:2] != b"\x1f\x8b":
            break
    return bytes(out)


def gzip_bytes(data: bytes) -> bytes:
    """Compress (used by tests and the WARC writer)."""
    return gzip.compress(data)
