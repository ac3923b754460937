"""HTML pages -> main text, headline, outlet, canonical URL and publication date.

    1. main text and metadata     trafilatura, precision-first, recall when that collapses
                                  (one parse of the page serves both passes and the metadata;
                                  an article body split around an ad is joined first)
    2. publication date           htmldate's original date, if plausible
    3. date fallbacks             a date line opening the text (a stamp, a byline's date,
                                  "Published ..."; ``published.date_from_text``), then a
                                  date in the URL; never a date the prose merely mentions

The cleaner calls ``extract_html`` for every page that arrives as HTML; what it returns
are hints the cleaner may overrule with what the container (JSONL, feed) already gave.
An unusable page yields an empty ``Extracted``; only a page too large to parse safely
raises (``PageError('too-large')``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..errors import PageError
from ..text import MONTH_NUMBERS, calendar_day
from .published import (
    PARSER_HORIZON,
    DateSource,
    date_from_text,
    declared_days,
    declared_times,
    english,
    labelled_date,
    latest_day,
    line_date,
    revision_page,
)

__all__ = ["Extracted", "date_from_url", "extract_html"]

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
# the library defaults and 0.872 without the extensive search. deferred_url_extractor:
# the page's metadata before its URL's day (htmldate returns a URL's day at once
# otherwise): a CMS writes the day a story was created into its path, the metadata the
# day it went out (a URL's 07/08 against a datePublished of 07-09T10:04Z, the text's
# "Thursday" the 9th). On dates-mediacloud it changed 2 pages, that one right; the other's
# datePublished is a UTC time near midnight, which find_published reads (EARLY_UTC_HOURS).
DATE_OPTIONS: dict[str, Any] = {"original_date": True, "extensive_search": True,
                                "deferred_url_extractor": True}
# A declared time in UTC ("Z", "+00:00") gives UTC's day, which is not always the outlet's
# own (a time with its own offset, "00:16+03:00", gives its local day as written, and is
# read so). Before WEST_UTC_HOURS it may still be the evening before in the Americas
# (08:00Z is midnight in Los Angeles in winter), from EAST_UTC_HOURS on it may already be
# the next day east of Greenwich (23:00Z is midnight in Central Europe in winter, 14:00Z in
# Sydney): there a day the page shows as its own (its URL's, its stamp's) that is the day
# before (after) is the outlet's day and wins. Before EARLY_UTC_HOURS the UTC day is a
# coin's throw (the whole of the Americas' evening: 03:00Z is 23:00 in New York in summer,
# 19:00 in Los Angeles in winter): with nothing on the page to give the outlet's day, no
# date. Chosen on crc32 half 0 of dates-mediacloud (UTC times before 03:00 with no day of
# the page's own beside them: 2, both the evening before; the earliest such time given
# the UTC day was 03:25); half 1 checked (bench/NOTES.md, FXD).
WEST_UTC_HOURS = 8
EAST_UTC_HOURS = 14
EARLY_UTC_HOURS = 3
# How many text pieces after the headline a byline's date may sit: "By", two names and a
# separator, then the date (the longest byline block seen); a forum's member card
# ("Joined", "May 11, 2017") starts after that.
HEADLINE_REACH = 8
# The extensive search ends, when all else failed, in a scan of the page's short texts and
# then htmldate's ``search_page``: any date pattern anywhere in the markup (a copyright year
# as 1 January, a link's date, a script's). Those are dates the page contains, not its own:
# on dates-mediacloud 2 of the 6 scored dates ``search_page`` gave were right and 4 wrong,
# so it is off; the short texts count only when they read as date lines
# (``published.line_date``: a stamp, not "Concert on 14 June 2024 draws record crowd"),
# which kept all 4 (right) dates that scan gave there. The text's date lines and the URL
# come next, then the cleaner's estimate, which is never the publication date.
# Tag openings ("<") one page may hold. lxml and trafilatura walk the whole tree in single
# C calls, which the per-page time and memory limits cannot interrupt, so the tree is
# bounded before it is built: the largest page of the dev bundles has 12k; 1M (500k tiny
# elements) parses in 0.35 s into ~200 MB, and no single call on it runs past ~1 s.
MAX_TAGS = 1_000_000
# Dates before this are parse noise on web news (htmldate's own lower bound).
MIN_DATE = dt.date(1995, 1, 1)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What one HTML page gives: main text (paragraphs separated by "\\n") and metadata."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_from: str | None = None  # "html-meta" | "text-stamp" | "url"


def extract_html(html: str, url: str | None = None,
                 latest: dt.date | None = None) -> Extracted:
    """The main text and metadata of one HTML page; empty text when nothing is usable.
    ``latest`` is the latest day the page can be dated (``published.latest_day``: the day
    after it was fetched, or after this run read it).

    Raises ``PageError('too-large')`` for a page with more than ``MAX_TAGS`` tags.
    """
    if (tags := html.count("<")) > MAX_TAGS:
        raise PageError("too-large", f"{tags} tags, more than {MAX_TAGS}")
    # 1. main text and metadata
    tree = _parse(html)
    meta = _metadata(tree, url)
    if meta is not None:
        join_split_body(tree)
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
    published, how = find_published(html, text, url or page_url, tree, _meta(meta, "title"),
                                     _outlet(meta), latest)
    return Extracted(text=text, title=_meta(meta, "title"), outlet=_outlet(meta),
                     url=page_url, published=published, published_from=how)


def find_published(html: str, text: str, url: str | None, tree: Any = None,
                   title: str | None = None, outlet: str | None = None,
                   latest: dt.date | None = None) -> tuple[str | None, str | None]:
    """The page's date and how it was found: htmldate, then a date line opening the text,
    then the URL. A date the text's first sentences mention (an event's, an update's, a
    related link's) is not the page's: the cleaner keeps such dates as an estimate only.

    A date htmldate read in an element (one the page neither declares as its publication's
    nor has in its URL: a byline, or the site header's "today", a teaser's, a claim's) gives
    way to the page's own day where the page shows one: the text's opening date line, the
    date line under the headline, a labelled "Published ..." date, the URL's day. A declared
    UTC time near midnight gives way to the page's own day one day off (see
    WEST_UTC_HOURS), and gives no date in the Americas' evening when the page shows none.
    A wiki revision or diff has no publication date (None). ``tree`` is the parsed page
    (parsed here when needed and not given); ``title`` and ``outlet`` tell its headline
    from a masthead; no day is later than ``latest``."""
    if revision_page(url):
        return None, None
    latest = latest or latest_day(None)
    found, stamp = _htmldate(html, url, latest), _date_from_text(text, latest)
    in_url = date_from_url(url or "", latest)
    if found is None:
        hit = stamp or in_url
        return hit if hit is not None else (None, None)
    page = _PageDays(html, tree, title, outlet, latest)
    if found in set(declared_days(html)):
        return _outlet_day(found, html, [stamp, in_url], page)
    if in_url is not None and in_url[0] == found:
        return in_url
    own = stamp or page.headline_stamp or page.label or in_url  # the first the page shows
    if own is not None and own[0] != found:
        return own
    return found, _element_source(found, html)


def _outlet_day(day: str, html: str, shown: list[tuple[str, str] | None],
                page: _PageDays) -> tuple[str | None, str | None]:
    """A declared ``day``, or the outlet's own day when its time is UTC near midnight
    (WEST_UTC_HOURS) and the page shows that day (``shown``: the text's stamp, the URL's
    day; then the headline's stamp and a labelled date)."""
    times = [(hour, offset) for hour, offset in declared_times(html, day) if offset is not None]
    if not times or any(offset != 0 for _, offset in times):
        return day, DateSource.HTML_META.value
    hour = times[0][0]
    step = -1 if hour < WEST_UTC_HOURS else 1 if hour >= EAST_UTC_HOURS else 0
    if not step:
        return day, DateSource.HTML_META.value
    other = (dt.date.fromisoformat(day) + dt.timedelta(days=step)).isoformat()
    seen = [*shown, page.headline_stamp, page.label]
    own = next((x for x in seen if x is not None and x[0] in (day, other)), None)
    if own is not None and own[0] == other:
        return own
    if own is None and hour < EARLY_UTC_HOURS and _americas_language(html):
        return None, DateSource.NONE_UTC.value
    return day, DateSource.HTML_META.value


# The languages the Americas publish in: a page that declares another (<html lang="ja">)
# is not from the Americas, and its UTC day before EARLY_UTC_HOURS is its own day.
AMERICAS_LANGUAGES = frozenset({"en", "es", "pt", "fr"})
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([a-z]{2,3})", re.I)


def _americas_language(html: str) -> bool:
    """Whether the page's declared language is one the Americas publish in (or none)."""
    lang = _HTML_LANG.search(html[:5000])
    return lang is None or lang.group(1).lower() in AMERICAS_LANGUAGES


def _element_source(day: str, html: str) -> str:
    """"html-meta" when a meta tag or a JSON date field holds ``day``, else "html-element":
    htmldate read it in an element's text."""
    if re.search(r"<meta\b[^>]*\bcontent\s*=\s*[\"']" + day, html, re.I) or \
            re.search(r"[\"']date\w*[\"']\s*:\s*[\"']" + day, html, re.I):
        return DateSource.HTML_META.value
    return DateSource.HTML_ELEMENT.value


class _PageDays:
    """The days a page shows as its own in its markup, read when first asked for: the date
    line under its headline and the date its "Published ..." labels agree on."""

    def __init__(self, html: str, tree: Any, title: str | None, outlet: str | None,
                 latest: dt.date | None = None) -> None:
        self.html, self.tree, self.title, self.outlet = html, tree, title, outlet
        self.latest = latest

    @functools.cached_property
    def pieces(self) -> list[tuple[Any, str]]:
        """(element, text) of every non-empty text piece in document order (an element's
        text, then after its children its tail), scripts and styles left out."""
        tree = self.tree if self.tree is not None else _parse(self.html)
        return [] if tree is None else list(_text_pieces(tree))

    @functools.cached_property
    def headline_stamp(self) -> tuple[str, str] | None:
        """The first date line within HEADLINE_REACH pieces after the headline: the h1
        the title holds that is not the outlet's name (a masthead)."""
        pieces = self.pieces
        at = _headline_at(pieces, self.title, self.outlet)
        if at is None:
            return None
        headline = pieces[at][0]
        after = [t for e, t in pieces[at:] if e is not headline and not _inside(e, headline)]
        for line in after[:HEADLINE_REACH]:
            if (day := line_date(line)) and plausible(day.isoformat(), self.latest):
                return day.isoformat(), DateSource.STAMP.value
        return None

    @functools.cached_property
    def label(self) -> tuple[str, str] | None:
        """The day every "Published ..." label on the page gives (``labelled_date``)."""
        lines = [t for _, t in self.pieces]
        day = labelled_date(lines, english(" ".join(lines)))
        return (day.isoformat(), DateSource.STAMP.value) \
            if day and plausible(day.isoformat(), self.latest) else None


_SKIPPED = frozenset({"script", "style", "noscript", "template"})


def _text_pieces(tree: Any) -> Iterator[tuple[Any, str]]:
    """(the element a text stands in, the text): a tail stands in its element's parent."""
    for element in tree.iter():
        own = isinstance(element.tag, str) and element.tag not in _SKIPPED
        if own and (text := (element.text or "").strip()):
            yield element, text
        if tail := (element.tail or "").strip():
            parent = element.getparent()
            yield (element if parent is None else parent), tail


def _headline_at(pieces: list[tuple[Any, str]], title: str | None,
                 outlet: str | None) -> int | None:
    """The index of the first piece of the first h1 of two words or more that the title
    holds (titles add the site's name: "Headline | Site") and the outlet's name does not
    (a masthead: "Daily News" of "Daily News, Inc.")."""
    if not title:
        return None
    wanted = " ".join(title.split()).casefold()
    masthead = " ".join((outlet or "").split()).casefold()
    seen: set[int] = set()
    for n, (element, _) in enumerate(pieces):
        h1 = element if element.tag == "h1" else next(
            (a for a in element.iterancestors("h1")), None)
        if h1 is None or id(h1) in seen:
            continue
        seen.add(id(h1))
        words = " ".join(h1.text_content().split()).casefold()
        if len(words.split()) >= 2 and words in wanted and words not in masthead:
            return n
    return None


def _parse(html: str) -> Any:
    """The page's tree as trafilatura parses it (None when it cannot): both extraction
    passes take it (each works on its own copy) and the metadata is read from it.

    ``trafilatura.utils.load_html``'s steps for a string, with ``_parser()``: the same
    libxml2 options, so the same tree, of the same element classes. Where that parser
    cannot be made (an lxml or trafilatura without what it reads), ``load_html`` itself."""
    from lxml.html import fromstring
    from trafilatura import utils

    parser = _parser()
    if parser is None:
        return _load_html(html)
    try:
        beginning = html[:50].lower()
        dubious = utils.is_dubious_html(beginning)
        html = utils.repair_faulty_html(html, beginning)
        try:
            tree, from_bytes = fromstring(html, parser=parser), False
        except ValueError:  # "Unicode strings with encoding declaration are not supported."
            tree, from_bytes = _parse_bytes(html, parser), True
        except Exception:  # noqa: BLE001 - trafilatura logs it and tries the bytes
            tree, from_bytes = None, False
        if (tree is None or len(tree) < 1) and not from_bytes:
            tree = _parse_bytes(html, parser)
    except Exception:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup
        return None
    return None if tree is not None and dubious and len(tree) < 2 else tree


def _load_html(html: str) -> Any:
    from trafilatura.settings import DEFAULT_CONFIG
    from trafilatura.utils import load_html

    try:
        return load_html(html, DEFAULT_CONFIG.getint("DEFAULT", "MAX_FILE_SIZE"))
    except Exception:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup
        return None


def _parse_bytes(html: str, parser: Any) -> Any:
    from lxml.html import fromstring

    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=parser)
    except Exception:  # noqa: BLE001 - as trafilatura's fallback: no tree
        return None


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    """``_lookup_parser()``, or None where it cannot be made: it reads lxml's private
    table of element classes and trafilatura's steps of ``load_html``, which another
    version may not have; ``_parse`` then calls ``load_html`` itself (the same trees)."""
    from trafilatura import utils

    if not all(callable(getattr(utils, name, None))
               for name in ("is_dubious_html", "repair_faulty_html")):
        return None
    try:
        return _lookup_parser()
    except Exception:  # noqa: BLE001 - any change in lxml's internals: trafilatura's parser
        return None


