"""The FastAPI app: read-only on the store, one connection per request, strict headers.

``create_app(db)`` builds it, bringing a store an earlier version wrote up to date first
(tests use it with ``TestClient``); ``serve`` runs it under
uvicorn for ``storyline serve``. Every request has a time budget: its SQL is interrupted
when the budget passes (503), or at once when the server is told to stop.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from types import FrameType
from typing import Any

from ..errors import ConfigError

try:
    from fastapi import FastAPI, Request
    from fastapi.responses import JSONResponse, Response
    from fastapi.staticfiles import StaticFiles
    from starlette.exceptions import HTTPException
    from starlette.types import ASGIApp, Message, Receive, Scope, Send
except ImportError as e:  # pragma: no cover - depends on the install
    raise ImportError("the web app needs FastAPI: install storyline[web]") from e

from ..store import Store
from .deps import render
from .routes import api, pages
from .templating import STATIC, environment

# No inline script or style anywhere: crawled text that slips into a page still cannot run.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
# A request's SQL is interrupted past this many seconds. Pages answer in well under 200 ms
# on a 20k-article store (bench/web_bench.py); 10 s is far above that, and short enough
# that a costly request cannot hold one of the server's threads for long.
REQUEST_BUDGET_S = 10.0
# Once told to stop, how long `serve` waits for responses still being sent; running SQL is
# interrupted at once, so this only bounds a client that reads slowly.
SHUTDOWN_GRACE_S = 5


class SecurityHeaders:
    """Adds the security headers to every response, pages, API and static files alike."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Answers ``HEAD`` as ``GET`` would, headers and status alike, without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


def create_app(db: str | Path, budget_s: float = REQUEST_BUDGET_S) -> FastAPI:
    """The app on the store at ``db``; the store must exist. Requests only read it; a store
    an earlier version wrote is brought up to date here, once (``Store.upgrade``: a
    StoreError naming the store and the command to run where it cannot be written), since
    a read-only connection never migrates and pages would fail on a missing column.

    ``budget_s``: seconds a request's SQL may run before it is interrupted (a 503).
    """
    if str(db) != ":memory:" and not Path(db).is_file():
        raise ConfigError(f"no store at {db}; create one with `storyline run PATHS --db {db}`")
    Store.upgrade(db)

    # /docs would load its script from a CDN, which the CSP (rightly) blocks; the OpenAPI
    # description stays at /openapi.json.
    app = FastAPI(title="storyline", docs_url=None, redoc_url=None)
    app.state.db = str(db)
    app.state.budget_s = budget_s
    # Set when the server is told to stop: every running statement is interrupted.
    app.state.stopping = threading.Event()
    app.state.templates = environment()
    app.include_router(api)
    app.include_router(pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(ConfigError, _bad_request)
    app.add_exception_handler(sqlite3.OperationalError, _interrupted)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)
    return app


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
    return render(request, "error.html", exc.status_code, code=exc.status_code,
                  detail=str(exc.detail))


async def _bad_request(request: Request, exc: Exception) -> Response:
    """A request over the search limits: 400, with the message saying what to change."""
    return await _http_error(request, HTTPException(400, str(exc)))


async def _interrupted(request: Request, exc: Exception) -> Response:
    if "interrupted" not in str(exc):
        raise exc
    if request.app.state.stopping.is_set():
        detail = "the server is shutting down; retry in a moment"
    else:
        detail = (f"this request took longer than its {request.app.state.budget_s:g} s "
                  "budget; narrow the search (fewer or rarer words, an outlet or dates)")
    return await _http_error(request, HTTPException(503, detail))


def make_server(app: FastAPI, host: str = "127.0.0.1", port: int = 8000) -> Any:
    """A uvicorn server for ``app`` whose stop signal also interrupts running SQL."""
    import uvicorn

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            app.state.stopping.set()
            super().handle_exit(sig, frame)

    return Server(uvicorn.Config(app, host=host, port=port, log_level="info",
                                 timeout_graceful_shutdown=SHUTDOWN_GRACE_S))


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app under uvicorn until interrupted (``storyline serve``)."""
    make_server(create_app(db), host, port).run()
