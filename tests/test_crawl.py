"""Fetching pages, feeds and sitemaps from a local HTTP server on loopback only."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from storyline.crawl import fetch_pages
from storyline.crawl.fetcher import Fetcher, FetchPolicy
from storyline.crawl.urls import canonical_from_html, canonicalize
from storyline.crawl.warcfile import WarcLog
from storyline.errors import ConfigError
from storyline.records import Failure, RawPage
from storyline.runners.watch import parse_interval
from storyline.store import Store

PARAGRAPHS = [
    "The harbour authority in Tromsø said on Tuesday that the new cod landing rules will "
    "apply from the first of January, after months of negotiation with the fishing fleet.",
    "“We listened to the skippers and we changed the inspection schedule,” harbour director "
    "Kari Solberg told reporters at the quay. “Nobody wants boats waiting for hours.”",
    "Fleet representatives welcomed the change but said fuel costs remained the main worry "
    "for smaller vessels that fish close to the coast during the winter season.",
]


def article_html(title: str, canonical: str | None = None) -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p} ({title})</p>" for p in PARAGRAPHS)
    return (f"<html><head><title>{title}</title>{link}</head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>").encode()


class Site(BaseHTTPRequestHandler):
    hits: ClassVar[Counter[str]] = Counter()
    pages: ClassVar[dict[str, tuple[int, str, bytes]]] = {}

    def do_GET(self) -> None:
        path = self.path
        Site.hits[path] += 1
        if path == "/slow":
            time.sleep(1.5)
        if path == "/flaky" and Site.hits[path] == 1:
            return self._send(503, "text/plain", b"busy", {"Retry-After": "0"})
        if path == "/moved":
            return self._send(301, "text/plain", b"", {"Location": "/a1.html?utm_source=x"})
        status, ctype, body = Site.pages.get(path.split("?")[0], (404, "text/plain", b"no"))
        etag = f'"{len(body)}"'
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, ctype, b"", {"ETag": etag})
        self._send(status, ctype, body, {"ETag": etag})

    def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    base = f"http://127.0.0.1:{server.server_port}"
    Site.hits = Counter()
    Site.pages = {
        "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
        "/a1.html": (200, "text/html", article_html("Landing rules", f"{base}/a1.html")),
        "/a2.html": (200, "text/html", article_html("Fleet reaction")),
        "/private/a3.html": (200, "text/html", article_html("Hidden")),
        "/flaky": (200, "text/html", article_html("Flaky page")),
        "/slow": (200, "text/html", article_html("Slow page")),
        "/feed.xml": (200, "application/rss+xml", _feed(base)),
        "/sitemap.xml": (200, "application/xml", _sitemap(base)),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def _feed(base: str) -> bytes:
    items = "".join(f"<item><title>{n}</title><link>{base}{p}</link></item>"
                    for n, p in (("one", "/a1.html?utm_campaign=feed"), ("two", "/a2.html"),
                                 ("three", "/private/a3.html")))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>'
            f"{items}</channel></rss>").encode()


def _sitemap(base: str) -> bytes:
    return (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}/a2.html</loc></url></urlset>").encode()


def _fetch(urls: list[str], store: Store, tmp: Path,
           timeout: float = 5.0) -> list[RawPage | Failure]:
    fetcher = Fetcher(FetchPolicy(per_host_delay_s=0, backoff_s=0.01, timeout_s=timeout))
    warc = WarcLog(tmp / "warc")
    try:
        return list(fetch_pages(urls, store, fetcher, warc))
    finally:
        fetcher.close()
        warc.close()


def test_canonical_urls_drop_tracking_and_fragments() -> None:
    assert canonicalize("HTTPS://Example.org:443/a?utm_source=x&b=2&fbclid=1#top") == \
        "https://example.org/a?b=2"
    html = '<link rel="canonical" href="/story/1?utm_medium=rss">'
    assert canonical_from_html(html, "http://news.example/x") == "http://news.example/story/1"


def test_feed_links_are_fetched_and_robots_respected(site: str, store: Store,
                                                     tmp_path: Path) -> None:
    found = _fetch([f"{site}/feed.xml"], store, tmp_path)
    pages = [p for p in found if isinstance(p, RawPage)]
    failures = [p for p in found if isinstance(p, Failure)]
    assert sorted(p.url or "" for p in pages) == [f"{site}/a1.html", f"{site}/a2.html"]
    assert [f.reason for f in failures] == ["robots-disallowed"]
    assert Site.hits["/private/a3.html"] == 0
    assert list((tmp_path / "warc").glob("*.warc.gz"))
    assert all(p.fetched_at and p.final_url for p in pages)


def test_retry_redirect_timeout(site: str, store: Store, tmp_path: Path) -> None:
    found = _fetch([f"{site}/flaky", f"{site}/moved", f"{site}/slow"], store, tmp_path,
                   timeout=0.5)
    assert Site.hits["/flaky"] == 2
    pages = {p.url: p for p in found if isinstance(p, RawPage)}
    assert f"{site}/a1.html" in pages  # reached through the redirect, canonical URL kept
    assert store.fetch_state(f"{site}/moved")["final_url"].startswith(f"{site}/a1.html")
    assert [f.reason for f in found if isinstance(f, Failure)] == ["timeout"]


def test_sitemap_expands(site: str, store: Store, tmp_path: Path) -> None:
    found = _fetch([f"{site}/sitemap.xml"], store, tmp_path)
    assert [p.url for p in found if isinstance(p, RawPage)] == [f"{site}/a2.html"]


@pytest.mark.slow
def test_run_twice_fetches_only_what_is_new(site: str, tmp_path: Path) -> None:
    from storyline.runners.local import run
    from storyline.settings import Settings

    settings = Settings(progress=False, fetch_delay_s=0)
    db = str(tmp_path / "s.db")
    with Store.open(db) as store:
        first = run([f"{site}/feed.xml"], store, settings)
        second = run([f"{site}/feed.xml"], store, settings)
        urls = sorted(a.url or "" for a in store.articles())
    assert first.new_articles == 2 and second.new_articles == 0
    assert urls == [f"{site}/a1.html", f"{site}/a2.html"]
    assert Site.hits["/a1.html"] == 1  # not fetched again: already in the store
    assert (tmp_path / "s.db.warc").is_dir()


def test_intervals() -> None:
    assert parse_interval("15m") == 900 and parse_interval("30s") == 30
    with pytest.raises(ConfigError):
        parse_interval("soon")


def test_fetched_pages_replay_offline_from_warc(site: str, store: Store, tmp_path: Path) -> None:
    from storyline.ingest import read_inputs
    from storyline.settings import Settings

    _fetch([f"{site}/a2.html"], store, tmp_path)
    replayed = list(read_inputs([str(tmp_path / "warc")], Settings(progress=False)))
    assert [p.url for p in replayed if isinstance(p, RawPage)] == [f"{site}/a2.html"]


@pytest.mark.slow
def test_watch_reports_only_what_changed(site: str, tmp_path: Path) -> None:
    from storyline.runners.watch import watch
    from storyline.settings import Settings

    said: list[str] = []
    rounds = iter([0, 1])

    def between_rounds(_: float) -> None:
        # The outlet publishes a new article between two polls.
        next(rounds)
        Site.pages["/a4.html"] = (200, "text/html", article_html("Quay repairs begin"))
        feed = _feed(site).replace(b"</channel>", f"<item><title>four</title><link>{site}"
                                   f"/a4.html</link></item></channel>".encode())
        Site.pages["/feed.xml"] = (200, "application/rss+xml", feed)

    watch([f"{site}/feed.xml"], str(tmp_path / "w.db"), Settings(progress=False, fetch_delay_s=0),
          every_s=0, rounds=2, echo=said.append, sleep=between_rounds)
    second = said[said.index(next(s for s in said if s.startswith("round 2"))):]
    assert any("new article" in s for s in said[: len(said) - len(second)])
    assert [s for s in second if "new article" in s and "Quay repairs begin" in s]
    assert not any("Landing rules" in s for s in second)