def _lookup_parser() -> Any:
    """trafilatura's HTML parser (its options), choosing each element's class in C.

    lxml.html's parser asks a Python method for the class of every element object it
    creates (``HtmlElementClassLookup``: ``form``, ``input``, ``label``, ``select`` and
    ``textarea`` have their own, every other element ``HtmlElement``); trafilatura's
    steps create hundreds of thousands (bench/NOTES.md). lxml's
    namespace lookup with the same table gives each element the same class without
    calling back into Python, and copies of the tree keep the parser and so the lookup.
    """
    from lxml import etree
    from lxml import html as lxml_html

    lookup = etree.ElementNamespaceClassLookup(etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))
    tags = lookup.get_namespace(None)
    for tag, cls in lxml_html.HtmlElementClassLookup._default_element_classes.items():
        tags[tag] = cls
    # trafilatura.utils.HTML_PARSER's options (tests/test_extract.py pins that both
    # parsers give the same trees)
    parser = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(lookup)
    return parser


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

    _plain_string_prunes()
    try:
        return trafilatura.bare_extraction(tree, url=url, with_metadata=False, **options)
    except Exception:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup
        return None


# A body split around a full-width ad (issue 17, trust: never lose article text). trafilatura
# takes the first element its body expression selects, so an article a site prints in several
# containers of the same class (one ``article__body`` per chunk, a mid-content ad row
# between them) came out as its first chunk only. The parts are joined into the first one
# when they are one article's: the same tag, class and id, at the same depth under their
# common ancestor (at most SPLIT_BODY_DEPTH levels down, with the same tags and classes on the
# way), each holding prose (a paragraph, not inside a link: teaser cards are links), nothing
# else in a part's branch but furniture (no heading, at most SPLIT_BODY_FURNITURE
# non-space characters), and only such furniture between consecutive parts (ads, their
# labels, empty asides). A listing of posts (a title above each) or of teaser cards stays as
# it was. 3 levels: a split article's parts sit 2 levels under their common ancestor, one
# more wrapper allowed; 40 characters: an ad's label ("Advertisement", "Story continues
# below advertisement") fits, no sentence does. The pages these were chosen on and what
# else they join are in bench/NOTES.md (B2, FXB).
SPLIT_BODY_DEPTH = 3
SPLIT_BODY_FURNITURE = 40
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def join_split_body(tree: Any) -> None:
    """The parts of an article split into same-class body containers, joined in document
    order into the first one (in place; see SPLIT_BODY_DEPTH): the container trafilatura
    takes then holds the whole article. Anything else is left as it was."""
    with contextlib.suppress(Exception):  # broken markup: the tree as it was
        found = _body_containers(tree)
        if len(found) < 2:
            return
        first, parts = found[0], []
        if not _prose(first):
            return
        previous = first
        for part in found[1:]:
            if _inside(part, previous):
                continue
            if not (_same_kind(part, first) and _next_part(previous, part)):
                break
            parts.append(part)
            previous = part
        for part in parts:
            _move_into(part, first)


