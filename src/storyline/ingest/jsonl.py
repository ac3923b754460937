"""JSONL records as in the evaluation bundles, and news-please's field names."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..records import Failure, RawPage
from ..settings import Settings
from .text import decode

# news-please and similar crawlers name the same fields differently.
ALIASES = {
    "text": ("text", "maintext", "body", "content"),
    "html": ("html", "raw_html", "content_html"),
    "published": ("published", "date_publish", "date", "published_at", "pubdate"),
    "outlet": ("outlet", "source_domain", "source", "publisher", "site_name"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
}


def read(path: str, data: bytes, settings: Settings) -> Iterator[RawPage | Failure]:
    for n, line in enumerate(decode(data).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}#L{n}"
        if len(line) > settings.max_page_bytes:
            yield Failure(source=where, reason="too-large", detail=f"{len(line)} characters")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Failure(source=where, reason="bad-json", detail=str(e))
            continue
        page = to_page(rec, where, f"{path}#{n}")
        yield page if page is not None else Failure(
            source=where, reason="no-content", detail="the record has no text and no html")


def to_page(rec: object, where: str, fallback_id: str) -> RawPage | None:
    if not isinstance(rec, dict):
        return None
    get = lambda name: _first(rec, ALIASES[name])  # noqa: E731
    text, html = get("text"), get("html")
    if not (text or "").strip() and not (html or "").strip():
        return None
    rid = rec.get("id")
    source_id = str(rid) if rid not in (None, "") else fallback_id
    return RawPage(source=where, source_id=source_id, kind="html" if html and not text else "text",
                   text=text or None, html=html or None,
                   url=get("url"), title=get("title"), outlet=get("outlet"),
                   published=_date(get("published")))


def _first(rec: dict[str, object], names: tuple[str, ...]) -> str | None:
    for n in names:
        v = rec.get(n)
        if isinstance(v, str) and v.strip():
            return v
    return None


def _date(value: str | None) -> str | None:
    return value[:10] if value and len(value) >= 10 and value[4] == "-" else value
