"""Servers that misbehave, and a watch that is killed: crawl limits, SSRF rules, kill safety.

Every server here is one the test starts itself on loopback; loops and waits are bounded.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storyline.crawl import fetch_pages
from storyline.crawl.addresses import is_public, redirect_refusal
from storyline.crawl.fetcher import Fetcher, FetchPolicy, policy_from
from storyline.crawl.warcfile import WarcLog
from storyline.records import Failure, RawPage
from storyline.settings import Settings
from storyline.store import Store

ROOT = Path(__file__).resolve().parents[1]
PARAGRAPH = ("The ferry company said on Monday that the winter timetable starts next week, "
             "with two crossings fewer each day because of the harbour works at the pier.")


def page(title: str) -> bytes:
    body = "".join(f"<p>{PARAGRAPH} ({title}, part {n})</p>" for n in range(3))
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{body}</article></body></html>").encode()


def feed(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link></item>" for p in paths)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Ferry News</title>'
            f"{items}</channel></rss>").encode()


# -- a small configurable server ---------------------------------------------------------

Route = Callable[[BaseHTTPRequestHandler], None]


class Server:
    """A threaded HTTP server on a loopback address; ``routes`` maps a path to a handler."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.conditional: Counter[str] = Counter()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                outer.hits[path] += 1
                if self.headers.get("If-None-Match"):
                    outer.conditional[path] += 1
                route = outer.routes.get(path)
                try:
                    if route is None:
                        send(self, 404, b"no")
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up on us, as it should

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.base = f"http://{host}:{self.httpd.server_port}"
        self.port = self.httpd.server_port
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str = "text/html",
         headers: dict[str, str] | None = None) -> None:
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(body)


def static(body: bytes, ctype: str = "text/html") -> Route:
    def route(h: BaseHTTPRequestHandler) -> None:
        etag = f'"{len(body)}"'
        if h.headers.get("If-None-Match") == etag:
            return send(h, 304, b"", ctype, {"ETag": etag})
        send(h, 200, body, ctype, {"ETag": etag})
    return route


def redirect(location: str) -> Route:
    return lambda h: send(h, 302, b"", headers={"Location": location})


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    s.routes["/robots.txt"] = static(b"User-agent: *\nAllow: /\n", "text/plain")
    yield s
    s.close()


@pytest.fixture
def other() -> Iterator[Server]:
    s = Server()
    s.routes["/robots.txt"] = static(b"User-agent: *\nAllow: /\n", "text/plain")
    s.routes["/secret"] = static(page("Internal admin page"))
    yield s
    s.close()


def fetch(urls: list[str], store: Store, tmp: Path, **policy: object) -> list[RawPage | Failure]:
    options: dict[str, object] = {"per_host_delay_s": 0, "backoff_s": 0.01, "timeout_s": 5.0}
    options.update(policy)
    fetcher = Fetcher(FetchPolicy(**options))  # type: ignore[arg-type]
    warc = WarcLog(tmp / "warc")
    try:
        return list(fetch_pages(urls, store, fetcher, warc))
    finally:
        fetcher.close()
        warc.close()


def reasons(found: list[RawPage | Failure]) -> list[str]:
    return [f.reason for f in found if isinstance(f, Failure)]


# -- 7. an overall deadline per request and per fetch ------------------------------------

def trickle(head: bytes, body: bytes, every_s: float, header_too: bool = False) -> Route:
    """Send ``head`` then ``body`` a byte at a time (the head too when ``header_too``)."""
    def route(h: BaseHTTPRequestHandler) -> None:
        slow = head + body if header_too else body
        if not header_too:
            h.wfile.write(head)
            h.wfile.flush()
        for byte in slow:
            h.wfile.write(bytes([byte]))
            h.wfile.flush()
            time.sleep(every_s)
    return route


def response_head(length: int) -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {length}\r\n"
            f"\r\n").encode()


