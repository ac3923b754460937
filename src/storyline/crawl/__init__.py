"""Following outlets on the web: article URLs, RSS/Atom feeds and (news) sitemaps.

``fetch_pages`` turns source URLs into ``RawPage`` records for the runner. A feed or a
sitemap is expanded into the article links it lists; only what is new is fetched (links
never handled before; conditional GETs with ETag / Last-Modified for the rest). Every
response is kept in a WARC file beside the store; every failure is a ``Failure`` with its
reason, never an exception.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..ingest.text import decode
from ..records import Failure, RawPage
from ..store import Store
from .discover import MAX_SITEMAP_DEPTH, classify
from .fetcher import Fetched, Fetcher, FetchPolicy
from .urls import canonical_from_html, canonicalize
from .warcfile import WarcLog

__all__ = ["FetchPolicy", "Fetcher", "WarcLog", "fetch_pages", "warc_folder"]

# Article pages fetched at once; pacing per host still applies inside the fetcher.
FETCH_CONCURRENCY = 4


def warc_folder(db_path: str) -> Path:
    return Path(f"{db_path}.warc")


def fetch_pages(urls: Iterable[str], store: Store, fetcher: Fetcher,
                warc: WarcLog) -> Iterator[RawPage | Failure]:
    """Pages behind ``urls`` (articles, or the links of feeds and sitemaps), new ones only."""
    for url in urls:
        yield from _expand(canonicalize(url), store, fetcher, warc, depth=0)


def _expand(url: str, store: Store, fetcher: Fetcher, warc: WarcLog,
            depth: int) -> Iterator[RawPage | Failure]:
    got = _conditional_get(url, store, fetcher)
    if got.not_modified:
        return
    if got.error:
        _record(store, got, None, None)
        yield Failure(source=url, reason=_reason(got.error), detail=got.final_url)
        return
    found = classify(got.final_url, got.body, got.content_type)
    warc_path = warc.write(got)
    if found.kind == "page":
        yield from _to_pages([got], store, warc_path)
        return
    _record(store, got, warc_path, None)
    if found.kind == "sitemap-index" and depth < MAX_SITEMAP_DEPTH:
        for child in found.links:
            yield from _expand(canonicalize(child), store, fetcher, warc, depth + 1)
        return
    yield from _fetch_articles(found.links, store, fetcher, warc)


def _fetch_articles(links: Iterable[str], store: Store, fetcher: Fetcher,
                    warc: WarcLog) -> Iterator[RawPage | Failure]:
    new = [u for u in dict.fromkeys(canonicalize(link) for link in links)
           if not store.source_seen(u)]
    with ThreadPoolExecutor(max_workers=FETCH_CONCURRENCY) as pool:
        for got in pool.map(fetcher.fetch, new):
            if got.error:
                _record(store, got, None, None)
                yield Failure(source=got.url, reason=_reason(got.error), detail=got.final_url)
                continue
            yield from _to_pages([got], store, warc.write(got))


def _to_pages(fetched: list[Fetched], store: Store, warc_path: str) -> Iterator[RawPage]:
    for got in fetched:
        html = decode(got.body)
        canonical = canonical_from_html(html, got.final_url) or canonicalize(got.final_url)
        _record(store, got, warc_path, canonical)
        if canonical != canonicalize(got.url) and store.source_seen(canonical):
            continue  # the same article, already reached through another link
        yield RawPage(source=canonical, source_id=canonical, kind="url", html=html,
                      url=canonical, fetched_at=got.fetched_at, final_url=got.final_url)


def _conditional_get(url: str, store: Store, fetcher: Fetcher) -> Fetched:
    # Validators are only sent for URLs whose content reached the store: a run killed
    # between fetching and storing must fetch the page again, not get a 304.
    state = store.fetch_state(url)
    if state is None:
        return fetcher.fetch(url)
    was_listing = state.get("canonical_url") is None and not state.get("reason")
    if store.source_seen(url) or was_listing:
        return fetcher.fetch(url, etag=state.get("etag"), last_modified=state.get("last_modified"))
    return fetcher.fetch(url)


def _record(store: Store, got: Fetched, warc_path: str | None, canonical: str | None) -> None:
    store.record_fetch(url=got.url, final_url=got.final_url, canonical_url=canonical,
                       status=got.status, etag=got.etag, last_modified=got.last_modified,
                       fetched_at=got.fetched_at, warc=warc_path, reason=got.error,
                       content_hash=hashlib.sha256(got.body).hexdigest()[:16])


def _reason(error: str) -> str:
    return error.split(":", 1)[0]
