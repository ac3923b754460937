"""Outlets from URLs: the site's registered domain, named by a table of news sites.

A page with a URL belongs to the outlet of its registered domain (``edition.cnn.com`` ->
``cnn.com`` -> "CNN"); a domain the table (``data/outlets.tsv``) does not know is shown as
itself ("alarmeringen.nl"). The registered domain comes from the Public Suffix List
snapshot bundled with tldextract, never fetched: the answer is the same offline and on
every machine. Blogs on a shared host ("someone.blogspot.com") are their own outlets,
because the list's private section names those hosts as suffixes; a shared host the list
does not name (the country domains of Blogger, "someone.blogspot.nl") is marked so in the
table.

The same table says which outlets are news agencies and the names articles cite outlets
by: the cleaner tells a wire's dateline credit ("(Reuters)") from an outlet's own, and
the quote finder tells an outlet that "reported" from a speaker, both from this data and
no list of names in code. It also names the press-release services ("Lindau (ots) -",
news aktuell's code): a credit naming one says how a release was sent out, not who
published the page, so it is neither the page's outlet nor a wire.

A page without a URL names its site only where it says so: a text dump whose first line is
the page's title, its headline then a dash or bar and the site's name ("Ferry strike ends
after nine days - The Guardian"), names "The Guardian" (:func:`title_line_outlet`). The
part beside the headline is a site's name only when the table knows it or the page prints
it again in its copyright line ("© 2031 Harbour Gazette"): a title's tail is as often a
section ("Opinion"), the author, "Live updates" or "Page 2", none of them an outlet. A
menu or a sister site's name at the top names nothing: a dump that carries no title line
has no outlet, never one guessed from its words.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from ..text import fold

__all__ = ["domain_names", "is_release_service", "is_wire_agency", "known_outlets",
           "outlet_for_url",
           "outlet_words", "own_url", "registered_domain", "shared_hosts", "title_line_outlet",
           "wire_agency_names"]

TABLE = "data/outlets.tsv"
# The table's kinds (its third column): a news agency, and a shared host whose every site
# ("someone.blogspot.nl") is an outlet of its own.
WIRE_KIND = "wire"
HOST_KIND = "host"
# ... and a press-release service, whose credit ("(ots)") names no outlet.
RELEASE_KIND = "release"
KINDS = frozenset({WIRE_KIND, HOST_KIND, RELEASE_KIND, "-"})
# What stands between a page title's headline and the site's name: "Headline - Site",
# "Headline | Site", "Headline – Site" (spaces around it, so "Dallas-Fort Worth" is one name).
TITLE_SEPARATOR = re.compile(r"\s+[-–—|]\s+")
# A site's name in a title line is a name of at most this many words ("Channel 7 Lake
# County-North" is four; "Sailing | F2 | Rally | Karting | Rowing" is a keyword list, no
# name), ending in no sentence punctuation.
TITLE_SITE_MAX_WORDS = 5
_SENTENCE_END = re.compile(r"[.!?:;,]$")
# A title line's headline has at least this many words: "Home | News" over a menu the
# footer prints again is two labels, no headline and site.
TITLE_HEADLINE_MIN_WORDS = 3
# How many leading words of the printed headline its title may leave out (an article: of
# the 5 title lines in dumps-scrapinghub, one dropped "The").
TITLE_DROPPED_WORDS = 1
# A copyright line, where a page prints its owner's name: "©", "(c)", "Copyright", "All
# rights reserved".
COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)
# A domain's name shorter than this is found in a site name only as all of it: "t" or
# "nu" stand inside many names by chance.
NAMED_LABEL_MIN = 4
WEB_SCHEMES = frozenset({"http", "https"})
# A scheme ("https:", "mailto:"), not a host followed by its port ("example.com:8080").
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):(?!\d)")
# A host-like token in running text: labels joined by full stops, the last in lower-case
# letters ("Unica.md", "news.example.co.uk"; a capital may follow, glued by a lost line
# break: "Novinky.czVaše"). A domain name when its ending is a public suffix (see
# domain_names): "U.S.", "p.m." and "said.The" are none.
_HOST_LIKE = re.compile(r"\b[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.[a-z]{2,}(?![a-z0-9])")


@functools.cache
def _extractor() -> Any:
    import tldextract

    # No suffix-list URLs and no cache folder: the bundled snapshot only, no network.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None,
                                 include_psl_private_domains=True)


@functools.cache
def _rows() -> tuple[tuple[str, str, str, tuple[str, ...]], ...]:
    """The table's rows: (domain, name, kind, the names articles cite it by)."""
    text = resources.files("storyline").joinpath(TABLE).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        domain, name, kind, names = (*line.split("\t"), "", "")[:4]
        rows.append((domain.strip().lower(), name.strip(), kind.strip(),
                     tuple(n.strip() for n in names.split("|") if n.strip())))
    return tuple(rows)


