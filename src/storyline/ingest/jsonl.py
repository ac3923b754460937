"""JSONL records as in the evaluation bundles, and news-please's field names.

One JSON object a line; a bad line is one Failure and the other lines are kept. A file
holding one JSON array, or one pretty-printed object, is read as the records it holds.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from collections.abc import Iterator
from typing import Any

from ..records import Failure, RawPage
from ..settings import Settings
from .files import source_id_for
from .text import decode

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


def read(path: str, data: bytes, settings: Settings) -> Iterator[RawPage | Failure]:
    whole = _one_document(data)
    if whole is not None:
        for n, rec in enumerate(whole, start=1):
            yield _record(path, n, rec)
        return
    for n, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"{path}#L{n}"
        if len(raw) > settings.max_page_bytes:
            yield Failure(source=where, reason="too-large", detail=f"{len(raw)} bytes")
            continue
        try:
            rec = json.loads(decode(raw))
        except json.JSONDecodeError as e:
            yield Failure(source=where, reason="bad-json", detail=str(e))
            continue
        yield _record(path, n, rec)


def _one_document(data: bytes) -> list[Any] | None:
    """The records of a file that is one JSON value rather than lines, else None."""
    first = data.lstrip()[:200].split(b"\n", 1)[0].strip()
    if not first.startswith(b"[") and first != b"{":
        return None
    try:
        value = json.loads(decode(data))
    except json.JSONDecodeError:
        return None  # read it line by line: every bad line gets its own failure
    return value if isinstance(value, list) else [value]


def _record(path: str, n: int, rec: object) -> RawPage | Failure:
    where = f"{path}#L{n}"
    page = to_page(rec, where, f"{source_id_for(path)}#{n}")
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
    source_id = str(rid) if rid not in (None, "") else fallback_id
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
        try:
            return dt.date(*map(int, m.groups())).isoformat()
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
