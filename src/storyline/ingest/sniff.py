"""Which reader a file needs, from its first bytes first and its name second."""

from __future__ import annotations

import re
import zlib

# How much of a file the sniffer looks at; enough to pass a BOM, an XML prolog and comments.
SNIFF_BYTES = 4096
# Share of control bytes above which a file is binary junk rather than text: text in any
# single-byte or UTF-8 encoding has none besides tab and line ends; 5% leaves room for a
# few stray bytes in a damaged dump.
MAX_CONTROL_SHARE = 0.05
GZIP_MAGIC = b"\x1f\x8b"

_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML = re.compile(rb"<(!doctype html|html|head|body|article|div|p)[\s>]", re.I)
_WARC = re.compile(rb"(^|\n)WARC/\d")
_JSON_LINE = re.compile(rb"(^|\n)\s*\{")
_EXT = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
        ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
        ".warc": "warc", ".arc": "warc", ".rss": "feed", ".atom": "feed", ".xml": "feed"}
# Evidence the named format needs in the head before the name is believed; without it a
# file is read as text (a ".jsonl" holding prose is prose).
_EVIDENCE = {"jsonl": _JSON_LINE, "warc": _WARC, "feed": _FEED}
# Well-known binary formats, named in the failure so the user sees what they passed.
MAGIC = ((b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (also docx, xlsx)"),
         (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
         (b"GIF8", "a GIF image"), (b"\xfd7zXZ", "xz data"),
         (b"\x28\xb5\x2f\xfd", "zstd data"), (b"7z\xbc\xaf", "a 7-Zip archive"),
         (b"SQLite format 3", "an SQLite database"), (b"\x7fELF", "a program"))


def detect_format(path: str, data: bytes) -> str | None:
    """'text', 'html', 'jsonl', 'warc', 'feed', or None for binary content."""
    if data[:2] == GZIP_MAGIC:
        # Only a gzipped WARC reaches here compressed: warcio reads it member by member.
        return "warc" if _gunzip_head(data).startswith(b"WARC/") else None
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"WARC/"):
        return "warc"
    if is_binary(head) or head.startswith(tuple(magic for magic, _ in MAGIC)):
        return None
    if head.startswith((b"{", b"[")):
        return "jsonl"
    if _FEED.search(head) and not _HTML.search(head[:200]):
        return "feed"
    if head.startswith(b"<") and _HTML.search(head):
        return "html"
    return _from_name(path, head)


def _from_name(path: str, head: bytes) -> str:
    name = path.lower().removesuffix(".gz")
    for ext, fmt in _EXT.items():
        if name.endswith(ext):
            evidence = _EVIDENCE.get(fmt)
            return fmt if evidence is None or evidence.search(head) else "text"
    return "text"


def _gunzip_head(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=31).decompress(data[:SNIFF_BYTES], 64)
    except zlib.error:
        return b""


def is_binary(head: bytes) -> bool:
    """NUL bytes, or more control bytes than any text has."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > MAX_CONTROL_SHARE


def describe_binary(data: bytes) -> str:
    """What a binary file most likely is, for the failure's detail."""
    for magic, name in MAGIC:
        if data.startswith(magic):
            return name
    if data[:2] == GZIP_MAGIC:
        return "gzip data that is not a WARC"
    return "binary data"
