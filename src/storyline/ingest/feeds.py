"""RSS / Atom feed files: each entry that carries content becomes a page.

An entry's content is already the article body (no menus, no footer), so it is turned
into plain paragraphs here instead of going through the page extractor, which is built
to find a body inside a whole page and may drop a short fragment as too small.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import IO, Any

from ..errors import PageError
from ..records import RawPage
from ..settings import Settings
from .files import source_id_for

# Tags that end a paragraph-like block in entry HTML; each becomes a line break.
_BLOCK_END = re.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*>")


def read(path: str, stream: IO[bytes], settings: Settings) -> Iterator[RawPage]:
    import feedparser

    data = stream.read()
    feed = feedparser.parse(data)
    if not feed.entries:
        why = feed.get("bozo_exception") if feed.bozo else "the feed has no entries"
        raise PageError("bad-feed" if feed.bozo else "no-pages", str(why))
    outlet = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, start=1):
        body = _content(entry)
        text = html_to_text(body) if body else ""
        if not text:
            continue
        yield RawPage(source=f"{path}#{n}", kind="feed", text=text,
                      source_id=entry.get("id") or entry.get("link")
                      or f"{source_id_for(path)}#{n}",
                      url=entry.get("link"), title=entry.get("title"), outlet=outlet,
                      published=_date(entry))


def _content(entry: Any) -> str | None:
    """The entry's full content, else its summary (RSS 2.0 puts full text there too)."""
    for c in entry.get("content", []) or []:
        if c.get("value", "").strip():
            return str(c["value"])
    summary = entry.get("summary", "")
    return str(summary) if summary.strip() else None


def html_to_text(fragment: str) -> str:
    """Entry HTML as plain lines, one per block; plain-text content passes through."""
    import lxml.html
    from lxml.etree import ParserError

    marked = _BLOCK_END.sub("\n", fragment)
    try:
        text = lxml.html.fromstring(f"<div>{marked}</div>").text_content()
    except (ParserError, ValueError):
        text = marked
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
