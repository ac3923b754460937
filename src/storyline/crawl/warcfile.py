"""Every fetched response kept as WARC next to the store, so a run can be replayed offline."""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from .fetcher import Fetched


class WarcLog:
    """Appends response records to one ``.warc.gz`` per run, opened on first use."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self._file: BinaryIO | None = None
        self._writer: Any = None
        self.path: Path | None = None

    def write(self, got: Fetched) -> str:
        """Store one response; returns the WARC file's path (recorded with the article)."""
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        if self._writer is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            self.path = self.folder / f"fetch-{stamp}-{os.getpid()}.warc.gz"
            self._file = open(self.path, "ab")  # noqa: SIM115 - closed in close()
            self._writer = WARCWriter(self._file, gzip=True)
        writer: WARCWriter = self._writer
        http = StatusAndHeaders(f"{got.status} OK", list(got.headers), protocol="HTTP/1.1")
        record = writer.create_warc_record(
            got.final_url, "response", payload=io.BytesIO(got.body), http_headers=http,
            warc_headers_dict={"WARC-Date": got.fetched_at.replace("+00:00", "Z")})
        writer.write_record(record)
        assert self._file is not None
        self._file.flush()
        return str(self.path)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
            self._writer = None
