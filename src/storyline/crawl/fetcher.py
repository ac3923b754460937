"""Polite HTTP fetching: robots.txt, per-host pacing, retries with backoff, size limits.

One ``Fetcher`` per run. Every outcome is a ``Fetched`` value, never an exception: a page
that cannot be had carries ``error`` (a short reason) and the run goes on.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from .. import __version__
from ..settings import Settings
from .addresses import Resolver, cached, link_refusal, named_origins, redirect_refusal, resolve
from .urls import host_of

USER_AGENT = f"storyline/{__version__} (+https://github.com/storyline-news/storyline)"
# Status codes worth another try: rate limiting and the server-side errors that are
# usually transient.
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
# A Retry-After longer than this is not waited for; the URL is failed and tried next run.
MAX_RETRY_AFTER_S = 60.0
MAX_REDIRECTS = 10


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    user_agent: str = USER_AGENT
    # Wall-clock limit of one request, from connecting to the body's last byte (not per
    # read: a server trickling one byte a second cannot hold a request past it).
    timeout_s: float = 20.0
    # Wall-clock limit of one fetch: every redirect, retry and wait before a retry together.
    deadline_s: float = 60.0
    # Follow redirects to other hosts (public addresses only; see addresses.py).
    cross_host_redirects: bool = False
    max_bytes: int = 10_000_000
    # Seconds between two requests to one host; 1 s is the customary polite floor.
    per_host_delay_s: float = 1.0
    retries: int = 3
    backoff_s: float = 1.0
    respect_robots: bool = True


def policy_from(settings: Settings) -> FetchPolicy:
    """The fetching part of the run's settings."""
    return FetchPolicy(user_agent=settings.user_agent or USER_AGENT,
                       timeout_s=settings.fetch_timeout_s, max_bytes=settings.max_fetch_bytes,
                       per_host_delay_s=settings.fetch_delay_s, retries=settings.fetch_retries,
                       deadline_s=settings.fetch_deadline_s,
                       cross_host_redirects=settings.allow_cross_host_redirects)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    final_url: str
    status: int = 0
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    redirects: tuple[str, ...] = ()
    fetched_at: str = ""
    error: str | None = None
    headers: tuple[tuple[str, str], ...] = field(default=())

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """Thread-safe: pacing and robots caches are per host and locked."""

    def __init__(self, policy: FetchPolicy | None = None,
                 transport: httpx.BaseTransport | None = None,
                 resolver: Resolver = resolve) -> None:
        self.policy = policy or FetchPolicy()
        # No kept-alive connections: each request opens its own, so the request's cutoff
        # (_Cutoff) knows the socket to shut; pacing makes reuse rare anyway.
        self.client = httpx.Client(
            headers={"User-Agent": self.policy.user_agent}, timeout=self.policy.timeout_s,
            follow_redirects=False, transport=transport,
            limits=httpx.Limits(max_keepalive_connections=0))
        self.resolver = cached(resolver)
        self.named: frozenset[tuple[str, int]] = frozenset()
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}

    def close(self) -> None:
        self.client.close()

    def name_hosts(self, urls: Iterable[str]) -> None:
        """Hosts the user named themselves: redirects may lead there even when not public."""
        self.named = self.named | named_origins(urls)

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None,
              listed_by: str | None = None) -> Fetched:
        """GET ``url`` politely, following and recording redirects, within the deadline.

        ``listed_by``: the feed or sitemap that gave the URL (its address is checked).
        """
        deadline = time.monotonic() + self.policy.deadline_s
        refusal = listed_by and link_refusal(listed_by, url, self.named, self.resolver)
        if refusal:
            return Fetched(url=url, final_url=url, error=refusal)
        if not self.allowed(url, deadline):
            return Fetched(url=url, final_url=url, error="robots-disallowed")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        chain: list[str] = []
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            got = self._get_with_retries(current, headers, deadline)
            if got.error or got.status not in (301, 302, 303, 307, 308):
                return _with(got, url=url, redirects=tuple(chain))
            location = dict(got.headers).get("location")
            if not location:
                return _with(got, url=url, redirects=tuple(chain),
                             error="redirect-without-location")
            try:
                target = str(httpx.URL(current).join(location))
            except httpx.InvalidURL:
                return _with(got, url=url, redirects=tuple(chain),
                             error="redirect-scheme: unreadable Location")
            chain.append(current)
            # Checked before robots.txt: even that request must not reach a refused host.
            refusal = redirect_refusal(current, target, self.named,
                                       self.policy.cross_host_redirects, self.resolver)
            current = target
            if refusal:
                return Fetched(url=url, final_url=current, redirects=tuple(chain),
                               error=refusal)
            if not self.allowed(current, deadline):
                return Fetched(url=url, final_url=current, redirects=tuple(chain),
                               error="robots-disallowed")
        return Fetched(url=url, final_url=current, redirects=tuple(chain),
                       error="too-many-redirects")

    def allowed(self, url: str, deadline: float | None = None) -> bool:
        if not self.policy.respect_robots:
            return True
        host = host_of(url)
        with self._lock:
            parser = self._robots.get(host)
        if parser is None:
            parser = self._load_robots(host, deadline)
            with self._lock:
                self._robots[host] = parser
        return parser.can_fetch(self.policy.user_agent, url)

    def _load_robots(self, host: str,
                     deadline: float | None) -> urllib.robotparser.RobotFileParser:
        parser = urllib.robotparser.RobotFileParser()
        deadline = deadline or time.monotonic() + self.policy.deadline_s
        got = self._get_with_retries(f"{host}/robots.txt", {}, deadline)
        if got.error or got.status >= 500:
            parser.parse(["User-agent: *", "Disallow: /"])  # server trouble: stay away
        elif got.status >= 400:
            parser.parse([])  # no robots.txt: everything is allowed
        else:
            parser.parse(got.body.decode("utf-8", "replace").splitlines())
        return parser

    def _get_with_retries(self, url: str, headers: dict[str, str],
                          deadline: float) -> Fetched:
        got = self._get_once(url, headers, deadline)
        for attempt in range(self.policy.retries):
            if got.error not in ("timeout", "connect-error") and got.status not in RETRY_STATUS:
                break
            wait = _retry_after(got) or self.policy.backoff_s * (2 ** attempt)
            if wait > MAX_RETRY_AFTER_S or time.monotonic() + wait >= deadline:
                break
            time.sleep(wait)
            got = self._get_once(url, headers, deadline)
        if got.status in RETRY_STATUS and not got.error:
            got = _with(got, error=f"http-{got.status}")
        return got

    def _get_once(self, url: str, headers: dict[str, str], deadline: float) -> Fetched:
        self._pace(url)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        budget = min(self.policy.timeout_s, deadline - time.monotonic())
        if budget <= 0:
            return Fetched(url=url, final_url=url, fetched_at=stamp, error="timeout")
        cutoff = _Cutoff(budget)
        try:
            with self.client.stream("GET", url, headers=headers, timeout=budget,
                                    extensions={"trace": cutoff.trace}) as resp:
                body = bytearray()
                for chunk in resp.iter_bytes():
                    body += chunk
                    if len(body) > self.policy.max_bytes:
                        return Fetched(url=url, final_url=url, status=resp.status_code,
                                       fetched_at=stamp, error="too-large")
                    if cutoff.fired:
                        return Fetched(url=url, final_url=url, fetched_at=stamp,
                                       error="timeout")
                return _from_response(url, resp, bytes(body), stamp)
        except httpx.TimeoutException:
            return Fetched(url=url, final_url=url, fetched_at=stamp, error="timeout")
        except httpx.HTTPError as e:
            if cutoff.fired:  # the cutoff shut the socket: the read ended because time was up
                return Fetched(url=url, final_url=url, fetched_at=stamp, error="timeout")
            return Fetched(url=url, final_url=url, fetched_at=stamp,
                           error="connect-error" if isinstance(e, httpx.ConnectError)
                           else f"http-error: {type(e).__name__}")
        finally:
            cutoff.cancel()

    def _pace(self, url: str) -> None:
        host = host_of(url)
        with self._lock:
            lock = self._host_locks.setdefault(host, threading.Lock())
        with lock:
            wait = self._last.get(host, 0.0) + self.policy.per_host_delay_s - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last[host] = time.monotonic()


class _Cutoff:
    """Ends one request when its time is up by shutting its socket.

    httpx's timeouts are per operation: a server sending a byte just before each read
    timeout holds a request for ever. The socket is taken from httpcore's trace events
    when the connection opens; shutting it makes the blocked read return at once.
    """

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if not event.endswith(("connect_tcp.complete", "start_tls.complete")):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if not isinstance(sock, socket.socket):
            return
        with self._lock:
            self._sockets.append(sock)
            late = self.fired
        if late:
            _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    # OSError: already closed, or detached when TLS wrapped it.
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _from_response(url: str, resp: httpx.Response, body: bytes, stamp: str) -> Fetched:
    h = resp.headers
    return Fetched(url=url, final_url=str(resp.url), status=resp.status_code, body=body,
                   content_type=h.get("content-type", ""), etag=h.get("etag"),
                   last_modified=h.get("last-modified"), fetched_at=stamp,
                   headers=tuple((k.lower(), v) for k, v in h.items()))


def _retry_after(got: Fetched) -> float | None:
    value = dict(got.headers).get("retry-after")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _with(got: Fetched, **changes: object) -> Fetched:
    import dataclasses

    return dataclasses.replace(got, **changes)  # type: ignore[arg-type]
