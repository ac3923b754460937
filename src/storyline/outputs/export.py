"""Exports of the store: JSON in the evaluation contract (``../shared/eval/FORMAT.md``),
one CSV sheet for spreadsheets (formula injection guarded), and Markdown.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from ..records import Quote, Statement
from ..store import Store

ARTICLE_FIELDS = ("id", "source_id", "url", "outlet", "title", "published", "published_from",
                  "published_estimate", "published_estimate_from", "text", "duplicate_of",
                  "story", "wire", "dateline", "language", "not_analysed")


def export_data(store: Store) -> dict[str, Any]:
    """Everything the store knows, as one JSON-ready dict."""
    entities = store.entities()
    entity_names = {e.id: e.name for e in entities}
    statement_of = store.quote_statements()
    return {
        "articles": [{k: row.get(k) for k in ARTICLE_FIELDS} for row in store.article_rows()],
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                      "mentions": e.mentions} for e in entities],
        "quotes": [_quote(q.to_dict(), entity_names, statement_of) for q in store.quotes()],
        "statements": [_statement(s) for s in store.statements()],
        "timexes": [{"article": t.article, "text": t.text, "value": t.value, "type": t.type,
                     "start": t.start, "end": t.end} for t in store.timexes()],
        "events": [e.to_dict() for e in store.events()],
        "stories": [s.to_dict() for s in store.stories()],
        "contradictions": [c.to_dict() for c in store.contradictions()],
        "duplicates": [d.to_dict() for d in store.duplicates()],
        "timeline": [t.to_dict() for t in store.timeline()],
        "failures": [f.to_dict() for f in store.failures()],
    }


def _quote(q: dict[str, Any], entity_names: dict[str, str],
           statement_of: dict[str, str]) -> dict[str, Any]:
    # The entity's canonical name is the best speaker name once the corpus has merged it.
    if q.get("speaker") in entity_names:
        q["speaker_name"] = entity_names[q["speaker"]]
    q["statement"] = statement_of.get(q["id"])
    return q


def _statement(s: Statement) -> dict[str, Any]:
    # The contract names a statement's outlets "outlets"; events and timeline rows call the
    # same list "sources".
    row = s.to_dict()
    row["outlets"] = row.pop("sources")
    return row


def write_json(store: Store, out: TextIO) -> None:
    json.dump(export_data(store), out, ensure_ascii=False, indent=1)
    out.write("\n")


FORMATS: dict[str, Callable[[Store, TextIO], None]] = {"json": write_json}


# -- CSV: one sheet for spreadsheets -----------------------------------------------------------
# One row per statement, joined with its article; an article with no statements still gets
# one row (statement columns empty), so the sheet lists every article and every statement.
CSV_COLUMNS = ("story", "article_id", "published", "outlet", "title", "url", "duplicate_of",
               "quote_id", "said_on", "said_on_from", "speaker", "speaker_name",
               "speaker_from", "kind", "cue", "quote", "language", "not_analysed")
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What may come before them and still leave a formula: spreadsheets trim spaces on import
# (LibreOffice's "trim spaces", Excel on some paths), and Excel in East Asian locales reads
# the full-width and small forms (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫) as their ASCII twins. Not every
# program does all of this, so every such cell is neutralised: the apostrophe costs nothing.
# Skipped before the first real character: whitespace and invisible characters (controls,
# format characters such as U+200B and the BOM).
_INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
# Signs NFKC leaves alone that still read as a minus: U+2212 (and superscript minus -> it).
_MINUS_SIGNS = "\u2212"


def formula_like(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula (see ``FORMULA_STARTS``)."""
    if text.startswith(FORMULA_STARTS):
        return True
    first = next((c for c in text
                  if not c.isspace() and unicodedata.category(c) not in _INVISIBLE), "")
    sign = unicodedata.normalize("NFKC", first)[:1]
    return bool(sign) and (sign in "=+-@" or sign in _MINUS_SIGNS)


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: formula-like strings get a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if formula_like(text) else text


def csv_rows(store: Store) -> Iterator[list[str]]:
    entity_names = {e.id: e.name for e in store.entities()}
    by_article: dict[str, list[Quote]] = {}
    for quote in store.quotes():
        by_article.setdefault(quote.article, []).append(quote)
    yield list(CSV_COLUMNS)
    for a in store.article_rows():
        head = [a["story"], a["id"], a["published"], a["outlet"], a["title"], a["url"],
                a["duplicate_of"]]
        quotes: list[Quote | None] = [*by_article.get(a["id"], [])] or [None]
        for q in quotes:
            tail = [None] * 9 if q is None else [
                q.id, q.said_on, q.said_on_from, q.speaker,
                entity_names.get(q.speaker or "", q.speaker_name), q.speaker_from,
                q.kind, q.cue, q.text]
            yield [csv_cell(v) for v in head + tail + [a["language"], a["not_analysed"]]]


def write_csv(store: Store, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(csv_rows(store))


def write_markdown(store: Store, out: TextIO) -> None:
    """Every story as Markdown: the report's Markdown form, for the whole store."""
    from .report import render_markdown

    out.write(render_markdown(store))


FORMATS["csv"] = write_csv
FORMATS["md"] = write_markdown