@functools.cache
def known_outlets() -> dict[str, str]:
    """The table: registered domain or host -> the outlet's name (shared hosts left out:
    they name no outlet)."""
    return {domain: name for domain, name, kind, _ in _rows() if kind != HOST_KIND}


@functools.cache
def shared_hosts() -> frozenset[str]:
    """Domains that host many sites, each an outlet of its own ("blogspot.nl")."""
    return frozenset(domain for domain, _, kind, _ in _rows() if kind == HOST_KIND)


@functools.cache
def _names_of_kind(kind: str) -> frozenset[str]:
    """Every name of every table row of one kind, lower case."""
    return frozenset(n.lower() for _, name, row_kind, names in _rows() if row_kind == kind
                     for n in (name, *names))


def wire_agency_names() -> frozenset[str]:
    """Every name of every news agency in the table, lower case ("associated press")."""
    return _names_of_kind(WIRE_KIND)


def release_service_names() -> frozenset[str]:
    """Every name of every press-release service in the table, lower case ("ots")."""
    return _names_of_kind(RELEASE_KIND)


def is_release_service(name: str) -> bool:
    """A press-release service's name ("ots", "PR Newswire"), as a dateline credits it."""
    return " ".join(name.split()).lower() in release_service_names()


def title_line_outlet(lines: list[str], headline: str | None) -> str | None:
    """The site's name from a text dump's first line when that line is the page's title:
    the headline (the one the cleaner found, or a line the page prints on its own) and a
    short name, a dash or bar between them, either way round ("Headline - The Guardian",
    "Harbour Gazette | headline"). That name is the site's only when the table knows it
    (its spelling wins) or the page prints it again in a copyright line (:func:`_in_footer`);
    a section, an author or "Live updates" beside the headline names no outlet."""
    found = [x.strip() for x in lines if x.strip()]
    if not found:
        return None
    parts = TITLE_SEPARATOR.split(found[0])
    if len(parts) != 2:  # no separator, or a keyword list beside the headline
        return None
    printed = {fold(x) for x in found[1:]} | ({fold(headline)} if headline else set())
    for title, site in (parts, parts[::-1]):
        if _site_name(site) and _is_headline(title, printed):
            return _named(site) or (site if _in_footer(site, found[1:]) else None)
    return None


def _in_footer(site: str, lines: list[str]) -> bool:
    """Whether the page prints ``site`` again as its owner: a copyright line naming it
    ("© 2031 Harbour Gazette. All rights reserved.", "Copyright Harbour Gazette Ltd")."""
    key = f" {fold(site)} "
    return any(COPYRIGHT.search(x) and key in f" {fold(x)} " for x in lines)


def _site_name(text: str) -> bool:
    return 0 < len(text.split()) <= TITLE_SITE_MAX_WORDS and not _SENTENCE_END.search(text)


def _is_headline(title: str, printed: set[str]) -> bool:
    """Whether a title line's part is a headline the page prints: the same words, or all
    but its first TITLE_DROPPED_WORDS ("The Harbour Pilots Return ..." printed, "Harbour
    Pilots Return ... – Harbour Gazette" its title)."""
    key = fold(title)
    return len(key.split()) >= TITLE_HEADLINE_MIN_WORDS and any(
        p == key or (p.endswith(" " + key) and p.count(" ") == key.count(" ") +
                     TITLE_DROPPED_WORDS) for p in printed)


def _named(name: str) -> str | None:
    """The table's name of an outlet cited as ``name`` ("BBC News" -> "BBC"), if any."""
    return _cited_names().get(fold(name))


@functools.cache
def _cited_names() -> dict[str, str]:
    """Every name and cited form in the table, folded -> the outlet's name (first row wins)."""
    out: dict[str, str] = {}
    for _, own, kind, names in _rows():
        if kind != HOST_KIND:
            for n in (own, *names):
                out.setdefault(fold(n), own)
    return out


def is_wire_agency(name: str) -> bool:
    """A news agency's name ("Reuters", "Agence France-Presse"), as a dateline credits it."""
    return " ".join(name.split()).lower() in wire_agency_names()


