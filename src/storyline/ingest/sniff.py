"""Which reader a file needs, from its name and, above all, its first bytes."""

from __future__ import annotations

import re

# How much of a file the sniffer looks at; enough to pass a BOM, an XML prolog and comments.
SNIFF_BYTES = 4096
# Share of control bytes above which a file is binary junk rather than text.
MAX_CONTROL_SHARE = 0.05

_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML = re.compile(rb"<(!doctype html|html|head|body|article|div|p)[\s>]", re.I)
_EXT = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
        ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc",
        ".rss": "feed", ".atom": "feed"}


def detect_format(path: str, data: bytes) -> str | None:
    """'text', 'html', 'jsonl', 'warc', 'feed', or None for binary or unknown content."""
    if data[:2] == b"\x1f\x8b" and path.lower().endswith(".warc.gz"):
        return "warc"  # kept compressed: warcio reads record-by-record gzip members
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"WARC/"):
        return "warc"
    if _is_binary(head):
        return None
    if head.startswith(b"{"):
        return "jsonl"
    if _FEED.search(head) and not _HTML.search(head[:200]):
        return "feed"
    if head.startswith(b"<") and _HTML.search(head):
        return "html"
    name = path.lower().removesuffix(".gz")
    for ext, fmt in _EXT.items():
        if name.endswith(ext):
            return fmt if fmt in ("text", "html") else "text"
    return "text"


def _is_binary(head: bytes) -> bool:
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > MAX_CONTROL_SHARE
