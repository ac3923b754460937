"""The Jinja2 environment the app and the report share: autoescaping always on.

Every string from a crawled page reaches HTML only through ``{{ }}``, which escapes it; the
one filter that returns markup (``snippet``) escapes first and only then adds ``<mark>``.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape

from .views import day_label

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

try:
    import jinja2
except ImportError as e:  # pragma: no cover - depends on the install
    raise ImportError("the web app and report need Jinja2: install storyline[web]") from e

# Search snippets come back from FTS5 with these control characters around each match.
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"


def snippet(text: str | None) -> Markup:
    """An FTS5 snippet, escaped, with its match markers turned into ``<mark>``."""
    safe = str(escape(text or ""))
    return Markup(safe.replace(_MARK_OPEN, "<mark>").replace(_MARK_CLOSE, "</mark>"))


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["day"] = day_label
    env.filters["snippet"] = snippet
    return env