def _body_containers(tree: Any) -> list[Any]:
    """The article-body containers of the page (see BODY_OWNERS), in document order."""
    return [element for element in tree.iter("article", "div", "main", "section")
            if _body_container(element)]


# What names an article's body container in the markup, read with lxml (not trafilatura's
# private vocabulary, which another version may rename): ``itemprop="articleBody"``, a
# class of just "post" or "entry", or a class or id word (split at "-", "_" and case
# changes: "article__body", "entry-content", "ArticleContent", "story-body") that pairs one
# of BODY_OWNERS with one of BODY_PARTS right after it, as the word's last two, with at
# most one word before them (a prefix: "c-article-body", "main-article-body"; a teaser
# list's "post-list-article_text" names a list). Common CMS names, not tuned on a
# bundle; wider or narrower than trafilatura's own expression matters only where a page
# has several such containers that join_split_body's other conditions join (how many do on
# the HTML bundles: bench/NOTES.md, CLN).
BODY_OWNERS = frozenset({"article", "art", "post", "entry", "story", "page", "body"})
BODY_PARTS = frozenset({"body", "content", "text"})
_NAME_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _body_container(element: Any) -> bool:
    if element.get("itemprop") == "articleBody":
        return True
    name = element.get("class")
    if name is not None and (name.strip() in ("post", "entry") or _names_body(name)):
        return True
    ident = element.get("id")
    return ident is not None and _names_body(ident)


