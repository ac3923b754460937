"""Cleaning: a RawPage becomes an Article with its headline, outlet, wire, dateline and date.

    1. the page's text       HTML through ``extract.extract_html``; text dumps as they are
    2. metadata lines        outlet line, timestamps, reading time, tags: used, not kept
    3. boilerplate           ``boilerplate.select`` keeps the article's lines (text dumps
                             only: HTML extracts and dataset text arrive clean)
    4. headline              a title-like line just above the body, or one printed twice
                             (not in a list of titles), that shares words with the body
    5. repetition            a paragraph (or run of them) repeated in the page is kept once
    6. lead metadata         dateline, "(OUTLET)" openings, wire credits
    7. publication date      ``published``: header, HTML metadata, dateline, stamp, URL

``Article.text`` is the headline the page printed (when found) and the kept paragraphs,
verbatim, joined by blank lines; every later offset points into it. A headline that comes
only from metadata (HTML, a JSONL title) stays in ``Article.title``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..errors import ExtractError
from ..records import Article, RawPage, content_id
from ..settings import Settings
from . import boilerplate, bylines, outlets, published

__all__ = ["Lead", "clean", "dateline", "find_headline", "read_lead"]

# A headline has at least this many words (shorter title lines are section labels and
# breadcrumbs: "– NATO – Archive", "Facts") and at most HEADLINE_MAX_WORDS.
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 30
# How many non-empty lines above the body's first line the headline may sit (bylines,
# stamps and "1 min read" come between; menus are further up).
HEADLINE_WINDOW = 6
# A title-like line of at least this many words right under a shorter title-like line is
# the standfirst or a picture's caption, and the shorter line the headline. (Headlines in
# dumps-scrapinghub have a median of 9 words; the standfirsts and captions that sat between
# headline and byline there 17 to 28.)
STANDFIRST_WORDS = 16
# A furniture line shorter than this is a widget's label, passed over on the way up.
SENTENCE_WORDS = boilerplate.SENTENCE_WORDS
# How many lines from the top a headline printed twice may be found in.
TOP_LINES = 25
# A headline says what its article is about: a title-like line with at least
# HEADLINE_CONTENT_WORDS content words (not stopwords, numbers or words under three letters)
# none of which the body's first BODY_WORDS words use is another story's title (a "most read"
# list, a sidebar) or furniture ("These are external links..."). Chosen on the two dump
# bundles' printed headlines against their HTML pages' titles (bench/NOTES.md): 2 words and
# 500 body words rejected 1 of 143 agreeing titles and 45 of 106 differing ones.
HEADLINE_CONTENT_WORDS = 2
BODY_WORDS = 500
# A line further up replaces a rejected headline: the one sharing most content words with
# the body, at least this share of its own (list items that share a word with the article
# are passed over: on the dumps the pages' own headlines shared 0.33-1.0 of their words, the
# list items and captions around them 0-0.25).
HEADLINE_SHARE = 0.3
# A title printed twice is a list's item when one copy stands in a run of this many short
# title-like lines ("more videos", "latest"). On the dumps 3 and 4 also caught pages' own
# headlines printed in a short "latest" box as well as above the body; 5 and 6 only
# playlists and "most read" lists.
HEADLINE_LIST_RUN = 5
# An outlet line at the top of a dump (the header's tail) is a name of at most this many
# words with no sentence punctuation.
OUTLET_MAX_WORDS = 4
# A page whose whole text is this short and says that a bot wall, an error or a consent
# screen stood in the article's place is not an article (a stored "Request unsuccessful.
# Incapsula incident ID ..." would be a story of its own). 40 words holds every such screen
# met in the bundles and crawls, and no article text is that short and worded so.
NOT_ARTICLE_MAX_WORDS = 40
# ... and names it in its first line, within this many characters ("Access denied", "Error
# 404 - Page not found", "Request unsuccessful."): a brief reporting such a screen names it
# inside a sentence further on.
NOT_ARTICLE_OPENING_CHARS = 60
NOT_ARTICLE = re.compile(
    r"incapsula incident|request unsuccessful|access denied|403 forbidden|404 not found"
    r"|page not found|enable (?:javascript|cookies)|checking your browser|are you a robot"
    r"|unusual traffic|captcha|attention required|ddos protection|service unavailable",
    re.I)

READING_TIME = re.compile(r"^\d+\s*(?:min(?:ute)?s?|мин)\.?\s*(?:read|reading|чтения)?$", re.I)
TAGS = re.compile(r"^(?:tags?|topics?|keywords?)\s*:", re.I)
SEPARATOR_START = re.compile(r"^[\W_]")
# A clock time or a numeric date: a line holding one is a stamp line ("21:17 18.11.2019",
# "05/10/2018 - Publicado por: ..."), never a headline.
CLOCK_OR_DATE = re.compile(
    r"(?<![\w.,:/])(?:\d{1,2}:\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?![\w.,:/]\d)")
# A breadcrumb trail: "Blog > Health > Tips", "Home » Column »".
BREADCRUMB = re.compile(r"[>»›](?:.*[>»›]|\s*$)")
# "(MENAFN) NATO Secretary ..." - an outlet in brackets opening the body.
OPENING_OUTLET = re.compile(r"^\(([A-Z][\w .&'-]{1,40})\)\s+")
# A dateline's shape: a place of capitalised words, its region after a comma, a date, an
# agency's credit in brackets, a dash or a colon ("Brussels, December 2 (European Press) –",
# "KYIV, Sept 3 (Reuters) -", "HANOI, Vietnam (AP) —", "LONDON (AP) —", "VIENNA — ", and
# the underscore ASCII wire copy types for a dash: "NEWARK, N.J. _", "JERUSALEM (AP)_"); see
# ``dateline`` for when it opens a paragraph as one.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){0,3})"
    r"(?:,\s+(?P<region>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}))??,?\s+"
    r"(?:(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}"
    r"(?:\s+\d{4})?))\s*)?(?:\((?P<credit>[^)]{2,40})\)\s*)?(?P<dash>[–—-]+|:|_)\s*")
# "UNN reports with reference to Anadolu", "..., Ukrinform reports citing Reuters".
CREDIT = re.compile(
    r"\b(?P<outlet>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,3})\s+reports?,?\s+(?:with reference to|"
    r"citing|quoting|according to|referring to)\s+(?:the\s+)?(?P<wire>[A-Z][\w.-]*"
    r"(?:\s[A-Z][\w.-]*){0,3})(?<!\.)")


@dataclass(frozen=True, slots=True)
class Lead:
    """What the top of the body says about the article itself."""

    dateline: str | None = None
    dateline_date: str | None = None
    outlet: str | None = None
    wire: str | None = None


def clean(page: RawPage, settings: Settings) -> Article:
    """Clean one page; raises ExtractError when no article text is left."""
    text, meta = _page_text(page)
    text = boilerplate.unglue_replacement(text)  # "Golden\ufffdof" -> "Golden of"
    _refuse_error_screen(text)
    lines = text.splitlines()
    # only a dump's header names its outlet on the first line; a dataset's text opening
    # with its dateline ("HAVANA (AP) --", timex-tbaq) does not
    outlet_line = _outlet_line(lines) if page.kind == "text" and page.published else None
    # In text that arrives already extracted, a line holding only a date is the article's
    # dateline ("March 01, 2008" under the headline): part of the text, and a time anchor.
    keep_dates = page.kind != "text"
    meta_idx = {i for i, line in enumerate(lines)
                if _is_metadata(line, outlet_line) and not (keep_dates and _dated(line))}
    if page.kind == "text":
        stoplist = boilerplate.stoplist_for(text)
        body = [i for i in boilerplate.select(lines, stoplist) if i not in meta_idx]
        start = body[0] if body else 0  # where the page's date is looked for, as before
        # credits, bylines, contact and date lines inside the region are not the article's
        # text (dumps-scrapinghub: 24 of 27 such lines kept were not in the gold body;
        # body F1 0.8727 -> 0.8747 with them out)
        body = [i for i in body if not bylines.about_article(lines[i])] or body
    else:  # extracted HTML and dataset text arrive clean: the region search would trim them
        body = [i for i, line in enumerate(lines) if line.strip() and i not in meta_idx]
        start = body[0] if body else 0
        stoplist = frozenset()
        if page.html and not page.text:  # a widget's label the extractor kept ("Advertisement")
            body = [i for i in body if not boilerplate.widget_label(lines[i])] or body
    printed = find_headline(lines, body, stoplist) if page.kind == "text" else None
    title = page.title or meta.title or printed
    paragraphs = _once([boilerplate.unglue_cards(lines[i].strip()) for i in body], printed)
    if paragraphs and all(map(boilerplate.placeholder, paragraphs)):
        if not title:
            raise ExtractError("placeholder-text", "the text is dummy Latin (lorem ipsum), "
                               "a paywall's or template's stand-in for the article")
        # the page's own words are its title alone: kept (its date, outlet and address
        # are the article's), the dummy body dropped
        paragraphs = [title]
    paragraphs = [p for p in paragraphs if not boilerplate.placeholder(p)]
    above = [x.strip() for x in lines[:body[0]] if x.strip()][-2:] if body else []
    lead = read_lead(paragraphs, above)
    if not paragraphs:
        raise ExtractError("no-text", "nothing left after cleaning")
    if printed:  # the page printed its headline: it is part of the article's text, once
        paragraphs.insert(0, printed)
    article_text = "\n\n".join(paragraphs)
    day, how = _date(page, meta, lead, lines, start)
    guess = published.estimate(article_text, _fetched(page)) if day is None else None
    # a dump without a URL names its site only in a title line ("Headline - Site")
    titled = outlets.title_line_outlet(lines, printed) if page.kind == "text" else None
    return Article(
        id=content_id(page.source_id, page.url, article_text), source_id=page.source_id,
        source=page.source, text=article_text, title=title,
        outlet=outlets.outlet_for_url(outlets.own_url(page.final_url or page.url, meta.url,
                                                      meta.outlet)) or page.outlet
        or meta.outlet or outlet_line or titled or lead.outlet,
        url=page.url or meta.url, published=day, published_from=how, wire=lead.wire,
        dateline=lead.dateline, kind=page.kind, fetched_at=page.fetched_at,
        final_url=page.final_url, published_estimate=guess.day.isoformat() if guess else None,
        published_estimate_from=guess.how if guess else None)


def _refuse_error_screen(text: str) -> None:
    """Raise ExtractError when the page's whole text is a bot wall or an error screen."""
    short = len(text.split(maxsplit=NOT_ARTICLE_MAX_WORDS)) <= NOT_ARTICLE_MAX_WORDS
    # Such a screen opens with what it is; a short news brief may mention one further on.
    opening = text.lstrip().split("\n", 1)[0][:NOT_ARTICLE_OPENING_CHARS]
    if short and (found := NOT_ARTICLE.search(opening)):
        raise ExtractError("not-an-article", f"an error or bot-wall screen: {found.group()!r}")