@functools.cache
def outlet_words() -> frozenset[str]:
    """The one-word names articles cite outlets by, folded ("reuters", "bbc", "spiegel"):
    a phrase holding one names an outlet."""
    folded = (fold(n) for _, _, _, names in _rows() for n in names)
    return frozenset(f for f in folded if f and " " not in f)


def _host(url: str) -> str | None:
    url = url.strip()
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in WEB_SCHEMES:
        return None  # mailto:, file:, data: name no web site
    try:
        host = urlsplit(url if scheme else "//" + url).hostname
    except ValueError:  # a malformed address (bad port, brackets) names no host
        return None
    host = (host or "").rstrip(".")
    return host.removeprefix("www.") or None


def registered_domain(url: str | None) -> str | None:
    """'https://news.bbc.co.uk/x' -> 'bbc.co.uk'; an address or intranet host as it is."""
    host = _host(url) if url else None
    if not host:
        return None
    parts = _extractor()(host)
    domain = str(parts.top_domain_under_public_suffix or host)
    if domain in shared_hosts() and host != domain:  # the site under the shared host
        return ".".join(host.split(".")[-(domain.count(".") + 2):])
    return domain


def domain_names(text: str) -> list[str]:
    """The domain names ``text`` names: host-like tokens whose ending is a public suffix of
    the bundled list with a label before it ("Unica.md", "example.co.uk"), in order."""
    out = []
    for m in _HOST_LIKE.finditer(text):
        parts = _extractor()(m.group())
        if parts.suffix and parts.domain:
            out.append(m.group())
    return out


def own_url(fetched: str | None, canonical: str | None, site_name: str | None) -> str | None:
    """The address that names the page's outlet: the fetched one, or the page's own
    canonical address (``<link rel=canonical>``, og:url) when the page was fetched through
    a host that is not its own: a feed proxy or redirector ("feedproxy.google.com/~r/
    PublicoRSS/...", "news.google.com/__i/rss/rd/...") serves another site's page.

    The fetched host is not the page's own when the canonical address names a domain (an IP
    address names none) under another name (the label before the public suffix:
    "businessinsider.com" and ".de", "jaraguadosul.com.br" and ".sc.gov.br" are one site's
    editions) and the page's site name does not name the fetched domain either (an East
    Bay Times page whose canonical is its sister paper's, mercurynews.com, names itself
    "East Bay Times": fetched where it was published), nor does the outlet table ("Yahoo
    News" republishing a New York Times article is the page's outlet)."""
    if not fetched or not canonical:
        return fetched or canonical
    own, at = _label(canonical), _label(fetched)
    if own is None or at is None or own == at or _table_outlet(fetched):
        return fetched  # an outlet the table knows publishes, it proxies nothing
    if site_name and _names_label(site_name, fetched):
        return fetched
    return canonical


def _label(url: str) -> str | None:
    """The registered domain's name without its public suffix ("news.bbc.co.uk" -> "bbc");
    None for an address without one (an IP address, an intranet host)."""
    host = _host(url)
    if not host:
        return None
    parts = _extractor()(host)
    return str(parts.domain).lower() if parts.suffix and parts.domain else None


def _names_label(name: str, url: str) -> bool:
    """Whether a site name names the site at ``url``: its letters, without spaces and
    marks, are the domain's name or hold it ("East Bay Times" and eastbaytimes.com; a name
    of under NAMED_LABEL_MIN letters, "t.co", only as the whole name), or the outlet table
    names that domain so ("BBC News" for bbc.co.uk)."""
    label = _label(url)
    squashed = fold(name).replace(" ", "")
    if not label or not squashed:
        return False
    bare = label.replace("-", "")
    if bare == squashed or (len(bare) >= NAMED_LABEL_MIN and bare in squashed):
        return True
    table = outlet_for_url(url)
    return table is not None and _named(name) == table


def outlet_for_url(url: str | None) -> str | None:
    """The outlet of the page at ``url``: the table's name for its host or registered
    domain (the most specific row wins), else the registered domain; None without a host."""
    if not url:
        return None
    return _table_outlet(url) or registered_domain(url)


def _table_outlet(url: str) -> str | None:
    """The table's name for the host of ``url`` or its registered domain (the most
    specific row wins); None when the table has no row for it."""
    host = _host(url)
    domain = registered_domain(url)
    if not host or not domain:
        return None
    table = known_outlets()
    labels = host.split(".")
    for i in range(len(labels) - len(domain.split(".")) + 1):
        name = table.get(".".join(labels[i:]))
        if name:
            return name
    return None