@functools.lru_cache(maxsize=4096)
def _names_body(value: str) -> bool:
    """Whether a class or id value holds a word ending in a BODY_OWNERS word and a
    BODY_PARTS word, with at most one word before them."""
    for token in value.split():
        words = [w.lower() for w in _NAME_WORD.findall(token)]
        if 2 <= len(words) <= 3 and words[-2] in BODY_OWNERS and words[-1] in BODY_PARTS:
            return True
    return False


def _inside(element: Any, container: Any) -> bool:
    return any(parent is container for parent in element.iterancestors())


def _same_kind(a: Any, b: Any) -> bool:
    return all(a.get(name) == b.get(name) for name in ("class", "id")) and a.tag == b.tag


def _prose(part: Any) -> bool:
    """A paragraph with text, and no link around the part (a teaser card)."""
    if any(parent.tag == "a" for parent in part.iterancestors()):
        return False
    return any(_chars(p) for p in part.iter("p"))


def _chars(element: Any) -> int:
    return len("".join(element.text_content().split()))


def _next_part(previous: Any, part: Any) -> bool:
    """``part`` continues ``previous``: see SPLIT_BODY_DEPTH."""
    up_previous = [previous, *previous.iterancestors()]
    up_part = [part, *part.iterancestors()]
    common = next((a for a in up_part if any(a is b for b in up_previous)), None)
    if common is None:
        return False
    depth = next(n for n, a in enumerate(up_part) if a is common)
    if not 0 < depth <= SPLIT_BODY_DEPTH or up_previous[depth] is not common:
        return False
    if not all(a.tag == b.tag and a.get("class") == b.get("class")
               for a, b in zip(up_previous[:depth], up_part[:depth], strict=True)):
        return False
    if not _prose(part):
        return False
    branch_previous, branch_part = up_previous[depth - 1], up_part[depth - 1]
    start = next(n for n, child in enumerate(common) if child is branch_previous)
    end = next(n for n, child in enumerate(common) if child is branch_part)
    between = list(common)[start + 1:end]
    return (_only_furniture(branch_previous, previous) and _only_furniture(branch_part, part)
            and all(_only_furniture(child) for child in between)
            and _chars_between(common, start, end) <= SPLIT_BODY_FURNITURE)


