"""What was fetched from the web, for polite re-fetching (ETag, Last-Modified, seen URLs)."""

from __future__ import annotations

from .core import StoreCore


class FetchQueries(StoreCore):
    pass
