"""Exports of the store: JSON in the evaluation contract (``../shared/eval/FORMAT.md``),
one CSV sheet for spreadsheets (formula injection guarded), and Markdown.

Every ``independent_sources`` the JSON gives (statements, events, timeline rows, key dates,
stories) is the count the pages and reports show (``SourceIndex.count_named``), with
``sources_unnamed`` beside it: how many origins that name no outlet were left out of it, so
the count is a lower bound ("at least N") when that is not 0.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO

from ..records import Quote, Statement, Story, TimelineItem
from ..store import Store
from ..store.web import count_sources

ARTICLE_FIELDS = ("id", "source_id", "url", "outlet", "title", "published", "published_from",
                  "published_estimate", "published_estimate_from", "text", "duplicate_of",
                  "story", "wire", "dateline", "language", "not_analysed")


def export_data(store: Store) -> dict[str, Any]:
    """Everything the store knows, as one JSON-ready dict."""
    entities = store.entities()
    entity_names = {e.id: e.name for e in entities}
    statement_of = store.quote_statements()
    articles = store.article_rows()
    timeline = store.timeline()
    counted = _source_counter(store, [a["id"] for a in articles])
    return {
        "articles": [{k: row.get(k) for k in ARTICLE_FIELDS} for row in articles],
        "entities": [{"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
                      "mentions": e.mentions} for e in entities],
        "quotes": [_quote(q.to_dict(), entity_names, statement_of) for q in store.quotes()],
        "statements": [counted(_statement(s), s.articles, s.sources)
                       for s in store.statements()],
        "timexes": [{"article": t.article, "text": t.text, "value": t.value, "type": t.type,
                     "start": t.start, "end": t.end} for t in store.timexes()],
        "events": [counted(e.to_dict(), e.articles, e.sources) for e in store.events()],
        "stories": _stories(store, store.stories(), timeline, counted),
        "contradictions": [c.to_dict() for c in store.contradictions()],
        "duplicates": [d.to_dict() for d in store.duplicates()],
        "timeline": [counted(t.to_dict(), t.articles, t.sources) for t in timeline],
        "failures": [f.to_dict() for f in store.failures()],
    }


#: Gives a row's dict the count a reader is told, over the articles behind the row (those
#: of the outlets it lists as its sources, when it lists them).
_Counted = Callable[[dict[str, Any], Iterable[str], Collection[str]], dict[str, Any]]


def _source_counter(store: Store, article_ids: Sequence[str]) -> _Counted:
    """The pages' count for export rows (``store.web.count_sources``), from one index over
    every article: ``independent_sources`` becomes ``SourceIndex.count_named``'s count and
    ``sources_unnamed`` follows it. The count is over the articles the corpus stage counted:
    an event counts only those that give its day, and lists only their outlets as its
    ``sources``, so an article of an outlet it does not list is left out (the count never
    names more outlets than the row). A row none of whose articles is in the store keeps its
    stored count (with 0 left out), as its page does."""
    index = store.source_index(article_ids)

    def counted(row: dict[str, Any], ids: Iterable[str],
                outlets: Collection[str] = ()) -> dict[str, Any]:
        known = [a for a in ids if a in index.origins]
        count, unnamed = count_sources(index, known, outlets) if known else \
            (row.get("independent_sources", 0), 0)
        return _with_count(row, count, unnamed)

    return counted


def _with_count(row: dict[str, Any], count: int, unnamed: int) -> dict[str, Any]:
    """``row`` with ``independent_sources`` set and ``sources_unnamed`` right after it."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        if k == "sources_unnamed":
            continue
        out[k] = count if k == "independent_sources" else v
        if k == "independent_sources":
            out["sources_unnamed"] = unnamed
    if "independent_sources" not in out:
        out.update(independent_sources=count, sources_unnamed=unnamed)
    return out


def _stories(store: Store, stories: Sequence[Story], timeline: Sequence[TimelineItem],
             counted: _Counted) -> list[dict[str, Any]]:
    """Stories with the count their page's header gives (``store.story_rows``), and each
    key date's over the articles of its day's rows, taken as ``corpus.key_dates`` takes
    them: dated rows, statements only when a speaker is named for them."""
    day_articles: dict[tuple[str, str], list[str]] = defaultdict(list)
    for t in timeline:
        if t.date and (t.kind != "quote" or t.speaker):
            day_articles[(t.story, t.date[:10])].extend(t.articles)
    header: Mapping[str, dict[str, Any]] = {r["id"]: r for r in store.story_rows()}
    out = []
    for story in stories:
        row = story.to_dict()
        key_dates = row.pop("key_dates")
        head = header.get(story.id, {})
        row = _with_count(row, head.get("independent_sources", 0),
                          head.get("sources_unnamed", 0))
        row["key_dates"] = [counted(k, day_articles.get((story.id, k["date"][:10]), ()), ())
                            for k in key_dates]
        out.append(row)
    return out


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