def _only_furniture(branch: Any, part: Any = None) -> bool:
    """No heading and at most SPLIT_BODY_FURNITURE characters in ``branch`` outside ``part``."""
    if not isinstance(branch.tag, str):  # a comment or processing instruction
        return True
    if any(h is not part and (part is None or not _inside(h, part))
           for h in branch.iter(*_HEADINGS)):
        return False
    outside = _chars(branch) - (_chars(part) if part is not None else 0)
    return outside <= SPLIT_BODY_FURNITURE


def _chars_between(common: Any, start: int, end: int) -> int:
    """Characters of the text directly under ``common`` between two branches (tails)."""
    return sum(len("".join((child.tail or "").split())) for child in list(common)[start:end])


def _move_into(part: Any, first: Any) -> None:
    """``part``'s text and children appended to ``first``, in order; ``part`` left empty."""
    if part.text:
        if len(first):
            first[-1].tail = (first[-1].tail or "") + part.text
        else:
            first.text = (first.text or "") + part.text
        part.text = None
    for child in list(part):
        first.append(child)


# trafilatura's lists of pruning expressions (``htmlprocessing.prune_unwanted_nodes``: every
# element they select is deleted; nothing reads a string they return).
PRUNE_XPATHS = ("RAW_TREE_PRUNE_XPATH", "REMOVE_COMMENTS_XPATH",
                "REMOVE_COMMENTS_AND_LISTS_XPATH", "OVERALL_DISCARD_XPATH",
                "DISCARD_IMAGE_ELEMENTS", "TEASER_DISCARD_XPATH", "PRECISION_DISCARD_XPATH",
                "COMMENTS_DISCARD_XPATH")


