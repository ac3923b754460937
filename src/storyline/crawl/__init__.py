"""Following outlets on the web: article URLs, RSS/Atom feeds and (news) sitemaps.

``fetch_pages`` turns source URLs into ``RawPage`` records for the runner. A feed or a
sitemap is expanded into the article links it lists; only what is new is fetched (links
never handled before; conditional GETs with ETag / Last-Modified for the rest). Every
response is kept in a WARC file beside the store; every failure is a ``Failure`` with its
reason, never an exception.

Kill safety: the fetch log is written at once, but the pages it yields are stored later, a
batch at a time, by the runner. So validators are sent only for what surely reached the
store: a page's once the page is stored, a feed's or sitemap's once every link it listed
(kept with its fetch) is stored or has its failure recorded. A run or ``watch`` killed
between fetching a feed and storing its articles fetches the feed whole again next time,
and with it the articles still missing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

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
    """Pages behind ``urls`` (articles, or the links of feeds and sitemaps), new ones only.

    ``urls`` are the ones the user gave: their hosts may be reached by redirects even when
    they are not public (crawl.addresses).
    """
    urls = list(urls)
    fetcher.name_hosts(urls)
    for url in urls:
        yield from _expand(canonicalize(url), store, fetcher, warc, depth=0)


def _expand(url: str, store: Store, fetcher: Fetcher, warc: WarcLog,
            depth: int, listed_by: str | None = None) -> Iterator[RawPage | Failure]:
    got = _conditional_get(url, store, fetcher, listed_by)
    if got.not_modified:
        return
    if got.error:
        _record(store, got, None, None)
        yield _failure(got, url)
        return
    found = classify(got.final_url, got.body, got.content_type)
    warc_path = warc.write(got)
    if found.kind == "page":
        yield from _to_pages([got], store, warc_path)
        return
    _record(store, got, warc_path, None, links=[canonicalize(link) for link in found.links])
    if found.kind == "sitemap-index" and depth < MAX_SITEMAP_DEPTH:
        for child in found.links:
            yield from _expand(canonicalize(child), store, fetcher, warc, depth + 1,
                               listed_by=url)
        return
    yield from _fetch_articles(url, found.links, store, fetcher, warc)


def _fetch_articles(listing: str, links: Iterable[str], store: Store, fetcher: Fetcher,
                    warc: WarcLog) -> Iterator[RawPage | Failure]:
    new = [u for u in dict.fromkeys(canonicalize(link) for link in links)
           if not _stored(u, store)]
    with ThreadPoolExecutor(max_workers=FETCH_CONCURRENCY) as pool:
        for got in pool.map(lambda u: fetcher.fetch(u, listed_by=listing), new):
            if got.error:
                _record(store, got, None, None)
                yield _failure(got, got.url)
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


def _conditional_get(url: str, store: Store, fetcher: Fetcher,
                     listed_by: str | None) -> Fetched:
    # Validators are only sent for URLs whose content reached the store: a run killed
    # between fetching and storing must fetch the page (or the feed) again, not get a 304.
    state = store.fetch_state(url)
    if state is None:
        return fetcher.fetch(url, listed_by=listed_by)
    if store.source_seen(url) or _listing_settled(state, store, depth=0):
        return fetcher.fetch(url, etag=state.get("etag"), last_modified=state.get("last_modified"),
                             listed_by=listed_by)
    return fetcher.fetch(url, listed_by=listed_by)


def _listing_settled(state: dict[str, Any], store: Store, depth: int) -> bool:
    """True when a feed or sitemap's every link was stored or failed (sitemaps: in turn)."""
    links = state.get("links")
    if links is None or depth > MAX_SITEMAP_DEPTH:
        return False  # not a listing, or listed before links were kept: fetch it whole
    for link in links:
        if _stored(link, store) or store.source_settled(link):
            continue
        child = store.fetch_state(link)
        if child is None or not _listing_settled(child, store, depth + 1):
            return False
    return True


def _stored(link: str, store: Store) -> bool:
    """The link's article is stored, under the link or under the canonical URL it gave."""
    if store.source_seen(link):
        return True
    state = store.fetch_state(link)
    canonical = state.get("canonical_url") if state else None
    return bool(canonical) and store.source_seen(str(canonical))


def _record(store: Store, got: Fetched, warc_path: str | None, canonical: str | None,
            links: list[str] | None = None) -> None:
    store.record_fetch(url=got.url, final_url=got.final_url, canonical_url=canonical,
                       status=got.status, etag=got.etag, last_modified=got.last_modified,
                       fetched_at=got.fetched_at, warc=warc_path, reason=got.error,
                       content_hash=hashlib.sha256(got.body).hexdigest()[:16], links=links)


def _failure(got: Fetched, source: str) -> Failure:
    """A fetch error ``reason: why`` as a Failure; the detail names where it ended."""
    reason, _, why = (got.error or "").partition(":")
    detail = f"{got.final_url} ({why.strip()})" if why.strip() else got.final_url
    return Failure(source=source, reason=reason.strip(), detail=detail)
