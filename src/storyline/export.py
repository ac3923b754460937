"""Exports of the store: JSON in the evaluation contract (``../shared/eval/FORMAT.md``)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from .store import Store

ARTICLE_FIELDS = ("id", "source_id", "url", "outlet", "title", "published", "published_from",
                  "text", "duplicate_of", "story", "wire", "dateline")


def export_data(store: Store) -> dict[str, Any]:
    """Everything the store knows, as one JSON-ready dict."""
    entity_names = {e.id: e.name for e in store.entities()}
    return {
        "articles": [{k: row.get(k) for k in ARTICLE_FIELDS} for row in store.article_rows()],
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                      "mentions": e.mentions} for e in store.entities()],
        "quotes": [_quote(q.to_dict(), entity_names) for q in store.quotes()],
        "timexes": [{"article": t.article, "text": t.text, "value": t.value, "type": t.type,
                     "start": t.start, "end": t.end} for t in store.timexes()],
        "events": [e.to_dict() for e in store.events()],
        "stories": [s.to_dict() for s in store.stories()],
        "contradictions": [c.to_dict() for c in store.contradictions()],
        "duplicates": [d.to_dict() for d in store.duplicates()],
        "timeline": [t.to_dict() for t in store.timeline()],
        "failures": [f.to_dict() for f in store.failures()],
    }


def _quote(q: dict[str, Any], entity_names: dict[str, str]) -> dict[str, Any]:
    # The entity's canonical name is the best speaker name once the corpus has merged it.
    if q.get("speaker") in entity_names:
        q["speaker_name"] = entity_names[q["speaker"]]
    return q


def write_json(store: Store, out: TextIO) -> None:
    json.dump(export_data(store), out, ensure_ascii=False, indent=1)
    out.write("\n")


FORMATS = {"json": write_json}