@dataclass(frozen=True, slots=True)
class _Meta:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_from: str | None = None


def _page_text(page: RawPage) -> tuple[str, _Meta]:
    """The page's text and what its HTML metadata says; text dumps carry none."""
    if page.html and not page.text:
        from .html import extract_html

        x = extract_html(page.html, page.url, published.latest_day(_fetched(page)))
        return x.text, _Meta(x.title, x.outlet, x.url, x.published, x.published_from)
    return page.text or "", _Meta()


def _outlet_line(lines: list[str]) -> str | None:
    """A dump's first line when it is a bare name (the header's tail: "Interfax-Ukraine")."""
    first = next((x.strip() for x in lines if x.strip()), "")
    words = first.split()
    if not words or len(words) > OUTLET_MAX_WORDS or boilerplate.TERMINAL.search(first):
        return None
    return first if first[0].isupper() and not published.stamp_date(first) else None


def _is_metadata(line: str, outlet_line: str | None) -> bool:
    s = line.strip()
    return bool(s) and (s == outlet_line or bool(READING_TIME.match(s) or TAGS.match(s))
                        or bool(boilerplate.TIMESTAMP.match(s)))


def _title_like(line: str) -> bool:
    s = line.strip()
    words = s.split()
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS:
        return False
    if SEPARATOR_START.match(s) and s[0] not in "\"“‘'":
        return False
    ends_sentence = s.endswith(".") and not s.endswith("...")
    # (the dateline's shape, not ``dateline``: a line of at most four capitalised words is
    # a name, an outlet's or a section's, as "Sioux Falls Argus Leader –" reads as a place)
    furniture = boilerplate.FURNITURE.search(s) or DATELINE.match(s + " –") or \
        BREADCRUMB.search(s) or CLOCK_OR_DATE.search(s)
    return not ends_sentence and not furniture and not bylines.about_article(s)


