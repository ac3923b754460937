"""Finding input files and reading their bytes safely (gzip, size limits)."""

from __future__ import annotations

import glob
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import PageError
from ..records import Failure
from ..settings import Settings

# Files a folder walk skips: hidden files and editor droppings are never pages.
SKIP_PREFIXES = (".", "~")
GZIP_MAGIC = b"\x1f\x8b"
# WARC.gz stays compressed: warcio reads it member by member, so one bad record is skippable.
KEEP_COMPRESSED = (".warc.gz", ".arc.gz")
CONTAINERS = (".jsonl", ".ndjson", ".warc", ".arc")
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
    """Files under ``paths`` in sorted order; a path that matches nothing is a Failure."""
    for raw in paths:
        if raw.startswith(("http://", "https://")):
            yield raw
            continue
        matches = sorted(glob.glob(raw, recursive=True)) if glob.has_magic(raw) else [raw]
        if not matches:
            yield Failure(source=raw, reason="not-found", detail="no file matches this pattern")
        for m in matches:
            p = link_target(Path(m))
            if p.is_dir():
                yield from _walk(p)
            elif p.exists():
                yield str(p)
            else:
                yield Failure(source=raw, reason="not-found", detail="no such file or folder")


# A symbolic link checked out where links are not supported (git's core.symlinks=false)
# is a tiny file holding the target's relative path; follow it like the link it stands for.
MAX_LINK_FILE_BYTES = 1024


def link_target(path: Path) -> Path:
    """``path``, or the folder/file it names when it is a link stored as a plain file."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_LINK_FILE_BYTES:
            return path
        target = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return path
    if not target or "\n" in target or "\0" in target or target.startswith(("{", "<")):
        return path  # content, not a path: a one-line page or JSON record
    try:
        resolved = (path.parent / target).resolve()
        return resolved if resolved.exists() and resolved != path.resolve() else path
    except (OSError, ValueError):  # too long or otherwise impossible as a path name
        return path


def _walk(folder: Path) -> Iterator[str]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(SKIP_PREFIXES))
        for f in sorted(files):
            if not f.startswith(SKIP_PREFIXES):
                yield os.path.join(root, f)


def open_bytes(path: str, settings: Settings) -> bytes:
    """The file's bytes, gunzipped when gzip, within the size limits, UTF-16/32 as UTF-8."""
    size = os.path.getsize(path)
    if size == 0:
        raise PageError("empty", "the file is empty")
    container = is_container(path)
    with open(path, "rb") as f:
        head = f.read(len(GZIP_MAGIC))
        if head == GZIP_MAGIC and not path.lower().endswith(KEEP_COMPRESSED):
            f.seek(0)
            data = gunzip(f.read(), settings, container)
        elif size > settings.max_page_bytes and not container:
            # Refused from its size alone: a huge page is never read into memory.
            raise PageError("too-large", f"{size} bytes > max_page_bytes "
                                         f"{settings.max_page_bytes}")
        else:
            f.seek(0)
            data = f.read()
    if not data or data.isspace():
        raise PageError("empty", "nothing but white space in the file")
    return utf16_to_utf8(data)


def is_container(path: str) -> bool:
    """Files holding many pages are read record by record: the page limit is per record."""
    return path.lower().removesuffix(".gz").endswith(CONTAINERS)


def gunzip(data: bytes, settings: Settings, container: bool) -> bytes:
    """All gzip members, gzip inside gzip too; bombs, truncation and huge pages refused."""
    for _ in range(MAX_GZIP_DEPTH):
        data = _gunzip_members(data, settings.max_decompressed_bytes,
                               None if container else settings.max_page_bytes)
        if data[:2] != GZIP_MAGIC:
            return data
    raise PageError("gzip-bomb", f"gzip nested more than {MAX_GZIP_DEPTH} deep")


def _gunzip_members(data: bytes, limit: int, page_limit: int | None) -> bytes:
    out = bytearray()
    while data[:2] == GZIP_MAGIC:
        d = zlib.decompressobj(wbits=31)
        pending = data
        try:
            while not d.eof:
                chunk = d.decompress(pending, GZIP_CHUNK)
                pending = d.unconsumed_tail
                if not chunk and not pending:
                    break
                out += chunk
                _check_size(len(out), limit, page_limit)
        except zlib.error as e:
            raise PageError("bad-gzip", str(e)) from e
        if not d.eof:
            raise PageError("truncated-gzip", "the gzip stream ends early")
        data = d.unused_data  # the next member, or trailing junk which is ignored
    return bytes(out)


def _check_size(size: int, limit: int, page_limit: int | None) -> None:
    if size > limit:
        raise PageError("gzip-bomb", f"decompresses past max_decompressed_bytes {limit}")
    if page_limit is not None and size > page_limit:
        raise PageError("too-large", f"decompresses past max_page_bytes {page_limit}")


def utf16_to_utf8(data: bytes) -> bytes:
    """UTF-16/32 text (marked by its BOM) as UTF-8, so sniffing sees text, not NUL bytes."""
    for bom, codec in UTF_BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace").encode("utf-8")
    return data


def source_id_for(path: str) -> str:
    """The id a user knows a file by: its name without ``.gz`` and a known extension."""
    name = Path(path).name.removesuffix(".gz").removesuffix(".GZ")
    stem, dot, ext = name.rpartition(".")
    return stem if dot and stem and "." + ext.lower() in KNOWN_EXTENSIONS else name
