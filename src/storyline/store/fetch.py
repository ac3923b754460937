"""What was fetched from the web, for polite re-fetching (ETag, Last-Modified, seen URLs)."""

from __future__ import annotations

from typing import Any

from .core import StoreCore


class FetchQueries(StoreCore):
    def record_fetch(self, **row: Any) -> None:
        """Upsert one URL's latest fetch (status, validators, WARC file, failure reason)."""
        cols = ("url", "final_url", "canonical_url", "status", "etag", "last_modified",
                "fetched_at", "warc", "reason", "content_hash")
        values = [row.get(c) for c in cols]
        self.conn.execute(
            f"INSERT INTO fetches ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
            "ON CONFLICT(url) DO UPDATE SET "
            + ", ".join(f"{c} = excluded.{c}" for c in cols[1:]), values)

    def fetch_state(self, url: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM fetches WHERE url = ?", (url,)).fetchone()
        return dict(row) if row else None

    def source_seen(self, source: str) -> bool:
        """True once an input source was handled to the end (stored or failed)."""
        return self.conn.execute("SELECT 1 FROM sources WHERE source = ?",
                                 (source,)).fetchone() is not None