def _widget(line: str) -> bool:
    """A short furniture line ("Continue reading", "Share this") or a breadcrumb trail."""
    return len(boilerplate.WORD.findall(line)) < SENTENCE_WORDS and bool(
        boilerplate.FURNITURE.search(line) or BREADCRUMB.search(line))


def find_headline(lines: list[str], body: list[int],
                  stoplist: frozenset[str] = frozenset()) -> str | None:
    """The page's printed headline: a line printed twice near the top, else the title-like
    line just above the body; one that shares no word with the body is passed over for the
    line above that shares most (``stoplist``: the page's stopwords)."""
    if not body:
        return None
    start = body[0]
    # a headed list of other stories above the body is no headline's place; a byline ends
    # it (the page's headline under a list's last title)
    in_lists = boilerplate.headed_list_lines(lines[:start], bylines.about_article)
    in_lists |= boilerplate.caption_lines(lines[:start])  # a caption over the body is none
    tops = [x.strip() for i, x in enumerate(lines[:start])
            if x.strip() and i not in in_lists][-TOP_LINES:]
    about = _content_words(" ".join(lines[i] for i in body), stoplist, BODY_WORDS)
    twice, above = _printed_twice(tops), _just_above(tops)
    # a title printed twice, once in a list of other stories' titles, is that list's item,
    # unless it also stands just above the body; the list then runs down to the body, and
    # the line just above it, when listed too, is the list's last item
    listed = _listed(tops) if twice and twice != above else set()
    if twice in listed:
        twice, above = None, None if above in listed else above
    found = [x for x in (twice, above) if x]
    for x in found:
        if _about(x, about, stoplist):
            return x
    return _sharing(tops, about, stoplist) if found else None


