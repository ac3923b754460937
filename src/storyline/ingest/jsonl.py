"""JSONL records as in the evaluation bundles, and news-please's field names.

One JSON object a line; a bad line is one Failure and the other lines are kept. A file
holding one JSON array, or one pretty-printed object, is read as the records it holds.
"""

from __future__ import annotations

import codecs
import dataclasses
import email.utils
import io
import itertools
import json
import re
from collections.abc import Iterable, Iterator
from typing import IO

from ..records import Failure, RawPage
from ..settings import Settings
from ..text import calendar_day
from .files import READ_CHUNK, chunk_stream, source_id_for
from .sniff import SNIFF_BYTES
from .text import STRAY_BYTES, decode

# news-please and similar crawlers name the same fields differently; first present wins.
ALIASES = {
    "text": ("text", "maintext", "body", "content"),
    "html": ("html", "raw_html", "content_html"),
    "published": ("published", "date_publish", "date", "published_at", "pubdate"),
    "outlet": ("outlet", "source_domain", "source", "publisher", "site_name"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
}
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def read(path: str, stream: io.BufferedReader, settings: Settings) -> Iterator[RawPage | Failure]:
    first = stream.peek(SNIFF_BYTES).lstrip()[:200].split(b"\n", 1)[0].strip()
    if first.startswith(b"[") or first == b"{":
        yield from _document(path, stream, settings)
    else:
        yield from _lines(path, raw_lines(stream, settings.max_page_bytes))


def raw_lines(stream: IO[bytes], limit: int) -> Iterator[bytes | int]:
    """Each line's bytes, or its length when it is longer than ``limit`` (never held whole)."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while (rest := stream.readline(READ_CHUNK)) and not rest.endswith(b"\n"):
            size += len(rest)
        yield size + len(rest)


def _lines(path: str, lines: Iterable[bytes | int]) -> Iterator[RawPage | Failure]:
    for n, raw in enumerate(lines, start=1):
        where = f"{path}#L{n}"
        if isinstance(raw, int):
            yield Failure(source=where, reason="too-large", detail=f"{raw} bytes")
        elif raw.strip():
            yield _parsed(path, n, raw)


def _parsed(path: str, n: int, raw: bytes) -> RawPage | Failure:
    try:
        rec = json.loads(decode(raw))
    except (ValueError, RecursionError) as e:  # bad JSON, nesting too deep, a huge number
        detail = "nested too deep" if isinstance(e, RecursionError) else str(e)
        return Failure(source=f"{path}#L{n}", reason="bad-json", detail=detail[:500])
    return _record(path, n, rec)


def _document(path: str, stream: IO[bytes], settings: Settings) -> Iterator[RawPage | Failure]:
    """A file that is one JSON value rather than lines: its records, else its lines."""
    data = stream.read(settings.max_page_bytes + 1)
    if len(data) > settings.max_page_bytes:
        if data.lstrip()[:1] == b"[":
            chunks = itertools.chain([data], iter(lambda: stream.read(READ_CHUNK), b""))
            del data  # held by the chunks until read, not for the whole file
            yield from _big_array(path, chunks, settings)
        else:
            yield Failure(source=f"{path}#L1", reason="too-large", detail=(
                f"one JSON document over max_page_bytes {settings.max_page_bytes}"))
        return
    try:
        value = json.loads(decode(data))
    except (ValueError, RecursionError):
        # read it line by line: every bad line gets its own failure
        yield from _lines(path, data.split(b"\n"))
        return
    for n, rec in enumerate(value if isinstance(value, list) else [value], start=1):
        yield _record(path, n, rec)


def _big_array(path: str, chunks: Iterator[bytes],
               settings: Settings) -> Iterator[RawPage | Failure]:
    """The records of a JSON array too big to hold, one element at a time.

    Each element is parsed by ``json`` (``JSONDecoder.raw_decode``); only the brackets,
    commas and whitespace between elements are read here. The standard library has no
    streaming parser, and ``json.load`` would hold the whole file's text and every record
    at once, which ``max_page_bytes`` exists to prevent."""
    text = _Text(chunks)
    text.skip(" \t\r\n\ufeff")
    text.pos += 1  # the "["
    for n in itertools.count(1):
        if text.skip(" \t\r\n") in ("]", ""):
            return
        value = text.value(settings.max_page_bytes)
        if isinstance(value, Failure) and n == 1:
            # No array of records after all (JSONL whose first line starts with "["):
            # the rest is read line by line, the broken first line its own failure.
            yield from _lines(path, raw_lines(text.rest(), settings.max_page_bytes))
            return
        if isinstance(value, Failure):
            yield dataclasses.replace(value, source=f"{path}#L{n}")
            if text.lost:
                return  # the element's end is unknown, so nothing after it can be found
        else:
            yield _record(path, n, value.rec)
        if text.skip(" \t\r\n") == ",":
            text.pos += 1


@dataclasses.dataclass(frozen=True, slots=True)
class _Value:
    rec: object


class _Text:
    """Decoded text from byte chunks, read on demand; the part before ``pos`` is dropped."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        # JSON is UTF-8; a stray byte is read as Windows-1252, never lost (text.STRAY_BYTES)
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors=STRAY_BYTES)
        self.buf, self.pos, self.eof = "", 0, False
        self.lost = False  # a value's end could not be found: the rest cannot be read

    def more(self, at_least: int) -> None:
        self.buf, self.pos = self.buf[self.pos:], 0
        while not self.eof and len(self.buf) < at_least:
            chunk = next(self.chunks, b"")
            self.eof = not chunk
            self.buf += self.decoder.decode(chunk, final=self.eof)

    def rest(self) -> io.BufferedReader:
        """The unread part, from ``pos``, as bytes again."""
        pending, _ = self.decoder.getstate()
        head = self.buf[self.pos:].encode("utf-8", "surrogatepass") + pending
        return chunk_stream(itertools.chain([head], self.chunks))

    def skip(self, chars: str) -> str:
        """Moves past ``chars``; the next character, or "" at the end."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in chars:
                self.pos += 1
            if self.pos < len(self.buf) or self.eof:
                return self.buf[self.pos:self.pos + 1]
            self.more(READ_CHUNK)

    def value(self, limit: int) -> _Value | Failure:
        """The JSON value at ``pos`` (reading on until it is whole), or why there is none."""
        error = ""
        while True:
            try:
                rec, end = _DECODER.raw_decode(self.buf, self.pos)
            except (ValueError, RecursionError) as e:
                # only the message is kept: the error holds the whole buffer, and its
                # traceback this frame, a cycle that would keep every buffer alive
                rec, end, error = None, -1, str(e)
            if end >= 0 and (end < len(self.buf) or self.eof):  # a number may go on
                size, self.pos = end - self.pos, end
                return _Value(rec) if size <= limit else Failure(
                    source="", reason="too-large", detail=f"{size} characters")
            self.lost = len(self.buf) - self.pos > limit or self.eof
            if len(self.buf) - self.pos > limit:
                return Failure(source="", reason="too-large",
                               detail=f"an element over max_page_bytes {limit}; the rest of "
                                      "the array is lost")
            if self.eof:
                return Failure(source="", reason="bad-json",
                               detail=error[:500] + "; the rest of the array is lost")
            self.more(2 * (len(self.buf) - self.pos) + READ_CHUNK)


_DECODER = json.JSONDecoder()


def _record(path: str, n: int, rec: object) -> RawPage | Failure:
    where = f"{path}#L{n}"
    try:
        page = to_page(rec, where, f"{source_id_for(path)}#{n}")
    except Exception as e:  # noqa: BLE001 - a record no reader foresaw fails alone, not its file
        return Failure(source=where, reason="bad-record", detail=f"{type(e).__name__}: {e}")
    if page is not None:
        return page
    return Failure(source=where, reason="no-content",
                   detail="the record is not an object with text or html")


def to_page(rec: object, where: str, fallback_id: str) -> RawPage | None:
    """A RawPage from one record (FORMAT.md or news-please names); None without a body."""
    if not isinstance(rec, dict):
        return None

    def get(name: str) -> str | None:
        return _first(rec, ALIASES[name])

    text, html = get("text"), get("html")
    if not (text or "").strip() and not (html or "").strip():
        return None
    rid = rec.get("id")
    # An id is a string or a whole number; any other JSON type is no id at all.
    valid = isinstance(rid, str | int | float) and not isinstance(rid, bool) and rid != ""
    source_id = str(rid) if valid else fallback_id
    return RawPage(source=where, source_id=source_id, kind="html" if html and not text else "jsonl",
                   text=text or None, html=html or None,
                   url=get("url"), title=get("title"), outlet=get("outlet"),
                   published=normalize_date(get("published")))


def _first(rec: dict[str, object], names: tuple[str, ...]) -> str | None:
    for n in names:
        v = rec.get(n)
        if isinstance(v, str) and v.strip():
            return v
    return None


def normalize_date(value: str | None) -> str | None:
    """YYYY-MM-DD from an ISO stamp or an RFC 2822 date; None for anything else."""
    if not value:
        return None
    m = _ISO_DAY.match(value)
    if m:
        day = calendar_day(*map(int, m.groups()))
        return day.isoformat() if day else None
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):  # a year or offset too big
        return None
