"""Per-article language results: sentences, mentions, quotes, time expressions, events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..records import Analysis, EventMention, Mention, Quote, Sentence, Timex
from .core import StoreCore, dumps, loads

QUOTE_COLUMNS = (
    "id", "article", "text", "kind", "start", "end", "sent_start", "sent_end",
    "speaker_name", "speaker_mention", "speaker_key", "speaker", "cue", "said_on",
    "said_on_from", "reported_by", "speaker_from",
)
_PER_ARTICLE = ("sentences", "mentions", "quotes", "timexes", "event_mentions")
# Up to this many ids are read with "article IN (...)"; more read whole tables, which is
# cheaper than a lookup per id (and SQLite caps a statement's parameters).
_MAX_SELECTED = 900
# (article, mention key) -> corpus entity id: the corpus build's links, applied as rows are
# read (``entities=``) so a build sees its own links before they are written.
EntityLinks = Mapping[tuple[str, str], str]


def _cols(names: Iterable[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


class AnalysisQueries(StoreCore):
    def save_analysis(self, analysis: Analysis) -> None:
        """Replace everything stored for the article with this analysis (idempotent)."""
        a = analysis.article
        for table in _PER_ARTICLE:
            self.conn.execute(f"DELETE FROM {table} WHERE article = ?", (a,))
        self.conn.executemany(
            'INSERT INTO sentences (article, start, "end") VALUES (?, ?, ?)',
            [(s.article, s.start, s.end) for s in analysis.sentences])
        self.conn.executemany(
            'INSERT OR IGNORE INTO mentions (article, start, "end", text, label, key, entity) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(m.article, m.start, m.end, m.text, m.label, m.key, m.entity)
             for m in analysis.mentions])
        self.conn.executemany(
            f"INSERT OR REPLACE INTO quotes ({_cols(QUOTE_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(QUOTE_COLUMNS))})",
            [tuple(getattr(q, c) for c in QUOTE_COLUMNS) for q in analysis.quotes])
        self.conn.executemany(
            'INSERT OR IGNORE INTO timexes (article, start, "end", text, value, type) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(t.article, t.start, t.end, t.text, t.value, t.type) for t in analysis.timexes])
        self.conn.executemany(
            'INSERT OR REPLACE INTO event_mentions (id, article, trigger, kind, start, "end", '
            "date, date_from, place, participants, status, lead, phrase, actor) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.id, e.article, e.trigger, e.kind, e.start, e.end, e.date, e.date_from, e.place,
              dumps(e.participants), e.status, int(e.lead), e.phrase, e.actor)
             for e in analysis.event_mentions])
        self.conn.execute(
            "UPDATE articles SET analyzed = 1, language = coalesce(?, language), "
            "not_analysed = ? WHERE id = ?", (analysis.language, analysis.not_analysed, a))

    def analyses(self, article_ids: Iterable[str] | None = None,
                 sentences: bool = True, entities: EntityLinks | None = None,
                 ) -> dict[str, Analysis]:
        """Stored analyses by article id (all analysed articles when ``article_ids`` is None).

        ``sentences=False`` leaves sentences out: they are the bulk of an analysis and only
        the contradiction step reads them. Rows stream from the cursor, so no second copy
        of a table is built on the way; a short list of ids reads only those articles' rows.
        With ``entities``, mentions and quote speakers point at those entities instead of
        the stored ones.
        """
        ids = list(article_ids) if article_ids is not None else [
            r[0] for r in self.conn.execute("SELECT id FROM articles WHERE analyzed = 1")]
        only = ids if article_ids is not None and len(ids) <= _MAX_SELECTED else None
        parts: dict[str, dict[str, list[Any]]] = {i: {t: [] for t in _PER_ARTICLE} for i in ids}
        rows: dict[str, Iterable[Any]] = {
            "sentences": self._iter_sentences(only) if sentences else (),
            "mentions": self._iter_mentions(only, entities),
            "quotes": self._iter_quotes(only, entities),
            "timexes": self._iter_timexes(only),
            "event_mentions": self._iter_event_mentions(only)}
        for table, records in rows.items():
            for r in records:
                if r.article in parts:
                    parts[r.article][table].append(r)
        return {i: Analysis(article=i, sentences=tuple(p["sentences"]),
                            mentions=tuple(p["mentions"]), quotes=tuple(p["quotes"]),
                            timexes=tuple(p["timexes"]),
                            event_mentions=tuple(p["event_mentions"]))
                for i, p in parts.items()}

    def sentences(self) -> list[Sentence]:
        return list(self._iter_sentences())

    def sentences_of(self, article_ids: Iterable[str]) -> dict[str, tuple[Sentence, ...]]:
        """The sentences of these articles (an article without any maps to none)."""
        ids = list(article_ids)
        found: dict[str, list[Sentence]] = {i: [] for i in ids}
        for s in self._iter_sentences(ids if len(ids) <= _MAX_SELECTED else None):
            if s.article in found:
                found[s.article].append(s)
        return {i: tuple(found[i]) for i in ids}

    def mentions(self, entities: EntityLinks | None = None) -> list[Mention]:
        return list(self._iter_mentions(entities=entities))

    def quotes(self, entities: EntityLinks | None = None) -> list[Quote]:
        return list(self._iter_quotes(entities=entities))

    def mention_key_counts(self) -> list[tuple[str, str, int]]:
        """(article, mention key, mentions) for every article-local cluster."""
        return [(r[0], r[1], r[2]) for r in self.conn.execute(
            "SELECT article, key, COUNT(*) FROM mentions GROUP BY article, key")]

    def timexes(self) -> list[Timex]:
        return list(self._iter_timexes())

    def event_mentions(self) -> list[EventMention]:
        return list(self._iter_event_mentions())

    # Rows are read as plain tuples in the records' field order and passed positionally:
    # building a dict per row (``sqlite3.Row``) and keyword arguments cost about as much
    # as the query, and a corpus build reads every analysis several times.
    def _iter_sentences(self, only: list[str] | None = None) -> Iterator[Sentence]:
        for r in self._select('article, start, "end"', "sentences", only):
            yield Sentence(*r)

    def _iter_mentions(self, only: list[str] | None = None,
                       entities: EntityLinks | None = None) -> Iterator[Mention]:
        rows = self._select('article, start, "end", text, label, key, entity', "mentions", only)
        if entities is None:
            for r in rows:
                yield Mention(*r)
            return
        link = entities.get
        for article, start, end, text, label, key, _ in rows:
            yield Mention(article, start, end, text, label, key, link((article, key)))

    def _iter_quotes(self, only: list[str] | None = None,
                     entities: EntityLinks | None = None) -> Iterator[Quote]:
        speaker, speaker_key = QUOTE_COLUMNS.index("speaker"), QUOTE_COLUMNS.index("speaker_key")
        link = entities.get if entities is not None else None
        for r in self._select(_cols(QUOTE_COLUMNS), "quotes", only):
            if link is not None:
                key = r[speaker_key]
                r = (*r[:speaker], link((r[1], key)) if key is not None else None,
                     *r[speaker + 1:])
            yield Quote(*r)

    def _iter_timexes(self, only: list[str] | None = None) -> Iterator[Timex]:
        for r in self._select('article, start, "end", text, value, type', "timexes", only):
            yield Timex(*r)

    def _iter_event_mentions(self, only: list[str] | None = None) -> Iterator[EventMention]:
        for (id_, article, trigger, kind, start, end, date, date_from, place, participants,
             status, lead, phrase, actor) in self._select(
                'id, article, trigger, kind, start, "end", date, date_from, place, '
                "participants, status, lead, phrase, actor", "event_mentions", only):
            yield EventMention(id_, article, trigger, kind, start, end, date, date_from, place,
                               tuple(loads(participants)), status, bool(lead), phrase, actor)

    def _select(self, columns: str, table: str, only: list[str] | None) -> Any:
        """Rows of a per-article table in (article, start) order, only ``only``'s if given."""
        where = f" WHERE article IN ({', '.join('?' * len(only))})" if only is not None else ""
        cursor = self.conn.cursor()
        cursor.row_factory = None  # plain tuples
        return cursor.execute(
            f"SELECT {columns} FROM {table}{where} ORDER BY article, start", only or ())
