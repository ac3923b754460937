"""What a request handler is given: its read-only store connection, and page rendering.

Both routes (the handlers) and app (the error handlers) use these, so they live apart from
both: app builds the app from routes, and routes never import app.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException

from ..errors import StoreError
from ..store import Store


def open_store(request: Request) -> Iterator[Store]:
    """A read-only connection for one request: SQLite connections are cheap, never shared."""
    try:
        store = Store.open(request.app.state.db, readonly=True)
    except StoreError as e:
        raise HTTPException(503, str(e)) from e
    store.limit_time(request.app.state.budget_s, request.app.state.stopping.is_set)
    try:
        yield store
    finally:
        store.close()


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """``template`` rendered with ``context`` by the app's Jinja2 environment."""
    html = request.app.state.templates.get_template(template).render(
        request_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)
