"""Runs, input sources, failures and articles."""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

from ..errors import PageError
from ..records import Article, ArticleInfo, Failure, RunSummary
from .core import StoreCore

ARTICLE_COLUMNS = (
    "id", "source_id", "source", "url", "outlet", "title", "published", "published_from",
    "wire", "dateline", "kind", "text", "fetched_at", "final_url", "published_estimate",
    "published_estimate_from", "language",
)
ARTICLE_INFO_COLUMNS = tuple(f.name for f in fields(ArticleInfo))


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ArticleQueries(StoreCore):
    def start_run(self, command: str) -> int:
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO runs (started_at, command) VALUES (?, ?)", (now(), command)
            )
            # Locked before the row is visible: `stats` tells a live run from a killed one.
            self.hold_run(int(cur.lastrowid or 0))
        return int(cur.lastrowid or 0)

    def finish_run(self, run: int, summary: RunSummary) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?",
                (now(), json.dumps(summary.to_dict()), run),
            )
        self.release_run(run)

    @contextlib.contextmanager
    def one_record(self) -> Iterator[None]:
        """One record's writes inside a batch's transaction, under a SAVEPOINT.

        A record SQLite cannot take (text that is not Unicode, a number too big for it) is
        rolled back alone and raised as a ``PageError`` ("bad-text" or "unstorable"), so
        the runner records it as that record's failure and the rest of the batch is kept.
        """
        self.conn.execute("SAVEPOINT one_record")
        try:
            yield
        except (ValueError, OverflowError, sqlite3.InterfaceError,
                sqlite3.ProgrammingError, sqlite3.DataError) as e:
            self.conn.execute("ROLLBACK TO one_record")
            self.conn.execute("RELEASE one_record")
            reason = "bad-text" if isinstance(e, UnicodeError) else "unstorable"
            raise PageError(reason, storable(f"{type(e).__name__}: {e}")) from e
        self.conn.execute("RELEASE one_record")

    def source_done(self, source: str, content_hash: str) -> bool:
        """True when this exact input unit was already handled (so a re-run skips it)."""
        row = self.conn.execute(
            "SELECT 1 FROM sources WHERE source = ? AND content_hash = ?",
            (storable(source), content_hash)).fetchone()
        return row is not None

    def record_source(self, source: str, content_hash: str, status: str,
                      article: str | None = None) -> None:
        self.conn.execute(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?) ON CONFLICT(source) DO UPDATE SET "
            "content_hash = excluded.content_hash, status = excluded.status, "
            "article = excluded.article, seen_at = excluded.seen_at",
            (storable(source), content_hash, status, article, now()),
        )

    def record_failure(self, failure: Failure, run: int | None = None) -> None:
        self.conn.execute(
            "INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(source) DO UPDATE SET "
            "reason = excluded.reason, detail = excluded.detail, run = excluded.run, "
            "seen_at = excluded.seen_at",
            (storable(failure.source), failure.source_id and storable(failure.source_id),
             failure.reason, storable(failure.detail[:2000]), run, now()),
        )

    def clear_failure(self, source: str) -> None:
        self.conn.execute("DELETE FROM failures WHERE source = ?", (storable(source),))

    def upsert_article(self, article: Article, run: int | None = None) -> bool:
        """Insert the article unless its content id is already stored; True when new."""
        values = [getattr(article, c) for c in ARTICLE_COLUMNS]
        cur = self.conn.execute(
            f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}, run) "
            f"VALUES ({', '.join('?' * (len(ARTICLE_COLUMNS) + 1))}) "
            "ON CONFLICT(id) DO NOTHING",
            (*values, run),
        )
        return cur.rowcount > 0

    def articles(self, ids: Iterable[str] | None = None, unanalyzed: bool = False,
                 order: str = "published, id") -> list[Article]:
        return list(self.iter_articles(ids, unanalyzed, order))

    def iter_articles(self, ids: Iterable[str] | None = None, unanalyzed: bool = False,
                      order: str = "published, id") -> Iterator[Article]:
        where, params = [], []  # type: tuple[list[str], list[Any]]
        if ids is not None:
            id_list = list(ids)
            where.append(f"id IN ({', '.join('?' * len(id_list))})")
            params.extend(id_list)
        if unanalyzed:
            where.append("analyzed = 0")
        sql = f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order}"
        for row in self.conn.execute(sql, params):
            yield Article(**{c: row[c] for c in ARTICLE_COLUMNS})

    def article_infos(self) -> list[ArticleInfo]:
        """Every article's metadata, without texts (the corpus steps hold these at once)."""
        columns = [c for c in ARTICLE_INFO_COLUMNS if c != "chars"]
        return [ArticleInfo(**{c: _shared(r[c]) if c in SHARED_VALUES else r[c]
                               for c in columns}, chars=r["chars"])
                for r in self.conn.execute(
                    f"SELECT {', '.join(columns)}, length(text) AS chars FROM articles "
                    "ORDER BY id")]

    def articles_in_order(self, ids: Iterable[str], batch: int = 500) -> Iterator[Article]:
        """The articles with these ids, in the order given, ``batch`` read at a time."""
        id_list = list(ids)
        for start in range(0, len(id_list), batch):
            chunk = id_list[start:start + batch]
            found = {a.id: a for a in self.iter_articles(chunk, order="id")}
            yield from (found[i] for i in chunk if i in found)

    def reopen_not_analysed(self, languages: Iterable[str]) -> int:
        """Mark articles left unanalysed for want of a pipeline as pending again when their
        language now has one (a pipeline installed since); how many."""
        langs = list(languages)
        if not langs:
            return 0
        cur = self.conn.execute(
            "UPDATE articles SET analyzed = 0, not_analysed = NULL WHERE not_analysed IS NOT "
            f"NULL AND language IN ({', '.join('?' * len(langs))})", langs)
        return cur.rowcount

    def unanalyzed_ids(self, after: str = "", limit: int = 1000) -> list[str]:
        """Up to ``limit`` unanalysed article ids greater than ``after``, in id order.

        Keyset pages let a runner stream pending articles without holding them all.
        """
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM articles WHERE analyzed = 0 AND id > ? ORDER BY id LIMIT ?",
            (after, limit))]

    def article(self, article_id: str) -> Article | None:
        found = self.articles([article_id])
        return found[0] if found else None

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]

    def article_rows(self) -> list[dict[str, Any]]:
        """Articles with their corpus-level fields (duplicate_of, story) for export."""
        cols = ", ".join(ARTICLE_COLUMNS)
        return [dict(r) for r in self.conn.execute(
            f"SELECT {cols}, duplicate_of, story, not_analysed FROM articles "
            "ORDER BY published, id")]

    def failures(self, last_run: bool = False) -> list[Failure]:
        """Recorded failures; ``last_run``: only those the latest run recorded."""
        where = " WHERE run = (SELECT max(id) FROM runs)" if last_run else ""
        return [Failure(source=r["source"], reason=r["reason"], detail=r["detail"] or "",
                        source_id=r["source_id"])
                for r in self.conn.execute(f"SELECT * FROM failures{where} ORDER BY source")]

    def duplicate_count(self) -> int:
        """Articles linked to a canonical copy."""
        return int(self.conn.execute(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0])

    def stats(self) -> dict[str, Any]:
        def one(sql: str) -> int:
            return int(self.conn.execute(sql).fetchone()[0])

        return {
            "articles": one("SELECT count(*) FROM articles"),
            "duplicates": self.duplicate_count(),
            "quotes": one("SELECT count(*) FROM quotes"),
            "entities": one("SELECT count(*) FROM entities"),
            "stories": one("SELECT count(*) FROM stories"),
            "events": one("SELECT count(*) FROM events"),
            "contradictions": one("SELECT count(*) FROM contradictions"),
            "failures": one("SELECT count(*) FROM failures"),
            "per_outlet": [tuple(r) for r in self.conn.execute(
                "SELECT coalesce(outlet, '(unknown)'), count(*) FROM articles "
                "GROUP BY 1 ORDER BY 2 DESC, 1")],
            "per_day": [tuple(r) for r in self.conn.execute(
                "SELECT coalesce(substr(published, 1, 10), '(undated)'), count(*) "
                "FROM articles GROUP BY 1 ORDER BY 1")],
            "failure_reasons": [tuple(r) for r in self.conn.execute(
                "SELECT reason, count(*) FROM failures GROUP BY 1 ORDER BY 2 DESC, 1")],
            "per_language": [tuple(r) for r in self.conn.execute(
                "SELECT coalesce(language, '(not detected yet)'), count(*), "
                "sum(analyzed = 1 AND not_analysed IS NULL), sum(not_analysed IS NOT NULL) "
                "FROM articles GROUP BY 1 ORDER BY 2 DESC, 1")],
            "not_analysed": [tuple(r) for r in self.conn.execute(
                "SELECT not_analysed, count(*) FROM articles WHERE not_analysed IS NOT NULL "
                "GROUP BY 1 ORDER BY 2 DESC, 1")],
        }

    def replace_source(self, source: str, content_hash: str, article: str) -> None:
        """Record ``source`` as giving ``article``; drop the article it gave before, if other."""
        row = self.conn.execute("SELECT article FROM sources WHERE source = ?",
                                (storable(source),)).fetchone()
        if row and row[0] and row[0] != article:
            still_used = self.conn.execute(
                "SELECT 1 FROM sources WHERE article = ? AND source != ?",
                (row[0], storable(source))).fetchone()
            if not still_used:
                self.drop_article(row[0])
        self.record_source(source, content_hash, "ok", article)

    def drop_article(self, article: str) -> None:
        """Remove an article and everything derived from it alone."""
        for table in ("sentences", "mentions", "quotes", "timexes", "event_mentions"):
            self.conn.execute(f"DELETE FROM {table} WHERE article = ?", (article,))
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article,))


# Metadata fields whose values many articles share (a day, an outlet, a wire, how a date
# was found): held as one string each in ``article_infos``, not one per article, since
# the corpus steps keep every article's metadata at once.
SHARED_VALUES = frozenset({"outlet", "published", "published_from", "wire"})


def _shared(value: Any) -> Any:
    return sys.intern(value) if isinstance(value, str) else value


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """``text`` as SQLite can store it: a lone surrogate (not Unicode) as its escape.

    Sources and failure details name what went wrong, so they are always stored; an
    article's own text is never changed here (``one_record`` refuses it instead).
    """
    return _SURROGATE.sub(lambda m: ascii(m.group())[1:-1], text)