def test_a_trickling_body_ends_at_the_request_deadline(server: Server, store: Store,
                                                      tmp_path: Path) -> None:
    # One byte every 0.2 s: no read ever waits 1 s, so a per-read timeout never fires.
    body = page("Slow")[:40]
    server.routes["/slow"] = trickle(response_head(len(body)), body, 0.2)
    started = time.monotonic()
    found = fetch([f"{server.base}/slow"], store, tmp_path, timeout_s=1.0, retries=0)
    took = time.monotonic() - started
    assert reasons(found) == ["timeout"]
    assert took < 3.0
    assert store.fetch_state(f"{server.base}/slow")["reason"] == "timeout"


def test_trickling_headers_end_at_the_request_deadline(server: Server, store: Store,
                                                       tmp_path: Path) -> None:
    server.routes["/slow-head"] = trickle(response_head(2), b"ok", 0.2, header_too=True)
    started = time.monotonic()
    found = fetch([f"{server.base}/slow-head"], store, tmp_path, timeout_s=1.0, retries=0)
    assert reasons(found) == ["timeout"]
    assert time.monotonic() - started < 3.0


def test_retries_and_redirects_stay_within_the_fetch_deadline(server: Server, store: Store,
                                                              tmp_path: Path) -> None:
    server.routes["/busy"] = lambda h: send(h, 503, b"busy", headers={"Retry-After": "1"})
    started = time.monotonic()
    found = fetch([f"{server.base}/busy"], store, tmp_path, deadline_s=1.5, retries=6)
    assert reasons(found) == ["http-503"]
    assert time.monotonic() - started < 3.0  # six 1 s waits would take over 6 s
    assert server.hits["/busy"] <= 2


# -- 8. redirects: same host only, no private targets the user did not name -------------

def test_same_host_redirects_are_followed(server: Server, store: Store, tmp_path: Path) -> None:
    server.routes["/moved"] = redirect("/story.html")
    server.routes["/story.html"] = static(page("Timetable"))
    found = fetch([f"{server.base}/moved"], store, tmp_path)
    assert [p.url for p in found if isinstance(p, RawPage)] == [f"{server.base}/story.html"]


@pytest.mark.parametrize("cross_host", [False, True])
def test_redirects_to_other_internal_hosts_are_refused(server: Server, other: Server,
                                                       store: Store, tmp_path: Path,
                                                       cross_host: bool) -> None:
    targets = {
        "/to-port": f"{other.base}/secret",
        "/to-localhost": f"http://localhost:{other.port}/secret",
        "/to-127-0-0-2": f"http://127.0.0.2:{other.port}/secret",
        "/to-mapped": f"http://[::ffff:127.0.0.1]:{other.port}/secret",
    }
    for path, target in targets.items():
        server.routes[path] = redirect(target)
    allow = {"cross_host_redirects": True} if cross_host else {}
    found = fetch([server.base + p for p in targets], store, tmp_path, **allow)
    assert reasons(found) == ["redirect-blocked"] * len(targets)
    assert not [p for p in found if isinstance(p, RawPage)]
    assert sum(other.hits.values()) == 0  # not even its robots.txt was asked for
    failure = next(f for f in found if isinstance(f, Failure))
    assert failure.detail.startswith(f"{other.base}/secret")


def test_a_host_the_user_named_may_be_redirected_to(server: Server, other: Server,
                                                    store: Store, tmp_path: Path) -> None:
    server.routes["/to-port"] = redirect(f"{other.base}/secret")
    other.routes["/index.html"] = static(page("Index"))
    found = fetch([f"{server.base}/to-port", f"{other.base}/index.html"], store, tmp_path)
    assert sorted(p.url or "" for p in found if isinstance(p, RawPage)) == \
        [f"{other.base}/index.html", f"{other.base}/secret"]


