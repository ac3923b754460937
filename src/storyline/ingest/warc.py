"""WARC / WARC.gz files: each HTML response record becomes a page.

A broken record (bad header, wrong length, corrupt gzip member) is one Failure; reading
then resumes at the next record boundary found in the bytes, so one bad record does not
cost the rest of the crawl.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Generator, Iterator
from typing import Any

from ..records import Failure, RawPage
from ..settings import Settings
from .html import declared_charset
from .text import decode

GZIP_MEMBER = b"\x1f\x8b\x08"
RECORD_START = b"\nWARC/1."
# Records with a body worth extracting; "resource" is how some tools store fetched pages.
PAGE_RECORDS = ("response", "resource")
# Redirects and "not modified" carry no article; error statuses are reported, not read.
FIRST_ERROR_STATUS = 400
# Resynchronising after this many broken records in one file stops: the file is not a WARC.
MAX_BROKEN_RECORDS = 50


def read(path: str, data: bytes, settings: Settings) -> Iterator[RawPage | Failure]:
    start: int | None = 0
    n = broken = 0
    while start is not None and broken <= MAX_BROKEN_RECORDS:
        n, failed_at = yield from _read_from(path, data, start, n, settings)
        if failed_at is None:
            return
        broken += 1
        start = next_record(data, failed_at)


Pass = Generator[RawPage | Failure, None, tuple[int, int | None]]


def _read_from(path: str, data: bytes, start: int, n: int, settings: Settings) -> Pass:
    """Records from offset ``start`` on; returns the count and where it broke, if it did."""
    from warcio.archiveiterator import ArchiveIterator

    f = io.BytesIO(data)
    f.seek(start)
    records = ArchiveIterator(f)
    while True:
        try:
            record = _quietly(records)
            if record is None:
                return n, None
            n += 1
            page = _page(path, n, record, settings)
        except Exception as e:  # noqa: BLE001 - warcio raises many kinds on broken records
            yield Failure(source=f"{path}#{n + 1}", reason="bad-warc-record",
                          detail=f"{type(e).__name__}: {e}"[:500])
            # warcio moves its offset to a record's start only when it begins reading it,
            # so here it points at the broken record: resume after that one.
            return n, max(records.offset, start)
        if page is not None:
            yield page


def _quietly(records: Any) -> Any:
    # warcio prints its own warnings for bad lengths to stderr; the Failure says it better.
    with contextlib.redirect_stderr(io.StringIO()):
        return next(records, None)


def next_record(data: bytes, after: int) -> int | None:
    """The start of the next record after offset ``after``: a gzip member or a WARC line."""
    if data[:2] == GZIP_MEMBER[:2]:
        found = data.find(GZIP_MEMBER, after + 1)
        return found if found >= 0 else None
    found = data.find(RECORD_START, after + 1)
    return found + 1 if found >= 0 else None


def _page(path: str, n: int, record: Any, settings: Settings) -> RawPage | Failure | None:
    if record.rec_type not in PAGE_RECORDS:
        return None
    where = f"{path}#{n}"
    url = record.rec_headers.get_header("WARC-Target-URI")
    ctype = _content_type(record)
    if "html" not in ctype.lower():
        return None
    status = _status(record)
    if status is not None and status >= FIRST_ERROR_STATUS:
        return Failure(source=where, reason="http-error", detail=f"{status} {url or ''}",
                       source_id=url)
    if status is not None and status >= 300:
        return None
    body = record.content_stream().read(settings.max_page_bytes + 1)
    if len(body) > settings.max_page_bytes:
        return Failure(source=where, reason="too-large", detail=url or "", source_id=url)
    return RawPage(source=where, source_id=url or where, kind="warc", url=url,
                   html=decode(body, _charset(ctype) or declared_charset(body)),
                   fetched_at=record.rec_headers.get_header("WARC-Date"))


def _content_type(record: Any) -> str:
    if record.http_headers is not None:
        return str(record.http_headers.get_header("Content-Type") or "")
    return str(record.rec_headers.get_header("Content-Type") or "")


def _status(record: Any) -> int | None:
    if record.http_headers is None or record.rec_type != "response":
        return None
    code = record.http_headers.get_statuscode()
    return int(code) if code and code.isdigit() else None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None
