"""Finding input files and opening them as streams safely (gzip, size limits, UTF-16).

Only the paths the user names are opened; a file's bytes are read as a stream, so a
container (JSONL, WARC) is never held whole in memory.
"""

from __future__ import annotations

import codecs
import contextlib
import glob
import io
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import PageError
from ..records import Failure
from ..settings import Settings
from .sniff import SNIFF_BYTES

# Files a folder walk skips: hidden files and editor droppings are never pages.
SKIP_PREFIXES = (".", "~")
GZIP_MAGIC = b"\x1f\x8b"
# WARC.gz stays compressed: warcio reads it member by member, so one bad record is skippable.
KEEP_COMPRESSED = (".warc.gz", ".arc.gz")
CONTAINERS = (".jsonl", ".ndjson", ".json", ".warc", ".arc")
# Bytes a stream reads from its source at a time: few calls, little memory.
READ_CHUNK = 1 << 20
# Decompression step: small enough that a bomb is stopped within a megabyte of the limit.
GZIP_CHUNK = 1 << 20
# gzip inside gzip happens (a .gz of a .gz download); deeper nesting is only ever an attack.
MAX_GZIP_DEPTH = 3
# Longest first: a UTF-32 LE BOM starts with the UTF-16 LE one.
UTF_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
            (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Extensions stripped from a file name to make its source_id ("0420.story.html" -> "0420.story").
KNOWN_EXTENSIONS = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".xml",
                              ".jsonl", ".ndjson", ".json", ".warc", ".arc", ".rss", ".atom"})


def expand_inputs(paths: Iterable[str]) -> Iterator[str | Failure]:
    """Files under ``paths`` in sorted order; a path that matches nothing is a Failure.

    Only what the user names is opened: a file's content is never taken for a path, except
    that a path written as a folder (a trailing slash) may be a link file (``link_folder``).
    """
    for raw in paths:
        if raw.startswith(("http://", "https://")):
            yield raw
            continue
        matches = sorted(glob.glob(raw, recursive=True)) if glob.has_magic(raw) else [raw]
        if not matches:
            yield Failure(source=printable(raw), reason="not-found",
                          detail="no file matches this pattern")
        for m in matches:
            p = link_folder(Path(m)) if m.endswith(("/", os.sep)) else Path(m)
            if p.is_dir():
                yield from _walk(p)
            elif p.exists():
                yield str(p)
            else:
                yield Failure(source=printable(raw), reason="not-found",
                              detail="no such file or folder")


# A symbolic link checked out where links are not supported (git's core.symlinks=false)
# is a tiny file holding the target's relative path. It is followed only when the user
# names it as a folder ("docs/"), and only to a folder, as the link it stands for would be.
MAX_LINK_FILE_BYTES = 1024


def link_folder(path: Path) -> Path:
    """``path``, or the folder it names when it is a link to a folder stored as a plain file."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_LINK_FILE_BYTES:
            return path
        target = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return path
    if not target or "\n" in target or "\0" in target or Path(target).is_absolute():
        return path  # a checked-out link to a folder of the same checkout is relative
    try:
        resolved = (path.parent / target).resolve()
        return resolved if resolved.is_dir() else path
    except (OSError, ValueError):  # too long or otherwise impossible as a path name
        return path


def printable(path: str) -> str:
    """A path as storable text: bytes that are not UTF-8 in a file name as ``\\xNN``."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") \
        if _has_surrogate(path) else path


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _walk(folder: Path) -> Iterator[str]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(SKIP_PREFIXES))
        for f in sorted(files):
            if not f.startswith(SKIP_PREFIXES):
                yield os.path.join(root, f)


@contextlib.contextmanager
def open_input(path: str, settings: Settings) -> Iterator[io.BufferedReader]:
    """The file as a stream (``input_stream``), closed when the block ends."""
    size = os.path.getsize(path)
    if size == 0:
        raise PageError("empty", "the file is empty")
    with open(path, "rb") as f:
        yield input_stream(path, f, size, settings)


def input_stream(path: str, f: io.BufferedReader, size: int,
                 settings: Settings) -> io.BufferedReader:
    """``f`` gunzipped when gzip, UTF-16/32 as UTF-8, within the size limits.

    Nothing is read whole: containers (JSONL, WARC) are read record by record from the
    stream, so memory does not grow with the file. A WARC stays as it is on disk
    (gzipped or not), since warcio reads it member by member and its reader seeks to resync.
    """
    container = is_container(path)
    head = f.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    if head[:2] == GZIP_MAGIC and not _stays_compressed(path, head):
        stream = _gunzipped(f, settings, container)
        if not container:  # one page: a bomb or a page too large is refused before sniffing
            stream = bytes_stream(stream.read())
        return _as_utf8(stream)
    if size > settings.max_page_bytes and not container:
        # Refused from its size alone: a huge page is never read into memory.
        raise PageError("too-large", f"{size} bytes > max_page_bytes "
                                     f"{settings.max_page_bytes}")
    return _as_utf8(f)


