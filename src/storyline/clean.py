"""Cleaning: a RawPage becomes an Article (placeholder until the cleaning stage lands)."""

from __future__ import annotations

from .records import Article, RawPage, content_id
from .errors import ExtractError
from .settings import Settings


def clean(page: RawPage, settings: Settings) -> Article:
    text = page.text or ""
    if page.html and not text:
        import trafilatura

        text = trafilatura.extract(page.html) or ""
    paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
    if not paragraphs:
        raise ExtractError("no-text", "nothing left after cleaning")
    body = "\n\n".join(paragraphs)
    return Article(id=content_id(page.source_id, page.url, body), source_id=page.source_id,
                   source=page.source, text=body, title=page.title, outlet=page.outlet,
                   url=page.url, published=page.published,
                   published_from="header" if page.published else None, kind=page.kind,
                   fetched_at=page.fetched_at, final_url=page.final_url)