def test_feed_links_to_internal_hosts_are_refused(server: Server, other: Server, store: Store,
                                                 tmp_path: Path) -> None:
    server.routes["/story.html"] = static(page("Timetable"))
    server.routes["/feed.xml"] = static(
        feed(server.base, ["/story.html"]).replace(b"</channel>", (
            f"<item><link>{other.base}/secret</link></item>"
            f"<item><link>http://localhost:{other.port}/secret</link></item></channel>"
        ).encode()), "application/rss+xml")
    found = fetch([f"{server.base}/feed.xml"], store, tmp_path)
    assert [p.url for p in found if isinstance(p, RawPage)] == [f"{server.base}/story.html"]
    assert reasons(found) == ["address-blocked", "address-blocked"]
    assert sum(other.hits.values()) == 0
    # Named by the user, the other host's link is fetched.
    again = fetch([f"{server.base}/feed.xml", f"{other.base}/robots.txt"], store, tmp_path)
    assert f"{other.base}/secret" in [p.url for p in again if isinstance(p, RawPage)]


def test_redirects_to_other_schemes_have_their_own_reason(server: Server, store: Store,
                                                          tmp_path: Path) -> None:
    server.routes["/to-file"] = redirect("file:///etc/passwd")
    server.routes["/to-ftp"] = redirect("ftp://127.0.0.1/pub/file.txt")
    found = fetch([f"{server.base}/to-file", f"{server.base}/to-ftp"], store, tmp_path)
    assert reasons(found) == ["redirect-scheme", "redirect-scheme"]


@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.0.0.2", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
    "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd12:3456::1", "::ffff:127.0.0.1",
    "::ffff:10.0.0.1", "::ffff:169.254.169.254", "2002:7f00:1::1", "224.0.0.1", "not an ip",
])
def test_private_addresses_are_not_public(address: str) -> None:
    assert not is_public(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700::6810:84e5",
                                     "::ffff:93.184.216.34"])
def test_public_addresses_are_public(address: str) -> None:
    assert is_public(address)


def test_cross_host_redirects_need_the_setting_and_every_address_public() -> None:
    def resolver(answers: list[str]) -> Callable[[str, int], list[str]]:
        return lambda host, port: answers

    here, there = "http://news.example/a", "https://cdn.example/b"
    public = resolver(["93.184.216.34", "2606:4700::6810:84e5"])
    mixed = resolver(["93.184.216.34", "10.0.0.7"])
    none: frozenset[tuple[str, int]] = frozenset()
    assert redirect_refusal(here, there, none, cross_host=True, resolver=public) is None
    assert (redirect_refusal(here, there, none, cross_host=False, resolver=public) or "") \
        .startswith("redirect-blocked")
    assert (redirect_refusal(here, there, none, cross_host=True, resolver=mixed) or "") \
        .startswith("redirect-blocked")
    # http -> https on the same host is the same site.
    assert redirect_refusal(here, "https://news.example/a", none, False, mixed) is None
    assert redirect_refusal(here, there, frozenset({("cdn.example", 443)}), False, mixed) is None
    assert policy_from(Settings(allow_cross_host_redirects=True)).cross_host_redirects


