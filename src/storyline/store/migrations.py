"""Named, ordered schema migrations; each runs once, in a transaction, and is recorded.

Never edit a migration that has shipped: add a new one. A store written by an earlier
version opens and upgrades in place because ``migrate`` applies whatever is missing.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT,
            command TEXT, summary TEXT
        );
        -- One row per input unit (a file, a JSONL line, a WARC record, a URL) once it has
        -- been handled, so a re-run or a resumed run skips what is done.
        CREATE TABLE sources (
            source TEXT PRIMARY KEY, content_hash TEXT NOT NULL, status TEXT NOT NULL,
            article TEXT, seen_at TEXT NOT NULL
        );
        CREATE TABLE failures (
            source TEXT PRIMARY KEY, source_id TEXT, reason TEXT NOT NULL, detail TEXT,
            run INTEGER, seen_at TEXT NOT NULL
        );
        CREATE TABLE articles (
            id TEXT PRIMARY KEY, source_id TEXT NOT NULL, source TEXT NOT NULL,
            url TEXT, outlet TEXT, title TEXT, published TEXT, published_from TEXT,
            wire TEXT, dateline TEXT, kind TEXT, text TEXT NOT NULL,
            fetched_at TEXT, final_url TEXT,
            analyzed INTEGER NOT NULL DEFAULT 0,
            duplicate_of TEXT, story TEXT, run INTEGER
        );
        CREATE INDEX articles_source_id ON articles(source_id);
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_story ON articles(story);
        CREATE TABLE sentences (
            article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (article, start)
        );
        CREATE TABLE mentions (
            article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL, label TEXT NOT NULL, key TEXT NOT NULL, entity TEXT,
            PRIMARY KEY (article, start, "end", label)
        );
        CREATE INDEX mentions_entity ON mentions(entity);
        CREATE TABLE quotes (
            id TEXT PRIMARY KEY, article TEXT NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL,
            speaker_name TEXT, speaker_mention TEXT, speaker_key TEXT, speaker TEXT,
            cue TEXT, said_on TEXT, said_on_from TEXT, reported_by TEXT
        );
        CREATE INDEX quotes_article ON quotes(article);
        CREATE INDEX quotes_speaker ON quotes(speaker);
        CREATE TABLE timexes (
            article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL, value TEXT NOT NULL, type TEXT NOT NULL,
            PRIMARY KEY (article, start, "end")
        );
        CREATE TABLE event_mentions (
            id TEXT PRIMARY KEY, article TEXT NOT NULL, trigger TEXT NOT NULL,
            kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            date TEXT, date_from TEXT, place TEXT, participants TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX event_mentions_article ON event_mentions(article);
        CREATE TABLE entities (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]', mentions INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE duplicates (
            article TEXT PRIMARY KEY, canonical TEXT NOT NULL, kind TEXT NOT NULL,
            score REAL NOT NULL
        );
        CREATE INDEX duplicates_canonical ON duplicates(canonical);
        CREATE TABLE stories (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, first TEXT, last TEXT
        );
        CREATE TABLE events (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL, date TEXT,
            place TEXT, story TEXT, participants TEXT NOT NULL DEFAULT '[]',
            articles TEXT NOT NULL DEFAULT '[]', mentions TEXT NOT NULL DEFAULT '[]',
            sources TEXT NOT NULL DEFAULT '[]', independent_sources INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX events_story ON events(story);
        CREATE TABLE contradictions (
            a TEXT NOT NULL, b TEXT NOT NULL, why TEXT NOT NULL, kind TEXT NOT NULL,
            story TEXT, PRIMARY KEY (a, b)
        );
        CREATE TABLE timeline (
            story TEXT NOT NULL, kind TEXT NOT NULL, ref TEXT NOT NULL, date TEXT,
            title TEXT NOT NULL, sources TEXT NOT NULL DEFAULT '[]',
            independent_sources INTEGER NOT NULL DEFAULT 0, speaker TEXT,
            PRIMARY KEY (story, kind, ref)
        );
        CREATE TABLE fetches (
            url TEXT PRIMARY KEY, final_url TEXT, canonical_url TEXT, status INTEGER,
            etag TEXT, last_modified TEXT, fetched_at TEXT, warc TEXT, reason TEXT,
            content_hash TEXT
        );
        """,
    ),
    (
        # Full-text search for the web app: external-content FTS5 indexes over quotes,
        # articles and entities, kept in step by triggers, filled from existing rows.
        "0002_search",
        """
        CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, speaker_name, content='quotes', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, speaker_name)
            VALUES (new.rowid, new.text, new.speaker_name);
        END;
        CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
            VALUES ('delete', old.rowid, old.text, old.speaker_name);
        END;
        -- INSERT OR REPLACE deletes the old row without firing delete triggers, so drop its
        -- index entry before the insert.
        CREATE TRIGGER quotes_fts_bi BEFORE INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
            SELECT 'delete', rowid, text, speaker_name FROM quotes WHERE id = new.id;
        END;
        CREATE TRIGGER quotes_fts_au AFTER UPDATE OF text, speaker_name ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
            VALUES ('delete', old.rowid, old.text, old.speaker_name);
            INSERT INTO quotes_fts(rowid, text, speaker_name)
            VALUES (new.rowid, new.text, new.speaker_name);
        END;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, outlet, content='articles', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text, outlet)
            VALUES (new.rowid, new.title, new.text, new.outlet);
        END;
        CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text, outlet)
            VALUES ('delete', old.rowid, old.title, old.text, old.outlet);
        END;
        CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text, outlet ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text, outlet)
            VALUES ('delete', old.rowid, old.title, old.text, old.outlet);
            INSERT INTO articles_fts(rowid, title, text, outlet)
            VALUES (new.rowid, new.title, new.text, new.outlet);
        END;
        CREATE VIRTUAL TABLE entities_fts USING fts5(
            name, aliases, content='entities', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER entities_fts_ai AFTER INSERT ON entities BEGIN
            INSERT INTO entities_fts(rowid, name, aliases)
            VALUES (new.rowid, new.name, new.aliases);
        END;
        CREATE TRIGGER entities_fts_ad AFTER DELETE ON entities BEGIN
            INSERT INTO entities_fts(entities_fts, rowid, name, aliases)
            VALUES ('delete', old.rowid, old.name, old.aliases);
        END;
        CREATE TRIGGER entities_fts_au AFTER UPDATE OF name, aliases ON entities BEGIN
            INSERT INTO entities_fts(entities_fts, rowid, name, aliases)
            VALUES ('delete', old.rowid, old.name, old.aliases);
            INSERT INTO entities_fts(rowid, name, aliases)
            VALUES (new.rowid, new.name, new.aliases);
        END;
        INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
        INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
        INSERT INTO entities_fts(entities_fts) VALUES ('rebuild');
        """,
    ),
    (
        # The web app's lists: story counts read from an index alone (article rows carry
        # their text, so touching them is what made the stories page slow), outlet pages
        # without a table scan.
        "0003_web_indexes",
        """
        CREATE INDEX articles_story_sources ON articles(story, duplicate_of, outlet);
        CREATE INDEX articles_outlet ON articles(outlet, published, duplicate_of);
        """,
    ),
    (
        # How an event's (and a timeline row's) date was found, so an inferred date is
        # never shown as a reported one.
        "0004_date_from",
        """
        ALTER TABLE events ADD COLUMN date_from TEXT;
        ALTER TABLE timeline ADD COLUMN date_from TEXT;
        """,
    ),
    (
        # The links a feed or sitemap listed (JSON), so its ETag / Last-Modified are only
        # sent once every one of them reached the store: a killed watch fetches the rest.
        "0005_listing_links",
        """
        ALTER TABLE fetches ADD COLUMN links TEXT;
        """,
    ),
    (
        # A corpus step (entities, stories, ...) that raised during the last run: why, and
        # when. The run keeps its articles; the next run retries and clears the row.
        "0007_corpus_failures",
        """
        CREATE TABLE corpus_failures (
            step TEXT PRIMARY KEY, reason TEXT NOT NULL, detail TEXT, run INTEGER,
            seen_at TEXT NOT NULL
        );
        """,
    ),
    (
        # A guess at an undated page's day (the latest date its text mentions) and how it
        # was made: kept apart from ``published``, which is only ever the page's own date.
        "0008_published_estimate",
        """
        ALTER TABLE articles ADD COLUMN published_estimate TEXT;
        ALTER TABLE articles ADD COLUMN published_estimate_from TEXT;
        """,
    ),
    (
        # One row per statement (an utterance however many quotes render it); each quote
        # names its statement.
        "0010_statements",
        """
        CREATE TABLE statements (
            id TEXT PRIMARY KEY, story TEXT, speaker TEXT, speaker_name TEXT, said_on TEXT,
            text TEXT NOT NULL, kind TEXT NOT NULL, quotes TEXT NOT NULL,
            articles TEXT NOT NULL, sources TEXT NOT NULL,
            independent_sources INTEGER NOT NULL DEFAULT 0, best_quote TEXT
        );
        CREATE INDEX statements_story ON statements(story, said_on);
        ALTER TABLE quotes ADD COLUMN statement TEXT;
        CREATE INDEX quotes_statement ON quotes(statement);
        """,
    ),
    (
        # Each article's language (detect_language) and, when no pipeline for it is
        # installed, why it was not analysed ("no pipeline for 'de'").
        "0011_language",
        """
        ALTER TABLE articles ADD COLUMN language TEXT;
        ALTER TABLE articles ADD COLUMN not_analysed TEXT;
        CREATE INDEX articles_language ON articles(language, published);
        """,
    ),
    (
        # Whether an event took place or is planned, hypothetical or negated (kept apart
        # from what happened), whether a mention is its article's lead happening, and the
        # trigger's own words that titles are made of.
        "0012_event_status",
        """
        ALTER TABLE event_mentions ADD COLUMN status TEXT NOT NULL DEFAULT 'happened';
        ALTER TABLE event_mentions ADD COLUMN lead INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE event_mentions ADD COLUMN phrase TEXT;
        ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'happened';
        """,
    ),
    (
        # Key dates first: each story's few days a reader should see first, and each
        # timeline row's score, its rank within its day and the articles that report it.
        "0013_key_dates",
        """
        CREATE TABLE key_dates (
            story TEXT NOT NULL, date TEXT NOT NULL, summary TEXT NOT NULL,
            independent_sources INTEGER NOT NULL DEFAULT 0, rank INTEGER NOT NULL DEFAULT 0,
            score REAL NOT NULL DEFAULT 0, PRIMARY KEY (story, date)
        );
        ALTER TABLE timeline ADD COLUMN score REAL NOT NULL DEFAULT 0;
        ALTER TABLE timeline ADD COLUMN rank INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE timeline ADD COLUMN articles TEXT NOT NULL DEFAULT '[]';
        """,
    ),
    (
        # How each quote's speaker was found ("named", "pronoun", "title", "previous
        # statement"), so views can say when the sentence does not name them.
        "0015_quote_speaker_from",
        "ALTER TABLE quotes ADD COLUMN speaker_from TEXT;",
    ),
    (
        # A timeline row's date provenance as fields, not words in its title: how a dated
        # row's day was inferred, and why an undated row has none.
        "0016_timeline_fields",
        """
        ALTER TABLE timeline ADD COLUMN date_notes TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE timeline ADD COLUMN undated_why TEXT;
        """,
    ),
    (
        # An event row's status (happened, planned, hypothetical, negated) as a field, not
        # words in its title; NULL for a statement row and for rows stored before it.
        "0017_timeline_status",
        "ALTER TABLE timeline ADD COLUMN status TEXT;",
    ),
    (
        # The participant an event mention's trigger verb has as its subject, for titles
        # only (``EventMention.actor``); NULL for rows stored before it.
        "0018_event_actor",
        "ALTER TABLE event_mentions ADD COLUMN actor TEXT;",
    ),
]


def applied(conn: sqlite3.Connection) -> set[str]:
    """Names of the migrations applied to the store (creating the table that lists them)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
    )
    return _applied_names(conn)


def _applied_names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM schema_migrations")}


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply missing migrations in order, each in its own transaction; return their names."""
    done = applied(conn)
    ran = []
    for name, sql in MIGRATIONS:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, datetime('now'))", (name,)
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        ran.append(name)
    return ran


def _statements(sql: str) -> list[str]:
    # executescript() would commit implicitly; splitting keeps each migration atomic.
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return [s for s in out if s]


def pending(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations ``migrate`` would apply, in order; reads only (a read-only
    connection can ask). A store with no migrations table has every migration pending."""
    has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                             "AND name = 'schema_migrations'").fetchone()
    done = _applied_names(conn) if has_table else set()
    return [name for name, _ in MIGRATIONS if name not in done]
