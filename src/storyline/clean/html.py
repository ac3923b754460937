"""HTML pages -> main text, headline, outlet, canonical URL and publication date.

    1. main text and metadata     trafilatura, precision-first, recall when that collapses
                                  (one parse of the page serves both passes and the metadata)
    2. publication date           htmldate's original date, if plausible
    3. date fallbacks             a date the text states near its top, then one in the URL

The cleaner calls ``extract_html`` for every page that arrives as HTML; what it returns
are hints the cleaner may overrule with what the container (JSONL, feed) already gave.
An unusable page yields an empty ``Extracted``; only a page too large to parse safely
raises (``PageError('too-large')``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..errors import PageError
from ..text import MONTH_NUMBERS

__all__ = ["Extracted", "date_from_url", "date_near_top", "extract_html"]

# trafilatura options, measured with bench/extract_baseline.py on extraction-scrapinghub
# (181 pages, body 4-gram F1): default 0.947, without comments 0.958, without comments and
# favouring precision 0.961; favouring recall or dropping tables scored lower.
TEXT_OPTIONS: dict[str, Any] = {"include_comments": False, "favor_precision": True}
RECALL_OPTIONS: dict[str, Any] = {"include_comments": False}
# Precision mode sometimes keeps only a caption of the page. Below this many characters
# the balanced extraction is run too, and wins when precision kept less than
# MIN_PRECISION_SHARE of it: on the bundle, precision's real wins kept >= 0.28 of the
# balanced text, its one collapse kept 0.08.
SHORT_TEXT_CHARS = 1000
MIN_PRECISION_SHARE = 0.2
# htmldate: original_date prefers the first publication over an update stamp; with the
# extensive search on it scored 0.913 on dates-mediacloud (195 dated pages), 0.897 with
# the library defaults and 0.872 without the extensive search.
DATE_OPTIONS: dict[str, Any] = {"original_date": True, "extensive_search": True}
# Tag openings ("<") one page may hold. lxml and trafilatura walk the whole tree in single
# C calls, which the per-page time and memory limits cannot interrupt, so the tree is
# bounded before it is built: the largest page of the dev bundles has 12k; 1M (500k tiny
# elements) parses in 0.35 s into ~200 MB, and no single call on it runs past ~1 s.
MAX_TAGS = 1_000_000
# Dates before this are parse noise on web news (htmldate's own lower bound).
MIN_DATE = dt.date(1995, 1, 1)
# How much of the main text a stated date may sit in to count as the page's date: the
# byline and dateline come first; later dates are the story's, not the page's.
TOP_LINES = 4
TOP_CHARS = 400


@dataclass(frozen=True, slots=True)
class Extracted:
    """What one HTML page gives: main text (paragraphs separated by "\\n") and metadata."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_from: str | None = None  # "html-meta" | "text" | "dateline" | "url" | ...


def extract_html(html: str, url: str | None = None) -> Extracted:
    """The main text and metadata of one HTML page; empty text when nothing is usable.

    Raises ``PageError('too-large')`` for a page with more than ``MAX_TAGS`` tags.
    """
    if (tags := html.count("<")) > MAX_TAGS:
        raise PageError("too-large", f"{tags} tags, more than {MAX_TAGS}")
    # 1. main text and metadata
    tree = _parse(html)
    meta = _metadata(tree, url)
    doc = _bare(tree, url, TEXT_OPTIONS) if meta is not None else None
    if doc is None:  # as with trafilatura's own metadata pass: none for a page it rejects
        meta = None
    text = _text(doc)
    if len(text) < SHORT_TEXT_CHARS and tree is not None:
        balanced = _text(_bare(tree, url, RECALL_OPTIONS))
        if len(text) < MIN_PRECISION_SHARE * len(balanced):
            text = balanced
    # 2.-3. publication date, most reliable source first
    page_url = _meta(meta, "url") or url
    published, how = find_published(html, text, url or page_url)
    return Extracted(text=text, title=_meta(meta, "title"), outlet=_outlet(meta),
                     url=page_url, published=published, published_from=how)


def find_published(html: str, text: str, url: str | None) -> tuple[str | None, str | None]:
    """The page's date and how it was found: htmldate, then the text's top, then the URL."""
    found = _htmldate(html, url)
    if found is not None:
        return found, "html-meta"
    hit = _date_from_text(text) or date_from_url(url or "")
    return hit if hit is not None else (None, None)


def _parse(html: str) -> Any:
    """The page's tree as trafilatura parses it (None when it cannot): both extraction
    passes take it (each works on its own copy) and the metadata is read from it."""
    from trafilatura.settings import DEFAULT_CONFIG
    from trafilatura.utils import load_html

    try:
        return load_html(html, DEFAULT_CONFIG.getint("DEFAULT", "MAX_FILE_SIZE"))
    except Exception:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup
        return None


