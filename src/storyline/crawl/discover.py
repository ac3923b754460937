"""What a fetched document is: a feed, a sitemap (or sitemap index), or an article page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..ingest.sniff import detect_format

# A sitemap index may point at further indexes; two levels cover every news site seen
# while building this and stop a hostile site from sending the crawler in circles.
MAX_SITEMAP_DEPTH = 2
MAX_LINKS_PER_DOCUMENT = 5_000
_SITEMAP = re.compile(rb"<(urlset|sitemapindex)[\s>]", re.I)


@dataclass(frozen=True, slots=True)
class Discovered:
    kind: str  # "feed" | "sitemap" | "sitemap-index" | "page"
    links: tuple[str, ...] = ()


def classify(url: str, body: bytes, content_type: str) -> Discovered:
    head = body[:4096]
    if _SITEMAP.search(head):
        return _sitemap(body)
    if detect_format(url, body) == "feed" or "rss" in content_type or "atom" in content_type:
        return Discovered("feed", feed_links(body))
    return Discovered("page")


def feed_links(body: bytes) -> tuple[str, ...]:
    import feedparser

    parsed = feedparser.parse(body)
    links = [e.get("link") for e in parsed.entries if e.get("link")]
    return tuple(dict.fromkeys(str(link) for link in links))[:MAX_LINKS_PER_DOCUMENT]


def _sitemap(body: bytes) -> Discovered:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             recover=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return Discovered("sitemap")
    if root is None:
        return Discovered("sitemap")
    locs = [el.text.strip() for el in root.iter() if _local(el.tag) == "loc" and el.text]
    kind = "sitemap-index" if _local(root.tag) == "sitemapindex" else "sitemap"
    return Discovered(kind, tuple(dict.fromkeys(locs))[:MAX_LINKS_PER_DOCUMENT])


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""