@functools.lru_cache(maxsize=1)
def _plain_string_prunes() -> None:
    """trafilatura's pruning expressions, compiled again with lxml's ``smart_strings`` off.

    They test @id, @class and @style with EXSLT regular expressions (``re:test``), which
    lxml runs in Python: with smart strings on (lxml's default) each attribute handed to
    the test becomes a string that knows its element, so lxml builds an element object
    for it; the test reads only the string's text, and the expressions' results are
    elements either way. Same expressions, same namespace, the same elements selected,
    in less time (bench/NOTES.md has the measurement). The lists are changed in place,
    since trafilatura's modules hold them by reference. A list that is not what the
    pinned trafilatura has (a list of compiled expressions), or a trafilatura without the
    regular expressions' namespace, keeps its own: never more than a slower clean.
    """
    from lxml.etree import XPath
    from trafilatura import xpaths

    namespace = getattr(xpaths, "REGEXP_NS", None)
    if not isinstance(namespace, str):
        return
    namespaces = {"re": namespace}
    for name in PRUNE_XPATHS:
        expressions = getattr(xpaths, name, None)
        if not (isinstance(expressions, list)
                and all(isinstance(e, XPath) and isinstance(e.path, str) for e in expressions)):
            continue
        try:
            again = [XPath(e.path, namespaces=namespaces, smart_strings=False)
                     for e in expressions]
        except Exception:  # noqa: BLE001 - an expression lxml cannot compile so: keep them
            continue
        expressions[:] = again


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


