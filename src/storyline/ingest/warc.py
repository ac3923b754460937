"""WARC / WARC.gz files: each HTML response record becomes a page."""

from __future__ import annotations

import io
from collections.abc import Iterator

from ..records import Failure, RawPage
from ..settings import Settings
from .text import decode


def read(path: str, data: bytes, settings: Settings) -> Iterator[RawPage | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            n += 1
            page = _page(path, n, record, settings)
            if page is not None:
                yield page
    except (ArchiveLoadFailed, ValueError, EOFError, OSError) as e:
        yield Failure(source=f"{path}#{n + 1}", reason="bad-warc", detail=str(e)[:500])


def _page(path: str, n: int, record: object, settings: Settings) -> RawPage | Failure | None:
    if getattr(record, "rec_type", None) != "response":
        return None
    headers = record.http_headers  # type: ignore[attr-defined]
    ctype = (headers.get_header("Content-Type") or "") if headers else ""
    if "html" not in ctype.lower():
        return None
    where = f"{path}#{n}"
    url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    body = record.content_stream().read(settings.max_page_bytes + 1)  # type: ignore[attr-defined]
    if len(body) > settings.max_page_bytes:
        return Failure(source=where, reason="too-large", detail=url or "")
    return RawPage(source=where, source_id=url or where, kind="warc", html=decode(body), url=url,
                   fetched_at=record.rec_headers.get_header("WARC-Date"))  # type: ignore[attr-defined]
