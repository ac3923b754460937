"""Where a redirect may lead: same host, hosts the user named, or public addresses (SSRF).

A page on the web must not be able to send the crawler to an address the user cannot be
assumed to have meant: the machine itself, the local network, a cloud metadata service.
A redirect is followed only to the same origin (scheme change http -> https allowed), to a
host the user named on the command line, or, when the user allows cross-host redirects, to
a host whose every address is public. Anything but http(s) is refused outright. A link a
feed or sitemap lists is fetched when it is on the listing's host, a named host, or public.

Host names are resolved here and every address is checked (IPv4, IPv6, IPv4-mapped IPv6);
httpx resolves again when it connects, so a name whose answer changes in between (DNS
rebinding) is not caught.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}

# host, port -> the addresses it resolves to; getaddrinfo by default, replaceable in tests.
Resolver = Callable[[str, int], list[str]]


def origin(url: str) -> tuple[str, int] | None:
    """(host, port) of an http(s) URL, port filled in from the scheme; None otherwise."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return parts.hostname.lower().rstrip("."), port or DEFAULT_PORTS[scheme]


def named_origins(urls: Iterable[str]) -> frozenset[tuple[str, int]]:
    """The origins of the URLs the user gave, the only non-public places a run may reach."""
    found = (origin(u) for u in urls)
    return frozenset(o for o in found if o is not None)


def resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    return [str(info[4][0]) for info in infos]


def cached(resolver: Resolver) -> Resolver:
    """``resolver`` answering each (host, port) once: a feed's links share a few hosts."""
    remembered = functools.lru_cache(maxsize=4096)(resolver)
    return lambda host, port: remembered(host, port)


def is_public(address: str) -> bool:
    """True for a globally routable unicast address; IPv4-mapped IPv6 is judged as IPv4."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return is_public(str(ip.ipv4_mapped))
        embedded = ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not is_public(str(embedded)):
            return False
    return ip.is_global and not (ip.is_private or ip.is_loopback or ip.is_link_local
                                 or ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def redirect_refusal(current: str, target: str, named: frozenset[tuple[str, int]],
                     cross_host: bool, resolver: Resolver = resolve) -> str | None:
    """Why a redirect from ``current`` to ``target`` must not be followed, or None.

    The answer is an error string ``reason: detail``: ``redirect-scheme`` for anything but
    http(s), ``redirect-blocked`` for a host that is neither the same nor allowed.
    """
    to = origin(target)
    if to is None:
        scheme = urlsplit(target).scheme.lower() or "none"
        return f"redirect-scheme: {scheme}:// is not fetched"
    here = origin(current)
    if to in named or (here is not None and _same_host(here, to, current, target)):
        return None
    if not cross_host:
        return (f"redirect-blocked: {to[0]}:{to[1]} is another host "
                f"(allow_cross_host_redirects / --allow-cross-host-redirects to follow it)")
    return _not_public(to, "redirect-blocked", resolver)


def link_refusal(listing: str, link: str, named: frozenset[tuple[str, int]],
                 resolver: Resolver = resolve) -> str | None:
    """Why a link a feed or sitemap gave must not be fetched (``address-blocked``), or None.

    Feeds link to other hosts all the time, so any public host will do; the listing's own
    host and the hosts the user named may be private. Other schemes fail when fetched.
    """
    to = origin(link)
    if to is None or to in named or to == origin(listing):
        return None
    return _not_public(to, "address-blocked", resolver)


def _not_public(to: tuple[str, int], reason: str, resolver: Resolver) -> str | None:
    try:
        addresses = resolver(*to)
    except (OSError, UnicodeError) as e:
        return f"{reason}: {to[0]} does not resolve ({type(e).__name__})"
    private = [a for a in addresses if not is_public(a)]
    if private or not addresses:
        shown = private[0] if private else "no address"
        return f"{reason}: {to[0]} resolves to a non-public address ({shown})"
    return None


def _same_host(here: tuple[str, int], to: tuple[str, int], current: str, target: str) -> bool:
    if here == to:
        return True
    # http://host/ -> https://host/ on the default ports is the same site moving to TLS.
    upgrade = (urlsplit(current).scheme.lower(), urlsplit(target).scheme.lower()) == \
        ("http", "https")
    return upgrade and here == (to[0], 80) and to[1] == 443
