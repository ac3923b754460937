"""The Jinja2 environment the app and the report share: autoescaping always on.

Every string from a crawled page reaches HTML only through ``{{ }}``, which escapes it; the
one filter that returns markup (``snippet``) escapes first and only then adds ``<mark>``.
Every ``{{ }}`` value also loses the control characters that change how text is displayed
(``display.display_text``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from ..store.web import MARK_CLOSE, MARK_OPEN
from .display import display_text
from .views import OUTLET_NOT_NAMED, OutletLabel, day_label, day_span, entity_type, outlet_label

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

try:
    import jinja2
except ImportError as e:  # pragma: no cover - depends on the install
    raise ImportError("the web app and report need Jinja2: install storyline[web]") from e


def snippet(text: str | None) -> Markup:
    """A search snippet, escaped, with its match markers turned into ``<mark>``."""
    safe = str(escape(text or ""))
    return Markup(safe.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))


def outlet_html(label: str | None) -> Markup:
    """An outlet label as pages print it: an article whose page names no outlet reads
    "outlet not named", its input record after it in small type with a tooltip."""
    if not isinstance(label, OutletLabel) or label.record is None:
        return Markup(escape(label or OUTLET_NOT_NAMED))
    return Markup(f'{escape(label.outlet)} <small class="record" title="No outlet was found for '
                  f'this page: this is its input record">({escape(label.record)})</small>')


def independent(count: int, unnamed: int = 0) -> Markup:
    """"3 independent sources", or "at least 2 independent sources" when ``unnamed`` pages
    behind it that name no outlet were left out of the count (``store.web.count_sources``):
    they may come from an outlet already counted, so the count is a lower bound."""
    words = f"{count} independent source{'s' if count != 1 else ''}"
    if not unnamed:
        return Markup(escape(words))
    why = ("A lower bound: one more page behind it names no outlet and may be from an outlet "
           "already counted, so it is not counted" if unnamed == 1 else
           f"A lower bound: {unnamed} more pages behind it name no outlet and may be from "
           "outlets already counted, so they are not counted")
    return Markup(f'<span class="lower-bound" title="{escape(why)}">at least {escape(words)}'
                  "</span>")


def displayed(value: Any) -> Any:
    """What ``{{ value }}`` prints: strings (escaped or markup) without display controls."""
    if isinstance(value, Markup):
        return Markup(display_text(str(value)))
    return display_text(value) if isinstance(value, str) else value


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=displayed,
    )
    env.filters["day"] = day_label
    env.filters["span"] = day_span
    env.filters["snippet"] = snippet
    env.filters["entity_type"] = entity_type
    env.filters["outlet"] = outlet_html
    # the one way a page names an outlet, an article without one included
    env.globals["outlet_label"] = outlet_label
    # the one way a page says how many independent sources there are
    env.globals["independent"] = independent
    return env