def _stays_compressed(path: str, head: bytes) -> bool:
    if path.lower().endswith(KEEP_COMPRESSED):
        return True
    try:
        return zlib.decompressobj(wbits=31).decompress(head, 64).startswith(b"WARC/")
    except zlib.error:
        return False


def _gunzipped(f: io.BufferedReader, settings: Settings, container: bool) -> io.BufferedReader:
    """All gzip members, gzip inside gzip too; bombs, truncation and huge pages refused."""
    stream = f
    for _ in range(MAX_GZIP_DEPTH):
        stream = chunk_stream(gunzip_chunks(stream, settings.max_decompressed_bytes,
                                            None if container else settings.max_page_bytes))
        if stream.peek(len(GZIP_MAGIC))[:2] != GZIP_MAGIC:
            return stream
    raise PageError("gzip-bomb", f"gzip nested more than {MAX_GZIP_DEPTH} deep")


def gunzip_chunks(raw: IO[bytes], limit: int, page_limit: int | None) -> Iterator[bytes]:
    """The decompressed bytes of every gzip member in ``raw``, a chunk at a time."""
    total = 0
    data = raw.read(READ_CHUNK)
    while data[:2] == GZIP_MAGIC:
        d = zlib.decompressobj(wbits=31)
        while not d.eof:
            try:
                chunk = d.decompress(data, GZIP_CHUNK)
            except zlib.error as e:
                raise PageError("bad-gzip", str(e)) from e
            data = d.unconsumed_tail
            if chunk:
                total += len(chunk)
                _check_size(total, limit, page_limit)
                yield chunk
            if not data and not d.eof and not (data := raw.read(READ_CHUNK)):
                raise PageError("truncated-gzip", "the gzip stream ends early")
        data = d.unused_data  # the next member, or trailing junk which is ignored
        if len(data) < len(GZIP_MAGIC):
            data += raw.read(READ_CHUNK)


class _Chunks(io.RawIOBase):
    """A readable stream over an iterator of byte chunks (decompressed or transcoded input)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._chunk = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        out = memoryview(buffer).cast("B")
        filled = 0
        while filled < len(out):
            if not self._chunk:
                nxt = next(self._chunks, b"")
                if not nxt:
                    break
                self._chunk = memoryview(nxt)
            n = min(len(out) - filled, len(self._chunk))
            out[filled:filled + n] = self._chunk[:n]
            self._chunk = self._chunk[n:]
            filled += n
        return filled


def bytes_stream(data: bytes) -> io.BufferedReader:
    """Bytes in memory as the stream readers take (one page, or a file Spark handed over)."""
    # BytesIO serves as a raw stream here: it reads into a buffer and seeks (WARC resyncs).
    return io.BufferedReader(io.BytesIO(data))


def chunk_stream(chunks: Iterator[bytes]) -> io.BufferedReader:
    return io.BufferedReader(_Chunks(chunks), buffer_size=max(SNIFF_BYTES, 1 << 16))


def _check_size(size: int, limit: int, page_limit: int | None) -> None:
    if size > limit:
        raise PageError("gzip-bomb", f"decompresses past max_decompressed_bytes {limit}")
    if page_limit is not None and size > page_limit:
        raise PageError("too-large", f"decompresses past max_page_bytes {page_limit}")


def _as_utf8(stream: io.BufferedReader) -> io.BufferedReader:
    """UTF-16/32 text (marked by its BOM) as UTF-8, so sniffing sees text, not NUL bytes."""
    head = stream.peek(len(UTF_BOMS[0][0]))
    for bom, codec in UTF_BOMS:
        if head.startswith(bom):
            return chunk_stream(_transcoded(stream, codec))
    return stream


def _transcoded(stream: IO[bytes], codec: str) -> Iterator[bytes]:
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    while chunk := stream.read(READ_CHUNK):
        yield decoder.decode(chunk).encode("utf-8")
    yield decoder.decode(b"", final=True).encode("utf-8")


def is_container(path: str) -> bool:
    """Files holding many pages are read record by record: the page limit is per record."""
    return path.lower().removesuffix(".gz").endswith(CONTAINERS)


def source_id_for(path: str) -> str:
    """The id a user knows a file by: its name without ``.gz`` and a known extension."""
    name = Path(path).name.removesuffix(".gz").removesuffix(".GZ")
    stem, dot, ext = name.rpartition(".")
    return stem if dot and stem and "." + ext.lower() in KNOWN_EXTENSIONS else name