def _listed(tops: list[str]) -> set[str]:
    """Lines that stand in a run of HEADLINE_LIST_RUN or more short title-like lines: a list
    of other stories' titles ("most read", "more videos")."""
    short = [_title_like(x) and len(x.split()) < STANDFIRST_WORDS for x in tops]
    return {x for i, j in boilerplate.long_runs(short, HEADLINE_LIST_RUN) for x in tops[i:j]}


def _printed_twice(tops: list[str]) -> str | None:
    keys = [boilerplate.key(x) for x in tops]
    for x, k in zip(tops, keys, strict=True):
        if keys.count(k) > 1 and _title_like(x):
            return x
    return None


def _candidates(tops: list[str]) -> list[str]:
    """The lines above the body that may be its headline: no metadata, bylines, widgets."""
    return [x for x in tops if not _is_metadata(x, None) and not _only_dateline(x)
            and not bylines.about_article(x) and not _widget(x)]


def _just_above(tops: list[str]) -> str | None:
    window = _candidates(tops)[-HEADLINE_WINDOW:]
    for j in range(len(window) - 1, -1, -1):
        x = window[j]
        if _title_like(x):
            up = window[j - 1] if j else ""
            long_line = len(x.split()) >= STANDFIRST_WORDS
            if long_line and _title_like(up) and len(up.split()) < len(x.split()):
                return up  # x is the standfirst or a caption under the headline
            return x
        if len(x.split()) >= HEADLINE_MIN_WORDS:
            return None  # a sentence or label stands between: the headline is not here
    return None


def _content_words(text: str, stoplist: frozenset[str], limit: int | None = None) -> set[str]:
    words = boilerplate.WORD.findall(text.lower())[:limit]
    return {w for w in words if len(w) >= 3 and w not in stoplist and not w.isdigit()}


def _about(line: str, about: set[str], stoplist: frozenset[str]) -> bool:
    """Whether a headline may be the body's: it shares a content word with it, or has too
    few content words to tell."""
    own = _content_words(line, stoplist)
    return len(own) < HEADLINE_CONTENT_WORDS or bool(own & about)


