"""URL canonicalisation: one article reached by two links is fetched and stored once."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that only track the click, never select content (utm_* from Google
# Analytics, fbclid/gclid/msclkid from ad networks, mc_* from Mailchimp, and the common
# newsletter/social "ref"/"cmpid" markers seen on news sites).
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "ref", "ref_src",
    "cmpid", "ito", "ocid", "smid", "sr_share", "igshid", "_ga", "guccounter",
})
_CANONICAL = re.compile(
    r"<link\b[^>]*\brel=[\"']?canonical[\"']?[^>]*>", re.I)
_HREF = re.compile(r"\bhref=[\"']([^\"'>\s]+)[\"']", re.I)


def canonicalize(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)]
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, urlencode(sorted(query)), ""))


def canonical_from_html(html: str, base_url: str) -> str | None:
    """The page's own ``<link rel=canonical>``, resolved and canonicalised, if it has one."""
    tag = _CANONICAL.search(html[:200_000])
    if not tag:
        return None
    href = _HREF.search(tag.group(0))
    if not href:
        return None
    target = urljoin(base_url, href.group(1))
    return canonicalize(target) if target.startswith(("http://", "https://")) else None


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"
