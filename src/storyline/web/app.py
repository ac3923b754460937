"""The FastAPI app: read-only on the store, one connection per request, strict headers.

``create_app(db)`` builds it (tests use it with ``TestClient``); ``serve`` runs it under
uvicorn for ``storyline serve``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ConfigError, StoreError
from ..store import Store

try:
    from fastapi import FastAPI, Request
    from fastapi.responses import HTMLResponse, JSONResponse, Response
    from fastapi.staticfiles import StaticFiles
    from starlette.exceptions import HTTPException
    from starlette.types import ASGIApp, Message, Receive, Scope, Send
except ImportError as e:  # pragma: no cover - depends on the install
    raise ImportError("the web app needs FastAPI: install storyline[web]") from e

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


def create_app(db: str | Path) -> FastAPI:
    """The app on the store at ``db``; the store must exist (it is never written)."""
    if str(db) != ":memory:" and not Path(db).is_file():
        raise ConfigError(f"no store at {db}; create one with `storyline run PATHS --db {db}`")
    from .routes import api, pages

    # /docs would load its script from a CDN, which the CSP (rightly) blocks; the OpenAPI
    # description stays at /openapi.json.
    app = FastAPI(title="storyline", docs_url=None, redoc_url=None)
    app.state.db = str(db)
    app.state.templates = environment()
    app.include_router(api)
    app.include_router(pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(HTTPException, _http_error)
    app.add_middleware(SecurityHeaders)
    return app


def open_store(request: Request) -> Iterator[Store]:
    """A read-only connection for one request: SQLite connections are cheap, never shared."""
    try:
        store = Store.open(request.app.state.db, readonly=True)
    except StoreError as e:
        raise HTTPException(503, str(e)) from e
    try:
        yield store
    finally:
        store.close()


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = request.app.state.templates.get_template(template).render(
        request_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
    return render(request, "error.html", exc.status_code, code=exc.status_code,
                  detail=str(exc.detail))


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app under uvicorn until interrupted (``storyline serve``)."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