def _metadata(tree: Any, url: str | None) -> Any:
    """Title, canonical URL, site name and host, as ``trafilatura.extract_metadata`` finds
    them (its steps, in its order), without the fields it would compute and the cleaner does
    not read: author, categories, tags, licence, and an htmldate run (``find_published``
    runs htmldate itself), which made up most of the metadata's cost (bench/NOTES.md has
    the profile). None when the page gives no tree or a step fails (where
    ``bare_extraction`` with metadata returned none).
    """
    if tree is None:
        return None
    from courlan import extract_domain
    from trafilatura import metadata as tm

    try:
        doc = tm.examine_meta(tree)
        if doc.author and " " not in doc.author:
            doc.author = None
        with contextlib.suppress(Exception):  # trafilatura skips broken JSON-LD the same way
            doc = tm.extract_meta_json(tree, doc)
        doc.title = doc.title or tm.extract_title(tree)
        doc.url = doc.url or tm.extract_url(tree, url)
        if doc.url:
            doc.hostname = extract_domain(doc.url, fast=True)
        doc.sitename = doc.sitename or tm.extract_sitename(tree)
        if doc.sitename:
            doc.sitename = doc.sitename.lstrip("@")
            if doc.sitename and "." not in doc.sitename and not doc.sitename[0].isupper():
                doc.sitename = doc.sitename.title()
        elif doc.url and (host := tm.META_URL.match(doc.url)):
            doc.sitename = host[1]
        doc.clean_and_trim()
    except Exception:  # noqa: BLE001 - as _bare: broken markup yields no metadata
        return None
    return doc


def _bare(tree: Any, url: str | None, options: dict[str, Any]) -> Any:
    """trafilatura's main text of the parsed page (a copy of ``tree``), without metadata."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(tree, url=url, with_metadata=False, **options)
    except Exception:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup
        return None


def _text(doc: Any) -> str:
    text = getattr(doc, "text", None) or ""
    return "\n".join(line.strip() for line in str(text).splitlines() if line.strip())


def _meta(doc: Any, name: str) -> str | None:
    value = getattr(doc, name, None)
    return value.strip() or None if isinstance(value, str) else None


def _outlet(doc: Any) -> str | None:
    """The site's own name, else its host without ``www.``."""
    name = _meta(doc, "sitename")
    if name:
        return name
    host = _meta(doc, "hostname")
    return host.removeprefix("www.") if host else None


def _htmldate(html: str, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        with warnings.catch_warnings():
            # dateutil warns about time-zone names it cannot place; the date is still right.
            warnings.simplefilter("ignore")
            found = find_date(html, url=url, **DATE_OPTIONS)
    except Exception:  # noqa: BLE001 - a date is optional; broken markup must not end the page
        return None
    return found if isinstance(found, str) and plausible(found) else None


def plausible(iso: str, today: dt.date | None = None) -> bool:
    """A real calendar day between MIN_DATE and today: not parse noise, not the future."""
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return False
    return MIN_DATE <= day <= (today or dt.date.today())


def _date_from_text(text: str) -> tuple[str, str] | None:
    """The text's own date: the cleaning stage's finder when present, else ours."""
    finder = _shared_text_finder()
    hit = finder(text) if finder is not None else None
    if hit is None:
        hit = date_near_top(text)
    return hit if hit is not None and plausible(hit[0]) else None


def _shared_text_finder() -> Callable[[str], tuple[str, str] | None] | None:
    # published.py (datelines, in-text stamps) is a sibling stage; imported lazily so this
    # module works on its own and no import cycle forms through the cleaner.
    try:
        module = importlib.import_module("storyline.clean.published")
    except ImportError:
        return None
    finder = getattr(module, "date_from_text", None)
    return finder if callable(finder) else None


MONTHS = MONTH_NUMBERS
_MONTH = r"\b(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TEXT_DATES = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)"),
    re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b"),
    re.compile(_MONTH + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>(?:19|20)\d\d)\b",
               re.I),
)


def date_near_top(text: str) -> tuple[str, str] | None:
    """The first full date (day, month, year) stated in the text's first lines."""
    top = "\n".join(text.splitlines()[:TOP_LINES])[:TOP_CHARS]
    hits = [(m.start(), _iso(m)) for rx in _TEXT_DATES for m in rx.finditer(top)]
    days = [iso for _, iso in sorted(hits) if iso is not None]
    return (days[0], "text") if days else None


def _iso(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    # A name spelt with a letter that only matches ignoring case ("ſep") is in no table.
    month = MONTHS.get(groups["mon"].lower()) if groups.get("mon") else int(groups["m"])
    try:
        return dt.date(int(groups["y"]), month, int(groups["d"])).isoformat() if month else None
    except ValueError:
        return None


# /2020/08/17/, /2020-08-17-, _20200817_ ...: a day in the path, with its separators.
_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[/_.-]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?!\d)")


def date_from_url(url: str) -> tuple[str, str] | None:
    """A full date in the URL's path, as many CMSs write one."""
    path = urlsplit(url).path if url else ""
    for m in _URL_DATE.finditer(path):
        iso = _iso(m)
        if iso is not None and plausible(iso):
            return iso, "url"
    return None
