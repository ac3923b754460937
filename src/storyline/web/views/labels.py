"""How every page names things: days, outlets, articles, entity types, links.

The small formatting rules the page views share (an undated value reads "undated", an
article with no outlet reads "outlet not named", a crawled ``javascript:`` link stays
text), and an article as a source line (``brief_view``), the unit most pages list.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import quote as url_quote
from urllib.parse import urlsplit

from ...corpus.sources import outlet_name
from ...records import Article
from ...text import clip

View = dict[str, Any]
# Axis ticks: per year past two years, per month past two months, else per week, and per
# day for a fortnight or less (the labels still fit the axis width at 13px).
YEARLY_MONTHS, MONTHLY_DAYS, DAILY_DAYS = 24, 62, 14
# Characters of an input record's name that tell an outletless article apart in a source
# line: file stems and JSONL ids ("003_bcd59f9d0c8db90d", "36_1ecb") fit; a 64-digit hash is
# cut to its first 16 digits, which no two records of one corpus share.
SOURCE_ID_CHARS = 20
# What a source line says for an article whose page names no outlet (issue 17 s5, RDR2 A10:
# "unknown outlet (003_bcd5…)" read as if an internal id were the outlet).
OUTLET_NOT_NAMED = "outlet not named"
# A copy's kind (``DuplicateLink.kind``, corpus.dedup.KIND_ORDER) as a source line names it.
COPY_LABELS = {"exact": "exact copy", "near": "near copy", "wire": "wire copy",
               "translation": "translation"}
# Characters of an untitled article's lead shown as its title (a line in a list).
LABEL_CHARS = 90
# An entity's type (the model's label) in a reader's words; a label not here is shown in
# lower case.
ENTITY_TYPE_LABELS = {"PERSON": "person", "ORG": "organisation", "GPE": "place",
                      "LOC": "place", "FAC": "building or site", "NORP": "group",
                      "EVENT": "event", "PRODUCT": "product", "WORK_OF_ART": "work",
                      "LAW": "law", "PER": "person", "MISC": "other"}
_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_SAFE_SCHEMES = ("http", "https")


def entity_type(label: str | None) -> str:
    """"ORG" -> "organisation": what a page calls an entity's type."""
    return ENTITY_TYPE_LABELS.get(label or "", (label or "").lower().replace("_", " "))