@pytest.mark.parametrize("command", ["run", "watch"])
def test_the_cross_host_flag_reaches_the_settings(command: str, monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    from click.testing import CliRunner

    from storyline import cli

    seen: list[Settings] = []
    target = "storyline.runners.local.run" if command == "run" else "storyline.runners.watch.watch"

    def fake(*args: object, **kwargs: object) -> None:
        seen.extend(a for a in args if isinstance(a, Settings))
        raise SystemExit(0)

    monkeypatch.setattr(target, fake)
    db = str(tmp_path / "s.db")
    for flag in ([], ["--allow-cross-host-redirects"]):
        CliRunner().invoke(cli.main, [command, "http://127.0.0.1:9/feed.xml", "--db", db, *flag])
    assert [s.allow_cross_host_redirects for s in seen] == [False, True]


# -- 1. a feed's validators wait for its articles ----------------------------------------

def test_a_feed_is_fetched_whole_again_until_its_articles_are_stored(
        server: Server, store: Store, tmp_path: Path) -> None:
    paths = [f"/a{n}.html" for n in range(3)]
    for n, p in enumerate(paths):
        server.routes[p] = static(page(f"Crossing {n}"))
    server.routes["/feed.xml"] = static(feed(server.base, paths), "application/rss+xml")
    url = f"{server.base}/feed.xml"

    # A run killed after fetching: the pages were yielded but none was stored.
    assert len(fetch([url], store, tmp_path)) == 3
    again = fetch([url], store, tmp_path)
    assert sorted(p.source for p in again) == [server.base + p for p in paths]
    assert server.conditional["/feed.xml"] == 0

    # Two of the three stored (one as a page that failed cleaning, as the runner records
    # it): the feed is still fetched whole, and only the missing article is fetched.
    store.record_source(again[0].source, "h0", "ok")
    store.record_source(again[1].source, "h1", "failed")
    store.record_failure(Failure(source=again[1].source, reason="too-short", detail=""))
    third = fetch([url], store, tmp_path)
    assert [p.source for p in third] == [again[2].source]
    assert server.conditional["/feed.xml"] == 0

    # All stored: now the feed is asked for with its ETag, and answers 304.
    store.record_source(again[2].source, "h2", "ok")
    assert fetch([url], store, tmp_path) == []
    assert server.conditional["/feed.xml"] == 1
    assert server.hits["/a0.html"] == 2 and server.hits["/a2.html"] == 3


@pytest.mark.slow
def test_a_watch_killed_mid_round_stores_every_article_after_a_restart(
        server: Server, tmp_path: Path) -> None:
    paths = [f"/story-{n}.html" for n in range(12)]
    titles = {p: f"Ferry timetable change {n}" for n, p in enumerate(paths)}

    gate = threading.Event()  # set once the first watch is killed

    def slow_page(path: str) -> Route:
        def route(h: BaseHTTPRequestHandler) -> None:
            # Past the third article the first watch waits here, so the kill lands mid-round.
            if sum(server.hits[p] for p in paths) > 3:
                gate.wait(30)
            time.sleep(0.05)
            send(h, 200, page(titles[path]))
        return route

    for p in paths:
        server.routes[p] = slow_page(p)
    server.routes["/feed.xml"] = static(feed(server.base, paths), "application/rss+xml")
    config = tmp_path / "settings.toml"
    config.write_text("[storyline]\nfetch_delay_s = 0.1\nworkers = 1\n", encoding="utf-8")
    url = f"{server.base}/feed.xml"

    def watch(db: Path, *extra: str) -> subprocess.Popen[bytes]:
        cmd = [sys.executable, "-m", "storyline", "--config", str(config), "watch", url,
               "--db", str(db), "--every", "1s", *extra]
        return subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH":
                                                               str(ROOT / "src")})

    killed_db = tmp_path / "killed.db"
    proc = watch(killed_db)
    try:
        for _ in range(600):  # at most 60 s for the interpreter to start and begin the round
            if sum(server.hits[p] for p in paths) >= 3 or proc.poll() is not None:
                break
            time.sleep(0.1)
        assert proc.poll() is None, proc.communicate()[0].decode()
        assert sum(server.hits[p] for p in paths) < len(paths)  # the kill lands mid-round
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        gate.set()

    for db in (killed_db, tmp_path / "clean.db"):  # the restart, and an uninterrupted run
        out, _ = watch(db, "--rounds", "1").communicate(timeout=300)
        assert b"round 1" in out, out.decode()

    with Store.open(str(killed_db)) as killed, Store.open(str(tmp_path / "clean.db")) as clean:
        assert len(clean.article_ids()) == len(paths)
        assert sorted(killed.article_ids()) == sorted(clean.article_ids())
        assert sorted(a.title or "" for a in killed.articles()) == sorted(titles.values())

