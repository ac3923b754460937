"""What was fetched from the web, for polite re-fetching (ETag, Last-Modified, seen URLs)."""

from __future__ import annotations

import json
from typing import Any

from .core import StoreCore


class FetchQueries(StoreCore):
    def record_fetch(self, **row: Any) -> None:
        """Upsert one URL's latest fetch (status, validators, WARC file, failure reason).

        ``links`` is the list a feed or sitemap gave (None for pages and failures).
        """
        cols = ("url", "final_url", "canonical_url", "status", "etag", "last_modified",
                "fetched_at", "warc", "reason", "content_hash", "links")
        values = [row.get(c) for c in cols]
        if values[-1] is not None:
            values[-1] = json.dumps(list(values[-1]))
        self.conn.execute(
            f"INSERT INTO fetches ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
            "ON CONFLICT(url) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in cols[1:]), values)

    def fetch_state(self, url: str) -> dict[str, Any] | None:
        """The URL's latest fetch; ``links`` decoded (None unless it was a feed or sitemap)."""
        row = self.conn.execute("SELECT * FROM fetches WHERE url = ?", (url,)).fetchone()
        if not row:
            return None
        state = dict(row)
        state["links"] = json.loads(state["links"]) if state.get("links") else None
        return state

    def source_seen(self, source: str) -> bool:
        """True once an input source was handled to the end (stored or failed)."""
        return self.conn.execute("SELECT 1 FROM sources WHERE source = ?",
                                 (source,)).fetchone() is not None

    def source_settled(self, source: str) -> bool:
        """True once a source was stored, or its failure (a fetch failure too) recorded."""
        return self.source_seen(source) or self.conn.execute(
            "SELECT 1 FROM failures WHERE source = ?", (source,)).fetchone() is not None
