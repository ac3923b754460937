"""Read queries behind the web app and the report (search, pages per story/person/outlet)."""

from __future__ import annotations

from .core import StoreCore


class WebQueries(StoreCore):
    pass
