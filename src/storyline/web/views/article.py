"""The article page: its text with a sentence and a quote highlighted, its copies, its
quotes and the events its sentences give.
"""

from __future__ import annotations

from itertools import pairwise

from ...corpus.timeline import common_words
from ...store import Store
from .labels import COPY_LABELS, View, brief_view
from .outlet import wire_groups
from .person import event_rows
from .quotes import quote_row


def article_view(store: Store, article_id: str, sent: tuple[int, int] | None = None,
                 span: tuple[int, int] | None = None) -> View | None:
    article = store.article(article_id)
    if article is None:
        return None
    brief = store.article_briefs([article_id])[article_id]
    quotes = store.quotes_in_articles([article_id])
    copy_of = store.article_briefs([brief["duplicate_of"]] if brief["duplicate_of"] else [])
    wire = wire_groups(store, [article_id])
    kind = next((a["copy_kind"] for g in wire for a in g["articles"] if a["id"] == article_id),
                None)
    common = common_words([article.text])  # once per page, not once per quote
    found = store.article_events(article_id)
    return {
        "article": {**brief_view(brief), "copy_kind": kind,
                    "copy_label": COPY_LABELS.get(kind or "", kind or "copy"),
                    "source_id": brief["source_id"],
                    "story": brief["story"], "raw_url": brief["url"],
                    "published_from": article.published_from, "dateline": article.dateline,
                    "language": article.language, "not_analysed": brief["not_analysed"]},
        "copy_of": next((brief_view(c) for c in copy_of.values()), None),
        "wire_stories": wire,
        "segments": segments(article.text, sent, span),
        "quotes": [quote_row(q, common) for q in quotes],
        # in the order the text gives them, each linked to its sentence here
        "events": event_rows(store, [e for e, *_ in found],
                             {e.id: (article_id, start, end) for e, _, start, end in found}),
    }


def segments(text: str, sent: tuple[int, int] | None,
             span: tuple[int, int] | None) -> list[View]:
    """The text cut at the highlight bounds; each piece says which highlights cover it.

    Offsets come from the URL, so they are clamped to the text and ignored when reversed.
    """
    marks = [(name, r) for name, r in (("sentence", _clamp(sent, len(text))),
                                       ("quote", _clamp(span, len(text)))) if r]
    cuts = sorted({0, len(text), *(b for _, r in marks for b in r)})
    out: list[View] = []
    anchored = False
    for a, b in pairwise(cuts):
        classes = [name for name, (s, e) in marks if s <= a and b <= e]
        anchor = bool(classes) and not anchored
        anchored = anchored or anchor
        out.append({"text": text[a:b], "marks": classes, "anchor": anchor})
    return out


def _clamp(r: tuple[int, int] | None, n: int) -> tuple[int, int] | None:
    if r is None:
        return None
    s, e = max(0, min(r[0], n)), max(0, min(r[1], n))
    return (s, e) if s < e else None