def _sharing(tops: list[str], about: set[str], stoplist: frozenset[str]) -> str | None:
    """The title-like line above the body that shares most content words with the body (at
    least HEADLINE_SHARE of its own); the nearest to the body on a tie."""
    best, best_shared = None, 0
    for x in reversed(_candidates(tops)):
        own = _content_words(x, stoplist)
        if len(own) < HEADLINE_CONTENT_WORDS or not _title_like(x):
            continue
        shared = len(own & about)
        if shared >= HEADLINE_SHARE * len(own) and shared > best_shared:
            best, best_shared = x, shared
    return best


def _once(paragraphs: list[str], title: str | None) -> list[str]:
    """Each paragraph once, in first-seen order; the headline's repeats are dropped."""
    seen = {boilerplate.key(title)} if title else set()
    out = []
    for p in paragraphs:
        k = boilerplate.key(p)
        if k and k not in seen:
            seen.add(k)
            out.append(p)
    return out


def _dated(line: str) -> bool:
    stamp = boilerplate.TIMESTAMP.match(line.strip())
    return bool(stamp) and published.stamp_date(line) is not None


def dateline(text: str) -> re.Match[str] | None:
    """The dateline opening ``text`` (groups ``place``, ``region``, ``date``, ``credit``,
    ``dash``): the DATELINE shape with a date, an agency's credit or its place in capitals
    ("VIENNA — "); None when the text opens with none: capitalised words before a dash
    are a sentence's subject as often ("Mark Rutte — the alliance's head — said ...")."""
    m = DATELINE.match(text)
    if m is None:
        return None
    place = m.group("place")
    return m if m.group("date") or m.group("credit") or (
        len(place) > 1 and place.isupper()) else None


def _only_dateline(p: str) -> bool:
    m = dateline(p.strip())
    return bool(m and (m.group("date") or m.group("credit")) and m.end() >= len(p.strip()))


def read_lead(paragraphs: list[str], above: list[str] | None = None) -> Lead:
    """Dateline, bracketed outlet and wire credit from the first paragraphs.

    ``above`` are the lines just above the body: a dateline standing on its own line
    is page furniture to the boilerplate pass but still the article's dateline.
    """
    filed = day = outlet = wire = None
    for p in (above or []) + paragraphs[:2]:
        m = dateline(p)
        if m and (m.group("date") or m.group("credit")) and m.group("dash") != ":":
            filed, day = p[:m.end()].strip(), m.group("date")
            credit = m.group("credit")
            # a bracketed credit naming a news agency (the outlet table's wires) is the
            # wire, a press-release service's ("(ots)") neither, any other the outlet
            if credit and outlets.is_wire_agency(credit):
                wire = credit
            elif credit and not outlets.is_release_service(credit):
                outlet = credit
            break
    if paragraphs and (m2 := OPENING_OUTLET.match(paragraphs[0])) \
            and not outlets.is_release_service(m2.group(1)):
        outlet = outlet or m2.group(1)
    for p in paragraphs[:1] + paragraphs[-1:]:
        if c := CREDIT.search(p):
            outlet, wire = outlet or c.group("outlet"), wire or c.group("wire")
    return Lead(filed, day, outlet, wire)


def _date(page: RawPage, meta: _Meta, lead: Lead, lines: list[str],
          start: int) -> tuple[str | None, str]:
    """The page's own publication day and how it was found, most trusted source first;
    None, with the reason, when the page states none (``published.page_date``)."""
    if page.published:
        return page.published[:10], published.DateSource.HEADER.value
    if meta.published:
        return meta.published[:10], meta.published_from or published.DateSource.HTML_META.value
    found = published.page_date_or_why(lines, start, lead.dateline_date, page.url or meta.url,
                                       not_after=_fetched(page))
    if not isinstance(found, published.OwnDate):
        # The HTML reader's own reason when it set a date aside ("a UTC time near midnight")
        # says more than that the text states none.
        refused = meta.published_from if meta.published_from == \
            published.DateSource.NONE_UTC.value else None
        return None, refused or found.value
    return found.day.isoformat(), found.source.value


def _fetched(page: RawPage) -> date | None:
    """The day the page was fetched: no date it mentions is later than that."""
    try:
        return date.fromisoformat(page.fetched_at[:10]) if page.fetched_at else None
    except ValueError:
        return None