def _htmldate(html: str, url: str | None, latest: dt.date) -> str | None:
    from htmldate import core, find_date

    _only_date_lines(core)
    try:
        with warnings.catch_warnings():
            # dateutil warns about time-zone names it cannot place; the date is still right.
            warnings.simplefilter("ignore")
            # htmldate's bound is published.PARSER_HORIZON, not ``latest``: a date after
            # ``latest`` is refused below instead, and the next source asked.
            found = find_date(html, url=url, max_date=PARSER_HORIZON.isoformat(),
                              **DATE_OPTIONS)
    except Exception:  # noqa: BLE001 - a date is optional; broken markup must not end the page
        return None
    return found if isinstance(found, str) and plausible(found, latest) else None


# A date string no locale's words read ("Xqzv" is no month in any of them): handed to
# htmldate's date parser, it makes dateparser try, and so compile, every locale.
UNREAD_DATE = "3 Xqzv 2021"


def warm_date_parser() -> None:
    """Compile what htmldate's date parser (dateparser) compiles once per process: the
    word tables of all its locales, which it builds the first time a date string reaches
    it that no locale reads (1.2 s CPU and ~35 MiB; bench/NOTES.md). Called before a
    process's first HTML page, outside the page's limits, so no page pays it inside its
    time. The tables are a cache (locale by locale, the same whenever compiled) and the
    parser htmldate keeps remembers no earlier string, so no date found changes. A htmldate
    without ``get_external_parser`` (not the pinned version) is left to compile on first
    use."""
    try:
        from htmldate import extractors

        parser = getattr(extractors, "get_external_parser", None)
        if callable(parser):
            parser().get_date_data(UNREAD_DATE)
    except Exception:  # noqa: BLE001 - warming only; a real page reports its own
        return


def _only_date_lines(core: Any) -> None:
    """htmldate's free-text steps restricted as DATE_OPTIONS' comment says. find_date looks
    the module's globals up at each call: the one way htmldate offers to change them. A
    htmldate without these two names (not the pinned version) is left as it is, and
    tests/test_extract.py fails, so the pin is not raised unnoticed."""
    if not all(hasattr(core, name) for name in ("compare_reference", "search_page")):
        return
    if core.search_page is _no_page_search:
        return
    compare = core.compare_reference

    def date_lines_only(reference: Any, expression: str, options: Any) -> Any:
        return compare(reference, expression, options) if line_date(expression.strip()) \
            else reference

    core.compare_reference = date_lines_only
    core.search_page = _no_page_search


def _no_page_search(htmlstring: str, options: Any) -> None:
    return None


def plausible(iso: str, latest: dt.date | None = None) -> bool:
    """A real calendar day between MIN_DATE and ``latest`` (``published.latest_day``, the
    run's day's next when not given): not parse noise, not after the page could have been
    dated."""
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return False
    return MIN_DATE <= day <= (latest or latest_day(None))


def _date_from_text(text: str, latest: dt.date) -> tuple[str, str] | None:
    """A date line opening the text (``published.date_from_text``), when plausible."""
    hit = date_from_text(text)
    return hit if hit is not None and plausible(hit[0], latest) else None


# /2020/08/17/, /2020-08-17-, _20200817_ ...: a day in the path, with its separators; and
# /2019/nov/18/, the month by its English name or abbreviation between slashes.
_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[/_.-]?)(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?!\d)"
    r"|(?<![^/])(?P<y2>(?:19|20)\d\d)/(?P<mon>" + "|".join(sorted(MONTH_NUMBERS, key=len,
                                                                 reverse=True))
    + r")/(?P<d2>[0-3]?\d)(?![^/])", re.I)


def date_from_url(url: str, latest: dt.date | None = None) -> tuple[str, str] | None:
    """A full date in the URL's path, as many CMSs write one."""
    path = urlsplit(url).path if url else ""
    for m in _URL_DATE.finditer(path):
        if m["y2"]:
            day = calendar_day(int(m["y2"]), MONTH_NUMBERS[m["mon"].lower()], int(m["d2"]))
        else:
            day = calendar_day(int(m["y"]), int(m["m"]), int(m["d"]))
        if day is not None and plausible(day.isoformat(), latest):
            return day.isoformat(), DateSource.URL.value
    return None