def safe_url(url: str | None) -> str | None:
    """The URL when it is plain http(s), else None: a crawled ``javascript:`` link stays text."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in _SAFE_SCHEMES and parts.netloc else None


def parse_day(value: str | None) -> date | None:
    """The first day a TimeML-style value covers ("2025-08", "2025-08-14T10:00"), or None."""
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def day_label(value: str | None) -> str:
    """A readable day: "14 Aug 2025", "Aug 2025" or "2025" as precise as the value is."""
    m = _DAY.match(value or "")
    d = parse_day(value)
    if not m or d is None:
        return value or "undated"
    if m[3]:
        return d.strftime("%-d %b %Y")
    return d.strftime("%b %Y") if m[2] else d.strftime("%Y")


def highlight_link(article: str, sent: tuple[int, int] | None,
                   span: tuple[int, int] | None) -> str:
    """The article page with the sentence (and the quoted span inside it) highlighted."""
    # Offsets are whole numbers: nothing in them needs quoting (``urlencode`` was a third of
    # the time a story's rows took, profiled on timex-tbaq).
    params = ([f"s={sent[0]}", f"e={sent[1]}"] if sent else []) + \
        ([f"qs={span[0]}", f"qe={span[1]}"] if span else [])
    query = f"?{'&'.join(params)}" if params else ""
    return f"/articles/{url_quote(article, safe='')}{query}#hl"


def article_label(title: str | None, lead: str | None, source_id: str) -> str:
    """What a list calls an article: its headline, else its first words, else its file."""
    if title and title.strip():
        return " ".join(title.split())
    words = " ".join((lead or "").split())
    if not words:
        return source_id
    return clip(words, LABEL_CHARS)  # whole words, never ending "Gov.…" or ",…"


def day_span(first: str | None, last: str | None) -> str:
    """When a story's articles came out: "19 Aug 2025 – 2 Dec 2025", one day once, or
    "no publication date" when none of them has one."""
    a, b = (day_label(first) if first else None), (day_label(last) if last else None)
    if a is None and b is None:
        return "no publication date"
    if a is None or b is None or a == b:
        return f"published {a or b}"
    return f"published {a} – {b}"


class OutletLabel(str):
    """An outlet as a source line names it ("Harbour Post", "outlet not named
    (003_bcd5…)"), its parts kept: the outlet, and the input record that stands in for a
    missing one. A string, so that the JSON API, sorting and the Markdown report see the
    label; pages print the record in small type from ``record`` (``templating.outlet_html``),
    never by reading the label back."""

    outlet: str
    record: str | None

    def __new__(cls, outlet: str, record: str | None = None) -> OutletLabel:
        label = super().__new__(cls, f"{outlet} ({record})" if record else outlet)
        label.outlet, label.record = outlet, record
        return label


def outlet_label(outlet: str | None, source_id: str | None) -> OutletLabel:
    """An outlet as a source line names it; an article whose page names none reads "outlet
    not named", told apart from the others by its input record ("outlet not named
    (003_bcd5…)"), never one of many alike. Pages print the record in small type
    (``OutletLabel.record``): an input file's name is no outlet."""
    if outlet:
        return OutletLabel(outlet)
    if not source_id:
        return OutletLabel(OUTLET_NOT_NAMED)
    short = source_id if len(source_id) <= SOURCE_ID_CHARS else \
        source_id[:SOURCE_ID_CHARS - 4] + "…"
    return OutletLabel(OUTLET_NOT_NAMED, short)


def source_name(a: View) -> str:
    """The outlet name the corpus gives this article (``corpus.sources.outlet_name``)."""
    return outlet_name(Article(id=a["id"], source_id=a["source_id"], source="", text="",
                               outlet=a["outlet"], url=a["url"], wire=a["wire"],
                               final_url=a.get("final_url")))


def brief_view(a: View, copy_kinds: dict[str, str] | None = None) -> View:
    """An article as a source line: outlet shown (never an internal key), label, link."""
    name = source_name(a)
    kind = (copy_kinds or {}).get(a["id"])
    return {"id": a["id"],
            "outlet": outlet_label(None, a["source_id"]) if name.startswith("unknown (")
            else name,
            "source": name, "outlet_page": a["outlet"],
            "label": article_label(a["title"], a.get("lead"), a["source_id"]),
            "title": a["title"], "published": a["published"], "url": safe_url(a["url"]),
            "wire": a["wire"], "copy_of": a["duplicate_of"],
            "copy_kind": kind, "copy_label": COPY_LABELS.get(kind or "", kind or "copy"),
            "language": a.get("language"), "not_analysed": a.get("not_analysed"),
            "other_story": None}


def flat(text: str) -> str:
    """Runs of whitespace as one space, kept at the ends: pieces join as in the text."""
    return re.sub(r"\s+", " ", text)


def sentence_note(anchor: str, sentence: str | None, span: tuple[int, int],
                  where: dict[str, str]) -> View | None:
    """A row's source sentence with its quoted span marked, and the article it is in: what
    the self-contained report links to (``#anchor``) when the article has no URL."""
    if not sentence or not sentence.strip():
        return None
    start, end = (max(0, min(x, len(sentence))) for x in span)
    start, end = (start, end) if start < end else (0, 0)
    return {"id": anchor, "before": flat(sentence[:start]), "text": flat(sentence[start:end]),
            "after": flat(sentence[end:]), **where}


def text_fragment_url(url: str | None, sentence: str | None) -> str | None:
    """The article's own URL opened at the sentence (a text fragment, ``#:~:text=``): how
    the self-contained report links an item to its source sentence."""
    safe = safe_url(url)
    if not safe:
        return None
    words = " ".join((sentence or "").split())
    if not words:
        return safe
    parts = words.split(" ")
    # Long sentences are matched by their first and last words (start,end), as browsers do.
    frag = url_quote(words, safe="") if len(parts) <= 8 else \
        f"{url_quote(' '.join(parts[:4]), safe='')},{url_quote(' '.join(parts[-4:]), safe='')}"
    return f"{safe.split('#', 1)[0]}#:~:text={frag.replace('-', '%2D')}"
