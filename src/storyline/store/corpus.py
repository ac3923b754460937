"""Corpus-wide results: entities, duplicates, stories, events, contradictions, timeline.

The corpus stage recomputes these from the per-article results, so each ``replace_*``
swaps the whole table inside the caller's transaction: a re-run writes the same rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..records import (
    Contradiction,
    DuplicateLink,
    Entity,
    Event,
    Failure,
    KeyDate,
    Quote,
    Statement,
    Story,
    TimelineItem,
)
from .analysis import EntityLinks
from .core import StoreCore, dumps, loads

if TYPE_CHECKING:
    from ..corpus import CorpusBuild


class CorpusQueries(StoreCore):
    def save_corpus(self, build: CorpusBuild) -> None:
        """Swap every corpus table for one build's results, in the caller's transaction."""
        self.replace_entities(build.entities)
        self.link_mentions(build.entity_links)
        self.replace_duplicates(build.duplicates)
        self.save_stories(build.stories)
        self.replace_events(build.events)
        self.redate_quotes(build.dated_quotes)
        self.replace_statements(build.statements)
        self.replace_contradictions(build.contradictions)
        self.replace_timeline(build.timeline)
        self.replace_key_dates(build.key_dates)

    def record_corpus_failure(self, step: str, reason: str, detail: str,
                              run: int | None = None) -> None:
        """Note that corpus step ``step`` raised; the next run retries it."""
        self.conn.execute(
            "INSERT INTO corpus_failures VALUES (?, ?, ?, ?, ?) ON CONFLICT(step) DO UPDATE SET "
            "reason = excluded.reason, detail = excluded.detail, run = excluded.run, "
            "seen_at = excluded.seen_at",
            (step, reason, detail[:2000], run, datetime.now(UTC).isoformat(timespec="seconds")))

    def clear_corpus_failures(self) -> None:
        self.conn.execute("DELETE FROM corpus_failures")

    def corpus_failures(self) -> list[Failure]:
        """Corpus steps that failed in the last run (``source`` is the step's name)."""
        try:
            rows = self.conn.execute("SELECT * FROM corpus_failures ORDER BY step").fetchall()
        except sqlite3.OperationalError:  # a store from before 0007, opened read-only
            return []
        return [Failure(source=r["step"], reason=r["reason"], detail=r["detail"] or "")
                for r in rows]

    def replace_entities(self, entities: Iterable[Entity]) -> None:
        self.conn.execute("DELETE FROM entities")
        self.conn.executemany(
            "INSERT INTO entities (id, name, type, aliases, mentions) VALUES (?, ?, ?, ?, ?)",
            [(e.id, e.name, e.type, dumps(e.aliases), e.mentions) for e in entities])

    def entities(self) -> list[Entity]:
        return [Entity(id=r["id"], name=r["name"], type=r["type"],
                       aliases=tuple(loads(r["aliases"])), mentions=r["mentions"])
                for r in self.conn.execute("SELECT * FROM entities ORDER BY mentions DESC, id")]

    def link_mentions(self, key_to_entity: EntityLinks) -> None:
        """Point mentions and quote speakers at corpus entities: (article, key) -> entity."""
        # One pass over each table against a keyed temporary table, touching only the rows
        # whose entity changes (a re-run changes few; every row write also updates an index).
        self.conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS entity_links (article TEXT NOT NULL, "
            "key TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY (article, key)) WITHOUT ROWID")
        self.conn.execute("DELETE FROM entity_links")
        self.conn.executemany("INSERT INTO entity_links VALUES (?, ?, ?)",
                              [(a, k, e) for (a, k), e in key_to_entity.items()])
        for table, key in (("mentions", "key"), ("quotes", "speaker_key")):
            column = "entity" if table == "mentions" else "speaker"
            found = (f"(SELECT l.entity FROM entity_links l WHERE l.article = {table}.article "
                     f"AND l.key = {table}.{key})")
            self.conn.execute(
                f"UPDATE {table} SET {column} = {found} WHERE {column} IS NOT {found}")
        self.conn.execute("DELETE FROM entity_links")

    def replace_duplicates(self, links: Iterable[DuplicateLink]) -> None:
        self.conn.execute("DELETE FROM duplicates")
        # Only rows that point somewhere are cleared (here and below): SQLite rewrites a row
        # even when the value does not change, and a first build would rewrite every row.
        self.conn.execute("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of IS NOT NULL")
        rows = [(d.article, d.canonical, d.kind, d.score) for d in links]
        self.conn.executemany("INSERT INTO duplicates VALUES (?, ?, ?, ?)", rows)
        self.conn.executemany("UPDATE articles SET duplicate_of = ? WHERE id = ?",
                              [(c, a) for a, c, _, _ in rows])

    def duplicates(self) -> list[DuplicateLink]:
        return [DuplicateLink(**dict(r)) for r in self.conn.execute(
            "SELECT article, canonical, kind, score FROM duplicates ORDER BY article")]

    def save_stories(self, stories: Iterable[Story]) -> None:
        """Replace stories and point each article at its story."""
        self.conn.execute("DELETE FROM stories")
        self.conn.execute("UPDATE articles SET story = NULL WHERE story IS NOT NULL")
        for s in stories:
            self.conn.execute("INSERT INTO stories VALUES (?, ?, ?, ?)",
                              (s.id, s.title, s.first, s.last))
            self.conn.executemany("UPDATE articles SET story = ? WHERE id = ?",
                                  [(s.id, a) for a in s.articles])

    def stories(self, with_key_dates: bool = True) -> list[Story]:
        """Every story with its articles (and its key dates unless ``with_key_dates`` is
        false: the corpus build reads only which article is in which story)."""
        members: dict[str, list[str]] = {}
        for r in self.conn.execute(
                "SELECT story, id FROM articles WHERE story IS NOT NULL ORDER BY published, id"):
            members.setdefault(r[0], []).append(r[1])
        key_dates: dict[str, list[KeyDate]] = {}
        for k in self.key_dates() if with_key_dates else ():
            key_dates.setdefault(k.story, []).append(k)
        return [Story(id=r["id"], title=r["title"], first=r["first"], last=r["last"],
                      articles=tuple(members.get(r["id"], ())),
                      key_dates=tuple(key_dates.get(r["id"], ())))
                for r in self.conn.execute("SELECT * FROM stories ORDER BY first, id")]

    def replace_key_dates(self, key_dates: Iterable[KeyDate]) -> None:
        self.conn.execute("DELETE FROM key_dates")
        self.conn.executemany(
            "INSERT OR REPLACE INTO key_dates (story, date, summary, independent_sources, "
            "rank, score) VALUES (?, ?, ?, ?, ?, ?)",
            [(k.story, k.date, k.summary, k.independent_sources, k.rank, k.score)
             for k in key_dates])

    def key_dates(self, story: str | None = None) -> list[KeyDate]:
        """Key dates in date order, of one story or of all."""
        sql, params = "SELECT * FROM key_dates", ()  # type: str, tuple[str, ...]
        if story is not None:
            sql, params = sql + " WHERE story = ?", (story,)
        try:
            rows = self.conn.execute(sql + " ORDER BY story, date", params).fetchall()
        except sqlite3.OperationalError:  # a store from before 0013, opened read-only
            return []
        return [KeyDate(**dict(r)) for r in rows]

    def replace_events(self, events: Iterable[Event]) -> None:
        self.conn.execute("DELETE FROM events")
        self.conn.executemany(
            "INSERT INTO events (id, title, kind, date, place, story, participants, articles, "
            "mentions, sources, independent_sources, date_from, status) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.id, e.title, e.kind, e.date, e.place, e.story, dumps(e.participants),
              dumps(e.articles), dumps(e.mentions), dumps(e.sources), e.independent_sources,
              e.date_from, e.status) for e in events])

    def events(self) -> list[Event]:
        out = []
        for r in self.conn.execute("SELECT * FROM events ORDER BY date, id"):
            d = dict(r)
            for k in ("participants", "articles", "mentions", "sources"):
                d[k] = tuple(loads(d[k]))
            out.append(Event(**d))
        return out

    def replace_statements(self, statements: Iterable[Statement]) -> None:
        """Swap the statements table and point every quote at its statement."""
        rows = list(statements)
        self.conn.execute("DELETE FROM statements")
        self.conn.executemany(
            "INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(s.id, s.story, s.speaker, s.speaker_name, s.said_on, s.text, s.kind,
              dumps(s.quotes), dumps(s.articles), dumps(s.sources), s.independent_sources,
              s.best_quote)
             for s in rows])
        self.conn.execute("UPDATE quotes SET statement = NULL WHERE statement IS NOT NULL")
        self.conn.executemany("UPDATE quotes SET statement = ? WHERE id = ?",
                              [(s.id, q) for s in rows for q in s.quotes])

    def statements(self, story: str | None = None) -> list[Statement]:
        sql, params = "SELECT * FROM statements", ()  # type: str, tuple[str, ...]
        if story is not None:
            sql, params = sql + " WHERE story = ?", (story,)
        out = []
        for r in self.conn.execute(sql + " ORDER BY story, said_on IS NULL, said_on, id",
                                   params):
            d = dict(r)
            for k in ("quotes", "articles", "sources"):
                d[k] = tuple(loads(d[k]))
            out.append(Statement(**d))
        return out

    def redate_quotes(self, quotes: Iterable[Quote]) -> None:
        """Give quotes the day the corpus found or took back (``corpus.said_on``)."""
        self.conn.executemany("UPDATE quotes SET said_on = ?, said_on_from = ? WHERE id = ?",
                              [(q.said_on, q.said_on_from, q.id) for q in quotes])

    def quote_statements(self) -> dict[str, str]:
        """Each quote's statement id (quotes not grouped yet are left out)."""
        return {r[0]: r[1] for r in self.conn.execute(
            "SELECT id, statement FROM quotes WHERE statement IS NOT NULL")}

    def replace_contradictions(self, pairs: Iterable[Contradiction]) -> None:
        self.conn.execute("DELETE FROM contradictions")
        self.conn.executemany(
            "INSERT OR IGNORE INTO contradictions VALUES (?, ?, ?, ?, ?)",
            [(c.a, c.b, c.why, c.kind, c.story) for c in pairs])

    def contradictions(self) -> list[Contradiction]:
        return [Contradiction(**dict(r)) for r in self.conn.execute(
            "SELECT a, b, why, kind, story FROM contradictions ORDER BY story, a, b")]

    def replace_timeline(self, items: Iterable[TimelineItem]) -> None:
        self.conn.execute("DELETE FROM timeline")
        self.conn.executemany(
            "INSERT OR REPLACE INTO timeline (story, kind, ref, date, title, sources, "
            "independent_sources, speaker, date_from, score, rank, articles, date_notes, "
            "undated_why, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(t.story, t.kind, t.ref, t.date, t.title, dumps(t.sources),
              t.independent_sources, t.speaker, t.date_from, t.score, t.rank,
              dumps(t.articles), dumps(t.date_notes), t.undated_why, t.status)
             for t in items])

    def timeline(self, story: str | None = None) -> list[TimelineItem]:
        sql, params = "SELECT * FROM timeline", ()  # type: str, tuple[str, ...]
        if story is not None:
            sql, params = sql + " WHERE story = ?", (story,)
        out = []
        for r in self.conn.execute(sql, params):
            d = dict(r)
            d["sources"] = tuple(loads(d["sources"]))
            d["articles"] = tuple(loads(d.get("articles") or "[]"))
            d["date_notes"] = tuple(loads(d.get("date_notes") or "[]"))
            out.append(TimelineItem(**d))
        # Sorted here, not in SQL: a store from before 0013 opened read-only has no rank.
        return sorted(out, key=lambda t: (t.story, t.date is None, t.date or "", t.rank,
                                          t.kind, t.ref))
