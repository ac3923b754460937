"""WARC / WARC.gz files: each HTML response record becomes a page.

A broken record (bad header, a Content-Length that does not end where the next record
starts, corrupt gzip member) is one Failure; reading then resumes at the next record
boundary found after its start, so one bad record does not cost the rest of the crawl.
Records are read from the stream one at a time: memory does not grow with the file.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Generator, Iterator
from typing import IO, Any

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
# Bytes read at a time while looking for the next record after a broken one.
SCAN_CHUNK = 1 << 20
# Resynchronising after this many broken records in one file stops: the file is not a WARC.
MAX_BROKEN_RECORDS = 50


def read(path: str, stream: io.BufferedReader, settings: Settings) -> Iterator[RawPage | Failure]:
    gz = stream.peek(len(GZIP_MEMBER))[:2] == GZIP_MEMBER[:2]
    start: int | None = 0
    n = broken = 0
    while start is not None and broken <= MAX_BROKEN_RECORDS:
        n, failed_at = yield from _read_from(path, stream, start, n, settings)
        if failed_at is None:
            return
        broken += 1
        start = next_record(stream, failed_at, gz) if stream.seekable() else None


Pass = Generator[RawPage | Failure, None, tuple[int, int | None]]


class LengthError(ValueError):
    """A record's Content-Length does not end where the next record starts."""


def _read_from(path: str, stream: io.BufferedReader, start: int, n: int,
               settings: Settings) -> Pass:
    """Records from offset ``start`` on; returns the count and where it broke, if it did."""
    from warcio.archiveiterator import ArchiveIterator

    if stream.seekable():
        stream.seek(start)
    records = ArchiveIterator(stream)
    while True:
        # warcio moves its offset to a record's start only when it begins reading it,
        # so until the record is read to its end it points at this record.
        at, number = max(records.offset, start), n + 1
        try:
            record = _quietly(records)
            if record is None:
                return n, None
            n += 1
            page = _page(path, n, record, settings)
            _check_length(records, record)
        except Exception as e:  # noqa: BLE001 - warcio raises many kinds on broken records
            # the broken record keeps its number, so no page is named like its failure
            yield Failure(source=f"{path}#{number}", reason="bad-warc-record",
                          detail=f"{type(e).__name__}: {e}"[:500])
            return number, at  # resume after this record's start
        if page is not None:
            yield page


def _quietly(records: Any) -> Any:
    # warcio prints its own warnings for bad lengths to stderr; the Failure says it better.
    with contextlib.redirect_stderr(io.StringIO()):
        return next(records, None)


def _check_length(records: Any, record: Any) -> None:
    """Reads the record to its end; raises when its length is not where the next one starts.

    A length too long swallows the records after it, one too short leaves part of the
    body where the next record's header should be: either way this record is broken.
    """
    errors = records.err_count
    with contextlib.redirect_stderr(io.StringIO()):
        records.read_to_end()
    left = getattr(record.raw_stream, "limit", 0)
    if left > 0:
        raise LengthError(f"Content-Length {record.length} runs {left} bytes past the data")
    # ARC files may end a record without a blank line: only WARC promises one
    if records.err_count > errors and str(record.format).startswith("warc"):
        raise LengthError(f"Content-Length {record.length}: the next record does not start "
                          "where this length ends")


def next_record(stream: IO[bytes], after: int, gz: bool) -> int | None:
    """The start of the next record after offset ``after``: a gzip member or a WARC line."""
    pattern, shift = (GZIP_MEMBER, 0) if gz else (RECORD_START, 1)
    pos = after + 1
    stream.seek(pos)
    tail = b""
    while chunk := stream.read(SCAN_CHUNK):
        window = tail + chunk
        found = window.find(pattern)
        if found >= 0:
            return pos - len(tail) + found + shift
        tail = window[-(len(pattern) - 1):]
        pos += len(chunk)
    return None


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
