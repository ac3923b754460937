"""Outlets from URLs: the site's registered domain, named by a table of news sites.

A page with a URL belongs to the outlet of its registered domain (``edition.cnn.com`` ->
``cnn.com`` -> "CNN"); a domain the table (``data/outlets.tsv``) does not know is shown as
itself ("alarmeringen.nl"). The registered domain comes from the Public Suffix List
snapshot bundled with tldextract, never fetched: the answer is the same offline and on
every machine. Blogs on a shared host ("someone.blogspot.com") are their own outlets,
because the list's private section names those hosts as suffixes.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

__all__ = ["known_outlets", "outlet_for_url", "registered_domain"]

TABLE = "data/outlets.tsv"
WEB_SCHEMES = frozenset({"http", "https"})
# A scheme ("https:", "mailto:"), not a host followed by its port ("example.com:8080").
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):(?!\d)")


@functools.cache
def _extractor() -> Any:
    import tldextract

    # No suffix-list URLs and no cache folder: the bundled snapshot only, no network.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None,
                                 include_psl_private_domains=True)


@functools.cache
def known_outlets() -> dict[str, str]:
    """The table: registered domain or host -> the outlet's name."""
    text = resources.files("storyline").joinpath(TABLE).read_text(encoding="utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            domain, name = line.split("\t")
            table[domain.strip().lower()] = name.strip()
    return table


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
    return str(parts.top_domain_under_public_suffix or host)


def outlet_for_url(url: str | None) -> str | None:
    """The outlet of the page at ``url``: the table's name for its host or registered
    domain (the most specific row wins), else the registered domain; None without a host."""
    host = _host(url) if url else None
    domain = registered_domain(url)
    if not host or not domain:
        return None
    table = known_outlets()
    labels = host.split(".")
    for i in range(len(labels) - len(domain.split(".")) + 1):
        name = table.get(".".join(labels[i:]))
        if name:
            return name
    return domain
