"""RSS / Atom feed files: each entry that carries content becomes a page."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from ..errors import PageError
from ..records import RawPage
from ..settings import Settings


def read(path: str, data: bytes, settings: Settings) -> Iterator[RawPage]:
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise PageError("bad-feed", str(feed.get("bozo_exception", "unparsable feed")))
    outlet = feed.feed.get("title")
    for n, entry in enumerate(feed.entries, start=1):
        body = _content(entry)
        if not body:
            continue
        yield RawPage(source=f"{path}#{n}", source_id=entry.get("id") or entry.get("link")
                      or f"{path}#{n}", kind="feed", html=body, url=entry.get("link"),
                      title=entry.get("title"), outlet=outlet, published=_date(entry))


def _content(entry: Any) -> str | None:
    for c in entry.get("content", []) or []:
        if c.get("value", "").strip():
            return str(c["value"])
    summary = entry.get("summary", "")
    return str(summary) if summary.strip() else None


def _date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
